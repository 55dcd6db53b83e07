"""Adding articles: expand what the user named into inputs, read each, extract, store.

The CLI's `add`, the demo and the importer all come through `add_article`, so an article is
extracted and stored the same way whichever door it came in by.
"""

from __future__ import annotations

import ctypes
import glob
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from itertools import repeat
from pathlib import Path

from claimcheck.extract.claims import extract_claims
from claimcheck.ingest import (
    MAX_ARTICLE_BYTES,
    SUPPORTED_SUFFIXES,
    IngestError,
    read_bytes,
    read_path,
)
from claimcheck.memory.matches import match_article
from claimcheck.models import ArticleInput, ExtractedClaim
from claimcheck.store import AddResult, Store

ARTICLE_TYPES = "add reads .txt, .md, .html and .pdf"
PARALLEL_THRESHOLD = 8
# Articles from the worker pool are written up to this many to a transaction: one commit, and one
# flush of the full-text index, for many articles. Outcomes are reported once their batch is
# committed. A transaction also ends after WRITE_SECONDS of the writer's CPU time, so a reviewer's
# verdict waiting for the write lock behind an `add` waits a fraction of a second, not the whole
# batch. CPU time, not wall time: on a busy machine a wall-clock limit shrank transactions to one
# article each, and a commit an article costs a quarter more writing (bench/bench_add.py).
WRITE_BATCH = 32
WRITE_SECONDS = 0.05
PR_SET_PDEATHSIG = 1


@dataclass(frozen=True)
class AddOutcome:
    """What happened to one input: a result, or the one-line error that stopped it."""

    name: str
    result: AddResult | None = None
    error: str | None = None


def is_url(value: str) -> bool:
    return value.startswith(("http://", "https://"))


def _is_local(item: str) -> bool:
    return item != "-" and not is_url(item)


def expand_inputs(items: Iterable[str], skipped: list[str] | None = None) -> list[str]:
    """Paths, globs, directories (their article files), URLs and '-' for stdin, in order.

    Files of a directory that are not articles are left out; `skipped` collects one line
    for each, naming the file and why."""
    expanded: list[str] = []
    for item in items:
        if item == "-" or is_url(item):
            expanded.append(item)
            continue
        path = Path(item)
        if path.is_dir():
            for p in sorted(path.rglob("*")):
                if not p.is_file():
                    continue
                if p.suffix.lower() in SUPPORTED_SUFFIXES - {""}:
                    expanded.append(str(p))
                elif skipped is not None:
                    kind = f"a {p.suffix.lower()} file" if p.suffix else "a file with no suffix"
                    skipped.append(f"{p}: skipped, {kind} is not an article ({ARTICLE_TYPES})")
        elif not path.exists() and glob.has_magic(item):
            matches = sorted(glob.glob(item, recursive=True))
            expanded.extend(matches or [item])
        else:
            expanded.append(item)
    return expanded


def read_input(
    item: str, *, max_bytes: int = MAX_ARTICLE_BYTES, **metadata: str | None
) -> ArticleInput:
    """One input as an article: a file, a URL (fetched) or '-' (stdin)."""
    if item == "-":
        data = sys.stdin.buffer.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise IngestError(f"<stdin>: larger than {max_bytes / 1e6:.0f} MB")
        return read_bytes(data, name="<stdin>", **metadata)
    if is_url(item):
        from claimcheck.sources import fetch_url

        fetched = fetch_url(item, max_bytes=max_bytes)
        if fetched.error:
            raise IngestError(f"{item}: {fetched.error}")
        return read_bytes(
            fetched.body,
            name=item,
            content_type=fetched.content_type,
            base_url=fetched.final_url or item,
            **metadata,
        )
    return read_path(Path(item), max_bytes=max_bytes, **metadata)


def add_article(store: Store, article: ArticleInput) -> AddResult:
    """Extract the claims of one article and store both in one transaction."""
    existing = store.find_article(article.text)
    if existing is not None:
        return store.add_article(article, [])
    return _stored(store, article, extract_claims(article.text, article.published))


