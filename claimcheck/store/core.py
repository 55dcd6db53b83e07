"""The store's core: the connection, the write transaction that takes the lock up front, busy
handling and the audit event log. Every concern (articles, claims, verdicts ...) is a class over
this core in its own module; `Store` in the package composes them."""

from __future__ import annotations

import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any

from sqlite_utils import Database

from claimcheck.config import busy_seconds, db_path, reviewer_name
from claimcheck.errors import DatabaseBusy, NoDatabase, StoreError
from claimcheck.store.migrations import migrations

# json.dumps(..., ensure_ascii=False) builds a new encoder on every call: one for all of them.
to_json = json.JSONEncoder(ensure_ascii=False).encode


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class StoreCore:
    """claims.db, migrated on open. Use as a context manager or call close()."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        reviewer: str | None = None,
        *,
        create: bool = True,
    ):
        self.path = db_path(path)
        self.reviewer = reviewer or reviewer_name()
        self.busy_seconds = busy_seconds()
        if not create and not self.path.exists():
            raise NoDatabase(f"{self.path}: no such database (add articles or import first)")
        try:
            conn = sqlite3.connect(
                str(self.path), timeout=self.busy_seconds, check_same_thread=False
            )
            # autocommit: no implicit deferred BEGIN; every write goes through transaction()
            conn.isolation_level = None
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            self.db = Database(conn)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            if migrations.pending(self.db):
                with self.transaction():  # two stores opening a new file migrate it once
                    migrations.apply(self.db)
        except sqlite3.OperationalError as error:
            if _is_busy(error):
                raise self._busy() from None
            raise StoreError(f"{self.path}: not a claimcheck database ({error})") from None
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: not a claimcheck database ({error})") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> StoreCore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """One atomic unit of work that takes the write lock up front (BEGIN IMMEDIATE), waiting
        for it at most busy_seconds: a deferred transaction that read first could not wait for
        the lock and failed with "database is locked". Nested calls become savepoints."""
        conn = self.db.conn
        if conn.in_transaction:
            with self.db.atomic() as db:
                yield db
            return
        self._begin_immediate()
        try:
            yield self.db
            conn.execute("COMMIT")
        except sqlite3.OperationalError as error:
            self._rollback()
            if _is_busy(error):
                raise self._busy() from None
            raise
        except BaseException:
            self._rollback()
            raise

    # The importer's name for the same thing (every transaction now takes the lock up front).
    write_transaction = transaction

    def _begin_immediate(self) -> None:
        """BEGIN IMMEDIATE, tried again every millisecond or two until busy_seconds have passed.
        SQLite's own busy handler backs off to 100 ms between tries, so behind a stream of short
        writers a waiting verdict could keep missing its turn for most of a second."""
        conn = self.db.conn
        deadline = time.monotonic() + self.busy_seconds
        conn.execute("PRAGMA busy_timeout = 0")
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as error:
                    if not _is_busy(error):
                        raise
                    if time.monotonic() >= deadline:
                        raise self._busy() from None
                time.sleep(random.uniform(0.0005, 0.002))
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(self.busy_seconds * 1000)}")

    def _rollback(self) -> None:
        if self.db.conn.in_transaction:
            self.db.conn.execute("ROLLBACK")

    def _busy(self) -> DatabaseBusy:
        return DatabaseBusy(
            f"{self.path}: database is busy: another claimcheck is writing;"
            f" waited {self.busy_seconds:g} s (CLAIMCHECK_BUSY_TIMEOUT)"
        )

    def log_event(
        self,
        action: str,
        *,
        claim_id: int | None = None,
        article_id: int | None = None,
        old: str | None = None,
        new: str | None = None,
        note: str | None = None,
        details: dict[str, Any] | None = None,
        reviewer: str | None = None,
    ) -> int:
        """Append an audit event; call inside the transaction of the change it records."""
        cursor = self.db.execute(
            "INSERT INTO events"
            " (at, reviewer, claim_id, article_id, action, old, new, note, details)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                now(),
                reviewer or self.reviewer,
                claim_id,
                article_id,
                action,
                old,
                new,
                note,
                json.dumps(details, ensure_ascii=False) if details else None,
            ],
        )
        return int(cursor.lastrowid or 0)

    def events(self, claim_id: int | None = None, limit: int | None = None) -> list[dict[str, Any]]:
        where, params = ("WHERE claim_id = ?", [claim_id]) if claim_id is not None else ("", [])
        sql = f"SELECT * FROM events {where} ORDER BY id DESC"
        if limit:
            sql += f" LIMIT {int(limit)}"
        return [dict(row) for row in self.db.query(sql, params)]

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice other reviewers."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """executemany for rows sharing one set of keys (sqlite-utils' insert_all is ~5x slower)."""
        if not rows:
            return
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            [tuple(row[c] for c in columns) for row in rows],
        )
