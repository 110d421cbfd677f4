"""Small shared types: the `omit` sentinel and the aliases used in method signatures.

`omit` is the default of every optional parameter. It differs from `None`:
an omitted field is not sent at all, `None` is sent as JSON `null`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final, Literal, TypeAlias, final

import httpx

__all__ = ["NOT_GIVEN", "Body", "Headers", "NotGiven", "Omit", "Query", "Timeout", "omit"]


@final
class Omit:
    """Type of `omit`: the parameter was not given by the caller."""

    __slots__ = ()

    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "omit"

    def __reduce__(self) -> str:
        return "omit"


omit: Final = Omit()
# Aliases kept for code written against other Honcho SDKs.
NotGiven = Omit
NOT_GIVEN: Final = omit

Headers: TypeAlias = Mapping[str, str]
Query: TypeAlias = Mapping[str, object]
Body: TypeAlias = Mapping[str, object]
Timeout: TypeAlias = "float | httpx.Timeout | None"
