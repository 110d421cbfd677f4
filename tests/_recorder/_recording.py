"""The recording side: what a scenario calls to send requests to a live server.

A scenario works with concrete values (ids from the answers it got); the
:class:`Recording` sends each request, and stores request and answer with symbols.
"""

from __future__ import annotations

import base64
import contextlib
import json
import secrets
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, unquote, urlencode

from ._cassette import (
    Exchange,
    RecordedRequest,
    RecordedResponse,
    compress_macros,
    encode_json,
    expand_macros,
)
from ._symbols import LLM, Symbolizer
from ._wire import Answer, Wire

ABSENT: Any = object()
DEFAULT: Any = object()


def new_run_prefix() -> str:
    """A short random prefix that keeps names unique on a shared server."""
    return "r" + secrets.token_hex(4)


def segment(text: str) -> str:
    """``text`` percent-encoded as one path segment (``/`` included)."""
    return quote(text, safe="")


@dataclass(frozen=True)
class Reply:
    """An answer as a scenario sees it (concrete values)."""

    status: int
    headers: Mapping[str, str]
    body: Any

    @property
    def json(self) -> Any:
        return self.body

    def __getitem__(self, key: str) -> Any:
        return self.body[key]


class Recording:
    """Sends a scenario's requests to one server and records them symbolically."""

    def __init__(
        self,
        wire: Wire,
        *,
        auth: bool,
        admin_key: str | None = None,
        run: str | None = None,
        known: Iterable[str] = (),
    ) -> None:
        self.wire = wire
        self.auth = auth
        self.admin_key = admin_key if auth else None
        self.run = run or new_run_prefix()
        fixed = {"run": self.run, "base_url": wire.base_url}
        if self.admin_key:
            fixed["admin_key"] = self.admin_key
        self.symbols = Symbolizer(fixed)
        self.exchanges: list[Exchange] = []
        self._macros: list[tuple[Any, dict[str, Any]]] = []
        self.known_covers = frozenset(known)

    # -- values ------------------------------------------------------------------------

    def name(self, base: str = "x") -> str:
        """A name unique to this run: ``<run>-<base>``."""
        return f"{self.run}-{base}"

    def macro(self, macro: dict[str, Any]) -> Any:
        """The concrete value of a macro (``repeat``/``items``), stored compactly."""
        value = expand_macros(macro)
        self._macros.append((value, macro))
        return value

    # -- requests ----------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        query: Mapping[str, Any] | Sequence[tuple[str, Any]] | None = None,
        json: Any = ABSENT,
        text: str | None = None,
        raw: bytes | None = None,
        headers: Mapping[str, str] | None = None,
        token: Any = DEFAULT,
        covers: str | Iterable[str] = (),
        unordered: bool = False,
    ) -> Reply:
        """Send one request and record it.

        ``path`` is the percent-encoded path; ``query`` is encoded here. The body is
        ``json`` (a value), ``text`` (sent as is, e.g. with ``NaN``) or ``raw`` bytes.
        ``token``: by default the admin key when recording the auth server; ``None``
        sends no ``Authorization`` header.
        """
        target = path
        if query:
            pairs = list(query.items()) if isinstance(query, Mapping) else list(query)
            target += "?" + urlencode([(k, _query_text(v)) for k, v in pairs], quote_via=quote)
        sent_headers: dict[str, str] = {}
        body_kind: str | None = None
        body: Any = None
        content: bytes | None = None
        if json is not ABSENT:
            body_kind, body, content = "json", json, encode_json(json)
            sent_headers["content-type"] = "application/json"
        elif text is not None:
            body_kind, body, content = "text", text, text.encode("utf-8")
            sent_headers["content-type"] = "application/json"
        elif raw is not None:
            body_kind, body, content = "base64", base64.b64encode(raw).decode("ascii"), raw
            sent_headers["content-type"] = "application/json"
        if token is DEFAULT:
            token = self.admin_key
        if token:
            sent_headers["authorization"] = f"Bearer {token}"
        sent_headers.update({k.lower(): v for k, v in (headers or {}).items()})

        answer = self.wire.send(method, target, sent_headers, content)
        self.symbols.note_literals(request_strings(target, body_kind, body))

        tags = (covers,) if isinstance(covers, str) else tuple(covers)
        unknown = [t for t in tags if self.known_covers and t not in self.known_covers]
        if unknown:
            raise ValueError(f"unknown coverage tags {unknown}")
        stored_request = RecordedRequest(
            method=method,
            target=self.symbols.text(target),
            headers={k: self.symbols.text(v) for k, v in sent_headers.items()},
            body_kind=body_kind,
            body=self._stored_request_body(body_kind, body),
        )
        stored_response = symbolize_answer(self.symbols, method, target, answer)
        raw_request = stored_request.to_json()
        raw_response = stored_response.to_json()
        if body_kind == "json":
            raw_request["json"] = compress_macros(stored_request.body, self._macros)
        if stored_response.body_kind == "json":
            raw_response["json"] = compress_macros(stored_response.body, self._macros)
        self.exchanges.append(
            Exchange(
                stored_request,
                stored_response,
                covers=tags,
                unordered=unordered,
                raw_request=raw_request,
                raw_response=raw_response,
            )
        )
        return Reply(answer.status, answer.headers, answer.body)

    def _stored_request_body(self, kind: str | None, body: Any) -> Any:
        if kind == "json":
            return self.symbols.request_value(body)
        if kind == "text":
            return self.symbols.text(body)
        return body

    # -- shorthands --------------------------------------------------------------------

    def get(self, path: str, **kwargs: Any) -> Reply:
        return self.request("GET", path, **kwargs)

    def post(self, path: str, **kwargs: Any) -> Reply:
        return self.request("POST", path, **kwargs)

    def put(self, path: str, **kwargs: Any) -> Reply:
        return self.request("PUT", path, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> Reply:
        return self.request("DELETE", path, **kwargs)


def symbolize_answer(
    symbols: Symbolizer, method: str, target: str, answer: Answer
) -> RecordedResponse:
    """An answer as stored: symbols for ids, keys, timestamps and the model's words."""
    path = target.partition("?")[0]
    headers = {k: symbols.text(v) for k, v in answer.headers.items()}
    is_chat = method == "POST" and path.endswith("/chat") and answer.status == 200
    if answer.body_kind == "json":
        body = answer.body
        if is_chat and isinstance(body, dict) and isinstance(body.get("content"), str):
            body = {**body, "content": LLM}
        value = symbols.response_value(body)
        return RecordedResponse(answer.status, headers, "json", value, answer.closed)
    text = answer.body
    if is_chat and text and answer.headers.get("content-type", "").startswith("text/event-stream"):
        text = LLM  # the model's words (an empty stream stays empty)
    return RecordedResponse(answer.status, headers, "text", symbols.text(text), answer.closed)


def macros_in(value: Any) -> list[tuple[Any, dict[str, Any]]]:
    """Every macro in a (symbolic) body, with its expanded value."""
    if isinstance(value, dict):
        if set(value) in ({"$repeat", "times"}, {"$items"}):
            return [(expand_macros(value), value)]
        return [m for item in value.values() for m in macros_in(item)]
    if isinstance(value, list):
        return [m for item in value for m in macros_in(item)]
    return []


def _query_text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def request_strings(target: str, kind: str | None, body: Any) -> list[str]:
    path, _, query = target.partition("?")
    found = [unquote(part) for part in path.split("/")]
    for pair in query.split("&"):
        found += [unquote(part) for part in pair.split("=")]
    if kind == "json":
        _strings(body, found.append)
    elif kind == "text":
        found.append(str(body))
        with contextlib.suppress(ValueError):
            _strings(json.loads(str(body)), found.append)
    return found


def _strings(value: Any, add: Callable[[str], None]) -> None:
    if isinstance(value, str):
        add(value)
    elif isinstance(value, dict):
        for key, item in value.items():
            add(key)
            _strings(item, add)
    elif isinstance(value, list):
        for item in value:
            _strings(item, add)
