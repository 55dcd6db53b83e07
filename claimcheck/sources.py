"""Fetching web pages: one httpx client built in one place, results as values, never exceptions.

A fetch returns a `FetchResult` that is either ok (status, headers, body) or carries the reason it
failed, so one dead link never stops a batch. `fetch_each` fetches many URLs concurrently (bounded
overall and per host, so one slow site neither stalls the batch nor gets hammered), retries what is
worth retrying (connection errors, 429, 5xx; honouring Retry-After) and follows redirects itself so
that none leaves http(s) and none downgrades https to http. Every connection, redirects included,
goes through the address policy of claimcheck.addresses; a refused address or an untrusted TLS
certificate is reported as such and not retried, since trying again cannot change the answer.
"""

from __future__ import annotations

import asyncio
import random
import ssl
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import httpx

from claimcheck import __version__
from claimcheck.addresses import AddressPolicy, AddressRefused, GuardedTransport
from claimcheck.config import MAX_BODY_BYTES

USER_AGENT = f"claimcheck/{__version__} (fact-checking workbench) python-httpx/{httpx.__version__}"
MAX_REDIRECTS = 5


@dataclass
class FetchResult:
    url: str
    final_url: str | None = None
    status: int | None = None
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    error: str | None = None

    attempts: int = 1
    key: Any = None

    @property
    def ok(self) -> bool:
        return self.error is None and self.status is not None and 200 <= self.status < 300

    @property
    def not_modified(self) -> bool:
        """The server confirmed our archived copy is current (answer to a conditional request)."""
        return self.error is None and self.status == 304


def fetch_url(
    url: str, max_bytes: int = MAX_BODY_BYTES, settings: FetchSettings | None = None
) -> FetchResult:
    """Fetch one URL now (for `add URL`), with the same client, limits and retries as a batch."""
    settings = replace(settings or FetchSettings(), max_bytes=max_bytes)
    [result] = asyncio.run(fetch_all([FetchRequest(url)], settings))
    return result


# ---- concurrent fetching -------------------------------------------------------------------------

RETRY_STATUSES = {429, 500, 502, 503, 504}


@dataclass(frozen=True)
class FetchSettings:
    """Every knob of a fetch run, in one place; tests shorten the timeouts and backoff."""

    connect_timeout: float = 5.0
    read_timeout: float = 15.0
    total_timeout: float = 60.0
    concurrency: int = 16
    per_host: int = 4
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_bytes: int = MAX_BODY_BYTES
    max_redirects: int = MAX_REDIRECTS
    user_agent: str = USER_AGENT
    # Where fetches may connect; None means as CLAIMCHECK_ALLOW_NETWORKS says.
    policy: AddressPolicy | None = None
    ssl_context: ssl.SSLContext | None = None


@dataclass(frozen=True)
class FetchRequest:
    """One URL to fetch; etag / last_modified from the archive make the request conditional."""

    url: str
    etag: str | None = None
    last_modified: str | None = None
    key: Any = None


def make_async_client(settings: FetchSettings | None = None) -> httpx.AsyncClient:
    """The one asynchronous client: timeouts, connection limits and the address policy on the
    transport, User-Agent."""
    settings = settings or FetchSettings()
    limits = httpx.Limits(
        max_connections=settings.concurrency,
        max_keepalive_connections=settings.concurrency,
    )
    policy = settings.policy or AddressPolicy.from_env()
    return httpx.AsyncClient(
        transport=GuardedTransport(policy, limits, settings.ssl_context),
        timeout=httpx.Timeout(
            connect=settings.connect_timeout,
            read=settings.read_timeout,
            write=settings.read_timeout,
            pool=settings.total_timeout,
        ),
        follow_redirects=False,
        headers={"User-Agent": settings.user_agent},
    )


async def fetch_each(
    requests: Iterable[FetchRequest],
    settings: FetchSettings | None = None,
    client: httpx.AsyncClient | None = None,
) -> AsyncIterator[FetchResult]:
    """Fetch every request concurrently, yielding each result as soon as it is ready."""
    settings = settings or FetchSettings()
    overall = asyncio.Semaphore(settings.concurrency)
    hosts: dict[str, asyncio.Semaphore] = {}

    async def run(request: FetchRequest, http: httpx.AsyncClient) -> FetchResult:
        host = urlsplit(request.url).netloc.lower()
        per_host = hosts.setdefault(host, asyncio.Semaphore(settings.per_host))
        return await fetch_one(http, request, settings, slots=(overall, per_host))

    owned = client is None
    http = client or make_async_client(settings)
    tasks = [asyncio.ensure_future(run(request, http)) for request in requests]
    try:
        for finished in asyncio.as_completed(tasks):
            yield await finished
    finally:
        for task in tasks:
            task.cancel()
        if owned:
            await http.aclose()


async def fetch_all(
    requests: Iterable[FetchRequest], settings: FetchSettings | None = None
) -> list[FetchResult]:
    """Every result, in completion order (bodies included: for small batches)."""
    return [result async for result in fetch_each(requests, settings)]


