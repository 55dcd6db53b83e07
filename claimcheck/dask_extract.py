"""The Dask recipe: extract the claims of a news archive on a cluster, for `claimcheck import`.

The archive is JSON Lines files of article records (claimcheck.stream); each file is one
partition of a `dask.bag`, extracted by `claimcheck.stream.extract_lines` on whichever worker
gets it, which writes its claims file (NAME.claims.jsonl for archive NAME.jsonl) and returns
only counts, so no claim travels through the scheduler. The desk then imports them:

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


def extract_partition(
    lines: list[tuple[str, str]], out_dir: str, published: str | None
) -> list[tuple[str, int, int, list[str]]]:
    """One partition (a whole archive file, as (line, path) pairs), extracted on a worker and
    written to OUT_DIR/<archive name>.claims.jsonl (claim ids unique within it); what it did:
    [(file written, articles, claims, errors)]."""
    if not lines:
        return []
    name = lines[0][1]
    target = Path(out_dir) / f"{Path(name).stem}.claims.jsonl"
    articles = claims = 0
    errors: list[str] = []
    with target.open("w", encoding="utf-8") as out:
        for result in extract_lines((line for line, _ in lines), name, published=published):
            if result.error:
                errors.append(result.error)
                continue
            articles += 1
            claims += len(result.claims)
            for claim in result.claims:
                out.write(json.dumps(claim, ensure_ascii=False) + "\n")
    return [(str(target), articles, claims, errors)]


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
    """Extract every archive file on the cluster `client` talks to, one partition each; one
    claims file per archive file in `out_dir` (a folder the workers can write to), in order."""
    import dask
    import dask.bag as db

    out_dir.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    parts = db.read_text([str(p) for p in archives], include_path=True, blocksize=None)
    done = parts.map_partitions(extract_partition, str(out_dir.resolve()), published)
    with dask.config.set(scheduler=client):
        tallies = done.compute()
    run = ArchiveRun(files=[])
    for path, articles, claims, errors in tallies:
        run.files.append(Path(path))
        run.articles += articles
        run.claims += claims
        run.errors.extend(errors)
    run.seconds = time.perf_counter() - start
    return run


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
