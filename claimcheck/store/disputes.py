"""Disagreements between a first and a second reviewer, and a third reviewer settling them."""

from __future__ import annotations

from typing import Any

from claimcheck.store.core import StoreCore


class Disputes(StoreCore):
    def disputed_ids(self, reviewer: str | None = None) -> set[int]:
        """Claims with a disagreement waiting to be settled (by this reviewer: not their own)."""
        rows = self.db.execute(
            "SELECT claim_id FROM second_checks WHERE agreed = 0 AND adjudicated_at IS NULL"
            " AND first_reviewer IS NOT ? AND second_reviewer IS NOT ?",
            [reviewer, reviewer],
        )
        return {row[0] for row in rows}

    def latest_disagreement(self, claim_id: int) -> dict[str, Any] | None:
        """The claim's latest second check whose reviewers disagreed, settled or not."""
        rows = list(
            self.db.query(
                "SELECT * FROM second_checks WHERE claim_id = ? AND agreed = 0"
                " ORDER BY id DESC LIMIT 1",
                [claim_id],
            )
        )
        return rows[0] if rows else None

    def verdict_note(self, claim_id: int, reviewer: str, at: str) -> str | None:
        """The note of this reviewer's latest verdict on the claim at or before `at`."""
        row = self.db.execute(
            "SELECT note FROM events WHERE claim_id = ? AND action = 'verdict' AND reviewer = ?"
            " AND at <= ? ORDER BY id DESC LIMIT 1",
            [claim_id, reviewer, at],
        ).fetchone()
        return row[0] if row else None

    def set_adjudication(
        self,
        check_id: int,
        by: str | None,
        verdict: str | None,
        note: str | None,
        at: str | None,
    ) -> None:
        """Record (or, all None, clear) who settled a second check on what; call inside the
        transaction that logs it."""
        self.db.execute(
            "UPDATE second_checks SET adjudicated_by = ?, adjudicated_verdict = ?,"
            " adjudication_note = ?, adjudicated_at = ? WHERE id = ?",
            [by, verdict, note, at, check_id],
        )

    def compared_checks(self) -> list[tuple[str, str, str, str, str]]:
        """(first reviewer, first verdict, second reviewer, second verdict, claim kind) of every
        decided second check with a first verdict, in order."""
        return self.db.execute(
            "SELECT s.first_reviewer, s.first_verdict, s.second_reviewer, s.second_verdict,"
            " c.kind FROM second_checks s JOIN claims c ON c.id = s.claim_id"
            " WHERE s.decided_at IS NOT NULL AND s.first_verdict IS NOT NULL ORDER BY s.id"
        ).fetchall()
