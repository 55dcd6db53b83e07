"""What the importer writes: one whole file inside one transaction; new claims and their
quantities go in batches, several hundred rows to an INSERT statement. One `import` event per
file records what came in; a claim an import changes (`--update`) gets its own `import_update`
event with the old and new values, like any other edit."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from itertools import chain
from typing import Any

from claimcheck.models import Claim
from claimcheck.store.core import StoreCore, now, sha256_text, to_json

# Rows per INSERT. The full-text index writes out what it holds at the end of every statement
# that changes claims, so executemany (a statement per row) writes a claim ~3x slower than one
# statement of a few hundred rows (`python -m bench.bench_import` measures both).
ROWS_PER_INSERT = 500


class Imports(StoreCore):
    IMPORT_CLAIM_COLUMNS = (
        "id",
        "article_id",
        "start",
        "end",
        "paragraph",
        "sentence",
        "text",
        "kind",
        "kinds",
        "checkworthiness",
        "reasons",
        "speaker",
        "quote",
        "dates",
        "canonical_id",
        "repeat_key",
        "status",
        "note",
        "reviewer",
        "version",
        "created_at",
        "updated_at",
        "assignee",
        "priority",
        "due",
    )

    IMPORT_QUANTITY_COLUMNS = (
        "claim_id",
        "surface",
        "value",
        "high",
        "unit",
        "qualifier",
        "of",
        "start",
        "end",
    )

    def insert_claim_rows(
        self, claims: list[tuple[Any, ...]], quantities: list[tuple[Any, ...]]
    ) -> None:
        """Rows in IMPORT_CLAIM_COLUMNS / IMPORT_QUANTITY_COLUMNS order, ROWS_PER_INSERT rows to
        a statement."""
        for table, columns, rows in (
            ("claims", self.IMPORT_CLAIM_COLUMNS, claims),
            ("quantities", self.IMPORT_QUANTITY_COLUMNS, quantities),
        ):
            insert_rows(self.db.conn, table, columns, rows)

    def source_count(self) -> int:
        return self.db.execute("SELECT count(*) FROM sources").fetchone()[0]

    def article_text(
        self, *, url: str | None = None, article_id: int | None = None
    ) -> tuple[int, str] | None:
        """(id, text) of the first article with this URL, or of the article with this id."""
        if url is not None:
            sql, key = "SELECT id, text FROM articles WHERE url = ? ORDER BY id LIMIT 1", url
        else:
            sql, key = "SELECT id, text FROM articles WHERE id = ?", article_id
        return self.db.execute(sql, [key]).fetchone()

    def claim_texts(self, article_id: int) -> list[tuple[int, str, str]]:
        """(id, sentence, text) of an article's claims in article order."""
        return self.db.execute(
            "SELECT id, sentence, text FROM claims WHERE article_id = ? ORDER BY start, id",
            [article_id],
        ).fetchall()

    def claim_place(self, claim_id: int) -> tuple[int, str] | None:
        """(article id, sentence) of a claim."""
        row = self.db.execute(
            "SELECT article_id, sentence FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        return (row[0], row[1]) if row else None

    def claim_columns(self, claim_id: int, columns: Sequence[str]) -> tuple[Any, ...]:
        """These columns of a claim's row, in this order."""
        return self.db.execute(
            f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM claims WHERE id = ?", [claim_id]
        ).fetchone()

    def article_claim_ids(self, article_id: int) -> list[int]:
        return [
            row[0]
            for row in self.db.execute(
                "SELECT id FROM claims WHERE article_id = ? ORDER BY id", [article_id]
            )
        ]

    def claims_containing(self, article_id: int, needle: str) -> list[tuple[int]]:
        """(id,) of the article's claims whose sentence contains needle, in article order;
        repeats within the article left out (they follow their claim)."""
        return self.db.execute(
            "SELECT id FROM claims c WHERE article_id = ? AND instr(sentence, ?) > 0 AND"
            " (canonical_id IS NULL"
            " OR (SELECT article_id FROM claims WHERE id = c.canonical_id) != c.article_id)"
            " ORDER BY start",
            [article_id, needle],
        ).fetchall()

    def insert_stub_article(self, article_id: int | None, metadata: dict[str, Any]) -> int:
        """An article known only by its claims (a JSONL/CSV import); its text is set later."""
        cursor = self.db.execute(
            "INSERT INTO articles (id, url, title, outlet, published, text, origin, format,"
            " ingested_at) VALUES (?, ?, ?, ?, ?, '', ?, 'claims', ?)",
            [
                article_id,
                metadata.get("url"),
                metadata.get("title"),
                metadata.get("outlet"),
                metadata.get("published"),
                metadata.get("origin"),
                now(),
            ],
        )
        return int(cursor.lastrowid or 0)

    def set_stub_text(self, article_id: int, text: str) -> None:
        """The stub's text: its claims' sentences, one per line (sha256 kept unique or NULL)."""
        digest = sha256_text(text)
        taken = self.db.execute(
            "SELECT 1 FROM articles WHERE sha256 = ? AND id != ?", [digest, article_id]
        ).fetchone()
        self.db.execute(
            "UPDATE articles SET text = ?, sha256 = ? WHERE id = ?",
            [text, None if taken else digest, article_id],
        )

    def import_update(
        self,
        claim_id: int,
        changes: dict[str, tuple[Any, Any]],
        *,
        expected_version: int,
        where: str,
    ) -> Claim:
        """Apply the fields an import changes (old, new), audited as one `import_update` event;
        a changed verdict (status, note, reviewer) carries to the claim's repeats, as in review."""
        values = {name: new for name, (_, new) in changes.items()}
        verdict = {k: v for k, v in values.items() if k in ("status", "note", "reviewer")}
        with self.transaction():
            claim = self.update_claim(
                claim_id,
                values,
                action="import_update",
                old=json.dumps({k: old for k, (old, _) in changes.items()}, ensure_ascii=False),
                new=json.dumps(values, ensure_ascii=False),
                note=f"from {where}",
                expected_version=expected_version,
                reviewer=None,
            )
            if verdict:
                self.carry_to_repeats(
                    claim_id,
                    verdict,
                    action="import_update",
                    reviewer=None,
                    describe=lambda repeat: {
                        "old": to_json({k: getattr(repeat, k) for k in verdict}),
                        "new": to_json(verdict),
                        "note": f"from {where}",
                        "details": {"via": claim_id},
                    },
                )
        return claim

    def import_update_article(
        self, article_id: int, changes: dict[str, tuple[Any, Any]], *, where: str
    ) -> None:
        """Apply changed article metadata (title, url, outlet, published) from an import."""
        with self.transaction():
            self.update_article(article_id, changes, action="import_update", note=f"from {where}")

    def import_link_source(
        self, claim_id: int, url: str | None, *, kind: str, label: str | None
    ) -> tuple[int, bool]:
        """Attach a source by URL (or a URL-less one by label); (source id, whether it is new)."""
        if url is None:
            row = self.db.execute(
                "SELECT s.id FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
                " WHERE cs.claim_id = ? AND s.url IS NULL AND cs.label IS ? AND cs.kind = ?",
                [claim_id, label, kind],
            ).fetchone()
            if row:
                return row[0], False
            source_id = int(
                self.db.execute(
                    "INSERT INTO sources (url, kind, label, created_at) VALUES (NULL, ?, ?, ?)",
                    [kind, label, now()],
                ).lastrowid
                or 0
            )
        else:
            source_id = self.ensure_source(url, kind=kind, label=label)
        return source_id, self.link_source(claim_id, source_id, kind=kind, label=label)


def insert_rows(
    conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Sequence[tuple[Any, ...]]
) -> None:
    """INSERT rows as multi-row VALUES statements (within SQLite's limit on parameters)."""
    limit = conn.getlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER) // len(columns)
    per = max(1, min(ROWS_PER_INSERT, limit))
    head = f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)}) VALUES "
    row = f"({', '.join('?' * len(columns))})"
    for start in range(0, len(rows), per):
        part = rows[start : start + per]
        values = ", ".join([row] * len(part))
        conn.execute(head + values, list(chain.from_iterable(part)))
