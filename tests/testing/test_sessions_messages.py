"""Sessions, messages, clone and chat (plain and streamed) through raw HTTP."""

from __future__ import annotations

from typing import Any

import httpx

from honcho_client.testing import FakeHoncho

from .conftest import World, assert_page, assert_record, build_world, detail, ok

SESSION_404 = "Session not found or does not belong to user"


def add_messages(http: httpx.Client, world: World, *contents: str) -> list[dict[str, Any]]:
    messages = [{"content": c, "is_user": i % 2 == 0} for i, c in enumerate(contents)]
    return list(ok(http.post(f"{world.session_path}/messages/batch", json={"messages": messages})))


def test_session_shape_and_get(http: httpx.Client, world: World) -> None:
    assert_record(world.session, "Session")
    assert world.session["is_active"] is True
    assert world.session["user_id"] == world.user["id"]
    assert world.session["app_id"] == world.app["id"]
    got = ok(http.get(f"{world.user_path}/sessions", params={"session_id": world.session["id"]}))
    assert got == world.session


def test_unknown_or_foreign_session_is_404(http: httpx.Client, world: World) -> None:
    other = build_world(http, app_name="o", user_name="bob")
    foreign = other.session["id"]
    assert detail(http.get(f"{world.user_path}/sessions", params={"session_id": foreign}), 404) == (
        SESSION_404
    )
    for path in (f"{world.user_path}/sessions/nope", f"{world.user_path}/sessions/{foreign}"):
        assert detail(http.put(path, json={"metadata": {}}), 404) == SESSION_404
        assert detail(http.delete(path), 404) == SESSION_404
        message = {"content": "x", "is_user": True}
        assert detail(http.post(f"{path}/messages", json=message), 404) == SESSION_404
        batch = {"messages": [message]}
        assert detail(http.post(f"{path}/messages/batch", json=batch), 404) == SESSION_404
        assert detail(http.get(f"{path}/clone"), 404) == "Session not found"
        # Lists never check their parent, and chat answers for any session of a known user.
        assert_page(ok(http.post(f"{path}/messages/list")), "Message", total=0)
        assert set(ok(http.post(f"{path}/chat", json={"queries": "q"}))) == {"content"}
    assert_page(ok(http.post(f"{world.app_path}/users/nope/sessions/list")), "Session", total=0)


def test_get_session_without_id_is_401(http: httpx.Client, world: World) -> None:
    message = "Session ID not found in query parameter or JWT"
    assert detail(http.get(f"{world.user_path}/sessions"), 401) == message


def test_update_session_metadata(http: httpx.Client, world: World) -> None:
    updated = ok(http.put(world.session_path, json={"metadata": {"topic": "x"}}))
    assert updated["metadata"] == {"topic": "x"}
    missing = detail(http.put(world.session_path, json={}), 422)
    assert missing == [
        {"type": "missing", "loc": ["body", "metadata"], "msg": "Field required", "input": {}}
    ]


def test_delete_session_marks_it_inactive(
    http: httpx.Client, world: World, fake: FakeHoncho
) -> None:
    assert ok(http.delete(world.session_path)) == {"message": "Session deleted successfully"}
    got = ok(http.get(f"{world.user_path}/sessions", params={"session_id": world.session["id"]}))
    assert got["is_active"] is False
    assert fake.sessions[0]["is_active"] is False


def test_list_sessions_honours_is_active(http: httpx.Client, world: World) -> None:
    second = ok(http.post(f"{world.user_path}/sessions", json={"metadata": {"n": 2}}))
    ok(http.delete(world.session_path))
    everything = ok(http.post(f"{world.user_path}/sessions/list"))
    assert_page(everything, "Session", total=2)
    active = ok(http.post(f"{world.user_path}/sessions/list", json={"is_active": True}))
    assert [s["id"] for s in active["items"]] == [second["id"]]
    explicit_all = ok(http.post(f"{world.user_path}/sessions/list", json={"is_active": False}))
    assert explicit_all["total"] == 2
    filtered = ok(http.post(f"{world.user_path}/sessions/list", json={"filter": {"n": 2}}))
    assert [s["id"] for s in filtered["items"]] == [second["id"]]


