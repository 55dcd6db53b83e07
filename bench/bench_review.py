"""The review workbench at size (100,000 / 1,000,000 / 5,000,000 claims, 50 an article),
measured headless.

    python -m bench.bench_review [--claims 100000 1000000 5000000] [--presses 200] [--runs 3]
                                 [--cache DIR]

Figures, each from a fresh interpreter (so peak memory, VmHWM, is that variant's own): time
from start to the first claim shown, median time per "next claim" keypress (key event until
the new claim is drawn), a verdict and the move to the next unreviewed claim, peak memory; the
same for the queue sorted by score and filtered to unreviewed claims by priority. Baselines
in the same run: the queue held whole as the review did before paging (every (id, status) in a
list and a dict: the load alone), and a plain Textual DataTable filled with every claim (up to
100,000 claims: beyond it takes minutes and gigabytes). --cache keeps the databases.

The database is generated, not extracted: the schema comes from `Store` (its migrations), then
articles and claims go in with sqlite3 executemany in one transaction (the FTS triggers fire as
for real rows). Each article is 50 numbered sentences, one claim per sentence, one paragraph
per five sentences; scores, kinds and statuses vary deterministically.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from textual.app import App
from textual.message import Message

from bench.peak import own_peak_mb
from claimcheck.models import KINDS
from claimcheck.store import Store, now

SIZE = (120, 40)


def build_database(path: Path, claims: int, articles: int) -> float:
    """A claims.db of synthetic articles and claims; returns the seconds it took. Rows are
    generated as they are inserted (a 5M-claim database never sits in memory)."""
    start = time.perf_counter()
    Store(path).close()
    per_article = claims // articles
    stamp = now()

    def sentence(article_id: int, number: int, claim_id: int) -> str:
        return (
            f"In dispatch {article_id} official {number} said spending rose by "
            f"{(claim_id * 7) % 97 + 1}.{claim_id % 10} per cent in {1990 + claim_id % 35}."
        )

    def article_rows() -> Iterator[tuple]:
        for article_id in range(1, articles + 1):
            first = (article_id - 1) * per_article + 1
            text = "".join(
                sentence(article_id, number, first + number) + ("\n" if number % 5 == 4 else " ")
                for number in range(per_article)
            )
            yield article_id, f"Dispatch {article_id}", text, f"sha{article_id}", stamp

    def claim_rows() -> Iterator[tuple]:
        for article_id in range(1, articles + 1):
            offset = 0
            for number in range(per_article):
                claim_id = (article_id - 1) * per_article + number + 1
                text = sentence(article_id, number, claim_id)
                kind = KINDS[claim_id % len(KINDS)]
                yield (
                    claim_id,
                    article_id,
                    offset,
                    offset + len(text),
                    number // 5,
                    text,
                    text,
                    kind,
                    json.dumps([kind]),
                    round((claim_id * 37 % 100) / 100, 2),
                    "[]",
                    "[]",
                    "unreviewed" if claim_id % 3 else "supported",
                    1,
                    stamp,
                    stamp,
                )
                offset += len(text) + 1

    db = Store(path).db.conn
    with db:
        db.executemany(
            "INSERT INTO articles (id, title, text, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)",
            article_rows(),
        )
        db.executemany(
            "INSERT INTO claims (id, article_id, start, [end], paragraph, sentence, text, kind,"
            " kinds, checkworthiness, reasons, dates, status, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows(),
        )
    db.close()
    return time.perf_counter() - start


class Timeline:
    """A message hook noting when each key arrives and when its result is dispatched, so the
    app's own latency is measured apart from Pilot's round trip (press + wait for idle)."""

    def __init__(self, done: type) -> None:
        self.done = done
        self.keys: list[float] = []
        self.results: list[float] = []

    def __call__(self, message: object) -> None:
        from textual.events import Key

        if isinstance(message, Key) and len(self.keys) == len(self.results):
            self.keys.append(time.perf_counter())
        elif isinstance(message, self.done) and len(self.results) < len(self.keys):
            self.results.append(time.perf_counter())

    def latencies(self) -> list[float]:
        return [done - key for key, done in zip(self.keys, self.results, strict=True)]


async def drive(
    app: App,
    key: str,
    presses: int,
    timeline: Timeline,
    then: str | None = None,
) -> dict[str, float]:
    """Start the app, wait for the first screen, press `key` `presses` times, then (if given)
    `then` as often, timed apart."""
    start = time.perf_counter()
    async with app.run_test(size=SIZE, message_hook=timeline) as pilot:
        await pilot.pause()
        first = time.perf_counter() - start
        round_trips = []
        for _ in range(presses):
            tick = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            round_trips.append(time.perf_counter() - tick)
        for _ in range(presses if then else 0):
            await pilot.press(then)
            await pilot.pause()
    latencies = timeline.latencies()
    figures = {
        "first_claim": first,
        "next_median": statistics.median(latencies[:presses]),
        "next_p95": sorted(latencies[:presses])[int(presses * 0.95)],
        "round_trip": statistics.median(round_trips),
    }
    if then:
        figures["then_median"] = statistics.median(latencies[presses:])
    return figures


QUERIES = {
    "ours": {},
    "ours-score": {"order": "score"},
    "ours-unreviewed-priority": {"status": ["unreviewed"], "order": "priority"},
}


async def measure_ours(path: Path, presses: int, query: dict) -> dict[str, float]:
    from claimcheck.review.app import ReviewApp
    from claimcheck.review.messages import ClaimShown
    from claimcheck.review.query import QueueQuery

    app = ReviewApp(path, reviewer="bench", keymap={}, query=QueueQuery(**query), poll_seconds=3600)
    figures = await drive(app, "j", presses, Timeline(ClaimShown), then="s")
    with Store(path) as store:
        assert store.count_claims(status=["supported"]) > presses, "the verdicts were written"
    return figures


def measure_held(path: Path) -> dict[str, float]:
    """The queue as the review held it before paging: every (id, status) in a list and a dict
    (the load alone, without the app around it)."""
    from claimcheck.routing import queue_for

    start = time.perf_counter()
    with Store(path) as store:
        pairs = queue_for(store, "bench", include_repeats=False)
        statuses = dict(pairs)
        ids = [claim_id for claim_id, _ in pairs]
    assert len(ids) == len(statuses)
    return {"first_claim": time.perf_counter() - start}


async def measure_datatable(path: Path, presses: int) -> dict[str, float]:
    """The obvious build: every claim a DataTable row; the claim's text shown beside it."""
    from textual.app import App, ComposeResult
    from textual.widgets import DataTable, Static

    class Shown(Message):
        """The highlighted row's claim is on screen."""

    class TableApp(App[None]):
        def compose(self) -> ComposeResult:
            yield DataTable(cursor_type="row")
            yield Static(id="claim")

        def on_mount(self) -> None:
            with Store(path) as store:
                rows = store.db.execute(
                    "SELECT id, status, kind, checkworthiness, article_id, text FROM claims"
                    " ORDER BY article_id, start"
                ).fetchall()
            table = self.query_one(DataTable)
            table.add_columns("id", "status", "kind", "score", "article", "claim")
            table.add_rows(rows)
            table.focus()

        def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
            row = self.query_one(DataTable).get_row(event.row_key)
            self.query_one("#claim", Static).update(str(row[5]))
            self.post_message(Shown())

    return await drive(TableApp(), "down", presses, Timeline(Shown))


