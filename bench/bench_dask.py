"""The Dask recipe's throughput: articles/s extracting an archive of real news pages on a
LocalCluster of 1 and of 2 worker processes, the scaling efficiency, and the same archive
extracted in this process without Dask as the baseline, in the same run (medians of REPEAT
runs, interleaved; clusters started before, not counted).

The archive is the article-extraction set's pages ($CLAIMCHECK_DATA/article_extraction/dev.jsonl
and its html/ files) as JSON Lines records {"url", "text": the page's HTML, "format": "html"},
cut into PARTS files (the bag's partitions): reading the page is part of the work, as it is for
an archive of published pages. Nothing is tuned on this set; it only gives the work.

    .venv/bin/python -m bench.bench_dask

Prints a line per setting, then one line of JSON.
"""

from __future__ import annotations

import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench import data_dir
from claimcheck.dask_extract import cluster_client, extract_archive
from claimcheck.stream import extract_lines

PARTS = 8
REPEAT = 3


def write_archive(folder: Path) -> tuple[list[Path], int]:
    """The pages as PARTS archive files; the files and the number of records."""
    source = data_dir() / "article_extraction"
    pages = [json.loads(line) for line in (source / "dev.jsonl").open(encoding="utf-8")]
    files = [folder / f"archive-{n}.jsonl" for n in range(PARTS)]
    for n, path in enumerate(files):
        with path.open("w", encoding="utf-8") as out:
            for page in pages[n::PARTS]:
                html = (source / page["html"]).read_text(encoding="utf-8")
                record = {"url": page["url"], "text": html, "format": "html"}
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return files, len(pages)


def in_process(files: list[Path]) -> tuple[float, int, int]:
    """Seconds, articles and claims extracting every file here, one after another."""
    start = time.perf_counter()
    articles = claims = 0
    for path in files:
        with path.open(encoding="utf-8") as lines:
            for result in extract_lines(lines, str(path)):
                articles += not result.error
                claims += len(result.claims)
    return time.perf_counter() - start, articles, claims


def main() -> None:
    figures: dict[str, object] = {"bench": "dask", "runs": REPEAT, "partitions": PARTS}
    load = os.getloadavg()[0]
    with (
        tempfile.TemporaryDirectory() as tmp,
        cluster_client(1) as one,
        cluster_client(2) as two,
    ):
        folder = Path(tmp)
        files, records = write_archive(folder)
        in_process(files[:1])  # load the models once, as the workers' first task does
        times: dict[str, list[float]] = {"in_process": [], "workers_1": [], "workers_2": []}
        for run_number in range(REPEAT + 1):  # interleaved, so load from others hits all alike
            seconds, articles, claims = in_process(files)
            for name, client in (("workers_1", one), ("workers_2", two)):
                run = extract_archive(files, folder / f"{name}-{run_number}", client)
                assert run.claims == claims and run.articles == articles, "output differs"
                if run_number:  # the first run warms the workers up
                    times[name].append(run.seconds)
            if run_number:
                times["in_process"].append(seconds)
    load = max(load, os.getloadavg()[0])
    rate = {name: articles / statistics.median(runs) for name, runs in times.items()}
    print(
        f"archive: {records} pages in {PARTS} files; {articles} read as articles"
        f" ({records - articles} refused), {claims} claims; medians of {REPEAT} interleaved runs;"
        f" load average up to {load:.1f} on {os.cpu_count()} cores"
    )
    for name, label in (
        ("in_process", "in this process, no Dask"),
        ("workers_1", "Dask, 1 worker process"),
        ("workers_2", "Dask, 2 worker processes"),
    ):
        seconds = statistics.median(times[name])
        print(f"  {label:<28} {seconds:6.2f} s  {rate[name]:6.1f} articles/s")
    efficiency = rate["workers_2"] / (2 * rate["workers_1"])
    print(f"  scaling efficiency 1 -> 2 workers: {efficiency:.0%}")
    figures.update({k: round(v, 1) for k, v in rate.items()})
    figures.update(
        articles=articles, scaling_efficiency=round(efficiency, 3), load_average=round(load, 1)
    )
    print(json.dumps(figures))


if __name__ == "__main__":
    sys.exit(main())
