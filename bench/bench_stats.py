"""`claimcheck stats` at 100,000 and 1,000,000 claims: the counts the triggers keep (Store.stats)
against the full scan stats used to run, on the same generated database in the same run
(medians of REPEAT calls each, the database warm in the page cache for both).

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
from tests.bulk_db import build

SIZES = (100_000, 1_000_000)
REPEAT = 7


def scan(store: Store) -> dict[str, Any]:
    """The figures as stats computed them before the counts: a pass over the claims for each."""
    one = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    by = lambda column: dict(  # noqa: E731
        store.db.execute(
            f"SELECT {column}, count(*) FROM claims WHERE canonical_id IS NULL"
            f" GROUP BY {column} ORDER BY count(*) DESC"
        ).fetchall()
    )
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "claims": one("SELECT count(*) FROM claims"),
        "distinct_claims": one("SELECT count(*) FROM claims WHERE canonical_id IS NULL"),
        "repeats": one("SELECT count(*) FROM claims WHERE canonical_id IS NOT NULL"),
        "reviewed": one(
            "SELECT count(*) FROM claims WHERE canonical_id IS NULL AND status != 'unreviewed'"
        ),
        "by_status": by("status"),
        "by_kind": by("kind"),
        "quantities": one("SELECT count(*) FROM quantities"),
        "sources": one("SELECT count(*) FROM sources"),
        "snapshots": one("SELECT count(*) FROM snapshots"),
        "events": one("SELECT count(*) FROM events"),
        "second_checks": store.second_check_stats(),
    }


def median_ms(run: Callable[[], object]) -> float:
    times = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


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
                assert counted == scan(store), "the kept counts differ from a scan"
                ours = median_ms(store.stats)
                baseline = median_ms(lambda store=store: scan(store))
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
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
