"""The concurrent fetcher against a real HTTP server on 127.0.0.1: statuses, retries, redirects,
timeouts, size cap and concurrency bounds."""

from __future__ import annotations

import asyncio
import threading
import time

import pytest

from claimcheck.sources import (
    USER_AGENT,
    FetchRequest,
    FetchResult,
    FetchSettings,
    fetch_all,
    retry_after_seconds,
)
from tests.httpserver import Reply, ScriptedServer, Seen

FAST = FetchSettings(
    connect_timeout=1.0,
    read_timeout=0.3,
    total_timeout=2.0,
    retries=2,
    backoff=0.01,
    max_bytes=10_000,
)


@pytest.fixture
def server() -> ScriptedServer:
    with ScriptedServer() as running:
        yield running


def fetch(url: str, settings: FetchSettings = FAST, **conditional: str) -> FetchResult:
    [result] = asyncio.run(fetch_all([FetchRequest(url, **conditional)], settings))
    return result


def test_ok_page_with_an_honest_user_agent(server: ScriptedServer) -> None:
    url = server.route("/page", Reply(200, b"<p>hello</p>", {"Content-Type": "text/html"}))
    result = fetch(url)
    assert result.ok and result.body == b"<p>hello</p>" and result.content_type == "text/html"
    assert server.hits("/page")[0].headers["user-agent"] == USER_AGENT
    assert "claimcheck" in USER_AGENT


def test_conditional_request_answered_304(server: ScriptedServer) -> None:
    url = server.route("/same", Reply(304, headers={"ETag": '"v1"'}))
    result = fetch(url, etag='"v1"', last_modified="Mon, 01 Jan 2024 00:00:00 GMT")
    assert result.not_modified and result.error is None and not result.body
    seen = server.hits("/same")[0].headers
    assert seen["if-none-match"] == '"v1"'
    assert seen["if-modified-since"] == "Mon, 01 Jan 2024 00:00:00 GMT"


def test_404_is_an_error_value_and_not_retried(server: ScriptedServer) -> None:
    result = fetch(server.url("/missing"))
    assert result.status == 404 and result.error == "HTTP 404 Not Found"
    assert result.attempts == 1 and len(server.hits("/missing")) == 1


def test_500_then_200_is_retried(server: ScriptedServer) -> None:
    url = server.route("/flaky", Reply(500, b"oops"), Reply(200, b"fine"))
    result = fetch(url)
    assert result.ok and result.body == b"fine" and result.attempts == 2


def test_persistent_503_gives_up_after_the_retries(server: ScriptedServer) -> None:
    url = server.route("/down", Reply(503, b"down"))
    result = fetch(url)
    assert result.status == 503 and result.error and result.attempts == FAST.retries + 1


def test_429_waits_as_long_as_retry_after_says(server: ScriptedServer) -> None:
    url = server.route("/busy", Reply(429, b"", {"Retry-After": "1"}), Reply(200, b"now"))
    started = time.perf_counter()
    result = fetch(url)
    assert result.ok and result.body == b"now"
    assert time.perf_counter() - started >= 0.95


def test_429_asking_for_too_long_a_wait_is_not_retried(server: ScriptedServer) -> None:
    url = server.route("/later", Reply(429, b"", {"Retry-After": "3600"}))
    started = time.perf_counter()
    result = fetch(url)
    assert result.status == 429 and "too long" in (result.error or "")
    assert time.perf_counter() - started < 1 and len(server.hits("/later")) == 1


def test_retry_after_as_an_http_date() -> None:
    assert retry_after_seconds("Wed, 21 Oct 2015 07:28:00 GMT") == 0.0
    assert retry_after_seconds("12") == 12.0
    assert retry_after_seconds("soon") is None


def test_slow_response_past_the_read_timeout(server: ScriptedServer) -> None:
    url = server.route("/slow", Reply(200, b"late", delay=1.0))
    result = fetch(url, FetchSettings(read_timeout=0.2, retries=0, total_timeout=2))
    assert not result.ok and result.error == "timed out reading"


