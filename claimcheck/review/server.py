"""`claimcheck serve`: the review workbench in a browser, through textual-serve.

Each browser tab that connects gets its own `claimcheck review` process (which signs in first,
see served.py); the process ends when its tab closes, when the server stops, or when the
server dies (its stdin closes). Nothing here touches the database beyond opening it once.
"""

from __future__ import annotations

import asyncio
import ipaddress
import shlex
import socket
import sys
from collections.abc import Sequence
from pathlib import Path

from aiohttp import web
from textual_serve.server import Server

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
# The page template: textual-serve's, without its Google Fonts link (a desk behind a firewall
# and the reviewers' privacy): every request the page makes goes to this server.
TEMPLATES = Path(__file__).parent / "templates"


def is_loopback(host: str) -> bool:
    """Whether only this machine can reach `host` (127.0.0.0/8, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def review_command(db_path: Path, queue: Sequence[str] = ()) -> str:
    """The shell command textual-serve runs for each tab, with `queue` (review's own filter and
    sort options) for every tab. `exec` makes the review process the server's own child, so
    signals and the closing of its pipes reach it directly."""
    argv = [sys.executable, "-m", "claimcheck", "--db", str(db_path.resolve()), "review"]
    return "exec " + shlex.join([*argv, *queue, "--sign-in"])


def public_url_for(host: str, port: int) -> str:
    """Where a browser finds the server: a wildcard address is named by this machine's name."""
    shown = socket.getfqdn() if host in {"0.0.0.0", "::", ""} else host
    if ":" in shown:
        shown = f"[{shown}]"
    return f"http://{shown}:{port}"


class ReviewServer(Server):
    """textual-serve's server, which ends every tab's app when it stops, rather than waiting
    for aiohttp's shutdown timeout (a minute) with the apps still open."""

    def __init__(
        self,
        db_path: Path,
        host: str,
        port: int,
        public_url: str | None,
        queue: Sequence[str] = (),
    ) -> None:
        super().__init__(
            review_command(db_path, queue),
            host=host,
            port=port,
            title="claimcheck review",
            public_url=public_url or public_url_for(host, port),
            templates_path=TEMPLATES,
        )
        self.db_path = db_path
        self.sessions: set[asyncio.Task] = set()

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def on_shutdown(self, app: web.Application) -> None:
        for task in list(self.sessions):
            task.cancel()
        if self.sessions:
            await asyncio.wait(list(self.sessions), timeout=5)

    async def on_startup(self, app: web.Application) -> None:
        print(
            f"claimcheck serve: reviewing {self.db_path} at {self.public_url} (Ctrl+C to stop)",
            flush=True,
        )


def serve(
    db_path: Path,
    *,
    host: str,
    port: int,
    public_url: str | None = None,
    queue: Sequence[str] = (),
) -> None:
    """Serve the review until interrupted; `queue` is review's filter and sort options for every
    tab. OSError when the address cannot be bound."""
    ReviewServer(db_path, host, port, public_url, queue).serve()