def test_create_message(http: httpx.Client, world: World) -> None:
    body = {"content": "hello", "is_user": True, "metadata": {"lang": "en"}}
    message = ok(http.post(f"{world.session_path}/messages", json=body))
    assert_record(message, "Message")
    assert (message["content"], message["is_user"], message["metadata"]) == (
        "hello",
        True,
        {"lang": "en"},
    )
    assert (message["session_id"], message["user_id"], message["app_id"]) == (
        world.session["id"],
        world.user["id"],
        world.app["id"],
    )
    assert ok(http.get(f"{world.session_path}/messages/{message['id']}")) == message


def test_empty_message_content_is_allowed(http: httpx.Client, world: World) -> None:
    body = {"content": "", "is_user": False}
    assert ok(http.post(f"{world.session_path}/messages", json=body))["content"] == ""


def test_batch_creates_in_order(http: httpx.Client, world: World) -> None:
    created = add_messages(http, world, "one", "two", "three")
    assert [m["content"] for m in created] == ["one", "two", "three"]
    for message in created:
        assert_record(message, "Message")
    listed = ok(http.post(f"{world.session_path}/messages/list"))
    assert_page(listed, "Message", total=3)
    assert [m["id"] for m in listed["items"]] == [m["id"] for m in created]


def test_batch_of_100_is_fine_and_101_is_too_long(http: httpx.Client, world: World) -> None:
    messages = [{"content": str(i), "is_user": True} for i in range(101)]
    url = f"{world.session_path}/messages/batch"
    assert len(ok(http.post(url, json={"messages": messages[:100]}))) == 100
    issues = detail(http.post(url, json={"messages": messages}), 422)
    assert issues == [
        {
            "type": "too_long",
            "loc": ["body", "messages"],
            "msg": "List should have at most 100 items after validation, not 101",
            "input": messages,
            "ctx": {"field_type": "List", "max_length": 100, "actual_length": 101},
        }
    ]


def test_batch_item_errors_carry_the_index(http: httpx.Client, world: World) -> None:
    body = {"messages": [{"content": "ok", "is_user": True}, {"content": "x"}]}
    issues = detail(http.post(f"{world.session_path}/messages/batch", json=body), 422)
    assert issues == [
        {
            "type": "missing",
            "loc": ["body", "messages", 1, "is_user"],
            "msg": "Field required",
            "input": {"content": "x"},
        }
    ]


def test_message_list_filter_reverse_and_paging(http: httpx.Client, world: World) -> None:
    for i in range(4):
        body = {"content": f"m{i}", "is_user": True, "metadata": {"even": i % 2 == 0}}
        ok(http.post(f"{world.session_path}/messages", json=body))
    url = f"{world.session_path}/messages/list"
    even = ok(http.post(url, json={"filter": {"even": True}}))
    assert [m["content"] for m in even["items"]] == ["m0", "m2"]
    page = ok(http.post(url, params={"reverse": True, "size": 3, "page": 1}))
    assert_page(page, "Message", total=4, size=3)
    assert [m["content"] for m in page["items"]] == ["m3", "m2", "m1"]


def test_update_message_requires_metadata(http: httpx.Client, world: World) -> None:
    (message,) = add_messages(http, world, "hi")
    url = f"{world.session_path}/messages/{message['id']}"
    updated = ok(http.put(url, json={"metadata": {"seen": True}}))
    assert updated["metadata"] == {"seen": True}
    assert updated["content"] == "hi"
    assert detail(http.put(url, json={"content": "changed"}), 422)[0]["type"] == "missing"


def test_unknown_message_is_404(http: httpx.Client, world: World) -> None:
    other = build_world(http, app_name="o", user_name="bob")
    (foreign,) = add_messages(http, other, "theirs")
    for message_id in ("nope", foreign["id"]):
        url = f"{world.session_path}/messages/{message_id}"
        assert detail(http.get(url), 404) == f"Message with ID {message_id} not found"
        assert detail(http.put(url, json={"metadata": {}}), 404) == "Message not found"


