"""Reading claims (filters, orders, full-text search) and the one versioned, audited update
every change to a claim goes through."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from claimcheck.errors import ConflictError, NotFound, StoreError
from claimcheck.extract.repeats import repeat_key
from claimcheck.models import Claim
from claimcheck.store.core import StoreCore, now

# The queue orders: "priority" puts the most urgent (1) first, then the earliest due; claims
# with neither come last, in article order. "due" is the same with the due time first.
ORDERS = {
    "position": "claims.article_id, claims.start, claims.id",
    "score": "claims.checkworthiness DESC, claims.id",
    "priority": "claims.priority IS NULL, claims.priority, claims.due IS NULL, claims.due,"
    " claims.article_id, claims.start, claims.id",
    "due": "claims.due IS NULL, claims.due, claims.priority IS NULL, claims.priority,"
    " claims.article_id, claims.start, claims.id",
    "id": "claims.id",
}


def fts_query(text: str) -> str:
    """Turn what a user types into a safe FTS5 query: every word must appear (prefix match)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"*' for w in words) or '""'


def claim_filter(
    status: str | list[str] | None = None,
    kind: str | list[str] | None = None,
    article_id: int | None = None,
    min_score: float | None = None,
    include_repeats: bool = True,
    search: str | None = None,
    checked_before: float | None = None,
    assigned_to: str | None = None,
    unassigned: bool = False,
    reviewer: str | None = None,
    reviewed_since: str | None = None,
) -> tuple[str, list[Any]]:
    """The WHERE clause (with its parameters) of a claim query: the one filter builder every
    listing, queue and export uses."""
    clauses: list[str] = []
    params: list[Any] = []
    for column, value in (("status", status), ("kind", kind)):
        if value:
            values = [value] if isinstance(value, str) else list(value)
            clauses.append(f"claims.{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if article_id is not None:
        clauses.append("claims.article_id = ?")
        params.append(article_id)
    if min_score is not None:
        clauses.append("claims.checkworthiness >= ?")
        params.append(min_score)
    if not include_repeats:
        clauses.append("claims.canonical_id IS NULL")
    if assigned_to is not None:
        clauses.append("claims.assignee = ?")
        params.append(assigned_to)
    if unassigned:
        clauses.append("claims.assignee IS NULL")
    if reviewer:
        clauses.append("claims.reviewer = ?")
        params.append(reviewer)
    if reviewed_since:  # reviewed claims changed (verdict, note or text) on or after it
        clauses.append("claims.status != 'unreviewed' AND claims.updated_at >= ?")
        params.append(reviewed_since)
    if search:
        clauses.append("claims.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
        params.append(fts_query(search))
    if checked_before is not None:  # the claim memory: a prior match of at least this score
        clauses.append(
            "claims.id IN (SELECT claim_id FROM matches WHERE score >= ?"
            " AND timing != 'later' AND decision IS NOT 'rejected')"
        )
        params.append(checked_before)
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


class Claims(StoreCore):
    def claims(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "position",
        **filters: Any,
    ) -> list[Claim]:
        """Claims matching the filters, by article position or by score."""
        return list(self.iter_claims(limit=limit, offset=offset, order=order, **filters))

    def iter_claims(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "position",
        **filters: Any,
    ) -> Iterator[Claim]:
        """Like claims(), one at a time from a cursor: memory stays flat for any number."""
        where, params = claim_filter(**filters)
        order_by = ORDERS[order]
        sql = f"SELECT * FROM claims{where} ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self.db.query(sql, params):
            yield Claim.from_row(row)

    def count_claims(self, **filters: Any) -> int:
        where, params = claim_filter(**filters)
        return self.db.execute(f"SELECT count(*) FROM claims{where}", params).fetchone()[0]

    def claim(self, claim_id: int) -> Claim:
        rows = list(self.db.query("SELECT * FROM claims WHERE id = ?", [claim_id]))
        if not rows:
            raise NotFound(f"no claim {claim_id}")
        return Claim.from_row(rows[0])

    def next_claim_id(self) -> int:
        """The id after the highest claim id: free while the caller holds the write lock."""
        return self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]

    def missing_claims(self, claim_ids: list[int]) -> list[int]:
        """Those of these ids that no claim has."""
        return [
            claim_id
            for claim_id in claim_ids
            if self.db.execute("SELECT 1 FROM claims WHERE id = ?", [claim_id]).fetchone() is None
        ]

    def quantities(self, claim_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query("SELECT * FROM quantities WHERE claim_id = ? ORDER BY start", [claim_id])
        )

    def quantities_of(self, claim_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The quantities of several claims at once (one query), by claim id."""
        found: dict[int, list[dict[str, Any]]] = {claim_id: [] for claim_id in claim_ids}
        rows = self.db.query(
            f"SELECT * FROM quantities WHERE claim_id IN ({', '.join('?' * len(claim_ids))})"
            " ORDER BY claim_id, start, id",
            claim_ids,
        )
        for row in rows:
            found[row["claim_id"]].append(row)
        return found

    def repeats(self, claim_id: int) -> list[Claim]:
        """The claims that repeat this one (picture captions, standfirsts)."""
        rows = self.db.query(
            "SELECT * FROM claims WHERE canonical_id = ? ORDER BY start", [claim_id]
        )
        return [Claim.from_row(row) for row in rows]

    def update_claim(
        self,
        claim_id: int,
        changes: dict[str, Any],
        *,
        action: str,
        old: str | None,
        new: str | None,
        note: str | None,
        expected_version: int | None,
        reviewer: str | None,
        details: dict[str, Any] | None = None,
    ) -> Claim:
        """Apply changes if the claim is still at expected_version; bump version; log it."""
        current = self.claim(claim_id)
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(current, expected_version)
        who = reviewer or self.reviewer
        values = {**changes, "version": current.version + 1, "updated_at": now()}
        assignments = ", ".join(f"[{k}] = ?" for k in values)
        cursor = self.db.execute(
            f"UPDATE claims SET {assignments} WHERE id = ? AND version = ?",
            [*values.values(), claim_id, current.version],
        )
        if cursor.rowcount != 1:
            raise ConflictError(self.claim(claim_id), current.version)
        self.log_event(
            action,
            claim_id=claim_id,
            article_id=current.article_id,
            old=old,
            new=new,
            note=note,
            details=details,
            reviewer=who,
        )
        return self.claim(claim_id)

    def carry_to_repeats(
        self,
        claim_id: int,
        changes: dict[str, Any],
        *,
        action: str,
        reviewer: str | None,
        describe: Callable[[Claim], dict[str, Any]],
    ) -> None:
        """Give the claim's repeats the change just made to it (a verdict carries to its
        repeats), each an audited update; describe(repeat) gives its event's old, new, note and
        details (which name the claim it came via)."""
        for repeat in self.repeats(claim_id):
            self.update_claim(
                repeat.id,
                changes,
                action=action,
                expected_version=None,
                reviewer=reviewer,
                **describe(repeat),
            )

    def set_note(
        self,
        claim_id: int,
        note: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        with self.transaction():
            current = self.claim(claim_id)
            return self.update_claim(
                claim_id,
                {"note": note},
                action="note",
                old=current.note,
                new=note,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def edit_text(
        self,
        claim_id: int,
        text: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Correct a claim's wording when the extractor split it badly; the sentence is kept."""
        text = text.strip()
        if not text:
            raise StoreError(f"claim {claim_id}: the text cannot be empty")
        with self.transaction():
            current = self.claim(claim_id)
            return self.update_claim(
                claim_id,
                {"text": text},
                action="edit_text",
                old=current.text,
                new=text,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def set_speaker(
        self,
        claim_id: int,
        speaker: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Name who said the claim, where the extractor could not (an unresolved attribution,
        "a spokesman said") or named the wrong one; audited as a `speaker` event. The claim's
        repeat key follows the speaker, as it would have had the extractor found them."""
        speaker = " ".join(speaker.split())
        if not speaker:
            raise StoreError(f"claim {claim_id}: the speaker's name cannot be empty")
        with self.transaction():
            current = self.claim(claim_id)
            resolved = (date.get("resolved") for date in current.dates)
            return self.update_claim(
                claim_id,
                {"speaker": speaker, "repeat_key": repeat_key(current.sentence, speaker, resolved)},
                action="speaker",
                old=current.speaker,
                new=speaker,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
                details={"attribution": current.attribution} if current.attribution else None,
            )

    def article_speakers(self, article_id: int) -> list[str]:
        """The speakers of an article's claims, in claim order (repeats included)."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT speaker FROM claims WHERE article_id = ? AND speaker IS NOT NULL"
                " ORDER BY id",
                [article_id],
            )
        ]

    def search(self, query: str, limit: int = 50) -> list[Claim]:
        return self.claims(search=query, limit=limit)
