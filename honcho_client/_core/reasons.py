"""Why a request got no usable response, as a short phrase: `describe` walks an httpx error's
chain of causes (the useful one is often a few down) and names what a caller can act on."""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator

import httpx

_TIMEOUT_PHASES: dict[type[httpx.TimeoutException], tuple[str, str]] = {
    httpx.ConnectTimeout: ("connect", "no connection within {} s"),
    httpx.ReadTimeout: ("read", "the server sent nothing for {} s"),
    httpx.WriteTimeout: ("write", "the request could not be sent within {} s"),
    httpx.PoolTimeout: ("pool", "no free connection within {} s"),
}
_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin(request: httpx.Request) -> str:
    """`scheme://host:port` of `request`, the port always written out."""
    url = request.url
    port = url.port or _DEFAULT_PORTS.get(url.scheme, 0)
    host = f"[{url.host}]" if ":" in url.host else url.host
    return f"{url.scheme}://{host}:{port}"


def describe(error: BaseException, request: httpx.Request | None = None) -> str:
    """What went wrong, e.g. ``connection refused (is a server listening on 127.0.0.1:8000?)``."""
    if isinstance(error, httpx.TimeoutException):
        return _timeout(error, request)
    causes = list(_chain(error))
    host = request.url.host if request is not None else "the host"
    for cause in causes:
        if isinstance(cause, ConnectionRefusedError):
            where = origin(request).split("://", 1)[1] if request is not None else "that address"
            return f"connection refused (is a server listening on {where}? check base_url)"
        if isinstance(cause, socket.gaierror):
            return (
                f"name resolution failed for {host!r} ({cause.strerror or cause}; check base_url)"
            )
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not accepted ({_ssl_detail(causes, 'verify_message')})"
        if isinstance(cause, ssl.SSLError):
            detail = _ssl_detail(causes, "reason")
            return f"TLS handshake failed ({detail}; is the server speaking TLS?)"
        if isinstance(cause, ConnectionResetError):
            return "connection reset by the server"
        if isinstance(cause, BrokenPipeError):
            return "connection closed by the server while the request was being sent"
    text = _first_text(causes)
    lowered = text.lower()
    if "name or service not known" in lowered or "nodename nor servname" in lowered:
        return f"name resolution failed for {host!r} ({text}; check base_url)"
    if "refused" in lowered:
        return f"connection refused ({text})"
    if "reset" in lowered:
        return f"connection reset by the server ({text})"
    if "ssl" in lowered or "certificate" in lowered:
        return f"TLS error ({text})"
    if isinstance(error, httpx.RemoteProtocolError):
        detail = text[:1].lower() + text[1:].rstrip(".")
        return f"the server broke off the HTTP exchange ({detail or 'protocol error'})"
    if isinstance(error, httpx.DecodingError):
        return f"the body could not be decoded ({text})"
    kind = type(error).__name__
    return f"{kind}: {text}" if text else kind


def _timeout(error: httpx.TimeoutException, request: httpx.Request | None) -> str:
    phase, what = next(
        (v for cls, v in _TIMEOUT_PHASES.items() if isinstance(error, cls)),
        ("", "the request timed out"),
    )
    if not phase:
        return what
    seconds = request.extensions.get("timeout", {}).get(phase) if request is not None else None
    limit = what.format("?" if seconds is None else f"{seconds:g}")
    during_tls = phase == "connect" and any(isinstance(c, ssl.SSLError) for c in _chain(error))
    return f"{phase} timeout{' during the TLS handshake' if during_tls else ''}: {limit}"


def _chain(error: BaseException) -> Iterator[BaseException]:
    """`error`, its causes, then the members of any exception group among them (anyio raises
    "All connection attempts failed" from a group of one error per address)."""
    seen: set[int] = set()
    pending: list[BaseException] = [error]
    while pending:
        current: BaseException | None = pending.pop(0)
        while current is not None and id(current) not in seen:
            seen.add(id(current))
            yield current
            members = getattr(current, "exceptions", None)
            if isinstance(members, tuple):
                pending.extend(m for m in members if isinstance(m, BaseException))
            current = current.__cause__ or current.__context__


def _ssl_detail(causes: list[BaseException], name: str) -> str:
    """The `verify_message` or `reason` the ssl module set (aiohttp's ssl errors set neither and
    wrap the ssl module's error)."""
    for cause in causes:
        value = getattr(cause, name, None)
        if value:
            return str(value)
    return _first_text([c for c in causes if isinstance(c, ssl.SSLError)])


def _first_text(causes: list[BaseException]) -> str:
    """The first non-empty message, outermost first (httpx's own is often empty on asyncio)."""
    for cause in causes:
        text = str(cause).strip()
        if text and not text.startswith("Cancelled via cancel scope"):
            return text
    return ""
