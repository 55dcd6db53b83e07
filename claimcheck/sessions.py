"""Review sessions: where each reviewer stopped, and what a session (or a reviewer) got done.

A reviewer's place is stored per queue mode (review, second check, adjudication): the filter
and sort they had and the claim they were on. Reopening goes back to that claim while it still
waits; once it is decided, to the next claim that waits; never to a dismissed claim unless
the filter shows dismissed ones. The figures (claims decided, median time per claim, verdict
mix) are read from the audit log, so the screen's summary on quit and `claimcheck stats
--reviewer` agree.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from itertools import pairwise
from typing import Any

from claimcheck.store import Store

# A longer pause between two decisions is a break, not time spent on the claim.
BREAK_SECONDS = 15 * 60


@dataclass(frozen=True)
class Place:
    """Where a reviewer stopped in one queue mode."""

    query: dict[str, Any]
    claim_id: int | None
    started_at: str
    updated_at: str


@dataclass
class Summary:
    """What a reviewer decided: how many, the median seconds per claim, the verdicts given."""

    decided: int = 0
    median_seconds: float | None = None
    mix: dict[str, int] = field(default_factory=dict)

    def describe(self) -> str:
        """ "12 claims decided, median 41 s per claim: 7 supported, 5 refuted"."""
        if not self.decided:
            return "no claims decided"
        text = f"{self.decided} claim{'s' if self.decided != 1 else ''} decided"
        if self.median_seconds is not None:
            text += f", median {self.median_seconds:.0f} s per claim"
        return text + ": " + ", ".join(f"{n} {verdict}" for verdict, n in self.mix.items())


def load_place(store: Store, reviewer: str, mode: str) -> Place | None:
    row = store.review_place(reviewer, mode)
    if row is None:
        return None
    return Place(row["query"], row["claim_id"], row["started_at"], row["updated_at"])


def save_place(
    store: Store,
    reviewer: str,
    mode: str,
    query: dict[str, Any],
    claim_id: int | None,
    started_at: str,
) -> None:
    """Remember the filter and the claim this reviewer is on (one row per reviewer and mode)."""
    store.save_review_place(reviewer, mode, query, claim_id, started_at)


def summary(store: Store, reviewer: str, since: str | None = None) -> Summary:
    """The reviewer's decisions (verdicts, second checks, adjudications, flags; undone ones
    left out) since a time, or ever: the time per claim is the gap since the previous decision
    (or since `since`), breaks longer than BREAK_SECONDS left out."""
    rows = store.decisions(reviewer, since)
    if not rows:
        return Summary()
    marks = ([datetime.fromisoformat(since)] if since else []) + [
        datetime.fromisoformat(at) for _, at, _ in rows
    ]
    gaps = [
        seconds
        for before, after in pairwise(marks)
        if 0 <= (seconds := (after - before).total_seconds()) <= BREAK_SECONDS
    ]
    mix = Counter(verdict for _, _, verdict in rows)
    return Summary(
        decided=len(rows),
        median_seconds=round(statistics.median(gaps), 1) if gaps else None,
        mix=dict(mix.most_common()),
    )


def end_session(
    store: Store,
    reviewer: str,
    mode: str,
    query: dict[str, Any],
    claim_id: int | None,
    started_at: str,
) -> Summary:
    """Remember where the reviewer stopped; the session's summary, read from the audit log
    (which already holds every decision: the session adds no event of its own)."""
    save_place(store, reviewer, mode, query, claim_id, started_at)
    return summary(store, reviewer, since=started_at)


def reviewer_stats(store: Store, reviewer: str) -> dict[str, Any]:
    """`claimcheck stats --reviewer`: everything this reviewer decided, and what waits for them."""
    decided = summary(store, reviewer)
    return {
        "reviewer": reviewer,
        "decided": decided.decided,
        "median_seconds": decided.median_seconds,
        "mix": decided.mix,
        "summary": decided.describe(),
        **store.waiting_for(reviewer),
    }
