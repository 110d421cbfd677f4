"""Secrets never show: the password in `base_url` and the API key appear in no repr, str,
error traceback or log line of any public object, over real sockets.

The objects are gathered from `honcho_client.__all__` and the resource tree, and the test fails
when a public class has a repr or str of its own but no instance here: a new public class must
be added to `_gather` to pass.
"""

from __future__ import annotations

import functools
import logging
import traceback
from collections.abc import Iterator
from typing import Any

import pytest
from _servers.faults import Fault, FaultServer, refused_url

import honcho_client
from honcho_client import NOT_GIVEN, AsyncHoncho, Honcho, HonchoError, ServerSentEvent, omit
from honcho_client._client.resource import Resource

PASSWORD = "PassW0rd"
KEY = "sk-secret-key-123"
LIST = "/v1/apps/a/users/list"
CHAT = "/v1/apps/a/users/u/sessions/s/chat"
PAGE = {
    "items": [{"id": "u", "name": "n", "app_id": "a", "created_at": "2024-05-06T07:08:09Z"}],
    "total": 1,
    "page": 1,
    "size": 1,
    "pages": 1,
}
STATUSES = (400, 401, 403, 404, 409, 422, 429, 418, 500)


def _with_userinfo(url: str) -> str:
    return url.replace("://", f"://agent:{PASSWORD}@")


def _resources(root: Resource[Any, Any]) -> Iterator[Resource[Any, Any]]:
    """Every node of the resource tree under `root`, each class and view once."""
    seen: set[tuple[type, type]] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if (type(node), node._view) in seen:
            continue
        seen.add((type(node), node._view))
        yield node
        for name, attr in vars(type(node)).items():
            if isinstance(attr, functools.cached_property):
                child = getattr(node, name)
                if isinstance(child, Resource):
                    todo.append(child)
        for base in type(node).__mro__[1:]:
            for name, attr in vars(base).items():
                if isinstance(attr, functools.cached_property):
                    child = getattr(node, name)
                    if isinstance(child, Resource):
                        todo.append(child)


def _errors(call: Any) -> BaseException:
    try:
        call()
    except HonchoError as error:
        return error
    raise AssertionError("no error raised")


def _gather_sync(server: FaultServer) -> list[object]:
    url = _with_userinfo(server.url)
    server.route("POST", LIST, json_body=PAGE)
    server.route("POST", CHAT, json_body={"content": "answer"})
    server.route("DELETE", "/v1/apps/a/users/u/sessions/s", json_body=None)
    client = Honcho(api_key=KEY, base_url=url, max_retries=0)
    objects: list[object] = [client, client.with_options(timeout=3), NOT_GIVEN, omit]
    objects += list(_resources(client))
    raw = client.apps.users.with_raw_response.list("a")
    objects += [raw, raw.parse(), client.apps.users.list("a")]
    with client.apps.users.with_streaming_response.list("a") as streaming:
        objects.append(streaming)
    chat = client.apps.users.sessions.chat("s", app_id="a", user_id="u", queries="q", stream=True)
    objects += [chat, chat.text()]
    objects.append(_errors(chat.text))  # StreamConsumedError
    objects.append(client.apps.users.sessions.delete("s", app_id="a", user_id="u"))
    strict = client.with_options(strict_response_validation=True)
    objects.append(_errors(lambda: strict.apps.users.sessions.delete("s", app_id="a", user_id="u")))
    for status in STATUSES:
        server.enqueue("POST", LIST, Fault.status(status))
        objects.append(_errors(lambda: client.apps.users.list("a")))
    server.enqueue("POST", LIST, Fault.read_hang(2))
    objects.append(_errors(lambda: client.apps.users.list("a", timeout=0.2)))  # APITimeoutError
    refused = Honcho(api_key=KEY, base_url=_with_userinfo(refused_url()), max_retries=0)
    objects.append(_errors(lambda: refused.apps.users.list("a")))  # APIConnectionError
    invalid = _errors(lambda: client.apps.users.list("a", size=0))
    objects += [invalid, *invalid.issues]  # type: ignore[attr-defined]  # RequestValidationError
    for bad in (
        f"agent:{PASSWORD}@host",
        f"http://agent:{PASSWORD}@host/?q=1",
        f"ftp://a:{PASSWORD}@h",
    ):
        objects.append(
            _errors(lambda bad=bad: Honcho(api_key=KEY, base_url=bad))
        )  # ConfigurationError
    objects.append(ServerSentEvent(data="x"))
    objects.append(_errors(lambda: raw.parse().get_next_page()))  # UsageError
    server.enqueue("POST", LIST, Fault.status(200, json_body={**PAGE, "pages": 2}))
    objects.append(_errors(lambda: list(client.apps.users.list("a"))))  # pagination stopped
    client.close()
    objects.append(_errors(lambda: client.apps.users.list("a")))  # ClientClosedError
    return objects


