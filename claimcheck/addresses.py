"""Where a fetch may connect: public internet addresses only, unless a network is allowed.

A source URL can come from anyone (an imported manifest, a redirect chosen by a remote server), so
fetching one must not become a way into the newsroom's own network or a cloud metadata service.
The check sits in the network backend, at the moment of connecting: the host is resolved once,
every address it resolves to is checked, and the connection goes to an address that was checked.
Every hop of a redirect chain opens its connection here, and a DNS answer cannot change between
the check and the connect because there is no second lookup.

A newsroom intranet (or the test server on 127.0.0.1) is let in with
`CLAIMCHECK_ALLOW_NETWORKS=10.1.0.0/16,127.0.0.1/32`.
"""

from __future__ import annotations

import ipaddress
import os
import socket
import ssl
from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import anyio
import httpcore
import httpx

from claimcheck.config import ENV_ALLOW_NETWORKS as ENV_ALLOW
from claimcheck.errors import ClaimcheckError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network

# Cloud instance metadata services (AWS, GCP, Azure, OpenStack; Alibaba; AWS over IPv6).
METADATA = frozenset(
    ipaddress.ip_address(a) for a in ("169.254.169.254", "100.100.100.200", "fd00:ec2::254")
)


class AddressRefused(ClaimcheckError):
    """A fetch was not allowed to connect; the message says which address and why."""


@dataclass(frozen=True)
class AddressPolicy:
    """Public addresses are allowed; others only inside `allowed` networks. A policy built
    from a malformed setting refuses everything, saying why (`problem`)."""

    allowed: tuple[Network, ...] = ()
    problem: str | None = None

    @classmethod
    def from_env(cls) -> AddressPolicy:
        """The policy CLAIMCHECK_ALLOW_NETWORKS asks for (comma-separated CIDR networks)."""
        return cls.allowing(os.environ.get(ENV_ALLOW, "").split(","))

    @classmethod
    def allowing(cls, networks: Iterable[str]) -> AddressPolicy:
        allowed = []
        for item in (n.strip() for n in networks):
            if not item:
                continue
            try:
                allowed.append(ipaddress.ip_network(item, strict=False))
            except ValueError:
                return cls(
                    problem=f"{ENV_ALLOW}: {item!r} is not a network (write e.g. 10.1.0.0/16)"
                )
        return cls(tuple(allowed))

    def refusal(self, address: IPAddress) -> str | None:
        """What kind of address this is when a connection to it is refused ("a loopback
        address"), or None when it is allowed."""
        if self.problem:
            return self.problem
        if any(address in network for network in self.allowed):
            return None
        if isinstance(address, ipaddress.IPv6Address):
            embedded = address.ipv4_mapped or address.sixtofour  # ::ffff:a.b.c.d, 2002:ab:cd::
            if embedded:
                return self.refusal(embedded)
        return _kind(address)

    def explain(self, host: str, address: IPAddress) -> str | None:
        """The one-line refusal of a connection to `host` at `address`, or None."""
        kind = self.refusal(address)
        if kind is None:
            return None
        if self.problem:
            return f"refused: {self.problem}"
        where = f"{host} is" if _literal(host) == address else f"{host} is at {address},"
        return f"refused: {where} {kind} (set {ENV_ALLOW} to allow its network)"

    def check_url(self, url: str) -> str | None:
        """A refusal known without a DNS lookup: the URL's host is a literal address or
        'localhost'. Early feedback only; the fetch itself checks every address it connects to."""
        host = (urlsplit(url).hostname or "").rstrip(".").lower()
        if host == "localhost" or host.endswith(".localhost"):
            return self.explain(host, ipaddress.ip_address("127.0.0.1"))
        address = _literal(host)
        return None if address is None else self.explain(host, address)


def _literal(host: str) -> IPAddress | None:
    """The address a host names literally ('10.0.0.1', '[::1]'), or None for a name."""
    try:
        return ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return None


