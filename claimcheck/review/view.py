"""Everything the screen shows about one claim, read from the store in one go and drawn as
plain `Text` panels (the reading is a handful of indexed lookups: a few milliseconds)."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from rich.text import Text

from claimcheck.memory.matches import StoredMatch, shown_match
from claimcheck.models import Claim, Quantity, shown_evidence
from claimcheck.review.memory_view import checked_before_line
from claimcheck.review.text import claim_in_context, highlighted_passage, plain, visible
from claimcheck.speakers import needs_speaker
from claimcheck.store import Store

EVIDENCE_SHOWN = 3
STANCE_STYLES = {
    "supports": "bold green",
    "refutes": "bold red",
    "neutral": "bold yellow",
    "irrelevant": "bold blue",
}
TITLE_CHARS = 60


@dataclass
class ClaimView:
    """One claim and what surrounds it: article, quantities, repeats, sources, evidence."""

    claim: Claim
    article_title: str
    article_text: str
    quantities: list[dict[str, Any]]
    repeats: list[Claim]
    sources: list[dict[str, Any]]
    evidence: list[dict[str, Any]]
    second_check: dict[str, Any] | None = None
    source_change: dict[str, Any] | None = None
    match: StoredMatch | None = None

    @property
    def needs_ranking(self) -> bool:
        """Sources are archived but no passage has been ranked for this claim yet."""
        return not self.evidence and any(s["snapshots"] for s in self.sources)


class ArticleCache:
    """The article on screen (claims of one article usually follow each other)."""

    def __init__(self) -> None:
        self._id: int | None = None
        self._article: dict[str, Any] = {}

    def get(self, store: Store, article_id: int) -> dict[str, Any]:
        if article_id != self._id:
            self._article = store.article(article_id)
            self._id = article_id
        return self._article


def load_view(store: Store, claim_id: int, articles: ArticleCache) -> ClaimView:
    claim = store.claim(claim_id)
    article = articles.get(store, claim.article_id)
    sources = []
    for source in store.claim_sources(claim_id):
        latest = store.latest_fetch(source["id"]) if source["snapshots"] else None
        sources.append({**source, "latest": latest})
    return ClaimView(
        claim=claim,
        article_title=article.get("title") or article.get("origin") or "",
        article_text=article.get("text") or "",
        quantities=store.quantities(claim_id),
        repeats=store.repeats(claim_id),
        sources=sources,
        evidence=store.evidence(claim_id),
        second_check=store.open_second_check(claim_id) if claim.status == "flagged" else None,
        source_change=store.source_change(claim_id),
        match=shown_match(store, claim_id),
    )


def headline(view: ClaimView, *, blind: bool) -> Text:
    """Claim id, status (hidden from a blind second reviewer), kind, score and article."""
    claim = view.claim
    out = Text()
    out.append(f"Claim {claim.id}", style="bold")
    score = "-" if claim.checkworthiness is None else f"{claim.checkworthiness:.2f}"
    out.append(f"  {claim.kind}  score {score}  ")
    if blind:
        out.append("second check: the first verdict is hidden until you record yours", "cyan")
    else:
        out.append(claim.status, style="bold")
        if claim.reviewer:
            out.append(" by ")
            out.append(plain(claim.reviewer))
    out.append("\n")
    title = view.article_title.replace("\n", " ")
    out.append(f"Article {claim.article_id}: ", style="dim")
    out.append(
        plain(title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1] + "…", "dim italic")
    )
    if view.match and not (blind and view.match.decision):
        out.append("\n").append_text(checked_before_line(view.match))
    routing = routing_line(claim)
    if routing:
        out.append("\n" + routing, style="magenta")
    if view.source_change:
        out.append("\n⚠ source changed since verified: ", style="bold red")
        out.append(plain(str(view.source_change.get("url") or "")))
    return out


def routing_line(claim: Claim) -> str:
    """ "assigned to alice · priority 1 · due 2026-12-04", or '' for a claim not routed."""
    parts = [f"assigned to {visible(claim.assignee)}"] if claim.assignee else []
    if claim.priority:
        parts.append(f"priority {claim.priority}")
    if claim.due:
        parts.append(f"due {visible(claim.due)}")
    return " · ".join(parts)


def facts(view: ClaimView, *, blind: bool, speaker_key: str = "i") -> Text:
    """Edited wording, quantities (normalised), speaker and attribution, dates, repeats, note;
    an unresolved speaker says which key names them."""
    claim = view.claim
    out = Text()

    def row(label: str, value: Text | str) -> None:
        if out:
            out.append("\n")
        out.append(f"{label:<12}", style="bold")
        out.append_text(value if isinstance(value, Text) else plain(value))

    if claim.text != claim.sentence:
        row("Edited to", claim.text)
    for q in view.quantities:
        described = Quantity.from_row(q).describe()
        row("Quantity", plain(q["surface"]).append(f"  →  {described}", style="green"))
    unresolved = needs_speaker(claim)
    if claim.speaker or claim.attribution or unresolved:
        venue = f" (to {claim.venue})" if claim.venue else ""
        speaker = plain(f"{claim.speaker or '?'}{venue}")
        if unresolved:
            speaker.append(f"  unresolved: {speaker_key} names the speaker", style="yellow")
        row("Speaker", speaker)
        if claim.attribution:
            row("Attribution", claim.attribution)
    for date in claim.dates:
        row("Date", f"{date.get('surface')}  →  {date.get('resolved') or 'unresolved'}")
    if view.repeats:
        row("Repeated as", ", ".join(f"claim {r.id}" for r in view.repeats))
    if claim.canonical_id:
        row("Repeats", f"claim {claim.canonical_id} (a verdict there carries here)")
    if claim.note and not blind:
        row("Note", claim.note)
    if not out:
        out.append("No quantities, speaker or repeats.", style="dim")
    return out


def sources_panel(view: ClaimView) -> Text:
    """Each source with its fetch state."""
    out = Text("Sources", style="bold underline")
    if not view.sources:
        out.append("\nNone yet: press the attach key to add one.", style="dim")
    for number, source in enumerate(view.sources, 1):
        out.append(f"\n{number}. ", style="bold")
        label = source["link_label"] or source["label"] or source["title"]
        if label:
            out.append_text(plain(label))
            out.append("  ")
        out.append(f"[{source['link_kind']}] ", style="dim")
        out.append_text(fetch_state(source))
        out.append("\n   ")
        out.append_text(plain(source["url"] or "(no link yet: the attach key gives it one)", "dim"))
    return out


def fetch_state(source: dict[str, Any]) -> Text:
    latest = source.get("latest")
    if not source["url"]:
        return Text("unresolved", style="yellow")
    if latest is None:
        return Text("not fetched", style="yellow")
    if latest["error"]:
        return Text("failed: ", style="red").append(plain(latest["error"]))
    when = (latest["fetched_at"] or "")[:16]
    if latest["not_modified"]:
        return Text(f"checked {when}: unchanged since archived", style="green")
    status = latest["status"] or "local copy"
    return Text(f"archived {when} ({status})", style="green")


def evidence_panel(view: ClaimView) -> Text:
    """The best passages (and any further one the reviewer took a stance on), matched numbers
    and quote words highlighted, each with its stance and its reasons."""
    out = Text("Evidence", style="bold underline")
    if not view.evidence:
        fetched = any(s.get("latest") for s in view.sources)
        hint = "no passage matched" if fetched else "fetch the sources to rank passages"
        out.append(f"\nNo evidence yet: {hint}.", style="dim")
    numbers = {source["id"]: number for number, source in enumerate(view.sources, 1)}
    shown = shown_evidence(view.evidence, EVIDENCE_SHOWN)
    for item in shown:
        matches = json.loads(item["matches"] or "[]")
        out.append(f"\n#{item['rank']} score {item['score']:.2f}", style="bold")
        if item["stance"]:
            out.append("  ").append_text(stance_text(item["stance"]))
        number = numbers.get(item["source_id"])
        out.append(f"  from source {number}" if number else "  ", style="dim")
        if not number:
            out.append_text(plain(item["source_url"] or "", "dim"))
        out.append("\n")
        out.append_text(highlighted_passage(item["passage"] or "", matches))
        for reason in json.loads(item["reasons"] or "[]"):
            out.append("\n  • ", style="dim")
            out.append_text(plain(reason, "italic"))
    if len(view.evidence) > len(shown):
        out.append(f"\n… {len(view.evidence) - len(shown)} more passages", style="dim")
    return out


def stance_text(stance: str | None) -> Text:
    """The reviewer's stance on a passage, coloured by which way it points."""
    if stance is None:
        return Text("no stance", style="dim")
    return Text(f"stance: {stance}", style=STANCE_STYLES[stance])


def context(view: ClaimView) -> Text:
    return claim_in_context(view.article_text, view.claim.start, view.claim.end)
