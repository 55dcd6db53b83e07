"""The small screens over the review: prompts, flagging, help, and the full source."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static, TextArea
from textual.widgets.text_area import Selection

from claimcheck.review.keys import REVIEW_KEYS
from claimcheck.review.text import plain, visible


class PromptScreen(ModalScreen[str | None]):
    """Ask for one line (a note, a URL, a search, a filter); Enter saves, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, title: str, value: str = "", hint: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Input(value=visible(self.value), select_on_focus=False, id="prompt")
            yield Static(Text(self.hint + "  Enter: save · Esc: cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value)

    def action_cancel(self) -> None:
        self.dismiss(None)


class FlagScreen(ModalScreen[str | None]):
    """Flag for a second reviewer, with an optional provisional verdict kept from their view.
    Returns the verdict, "" for no opinion, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "cancel")]

    def __init__(self, verdict_keys: dict[str, str]) -> None:
        super().__init__()
        self.verdict_keys = verdict_keys

    def compose(self) -> ComposeResult:
        choices = "  ".join(
            f"{keys.split(',')[0]}: {name}" for name, keys in self.verdict_keys.items()
        )
        with Vertical(classes="dialog"):
            yield Static(Text("Flag for a second reviewer", style="bold"))
            yield Static(
                Text(
                    "Your provisional verdict stays hidden from the second reviewer until they "
                    "record theirs.\n" + choices + "  Enter: no opinion · Esc: cancel"
                )
            )

    def on_key(self, event: events.Key) -> None:
        for name, keys in self.verdict_keys.items():
            if event.key in keys.split(","):
                event.stop()
                self.dismiss(name)
                return
        if event.key == "enter":
            event.stop()
            self.dismiss("")

    def action_cancel(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Every key in force (after keys.toml), and where to change them."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,question_mark,q", "close", "close")]

    def __init__(self, keys: dict[str, str], config: str) -> None:
        super().__init__()
        self.keys = keys
        self.config = config

    def compose(self) -> ComposeResult:
        half = (len(REVIEW_KEYS) + 1) // 2
        columns = [REVIEW_KEYS[:half], REVIEW_KEYS[half:]]
        footer = Text(
            "A verdict moves on to the next unreviewed claim. ctrl+p: all commands.\n"
            "Page up/down scroll the claim; in the source view ] and [ step through passages.\n"
        )
        footer.append("Remap keys in ")
        footer.append(plain(self.config, "bold"))
        footer.append(' ([keys] supported = "1"). Esc closes this help.')
        with Vertical(classes="dialog help"):
            yield Static(Text("Keys", style="bold"))
            with Horizontal():
                for specs in columns:
                    table = Text()
                    for spec in specs:
                        shown = ", ".join(_label(k) for k in self.keys[spec.id].split(","))
                        table.append(f"{shown:>8} ", style="bold")
                        table.append(f"{spec.description}\n")
                    yield Static(table)
            yield Static(footer)

    def action_close(self) -> None:
        self.dismiss(None)


def _label(key: str) -> str:
    return {"slash": "/", "question_mark": "?", "space": "space"}.get(key, key)


@dataclass(frozen=True)
class Passage:
    """A place in an archived source: its whole text and the [start, end) of the passage."""

    title: str
    text: str
    start: int = 0
    end: int = 0


class SourceScreen(ModalScreen[None]):
    """A whole archived source, read-only, scrolled to (and selecting) one passage; ] and [
    step through the claim's other evidence passages."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "back"),
        Binding("right_square_bracket", "step(1)", "next passage"),
        Binding("left_square_bracket", "step(-1)", "previous passage"),
    ]

    def __init__(self, passages: list[Passage], index: int = 0) -> None:
        super().__init__()
        self.passages = passages
        self.index = index

    def compose(self) -> ComposeResult:
        with Vertical(classes="source"):
            yield Static(id="source-title")
            yield TextArea(read_only=True, soft_wrap=True, id="source-text")
            yield Static(Text("Esc: back · ] next passage · [ previous passage", style="dim"))

    def on_mount(self) -> None:
        self.show(self.index)

    def show(self, index: int) -> None:
        self.index = index % len(self.passages)
        passage = self.passages[self.index]
        title = Text(f"{self.index + 1}/{len(self.passages)}  ", style="bold")
        title.append_text(plain(passage.title, "bold"))
        self.query_one("#source-title", Static).update(title)
        area = self.query_one(TextArea)
        area.load_text(visible(passage.text))
        # offsets index the raw text; escaping unsafe characters before them moves them on
        start = len(visible(passage.text[: passage.start]))
        end = start + len(visible(passage.text[passage.start : passage.end]))
        area.focus()
        area.selection = Selection(_location(area.text, start), _location(area.text, end))
        area.scroll_cursor_visible(center=True)

    def action_step(self, step: int) -> None:
        self.show(self.index + step)

    def action_close(self) -> None:
        self.dismiss(None)


def _location(text: str, offset: int) -> tuple[int, int]:
    """A character offset as TextArea's (row, column)."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)
