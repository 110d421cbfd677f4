"""Python names for what the document names: resources and methods of operations, classes, modules.

The rule for operations without `x-sdk-resource`/`x-sdk-method` is stated in the package
docstring (`codegen/__init__.py`) and docs/codegen.md; `names()` implements it.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable

__all__ = ["class_name", "function", "identifier", "module_name", "names", "pascal", "snake"]

_VERSION = re.compile(r"^v\d+(\.\d+)*$")
_CONNECTORS = frozenset({"for", "to", "from", "with", "of", "in", "on", "by", "at", "and"})
# Names the generated modules define themselves.
RESERVED_CLASSES = frozenset(
    {
        *("Annotated", "Literal", "Mapping", "Sequence", "NotRequired", "TypeAlias", "TypedDict"),
        *("BaseModel", "ConfigDict", "Field", "RootModel", "TypeAdapter", "Unpack"),
        *("Call", "Operation", "Page", "RequestOptions", "FileField", "FileTypes", "Omit"),
        *("JsonOf", "Resource", "C", "W", "Raw", "Streaming"),
    }
)
_RESOURCE_RESERVED = frozenset({"with_raw_response", "with_streaming_response"})


def names(
    ops: list[tuple[str, str, str | None, tuple[str, str] | None]],
) -> list[tuple[str, str]]:
    """(resource, method) of each operation, given (path, method, operationId, x-sdk names)."""
    routes = _unmounted([_segments(path) for path, _, _, _ in ops], ops)
    children = _children(routes)
    out: list[tuple[str, str]] = []
    full: dict[int, str] = {}  # derived operations: their whole function name
    for i, (path, method, operation_id, sdk) in enumerate(ops):
        if sdk is not None:
            out.append(sdk)
            continue
        resource, action = _resource(routes[i], children)
        full[i] = function(path, method, operation_id, action)
        out.append((".".join(resource), _short(full[i], resource, method)))
    # A short name taken twice in one resource: those operations keep their function names.
    given = {name for i, name in enumerate(out) if i not in full}
    groups: dict[tuple[str, str], list[int]] = {}
    for i in full:
        groups.setdefault(out[i], []).append(i)
    for key, indexes in groups.items():
        if len(indexes) > 1 or key in given:
            for i in indexes:
                out[i] = (key[0], identifier(full[i], _RESOURCE_RESERVED))
    # Still taken (same function name, other HTTP method): the method is appended.
    seen = set(given)
    for i in full:
        if out[i] in seen:
            out[i] = (out[i][0], f"{out[i][1]}_{ops[i][1].lower()}")
        seen.add(out[i])
    return out


def _segments(path: str) -> list[str]:
    """The path's segments without version prefixes; parameters stay as `{name}`."""
    return [s for s in path.strip("/").split("/") if s and not _VERSION.match(s)]


def _unmounted(
    routes: list[list[str]], ops: list[tuple[str, str, str | None, tuple[str, str] | None]]
) -> list[list[str]]:
    """The routes without the prefix the app was mounted under: a first segment every route
    shares (`/api`) that no operationId names, while FastAPI's route suffixes made from the
    paths without it end some of them (FastAPI made them before the mount)."""
    firsts = {r[0] if r else "" for r in routes}
    if len(firsts) != 1 or len(routes) < 2:
        return routes
    (first,) = firsts
    if not first or first.startswith("{"):
        return routes
    ids = [(path, method, oid) for path, method, oid, _ in ops if oid]
    if any(f"_{first}_" in oid for _, _, oid in ids):
        return routes
    prefix = f"/{first}"
    mounted = any(
        path.startswith(prefix + "/")
        and oid.endswith(re.sub(r"\W", "_", path[len(prefix) :]) + "_" + method.lower())
        for path, method, oid in ids
    )
    return [r[1:] for r in routes] if mounted else routes


def _children(routes: Iterable[list[str]]) -> set[tuple[str, ...]]:
    """Every route prefix that has something below it (a parameter or another segment)."""
    out: set[tuple[str, ...]] = set()
    for segments in routes:
        key = tuple("{}" if s.startswith("{") else s for s in segments)
        for i in range(1, len(key)):
            out.add(key[:i])
    return out


