"""`claimcheck stats` at 100,000 and 1,000,000 claims: the counts the triggers keep (Store.stats)
against the full scan stats used to run, on the same generated database in the same run
(medians of REPEAT calls each, the database warm in the page cache for both). Then what the
count triggers cost a write: inserting INSERTED claims (full-text triggers on, as in `add`)
with and without them, medians of 3 interleaved runs.

    .venv/bin/python -m bench.bench_stats [CLAIMS...]

Prints a line per size, then one line of JSON.
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimcheck.store import Store
from tests.bulk_db import build, claim_row, scanned_stats

SIZES = (100_000, 1_000_000)
REPEAT = 7
INSERTED = 50_000


def median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def insert_seconds(db: Path, counted: bool) -> float:
    """Seconds to insert INSERTED claims in one transaction into a fresh database."""
    with Store(db) as store:
        conn = store.db.conn
        with store.transaction():
            if not counted:
                for (name,) in conn.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'trigger'"
                    " AND name LIKE '%\\_count\\_%' ESCAPE '\\'"
                ).fetchall():
                    conn.execute(f"DROP TRIGGER [{name}]")
            conn.executemany(
                "INSERT INTO articles (id, url, sha256, text) VALUES (?, ?, ?, '')",
                [(a + 1, f"https://news.example.org/{a}", f"sha{a}") for a in range(501)],
            )
        columns = Store.IMPORT_CLAIM_COLUMNS
        rows = [tuple(claim_row(n, 100).get(c) for c in columns) for n in range(INSERTED)]
        start = time.perf_counter()
        with store.transaction():
            conn.executemany(
                f"INSERT INTO claims ({', '.join(f'[{c}]' for c in columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                rows,
            )
        return time.perf_counter() - start


def main() -> None:
    sizes = [int(a) for a in sys.argv[1:] if a.isdigit()] or list(SIZES)
    figures: dict[str, Any] = {"bench": "stats", "runs": REPEAT}
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            db = Path(tmp) / f"claims-{size}.db"
            start = time.perf_counter()
            build(db, size)
            built = time.perf_counter() - start
            with Store(db) as store:
                counted = store.stats()
                assert counted == scanned_stats(store), "the kept counts differ from a scan"
                ours = median_ms(store.stats)
                baseline = median_ms(lambda store=store: scanned_stats(store))
            print(
                f"{size:>9,} claims (built in {built:.0f} s): stats from kept counts"
                f" {ours:7.2f} ms; full scan (before) {baseline:8.1f} ms;"
                f" {baseline / ours:,.0f}x faster"
            )
            figures[str(size)] = {
                "counts_ms": round(ours, 2),
                "scan_ms": round(baseline, 1),
                "speed_up": round(baseline / ours),
            }
        runs: dict[bool, list[float]] = {True: [], False: []}
        for attempt in range(3):
            for counted in (False, True):
                runs[counted].append(
                    insert_seconds(Path(tmp) / f"insert-{counted}-{attempt}.db", counted)
                )
    bare, counted = statistics.median(runs[False]), statistics.median(runs[True])
    print(
        f"inserting {INSERTED:,} claims (full-text triggers on): {bare:.2f} s without the count"
        f" triggers, {counted:.2f} s with them ({counted / bare - 1:+.0%})"
    )
    figures["insert_cost"] = round(counted / bare - 1, 3)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