def _stored(
    store: Store, article: ArticleInput, claims: list[ExtractedClaim], match: bool = True
) -> AddResult:
    """Store an article and match its claims against the claim memory, in one transaction."""
    with store.transaction():
        result = store.add_article(article, claims)
        if result.created and match:
            match_article(store, result.article_id)
    return result


@dataclass(frozen=True)
class _Prepared:
    name: str
    article: ArticleInput | None = None
    claims: list[ExtractedClaim] | None = None
    error: str | None = None


def _prepare(item: str, max_bytes: int, metadata: dict[str, str | None]) -> _Prepared:
    """Read and extract one input: the pure, CPU-bound half of adding, run in worker processes."""
    name = "<stdin>" if item == "-" else item
    try:
        article = read_input(item, max_bytes=max_bytes, **metadata)
    except IngestError as error:
        return _Prepared(name, error=str(error))
    return _Prepared(name, article, extract_claims(article.text, article.published))


def add_inputs(
    store: Store,
    items: list[str],
    *,
    max_bytes: int = MAX_ARTICLE_BYTES,
    workers: int | None = None,
    match: bool = True,
    **metadata: str | None,
) -> Iterator[AddOutcome]:
    """Add each input in order; a failing input yields its error and the rest still go in.

    Many local files are read and extracted by a pool of processes (one per core) while this
    process writes to the database, which only one writer may do at a time anyway.
    """
    workers = workers or os.cpu_count() or 1
    local = [i for i in items if _is_local(i)]
    parallel = workers > 1 and len(local) >= PARALLEL_THRESHOLD
    pool = (
        ProcessPoolExecutor(workers, initializer=_worker_setup, initargs=(os.getpid(),))
        if parallel
        else None
    )
    try:
        prepared = _start(pool, local, max_bytes, metadata) if pool else iter(())
        batch: list[_Prepared] = []
        for item in items:
            if pool and _is_local(item):
                batch.append(next(prepared))
                if len(batch) < WRITE_BATCH:
                    continue
            else:  # a URL or stdin is read here, with no transaction open while it is
                yield from _write(store, batch, match)
                batch = [_prepare(item, max_bytes, metadata)]
            yield from _write(store, batch, match)
            batch = []
        yield from _write(store, batch, match)
    finally:
        if pool:
            pool.shutdown(cancel_futures=True)


def _start(
    pool: ProcessPoolExecutor, local: list[str], max_bytes: int, metadata: dict[str, str | None]
) -> Iterator[_Prepared]:
    """Hand the local inputs to the pool with Ctrl-C held back until its workers are all
    started: interrupted half-way, the pool would not know a worker it had just forked, and the
    exiting parent would wait for that worker for ever."""
    mask = getattr(signal, "pthread_sigmask", None)  # POSIX only
    held = mask(signal.SIG_BLOCK, {signal.SIGINT}) if mask else None
    try:
        return pool.map(_prepare, local, repeat(max_bytes), repeat(metadata), chunksize=4)
    finally:
        if mask:
            mask(signal.SIG_SETMASK, held)


def _worker_setup(parent: int) -> None:
    """A worker leaves Ctrl-C to its parent and dies with it (Linux), never left running."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if sys.platform.startswith("linux"):
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
        except (OSError, AttributeError):
            return
        if os.getppid() != parent:  # the parent died before prctl took effect
            os._exit(1)


def _write(store: Store, batch: list[_Prepared], match: bool = True) -> Iterator[AddOutcome]:
    """Store prepared inputs in transactions of at most WRITE_SECONDS of CPU time each (one input
    at least), then report their outcomes."""
    outcomes: list[AddOutcome] = []
    while len(outcomes) < len(batch):
        with store.transaction():
            deadline = time.thread_time() + WRITE_SECONDS
            for ready in batch[len(outcomes) :]:
                outcomes.append(_store_prepared(store, ready, match))
                if time.thread_time() > deadline:
                    break
    yield from outcomes


def _store_prepared(store: Store, ready: _Prepared, match: bool = True) -> AddOutcome:
    if ready.error or ready.article is None or ready.claims is None:
        return AddOutcome(ready.name, error=ready.error)
    return AddOutcome(ready.name, _stored(store, ready.article, ready.claims, match))
