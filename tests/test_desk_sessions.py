"""Sessions (issue 12): the review reopens where this reviewer left off — same filter and sort,
same claim, or the next one waiting once it is decided, never a dismissed one the filter hides —
and sums up on quit what was decided, as `claimcheck stats --reviewer` does."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.review.app import ReviewApp
from claimcheck.review.paged import PagedQueue, resume_position
from claimcheck.review.query import QueueQuery
from claimcheck.sessions import load_place
from claimcheck.store import Store
from claimcheck.store.queue import Segment
from tests.desk_support import invoke, run

STATUSES = {1: "supported", 2: "unreviewed", 3: "dismissed", 4: "unreviewed", 5: "refuted"}
IDS = list(STATUSES)


def test_resume_position_rules(tmp_path: Path) -> None:
    from bench.bench_review import build_database

    db = tmp_path / "five.db"
    build_database(db, claims=5, articles=1)  # claims 1..5 in this order

    def at(statuses: dict[int, str], claim_id: int | None, shows: bool = False) -> int:
        with Store(db) as store, store.db.conn:
            for number, status in statuses.items():
                store.db.execute("UPDATE claims SET status = ? WHERE id = ?", [status, number])
            queue = PagedQueue(store, [Segment()], page=2)  # pages of 2: places span pages
            return resume_position(queue, claim_id, waiting="unreviewed", shows_dismissed=shows)

    assert at(STATUSES, 4) == 3  # still waiting: the same claim
    assert at(STATUSES, 5) == 1  # decided: the next waiting one, wrapping round
    assert at(STATUSES, 3) == 3  # dismissed: the next waiting one after it
    assert at(STATUSES, None) == 0 and at(STATUSES, 99) == 0  # no place (or gone): the first
    hidden = {**STATUSES, 1: "dismissed"}
    assert at(hidden, None) == 1
    done = {claim_id: "dismissed" for claim_id in IDS} | {4: "supported"}
    assert at(done, 3) == 3
    assert at(done, 2) == 3
    assert at(done, 2, shows=True) == 1


async def test_the_review_reopens_where_the_reviewer_left_off(
    review_db: Path, review_queue: list[int]
) -> None:
    query = QueueQuery(kind=["quantity"], order="score")
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=query)
    async with app.run_test(size=(140, 40)) as pilot:
        ids = app.screen.ids
        await pilot.press("j", "j")
        left_at = app.screen.view.claim.id
    assert left_at == ids[2]
    with Store(review_db) as store:
        place = load_place(store, "alice", "review")
    assert place.claim_id == left_at and place.query["kind"] == ["quantity"]

    app = ReviewApp(review_db, reviewer="alice", keymap={})  # no filter given: resume it
    async with app.run_test(size=(140, 40)):
        assert app.screen.query_spec.kind == ["quantity"] and app.screen.query_spec.order == "score"
        assert app.screen.ids == ids and app.screen.view.claim.id == left_at

    with Store(review_db, reviewer="bob") as bob:
        bob.set_verdict(left_at, "dismissed")  # decided (dismissed) while alice was away
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40)):
        assert app.screen.view.claim.id == ids[3]
    app = ReviewApp(review_db, reviewer="bob", keymap={})  # bob has no session: his own start
    async with app.run_test(size=(140, 40)):
        assert app.screen.query_spec.kind == []


async def test_a_dismissed_claim_reopens_only_when_the_filter_shows_it(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="alice") as alice:
        for claim_id in review_queue[:3]:
            alice.set_verdict(claim_id, "dismissed")
    shown_dismissed = QueueQuery(status=["dismissed"])
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=shown_dismissed)
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("j")
        assert app.screen.view.claim.id == review_queue[1]
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40)):
        assert app.screen.view.claim.id == review_queue[1]  # the filter shows dismissed claims
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=QueueQuery())
    async with app.run_test(size=(140, 40)):  # the whole queue: never opens at a dismissed one
        assert app.screen.view.claim.id == review_queue[3]
    app = ReviewApp(review_db, reviewer="bob", keymap={}, query=QueueQuery())
    async with app.run_test(size=(140, 40)):  # nor does a first session
        assert app.screen.view.claim.id == review_queue[3]


async def test_quitting_sums_up_the_session_as_stats_does(
    review_db: Path, review_queue: list[int]
) -> None:
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        await pilot.press("s", "r", "s", "z")  # the undone verdict is not counted
    assert app.review.summary.startswith("alice: 2 claims decided, median")
    assert app.review.summary.endswith(": 1 supported, 1 refuted this session")
    figures = json.loads(invoke(review_db, "stats", "--reviewer", "alice", "--json").stdout)
    assert (figures["decided"], figures["mix"]) == (2, {"supported": 1, "refuted": 1})
    assert figures["median_seconds"] is not None and figures["median_seconds"] < 60
    text = run(review_db, "stats", "--reviewer", "alice").stdout
    assert text.startswith("alice: 2 claims decided, median")
