"""Pictures of the main screens at 80x24 (the layout must work on a small terminal) and wide.
After an intended change: `pytest tests/test_review_snapshots.py --snapshot-update`."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.models import ArticleInput, Attribution, ExtractedClaim, Quantity
from claimcheck.review.app import ReviewApp
from claimcheck.review.query import QueueQuery
from claimcheck.store import Store

SMALL = (80, 24)
WIDE = (150, 40)


PARAGRAPHS = [
    "Defence ministers met in Brussels yesterday to discuss spending.",
    "Poland spent 3.9 per cent of GDP on defence last year, the minister said.",
    "Mr Healey told reporters: 'We will reach 2.5 per cent by the end of the decade.'",
    "The alliance has 32 members, up from 30 two years ago.",
    "Critics said the target was a distraction from readiness.",
    "Unemployment in the region fell to 4.2 per cent in March.",
]
CLAIMS = [
    # (paragraph, kind, score, quantities as (surface, value, unit, of), speaker)
    (0, "event", 0.55, [], None),
    (1, "quantity", 0.96, [("3.9 per cent", 3.9, "percent", "of GDP")], "the minister"),
    (2, "quote", 0.88, [("2.5 per cent", 2.5, "percent", "")], "Mr Healey"),
    (3, "comparison", 0.74, [("32 members", 32, "members", ""), ("30", 30, "", "")], None),
    (4, "statement", 0.41, [], None),
    (5, "quantity", 0.83, [("4.2 per cent", 4.2, "percent", "")], None),
]


@pytest.fixture
def reviewed_db(db_path: Path) -> Path:
    """Fixed claims (not the extractor's, which may change) with a few verdicts given."""
    text = "\n".join(PARAGRAPHS)
    claims = []
    for paragraph, kind, score, quantities, speaker in CLAIMS:
        sentence = PARAGRAPHS[paragraph]
        start = text.index(sentence)
        claims.append(
            ExtractedClaim(
                start=start,
                end=start + len(sentence),
                sentence=sentence,
                kind=kind,
                kinds=[kind],
                score=score,
                reasons=["states a figure"] if quantities else ["names an event"],
                quantities=[
                    Quantity(surface, value, unit, of=of, start=start + sentence.index(surface))
                    for surface, value, unit, of in quantities
                ],
                attribution=Attribution(speaker, phrase=f"{speaker} said") if speaker else None,
                paragraph=paragraph,
            )
        )
    with Store(db_path, reviewer="alice") as store:
        store.add_article(ArticleInput(text=text, title="Allies weigh defence spending"), claims)
        ids = store.claim_ids()
        store.set_verdict(ids[0], "supported")
        store.set_verdict(ids[1], "refuted", note="the ministry's own figure is 4.1")
        store.flag_for_second_check(ids[2], "misleading")
    return db_path


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
