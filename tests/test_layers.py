"""The layers, checked on the source: a module that crosses a line fails here, naming the file
and line. Read with `ast`, so comments and docstrings never count and nothing is imported."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import claimcheck

PACKAGE = Path(claimcheck.__file__).parent
# Where the screen lives: the only place textual (and textual-serve, which serves it) is imported.
SCREEN = ("claimcheck.review",)
STORE = ("claimcheck.store",)
# Entry points and the interfaces themselves may import the CLI and the screen.
INTERFACES = ("claimcheck.cli", "claimcheck.review", "claimcheck.__main__")
EXTRACTOR = ("claimcheck.extract",)
EXTRACTOR_MAY_IMPORT = ("claimcheck.extract", "claimcheck.models")

SQL_CALLS = {"execute", "executemany", "executescript"}
DB_NAMES = {"db", "conn", "connection", "database"}
SQL_TEXT = re.compile(r"\s*(SELECT|INSERT|UPDATE|DELETE|REPLACE|PRAGMA|CREATE|DROP|ALTER|WITH)\s")


def modules() -> list[tuple[str, Path, ast.Module]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found.append((name, path, ast.parse(path.read_text(encoding="utf-8"), str(path))))
    return found


def within(name: str, packages: tuple[str, ...]) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


def imported(module_name: str, tree: ast.Module) -> list[tuple[int, str]]:
    """(line, module) of every import in the module, relative ones resolved."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                package = module_name.split(".")[: -node.level]
                base = ".".join([*package, base] if base else package)
            found += [(node.lineno, base)]
            found += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return found


def sql_uses(tree: ast.Module) -> list[tuple[int, str]]:
    """(line, what) of everything that runs or writes SQL: execute calls, queries on a
    connection, sqlite3/sqlite-utils connections and tables, SQL text."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr, receiver = node.func.attr, node.func.value
            receiver_name = getattr(receiver, "attr", getattr(receiver, "id", ""))
            if attr in SQL_CALLS:
                found.append((node.lineno, f".{attr}("))
            elif attr in ("query", "table") and receiver_name in DB_NAMES:
                found.append((node.lineno, f"{receiver_name}.{attr}("))
            elif attr == "connect" and receiver_name == "sqlite3":
                found.append((node.lineno, "sqlite3.connect("))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, ast.Attribute):
            if node.value.attr in DB_NAMES:
                found.append((node.lineno, f"{node.value.attr}[...]"))
        elif isinstance(node, ast.Attribute) and node.attr in DB_NAMES:
            owner = getattr(node.value, "attr", getattr(node.value, "id", ""))
            if "store" in owner:
                found.append((node.lineno, f"{owner}.{node.attr}"))
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and SQL_TEXT.match(node.value)
        ):
            found.append((node.lineno, f"SQL text {node.value[:30]!r}"))
    for line, module in imported("", tree):
        if module == "sqlite_utils" or module.startswith("sqlite_utils."):
            found.append((line, f"import {module}"))
    return found


def crossings(check) -> list[str]:
    return [
        f"{path.relative_to(PACKAGE.parent)}:{line}: {what}"
        for name, path, tree in modules()
        for line, what in check(name, tree)
    ]


def test_textual_only_in_the_screen():
    def check(name, tree):
        if within(name, SCREEN):
            return []
        return [
            (line, f"imports {module}")
            for line, module in imported(name, tree)
            if within(module, ("textual", "textual_serve"))
        ]

    assert crossings(check) == []


def test_sql_only_in_the_store():
    def check(name, tree):
        if within(name, STORE):
            return []
        return sql_uses(tree)

    assert crossings(check) == []


def test_core_never_imports_the_cli_or_the_screen():
    def check(name, tree):
        if within(name, INTERFACES):
            return []
        return [
            (line, f"imports {module}")
            for line, module in imported(name, tree)
            if within(module, ("claimcheck.cli", "claimcheck.review"))
        ]

    assert crossings(check) == []


def test_the_extractor_imports_only_the_models_and_itself():
    def check(name, tree):
        if not within(name, EXTRACTOR):
            return []
        return [
            (line, f"imports {module}")
            for line, module in imported(name, tree)
            if module.startswith("claimcheck")
            and not within(module, EXTRACTOR_MAY_IMPORT)
            and module != "claimcheck"
        ]

    assert crossings(check) == []


def test_the_checks_see_what_they_look_for():
    """Each check finds a crossing written the usual way (so a check that silently finds
    nothing fails here rather than passing forever)."""
    bad = ast.parse(
        "import sqlite3\nfrom sqlite_utils import Database\n"
        "store.db.execute('SELECT 1')\nrows = self.store.db.query('x')\n"
        "conn = sqlite3.connect('x')\nstore.db['claims'].insert({})\n"
        "sql = f'UPDATE claims SET {x} = ?'\n"
    )
    found = {what for _, what in sql_uses(bad)}
    assert {".execute(", "db.query(", "sqlite3.connect(", "db[...]", "store.db"} <= found
    assert "import sqlite_utils" in found
    assert any(what.startswith("SQL text 'UPDATE") for what in found)
    assert ("claimcheck.review.app") in {
        m for _, m in imported("claimcheck.extract.x", ast.parse("from ..review import app"))
    }


def test_every_error_for_the_user_derives_from_claimcheck_error():
    """A public exception class based on a builtin one also names ClaimcheckError, so the CLI's
    one `except ClaimcheckError` catches it."""
    builtin = {"Exception", "ValueError", "RuntimeError", "OSError", "LookupError", "KeyError"}

    def check(name, tree):
        return [
            (node.lineno, f"class {node.name} is no ClaimcheckError")
            for node in ast.walk(tree)
            if isinstance(node, ast.ClassDef)
            and not node.name.startswith("_")
            and node.name != "ClaimcheckError"
            and (bases := {getattr(b, "id", getattr(b, "attr", "")) for b in node.bases}) & builtin
            and "ClaimcheckError" not in bases
        ]

    assert crossings(check) == []


def test_starting_the_cli_or_the_review_loads_no_ranking_library_and_hashes_nothing():
    """bm25s brings scipy (a third of a second or more) and an scrypt hash costs tens of
    milliseconds: every command and the review screen would pay them at start."""
    import subprocess
    import sys

    probe = (
        "import sys, hashlib; calls = []; real = hashlib.scrypt\n"
        "hashlib.scrypt = lambda *a, **k: calls.append(1) or real(*a, **k)\n"
        "import claimcheck.cli, claimcheck.review.screen\n"
        "print(sorted({'bm25s', 'scipy'} & set(sys.modules)), len(calls))"
    )
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["[]", "0"]
