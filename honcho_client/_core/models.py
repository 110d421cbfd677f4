"""The base class of every generated model: pydantic's `BaseModel` plus `to_dict()` and
`to_json()`, which by default return what the server sent (API names, only the fields set)."""

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
        """The model as a dict. `mode="json"` gives only JSON values (a datetime as ISO 8601);
        `use_api_names=False` keys fields by their Python names; `exclude_unset`,
        `exclude_defaults` and `exclude_none` leave out fields not sent, at their default, or None;
        `warnings` warns of a value that does not match its field's type."""
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
        """The model as a JSON string, indented by `indent` spaces (None: on one line); the other
        arguments are those of `to_dict`."""
        return self.model_dump_json(
            indent=indent,
            by_alias=use_api_names,
            exclude_unset=exclude_unset,
            exclude_defaults=exclude_defaults,
            exclude_none=exclude_none,
            warnings=warnings,
        )