async def _gather_async(server: FaultServer) -> list[object]:
    url = _with_userinfo(server.url)
    client = AsyncHoncho(api_key=KEY, base_url=url, max_retries=0)
    objects: list[object] = [client, client.with_options(timeout=3)]
    objects += list(_resources(client))
    paginator = client.apps.users.list("a")
    objects.append(paginator)
    page = await paginator
    raw = await client.apps.users.with_raw_response.list("a")
    objects += [page, raw, await raw.parse()]
    async with client.apps.users.with_streaming_response.list("a") as streaming:
        objects.append(streaming)
    chat = await client.apps.users.sessions.chat(
        "s", app_id="a", user_id="u", queries="q", stream=True
    )
    objects += [chat, await chat.text()]
    await client.close()
    try:
        await client.apps.users.list("a")
    except HonchoError as error:
        objects.append(error)
    if "DefaultAioHttpClient" in honcho_client.__all__:
        try:
            # Not called: aiohttp refuses URL credentials beside the Authorization header
            # httpx makes of them, so a base_url with user info cannot be used on that path.
            fast = AsyncHoncho(
                api_key=KEY, base_url=url, http_client=honcho_client.DefaultAioHttpClient()
            )
        except ImportError:  # the aiohttp extra is not installed
            pass
        else:
            objects += [fast, fast.with_options(timeout=3), fast._http]
            await fast.close()
    return objects


def _texts(obj: object) -> list[str]:
    texts = [repr(obj), str(obj)]
    if isinstance(obj, BaseException):
        texts.append("".join(traceback.format_exception(obj)))
    return texts


def _has_own_text(cls: type) -> bool:
    return cls.__repr__ is not object.__repr__ or cls.__str__ is not object.__str__


async def test_no_public_object_shows_the_password_or_the_key(
    fault_server: FaultServer, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG, logger="honcho_client"):
        objects = _gather_sync(fault_server) + await _gather_async(fault_server)
    for obj in objects:
        for text in _texts(obj):
            assert PASSWORD not in text, (type(obj), text)
            assert KEY not in text, (type(obj), text)
    assert caplog.records, "nothing was logged: the log check would prove nothing"
    assert PASSWORD not in caplog.text and KEY not in caplog.text
    # The user name is masked too, and the clients say where they talk to.
    assert "agent" not in repr(objects[0]) and "***@127.0.0.1" in repr(objects[0])
    # Every public class with a repr or str of its own has an instance above.
    public = [getattr(honcho_client, name) for name in honcho_client.__all__]
    missing = [
        cls.__name__
        for cls in public
        if isinstance(cls, type)
        and not issubclass(cls, dict)  # RequestOptions: a TypedDict, i.e. a plain dict
        and _has_own_text(cls)
        and not any(isinstance(obj, cls) for obj in objects)
    ]
    assert missing == []
    kinds = {type(obj).__name__ for obj in objects}
    assert {"Honcho", "AsyncHoncho", "APIResponse", "SyncPage", "AsyncPaginator"} <= kinds
