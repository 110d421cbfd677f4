"""The upstream server's defects: mirrored by default, the intended behaviour when switched off.

Each case runs the same requests on ``FakeHoncho()`` and ``FakeHoncho(server_defects=False)``
and checks the last answer of each, and that the defect can be picked on its own by name.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from honcho_client.testing import SERVER_DEFECTS, FakeHoncho, FakeResponse

from .conftest import FreshAfterCrash

DOCS_PAGE = Path(__file__).resolve().parents[2] / "docs" / "testing.md"
CRASH = (500, {"detail": "An unexpected error occurred"})


class Api:
    """Raw requests against one fake, with an app, user ``alice``, a session and a collection."""

    def __init__(self, fake: FakeHoncho) -> None:
        self.fake = fake
        self.app = self.ok("POST", "/v1/apps", {"name": "app"})
        self.app_path = f"/v1/apps/{self.app['id']}"
        self.user = self.ok("POST", f"{self.app_path}/users", {"name": "alice"})
        self.user_path = f"{self.app_path}/users/{self.user['id']}"
        self.session = self.ok("POST", f"{self.user_path}/sessions", {})
        self.session_path = f"{self.user_path}/sessions/{self.session['id']}"
        self.collection = self.ok("POST", f"{self.user_path}/collections", {"name": "notes"})
        self.collection_path = f"{self.user_path}/collections/{self.collection['id']}"

    def send(
        self, method: str, path: str, body: Any = None, raw: bytes | None = None
    ) -> FakeResponse:
        data = raw if raw is not None else (b"" if body is None else json.dumps(body).encode())
        headers = {"content-type": "application/json"}
        if self.fake.require_auth:
            headers["authorization"] = f"Bearer {self.fake.api_key}"
        return self.fake.handle(method, path, headers=headers, body=data)

    def ok(self, method: str, path: str, body: Any = None) -> Any:
        answer = self.send(method, path, body)
        assert answer.status == 200, answer.read()
        return answer.json()


def outcome(answer: FakeResponse) -> tuple[int, Any]:
    """Status and decoded body (text for a stream)."""
    if answer.is_stream:
        return answer.status, answer.read().decode()
    return answer.status, answer.json()


@dataclass(frozen=True)
class Case:
    defect: str
    run: Callable[[Api], FakeResponse]
    mirrored: Callable[[tuple[int, Any]], bool]
    intended: Callable[[tuple[int, Any]], bool]
    needs: frozenset[str] = frozenset()  # other defects the case needs mirrored


def _issue_type(kind: str) -> Callable[[tuple[int, Any]], bool]:
    return lambda got: got[0] == 422 and got[1]["detail"][0]["type"] == kind


def _status(code: int) -> Callable[[tuple[int, Any]], bool]:
    return lambda got: got[0] == code


def _crash(got: tuple[int, Any]) -> bool:
    return got == CRASH


def _clone_then_use(api: Api) -> FakeResponse:
    clone = api.ok("GET", f"{api.session_path}/clone")
    return api.send("GET", f"{api.user_path}/sessions?session_id={clone['id']}")


def _update_document(api: Api) -> FakeResponse:
    document = api.ok("POST", f"{api.collection_path}/documents", {"content": "old"})
    api.send("PUT", f"{api.collection_path}/documents/{document['id']}", {"content": "new"})
    return api.send("GET", f"{api.collection_path}/documents/{document['id']}")


def _update_document_answer(api: Api) -> FakeResponse:
    document = api.ok("POST", f"{api.collection_path}/documents", {"content": "old"})
    return api.send("PUT", f"{api.collection_path}/documents/{document['id']}", {"content": "new"})


def _metamessage(api: Api) -> str:
    meta = api.ok(
        "POST", f"{api.user_path}/metamessages", {"metamessage_type": "t", "content": "c"}
    )
    return f"{api.user_path}/metamessages/{meta['id']}"


def _closes(answer: FakeResponse) -> FakeResponse:
    """The status, and whether the connection is closed after it (as the body)."""
    return FakeResponse(answer.status, (), json.dumps(answer.close).encode())


def _expiring_key(api: Api) -> FakeResponse:
    admin = {"authorization": f"Bearer {api.fake.api_key}"}
    params = {"app_id": api.app["id"], "expires_at": "2999-01-01T00:00:00Z"}
    key = api.fake.handle("POST", "/v1/keys", params, admin).json()["key"]
    return api.fake.handle("GET", "/v1/apps", headers={"authorization": f"Bearer {key}"})


CASES = [
    Case(
        "path_in_sql",
        lambda api: api.send("GET", "/v1/apps/name/it's"),
        _crash,
        lambda got: got == (404, {"detail": "App with name 'it's' not found"}),
    ),
    Case(
        "path_in_sql",
        lambda api: api.send("GET", f"{api.app_path}/users/name/alice-"),
        _crash,
        lambda got: got == (404, {"detail": "User with name 'alice-' not found"}),
    ),
    Case(
        "nul_characters",
        lambda api: api.send(
            "POST", f"{api.session_path}/messages", {"content": "a\x00b", "is_user": True}
        ),
        _crash,
        lambda got: got[0] == 200 and got[1]["content"] == "a\x00b",
    ),
    Case(
        "nul_characters",
        lambda api: api.send("PUT", api.app_path, {"metadata": {"k": "\x00"}}),
        _crash,
        lambda got: got[0] == 200 and got[1]["metadata"] == {"k": "\x00"},
    ),
    Case(
        "non_finite_numbers",
        lambda api: api.send("POST", "/v1/apps", raw=b'{"name": "n", "metadata": {"x": NaN}}'),
        _crash,
        _issue_type("json_invalid"),
    ),
    Case(
        "non_finite_numbers",
        lambda api: api.send("POST", "/v1/apps", raw=b'{"name": Infinity}'),
        _crash,
        _issue_type("json_invalid"),
    ),
    Case(
        "empty_batch",
        lambda api: api.send("POST", f"{api.session_path}/messages/batch", {"messages": []}),
        _crash,
        lambda got: got == (200, []),
    ),
    Case(
        "empty_queries",
        lambda api: api.send("POST", f"{api.session_path}/chat", {"queries": []}),
        _crash,
        _issue_type("too_short"),
    ),
    Case(
        "long_metamessage_type_update",
        lambda api: api.send("PUT", _metamessage(api), {"metamessage_type": "t" * 513}),
        _crash,
        lambda got: got[0] == 200 and got[1]["label"] == "t" * 513,
    ),
    Case(
        "metamessage_unknown_session_update",
        lambda api: api.send("PUT", _metamessage(api), {"session_id": "nope"}),
        _crash,
        lambda got: got == (404, {"detail": "Session not found or does not belong to user"}),
    ),
    Case(
        "get_or_create_long_name",
        lambda api: api.send("GET", f"/v1/apps/get_or_create/{'n' * 101}"),
        _crash,
        _issue_type("string_too_long"),
    ),
    Case(
        "get_or_create_long_name",
        lambda api: api.send("GET", f"{api.app_path}/users/get_or_create/{'n' * 101}"),
        _crash,
        _issue_type("string_too_long"),
    ),
    Case(
        "long_document_content",
        lambda api: api.send("POST", f"{api.collection_path}/documents", {"content": "d" * 70_000}),
        _crash,
        lambda got: got[0] == 200 and len(got[1]["content"]) == 70_000,
    ),
    Case(
        "huge_page",
        lambda api: api.send("POST", f"/v1/apps/list?page={(2**63 - 1) // 50 + 2}"),
        _crash,
        lambda got: got[0] == 200 and got[1]["items"] == [],
    ),
    Case(
        "empty_clone_lost",
        _clone_then_use,
        lambda got: got == (404, {"detail": "Session not found or does not belong to user"}),
        _status(200),
    ),
    Case(
        "expiring_keys_rejected",
        _expiring_key,
        lambda got: got == (401, {"detail": "Invalid JWT"}),
        _status(200),
    ),
    Case("document_update_500", _update_document_answer, _crash, _status(200)),
    Case(
        "document_update_500",
        _update_document,  # saved either way
        lambda got: got[0] == 200 and got[1]["content"] == "new",
        lambda got: got[0] == 200 and got[1]["content"] == "new",
    ),
    Case(
        "stream_error_after_headers",
        lambda api: api.send(
            "POST", f"{api.app_path}/users/ghost/sessions/s/chat", {"queries": "q", "stream": True}
        ),
        lambda got: got == (200, ""),
        lambda got: got == (404, {"detail": "User with ID 'ghost' not found"}),
    ),
    Case(
        "unannounced_close",
        lambda api: _closes(api.send("POST", f"{api.session_path}/chat", {"queries": []})),
        lambda got: got == (500, True),
        lambda got: got == (500, False),
        needs=frozenset({"empty_queries"}),
    ),
]


def _fake(defects: bool | set[str], case: Case) -> FakeHoncho:
    if not isinstance(defects, bool):
        defects = defects | case.needs
    elif not defects and case.needs:
        defects = set(case.needs)
    return FakeHoncho(require_auth=case.defect == "expiring_keys_rejected", server_defects=defects)


def _run(fake: FakeHoncho, case: Case) -> tuple[int, Any]:
    return outcome(case.run(Api(fake)))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.defect)
def test_defect_is_mirrored_by_default(case: Case) -> None:
    got = _run(_fake(True, case), case)
    assert case.mirrored(got), got


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.defect)
def test_intended_behaviour_without_defects(case: Case) -> None:
    got = _run(_fake(False, case), case)
    assert case.intended(got), got


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.defect)
def test_each_defect_can_be_chosen_alone(case: Case) -> None:
    alone = _fake({case.defect}, case)
    assert alone.server_defects == {case.defect} | case.needs
    assert case.mirrored(_run(alone, case))
    others = _fake(set(SERVER_DEFECTS) - {case.defect}, case)
    assert case.intended(_run(others, case))


def test_every_defect_has_a_case_and_a_row_in_the_docs() -> None:
    assert {case.defect for case in CASES} == set(SERVER_DEFECTS)
    page = DOCS_PAGE.read_text(encoding="utf-8")
    section = page.split("## The real server's defects", 1)[1].split("\n## ", 1)[0]
    rows = set(re.findall(r"^\| `(\w+)` \|", section, flags=re.MULTILINE))
    assert rows == set(SERVER_DEFECTS)
    for defect in SERVER_DEFECTS.values():
        assert defect.name and defect.does and defect.intended and defect.cause


def test_defect_names_are_checked() -> None:
    assert FakeHoncho().server_defects == set(SERVER_DEFECTS)
    assert FakeHoncho(server_defects=False).server_defects == frozenset()
    assert FakeHoncho(server_defects="empty_batch").server_defects == {"empty_batch"}
    with pytest.raises(ValueError, match=r"unknown server defect.*typo"):
        FakeHoncho(server_defects={"typo"})


def test_defects_over_http() -> None:
    """The served fake mirrors them too (a 500 body, and a 200 stream that stays empty)."""
    fake = FakeHoncho()
    crash_safe = FreshAfterCrash()
    with fake.serve() as server, httpx.Client(base_url=server.url, transport=crash_safe) as http:
        assert http.get("/v1/apps/name/x'y").json() == CRASH[1]
        app = http.post("/v1/apps", json={"name": "a"}).json()
        chat = f"/v1/apps/{app['id']}/users/ghost/sessions/s/chat"
        response = http.post(chat, json={"queries": "q", "stream": True})
        assert (response.status_code, response.content) == (200, b"")
        assert response.headers["content-type"].startswith("text/event-stream")
    intended = FakeHoncho(server_defects=False)
    with intended.serve() as server, httpx.Client(base_url=server.url) as http:
        assert http.get("/v1/apps/name/x'y").status_code == 404
