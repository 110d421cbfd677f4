"""The chat stream decoders: Honcho's plain text, and Server-Sent Events when asked for."""

from __future__ import annotations

import pytest

from honcho_client._core.sse import ServerSentEvent, SSEDecoder, Utf8Chunks


def _text(pieces: list[bytes]) -> list[str]:
    decoder = Utf8Chunks()
    out = [decoder.feed(piece) for piece in pieces]
    return [*out, decoder.flush()]


def _events(pieces: list[str]) -> list[ServerSentEvent]:
    decoder = SSEDecoder()
    out = [event for piece in pieces for event in decoder.feed(piece)]
    return out + decoder.flush()


def _data(pieces: list[str]) -> list[str]:
    return [event.data for event in _events(pieces)]


def test_plain_text_chunks_pass_through_as_they_arrive() -> None:
    assert _text([b"Alice ", b"likes ", b"tea."]) == ["Alice ", "likes ", "tea.", ""]


@pytest.mark.parametrize(
    "text", [":) sure\n", "data: x\r", "\nevent: y\n\n", "id: 7", "retry: 10\r\n", "a\r\nb"]
)
def test_plain_text_that_looks_like_sse_is_kept_as_sent(text: str) -> None:
    data = text.encode()
    assert "".join(_text([data[:3], data[3:]])) == text


def test_a_character_split_across_reads_comes_out_whole() -> None:
    data = "é€😀".encode()
    pieces = [data[i : i + 1] for i in range(len(data))]
    chunks = _text(pieces)
    assert "".join(chunks) == "é€😀"
    assert all("\ufffd" not in chunk for chunk in chunks)


def test_invalid_utf8_becomes_the_replacement_character() -> None:
    assert "".join(_text([b"a\xffb"])) == "a\ufffdb"


def test_sse_data_lines() -> None:
    assert _data(["data: Alice\n\n", "data: likes tea\n\n"]) == ["Alice", "likes tea"]


def test_sse_multi_line_data_joined_with_newlines() -> None:
    assert _data(["data: line one\ndata: line two\n\n"]) == ["line one\nline two"]


def test_sse_comments_and_other_fields() -> None:
    events = _events([": keep-alive\n\nevent: answer\nid: 7\nretry: 250\ndata: hi\nfoo: bar\n\n"])
    assert events == [ServerSentEvent(data="hi", event="answer", id="7", retry=250)]


def test_sse_field_without_colon_and_value_without_space() -> None:
    assert _data(["data\ndata:x\n\n"]) == ["\nx"]


def test_sse_done_ends_the_stream() -> None:
    decoder = SSEDecoder()
    assert [e.data for e in decoder.feed("data: a\n\ndata: [DONE]\n\ndata: after\n\n")] == ["a"]
    assert decoder.done
    assert decoder.feed("data: more\n\n") == [] and decoder.flush() == []


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
@pytest.mark.parametrize("step", [1, 2, 3, 7])
def test_sse_split_anywhere(newline: str, step: int) -> None:
    text = f"data: hello{newline}data: there{newline}{newline}data: world{newline}{newline}"
    pieces = [text[i : i + step] for i in range(0, len(text), step)]
    assert _data(pieces) == ["hello\nthere", "world"]


def test_sse_crlf_split_between_two_reads_is_one_line_break() -> None:
    assert _data(["data: a\r", "\ndata: b\r", "\n\r", "\n"]) == ["a\nb"]


def test_sse_byte_order_mark_at_the_start_is_ignored() -> None:
    assert _data(["\ufeffdata: x\n\n"]) == ["x"]


def test_sse_last_event_without_blank_line_is_flushed() -> None:
    assert _data(["data: tail"]) == ["tail"]
    assert _data(["data: tail\r"]) == ["tail"]
