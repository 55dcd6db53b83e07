"""Bulk import speed: 100,000 claims from JSONL, CSV and a YAML manifest, against the ceiling of
raw sqlite3.executemany of the same rows into the same schema, measured in the same run.

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
from pathlib import Path

import yaml

from claimcheck.extract.repeats import repeat_key
from claimcheck.import_formats import CLAIM_FIELDS
from claimcheck.importer import import_file
from claimcheck.store import Store

CLAIMS = 100_000
PER_ARTICLE = 100
REPEAT = 3
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


def timed(folder: Path, run: Callable[[Path], None]) -> float:
    """Median seconds of `run` on a fresh database (opening the store not counted)."""
    times = []
    for attempt in range(REPEAT):
        db = folder / f"run-{time.monotonic_ns()}-{attempt}.db"
        Store(db).close()
        start = time.perf_counter()
        run(db)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def importer(path: Path) -> Callable[[Path], None]:
    def run(db: Path) -> None:
        with Store(db) as store:
            report = import_file(store, path)
            assert not report.failed, report.errors[:3]
            assert report.claims_added == CLAIMS_RUN[0], report.counts()

    return run


CLAIMS_RUN = [CLAIMS]


def main() -> None:
    count = int(sys.argv[1]) if len(sys.argv) > 1 and sys.argv[1].isdigit() else CLAIMS
    CLAIMS_RUN[0] = count
    records = make_records(count)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        files = write_files(records, folder)
        rows = raw_rows(records)
        raw = timed(folder, lambda db: raw_import(db, rows))
        print(f"{count:,} claims, median of {REPEAT} runs, each into a fresh database")
        print(f"  raw executemany (rows prebuilt)  {raw:7.2f} s  {count / raw:>10,.0f} claims/s")
        figures: dict[str, float] = {"claims": count, "raw_s": round(raw, 3)}
        for name in ("jsonl", "csv", "yaml"):
            seconds = timed(folder, importer(files[name]))
            size = files[name].stat().st_size / 1e6
            print(
                f"  claimcheck import {name:<5} ({size:5.1f} MB) {seconds:7.2f} s"
                f"  {count / seconds:>10,.0f} claims/s  {raw / seconds:6.1%} of raw"
            )
            figures[f"{name}_s"] = round(seconds, 3)
            figures[f"{name}_of_raw"] = round(raw / seconds, 3)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
