"""The claim memory's matches: stored with score and reasons, read back with what the reviewer
needs to judge them, decided; and the claims matching reads and reaches. What matches and why is
claimcheck/memory/'s; this module only stores and reads."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from claimcheck.errors import NotFound
from claimcheck.store.core import StoreCore, now


@dataclass(frozen=True)
class StoredMatch:
    """A match as stored, with what the reviewer needs to judge it."""

    id: int
    claim_id: int
    target: str
    score: float
    reasons: list[str]
    timing: str
    decision: str | None
    decided_by: str | None
    text: str
    rating: str | None
    verdict: str | None
    by: str | None
    date: str | None
    url: str | None
    factcheck_id: int | None
    earlier_claim_id: int | None

    @property
    def prior(self) -> bool:
        return self.timing != "later"

    def line(self) -> str:
        """'Checked before: False by PolitiFact, 2019-10-30' (or 'Checked later: ...')."""
        when = "Checked later" if self.timing == "later" else "Checked before"
        rating = self.rating or self.verdict or "?"
        return f"{when}: {rating} by {self.by or '?'}, {self.date or 'undated'}"


# A match's target in words ("factcheck:12", "claim:34"), as matching.Match.target names it.
TARGET = (
    "CASE WHEN m.factcheck_id IS NOT NULL THEN 'factcheck:' || m.factcheck_id"
    " ELSE 'claim:' || m.earlier_claim_id END"
)
_SELECT = """
SELECT m.id, m.claim_id, {TARGET}, m.score, m.reasons, m.timing, m.decision, m.decided_by,
       coalesce(f.claim, e.text), coalesce(f.rating, e.status), coalesce(f.verdict, e.status),
       coalesce(f.checker, e.reviewer), coalesce(f.review_date, substr(e.updated_at, 1, 10)),
       coalesce(f.url, ea.url), m.factcheck_id, m.earlier_claim_id
