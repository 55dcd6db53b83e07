"""A desk on one claims.db: how long a reviewer's verdict takes while others write.

    python -m bench.bench_concurrency [--seconds 2] [--runs 3] [--articles 150]

For 1, 4 and 8 writer processes, each records verdicts back to back on its own claims for
--seconds (through `review_rules.record_verdict`, the path of `claimcheck verdict` and the
review screen), alone and while `claimcheck add` stores --articles new articles. Figures:
median and p99 latency of one verdict, verdicts per second, and every error a writer saw
(there should be none). Baseline in the same run: the same writers as raw sqlite3 (BEGIN
IMMEDIATE, UPDATE the claim, INSERT its event, COMMIT; WAL and synchronous=NORMAL as Store
sets them), the least a verdict can cost. Each
configuration runs --runs times; latencies are pooled over the runs.

Data: the repository's seed article (tests/fixtures/seed_article.txt), its claims as the
claims to review and copies of it under distinct first lines as the articles to add; no
labelled set is involved.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from claimcheck.ingest import read_path
from claimcheck.pipeline import add_article
from claimcheck.store import Store, now

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "tests" / "fixtures" / "seed_article.txt"
WRITERS = (1, 4, 8)
STATUSES = ("supported", "misleading", "refuted", "unverifiable")


def claimcheck_writer(db: str, reviewer: str, ids: list[int], seconds: float, start, out) -> None:
    from claimcheck.review_rules import record_verdict

    latencies, errors = [], []
    with Store(db, reviewer=reviewer) as store:
        start.wait()
        end = time.monotonic() + seconds
        n = 0
        while time.monotonic() < end:
            claim_id = ids[n % len(ids)]
            began = time.perf_counter()
            try:
                record_verdict(store, claim_id, STATUSES[n % len(STATUSES)])
            except Exception as error:  # counted: a desk should see none
                errors.append(f"{type(error).__name__}: {error}")
            latencies.append(time.perf_counter() - began)
            n += 1
    out.put((latencies, errors))


def raw_writer(db: str, reviewer: str, ids: list[int], seconds: float, start, out) -> None:
    latencies, errors = [], []
    conn = sqlite3.connect(db, timeout=10, isolation_level=None)
    conn.execute("PRAGMA synchronous = NORMAL")  # as Store sets it: WAL, no fsync per commit
    start.wait()
    end = time.monotonic() + seconds
    n = 0
    while time.monotonic() < end:
        claim_id, status = ids[n % len(ids)], STATUSES[n % len(STATUSES)]
        began = time.perf_counter()
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(
                "UPDATE claims SET status = ?, reviewer = ?, version = version + 1,"
                " updated_at = ? WHERE id = ?",
                [status, reviewer, now(), claim_id],
            )
            conn.execute(
                "INSERT INTO events (at, reviewer, claim_id, action, new) VALUES (?, ?, ?, ?, ?)",
                [now(), reviewer, claim_id, "verdict", status],
            )
            conn.execute("COMMIT")
        except sqlite3.Error as error:
            errors.append(str(error))
            if conn.in_transaction:
                conn.execute("ROLLBACK")
        latencies.append(time.perf_counter() - began)
        n += 1
    conn.close()
    out.put((latencies, errors))


def write_articles(folder: Path, count: int, tag: str) -> None:
    folder.mkdir(parents=True)
    seed = SEED.read_text(encoding="utf-8")
    for index in range(count):
        text = f"Desk copy {tag}-{index}: the council met again.\n\n{seed}"
        (folder / f"a{index:04}.txt").write_text(text, encoding="utf-8")


def run_once(db: Path, writer, writers: int, ids: list[int], seconds: float, add: Path | None):
    ctx = multiprocessing.get_context("spawn")
    start, out = ctx.Barrier(writers + 1), ctx.Queue()
    per = max(1, len(ids) // writers)
    procs = [
        ctx.Process(
            target=writer,
            args=(str(db), f"r{n}", ids[n * per : (n + 1) * per], seconds, start, out),
        )
        for n in range(writers)
    ]
    for proc in procs:
        proc.start()
    adding = None
    if add is not None:
        adding = subprocess.Popen(
            [sys.executable, "-m", "claimcheck", "--db", str(db), "add", str(add)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        time.sleep(0.3)  # its workers are extracting and it is writing when the clock starts
    start.wait()
    results = [out.get() for _ in procs]
    for proc in procs:
        proc.join()
    add_error = ""
    if adding is not None:
        adding.terminate()
        add_error = adding.communicate()[1].decode()
    latencies = [x for lat, _ in results for x in lat]
    errors = [e for _, errs in results for e in errs]
    if "locked" in add_error or "Traceback" in add_error:
        errors.append("add: " + add_error.strip().splitlines()[-1])
    return latencies, errors


def summary(latencies: list[float], errors: list[str], seconds: float) -> dict:
    ordered = sorted(latencies)
    return {
        "median_ms": round(statistics.median(ordered) * 1000, 2),
        "p99_ms": round(ordered[int(0.99 * (len(ordered) - 1))] * 1000, 2),
        "verdicts_per_s": round(len(ordered) / seconds, 1),
        "errors": len(errors),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=2.0)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--articles", type=int, default=150)
    args = parser.parse_args(sys.argv[1:] if __name__ == "__main__" else [])
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template.db"
        with Store(template, reviewer="seed") as store:
            add_article(store, read_path(SEED, published="2024-09-14"))
            ids = [c.id for c in store.claims(include_repeats=False)]
        for add in (False, True):
            for writers in WRITERS:
                for name, writer in (("claimcheck", claimcheck_writer), ("raw", raw_writer)):
                    pooled, errors = [], []
                    for run in range(args.runs):
                        db = Path(tmp) / f"{name}-{writers}-{add}-{run}.db"
                        db.write_bytes(template.read_bytes())
                        folder = None
                        if add:
                            folder = Path(tmp) / f"in-{name}-{writers}-{run}"
                            write_articles(folder, args.articles, f"{name}{writers}{run}")
                        latencies, errs = run_once(db, writer, writers, ids, args.seconds, folder)
                        pooled += latencies
                        errors += errs
                    key = f"{name}_{writers}w" + ("_add" if add else "")
                    results[key] = summary(pooled, errors, args.seconds * args.runs)
                    print(f"{key}: {results[key]}", file=sys.stderr, flush=True)
                    if errors:
                        print(f"  first error: {errors[0]}", file=sys.stderr)
    print(json.dumps({"bench": "concurrency", "seconds": args.seconds, "runs": args.runs,
                      "articles_added": args.articles, **results}))  # fmt: skip


if __name__ == "__main__":
    main()
