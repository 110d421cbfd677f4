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

from codegen import spec as _spec
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
            "folders.get",
            "folders.export",
            "folders.as_csv",
            "folders.watch",
            "folders.summarize",
            "folders.ask_about",
            "folders.tail",
            "folders.digest",
            "token.login_for_access",
            "readings.find",
            "readings.add",
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
from honcho_client import AsyncEventStream, ChatStream, EventStream
from honcho_client._client.awaitables import AsyncResponseManager
from pet_clinic.types import Adoption, Change, Fed, Folder, Job, Pet, PetCreate, Photo, Reading, Summary, SummaryPart, Token, Walked

def calls(client: Client) -> None:
    assert_type(client.pets.create(name="Rex", kind="dog", attributes={"age": 3}, x_request_id="r"), Pet)
    assert_type(client.pets.delete(1), None)
    assert_type(client.pets.set_tags(1), Pet)
    assert_type(client.pets.feed(1, grams=10), Job)
    assert_type(client.pets.list(kind="cat", tag=("a", "b")), SyncPage[Pet])
    assert_type(client.pets.batch_create(pets=[{"name": "a", "kind": "cat"}, PetCreate(name="b", kind="dog")]), list[Pet])
    assert_type(client.pets.list_events(1), list[Fed | Walked])
    assert_type(client.pets.get_adoption(1), Adoption)
    assert_type(client.pets.get_avatar(1), APIResponse[bytes])
    assert_type(client.folders.get("f"), Folder)
    assert_type(client.folders.export("f"), APIResponse[bytes])
    assert_type(client.folders.as_csv("f"), str)
    assert_type(client.folders.watch("f"), EventStream[Change])
    assert_type(client.folders.summarize("f"), Summary)
    assert_type(client.folders.summarize("f", stream=True), EventStream[SummaryPart])
    assert_type(client.folders.ask_about("f", question="q", stream=True), ChatStream)
    assert_type(client.token.login_for_access(username="u", password="p"), Token)
    assert_type(client.readings.find(filter={"sensor": "a"}, near=(1.0, 2.0), timeout_=3, timeout=5), list[Reading])
    assert_type(client.readings.add(user_id_="a", user_id="b", value=1.0, timeout_=2.0, class_="c"), Reading)
    assert_type(client.pets.upload_photo(1, file=("a.png", b"x", "image/png"), extra_files=[b"y"]), Photo)
    assert_type(client.owners.list_pets("o"), dict[str, Pet])
    assert_type(client.health.get(), object)
    assert_type(client.read_root(), str)
    assert_type(client.with_raw_response.pets.get(1), APIResponse[Pet])
    assert_type(client.pets.with_streaming_response.get(1), APIResponse[Pet])

async def async_calls(client: AsyncClient) -> None:
    assert_type(await client.pets.delete(1), None)
    assert_type(client.pets.list(), AsyncPaginator[Pet])
    assert_type(await client.folders.watch("f"), AsyncEventStream[Change])
    assert_type(client.folders.export("f"), AsyncResponseManager[bytes])
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
    client.readings.find(filter={"sensor": 1})  # expect-error
    client.readings.find(filter={}, near=(1.0,))  # expect-error
    client.readings.add(user_id_="a", value=1.0, labels={"a": 1})  # expect-error
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


def test_binary_result_is_a_download_read_on_demand(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "GET", "/v1/pets/3/avatar", Fault.status(200, body=b"\x89PNG", content_type="image/png")
    )
    with client.pets.get_avatar(3) as response:
        assert response.read() == b"\x89PNG"
    assert last(fault_server).headers["Accept"] == "image/png"


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
    assert len(routes) == len(_spec.load(SPEC).ops) == 28


# Models that refer to each other, discriminators on aliased properties ---------------------------

FOLDER = {
    "entryType": "folder",
    "name": "root",
    "entries": [
        {"entryType": "file", "name": "a.txt", "sizeBytes": 3},
        {"entryType": "folder", "name": "sub", "entries": [{"entryType": "file", "name": "b"}]},
    ],
}


