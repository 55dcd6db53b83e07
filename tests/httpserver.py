"""A real HTTP server on 127.0.0.1 with scripted routes, for tests and benchmarks.

Tests talk to it over real sockets (no transport mocks). A route answers with a list of `Reply`s in
turn (the last one repeats) or with a function of the request; every request is recorded, so a test
can count conditional requests or check the User-Agent.

    with ScriptedServer() as server:
        server.route("/flaky", Reply(500), Reply(200, b"ok"))
        fetch(server.url("/flaky"))
"""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted answer; `body` may be bytes or an iterable of chunks (sent chunked unless
    the headers give a Content-Length)."""

    status: int = 200
    body: bytes | Iterable[bytes] = b""
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    chunk_delay: float = 0.0


@dataclass(frozen=True)
class Seen:
    """A request as the server saw it."""

    method: str
    path: str
    headers: dict[str, str]


Handler = Callable[[Seen], Reply]


def conditional_page(body: bytes, etag: str, last_modified: str, content_type: str) -> Handler:
    """A page that answers 304 to a request carrying its ETag or Last-Modified date."""

    def answer(seen: Seen) -> Reply:
        if seen.headers.get("if-none-match") == etag or (
            seen.headers.get("if-modified-since") == last_modified
        ):
            return Reply(304, headers={"ETag": etag})
        headers = {"ETag": etag, "Last-Modified": last_modified, "Content-Type": content_type}
        return Reply(200, body, headers)

    return answer


class ScriptedServer:
    """A threaded HTTP/1.1 server on a free port of 127.0.0.1 (HTTPS when given a TLS context)."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, list[Reply] | Handler] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self._server.daemon_threads = True
        self.scheme = "https" if tls else "http"
        if tls:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def base(self) -> str:
        host, port = self._server.server_address[:2]
        return f"{self.scheme}://{host}:{port}"

    def url(self, path: str) -> str:
        return self.base + path

    def route(self, path: str, *replies: Reply | Handler) -> str:
        """Script a path; returns its full URL."""
        if len(replies) == 1 and callable(replies[0]):
            self.routes[path] = replies[0]
        else:
            self.routes[path] = list(replies)  # type: ignore[arg-type]
        return self.url(path)

    def hits(self, path: str) -> list[Seen]:
        with self._lock:
            return [seen for seen in self.requests if seen.path == path]

    def __enter__(self) -> ScriptedServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _next_reply(self, seen: Seen) -> Reply:
        with self._lock:
            self.requests.append(seen)
            script = self.routes.get(seen.path)
            if script is None:
                return Reply(404, b"not found", {"Content-Type": "text/plain"})
            if callable(script):
                handler = script
            else:
                return script.pop(0) if len(script) > 1 else script[0]
        return handler(seen)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class RequestHandler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def handle(self) -> None:
                # the client may give up mid-answer: a timeout or a size cap under test
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    super().handle()

            def do_GET(self) -> None:
                seen = Seen("GET", self.path, {k.lower(): v for k, v in self.headers.items()})
                reply = server._next_reply(seen)
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self._send(reply)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def _send(self, reply: Reply) -> None:
                self.send_response(reply.status)
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if isinstance(reply.body, bytes):
                    if "Content-Length" not in reply.headers:
                        self.send_header("Content-Length", str(len(reply.body)))
                    self.end_headers()
                    if reply.status != 304:
                        self.wfile.write(reply.body)
                    return
                chunked = "Content-Length" not in reply.headers
                if chunked:
                    self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for chunk in reply.body:
                    if reply.chunk_delay:
                        time.sleep(reply.chunk_delay)
                    if chunked:
                        chunk = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
                    self.wfile.write(chunk)
                if chunked:
                    self.wfile.write(b"0\r\n\r\n")

            def log_message(self, *args: object) -> None:
                return None

        return RequestHandler
