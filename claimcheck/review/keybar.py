"""The key bar: Textual's footer with its keys in columns that wrap onto more lines, so that at
80 columns no key is cut off (the footer keeps every key on one line and cuts the rest)."""

from __future__ import annotations

from math import ceil

from textual import events
from textual.app import ComposeResult
from textual.widgets import Footer

CELL = 16  # columns per key: "u unverifiable" and "a attach source" fit


class KeyBar(Footer):
    """The footer, wrapped: as many keys per line as fit in CELL columns each."""

    keys = 0  # how many keys the bar holds (it is composed again when the bindings change)

    def compose(self) -> ComposeResult:
        keys = list(super().compose())
        self.keys = len(keys)
        yield from keys
        self._arrange(self.size.width)

    def on_resize(self, event: events.Resize) -> None:
        self._arrange(event.size.width)

    def _arrange(self, width: int) -> None:
        columns = max(1, (width or 80) // CELL)
        self.styles.grid_size_columns = columns
        self.styles.height = max(1, ceil(self.keys / columns))
