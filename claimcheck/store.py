"""The one way into claims.db: every write is a transaction with an audit event beside it.

`Store` wraps a `sqlite_utils.Database`, applies pending migrations when it opens (so a new database
and one made by an older version are handled alike) and speaks in the values of `models`.
"""

from __future__ import annotations

import getpass
import hashlib
import json
import os
import random
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from claimcheck.extract.repeats import repeat_key
from claimcheck.migrations import migrations
from claimcheck.models import (
    STANCES,
    STATUSES,
    VERDICTS,
    ArticleInput,
    Claim,
    ExtractedClaim,
)

DEFAULT_DB = "claims.db"
DEFAULT_BUSY_SECONDS = 10.0


class StoreError(Exception):
    """A request the store refuses; the message is meant for the user."""


class NotFound(StoreError):
    pass


class NoDatabase(StoreError):
    """A command that only reads was pointed at a database that does not exist."""


class UndoRefused(StoreError):
    """Someone changed the claim after the change to undo: undoing it would discard theirs."""


class DatabaseBusy(StoreError):
    """Another writer held the write lock for longer than this one may wait: nothing written."""


class ConflictError(StoreError):
    """Someone else changed the claim since the caller read it: nothing was written."""

    def __init__(self, claim: Claim, expected: int) -> None:
        super().__init__(
            f"claim {claim.id} was changed by {claim.reviewer or 'someone else'} "
            f"(now {claim.status}, version {claim.version}; you had version {expected})"
        )
        self.claim = claim
        self.expected = expected


@dataclass(frozen=True)
class AddResult:
    article_id: int
    created: bool
    claims: int
    repeats: int = 0


# json.dumps(..., ensure_ascii=False) builds a new encoder on every call: one for all of them.
_to_json = json.JSONEncoder(ensure_ascii=False).encode


@cache
def _kinds_json(kinds: tuple[str, ...]) -> str:
    """A claim's kinds as JSON: a handful of combinations, each encoded once."""
    return _to_json(kinds)


def find_repeated(
    conn: sqlite3.Connection, keys: Iterable[str | None]
) -> dict[str, dict[str, Any]]:
    """For each repeat key already stored, the claim a new claim with that key repeats (the
    earliest with it, or the one that repeats) as its canonical_id and the verdict (status, note,
    reviewer) the new repeat takes. A few queries for a whole article, not one per claim."""
    wanted = sorted({k for k in keys if k is not None})
    found: dict[str, dict[str, Any]] = {}
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        rows = conn.execute(
            "SELECT c.repeat_key, k.id, k.status, k.note, k.reviewer FROM claims c"
            " JOIN claims k ON k.id = coalesce(c.canonical_id, c.id)"
            " WHERE c.id IN (SELECT min(id) FROM claims WHERE repeat_key IN"
            f" ({', '.join('?' * len(chunk))}) GROUP BY repeat_key)",
            chunk,
        )
        for key, claim_id, status, note, reviewer in rows:
            found[key] = {
                "canonical_id": claim_id,
                "status": status,
                "note": note,
                "reviewer": reviewer,
            }
    return found


