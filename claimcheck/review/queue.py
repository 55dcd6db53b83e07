"""The claim queue: one line per claim, paged from the database as lines come into view.

It holds only the queue's ids (a list of ints, ~1 MB for 100,000 claims) and the rows of the
page on screen; building a widget or a table row per claim took ~19 s at that size.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from rich.text import Text
from textual import events
from textual.message import Message
from textual.widget import Widget

from claimcheck.review.text import visible

STATUS_MARKS = {
    "unreviewed": ("·", "dim"),
    "supported": ("✓", "green"),
    "misleading": ("~", "yellow"),
    "refuted": ("✗", "red"),
    "unverifiable": ("?", "magenta"),
    "dismissed": ("-", "dim"),
    "flagged": ("⚑", "bold cyan"),
}
PAGE = 60
# What the other marks on a queue line mean (help and the queue's tooltip say so).
OTHER_MARKS = (("p1", "priority (1 most urgent)"), ("@name", "assigned to someone else"))


def legend() -> str:
    """The queue's marks explained: "· unreviewed  ✓ supported  …  @name assigned to …"."""
    marks = [f"{mark} {status}" for status, (mark, _) in STATUS_MARKS.items()]
    return "  ".join(marks + [f"{mark} {meaning}" for mark, meaning in OTHER_MARKS])


def keep_places(old: list[int], new: list[int]) -> list[int]:
    """The `new` queue, with the claims of the `old` one that it lacks kept where they were
    (after the claim they followed): a queue loaded again while the reviewer works never
    drops a line from under them."""
    present = set(new)
    followers: dict[int | None, list[int]] = {}
    anchor = None
    for claim_id in old:
        if claim_id in present:
            anchor = claim_id
        else:
            followers.setdefault(anchor, []).append(claim_id)
    merged = list(followers.get(None, ()))
    for claim_id in new:
        merged.append(claim_id)
        merged.extend(followers.get(claim_id, ()))
    return merged


KIND_SHORT = {"quantity": "qty", "comparison": "comp", "statement": "stmt"}


class ClaimQueue(Widget):
    """A window onto the queue's ids; asks `fetch_rows` for the rows it is about to draw."""

    @dataclass
    class Picked(Message):
        """The reviewer clicked a line."""

        index: int

    def __init__(
        self,
        fetch_rows: Callable[[list[int]], dict[int, dict[str, Any]]],
        *,
        reviewer: str = "",
        **kwargs: Any,
    ) -> None:
        super().__init__(**kwargs)
        self.fetch_rows = fetch_rows
        self.reviewer = reviewer
        self.tooltip = "Queue: " + legend()
        self.ids: list[int] = []
        self.cursor = 0
        self.top = 0
        self.hide_status = False
        self._rows: dict[int, dict[str, Any]] = {}

    def show(self, ids: list[int], cursor: int = 0) -> None:
        """Replace the queue (after a filter, a search or a sort)."""
        self.ids = ids
        self.top = 0
        self._rows.clear()
        self.move_to(cursor)

    def move_to(self, index: int) -> None:
        self.cursor = max(0, min(index, len(self.ids) - 1))
        self.refresh()

    def forget(self, claim_ids: list[int] | None = None) -> None:
        """Drop cached rows (all, or these) so the next paint re-reads them."""
        if claim_ids is None:
            self._rows.clear()
        else:
            for claim_id in claim_ids:
                self._rows.pop(claim_id, None)
        self.refresh()

    def _window(self, height: int) -> list[int]:
        if self.cursor < self.top:
            self.top = self.cursor
        elif self.cursor >= self.top + height:
            self.top = self.cursor - height + 1
        return self.ids[self.top : self.top + height]

    def render(self) -> Text:
        height = max(1, self.size.height)
        window = self._window(height)
        missing = [claim_id for claim_id in window if claim_id not in self._rows]
        if missing:
            if len(self._rows) > 20 * PAGE:
                self._rows.clear()
            page = self.ids[self.top : self.top + max(height, PAGE)]
            self._rows.update(self.fetch_rows(page))
        if not self.ids:
            return Text("No claims match this filter.", style="dim")
        lines = Text(no_wrap=True, overflow="ellipsis")
        for offset, claim_id in enumerate(window):
            if offset:
                lines.append("\n")
            lines.append_text(self._line(claim_id, self.top + offset == self.cursor))
        return lines

    def _line(self, claim_id: int, current: bool) -> Text:
        row = self._rows.get(claim_id)
        if row is None:
            return Text(f"{claim_id:>6} (gone)", style="dim")
        status = "flagged" if self.hide_status and row["status"] != "unreviewed" else row["status"]
        mark, style = STATUS_MARKS.get(status, ("?", ""))
        line = Text(style="reverse" if current else "")
        line.append(f"{mark} ", style=style)
        if row["priority"]:
            line.append(f"p{row['priority']} ", style="bold red" if row["priority"] == 1 else "")
        line.append(f"{row['checkworthiness'] or 0:.2f} ", style="bold" if current else "")
        line.append(f"{KIND_SHORT.get(row['kind'], row['kind'] or '')[:5]:<5} ", style="cyan")
        line.append(f"a{row['article_id']:<3} ", style="dim")
        if row["assignee"] and row["assignee"] != self.reviewer:
            line.append(f"@{visible(row['assignee'])[:8]} ", style="bold magenta")
        line.append(visible(row["text"]).replace("\n", " "))
        return line

    def on_click(self, event: events.Click) -> None:
        index = self.top + event.y
        if 0 <= index < len(self.ids):
            self.post_message(self.Picked(index))
