"""`claimcheck add` throughput (articles/s, all cores), the writer and the workers measured
apart, against raw `executemany` of the same rows in the same run.

    python -m bench.bench_add [--articles 300] [--rounds 3]

The articles are bench_extract's distinct seed-sized ones. Each round adds them all to a new
database through `add`'s own code (claimcheck.pipeline.add_inputs: worker processes read and
extract, this process writes) and records its wall time, the writer's CPU time (this process),
how long the writer spent writing (the rest it waited for the workers) and the workers' CPU time
(the children reaped). Then, in the same round, the writer alone: the same articles, extracted
beforehand, stored by the same code, CPU time. Two baselines follow each round: the same
article, claim and quantity rows inserted by hand with `executemany` in one transaction into
(a) a new database of claimcheck's schema (its indexes and triggers) and (b) bare tables of the
same columns. Medians over the rounds. CPU time is the steady figure on a shared machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import claimcheck.pipeline as pipeline
from bench.bench_extract import articles
from claimcheck.store import Store

TABLES = ("articles", "claims", "quantities")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def add_round(folder: Path, db: Path) -> dict[str, float]:
    """`add` of every file of the folder, as the CLI runs it: wall, writer CPU and busy time,
    workers' CPU."""
    items = pipeline.expand_inputs([str(folder)])
    writing = 0.0
    write = pipeline._write

    def timed(*args: Any) -> Iterator[pipeline.AddOutcome]:
        nonlocal writing
        start = time.perf_counter()
        done = list(write(*args))
        writing += time.perf_counter() - start
        yield from done

    pipeline._write = timed  # type: ignore[assignment]
    try:
        with Store(db) as store:
            workers, cpu, start = children_cpu(), time.process_time(), time.perf_counter()
            outcomes = list(pipeline.add_inputs(store, items))
            wall = time.perf_counter() - start
            cpu, workers = time.process_time() - cpu, children_cpu() - workers
    finally:
        pipeline._write = write  # type: ignore[assignment]
    assert all(outcome.error is None for outcome in outcomes), outcomes[:1]
    return {"wall": wall, "writer_cpu": cpu, "writer_busy": writing, "workers_cpu": workers}


def writer_alone(prepared: list[Any], db: Path) -> float:
    """CPU time of storing articles extracted beforehand, batch by batch as `add` does."""
    with Store(db) as store:
        start = time.process_time()
        for at in range(0, len(prepared), pipeline.WRITE_BATCH):
            list(pipeline._write(store, prepared[at : at + pipeline.WRITE_BATCH]))
        return time.process_time() - start


def rows_of(db: Path) -> dict[str, tuple[list[str], list[tuple[Any, ...]]]]:
    with sqlite3.connect(db) as conn:
        found = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table}")
            found[table] = ([d[0] for d in cursor.description], cursor.fetchall())
    return found


def raw_insert(rows: dict[str, tuple[list[str], list[tuple[Any, ...]]]], db: Path) -> float:
    """CPU time of inserting the rows by hand in one transaction (tables made if missing)."""
    conn = sqlite3.connect(db, isolation_level=None)
    for table, (columns, _) in rows.items():
        listed = ", ".join(f"[{c}]" for c in columns)
        conn.execute(f"CREATE TABLE IF NOT EXISTS {table} ({listed})")
    start = time.process_time()
    conn.execute("BEGIN")
    for table, (columns, values) in rows.items():
        listed = ", ".join(f"[{c}]" for c in columns)
        marks = ", ".join("?" * len(columns))
        conn.executemany(f"INSERT INTO {table} ({listed}) VALUES ({marks})", values)
    conn.execute("COMMIT")
    spent = time.process_time() - start
    conn.close()
    return spent


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv if argv is not None else [])
    rounds: list[dict[str, float]] = []
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        folder = root / "articles"
        folder.mkdir()
        for number, text in enumerate(articles(args.articles)):
            (folder / f"article{number:05d}.txt").write_text(text, encoding="utf-8")
        items = pipeline.expand_inputs([str(folder)])
        prepared = [pipeline._prepare(item, pipeline.MAX_ARTICLE_BYTES, {}) for item in items]
        for number in range(args.rounds):
            figures = add_round(folder, root / f"add{number}.db")
            figures["writer_alone_cpu"] = writer_alone(prepared, root / f"alone{number}.db")
            rows = rows_of(root / f"add{number}.db")
            with Store(root / f"schema{number}.db"):
                pass
            figures["raw_schema_cpu"] = raw_insert(rows, root / f"schema{number}.db")
            figures["raw_bare_cpu"] = raw_insert(rows, root / f"bare{number}.db")
            rounds.append(figures)
    claims = len(rows["claims"][1])
    median = {key: statistics.median(r[key] for r in rounds) for key in rounds[0]}
    n = args.articles
    print(
        f"add: {n} seed-sized articles ({claims} claims), add_inputs on all cores,"
        f" median of {args.rounds} rounds"
    )
    print(
        f"  wall                        {median['wall']:7.2f} s"
        f"   {n / median['wall']:6.0f} articles/s"
    )
    print(
        f"  writer (this process)       {median['writer_cpu']:7.2f} s CPU,"
        f" writing {median['writer_busy'] / median['wall']:.0%} of the wall time"
    )
    print(f"  workers                     {median['workers_cpu']:7.2f} s CPU")
    alone = median["writer_alone_cpu"]
    print(f"  writer alone (pre-extracted) {alone:6.2f} s CPU   {1000 * alone / n:6.1f} ms/article")
    schema, bare = median["raw_schema_cpu"], median["raw_bare_cpu"]
    print(
        f"  raw executemany, our schema {schema:7.2f} s CPU   (writer alone {alone / schema:.1f}x)"
    )
    print(f"  raw executemany, bare tables {bare:6.2f} s CPU   (writer alone {alone / bare:.1f}x)")
    print(
        json.dumps(
            {
                "bench": "add",
                "articles": n,
                "claims": claims,
                "articles_per_s": round(n / median["wall"], 1),
                "wall_s": round(median["wall"], 2),
                "writer_cpu_s": round(median["writer_cpu"], 2),
                "writer_busy_share": round(median["writer_busy"] / median["wall"], 2),
                "workers_cpu_s": round(median["workers_cpu"], 2),
                "writer_alone_ms_per_article": round(1000 * alone / n, 2),
                "raw_schema_cpu_s": round(schema, 2),
                "raw_bare_cpu_s": round(bare, 2),
                "writer_alone_to_raw_schema": round(alone / schema, 2),
            }
        )
    )


if __name__ == "__main__":
    main(sys.argv[1:])
