"""Request building without I/O: form and multipart bodies, aliases, headers."""

from __future__ import annotations

import httpx
from pydantic import BaseModel, ConfigDict, Field

from honcho_client._core.files import FileField
from honcho_client._core.operation import Call, Operation, no_content
from honcho_client._core.request import build_request
from honcho_client._core.validation import check_call


class Upload(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True, serialize_by_alias=True)

    file: FileField | None = None
    label: str
    from_: str | None = Field(None, alias="from")


def _request(encoding: str, body: dict[str, object]) -> httpx.Request:
    op: Operation[None] = Operation(
        name="uploads.create",
        method="POST",
        path="/uploads",
        safe=False,
        parse=no_content,
        body=Upload,
        body_encoding=encoding,  # type: ignore[arg-type]  # each encoding in turn
        files=("file",),
    )
    call = Call(op, body=body)
    with httpx.Client() as http:
        return build_request(
            http, "http://h", call, check_call(call, True), headers={}, timeout=httpx.Timeout(1)
        )


def test_multipart_without_a_file_stays_multipart() -> None:
    request = _request("multipart", {"label": "a", "from": "farm"})
    content_type = request.headers["content-type"]
    assert content_type.startswith("multipart/form-data; boundary=")
    boundary = content_type.split("boundary=")[1]
    body = request.read().decode()
    assert f'--{boundary}\r\nContent-Disposition: form-data; name="label"\r\n\r\na\r\n' in body
    assert 'name="from"\r\n\r\nfarm\r\n' in body
    assert body.endswith(f"--{boundary}--\r\n")


def test_multipart_with_a_file() -> None:
    request = _request("multipart", {"label": "a", "file": ("a.txt", b"hello", "text/plain")})
    assert request.headers["content-type"].startswith("multipart/form-data")
    body = request.read()
    assert b'name="file"; filename="a.txt"' in body
    assert b"hello" in body


def test_form_bodies_are_url_encoded_under_wire_names() -> None:
    request = _request("form", {"label": "a b", "from": "farm"})
    assert request.headers["content-type"] == "application/x-www-form-urlencoded"
    assert request.read() == b"label=a+b&from=farm"


def test_json_bodies_use_wire_names() -> None:
    request = _request("json", {"label": "a", "from": "farm"})
    assert request.read() == b'{"label":"a","from":"farm"}'


def _json_call() -> Call[None]:
    op: Operation[None] = Operation(
        name="uploads.create", method="POST", path="/uploads", safe=False, parse=no_content
    )
    return Call(op, body={"label": "a"})


def test_pool_headers_are_merged_and_follow_changes_to_the_pool() -> None:
    call = _json_call()
    ours = httpx.Headers({"accept": "application/json", "X-Ours": "1"})
    with httpx.Client(headers={"Accept": "text/plain", "X-Pool": "p"}) as http:

        def build() -> httpx.Request:
            checked = check_call(call, True)
            return build_request(
                http, "http://h", call, checked, headers=ours, timeout=http.timeout
            )

        first = build()
        assert first.headers.get_list("accept") == ["application/json"]
        assert first.headers["x-pool"] == "p"
        assert first.headers["x-ours"] == "1"
        assert first.headers["content-type"] == "application/json"
        assert first.extensions["timeout"] == http.timeout.as_dict()
        http.headers["X-Pool"] = "changed"
        http.headers["X-Later"] = "l"
        second = build()
        assert second.headers["x-pool"] == "changed"
        assert second.headers["x-later"] == "l"
        second.headers["X-Mutated"] = "m"  # a request's headers are its own
        assert "x-mutated" not in build().headers


def test_pool_cookies_and_params_are_still_merged() -> None:
    call = _json_call()
    with httpx.Client(cookies={"c": "1"}, params={"q": "2"}) as http:
        checked = check_call(call, True)
        request = build_request(http, "http://h", call, checked, headers={}, timeout=http.timeout)
    assert request.headers["cookie"] == "c=1"
    assert request.url.params["q"] == "2"
