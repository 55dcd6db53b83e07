"""`claimcheck serve` from the command line: loopback by default, a warning for any other
address, one line and exit 1 when the address cannot be had."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

from claimcheck.review.server import is_loopback, review_command


def test_only_loopback_addresses_count_as_this_machine() -> None:
    assert all(
        is_loopback(host) for host in ["127.0.0.1", "127.1.2.3", "::1", "[::1]", "localhost"]
    )
    assert not any(is_loopback(host) for host in ["0.0.0.0", "::", "10.0.0.5", "newsroom.lan"])


def test_each_tab_runs_the_review_signed_in_on_this_database(tmp_path: Path) -> None:
    command = review_command(tmp_path / "claims.db")
    assert command.startswith("exec ")
    assert command.endswith(f"--db {tmp_path / 'claims.db'} review --sign-in")


def test_every_tab_gets_the_queue_serve_was_given(db_path: Path) -> None:
    """serve's --status/--kind/--sort reach each tab's review as options review accepts: run
    as-is, the command fails only for want of a terminal (exit 1), not on its options (2)."""
    command = review_command(db_path, ["--status=unreviewed", "--kind=quantity", "--sort=score"])
    assert command.endswith("review --status=unreviewed --kind=quantity --sort=score --sign-in")
    result = subprocess.run(
        shlex.split(command.removeprefix("exec ")),
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=60,
        check=False,
    )
    assert (result.returncode, result.stderr.strip()) == (
        1,
        "error: claimcheck review needs a terminal (from a script: claimcheck claims, verdict)",
    )


def test_a_wider_address_warns_and_an_unusable_one_is_one_line(db_path: Path) -> None:
    result = subprocess.run(
        # 192.0.2.1 (TEST-NET-1) is never this machine's: binding it fails at once
        [sys.executable, "-m", "claimcheck", "--db", str(db_path), "serve", "--host", "192.0.2.1"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert lines[0].startswith("warning: no enabled reviewer account")
    assert lines[1].startswith("warning: listening on 192.0.2.1, not only this machine")
    assert "no TLS" in lines[1] and "reverse proxy" in lines[1]
    assert lines[2].startswith("error: cannot listen on 192.0.2.1:8000")
    assert len(lines) == 3  # no traceback