# The queue orders: "priority" puts the most urgent (1) first, then the earliest due; claims
# with neither come last, in article order. "due" is the same with the due time first.
ORDERS = {
    "position": "claims.article_id, claims.start, claims.id",
    "score": "claims.checkworthiness DESC, claims.id",
    "priority": "claims.priority IS NULL, claims.priority, claims.due IS NULL, claims.due,"
    " claims.article_id, claims.start, claims.id",
    "due": "claims.due IS NULL, claims.due, claims.priority IS NULL, claims.priority,"
    " claims.article_id, claims.start, claims.id",
    "id": "claims.id",
}


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def default_reviewer() -> str:
    """The reviewer named in CLAIMCHECK_REVIEWER, else the login name."""
    name = os.environ.get("CLAIMCHECK_REVIEWER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def resolve_db_path(path: str | os.PathLike[str] | None) -> Path:
    return Path(path or os.environ.get("CLAIMCHECK_DB") or DEFAULT_DB)


def busy_seconds() -> float:
    """How long a writer waits for the write lock: CLAIMCHECK_BUSY_TIMEOUT seconds, default 10."""
    try:
        return max(0.0, float(os.environ.get("CLAIMCHECK_BUSY_TIMEOUT", DEFAULT_BUSY_SECONDS)))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


def _is_busy(error: sqlite3.OperationalError) -> bool:
    return "locked" in str(error) or "busy" in str(error)


class Store:
    """claims.db, migrated on open. Use as a context manager or call close()."""

    def __init__(
        self,
        path: str | os.PathLike[str] | None = None,
        reviewer: str | None = None,
        *,
        create: bool = True,
    ):
        self.path = resolve_db_path(path)
        self.reviewer = reviewer or default_reviewer()
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

    def __enter__(self) -> Store:
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

    # ---- audit -------------------------------------------------------------------------------

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

    # ---- articles ----------------------------------------------------------------------------

    def find_article(self, text: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE sha256 = ?", [sha256_text(text)]
        ).fetchone()
        return row[0] if row else None

    def add_article(self, article: ArticleInput, claims: list[ExtractedClaim]) -> AddResult:
        """Store an article and its extracted claims at once; the same text twice is a no-op."""
        digest = sha256_text(article.text)
        with self.transaction():
            existing = self.find_article(article.text)
            if existing is not None:
                count = self.db.execute(
                    "SELECT count(*) FROM claims WHERE article_id = ?", [existing]
                ).fetchone()[0]
                return AddResult(existing, False, count)
            stamp = now()
            article_id = self.db.execute(
                "INSERT INTO articles (url, title, outlet, published, text, sha256, origin,"
                " format, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.url,
                    article.title,
                    article.outlet,
                    article.published,
                    article.text,
                    digest,
                    article.origin,
                    article.format,
                    stamp,
                ],
            ).lastrowid
            self._insert_rows(
                "links",
                [
                    {
                        "article_id": article_id,
                        "start": ln.start,
                        "end": ln.end,
                        "url": ln.url,
                        "text": ln.text,
                    }
                    for ln in article.links
                ],
            )
            claim_ids = self._insert_claims(article_id, claims, stamp)
            self._cite_links(article, claims, claim_ids, stamp)
            self._cite_attributions(claims, claim_ids, stamp)
            repeats = sum(1 for c in claims if c.repeat_of is not None)
            self.log_event(
                "add_article",
                article_id=article_id,
                new=article.title or article.origin,
                details={"claims": len(claims), "repeats": repeats, "origin": article.origin},
            )
        return AddResult(article_id, True, len(claims), repeats)

    def _insert_claims(
        self, article_id: int, claims: list[ExtractedClaim], stamp: str
    ) -> list[int]:
        """Bulk-insert claims and quantities with ids chosen here (we hold the write lock)."""
        first = self.db.execute("SELECT coalesce(max(id), 0) + 1 FROM claims").fetchone()[0]
        ids = list(range(first, first + len(claims)))
        claim_rows = []
        quantity_rows = []
        keys = [
            repeat_key(
                c.sentence,
                c.attribution.speaker if c.attribution else None,
                (d.resolved for d in c.dates),
            )
            for c in claims
        ]
        earlier_articles = find_repeated(self.db.conn, keys)
        canonical: list[dict[str, Any] | None] = []
        for claim_id, claim, key in zip(ids, claims, keys, strict=True):
            attribution = claim.attribution
            speaker = attribution.speaker if attribution else None
            if claim.repeat_of is not None:
                earlier = canonical[claim.repeat_of]
                target = earlier or {"canonical_id": ids[claim.repeat_of], "status": "unreviewed"}
            else:
                target = earlier_articles.get(key) if key is not None else None
            canonical.append(target)
            verdict = target or {}
            claim_rows.append(
                {
                    "id": claim_id,
                    "article_id": article_id,
                    "start": claim.start,
                    "end": claim.end,
                    "paragraph": claim.paragraph,
                    "sentence": claim.sentence,
                    "text": claim.sentence,
                    "kind": claim.kind,
                    "kinds": _kinds_json(tuple(claim.kinds)),
                    "checkworthiness": round(claim.score, 4),
                    "reasons": _to_json(claim.reasons),
                    "speaker": speaker,
                    "venue": attribution.venue if attribution else None,
                    "attribution": attribution.phrase if attribution else None,
                    "quote": claim.quote,
                    "dates": _to_json([d.__dict__ for d in claim.dates]) if claim.dates else "[]",
                    "canonical_id": verdict.get("canonical_id"),
                    "repeat_key": key,
                    "status": verdict.get("status", "unreviewed"),
                    "note": verdict.get("note"),
                    "reviewer": verdict.get("reviewer"),
                    "version": 1,
                    "created_at": stamp,
                    "updated_at": stamp,
                }
            )
            quantity_rows.extend(
                {
                    "claim_id": claim_id,
                    "surface": q.surface,
                    "value": q.value,
                    "high": q.high,
                    "unit": q.unit,
                    "scale": q.scale,
                    "qualifier": q.qualifier,
                    "of": q.of,
                    "start": q.start,
                    "end": q.end,
                }
                for q in claim.quantities
            )
        self._insert_rows("claims", claim_rows)
        self._insert_rows("quantities", quantity_rows)
        return ids

    def _insert_rows(self, table: str, rows: list[dict[str, Any]]) -> None:
        """executemany for rows sharing one set of keys (sqlite-utils' insert_all is ~5x slower)."""
        if not rows:
            return
        columns = list(rows[0])
        self.db.conn.executemany(
            f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
            f" VALUES ({', '.join('?' * len(columns))})",
            [tuple(row[c] for c in columns) for row in rows],
        )

    def _cite_links(
        self, article: ArticleInput, claims: list[ExtractedClaim], ids: list[int], stamp: str
    ) -> None:
        """A hyperlink inside a claim's sentence becomes that claim's cited source."""
        for link in article.links:
            for claim, claim_id in zip(claims, ids, strict=True):
                if claim.start <= link.start and link.end <= claim.end:
                    source_id = self.ensure_source(link.url, kind="cited", label=link.text)
                    self.db["claim_sources"].insert(
                        {
                            "claim_id": claim_id,
                            "source_id": source_id,
                            "kind": "cited",
                            "label": link.text,
                            "created_at": stamp,
                        },
                        ignore=True,
                    )

    def article(self, article_id: int) -> dict[str, Any]:
        try:
            return dict(self.db["articles"].get(article_id))
        except Exception:
            raise NotFound(f"no article {article_id}") from None

    def articles(self) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT a.id, a.title, a.url, a.outlet, a.published, a.origin, a.ingested_at,"
                " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims"
                " FROM articles a ORDER BY a.id"
            )
        )

    # ---- claims ------------------------------------------------------------------------------

    @staticmethod
    def _claim_filter(
        status: str | list[str] | None = None,
        kind: str | list[str] | None = None,
        article_id: int | None = None,
        min_score: float | None = None,
        include_repeats: bool = True,
        search: str | None = None,
        checked_before: float | None = None,
        assigned_to: str | None = None,
        unassigned: bool = False,
    ) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("status", status), ("kind", kind)):
            if value:
                values = [value] if isinstance(value, str) else list(value)
                clauses.append(f"claims.{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if article_id is not None:
            clauses.append("claims.article_id = ?")
            params.append(article_id)
        if min_score is not None:
            clauses.append("claims.checkworthiness >= ?")
            params.append(min_score)
        if not include_repeats:
            clauses.append("claims.canonical_id IS NULL")
        if assigned_to is not None:
            clauses.append("claims.assignee = ?")
            params.append(assigned_to)
        if unassigned:
            clauses.append("claims.assignee IS NULL")
        if search:
            clauses.append("claims.id IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?)")
            params.append(fts_query(search))
        if checked_before is not None:  # the claim memory: a prior match of at least this score
            clauses.append(
                "claims.id IN (SELECT claim_id FROM matches WHERE score >= ?"
                " AND timing != 'later' AND decision IS NOT 'rejected')"
            )
            params.append(checked_before)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def claims(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "position",
        **filters: Any,
    ) -> list[Claim]:
        """Claims matching the filters, by article position or by score."""
        return list(self.iter_claims(limit=limit, offset=offset, order=order, **filters))

    def iter_claims(
        self,
        *,
        limit: int | None = None,
        offset: int = 0,
        order: str = "position",
        **filters: Any,
    ) -> Iterator[Claim]:
        """Like claims(), one at a time from a cursor: memory stays flat for any number."""
        where, params = self._claim_filter(**filters)
        order_by = ORDERS[order]
        sql = f"SELECT * FROM claims{where} ORDER BY {order_by}"
        if limit is not None:
            sql += f" LIMIT {int(limit)} OFFSET {int(offset)}"
        for row in self.db.query(sql, params):
            yield Claim.from_row(row)

    def count_claims(self, **filters: Any) -> int:
        where, params = self._claim_filter(**filters)
        return self.db.execute(f"SELECT count(*) FROM claims{where}", params).fetchone()[0]

    def claim(self, claim_id: int) -> Claim:
        rows = list(self.db.query("SELECT * FROM claims WHERE id = ?", [claim_id]))
        if not rows:
            raise NotFound(f"no claim {claim_id}")
        return Claim.from_row(rows[0])

    def quantities(self, claim_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query("SELECT * FROM quantities WHERE claim_id = ? ORDER BY start", [claim_id])
        )

    def quantities_of(self, claim_ids: list[int]) -> dict[int, list[dict[str, Any]]]:
        """The quantities of several claims at once (one query), by claim id."""
        found: dict[int, list[dict[str, Any]]] = {claim_id: [] for claim_id in claim_ids}
        rows = self.db.query(
            f"SELECT * FROM quantities WHERE claim_id IN ({', '.join('?' * len(claim_ids))})"
            " ORDER BY claim_id, start, id",
            claim_ids,
        )
        for row in rows:
            found[row["claim_id"]].append(row)
        return found

    def repeats(self, claim_id: int) -> list[Claim]:
        """The claims that repeat this one (picture captions, standfirsts)."""
        rows = self.db.query(
            "SELECT * FROM claims WHERE canonical_id = ? ORDER BY start", [claim_id]
        )
        return [Claim.from_row(row) for row in rows]

    def _update_claim(
        self,
        claim_id: int,
        changes: dict[str, Any],
        *,
        action: str,
        old: str | None,
        new: str | None,
        note: str | None,
        expected_version: int | None,
        reviewer: str | None,
        details: dict[str, Any] | None = None,
    ) -> Claim:
        """Apply changes if the claim is still at expected_version; bump version; log it."""
        current = self.claim(claim_id)
        if expected_version is not None and current.version != expected_version:
            raise ConflictError(current, expected_version)
        who = reviewer or self.reviewer
        values = {**changes, "version": current.version + 1, "updated_at": now()}
        assignments = ", ".join(f"[{k}] = ?" for k in values)
        cursor = self.db.execute(
            f"UPDATE claims SET {assignments} WHERE id = ? AND version = ?",
            [*values.values(), claim_id, current.version],
        )
        if cursor.rowcount != 1:
            raise ConflictError(self.claim(claim_id), current.version)
        self.log_event(
            action,
            claim_id=claim_id,
            article_id=current.article_id,
            old=old,
            new=new,
            note=note,
            details=details,
            reviewer=who,
        )
        return self.claim(claim_id)

    def set_verdict(
        self,
        claim_id: int,
        status: str,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
        replaces: str | None = None,
    ) -> Claim:
        """Record a verdict (and carry it to the claim's repeats) in one transaction. A note
        belongs to the verdict it was written for: without one, the claim keeps only a note this
        reviewer wrote. The event keeps the note and reviewer it replaced, for undo."""
        if status not in STATUSES:
            raise StoreError(f"unknown status {status!r}: choose one of {', '.join(STATUSES)}")
        who = reviewer or self.reviewer
        with self.transaction():
            current = self.claim(claim_id)
            if note is None and current.note and self._note_author(claim_id) == who:
                note = current.note
            changes: dict[str, Any] = {"status": status, "reviewer": who, "note": note}
            details: dict[str, Any] = {"old_reviewer": current.reviewer}
            if note != current.note:
                details["old_note"] = current.note
            if replaces:
                details["replaces"] = replaces
            claim = self._update_claim(
                claim_id,
                changes,
                action="verdict",
                old=current.status,
                new=status,
                note=note,
                expected_version=expected_version,
                reviewer=who,
                details=details,
            )
            for repeat in self.repeats(claim_id):
                self._update_claim(
                    repeat.id,
                    changes,
                    action="verdict",
                    old=repeat.status,
                    new=status,
                    note=note,
                    expected_version=None,
                    reviewer=who,
                    details={"via": claim_id, "old_note": repeat.note},
                )
        return claim

    def _note_author(self, claim_id: int) -> str | None:
        """Who wrote the claim's note: the reviewer of the latest event that set one."""
        row = self.db.execute(
            "SELECT reviewer FROM events WHERE claim_id = ? AND (action = 'note'"
            " OR (action = 'verdict' AND note IS NOT NULL)) ORDER BY id DESC LIMIT 1",
            [claim_id],
        ).fetchone()
        return row[0] if row else None

    def set_note(
        self,
        claim_id: int,
        note: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        with self.transaction():
            current = self.claim(claim_id)
            return self._update_claim(
                claim_id,
                {"note": note},
                action="note",
                old=current.note,
                new=note,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def edit_text(
        self,
        claim_id: int,
        text: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Correct a claim's wording when the extractor split it badly; the sentence is kept."""
        text = text.strip()
        if not text:
            raise StoreError(f"claim {claim_id}: the text cannot be empty")
        with self.transaction():
            current = self.claim(claim_id)
            return self._update_claim(
                claim_id,
                {"text": text},
                action="edit_text",
                old=current.text,
                new=text,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def undo(self, reviewer: str | None = None) -> Claim | None:
        """Reverse this reviewer's latest verdict or note not yet undone, when nothing newer
        stands on it: a later verdict or note by anyone (not itself undone) makes this raise
        UndoRefused. The undo event records every field it changes, old and new."""
        who = reviewer or self.reviewer
        with self.transaction():
            undone = {
                row[0]
                for row in self.db.execute(
                    "SELECT json_extract(details, '$.undoes') FROM events WHERE action = 'undo'"
                )
            }
            event = next(
                (
                    row
                    for row in self.db.query(
                        "SELECT * FROM events WHERE action IN ('verdict', 'note') AND reviewer = ?"
                        " AND (details IS NULL OR json_extract(details, '$.via') IS NULL)"
                        " ORDER BY id DESC",
                        [who],
                    )
                    if row["id"] not in undone
                ),
                None,
            )
            if event is None:
                return None
            claim = self.claim(event["claim_id"])
            for later in self.db.query(
                "SELECT * FROM events WHERE claim_id = ? AND id > ?"
                " AND action IN ('verdict', 'note', 'import_update') ORDER BY id",
                [claim.id, event["id"]],
            ):
                if later["id"] not in undone:
                    raise UndoRefused(
                        f"claim {claim.id}: {later['reviewer']} changed it after your"
                        f" {event['action']} ({later['action']} {later['new'] or ''}".rstrip()
                        + "); nothing undone"
                    )
            details = json.loads(event["details"] or "{}")
            if event["action"] == "note":
                changes: dict[str, Any] = {"note": event["old"]}
            else:
                changes = {"status": event["old"]}
                changes.update(
                    {k[4:]: details[k] for k in ("old_note", "old_reviewer") if k in details}
                )
            targets = [claim] + (self.repeats(claim.id) if event["action"] == "verdict" else [])
            restored = None
            for target in targets:
                fields = {k: [getattr(target, k), v] for k, v in changes.items()}
                updated = self._update_claim(
                    target.id,
                    changes,
                    action="undo",
                    old=target.status,
                    new=changes.get("status", target.status),
                    note=None,
                    expected_version=None,
                    reviewer=who,
                    details={"undoes": event["id"], "changes": fields}
                    | ({"via": claim.id} if target is not claim else {}),
                )
                restored = restored or updated
            return restored

    def search(self, query: str, limit: int = 50) -> list[Claim]:
        return self.claims(search=query, limit=limit)

    # ---- sources -----------------------------------------------------------------------------

    def ensure_source(
        self, url: str, *, kind: str, label: str | None = None, title: str | None = None
    ) -> int:
        """The id of the source with this URL or path, made if it is new."""
        row = self.db.execute("SELECT id FROM sources WHERE url = ?", [url]).fetchone()
        if row:
            return row[0]
        return (
            self.db["sources"]
            .insert({"url": url, "title": title, "kind": kind, "label": label, "created_at": now()})
            .last_pk
        )

    def claim_sources(self, claim_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT s.*, cs.kind AS link_kind, cs.label AS link_label,"
                " (SELECT count(*) FROM snapshots sn WHERE sn.source_id = s.id) AS snapshots"
                " FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
                " WHERE cs.claim_id = ? ORDER BY s.id",
                [claim_id],
            )
        )

    def snapshots(self, source_id: int) -> list[dict[str, Any]]:
        """Every fetch of a source, newest first, without the raw bytes."""
        return list(
            self.db.query(
                "SELECT id, source_id, requested_url, final_url, status, content_type, etag,"
                " last_modified, fetched_at, sha256, size, text, error, not_modified, note"
                " FROM snapshots WHERE source_id = ? ORDER BY fetched_at DESC, id DESC",
                [source_id],
            )
        )

    def evidence(self, claim_id: int) -> list[dict[str, Any]]:
        """The ranked passages stored for a claim, best first, with their snapshot's source and
        the note given with the passage's current stance."""
        return self._evidence_query("e.claim_id = ?", [claim_id])

    def _evidence_query(self, where: str, params: list[Any]) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT e.*, sn.source_id, s.url AS source_url, sn.fetched_at,"
                " CASE WHEN e.stance IS NOT NULL THEN (SELECT ev.note FROM events ev"
                " WHERE ev.claim_id = e.claim_id AND ev.action = 'stance'"
                " AND json_extract(ev.details, '$.evidence_id') = e.id"
                " ORDER BY ev.id DESC LIMIT 1) END AS stance_note"
                " FROM evidence e JOIN snapshots sn ON sn.id = e.snapshot_id"
                " JOIN sources s ON s.id = sn.source_id"
                f" WHERE {where} ORDER BY e.rank, e.score DESC",
                params,
            )
        )

    # ---- archive (issue 3: sources, snapshots, evidence) --------------------------------------

    def _cite_attributions(self, claims: list[ExtractedClaim], ids: list[int], stamp: str) -> None:
        """An attribution without a link ("told The Daily Telegraph", "according to US sources")
        becomes an unresolved source (no URL yet) that a reviewer can resolve later."""
        if not ids:
            return
        cited = {
            row[0]
            for row in self.db.execute(
                "SELECT claim_id FROM claim_sources WHERE claim_id BETWEEN ? AND ?",
                [ids[0], ids[-1]],
            )
        }
        made: dict[str, int] = {}
        for claim, claim_id in zip(claims, ids, strict=True):
            attribution = claim.attribution
            if claim.repeat_of is not None or attribution is None:
                continue
            label = attribution.venue or (
                attribution.phrase if attribution.phrase.lower().startswith("according") else None
            )
            if not label or claim_id in cited:
                continue
            if label not in made:
                made[label] = self.db.execute(
                    "INSERT INTO sources (url, kind, label, created_at)"
                    " VALUES (NULL, 'attribution', ?, ?)",
                    [label, stamp],
                ).lastrowid
            self.link_source(claim_id, made[label], kind="attribution", label=attribution.phrase)

    def link_source(
        self, claim_id: int, source_id: int, *, kind: str, label: str | None = None
    ) -> bool:
        """Attach a source to a claim; False when it was already attached."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO claim_sources (claim_id, source_id, kind, label, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [claim_id, source_id, kind, label, now()],
        )
        return cursor.rowcount == 1

    def cite(
        self, claim_id: int, url: str, *, kind: str = "reviewer", label: str | None = None
    ) -> int:
        """Attach the source at url (or local path) to a claim, audited; returns the source id."""
        with self.transaction():
            claim = self.claim(claim_id)
            source_id = self.ensure_source(url, kind=kind, label=label)
            if self.link_source(claim_id, source_id, kind=kind, label=label):
                self.log_event(
                    "cite",
                    claim_id=claim_id,
                    article_id=claim.article_id,
                    new=url,
                    note=label,
                    details={"source_id": source_id, "kind": kind},
                )
        return source_id

    def resolve_source(self, source_id: int, url: str) -> int:
        """Give an unresolved (attribution) source its URL; if that URL is already a source, the
        claims move to it. Returns the id of the source that now has the URL."""
        with self.transaction():
            source = self.source(source_id)
            existing = self.db.execute("SELECT id FROM sources WHERE url = ?", [url]).fetchone()
            target = existing[0] if existing else source_id
            if existing and target != source_id:
                self.db.execute(
                    "INSERT OR IGNORE INTO claim_sources"
                    " SELECT claim_id, ?, kind, label, created_at FROM claim_sources"
                    " WHERE source_id = ?",
                    [target, source_id],
                )
                self.db.execute("DELETE FROM claim_sources WHERE source_id = ?", [source_id])
            else:
                self.db.execute("UPDATE sources SET url = ? WHERE id = ?", [url, source_id])
            self.log_event(
                "resolve_source",
                old=source["label"],
                new=url,
                details={"source_id": source_id, "now": target},
            )
        return target

    def source(self, source_id: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
        if not rows:
            raise NotFound(f"no source {source_id}")
        return rows[0]

    def sources_of(self, claim_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """The sources cited by these claims, each once; every source when None (including
        any that an import attached to no claim)."""
        if claim_ids is None:
            return list(self.db.query("SELECT * FROM sources ORDER BY id"))
        if not claim_ids:
            return []
        for claim_id in claim_ids:
            self.claim(claim_id)
        return list(
            self.db.query(
                "SELECT DISTINCT s.* FROM sources s JOIN claim_sources cs ON cs.source_id = s.id"
                f" WHERE cs.claim_id IN ({', '.join('?' * len(claim_ids))}) ORDER BY s.id",
                list(claim_ids),
            )
        )

    def add_snapshot(self, source_id: int, row: dict[str, Any]) -> int:
        """Archive one fetch of a source (never overwriting an earlier one), audited."""
        with self.transaction():
            snapshot_id = (
                self.db["snapshots"]
                .insert(
                    {**row, "source_id": source_id, "fetched_at": row.get("fetched_at") or now()}
                )
                .last_pk
            )
            self.log_event(
                "snapshot",
                new=row.get("final_url") or row.get("requested_url"),
                note=row.get("error"),
                details={
                    "source_id": source_id,
                    "snapshot_id": snapshot_id,
                    "status": row.get("status"),
                    "not_modified": bool(row.get("not_modified")),
                },
            )
        return snapshot_id

    def latest_snapshot(self, source_id: int) -> dict[str, Any] | None:
        """The newest snapshot holding content (not a 304 check, not a failure), without the raw
        bytes (archive.snapshot_raw reads those)."""
        rows = list(
            self.db.query(
                "SELECT id, source_id, requested_url, final_url, status, content_type, etag,"
                " last_modified, fetched_at, sha256, size, text, error, not_modified, note"
                " FROM snapshots WHERE source_id = ? AND error IS NULL"
                " AND coalesce(not_modified, 0) = 0 ORDER BY fetched_at DESC, id DESC LIMIT 1",
                [source_id],
            )
        )
        return rows[0] if rows else None

    def set_source_changed(self, claim_id: int, marker: dict[str, Any]) -> Claim:
        """Mark a claim "source changed since verified"; its verdict stays, its version moves on
        so a reviewer holding the old version is told rather than overwriting unawares."""
        with self.transaction():
            return self._update_claim(
                claim_id,
                {"source_changed": json.dumps(marker, ensure_ascii=False)},
                action="source_changed",
                old=None,
                new=marker.get("url"),
                note="source changed since verified",
                expected_version=None,
                reviewer=None,
                details=marker,
            )

    def clear_source_changed(
        self, claim_id: int, *, reviewer: str | None = None, expected_version: int | None = None
    ) -> Claim:
        """The reviewer has looked at the changed source: remove the marker, audited."""
        with self.transaction():
            return self._update_claim(
                claim_id,
                {"source_changed": None},
                action="source_change_seen",
                old="source changed since verified",
                new=None,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def source_change(self, claim_id: int) -> dict[str, Any] | None:
        """The "source changed since verified" marker of a claim, or None."""
        row = self.db.execute(
            "SELECT source_changed FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no claim {claim_id}")
        return json.loads(row[0]) if row[0] else None

    def replace_evidence(self, claim_id: int, rows: list[dict[str, Any]]) -> None:
        """Store a new ranking of a claim's passages in one transaction. A passage ranked again
        keeps its row (id and stance), also when it comes from a newer copy of its source with
        the same words; a passage the reviewer took a stance on is never dropped: when it is not
        ranked again it stays, ranked after the new ranking."""
        with self.transaction():
            claim = self.claim(claim_id)
            stored = self._stored_evidence(claim_id)
            matched = _match_passages(stored, rows, self._source_ids(rows))
            self._update_evidence(
                [(old["id"], row) for row, old in zip(rows, matched, strict=True) if old]
            )
            stamp = now()
            self.db["evidence"].insert_all(
                {**row, "claim_id": claim_id, "created_at": stamp}
                for row, old in zip(rows, matched, strict=True)
                if old is None
            )
            taken = {old["id"] for old in matched if old is not None}
            left = [old for old in stored if old["id"] not in taken]
            kept = [old for old in left if old["stance"] is not None]
            for rank, old in enumerate(kept, len(rows) + 1):
                self.db.execute("UPDATE evidence SET rank = ? WHERE id = ?", [rank, old["id"]])
            dropped = [old["id"] for old in left if old["stance"] is None]
            if dropped:
                self.db.execute(
                    f"DELETE FROM evidence WHERE id IN ({', '.join('?' * len(dropped))})", dropped
                )
            self.log_event(
                "rank_evidence",
                claim_id=claim_id,
                article_id=claim.article_id,
                details={"passages": len(rows), "kept": len(kept)},
            )

    def _update_evidence(self, updates: list[tuple[int, dict[str, Any]]]) -> None:
        """Give stored passages (by id) their new ranking: rank, score, reasons, place."""
        if not updates:
            return
        columns = list(updates[0][1])
        self.db.conn.executemany(
            f"UPDATE evidence SET {', '.join(f'[{c}] = ?' for c in columns)} WHERE id = ?",
            [(*(row[c] for c in columns), evidence_id) for evidence_id, row in updates],
        )

    def _stored_evidence(self, claim_id: int) -> list[dict[str, Any]]:
        """A claim's evidence rows as replace_evidence matches them, in their ranked order."""
        return list(
            self.db.query(
                "SELECT e.id, e.snapshot_id, e.start, e.[end], e.passage, e.stance,"
                " sn.source_id FROM evidence e JOIN snapshots sn ON sn.id = e.snapshot_id"
                " WHERE e.claim_id = ? ORDER BY e.rank, e.id",
                [claim_id],
            )
        )

    def _source_ids(self, rows: list[dict[str, Any]]) -> dict[int, int]:
        """snapshot id -> source id for the snapshots these rows come from."""
        ids = sorted({row["snapshot_id"] for row in rows})
        if not ids:
            return {}
        return dict(
            self.db.execute(
                f"SELECT id, source_id FROM snapshots WHERE id IN ({', '.join('?' * len(ids))})",
                ids,
            ).fetchall()
        )

    def evidence_row(self, evidence_id: int) -> dict[str, Any]:
        """One stored passage, as `evidence()` gives it."""
        rows = self._evidence_query("e.id = ?", [evidence_id])
        if not rows:
            raise NotFound(f"no evidence {evidence_id}")
        return rows[0]

    def set_stance(
        self,
        evidence_id: int,
        stance: str | None,
        *,
        note: str | None = None,
        reviewer: str | None = None,
    ) -> dict[str, Any]:
        """Record the reviewer's stance on a passage (None clears it), audited as a `stance`
        event that also keeps the note. Setting the stance it already has, without a note,
        writes nothing. Returns the passage as `evidence()` gives it."""
        if stance is not None and stance not in STANCES:
            raise StoreError(f"unknown stance {stance!r}: choose one of {', '.join(STANCES)}")
        with self.transaction():
            current = self.evidence_row(evidence_id)
            if current["stance"] == stance and note is None:
                return current
            self.db.execute("UPDATE evidence SET stance = ? WHERE id = ?", [stance, evidence_id])
            self.log_event(
                "stance",
                claim_id=current["claim_id"],
                article_id=self.claim(current["claim_id"]).article_id,
                old=current["stance"],
                new=stance,
                note=note,
                reviewer=reviewer,
                details={
                    "evidence_id": evidence_id,
                    "snapshot_id": current["snapshot_id"],
                    "start": current["start"],
                    "end": current["end"],
                },
            )
            return self.evidence_row(evidence_id)

    # ---- review (issue 4: the review workbench) -----------------------------------------------

    def claim_ids(
        self, *, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[int]:
        """The ids of a review queue, in order."""
        return [claim_id for claim_id, _ in self.queue_statuses(order, second_check, **filters)]

    def queue_statuses(
        self, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[tuple[int, str]]:
        """A review queue as (id, status) pairs, in order: cheap enough for 100,000 claims, so
        the screen can page rows in as they come into view and keep its progress count."""
        where, params = self._claim_filter(**filters)
        if second_check:
            where += (" AND " if where else " WHERE ") + (
                "claims.status = 'flagged' AND claims.id IN"
                " (SELECT claim_id FROM second_checks WHERE decided_at IS NULL"
                " AND first_reviewer IS NOT ?)"
            )
            params.append(self.reviewer)
        order_by = ORDERS[order]
        sql = f"SELECT claims.id, claims.status FROM claims{where} ORDER BY {order_by}"
        return self.db.execute(sql, params).fetchall()

    def last_change(self) -> str:
        """The latest updated_at of any claim: where the next status_changes() starts."""
        return self.db.execute("SELECT coalesce(max(updated_at), '') FROM claims").fetchone()[0]

    def status_changes(self, since: str) -> list[tuple[int, str, str]]:
        """(id, status, updated_at) of the claims changed at or after `since`."""
        return self.db.execute(
            "SELECT id, status, updated_at FROM claims WHERE updated_at >= ?", [since]
        ).fetchall()

    def queue_rows(self, claim_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The few columns a queue line shows, for one page of ids."""
        if not claim_ids:
            return {}
        rows = self.db.query(
            "SELECT c.id, c.status, c.kind, c.checkworthiness, c.article_id, c.text,"
            " c.canonical_id, c.assignee, c.priority, c.due FROM claims c"
            f" WHERE c.id IN ({', '.join('?' * len(claim_ids))})",
            claim_ids,
        )
        return {row["id"]: row for row in rows}

    def first_with_status(self, claim_ids: list[int], status: str = "unreviewed") -> int | None:
        """The first of these ids (in their order) whose claim has this status."""
        for chunk_start in range(0, len(claim_ids), 500):
            chunk = claim_ids[chunk_start : chunk_start + 500]
            found = {
                row[0]
                for row in self.db.execute(
                    "SELECT id FROM claims WHERE status = ?"
                    f" AND id IN ({', '.join('?' * len(chunk))})",
                    [status, *chunk],
                )
            }
            for claim_id in chunk:
                if claim_id in found:
                    return claim_id
        return None

    def latest_fetch(self, source_id: int) -> dict[str, Any] | None:
        """The newest snapshot of a source (a failure or a 304 check included) without its text
        or bytes: what the review screen shows as the source's fetch state."""
        rows = list(
            self.db.query(
                "SELECT id, status, fetched_at, error, not_modified, note,"
                " length(text) AS text_length FROM snapshots WHERE source_id = ?"
                " ORDER BY fetched_at DESC, id DESC LIMIT 1",
                [source_id],
            )
        )
        return rows[0] if rows else None

    def snapshot_text(self, snapshot_id: int) -> str:
        """The extracted text of one snapshot ('' when it has none)."""
        row = self.db.execute("SELECT text FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        if row is None:
            raise NotFound(f"no snapshot {snapshot_id}")
        return row[0] or ""

    def data_version(self) -> int:
        """Changes when another connection commits: a cheap way to notice other reviewers."""
        return self.db.execute("PRAGMA data_version").fetchone()[0]

    def flag_for_second_check(
        self,
        claim_id: int,
        first_verdict: str | None = None,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Mark a claim flagged for a second reviewer, keeping this reviewer's provisional
        verdict (None: no opinion) out of sight until the second reviewer has decided."""
        if first_verdict is not None and first_verdict not in VERDICTS[:4]:
            raise StoreError(f"claim {claim_id}: {first_verdict!r} is not a verdict to compare")
        who = reviewer or self.reviewer
        with self.transaction():
            if self.open_second_check(claim_id) is not None:
                raise StoreError(f"claim {claim_id} is already waiting for a second check")
            claim = self.set_verdict(
                claim_id, "flagged", reviewer=who, expected_version=expected_version
            )
            self.db.execute(
                "INSERT INTO second_checks (claim_id, first_reviewer, first_verdict, first_note,"
                " flagged_at) VALUES (?, ?, ?, ?, ?)",
                [claim_id, who, first_verdict, note, now()],
            )
            self.log_event(
                "flag",
                claim_id=claim_id,
                article_id=claim.article_id,
                new=first_verdict,
                note=note,
                reviewer=who,
            )
        return claim

    def open_second_check(self, claim_id: int) -> dict[str, Any] | None:
        """The undecided second check of a claim, if it has one."""
        rows = list(
            self.db.query(
                "SELECT * FROM second_checks WHERE claim_id = ? AND decided_at IS NULL"
                " ORDER BY id DESC LIMIT 1",
                [claim_id],
            )
        )
        return rows[0] if rows else None

    def second_check_verdict(
        self,
        claim_id: int,
        verdict: str,
        *,
        note: str | None = None,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> dict[str, Any]:
        """Record the second reviewer's verdict on a flagged claim; returns the closed check,
        first verdict included, now that it may be shown."""
        who = reviewer or self.reviewer
        with self.transaction():
            check = self.open_second_check(claim_id)
            if check is None:
                raise StoreError(f"claim {claim_id} is not waiting for a second check")
            if check["first_reviewer"] == who:
                raise StoreError(
                    f"claim {claim_id}: you flagged it; a different reviewer must check it"
                )
            claim = self.set_verdict(
                claim_id, verdict, note=note, reviewer=who, expected_version=expected_version
            )
            agreed = (
                None if check["first_verdict"] is None else int(check["first_verdict"] == verdict)
            )
            stamp = now()
            self.db.execute(
                "UPDATE second_checks SET second_reviewer = ?, second_verdict = ?,"
                " decided_at = ?, agreed = ? WHERE id = ?",
                [who, verdict, stamp, agreed, check["id"]],
            )
            self.log_event(
                "second_check",
                claim_id=claim_id,
                article_id=claim.article_id,
                old=check["first_verdict"],
                new=verdict,
                reviewer=who,
                details={"agreed": agreed, "first_reviewer": check["first_reviewer"]},
            )
        return {**check, "second_reviewer": who, "second_verdict": verdict, "agreed": agreed}

    def reopen_second_check(self, claim_id: int, *, reviewer: str | None = None) -> bool:
        """After an undo put a claim back to flagged, the check this reviewer had decided is
        open again (and no longer counted); False when there is nothing to reopen."""
        who = reviewer or self.reviewer
        with self.transaction():
            claim = self.claim(claim_id)
            if claim.status != "flagged" or self.open_second_check(claim_id) is not None:
                return False
            row = self.db.execute(
                "SELECT id, second_verdict FROM second_checks WHERE claim_id = ?"
                " AND second_reviewer = ? AND decided_at IS NOT NULL ORDER BY id DESC LIMIT 1",
                [claim_id, who],
            ).fetchone()
            if row is None:
                return False
            self.db.execute(
                "UPDATE second_checks SET second_reviewer = NULL, second_verdict = NULL,"
                " decided_at = NULL, agreed = NULL WHERE id = ?",
                [row[0]],
            )
            self.log_event(
                "reopen_second_check",
                claim_id=claim_id,
                article_id=claim.article_id,
                old=row[1],
                reviewer=who,
            )
        return True

    def second_check_stats(self) -> dict[str, Any]:
        """How often second reviewers agreed with the first (checks with a first verdict)."""
        row = self.db.execute(
            "SELECT count(*) FILTER (WHERE decided_at IS NULL AND claim_id IN"
            " (SELECT id FROM claims WHERE status = 'flagged')),"
            " count(*) FILTER (WHERE decided_at IS NOT NULL),"
            " count(*) FILTER (WHERE agreed IS NOT NULL), coalesce(sum(agreed), 0)"
            " FROM second_checks"
        ).fetchone()
        compared, agreed = row[2], row[3]
        return {
            "open": row[0],
            "decided": row[1],
            "compared": compared,
            "agreed": agreed,
            "agreement": round(agreed / compared, 3) if compared else None,
        }

    # ---- bulk import (issue 5) ---------------------------------------------------------------
    # The importer writes one whole file inside one transaction. New claims and their quantities go
    # in by executemany, in batches; one `import` event per file records what came in (file,
    # sha256, counts) — an event per new claim would double the cost of a 100,000-claim import and
    # say nothing the file event does not. A claim an import *changes* (`--update`) gets its own
    # `import_update` event with the old and new values, like any other edit.

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
        """executemany of rows in IMPORT_CLAIM_COLUMNS / IMPORT_QUANTITY_COLUMNS order."""
        for table, columns, rows in (
            ("claims", self.IMPORT_CLAIM_COLUMNS, claims),
            ("quantities", self.IMPORT_QUANTITY_COLUMNS, quantities),
        ):
            if rows:
                self.db.conn.executemany(
                    f"INSERT INTO [{table}] ({', '.join(f'[{c}]' for c in columns)})"
                    f" VALUES ({', '.join('?' * len(columns))})",
                    rows,
                )

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
            claim = self._update_claim(
                claim_id,
                values,
                action="import_update",
                old=json.dumps({k: old for k, (old, _) in changes.items()}, ensure_ascii=False),
                new=json.dumps(values, ensure_ascii=False),
                note=f"from {where}",
                expected_version=expected_version,
                reviewer=None,
            )
            for repeat in self.repeats(claim_id) if verdict else ():
                self._update_claim(
                    repeat.id,
                    verdict,
                    action="import_update",
                    old=json.dumps({k: getattr(repeat, k) for k in verdict}, ensure_ascii=False),
                    new=json.dumps(verdict, ensure_ascii=False),
                    note=f"from {where}",
                    expected_version=None,
                    reviewer=None,
                    details={"via": claim_id},
                )
        return claim

    def import_update_article(
        self, article_id: int, changes: dict[str, tuple[Any, Any]], *, where: str
    ) -> None:
        """Apply changed article metadata (title, url, outlet, published) from an import."""
        values = {name: new for name, (_, new) in changes.items()}
        with self.transaction():
            self.db["articles"].update(article_id, values)
            self.log_event(
                "import_update",
                article_id=article_id,
                old=json.dumps({k: old for k, (old, _) in changes.items()}, ensure_ascii=False),
                new=json.dumps(values, ensure_ascii=False),
                note=f"from {where}",
            )

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

    def has_snapshot(self, source_id: int, sha256: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM snapshots WHERE source_id = ? AND sha256 = ?", [source_id, sha256]
            ).fetchone()
            is not None
        )

    # ---- summaries ---------------------------------------------------------------------------

    def stats(self) -> dict[str, Any]:
        """Counts for `claimcheck stats`: articles, claims by status and kind, sources. Read from
        the counts the triggers keep (migration maintain_counts): a few dozen rows at any size."""
        rows = self.db.execute(
            "SELECT status, kind, repeat, n FROM claim_counts WHERE n > 0"
        ).fetchall()
        tables = dict(self.db.execute("SELECT name, n FROM row_counts").fetchall())
        distinct = [(status, kind, n) for status, kind, repeat, n in rows if not repeat]
        by_status: dict[str | None, int] = {}
        by_kind: dict[str | None, int] = {}
        for status, kind, n in distinct:
            by_status[status or None] = by_status.get(status or None, 0) + n
            by_kind[kind or None] = by_kind.get(kind or None, 0) + n
        ranked = lambda counts: dict(sorted(counts.items(), key=lambda item: -item[1]))  # noqa: E731
        return {
            "articles": tables["articles"],
            "claims": sum(row[3] for row in rows),
            "distinct_claims": sum(n for _, _, n in distinct),
            "repeats": sum(row[3] for row in rows if row[2]),
            "reviewed": sum(n for status, _, n in distinct if status != "unreviewed"),
            "by_status": ranked(by_status),
            "by_kind": ranked(by_kind),
            "quantities": tables["quantities"],
            "sources": tables["sources"],
            "snapshots": tables["snapshots"],
            "events": tables["events"],
            "second_checks": self.second_check_stats(),
        }

    # ---- the speaker (issue 12: resolving an attribution from the screen) --------------------

    def set_speaker(
        self,
        claim_id: int,
        speaker: str,
        *,
        reviewer: str | None = None,
        expected_version: int | None = None,
    ) -> Claim:
        """Name who said the claim, where the extractor could not (an unresolved attribution,
        "a spokesman said") or named the wrong one; audited as a `speaker` event. The claim's
        repeat key follows the speaker, as it would have had the extractor found them."""
        speaker = " ".join(speaker.split())
        if not speaker:
            raise StoreError(f"claim {claim_id}: the speaker's name cannot be empty")
        with self.transaction():
            current = self.claim(claim_id)
            resolved = (date.get("resolved") for date in current.dates)
            return self._update_claim(
                claim_id,
                {"speaker": speaker, "repeat_key": repeat_key(current.sentence, speaker, resolved)},
                action="speaker",
                old=current.speaker,
                new=speaker,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
                details={"attribution": current.attribution} if current.attribution else None,
            )


def _match_passages(
    stored: list[dict[str, Any]], rows: list[dict[str, Any]], source_ids: dict[int, int]
) -> list[dict[str, Any] | None]:
    """For each newly ranked row, the stored row it is the same passage as: the same place in
    the same snapshot, else the same words in the same source (a newer copy), rows with a
    stance taken first; None for a passage not stored before."""
    by_place = {(r["snapshot_id"], r["start"], r["end"]): r for r in stored}
    matched = [by_place.pop((r["snapshot_id"], r["start"], r["end"]), None) for r in rows]
    by_words: dict[tuple[int, str], list[dict[str, Any]]] = {}
    for old in sorted(by_place.values(), key=lambda r: r["stance"] is None):
        by_words.setdefault((old["source_id"], _words(old["passage"])), []).append(old)
    for index, row in enumerate(rows):
        if matched[index] is None:
            key = (source_ids.get(row["snapshot_id"], -1), _words(row["passage"]))
            candidates = by_words.get(key)
            matched[index] = candidates.pop(0) if candidates else None
    return matched


def _words(text: str | None) -> str:
    return " ".join((text or "").split())


def fts_query(text: str) -> str:
    """Turn what a user types into a safe FTS5 query: every word must appear (prefix match)."""
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w]
    return " ".join(f'"{w}"*' for w in words) or '""'
