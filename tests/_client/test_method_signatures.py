"""Methods are what they look like: real signatures, and unknown keywords refused before sending.

Every operation of openapi.yaml, on every view of both clients (parsed, raw, streaming), is read
for its signature and called with a misspelled keyword over a transport that counts requests.
"""

from __future__ import annotations

import inspect
from typing import Any

import httpx
import pytest
from _spec_samples import OperationCase, operations, resolve_method

from honcho_client import AsyncHoncho, Honcho

CASES = operations()
VIEWS = ["parsed", "raw", "streaming"]


class _Counting:
    """Counts the requests that reach the transport (there must be none)."""

    def __init__(self) -> None:
        self.sent = 0

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.sent += 1
        return httpx.Response(500)


def _view(client: Honcho | AsyncHoncho, view: str) -> Any:
    if view == "raw":
        return client.with_raw_response
    if view == "streaming":
        return client.with_streaming_response
    return client


def _required_args(method: Any) -> tuple[list[object], dict[str, object]]:
    args: list[object] = []
    kwargs: dict[str, object] = {}
    for p in inspect.signature(method).parameters.values():
        if p.default is not p.empty or p.kind is p.VAR_KEYWORD:
            continue
        value = p.name + "-1"
        if p.kind is p.POSITIONAL_OR_KEYWORD:
            args.append(value)
        else:
            kwargs[p.name] = value
    return args, kwargs


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_every_sync_method_lists_its_parameters_and_refuses_unknown_keywords(
    case: OperationCase, view: str
) -> None:
    counter = _Counting()
    client = Honcho(
        base_url="http://honcho.test",
        http_client=httpx.Client(transport=httpx.MockTransport(counter.handler)),
    )
    method = resolve_method(_view(client, view), case)
    signature = inspect.signature(method)
    names = list(signature.parameters)
    assert "self" not in names and "options" in names
    assert {"args", "kwargs"}.isdisjoint(names)
    assert signature.return_annotation not in (inspect.Signature.empty, "object")
    assert method.__name__ == case.name and method.__doc__
    args, kwargs = _required_args(method)
    with pytest.raises(
        TypeError,
        match=rf"{case.name}\(\) got an unexpected keyword argument 'timout'; did you mean 'timeout'\?",
    ):
        method(*args, **kwargs, timout=3)
    with pytest.raises(TypeError, match="unexpected keyword argument 'no_such_argument'"):
        method(*args, **kwargs, no_such_argument=1)
    assert counter.sent == 0


@pytest.mark.parametrize("view", VIEWS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
async def test_every_async_method_lists_its_parameters_and_refuses_unknown_keywords(
    case: OperationCase, view: str
) -> None:
    counter = _Counting()
    async with AsyncHoncho(
        base_url="http://honcho.test",
        http_client=httpx.AsyncClient(transport=httpx.MockTransport(counter.handler)),
    ) as client:
        method = resolve_method(_view(client, view), case)
        signature = inspect.signature(method)
        assert "self" not in signature.parameters and "options" in signature.parameters
        assert signature.return_annotation not in (inspect.Signature.empty, "object")
        args, kwargs = _required_args(method)
        with pytest.raises(
            TypeError, match="unexpected keyword argument 'timout'; did you mean 'timeout'"
        ):
            method(*args, **kwargs, timout=3)
    assert counter.sent == 0


def test_a_misspelled_body_field_names_the_field_it_resembles() -> None:
    client = Honcho(base_url="http://honcho.test")
    with pytest.raises(TypeError, match="'metdata'; did you mean 'metadata'"):
        client.apps.create(name="a", metdata={"k": 1})  # type: ignore[call-arg]


def test_the_signature_is_the_generated_methods_own() -> None:
    client = Honcho(base_url="http://honcho.test")
    signature = inspect.signature(client.apps.users.metamessages.create)
    assert list(signature.parameters) == [
        "user_id",
        "app_id",
        "metamessage_type",
        "content",
        "session_id",
        "message_id",
        "metadata",
        "options",
    ]
    assert signature.parameters["user_id"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    assert signature.return_annotation == "Metamessage"
    raw = inspect.signature(client.apps.with_raw_response.users.metamessages.create)
    assert raw.return_annotation == "APIResponse[Metamessage]"
    assert inspect.signature(client.apps.users.list).return_annotation == "SyncPage[User]"


def test_help_lists_methods_as_methods() -> None:
    import pydoc

    text = pydoc.render_doc(
        type(Honcho(base_url="http://honcho.test").apps), renderer=pydoc.plaintext
    )
    methods = text.split("Methods defined here:")[1].split("----------")[0]
    assert "create(self, *, name: 'str'" in methods
    assert "Data descriptors defined here:" not in text.split("with_raw_response")[0]


def test_a_streamed_chat_refuses_unknown_keywords_and_says_what_it_returns() -> None:
    counter = _Counting()
    client = Honcho(
        base_url="http://honcho.test",
        http_client=httpx.Client(transport=httpx.MockTransport(counter.handler)),
    )
    chat = client.apps.users.sessions.chat
    signature = inspect.signature(chat)
    assert signature.parameters["stream"].annotation == "bool"
    assert signature.return_annotation == "DialecticResponse | ChatStream"
    with pytest.raises(TypeError, match="'querys'; did you mean 'queries'"):
        chat("s", app_id="a", user_id="u", stream=True, querys="q")  # type: ignore[call-overload]
    assert counter.sent == 0
