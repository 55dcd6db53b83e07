"""`stats` answers from counts the triggers keep (issue 15): after adds, verdicts, repeats,
imports and deletions the counts equal a full scan, and a database made before the counts
existed gets them when it opens."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

from claimcheck.export import export
from claimcheck.ingest import read_path
from claimcheck.models import ArticleInput
from claimcheck.pipeline import add_article
from claimcheck.store import Store
from tests.bulk_db import build, scanned_stats
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED


def counted(store: Store) -> dict[str, Any]:
    return store.stats()


def test_counts_follow_adds_verdicts_imports_and_deletions(store: Store, tmp_path: Path) -> None:
    add_article(store, read_path(SEED_ARTICLE, published=SEED_PUBLISHED))
    add_article(
        store,
        ArticleInput(text="Turnout reached 67 per cent, the highest since 1992.", title="Vote"),
    )
    assert counted(store) == scanned_stats(store)
    assert counted(store)["repeats"] > 0
    first, second = store.claims(include_repeats=False)[:2]
    store.set_verdict(first.id, "refuted", note="no")
    store.set_verdict(second.id, "supported")
    store.undo()
    assert counted(store) == scanned_stats(store)
    assert counted(store)["by_status"]["refuted"] >= 1

    exported = tmp_path / "claims.jsonl"
    with exported.open("w") as out:
        export(store, "jsonl", out)
    with Store(tmp_path / "copy.db") as copy:
        done = subprocess.run(
            [sys.executable, "-m", "claimcheck", "--db", str(copy.path), "import", str(exported)],
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        assert counted(copy) == scanned_stats(copy)
        assert counted(copy)["claims"] == counted(store)["claims"]

    with store.transaction():
        victim = store.claims(include_repeats=False)[-1].id
        store.db.execute("DELETE FROM quantities WHERE claim_id = ?", [victim])
        store.db.execute("UPDATE claims SET canonical_id = NULL WHERE canonical_id = ?", [victim])
        store.db.execute("DELETE FROM claims WHERE id = ?", [victim])
        store.db.execute("UPDATE claims SET kind = 'quote' WHERE id = ?", [first.id])
    assert counted(store) == scanned_stats(store)


def test_a_database_made_before_the_counts_gets_them(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    build(path, 3_000, search=True)
    with Store(path) as store:
        expected = scanned_stats(store)
        with store.transaction():
            triggers = store.db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%_count_%'"
            ).fetchall()
            for (name,) in triggers:
                store.db.execute(f"DROP TRIGGER {name}")
            store.db.execute("DROP TABLE claim_counts")
            store.db.execute("DROP TABLE row_counts")
            store.db.execute("DELETE FROM _sqlite_migrations WHERE name = 'maintain_counts'")
            for table in ("quantities", "claim_sources"):
                store.db.execute(f"DELETE FROM {table} WHERE claim_id > 2000")
            store.db.execute("DELETE FROM claims WHERE id > 2000")
    with Store(path) as store:
        assert counted(store) == scanned_stats(store) != expected
        assert counted(store)["claims"] == 2000 and counted(store)["repeats"] == 100


def test_stats_command_prints_the_counts(tmp_path: Path) -> None:
    path = tmp_path / "claims.db"
    build(path, 1_000)
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(path), "stats", "--json"],
        capture_output=True,
        text=True,
    )
    figures = json.loads(done.stdout)
    assert figures["claims"] == 1_000 and figures["repeats"] == 50
    distinct = [n for n in range(1_000) if n % 20 != 19]  # tests.bulk_db: one in 20 repeats
    supported = sum(1 for n in distinct if n % 3 == 0)  # and a third are reviewed
    assert figures["by_status"] == {"unreviewed": 950 - supported, "supported": supported}