FROM matches m
LEFT JOIN factchecks f ON f.id = m.factcheck_id
LEFT JOIN claims e ON e.id = m.earlier_claim_id
LEFT JOIN articles ea ON ea.id = e.article_id
""".replace("{TARGET}", TARGET)


def _stored(row: tuple[Any, ...]) -> StoredMatch:
    values = list(row)
    values[4] = json.loads(values[4] or "[]")
    return StoredMatch(*values)


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


class Matches(StoreCore):
    # ---- reading matches -----------------------------------------------------------------------

    def claim_matches(self, claim_id: int, *, include_rejected: bool = False) -> list[StoredMatch]:
        """A claim's matches, best first (rejected ones only when asked for)."""
        where = "" if include_rejected else " AND m.decision IS NOT 'rejected'"
        rows = self.db.execute(
            _SELECT + f" WHERE m.claim_id = ?{where} ORDER BY m.score DESC, m.id", [claim_id]
        ).fetchall()
        return [_stored(row) for row in rows]

    def all_matches(self) -> Iterator[StoredMatch]:
        """Every stored match, rejected ones too, by claim then score: for an export."""
        cursor = self.db.execute(_SELECT + " ORDER BY m.claim_id, m.score DESC, m.id")
        while rows := cursor.fetchmany(500):
            yield from (_stored(row) for row in rows)

    def match(self, match_id: int) -> StoredMatch:
        row = self.db.execute(_SELECT + " WHERE m.id = ?", [match_id]).fetchone()
        if row is None:
            raise NotFound(f"no match {match_id}")
        return _stored(row)

    def adopted_factchecks(self, claim_id: int) -> list[tuple[str, str | None, str | None, Any]]:
        """(url, checker, review date, rating) of the fact-checks adopted for a claim, best
        match first (those with an address only)."""
        return self.db.execute(
            "SELECT f.url, f.checker, f.review_date, f.rating FROM matches m JOIN factchecks f"
            " ON f.id = m.factcheck_id WHERE m.claim_id = ? AND m.decision = 'adopted'"
            " AND f.url IS NOT NULL ORDER BY m.score DESC, m.id",
            [claim_id],
        ).fetchall()

    # ---- writing matches -----------------------------------------------------------------------

    def decided_targets(self, claim_id: int) -> set[str]:
        """The targets of a claim's matches a reviewer decided (adopted or rejected)."""
        return {
            target
            for (target,) in self.db.conn.execute(
                f"SELECT {TARGET} FROM matches m WHERE claim_id = ? AND decision IS NOT NULL",
                [claim_id],
            )
        }

    def replace_undecided_matches(self, claim_id: int, rows: list[tuple[Any, ...]]) -> None:
        """A claim's undecided matches replaced by these (factcheck_id, earlier_claim_id, score,
        reasons, timing, created_at) rows; call inside a transaction."""
        conn = self.db.conn
        conn.execute("DELETE FROM matches WHERE claim_id = ? AND decision IS NULL", [claim_id])
        conn.executemany(
            "INSERT INTO matches (claim_id, factcheck_id, earlier_claim_id, score, reasons,"
            " timing, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(claim_id, *row) for row in rows],
        )

    def decide_match(
        self, found: StoredMatch, decision: str, who: str, event: str, details: dict[str, Any]
    ) -> None:
        """Record a reviewer's decision on a match and its audit event (inside a transaction)."""
        self.db.execute(
            "UPDATE matches SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
            [decision, who, now(), found.id],
        )
        self.log_event(
            event,
            claim_id=found.claim_id,
            old=found.decision,
            new=decision,
            note=found.target,
            details={"match_id": found.id, "target": found.target, "score": found.score, **details},
            reviewer=who,
        )

    # ---- the claims matching reads -----------------------------------------------------------

    def has_claims_with_status(self, statuses: Sequence[str]) -> bool:
        return bool(
            self.db.conn.execute(
                f"SELECT 1 FROM claims WHERE status IN ({_marks(statuses)}) LIMIT 1", statuses
            ).fetchone()
        )

    def claims_to_match(self, ids: list[int]) -> list[tuple[int, str, str | None, int, str | None]]:
        """(id, text, speaker, article id, article date) of these claims, repeats left out."""
        return self.db.conn.execute(
            "SELECT c.id, c.text, c.speaker, c.article_id, coalesce(a.published,"
            " substr(a.ingested_at, 1, 10)) FROM claims c JOIN articles a ON"
            f" a.id = c.article_id WHERE c.id IN ({_marks(ids)})"
            " AND c.canonical_id IS NULL",
            ids,
        ).fetchall()

    def claim_quantities(self, ids: list[int]) -> Iterator[tuple[int, float, str | None]]:
        """(claim id, value, unit) of the figures the extractor found in these claims."""
        if ids:
            yield from self.db.conn.execute(
                f"SELECT claim_id, value, unit FROM quantities WHERE claim_id IN ({_marks(ids)})",
                ids,
            )

    def distinct_claim_ids(
        self, *, article_id: int | None = None, unreviewed_only: bool = True
    ) -> list[int]:
        """The ids of claims that are no repeat, in id order: unreviewed ones only, or of one
        article only, when asked."""
        clauses = ["canonical_id IS NULL"]
        params: list[Any] = []
        if unreviewed_only:
            clauses.append("status = 'unreviewed'")
        if article_id is not None:
            clauses.append("article_id = ?")
            params.append(article_id)
        return [
            row[0]
            for row in self.db.execute(
                f"SELECT id FROM claims WHERE {' AND '.join(clauses)} ORDER BY id", params
            )
        ]

    def offered_to(self, claim_id: int) -> set[int]:
        """The claims this claim is offered to as an earlier check, undecided."""
        return {
            found
            for (found,) in self.db.conn.execute(
                "SELECT claim_id FROM matches WHERE earlier_claim_id = ? AND decision IS NULL",
                [claim_id],
            )
        }

    def claim_word_counts(self, words: Sequence[str]) -> tuple[int, dict[str, int]]:
        """How many claims there are, and how many hold each of these words (lower case), by the
        vocabulary of the claims' full-text index."""
        conn = self.db.conn
        conn.execute(
            "CREATE VIRTUAL TABLE IF NOT EXISTS temp.claims_terms"
            " USING fts5vocab(main, claims_fts, 'row')"
        )
        total = conn.execute("SELECT ifnull(sum(n), 0) FROM claim_counts").fetchone()[0]
        counts = dict(
            conn.execute(
                f"SELECT term, doc FROM temp.claims_terms WHERE term IN ({_marks(words)})",
                list(words),
            )
        )
        return total, counts

    def unreviewed_claims_like(
        self, expression: str, *, other_than_article: int | None, hits: int, limit: int
    ) -> list[int]:
        """Unreviewed claims (no repeats) of other articles matching an FTS5 expression, best
        ranked first: at most `limit` of the `hits` best ranked claims."""
        return [
            found
            for (found,) in self.db.conn.execute(
                "SELECT c.id FROM (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ?"
                " ORDER BY rank LIMIT ?) h JOIN claims c ON c.id = h.rowid"
                " WHERE c.status = 'unreviewed' AND c.article_id IS NOT ?"
                " AND c.canonical_id IS NULL ORDER BY h.rank LIMIT ?",
                [expression, hits, other_than_article, limit],
            )
        ]

    def desk_candidates(
        self,
        expression: str,
        statuses: Sequence[str],
        *,
        other_than_article: int | None,
        hits: int,
    ) -> list[tuple[int, str, str | None, str | None, str, float]]:
        """(id, text, speaker, article date, updated at, FTS5 score) of the claims with one of
        these statuses (no repeats) of other articles among the `hits` best ranked for an FTS5
        expression, best first."""
        return self.db.conn.execute(
            "SELECT c.id, c.text, c.speaker, a.published, c.updated_at, -h.rank FROM"
            " (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ? ORDER BY rank LIMIT ?)"
            " h JOIN claims c ON c.id = h.rowid JOIN articles a ON a.id = c.article_id"
            f" WHERE c.status IN ({_marks(statuses)})"
            " AND c.article_id IS NOT ? AND c.canonical_id IS NULL ORDER BY h.rank",
            [expression, hits, *statuses, other_than_article],
        ).fetchall()
