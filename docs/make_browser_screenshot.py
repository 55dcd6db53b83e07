"""Redraw the README's picture of the review in a browser from the demo data:

    .venv/bin/python docs/make_browser_screenshot.py

`claimcheck serve` on the demo database, Debian's headless Chromium (tests/browser.py) signed
in as alice, one verdict recorded, then a PNG of the page.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from claimcheck.demo import build_demo  # noqa: E402
from claimcheck.reviewers import add_reviewer  # noqa: E402
from claimcheck.store import Store  # noqa: E402
from tests.browser import ServedReview, Tab, chromium  # noqa: E402

PASSPHRASE = "demo passphrase"


def main() -> None:
    with tempfile.TemporaryDirectory() as folder, chromium() as browser:
        db = Path(folder) / "claims.db"
        with Store(db, reviewer="editor") as store:
            build_demo(store)
            add_reviewer(store, "alice", PASSPHRASE)
        server = ServedReview(db)
        try:
            tab = Tab(browser, server.url, size=(1400, 860))
            tab.wait_for_text("sign in to review")
            tab.focus()
            tab.type_line("alice")
            before = tab.count()
            tab.type_line(PASSPHRASE)
            tab.wait_for_text("reviewed", after=before)
            tab.page.keyboard.press("s")
            tab.page.wait_for_timeout(1500)
            tab.page.screenshot(path=str(REPO / "docs" / "review-browser.png"))
        finally:
            server.close()


if __name__ == "__main__":
    main()
