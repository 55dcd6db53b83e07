"""Helpers for the review tests: the messages an app posted, and what its screen shows."""

from __future__ import annotations

import html
import re
import time
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from textual.app import App
from textual.message import Message
from textual.pilot import Pilot

from claimcheck.review.messages import ClaimShown

SVG_TEXT = re.compile(r'<text class="[^"]*" x="([\d.]+)" y="([\d.]+)"[^>]*>(.*?)</text>')


def posted(messages: list[Message], kind: type) -> list[Any]:
    """Messages of one kind, each once (a message is seen again as it bubbles to the app)."""
    unique: dict[int, Any] = {}
    for message in messages:
        if isinstance(message, kind):
            unique.setdefault(id(message), message)
    return list(unique.values())


def shown(messages: list[Message]) -> int:
    """The id of the claim shown last."""
    return posted(messages, ClaimShown)[-1].claim_id


def screen_text(app: App) -> str:
    """What the terminal shows, line by line, rebuilt from Textual's own SVG screenshot."""
    rows: dict[float, list[tuple[float, str]]] = defaultdict(list)
    for x, y, text in SVG_TEXT.findall(app.export_screenshot()):
        rows[float(y)].append((float(x), html.unescape(text).replace("\xa0", " ")))
    lines = []
    for y in sorted(rows):
        line = ""
        for x, text in sorted(rows[y]):
            line = line.ljust(round(x / 12.2)) + text
        lines.append(line)
    return "\n".join(lines)


async def settle(pilot: Pilot) -> None:
    """Wait for the workers (fetching, ranking, the browser) and the messages they post."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def wait_until(pilot: Pilot, check: Callable[[], bool], timeout: float = 10.0) -> None:
    """Let the app run until `check()` holds (polling timers fire on their own schedule)."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting for the app")
        await pilot.pause(0.05)