async def measure_floor(presses: int) -> tuple[float, float]:
    """An empty app's first paint (Textual's own start on this machine now) and Pilot's round
    trip for a key that does nothing."""
    from textual.app import App

    app = App()
    round_trips = []
    start = time.perf_counter()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        first = time.perf_counter() - start
        for _ in range(presses):
            tick = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            round_trips.append(time.perf_counter() - tick)
    return first, statistics.median(round_trips)


def child(variant: str, path: Path, presses: int) -> None:
    if variant == "held":
        figures = measure_held(path)
    elif variant == "datatable":
        figures = asyncio.run(measure_datatable(path, presses))
    else:
        figures = asyncio.run(measure_ours(path, presses, QUERIES[variant]))
    figures["peak_rss_mb"] = own_peak_mb()
    print(json.dumps(figures))


def run_child(variant: str, path: Path, presses: int) -> dict[str, float]:
    """One variant in a fresh interpreter (exec'd: its peak memory is its own)."""
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bench.bench_review",
            "--child",
            variant,
            str(path),
            "--presses",
            str(presses),
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def database(folder: Path, claims: int) -> tuple[Path, float]:
    """The generated database of this size in folder: built once, reused while complete."""
    path = folder / f"review-{claims}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        return path, 0.0
    for stale in folder.glob(f"{path.name}*"):
        stale.unlink()
    built = build_database(path, claims, max(1, claims // PER_ARTICLE))
    done.write_text(f"{built:.1f}")
    return path, built


def measure_size(path: Path, claims: int, presses: int, runs: int) -> dict[str, dict]:
    """Every variant at one size: ours (medians over runs), its sorted and filtered queues,
    the held queue's load, the DataTable (up to DATATABLE_UP_TO claims)."""
    ours = [run_child("ours", path, presses) for _ in range(runs)]
    figures = {"ours": {key: statistics.median(run[key] for run in ours) for key in ours[0]}}
    for variant in ("ours-score", "ours-unreviewed-priority"):
        figures[variant] = run_child(variant, path, presses // 2)
    held = [run_child("held", path, presses) for _ in range(runs)]
    figures["held"] = {key: statistics.median(run[key] for run in held) for key in held[0]}
    if claims <= DATATABLE_UP_TO:
        figures["datatable"] = run_child("datatable", path, presses)
    return figures


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, nargs="+", default=[100_000])
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cache", type=Path, help="keep the generated databases here")
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "DB"))
    args = parser.parse_args(argv if argv is not None else [])
    if args.child:
        child(args.child[0], Path(args.child[1]), args.presses)
        return
    with tempfile.TemporaryDirectory() as scratch:
        folder = args.cache or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        results = {}
        for claims in args.claims:
            path, built = database(folder, claims)
            size = path.stat().st_size / 1e6
            print(
                f"review: {claims:,} claims, {PER_ARTICLE} an article ({size:.0f} MB, "
                + (f"generated in {built:.0f} s" if built else "cached")
                + f"); headless {SIZE[0]}x{SIZE[1]}, {args.presses} 'next claim' presses,"
                f" median of {args.runs} runs",
                flush=True,
            )
            results[claims] = measure_size(path, claims, args.presses, args.runs)
            report(results[claims])
    first, floor = asyncio.run(measure_floor(args.presses))
    print(
        f"  an empty Textual app's first paint: {first:.2f} s; Pilot round trip of a key that"
        f" does nothing: {floor * 1000:.1f} ms"
    )
    print(
        "  first claim = app started -> first claim drawn; next claim = key event dispatched ->"
        " new claim drawn (message hook); verdict = s, written and audited, then on to the next"
        " unreviewed; aim: first claim < 0.5 s, next < 30 ms, memory < 150 MB at any size"
    )
    figures = {str(claims): summary(figures) for claims, figures in results.items()}
    print(json.dumps({**figures, "empty_app_first_paint_s": round(first, 3)}))