def test_models_that_refer_to_each_other_share_a_module_and_parse(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import File, Folder

    assert Folder.__module__ == File.__module__.replace("file", "entry")
    fault_server.route("GET", "/v1/folders/f", Fault.status(200, json_body=FOLDER))
    root = client.folders.get("f")
    first, sub = root.entries
    assert isinstance(first, File) and first.size_bytes == 3 and first.entry_type == "file"
    assert isinstance(sub, Folder) and isinstance(sub.entries[0], File)
    assert Folder(entryType="folder", name="x").entries == []


def test_a_discriminator_on_an_aliased_property_picks_the_member(pkg: ModuleType) -> None:
    from pet_clinic.types import Entry, File
    from pydantic import TypeAdapter, ValidationError

    adapter: Any = TypeAdapter(Entry)
    assert isinstance(adapter.validate_python({"entryType": "file", "name": "a"}), File)
    with pytest.raises(ValidationError, match="entryType"):
        adapter.validate_python({"entryType": "link", "name": "a"})


def test_an_int64_bound_written_as_a_float_is_exact(pkg: ModuleType) -> None:
    from pet_clinic.types import File
    from pydantic import ValidationError

    assert File(entryType="file", name="a", sizeBytes=2**63 - 1).size_bytes == 2**63 - 1
    with pytest.raises(ValidationError):
        File(entryType="file", name="a", sizeBytes=2**63)


# Media types --------------------------------------------------------------------------------------


def test_a_download_streams_to_a_file(
    client: Any, fault_server: FaultServer, tmp_path: Path
) -> None:
    chunks = [b"PK\x03\x04", b"x" * 70000, b"end"]
    fault_server.route(
        "GET",
        "/v1/folders/f/export",
        Fault.stream(chunks, interval=0, content_type="application/octet-stream"),
    )
    with client.folders.export("f") as response:
        assert response.write_to_file(tmp_path / "f.zip") == sum(map(len, chunks))
    assert (tmp_path / "f.zip").read_bytes() == b"".join(chunks)
    assert last(fault_server).headers["Accept"] == "application/octet-stream"


async def test_a_download_streams_to_a_file_async(
    async_client: Any, fault_server: FaultServer, tmp_path: Path
) -> None:
    fault_server.route(
        "GET",
        "/v1/folders/f/export",
        Fault.status(200, body=b"zipped", content_type="application/octet-stream"),
    )
    async with async_client.folders.export("f") as response:
        assert await response.write_to_file(tmp_path / "f.zip") == 6
    assert (tmp_path / "f.zip").read_bytes() == b"zipped"


def test_text_result_is_a_str_and_accept_names_its_media_type(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route(
        "GET", "/v1/folders/f/csv", Fault.status(200, body="name\na.txt\n", content_type="text/csv")
    )
    assert client.folders.as_csv("f") == "name\na.txt\n"
    assert last(fault_server).headers["Accept"] == "text/csv"


CHANGES = [
    'data: {"kind": "added", "path": "/a"}\n\n',
    'event: change\ndata: {"kind": "removed",',
    ' "path": "/b"}\n\n',
]


def test_an_event_stream_yields_typed_events(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import Change

    fault_server.route("GET", "/v1/folders/f/watch", Fault.stream(CHANGES, interval=0))
    with client.folders.watch("f") as stream:
        changes = list(stream)
    assert all(isinstance(c, Change) for c in changes)
    assert [(c.kind, c.path) for c in changes] == [("added", "/a"), ("removed", "/b")]
    assert last(fault_server).headers["Accept"] == "text/event-stream"


async def test_an_event_stream_yields_typed_events_async(
    async_client: Any, fault_server: FaultServer
) -> None:
    fault_server.route("GET", "/v1/folders/f/watch", Fault.stream(CHANGES, interval=0))
    async with await async_client.folders.watch("f") as stream:
        assert [c.path async for c in stream] == ["/a", "/b"]


def test_an_event_that_breaks_its_schema_is_a_response_validation_error(
    client: Any, fault_server: FaultServer
) -> None:
    from honcho_client import APIResponseValidationError

    fault_server.route(
        "GET", "/v1/folders/f/watch", Fault.stream(['data: {"kind": "moved"}\n\n'], interval=0)
    )
    strict = client.with_options(strict_response_validation=True)
    with strict.folders.watch("f") as stream, pytest.raises(APIResponseValidationError) as caught:
        list(stream)
    assert "kind" in str(caught.value) and "moved" in str(caught.value)
    with client.folders.watch("f") as stream:  # lenient: the event keeps the value as sent
        [event] = list(stream)
    assert event.kind == "moved"


def test_a_streamable_operation_answers_json_or_typed_events(
    client: Any, pkg: ModuleType, fault_server: FaultServer
) -> None:
    from pet_clinic.types import Summary, SummaryPart

    fault_server.route(
        "POST", "/v1/folders/f/summarize", Fault.status(200, json_body={"text": "all"})
    )
    assert isinstance(client.folders.summarize("f", words=5), Summary)
    assert last(fault_server).json() == {"words": 5}  # stream=False, the default, is not sent
    parts = ['data: {"text": "a"}\n\n', 'data: {"text": "b", "final": true}\n\ndata: [DONE]\n\n']
    fault_server.route("POST", "/v1/folders/f/summarize", Fault.stream(parts, interval=0))
    with client.folders.summarize("f", stream=True) as stream:
        got = list(stream)
    assert all(isinstance(p, SummaryPart) for p in got)
    assert [(p.text, p.final) for p in got] == [("a", False), ("b", True)]
    sent = last(fault_server)
    assert sent.json() == {"stream": True} and sent.headers["Accept"] == "text/event-stream"


def test_a_text_stream_named_by_x_sdk_stream_reads_a_json_answer_from_its_property(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route(
        "POST", "/v1/folders/f/ask", Fault.status(200, json_body={"answer": "forty-two"})
    )
    with client.folders.ask_about("f", question="q", stream=True) as stream:
        assert list(stream) == ["forty-two"]
    fault_server.route(
        "POST",
        "/v1/folders/f/ask",
        Fault.stream(["for", "ty-two"], interval=0, content_type="text/plain"),
    )
    with client.folders.ask_about("f", question="q", stream=True) as stream:
        assert "".join(stream) == "forty-two"


# Bodies and parameters ------------------------------------------------------------------------------


def test_a_form_urlencoded_body(client: Any, fault_server: FaultServer) -> None:
    fault_server.route(
        "POST", "/v1/token", Fault.status(200, json_body={"access_token": "t", "token_type": "b"})
    )
    token = client.token.login_for_access(username="ann", password="s&cret")
    assert token.access_token == "t"
    sent = last(fault_server)
    assert sent.headers["Content-Type"] == "application/x-www-form-urlencoded"
    assert sent.body == b"username=ann&password=s%26cret"


def test_object_query_parameters_and_option_names_in_every_location(
    client: Any, fault_server: FaultServer
) -> None:
    from urllib.parse import parse_qsl

    fault_server.route("GET", "/v1/readings", Fault.status(200, json_body=[]))
    client.readings.find(
        filter={"sensor": "s1", "min_value": 1.5},
        near=(1.0, 2.0),
        timeout_=3,
        extra_headers_="h",
        max_retries_="m",
        timeout=5,
        extra_headers={"X-Trace": "t"},
    )
    sent = last(fault_server)
    assert parse_qsl(sent.query) == [
        ("sensor", "s1"),
        ("min_value", "1.5"),
        ("near", "[1.0,2.0]"),
        ("timeout", "3"),
    ]
    assert sent.headers["extra_headers"] == "h" and sent.headers["X-Trace"] == "t"
    assert sent.headers["Cookie"] == "max_retries=m"


def test_an_object_query_parameter_is_checked_before_sending(
    client: Any, fault_server: FaultServer
) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.readings.find(filter={"sensor": 1})
    assert [i.field for i in caught.value.issues] == ["query.filter.sensor"]
    assert fault_server.requests == []


def test_colliding_keyword_builtin_and_digit_names_keep_their_wire_names(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route(
        "POST", "/v1/readings", Fault.status(201, json_body={"userId": "a", "value": 1.0})
    )
    client.readings.add(
        user_id_="a", user_id="b", _2fa=True, class_="c", list=["l"], timeout_=2.0, value=1.0
    )
    assert last(fault_server).json() == {
        "userId": "a",
        "user_id": "b",
        "2fa": True,
        "class": "c",
        "list": ["l"],
        "timeout": 2.0,
        "value": 1.0,
    }


def test_defaults_are_fresh_objects_of_the_fields_type(pkg: ModuleType) -> None:
    from pet_clinic.types import Reading, ReadingFilter

    one, two = Reading(userId="a", value=1), Reading(userId="b", value=2)
    assert isinstance(one.filter, ReadingFilter) and one.filter.sensor == "main"
    assert one.list_ == ["x"] and one.list_ is not two.list_
    assert one.labels == {} and one.n2fa is False and one.class_ == "a"
    assert one.model_dump(exclude_unset=True, by_alias=True) == {"userId": "a", "value": 1}


def test_pattern_properties_check_their_keys(client: Any, fault_server: FaultServer) -> None:
    with pytest.raises(RequestValidationError) as caught:
        client.readings.add(user_id_="a", value=1.0, labels={"Bad-Key": "x"})
    assert caught.value.issues[0].field.startswith("body.labels")
    assert fault_server.requests == []


def test_descriptions_keep_quotes_backslashes_and_triple_quotes(pkg: ModuleType) -> None:
    from pet_clinic.types import Reading

    assert 'say \\ (a backslash), \'quotes\' and """triple quotes""" as written' in (
        Reading.__doc__ or ""
    )


def test_streamed_and_downloaded_results_say_so_in_their_signatures(
    client: Any, async_client: Any
) -> None:
    import inspect

    def returns(method: Any) -> str:
        return str(inspect.signature(method).return_annotation)

    assert returns(client.folders.watch) == "EventStream[Change]"
    assert returns(async_client.folders.watch) == "Awaitable[AsyncEventStream[Change]]"
    assert returns(client.folders.export) == "APIResponse[bytes]"
    assert returns(async_client.folders.export) == "AsyncResponseManager[bytes]"
    assert returns(client.folders.summarize) == "Summary | EventStream[SummaryPart]"
    assert inspect.signature(client.folders.summarize).parameters["stream"].annotation == "bool"


def test_a_streaming_response_with_an_open_json_schema_is_an_event_stream(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route("GET", "/v1/folders/f/tail", Fault.stream(CHANGES, interval=0))
    with client.folders.tail("f") as stream:
        assert [c.path for c in stream] == ["/a", "/b"]
    assert last(fault_server).headers["Accept"] == "text/event-stream"


def test_a_streaming_flag_that_defaults_to_true_is_sent_false_by_a_plain_call(
    client: Any, fault_server: FaultServer
) -> None:
    fault_server.route("POST", "/v1/folders/f/digest", Fault.status(200, json_body={"text": "d"}))
    assert client.folders.digest("f", words=3).text == "d"
    assert last(fault_server).json() == {"streaming": False, "words": 3}
    events = ['data: {"part": 1}\n\n', "data: plain text\n\n"]
    fault_server.route("POST", "/v1/folders/f/digest", Fault.stream(events, interval=0))
    with client.folders.digest("f", streaming=True) as stream:
        assert list(stream) == [{"part": 1}, "plain text"]  # data of no schema: JSON, else text
    assert last(fault_server).json() == {"streaming": True}
