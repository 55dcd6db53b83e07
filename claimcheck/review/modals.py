"""The small screens over the review: prompts, flagging, help, and the full source."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, Static, TextArea
from textual.widgets.text_area import Selection

from claimcheck.review.keys import REVIEW_KEYS, STANCE_KEYS
from claimcheck.review.queue import legend
from claimcheck.review.text import plain, visible
from claimcheck.review.view import stance_text


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


class EditScreen(PromptScreen):
    """Edit text over several lines (a claim's wording), wrapped to the dialog's width:
    ctrl+s (or Save) saves, Escape (or Cancel) closes without writing anything."""

    BINDINGS: ClassVar[list[BindingType]] = [
        # not a priority binding: ctrl+s then takes its turn after the keys typed before it
        # (a priority one jumped ahead of them, and the last words typed were lost)
        Binding("ctrl+s", "save", "save"),
    ]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog editor"):
            yield Static(Text(self.title_text, style="bold"))
            yield TextArea(visible(self.value), soft_wrap=True, id="editor")
            keys = "ctrl+s: save · Esc: cancel (nothing is written)"
            yield Static(Text(f"{self.hint}  {keys}" if self.hint else keys, style="dim"))
            with Horizontal(classes="buttons"):
                yield Button("Save", id="save", variant="primary", compact=True)
                yield Button("Cancel", id="cancel", compact=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.action_save() if event.button.id == "save" else self.action_cancel()

    def action_save(self) -> None:
        self.dismiss(self.query_one(TextArea).text)


class SpeakerScreen(ModalScreen[str | None]):
    """Name who said a claim: type a name (completed from the people the article names) and
    press Enter, or go down into the list of those people and pick one; Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "cancel"),
        Binding("down", "pick", "pick from the list", show=False),
    ]

    def __init__(self, title: str, attribution: str, value: str, people: list[str]) -> None:
        super().__init__()
        self.title_text = title
        self.attribution = attribution
        self.value = value
        self.people = people

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            if self.attribution:
                yield Static(Text("Attributed: ").append_text(plain(self.attribution, "italic")))
            yield Input(
                value=visible(self.value),
                placeholder="the speaker's name",
                suggester=SuggestFromList(self.people, case_sensitive=False),
                id="speaker",
            )
            if self.people:
                yield OptionList(*(visible(name) for name in self.people), id="people")
            hint = "Enter: save · → takes the suggestion"
            hint += " · ↓: pick from the people the article names" if self.people else ""
            yield Static(Text(hint + " · Esc: cancel", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.dismiss(event.value)
        else:
            self.notify("Type a name, pick one from the list, or Esc.", markup=False)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.people[event.option_index])

    def action_pick(self) -> None:
        if self.people:
            self.query_one(OptionList).focus()

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


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question answered by one key: y (or Enter) says yes, any other key no."""

    def __init__(self, title: str, question: str) -> None:
        super().__init__()
        self.title_text = title
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self.title_text, style="bold"))
            yield Static(plain(self.question))
            yield Static(Text("y: yes · any other key: no", style="dim"))

    def on_key(self, event: events.Key) -> None:
        event.stop()
        self.dismiss(event.key in ("y", "enter"))


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
            f"The queue: {legend()}.\n"
            "A verdict moves on to the next unreviewed claim. ctrl+p: all commands.\n"
            "Page up/down scroll the claim. In the source view ] and [ step through passages;"
            f" the passage's stance: {stance_keys(self.keys)}.\n"
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


def stance_keys(keys: dict[str, str]) -> str:
    """The source view's stance keys in force: "s supports · r refutes · ..."."""
    return " · ".join(
        f"{_label(keys[spec.id].split(',')[0])} {spec.id.removeprefix('stance_')}"
        for spec in STANCE_KEYS
    )


def _label(key: str) -> str:
    return {"slash": "/", "question_mark": "?", "space": "space"}.get(key, key)


@dataclass(frozen=True)
class Passage:
    """A place in an archived source: its whole text and the [start, end) of the passage; a
    ranked passage also has its evidence id and the reviewer's stance on it."""

    title: str
    text: str
    start: int = 0
    end: int = 0
    evidence_id: int | None = None
    stance: str | None = None


# Records a stance (None clears it) on an evidence passage; False when it could not be saved.
StanceSetter = Callable[[int, str | None], bool]


class SourceScreen(ModalScreen[None]):
    """A whole archived source, read-only, scrolled to (and selecting) one passage; ] and [
    step through the claim's other evidence passages; the stance keys record the reviewer's
    stance on the passage on screen."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,v", "close", "back"),
        Binding("right_square_bracket", "step(1)", "next passage"),
        Binding("left_square_bracket", "step(-1)", "previous passage"),
        *(Binding(spec.keys, spec.action, spec.description, id=spec.id) for spec in STANCE_KEYS),
    ]

    def __init__(
        self,
        passages: list[Passage],
        index: int = 0,
        *,
        keys: dict[str, str] | None = None,
        set_stance: StanceSetter | None = None,
        claim: str = "",
    ) -> None:
        super().__init__()
        self.claim = claim
        self.passages = passages
        self.index = index
        self.keys = keys or {spec.id: spec.keys for spec in STANCE_KEYS}
        self.set_stance = set_stance

    def compose(self) -> ComposeResult:
        with Vertical(classes="source"):
            yield Static(id="source-title")
            if self.claim:
                yield Static(
                    Text("Checking: ", style="bold").append_text(plain(self.claim, "italic")),
                    id="source-claim",
                )
            yield TextArea(read_only=True, soft_wrap=True, id="source-text")
            yield Static(
                Text(
                    "Esc: back · ] next passage · [ previous passage\n"
                    f"Stance: {stance_keys(self.keys)}",
                    style="dim",
                )
            )

    def on_mount(self) -> None:
        self.show(self.index)

    def show(self, index: int) -> None:
        self.index = index % len(self.passages)
        passage = self.passages[self.index]
        self._draw_title()
        area = self.query_one(TextArea)
        area.load_text(visible(passage.text))
        # offsets index the raw text; escaping unsafe characters before them moves them on
        start = len(visible(passage.text[: passage.start]))
        end = start + len(visible(passage.text[passage.start : passage.end]))
        area.focus()
        area.selection = Selection(_location(area.text, start), _location(area.text, end))
        area.scroll_cursor_visible(center=True)

    def _draw_title(self) -> None:
        passage = self.passages[self.index]
        title = Text(f"{self.index + 1}/{len(self.passages)}  ", style="bold")
        if passage.evidence_id is not None:  # before the title, which may be cut off
            title.append_text(stance_text(passage.stance)).append("  ")
        title.append_text(plain(passage.title, "bold"))
        self.query_one("#source-title", Static).update(title)

    def action_step(self, step: int) -> None:
        self.show(self.index + step)

    def action_stance(self, stance: str) -> None:
        """Record the stance on the passage on screen ('clear' removes it)."""
        passage = self.passages[self.index]
        if passage.evidence_id is None or self.set_stance is None:
            self.notify("Not a ranked passage: rank the claim's evidence first.", markup=False)
            return
        value = None if stance == "clear" else stance
        if self.set_stance(passage.evidence_id, value):
            self.passages[self.index] = replace(passage, stance=value)
            self._draw_title()

    def action_close(self) -> None:
        self.dismiss(None)


def _location(text: str, offset: int) -> tuple[int, int]:
    """A character offset as TextArea's (row, column)."""
    offset = max(0, min(offset, len(text)))
    row = text.count("\n", 0, offset)
    return row, offset - (text.rfind("\n", 0, offset) + 1)
