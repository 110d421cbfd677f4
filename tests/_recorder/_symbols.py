"""Symbolic values in cassettes: ids, keys, timestamps, the run prefix and model text.

On the recording side a :class:`Symbolizer` turns concrete values into symbols:

- ids (21 characters) and keys first seen in a response become ``{app_1}``,
  ``{session_2}``, ``{key_1}``… (the kind comes from where the value is seen);
- timestamps become a format token ``{ts:9999-99-99T99:99:99.999999Z}`` (each digit
  is a ``9``): the value is exempt, the format is not;
- words written by the language model become ``{llm}`` (in a saved user representation,
  only those under its first heading);
- the run prefix (keeps names unique on a shared server) becomes ``{run}``, the
  server's base URL ``{base_url}`` and the admin key ``{admin_key}``.

On the replay side a :class:`Binder` expands symbols into the new server's values and
*unifies* a recorded value with an actual one: a symbol seen for the first time is bound
to the actual value, a bound one must equal it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

ID_PATTERN = re.compile(r"[A-Za-z0-9_-]{21}")
TIMESTAMP_PATTERN = re.compile(
    r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?"
)
KINDS = (
    "app",
    "user",
    "session",
    "message",
    "metamessage",
    "collection",
    "document",
    "key",
    "id",
)
SYMBOL_PATTERN = re.compile(
    r"\{(?:(?:" + "|".join(KINDS) + r")_\d+|run|base_url|admin_key|llm|ts:[^{}]*)\}"
)
LLM = "{llm}"
# Counts, in a Binder's values, the timestamps that matched a ".ffffff" token without a
# fraction: the server writes none when the microseconds are 0 (about one value in a
# million), so one such value per scenario is accepted, not more.
WHOLE_SECONDS = "#whole-second-timestamps"
# The label of the metamessage in which chat saves the model's picture of the user.
REPRESENTATION_LABEL = "honcho_user_representation"
# The server's layout of a representation: two headings, the model's words under the first.
REPRESENTATION_LAYOUT = re.compile(
    r"(?P<mental>\nPREDICTION ABOUT THE USER'S CURRENT MENTAL STATE:\n)(?s:.*)"
    r"(?P<facts>\n\nRELEVANT LONG-TERM FACTS ABOUT THE USER:\n)(?P<listed>\[.*\])\n",
    re.DOTALL,
)


def timestamp_token(value: str) -> str:
    """The format token of a timestamp: every digit becomes ``9``."""
    return "{ts:" + re.sub(r"\d", "9", value) + "}"


def _token_regex(token: str) -> str:
    return "".join(r"\d" if ch == "9" else re.escape(ch) for ch in token[4:-1])


def kind_of_object(obj: Mapping[str, Any]) -> str:
    """The resource kind of a response object, from the keys it has."""
    keys = set(obj)
    if "metamessage_type" in keys or "label" in keys:
        return "metamessage"
    if "is_user" in keys:
        return "message"
    if "is_active" in keys:
        return "session"
    if "collection_id" in keys:
        return "document"
    if "user_id" in keys and "name" in keys:
        return "collection"
    if "app_id" in keys and "name" in keys:
        return "user"
    if "name" in keys:
        return "app"
    return "id"


class Symbolizer:
    """Replaces concrete values by symbols while a scenario is recorded."""

    def __init__(self, fixed: Mapping[str, str]) -> None:
        # value -> symbol; fixed ones first (run prefix, base URL, admin key)
        self.symbols: dict[str, str] = {}
        self._counters: dict[str, int] = {}
        self._literals: set[str] = set()
        for name, value in fixed.items():
            if value:
                self.symbols[value] = "{" + name + "}"
        self._order: list[str] = []
        self._reorder()

    def _reorder(self) -> None:
        self._order = sorted(self.symbols, key=len, reverse=True)

    def bind(self, kind: str, value: str) -> str:
        """The symbol of ``value``, binding a new ``{kind_N}`` if it is new."""
        symbol = self.symbols.get(value)
        if symbol is None:
            self._counters[kind] = self._counters.get(kind, 0) + 1
            symbol = f"{{{kind}_{self._counters[kind]}}}"
            self.symbols[value] = symbol
            self._reorder()
        return symbol

    def note_literals(self, values: Iterable[str]) -> None:
        """Strings a request carried: they are never taken for new ids or timestamps."""
        self._literals.update(values)

    def text(self, value: str) -> str:
        """``value`` with every known concrete value replaced by its symbol."""
        if value in self.symbols:
            return self.symbols[value]
        for concrete in self._order:
            if concrete in value:
                value = value.replace(concrete, self.symbols[concrete])
        return value

    def request_value(self, value: Any) -> Any:
        """A request body value, symbolized."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.request_value(item) for item in value]
        if isinstance(value, dict):
            return {self.text(k): self.request_value(v) for k, v in value.items()}
        return value

    def representation(self, content: str) -> str:
        """A saved user representation: its headings and facts kept, the model's words symbolic."""
        found = REPRESENTATION_LAYOUT.fullmatch(content)
        if found is None:
            return LLM
        return f"{found['mental']}{LLM}{found['facts']}{self.text(found['listed'])}\n"

    def response_value(self, value: Any, key: str | None = None, owner: Any = None) -> Any:
        """A response body value, symbolized, binding the new ids and keys it shows."""
        if isinstance(value, dict):
            if value.get("label") == REPRESENTATION_LABEL and isinstance(value.get("content"), str):
                value = {**value, "content": self.representation(value["content"])}
            return {self.text(k): self.response_value(v, k, value) for k, v in value.items()}
        if isinstance(value, list):
            return [self.response_value(item, key, owner) for item in value]
        if not isinstance(value, str) or value == LLM:
            return value
        if value not in self.symbols and value not in self._literals:
            kind = _kind_of_field(key, owner)
            if kind is not None and (kind == "key" or ID_PATTERN.fullmatch(value)):
                return self.bind(kind, value)
            if TIMESTAMP_PATTERN.fullmatch(value):
                return timestamp_token(value)
        return self.text(value)


