"""Every construct codegen supports, end to end: tests/codegen/constructs.yaml is generated into a
package, imported, type-checked with `mypy --strict`, and each construct is exercised over a real
socket against the fault-injecting server.
"""

from __future__ import annotations

import email.parser
import email.policy
import io
import json
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from _servers.faults import Fault, FaultServer, ReceivedRequest

from codegen import _spec
from honcho_client import RequestValidationError

SPEC = Path(__file__).with_name("constructs.yaml")
PACKAGE = "pet_clinic"
PET = {"id": 7, "name": "Rex", "kind": "dog", "created_at": "2024-05-01T10:00:00Z"}


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory, generate_package: Any) -> Path:
    """The directory holding the generated `pet_clinic` package and its api.md."""
    directory = tmp_path_factory.mktemp("constructs")
    generate_package(SPEC, PACKAGE, directory)
    return directory


@pytest.fixture(scope="module")
def pkg(out: Path, import_package: Any) -> Iterator[ModuleType]:
    """The generated `pet_clinic` package, imported."""
    with import_package(out, PACKAGE) as module:
        yield module


@pytest.fixture
def client(pkg: ModuleType, fault_server: FaultServer) -> Iterator[Any]:
    with pkg.Client(base_url=fault_server.url, api_key="k", max_retries=0) as c:
        yield c


@pytest.fixture
async def async_client(pkg: ModuleType, fault_server: FaultServer) -> Any:
    async with pkg.AsyncClient(base_url=fault_server.url, api_key="k", max_retries=0) as c:
        yield c


def last(server: FaultServer) -> ReceivedRequest:
    assert server.requests, "nothing was sent"
    return server.requests[-1]


# Names ----------------------------------------------------------------------------------------


def test_names_derive_from_paths_and_operation_ids() -> None:
    api = _spec.load(SPEC)
    assert sorted(op.dotted for op in api.ops) == sorted(
        [
            "pets.create",  # create_pet: the resource's own word dropped
            "pets.list",
            "pets.batch_create",  # /pets/batch: a last segment with nothing below is an action
            "pets.search",
            "pets.get",
            "pets.update",
            "pets.delete",
            "pets.upload_photo",
            "pets.feed",
            "pets.list_events",
            "pets.get_adoption",
            "pets.get_avatar",
            "pets.set_tags",
            "owners.list_pets",  # list_owner_pets: "owner" dropped
            "health.get",  # no operationId: the HTTP method
            "shelters.register",  # x-sdk-resource / x-sdk-method win
            "read_root",  # no static segment: a method of the client itself
        ]
    )


# Type checking --------------------------------------------------------------------------------

USAGE = """
from __future__ import annotations
from typing_extensions import assert_type
from honcho_client._client.awaitables import AsyncPaginator
from honcho_client._client.sync_pages import SyncPage
from honcho_client._client.sync_response import APIResponse
from pet_clinic import AsyncClient, Client
from pet_clinic.types import Adoption, Fed, Job, Pet, PetCreate, Photo, Walked

def calls(client: Client) -> None:
    assert_type(client.pets.create(name="Rex", kind="dog", attributes={"age": 3}, x_request_id="r"), Pet)
    assert_type(client.pets.delete(1), None)
    assert_type(client.pets.set_tags(1), Pet)
    assert_type(client.pets.feed(1, grams=10), Job)
    assert_type(client.pets.list(kind="cat", tag=("a", "b")), SyncPage[Pet])
    assert_type(client.pets.batch_create(pets=[{"name": "a", "kind": "cat"}, PetCreate(name="b", kind="dog")]), list[Pet])
    assert_type(client.pets.list_events(1), list[Fed | Walked])
    assert_type(client.pets.get_adoption(1), Adoption)
    assert_type(client.pets.get_avatar(1), bytes)
    assert_type(client.pets.upload_photo(1, file=("a.png", b"x", "image/png"), extra_files=[b"y"]), Photo)
    assert_type(client.owners.list_pets("o"), dict[str, Pet])
    assert_type(client.health.get(), object)
    assert_type(client.read_root(), str)
    assert_type(client.with_raw_response.pets.get(1), APIResponse[Pet])
    assert_type(client.pets.with_streaming_response.get(1), APIResponse[Pet])

async def async_calls(client: AsyncClient) -> None:
    assert_type(await client.pets.delete(1), None)
    assert_type(client.pets.list(), AsyncPaginator[Pet])
"""

