"""The review queue: ids in order, cheap enough to page through 100,000 claims."""

from __future__ import annotations

from typing import Any

from claimcheck.store.claims import ORDERS, claim_filter
from claimcheck.store.core import StoreCore


class Queue(StoreCore):
    def claim_ids(
        self, *, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[int]:
        """The ids of a review queue, in order."""
        return [claim_id for claim_id, _ in self.queue_statuses(order, second_check, **filters)]

    def queue_statuses(
        self, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[tuple[int, str]]:
        """A review queue as (id, status) pairs, in order: cheap enough for 100,000 claims, so
        the screen can page rows in as they come into view and keep its progress count."""
        where, params = claim_filter(**filters)
        if second_check:
            where += (" AND " if where else " WHERE ") + (
                "claims.status = 'flagged' AND claims.id IN"
                " (SELECT claim_id FROM second_checks WHERE decided_at IS NULL"
                " AND first_reviewer IS NOT ?)"
            )
            params.append(self.reviewer)
        order_by = ORDERS[order]
        sql = f"SELECT claims.id, claims.status FROM claims{where} ORDER BY {order_by}"
        return self.db.execute(sql, params).fetchall()

    def last_change(self) -> str:
        """The latest updated_at of any claim: where the next status_changes() starts."""
        return self.db.execute("SELECT coalesce(max(updated_at), '') FROM claims").fetchone()[0]

    def status_changes(self, since: str) -> list[tuple[int, str, str]]:
        """(id, status, updated_at) of the claims changed at or after `since`."""
        return self.db.execute(
            "SELECT id, status, updated_at FROM claims WHERE updated_at >= ?", [since]
        ).fetchall()

    def queue_rows(self, claim_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The few columns a queue line shows, for one page of ids."""
        if not claim_ids:
            return {}
        rows = self.db.query(
            "SELECT c.id, c.status, c.kind, c.checkworthiness, c.article_id, c.text,"
            " c.canonical_id, c.assignee, c.priority, c.due FROM claims c"
            f" WHERE c.id IN ({', '.join('?' * len(claim_ids))})",
            claim_ids,
        )
        return {row["id"]: row for row in rows}

    def first_with_status(self, claim_ids: list[int], status: str = "unreviewed") -> int | None:
        """The first of these ids (in their order) whose claim has this status."""
        for chunk_start in range(0, len(claim_ids), 500):
            chunk = claim_ids[chunk_start : chunk_start + 500]
            found = {
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM claims WHERE status = ?"
                    f" AND id IN ({', '.join('?' * len(chunk))})",
                    [status, *chunk],
                )
            }
            for claim_id in chunk:
                if claim_id in found:
                    return claim_id
        return None
