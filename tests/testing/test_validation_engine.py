"""The fake's validators report exactly what pydantic v2 (as used by FastAPI) reports.

Each request model of the fake is translated into an equivalent pydantic model; both
validate the same many payloads and must agree on every error (type, loc, msg, input, ctx).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Optional, Union

import pytest
from pydantic import AfterValidator, BaseModel, Field, TypeAdapter, ValidationError, create_model

from honcho_client.testing import _schemas as schemas
from honcho_client.testing._validation import (
    Bool,
    Dict,
    Int,
    Issues,
    ListOf,
    Model,
    Nullable,
    Schema,
    Str,
    StrOrStrList,
    validate_body,
    validate_query,
)

MODELS = {
    name: value
    for name, value in vars(schemas).items()
    if isinstance(value, Model) and name.isupper()
}
POOL: list[Any] = [
    None,
    "",
    "x",
    "honcho",
    "a" * 51,
    "a" * 101,
    0,
    1,
    2,
    1.5,
    2.0,
    -1,
    51,
    True,
    False,
    "yes",
    "maybe",
    "7",
    [],
    ["a"],
    [1],
    [{"content": "c", "is_user": True}],
    [{"content": 1}],
    {},
    {"a": 1},
]


def to_pydantic(schema: Schema, name: str = "Body") -> Any:
    """A pydantic type equivalent to one of the fake's validators."""
    if isinstance(schema, Str):
        return Annotated[str, Field(min_length=schema.min_length, max_length=schema.max_length)]
    if isinstance(schema, Int):
        return Annotated[int, Field(ge=schema.ge, le=schema.le)]
    if isinstance(schema, Bool):
        return bool
    if isinstance(schema, Dict):
        return Annotated[dict[str, Any], Field(max_length=schema.max_length)]
    if isinstance(schema, ListOf):
        item = to_pydantic(schema.item, f"{name}Item")
        return Annotated[list[item], Field(max_length=schema.max_length)]  # type: ignore[valid-type]
    if isinstance(schema, Nullable):
        return Optional[to_pydantic(schema.inner, name)]  # noqa: UP045
    if isinstance(schema, StrOrStrList):
        return Union[str, list[str]]  # noqa: UP007
    if isinstance(schema, Model):
        fields: dict[str, Any] = {}
        for field_name, spec in schema.fields.items():
            annotation = to_pydantic(spec.schema, f"{name}_{field_name}")
            if spec.validator is not None:
                annotation = Annotated[annotation, AfterValidator(_raising(spec.validator))]
            fields[field_name] = (annotation, ... if spec.required else spec.default)
        model: type[BaseModel] = create_model(name, **fields)
        return model
    raise AssertionError(schema)


def _raising(check: Any) -> Any:
    def validate(value: Any) -> Any:
        message = check(value) if value is not None else None
        if message:
            raise ValueError(message)
        return value

    return validate


def pydantic_issues(annotation: Any, payload: Any, prefix: tuple[str, ...]) -> Issues:
    try:
        TypeAdapter(annotation).validate_python(payload, from_attributes=True)
    except ValidationError as error:
        issues = []
        for entry in error.errors(include_url=False):
            entry = dict(entry)
            entry["loc"] = [*prefix, *entry["loc"]]
            if "ctx" in entry and "error" in entry["ctx"]:
                entry["ctx"] = {**entry["ctx"], "error": {}}  # as FastAPI encodes exceptions
            issues.append(json.loads(json.dumps(entry)))
        return issues
    return []


def valid_value(schema: Schema) -> Any:
    if isinstance(schema, Str):
        return "v" * max(schema.min_length or 0, 1)
    if isinstance(schema, Int):
        return schema.ge if schema.ge is not None else 1
    if isinstance(schema, Bool):
        return True
    if isinstance(schema, Dict):
        return {}
    if isinstance(schema, ListOf):
        return []
    if isinstance(schema, Nullable):
        return None
    if isinstance(schema, StrOrStrList):
        return "q"
    if isinstance(schema, Model):
        return {n: valid_value(f.schema) for n, f in schema.fields.items() if f.required}
    raise AssertionError(schema)


def payloads(model: Model) -> list[Any]:
    base = valid_value(model)
    cases: list[Any] = [base, {}, [], "text", 3, None]
    for name in model.fields:
        for value in POOL:
            cases.append({**base, name: value})
        cases.append({k: v for k, v in base.items() if k != name})
    return cases


@pytest.mark.parametrize("name", sorted(MODELS))
def test_body_validation_matches_pydantic(name: str) -> None:
    model = MODELS[name]
    reference = to_pydantic(model, name)
    for payload in payloads(model):
        mine: Issues = []
        validate_body(model, True, payload, mine)
        expected = (
            [{"type": "missing", "loc": ["body"], "msg": "Field required", "input": None}]
            if payload is None
            else pydantic_issues(reference, payload, ("body",))
        )
        assert json.loads(json.dumps(mine)) == expected, payload


def test_large_batch_matches_pydantic() -> None:
    reference = to_pydantic(schemas.MESSAGE_BATCH, "Batch")
    payload = {"messages": [{"content": "c", "is_user": True}] * 101}
    mine: Issues = []
    validate_body(schemas.MESSAGE_BATCH, True, payload, mine)
    assert json.loads(json.dumps(mine)) == pydantic_issues(reference, payload, ("body",))


QUERY_VALUES = ["0", "1", "50", "100", "101", "-3", "abc", "1.0", "1.5", " 7 ", "1_0", ""]
QUERY_VALUES += ["true", "False", "yes", "off", "t", "maybe", "2"]


@pytest.mark.parametrize("param", ["reverse", "page", "size"])
def test_query_validation_matches_pydantic(param: str) -> None:
    spec = schemas.PAGE_QUERY[param]
    reference = to_pydantic(spec.schema)
    for raw in QUERY_VALUES:
        mine: Issues = []
        value = validate_query({param: spec}, {param: raw}, mine)[param]
        assert json.loads(json.dumps(mine)) == pydantic_issues(reference, raw, ("query", param))
        if not mine:
            assert value == TypeAdapter(reference).validate_python(raw)
