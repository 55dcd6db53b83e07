"""The review workbench at size: 100,000 claims over 2,000 articles, measured headless.

    python -m bench.bench_review [--claims 100000] [--articles 2000] [--presses 200]

Figures, each from a fresh process (so peak memory is that variant's own): time from start to
the first claim shown, median time per "next claim" keypress (key press until the new claim is
drawn and the app is idle), and peak RSS. Baseline in the same run: a plain Textual DataTable
filled with every claim (the obvious build), moving its cursor and showing the claim's text.

The database is generated, not extracted: the schema comes from `Store` (its migrations), then
articles and claims go in with sqlite3 executemany in one transaction (the FTS triggers fire as
for real rows). Each article is 50 numbered sentences, one claim per sentence, one paragraph
per five sentences; scores, kinds and statuses vary deterministically.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from textual.app import App
from textual.message import Message

from claimcheck.models import KINDS
from claimcheck.store import Store, now

SIZE = (120, 40)


def build_database(path: Path, claims: int, articles: int) -> float:
    """A claims.db of synthetic articles and claims; returns the seconds it took."""
    start = time.perf_counter()
    Store(path).close()
    per_article = claims // articles
    stamp = now()
    article_rows = []
    claim_rows = []
    for article_id in range(1, articles + 1):
        sentences = []
        offset = 0
        for number in range(per_article):
            claim_id = (article_id - 1) * per_article + number + 1
            sentence = (
                f"In dispatch {article_id} official {number} said spending rose by "
                f"{(claim_id * 7) % 97 + 1}.{claim_id % 10} per cent in {1990 + claim_id % 35}."
            )
            separator = "\n" if number % 5 == 4 else " "
            claim_rows.append(
                (
                    claim_id,
                    article_id,
                    offset,
                    offset + len(sentence),
                    number // 5,
                    sentence,
                    sentence,
                    KINDS[claim_id % len(KINDS)],
                    json.dumps([KINDS[claim_id % len(KINDS)]]),
                    round((claim_id * 37 % 100) / 100, 2),
                    "[]",
                    "[]",
                    "unreviewed" if claim_id % 3 else "supported",
                    1,
                    stamp,
                    stamp,
                )
            )
            sentences.append(sentence + separator)
            offset += len(sentence) + 1
        text = "".join(sentences)
        article_rows.append((article_id, f"Dispatch {article_id}", text, f"sha{article_id}", stamp))
    db = Store(path).db.conn
    with db:
        db.executemany(
            "INSERT INTO articles (id, title, text, sha256, ingested_at) VALUES (?, ?, ?, ?, ?)",
            article_rows,
        )
        db.executemany(
            "INSERT INTO claims (id, article_id, start, [end], paragraph, sentence, text, kind,"
            " kinds, checkworthiness, reasons, dates, status, version, created_at, updated_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            claim_rows,
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


async def measure_ours(path: Path, presses: int) -> dict[str, float]:
    from claimcheck.review.app import ReviewApp
    from claimcheck.review.messages import ClaimShown

    app = ReviewApp(path, reviewer="bench", keymap={}, poll_seconds=3600)
    figures = await drive(app, "j", presses, Timeline(ClaimShown), then="s")
    with Store(path) as store:
        assert store.count_claims(status=["supported"]) > presses, "the verdicts were written"
    return figures


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


async def measure_floor(presses: int) -> float:
    """Pilot's own round trip for a key that does nothing, in an empty app."""
    from textual.app import App

    app = App()
    round_trips = []
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(presses):
            tick = time.perf_counter()
            await pilot.press("x")
            await pilot.pause()
            round_trips.append(time.perf_counter() - tick)
    return statistics.median(round_trips)


def child(variant: str, path: Path, presses: int) -> None:
    measure = measure_ours if variant == "ours" else measure_datatable
    figures = asyncio.run(measure(path, presses))
    figures["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(figures))


def run_child(variant: str, path: Path, presses: int) -> dict[str, float]:
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


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--presses", type=int, default=200)
    parser.add_argument("--child", nargs=2, metavar=("VARIANT", "DB"))
    args = parser.parse_args(argv if argv is not None else [])
    if args.child:
        child(args.child[0], Path(args.child[1]), args.presses)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "claims.db"
        built = build_database(path, args.claims, args.articles)
        size = path.stat().st_size / 1e6
        print(
            f"review: {args.claims:,} claims over {args.articles:,} articles "
            f"({size:.0f} MB, generated in {built:.1f} s); headless {SIZE[0]}x{SIZE[1]}, "
            f"{args.presses} 'next claim' presses; medians"
        )
        ours = run_child("ours", path, args.presses)
        table = run_child("datatable", path, args.presses)
    floor = asyncio.run(measure_floor(args.presses))
    header = ("first claim", "next claim", "p95", "Pilot round trip", "peak RSS")
    print(f"  {'':<32}" + "".join(f"{h:>17}" for h in header))
    for name, f in (("claimcheck review (paged)", ours), ("DataTable with every row", table)):
        cells = (
            f"{f['first_claim']:.2f} s",
            f"{f['next_median'] * 1000:.1f} ms",
            f"{f['next_p95'] * 1000:.1f} ms",
            f"{f['round_trip'] * 1000:.1f} ms",
            f"{f['peak_rss_mb']:.0f} MB",
        )
        print(f"  {name:<32}" + "".join(f"{c:>17}" for c in cells))
    ratios = (
        table["first_claim"] / ours["first_claim"],
        table["next_median"] / ours["next_median"],
        table["next_p95"] / ours["next_p95"],
        table["round_trip"] / ours["round_trip"],
        table["peak_rss_mb"] / ours["peak_rss_mb"],
    )
    print(f"  {'ratio DataTable / ours':<32}" + "".join(f"{r:>16.1f}x" for r in ratios))
    print(
        "  a verdict (s): written with its audit event, then on to the next unreviewed claim: "
        f"{ours['then_median'] * 1000:.1f} ms"
    )
    print(f"  Pilot round trip of a key that does nothing (empty app): {floor * 1000:.1f} ms")
    print(
        "  round trip less that floor (key, redraw and repaint): "
        f"ours {(ours['round_trip'] - floor) * 1000:.1f} ms, "
        f"DataTable {(table['round_trip'] - floor) * 1000:.1f} ms"
    )
    print(
        "  next claim = key event dispatched -> new claim drawn into its widgets (message hook);"
        " aim: first claim < 1 s, next < 30 ms, memory < 300 MB"
    )


if __name__ == "__main__":
    main(sys.argv[1:])
