"""Fetching web pages: one httpx client built in one place, results as values, never exceptions.

A fetch returns a `FetchResult` that is either ok (status, headers, body) or carries the reason it
failed, so one dead link never stops a batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import httpx

from claimcheck import __version__

USER_AGENT = f"claimcheck/{__version__} (fact-checking workbench; +https://example.org/claimcheck)"
MAX_BODY_BYTES = 20 * 1024 * 1024
MAX_REDIRECTS = 5
TIMEOUT = httpx.Timeout(connect=5.0, read=15.0, write=10.0, pool=30.0)


@dataclass
class FetchResult:
    url: str
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300


def make_client(**overrides: object) -> httpx.Client:
    """The one synchronous client: timeouts, redirect cap, an honest User-Agent."""
    options: dict[str, object] = {
        "timeout": TIMEOUT,
        "follow_redirects": False,
        "headers": {"User-Agent": USER_AGENT},
    }
    options.update(overrides)
    return httpx.Client(**options)  # type: ignore[arg-type]


def fetch_url(client: httpx.Client, url: str, max_bytes: int = MAX_BODY_BYTES) -> FetchResult:
    """GET url, following at most MAX_REDIRECTS http(s) redirects, reading at most max_bytes."""
    current = url
    for _ in range(MAX_REDIRECTS + 1):
        if urlsplit(current).scheme not in ("http", "https"):
            return FetchResult(url, current, error=f"refused: not an http(s) URL: {current}")
        try:
            with client.stream("GET", current) as response:
                if response.is_redirect:
                    location = response.headers.get("location")
                    if not location:
                        return FetchResult(
                            url,
                            current,
                            response.status_code,
                            error="redirect without a Location header",
                        )
                    current = str(response.url.join(location))
                    continue
                body = bytearray()
                for chunk in response.iter_bytes():
                    body.extend(chunk)
                    if len(body) > max_bytes:
                        return FetchResult(
                            url,
                            str(response.url),
                            response.status_code,
                            error=f"body larger than {max_bytes} bytes",
                        )
                result = FetchResult(
                    url,
                    str(response.url),
                    response.status_code,
                    response.headers.get("content-type"),
                    dict(response.headers),
                    bytes(body),
                )
                if not result.ok:
                    result.error = f"HTTP {response.status_code} {response.reason_phrase}"
                return result
        except httpx.TimeoutException:
            return FetchResult(url, current, error="timed out")
        except httpx.HTTPError as error:
            return FetchResult(url, current, error=f"{type(error).__name__}: {error}")
    return FetchResult(url, current, error=f"more than {MAX_REDIRECTS} redirects")
