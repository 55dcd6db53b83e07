"""TLS against a real HTTPS server on 127.0.0.1 with a self-signed certificate (tests/fixtures):
an untrusted certificate is reported in plain words and not retried; a trusted one is fetched."""

from __future__ import annotations

import asyncio
import ssl
from pathlib import Path

import pytest

from claimcheck.sources import FetchRequest, FetchResult, FetchSettings, fetch_all
from tests.httpserver import Reply, ScriptedServer

FIXTURES = Path(__file__).parent / "fixtures"
CERT, KEY = FIXTURES / "selfsigned.pem", FIXTURES / "selfsigned.key"
FAST = FetchSettings(connect_timeout=2, read_timeout=2, total_timeout=5, retries=2, backoff=0.01)


@pytest.fixture
def https_server() -> ScriptedServer:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(CERT, KEY)
    with ScriptedServer(tls=context) as running:
        yield running


def fetch(url: str, settings: FetchSettings = FAST) -> FetchResult:
    [result] = asyncio.run(fetch_all([FetchRequest(url)], settings))
    return result


def test_self_signed_certificate_is_reported_plainly_and_not_retried(
    https_server: ScriptedServer,
) -> None:
    url = https_server.route("/page", Reply(200, b"hello"))
    assert url.startswith("https://127.0.0.1:")
    result = fetch(url)
    assert result.error == "TLS certificate not trusted: self-signed certificate"
    assert result.attempts == 1
    assert https_server.hits("/page") == []


def test_a_trusted_certificate_is_fetched(https_server: ScriptedServer) -> None:
    url = https_server.route("/page", Reply(200, b"hello"))
    trusting = ssl.create_default_context(cafile=str(CERT))
    settings = FetchSettings(**{**FAST.__dict__, "ssl_context": trusting})
    result = fetch(url, settings)
    assert result.error is None and result.body == b"hello"


def test_plain_http_spoken_to_an_https_port_is_not_a_certificate_error(
    https_server: ScriptedServer,
) -> None:
    url = https_server.route("/page", Reply(200, b"hello")).replace("https://", "http://")
    result = fetch(url, FetchSettings(**{**FAST.__dict__, "retries": 0}))
    assert result.error is not None and "certificate" not in result.error
