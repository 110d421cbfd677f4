# Generated from honcho_client/_async/_response.py by `python -m codegen`. Do not edit: change that file.
"""Sync twin of `honcho_client/_async/_response.py`; read that file for the documentation."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

import httpx

__all__ = ["APIResponse"]

T = TypeVar("T")


class APIResponse(Generic[T]):
    """The HTTP response of one call, with `parse()` to get the typed result.

    From `.with_raw_response` the body is already read; from `.with_streaming_response` it is
    read only on demand (`iter_bytes`, `iter_text`, `iter_lines`, `read`, `parse`), and leaving
    the `with` block closes the connection.
    """

    def __init__(self, response: httpx.Response, parse: Callable[[httpx.Response], T]) -> None:
        self.http_response = response
        self._parse = parse
        self._parsed: list[T] = []

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def url(self) -> httpx.URL:
        return self.http_response.url

    @property
    def method(self) -> str:
        return self.http_response.request.method

    def read(self) -> bytes:
        """The whole body."""
        return self.http_response.read()

    def parse(self) -> T:
        """The typed result, as the plain method call would have returned it."""
        if not self._parsed:
            self.read()
            self._parsed.append(self._parse(self.http_response))
        return self._parsed[0]

    def iter_bytes(self, chunk_size: int | None = None) -> Iterator[bytes]:
        for chunk in self.http_response.iter_bytes(chunk_size):
            yield chunk

    def iter_text(self, chunk_size: int | None = None) -> Iterator[str]:
        for chunk in self.http_response.iter_text(chunk_size):
            yield chunk

    def iter_lines(self) -> Iterator[str]:
        for line in self.http_response.iter_lines():
            yield line

    def close(self) -> None:
        self.http_response.close()

    def __enter__(self) -> APIResponse[T]:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<{type(self).__name__} [{self.status_code}] {self.method} {self.url.path}>"
