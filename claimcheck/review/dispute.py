"""The adjudication view of a claim: the two reviewers' verdicts, notes and stances side by side,
above the claim's usual facts."""

from __future__ import annotations

from typing import Any

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from claimcheck.adjudication import Dispute, Side
from claimcheck.review.text import plain
from claimcheck.review.view import stance_text


def dispute_panel(dispute: Dispute, evidence: list[dict[str, Any]], below: Text) -> RenderableType:
    """Both sides of a disagreement in two columns, then `below` (the claim's facts)."""
    ranks = {row["id"]: row["rank"] for row in evidence}
    table = Table(title="Disagreement: settle on 1, 2 or a third verdict", title_justify="left")
    for number, side in ((1, dispute.first), (2, dispute.second)):
        table.add_column(Text(f"{number}  {side.reviewer}", style="bold"), ratio=1)
    table.add_row(*(_verdict(side) for side in (dispute.first, dispute.second)))
    table.add_row(*(_note(side) for side in (dispute.first, dispute.second)))
    table.add_row(*(_stances(side, ranks) for side in (dispute.first, dispute.second)))
    return Group(table, below)


def _verdict(side: Side) -> Text:
    return Text(side.verdict or "no verdict", style="bold")


def _note(side: Side) -> Text:
    return plain(side.note, "italic") if side.note else Text("no note", style="dim")


def _stances(side: Side, ranks: dict[int, int]) -> Text:
    if not side.stances:
        return Text("no stances taken", style="dim")
    out = Text()
    for evidence_id, (stance, note) in side.stances.items():
        if out:
            out.append("\n")
        rank = ranks.get(evidence_id)
        out.append(f"passage #{rank} " if rank else f"evidence {evidence_id} ", style="dim")
        out.append_text(stance_text(stance))
        if note:
            out.append(" ").append_text(plain(note, "italic"))
    return out
