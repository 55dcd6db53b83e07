"""The review queue paged from the database (issue 15): every order and filter read a page at a
time gives the same queue as the whole list, at its edges (the first and last page, jumps from
either end, pages read backwards), and the open review follows claims deleted or changed under
it."""

from __future__ import annotations

import random
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from textual.message import Message

from bench.bench_review import build_database
from claimcheck.review.app import ReviewApp
from claimcheck.review.paged import PagedQueue
from claimcheck.review.query import QueueQuery
from claimcheck.review.view import ClaimView, headline
from claimcheck.routing import queue_for, queue_segments
from claimcheck.store import Store
from tests.review_support import shown, wait_until

CLAIMS = 300


@pytest.fixture(scope="module")
def varied_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """300 claims over 6 articles; priorities, due times, missing starts, tied scores, and
    a few claims assigned to alice, so every order has NULLs and equal keys to page across."""
    path = tmp_path_factory.mktemp("paging") / "varied.db"
    build_database(path, claims=CLAIMS, articles=6)
    db = sqlite3.connect(path)
    with db:
        db.execute("UPDATE claims SET priority = 1 + id % 5 WHERE id % 4 = 0")
        db.execute("UPDATE claims SET due = '2026-12-0' || (1 + id % 7) WHERE id % 3 = 0")
        db.execute("UPDATE claims SET start = NULL WHERE id % 50 = 7")
        db.execute("UPDATE claims SET assignee = 'alice' WHERE id % 25 = 1")
        db.execute("UPDATE claims SET assignee = 'bob' WHERE id % 25 = 2")
    db.close()
    return path


@pytest.fixture
def varied(varied_template: Path, tmp_path: Path) -> Path:
    path = tmp_path / "claims.db"
    path.write_bytes(varied_template.read_bytes())
    return path


