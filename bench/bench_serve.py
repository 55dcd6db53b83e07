"""The review in a browser: `claimcheck serve` on a large database, in headless Chromium.

    python -m bench.bench_serve [--claims 100000] [--articles 2000] [--presses 15]

Figures, each the median of `--runs` fresh tabs (a tab is a fresh app process):
- first draw: from the page's navigation start until the sign-in screen is painted (the first
  animation frame after the websocket frame holding it);
- review drawn: from the Enter that signs in until the review screen is painted;
- key to frame: from a key press ("j", next claim) until the frame showing the new claim's
  queue position is painted, median over `--presses` presses a tab.
Times are the page's own clock (performance.now()), recorded by a script in the page (see
tests/browser.py), so Playwright's own round trips are not counted.

Baseline in the same run: the same textual-serve and browser serving a one-widget Textual app
(a counter that a key increments) — what any served Textual app costs, before claimcheck's own
work. The database is bench_review's synthetic one (100,000 claims by default).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.bench_review import build_database
from claimcheck.reviewers import add_reviewer
from claimcheck.store import Store
from tests.browser import ServedReview, Tab, chromium

PASSPHRASE = "bench passphrase"

BASELINE_APP = """
from textual.app import App
from textual.widgets import Static
class Counter(App):
    BINDINGS = [("j", "more", "more")]
    count = 0
    def compose(self):
        yield Static("baseline 0", id="n")
    def action_more(self):
        self.count += 1
        self.query_one("#n").update(f"baseline {self.count}")
Counter().run()
"""
BASELINE_SERVER = (
    "import shlex, sys; from textual_serve.server import Server;"
    " Server(shlex.join([sys.executable, '-c', sys.argv[1]]), host='127.0.0.1',"
    " port=int(sys.argv[3])).serve()"
)


def painted(tab: Tab, text: str, after: int, timeout: float = 60.0) -> float:
    """When the first frame from `after` on holding `text` was painted (page ms)."""
    index = tab.wait_for_text(text, after=after, timeout=timeout)
    frame = tab.frames()[index]
    deadline = time.monotonic() + 5
    while frame["drawn"] is None and time.monotonic() < deadline:
        time.sleep(0.02)
        frame = tab.frames()[index]
    return frame["drawn"] if frame["drawn"] is not None else frame["at"]


def key_to_frame(tab: Tab, presses: int, label: str, start: int) -> list[float]:
    """Press "j" `presses` times, each time waiting for the frame showing label.format(n),
    n counting on from `start`."""
    latencies = []
    for n in range(start + 1, start + 1 + presses):
        before = tab.count()
        tab.page.keyboard.press("j")
        drawn = painted(tab, label.format(n), before, timeout=20)
        latencies.append(drawn - tab.keys()[-1])
        tab.page.wait_for_timeout(150)
    return latencies


def measure_review(browser: Any, url: str, presses: int) -> dict[str, Any]:
    tab = Tab(browser, url)
    first = painted(tab, "sign in to review", 0)
    tab.focus()
    tab.type_line("bench")
    tab.page.keyboard.type(PASSPHRASE)
    before = tab.count()
    tab.page.keyboard.press("Enter")
    review = painted(tab, "reviewed", before) - tab.keys()[-1]
    # "claim 7 (2 of 100000 here)": a later run resumes where the one before left off
    shown = tab.frames()[tab.wait_for_text(" here)", after=before)]["text"]
    start = int(re.search(r"\((\d+) of \d+ here\)", shown).group(1))
    tab.page.wait_for_timeout(500)
    keys = key_to_frame(tab, presses, "({} of ", start=start)
    tab.page.close()
    return {"first": first, "review": review, "keys": keys}


def measure_baseline(browser: Any, url: str, presses: int) -> dict[str, Any]:
    tab = Tab(browser, url)
    first = painted(tab, "baseline 0", 0)
    tab.focus()
    keys = key_to_frame(tab, presses, "baseline {}", start=0)
    tab.page.close()
    return {"first": first, "keys": keys}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--articles", type=int, default=2_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--presses", type=int, default=15)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        db = Path(folder) / "claims.db"
        built = build_database(db, args.claims, args.articles)
        with Store(db) as store:
            add_reviewer(store, "bench", PASSPHRASE)
        print(f"database: {args.claims} claims, built in {built:.1f} s", file=sys.stderr)
        review_server = ServedReview(db)
        baseline_server = ServedReview(
            db, command=[sys.executable, "-c", BASELINE_SERVER, BASELINE_APP]
        )
        reviews, baselines = [], []
        try:
            for run in range(args.runs):  # alternated, so machine load falls on both alike
                reviews.append(measure_review(browser, review_server.url, args.presses))
                baselines.append(measure_baseline(browser, baseline_server.url, args.presses))
                print(f"run {run + 1}: {reviews[-1]} {baselines[-1]}", file=sys.stderr)
        finally:
            review_server.close()
            baseline_server.close()

    def median(runs: list[dict[str, Any]], key: str) -> float:
        return round(statistics.median(run[key] for run in runs))

    def key_median(runs: list[dict[str, Any]]) -> float:
        return round(statistics.median(ms for run in runs for ms in run["keys"]))

    figures = {
        "bench": "serve",
        "claims": args.claims,
        "runs": args.runs,
        "presses_per_run": args.presses,
        "first_draw_ms": median(reviews, "first"),
        "review_drawn_after_sign_in_ms": median(reviews, "review"),
        "key_to_frame_ms": key_median(reviews),
        "baseline_first_draw_ms": median(baselines, "first"),
        "baseline_key_to_frame_ms": key_median(baselines),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
