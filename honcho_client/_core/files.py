"""File values of multipart uploads: what a file parameter accepts, and its check."""

from __future__ import annotations

from typing import IO, Annotated, TypeAlias

from pydantic import AfterValidator

FileContent: TypeAlias = "bytes | IO[bytes]"
FileTypes: TypeAlias = "bytes | IO[bytes] | tuple[str | None, bytes | IO[bytes], str | None]"
"""bytes, a binary file object, or `(filename, content, media_type)`."""


def _check_file(value: object) -> object:
    content = value[1] if isinstance(value, tuple) and len(value) == 3 else value
    if isinstance(content, (bytes, bytearray)) or callable(getattr(content, "read", None)):
        return value
    raise ValueError(
        "must be bytes, a binary file object, or a (filename, content, media_type) tuple"
    )


FileField = Annotated[object, AfterValidator(_check_file)]
"""The annotation of a file field in a generated request model."""
