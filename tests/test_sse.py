"""The chat stream decoder: Honcho's plain text chunks and real Server-Sent Events."""

from __future__ import annotations

import pytest

from honcho_client._sse import ChatChunkDecoder


def _decode(pieces: list[str]) -> list[str]:
    decoder = ChatChunkDecoder()
    out = [chunk for piece in pieces for chunk in decoder.feed(piece)]
    return out + decoder.flush()


def test_plain_text_chunks_pass_through_as_they_arrive() -> None:
    decoder = ChatChunkDecoder()
    assert decoder.feed("Alice ") == ["Alice "]
    assert decoder.feed("likes ") == ["likes "]
    assert decoder.feed("tea.") == ["tea."]
    assert decoder.flush() == []


def test_plain_text_that_starts_like_a_field_name_waits_for_more() -> None:
    assert _decode(["da", "ta is important"]) == ["data is important"]
    assert _decode(["d"]) == ["d"]


def test_sse_data_lines() -> None:
    assert _decode(["data: Alice\n\n", "data: likes tea\n\n"]) == ["Alice", "likes tea"]


def test_sse_multi_line_data_joined_with_newlines() -> None:
    assert _decode(["data: line one\ndata: line two\n\n"]) == ["line one\nline two"]


def test_sse_comments_and_other_fields_are_ignored() -> None:
    assert _decode([": keep-alive\n\nevent: message\nid: 7\ndata: hi\n\n"]) == ["hi"]


def test_sse_done_ends_the_stream() -> None:
    decoder = ChatChunkDecoder()
    assert decoder.feed("data: a\n\ndata: [DONE]\n\ndata: after\n\n") == ["a"]
    assert decoder.done


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_sse_split_anywhere(newline: str) -> None:
    text = f"data: hello{newline}{newline}data: world{newline}{newline}"
    pieces = [text[i : i + 3] for i in range(0, len(text), 3)]
    assert _decode(pieces) == ["hello", "world"]


def test_sse_last_event_without_blank_line_is_flushed() -> None:
    assert _decode(["data: tail"]) == ["tail"]
