"""The base class of every generated model: pydantic's `BaseModel` plus `to_dict()` and `to_json()`.

The two methods are the conversions users of other typed API SDKs reach for. By default they
return what the server sent: fields under their API names, and only the fields that were set
(a field the server left out is not filled in with its default).
"""

from __future__ import annotations

from typing import Literal

import pydantic


class BaseModel(pydantic.BaseModel):
    """A pydantic model with `to_dict()` and `to_json()`."""

    def to_dict(
        self,
        *,
        mode: Literal["json", "python"] = "python",
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> dict[str, object]:
        """The model as a dict.

        Args:
            mode: ``"python"`` keeps Python values (``datetime``); ``"json"`` gives only
                JSON-compatible values (a ``datetime`` becomes an ISO 8601 string).
            use_api_names: key fields by their names in the API rather than their Python names
                (they differ only where a name is not a valid Python identifier).
            exclude_unset: leave out fields that were not set explicitly (not sent by the server).
            exclude_defaults: leave out fields whose value equals their default.
            exclude_none: leave out fields whose value is ``None``.
            warnings: warn when a value does not match its field's type.
        """
        return self.model_dump(
            mode=mode,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )

    def to_json(
        self,
        *,
        indent: int | None = 2,
        use_api_names: bool = True,
        exclude_unset: bool = True,
        exclude_defaults: bool = False,
        exclude_none: bool = False,
        warnings: bool = True,
    ) -> str:
        """The model as a JSON string, indented by ``indent`` spaces (``None``: on one line).

        The other arguments are those of :meth:`to_dict`.
        """
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )
