"""The Dask recipe: extract the claims of a news archive on a cluster, for `claimcheck import`.

The archive is JSON Lines files of article records (claimcheck.stream); each file is one
partition of a `dask.bag`, extracted by `claimcheck.stream.extract_lines` on whichever worker
gets it, and written as one claims file per partition. The desk then imports them:

    python -m claimcheck.dask_extract archive/*.jsonl -o claims/ --workers 2
    claimcheck import claims/*.jsonl

With no --scheduler a `distributed.LocalCluster` of worker processes starts on 127.0.0.1; with
--scheduler tcp://HOST:8786 the same graph runs on an existing cluster (whose workers have
claimcheck installed). Dask is an optional extra: pip install "claimcheck[dask]".
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.stream import extract_lines


@dataclass
class ArchiveRun:
    """What one run did: the claim files written, counts, errors (one line each), seconds."""

    files: list[Path]
    articles: int = 0
    claims: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0


def extract_partition(lines: list[tuple[str, str]], published: str | None) -> list[list[Any]]:
    """One partition (a whole archive file, as (line, path) pairs): its claims as JSON lines
    (ids unique within the file written for it), then the articles counted and the errors."""
    name = lines[0][1] if lines else "<empty>"
    claims: list[str] = []
    errors: list[str] = []
    articles = 0
    for result in extract_lines((line for line, _ in lines), name, published=published):
        if result.error:
            errors.append(result.error)
            continue
        articles += 1
        claims.extend(json.dumps(claim, ensure_ascii=False) for claim in result.claims)
    return [["claims", claims], ["articles", articles], ["errors", errors]]


@contextmanager
def cluster_client(workers: int, scheduler: str | None = None) -> Iterator[Any]:
    """A client of the cluster at `scheduler`, else of a LocalCluster of `workers` processes
    (one thread each: extraction is CPU-bound Python) listening on 127.0.0.1 only."""
    import dask
    from distributed import Client, LocalCluster

    if scheduler:
        with Client(scheduler) as client:
            yield client
        return
    with (
        # the workers' stack sampler (every 10 ms) slows CPU-bound Python; nobody reads it here
        dask.config.set({"distributed.worker.profile.enabled": False}),
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            host="127.0.0.1",
            dashboard_address="127.0.0.1:0",  # its HTTP endpoints, local too
        ) as cluster,
        Client(cluster) as client,
    ):
        yield client


def extract_archive(
    archives: list[Path], out_dir: Path, client: Any, *, published: str | None = None
) -> ArchiveRun:
    """Extract every archive file on the cluster `client` talks to; one claims file each in
    `out_dir` (claims-00000.jsonl, ...), in the order of `archives`."""
    import dask
    import dask.bag as db

    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    parts = db.read_text([str(p) for p in archives], include_path=True, blocksize=None)
    results = parts.map_partitions(extract_partition, published)
    claims = results.filter(lambda part: part[0] == "claims").map(lambda part: part[1])
    claim_files = claims.map_partitions(_flatten).to_textfiles(
        str(out_dir / "claims-*.jsonl"), name_function=lambda i: f"{i:05d}", compute=False
    )
    counts = results.filter(lambda part: part[0] != "claims")
    with dask.config.set(scheduler=client):
        _, tallies = dask.compute(claim_files, counts)
    run = ArchiveRun(files=[out_dir / f"claims-{i:05d}.jsonl" for i in range(parts.npartitions)])
    for kind, value in tallies:
        if kind == "articles":
            run.articles += value
        else:
            run.errors.extend(value)
    run.claims = sum(1 for path in run.files for line in path.open() if line.strip())
    run.seconds = time.perf_counter() - start
    return run


def _flatten(parts: list[list[str]]) -> list[str]:
    return [line for lines in parts for line in lines]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m claimcheck.dask_extract", description=__doc__.split("\n\n")[0]
    )
    parser.add_argument("archives", nargs="+", type=Path, help="JSON Lines archive files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="folder for claims")
    parser.add_argument("--workers", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="address of an existing Dask scheduler")
    parser.add_argument("--published", help="YYYY-MM-DD for records that give no date")
    args = parser.parse_args(argv)
    missing = [str(p) for p in args.archives if not p.is_file()]
    if missing:
        print(f"error: {missing[0]}: no such archive file", file=sys.stderr)
        return 1
    with cluster_client(args.workers, args.scheduler) as client:
        run = extract_archive(args.archives, args.output, client, published=args.published)
    for error in run.errors:
        print(f"error: {error}", file=sys.stderr)
    print(
        f"extracted {run.claims} claims from {run.articles} articles in {run.seconds:.1f} s;"
        f" {len(run.files)} files in {args.output} (claimcheck import {args.output}/*.jsonl)",
        file=sys.stderr,
    )
    return 1 if run.errors else 0


if __name__ == "__main__":
    sys.exit(main())
