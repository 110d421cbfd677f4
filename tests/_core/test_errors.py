"""How server answers become exceptions: the status classes, 422's two forms, bad 2xx bodies."""

from __future__ import annotations

import httpx
import pytest
import respx

import honcho_client
from honcho_client import (
    APIConnectionError,
    APIError,
    APIResponseValidationError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    ClientClosedError,
    ConfigurationError,
    ConflictError,
    Honcho,
    HonchoError,
    InternalServerError,
    NotFoundError,
    PermissionDeniedError,
    RateLimitError,
    RequestValidationError,
    StreamConsumedError,
    UnprocessableEntityError,
    UsageError,
)
from honcho_client._core.errors import status_error
from honcho_client.testing import FakeHoncho

BASE_URL = "http://honcho.test"
CREATE_PATH = "/v1/apps/app_id/users/user_id/metamessages"


def _create(client: Honcho) -> object:
    return client.apps.users.metamessages.create(
        user_id="user_id", app_id="app_id", content="content", metamessage_type="x"
    )


@pytest.fixture
def client() -> Honcho:
    return Honcho(api_key="sk-secret-key", base_url=BASE_URL, max_retries=0)


def test_hierarchy() -> None:
    assert issubclass(ConfigurationError, HonchoError)
    assert issubclass(ConfigurationError, ValueError) and issubclass(ConfigurationError, TypeError)
    assert issubclass(UsageError, HonchoError) and issubclass(UsageError, RuntimeError)
    assert issubclass(ClientClosedError, UsageError)
    assert issubclass(StreamConsumedError, UsageError)
    assert issubclass(APIError, HonchoError)
    assert issubclass(APITimeoutError, APIConnectionError)
    assert issubclass(APIConnectionError, APIError)
    assert issubclass(APIResponseValidationError, APIError)
    assert issubclass(RequestValidationError, HonchoError)
    assert issubclass(RequestValidationError, ValueError)
    for cls in (
        BadRequestError,
        AuthenticationError,
        PermissionDeniedError,
        NotFoundError,
        ConflictError,
        UnprocessableEntityError,
        RateLimitError,
        InternalServerError,
    ):
        assert issubclass(cls, APIStatusError)


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, BadRequestError),
        (401, AuthenticationError),
        (403, PermissionDeniedError),
        (404, NotFoundError),
        (409, ConflictError),
        (422, UnprocessableEntityError),
        (429, RateLimitError),
        (500, InternalServerError),
        (503, InternalServerError),
        (418, APIStatusError),
    ],
)
def test_status_maps_to_class(status: int, cls: type[APIStatusError], client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(status, json={"detail": "the server's words"})
        with pytest.raises(cls) as caught:
            _create(client)
    error = caught.value
    assert type(error) is cls
    assert error.status_code == status
    assert error.response.status_code == status
    assert error.body == {"detail": "the server's words"}
    assert error.message == "the server's words"
    hint = f". {error.hint}" if status in (401, 403) else ""
    assert str(error) == f"{status} POST {CREATE_PATH}: the server's words{hint}"


def test_422_list_form_has_typed_errors(client: Honcho) -> None:
    detail = [
        {
            "type": "string_too_short",
            "loc": ["body", "metamessage_type"],
            "msg": "String should have at least 1 character",
            "input": "",
            "ctx": {"min_length": 1},
        }
    ]
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(422, json={"detail": detail})
        with pytest.raises(UnprocessableEntityError) as caught:
            _create(client)
    error = caught.value
    assert error.errors[0].loc == ["body", "metamessage_type"]
    assert error.errors[0].type == "string_too_short"
    assert error.errors[0].msg == "String should have at least 1 character"
    assert error.errors[0].model_extra == {"input": "", "ctx": {"min_length": 1}}
    assert "body.metamessage_type: String should have at least 1 character" in str(error)


def test_422_string_form_keeps_the_sentence(client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(
            422, json={"detail": "Cannot specify message_id without session_id"}
        )
        with pytest.raises(UnprocessableEntityError) as caught:
            _create(client)
    assert caught.value.errors == []
    assert "Cannot specify message_id without session_id" in str(caught.value)
    assert caught.value.message == "Cannot specify message_id without session_id"


def test_html_error_page_is_quoted(client: Honcho) -> None:
    page = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>"
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(502, text=page, headers={"content-type": "text/html"})
        with pytest.raises(InternalServerError) as caught:
            _create(client)
    assert caught.value.status_code == 502
    assert "<title>502 Bad Gateway</title>" in str(caught.value)
    assert caught.value.body == page


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"<html>not json</html>", "not JSON"),
        (b'{"id": "m1", "label": "x"', "truncated"),
        (b'{"id": "m1"}', "missing fields"),
    ],
)
def test_bad_2xx_body_raises_response_validation_error(
    content: bytes, reason: str, client: Honcho
) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(
            200, content=content, headers={"content-type": "application/json"}
        )
        with pytest.raises(APIResponseValidationError) as caught:
            _create(client.with_options(strict_response_validation=True))
    error = caught.value
    assert error.status_code == 200
    assert repr(content[:20])[2:-1] in str(error), reason
    assert error.body == content.decode()


def test_response_validation_error_quotes_at_most_500_bytes(client: Honcho) -> None:
    content = b'{"junk": "' + b"a" * 2000 + b'"}'
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(200, content=content)
        with pytest.raises(APIResponseValidationError) as caught:
            _create(client.with_options(strict_response_validation=True))
    assert isinstance(caught.value.body, str) and len(caught.value.body) == 500


