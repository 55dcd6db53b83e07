"""Helpers for the desk tests: the real CLI as a subprocess, on a real database."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def run(db: Path, *args: str, reviewer: str = "editor") -> subprocess.CompletedProcess:
    """`claimcheck --db DB --reviewer REVIEWER ARGS...`, its output captured."""
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), "--reviewer", reviewer, *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def table(db: Path, sql: str, params: tuple = ()) -> list[tuple]:
    """Rows straight from the database file (a fresh connection: what was committed)."""
    import sqlite3

    with sqlite3.connect(db) as conn:
        return conn.execute(sql, params).fetchall()
