"""Second checks: a flagged claim waits for a different reviewer, whose verdict is compared
with the first one's, kept out of sight until then."""

from __future__ import annotations

from typing import Any

from claimcheck.errors import StoreError
from claimcheck.models import VERDICTS, Claim
from claimcheck.store.core import StoreCore, now


class SecondChecks(StoreCore):
    def flag_for_second_check(
        self,
        claim_id: int,
        first_verdict: str | None = None,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Mark a claim flagged for a second reviewer, keeping this reviewer's provisional
        verdict (None: no opinion) out of sight until the second reviewer has decided."""
        if first_verdict is not None and first_verdict not in VERDICTS[:4]:
            raise StoreError(f"claim {claim_id}: {first_verdict!r} is not a verdict to compare")
        who = reviewer or self.reviewer
        with self.transaction():
            if self.open_second_check(claim_id) is not None:
                raise StoreError(f"claim {claim_id} is already waiting for a second check")
            claim = self.set_verdict(
                claim_id, "flagged", reviewer=who, expected_version=expected_version
            )
            self.db.execute(
                "INSERT INTO second_checks (claim_id, first_reviewer, first_verdict, first_note,"
                " flagged_at) VALUES (?, ?, ?, ?, ?)",
                [claim_id, who, first_verdict, note, now()],
            )
            self.log_event(
                "flag",
                claim_id=claim_id,
                article_id=claim.article_id,
                new=first_verdict,
                note=note,
                reviewer=who,
            )
        return claim

    def open_second_check(self, claim_id: int) -> dict[str, Any] | None:
        """The undecided second check of a claim, if it has one."""
        rows = list(
            self.db.query(
                "SELECT * FROM second_checks WHERE claim_id = ? AND decided_at IS NULL"
                " ORDER BY id DESC LIMIT 1",
                [claim_id],
            )
        )
        return rows[0] if rows else None

    def second_check_verdict(
        self,
        claim_id: int,
        verdict: str,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        """Record the second reviewer's verdict on a flagged claim; returns the closed check,
        first verdict included, now that it may be shown."""
        who = reviewer or self.reviewer
        with self.transaction():
            check = self.open_second_check(claim_id)
            if check is None:
                raise StoreError(f"claim {claim_id} is not waiting for a second check")
            if check["first_reviewer"] == who:
                raise StoreError(
                    f"claim {claim_id}: you flagged it; a different reviewer must check it"
                )
            claim = self.set_verdict(
                claim_id, verdict, note=note, reviewer=who, expected_version=expected_version
            )
            agreed = (
                None if check["first_verdict"] is None else int(check["first_verdict"] == verdict)
            )
            stamp = now()
            self.db.execute(
                "UPDATE second_checks SET second_reviewer = ?, second_verdict = ?,"
                " decided_at = ?, agreed = ? WHERE id = ?",
                [who, verdict, stamp, agreed, check["id"]],
            )
            self.log_event(
                "second_check",
                claim_id=claim_id,
                article_id=claim.article_id,
                old=check["first_verdict"],
                new=verdict,
                reviewer=who,
                details={"agreed": agreed, "first_reviewer": check["first_reviewer"]},
            )
        return {**check, "second_reviewer": who, "second_verdict": verdict, "agreed": agreed}

    def reopen_second_check(self, claim_id: int, *, reviewer: str | None = None) -> bool:
        """After an undo put a claim back to flagged, the check this reviewer had decided is
        open again (and no longer counted); False when there is nothing to reopen."""
        who = reviewer or self.reviewer
        with self.transaction():
            claim = self.claim(claim_id)
            if claim.status != "flagged" or self.open_second_check(claim_id) is not None:
                return False
            row = self.db.execute(
                "SELECT id, second_verdict FROM second_checks WHERE claim_id = ?"
                " AND second_reviewer = ? AND decided_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                [claim_id, who],
            ).fetchone()
            if row is None:
                return False
            self.db.execute(
                "UPDATE second_checks SET second_reviewer = NULL, second_verdict = NULL,"
                " decided_at = NULL, agreed = NULL WHERE id = ?",
                [row[0]],
            )
            self.log_event(
                "reopen_second_check",
                claim_id=claim_id,
                article_id=claim.article_id,
                old=row[1],
                reviewer=who,
            )
        return True

    def second_check_stats(self) -> dict[str, Any]:
        """How often second reviewers agreed with the first (checks with a first verdict)."""
        row = self.db.execute(
            "SELECT count(*) FILTER (WHERE decided_at IS NULL AND claim_id IN"
            " (SELECT id FROM claims WHERE status = 'flagged')),"
            " count(*) FILTER (WHERE decided_at IS NOT NULL),"
            " count(*) FILTER (WHERE agreed IS NOT NULL), coalesce(sum(agreed), 0)"
            " FROM second_checks"
        ).fetchone()
        compared, agreed = row[2], row[3]
        return {
            "open": row[0],
            "decided": row[1],
            "compared": compared,
            "agreed": agreed,
            "agreement": round(agreed / compared, 3) if compared else None,
        }
