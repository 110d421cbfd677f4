"""`honcho_client.types`: one model per schema of openapi.yaml, loaded on first use."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest
from _spec_samples import spec
from pydantic import BaseModel, ValidationError

from codegen.spec.names import class_name
from honcho_client import types


def test_all_lists_a_model_per_schema() -> None:
    """One model per schema, except pages (parsed by the one generic `Page[T]`), plus the
    SDK-side result schemas; and a TypedDict twin of each model that callers pass as an item."""
    components = spec()["components"]
    schemas = [n for n in components["schemas"] if not n.startswith("Page_")]
    schemas += list(components["x-sdk-schemas"])
    expected = sorted(class_name(name) for name in schemas)
    assert [n for n in sorted(types.__all__) if not n.endswith("Param")] == expected
    assert len(expected) == 41 - 7 + 2
    for name in types.__all__:
        model = getattr(types, name)
        assert issubclass(model, BaseModel) or name.endswith("Param")


def test_unknown_attribute() -> None:
    with pytest.raises(AttributeError):
        types.NotAModel  # noqa: B018


def test_response_models_keep_unknown_fields_and_parse_datetimes() -> None:
    app = types.App.model_validate_json(
        b'{"id": "a", "name": "n", "created_at": "2024-05-06T07:08:09Z", "region": "eu"}'
    )
    assert app.created_at == datetime(2024, 5, 6, 7, 8, 9, tzinfo=timezone.utc)
    assert app.metadata == {}
    assert app.model_extra == {"region": "eu"}


def test_metadata_defaults_are_fresh_dicts() -> None:
    first = types.App(id="a", name="n", created_at=datetime.now(timezone.utc))
    second = types.App(id="b", name="n", created_at=datetime.now(timezone.utc))
    first.metadata["k"] = 1
    assert second.metadata == {}


def test_request_models_carry_the_spec_rules() -> None:
    with pytest.raises(ValidationError, match="at most 50 characters"):
        types.MetamessageCreate(metamessage_type="t" * 51, content="c")
    with pytest.raises(ValidationError, match="greater than or equal to 1"):
        types.DocumentQuery(query="q", top_k=0)
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        types.MessageCreate(content="c", is_user=True, contnt="typo")  # type: ignore[call-arg]


def test_read_only_type_is_on_responses_not_requests() -> None:
    assert "metamessage_type" in types.Metamessage.model_fields
    assert "label" not in types.MetamessageCreate.model_fields
