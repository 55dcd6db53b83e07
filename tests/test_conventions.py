"""What a user expects of a command line: the demo from any folder, sizes in MB, a suggestion
for a typo."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from claimcheck.demo import SEEDS


def claimcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "CLAIMCHECK_DB"}  # ./claims.db, as a user
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        timeout=120,
    )


def test_demo_works_from_any_folder(tmp_path):
    assert SEEDS.parent.name == "claimcheck" and (SEEDS / "manifest.yaml").is_file()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = claimcheck("demo", "--no-review", cwd=elsewhere)
    assert result.returncode == 0, result.stderr
    assert "demo: 1 articles (1 new)" in result.stderr
    assert "Keir Starmer and Joe Biden" in result.stdout
    with sqlite3.connect(elsewhere / "claims.db") as conn:
        assert conn.execute("SELECT count(*) FROM snapshots").fetchone()[0] == 2
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] > 50
        (title,) = conn.execute("SELECT title FROM articles").fetchone()
    assert title.startswith("Starmer and Biden")


def test_the_size_limit_reads_as_megabytes():
    for command in ("add", "extract"):
        shown = claimcheck(command, "--help").stdout
        assert "[default: 10 MB]" in " ".join(shown.split()), command
        assert "10.48" not in shown


def test_a_misspelt_status_suggests_the_closest_as_import_does(tmp_path):
    db = tmp_path / "claims.db"
    result = claimcheck("--db", str(db), "verdict", "5", "suported")
    assert result.returncode == 2
    assert "(did you mean 'supported'?)" in result.stderr
    assert "Traceback" not in result.stderr
    assert not db.exists()
    far = claimcheck("--db", str(db), "claims", "--kind", "zzzz")
    assert far.returncode == 2 and "did you mean" not in far.stderr
