"""Loading fact-checks into claims.db and asking it about them: import, list, search, stats.

A file goes in whole or not at all: its records are streamed into one write transaction, and
the first unreadable record (or, with `skip_invalid`, none) rolls the file back. Memory stays
flat however large the file: records are written a thousand at a time.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.memory.feeds import FactCheck, FeedError, read_feed
from claimcheck.memory.matching import figure_keys
from claimcheck.memory.ratings import verdict_for
from claimcheck.memory.words import catch_up
from claimcheck.store import NotFound, Store, fts_query, now

BATCH = 1000
_COLUMNS = (
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
_INSERT = (
    f"INSERT INTO factchecks ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * len(_COLUMNS))})"
)
# A review seen again keeps its row; a changed rating or date (a corrected fact-check) updates it.
_CORRECTED = ("rating", "rating_value", "best_rating", "worst_rating", "verdict", "review_date")


@dataclass
class ImportSummary:
    """What one file brought: new reviews, corrected ones, ones already there, and errors."""

    path: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    errors: list[str] = field(default_factory=list)
    written: bool = False


def _row(check: FactCheck, stamp: str) -> tuple[Any, ...]:
    verdict = verdict_for(check.rating, check.rating_value, check.best_rating, check.worst_rating)
    values = {
        **check.__dict__,
        "key": check.key,
        "verdict": verdict,
        "figures": json.dumps(figure_keys(check.claim)),
        "imported_at": stamp,
    }
    return tuple(values[c] for c in _COLUMNS)


def import_file(store: Store, path: Path, *, skip_invalid: bool = False) -> ImportSummary:
    """Load one file of ClaimReview in one transaction; any unreadable record leaves the
    database as it was (unless skip_invalid, which loads the rest and reports the errors)."""
    summary = ImportSummary(str(path))
    stamp = now()
    try:
        with store.transaction():
            batch: list[tuple[Any, ...]] = []
            for found in read_feed(path):
                if isinstance(found, FeedError):
                    summary.errors.append(str(found))
                    continue
                batch.append(_row(found, stamp))
                if len(batch) >= BATCH:
                    _write(store, batch, summary)
                    batch = []
            _write(store, batch, summary)
            if not (summary.added or summary.updated or summary.unchanged or summary.errors):
                summary.errors.append(f"{path}: no ClaimReview in it (nothing to import)")
            if summary.errors and not skip_invalid:
                raise _Unreadable
            catch_up(store.db.conn)
            if summary.added or summary.updated:
                store.log_event(
                    "import_factchecks",
                    new=str(path),
                    details={"added": summary.added, "updated": summary.updated},
                )
    except _Unreadable:
        summary.added = summary.updated = summary.unchanged = 0
        return summary
    summary.written = True
    return summary


class _Unreadable(Exception):
    """A record of the file could not be read: the file's transaction is rolled back."""


def _write(store: Store, rows: list[tuple[Any, ...]], summary: ImportSummary) -> None:
    """Insert the new reviews of a batch and correct the changed ones; count each kind."""
    if not rows:
        return
    conn = store.db.conn
    latest = {row[0]: row for row in rows}  # the same review twice in a file: the later wins
    summary.unchanged += len(rows) - len(latest)
    at = [_COLUMNS.index(name) for name in _CORRECTED]
    stored = {
        key: rest
        for key, *rest in conn.execute(
            f"SELECT key, {', '.join(_CORRECTED)} FROM factchecks"
            f" WHERE key IN ({', '.join('?' * len(latest))})",
            list(latest),
        )
    }
    new = [row for key, row in latest.items() if key not in stored]
    corrected = [
        row for key, row in latest.items() if key in stored and [row[i] for i in at] != stored[key]
    ]
    conn.executemany(_INSERT, new)
    conn.executemany(
        f"UPDATE factchecks SET {', '.join(f'{name} = ?' for name in _CORRECTED)} WHERE key = ?",
        [[row[i] for i in at] + [row[0]] for row in corrected],
    )
    summary.added += len(new)
    summary.updated += len(corrected)
    summary.unchanged += len(latest) - len(new) - len(corrected)


# ---- reading them back ---------------------------------------------------------------------


def factcheck(store: Store, factcheck_id: int) -> dict[str, Any]:
    rows = list(store.db.query("SELECT * FROM factchecks WHERE id = ?", [factcheck_id]))
    if not rows:
        raise NotFound(f"no fact-check {factcheck_id}")
    return dict(rows[0])


def list_factchecks(
    store: Store,
    *,
    checker: str | None = None,
    verdict: str | None = None,
    since: str | None = None,
    limit: int | None = 50,
) -> list[dict[str, Any]]:
    """Fact-checks, newest review first, filtered by checker, verdict or review date."""
    clauses, params = _filters(checker, verdict, since)
    sql = f"SELECT * FROM factchecks f{clauses} ORDER BY review_date DESC, id DESC"
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(row) for row in store.db.query(sql, params)]


def search_factchecks(store: Store, words: str, limit: int = 20) -> list[dict[str, Any]]:
    """Fact-checks whose claim or claimant holds every word typed, best first."""
    sql = (
        "SELECT f.* FROM factchecks_fts JOIN factchecks f ON f.id = factchecks_fts.rowid"
        " WHERE factchecks_fts MATCH ? ORDER BY factchecks_fts.rank LIMIT ?"
    )
    return [dict(row) for row in store.db.query(sql, [fts_query(words), limit])]


def factcheck_stats(store: Store) -> dict[str, Any]:
    """How many fact-checks, from whom, with which verdicts, over which dates."""
    one = lambda sql: store.db.execute(sql).fetchone()  # noqa: E731
    count, first, last = one("SELECT count(*), min(review_date), max(review_date) FROM factchecks")
    return {
        "factchecks": count,
        "first_review": first,
        "last_review": last,
        "undated": one("SELECT count(*) FROM factchecks WHERE review_date IS NULL")[0],
        "by_checker": dict(
            store.db.execute(
                "SELECT coalesce(checker, '(unnamed)'), count(*) FROM factchecks"
                " GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"
            ).fetchall()
        ),
        "by_verdict": dict(
            store.db.execute(
                "SELECT coalesce(verdict, '(no verdict)'), count(*) FROM factchecks"
                " GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
    }


def _filters(checker: str | None, verdict: str | None, since: str | None) -> tuple[str, list[Any]]:
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
    return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def import_files(
    store: Store, paths: Iterable[Path], *, skip_invalid: bool = False
) -> Iterator[ImportSummary]:
    """Each file in its own transaction; one failing file does not stop the others."""
    for path in paths:
        yield import_file(store, path, skip_invalid=skip_invalid)
