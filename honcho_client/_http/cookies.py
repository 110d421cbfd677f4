"""A cheaper cookie jar for the pools the SDK creates. Replaces httpx's private `Client._cookies`
(tested with httpx 0.27.0, 0.28.1 and 0.29.0); a client without it, or where it is not an
`httpx.Cookies`, keeps its own jar."""

from __future__ import annotations

import httpx


def use_set_cookie_jar(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give `client` a `SetCookieJar` holding the same cookies."""
    jar = getattr(client, "_cookies", None)
    if isinstance(jar, httpx.Cookies) and not isinstance(jar, SetCookieJar):
        client._cookies = SetCookieJar(jar)


class SetCookieJar(httpx.Cookies):
    """httpx's cookie jar, skipping responses without Set-Cookie headers: looking for them, in
    urllib and email objects `http.cookiejar` builds, is the costliest step of receiving a small
    answer. What the jar stores is unchanged."""

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)
