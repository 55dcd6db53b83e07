"""Export speed and memory: 1,000,000 claims to CSV and JSONL with `claimcheck export`, each run in
a fresh interpreter that reports its own peak memory (VmHWM, bench.peak); the baseline, in the same
run, is a bare sqlite3 cursor over the claims table written by csv.writer / json.dumps.

    .venv/bin/python -m bench.bench_export [CLAIMS]
"""

from __future__ import annotations

import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.peak import run_measured
from claimcheck.store import Store

CLAIMS = 1_000_000
PER_ARTICLE = 100
REPEAT = 3
STAMP = "2024-09-14T10:00:00.000+00:00"

BASELINE = """
import csv, json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
rows = conn.execute("SELECT * FROM claims ORDER BY id")
names = [d[0] for d in rows.description]
with open(sys.argv[3], "w", encoding="utf-8", newline="") as out:
    if sys.argv[2] == "csv":
        writer = csv.writer(out, lineterminator="\\n")
        writer.writerow(names)
        writer.writerows(rows)
    else:
        for row in rows:
            out.write(json.dumps(dict(zip(names, row)), ensure_ascii=False) + "\\n")
"""


def build(db: Path, count: int) -> None:
    """A database of `count` claims, each with a quantity, one in ten citing a source.

    The full-text triggers are dropped while filling it and put back after: exports never read
    the FTS index, and indexing a million sentences would only make the set-up slow."""
    with Store(db) as store:
        conn = store.db.conn
        triggers = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'claims_fts%'"
        ).fetchall()
        with store.transaction():
            for name, _ in triggers:
                conn.execute(f"DROP TRIGGER [{name}]")
            conn.executemany(
                "INSERT INTO articles (id, url, title, outlet, published, text, ingested_at)"
                " VALUES (?, ?, ?, 'Example News', '2024-09-14', '', ?)",
                (
                    (a + 1, f"https://news.example.org/{a}", f"Story {a}", STAMP)
                    for a in range(count // PER_ARTICLE + 1)
                ),
            )
            columns = ", ".join(f"[{c}]" for c in Store.IMPORT_CLAIM_COLUMNS)
            conn.executemany(
                f"INSERT INTO claims ({columns}) VALUES ({', '.join('?' * 20)})",
                (
                    (
                        n + 1,
                        n // PER_ARTICLE + 1,
                        0,
                        60,
                        0,
                        f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said.",
                        f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said.",
                        "quantity",
                        '["quantity"]',
                        0.75,
                        "[]",
                        "officials",
                        None,
                        None,
                        "supported" if n % 3 == 0 else "unreviewed",
                        "checked against the budget" if n % 3 == 0 else None,
                        "bench" if n % 3 == 0 else None,
                        1,
                        STAMP,
                        STAMP,
                    )
                    for n in range(count)
                ),
            )
            columns = ", ".join(f"[{c}]" for c in Store.IMPORT_QUANTITY_COLUMNS)
            conn.executemany(
                f"INSERT INTO quantities ({columns}) VALUES ({', '.join('?' * 9)})",
                (
                    (
                        n + 1,
                        f"{n % 97 + 1} per cent",
                        n % 97 + 1,
                        None,
                        "percent",
                        "exact",
                        "",
                        0,
                        0,
                    )
                    for n in range(count)
                ),
            )
            conn.executemany(
                "INSERT INTO sources (id, url, kind, created_at) VALUES (?, ?, 'cited', ?)",
                ((s + 1, f"https://stats.example.org/{s}", STAMP) for s in range(count // 10)),
            )
            conn.executemany(
                "INSERT INTO claim_sources (claim_id, source_id, kind, created_at)"
                " VALUES (?, ?, 'cited', ?)",
                ((n + 1, n // 10 + 1, STAMP) for n in range(0, count, 10)),
            )
            for _, sql in triggers:
                conn.execute(sql)


def measure(args: list[str]) -> tuple[float, float]:
    """Median wall seconds and highest peak memory (MB) of REPEAT fresh processes."""
    runs = [run_measured(args) for _ in range(REPEAT)]
    return statistics.median(r[0] for r in runs), max(r[1] for r in runs)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else CLAIMS
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        db = folder / "claims.db"
        start = time.perf_counter()
        build(db, count)
        print(
            f"{count:,} claims (+{count:,} quantities, {count // 10:,} sources) built in"
            f" {time.perf_counter() - start:.1f} s; median of {REPEAT} runs, one process each"
        )
        claimcheck = ["-m", "claimcheck", "--db", str(db), "export"]
        figures: dict[str, object] = {"bench": "export", "claims": count}
        for fmt in ("csv", "jsonl"):
            out = folder / f"out.{fmt}"
            base_s, base_mb = measure(["-c", BASELINE, str(db), fmt, str(out)])
            ours_s, ours_mb = measure([*claimcheck, "--format", fmt, "-o", str(out)])
            size = out.stat().st_size / 1e6
            print(
                f"  {fmt:<5} baseline (bare cursor, claims table only) {base_s:6.2f} s"
                f" {count / base_s:>10,.0f} rows/s  peak {base_mb:5.0f} MB"
            )
            print(
                f"  {fmt:<5} claimcheck export ({size:5.0f} MB out)      {ours_s:6.2f} s"
                f" {count / ours_s:>10,.0f} rows/s  peak {ours_mb:5.0f} MB"
                f"  ({base_s / ours_s:.0%} of baseline speed)"
            )
            figures[fmt] = {
                "baseline_s": round(base_s, 2),
                "baseline_peak_mb": round(base_mb, 1),
                "export_s": round(ours_s, 2),
                "export_peak_mb": round(ours_mb, 1),
                "speed_vs_baseline": round(base_s / ours_s, 3),
            }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
