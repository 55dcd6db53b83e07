"""A real `claimcheck serve` and a real headless Chromium (Debian's, driven by Playwright) for
the browser tests and bench_serve: no browser download, no address but 127.0.0.1.

What a tab shows is read from the terminal output the app sends over the websocket (the page
draws it on a canvas, which has no text to query): a script in the page records each frame's
arrival time, its decoded text and the animation frame that follows it, beside each key press.
"""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import contextmanager
from pathlib import Path
from typing import Any

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
NOT_LOCAL = re.compile(r"^(?!http://127\.0\.0\.1[:/])")

# Runs in the page before textual.js: records every binary frame from the app (arrival time,
# text, the next animation frame's time) and every key press, in performance.now() ms.
RECORDER = """
window.__frames = [];
window.__keys = [];
const Native = window.WebSocket;
const decoder = new TextDecoder();
window.WebSocket = class extends Native {
  constructor(...args) {
    super(...args);
    this.addEventListener("message", (event) => {
      if (typeof event.data === "string") return;
      const frame = {at: performance.now(), text: decoder.decode(event.data), drawn: null};
      window.__frames.push(frame);
      requestAnimationFrame(() => { frame.drawn = performance.now(); });
    });
  }
};
document.addEventListener("keydown", (event) => window.__keys.push(performance.now()), true);
"""


def launch_chromium(playwright: Any) -> Any:
    """Debian's Chromium, headless; a clear failure (not a skip) where it is missing."""
    if not CHROMIUM.exists():
        raise RuntimeError(
            f"{CHROMIUM} is missing: the browser tests need Debian's Chromium"
            " (apt-get install -y chromium; .ci/run installs it)"
        )
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(check: Callable[[], Any], what: str, timeout: float = 20.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class ServedReview:
    """`claimcheck serve` on a free 127.0.0.1 port, as a subprocess."""

    def __init__(self, db_path: Path, command: list[str] | None = None) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}/"
        argv = command or [sys.executable, "-m", "claimcheck", "--db", str(db_path), "serve"]
        self.process = subprocess.Popen(
            [*argv, "--port", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "CLAIMCHECK_REVIEWER": "nobody"},
        )
        wait_for(self._listening, "claimcheck serve to listen")

    def _listening(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"claimcheck serve exited: {self.process.stderr.read()!r}")
        with socket.socket() as probe:
            return probe.connect_ex(("127.0.0.1", self.port)) == 0

    def apps(self) -> list[int]:
        """The pids of the review processes the server started (its children)."""
        return [pid for pid in _pids() if _parent(pid) == self.process.pid]

    def kill(self, sig: int = signal.SIGKILL) -> None:
        self.process.send_signal(sig)
        self.process.wait(timeout=30)

    def close(self) -> None:
        if self.process.poll() is None:
            self.kill(signal.SIGTERM)
        if self.process.stderr:
            self.process.stderr.close()


class Tab:
    """One page on the served review, with the recorder running in it."""

    def __init__(self, browser: Any, url: str, size: tuple[int, int] = (1280, 800)) -> None:
        self.page = browser.new_page(viewport={"width": size[0], "height": size[1]})
        self.requests: list[str] = []  # every address the page asked for, websockets too
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("websocket", lambda socket: self.requests.append(socket.url))
        self.page.route(NOT_LOCAL, lambda route: route.abort())  # never the internet
        self.page.add_init_script(RECORDER)
        self.page.goto(url)

    def frames(self) -> list[dict[str, Any]]:
        return self.page.evaluate("window.__frames")

    def keys(self) -> list[float]:
        return self.page.evaluate("window.__keys")

    def wait_for_text(self, text: str, after: int = 0, timeout: float = 20.0) -> int:
        """The index of the first frame from `after` on whose text holds `text`; waits for it."""

        def found() -> list[int]:
            frames = self.frames()
            return [at for at in range(after, len(frames)) if text in frames[at]["text"]]

        return wait_for(found, f"{text!r} in the browser", timeout)[0]

    def count(self) -> int:
        return self.page.evaluate("window.__frames.length")

    def focus(self) -> None:
        self.page.locator(".xterm-helper-textarea").focus()

    def type_line(self, text: str) -> None:
        """Type a line and Enter, then wait for the app to answer with a frame (the focus
        moving on), as a person would before typing on: keys sent at once could reach the
        field before the focus had moved."""
        self.page.keyboard.type(text)
        before = self.count()
        self.page.keyboard.press("Enter")
        wait_for(lambda: self.count() > before, "the app to take the line")
        self.page.wait_for_timeout(100)

    def sign_in(self, name: str, passphrase: str) -> int:
        """Type a name and passphrase on the sign-in screen; the frame count before Enter."""
        self.wait_for_text("sign in to review")
        self.focus()
        self.type_line(name)
        self.page.keyboard.type(passphrase)
        before = self.count()
        self.page.keyboard.press("Enter")
        return before


@contextmanager
def chromium() -> Any:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch_chromium(playwright)
        try:
            yield browser
        finally:
            browser.close()


def alive(pid: int) -> bool:
    """Running (a zombie waiting for its reaper has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


def _pids() -> list[int]:
    return [int(entry.name) for entry in Path("/proc").iterdir() if entry.name.isdigit()]


def _parent(pid: int) -> int | None:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
    except (FileNotFoundError, IndexError, ValueError):
        return None
