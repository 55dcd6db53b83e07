"""The core never imports textual: only claimcheck.review does (and the CLI loads it lazily,
inside `claimcheck review`), so scripts, exports and imports stay light."""

from __future__ import annotations

import subprocess
import sys

EVERY_CORE_MODULE = """
import importlib, pkgutil, sys
import claimcheck
names = [
    m.name for m in pkgutil.walk_packages(claimcheck.__path__, "claimcheck.")
    if not m.name.startswith("claimcheck.review") and m.name != "claimcheck.__main__"
]
for name in names:
    importlib.import_module(name)
print(len(names), 'textual' in sys.modules)
"""


def test_no_core_module_imports_textual() -> None:
    result = subprocess.run(
        [sys.executable, "-c", EVERY_CORE_MODULE], capture_output=True, text=True, check=True
    )
    count, loaded = result.stdout.split()
    assert int(count) > 15, "the walk found the core modules"
    assert loaded == "False"


def test_the_review_package_is_where_textual_lives() -> None:
    program = "import sys, claimcheck.review.app\nprint('textual' in sys.modules)\n"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "True"
