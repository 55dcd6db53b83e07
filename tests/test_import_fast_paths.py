"""The import's fast paths give what the plain ones gave: claims written several hundred to an
INSERT statement land whole (index and counts included)."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.importer import import_file
from claimcheck.store import Store
from claimcheck.store.imports import ROWS_PER_INSERT


def test_claims_across_several_insert_statements_are_all_written_and_indexed(
    store: Store, tmp_path: Path
) -> None:
    count = 2 * ROWS_PER_INSERT + 7  # two full statements and a short one
    path = tmp_path / "claims.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": n,
                    "article_url": f"https://news.example.org/{n // 100}",
                    "text": f"Item{n} rose {n} per cent.",
                    "quantities": [{"surface": f"{n} per cent", "value": n, "unit": "percent"}],
                    "status": "supported" if n % 2 else None,
                }
            )
            + "\n"
            for n in range(1, count + 1)
        ),
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert not report.failed and report.claims_added == count
    db = store.db
    assert [r[0] for r in db.execute("SELECT id FROM claims ORDER BY id")] == list(
        range(1, count + 1)
    )
    for n in (1, ROWS_PER_INSERT, ROWS_PER_INSERT + 1, count):
        [(claim_id, value)] = db.execute(
            "SELECT c.id, q.value FROM claims_fts f JOIN claims c ON c.id = f.rowid"
            " JOIN quantities q ON q.claim_id = c.id WHERE claims_fts MATCH ?",
            [f"item{n}"],
        ).fetchall()
        assert (claim_id, value) == (n, n)
    counts = dict(db.execute("SELECT status, sum(n) FROM claim_counts GROUP BY status"))
    assert counts == {"supported": (count + 1) // 2, "unreviewed": count // 2}