QUERIES = [
    {"order": order, **filters}
    for order in ("position", "score", "priority", "due")
    for filters in (
        {},
        {"status": ["unreviewed"]},
        {"kind": ["quantity"], "everyone": True},
        {"article_id": 2},
        {"search": "official 7"},
        {"status": ["refuted"]},  # nothing matches: an empty queue
    )
]


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: "-".join(map(str, q.values())))
def test_pages_give_the_whole_queue_in_any_order_and_filter(varied: Path, query: dict) -> None:
    db = sqlite3.connect(varied)
    with db:  # claims without a score (imported ones) sort last by score
        db.execute("UPDATE claims SET checkworthiness = NULL WHERE id % 40 = 9")
    db.close()
    with Store(varied, reviewer="alice") as store:
        whole = [claim_id for claim_id, _ in queue_for(store, "alice", **query)]
        segments = queue_segments("alice", include_repeats=False, **query)
        assert whole == [c for c, _ in queue_for(store, "alice", include_repeats=False, **query)]
        forwards = PagedQueue(store, segments, page=7)
        assert len(forwards) == len(whole)
        assert list(forwards) == whole
        backwards = PagedQueue(store, segments, page=7)
        assert [backwards[i] for i in reversed(range(len(whole)))] == whole[::-1]
        jumps = PagedQueue(store, segments, page=7)
        places = random.Random(15).sample(range(len(whole)), min(25, len(whole)))
        assert [jumps[i] for i in places] == [whole[i] for i in places]
        if whole:
            assert jumps[-1] == whole[-1] and jumps[0] == whole[0]
            fresh = PagedQueue(store, segments, page=7)
            for claim_id in (whole[-1], whole[len(whole) // 2], whole[0]):
                assert fresh.find(claim_id) == whole.index(claim_id)
        assert PagedQueue(store, segments).find(10_000) is None
        with pytest.raises(IndexError):
            forwards[len(whole)]


def test_counts_come_from_the_maintained_counts_and_agree_with_a_scan(varied: Path) -> None:
    with Store(varied, reviewer="alice") as store:
        for filters in ({}, {"status": ["unreviewed"]}, {"kind": ["quantity", "statement"]}):
            segments = queue_segments("alice", include_repeats=False, **filters)
            assert segments[1].counted()
            queue = PagedQueue(store, segments)
            whole = queue_for(store, "alice", include_repeats=False, **filters)
            assert len(queue) == len(whole)
            supported = sum(1 for _, status in whole if status == "supported")
            assert queue.tally({"supported"}) == supported


def test_the_next_waiting_claim_wraps_round_across_segments(varied: Path) -> None:
    with Store(varied, reviewer="alice") as store:
        queue = PagedQueue(store, queue_segments("alice", include_repeats=False), page=5)
        whole = queue_for(store, "alice", include_repeats=False)
        waiting = [i for i, (_, status) in enumerate(whole) if status == "unreviewed"]
        mine = len(queue.segments[0].filters) and queue.counts[0]
        assert sum(mine.values()) == 12  # alice's claims come first
        for place in (0, 10, 11, 12, 150, len(whole) - 1):
            expected = next((i for i in waiting if i > place), waiting[0])
            assert queue.next_with(place, "unreviewed") == expected
        assert queue.next_with(-1, "unreviewed") == waiting[0]
        assert queue.next_with(0, "refuted") is None


async def test_the_review_follows_claims_deleted_and_changed_while_open(varied: Path) -> None:
    messages: list[Message] = []
    app = ReviewApp(varied, reviewer="alice", keymap={}, poll_seconds=0.05)
    async with app.run_test(message_hook=messages.append) as pilot:
        screen = app.screen
        with Store(varied) as store:
            whole = [c for c, _ in queue_for(store, "alice", include_repeats=False)]
        screen.show_claim(200)
        await pilot.pause()
        assert shown(messages) == whole[200]
        deleted = whole[100:110]  # ten claims before the one on screen
        delete(varied, deleted)
        await wait_until(pilot, lambda: len(screen.ids) == len(whole) - 10)
        assert screen.position == 190 and shown(messages) == whole[200]
        label = str(screen.query_one("#progress-label").render())
        assert f"(191 of {len(whole) - 10} here)" in label
        await pilot.press("j")
        assert shown(messages) == whole[201]
        delete(varied, [whole[201]])  # the claim on screen goes: its neighbour takes its place
        await wait_until(pilot, lambda: len(screen.ids) == len(whole) - 11)
        await wait_until(pilot, lambda: shown(messages) == whole[202])
        screen.show_claim(len(screen.ids) - 1)  # the last page: j stays on the last claim
        await pilot.press("j", "j")
        assert shown(messages) == whole[-1]
        with Store(varied, reviewer="bob") as bob:
            bob.set_verdict(whole[-1], "refuted")
        await wait_until(
            pilot, lambda: "refuted by bob" in str(screen.query_one("#headline").render())
        )


async def test_a_filtered_queue_keeps_the_claims_decided_in_it(varied: Path) -> None:
    messages: list[Message] = []
    query = QueueQuery(status=["unreviewed"], order="priority")
    app = ReviewApp(varied, reviewer="alice", keymap={}, query=query, poll_seconds=3600)
    async with app.run_test(message_hook=messages.append) as pilot:
        screen = app.screen
        total = len(screen.ids)
        first = shown(messages)
        await pilot.press("s", "r")
        label = str(screen.query_one("#progress-label").render())
        assert f"2 of {total} reviewed" in label and len(screen.ids) == total
        assert screen.ids[0] == first  # still in the queue, in its place
        await pilot.press("k", "k")
        assert shown(messages) == first


def delete(path: Path, claim_ids: list[int]) -> None:
    """Claims removed by another process (an editor's clean-up), straight in the database."""
    db = sqlite3.connect(path)
    with db:
        db.executemany("DELETE FROM claims WHERE id = ?", [(c,) for c in claim_ids])
    db.close()


@pytest.mark.parametrize("order", ["position", "score", "priority", "due"])
def test_a_page_after_a_key_is_an_index_seek_without_a_sort(varied: Path, order: str) -> None:
    """What keeps a page as fast at 1M claims as at 100: every read of the next page seeks in
    its order's index and sorts nothing (EXPLAIN QUERY PLAN of the very statements run)."""
    with Store(varied, reviewer="alice") as store:
        queue = PagedQueue(store, queue_segments("alice", include_repeats=False, order=order))
        assert queue.segments[1].walk  # nearly every claim: read along the order's index
        queue[20]  # a first page, rows 20-79
        statements: list[str] = []
        store.db.conn.set_trace_callback(statements.append)
        queue[80]  # the next page: a keyset read after the last key read
        queue.next_with(85, "unreviewed")
        store.db.conn.set_trace_callback(None)
        plans = [
            " | ".join(row[3] for row in store.db.execute("EXPLAIN QUERY PLAN " + sql))
            for sql in statements
            if "ORDER BY" in sql
        ]
        assert plans and all(f"USING INDEX claims_queue_{order}" in plan for plan in plans)
        assert any(f"SEARCH claims USING INDEX claims_queue_{order}" in p for p in plans)
        for plan in plans:
            assert "TEMP B-TREE" not in plan, plan


def test_a_claim_without_a_score_draws_its_headline(review_db: Path) -> None:
    """A generated or hand-made row may hold no score: the headline says so, not a crash."""
    with Store(review_db) as store:
        claim = store.claim(store.claim_ids()[0])
    view = ClaimView(replace(claim, checkworthiness=None), "", "", [], [], [], [])
    assert f"Claim {claim.id}  {claim.kind}  score -" in headline(view, blind=False).plain


def test_a_search_is_matched_once_and_again_after_claims_change(varied: Path) -> None:
    """A searched queue reads its full-text matches from a table filled once per search (not
    by every page): the same claims as the plain filter, in every order, until told that claims
    changed."""
    with Store(varied, reviewer="alice") as store:
        for order in ("position", "score", "priority", "due"):
            plain = store.claims(search="official 7", include_repeats=False, order=order)
            segments = queue_segments(
                "alice", order=order, everyone=True, include_repeats=False, search="official 7"
            )
            assert list(PagedQueue(store, segments, page=7)) == [c.id for c in plain]
        segments = queue_segments("alice", everyone=True, include_repeats=False, search="zebra")
        assert len(PagedQueue(store, segments)) == 0
        store.edit_text(1, "A zebra crossed the road.", expected_version=1)
        assert len(PagedQueue(store, segments)) == 0  # the matches found before
        store.forget_search_hits()
        assert list(PagedQueue(store, segments)) == [1]


def test_every_statement_of_the_queue_reads_an_index(varied: Path) -> None:
    """No statement the paged queue runs (counts, pages both ways, jumps, a claim by id, the
    next unreviewed, a search) scans the claims table: with no sqlite_stat1 the plan is the
    same at a million claims as here."""
    statements: set[str] = set()
    with Store(varied, reviewer="alice") as store:
        store.db.conn.set_trace_callback(statements.add)
        for query in QUERIES:
            queue = PagedQueue(store, queue_segments("alice", include_repeats=False, **query))
            if size := len(queue):
                queue[size - 1], queue[size // 2]
                middle = queue[size // 2]
                queue.forget()
                assert queue.find(middle) == size // 2
                queue.next_with(size // 2, "unreviewed")
                queue.next_with(size - 1, "unreviewed")
        store.db.conn.set_trace_callback(None)
        reads = [s for s in statements if s.startswith("SELECT") and "FROM claims" in s]
        assert len(reads) > 50
        for sql in reads:
            plan = [row[3] for row in store.db.execute(f"EXPLAIN QUERY PLAN {sql}")]
            assert not [
                step for step in plan if step.startswith("SCAN claims") and "INDEX" not in step
            ], (sql, plan)
