"""Helpers for the desk tests: the real CLI as a subprocess, on a real database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli


def run(db: Path, *args: str, reviewer: str = "editor") -> subprocess.CompletedProcess:
    """`claimcheck --db DB --reviewer REVIEWER ARGS...`, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), "--reviewer", reviewer, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def invoke(db: Path, *args: str, reviewer: str = "editor") -> subprocess.CompletedProcess:
    """The same command run in this process (click's runner): for set-up steps and readings
    where starting a Python per call (~1 s) would add nothing; errors go through `run`."""
    result = CliRunner().invoke(cli, ["--db", str(db), "--reviewer", reviewer, *args])
    return subprocess.CompletedProcess(args, result.exit_code, result.stdout, result.stderr)


def table(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows straight from the database file (a fresh connection: what was committed)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()