MISTAKES = """
from __future__ import annotations
from pet_clinic import Client

def calls(client: Client) -> None:
    client.pets.create(name="Rex", kind="cow")  # expect-error
    client.pets.create(name="Rex", kind="dog", size_class=4)  # expect-error
    client.pets.create(name="Rex", kind="dog", attributes={"age": "old"})  # expect-error
    client.pets.batch_create(pets=[{"name": 1, "kind": "dog"}])  # expect-error
    client.pets.batch_create(pets=[{"name": "a"}])  # expect-error
    client.pets.get("seven")  # expect-error
    client.pets.upload_photo(1, file="not bytes")  # expect-error
    client.pets.get(1, timeout="1s")  # expect-error
"""


def test_mypy_strict_passes_the_package_and_sees_precise_types_and_each_mistake(
    out: Path, mypy_strict: Any
) -> None:
    (out / "usage.py").write_text(USAGE.lstrip())
    mistakes = MISTAKES.lstrip()
    (out / "mistakes.py").write_text(mistakes)
    done = mypy_strict(out, PACKAGE, "usage.py", "mistakes.py")
    errors = [line for line in done.stdout.splitlines() if ": error:" in line]
    assert all(line.startswith("mistakes.py:") for line in errors), done.stdout
    flagged = {int(line.split(":")[1]) for line in errors}
    expected = {n for n, line in enumerate(mistakes.splitlines(), 1) if "expect-error" in line}
    assert flagged == expected, done.stdout


# Success statuses -----------------------------------------------------------------------------


