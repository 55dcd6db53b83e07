"""Published fact-checks (the claim memory's table) and their word index: writing them in
batches, reading them back, and the rows matching asks for.

The word index holds, per stemmed word, two packed arrays in one row (the fact-checks holding it
and its weight in each); claimcheck/memory/words.py computes them, this module only stores them.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from claimcheck.errors import NotFound
from claimcheck.store.claims import fts_query
from claimcheck.store.core import StoreCore

FACTCHECK_COLUMNS = (
    "key",
    "claim",
    "claimant",
    "claim_date",
    "rating",
    "rating_value",
    "best_rating",
    "worst_rating",
    "verdict",
    "checker",
    "checker_url",
    "url",
    "review_date",
    "appearance",
    "language",
    "figures",
    "origin",
    "imported_at",
)
# A review seen again keeps its row; a changed rating or date (a corrected fact-check) updates it.
CORRECTED = ("rating", "rating_value", "best_rating", "worst_rating", "verdict", "review_date")
_INSERT = (
    f"INSERT INTO factchecks ({', '.join(FACTCHECK_COLUMNS)})"
    f" VALUES ({', '.join('?' * len(FACTCHECK_COLUMNS))})"
)
_READ = 1000


def _marks(values: Sequence[Any]) -> str:
    return ", ".join("?" * len(values))


class FactChecks(StoreCore):
    # ---- writing ---------------------------------------------------------------------------

    def stored_ratings(self, keys: list[str]) -> dict[str, list[Any]]:
        """The CORRECTED fields of the fact-checks already stored under these keys."""
        if not keys:
            return {}
        return {
            key: rest
            for key, *rest in self.db.conn.execute(
                f"SELECT key, {', '.join(CORRECTED)} FROM factchecks WHERE key IN ({_marks(keys)})",
                keys,
            )
        }

    def write_factchecks(
        self, new: list[tuple[Any, ...]], corrected: list[tuple[Any, ...]]
    ) -> None:
        """Insert new fact-checks and correct changed ones, rows in FACTCHECK_COLUMNS order
        (call inside the import's transaction)."""
        conn = self.db.conn
        conn.executemany(_INSERT, new)
        at = [FACTCHECK_COLUMNS.index(name) for name in CORRECTED]
        conn.executemany(
            f"UPDATE factchecks SET {', '.join(f'{name} = ?' for name in CORRECTED)} WHERE key = ?",
            [[row[i] for i in at] + [row[0]] for row in corrected],
        )

    # ---- reading them back -------------------------------------------------------------------

    def factcheck(self, factcheck_id: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM factchecks WHERE id = ?", [factcheck_id]))
        if not rows:
            raise NotFound(f"no fact-check {factcheck_id}")
        return dict(rows[0])

    def factchecks(
        self,
        *,
        checker: str | None = None,
        verdict: str | None = None,
        since: str | None = None,
        limit: int | None = 50,
    ) -> list[dict[str, Any]]:
        """Fact-checks, newest review first, filtered by checker, verdict or review date."""
        clauses: list[str] = []
        params: list[Any] = []
        if checker:
            clauses.append("f.checker LIKE ?")
            params.append(f"%{checker}%")
        if verdict:
            clauses.append("f.verdict = ?")
            params.append(verdict)
        if since:
            clauses.append("f.review_date >= ?")
            params.append(since)
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        sql = f"SELECT * FROM factchecks f{where} ORDER BY review_date DESC, id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(row) for row in self.db.query(sql, params)]

    def search_factchecks(self, words: str, limit: int = 20) -> list[dict[str, Any]]:
        """Fact-checks whose claim or claimant holds every word typed, best first."""
        sql = (
            "SELECT f.* FROM factchecks_fts JOIN factchecks f ON f.id = factchecks_fts.rowid"
            " WHERE factchecks_fts MATCH ? ORDER BY factchecks_fts.rank LIMIT ?"
        )
        return [dict(row) for row in self.db.query(sql, [fts_query(words), limit])]

    def factcheck_stats(self) -> dict[str, Any]:
        """How many fact-checks, from whom, with which verdicts, over which dates."""
        one = lambda sql: self.db.execute(sql).fetchone()  # noqa: E731
        count, first, last = one(
            "SELECT count(*), min(review_date), max(review_date) FROM factchecks"
        )
        return {
            "factchecks": count,
            "first_review": first,
            "last_review": last,
            "undated": one("SELECT count(*) FROM factchecks WHERE review_date IS NULL")[0],
            "by_checker": dict(
                self.db.execute(
                    "SELECT coalesce(checker, '(unnamed)'), count(*) FROM factchecks"
                    " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
                ).fetchall()
            ),
            "by_verdict": dict(
                self.db.execute(
                    "SELECT coalesce(verdict, '(no verdict)'), count(*) FROM factchecks"
                    " GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
        }

    # ---- what matching reads -------------------------------------------------------------------

    def last_factcheck_id(self) -> int:
        return self.db.conn.execute("SELECT coalesce(max(id), 0) FROM factchecks").fetchone()[0]

    def has_factchecks(self) -> bool:
        return bool(self.db.conn.execute("SELECT 1 FROM factchecks LIMIT 1").fetchone())

    def factcheck_candidates(self, ids: list[int]) -> Iterator[tuple[Any, ...]]:
        """(id, claim, claimant, figures, review_date, claim_date) of these fact-checks."""
        for at in range(0, len(ids), 900):
            chunk = ids[at : at + 900]
            yield from self.db.conn.execute(
                "SELECT id, claim, claimant, figures, review_date, claim_date FROM factchecks"
                f" WHERE id IN ({_marks(chunk)})",
                chunk,
            )

    def factchecks_said_between(self, first: str, last: str) -> list[int]:
        """The ids of fact-checks of claims made between two days (an index range)."""
        rows = self.db.conn.execute(
            "SELECT id FROM factchecks WHERE claim_date BETWEEN ? AND ?", [first, last]
        )
        return [row[0] for row in rows]

    # ---- the word index ------------------------------------------------------------------------

    def indexed_up_to(self) -> int:
        return self.db.conn.execute("SELECT upto FROM factcheck_words_done").fetchone()[0]

    def set_indexed_up_to(self, upto: int) -> None:
        self.db.conn.execute("UPDATE factcheck_words_done SET upto = ?", [upto])

    def factcheck_texts_after(self, upto: int) -> Iterator[list[tuple[int, str, str | None]]]:
        """(id, claim, claimant) of the fact-checks above an id, in id order, a batch at a time."""
        cursor = self.db.conn.execute(
            "SELECT id, claim, claimant FROM factchecks WHERE id > ? ORDER BY id", [upto]
        )
        while rows := cursor.fetchmany(_READ):
            yield rows

    def add_word_lists(self, lists: list[tuple[str, int, bytes, bytes]]) -> None:
        """(term, first id, ids, weights) parts of the words' lists, merged by merge_word_lists."""
        self.db.conn.executemany(
            "INSERT INTO factcheck_words (term, first, ids, weights) VALUES (?, ?, ?, ?)", lists
        )

    def merge_word_lists(self, terms: set[str]) -> None:
        """One row per word again: the lists written in parts joined, in id order."""
        conn = self.db.conn
        for term in terms:
            parts = conn.execute(
                "SELECT first, ids, weights FROM factcheck_words WHERE term = ? ORDER BY first",
                [term],
            ).fetchall()
            if len(parts) < 2:
                continue
            conn.execute("DELETE FROM factcheck_words WHERE term = ?", [term])
            conn.execute(
                "INSERT INTO factcheck_words (term, first, ids, weights) VALUES (?, ?, ?, ?)",
                [
                    term,
                    parts[0][0],
                    b"".join(part[1] for part in parts),
                    b"".join(part[2] for part in parts),
                ],
            )

    def word_lists(self, terms: list[str]) -> Iterator[tuple[str, bytes, bytes]]:
        """(term, ids, weights) of these words, by term and then in id order (a word's list is
        in parts only between an import's writes and its merge)."""
        for at in range(0, len(terms), 900):
            chunk = terms[at : at + 900]
            yield from self.db.conn.execute(
                "SELECT term, ids, weights FROM factcheck_words"
                f" WHERE term IN ({_marks(chunk)}) ORDER BY term, first",
                chunk,
            )
