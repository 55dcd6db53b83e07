"""The review workbench at size (100,000 / 1,000,000 / 5,000,000 claims, 50 an article),
measured headless.

    python -m bench.bench_review [--claims 100000 1000000 5000000] [--presses 200] [--runs 3]
                                 [--cache DIR]

Figures, each from a fresh interpreter (so peak memory, VmHWM, is that variant's own): time
from start to the first claim painted (the first frame drawn after the claim was shown) and
to the app idle, that start split into its parts (the interpreter, imports, opening the
store, counts, finding the place and its page, reading the claim, the widgets and their first
render), median time per "next claim" keypress (key event until the new claim is drawn), a
verdict and the move to the next unreviewed claim (up to VERDICTS_UP_TO claims: see the
README), peak memory; the same for the queue sorted by score and filtered to unreviewed
claims by priority; jumps in the queue (first, last, a claim by id, the next unreviewed) and a
broad full-text search (a quarter of all claims), read through the store alone. Baselines in
the same run: the queue held whole as the review did before paging (every (id, status) in a
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
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bench.peak import own_peak_mb
from claimcheck.models import KINDS
from claimcheck.store import Store, now

if TYPE_CHECKING:  # textual is imported (and timed) by the variant that runs it
    from textual.app import App

SIZE = (120, 40)
SEARCH = "official 7"  # a broad search: "official 7..." is in about a quarter of the claims


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
    # The indexes are made after the rows (one sort each, not millions of inserts at random
    # places in trees larger than the page cache: 5M claims took hours that way).
    db.execute(f"PRAGMA cache_size = -{BUILD_CACHE_KB}")
    indexes = db.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        " AND tbl_name IN ('articles', 'claims')"
    ).fetchall()
    db.execute("BEGIN IMMEDIATE")
    for name, _ in indexes:
        db.execute(f"DROP INDEX [{name}]")
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
    for _, sql in indexes:
        db.execute(sql)
    db.execute("COMMIT")
    db.close()
    return time.perf_counter() - start


class Timeline:
    """A message hook noting when each key arrives and when its result is dispatched, so the
    app's own latency is measured apart from Pilot's round trip (press + wait for idle);
    `on_first` runs at the first result (the first claim shown)."""

    def __init__(self, done: type, on_first: Callable[[], None] | None = None) -> None:
        self.done = done
        self.on_first = on_first
        self.shown = False
        self.keys: list[float] = []
        self.results: list[float] = []

    def __call__(self, message: object) -> None:
        from textual.events import Key

        if isinstance(message, Key) and len(self.keys) == len(self.results):
            self.keys.append(time.perf_counter())
        elif isinstance(message, self.done):
            if not self.shown and self.on_first is not None:
                self.on_first()
            self.shown = True
            if len(self.results) < len(self.keys):
                self.results.append(time.perf_counter())

    def latencies(self) -> list[float]:
        return [done - key for key, done in zip(self.keys, self.results, strict=True)]


class Phases:
    """Seconds spent in chosen calls (wrapped in place for the run): the parts of the start."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)

    def wrap(self, owner: Any, name: str, label: str) -> None:
        original: Callable = getattr(owner, name)

        def timed(*args: Any, **kwargs: Any) -> Any:
            tick = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds[label] += time.perf_counter() - tick

        setattr(owner, name, timed)


def first_frame(app: App, shown: Callable[[], bool]) -> dict[str, float]:
    """Note (in the dict returned, "paint") when the app draws its first frame after `shown()`
    holds: the first claim on the terminal, not yet the app idle."""
    marks: dict[str, float] = {}
    display = app._display

    def noted(screen: Any, renderable: Any) -> None:
        if renderable is not None and "paint" not in marks and shown():
            marks["paint"] = time.perf_counter()
        display(screen, renderable)

    app._display = noted  # type: ignore[method-assign]
    return marks


async def drive(
    app: App,
    key: str,
    presses: int,
    timeline: Timeline,
    then: str | None = None,
    then_presses: int = 0,
) -> dict[str, float]:
    """Start the app, wait for the first screen, press `key` `presses` times, then (if given)
    `then` `then_presses` times, timed apart."""
    marks = first_frame(app, lambda: timeline.shown)
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
        for _ in range(then_presses if then else 0):
            await pilot.press(then)
            await pilot.pause()
    latencies = timeline.latencies()
    figures = {
        "first_claim": first,
        "first_paint": marks.get("paint", start + first) - start,
        "next_median": statistics.median(latencies[:presses]),
        "next_p95": sorted(latencies[:presses])[int(presses * 0.95)],
        "round_trip": statistics.median(round_trips),
    }
    if then and then_presses:
        figures["then_median"] = statistics.median(latencies[presses:])
    return figures


QUERIES = {
    "ours": {},
    "ours-score": {"order": "score"},
    "ours-unreviewed-priority": {"status": ["unreviewed"], "order": "priority"},
}


