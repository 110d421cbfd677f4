"""The request pipeline of the fake, as one synchronous function of the raw request.

queued fault → CORS preflight → route (404 / 405 / 307) → decode body → the server's
per-request SQL (a defect) → authenticate → validate query and body → handler (under the
store lock) → response; chat answers are computed by the responder outside the lock.
This is the order the real server goes in, so the same request fails the same way.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from urllib.parse import quote

from . import _cors as cors
from ._auth import Authenticator
from ._call import Call, ChatJob
from ._defects import path_breaks_sql
from ._faults import Faults
from ._http import (
    SERVER_ERROR,
    ApiError,
    FakeResponse,
    HeadersInput,
    QueryInput,
    RecordedRequest,
    Request,
    json_response,
    make_request,
    server_error,
    stream_response,
)
from ._log import RequestLog
from ._models import body_model
from ._responder import Responder, split_chunks
from ._routes import Route, resolve, slash_redirect, template_of
from ._store import Store
from ._validation import ABSENT, Issues, decode_body, validate_body, validate_query

# Characters Starlette leaves as they are when it writes a redirect's Location.
_LOCATION_SAFE = ":/%#?=@[]!$&'()*+,;"


class Dispatcher:
    """Turns raw requests into :class:`FakeResponse` values and records them."""

    def __init__(
        self,
        store: Store,
        auth: Authenticator,
        faults: Faults,
        responder: Responder,
        defects: frozenset[str],
        log: RequestLog,
    ) -> None:
        self.store = store
        self.auth = auth
        self.faults = faults
        self.responder = responder
        self.defects = defects
        self.log = log

    def delay_for(self, method: str, path: str) -> float:
        """The configured delay before answering this request (``path`` is raw)."""
        if self.faults.no_delays:
            return 0.0
        request = make_request(method, path)
        template = template_of(request.method, request.route_path)
        return self.faults.delay_for(request.method, request.path, template)

    def handle(
        self,
        method: str,
        path: str,
        query: QueryInput = "",
        headers: HeadersInput | None = None,
        body: bytes = b"",
    ) -> FakeResponse:
        request = make_request(method, path, query, headers, body)
        answer: FakeResponse | None = None
        try:
            answer = self._respond(request)
            return answer
        finally:
            record = RecordedRequest(
                request.method,
                request.path,
                request.query,
                request.headers,
                body,
                500 if answer is None else answer.status,
            )
            self.log.append(record)

    # -- pipeline ----------------------------------------------------------------------

    def _respond(self, request: Request) -> FakeResponse:
        if self.faults.none_queued:
            return self._answer(request)
        template = template_of(request.method, request.route_path)
        taken = self.faults.take(request.method, request.path, template)
        if taken is not None and taken.answer is not None:
            return taken.answer
        if taken is not None and not taken.applied:
            return FakeResponse(0, (), b"", fault=taken.connection)
        answer = self._answer(request)
        if taken is not None:
            answer = replace(answer, fault=taken.connection)
        return answer

    def _answer(self, request: Request) -> FakeResponse:
        preflight = cors.preflight(request.method, request.headers)
        if preflight is not None:
            return preflight
        try:
            answer = self._route(request)
        except ApiError as error:
            if (error.status, error.detail) == (500, SERVER_ERROR):
                answer = server_error()
            else:
                answer = self._render(error.status, {"detail": error.detail}, error.headers)
        if answer.close and "unannounced_close" not in self.defects:
            answer = replace(answer, close=False)
        extra = cors.simple_headers(request.headers)
        return replace(answer, headers=answer.headers + extra) if extra else answer

    def _route(self, request: Request) -> FakeResponse:
        try:
            route, params = resolve(request.method, request.route_path)
        except ApiError as error:
            target = slash_redirect(request.route_path) if error.status == 404 else None
            if target is None:
                raise
            return self._redirect(request, target)
        payload: object = ABSENT
        if route.body is not None:
            payload = decode_body(
                request.body,
                request.headers.get("content-type"),
                allow_non_finite="non_finite_numbers" in self.defects,
            )
        if "path_in_sql" in self.defects and path_breaks_sql(request.method, request.route_path):
            raise ApiError(500, SERVER_ERROR)
        ids = {name: params.get(name) or request.query_map.get(name) for name in route.auth}
        scope = self.auth.authenticate(request.headers, ids, route.admin_only)
        issues: Issues = []
        query = validate_query(route.query_model, request.query_map, issues)
        body = self._body(route, payload, issues)
        if issues:
            raise ApiError(422, issues)
        call = Call(self.store, params, query, body, scope, self.defects, self.auth)
        with self.store.lock:
            result = route.handler(call)
            if not isinstance(result, ChatJob):
                return self._render(200, result)
        return self._chat(result)

    @staticmethod
    def _body(route: Route, payload: object, issues: Issues) -> dict[str, object]:
        if route.body is None:
            return {}
        return validate_body(body_model(route.body), not route.optional_body, payload, issues)

    def _chat(self, job: ChatJob) -> FakeResponse:
        if job.failure is not None or job.context is None:
            return replace(stream_response(()), close=True)
        answer = str(self.responder(job.context))
        if job.stream:
            return stream_response(_encode(split_chunks(answer)))
        return self._render(200, {"content": answer})

    def _render(
        self, status: int, payload: object, headers: tuple[tuple[str, str], ...] = ()
    ) -> FakeResponse:
        try:
            return json_response(status, payload, headers)
        except ValueError:
            # NaN, an infinity or a lone surrogate: the server's encoder gives up.
            if self.defects & {"non_finite_numbers", "nul_characters"}:
                return server_error()
            return json_response(status, payload, headers, ascii_only=True)

    @staticmethod
    def _redirect(request: Request, target: str) -> FakeResponse:
        host = request.headers.get("host", "localhost")
        location = quote(f"http://{host}{target}", safe=_LOCATION_SAFE)
        if request.query_string:
            location += f"?{quote(request.query_string, safe=_LOCATION_SAFE)}"
        return FakeResponse(307, (("content-length", "0"), ("location", location)), b"")


def _encode(chunks: Iterable[str]) -> list[bytes]:
    return [chunk.encode("utf-8") for chunk in chunks]
