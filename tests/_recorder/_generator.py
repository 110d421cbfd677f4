"""Seeded random requests for the differential: valid calls of every operation, and invalid ones.

The generator works on symbols (``{app_3}``, ``{run}``…): it keeps a model of what the
reference server answered it created, and picks parents, ids and bodies from it, now and
then swapping in unknown ids, foreign parents, bad bodies or odd HTTP.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from ._cassette import items, repeat

UNKNOWN_IDS = ("unknownunknownunknown", "missingmissingmissing", "A" * 21)
METADATA: tuple[dict[str, Any], ...] = (
    {},
    {"k": 1},
    {"k": "v"},
    {"t": [1, 2]},
    {"n": {"a": None}},
    {"k": True, "t": "x"},
    {"k": 1.5},
)
TEXTS = ("hello", "", "how are you?", "émoji 🙂 ✓", "a longer line of text, with words", "x")


def _segment(text: str) -> str:
    return quote(text, safe="{}")


def _query(pairs: Sequence[tuple[str, Any]]) -> str:
    parts = []
    for key, value in pairs:
        text = ("true" if value else "false") if isinstance(value, bool) else str(value)
        parts.append(f"{quote(key, safe='')}={quote(text, safe='{}')}")
    return "?" + "&".join(parts) if parts else ""


@dataclass
class Planned:
    """One symbolic request: symbols are expanded per server before sending."""

    label: str
    method: str
    target: str
    body_kind: str | None = None
    body: Any = None
    token: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    unordered: bool = False

    def json(self, body: Any) -> Planned:
        self.body_kind, self.body = "json", body
        return self


@dataclass
class Node:
    symbol: str
    parent: Node | None = None
    name: str = ""
    is_user: bool = False
    has_messages: bool = False
    deleted: bool = False


@dataclass
class Model:
    """What one server mode holds, as the reference server answered it."""

    mode: str  # "plain" or "auth"
    apps: list[Node] = field(default_factory=list)
    users: list[Node] = field(default_factory=list)
    sessions: list[Node] = field(default_factory=list)
    messages: list[Node] = field(default_factory=list)
    metamessages: list[Node] = field(default_factory=list)
    collections: list[Node] = field(default_factory=list)
    documents: list[Node] = field(default_factory=list)
    keys: list[str] = field(default_factory=list)
    minted: set[tuple[str, str]] = field(default_factory=set)
    counter: int = 0

    def fresh(self, base: str) -> str:
        self.counter += 1
        return f"{{run}}-{self.mode[0]}{base}{self.counter}"


class Generator:
    """Random requests for one seed; call :meth:`next` then :meth:`observe` with the answer."""

    def __init__(self, seed: int, auth_share: float = 0.25) -> None:
        self.rng = random.Random(seed)
        self.auth_share = auth_share
        self.models = {"plain": Model("plain"), "auth": Model("auth")}
        ops: list[tuple[float, Callable[[Model], Planned | None]]] = [
            (4, self.create_app),
            (2, self.get_app),
            (2, self.list_apps),
            (2, self.app_by_name),
            (1, self.app_get_or_create),
            (2, self.update_app),
            (5, self.create_user),
            (2, self.get_user),
            (1, self.user_by_name),
            (1, self.user_get_or_create),
            (2, self.update_user),
            (2, self.list_users),
            (5, self.create_session),
            (3, self.get_session),
            (3, self.list_sessions),
            (2, self.update_session),
            (1.5, self.delete_session),
            (2, self.clone_session),
            (1, self.chat),
            (8, self.create_message),
            (2, self.create_batch),
            (4, self.list_messages),
            (3, self.get_message),
            (2, self.update_message),
            (4, self.create_metamessage),
            (3, self.list_metamessages),
            (2, self.get_metamessage),
            (3, self.update_metamessage),
            (3, self.create_collection),
            (2, self.get_collection),
            (1, self.collection_by_name),
            (2, self.list_collections),
            (2, self.update_collection),
            (1, self.delete_collection),
            (4, self.create_document),
            (2, self.get_document),
            (2, self.list_documents),
            (2, self.query_documents),
            (1.5, self.update_document),
            (1, self.delete_document),
            (1.5, self.mint_key),
            (1.5, self.odd_http),
        ]
        self._ops = [op for _, op in ops]
        self._weights = [w for w, _ in ops]

    # -- driving -------------------------------------------------------------------------

    def next(self) -> tuple[str, Planned]:
        """The mode ("plain" or "auth") and the next request."""
        mode = "auth" if self.rng.random() < self.auth_share else "plain"
        model = self.models[mode]
        while True:
            op = self.rng.choices(self._ops, self._weights)[0]
            planned = op(model)
            if planned is not None:
                break
        if mode == "auth" and planned.token is None:
            planned.token = self._token(model)
        elif mode == "plain" and self.rng.random() < 0.02:
            planned.token = "not-a-jwt"
        return mode, planned

    def _token(self, model: Model) -> str | None:
        roll = self.rng.random()
        if roll < 0.7 or not model.keys:
            return "{admin_key}" if roll < 0.94 else self.rng.choice([None, "not-a-jwt"])
        return self.rng.choice(model.keys)

    def observe(self, mode: str, planned: Planned, status: int, body: Any) -> None:
        """Update the model from the reference answer (symbolic) to ``planned``."""
        if status != 200 or not isinstance(body, (dict, list)):
            return
        model = self.models[mode]
        label = planned.label
        if label in ("create_app", "app_get_or_create") and isinstance(body, dict):
            if not any(a.symbol == body["id"] for a in model.apps):
                model.apps.append(Node(body["id"], name=str(body["name"])))
        elif label == "update_app" and isinstance(body, dict):
            for node in model.apps:
                if node.symbol == body["id"]:
                    node.name = str(body["name"])
        elif label in ("create_user", "user_get_or_create") and isinstance(body, dict):
            owner = self._find(model.apps, body["app_id"])
            if owner and not any(u.symbol == body["id"] for u in model.users):
                model.users.append(Node(body["id"], owner, name=str(body["name"])))
        elif label == "update_user" and isinstance(body, dict):
            for node in model.users:
                if node.symbol == body["id"]:
                    node.name = str(body["name"])
        elif label in ("create_session", "clone_session") and isinstance(body, dict):
            owner = self._find(model.users, body["user_id"])
            if owner:
                model.sessions.append(Node(body["id"], owner))
        elif label in ("create_message", "create_batch"):
            for message in body if isinstance(body, list) else [body]:
                session = self._find(model.sessions, message["session_id"])
                if session:
                    session.has_messages = True
                    model.messages.append(
                        Node(message["id"], session, is_user=bool(message["is_user"]))
                    )
        elif label == "create_metamessage" and isinstance(body, dict):
            owner = self._find(model.users, body["user_id"])
            if owner:
                model.metamessages.append(Node(body["id"], owner))
        elif label == "create_collection" and isinstance(body, dict):
            owner = self._find(model.users, body["user_id"])
            if owner:
                model.collections.append(Node(body["id"], owner, name=str(body["name"])))
        elif label == "update_collection" and isinstance(body, dict):
            for node in model.collections:
                if node.symbol == body["id"]:
                    node.name = str(body["name"])
        elif label == "delete_collection":
            gone = self._find(model.collections, planned.target.rsplit("/", 1)[-1])
            if gone:
                gone.deleted = True
                for node in model.documents:
                    if node.parent is gone:
                        node.deleted = True
        elif label == "create_document" and isinstance(body, dict):
            owner = self._find(model.collections, body["collection_id"])
            if owner:
                model.documents.append(Node(body["id"], owner, name=str(body["content"])))
        elif label == "delete_document":
            removed = self._find(model.documents, planned.target.rsplit("/", 1)[-1])
            if removed:
                removed.deleted = True
        elif label == "mint_key" and isinstance(body, dict):
            model.keys.append(str(body["key"]))

    @staticmethod
    def _find(nodes: list[Node], symbol: Any) -> Node | None:
        return next((n for n in nodes if n.symbol == symbol), None)

    # -- choosing ------------------------------------------------------------------------

    def _chance(self, p: float) -> bool:
        return self.rng.random() < p

    def _pick(self, nodes: list[Node], live: bool = True) -> Node | None:
        pool = [n for n in nodes if not (live and n.deleted)] or nodes
        return self.rng.choice(pool) if pool else None

    def _unknown(self) -> str:
        return self.rng.choice(UNKNOWN_IDS)

    def _meta(self) -> dict[str, Any]:
        return dict(self.rng.choice(METADATA))

    def _app_path(self, app: Node | None) -> str:
        return f"/v1/apps/{app.symbol if app else self._unknown()}"

    def _user_path(self, user: Node) -> str:
        """The path of a user; now and then with an unknown id, or under another app."""
        roll = self.rng.random()
        if roll < 0.03:
            return f"{self._app_path(user.parent)}/users/{self._unknown()}"
        if roll < 0.06:
            other = self._pick(self.models_of(user).apps)
            return f"{self._app_path(other)}/users/{user.symbol}"
        if roll < 0.08:
            return f"{self._app_path(None)}/users/{user.symbol}"
        return f"{self._app_path(user.parent)}/users/{user.symbol}"

    def models_of(self, node: Node) -> Model:
        for model in self.models.values():
            if node in model.users or node in model.sessions or node in model.collections:
                return model
        return self.models["plain"]

    def _session_path(self, session: Node) -> str:
        assert session.parent is not None
        roll = self.rng.random()
        if roll < 0.04:
            return f"{self._user_path(session.parent)}/sessions/{self._unknown()}"
        if roll < 0.07:
            other = self._pick(self.models_of(session).users)
            if other is not None:
                return f"{self._user_path(other)}/sessions/{session.symbol}"
        return f"{self._user_path(session.parent)}/sessions/{session.symbol}"

    def _collection_path(self, collection: Node) -> str:
        assert collection.parent is not None
        roll = self.rng.random()
        if roll < 0.04:
            return f"{self._user_path(collection.parent)}/collections/{self._unknown()}"
        if roll < 0.07:
            other = self._pick(self.models_of(collection).users)
            if other is not None:
                return f"{self._user_path(other)}/collections/{collection.symbol}"
        return f"{self._user_path(collection.parent)}/collections/{collection.symbol}"

    def _paging(self) -> str:
        pairs: list[tuple[str, Any]] = []
        if self._chance(0.3):
            pairs.append(("size", self.rng.choice([1, 2, 3, 50, 100, 0, 101])))
        if self._chance(0.2):
            pairs.append(("page", self.rng.choice([1, 2, 3, 0, "x"])))
        if self._chance(0.3):
            pairs.append(("reverse", self.rng.choice([True, False, "maybe"])))
        return _query(pairs)

    def _name(self, model: Model, base: str, taken: Sequence[str]) -> Any:
        roll = self.rng.random()
        if roll < 0.08 and taken:
            return self.rng.choice(list(taken))
        if roll < 0.11:
            return ""
        if roll < 0.13:
            return 7
        if roll < 0.15:
            return model.fresh(base) + "x" * 100
        return model.fresh(base)

    # -- apps ----------------------------------------------------------------------------

    def create_app(self, model: Model) -> Planned:
        body: dict[str, Any] = {"name": self._name(model, "a", [a.name for a in model.apps])}
        if self._chance(0.8):
            body["metadata"] = {"run": f"{{run}}-{model.mode}", **self._meta()}
        elif self._chance(0.3):
            body["metadata"] = self.rng.choice([None, [1], "m"])
        return Planned("create_app", "POST", "/v1/apps").json(body)

    def get_app(self, model: Model) -> Planned:
        app = self._pick(model.apps)
        roll = self.rng.random()
        if roll < 0.1 or app is None:
            target = "/v1/apps" + self.rng.choice(["", "?app_id=", f"?app_id={self._unknown()}"])
        else:
            target = f"/v1/apps?app_id={app.symbol}"
        return Planned("get_app", "GET", target)

    def list_apps(self, model: Model) -> Planned:
        wanted: dict[str, Any] = {"run": f"{{run}}-{model.mode}"}
        if self._chance(0.4):
            wanted.update(self._meta())
        return Planned("list_apps", "POST", "/v1/apps/list" + self._paging()).json(
            {"filter": wanted}
        )

    def app_by_name(self, model: Model) -> Planned:
        app = self._pick(model.apps)
        roll = self.rng.random()
        if app is None or roll < 0.15:
            name = model.fresh("none") + self.rng.choice(["", "", " x", "-", "'", "🙂"])
        else:
            name = app.name
        return Planned("app_by_name", "GET", f"/v1/apps/name/{_segment(name)}")

    def app_get_or_create(self, model: Model) -> Planned:
        app = self._pick(model.apps)
        name = app.name if app and self._chance(0.5) else model.fresh("g")
        return Planned("app_get_or_create", "GET", f"/v1/apps/get_or_create/{_segment(name)}")

    def update_app(self, model: Model) -> Planned | None:
        app = self._pick(model.apps)
        if app is None:
            return None
        if self._chance(0.04):
            app = Node(self._unknown())
        body: dict[str, Any] = {}
        roll = self.rng.random()
        if roll < 0.4:
            body["metadata"] = {"run": f"{{run}}-{model.mode}", **self._meta()}
        elif roll < 0.7:
            body["name"] = self._name(model, "a", [a.name for a in model.apps])
            if body["name"] in ("", 7):
                body["name"] = model.fresh("a")
        elif roll < 0.8:
            body["name"] = "n" * 513
        elif roll < 0.9:
            body = {"metadata": self.rng.choice([None, 3, "x"])}
        return Planned("update_app", "PUT", self._app_path(app)).json(body)

    # -- users ---------------------------------------------------------------------------

    def create_user(self, model: Model) -> Planned | None:
        app = self._pick(model.apps)
        if app is None:
            return self.create_app(model)
        names = [u.name for u in model.users if u.parent is app]
        body: dict[str, Any] = {"name": self._name(model, "u", names)}
        if self._chance(0.5):
            body["metadata"] = self._meta()
        return Planned("create_user", "POST", f"{self._app_path(app)}/users").json(body)

    def get_user(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        app_path = self._app_path(user.parent)
        roll = self.rng.random()
        if roll < 0.08:
            return Planned(
                "get_user", "GET", f"{app_path}/users" + self.rng.choice(["", "?user_id="])
            )
        user_id = user.symbol if roll > 0.15 else self._unknown()
        return Planned("get_user", "GET", f"{app_path}/users?user_id={user_id}")

    def user_by_name(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        name = user.name if self._chance(0.8) else self.rng.choice(["nobody", "no body", "x-"])
        return Planned(
            "user_by_name", "GET", f"{self._app_path(user.parent)}/users/name/{_segment(name)}"
        )

    def user_get_or_create(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        app = user.parent if user else self._pick(model.apps)
        if app is None:
            return None
        name = user.name if user and self._chance(0.5) else model.fresh("gu")
        path = f"{self._app_path(app)}/users/get_or_create/{_segment(name)}"
        return Planned("user_get_or_create", "GET", path)

    def update_user(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        roll = self.rng.random()
        body: dict[str, Any]
        if roll < 0.45:
            body = {"metadata": self._meta()}
        elif roll < 0.75:
            names = [u.name for u in model.users if u.parent is user.parent and u is not user]
            name = self.rng.choice(names) if names and self._chance(0.3) else model.fresh("u")
            body = {"name": name}
        elif roll < 0.85:
            body = {"name": "u" * 513}
        else:
            body = self.rng.choice([{}, {"metadata": "x"}, {"name": None, "metadata": None}])
        return Planned("update_user", "PUT", self._user_path(user)).json(body)

    def list_users(self, model: Model) -> Planned | None:
        app = self._pick(model.apps)
        if app is None:
            return None
        planned = Planned(
            "list_users", "POST", f"{self._app_path(app)}/users/list" + self._paging()
        )
        if self._chance(0.5):
            planned.json({"filter": self._meta()})
        return planned

    # -- sessions ------------------------------------------------------------------------

    def create_session(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return self.create_user(model)
        body: dict[str, Any] = {"metadata": self._meta()} if self._chance(0.5) else {}
        if self._chance(0.04):
            body = {"metadata": "x"}
        return Planned("create_session", "POST", f"{self._user_path(user)}/sessions").json(body)

    def get_session(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None or session.parent is None:
            return None
        roll = self.rng.random()
        user_path = self._user_path(session.parent)
        if roll < 0.06:
            return Planned(
                "get_session",
                "GET",
                f"{user_path}/sessions" + self.rng.choice(["", "?session_id="]),
            )
        session_id = session.symbol if roll > 0.12 else self._unknown()
        return Planned("get_session", "GET", f"{user_path}/sessions?session_id={session_id}")

    def list_sessions(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        planned = Planned(
            "list_sessions", "POST", f"{self._user_path(user)}/sessions/list" + self._paging()
        )
        if self._chance(0.6):
            body: dict[str, Any] = {}
            if self._chance(0.5):
                body["is_active"] = self.rng.choice([True, False])
            if self._chance(0.5):
                body["filter"] = self._meta()
            planned.json(body)
        return planned

    def update_session(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return None
        body: Any = (
            {"metadata": self._meta()}
            if self._chance(0.85)
            else self.rng.choice([{}, {"metadata": None}])
        )
        return Planned("update_session", "PUT", self._session_path(session)).json(body)

    def delete_session(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions)
        if session is None:
            return None
        session.deleted = True
        return Planned("delete_session", "DELETE", self._session_path(session))

    def clone_session(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return None
        pairs: list[tuple[str, Any]] = []
        if self._chance(0.4):
            pairs.append(("deep_copy", self.rng.choice([True, False, True, "perhaps"])))
        if self._chance(0.3):
            own = [m for m in model.messages if m.parent is session]
            other = self._pick(model.messages)
            if own and self._chance(0.7):
                pairs.append(("message_id", self.rng.choice(own).symbol))
            elif other is not None:
                pairs.append(("message_id", other.symbol))
            else:
                pairs.append(("message_id", self._unknown()))
        return Planned(
            "clone_session", "GET", f"{self._session_path(session)}/clone" + _query(pairs)
        )

    def chat(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return None
        roll = self.rng.random()
        queries: Any
        if roll < 0.55:
            queries = self.rng.choice(["what does the user like?", "who is this?", ""])
        elif roll < 0.8:
            queries = ["first question?", "second question?"][: self.rng.randint(1, 2)]
        elif roll < 0.85:
            queries = ["q"] * 26
        elif roll < 0.9:
            queries = repeat("q", 10001)
        elif roll < 0.95:
            queries = []
        else:
            queries = self.rng.choice([3, None, [1]])
        body: dict[str, Any] = {"queries": queries}
        if self._chance(0.3):
            body["stream"] = True
        return Planned("chat", "POST", f"{self._session_path(session)}/chat").json(body)

    # -- messages ------------------------------------------------------------------------

    def _message_body(self) -> dict[str, Any]:
        roll = self.rng.random()
        if roll < 0.03:
            return self.rng.choice(
                [
                    {"content": "x"},
                    {"content": None, "is_user": True},
                    {"content": "x", "is_user": "maybe"},
                    {"content": repeat("c", 50001), "is_user": True},
                    {"content": "nul\u0000", "is_user": True},
                ]
            )
        body: dict[str, Any] = {"content": self.rng.choice(TEXTS), "is_user": self._chance(0.6)}
        if self._chance(0.4):
            body["metadata"] = self._meta()
        return body

    def create_message(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return self.create_session(model)
        path = f"{self._session_path(session)}/messages"
        return Planned("create_message", "POST", path).json(self._message_body())

    def create_batch(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return None
        roll = self.rng.random()
        count = 0 if roll < 0.04 else 101 if roll < 0.07 else self.rng.randint(1, 5)
        messages = [self._message_body() for _ in range(min(count, 5))]
        if count == 101:
            messages = [{"content": "x", "is_user": True}] * 101
        path = f"{self._session_path(session)}/messages/batch"
        return Planned("create_batch", "POST", path).json({"messages": messages})

    def list_messages(self, model: Model) -> Planned | None:
        session = self._pick(model.sessions, live=False)
        if session is None:
            return None
        path = f"{self._session_path(session)}/messages/list" + self._paging()
        planned = Planned("list_messages", "POST", path)
        if self._chance(0.4):
            planned.json({"filter": self._meta()})
        return planned

    def get_message(self, model: Model) -> Planned | None:
        message = self._pick(model.messages)
        if message is None or message.parent is None:
            return None
        session = message.parent
        if self._chance(0.1):
            other = self._pick(model.sessions)
            session = other if other is not None else session
        message_id = message.symbol if self._chance(0.9) else self._unknown()
        return Planned("get_message", "GET", f"{self._session_path(session)}/messages/{message_id}")

    def update_message(self, model: Model) -> Planned | None:
        message = self._pick(model.messages)
        if message is None or message.parent is None:
            return None
        message_id = message.symbol if self._chance(0.9) else self._unknown()
        body: Any = (
            {"metadata": self._meta()}
            if self._chance(0.9)
            else self.rng.choice([{}, {"metadata": 1}])
        )
        path = f"{self._session_path(message.parent)}/messages/{message_id}"
        return Planned("update_message", "PUT", path).json(body)

    # -- metamessages --------------------------------------------------------------------

    def _links(self, model: Model, user: Node) -> dict[str, Any]:
        roll = self.rng.random()
        sessions = [s for s in model.sessions if s.parent is user]
        if roll < 0.35 or not sessions:
            return {}
        session = self.rng.choice(sessions)
        if roll < 0.6:
            return {"session_id": session.symbol}
        messages = [m for m in model.messages if m.parent is session]
        if roll < 0.85 and messages:
            return {"session_id": session.symbol, "message_id": self.rng.choice(messages).symbol}
        other = self._pick(model.messages)
        return self.rng.choice(
            [
                {"message_id": other.symbol if other else self._unknown()},
                {"session_id": self._unknown()},
                {"session_id": session.symbol, "message_id": self._unknown()},
            ]
        )

    def create_metamessage(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        key = "label" if self._chance(0.3) else "metamessage_type"
        kind = self.rng.choice(["note", "summary", "thought", "t" * 50, "", "t" * 51])
        body: dict[str, Any] = {key: kind, "content": self.rng.choice(TEXTS)}
        body.update(self._links(model, user))
        if self._chance(0.3):
            body["metadata"] = self._meta()
        if self._chance(0.03):
            del body["content"]
        path = f"{self._user_path(user)}/metamessages"
        return Planned("create_metamessage", "POST", path).json(body)

    def list_metamessages(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        body: dict[str, Any] = {}
        if self._chance(0.3):
            key = "label" if self._chance(0.4) else "metamessage_type"
            body[key] = self.rng.choice(
                ["note", "summary", "thought", "honcho_user_representation", ""]
            )
        if self._chance(0.4):
            body.update(self._links(model, user))
        if self._chance(0.2):
            body["filter"] = self._meta()
        path = f"{self._user_path(user)}/metamessages/list" + self._paging()
        planned = Planned("list_metamessages", "POST", path)
        return planned.json(body) if body or self._chance(0.5) else planned

    def get_metamessage(self, model: Model) -> Planned | None:
        meta = self._pick(model.metamessages)
        if meta is None or meta.parent is None:
            return None
        meta_id = meta.symbol if self._chance(0.9) else self._unknown()
        return Planned(
            "get_metamessage", "GET", f"{self._user_path(meta.parent)}/metamessages/{meta_id}"
        )

    def update_metamessage(self, model: Model) -> Planned | None:
        meta = self._pick(model.metamessages)
        if meta is None or meta.parent is None:
            return None
        body: dict[str, Any] = {}
        roll = self.rng.random()
        if roll < 0.25:
            body["metadata"] = self._meta()
        elif roll < 0.45:
            key = "label" if self._chance(0.4) else "metamessage_type"
            body[key] = self.rng.choice(["renamed", "", "t" * 513, "t" * 60])
        else:
            body.update(self._links(model, meta.parent))
        meta_id = meta.symbol if self._chance(0.95) else self._unknown()
        path = f"{self._user_path(meta.parent)}/metamessages/{meta_id}"
        return Planned("update_metamessage", "PUT", path).json(body)

    # -- collections ---------------------------------------------------------------------

    def create_collection(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        names = [c.name for c in model.collections if c.parent is user and not c.deleted]
        roll = self.rng.random()
        name: Any
        if roll < 0.05:
            name = self.rng.choice(["honcho", "HONCHO", "Honcho"])
        else:
            name = self._name(model, "c", names)
        body: dict[str, Any] = {"name": name}
        if self._chance(0.4):
            body["metadata"] = self._meta()
        return Planned("create_collection", "POST", f"{self._user_path(user)}/collections").json(
            body
        )

    def get_collection(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections, live=False)
        if collection is None or collection.parent is None:
            return None
        user_path = self._user_path(collection.parent)
        roll = self.rng.random()
        if roll < 0.06:
            suffix = self.rng.choice(["", "?collection_id="])
            return Planned("get_collection", "GET", f"{user_path}/collections{suffix}")
        collection_id = collection.symbol if roll > 0.12 else self._unknown()
        return Planned(
            "get_collection", "GET", f"{user_path}/collections?collection_id={collection_id}"
        )

    def collection_by_name(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections, live=False)
        if collection is None or collection.parent is None:
            return None
        name = (
            collection.name if self._chance(0.8) else self.rng.choice(["honcho", "nothing", "a b"])
        )
        path = f"{self._user_path(collection.parent)}/collections/name/{_segment(name)}"
        return Planned("collection_by_name", "GET", path)

    def list_collections(self, model: Model) -> Planned | None:
        user = self._pick(model.users)
        if user is None:
            return None
        planned = Planned(
            "list_collections", "POST", f"{self._user_path(user)}/collections/list" + self._paging()
        )
        if self._chance(0.4):
            planned.json({"filter": self._meta()})
        return planned

    def update_collection(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections, live=False)
        if collection is None or collection.parent is None:
            return None
        roll = self.rng.random()
        body: dict[str, Any]
        if roll < 0.35:
            body = {"metadata": self._meta()}
        elif roll < 0.65:
            names = [
                c.name
                for c in model.collections
                if c.parent is collection.parent and c is not collection and not c.deleted
            ]
            name = self.rng.choice(names) if names and self._chance(0.3) else model.fresh("c")
            body = {"name": name}
        elif roll < 0.75:
            body = {"name": self.rng.choice(["honcho", "HoNcHo", "c" * 513])}
        else:
            body = self.rng.choice(
                [
                    {},
                    {"name": None, "metadata": None},
                    {"metadata": self._meta(), "name": model.fresh("c")},
                ]
            )
        return Planned("update_collection", "PUT", self._collection_path(collection)).json(body)

    def delete_collection(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections)
        if collection is None:
            return None
        return Planned("delete_collection", "DELETE", self._collection_path(collection))

    # -- documents -----------------------------------------------------------------------

    def create_document(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections)
        if collection is None:
            return self.create_collection(model)
        model.counter += 1
        content: Any = f"fact number {model.counter}: {self.rng.choice(TEXTS)}"
        if self._chance(0.04):
            content = self.rng.choice(["", None])
        body: dict[str, Any] = {"content": content}
        if self._chance(0.4):
            body["metadata"] = self._meta()
        path = f"{self._collection_path(collection)}/documents"
        return Planned("create_document", "POST", path).json(body)

    def get_document(self, model: Model) -> Planned | None:
        document = self._pick(model.documents, live=False)
        if document is None or document.parent is None:
            return None
        document_id = document.symbol if self._chance(0.9) else self._unknown()
        path = f"{self._collection_path(document.parent)}/documents/{document_id}"
        return Planned("get_document", "GET", path)

    def list_documents(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections, live=False)
        if collection is None:
            return None
        path = f"{self._collection_path(collection)}/documents/list" + self._paging()
        planned = Planned("list_documents", "POST", path)
        if self._chance(0.4):
            planned.json({"filter": self._meta()})
        return planned

    def query_documents(self, model: Model) -> Planned | None:
        collection = self._pick(model.collections, live=False)
        if collection is None:
            return None
        own = [d for d in model.documents if d.parent is collection and not d.deleted]
        roll = self.rng.random()
        body: dict[str, Any]
        if roll < 0.2 and own:
            body = {"query": self.rng.choice(own).name, "top_k": 1}
        elif roll < 0.9:
            body = {"query": self.rng.choice(["facts", "what does the user like?"]), "top_k": 50}
            if self._chance(0.3):
                body["filter"] = self._meta()
            if len(own) <= 5 and self._chance(0.5):
                del body["top_k"]
        else:
            body = self.rng.choice(
                [{"query": ""}, {"query": "x", "top_k": 0}, {"query": "x", "top_k": 51}, {}]
            )
        path = f"{self._collection_path(collection)}/documents/query"
        return Planned("query_documents", "POST", path, unordered=True).json(body)

    def update_document(self, model: Model) -> Planned | None:
        document = self._pick(model.documents)
        if document is None or document.parent is None:
            return None
        roll = self.rng.random()
        body: dict[str, Any]
        if roll < 0.45:
            body = {"metadata": self._meta()}
        elif roll < 0.75:
            model.counter += 1
            body = {"content": f"changed {model.counter}"}
            document.name = body["content"]
        elif roll < 0.85:
            body = self.rng.choice([{}, {"content": None, "metadata": None}, {"content": ""}])
        else:
            body = (
                {"metadata": items(10001)}
                if self._chance(0.2)
                else {"metadata": self._meta(), "content": "both"}
            )
        document_id = document.symbol if self._chance(0.92) else self._unknown()
        path = f"{self._collection_path(document.parent)}/documents/{document_id}"
        return Planned("update_document", "PUT", path).json(body)

    def delete_document(self, model: Model) -> Planned | None:
        document = self._pick(model.documents)
        if document is None or document.parent is None:
            return None
        return Planned(
            "delete_document",
            "DELETE",
            f"{self._collection_path(document.parent)}/documents/{document.symbol}",
        )

    # -- keys and HTTP -------------------------------------------------------------------

    def mint_key(self, model: Model) -> Planned | None:
        choices: list[tuple[str, str]] = []
        for kind, nodes in (
            ("app_id", model.apps),
            ("user_id", model.users),
            ("session_id", model.sessions),
            ("collection_id", model.collections),
        ):
            choices += [(kind, n.symbol) for n in nodes if (kind, n.symbol) not in model.minted]
        roll = self.rng.random()
        if model.mode == "plain" or roll < 0.1 or not choices:
            pairs: list[tuple[str, Any]] = self.rng.choice(
                [[], [("app_id", "")], [("expires_at", "soon")]]
                + ([[choices[0]]] if choices and model.mode == "plain" else [])
            )
            return Planned("mint_key_invalid", "POST", "/v1/keys" + _query(pairs))
        if model.minted and roll < 0.25:
            # the same scope again: the server answers the same key
            pairs = [self.rng.choice(sorted(model.minted))]
            return Planned("mint_key", "POST", "/v1/keys" + _query(pairs), token="{admin_key}")
        scope = self.rng.choice(choices)
        model.minted.add(scope)
        pairs = [scope]
        if self._chance(0.1):
            pairs.append(("expires_at", "2999-01-01T00:00:00"))
        return Planned("mint_key", "POST", "/v1/keys" + _query(pairs), token="{admin_key}")

    def odd_http(self, model: Model) -> Planned | None:
        app = self._pick(model.apps)
        app_path = self._app_path(app)
        roll = self.rng.random()
        if roll < 0.15:
            return Planned(
                "odd_http", "GET", self.rng.choice(["/v1/nothing", "/", "/v1/apps/x/y/z/w"])
            )
        if roll < 0.3:
            return Planned(
                "odd_http",
                self.rng.choice(["DELETE", "PATCH"]),
                self.rng.choice(["/v1/apps", app_path, "/v1/keys"]),
            )
        if roll < 0.45:
            return Planned(
                "odd_http", "GET", app_path.replace("/v1/apps/", "/v1/apps/", 1) + "/users/"
            )
        if roll < 0.6:
            headers = {
                "origin": self.rng.choice(["http://localhost", "https://evil.example"]),
                "access-control-request-method": "POST",
            }
            return Planned(
                "odd_http",
                "OPTIONS",
                self.rng.choice(["/v1/apps", f"{app_path}/users"]),
                headers=headers,
            )
        if roll < 0.75:
            planned = Planned("odd_http", "POST", f"{app_path}/users")
            planned.body_kind, planned.body = (
                "text",
                self.rng.choice(["not json", "[]", '{"name": NaN}', "null"]),
            )
            return planned
        if roll < 0.85:
            planned = Planned("odd_http", "POST", "/v1/apps")
            planned.body_kind, planned.body = "base64", "/w=="  # the byte 0xff
            return planned
        return Planned("odd_http", "GET", f"/v1/apps/name/{_segment('a/b')}")