def _kind_of_field(key: str | None, owner: Any) -> str | None:
    if key == "id" and isinstance(owner, dict):
        return kind_of_object(owner)
    if key is not None and key.endswith("_id"):
        kind = key[: -len("_id")]
        return kind if kind in KINDS else "id"
    if key == "key" and isinstance(owner, dict) and set(owner) == {"key"}:
        return "key"
    return None


class Unbound(KeyError):
    """A request needs a symbol that no earlier answer bound."""


class Binder:
    """Symbol values of one replay: expands requests, unifies recorded with actual values."""

    def __init__(self, fixed: Mapping[str, str]) -> None:
        self.values: dict[str, str] = {"{" + k + "}": v for k, v in fixed.items()}

    @property
    def whole_second_timestamps(self) -> int:
        """How many timestamps matched their ``.ffffff`` format token without a fraction."""
        return int(self.values.get(WHOLE_SECONDS, "0"))

    # -- requests ----------------------------------------------------------------------

    def expand_text(self, text: str) -> str:
        def sub(match: re.Match[str]) -> str:
            symbol = match.group(0)
            if symbol not in self.values:
                raise Unbound(symbol)
            return self.values[symbol]

        return SYMBOL_PATTERN.sub(sub, text)

    def expand(self, value: Any) -> Any:
        if isinstance(value, str):
            return self.expand_text(value)
        if isinstance(value, list):
            return [self.expand(item) for item in value]
        if isinstance(value, dict):
            return {self.expand_text(k): self.expand(v) for k, v in value.items()}
        return value

    # -- responses ---------------------------------------------------------------------

    def unify(self, expected: Any, actual: Any, where: str = "$") -> list[str]:
        """Differences between a recorded value and an actual one ([] when they agree).

        New symbols are bound as a side effect (only when the whole value agrees).
        """
        trial = dict(self.values)
        differences = _unify(expected, actual, where, trial)
        if not differences:
            self.values = trial
        return differences

    def unify_unordered(self, expected: list[Any], actual: list[Any], where: str) -> list[str]:
        """Like :meth:`unify` for two lists compared as multisets."""
        if len(expected) != len(actual):
            return [f"{where}: {len(actual)} items, recorded {len(expected)}"]
        trial = dict(self.values)
        remaining = list(actual)
        for index, item in enumerate(expected):
            for candidate in remaining:
                attempt = dict(trial)
                if not _unify(item, candidate, f"{where}[{index}]", attempt):
                    trial = attempt
                    remaining.remove(candidate)
                    break
            else:
                return [f"{where}[{index}]: no actual item matches {_short(item)}"]
        self.values = trial
        return []


