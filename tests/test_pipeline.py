"""Adding many files: the worker pool and batched writes store exactly what one process would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from claimcheck.pipeline import WRITE_BATCH, add_inputs, expand_inputs
from claimcheck.store import Store
from tests.conftest import SEED_ARTICLE

STAMPS = {"at", "created_at", "updated_at", "ingested_at", "applied_at"}


def rows(db_path: Path) -> dict[str, list[tuple]]:
    """Every table's rows without their time stamps."""
    with sqlite3.connect(db_path) as conn:
        tables = [
            name
            for (name,) in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%'"
            )
        ]
        found = {}
        for table in tables:
            columns = [c[1] for c in conn.execute(f"PRAGMA table_info([{table}])")]
            kept = ", ".join(f"[{c}]" for c in columns if c not in STAMPS)
            found[table] = conn.execute(f"SELECT {kept} FROM [{table}] ORDER BY rowid").fetchall()
        return found


def test_parallel_batched_add_equals_one_by_one(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    paragraphs = SEED_ARTICLE.read_text(encoding="utf-8").split("\n")
    count = WRITE_BATCH + 9
    for number in range(count):
        body = paragraphs[number % len(paragraphs) :] + paragraphs[: number % len(paragraphs)]
        (folder / f"a{number:03d}.txt").write_text(f"Dispatch {number}\n" + "\n".join(body))
    (folder / "a005_again.txt").write_text((folder / "a005.txt").read_text())
    (folder / "a020_empty.txt").write_text("")
    items = expand_inputs([str(folder)])
    outcomes = {}
    for workers in (1, 2):
        with Store(tmp_path / f"{workers}.db", reviewer="test") as store:
            outcomes[workers] = [
                (o.name, o.error, o.result) for o in add_inputs(store, items, workers=workers)
            ]
    assert outcomes[1] == outcomes[2]
    assert [name for name, _, _ in outcomes[2]] == items
    errors = [name for name, error, _ in outcomes[2] if error]
    assert errors == [str(folder / "a020_empty.txt")]
    again = next(result for name, _, result in outcomes[2] if name.endswith("a005_again.txt"))
    assert again is not None and not again.created
    assert rows(tmp_path / "1.db") == rows(tmp_path / "2.db")
    assert len(rows(tmp_path / "2.db")["articles"]) == count
