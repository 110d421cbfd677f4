"""Why a request's URL could not be built, told as a `RequestValidationError` naming the field.

Path parameters are percent-encoded (see `_request.encode_path`), so any text is a valid path
segment, but two things still cannot make a URL: a string holding a lone surrogate (it has no
UTF-8 form) and a URL longer than the HTTP library accepts (65,536 characters). `url_error` turns
the library's error into one that says which id or query value caused it, before sending.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from .errors import RequestValidationError, ValidationIssue
from .jsonbody import surrogate_at

MAX_URL_LENGTH = 65_536  # httpx refuses longer URLs


def url_error(
    operation: str,
    path: Mapping[str, object],
    query: Sequence[tuple[str, object]],
    error: Exception,
) -> RequestValidationError:
    """The RequestValidationError for a URL that `error` refused."""
    values = [(("path", name), value) for name, value in path.items()] + [
        (("query", name), value) for name, value in query
    ]
    issues = [
        ValidationIssue(
            loc,
            "utf-8",
            f"contains a lone surrogate U+{ord(value[index]):04X} at position {index}: "
            "no UTF-8 form",
        )
        for loc, value in values
        if isinstance(value, str) and (index := surrogate_at(value)) is not None
    ]
    if not issues and "too long" in str(error):
        loc, longest = max(values, key=lambda item: len(str(item[1])), default=(("url",), ""))
        issues.append(
            ValidationIssue(
                loc,
                f"max_url_length={MAX_URL_LENGTH}",
                f"is {len(str(longest))} characters long, which makes the URL longer than the "
                f"{MAX_URL_LENGTH} characters HTTP clients accept",
            )
        )
    if not issues:
        issues.append(ValidationIssue(("url",), "url", f"cannot be built: {error}"))
    return RequestValidationError(operation, issues)
