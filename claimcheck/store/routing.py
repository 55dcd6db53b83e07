"""Routing fields of a claim: assignee, priority, due."""

from __future__ import annotations

from typing import Any

from claimcheck.models import Claim
from claimcheck.store.core import StoreCore


class Routing(StoreCore):
    def set_routing(
        self,
        claim: Claim,
        changes: dict[str, Any],
        *,
        action: str,
        old: str | None,
        new: str | None,
        reviewer: str | None,
    ) -> None:
        """Write routing fields and their event. Not a verdict: the claim's version stays, so a
        reviewer working on it is not told of a conflict that touches nothing they decide."""
        assignments = ", ".join(f"[{name}] = ?" for name in changes)
        self.db.execute(
            f"UPDATE claims SET {assignments} WHERE id = ?", [*changes.values(), claim.id]
        )
        self.log_event(
            action,
            claim_id=claim.id,
            article_id=claim.article_id,
            old=old,
            new=new,
            details={"old": {name: getattr(claim, name) for name in changes}, "new": changes},
            reviewer=reviewer,
        )

    def routing_events_since(
        self, after: int | None, actions: tuple[str, ...]
    ) -> tuple[int, list[tuple[int, str, str | None, str]]]:
        """The latest event id, and (claim id, action, new, reviewer) of the events of these
        actions logged after event `after` (None: none, only the latest id)."""
        latest = self.db.execute("SELECT coalesce(max(id), 0) FROM events").fetchone()[0]
        if after is None or latest <= after:
            return latest, []
        rows = self.db.execute(
            "SELECT claim_id, action, new, reviewer FROM events WHERE id > ? AND id <= ?"
            f" AND action IN ({', '.join('?' * len(actions))}) ORDER BY id",
            [after, latest, *actions],
        ).fetchall()
        return latest, rows
