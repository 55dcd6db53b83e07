"""The core never imports textual: only claimcheck.review does (and the CLI loads it lazily,
inside `claimcheck review`), so scripts, exports and imports stay light."""

from __future__ import annotations

import subprocess
import sys

CORE = [
    "claimcheck.cli",
    "claimcheck.store",
    "claimcheck.models",
    "claimcheck.migrations",
    "claimcheck.pipeline",
    "claimcheck.ingest",
    "claimcheck.extract.claims",
    "claimcheck.archive",
    "claimcheck.evidence",
    "claimcheck.sources",
    "claimcheck.demo",
]


def test_the_core_does_not_import_textual() -> None:
    program = (
        "import importlib, sys\n"
        f"for name in {CORE!r}:\n"
        "    importlib.import_module(name)\n"
        "print('textual' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "False"


def test_the_review_package_is_where_textual_lives() -> None:
    program = "import sys, claimcheck.review.app\nprint('textual' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