def _kind(address: IPAddress) -> str | None:
    if address in METADATA:
        return "a cloud metadata address"
    for test, kind in (
        ("is_loopback", "a loopback address"),
        ("is_link_local", "a link-local address"),
        ("is_multicast", "a multicast address"),
        ("is_unspecified", "an unspecified address"),
        ("is_reserved", "a reserved address"),
        ("is_private", "a private-network address"),
    ):
        if getattr(address, test):
            return kind
    return None if address.is_global else "not a public internet address"


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, resolving each host once and connecting only to addresses
    the policy allows."""

    def __init__(self, policy: AddressPolicy) -> None:
        self.policy = policy
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        addresses = await _resolve(host, port, timeout)
        for address in addresses:
            refusal = self.policy.explain(host, address)
            if refusal:
                raise AddressRefused(refusal)
        error: Exception | None = None
        for address in addresses:
            try:
                return await self.inner.connect_tcp(
                    str(address), port, timeout, local_address, socket_options
                )
            except httpcore.ConnectError as failed:
                error = failed
        assert error is not None
        raise error

    async def connect_unix_socket(self, *args: Any, **kwargs: Any) -> httpcore.AsyncNetworkStream:
        raise AddressRefused("refused: Unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


async def _resolve(host: str, port: int, timeout: float | None) -> list[IPAddress]:
    try:
        with anyio.fail_after(timeout):
            infos = await anyio.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"timed out resolving {host}") from None
    except (OSError, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host} ({error})") from None
    found: list[IPAddress] = []
    for *_, sockaddr in infos:
        address = ipaddress.ip_address(str(sockaddr[0]).split("%")[0])
        if address not in found:
            found.append(address)
    if not found:
        raise httpcore.ConnectError(f"cannot resolve {host}")
    return found


_CORE_ERRORS = (
    httpcore.TimeoutException,
    httpcore.NetworkError,
    httpcore.ProtocolError,
    httpcore.UnsupportedProtocol,
    httpcore.ProxyError,
)


class GuardedTransport(httpx.AsyncBaseTransport):
    """An httpx transport over httpcore's connection pool with the guarded backend: the same
    request and response mapping as httpx's own transport, and httpcore's errors raised as
    httpx's errors of the same name."""

    def __init__(
        self,
        policy: AddressPolicy,
        limits: httpx.Limits,
        ssl_context: ssl.SSLContext | None = None,
    ) -> None:
        self.pool = httpcore.AsyncConnectionPool(
            ssl_context=ssl_context or httpx.create_ssl_context(),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(policy),
        )

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        core = httpcore.Request(
            method=request.method,
            url=httpcore.URL(
                scheme=request.url.raw_scheme,
                host=request.url.raw_host,
                port=request.url.port,
                target=request.url.raw_path,
            ),
            headers=request.headers.raw,
            content=request.stream,
            extensions=request.extensions,
        )
        try:
            response = await self.pool.handle_async_request(core)
        except _CORE_ERRORS as error:
            raise _as_httpx(error) from error
        return httpx.Response(
            status_code=response.status,
            headers=response.headers,
            stream=_Body(response.stream),
            extensions=response.extensions,
        )

    async def aclose(self) -> None:
        await self.pool.aclose()


class _Body(httpx.AsyncByteStream):
    def __init__(self, stream: Any) -> None:
        self.stream = stream

    async def __aiter__(self) -> AsyncIterator[bytes]:
        try:
            async for part in self.stream:
                yield part
        except _CORE_ERRORS as error:
            raise _as_httpx(error) from error

    async def aclose(self) -> None:
        await self.stream.aclose()


def _as_httpx(error: Exception) -> Exception:
    """httpcore.ReadTimeout -> httpx.ReadTimeout, and so on: the most specific same-named class."""
    for cls in type(error).__mro__:
        mapped = getattr(httpx, cls.__name__, None)
        if cls.__module__.startswith("httpcore") and isinstance(mapped, type):
            return mapped(str(error))
    return httpx.TransportError(str(error))
