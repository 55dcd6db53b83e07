"""The claim memory on the review screen: the "Checked before" line and the earlier check in
full (the fact-check or the desk's earlier claim, its rating, who, when, its address, why it
matched, and the earlier claim's sources)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from claimcheck.memory.matches import StoredMatch
from claimcheck.review.text import plain


def checked_before_line(found: StoredMatch | None) -> Text:
    """'Checked before: False by PolitiFact, 2019-10-30', or nothing when there is no match."""
    if found is None:
        return Text()
    style = "bold magenta" if found.prior else "dim magenta"
    out = Text("⟲ ", style=style)
    out.append_text(plain(found.line(), style))
    out.append(f"  (match {found.score:.2f}", style="dim")
    out.append(f"; {found.decision})" if found.decision else ")", style="dim")
    return out


def earlier_check(found: StoredMatch, sources: list[str]) -> Text:
    """Everything about the earlier check a reviewer needs to judge the match."""
    out = Text()
    out.append_text(checked_before_line(found))
    what = (
        f"Fact-check {found.factcheck_id}"
        if found.factcheck_id
        else f"Claim {found.earlier_claim_id} of another article"
    )
    out.append(f"\n\n{what}\n", style="bold")
    out.append_text(plain(found.text))
    if found.url:
        out.append("\n\n")
        out.append_text(plain(found.url, "underline"))
    if found.timing == "later":
        out.append("\n\nPublished after this claim's article: not a prior check.", "yellow")
    out.append("\n\nWhy it matched", style="bold")
    for reason in found.reasons:
        out.append("\n  • ", style="dim")
        out.append_text(plain(reason, "italic"))
    if sources:
        out.append("\n\nIts sources", style="bold")
        for url in sources:
            out.append("\n  ")
            out.append_text(plain(url))
    return out


class EarlierCheckScreen(ModalScreen[str | None]):
    """The earlier check behind the "Checked before" line. Returns "adopt" or "reject" when
    the reviewer presses that key here, None on Esc."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape,q", "close", "back")]

    def __init__(self, body: Text, keys: dict[str, str]) -> None:
        super().__init__()
        self.body = body
        self.keys = keys

    def compose(self) -> ComposeResult:
        adopt = self.keys["adopt_match"].split(",")[0]
        reject = self.keys["reject_match"].split(",")[0]
        with Vertical(classes="dialog"):
            with VerticalScroll():
                yield Static(self.body, id="earlier-check")
            yield Static(
                Text(f"{adopt}: adopt this verdict · {reject}: wrong match · Esc: back", "dim")
            )

    def on_key(self, event: events.Key) -> None:
        for choice in ("adopt_match", "reject_match"):
            if event.key in self.keys[choice].split(","):
                event.stop()
                self.dismiss(choice.split("_")[0])
                return

    def action_close(self) -> None:
        self.dismiss(None)