def test_clone_copies_session_and_messages(http: httpx.Client, world: World) -> None:
    ok(http.put(world.session_path, json={"metadata": {"topic": "t"}}))
    originals = add_messages(http, world, "a", "b", "c")
    clone = ok(http.get(f"{world.session_path}/clone"))
    assert_record(clone, "Session")
    assert clone["id"] != world.session["id"]
    assert (clone["metadata"], clone["is_active"]) == ({"topic": "t"}, True)
    copied = ok(http.post(f"{world.user_path}/sessions/{clone['id']}/messages/list"))["items"]
    assert [(m["content"], m["is_user"]) for m in copied] == [
        (m["content"], m["is_user"]) for m in originals
    ]
    assert {m["session_id"] for m in copied} == {clone["id"]}
    assert not {m["id"] for m in copied} & {m["id"] for m in originals}


def test_clone_up_to_a_message(http: httpx.Client, world: World) -> None:
    originals = add_messages(http, world, "a", "b", "c")
    clone = ok(http.get(f"{world.session_path}/clone", params={"message_id": originals[1]["id"]}))
    copied = ok(http.post(f"{world.user_path}/sessions/{clone['id']}/messages/list"))["items"]
    assert [m["content"] for m in copied] == ["a", "b"]
    response = http.get(f"{world.session_path}/clone", params={"message_id": "nope"})
    assert detail(response, 404) == "Session not found"


def test_clone_of_an_empty_session_is_never_saved(http: httpx.Client, world: World) -> None:
    clone = ok(http.get(f"{world.session_path}/clone"))
    assert_record(clone, "Session")
    assert clone["id"] != world.session["id"]
    params = {"session_id": clone["id"]}
    assert detail(http.get(f"{world.user_path}/sessions", params=params), 404) == SESSION_404
    message = {"content": "x", "is_user": True}
    url = f"{world.user_path}/sessions/{clone['id']}/messages"
    assert detail(http.post(url, json=message), 404) == SESSION_404


def test_clone_deep_copy_copies_metamessages(http: httpx.Client, world: World) -> None:
    first, second = add_messages(http, world, "a", "b")
    for message in (first, second):
        body = {
            "metamessage_type": "thought",
            "content": f"about {message['content']}",
            "session_id": world.session["id"],
            "message_id": message["id"],
        }
        ok(http.post(f"{world.user_path}/metamessages", json=body))

    shallow = ok(http.get(f"{world.session_path}/clone"))
    listed = ok(
        http.post(f"{world.user_path}/metamessages/list", json={"session_id": shallow["id"]})
    )
    assert listed["total"] == 0

    session_only = {
        "metamessage_type": "summary",
        "content": "s",
        "session_id": world.session["id"],
    }
    ok(http.post(f"{world.user_path}/metamessages", json=session_only))
    params = {"deep_copy": "true", "message_id": first["id"]}
    deep = ok(http.get(f"{world.session_path}/clone", params=params))
    copies = ok(http.post(f"{world.user_path}/metamessages/list", json={"session_id": deep["id"]}))
    (new_message,) = ok(http.post(f"{world.user_path}/sessions/{deep['id']}/messages/list"))[
        "items"
    ]
    # The metamessage of the copied message and the one tied to no message are copied.
    assert [(m["content"], m["message_id"], m["session_id"]) for m in copies["items"]] == [
        ("about a", new_message["id"], deep["id"]),
        ("s", None, deep["id"]),
    ]
    assert ok(http.post(f"{world.user_path}/metamessages/list"))["total"] == 5


def test_chat_answers_with_content(http: httpx.Client, world: World) -> None:
    add_messages(http, world, "I love hiking", "noted", "and climbing")
    answer = ok(http.post(f"{world.session_path}/chat", json={"queries": "What does alice like?"}))
    assert set(answer) == {"content"}
    assert answer["content"].startswith("Based on 2 messages from alice")
    assert "and climbing" in answer["content"]
    listed = ok(http.post(f"{world.session_path}/chat", json={"queries": ["hobbies?", "food?"]}))
    assert "hobbies? food?" in listed["content"]


def test_chat_without_messages(http: httpx.Client, world: World) -> None:
    answer = ok(http.post(f"{world.session_path}/chat", json={"queries": "anything?"}))
    assert "alice" in answer["content"]
    # No user message to attach a representation to: no metamessage, but the collection.
    assert ok(http.post(f"{world.user_path}/metamessages/list"))["total"] == 0
    assert ok(http.get(f"{world.user_path}/collections/name/honcho"))["name"] == "honcho"


