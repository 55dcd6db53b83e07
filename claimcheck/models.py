"""Plain values passed between the layers: no I/O, no database, no UI.

The extractor produces `ExtractedClaim`s from text; the store turns them into rows and hands
rows back as `Claim`s, so the CLI and the review screen see the same shape.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

STATUSES = (
    "unreviewed",
    "supported",
    "misleading",
    "refuted",
    "unverifiable",
    "dismissed",
    "flagged",
)
VERDICTS = ("supported", "misleading", "refuted", "unverifiable", "dismissed", "flagged")
# A reviewer's stance on an evidence passage ("neutral": relevant but neither way); None: none.
STANCES = ("supports", "refutes", "neutral", "irrelevant")

KINDS = ("quantity", "quote", "comparison", "event", "statement")


@dataclass(frozen=True)
class Link:
    """A hyperlink inside an article's text: [start, end) are offsets of its anchor text."""

    start: int
    end: int
    url: str
    text: str = ""


@dataclass(frozen=True)
class ArticleInput:
    """An article as read from a file, URL or stdin, before it is stored."""

    text: str
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: str | None = None
    origin: str = ""
    format: str = "text"
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Quantity:
    """A normalised number in a claim: "3.9 per cent of GDP" -> 3.9 percent (of GDP)."""

    surface: str
    value: float
    unit: str = ""
    scale: float = 1.0
    qualifier: str = "exact"
    of: str = ""
    start: int = 0
    end: int = 0
    high: float | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Quantity:
        """A quantity as stored in the `quantities` table."""
        return cls(
            surface=row["surface"],
            value=row["value"],
            unit=row["unit"] or "",
            qualifier=row["qualifier"] or "exact",
            of=row["of"] or "",
            high=row["high"],
        )

    def describe(self) -> str:
        """A short human reading: '~3 years', '> 20', '3.9 percent of GDP'."""
        marks = {
            "approx": "~",
            "more_than": "> ",
            "at_least": ">= ",
            "less_than": "< ",
            "at_most": "<= ",
        }
        value = _fmt(self.value)
        if self.qualifier == "range" and self.high is not None:
            value = f"{value}-{_fmt(self.high)}"
        parts = [marks.get(self.qualifier, "") + value]
        if self.unit:
            parts.append(self.unit)
        if self.of:
            parts.append(self.of)
        text = " ".join(parts)
        if self.qualifier == "change":
            text = f"change of {text}"
        return text


def _fmt(value: float) -> str:
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.6g}"


@dataclass(frozen=True)
class DateMention:
    """A date in a claim, resolved against the article's published date when it is known."""

    surface: str
    start: int
    end: int
    resolved: str | None = None
    granularity: str = "day"


@dataclass(frozen=True)
class Attribution:
    """Who said it and where: 'Mr Lammy told The Daily Telegraph' -> speaker, venue."""

    speaker: str | None
    venue: str | None = None
    phrase: str = ""


@dataclass
class ExtractedClaim:
    """One checkable statement found by the extractor; offsets index the article text."""

    start: int
    end: int
    sentence: str
    kind: str
    kinds: list[str]
    score: float
    reasons: list[str]
    quantities: list[Quantity] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    attribution: Attribution | None = None
    quote: str | None = None
    paragraph: int = 0
    repeat_of: int | None = None


@dataclass
class Claim:
    """A stored claim, as the CLI and the review screen see it."""

    id: int
    article_id: int
    start: int
    end: int
    sentence: str
    text: str
    kind: str
    kinds: list[str]
    checkworthiness: float
    reasons: list[str]
    speaker: str | None
    venue: str | None
    attribution: str | None
    quote: str | None
    canonical_id: int | None
    status: str
    note: str | None
    reviewer: str | None
    version: int
    updated_at: str
    dates: list[dict[str, Any]] = field(default_factory=list)
    assignee: str | None = None
    priority: int | None = None
    due: str | None = None

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Claim:
        return cls(
            id=row["id"],
            article_id=row["article_id"],
            start=row["start"],
            end=row["end"],
            sentence=row["sentence"],
            text=row["text"],
            kind=row["kind"],
            kinds=json.loads(row["kinds"] or "[]"),
            checkworthiness=row["checkworthiness"],
            reasons=json.loads(row["reasons"] or "[]"),
            speaker=row["speaker"],
            venue=row["venue"],
            attribution=row["attribution"],
            quote=row["quote"],
            canonical_id=row["canonical_id"],
            status=row["status"],
            note=row["note"],
            reviewer=row["reviewer"],
            version=row["version"],
            updated_at=row["updated_at"],
            dates=json.loads(row["dates"] or "[]"),
            assignee=row.get("assignee"),
            priority=row.get("priority"),
            due=row.get("due"),
        )


def shown_evidence(rows: list[dict[str, Any]], limit: int) -> list[dict[str, Any]]:
    """The best `limit` passages, then every further one a reviewer took a stance on (a stance
    is work done: it is never hidden below a cut-off)."""
    return rows[:limit] + [row for row in rows[limit:] if row["stance"]]
