"""What a user expects of a command line: sizes in MB, a suggestion for a typo."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def claimcheck(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=120,
    )


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
