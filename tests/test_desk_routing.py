"""Routing (issue 12): assign, reassign and unassign claims, audited; each reviewer's queue is
theirs, then the unassigned; priorities and due times order a queue when asked."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.message import Message

from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import WorkFailed
from claimcheck.review.query import QueueQuery
from claimcheck.routing import assign, queue_for, unassign
from claimcheck.store import Store
from tests.desk_support import invoke, run, table
from tests.review_support import posted, screen_text, shown, wait_until


def test_assign_round_robin_keeps_others_claims_and_is_audited(
    review_db: Path, review_queue: list[int]
) -> None:
    first, second, third, fourth = (str(i) for i in review_queue[:4])
    result = run(review_db, "assign", first, second, third, "--to", "alice", "--to", "bob")
    assert result.returncode == 0, result.stderr
    assert "alice: 2 claims" in result.stdout and "bob: 1 claim (" in result.stdout
    assignees = dict(table(review_db, "SELECT id, assignee FROM claims WHERE assignee IS NOT NULL"))
    assert assignees == {int(first): "alice", int(second): "bob", int(third): "alice"}

    moved = run(review_db, "assign", second, fourth, "--to", "carol")
    assert moved.returncode == 0
    assert f"claim {second}: kept by bob (--reassign to move it)" in moved.stderr
    assert table(review_db, "SELECT assignee FROM claims WHERE id = ?", (int(second),)) == [
        ("bob",)
    ]
    assert invoke(review_db, "assign", second, "--to", "carol", "--reassign").returncode == 0
    assert invoke(review_db, "unassign", first).returncode == 0
    events = table(
        review_db,
        "SELECT action, claim_id, old, new, reviewer FROM events"
        " WHERE action IN ('assign', 'unassign') ORDER BY id",
    )
    assert events[-2:] == [
        ("assign", int(second), "bob", "carol", "editor"),
        ("unassign", int(first), "alice", None, "editor"),
    ]
    listed = run(review_db, "claims", "--assigned-to", "carol")
    assert [line.split()[0] for line in listed.stdout.splitlines()[1:]] == [second, fourth]
    unassigned = invoke(review_db, "claims", "--unassigned", "--nl")
    assert int(first) in {
        int(line.split(",")[0].split(":")[1]) for line in unassigned.stdout.splitlines()
    }


def test_assign_by_filters_and_bad_input_changes_nothing(review_db: Path) -> None:
    result = run(review_db, "assign", "--kind", "quantity", "--min-score", "0.5", "--to", "alice")
    assert result.returncode == 0, result.stderr
    with Store(review_db) as store:
        expected = store.claim_ids(kind=["quantity"], min_score=0.5, include_repeats=False)
    assert expected and [
        row[0]
        for row in table(review_db, "SELECT id FROM claims WHERE assignee = 'alice' ORDER BY id")
    ] == sorted(expected)
    before = table(review_db, "SELECT count(*) FROM events")
    for args, code, words in (
        (("assign", "99999", "--to", "bob"), 1, "no claim 99999"),
        (("assign", "1", "--to", "bob", "--due", "tomorrowish"), 2, "due 'tomorrowish'"),
        (("assign", "--to", "bob"), 2, "say which claims"),
        (("assign", "1"), 2, "say who gets them"),
    ):
        failed = run(review_db, *args)
        assert failed.returncode == code and words in failed.stderr
        assert "Traceback" not in failed.stderr and failed.stderr.count("\n") == 1
    assert table(review_db, "SELECT count(*) FROM events") == before


def test_priority_and_due_order_the_queue_when_asked(
    review_db: Path, review_queue: list[int]
) -> None:
    last, middle = review_queue[-1], review_queue[5]
    assert invoke(review_db, "assign", str(last), "--priority", "1").returncode == 0
    assert (
        invoke(
            review_db, "assign", str(middle), "--priority", "1", "--due", "2026-12-04"
        ).returncode
        == 0
    )
    listed = invoke(review_db, "claims", "--sort", "priority", "--limit", "3")
    ids = [int(line.split()[0]) for line in listed.stdout.splitlines()[1:]]
    assert ids[:2] == [middle, last]  # same priority: the one due first
    assert "p1 due 2026-12-04" in listed.stdout
    assert invoke(review_db, "claims").stdout.splitlines()[1].split()[0] == str(review_queue[0])


def test_a_reviewers_queue_is_theirs_then_unassigned(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="editor") as store:
        assign(store, review_queue[:2], ["bob"])
        assign(store, review_queue[5:7], ["alice"])
        mine = [claim_id for claim_id, _ in queue_for(store, "alice", include_repeats=False)]
        everyone = [
            claim_id
            for claim_id, _ in queue_for(store, "alice", everyone=True, include_repeats=False)
        ]
    assert mine[:2] == review_queue[5:7]
    assert not set(review_queue[:2]) & set(mine)
    assert len(mine) == len(review_queue) - 2 and everyone == review_queue


async def test_the_review_screen_shows_whose_claims_are_whose(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="editor") as store:
        assign(store, review_queue[:1], ["bob"])
        assign(store, review_queue[3:4], ["alice"], priority=1)
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40), message_hook=messages.append) as pilot:
        assert shown(messages) == review_queue[3]
        assert "assigned to alice · priority 1" in str(app.screen.query_one("#headline").render())
        assert review_queue[0] not in app.screen.ids
        await pilot.pause()
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=QueueQuery(everyone=True))
    async with app.run_test(size=(140, 40)) as pilot:
        assert app.screen.ids == review_queue
        assert "@bob" in screen_text(app)
        await pilot.pause()


def test_imports_carry_assignee_priority_and_due(db_path: Path, tmp_path: Path) -> None:
    sentence = "The UK spent 2.3 per cent of GDP on defence in 2023, the MoD said."
    records = tmp_path / "desk.jsonl"
    records.write_text(
        json.dumps(
            {
                "article_url": "https://news.example.org/a",
                "text": sentence,
                "assignee": "alice",
                "priority": 2,
                "due": "2026-12-04T17:00",
            }
        )
        + "\n",
        encoding="utf-8",
    )
    manifest = tmp_path / "desk.yaml"
    manifest.write_text(
        "articles:\n"
        '  - text: "Prices rose 4 per cent in May, the ONS said. It was sunny."\n'
        "    claims:\n"
        "      - match: Prices rose 4 per cent\n"
        "        priority: 1\n"
        "        due: 2026-12-05\n"
        "        assignee: bob\n",
        encoding="utf-8",
    )
    for path in (records, manifest):
        result = run(db_path, "import", str(path))
        assert result.returncode == 0, result.stderr
    rows = table(
        db_path,
        "SELECT assignee, priority, due FROM claims WHERE assignee IS NOT NULL ORDER BY id",
    )
    assert rows == [("alice", 2, "2026-12-04T17:00"), ("bob", 1, "2026-12-05")]
    exported = invoke(db_path, "export", "--format", "csv")
    header, first = list(csv.reader(io.StringIO(exported.stdout)))[:2]
    assert dict(zip(header, first, strict=True))["priority"] == "2"

    bad = tmp_path / "bad.jsonl"
    bad.write_text(
        json.dumps({"article_url": "https://x.example/b", "text": "A claim.", "priority": 9})
        + "\n",
        encoding="utf-8",
    )
    before = table(db_path, "SELECT count(*) FROM claims")
    failed = run(db_path, "import", str(bad))
    assert failed.returncode == 1 and "bad.jsonl:1" in failed.stderr
    assert "priority" in failed.stderr and "Traceback" not in failed.stderr
    assert table(db_path, "SELECT count(*) FROM claims") == before


async def test_the_priority_key_sets_priority_and_due(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40), message_hook=messages.append) as pilot:
        await pilot.press("o")
        await pilot.press(*"1 2026-12-04", "enter")
        await pilot.pause()
        assert "priority 1 · due 2026-12-04" in str(app.screen.query_one("#headline").render())
        await pilot.press("o", "ctrl+a", "ctrl+k", *"9", "enter")
        await pilot.pause()
        (failed,) = posted(messages, WorkFailed)
        assert "expected 1 (most urgent) to 5" in failed.reason
        assert app.screen.query_one("Input").value == "9"  # the prompt is back with it
    rows = table(
        review_db, "SELECT claim_id, action, new, reviewer FROM events WHERE action = 'schedule'"
    )
    assert rows == [(review_queue[0], "schedule", "priority 1, due 2026-12-04", "alice")]


def test_undo_from_the_command_line_follows_the_screens_rule(
    review_db: Path, review_queue: list[int]
) -> None:
    first, second = review_queue[:2]
    assert invoke(review_db, "verdict", str(first), "refuted", reviewer="alice").returncode == 0
    assert invoke(review_db, "verdict", str(second), "supported", reviewer="alice").returncode == 0
    undone = run(review_db, "undo", reviewer="alice")
    assert undone.returncode == 0 and f"claim {second}: unreviewed again" in undone.stdout
    replaced = invoke(review_db, "verdict", str(first), "supported", "--replace", reviewer="bob")
    assert replaced.returncode == 0
    before = table(review_db, "SELECT count(*) FROM events")
    refused = run(review_db, "undo", reviewer="alice")
    assert refused.returncode == 1 and refused.stderr.count("\n") == 1
    assert f"claim {first}: bob changed it after your verdict" in refused.stderr
    assert table(review_db, "SELECT count(*) FROM events") == before
    nothing = run(review_db, "undo", reviewer="carol")
    assert nothing.returncode == 1 and "nothing of yours to undo" in nothing.stderr


async def test_assignments_reach_an_open_review_within_its_poll(
    review_db: Path, review_queue: list[int]
) -> None:
    """The editor routes claims from another process while alice's review is open: a claim
    given to alice joins her queue, one given to bob leaves it and comes back when unassigned,
    and the claim on screen says whose it now is, all without a key pressed."""
    first, current, other = review_queue[:3]
    with Store(review_db, reviewer="carol") as store:
        assign(store, [first], ["bob"])
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=0.05)
    async with app.run_test(size=(140, 40), message_hook=messages.append) as pilot:
        screen = app.screen
        assert shown(messages) == current and first not in screen.ids
        assert "@bob" not in screen_text(app)
        with Store(review_db, reviewer="carol") as editor:
            assign(editor, [other], ["bob"])
            assign(editor, [first], ["alice"], reassign=True)
            assign(editor, [current], ["dave"])
        await wait_until(pilot, lambda: first in screen.ids)
        headline = screen.query_one("#headline")
        await wait_until(pilot, lambda: "assigned to dave" in str(headline.render()))
        assert shown(messages) == current  # the reviewer stays on the claim on screen
        assert f"Claim {current} " in str(headline.render())
        # hers first, then the unassigned; the claims given to others are out of her queue
        assert screen.ids[0] == first and other not in screen.ids
        with Store(review_db, reviewer="carol") as editor:
            unassign(editor, [other])
        await wait_until(pilot, lambda: other in screen.ids)