async def measure_ours(path: Path, presses: int, query: dict, verdicts: int) -> dict[str, float]:
    """The review on this query: its start split into parts, next claim, verdicts."""
    tick = time.perf_counter()
    import claimcheck.review.app
    from claimcheck.review import paged, screen
    from claimcheck.review.messages import ClaimShown
    from claimcheck.review.query import QueueQuery

    imports = time.perf_counter() - tick
    phases = Phases()
    phases.wrap(screen, "Store", "store_open")
    phases.wrap(paged.PagedQueue, "recount", "counts")
    phases.wrap(screen, "resume_position", "place")
    phases.wrap(screen, "load_view", "claim")
    at_first: dict[str, float] = {}
    timeline = Timeline(ClaimShown, on_first=lambda: at_first.update(phases.seconds))
    app = claimcheck.review.app.ReviewApp(
        path, reviewer="bench", keymap={}, query=QueueQuery(**query), poll_seconds=3600
    )
    figures = await drive(app, "j", presses, timeline, then="s", then_presses=verdicts)
    if verdicts:
        with Store(path) as store:
            assert store.count_claims(status=["supported"]) >= verdicts, "verdicts written"
    parts = {name: at_first.get(name, 0.0) for name in PARTS[2:-1]}
    widgets = figures["first_paint"] - sum(parts.values())
    return {**figures, "interpreter": PROCESS_AGE, "imports": imports, **parts, "widgets": widgets}


# The parts of the review's start, in order (interpreter: process start to the bench's child,
# with claimcheck.store imported; imports: the review and Textual).
PARTS = ("interpreter", "imports", "store_open", "counts", "place", "claim", "widgets")


def process_age() -> float:
    """Seconds since this process started (from /proc: the interpreter's own start counts)."""
    started = int(Path("/proc/self/stat").read_text().rsplit(")", 1)[1].split()[19])
    uptime = float(Path("/proc/uptime").read_text().split()[0])
    return uptime - started / os.sysconf("SC_CLK_TCK")


PROCESS_AGE = process_age()


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
    from textual.message import Message
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


JUMP_QUERIES = {
    "position": {},
    "score": {"order": "score"},
    "unreviewed-priority": {"status": ["unreviewed"], "order": "priority"},
    "search": {"search": SEARCH},
}


