"""Verdicts, carried to a claim's repeats, and undo."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.errors import StoreError, UndoRefused
from claimcheck.models import STATUSES, Claim
from claimcheck.store.core import StoreCore


class Verdicts(StoreCore):
    def set_verdict(
        self,
        claim_id: int,
        status: str,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
        replaces: str | None = None,
    ) -> Claim:
        """Record a verdict (and carry it to the claim's repeats) in one transaction. A note
        belongs to the verdict it was written for: without one, the claim keeps only a note this
        reviewer wrote. The event keeps the note and reviewer it replaced, for undo."""
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
        who = reviewer or self.reviewer
        with self.transaction():
            current = self.claim(claim_id)
            if note is None and current.note and self._note_author(claim_id) == who:
                note = current.note
            changes: dict[str, Any] = {"status": status, "reviewer": who, "note": note}
            details: dict[str, Any] = {"old_reviewer": current.reviewer}
            if note != current.note:
                details["old_note"] = current.note
            if replaces:
                details["replaces"] = replaces
            claim = self.update_claim(
                claim_id,
                changes,
                action="verdict",
                old=current.status,
                new=status,
                note=note,
                expected_version=expected_version,
                reviewer=who,
                details=details,
            )
            self.carry_to_repeats(
                claim_id,
                changes,
                action="verdict",
                reviewer=who,
                describe=lambda repeat: {
                    "old": repeat.status,
                    "new": status,
                    "note": note,
                    "details": {"via": claim_id, "old_note": repeat.note},
                },
            )
        return claim

    def _note_author(self, claim_id: int) -> str | None:
        """Who wrote the claim's note: the reviewer of the latest event that set one."""
        row = self.db.execute(
            "SELECT reviewer FROM events WHERE claim_id = ? AND (action = 'note'"
            " OR (action = 'verdict' AND note IS NOT NULL)) ORDER BY id DESC LIMIT 1",
            [claim_id],
        ).fetchone()
        return row[0] if row else None

    def undone_event_ids(self, reviewer: str | None = None) -> set[int]:
        """The ids of the events undone (by this reviewer, or by anyone)."""
        sql = "SELECT json_extract(details, '$.undoes') FROM events WHERE action = 'undo'"
        params = [] if reviewer is None else [reviewer]
        return {row[0] for row in self.db.execute(sql + " AND reviewer = ?" * bool(params), params)}

    def undo(self, reviewer: str | None = None) -> Claim | None:
        """Reverse this reviewer's latest verdict or note not yet undone, when nothing newer
        stands on it: a later verdict or note by anyone (not itself undone) makes this raise
        UndoRefused. The undo event records every field it changes, old and new."""
        who = reviewer or self.reviewer
        with self.transaction():
            undone = self.undone_event_ids()
            event = next(
                (
                    row
                    for row in self.db.query(
                        "SELECT * FROM events WHERE action IN ('verdict', 'note') AND reviewer = ?"
                        " AND (details IS NULL OR json_extract(details, '$.via') IS NULL)"
                        " ORDER BY id DESC",
                        [who],
                    )
                    if row["id"] not in undone
                ),
                None,
            )
            if event is None:
                return None
            claim = self.claim(event["claim_id"])
            for later in self.db.query(
                "SELECT * FROM events WHERE claim_id = ? AND id > ?"
                " AND action IN ('verdict', 'note', 'import_update') ORDER BY id",
                [claim.id, event["id"]],
            ):
                if later["id"] not in undone:
                    raise UndoRefused(
                        f"claim {claim.id}: {later['reviewer']} changed it after your"
                        f" {event['action']} ({later['action']} {later['new'] or ''}".rstrip()
                        + "); nothing undone"
                    )
            details = json.loads(event["details"] or "{}")
            if event["action"] == "note":
                changes: dict[str, Any] = {"note": event["old"]}
            else:
                changes = {"status": event["old"]}
                changes.update(
                    {k[4:]: details[k] for k in ("old_note", "old_reviewer") if k in details}
                )

            def undoing(target: Claim, via: dict[str, int]) -> dict[str, Any]:
                fields = {k: [getattr(target, k), v] for k, v in changes.items()}
                return {
                    "old": target.status,
                    "new": changes.get("status", target.status),
                    "note": None,
                    "details": {"undoes": event["id"], "changes": fields} | via,
                }

            restored = self.update_claim(
                claim.id,
                changes,
                action="undo",
                expected_version=None,
                reviewer=who,
                **undoing(claim, {}),
            )
            if event["action"] == "verdict":
                self.carry_to_repeats(
                    claim.id,
                    changes,
                    action="undo",
                    reviewer=who,
                    describe=lambda repeat: undoing(repeat, {"via": claim.id}),
                )
            return restored
