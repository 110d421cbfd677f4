"""`omit`, the default of every optional parameter: an omitted field is not sent at all, while
`None` is sent as JSON `null`."""

from __future__ import annotations

from typing import Final, Literal, final


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
