"""Bulk import speed: 100,000 claims from JSONL, CSV and a YAML manifest, against raw inserts of
the same rows, prebuilt in memory, into the same schema (triggers included), in the same run.

Two baselines: sqlite3's executemany (a statement per row), and multi-row INSERT statements of
500 rows, the fastest way we know to write these rows (the full-text index writes out what it
holds at the end of each statement). Each round runs every contender once, in turn, each into a
fresh database, so a change in the machine's load hits them alike; ratios are taken within a
round, then the median over rounds. Seconds are wall time; CPU seconds (the process's, all
threads) are given beside them as the steadier figure on a shared machine.

    .venv/bin/python -m bench.bench_import [CLAIMS]
"""

from __future__ import annotations

import csv
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from itertools import chain
from pathlib import Path

import yaml

from claimcheck.extract.repeats import repeat_key
from claimcheck.import_formats import CLAIM_FIELDS
from claimcheck.importer import import_file
from claimcheck.store import Store

CLAIMS = 100_000
PER_ARTICLE = 100
REPEAT = 3
MULTIROW = 500
STAMP = "2024-09-14T10:00:00.000+00:00"


def make_records(count: int) -> list[dict]:
    """Claims as the JSONL export writes them: 100 per article, a quantity and a source each."""
    records = []
    for n in range(count):
        article = n // PER_ARTICLE
        sentence = f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said."
        records.append(
            {
                "id": n + 1,
                "article_id": article + 1,
                "article_url": f"https://news.example.org/story/{article}",
                "article_title": f"Story {article}",
                "article_outlet": "Example News",
                "article_published": "2024-09-14",
                "sentence": sentence,
                "text": sentence,
                "kind": "quantity",
                "checkworthiness": 0.75,
                "speaker": "officials",
                "quote": None,
                "repeat_of": None,
                "quantities": [
                    {
                        "surface": f"{n % 97 + 1} per cent",
                        "value": float(n % 97 + 1),
                        "high": None,
                        "unit": "percent",
                        "qualifier": "exact",
                        "of": "",
                    }
                ],
                "dates": [],
                "sources": [],
                "status": "supported" if n % 3 == 0 else "unreviewed",
                "note": "checked against the budget" if n % 3 == 0 else None,
                "reviewer": "bench" if n % 3 == 0 else None,
                "created_at": STAMP,
                "updated_at": STAMP,
                "version": 1,
            }
        )
    return records


def write_files(records: list[dict], folder: Path) -> dict[str, Path]:
    jsonl = folder / "claims.jsonl"
    with jsonl.open("w", encoding="utf-8") as handle:
        for record in records:
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    csv_path = folder / "claims.csv"
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CLAIM_FIELDS)
        for record in records:
            writer.writerow(
                json.dumps(record[f]) if f in ("quantities", "dates", "sources") else record.get(f)
                for f in CLAIM_FIELDS
            )
    articles: dict[str, dict] = {}
    for record in records:
        entry = articles.setdefault(
            record["article_url"],
            {
                "url": record["article_url"],
                "title": record["article_title"],
                "published": record["article_published"],
                "extract": False,
                "sentences": [],
                "claims": [],
            },
        )
        entry["sentences"].append(record["sentence"])
        claim = {k: record[k] for k in ("text", "kind", "speaker", "status")}
        claim["quantities"] = [
            {k: v for k, v in q.items() if v is not None} for q in record["quantities"]
        ]
        if record["note"]:
            claim |= {"note": record["note"], "reviewer": record["reviewer"]}
        entry["claims"].append(claim)
    for entry in articles.values():
        entry["text"] = "\n".join(entry.pop("sentences"))
    manifest = folder / "manifest.yaml"
    manifest.write_text(
        yaml.dump({"articles": list(articles.values())}, Dumper=yaml.CSafeDumper, width=1000),
        encoding="utf-8",
    )
    return {"jsonl": jsonl, "csv": csv_path, "yaml": manifest}


def raw_rows(records: list[dict]) -> tuple[list[tuple], list[tuple], list[tuple]]:
    """The rows the importer writes, prepared in memory: the raw ceiling's input."""
    articles, claims, quantities = {}, [], []
    for r in records:
        articles.setdefault(
            r["article_id"],
            (r["article_id"], r["article_url"], r["article_title"], r["article_outlet"], STAMP),
        )
        start = (r["id"] - 1) % PER_ARTICLE * (len(r["sentence"]) + 1)
        row = {
            "id": r["id"],
            "article_id": r["article_id"],
            "start": start,
            "end": start + len(r["sentence"]),
            "paragraph": 0,
            "sentence": r["sentence"],
            "text": r["text"],
            "kind": r["kind"],
            "kinds": '["quantity"]',
            "checkworthiness": r["checkworthiness"],
            "reasons": "[]",
            "speaker": r["speaker"],
            "quote": r["quote"],
            "dates": "[]",
            "repeat_key": repeat_key(r["sentence"], r["speaker"]),
            "status": r["status"],
            "note": r["note"],
            "reviewer": r["reviewer"],
            "version": 1,
            "created_at": STAMP,
            "updated_at": STAMP,
        }
        claims.append(tuple(row.get(c) for c in Store.IMPORT_CLAIM_COLUMNS))
        q = r["quantities"][0]
        quantities.append(
            (r["id"], q["surface"], q["value"], None, q["unit"], q["qualifier"], q["of"], 0, 0)
        )
    return list(articles.values()), claims, quantities


