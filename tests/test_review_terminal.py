"""The real `claimcheck review` in a real terminal (tmux): keys pressed, the database checked,
another process's verdict seen on screen, and a kill -9 that loses nothing confirmed."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from claimcheck.store import Store


class Terminal:
    """One tmux session on a private server socket, running one command."""

    def __init__(self, socket: str, command: list[str]) -> None:
        if shutil.which("tmux") is None:
            raise RuntimeError("this test needs tmux: apt-get install -y tmux (.ci/run does)")
        self.socket = socket
        self.tmux("new-session", "-d", "-s", "review", "-x", "100", "-y", "30", *command)

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", "review")

    def press(self, *keys: str) -> None:
        for key in keys:
            self.tmux("send-keys", "-t", "review", key)

    def pid(self) -> int:
        return int(self.tmux("list-panes", "-t", "review", "-F", "#{pane_pid}").split()[0])

    def alive(self) -> bool:
        return "review" in self.tmux("list-sessions", "-F", "#{session_name}")

    def close(self) -> None:
        self.tmux("kill-server")


def wait_for(check: Callable[[], bool], what: str, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if check():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def open_review(db: Path, tmp_path: Path, reviewer: str) -> Terminal:
    """`claimcheck review` as `reviewer`, in its own terminal, once its screen is up."""
    command = [sys.executable, "-m", "claimcheck", "--db", str(db), "--reviewer", reviewer]
    term = Terminal(
        f"claimcheck-test-{os.getpid()}-{tmp_path.name}-{reviewer}", [*command, "review"]
    )
    try:
        wait_for(lambda: "reviewed" in term.screen(), "the review screen")
    except AssertionError:
        term.close()
        raise
    return term


@pytest.fixture
def terminal(review_db: Path, tmp_path: Path) -> Iterator[Terminal]:
    term = open_review(review_db, tmp_path, "tmux-reviewer")
    yield term
    term.close()


def status(db: Path, claim_id: int) -> tuple[str, str | None]:
    with Store(db) as store:
        claim = store.claim(claim_id)
        return claim.status, claim.reviewer


def test_keys_in_a_real_terminal_reach_the_database(
    terminal: Terminal, review_db: Path, review_queue: list[int]
) -> None:
    first, second, third = review_queue[:3]
    terminal.press("s")
    wait_for(lambda: status(review_db, first) == ("supported", "tmux-reviewer"), "verdict 1")
    terminal.press("r")
    wait_for(lambda: status(review_db, second)[0] == "refuted", "verdict 2")
    progress = f"2 of {len(review_queue)} reviewed"
    wait_for(lambda: progress in terminal.screen(), "progress on screen")
    # a second reviewer, in another process (this one), decides the claim now on screen
    with Store(review_db, reviewer="bob") as bob:
        bob.set_verdict(third, "misleading")
    wait_for(lambda: "misleading by bob" in terminal.screen(), "bob's verdict on screen")
    terminal.press("z")
    wait_for(lambda: status(review_db, second)[0] == "unreviewed", "undo")
    terminal.press("q")
    wait_for(lambda: not terminal.alive(), "the app to quit")
    with Store(review_db) as store:
        actions = [
            (e["action"], e["reviewer"])
            for e in store.events()
            if e["action"] in ("verdict", "undo") and '"via"' not in (e["details"] or "")
        ]
    assert actions == [
        ("undo", "tmux-reviewer"),
        ("verdict", "bob"),
        ("verdict", "tmux-reviewer"),
        ("verdict", "tmux-reviewer"),
    ]


def test_killing_the_process_loses_nothing_confirmed(
    terminal: Terminal, review_db: Path, review_queue: list[int]
) -> None:
    first, second, third = review_queue[:3]
    terminal.press("s", "r")
    wait_for(lambda: status(review_db, second)[0] == "refuted", "two verdicts")
    terminal.press("m")  # and kill at once, wherever the write has got to
    os.kill(terminal.pid(), signal.SIGKILL)
    wait_for(lambda: not terminal.alive(), "the process to die")
    with Store(review_db) as store:
        assert store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert store.claim(first).status == "supported"
        assert store.claim(second).status == "refuted"
        third_events = [e for e in store.events(third) if e["action"] == "verdict"]
        # the third verdict is all there (claim and audit event) or not there at all
        assert (store.claim(third).status, len(third_events)) in {
            ("misleading", 1),
            ("unreviewed", 0),
        }


def test_two_reviewers_in_two_processes_see_each_other(
    review_db: Path, tmp_path: Path, review_queue: list[int]
) -> None:
    alice = open_review(review_db, tmp_path, "alice")
    try:
        bob = open_review(review_db, tmp_path, "bob")
        try:
            alice.press("r")  # alice moves on to the second claim
            wait_for(lambda: "refuted by alice" in bob.screen(), "alice's verdict on bob's screen")
            bob.press("j", "s")  # bob, on the second claim too, supports it
            wait_for(lambda: "supported by bob" in alice.screen(), "bob's verdict on alice's")
            assert status(review_db, review_queue[0]) == ("refuted", "alice")
            assert status(review_db, review_queue[1]) == ("supported", "bob")
        finally:
            bob.close()
    finally:
        alice.close()
