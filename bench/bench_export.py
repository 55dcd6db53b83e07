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
from tests.bulk_db import build

CLAIMS = 1_000_000
REPEAT = 3

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
