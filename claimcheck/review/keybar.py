"""The key bar: the screen's shown keys in columns that wrap onto more lines, so that at 80
columns no key is cut off. One widget drawing one Text: Textual's Footer mounts a widget per
key and composes them again whenever the bindings change, which took most of the review's
start (~1 s of 1.4 s at a million claims)."""

from __future__ import annotations

from math import ceil
from typing import ClassVar, NamedTuple

from rich.text import Text
from textual import events
from textual.screen import Screen
from textual.widget import Widget

CELL = 16  # columns per key: "u unverifiable" and "a attach source" fit


class ShownKey(NamedTuple):
    key: str
    display: str
    description: str
    enabled: bool


class KeyBar(Widget):
    """The screen's shown bindings (one per action), as many a line as fit in CELL columns
    each; a click presses the key."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {"keybar--key", "keybar--description"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        color: $footer-foreground;
        background: $footer-background;
        .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
    }
    """

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def _bindings_changed(self, screen: Screen) -> None:
        self.refresh(layout=True)

    @property
    def keys(self) -> list[ShownKey]:
        """The keys shown, the first binding of each action, in the screen's order."""
        shown: dict[str, ShownKey] = {}
        for _, binding, enabled, _ in self.screen.active_bindings.values():
            if binding.show and binding.action not in shown:
                display = self.app.get_key_display(binding)
                shown[binding.action] = ShownKey(binding.key, display, binding.description, enabled)
        return list(shown.values())

    def _columns(self, width: int) -> int:
        return max(1, (width or 80) // CELL)

    def get_content_height(self, container: object, viewport: object, width: int) -> int:
        return max(1, ceil(len(self.keys) / self._columns(width)))

    def render(self) -> Text:
        keys = self.keys
        width = self.size.width
        columns = self._columns(width)
        key_style = self.get_component_rich_style("keybar--key")
        description_style = self.get_component_rich_style("keybar--description")
        out = Text(no_wrap=True, overflow="crop")
        for number, shown in enumerate(keys):
            column = number % columns
            if number and not column:
                out.append("\n")
            cell = width * (column + 1) // columns - width * column // columns
            label = Text.assemble(
                (shown.display, key_style), (" " + shown.description, description_style)
            )
            if not shown.enabled:
                label.stylize("dim")
            label.truncate(cell, pad=True)
            out.append_text(label)
        return out

    def on_click(self, event: events.Click) -> None:
        """Press the key under the pointer (as the footer's keys do)."""
        width = self.size.width
        columns = self._columns(width)
        column = next(c for c in range(columns) if event.x < width * (c + 1) // columns)
        number = event.y * columns + column
        keys = self.keys
        if number < len(keys) and keys[number].enabled:
            self.app.simulate_key(keys[number].key)
