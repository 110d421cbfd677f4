"""The request models the fake validates with, configured to behave like the real server.

Bodies use the SDK's generated pydantic models (``honcho_client.types``), reconfigured at
runtime: unknown fields are ignored (the SDK's own models reject them), and the few rules the
real server enforces beyond the published spec are added here, and only here:

- ``label`` is accepted wherever ``metamessage_type`` is;
- a collection may not be named ``honcho`` in any letter case;
- a chat holds at most 25 queries of at most 10,000 characters each.

Query parameters are small pydantic models of the parameters each route declares.
"""

from __future__ import annotations

import functools
from datetime import datetime
from types import GenericAlias
from typing import Annotated, Any, get_args, get_origin

from pydantic import AliasChoices, BaseModel, ConfigDict, Field, create_model, field_validator
from pydantic.fields import FieldInfo

from honcho_client import types

__all__ = ["body_model", "query_model"]

MAX_QUERIES = 25
MAX_QUERY_LENGTH = 10_000
RESERVED_COLLECTION = "honcho"


def _reserved_name(value: str | None) -> str | None:
    if value is not None and value.lower() == RESERVED_COLLECTION:
        raise ValueError(f"Collection name cannot be '{RESERVED_COLLECTION}'")
    return value


def _chat_limits(value: str | list[str]) -> str | list[str]:
    if isinstance(value, str):
        if len(value) > MAX_QUERY_LENGTH:
            raise ValueError("Query too long")
    else:
        if len(value) > MAX_QUERIES:
            raise ValueError("Too many queries")
        if any(len(query) > MAX_QUERY_LENGTH for query in value):
            raise ValueError("One or more queries too long")
    return value


_EXTRA_RULES: dict[str, dict[str, Any]] = {
    "CollectionCreate": {"reserved_name": field_validator("name")(_reserved_name)},
    "CollectionUpdate": {"reserved_name": field_validator("name")(_reserved_name)},
    "DialecticOptions": {"chat_limits": field_validator("queries")(_chat_limits)},
}
# Fields the server also accepts under a second name: field -> other accepted keys.
_ALIASES: dict[str, dict[str, tuple[str, ...]]] = {
    "MetamessageCreate": {"metamessage_type": ("label",)},
    "MetamessageGet": {"metamessage_type": ("label",)},
    "MetamessageUpdate": {"metamessage_type": ("label",)},
}


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model ``M`` of a ``list[M]`` annotation, else ``None``."""
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        if isinstance(item, type) and issubclass(item, BaseModel):
            return item
    return None


@functools.cache
def _lenient(model: type[BaseModel]) -> type[BaseModel]:
    """``model`` reconfigured like the server's: extra keys ignored, server-only rules added."""
    name = model.__name__
    base = type(
        name, (model,), {"model_config": ConfigDict(extra="ignore"), "__module__": __name__}
    )
    aliases = _ALIASES.get(name, {})
    fields: dict[str, Any] = {}
    for field_name, info in model.model_fields.items():
        nested = _nested_model(info.annotation)
        if field_name not in aliases and nested is None:
            continue
        extra: dict[str, Any] = {}
        if field_name in aliases:
            extra["validation_alias"] = AliasChoices(field_name, *aliases[field_name])
        annotation = GenericAlias(list, (_lenient(nested),)) if nested else info.annotation
        fields[field_name] = (annotation, FieldInfo.merge_field_infos(info, **extra))
    return create_model(name, __base__=base, __validators__=_EXTRA_RULES.get(name, {}), **fields)


def body_model(name: str) -> type[BaseModel]:
    """The server-like variant of the generated request model ``honcho_client.types.<name>``."""
    model = getattr(types, name)
    assert isinstance(model, type) and issubclass(model, BaseModel)
    return _lenient(model)


# -- query parameters ------------------------------------------------------------------

_QUERY_FIELDS: dict[str, tuple[Any, Any]] = {
    # pagination: page and size come from the pagination dependency, reverse from the route
    "page": (Annotated[int, Field(ge=1)], 1),
    "size": (Annotated[int, Field(ge=1, le=100)], 50),
    "reverse": (bool | None, False),
    "app_id": (str | None, None),
    "user_id": (str | None, None),
    "session_id": (str | None, None),
    "collection_id": (str | None, None),
    "message_id": (str | None, None),
    "deep_copy": (bool, False),
    "expires_at": (datetime | None, None),
}
_LENIENT = ConfigDict(extra="ignore")


@functools.cache
def query_model(*names: str) -> type[BaseModel]:
    """A model of the named query parameters, validated in the order given."""
    fields = {name: _QUERY_FIELDS[name] for name in names}
    return create_model("Query", __config__=_LENIENT, **fields)  # type: ignore[no-any-return,call-overload]  # the fields are built at runtime