def test_chat_saves_the_user_collection_and_a_representation(
    http: httpx.Client, world: World
) -> None:
    said = add_messages(http, world, "I love hiking", "noted")
    assert detail(http.get(f"{world.user_path}/collections/name/honcho"), 404) == (
        "Collection with name 'honcho' not found"
    )
    for _ in range(2):
        ok(http.post(f"{world.session_path}/chat", json={"queries": "hobbies?"}))
    honcho = ok(http.get(f"{world.user_path}/collections/name/honcho"))
    assert_record(honcho, "Collection")
    assert ok(http.post(f"{world.user_path}/collections/list"))["total"] == 1
    body = {"metamessage_type": "honcho_user_representation"}
    metas = ok(http.post(f"{world.user_path}/metamessages/list", json=body))["items"]
    assert len(metas) == 2
    assert {(m["session_id"], m["message_id"]) for m in metas} == {
        (world.session["id"], said[0]["id"])  # the latest message of the user
    }
    # The reserved collection cannot be deleted, nor its documents.
    path = f"{world.user_path}/collections/{honcho['id']}"
    assert detail(http.delete(path), 422) == (
        "Invalid collection configuration - 'honcho' is a reserved name"
    )
    assert detail(http.delete(f"{path}/documents/x"), 422) == (
        "Cannot delete collection with reserved name 'honcho'"
    )
    unknown_user = f"{world.app_path}/users/ghost/sessions/s/chat"
    assert detail(http.post(unknown_user, json={"queries": "q"}), 404) == (
        "User with ID 'ghost' not found"
    )


def test_chat_stream_is_plain_text_chunks(http: httpx.Client, world: World) -> None:
    add_messages(http, world, "I love hiking")
    body = {"queries": "What does alice like?", "stream": True}
    plain = ok(http.post(f"{world.session_path}/chat", json={"queries": body["queries"]}))
    with http.stream("POST", f"{world.session_path}/chat", json=body) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        chunks = [chunk for chunk in response.iter_raw() if chunk]
    text = b"".join(chunks).decode()
    assert text == plain["content"]
    assert not text.startswith("data:")
    assert len(chunks) >= 3


def test_chat_uses_a_custom_responder(http: httpx.Client, world: World, fake: FakeHoncho) -> None:
    seen = []

    def responder(context: Any) -> str:
        seen.append(context)
        return f"{len(context.messages)} messages; you asked {list(context.queries)}"

    fake.responder = responder
    add_messages(http, world, "x", "y")
    answer = ok(http.post(f"{world.session_path}/chat", json={"queries": "q"}))
    assert answer == {"content": "2 messages; you asked ['q']"}
    (context,) = seen
    assert context.user["name"] == "alice"
    assert context.session["id"] == world.session["id"]
    assert [m["content"] for m in context.user_messages] == ["x", "y"]


def test_chat_queries_validation(http: httpx.Client, world: World) -> None:
    issues = detail(http.post(f"{world.session_path}/chat", json={"queries": 5}), 422)
    assert issues == [
        {
            "type": "string_type",
            "loc": ["body", "queries", "str"],
            "msg": "Input should be a valid string",
            "input": 5,
        },
        {
            "type": "list_type",
            "loc": ["body", "queries", "list[str]"],
            "msg": "Input should be a valid list",
            "input": 5,
        },
    ]
    assert detail(http.post(f"{world.session_path}/chat", json={}), 422)[0]["type"] == "missing"
    for queries, message in (
        (["q"] * 26, "Too many queries"),
        ("q" * 10_001, "Query too long"),
        (["q", "q" * 10_001], "One or more queries too long"),
    ):
        (issue,) = detail(http.post(f"{world.session_path}/chat", json={"queries": queries}), 422)
        assert (issue["type"], issue["loc"]) == ("value_error", ["body", "queries"])
        assert (issue["msg"], issue["ctx"]) == (f"Value error, {message}", {"error": {}})
    assert ok(http.post(f"{world.session_path}/chat", json={"queries": ["q" * 10_000] * 25}))
