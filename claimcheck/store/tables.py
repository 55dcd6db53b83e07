"""Whole tables, row by row, for copying a database (bundles): a consistent read-only snapshot
of one file, and generic row access on the store's own connection."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from claimcheck.store.core import StoreCore
from claimcheck.store.migrations import migrations


class ReadSnapshot:
    """A read-only connection to a database file; after begin(), one read transaction, so every
    table read from it belongs to the same moment while writers carry on. Raises sqlite3.Error."""

    def __init__(self, path: Path) -> None:
        self.conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        self.tables: set[str] = set()

    def begin(self) -> None:
        self.conn.execute("BEGIN")
        self.tables = {
            row[0] for row in self.conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }

    def applied_migrations(self) -> list[str] | None:
        """The migrations applied to it, in order; None when it has no migration table."""
        if "_sqlite_migrations" not in self.tables:
            return None
        return [
            row[0]
            for row in self.conn.execute(
                "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
                [migrations.name],
            )
        ]

    def columns(self, table: str) -> list[str]:
        return [row[1] for row in self.conn.execute(f"PRAGMA table_info([{table}])")]

    def count(self, table: str) -> int:
        return self.conn.execute(f"SELECT count(*) FROM [{table}]").fetchone()[0]

    def rows(self, table: str) -> Iterator[tuple[Any, ...]]:
        """Every row of the table, in rowid order."""
        return iter(self.conn.execute(f"SELECT * FROM [{table}] ORDER BY rowid"))

    def close(self) -> None:
        self.conn.close()


class Tables(StoreCore):
    def defer_foreign_keys(self) -> None:
        """Check foreign keys at COMMIT, not per row: for writes that copy parents and children
        in file order. Call inside the write transaction."""
        self.db.execute("PRAGMA defer_foreign_keys = ON")

    def foreign_key_problem(self) -> tuple[Any, ...] | None:
        """(table, rowid, parent table, ...) of a row pointing to a missing row, or None."""
        return self.db.execute("PRAGMA foreign_key_check").fetchone()

    def applied_migrations(self) -> set[str]:
        return {m.name for m in migrations.applied(self.db)}

    def table_columns(self, table: str) -> set[str]:
        return set(self.db[table].columns_dict)

    def holds_rows(self, tables: Sequence[str]) -> bool:
        """Whether any of these tables holds a row."""
        return any(
            self.db.execute(f"SELECT 1 FROM [{table}] LIMIT 1").fetchone() for table in tables
        )

    def max_key(self, table: str, column: str) -> int:
        return self.db.execute(f"SELECT coalesce(max([{column}]), 0) FROM [{table}]").fetchone()[0]

    def keyed_rows(self, table: str, columns: Sequence[str]) -> Iterator[tuple[Any, ...]]:
        """(rowid, *values of columns) of every row."""
        listed = ", ".join(f"[{c}]" for c in columns)
        return iter(self.db.execute(f"SELECT rowid, {listed} FROM [{table}]"))

    def row_values(self, table: str, rowid: int, columns: Sequence[str]) -> tuple[Any, ...]:
        return self.db.execute(
            f"SELECT {', '.join(f'[{c}]' for c in columns)} FROM [{table}] WHERE rowid = ?",
            [rowid],
        ).fetchone()

    def insert_values(
        self, table: str, columns: Sequence[str], rows: list[tuple[Any, ...]]
    ) -> None:
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            rows,
        )

    def update_row(self, table: str, rowid: int, values: dict[str, Any]) -> None:
        self.db.execute(
            f"UPDATE [{table}] SET {', '.join(f'[{c}] = ?' for c in values)} WHERE rowid = ?",
            [*values.values(), rowid],
        )

    def events_up_to(self, claim_id: int, event_id: int) -> int:
        """How many events of the claim have an id up to event_id."""
        return self.db.execute(
            "SELECT count(*) FROM events WHERE claim_id = ? AND id <= ?", [claim_id, event_id]
        ).fetchone()[0]
