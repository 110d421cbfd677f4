"""Checks of the clients' settings, run by the constructors and `with_options` before any I/O:
a bad setting fails at once with `ConfigurationError` naming the argument and value, not later as
an obscure connection error. The API key is never quoted, only a bad character's position.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

import httpx

from .errors import ConfigurationError, RequestValidationError, ValidationIssue
from .headers import header_problem
from .sentinels import Omit


def check_base_url(value: object, *, source: str = "base_url") -> str:
    """`value` as the base URL text (no trailing slash); an http(s) URL with a host."""
    if not isinstance(value, (str, httpx.URL)):
        raise ConfigurationError(f"{source} must be a str or httpx.URL, got {_type(value)}")
    text = str(value).strip()
    shown = mask_userinfo(text)  # quoted in messages: the password never shows
    try:
        url = httpx.URL(text)
    except (httpx.InvalidURL, ValueError, TypeError) as error:
        reason = str(error).replace(text, shown)
        raise ConfigurationError(f"{source} is not a valid URL: {shown!r} ({reason})") from None
    if url.scheme not in ("http", "https") or not url.host:
        hint = f" (did you mean 'http://{shown}'?)" if "://" not in text else ""
        raise ConfigurationError(
            f"{source} must be an http:// or https:// URL with a host, got {shown!r}{hint}"
        )
    if url.query or url.fragment:
        raise ConfigurationError(f"{source} must not have a query or fragment, got {shown!r}")
    return text.rstrip("/")


_USERINFO = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://)?[^/?#@]*@")


def mask_userinfo(url: str) -> str:
    """`url` with its user info (`user:password@`) shown as `***@`."""
    return _USERINFO.sub(r"\1***@", url, count=1)


def check_api_key(value: object) -> str | None:
    """The key, or None; printable ASCII only (it is sent in the Authorization header)."""
    if value is None:
        return None
    if not isinstance(value, str):
        raise ConfigurationError(f"api_key must be a str or None, got {_type(value)}")
    for index, char in enumerate(value):
        if not (" " <= char <= "~"):
            control = char < " " or char == "\x7f"
            kind = "a control character" if control else "a non-ASCII character"
            raise ConfigurationError(
                f"api_key contains {kind} (U+{ord(char):04X} at position {index}); an API key "
                "is printable ASCII: check for a stray newline or a pasted quote"
            )
    return value


def check_timeout(value: object, *, source: str = "timeout") -> None:
    """A number of seconds > 0, an httpx.Timeout, or None (no timeout)."""
    if value is None or isinstance(value, httpx.Timeout):
        return
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise ConfigurationError(
            f"{source} must be a number of seconds, an httpx.Timeout or None, got {value!r}"
        )
    if not math.isfinite(value) or value <= 0:
        raise ConfigurationError(
            f"{source} must be > 0 seconds (None for no timeout), got {value!r}"
        )


def check_max_retries(value: object, *, source: str = "max_retries") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ConfigurationError(f"{source} must be an int >= 0, got {value!r}")
    return value


def check_max_concurrency(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise ConfigurationError(f"max_concurrency must be an int >= 1, got {value!r}")
    return value


def check_http_client(value: object, expected: type, client: str) -> None:
    """`value` must be an `expected`: httpx.AsyncClient for AsyncHoncho, httpx.Client for Honcho."""
    if value is None or isinstance(value, expected):
        return
    both = isinstance(value, (httpx.Client, httpx.AsyncClient))
    hint = " (Honcho takes an httpx.Client, AsyncHoncho an httpx.AsyncClient)" if both else ""
    raise ConfigurationError(
        f"http_client must be an httpx.{expected.__name__} for {client}, got "
        f"{type(value).__module__}.{type(value).__qualname__}{hint}"
    )


def check_default_headers(value: object, *, source: str = "default_headers") -> dict[str, str]:
    if not isinstance(value, Mapping):
        raise ConfigurationError(f"{source} must be a mapping of str to str, got {_type(value)}")
    out: dict[str, str] = {}
    for name, header in value.items():
        if (problem := header_problem(name, header)) is not None:
            raise ConfigurationError(f"{source}[{name!r}] {problem}")
        out[name] = header
    return out


def check_call_options(operation: str, timeout: object, max_retries: object) -> None:
    """Per-call `timeout` and `max_retries` (`omit` when not given): a bad one is refused before
    anything is sent, as RequestValidationError."""
    issues = []
    for name, rule, value, check in (
        ("timeout", "type", timeout, check_timeout),
        ("max_retries", "minimum=0", max_retries, check_max_retries),
    ):
        try:
            if not isinstance(value, Omit):
                check(value)
        except ConfigurationError as error:
            issues.append(ValidationIssue((name,), rule, str(error).partition(" ")[2]))
    if issues:
        raise RequestValidationError(operation, issues)


def _type(value: object) -> str:
    return "None" if value is None else type(value).__name__
