"""Cassettes: JSON files of recorded scenarios, each an ordered list of exchanges.

File layout (``tests/cassettes/<group>.json``)::

    {"format": 1, "server": "Honcho 1.1.0", "group": "apps",
     "scenarios": [{"name": "apps.create", "auth": false, "exchanges": [
         {"request": {"method": "POST", "target": "/v1/apps",
                      "headers": {"content-type": "application/json"},
                      "json": {"name": "{run}-a"}},
          "response": {"status": 200, "headers": {"content-type": "application/json"},
                       "json": {"id": "{app_1}", ...}},
          "covers": ["..."]}]}]}

A request body is ``json`` (sent compactly), ``text`` (UTF-8, for bodies JSON cannot
hold, such as ``NaN``) or ``base64`` (raw bytes). A response body is ``json`` or
``text``; a 5xx response also says whether the server ``closed`` the connection after
it. Large repetitive values are stored as macros and expanded on load:
``{"$repeat": "ab", "times": 3}`` is ``"ababab"`` and ``{"$items": 3}`` is
``{"k0": 0, "k1": 1, "k2": 2}``.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

FORMAT = 1
CASSETTE_DIR = Path(__file__).resolve().parent.parent / "cassettes"
# Response headers compared on replay (others, like date or server, are not).
WATCHED_HEADERS = (
    "content-type",
    "connection",
    "allow",
    "location",
    "vary",
    "access-control-allow-origin",
    "access-control-allow-methods",
    "access-control-allow-headers",
    "access-control-allow-credentials",
    "access-control-max-age",
    "access-control-expose-headers",
)
# Request headers a scenario may set (the client adds host, length and the like).
SENT_HEADERS = (
    "content-type",
    "authorization",
    "origin",
    "access-control-request-method",
    "access-control-request-headers",
)


@dataclass
class RecordedRequest:
    method: str
    target: str  # raw request target: percent-encoded path and query, with symbols
    headers: dict[str, str] = field(default_factory=dict)
    body_kind: str | None = None  # "json", "text", "base64" or None (no body)
    body: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"method": self.method, "target": self.target}
        if self.headers:
            out["headers"] = dict(self.headers)
        if self.body_kind is not None:
            out[self.body_kind] = self.body
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedRequest:
        kind = next((k for k in ("json", "text", "base64") if k in data), None)
        return cls(
            method=data["method"],
            target=data["target"],
            headers=dict(data.get("headers", {})),
            body_kind=kind,
            body=expand_macros(data[kind]) if kind else None,
        )

    def content(self, body: Any) -> bytes | None:
        """The body bytes for an (expanded) body value of this request's kind."""
        if self.body_kind is None:
            return None
        if self.body_kind == "json":
            return encode_json(body)
        if self.body_kind == "text":
            return str(body).encode("utf-8")
        return base64.b64decode(str(body))


@dataclass
class RecordedResponse:
    status: int
    headers: dict[str, str] = field(default_factory=dict)
    body_kind: str = "text"  # "json" or "text"
    body: Any = ""
    closed: bool | None = None  # for a 5xx: whether the server closed the connection after it

    def to_json(self) -> dict[str, Any]:
        out = {"status": self.status, "headers": dict(self.headers), self.body_kind: self.body}
        if self.closed is not None:
            out["closed"] = self.closed
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecordedResponse:
        kind = "json" if "json" in data else "text"
        return cls(
            status=data["status"],
            headers=dict(data.get("headers", {})),
            body_kind=kind,
            body=expand_macros(data.get(kind, "")),
            closed=data.get("closed"),
        )


@dataclass
class Exchange:
    request: RecordedRequest
    response: RecordedResponse
    covers: tuple[str, ...] = ()
    # The top-level JSON list is compared as a multiset (document query results).
    unordered: bool = False
    raw_request: Any = None  # the request as stored (macros kept), for saving
    raw_response: Any = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "request": self.raw_request or self.request.to_json(),
            "response": self.raw_response or self.response.to_json(),
        }
        if self.covers:
            out["covers"] = list(self.covers)
        if self.unordered:
            out["unordered"] = True
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Exchange:
        return cls(
            request=RecordedRequest.from_json(data["request"]),
            response=RecordedResponse.from_json(data["response"]),
            covers=tuple(data.get("covers", ())),
            unordered=bool(data.get("unordered", False)),
            raw_request=data["request"],
            raw_response=data["response"],
        )

    @property
    def operation(self) -> tuple[str, str]:
        """Method and path (symbols kept, query dropped)."""
        return self.request.method, self.request.target.partition("?")[0]


@dataclass
class Scenario:
    name: str
    auth: bool
    exchanges: list[Exchange]
    description: str = ""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "auth": self.auth}
        if self.description:
            out["description"] = self.description
        out["exchanges"] = [e.to_json() for e in self.exchanges]
        return out

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Scenario:
        return cls(
            name=data["name"],
            auth=bool(data["auth"]),
            exchanges=[Exchange.from_json(e) for e in data["exchanges"]],
            description=data.get("description", ""),
        )


def encode_json(value: Any) -> bytes:
    """The exact bytes sent for a JSON body (compact, UTF-8, no NaN)."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, allow_nan=False).encode(
        "utf-8"
    )


# -- macros ----------------------------------------------------------------------------


def repeat(text: str, times: int) -> dict[str, Any]:
    return {"$repeat": text, "times": times}


def items(count: int) -> dict[str, Any]:
    return {"$items": count}


def expand_macros(value: Any) -> Any:
    if isinstance(value, dict):
        if set(value) == {"$repeat", "times"}:
            return str(value["$repeat"]) * int(value["times"])
        if set(value) == {"$items"}:
            return {f"k{i}": i for i in range(int(value["$items"]))}
        return {k: expand_macros(v) for k, v in value.items()}
    if isinstance(value, list):
        return [expand_macros(v) for v in value]
    return value


def compress_macros(value: Any, macros: Sequence[tuple[Any, dict[str, Any]]]) -> Any:
    """``value`` with every sub-value equal to an expanded macro replaced by the macro."""
    for expanded, macro in macros:
        if type(value) is type(expanded) and value == expanded:
            return macro
    if isinstance(value, dict):
        return {k: compress_macros(v, macros) for k, v in value.items()}
    if isinstance(value, list):
        return [compress_macros(v, macros) for v in value]
    return value


# -- files -----------------------------------------------------------------------------


def save_group(group: str, scenarios: Sequence[Scenario], directory: Path = CASSETTE_DIR) -> Path:
    directory.mkdir(parents=True, exist_ok=True)
    path = directory / f"{group}.json"
    document = {
        "format": FORMAT,
        "server": "Honcho 1.1.0",
        "group": group,
        "scenarios": [s.to_json() for s in scenarios],
    }
    path.write_text(json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def load_group(path: Path) -> list[Scenario]:
    document = json.loads(path.read_text(encoding="utf-8"))
    if document.get("format") != FORMAT:
        raise ValueError(f"{path}: unknown cassette format {document.get('format')!r}")
    return [Scenario.from_json(s) for s in document["scenarios"]]


def load_all(directory: Path = CASSETTE_DIR) -> list[Scenario]:
    """Every scenario of every cassette in ``directory`` (files in name order)."""
    scenarios: list[Scenario] = []
    for path in sorted(directory.glob("*.json")):
        scenarios += load_group(path)
    return scenarios


def iter_exchanges(scenarios: Sequence[Scenario]) -> Iterator[tuple[Scenario, Exchange]]:
    for scenario in scenarios:
        for exchange in scenario.exchanges:
            yield scenario, exchange