def test_no_error_message_carries_the_key(client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(401, json={"detail": "Invalid JWT"})
        with pytest.raises(AuthenticationError) as caught:
            _create(client)
    assert "sk-secret-key" not in str(caught.value)
    assert "sk-secret-key" not in repr(caught.value)
    assert "sk-secret-key" not in repr(client)


def test_public_names() -> None:
    assert sorted(honcho_client.__all__) == sorted(
        [
            "NOT_GIVEN", "APIConnectionError", "APIError", "APIResponse", "APIResponseValidationError",
            "APIStatusError", "APITimeoutError", "AsyncAPIResponse", "AsyncChatStream", "AsyncHoncho",
            "AsyncPage", "AsyncPaginator", "AuthenticationError", "BadRequestError", "ChatStream",
            "ClientClosedError", "ConfigurationError", "ConflictError", "DefaultAioHttpClient",
            "AsyncEventStream", "EventStream", "Honcho", "HonchoError", "InternalServerError", "NotFoundError", "NotGiven",
            "Omit", "PermissionDeniedError", "RateLimitError", "RequestOptions", "RequestValidationError",
            "ServerSentEvent", "StreamConsumedError", "SyncPage", "UnprocessableEntityError",
            "UsageError", "ValidationIssue", "__version__", "omit",
        ]
    )  # fmt: skip
    for name in honcho_client.__all__:
        assert getattr(honcho_client, name) is not None


def test_connection_error_wraps_httpx(client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).mock(side_effect=httpx.ConnectError("refused"))
        with pytest.raises(APIConnectionError) as caught:
            _create(client)
    assert isinstance(caught.value.__cause__, httpx.ConnectError)
    assert str(caught.value) == (
        f"Connection error: POST http://honcho.test:80{CREATE_PATH}: connection refused "
        "(refused) (after 1 attempt)"
    )
    assert caught.value.reason == "connection refused (refused)"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"detail": [{"loc": 3, "msg": "bad"}]}, "3: bad"),
        ({"detail": [{"loc": "body", "msg": "bad"}]}, "body: bad"),
        ({"detail": [{"msg": "no loc"}]}, "no loc"),
        ({"detail": [{"loc": ["body", 0], "msg": "x"}, "plain", 5]}, "body.0: x; plain; 5"),
        ({"detail": 42}, "42"),
        ({"detail": ["one", "two"]}, "one; two"),
        ({"detail": None}, '{"detail": null}'),
        ([1, 2], "[1, 2]"),
    ],
)
def test_odd_422_bodies_are_reported(body: object, message: str, client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(422, json=body)
        with pytest.raises(UnprocessableEntityError) as caught:
            _create(client)
    assert str(caught.value) == f"422 POST {CREATE_PATH}: {message}"
    assert caught.value.body == body


def test_a_401_or_403_says_which_key_to_check_and_where() -> None:
    fake = FakeHoncho(require_auth=True, api_keys=["right-key"])
    with fake.serve() as server:
        without_key = Honcho(base_url=server.url, api_key=None, max_retries=0)
        with pytest.raises(AuthenticationError) as caught:
            without_key.apps.create(name="demo")
        origin = server.url.rstrip("/")
        assert caught.value.hint == (
            f"No API key was sent to {origin}: set HONCHO_API_KEY or pass api_key= to the client"
        )
        assert str(caught.value).endswith(caught.value.hint)
        wrong_key = Honcho(base_url=server.url, api_key="wrong-key", max_retries=0)
        with pytest.raises(AuthenticationError) as caught:
            wrong_key.apps.create(name="demo")
        assert caught.value.hint is not None
        assert f"The server at {origin} refused the API key sent" in str(caught.value)
        assert "HONCHO_API_KEY" in str(caught.value) and "api_key=" in str(caught.value)
        assert "wrong-key" not in str(caught.value)
        assert Honcho(base_url=server.url, api_key="right-key").apps.create(name="ok").name == "ok"


def test_a_403_with_a_key_says_the_key_does_not_allow_the_call() -> None:
    request = httpx.Request(
        "GET", "https://api.example:8443/v1/apps/a", headers={"Authorization": "Bearer k"}
    )
    response = httpx.Response(403, json={"detail": "Forbidden"}, request=request)
    error = status_error(response)
    assert isinstance(error, PermissionDeniedError)
    assert error.hint is not None
    assert error.hint.startswith(
        "The server at https://api.example:8443 does not allow this call with the API key sent"
    )


def test_a_404_on_a_route_the_server_lacks_says_it_may_not_speak_the_api() -> None:
    fake = FakeHoncho()
    with fake.serve() as server:
        # A base_url one level off: every route is unknown to the server.
        client = Honcho(base_url=f"{server.url}/api", max_retries=0)
        with pytest.raises(NotFoundError) as caught:
            client.apps.create(name="demo")
        error = caught.value
        assert error.message == "Not Found"
        assert error.hint is not None
        assert "has no route POST /api/v1/apps" in error.hint
        assert "may not speak Honcho API 1.1.0" in str(error)
        assert "HONCHO_BASE_URL" in str(error)
        # A missing resource on a route the server has is an ordinary 404, with no hint.
        right = Honcho(base_url=server.url, max_retries=0)
        with pytest.raises(NotFoundError) as caught:
            right.apps.get(app_id="no-such-app")
        assert caught.value.hint is None
        assert "1.1.0" not in str(caught.value)


def test_other_statuses_have_no_hint(client: Honcho) -> None:
    with respx.mock(base_url=BASE_URL) as router:
        router.post(CREATE_PATH).respond(409, json={"detail": "Not Found"})
        with pytest.raises(ConflictError) as caught:
            _create(client)
    assert caught.value.hint is None
    assert str(caught.value) == f"409 POST {CREATE_PATH}: Not Found"