def _resource(segments: list[str], children: set[tuple[str, ...]]) -> tuple[list[str], str | None]:
    """The resource path of a route and the action its last segment names, if any."""
    key = tuple("{}" if s.startswith("{") else s for s in segments)
    statics = [i for i, s in enumerate(segments) if not s.startswith("{")]
    action = None
    if statics and statics[-1] == len(segments) - 1 and len(statics) > 1 and key not in children:
        action = segments[-1]
        statics = statics[:-1]
    return [identifier(snake(segments[i]), _RESOURCE_RESERVED) for i in statics], action


def function(path: str, method: str, operation_id: str | None, action: str | None) -> str:
    """The operation's function name: FastAPI's operationId without its route suffix.

    FastAPI writes `<function>_<path with non-word characters as _>_<method>`. The path in it
    may not be the route's own when the app was mounted under a prefix (`/api`) or the route
    moved (`/v1/workflows` now `/v1/agents`): the suffix is then matched segment by segment
    from the end, and the rest of it, if any, starts at the route's first segment (`_v1_`).
    """
    if not operation_id:
        return snake(method) + (f"_{snake(action)}" if action else "")
    tail = "_" + method.lower()
    if not operation_id.endswith(tail) or len(operation_id) <= len(tail):
        return snake(operation_id)
    rest = operation_id[: -len(tail)]
    segments = [re.sub(r"\W", "_", s) for s in path.split("/")[1:]]
    matched = 0
    for segment in reversed(segments):
        if not rest[: len(rest) - matched].endswith("_" + segment):
            break
        matched += len(segment) + 1
    head = rest[: len(rest) - matched]
    if matched < sum(len(s) + 1 for s in segments):
        first = segments[0] if segments else ""
        start = _route_start(head, first)
        head = head[:start] if start > 0 else head
    return snake(head or operation_id)


def _route_start(head: str, first: str) -> int:
    """Where the rest of a route suffix made from another path starts in `head`: at its last
    `_<first segment>_` or `_v<n>_`, or -1."""
    found = [m.start() for m in re.finditer(rf"_(?:{re.escape(first)}|v\d+)(?=_|$)", head)]
    return found[-1] if found and first else -1


def _short(function: str, resource: list[str], method: str) -> str:
    """The function name without the words that name its resource (or those above it)."""
    words = function.split("_")
    for segment in reversed(resource):
        for form in (segment, _singular(segment)):
            words = _drop(words, form.split("_"))
    while words and words[0] in _CONNECTORS:
        words = words[1:]
    while words and words[-1] in _CONNECTORS:
        words = words[:-1]
    name = "_".join(w for w in words if w)
    return identifier(name or snake(method), _RESOURCE_RESERVED)


def _drop(words: list[str], sub: list[str]) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(words):
        if words[i : i + len(sub)] == sub:
            i += len(sub)
        else:
            out.append(words[i])
            i += 1
    return out


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 3:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


# Casing ---------------------------------------------------------------------------------------


def snake(name: str) -> str:
    """`getPeerCard` / `X-Request-Id` / `get peer card` → `get_peer_card` / `x_request_id`."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", name)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    name = re.sub(r"\W+", "_", name).strip("_").lower()
    return re.sub(r"_+", "_", name)


def identifier(name: str, reserved: frozenset[str] = frozenset()) -> str:
    """A valid Python identifier for `name`, snake_cased; keywords and `reserved` get a `_`."""
    out = snake(name) or "value"
    if out[0].isdigit():
        out = "_" + out
    if keyword.iskeyword(out) or out in reserved:
        out += "_"
    return out


def pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[\W_]+", name) if p)


def class_name(schema: str) -> str:
    """`Page_App_` → `PageApp`, `HTTPValidationError` stays, `Page[Message]` → `PageMessage`."""
    name = "".join(part[:1].upper() + part[1:] for part in re.split(r"[\W_]+", schema) if part)
    if not name or name[0].isdigit():
        name = "Schema" + name
    return name


def module_name(cls: str) -> str:
    """`PageApp` → `page_app`, `HTTPValidationError` → `http_validation_error`."""
    name = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", cls)
    name = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).lower()
    return name + "_" if keyword.iskeyword(name) else name


def sentence(name: str) -> str:
    """`get_or_create` → `Get or create`."""
    text = name.replace("_", " ").strip()
    return text[:1].upper() + text[1:]