def _short(value: Any, limit: int = 160) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _unify(expected: Any, actual: Any, where: str, values: dict[str, str]) -> list[str]:
    if isinstance(expected, str):
        if not isinstance(actual, str):
            return [f"{where}: {_short(actual)} is not a string, recorded {_short(expected)}"]
        if _unify_text(expected, actual, values):
            return []
        return [f"{where}: {_short(actual)}, recorded {_short(expected)}"]
    if isinstance(expected, dict):
        if not isinstance(actual, dict):
            return [f"{where}: {_short(actual)} is not an object, recorded {_short(expected)}"]
        differences: list[str] = []
        expected_keys = {_unify_key(k, values): k for k in expected}
        missing = [k for k in expected_keys if k not in actual]
        extra = [k for k in actual if k not in expected_keys]
        if missing:
            differences.append(f"{where}: missing keys {sorted(missing)}")
        if extra:
            differences.append(f"{where}: unexpected keys {sorted(extra)}")
        for key, recorded_key in expected_keys.items():
            if key in actual:
                differences += _unify(expected[recorded_key], actual[key], f"{where}.{key}", values)
        return differences
    if isinstance(expected, list):
        if not isinstance(actual, list):
            return [f"{where}: {_short(actual)} is not a list, recorded {_short(expected)}"]
        if len(expected) != len(actual):
            return [f"{where}: {len(actual)} items, recorded {len(expected)}"]
        differences = []
        for index, (e, a) in enumerate(zip(expected, actual, strict=True)):
            differences += _unify(e, a, f"{where}[{index}]", values)
        return differences
    # numbers, booleans, null: same type and value (True is not 1)
    if type(expected) is not type(actual) or expected != actual:
        return [f"{where}: {_short(actual)}, recorded {_short(expected)}"]
    return []


def _unify_key(key: str, values: Mapping[str, str]) -> str:
    try:
        return SYMBOL_PATTERN.sub(lambda m: values[m.group(0)], key)
    except KeyError:
        return key


def _unify_text(expected: str, actual: str, values: dict[str, str]) -> bool:
    """Whether ``actual`` fits the recorded text; binds the new symbols it contains."""
    if not SYMBOL_PATTERN.search(expected):
        return expected == actual
    if expected == LLM:
        return True
    whole_seconds = expected.replace(".999999", "")
    if (
        expected.startswith("{ts:")
        and whole_seconds != expected
        and re.fullmatch(_token_regex(whole_seconds), actual)
    ):
        values[WHOLE_SECONDS] = str(int(values.get(WHOLE_SECONDS, "0")) + 1)
        return True
    pattern: list[str] = []
    groups: dict[str, str] = {}
    position = 0
    for match in SYMBOL_PATTERN.finditer(expected):
        pattern.append(re.escape(expected[position : match.start()]))
        position = match.end()
        symbol = match.group(0)
        if symbol == LLM:
            pattern.append(r"(?s:.*)")
        elif symbol.startswith("{ts:"):
            pattern.append(_token_regex(symbol))
        elif symbol in values:
            pattern.append(re.escape(values[symbol]))
        elif symbol in groups.values():
            name = next(g for g, s in groups.items() if s == symbol)
            pattern.append(f"(?P={name})")
        else:
            name = f"g{len(groups)}"
            groups[name] = symbol
            alone = match.start() == 0 and match.end() == len(expected)
            body = r"(?s:.+)" if alone else r"[A-Za-z0-9_.-]+?"
            pattern.append(f"(?P<{name}>{body})")
    pattern.append(re.escape(expected[position:]))
    found = re.fullmatch("".join(pattern), actual)
    if found is None:
        return False
    bound_values = {v for k, v in values.items() if k.startswith("{")}
    for name, symbol in groups.items():
        value = found.group(name)
        if value in bound_values:
            return False  # already the value of another symbol
        values[symbol] = value
        bound_values.add(value)
    return True
