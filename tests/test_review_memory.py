"""The claim memory on the review screen, driven with Pilot: the "Checked before" line, the key
that shows the earlier check, adopting its verdict and marking the match wrong."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from claimcheck.ingest import read_path
from claimcheck.memory import matches as memory
from claimcheck.memory.factchecks import import_file
from claimcheck.pipeline import add_article
from claimcheck.review.app import ReviewApp
from claimcheck.review.memory_view import EarlierCheckScreen
from claimcheck.review.messages import VerdictRecorded
from claimcheck.store import Store
from tests.conftest import FIXTURES
from tests.review_support import posted, screen_text, shown

ARTICLE = (
    "Jane Doe said unemployment fell to 3.9% last month, the lowest in fifty years.\n\n"
    "The council will meet again on Tuesday to discuss the new budget for the city.\n"
)


def memory_db(tmp_path: Path) -> tuple[Path, int]:
    """A database with a loaded fact-check and an article whose first claim matches it."""
    db = tmp_path / "claims.db"
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    with Store(db, reviewer="seed") as store:
        import_file(store, FIXTURES / "claimreview" / "page.html")
        added = add_article(store, read_path(article, published="2024-03-05"))
        claim_id = store.claims(article_id=added.article_id)[0].id
        assert store.claim_matches(claim_id)
    return db, claim_id


def app_for(db: Path) -> ReviewApp:
    return ReviewApp(db, reviewer="tester", keymap={})


async def test_the_checked_before_line_and_the_earlier_check(tmp_path: Path) -> None:
    db, claim_id = memory_db(tmp_path)
    messages: list[Message] = []
    app = app_for(db)
    async with app.run_test(size=(140, 50), message_hook=messages.append) as pilot:
        await pilot.pause()
        assert shown(messages) == claim_id
        headline = str(app.screen.query_one("#headline").render())
        assert "Checked before: Misleading by Example Fact Check, 2024-03-01" in headline
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, EarlierCheckScreen)
        text = screen_text(app)
        assert "Unemployment fell to 3.9 per cent" in text
        assert "https://factcheck.example/unemployment" in text
        assert "same figures: 3.9 percent" in text
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, EarlierCheckScreen)
    with Store(db) as store:
        assert store.claim(claim_id).status == "unreviewed"


async def test_adopting_from_the_earlier_check_records_verdict_source_and_event(
    tmp_path: Path,
) -> None:
    db, claim_id = memory_db(tmp_path)
    messages: list[Message] = []
    async with app_for(db).run_test(message_hook=messages.append) as pilot:
        await pilot.pause()
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        assert posted(messages, VerdictRecorded)[0].status == "misleading"
    with Store(db) as store:
        claim = store.claim(claim_id)
        assert (claim.status, claim.reviewer) == ("misleading", "tester")
        assert [s["url"] for s in store.claim_sources(claim_id)] == [
            "https://factcheck.example/unemployment"
        ]
        event = store.events(claim_id, limit=1)[0]
        assert (event["action"], event["reviewer"], event["new"]) == (
            "adopt_match",
            "tester",
            "adopted",
        )


async def test_a_match_marked_wrong_is_gone_and_stays_gone(tmp_path: Path) -> None:
    db, claim_id = memory_db(tmp_path)
    app = app_for(db)
    async with app.run_test(size=(140, 50)) as pilot:
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert "Checked before" not in str(app.screen.query_one("#headline").render())
        await pilot.press("p")  # nothing left to adopt
        await pilot.pause()
    with Store(db) as store:
        assert store.claim(claim_id).status == "unreviewed"
        assert store.events(claim_id, limit=1)[0]["action"] == "reject_match"
        memory.refresh(store)
        assert memory.shown_match(store, claim_id) is None
