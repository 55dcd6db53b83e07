"""`claimcheck serve` in a real headless Chromium: a reviewer signs in, a key records a verdict
under their name; a wrong passphrase gets nothing; each tab's app process ends with its tab and
with the server, even one killed with SIGKILL."""

from __future__ import annotations

import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from claimcheck.reviewers import add_reviewer, reviewers
from claimcheck.store import Store
from tests.browser import ServedReview, Tab, alive, chromium, wait_for

PASSPHRASE = "correct horse battery"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with chromium() as opened:
        yield opened


@pytest.fixture
def served(review_db: Path) -> Iterator[ServedReview]:
    with Store(review_db) as store:
        add_reviewer(store, "alice", PASSPHRASE)
    server = ServedReview(review_db)
    try:
        yield server
    finally:
        server.close()


def events(db_path: Path, action: str) -> list[dict[str, Any]]:
    with Store(db_path) as store:
        return [e for e in store.events() if e["action"] == action]


def test_a_reviewer_signs_in_and_records_a_verdict_with_a_key(
    served: ServedReview, browser: Any, review_db: Path
) -> None:
    tab = Tab(browser, served.url)
    before = tab.sign_in("alice", "not the passphrase")
    tab.wait_for_text("wrong name or passphrase", after=before)
    with Store(review_db) as store:
        assert store.count_claims(status=["unreviewed"]) == store.count_claims()
        assert [account.failed_sign_ins for account in reviewers(store)] == [1]
    assert events(review_db, "sign_in") == []
    assert events(review_db, "verdict") == []

    tab.page.keyboard.type(PASSPHRASE)
    before = tab.count()
    tab.page.keyboard.press("Enter")
    tab.wait_for_text("reviewed", after=before)  # the review screen's progress line
    tab.page.keyboard.press("r")

    verdicts = wait_for(lambda: events(review_db, "verdict"), "the verdict in the database")
    [keyed] = [e for e in verdicts if '"via"' not in (e["details"] or "")]  # not a repeat's
    assert (keyed["claim_id"], keyed["new"], keyed["reviewer"]) == (1, "refuted", "alice")
    assert all(e["reviewer"] == "alice" for e in verdicts)
    with Store(review_db) as store:
        claim = store.claim(1)
    assert (claim.status, claim.reviewer) == ("refuted", "alice")
    [signed] = events(review_db, "sign_in")
    assert signed["reviewer"] == "alice" and '"browser"' in signed["details"]

    # the multi-line editor: ctrl+s reaches the app through the browser (not the page's "save")
    before = tab.count()
    tab.page.keyboard.press("e")
    tab.wait_for_text("ctrl+s: save", after=before)
    tab.page.keyboard.type(" (edited)")
    tab.page.keyboard.press("Enter")
    tab.page.keyboard.type("in the browser")
    tab.page.keyboard.press("Control+s")
    [edited] = wait_for(lambda: events(review_db, "edit_text"), "the edit in the database")
    assert edited["reviewer"] == "alice"
    assert edited["new"].endswith(" (edited)\nin the browser")


def test_each_app_process_ends_with_its_tab_and_with_the_server(
    served: ServedReview, browser: Any
) -> None:
    first, second = Tab(browser, served.url), Tab(browser, served.url)
    for tab in (first, second):
        tab.wait_for_text("sign in to review")
    apps = wait_for(lambda: len(served.apps()) == 2 and served.apps(), "two app processes")

    first.page.close()
    # bounds loose enough for a loaded CI machine: without the fix the apps never end
    wait_for(lambda: sum(alive(pid) for pid in apps) == 1, "the closed tab's app to end", 30)

    served.kill(signal.SIGKILL)
    wait_for(lambda: not any(alive(pid) for pid in apps), "the apps of a killed server", 30)


def test_the_page_asks_nothing_of_any_server_but_the_desks(
    served: ServedReview, browser: Any
) -> None:
    """No third-party request (textual-serve's own page links Google Fonts): a desk behind a
    firewall, and what a reviewer opens is told to no one else. The font is served from here."""
    tab = Tab(browser, served.url)
    tab.wait_for_text("sign in to review")
    tab.page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    origin = served.url.removeprefix("http://")
    assert tab.requests
    assert [url for url in tab.requests if url.split("://", 1)[1].startswith(origin)] == (
        tab.requests
    )
    assert any(url.endswith(".ttf") for url in tab.requests)  # the font, from 127.0.0.1
    assert any(url.startswith(f"ws://{origin}") for url in tab.requests)
