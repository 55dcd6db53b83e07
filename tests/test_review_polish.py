"""The screen as a new user meets it (issue 12): one claim number, every key visible at 80
columns, the queue's marks explained, flagged claims not counted reviewed, an empty database
that says what to do."""

from __future__ import annotations

from pathlib import Path

from claimcheck.review.app import ReviewApp
from claimcheck.review.keys import REVIEW_KEYS
from claimcheck.review.messages import BrowserOpened, WorkFailed
from claimcheck.review.screen import SHOWN_IN_FOOTER
from claimcheck.store import Store
from tests.review_support import posted, screen_text


async def test_at_80_columns_every_key_of_the_bar_shows(review_db: Path) -> None:
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        text = screen_text(app)
        shown = [
            s for s in REVIEW_KEYS if s.id in SHOWN_IN_FOOTER and not s.id.startswith("settle")
        ]
        for spec in shown:
            key = {"slash": "/", "question_mark": "?"}.get(spec.keys, spec.keys.split(",")[0])
            assert f"{key} {spec.description}" in text, spec.id
        claim = app.screen.view.claim.id
        label = str(app.screen.query_one("#progress-label").render())
        assert f"claim {claim} (1 of " in label
        assert str(app.screen.query_one("#headline").render()).startswith(f"Claim {claim} ")
        await pilot.press("question_mark")
        help_text = screen_text(app)
        assert "⚑ flagged" in help_text and "@name assigned to someone else" in help_text


async def test_a_flagged_claim_is_not_counted_reviewed(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="alice") as alice:
        alice.flag_for_second_check(review_queue[0], "refuted")
        alice.set_verdict(review_queue[1], "supported")
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40)):
        assert f"1 of {len(review_queue)} reviewed" in str(
            app.screen.query_one("#progress-label").render()
        )


async def test_an_empty_database_says_how_to_add_articles(db_path: Path) -> None:
    app = ReviewApp(db_path, reviewer="alice", keymap={})
    async with app.run_test(size=(80, 24)):
        text = screen_text(app)
        assert "No claims yet" in text and "claimcheck add article.html" in text
        assert "claimcheck demo" in text


async def test_b_without_a_browser_says_so(review_db: Path, tmp_path: Path) -> None:
    with Store(review_db, reviewer="alice") as alice:
        claim_id = alice.claim_ids(include_repeats=False)[0]
        source = alice.ensure_source("https://news.example.org/report", kind="cited")
        alice.link_source(claim_id, source, kind="cited", label="report")
    messages: list = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, open_url=lambda url: False)
    async with app.run_test(size=(140, 40), message_hook=messages.append) as pilot:
        assert app.screen.view.claim.id == claim_id
        await pilot.press("b")
        await app.workers.wait_for_complete()
        await pilot.pause()
        [failed] = posted(messages, WorkFailed)
        assert failed.reason == (
            "no web browser found here; open https://news.example.org/report yourself"
        )
        assert posted(messages, BrowserOpened) == []


async def test_the_key_bar_wraps_to_the_width_and_a_click_presses_its_key(review_db: Path) -> None:
    app = ReviewApp(review_db, reviewer="alice", keymap={"help": "h"})
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        bar = app.screen.query_one("KeyBar")
        keys = len(bar.keys)
        assert bar.size.height == -(-keys // (80 // 16))  # five keys a line, every key shown
        assert "h help" in screen_text(app)  # the reviewer's own key, not the default
        help_at = next(n for n, key in enumerate(bar.keys) if key.key == "h")
        await pilot.click(bar, offset=(16 * (help_at % 5) + 2, help_at // 5))
        assert type(app.screen).__name__ == "HelpScreen"
        await pilot.press("escape")
        await pilot.resize_terminal(160, 24)
        await pilot.pause()
        assert app.screen.query_one("KeyBar").size.height == -(-keys // 10)
