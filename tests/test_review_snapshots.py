"""Pictures of the main screens at 80x24 (the layout must work on a small terminal) and wide.
After an intended change: `pytest tests/test_review_snapshots.py --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.review.app import ReviewApp
from claimcheck.review.query import QueueQuery
from claimcheck.store import Store

SMALL = (80, 24)
WIDE = (150, 40)


@pytest.fixture
def reviewed_db(review_db: Path, review_queue: list[int]) -> Path:
    """A few verdicts already given, so the queue shows each mark."""
    with Store(review_db, reviewer="alice") as store:
        store.set_verdict(review_queue[0], "supported")
        store.set_verdict(review_queue[1], "refuted", note="Kirby said the opposite")
        store.flag_for_second_check(review_queue[2], "misleading")
    return review_db


def app_for(db: Path, reviewer: str = "alice", **kwargs: object) -> ReviewApp:
    return ReviewApp(db, reviewer=reviewer, keymap={}, poll_seconds=3600, **kwargs)


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "wide"])
def test_main_screen(snap_compare, reviewed_db: Path, size: tuple[int, int]) -> None:
    assert snap_compare(app_for(reviewed_db), terminal_size=size)


@pytest.mark.parametrize("size", [SMALL, WIDE], ids=["80x24", "wide"])
def test_quantity_claim(snap_compare, reviewed_db: Path, size: tuple[int, int]) -> None:
    app = app_for(reviewed_db, query=QueueQuery(kind=["quantity"], order="score"))
    assert snap_compare(app, terminal_size=size)


def test_help_screen(snap_compare, reviewed_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", "/home/reviewer/.config")
    assert snap_compare(app_for(reviewed_db), terminal_size=SMALL, press=["question_mark"])


def test_second_check_screen(snap_compare, reviewed_db: Path) -> None:
    app = app_for(reviewed_db, reviewer="bob", query=QueueQuery(second_check=True))
    assert snap_compare(app, terminal_size=SMALL)