def test_201_create_sends_the_body_a_header_and_a_cookie(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route("POST", "/v1/pets", Fault.status(201, json_body=PET))
    pet = client.pets.create(
        name="Rex",
        kind="dog",
        attributes={"age": 3},
        owner=None,
        x_request_id="req-1",
        session_token="tok",
    )
    assert (pet.id, pet.kind, pet.created_at.year) == (7, "dog", 2024)
    sent = last(fault_server)
    assert sent.json() == {"name": "Rex", "kind": "dog", "attributes": {"age": 3}, "owner": None}
    assert sent.headers["X-Request-Id"] == "req-1"
    assert sent.headers["Cookie"] == "session_token=tok"


def test_202_accepted_returns_its_model(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "POST", "/v1/pets/3/feed", Fault.status(202, json_body={"id": "j", "status": "queued"})
    )
    job = client.pets.feed(3, grams=100, from_="farm")
    assert (job.id, job.status) == ("j", "queued")
    assert last(fault_server).json() == {"grams": 100, "from": "farm"}  # `from_` has its wire name


def test_204_returns_none(client: Any, fault_server: FaultServer) -> None:
    fault_server.route("DELETE", "/v1/pets/3", Fault.status(204))
    assert client.pets.delete(3) is None
    assert last(fault_server).method == "DELETE"


async def test_204_returns_none_async(async_client: Any, fault_server: FaultServer) -> None:
    fault_server.route("DELETE", "/v1/pets/3", Fault.status(204))
    assert await async_client.pets.delete(3) is None


def test_open_json_result_is_any_json_value(client: Any, fault_server: FaultServer) -> None:
    fault_server.route("GET", "/v1/health", Fault.status(200, json_body={"ok": [1, 2]}))
    assert client.health.get() == {"ok": [1, 2]}


def test_root_operation_on_the_client_returns_text(client: Any, fault_server: FaultServer) -> None:
    fault_server.route("GET", "/", Fault.status(200, body="hello"))
    assert client.read_root() == "hello"
    assert client.with_raw_response.read_root().parse() == "hello"


def test_binary_result_is_bytes(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "GET", "/v1/pets/3/avatar", Fault.status(200, body=b"\x89PNG", content_type="image/png")
    )
    assert client.pets.get_avatar(3) == b"\x89PNG"


# Enums, maps, nullables, defaults -------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "field", "rule"),
    [
        ({"kind": "cow"}, "body.kind", "enum"),
        ({"kind": "dog", "size_class": 4}, "body.size_class", "enum"),
        ({"kind": "dog", "attributes": {"age": "old"}}, "body.attributes.age", "type"),
        ({"kind": "dog", "weight": 0}, "body.weight", "exclusive_minimum=0"),
    ],
)
def test_rules_are_checked_before_sending(
    client: Any, fault_server: FaultServer, kwargs: dict[str, Any], field: str, rule: str
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.pets.create(name="Rex", **kwargs)
    assert [(i.field, i.rule) for i in caught.value.issues] == [(field, rule)]
    assert fault_server.requests == []


def test_path_level_parameter_is_typed_and_checked(client: Any, fault_server: FaultServer) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.pets.get("seven")
    assert caught.value.issues[0].loc == ("path", "pet_id")
    assert fault_server.requests == []


def test_defaults_are_left_to_the_server_and_arrays_repeat_in_the_query(
    client: Any, fault_server: FaultServer
) -> None:
    page = {"items": [PET], "total": 1, "page": 1, "size": 20, "pages": 1}
    fault_server.route("GET", "/v1/pets", Fault.status(200, json_body=page))
    pets = client.pets.list()
    assert [p.name for p in pets] == ["Rex"]
    assert last(fault_server).query == ""
    client.pets.list(kind="cat", tag=("a", "b"), size=5)
    assert last(fault_server).query == "kind=cat&tag=a&tag=b&size=5"


def test_model_defaults_are_in_the_model(pkg: ModuleType) -> None:
    from pet_clinic.types import PetCreate

    made = PetCreate(name="a", kind="cat")
    assert (made.size_class, made.vaccinated, made.nickname) == (2, False, None)


# Arrays of models, unions -------------------------------------------------------------------


def test_array_body_of_models_and_array_result(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import PetCreate

    fault_server.route(
        "POST", "/v1/pets/batch", Fault.status(200, json_body=[PET, PET | {"id": 8}])
    )
    pets = client.pets.batch_create(
        pets=({"name": "a", "kind": "cat"}, PetCreate(name="b", kind="dog"))
    )
    assert [p.id for p in pets] == [7, 8]
    assert last(fault_server).json() == [{"name": "a", "kind": "cat"}, {"name": "b", "kind": "dog"}]


def test_optional_array_body_is_sent_when_given_and_left_out_when_not(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route("PUT", "/v1/pets/7/tags", Fault.status(200, json_body=PET))
    client.pets.set_tags(7, tags=["good", "old"])
    assert last(fault_server).json() == ["good", "old"]
    client.pets.set_tags(7)
    assert last(fault_server).body == b""


def test_array_body_rules_are_checked(client: Any, fault_server: FaultServer) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.pets.batch_create(pets=[{"name": "a", "kind": "cat"}] * 11)
    assert [(i.field, i.rule) for i in caught.value.issues] == [("body", "max_items=10")]
    assert fault_server.requests == []


def test_discriminated_union_result(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import Fed, Walked

    events = [{"type": "walked", "minutes": 30, "from": "park"}, {"type": "fed", "food": "fish"}]
    fault_server.route("GET", "/v1/pets/3/events", Fault.status(200, json_body=events))
    walked, fed = client.pets.list_events(3)
    assert isinstance(walked, Walked) and walked.from_ == "park" and walked.minutes == 30
    assert isinstance(fed, Fed) and fed.food == "fish"


def test_plain_union_result_picks_the_matching_model(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import Owner, Shelter

    fault_server.route(
        "GET",
        "/v1/pets/3/adoption",
        Fault.status(
            200,
            json_body={"pet_id": 3, "adopter": {"name": "S", "capacity": 9}, "on": "2024-02-03"},
        ),
    )
    adoption = client.pets.get_adoption(3)
    assert isinstance(adoption.adopter, Shelter) and adoption.on.month == 2
    fault_server.route(
        "GET",
        "/v1/pets/3/adoption",
        Fault.status(200, json_body={"pet_id": 3, "adopter": {"name": "O"}}),
    )
    assert isinstance(client.pets.get_adoption(3).adopter, Owner)


def test_referenced_request_body_and_response(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "POST", "/v1/shelters", Fault.status(201, json_body={"name": "S", "capacity": 4})
    )
    shelter = client.shelters.register(name="S", capacity=4)
    assert (shelter.name, shelter.capacity) == ("S", 4)
    assert last(fault_server).json() == {"name": "S", "capacity": 4}
    with pytest.raises(RequestValidationError):
        client.shelters.register(name="S", capacity=-1)


def test_typed_map_result(client: Any, fault_server: FaultServer) -> None:
    fault_server.route("GET", "/v1/owners/o1/pets", Fault.status(200, json_body={"rex": PET}))
    pets = client.owners.list_pets("o1")
    assert pets["rex"].id == 7


# Multipart ------------------------------------------------------------------------------------


def _parts(request: ReceivedRequest) -> list[tuple[str, str | None, str, bytes]]:
    """(field name, filename, content type, content) of each part of a multipart body."""
    content_type = request.headers["Content-Type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + request.body
    )
    out = []
    for part in message.iter_parts():
        disposition = part.get("Content-Disposition", "")
        name = disposition.split('name="', 1)[1].split('"', 1)[0]
        payload = part.get_payload(decode=True)
        assert isinstance(payload, bytes)
        out.append((name, part.get_filename(), part.get_content_type(), payload))
    return out


def test_multipart_upload_sends_files_and_fields(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "POST", "/v1/pets/3/photos", Fault.status(201, json_body={"id": "p", "size": 3})
    )
    photo = client.pets.upload_photo(
        3,
        file=("rex.png", b"PNG", "image/png"),
        caption="Rex",
        extra_files=[b"one", io.BytesIO(b"two")],
    )
    assert (photo.id, photo.size) == ("p", 3)
    parts = _parts(last(fault_server))
    assert ("caption", None, "text/plain", b"Rex") in parts
    assert ("file", "rex.png", "image/png", b"PNG") in parts
    assert [p[3] for p in parts if p[0] == "extra_files"] == [b"one", b"two"]


async def test_multipart_upload_async_with_bytes(
    async_client: Any, fault_server: FaultServer
) -> None:
    fault_server.route(
        "POST", "/v1/pets/3/photos", Fault.status(201, json_body={"id": "p", "size": 5})
    )
    await async_client.pets.upload_photo(3, file=b"bytes")
    assert [(p[0], p[3]) for p in _parts(last(fault_server))] == [("file", b"bytes")]


def test_a_file_that_is_not_bytes_is_refused_before_sending(
    client: Any, fault_server: FaultServer
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.pets.upload_photo(3, file="a path, not a file")
    assert caught.value.issues[0].field == "body.file"
    assert fault_server.requests == []


# Deprecation, views ---------------------------------------------------------------------------


def test_deprecated_operation_is_said_in_docstring_api_md_and_operation(
    out: Path, pkg: ModuleType, client: Any
) -> None:
    from pet_clinic.resources import pets

    assert pets._SEARCH.deprecated and not pets._GET.deprecated
    assert "Deprecated" in (client.pets.search.__doc__ or "")
    api_md = (out / "api.md").read_text()
    assert "### `search` — Search Pets (deprecated)" in api_md
    assert "| `fuzzy` | query | `bool` | no | default `false`, **deprecated** |" in api_md


def test_raw_and_streaming_views_from_the_root_and_from_a_resource(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route(
        "GET", "/v1/pets/7", Fault.status(200, json_body=PET, headers={"X-Seen": "1"})
    )
    raw = client.with_raw_response.pets.get(7)
    assert raw.headers["X-Seen"] == "1" and raw.parse().name == "Rex"
    streamed = client.pets.with_streaming_response.get(7)
    assert json.loads(streamed.read())["id"] == 7


def test_api_md_lists_every_route(out: Path) -> None:
    api_md = (out / "api.md").read_text()
    routes = [line for line in api_md.splitlines() if line.startswith("`") and " → " in line]
    assert len(routes) == len(_spec.load(SPEC).ops) == 17