async def fetch_one(
    client: httpx.AsyncClient,
    request: FetchRequest,
    settings: FetchSettings,
    slots: tuple[asyncio.Semaphore, ...] = (),
) -> FetchResult:
    """GET one URL with bounded retries; waiting between attempts holds no connection slot."""
    result = FetchResult(request.url, error="not attempted")
    for attempt in range(settings.retries + 1):
        for slot in slots:
            await slot.acquire()
        try:
            result = await asyncio.wait_for(
                _attempt(client, request, settings), settings.total_timeout
            )
        except TimeoutError:
            result = FetchResult(request.url, error=f"timed out after {settings.total_timeout:g}s")
        finally:
            for slot in slots:
                slot.release()
        result.attempts = attempt + 1
        result.key = request.key
        delay = _retry_delay(result, attempt, settings)
        if delay is None or attempt == settings.retries:
            return result
        await asyncio.sleep(delay)
    return result


def _retry_delay(result: FetchResult, attempt: int, settings: FetchSettings) -> float | None:
    """Seconds to wait before trying again, or None when another try would not help."""
    retryable = result.status in RETRY_STATUSES or (
        result.status is None and (result.error or "").startswith(("connection", "timed out conn"))
    )
    if not retryable:
        return None
    backoff = settings.backoff * 2**attempt * (1 + random.random() / 4)
    if result.status in (429, 503):
        wait = retry_after_seconds(result.headers.get("retry-after"))
        if wait is not None:
            if wait > settings.max_retry_after:
                result.error = f"{result.error} (asked to retry after {wait:g}s: too long)"
                return None
            return max(wait, 0.0)
    return backoff


def retry_after_seconds(value: str | None) -> float | None:
    """Retry-After as seconds: either a number of seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _scheme_refusal(previous: str | None, target: str) -> str | None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in ("http", "https"):
        return f"refused: not an http(s) URL: {target}"
    if previous and urlsplit(previous).scheme.lower() == "https" and scheme == "http":
        return f"refused: redirect from https down to http: {target}"
    return None


async def _attempt(
    client: httpx.AsyncClient, request: FetchRequest, settings: FetchSettings
) -> FetchResult:
    """One try: follow up to max_redirects redirects, stream the body up to max_bytes."""
    url = request.url
    current = url
    previous: str | None = None
    headers = {}
    if request.etag:
        headers["If-None-Match"] = request.etag
    if request.last_modified:
        headers["If-Modified-Since"] = request.last_modified
    for _ in range(settings.max_redirects + 1):
        refusal = _scheme_refusal(previous, current)
        if refusal:
            return FetchResult(url, current, error=refusal)
        try:
            async with client.stream("GET", current, headers=headers) as response:
                if response.is_redirect and response.status_code != 304:
                    location = response.headers.get("location")
                    if not location:
                        return FetchResult(
                            url, current, response.status_code, error="redirect without Location"
                        )
                    previous, current = current, str(response.url.join(location))
                    continue
                return await _read(response, url, settings.max_bytes)
        except AddressRefused as error:
            return FetchResult(url, current, error=str(error))
        except httpx.ConnectTimeout:
            return FetchResult(url, current, error="timed out connecting")
        except httpx.TimeoutException:
            return FetchResult(url, current, error="timed out reading")
        except (httpx.ConnectError, httpx.RemoteProtocolError, httpx.ReadError) as error:
            tls = _tls_failure(error)
            if tls:
                return FetchResult(url, current, error=tls)
            return FetchResult(url, current, error=f"connection failed: {error or type(error)}")
        except httpx.HTTPError as error:
            return FetchResult(url, current, error=f"{type(error).__name__}: {error}")
    return FetchResult(url, current, error=f"more than {settings.max_redirects} redirects")


def _tls_failure(error: BaseException) -> str | None:
    """A plain account of a TLS failure somewhere in the error's causes, or None."""
    cause: BaseException | None = error
    while cause is not None:
        if isinstance(cause, ssl.SSLCertVerificationError):
            return f"TLS certificate not trusted: {cause.verify_message or cause.reason}"
        if isinstance(cause, ssl.SSLError):
            return f"TLS handshake failed: {cause.reason or cause}"
        cause = cause.__cause__ or cause.__context__
    return None


async def _read(response: httpx.Response, url: str, max_bytes: int) -> FetchResult:
    final = str(response.url)

    def refused(reason: str) -> FetchResult:
        return FetchResult(
            url,
            final,
            response.status_code,
            response.headers.get("content-type"),
            dict(response.headers),
            error=f"body larger than {max_bytes:,} bytes{reason}",
        )

    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        return refused(f" (Content-Length {int(declared):,})")
    body = bytearray()
    async for chunk in response.aiter_bytes():
        body.extend(chunk)
        if len(body) > max_bytes:
            return refused("")
    result = FetchResult(
        url,
        final,
        response.status_code,
        response.headers.get("content-type"),
        dict(response.headers),
        bytes(body),
    )
    if not (result.ok or result.not_modified):
        result.error = f"HTTP {response.status_code} {response.reason_phrase}".strip()
    return result
