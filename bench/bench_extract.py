"""Extraction throughput (MB of article text per second, one core) and `claimcheck add` speed.

    python -m bench.bench_extract [--articles 1000]

Baselines in the same run: blingfire's bare sentence splitting for extraction (the floor any
pipeline pays), and raw sqlite3 executemany of the same article and claim rows for `add`.
Extraction is timed in CPU seconds of this process (time.process_time), ours and the baseline in
alternation, so that other work on a shared machine weighs on both and wall time does not count.
Two corpora: 50 seed-sized articles (one article's paragraphs in 50 orders: the figure the README
has always given), and the 90 human-made article bodies of CLAIMCHECK_DATA/article_extraction/
(distinct real news text, so that caches of words see fresh words), reported by the fixed split
of bench_reading (tuning pages, and the untouched third never used while making it faster).
"""

from __future__ import annotations

import argparse
import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import blingfire

from bench import REPO, data_dir
from bench.bench_reading import untouched
from claimcheck.extract.claims import extract_claims

SEED = REPO / "claimcheck" / "seeds" / "000_000a7fc3f8c0d5df.txt"  # the demo seed


def articles(count: int) -> list[str]:
    """Distinct seed-sized articles: the seed with a distinct first line and paragraph order."""
    paragraphs = SEED.read_text(encoding="utf-8").split("\n")
    made = []
    for number in range(count):
        shift = number % len(paragraphs)
        body = paragraphs[shift:] + paragraphs[:shift]
        made.append(f"Dispatch {number} from our correspondents\n" + "\n".join(body))
    return made


def extraction(texts: list[str], rounds: int = 9, label: str = "seed-sized") -> dict[str, float]:
    """Ours and the baseline timed in alternation, so that a slow spell of a shared machine
    weighs on both: medians of each, and the median of the per-round ratios."""
    size = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    ours, floor, ratios = [], [], []
    for _ in range(rounds):
        ours.append(cpu_time(lambda: [extract_claims(t, "2024-09-14") for t in texts]))
        floor.append(cpu_time(lambda: [blingfire.text_to_sentences(t) for t in texts]))
        ratios.append(ours[-1] / floor[-1])
    print(
        f"extraction: {len(texts)} {label} articles, {size:.2f} MB, median of {rounds} rounds,"
        " one core, CPU time"
    )
    print(f"  claimcheck extract_claims   {size / statistics.median(ours):7.2f} MB/s")
    print(
        f"  blingfire sentences only    {size / statistics.median(floor):7.2f} MB/s"
        f"   (ratio {statistics.median(ratios):.1f}x)"
    )
    return {
        "extract_mb_per_s": round(size / statistics.median(ours), 2),
        "blingfire_mb_per_s": round(size / statistics.median(floor), 2),
        "ratio_to_blingfire": round(statistics.median(ratios), 1),
    }


def cpu_time(run: Callable[[], object]) -> float:
    """CPU seconds of this process spent in `run`."""
    start = time.process_time()
    run()
    return time.process_time() - start


def real_pages() -> dict[str, list[str]]:
    """The article_extraction bodies by part of bench_reading's split (empty without the data)."""
    path = data_dir() / "article_extraction" / "dev.jsonl"
    if not path.exists():
        return {}
    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    bodies = [(row["id"], row["article_body"]) for row in rows if row.get("article_body")]
    return {
        "tuning": [body for page, body in bodies if not untouched(page)],
        "untouched": [body for page, body in bodies if untouched(page)],
    }


def adding(texts: list[str], rounds: int = 3) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for number, text in enumerate(texts):
            (root / f"article{number:05d}.txt").write_text(text, encoding="utf-8")
        command = [sys.executable, "-m", "claimcheck", "--db", str(root / "claims.db"), "add"]
        times = []
        for _ in range(rounds):
            for old in root.glob("claims.db*"):
                old.unlink()
            start = time.perf_counter()
            subprocess.run([*command, folder], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - start)
        ours = statistics.median(times)
        db = sqlite3.connect(root / "claims.db")
        claims = db.execute("SELECT * FROM claims").fetchall()
        columns = [d[0] for d in db.execute("SELECT * FROM claims LIMIT 0").description]
        db.close()
        start = time.perf_counter()
        raw = sqlite3.connect(root / "raw.db")
        raw.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, text TEXT)")
        raw.execute(f"CREATE TABLE claims ({', '.join(f'[{c}]' for c in columns)})")
        with raw:
            raw.executemany("INSERT INTO articles (text) VALUES (?)", [(t,) for t in texts])
            raw.executemany(f"INSERT INTO claims VALUES ({', '.join('?' * len(columns))})", claims)
        raw.close()
        baseline = time.perf_counter() - start
    print(
        f"add: {len(texts)} seed-sized articles through `claimcheck add DIR` (all cores),"
        f" median of {rounds} runs ({', '.join(f'{t:.1f}' for t in sorted(times))} s)"
    )
    print(f"  claimcheck add              {ours:7.2f} s   {len(texts) / ours:8.0f} articles/s")
    ratio = ours / baseline
    print(f"  raw sqlite3 executemany     {baseline:7.2f} s   (writes only; ratio {ratio:.0f}x)")
    return {"add_seconds": round(ours, 2), "add_raw_seconds": round(baseline, 2)}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=1000)
    args = parser.parse_args(argv if argv is not None else [])
    figures = extraction(articles(50))
    for part, texts in real_pages().items():
        pages = extraction(texts, rounds=5, label=f"real ({part})")
        figures |= {f"pages_{part}_{key}": value for key, value in pages.items()}
    figures |= adding(articles(args.articles))
    print(json.dumps({"bench": "extract", **figures}))


if __name__ == "__main__":
    main(sys.argv[1:])
