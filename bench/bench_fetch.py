"""Fetching and archiving 500 sources from local servers: concurrency, memory, conditional requests.

Eight real HTTP servers on 127.0.0.1 (eight "sites", so the per-host bound applies as it would on
the web) serve 500 pages with 25 ms of latency each; some are slow (1 s), some dead (404), some
failing (503, retried with backoff). Everything goes through `archive.fetch_sources` into a fresh
database, extraction and archiving included.

1. Wall time at the default concurrency against one fetch at a time, same pages, same run
   (medians of three runs each).
2. Peak memory of a child process fetching the 500 pages, without and then with four 50 MB
   responses in the mix (two declaring their size, two streamed without it): the child's own
   VmHWM (bench.peak), not ru_maxrss, which would carry the parent's pages over the fork.
3. A second run over unchanged pages: requests carrying If-None-Match / If-Modified-Since, counted
   on the servers, and how many were answered 304.

    python -m bench.bench_fetch
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from dataclasses import replace
from pathlib import Path

from bench import REPO
from bench.peak import own_peak_mb
from claimcheck import archive
from claimcheck.models import ArticleInput
from claimcheck.pipeline import add_article
from claimcheck.sources import FetchSettings
from claimcheck.store import Store
from tests.httpserver import Reply, ScriptedServer, Seen, conditional_page

# The servers are on 127.0.0.1, which fetches refuse unless allowed (claimcheck.addresses).
os.environ.setdefault("CLAIMCHECK_ALLOW_NETWORKS", "127.0.0.1/32")

PAGES = 500
SITES = 8
LATENCY = 0.025
REPEAT = 3
BIG = 50 * 1024 * 1024
LAST_MODIFIED = "Mon, 17 Jun 2024 10:00:00 GMT"


def page_body(index: int) -> bytes:
    paragraphs = "".join(
        f"<p>Paragraph {n} of page {index}: Poland spent {3 + n / 10:.1f}% of GDP on defence,"
        f" according to the estimates published in June.</p>"
        for n in range(12)
    )
    page = f"<html><body><article><h1>Page {index}</h1>{paragraphs}</article></body></html>"
    return page.encode()


def with_latency(handler, delay: float):
    def answer(seen: Seen) -> Reply:
        time.sleep(delay)
        return handler(seen)

    return answer


def big_stream():
    chunk = b"<p>" + b"x" * (65536 - 7) + b"</p>"
    for _ in range(BIG // len(chunk)):
        yield chunk


def build_sites(servers: list[ScriptedServer], big: int = 0) -> list[str]:
    """Route PAGES pages over the servers; returns their URLs."""
    urls = []
    for index in range(PAGES):
        server = servers[index % len(servers)]
        path = f"/page/{index}"
        if index % 50 == 7:
            reply = with_latency(lambda seen: Reply(200, page_body(1), {"ETag": '"s"'}), 1.0)
        elif index % 50 == 13:
            reply = Reply(404, b"gone")
        elif index % 100 == 21:
            reply = Reply(503, b"try later")
        elif big and index % 125 == 3:
            headers = {"Content-Type": "text/html"}
            if (index // 125) % 2:
                headers["Content-Length"] = str(BIG)
            reply = Reply(200, big_stream(), headers)
            big -= 1
        else:
            page = conditional_page(page_body(index), f'"{index}"', LAST_MODIFIED, "text/html")
            reply = with_latency(page, LATENCY)
        urls.append(server.route(path, reply))
    return urls


def prepare_store(path: Path, urls: list[str]) -> Store:
    store = Store(path, reviewer="bench")
    add_article(store, ArticleInput(text="Poland spends 3.9 per cent of GDP on defence."))
    claim_id = store.claims()[0].id
    with store.transaction():
        for url in urls:
            store.cite(claim_id, url, kind="cited")
    return store


def timed_fetch(
    urls: list[str], settings: FetchSettings, workdir: Path, name: str
) -> tuple[float, archive.FetchSummary, Store]:
    store = prepare_store(workdir / f"{name}.db", urls)
    started = time.perf_counter()
    summary = archive.fetch_sources(store, settings=settings)
    return time.perf_counter() - started, summary, store


def describe(summary: archive.FetchSummary) -> str:
    reasons: dict[str, int] = {}
    for outcome in summary.failed:
        reason = (outcome.error or "").split(" (")[0]
        reasons[reason] = reasons.get(reason, 0) + 1
    failed = ", ".join(f"{count} {reason}" for reason, count in sorted(reasons.items()))
    return f"{summary.fetched} archived, {len(summary.failed)} failed ({failed})"


def speed_and_conditional() -> dict[str, float]:
    default = FetchSettings()
    sequential = replace(default, concurrency=1, per_host=1)
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        servers = [stack.enter_context(ScriptedServer()) for _ in range(SITES)]
        urls = build_sites(servers)
        workdir = Path(tmp)
        fast_runs, slow_runs = [], []
        for run in range(REPEAT):
            slow, slow_summary, _ = timed_fetch(urls, sequential, workdir, f"sequential{run}")
            fast, summary, store = timed_fetch(urls, default, workdir, f"concurrent{run}")
            assert slow_summary.fetched == summary.fetched
            slow_runs.append(slow)
            fast_runs.append(fast)
        print(f"pages: {PAGES} over {SITES} local sites; {describe(summary)}")
        slow, fast = statistics.median(slow_runs), statistics.median(fast_runs)
        print(f"median of {REPEAT} runs each:")
        print(f"  sequential (1 at a time):        {slow:7.2f} s")
        print(
            f"  default ({default.concurrency} at once, {default.per_host}/host):"
            f"   {fast:7.2f} s   speed-up {slow / fast:.1f}x"
        )
        before = [len(s.requests) for s in servers]
        again = time.perf_counter()
        second = archive.fetch_sources(store, refresh=True, settings=default)
        took = time.perf_counter() - again
        requests = [seen for s, n in zip(servers, before, strict=True) for seen in s.requests[n:]]
        conditional = [
            r for r in requests if "if-none-match" in r.headers or "if-modified-since" in r.headers
        ]
        print(
            f"second run over unchanged pages: {took:.2f} s, {len(requests)} requests,"
            f" {len(conditional)} conditional, {second.not_modified} answered 304,"
            f" {second.fetched} downloaded again (their server ignores validators),"
            f" {len(second.failed)} failed again"
        )
    return {
        "sequential_s": round(slow, 2),
        "concurrent_s": round(fast, 2),
        "speed_up": round(slow / fast, 2),
        "second_run_304": second.not_modified,
    }


def child_peak(big: int) -> tuple[float, str]:
    """Peak memory (VmHWM) in MB of a child process fetching the pages (with `big` 50 MB
    responses), the servers staying in this process so that only the fetcher is measured."""
    with ExitStack() as stack, tempfile.TemporaryDirectory() as tmp:
        servers = [stack.enter_context(ScriptedServer()) for _ in range(SITES)]
        listing = Path(tmp) / "urls.txt"
        listing.write_text("\n".join(build_sites(servers, big=big)))
        output = subprocess.run(
            [sys.executable, "-m", "bench.bench_fetch", "--child", str(listing)],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.splitlines()
    return float(output[-1]), output[-2]


def child(listing: Path) -> None:
    urls = listing.read_text().split("\n")
    with tempfile.TemporaryDirectory() as tmp:
        _, summary, _ = timed_fetch(urls, FetchSettings(), Path(tmp), "memory")
        print(describe(summary))
    print(own_peak_mb())


def memory() -> dict[str, float]:
    plain = statistics.median(child_peak(0)[0] for _ in range(REPEAT))
    heavy_runs = [child_peak(4) for _ in range(REPEAT)]
    heavy, outcome = statistics.median(r[0] for r in heavy_runs), heavy_runs[-1][1]
    cap = FetchSettings().max_bytes / 1e6
    print(f"with four 50 MB responses: {outcome}")
    print(
        f"peak memory (VmHWM) of the fetching process, median of {REPEAT}: {plain:.0f} MB without,"
        f" {heavy:.0f} MB with the 50 MB responses (cut off at the {cap:.0f} MB cap);"
        f" ratio {heavy / plain:.2f}"
    )
    return {"peak_mb": round(plain, 1), "peak_mb_big": round(heavy, 1)}


def main() -> None:
    figures = {"bench": "fetch", **speed_and_conditional(), **memory()}
    print(json.dumps(figures))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        child(Path(sys.argv[2]))
    else:
        main()
