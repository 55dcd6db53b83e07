"""The review as textual-serve runs it: one app process per browser tab, talking over pipes.

textual-serve starts each tab's process with TEXTUAL_DRIVER naming Textual's web driver, and
speaks to it over stdin and stdout, which are pipes, not a terminal. Textual's web driver stops
reading when stdin closes but leaves the app running, so a process whose server was killed
would live on unseen; `ServedDriver` ends the app instead.
"""

from __future__ import annotations

import os

from textual import messages
from textual.drivers.web_driver import WebDriver

WEB_DRIVER = "textual.drivers.web_driver:WebDriver"


def is_served() -> bool:
    """Whether this process was started by textual-serve (or textual-web) for a browser."""
    return os.environ.get("TEXTUAL_DRIVER") == WEB_DRIVER


class ServedDriver(WebDriver):
    """Textual's web driver, except that the app ends when its input ends: the server that
    held the other end of stdin has gone (closed the tab's pipe, or died)."""

    def run_input_thread(self) -> None:
        super().run_input_thread()
        if not self.exit_event.is_set():
            self._app.post_message(messages.ExitApp())
