"""Loading fact-checks into claims.db: a ClaimReview file read, rated and written (listing,
search and stats are the store's: store/factchecks.py).

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
from claimcheck.store import Store, now
from claimcheck.store.factchecks import CORRECTED, FACTCHECK_COLUMNS

BATCH = 1000


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
    return tuple(values[c] for c in FACTCHECK_COLUMNS)


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
            catch_up(store)
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
    latest = {row[0]: row for row in rows}  # the same review twice in a file: the later wins
    summary.unchanged += len(rows) - len(latest)
    at = [FACTCHECK_COLUMNS.index(name) for name in CORRECTED]
    stored = store.stored_ratings(list(latest))
    new = [row for key, row in latest.items() if key not in stored]
    corrected = [
        row for key, row in latest.items() if key in stored and [row[i] for i in at] != stored[key]
    ]
    store.write_factchecks(new, corrected)
    summary.added += len(new)
    summary.updated += len(corrected)
    summary.unchanged += len(latest) - len(new) - len(corrected)


def import_files(
    store: Store, paths: Iterable[Path], *, skip_invalid: bool = False
) -> Iterator[ImportSummary]:
    """Each file in its own transaction; one failing file does not stop the others."""
    for path in paths:
        yield import_file(store, path, skip_invalid=skip_invalid)
