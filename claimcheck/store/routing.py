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
