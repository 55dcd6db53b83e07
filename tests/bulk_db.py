"""A large claims database made fast, by direct inserts into the real schema: for tests of what
must stay flat as a desk's database grows, and for the scale benches."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from claimcheck.store import Store

STAMP = "2024-09-14T10:00:00.000+00:00"
KINDS = ("quantity", "statistic", "comparison", "quote")
QUANTITY_TAIL = ("exact", "", 0, 0)  # qualifier, of, start, end


def claim_row(n: int, per_article: int) -> dict[str, object]:
    sentence = f"Spending on item {n} rose {n % 97 + 1} per cent in 2024, officials said."
    reviewed = n % 3 == 0
    return {
        "id": n + 1,
        "article_id": n // per_article + 1,
        "start": 0,
        "end": 60,
        "paragraph": 0,
        "sentence": sentence,
        "text": sentence,
        "kind": KINDS[n % len(KINDS)],
        "kinds": '["quantity"]',
        "checkworthiness": (n % 100) / 100,
        "reasons": "[]",
        "speaker": "officials",
        "canonical_id": n if n % 20 == 19 else None,
        "status": "supported" if reviewed else "unreviewed",
        "note": "checked against the budget" if reviewed else None,
        "reviewer": "bench" if reviewed else None,
        "version": 1,
        "created_at": STAMP,
        "updated_at": STAMP,
    }


def build(db: Path, count: int, *, per_article: int = 100, search: bool = False) -> None:
    """A database of `count` claims, each with a quantity, one in ten citing a source, one in
    twenty repeating the claim before it, a third reviewed.

    The full-text triggers are dropped while filling it and put back after; with `search` the
    index is then rebuilt in one pass (else it stays empty: `--search` would find nothing)."""
    with Store(db) as store:
        conn = store.db.conn
        with store.transaction():
            triggers = drop_triggers(conn, "claims_fts%")
            conn.executemany(
                "INSERT INTO articles (id, url, title, outlet, published, text, sha256,"
                " ingested_at) VALUES (?, ?, ?, 'Example News', '2024-09-14', '', ?, ?)",
                (
                    (a + 1, f"https://news.example.org/{a}", f"Story {a}", f"sha{a}", STAMP)
                    for a in range(count // per_article + 1)
                ),
            )
            columns = Store.IMPORT_CLAIM_COLUMNS
            conn.executemany(
                f"INSERT INTO claims ({', '.join(f'[{c}]' for c in columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                (
                    tuple(row.get(c) for c in columns)
                    for row in (claim_row(n, per_article) for n in range(count))
                ),
            )
            columns = Store.IMPORT_QUANTITY_COLUMNS
            conn.executemany(
                f"INSERT INTO quantities ({', '.join(f'[{c}]' for c in columns)})"
                f" VALUES ({', '.join('?' * len(columns))})",
                (
                    (n + 1, f"{n % 97 + 1} per cent", n % 97 + 1, None, "percent", *QUANTITY_TAIL)
                    for n in range(count)
                ),
            )
            conn.executemany(
                "INSERT INTO sources (id, url, kind, created_at) VALUES (?, ?, 'cited', ?)",
                ((s + 1, f"https://stats.example.org/{s}", STAMP) for s in range(count // 10)),
            )
            conn.executemany(
                "INSERT INTO claim_sources (claim_id, source_id, kind, created_at)"
                " VALUES (?, ?, 'cited', ?)",
                ((n + 1, n // 10 + 1, STAMP) for n in range(0, count, 10)),
            )
            if search:
                conn.execute("INSERT INTO claims_fts(claims_fts) VALUES ('rebuild')")
            for sql in triggers:
                conn.execute(sql)


def drop_triggers(conn: sqlite3.Connection, like: str) -> list[str]:
    """Drop the triggers whose names match LIKE `like`, so a bulk fill does not fire them per
    row; returns their SQL, to run again once the rows are in."""
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE ?", [like]
    ).fetchall()
    for name, _ in triggers:
        conn.execute(f"DROP TRIGGER [{name}]")
    return [sql for _, sql in triggers]


def scanned_stats(store: Store) -> dict[str, Any]:
    """The figures as stats computed them before the counts: a pass over the claims for each."""
    one = lambda sql: store.db.execute(sql).fetchone()[0]  # noqa: E731
    by = lambda column: dict(  # noqa: E731
        store.db.execute(
            f"SELECT {column}, count(*) FROM claims WHERE canonical_id IS NULL"
            f" GROUP BY {column} ORDER BY count(*) DESC"
        ).fetchall()
    )
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "claims": one("SELECT count(*) FROM claims"),
        "distinct_claims": one("SELECT count(*) FROM claims WHERE canonical_id IS NULL"),
        "repeats": one("SELECT count(*) FROM claims WHERE canonical_id IS NOT NULL"),
        "reviewed": one(
            "SELECT count(*) FROM claims WHERE canonical_id IS NULL AND status != 'unreviewed'"
        ),
        "by_status": by("status"),
        "by_kind": by("kind"),
        "quantities": one("SELECT count(*) FROM quantities"),
        "sources": one("SELECT count(*) FROM sources"),
        "snapshots": one("SELECT count(*) FROM snapshots"),
        "events": one("SELECT count(*) FROM events"),
        "second_checks": store.second_check_stats(),
    }