def measure_jumps(path: Path, repeats: int = 5) -> dict[str, float]:
    """Jumps in the paged queue, through the store alone (what the screen asks for each key):
    open (the counts), the last claim and the first (from an emptied page cache), a claim by
    id (its place counted: a filter or search kept on it, a reopened session), the next
    unreviewed claim from the middle; medians of `repeats`, at spread places. The searched
    queue (SEARCH) also times its first open (finding its full-text matches)."""
    from claimcheck.review.paged import PagedQueue
    from claimcheck.routing import queue_segments

    def timed(action: Callable, *args: Any) -> tuple[float, Any]:
        tick = time.perf_counter()
        result = action(*args)
        return time.perf_counter() - tick, result

    figures = {}
    with Store(path, reviewer="bench") as store:
        for name, query in JUMP_QUERIES.items():
            segments = queue_segments("bench", include_repeats=False, **query)
            store.forget_search_hits()
            figures[f"{name}_first_open"] = timed(PagedQueue, store, segments)[0]
            queue = PagedQueue(store, segments)
            size = len(queue)
            places = [size * (n + 1) // (repeats + 1) for n in range(repeats)]
            ids = [queue[place] for place in places]
            runs: dict[str, list[float]] = defaultdict(list)
            for place, claim_id in zip(places, ids, strict=True):
                runs["open"].append(timed(PagedQueue, store, segments)[0])
                queue.forget()
                runs["last"].append(timed(queue.__getitem__, size - 1)[0])
                queue.forget()
                runs["first"].append(timed(queue.__getitem__, 0)[0])
                queue.forget()
                seconds, found = timed(queue.find, claim_id)
                assert found == place, (name, claim_id, found, place)
                runs["by_id"].append(seconds)
                runs["next_unreviewed"].append(timed(queue.next_with, place, "unreviewed")[0])
            for action, seconds in runs.items():
                figures[f"{name}_{action}"] = statistics.median(seconds)
            figures[f"{name}_size"] = size
    return figures


def child(variant: str, path: Path, presses: int, verdicts: int) -> None:
    if variant == "held":
        figures = measure_held(path)
    elif variant == "jumps":
        figures = measure_jumps(path)
    elif variant == "datatable":
        figures = asyncio.run(measure_datatable(path, presses))
    else:
        figures = asyncio.run(measure_ours(path, presses, QUERIES[variant], verdicts))
    figures["peak_rss_mb"] = own_peak_mb()
    print(json.dumps(figures))


def run_child(variant: str, path: Path, presses: int, verdicts: int = 0) -> dict[str, float]:
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
            "--verdicts",
            str(verdicts),
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
    """Every variant at one size: ours (medians over runs; VERDICTS verdicts in the first, up
    to VERDICTS_UP_TO claims), its sorted and filtered queues, the jumps, the held queue's load
    (once beyond a million claims: it holds gigabytes), the DataTable (up to DATATABLE_UP_TO)."""
    verdicts = VERDICTS if claims <= VERDICTS_UP_TO else 0
    ours = [run_child("ours", path, presses, verdicts if n == 0 else 0) for n in range(runs)]
    common = set.intersection(*(set(run) for run in ours))
    figures = {"ours": {key: statistics.median(run[key] for run in ours) for key in common}}
    if verdicts:
        figures["ours"]["then_median"] = ours[0]["then_median"]
    for variant in ("ours-score", "ours-unreviewed-priority"):
        figures[variant] = run_child(variant, path, presses // 2)
    figures["jumps"] = run_child("jumps", path, 0)
    held = [run_child("held", path, presses) for _ in range(runs if claims <= 1_000_000 else 1)]
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
    parser.add_argument("--verdicts", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args(argv if argv is not None else [])
    if args.child:
        child(args.child[0], Path(args.child[1]), args.presses, args.verdicts)
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
        "  first paint = app started -> first frame drawn with the claim; idle = until the app"
        " waits for keys; next claim = key event dispatched -> new claim drawn (message hook);"
        " verdict = s, written and audited, then on to the next unreviewed; aim: first paint"
        " < 0.5 s, next < 30 ms, memory < 150 MB at any size"
    )
    figures = {str(claims): summary(figures) for claims, figures in results.items()}
    print(json.dumps({**figures, "empty_app_first_paint_s": round(first, 3)}))


def report(figures: dict[str, dict]) -> None:
    header = ("first paint", "idle", "next claim", "p95", "verdict+next", "peak memory")
    print(f"  {'':<36}" + "".join(f"{h:>14}" for h in header))
    for variant, name in NAMES.items():
        f = figures.get(variant)
        if f is None:
            continue
        cells = (
            f"{f['first_paint']:.2f} s" if "first_paint" in f else "-",
            f"{f['first_claim']:.2f} s",
            f"{f['next_median'] * 1000:.1f} ms" if "next_median" in f else "-",
            f"{f['next_p95'] * 1000:.1f} ms" if "next_p95" in f else "-",
            f"{f['then_median'] * 1000:.1f} ms" if "then_median" in f else "-",
            f"{f['peak_rss_mb']:.0f} MB",
        )
        print(f"  {name:<36}" + "".join(f"{c:>14}" for c in cells), flush=True)
    ours = figures["ours"]
    parts = ", ".join(f"{part} {ours[part] * 1000:.0f}" for part in PARTS)
    print(f"  the start, in ms (medians): {parts}")
    jumps = figures["jumps"]
    actions = ("open", "first", "last", "by_id", "next_unreviewed")
    print(f"  jumps, ms (store only){'':<14}" + "".join(f"{a:>16}" for a in actions))
    for name in JUMP_QUERIES:
        cells = "".join(f"{jumps[f'{name}_{a}'] * 1000:>13.1f} ms" for a in actions)
        print(f"    {name + ' (' + format(int(jumps[name + '_size']), ',') + ')':<34}{cells}")
    print(
        f"    the search's matches found once, on its first open: "
        f"{jumps['search_first_open'] * 1000:.0f} ms",
        flush=True,
    )


def summary(figures: dict[str, dict]) -> dict[str, float]:
    """The key figures of one size, for the JSON line."""
    ours, held = figures["ours"], figures["held"]
    out = {
        "first_paint_s": round(ours["first_paint"], 3),
        "first_claim_s": round(ours["first_claim"], 3),
        "start_ms": {part: round(ours[part] * 1000, 1) for part in PARTS},
        "next_ms": round(ours["next_median"] * 1000, 2),
        "peak_mb": round(ours["peak_rss_mb"], 1),
        "score_first_claim_s": round(figures["ours-score"]["first_claim"], 3),
        "filtered_first_claim_s": round(figures["ours-unreviewed-priority"]["first_claim"], 3),
        "held_load_s": round(held["first_claim"], 3),
        "held_peak_mb": round(held["peak_rss_mb"], 1),
        "jumps_ms": {
            key: round(value * 1000, 1)
            for key, value in figures["jumps"].items()
            if not key.endswith(("_size", "peak_rss_mb"))
        },
    }
    if "then_median" in ours:
        out["verdict_ms"] = round(ours["then_median"] * 1000, 2)
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
BUILD_CACHE_KB = 1_000_000  # SQLite's page cache while building (1 GB)
DATATABLE_UP_TO = 100_000
# A verdict reaches other articles' unreviewed claims (claim memory, memory/matches.py reach):
# on this generated text, where every claim shares most words, that took 21 s at 100,000
# claims and 214 s at 1,000,000, so the bench times VERDICTS of them and only up to here.
VERDICTS = 3
VERDICTS_UP_TO = 100_000


if __name__ == "__main__":
    main(sys.argv[1:])
