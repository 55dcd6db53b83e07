"""Redraw the README's pictures of the review screen from the demo data:

    .venv/bin/python docs/make_screenshots.py

Each is an SVG saved by Textual itself (App.save_screenshot) from a headless run.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from pathlib import Path

from claimcheck.demo import build_demo
from claimcheck.review.app import ReviewApp
from claimcheck.review.query import QueueQuery
from claimcheck.store import Store

REPO = Path(__file__).resolve().parent.parent
DOCS = REPO / "docs"


async def shoot(
    db: Path,
    name: str,
    size: tuple[int, int],
    query: QueueQuery,
    keys: tuple[str, ...] = (),
    reviewer: str = "alice",
) -> None:
    app = ReviewApp(db, reviewer=reviewer, keymap={}, query=query, poll_seconds=3600)
    async with app.run_test(size=size) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press(*keys)
        await pilot.pause()
        app.save_screenshot(filename=name, path=str(DOCS))


async def main() -> None:
    os.environ["XDG_CONFIG_HOME"] = "~/.config"
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "claims.db"
        with Store(db, reviewer="alice") as store:
            build_demo(store)
            first = store.claim_ids(include_repeats=False)[:2]
            store.set_verdict(first[0], "supported")
            store.set_verdict(first[1], "misleading")
        # find the claim with archived evidence, then clear the search: the whole queue shows
        find = ("slash", *"Poland spending", "enter", "slash", *["backspace"] * 15, "enter")
        await shoot(db, "review.svg", (130, 42), QueueQuery(), keys=find)
        await shoot(db, "review-80x24.svg", (80, 24), QueueQuery())
        await shoot(db, "review-help.svg", (80, 24), QueueQuery(), keys=("question_mark",))
        await shoot(db, "review-edit.svg", (100, 30), QueueQuery(), keys=("e",))
        unresolved = ("slash", *"final decision", "enter", "i")  # "According to US sources"
        await shoot(db, "review-speaker.svg", (100, 30), QueueQuery(), keys=unresolved)
        with Store(db, reviewer="alice") as store:
            disputed = store.claim_ids(search="Poland spending")[0]
            store.flag_for_second_check(disputed, "misleading", note="NATO says 4.1, not 3.9")
        with Store(db, reviewer="bob") as store:
            store.second_check_verdict(disputed, "supported", note="3.9 is the 2023 figure")
        await shoot(
            db, "review-adjudicate.svg", (130, 42), QueueQuery(adjudicate=True), reviewer="carol"
        )


if __name__ == "__main__":
    asyncio.run(main())