def raw_import(db: Path, rows: tuple[list[tuple], list[tuple], list[tuple]]) -> None:
    """sqlite3.executemany of the same rows into a fresh claimcheck schema, one transaction."""
    articles, claims, quantities = rows
    with Store(db) as store:
        conn = store.db.conn
        with store.transaction():
            conn.executemany(
                "INSERT INTO articles (id, url, title, outlet, ingested_at) VALUES (?, ?, ?, ?, ?)",
                articles,
            )
            columns = ", ".join(f"[{c}]" for c in Store.IMPORT_CLAIM_COLUMNS)
            conn.executemany(
                f"INSERT INTO claims ({columns})"
                f" VALUES ({', '.join('?' * len(Store.IMPORT_CLAIM_COLUMNS))})",
                claims,
            )
            columns = ", ".join(f"[{c}]" for c in Store.IMPORT_QUANTITY_COLUMNS)
            conn.executemany(
                f"INSERT INTO quantities ({columns}) VALUES ({', '.join('?' * 9)})", quantities
            )


def raw_multirow(db: Path, rows: tuple[list[tuple], list[tuple], list[tuple]]) -> None:
    """The same rows by INSERT statements of MULTIROW rows each, one transaction."""
    articles, claims, quantities = rows
    with Store(db) as store:
        conn = store.db.conn
        with store.transaction():
            for table, columns, data in (
                ("articles", ("id", "url", "title", "outlet", "ingested_at"), articles),
                ("claims", Store.IMPORT_CLAIM_COLUMNS, claims),
                ("quantities", Store.IMPORT_QUANTITY_COLUMNS, quantities),
            ):
                head = f"INSERT INTO {table} ({', '.join(f'[{c}]' for c in columns)}) VALUES "
                row = f"({', '.join('?' * len(columns))})"
                for start in range(0, len(data), MULTIROW):
                    part = data[start : start + MULTIROW]
                    conn.execute(head + ", ".join([row] * len(part)), list(chain(*part)))


def timed(folder: Path, run: Callable[[Path], None]) -> tuple[float, float]:
    """(wall, CPU) seconds of `run` on a fresh database (opening the store not counted)."""
    db = folder / f"run-{time.monotonic_ns()}.db"
    Store(db).close()
    wall, cpu = time.perf_counter(), time.process_time()
    run(db)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    for file in folder.glob(f"{db.name}*"):
        file.unlink()
    return wall, cpu


def importer(path: Path) -> Callable[[Path], None]:
    def run(db: Path) -> None:
        with Store(db) as store:
            report = import_file(store, path)
            assert not report.failed, report.errors[:3]
            assert report.claims_added == CLAIMS_RUN[0], report.counts()

    return run


CLAIMS_RUN = [CLAIMS]


def median_ratio(times: dict[str, list[tuple[float, float]]], top: str, bottom: str) -> float:
    """Median over rounds of top's seconds over bottom's: bottom's speed as a share of top's."""
    pairs = zip(times[top], times[bottom], strict=True)
    return round(statistics.median(t[0] / b[0] for t, b in pairs), 3)


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else CLAIMS
    CLAIMS_RUN[0] = count
    records = make_records(count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_files(records, folder)
        rows = raw_rows(records)
        contenders: dict[str, Callable[[Path], None]] = {
            "raw": lambda db: raw_import(db, rows),
            "multirow": lambda db: raw_multirow(db, rows),
            **{name: importer(files[name]) for name in ("jsonl", "csv", "yaml")},
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in contenders}
        for _ in range(REPEAT):
            for name, run in contenders.items():
                times[name].append(timed(folder, run))
        sizes = {name: files[name].stat().st_size / 1e6 for name in files}
    print(f"{count:,} claims, median of {REPEAT} rounds, each contender into a fresh database")
    figures: dict[str, float] = {"claims": count}
    labels = {
        "raw": "raw executemany (rows prebuilt)",
        "multirow": f"raw {MULTIROW}-row INSERTs (prebuilt)",
    }
    for name, runs in times.items():
        wall = statistics.median(t[0] for t in runs)
        cpu = statistics.median(t[1] for t in runs)
        label = labels.get(name, f"claimcheck import {name:<5} ({sizes.get(name, 0):5.1f} MB)")
        line = f"  {label:<34} {wall:7.2f} s (CPU {cpu:6.2f} s) {count / wall:>9,.0f} claims/s"
        if name not in labels:
            line += (
                f"  {median_ratio(times, 'raw', name):6.1%} of executemany,"
                f" {median_ratio(times, 'multirow', name):6.1%} of multi-row"
            )
            figures[f"{name}_of_raw"] = median_ratio(times, "raw", name)
            figures[f"{name}_of_multirow"] = median_ratio(times, "multirow", name)
        print(line)
        figures[f"{name}_s"] = round(wall, 3)
        figures[f"{name}_cpu_s"] = round(cpu, 3)
    figures["yaml_of_jsonl"] = median_ratio(times, "jsonl", "yaml")
    print(f"  YAML at {figures['yaml_of_jsonl']:.1%} of JSONL's speed")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
