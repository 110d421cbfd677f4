"""The request pipeline of the fake, as one synchronous function of the raw request.

route → injected failure → decode body → authenticate → validate → handler (under the
store lock) → response; chat answers are computed by the responder outside the lock.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable

from ._auth import SCOPE_FIELDS, Authenticator, bearer_token
from ._faults import Faults, request_matches
from ._http import (
    ApiError,
    FakeResponse,
    HeadersInput,
    QueryInput,
    RecordedRequest,
    Request,
    error_response,
    json_response,
    make_request,
    stream_response,
)
from ._responder import Responder, split_chunks
from ._routes import Call, ChatJob, Route, resolve
from ._store import Store
from ._validation import ABSENT, Issues, decode_body, validate_body, validate_query


class Dispatcher:
    """Turns raw requests into :class:`FakeResponse` values and records them."""

    def __init__(
        self, store: Store, auth: Authenticator, faults: Faults, responder: Responder
    ) -> None:
        self.store = store
        self.auth = auth
        self.faults = faults
        self.responder = responder
        self._log: list[RecordedRequest] = []
        self._log_lock = threading.Lock()

    # -- request log -------------------------------------------------------------------

    def log(self) -> list[RecordedRequest]:
        with self._log_lock:
            return list(self._log)

    def clear_log(self) -> None:
        with self._log_lock:
            self._log.clear()

    def count(self, method: str | None, path: str | None) -> int:
        return sum(
            request_matches(method, path, r.method, r.path, _template(r.method, r.path))
            for r in self.log()
        )

    # -- pipeline ----------------------------------------------------------------------

    def delay_for(self, method: str, path: str) -> float:
        """The configured delay before answering this request."""
        raw_path = path.partition("?")[0]
        return self.faults.delay_for(method.upper(), raw_path, _template(method, raw_path))

    def handle(
        self,
        method: str,
        path: str,
        query: QueryInput = "",
        headers: HeadersInput | None = None,
        body: bytes = b"",
    ) -> FakeResponse:
        request = make_request(method, path, query, headers, body)
        status = 500
        try:
            response = self._respond(request)
            status = response.status
            return response
        finally:
            record = RecordedRequest(
                request.method, request.path, request.query, request.headers, body, status
            )
            with self._log_lock:
                self._log.append(record)

    def _respond(self, request: Request) -> FakeResponse:
        try:
            route, params = resolve(request.method, request.segments)
        except ApiError as error:
            failure = self.faults.take_failure(request.method, request.path, None)
            return failure or error_response(error)
        failure = self.faults.take_failure(request.method, request.path, route.template)
        if failure is not None:
            return failure
        payload: object = ABSENT
        if route.body is not None:
            try:
                payload = decode_body(request.body, request.headers.get("content-type"))
            except ValueError as error:
                return json_response(422, {"detail": [error.args[0]]})
        try:
            return self._run(route, params, request, payload)
        except ApiError as error:
            return error_response(error)

    def _run(
        self, route: Route, params: dict[str, str], request: Request, payload: object
    ) -> FakeResponse:
        token = bearer_token(request.headers)
        scope = self.auth.scope(token)
        ids: dict[str, str | None] = dict(params)
        for name in SCOPE_FIELDS:
            if name in route.query and request.query_map.get(name):
                ids[name] = request.query_map[name]
        if route.id_param and not ids.get(route.id_param) and scope is not None:
            ids[route.id_param] = getattr(scope, route.id_param)
        self.auth.authorize(token, ids, route.admin_only)

        issues: Issues = []
        query = validate_query(route.query, request.query_map, issues)
        body: dict[str, object] = {}
        if route.body is not None:
            body = validate_body(route.body, not route.optional_body, payload, issues)
        if issues:
            return json_response(422, {"detail": issues})

        call = Call(self.store, params, query, body, scope)
        with self.store.lock:
            result = route.handler(call)
            if not isinstance(result, ChatJob):
                return json_response(200, result)
        answer = str(self.responder(result.context))
        if result.stream:
            return stream_response(_encode(split_chunks(answer)))
        return json_response(200, {"content": answer})


def _encode(chunks: Iterable[str]) -> list[bytes]:
    return [chunk.encode("utf-8") for chunk in chunks]


def _template(method: str, raw_path: str) -> str | None:
    try:
        return resolve(method.upper(), make_request(method, raw_path).segments)[0].template
    except ApiError:
        return None