def test_trickling_body_stopped_by_the_total_timeout(server: ScriptedServer) -> None:
    url = server.route("/trickle", Reply(200, [b"x"] * 50, chunk_delay=0.05))
    result = fetch(url, FetchSettings(read_timeout=1, total_timeout=0.5, retries=0))
    assert not result.ok and "timed out after 0.5s" in (result.error or "")


def test_redirect_chain_is_followed(server: ScriptedServer) -> None:
    server.route("/r1", Reply(301, headers={"Location": "/r2"}))
    server.route("/r2", Reply(302, headers={"Location": server.url("/r3")}))
    server.route("/r3", Reply(307, headers={"Location": "final"}))
    server.route("/final", Reply(200, b"arrived"))
    result = fetch(server.url("/r1"))
    assert result.ok and result.final_url == server.url("/final") and result.url.endswith("/r1")


def test_redirect_loop_stops_after_five(server: ScriptedServer) -> None:
    server.route("/a", Reply(302, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": "/a"}))
    result = fetch(server.url("/a"))
    assert result.error == "more than 5 redirects"
    assert len(server.requests) == 6


def test_redirect_to_file_scheme_is_refused(server: ScriptedServer) -> None:
    url = server.route("/evil", Reply(302, headers={"Location": "file:///etc/passwd"}))
    result = fetch(url)
    assert not result.ok and (result.error or "").startswith("refused: not an http(s) URL: file:")


def test_non_http_url_is_refused_without_a_request() -> None:
    assert fetch("ftp://127.0.0.1/x").error == "refused: not an http(s) URL: ftp://127.0.0.1/x"


def test_https_to_http_downgrade_is_refused() -> None:
    from claimcheck.sources import _scheme_refusal

    assert _scheme_refusal("https://a.example/x", "http://a.example/y")
    assert _scheme_refusal("http://a.example/x", "https://a.example/y") is None


def test_declared_body_over_the_cap(server: ScriptedServer) -> None:
    url = server.route("/big", Reply(200, b"x" * 20_000))
    result = fetch(url)
    assert not result.ok and "larger than 10,000 bytes" in (result.error or "")
    assert not result.body


def test_streamed_body_over_the_cap_is_cut_off(server: ScriptedServer) -> None:
    url = server.route("/stream", Reply(200, (b"y" * 4096 for _ in range(1000))))
    result = fetch(url)
    assert result.error == "body larger than 10,000 bytes" and not result.body


def test_connection_refused_is_retried_then_reported() -> None:
    with ScriptedServer() as gone:
        url = gone.url("/x")
    result = fetch(url)
    assert result.error and result.error.startswith("connection failed")
    assert result.attempts == FAST.retries + 1


def test_one_dead_link_does_not_stop_the_batch(server: ScriptedServer) -> None:
    urls = [server.route(f"/ok{i}", Reply(200, f"page {i}".encode())) for i in range(5)]
    urls.insert(2, server.url("/dead"))
    results = asyncio.run(fetch_all([FetchRequest(u, key=u) for u in urls], FAST))
    by_key = {r.key: r for r in results}
    assert len(results) == 6 and by_key[server.url("/dead")].status == 404
    assert all(by_key[u].ok for u in urls if not u.endswith("/dead"))


def test_concurrency_is_bounded_per_host(server: ScriptedServer) -> None:
    lock = threading.Lock()
    state = {"now": 0, "peak": 0}

    def slow(seen: Seen) -> Reply:
        with lock:
            state["now"] += 1
            state["peak"] = max(state["peak"], state["now"])
        time.sleep(0.1)
        with lock:
            state["now"] -= 1
        return Reply(200, b"ok")

    for i in range(8):
        server.route(f"/p{i}", slow)
    settings = FetchSettings(concurrency=8, per_host=2, read_timeout=2, total_timeout=5)
    started = time.perf_counter()
    results = asyncio.run(
        fetch_all([FetchRequest(server.url(f"/p{i}")) for i in range(8)], settings)
    )
    assert all(r.ok for r in results)
    assert state["peak"] == 2
    assert time.perf_counter() - started >= 0.35
