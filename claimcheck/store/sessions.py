"""Review sessions: where each reviewer stopped in each queue, and what they decided since."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.store.core import StoreCore, now


class Sessions(StoreCore):
    def review_place(self, reviewer: str, mode: str) -> dict[str, Any] | None:
        """The stored place of a reviewer in a queue mode: query, claim_id, started_at,
        updated_at."""
        row = self.db.execute(
            "SELECT query, claim_id, started_at, updated_at FROM review_sessions"
            " WHERE reviewer = ? AND mode = ?",
            [reviewer, mode],
        ).fetchone()
        if row is None:
            return None
        return {
            "query": json.loads(row[0] or "{}"),
            "claim_id": row[1],
            "started_at": row[2],
            "updated_at": row[3],
        }

    def save_review_place(
        self,
        reviewer: str,
        mode: str,
        query: dict[str, Any],
        claim_id: int | None,
        started_at: str,
    ) -> None:
        """One row per reviewer and mode, replaced each time."""
        with self.transaction():
            self.db.execute(
                "INSERT INTO review_sessions (reviewer, mode, query, claim_id, started_at,"
                " updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (reviewer, mode) DO UPDATE"
                " SET query = excluded.query, claim_id = excluded.claim_id,"
                " started_at = excluded.started_at, updated_at = excluded.updated_at",
                [reviewer, mode, json.dumps(query), claim_id, started_at, now()],
            )

    def decisions(self, reviewer: str, since: str | None = None) -> list[tuple[int, str, str]]:
        """(event id, at, verdict) of this reviewer's own verdicts since a time (or ever), in
        order, those undone left out."""
        undone = self.undone_event_ids(reviewer)
        return [
            (event_id, at, verdict)
            for event_id, at, verdict in self.db.execute(
                "SELECT id, at, new FROM events WHERE action = 'verdict' AND reviewer = ?"
                " AND (details IS NULL OR json_extract(details, '$.via') IS NULL) AND at >= ?"
                " ORDER BY id",
                [reviewer, since or ""],
            )
            if event_id not in undone
        ]

    def waiting_for(self, reviewer: str) -> dict[str, int]:
        """What waits for a reviewer: unreviewed claims assigned to them, and their flags no
        second reviewer has decided yet."""
        assigned = self.db.execute(
            "SELECT count(*) FROM claims WHERE assignee = ? AND status = 'unreviewed'", [reviewer]
        ).fetchone()[0]
        flagged = self.db.execute(
            "SELECT count(*) FROM second_checks WHERE first_reviewer = ? AND decided_at IS NULL",
            [reviewer],
        ).fetchone()[0]
        return {"assigned_waiting": assigned, "flagged_waiting": flagged}
