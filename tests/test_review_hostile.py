"""Articles and sources are untrusted: markup and escape codes in them show literally."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TextArea

from claimcheck.ingest import read_path
from claimcheck.pipeline import add_article
from claimcheck.review.app import ReviewApp
from claimcheck.review.modals import SourceScreen
from claimcheck.store import Store
from tests.review_support import screen_text

HOSTILE = (
    "Hostile test\n\n"
    "The minister said [bold red]spending[/bold red] rose by 45 per cent in 2023 "
    "[link=https://evil.example]click[/link] \x1b[31mto 3 billion pounds\x1b[0m, according to "
    "the Treasury.\n\nUnemployment fell to 4.2 per cent last year, the ONS said.\n"
)
SOURCE = (
    "Treasury statement\n\nSpending rose by 45 per cent in 2023 [bold red]to 3 billion[/bold red]"
    " pounds [link=https://evil.example]here[/link] \x1b[2J\x1b[31m cleared?\n"
)


async def test_markup_and_escapes_in_articles_and_sources_show_literally(tmp_path: Path) -> None:
    article = tmp_path / "hostile.txt"
    article.write_text(HOSTILE, encoding="utf-8")
    source = tmp_path / "treasury.txt"
    source.write_text(SOURCE, encoding="utf-8")
    db = tmp_path / "hostile.db"
    with Store(db) as store:
        add_article(store, read_path(article))
    app = ReviewApp(db, reviewer="tester", keymap={})
    async with app.run_test(size=(160, 50)) as pilot:
        await pilot.press("a")
        app.screen.query_one("Input").value = str(source)
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "[bold red]spending[/bold red]" in shown
        assert "[link=https://evil.example]click[/link]" in shown
        assert "\\x1b[31mto 3 billion" in shown
        assert "[bold red]to 3 billion[/bold red]" in shown
        assert "\x1b" not in app.export_screenshot()
        await pilot.press("v")
        assert isinstance(app.screen, SourceScreen)
        text = app.screen.query_one(TextArea).text
        assert "\\x1b[2J\\x1b[31m cleared?" in text and "\x1b" not in text
        assert "[link=https://evil.example]here[/link]" in screen_text(app)


def test_unsafe_characters_become_visible_codes_and_the_rest_is_kept() -> None:
    from claimcheck.review.text import plain

    text = plain("a\x1b[31mb\tc\nd\u202eE\r\x9bX [bold]ok[/bold] é 😀")
    assert text.plain == "a\\x1b[31mb\tc\nd\\u202eE\\r\\x9bX [bold]ok[/bold] é 😀"
    assert not text.spans


async def test_notifications_quoting_untrusted_text_show_it_literally(review_db: Path) -> None:
    app = ReviewApp(review_db, reviewer="tester", keymap={})
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.press("a")
        app.screen.query_one("Input").value = "/nowhere/[bold red]gone[/bold red].html"
        await pilot.press("enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        shown = screen_text(app)
        assert "attaching /nowhere/[bold red]gone[/bold red].html" in shown
        assert "claim 1: /nowhere/[bold red]gone[/bold red].html: no" in shown
