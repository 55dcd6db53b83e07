"""Which claims a review queue holds and in what order, and the one-line filter the reviewer
types to change it ("status:unreviewed,flagged kind:quantity article:3 sort:score")."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from claimcheck.models import KINDS, STATUSES
from claimcheck.store import ORDERS as STORE_ORDERS

# The store's queue orders a reviewer may pick (ordering by bare id is for scripts).
ORDERS = tuple(order for order in STORE_ORDERS if order != "id")
FILTER_HINT = "e.g. status:unreviewed,flagged kind:quantity article:3 sort:priority"


@dataclass
class QueueQuery:
    """A review queue: filters, search words, order, its mode (the second-check or the
    adjudication queue, else the review), and whether it holds claims assigned to others
    (everyone) or only mine, then unassigned ones."""

    status: list[str] = field(default_factory=list)
    kind: list[str] = field(default_factory=list)
    article_id: int | None = None
    search: str | None = None
    order: str = "position"
    second_check: bool = False
    everyone: bool = False
    adjudicate: bool = False

    @property
    def mode(self) -> str:
        """The queue's mode, under which a reviewer's place in it is remembered."""
        if self.adjudicate:
            return "adjudicate"
        return "second_check" if self.second_check else "review"

    @property
    def shows_dismissed(self) -> bool:
        return "dismissed" in self.status

    def saved(self) -> dict[str, Any]:
        """The filter, search and order as a session stores them (the mode is the key)."""
        return {k: v for k, v in asdict(self).items() if k not in ("second_check", "adjudicate")}

    def restored(self, saved: dict[str, Any]) -> QueueQuery:
        """This query's mode with a stored session's filter, search and order (anything it
        cannot read is left as it is here)."""
        known = {k: v for k, v in saved.items() if k in self.saved()}
        query = QueueQuery(**{**asdict(self), **known})
        if query.order not in ORDERS:
            query.order = "position"
        return query

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for Store.claim_ids / Store.count_claims (repeats left out: a
        verdict on a claim carries to its repeats)."""
        return {
            "status": self.status,
            "kind": self.kind,
            "article_id": self.article_id,
            "search": self.search,
            "include_repeats": False,
        }

    def describe(self) -> str:
        """The filter as the reviewer would type it."""
        parts = []
        if self.status:
            parts.append("status:" + ",".join(self.status))
        if self.kind:
            parts.append("kind:" + ",".join(self.kind))
        if self.article_id is not None:
            parts.append(f"article:{self.article_id}")
        if self.order != "position":
            parts.append(f"sort:{self.order}")
        return " ".join(parts)


def parse_filter(text: str, base: QueueQuery) -> QueueQuery:
    """A new query from a typed filter, keeping base's search and mode; ValueError names the
    word that cannot be understood."""
    query = QueueQuery(
        search=base.search,
        second_check=base.second_check,
        everyone=base.everyone,
        adjudicate=base.adjudicate,
    )
    for word in text.split():
        name, _, value = word.partition(":")
        values = [v for v in value.split(",") if v]
        if name == "status" and values and set(values) <= set(STATUSES):
            query.status = values
        elif name == "kind" and values and set(values) <= set(KINDS):
            query.kind = values
        elif name == "article" and value.isdigit():
            query.article_id = int(value)
        elif name == "sort" and value in ORDERS:
            query.order = value
        else:
            raise ValueError(f"cannot filter by {word!r}: {FILTER_HINT}")
    return query
