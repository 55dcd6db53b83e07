"""Reviewer accounts: salted scrypt hashes, the `reviewers` commands (audited), and the sign-in
screen that `review --sign-in` and the served review open with."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from textual.message import Message
from textual.pilot import Pilot
from textual.widgets import Input

from claimcheck import reviewers
from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import VerdictRecorded
from claimcheck.review.screen import ReviewScreen
from claimcheck.review.signin import SignedIn, SignInFailed, SignInScreen
from claimcheck.store import Store, StoreError
from tests.review_support import posted, settle, wait_until

PASSPHRASE = "correct horse battery"


def claimcheck(db: Path, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), "--reviewer", "editor", *args],
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


def test_a_passphrase_is_stored_only_as_a_salted_hash(store: Store) -> None:
    reviewers.add_reviewer(store, "alice", PASSPHRASE)
    reviewers.add_reviewer(store, "bob", PASSPHRASE)
    stored = dict(store.db.execute("SELECT name, passphrase_hash FROM reviewers").fetchall())
    assert all(PASSPHRASE not in value and value.startswith("scrypt$") for value in stored.values())
    assert stored["alice"] != stored["bob"]  # each its own salt
    assert reviewers.passphrase_matches(PASSPHRASE, stored["alice"])
    assert not reviewers.passphrase_matches(PASSPHRASE + " ", stored["alice"])
    assert not reviewers.passphrase_matches(PASSPHRASE, "garbage")


def test_sign_in_refuses_wrong_unknown_and_disabled_and_slows_a_guesser(store: Store) -> None:
    reviewers.add_reviewer(store, "alice", PASSPHRASE)
    assert reviewers.sign_in(store, "ALICE", PASSPHRASE, via="test").name == "alice"
    with pytest.raises(reviewers.SignInRefused, match="wrong name or passphrase"):
        reviewers.sign_in(store, "nobody", PASSPHRASE, via="test")
    for _ in range(reviewers.FREE_FAILURES):
        with pytest.raises(reviewers.SignInRefused, match="wrong name or passphrase"):
            reviewers.sign_in(store, "alice", "guess guess", via="test")
    with pytest.raises(reviewers.SignInRefused, match="too many failed sign-ins"):
        reviewers.sign_in(store, "alice", PASSPHRASE, via="test")  # even the right one waits
    reviewers.set_enabled(store, "alice", False)
    with pytest.raises(reviewers.SignInRefused, match="disabled"):
        reviewers.sign_in(store, "alice", PASSPHRASE, via="test")
    signed = [e for e in store.events() if e["action"] == "sign_in"]
    assert [(e["reviewer"], e["new"]) for e in signed] == [("alice", "alice")]


def test_the_reviewers_commands_add_list_disable_enable_and_audit(db_path: Path) -> None:
    added = claimcheck(
        db_path, "reviewers", "add", "alice", "--passphrase-file", "-", stdin=PASSPHRASE + "\n"
    )
    assert added.returncode == 0, added.stderr
    again = claimcheck(db_path, "reviewers", "add", "Alice", stdin="another passphrase\n")
    assert again.returncode == 1
    assert again.stderr.strip() == "error: reviewer 'Alice' already exists"
    assert claimcheck(db_path, "reviewers", "disable", "alice").returncode == 0
    listed = claimcheck(db_path, "reviewers", "list")
    assert listed.stdout.startswith("alice\tdisabled")
    assert "bob" not in listed.stdout
    assert claimcheck(db_path, "reviewers", "enable", "alice").returncode == 0
    with Store(db_path) as store:
        audit = [
            (e["reviewer"], e["action"], e["old"], e["new"], json.loads(e["details"])["account"])
            for e in reversed(store.events())
        ]
        assert audit == [
            ("editor", "add_reviewer", None, "alice", "alice"),
            ("editor", "disable_reviewer", "enabled", "disabled", "alice"),
            ("editor", "enable_reviewer", "disabled", "enabled", "alice"),
        ]
        account = reviewers.reviewer(store, "alice")
        assert account.enabled
        assert reviewers.sign_in(store, "alice", PASSPHRASE, via="test").name == "alice"


def test_a_missing_account_is_one_line_and_changes_nothing(db_path: Path) -> None:
    result = claimcheck(db_path, "reviewers", "disable", "carol")
    assert result.returncode == 1
    assert result.stderr == "error: no reviewer named 'carol' (claimcheck reviewers add NAME)\n"
    with Store(db_path) as store:
        assert store.events() == []
        with pytest.raises(StoreError):
            reviewers.add_reviewer(store, " \x1b[31m ", PASSPHRASE)
        with pytest.raises(StoreError, match="at least 8 characters"):
            reviewers.add_reviewer(store, "bob", "short")


async def sign_in_on_screen(pilot: Pilot, name: str, passphrase: str) -> None:
    pilot.app.screen.query_one("#name", Input).value = name
    pilot.app.screen.query_one("#passphrase", Input).value = passphrase
    pilot.app.screen.query_one("#passphrase", Input).focus()
    await pilot.press("enter")
    await settle(pilot)


async def test_review_sign_in_opens_the_review_as_the_account(review_db: Path) -> None:
    with Store(review_db) as store:
        reviewers.add_reviewer(store, "alice", PASSPHRASE)
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="login-name", keymap={}, poll_seconds=3600, sign_in=True)
    async with app.run_test(message_hook=messages.append) as pilot:
        assert isinstance(app.screen, SignInScreen)
        await sign_in_on_screen(pilot, "alice", "wrong passphrase")
        await wait_until(pilot, lambda: bool(posted(messages, SignInFailed)))
        assert [m.reason for m in posted(messages, SignInFailed)] == ["wrong name or passphrase"]
        assert isinstance(app.screen, SignInScreen)
        assert app.screen.query_one("#passphrase", Input).value == ""
        await pilot.press("s")  # typed into the passphrase field, not a verdict
        await sign_in_on_screen(pilot, "Alice", PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        assert [m.name for m in posted(messages, SignedIn)] == ["alice"]
        await pilot.press("m")
        await wait_until(pilot, lambda: bool(posted(messages, VerdictRecorded)))
    with Store(review_db) as store:
        verdicts = [e for e in store.events() if e["action"] == "verdict"]
    assert verdicts and {e["reviewer"] for e in verdicts} == {"alice"}
    assert {e["new"] for e in verdicts} == {"misleading"}


def test_accounts_travel_in_a_bundle_and_a_merge_keeps_the_ones_here(tmp_path: Path) -> None:
    from claimcheck.bundle import export_bundle, import_bundle

    first, copy, other = (tmp_path / f"{name}.db" for name in ("first", "copy", "other"))
    with Store(first) as store:
        reviewers.add_reviewer(store, "alice", PASSPHRASE)
    export_bundle(first, tmp_path / "desk.bundle")
    with Store(copy) as store:
        import_bundle(store, tmp_path / "desk.bundle")
        assert reviewers.sign_in(store, "alice", PASSPHRASE, via="test").name == "alice"
    with Store(other) as store:
        reviewers.add_reviewer(store, "Alice", "her other passphrase")
        report = import_bundle(store, tmp_path / "desk.bundle")
        assert report.present["reviewers"] == 1
        assert [account.name for account in reviewers.reviewers(store)] == ["Alice"]
        assert reviewers.sign_in(store, "alice", "her other passphrase", via="test")


async def test_disabling_an_account_ends_its_open_session(review_db: Path) -> None:
    with Store(review_db) as store:
        reviewers.add_reviewer(store, "alice", PASSPHRASE)
    app = ReviewApp(review_db, reviewer=None, keymap={}, poll_seconds=0.05, sign_in=True)
    async with app.run_test() as pilot:
        await sign_in_on_screen(pilot, "alice", PASSPHRASE)
        await wait_until(pilot, lambda: isinstance(app.screen, ReviewScreen))
        await pilot.pause(0.2)
        assert app.is_running
        with Store(review_db, reviewer="editor") as store:
            reviewers.set_enabled(store, "alice", False)
        await wait_until(pilot, lambda: not app.is_running)
    assert app.return_value is None


def test_a_new_passphrase_replaces_the_old_and_clears_the_failures(store: Store) -> None:
    reviewers.add_reviewer(store, "alice", PASSPHRASE)
    with pytest.raises(reviewers.SignInRefused):
        reviewers.sign_in(store, "alice", "guess guess", via="test")
    assert reviewers.set_passphrase(store, "alice", "a brand new one").failed_sign_ins == 0
    with pytest.raises(reviewers.SignInRefused):
        reviewers.sign_in(store, "alice", PASSPHRASE, via="test")
    assert reviewers.sign_in(store, "alice", "a brand new one", via="test").name == "alice"
    assert [e["action"] for e in store.events()][-2:] == ["set_passphrase", "add_reviewer"]
