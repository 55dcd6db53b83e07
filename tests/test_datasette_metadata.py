"""The Datasette metadata names only tables and columns a fresh database has, and leaves none
of the user-facing tables undescribed."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys

from claimcheck.datasette_metadata import datasette_metadata
from claimcheck.store import Store

FTS_INTERNAL = re.compile(r"_fts(_(config|data|idx|docsize|content))?$")


def schema(db_path) -> dict[str, set[str]]:
    with sqlite3.connect(db_path) as conn:
        names = [
            row[0]
            for row in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")
        ]
        return {
            name: {row[1] for row in conn.execute(f"PRAGMA table_info([{name}])")} for name in names
        }


def test_metadata_matches_a_fresh_database(db_path):
    Store(db_path).close()
    tables = schema(db_path)
    described = datasette_metadata(db_path)["databases"]["claims"]["tables"]
    for name, entry in described.items():
        assert name in tables, f"metadata names table {name}, which a fresh database lacks"
        unknown = set(entry.get("columns", {})) - tables[name]
        assert not unknown, f"{name}: metadata names columns {unknown} that do not exist"
        for key in ("facets", "label_column", "sort_desc"):
            named = entry.get(key)
            assert (
                set(named if isinstance(named, list) else [named] if named else []) <= tables[name]
            )
    for name, columns in tables.items():
        entry = described.get(name, {})
        if FTS_INTERNAL.search(name) and name not in described:
            continue  # Datasette hides full-text index tables by itself
        assert entry.get("hidden") or entry.get("description"), (
            f"{name}: neither described nor hidden"
        )
        if not entry.get("hidden"):
            assert set(entry.get("columns", {})) == columns, f"{name}: some columns undescribed"


def test_internals_are_hidden():
    described = datasette_metadata()["databases"]["claims"]["tables"]
    for internal in ("claim_counts", "row_counts", "_sqlite_migrations", "reviewers"):
        assert described[internal] == {"hidden": True}


def test_the_command_names_the_database_as_datasette_will(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "claimcheck",
            "--db",
            str(tmp_path / "desk.db"),
            "datasette-metadata",
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    printed = json.loads(result.stdout)
    assert list(printed["databases"]) == ["desk"]
    assert "claims_overview" in printed["databases"]["desk"]["tables"]
    assert not (tmp_path / "desk.db").exists()