def report(figures: dict[str, dict]) -> None:
    header = ("first claim", "next claim", "p95", "verdict+next", "peak memory")
    print(f"  {'':<36}" + "".join(f"{h:>14}" for h in header))
    for variant, name in NAMES.items():
        f = figures.get(variant)
        if f is None:
            continue
        cells = (
            f"{f['first_claim']:.2f} s",
            f"{f['next_median'] * 1000:.1f} ms" if "next_median" in f else "-",
            f"{f['next_p95'] * 1000:.1f} ms" if "next_p95" in f else "-",
            f"{f['then_median'] * 1000:.1f} ms" if "then_median" in f else "-",
            f"{f['peak_rss_mb']:.0f} MB",
        )
        print(f"  {name:<36}" + "".join(f"{c:>14}" for c in cells), flush=True)


def summary(figures: dict[str, dict]) -> dict[str, float]:
    """The key figures of one size, for the JSON line."""
    ours, held = figures["ours"], figures["held"]
    out = {
        "first_claim_s": round(ours["first_claim"], 3),
        "next_ms": round(ours["next_median"] * 1000, 2),
        "verdict_ms": round(ours["then_median"] * 1000, 2),
        "peak_mb": round(ours["peak_rss_mb"], 1),
        "score_first_claim_s": round(figures["ours-score"]["first_claim"], 3),
        "filtered_first_claim_s": round(figures["ours-unreviewed-priority"]["first_claim"], 3),
        "held_load_s": round(held["first_claim"], 3),
        "held_peak_mb": round(held["peak_rss_mb"], 1),
    }
    if "datatable" in figures:
        out["datatable_first_claim_s"] = round(figures["datatable"]["first_claim"], 3)
        out["datatable_peak_mb"] = round(figures["datatable"]["peak_rss_mb"], 1)
    return out


NAMES = {
    "ours": "claimcheck review (paged)",
    "ours-score": "  sort:score",
    "ours-unreviewed-priority": "  status:unreviewed sort:priority",
    "held": "baseline: queue held (load only)",
    "datatable": "baseline: DataTable of every row",
}
PER_ARTICLE = 50
DATATABLE_UP_TO = 100_000


if __name__ == "__main__":
    main(sys.argv[1:])
