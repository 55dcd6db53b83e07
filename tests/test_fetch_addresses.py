"""The address policy against a real server on 127.0.0.1: loopback is refused unless allowed,
on every hop of a redirect chain and for names that resolve to it; private, link-local and metadata
addresses are judged by the same policy (checked as values here: no test sends a packet to them)."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.addresses import AddressPolicy
from claimcheck.sources import FetchRequest, FetchResult, FetchSettings, fetch_all
from tests.httpserver import Reply, ScriptedServer

REPO = Path(__file__).resolve().parent.parent
LOOPBACK_ONLY = AddressPolicy.allowing(["127.0.0.1/32"])
FAST = FetchSettings(connect_timeout=1, read_timeout=1, total_timeout=3, retries=2, backoff=0.01)


@pytest.fixture
def server() -> ScriptedServer:
    with ScriptedServer() as running:
        yield running


def fetch(url: str, policy: AddressPolicy | None = None) -> FetchResult:
    settings = FetchSettings(**{**FAST.__dict__, "policy": policy})
    [result] = asyncio.run(fetch_all([FetchRequest(url)], settings))
    return result


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("169.254.169.254", "a cloud metadata address"),
        ("fd00:ec2::254", "a cloud metadata address"),
        ("10.0.0.1", "a private-network address"),
        ("192.168.1.20", "a private-network address"),
        ("172.16.0.9", "a private-network address"),
        ("127.0.0.1", "a loopback address"),
        ("::1", "a loopback address"),
        ("::ffff:127.0.0.1", "a loopback address"),
        ("169.254.1.1", "a link-local address"),
        ("fe80::1", "a link-local address"),
        ("224.0.0.1", "a multicast address"),
        ("0.0.0.0", "an unspecified address"),
        ("240.0.0.1", "a reserved address"),
        ("100.64.0.1", "not a public internet address"),
    ],
)
def test_policy_refuses_what_is_not_public_internet(address: str, reason: str) -> None:
    assert AddressPolicy().refusal(ipaddress.ip_address(address)) == reason
    explained = AddressPolicy().explain(address, ipaddress.ip_address(address))
    assert explained == (
        f"refused: {address} is {reason} (set CLAIMCHECK_ALLOW_NETWORKS to allow its network)"
    )


def test_policy_allows_public_addresses_and_named_networks() -> None:
    assert AddressPolicy().refusal(ipaddress.ip_address("93.184.216.34")) is None
    assert AddressPolicy().refusal(ipaddress.ip_address("2606:4700::1111")) is None
    intranet = AddressPolicy.allowing(["10.1.0.0/16", " 127.0.0.1/32 "])
    assert intranet.refusal(ipaddress.ip_address("10.1.2.3")) is None
    assert intranet.refusal(ipaddress.ip_address("10.2.0.1")) is not None
    assert intranet.refusal(ipaddress.ip_address("::ffff:127.0.0.1")) is None
    assert intranet.refusal(ipaddress.ip_address("169.254.169.254")) is not None


def test_a_malformed_setting_refuses_everything_and_says_why() -> None:
    policy = AddressPolicy.allowing(["10.0.0.0/8", "intranet"])
    refusal = policy.refusal(ipaddress.ip_address("93.184.216.34"))
    assert refusal is not None and "'intranet' is not a network" in refusal


def test_loopback_server_is_refused_by_default_before_any_request(server: ScriptedServer) -> None:
    url = server.route("/page", Reply(200, b"secret"))
    result = fetch(url, AddressPolicy())
    assert result.error is not None
    assert result.error.startswith("refused: 127.0.0.1 is a loopback address")
    assert result.attempts == 1  # a refusal is not retried
    assert server.hits("/page") == []


def test_a_name_is_judged_by_the_address_it_resolves_to(server: ScriptedServer) -> None:
    url = server.route("/page", Reply(200, b"secret")).replace("127.0.0.1", "localhost")
    result = fetch(url, AddressPolicy())
    assert result.error is not None and "refused: localhost is at " in result.error
    assert "loopback" in result.error
    assert server.hits("/page") == []


def test_ipv6_loopback_literal_is_refused() -> None:
    result = fetch("http://[::1]:6379/", AddressPolicy())
    assert result.error == (
        "refused: ::1 is a loopback address (set CLAIMCHECK_ALLOW_NETWORKS to allow its network)"
    )


def test_allowed_network_is_fetched(server: ScriptedServer) -> None:
    url = server.route("/page", Reply(200, b"hello"))
    assert fetch(url, LOOPBACK_ONLY).body == b"hello"


def test_a_redirect_into_a_forbidden_address_is_refused(server: ScriptedServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    url = server.route("/hop", Reply(302, headers={"Location": f"http://127.0.0.2:{port}/secret"}))
    result = fetch(url, LOOPBACK_ONLY)
    assert result.error is not None and result.error.startswith("refused: 127.0.0.2 is a loopback")
    assert result.final_url == f"http://127.0.0.2:{port}/secret"
    assert len(server.hits("/hop")) == 1


def test_hops_through_names_and_paths_are_followed_when_allowed(server: ScriptedServer) -> None:
    port = server.base.rsplit(":", 1)[1]
    first = server.route("/a", Reply(301, headers={"Location": "/b"}))
    server.route("/b", Reply(302, headers={"Location": f"http://localhost:{port}/c"}))
    server.route("/c", Reply(200, b"inner"))
    both = AddressPolicy.allowing(["127.0.0.1/32", "::1/128"])
    assert fetch(first, both).body == b"inner"


def test_cli_add_refuses_loopback_without_the_setting(server: ScriptedServer, tmp_path) -> None:
    url = server.route("/article", Reply(200, b"The UK spent 2.3 per cent of GDP on defence."))
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_ALLOW_NETWORKS"}
    env["PYTHONPATH"] = str(REPO)
    db = tmp_path / "c.db"
    command = [sys.executable, "-m", "claimcheck", "--db", str(db), "add", url]
    refused = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode == 1
    assert "refused: 127.0.0.1 is a loopback address" in refused.stderr
    assert "Traceback" not in refused.stderr
    assert server.hits("/article") == []
    env["CLAIMCHECK_ALLOW_NETWORKS"] = "127.0.0.1/32"
    allowed = subprocess.run(command, capture_output=True, text=True, env=env, timeout=60)
    assert allowed.returncode == 0, allowed.stderr
    assert len(server.hits("/article")) == 1


def test_cite_refuses_a_literal_metadata_address_at_once(tmp_path, runner) -> None:
    from claimcheck.cli import cli
    from claimcheck.store import Store

    db = tmp_path / "c.db"
    Store(db).close()
    result = runner.invoke(
        cli, ["--db", str(db), "cite", "1", "http://169.254.169.254/latest/meta-data/"]
    )
    assert result.exit_code == 1
    assert "cloud metadata address" in result.output
