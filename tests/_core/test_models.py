"""`honcho_client._core.models.BaseModel`: `to_dict()` and `to_json()` on every generated model."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest
from pydantic import ConfigDict, Field

from honcho_client import types
from honcho_client._core.models import BaseModel
from honcho_client.testing import FakeHoncho
from honcho_client.types import App, Message


class Aliased(BaseModel):
    """A model with a field whose API name is not a Python identifier, as codegen writes it."""

    model_config = ConfigDict(extra="allow", populate_by_name=True, serialize_by_alias=True)

    from_: str = Field(alias="from")
    note: str | None = None
    count: int = 0


CREATED = datetime(2026, 1, 2, 3, 4, 5, tzinfo=timezone.utc)


def test_every_generated_model_has_the_conversions() -> None:
    models = [getattr(types, name) for name in types.__all__ if not name.endswith("Param")]
    assert models
    for model in models:
        assert issubclass(model, BaseModel), model


def test_to_dict_returns_what_the_server_sent() -> None:
    app = App.model_validate(
        {"id": "a1", "name": "demo", "created_at": "2026-01-02T03:04:05Z", "region": "eu"}
    )
    # metadata was not sent, so it is left out; a field unknown to the schema is kept.
    assert app.to_dict() == {"id": "a1", "name": "demo", "created_at": CREATED, "region": "eu"}
    assert app.to_dict(exclude_unset=False)["metadata"] == {}
    assert app.to_dict(mode="json")["created_at"] == "2026-01-02T03:04:05Z"


def test_to_dict_options() -> None:
    thing = Aliased.model_validate({"from": "alice", "note": None, "count": 0})
    assert thing.to_dict() == {"from": "alice", "note": None, "count": 0}
    assert thing.to_dict(use_api_names=False) == {"from_": "alice", "note": None, "count": 0}
    assert thing.to_dict(exclude_none=True) == {"from": "alice", "count": 0}
    assert thing.to_dict(exclude_defaults=True) == {"from": "alice"}
    built = Aliased(from_="bob")
    assert built.to_dict() == {"from": "bob"}
    assert built.to_dict(exclude_unset=False) == {"from": "bob", "note": None, "count": 0}


def test_to_json_options() -> None:
    thing = Aliased.model_validate({"from": "alice", "note": None})
    assert thing.to_json() == '{\n  "from": "alice",\n  "note": null\n}'
    assert thing.to_json(indent=None) == '{"from":"alice","note":null}'
    assert thing.to_json(indent=None, use_api_names=False, exclude_none=True) == '{"from_":"alice"}'
    assert json.loads(thing.to_json(exclude_unset=False)) == {
        "from": "alice",
        "note": None,
        "count": 0,
    }


def test_a_model_from_a_call_round_trips_through_to_json() -> None:
    client = FakeHoncho().client()
    app = client.apps.create(name="demo")
    user = client.apps.users.create(app_id=app.id, name="alice")
    session = client.apps.users.sessions.create(app_id=app.id, user_id=user.id)
    message = client.apps.users.sessions.messages.create(
        app_id=app.id, user_id=user.id, session_id=session.id, content="hi", is_user=True
    )
    assert Message.model_validate_json(message.to_json()) == message
    assert message.to_dict(mode="json")["content"] == "hi"


def test_to_dict_warns_about_a_value_of_the_wrong_type() -> None:
    app = App.model_construct(id="a1", name=3, created_at=CREATED)
    with pytest.warns(UserWarning):
        app.to_dict()
    assert app.to_dict(warnings=False)["name"] == 3
