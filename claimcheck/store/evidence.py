"""Ranked passages of a claim's sources and the reviewer's stance on each."""

from __future__ import annotations

from typing import Any

from claimcheck.errors import NotFound, StoreError
from claimcheck.models import STANCES
from claimcheck.store.core import StoreCore, now


class Evidence(StoreCore):
    def evidence(self, claim_id: int) -> list[dict[str, Any]]:
        """The ranked passages stored for a claim, best first, with their snapshot's source and
        the note given with the passage's current stance."""
        return self._evidence_query("e.claim_id = ?", [claim_id])

    def _evidence_query(self, where: str, params: list[Any]) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT e.*, sn.source_id, s.url AS source_url, sn.fetched_at,"
                " CASE WHEN e.stance IS NOT NULL THEN (SELECT ev.note FROM events ev"
                " WHERE ev.claim_id = e.claim_id AND ev.action = 'stance'"
                " AND json_extract(ev.details, '$.evidence_id') = e.id"
                " ORDER BY ev.id DESC LIMIT 1) END AS stance_note"
                " FROM evidence e JOIN snapshots sn ON sn.id = e.snapshot_id"
                " JOIN sources s ON s.id = sn.source_id"
                f" WHERE {where} ORDER BY e.rank, e.score DESC",
                params,
            )
        )

    def replace_evidence(self, claim_id: int, rows: list[dict[str, Any]]) -> None:
        """Store a new ranking of a claim's passages in one transaction. A passage ranked again
        keeps its row (id and stance), also when it comes from a newer copy of its source with
        the same words; a passage the reviewer took a stance on is never dropped: when it is not
        ranked again it stays, ranked after the new ranking."""
        with self.transaction():
            claim = self.claim(claim_id)
            stored = self._stored_evidence(claim_id)
            matched = _match_passages(stored, rows, self._source_ids(rows))
            self._update_evidence(
                [(old["id"], row) for row, old in zip(rows, matched, strict=True) if old]
            )
            stamp = now()
            self.db["evidence"].insert_all(
                {**row, "claim_id": claim_id, "created_at": stamp}
                for row, old in zip(rows, matched, strict=True)
                if old is None
            )
            taken = {old["id"] for old in matched if old is not None}
            left = [old for old in stored if old["id"] not in taken]
            kept = [old for old in left if old["stance"] is not None]
            for rank, old in enumerate(kept, len(rows) + 1):
                self.db.execute("UPDATE evidence SET rank = ? WHERE id = ?", [rank, old["id"]])
            dropped = [old["id"] for old in left if old["stance"] is None]
            if dropped:
                self.db.execute(
                    f"DELETE FROM evidence WHERE id IN ({', '.join('?' * len(dropped))})", dropped
                )
            self.log_event(
                "rank_evidence",
                claim_id=claim_id,
                article_id=claim.article_id,
                details={"passages": len(rows), "kept": len(kept)},
            )

    def _update_evidence(self, updates: list[tuple[int, dict[str, Any]]]) -> None:
        """Give stored passages (by id) their new ranking: rank, score, reasons, place."""
        if not updates:
            return
        columns = list(updates[0][1])
        self.db.conn.executemany(
            f"UPDATE evidence SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
            [(*(row[c] for c in columns), evidence_id) for evidence_id, row in updates],
        )

    def _stored_evidence(self, claim_id: int) -> list[dict[str, Any]]:
        """A claim's evidence rows as replace_evidence matches them, in their ranked order."""
        return list(
            self.db.query(
                "SELECT e.id, e.snapshot_id, e.start, e.[end], e.passage, e.stance,"
                " sn.source_id FROM evidence e JOIN snapshots sn ON sn.id = e.snapshot_id"
                " WHERE e.claim_id = ? ORDER BY e.rank, e.id",
                [claim_id],
            )
        )

    def _source_ids(self, rows: list[dict[str, Any]]) -> dict[int, int]:
        """snapshot id -> source id for the snapshots these rows come from."""
        ids = sorted({row["snapshot_id"] for row in rows})
        if not ids:
            return {}
        return dict(
            self.db.execute(
                f"SELECT id, source_id FROM snapshots WHERE id IN ({', '.join('?' * len(ids))})",
                ids,
            ).fetchall()
        )

    def evidence_row(self, evidence_id: int) -> dict[str, Any]:
        """One stored passage, as `evidence()` gives it."""
        rows = self._evidence_query("e.id = ?", [evidence_id])
        if not rows:
            raise NotFound(f"no evidence {evidence_id}")
        return rows[0]

    def passages_from(self, claim_id: int, source_id: int, limit: int) -> list[str]:
        """The claim's best-ranked passages from this source, those with a stance first."""
        return [
            row[0]
            for row in self.db.execute(
                "SELECT e.passage FROM evidence e JOIN snapshots sn ON sn.id = e.snapshot_id"
                " WHERE e.claim_id = ? AND sn.source_id = ?"
                " ORDER BY e.stance IS NULL, e.rank LIMIT ?",
                [claim_id, source_id, limit],
            )
        ]

    def stance_events(self, claim_id: int) -> list[dict[str, Any]]:
        """Every stance taken on the claim's passages, in order: evidence_id, stance, note,
        reviewer."""
        return list(
            self.db.query(
                "SELECT json_extract(details, '$.evidence_id') AS evidence_id, new AS stance,"
                " note, reviewer FROM events WHERE action = 'stance' AND claim_id = ?"
                " ORDER BY id",
                [claim_id],
            )
        )

    def set_stance(
        self,
        evidence_id: int,
        stance: str | None,
        *,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> dict[str, Any]:
        """Record the reviewer's stance on a passage (None clears it), audited as a `stance`
        event that also keeps the note. Setting the stance it already has, without a note,
        writes nothing. Returns the passage as `evidence()` gives it."""
        if stance is not None and stance not in STANCES:
            raise StoreError(f"unknown stance {stance!r}: choose one of {', '.join(STANCES)}")
        with self.transaction():
            current = self.evidence_row(evidence_id)
            if current["stance"] == stance and note is None:
                return current
            self.db.execute("UPDATE evidence SET stance = ? WHERE id = ?", [stance, evidence_id])
            self.log_event(
                "stance",
                claim_id=current["claim_id"],
                article_id=self.claim(current["claim_id"]).article_id,
                old=current["stance"],
                new=stance,
                note=note,
                reviewer=reviewer,
                details={
                    "evidence_id": evidence_id,
                    "snapshot_id": current["snapshot_id"],
                    "start": current["start"],
                    "end": current["end"],
                },
            )
            return self.evidence_row(evidence_id)


def _match_passages(
    stored: list[dict[str, Any]], rows: list[dict[str, Any]], source_ids: dict[int, int]
) -> list[dict[str, Any] | None]:
    """For each newly ranked row, the stored row it is the same passage as: the same place in
    the same snapshot, else the same words in the same source (a newer copy), rows with a
    stance taken first; None for a passage not stored before."""
    by_place = {(r["snapshot_id"], r["start"], r["end"]): r for r in stored}
    matched = [by_place.pop((r["snapshot_id"], r["start"], r["end"]), None) for r in rows]
    by_words: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for old in sorted(by_place.values(), key=lambda r: r["stance"] is None):
        by_words.setdefault((old["source_id"], _words(old["passage"])), []).append(old)
    for index, row in enumerate(rows):
        if matched[index] is None:
            key = (source_ids.get(row["snapshot_id"], -1), _words(row["passage"]))
            candidates = by_words.get(key)
            matched[index] = candidates.pop(0) if candidates else None
    return matched


def _words(text: str | None) -> str:
    return " ".join((text or "").split())
