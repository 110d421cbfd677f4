"""A cheaper cookie jar for the pools the SDK creates.

Uses httpx's private `Client._cookies` (tested with httpx 0.27.0 and 0.28.1): where a client has
no such attribute, or it is not an `httpx.Cookies`, the client keeps its own jar.
"""

from __future__ import annotations

import httpx


def use_set_cookie_jar(client: httpx.Client | httpx.AsyncClient) -> None:
    """Give `client` a `SetCookieJar` holding the same cookies."""
    jar = getattr(client, "_cookies", None)
    if isinstance(jar, httpx.Cookies) and not isinstance(jar, SetCookieJar):
        client._cookies = SetCookieJar(jar)


class SetCookieJar(httpx.Cookies):
    """httpx's cookie jar, skipping responses that set no cookie.

    httpx hands every response to `http.cookiejar`, which builds urllib and email objects to
    look for Set-Cookie headers: the costliest step of receiving a small answer. The jar and
    what it stores are unchanged; only the search of a response without those headers is cut.
    """

    def extract_cookies(self, response: httpx.Response) -> None:
        headers = response.headers
        if "set-cookie" in headers or "set-cookie2" in headers:
            super().extract_cookies(response)
