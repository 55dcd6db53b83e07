"""Other reviewers' work: replacing someone's verdict asks first, undo never takes back someone
else's later change, a note belongs to its verdict, a second check is blind to stances, and a
database error never takes the review screen down or loses what the reviewer typed."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.message import Message

from claimcheck import archive
from claimcheck.cli import cli
from claimcheck.evidence import rank_claim
from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import ClaimEdited, Undone, VerdictRecorded, WorkFailed
from claimcheck.review.modals import ConfirmScreen, PromptScreen
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.review_rules import ReplaceRefused, record_verdict, undo
from claimcheck.store import Store, UndoRefused
from tests.review_support import posted, screen_text


def run(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


def verdict_event(store: Store, claim_id: int) -> dict:
    return next(e for e in store.events(claim_id) if e["action"] == "verdict")


# ---- the CLI ---------------------------------------------------------------------------------


def test_verdict_replaces_anothers_only_with_replace(review_db: Path, review_queue: list[int]):
    claim_id = str(review_queue[0])
    assert run(review_db, "--reviewer", "alice", "verdict", claim_id, "refuted").exit_code == 0
    refused = run(review_db, "--reviewer", "bob", "verdict", claim_id, "supported")
    assert refused.exit_code == 1
    assert refused.output.strip() == (
        f"error: claim {claim_id} has alice's verdict (refuted);"
        " replacing it must be confirmed (verdict --replace)"
    )
    with Store(review_db) as store:
        assert store.claim(int(claim_id)).status == "refuted"
        version = store.claim(int(claim_id)).version
    stale = run(
        review_db, "--reviewer", "bob", "verdict", claim_id, "supported", "--replace",
        "--expect-version", str(version - 1),
    )  # fmt: skip
    assert stale.exit_code == 1 and "was changed by alice" in stale.output
    replaced = run(review_db, "--reviewer", "bob", "verdict", claim_id, "supported", "--replace")
    assert replaced.exit_code == 0, replaced.output
    with Store(review_db) as store:
        assert (store.claim(int(claim_id)).status, store.claim(int(claim_id)).reviewer) == (
            "supported",
            "bob",
        )
        assert json.loads(verdict_event(store, int(claim_id))["details"])["replaces"] == "alice"
    # your own verdict, or an unreviewed claim, needs no --replace
    assert run(review_db, "--reviewer", "bob", "verdict", claim_id, "refuted").exit_code == 0


def test_a_note_belongs_to_its_verdict(review_db: Path, review_queue: list[int], tmp_path: Path):
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as alice:
        alice.set_verdict(claim_id, "refuted", note="alice's reason")
        alice.set_verdict(claim_id, "misleading")  # her own note stays with her new verdict
        assert alice.claim(claim_id).note == "alice's reason"
    args = ("--reviewer", "bob", "verdict", str(claim_id), "supported", "--replace")
    assert run(review_db, *args).exit_code == 0
    out = tmp_path / "claims.jsonl"
    assert run(review_db, "export", "--format", "jsonl", "-o", str(out)).exit_code == 0
    exported = next(
        row for row in map(json.loads, out.read_text().splitlines()) if row["id"] == claim_id
    )
    assert exported["status"] == "supported"
    assert "alice's reason" not in json.dumps(exported)
    with Store(review_db) as store:
        assert store.claim(claim_id).note is None
        event = verdict_event(store, claim_id)
        assert json.loads(event["details"])["old_note"] == "alice's reason"


# ---- undo --------------------------------------------------------------------------------------


def test_undo_refuses_when_someone_changed_the_claim_since(review_db, review_queue):
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as alice, Store(review_db, reviewer="bob") as bob:
        record_verdict(alice, claim_id, "refuted", note="alice's reason")
        with pytest.raises(ReplaceRefused):
            record_verdict(bob, claim_id, "supported")
        record_verdict(bob, claim_id, "supported", note="bob's reason", replace=True)
        with pytest.raises(UndoRefused, match=f"claim {claim_id}: bob changed it after your"):
            undo(alice)
        claim = bob.claim(claim_id)
        assert (claim.status, claim.note, claim.reviewer) == ("supported", "bob's reason", "bob")


def test_undo_restores_and_records_every_field(review_db, review_queue):
    first, second = review_queue[:2]
    with Store(review_db, reviewer="alice") as alice, Store(review_db, reviewer="bob") as bob:
        record_verdict(bob, first, "supported", note="bob's reason")
        record_verdict(alice, first, "refuted", note="alice's reason", replace=True)
        record_verdict(alice, second, "dismissed")
        assert undo(alice).id == second  # the latest change first
        restored = undo(alice)
        assert (restored.status, restored.note, restored.reviewer) == (
            "supported",
            "bob's reason",
            "bob",
        )
        event = alice.events(first, limit=1)[0]
        assert event["action"] == "undo"
        assert json.loads(event["details"])["changes"] == {
            "status": ["refuted", "supported"],
            "note": ["alice's reason", "bob's reason"],
            "reviewer": ["alice", "bob"],
        }
        assert undo(alice) is None
        assert alice.claim(second).status == "unreviewed"


# ---- the review screen ------------------------------------------------------------------------


async def test_the_screen_asks_before_replacing_anothers_verdict(review_db, review_queue):
    with Store(review_db, reviewer="bob") as bob:
        bob.set_verdict(review_queue[0], "refuted", note="bob's reason")
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=3600)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("s")
        assert isinstance(app.screen, ConfirmScreen)
        assert "bob said refuted" in screen_text(app)
        await pilot.press("n")  # any key but y keeps bob's verdict
        assert isinstance(app.screen, ReviewScreen)
        assert posted(messages, VerdictRecorded) == []
        await pilot.press("s", "y")
        assert posted(messages, VerdictRecorded)[0].status == "supported"
    with Store(review_db) as store:
        claim = store.claim(review_queue[0])
        assert (claim.status, claim.reviewer, claim.note) == ("supported", "alice", None)
        assert json.loads(verdict_event(store, claim.id)["details"])["replaces"] == "bob"


async def test_the_screen_will_not_undo_over_anothers_change(review_db, review_queue):
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=3600)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("s")
        with Store(review_db, reviewer="bob") as bob:
            record_verdict(bob, review_queue[0], "refuted", replace=True)
        await pilot.press("z")
        assert posted(messages, Undone) == []
        [failed] = posted(messages, WorkFailed)
        assert "bob changed it after your verdict" in failed.reason
    with Store(review_db) as store:
        assert (store.claim(review_queue[0]).status, store.claim(review_queue[0]).reviewer) == (
            "refuted",
            "bob",
        )


def hold_write_lock(db: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE articles SET title = title")
    return conn


async def test_a_held_lock_is_told_and_the_key_works_again(review_db, review_queue, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_BUSY_TIMEOUT", "0.2")
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=0.05)
    async with app.run_test(message_hook=messages.append) as pilot:
        holder = hold_write_lock(review_db)
        await pilot.press("s")
        await pilot.pause(0.2)  # polls run while the lock is held
        [failed] = posted(messages, WorkFailed)
        assert "database is busy" in failed.reason and "not saved" in failed.reason
        assert isinstance(app.screen, ReviewScreen) and app.screen.view.claim.id == review_queue[0]
        holder.execute("COMMIT")
        await pilot.press("s")
        assert posted(messages, VerdictRecorded)[0].claim_id == review_queue[0]
    assert app.return_code in (None, 0)


async def test_a_note_typed_while_the_lock_is_held_is_kept(review_db, review_queue, monkeypatch):
    monkeypatch.setenv("CLAIMCHECK_BUSY_TIMEOUT", "0.2")
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=3600)
    async with app.run_test(message_hook=messages.append) as pilot:
        holder = hold_write_lock(review_db)
        await pilot.press("n", *"because", "enter")
        assert posted(messages, WorkFailed)
        assert isinstance(app.screen, PromptScreen)
        assert app.screen.query_one("Input").value == "because"
        holder.execute("COMMIT")
        await pilot.press("enter")
        assert posted(messages, ClaimEdited)
    with Store(review_db) as store:
        assert store.claim(review_queue[0]).note == "because"


def evidence_text(app: ReviewApp) -> str:
    return str(app.screen.query_one("#evidence").render())


async def test_the_second_check_hides_the_first_reviewers_stances(review_db, tmp_path):
    source = tmp_path / "nato.txt"
    source.write_text(
        "Poland spent 4.12 per cent of GDP on defence in 2024, the highest of any Ally.\n",
        encoding="utf-8",
    )
    with Store(review_db, reviewer="alice") as alice:
        [claim] = alice.claims(search="Poland spending")
        archive.cite(alice, claim.id, str(source))
        [passage, *_] = rank_claim(alice, claim.id)
        alice.set_stance(alice.evidence(claim.id)[0]["id"], "refutes", note="alice's doubt")
        alice.flag_for_second_check(claim.id, "refuted")
    assert passage
    app = ReviewApp(review_db, reviewer="bob", keymap={}, query=QueueQuery(second_check=True))
    async with app.run_test(size=(140, 60)) as pilot:
        assert app.screen.view.claim.id == claim.id
        assert [row["stance"] for row in app.screen.view.evidence] == [None]
        assert "refutes" not in evidence_text(app) and "alice" not in screen_text(app)
        await pilot.press("r")  # decided: now the first reviewer's stance may be shown
        app.screen.show_claim(app.screen.ids.index(claim.id))
        await pilot.pause()
        assert "stance: refutes" in evidence_text(app)
