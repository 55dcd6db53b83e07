"""Bundles: a whole claims.db in one file, to move a desk's work or hand an audit to an editor.

Format, version 1: gzip-compressed JSON Lines, UTF-8.

    {"format": "claimcheck-bundle", "version": 1, "migrations": [...], "created_at": "...",
     "tables": {"articles": {"columns": ["id", ...], "rows": 12}, ...}}      the header
    ["articles", [1, "https://...", ...]]       one line per row: table, values in column order
    ...                                           (tables in TABLES order, rows in id order)
    {"end": true, "rows": {"articles": 12, ...}}  the end line

A BLOB (a snapshot's archived bytes) is written {"base64": "..."}; every other value is its JSON
self, so the copy keeps SQLite's types. A file without its end line, or whose counts disagree,
was cut short and is refused. Export reads one snapshot of the database (a read transaction on a
read-only connection), so writers carry on and the bundle is consistent.

Import is one transaction: a bad file changes nothing. Into an empty database it makes an exact
copy (same ids, same values). Into one that holds some of it, it merges: a row already there
(found by its natural key, e.g. an article's sha256 or a claim's place in its article) is not
added again; new rows get fresh ids above the highest in use, and every reference to them, also
those inside JSON (ID_KEYS), is rewritten. A claim whose verdict differs is brought up to date
only when the bundle's history of it extends this database's; when both sides did work on it,
this database's verdict stays and the conflict is reported and logged, never overwritten.

Over 600 lines because the format is written, read and merged here together: the table list
below is what all three share, and the store's `tables` module does the SQL.
"""

from __future__ import annotations

import base64
import gzip
import json
import os
import sqlite3
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from claimcheck import __version__
from claimcheck.config import MAX_BUNDLE_LINE
from claimcheck.store import ReadSnapshot, Store, StoreError, now

FORMAT = "claimcheck-bundle"
VERSION = 1
BATCH = 500
COMPRESSLEVEL = 3


class BundleError(StoreError):
    """A bundle that cannot be written or read; the message names the file (and line)."""


Row = dict[str, Any]


@dataclass(frozen=True)
class Table:
    """One table as a bundle carries it: the ids it points to and how a row is recognised in
    another database (its natural key, read from key_columns)."""

    name: str
    key_columns: tuple[str, ...]
    refs: dict[str, str] = field(default_factory=dict)
    json_columns: tuple[str, ...] = ()
    pk: str | None = "id"
    natural_key: Callable[[Row], tuple[Any, ...]] | None = None

    def key(self, row: Row) -> tuple[Any, ...]:
        if self.natural_key:
            return self.natural_key(row)
        return tuple(row[c] for c in self.key_columns)


def _article_key(row: Row) -> tuple[Any, ...]:
    """An article is its text (sha256); a stub whose text is not unique, its url and title."""
    if row["sha256"]:
        return ("sha256", row["sha256"])
    return ("stub", row["url"], row["title"], row["ingested_at"])


def _claim_key(row: Row) -> tuple[Any, ...]:
    """A claim is its place in its article (its text may have been edited since)."""
    return (row["article_id"], row["start"], row["end"], row["sentence"] or row["text"])


def _source_key(row: Row) -> tuple[Any, ...]:
    """A source is its URL; one not yet resolved (a "told Reuters"), its label and birth."""
    if row["url"]:
        return ("url", row["url"])
    return (row["kind"], row["label"], row["created_at"])


def _reviewer_key(row: Row) -> tuple[Any, ...]:
    """An account is its name, in any letter case (as the store's unique index has it)."""
    return (str(row["name"]).lower(),)


# Parents before children, so a row's references are known when it is read (claims after
# snapshots: a claim's source_changed marker names them).
TABLES = (
    Table("articles", ("sha256", "url", "title", "ingested_at"), natural_key=_article_key),
    Table("links", ("article_id", "start", "end", "url"), {"article_id": "articles"}),
    Table("sources", ("url", "kind", "label", "created_at"), natural_key=_source_key),
    Table(
        "snapshots",
        ("source_id", "requested_url", "fetched_at", "sha256"),
        {"source_id": "sources"},
    ),
    Table(
        "claims",
        ("article_id", "start", "end", "sentence", "text"),
        {"article_id": "articles", "canonical_id": "claims"},
        json_columns=("source_changed",),
        natural_key=_claim_key,
    ),
    Table("quantities", ("claim_id", "start", "end", "surface"), {"claim_id": "claims"}),
    Table(
        "claim_sources",
        ("claim_id", "source_id"),
        {"claim_id": "claims", "source_id": "sources"},
        pk=None,
    ),
    Table(
        "evidence",
        ("claim_id", "snapshot_id", "start", "end"),
        {"claim_id": "claims", "snapshot_id": "snapshots"},
    ),
    Table("second_checks", ("claim_id", "flagged_at", "first_reviewer"), {"claim_id": "claims"}),
    # accounts travel with the desk (hashes only); on a merge an account already here stays as is
    Table("reviewers", ("name",), pk=None, natural_key=_reviewer_key),
    Table("factchecks", ("key",)),
    Table(
        "matches",
        ("claim_id", "factcheck_id", "earlier_claim_id"),
        {"claim_id": "claims", "factcheck_id": "factchecks", "earlier_claim_id": "claims"},
    ),
    Table("review_sessions", ("reviewer", "mode"), {"claim_id": "claims"}, pk=None),
    Table(
        "events",
        ("at", "reviewer", "action", "claim_id", "article_id", "old", "new", "note", "details"),
        {"claim_id": "claims", "article_id": "articles"},
        json_columns=("details",),
    ),
)
TABLE = {table.name: table for table in TABLES}

# Keys inside JSON columns (events.details, claims.source_changed) whose value is a row id, and
# the table it is an id in. Integers under any other key are counts or flags (NOT_ID_KEYS); a
# test checks that every integer-valued key the store writes is in one list or the other.
ID_KEYS = {
    "undoes": "events",
    "via": "claims",
    "source_id": "sources",
    "now": "sources",
    "snapshot_id": "snapshots",
    "before_snapshot": "snapshots",
    "after_snapshot": "snapshots",
    "evidence_id": "evidence",
    "match_id": "matches",
}
NOT_ID_KEYS = frozenset(
    {"claims", "repeats", "passages", "kept", "status", "start", "end", "agreed", "not_modified"}
    | {"articles", "sources", "unchanged", "updated", "failed", "errors", "links", "added"}
)
# The tables whose ids other rows hold: only their found rows' ids need remembering.
REFERENCED = frozenset(
    {parent for table in TABLES for parent in table.refs.values()} | set(ID_KEYS.values())
)
# What a merge compares (and, when the bundle is ahead, brings up to date) on a matched row.
STATE = {
    "claims": (
        "text",
        "status",
        "note",
        "reviewer",
        "source_changed",
        "assignee",
        "priority",
        "due",
    ),
    "evidence": ("stance", "rank", "score"),
    "second_checks": (
        "second_reviewer",
        "second_verdict",
        "decided_at",
        "agreed",
        "adjudicated_by",
        "adjudicated_verdict",
        "adjudication_note",
        "adjudicated_at",
    ),
}


# ---- export ------------------------------------------------------------------------------------


def export_bundle(db_path: str | os.PathLike[str], out: str | os.PathLike[str]) -> dict[str, int]:
    """Write the database at db_path to a bundle at out (replaced only once complete); returns
    the rows written per table."""
    source = Path(db_path)
    if not source.is_file():
        raise BundleError(f"{source}: no such database")
    target = Path(out)
    if target.exists() and target.samefile(source):
        raise BundleError(f"{target}: that is the database itself")
    partial = target.with_name(target.name + ".partial")
    try:
        snapshot = ReadSnapshot(source)
    except sqlite3.Error as error:
        raise BundleError(f"{source}: cannot open ({error})") from None
    try:
        snapshot.begin()  # one read transaction for every table below
        header = _header(snapshot, source)
        with gzip.open(partial, "wt", encoding="utf-8", compresslevel=COMPRESSLEVEL) as stream:
            stream.write(_to_json(header) + "\n")
            written = {}
            for name, spec in header["tables"].items():
                for row in snapshot.rows(name):
                    stream.write(_to_json((name, row)) + "\n")
                written[name] = spec["rows"]
            stream.write(_to_json({"end": True, "rows": written}) + "\n")
        os.replace(partial, target)
    except sqlite3.DatabaseError as error:
        raise BundleError(f"{source}: not a claimcheck database ({error})") from None
    except OSError as error:
        raise BundleError(f"{target}: {error.strerror or error}") from None
    finally:
        snapshot.close()
        partial.unlink(missing_ok=True)
    return written


def _header(snapshot: ReadSnapshot, source: Path) -> dict[str, Any]:
    applied = snapshot.applied_migrations()
    if applied is None:
        raise BundleError(f"{source}: not a claimcheck database")
    tables = {
        table.name: {"columns": snapshot.columns(table.name), "rows": snapshot.count(table.name)}
        for table in TABLES
        if table.name in snapshot.tables
    }
    return {
        "format": FORMAT,
        "version": VERSION,
        "claimcheck": __version__,
        "created_at": now(),
        "migrations": applied,
        "tables": tables,
    }


def _encode(value: Any) -> Any:
    """What JSON cannot hold: a BLOB, written {"base64": ...}."""
    if type(value) is bytes:
        return {"base64": base64.b64encode(value).decode("ascii")}
    raise TypeError(f"cannot write a {type(value).__name__} to a bundle")


def _decode(item: dict[str, Any]) -> Any:
    """A JSON object read from a bundle: a BLOB's {"base64": ...} becomes its bytes."""
    if len(item) == 1 and "base64" in item:
        try:
            return base64.b64decode(item["base64"], validate=True)
        except (TypeError, ValueError):
            return item  # refused below: a dict is not a value
    return item


_to_json = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_encode).encode
_from_json = json.JSONDecoder(object_hook=_decode).decode


# ---- reading -----------------------------------------------------------------------------------


class _Reader:
    """The lines of a bundle, checked as they stream by; errors name the file and line."""

    def __init__(self, path: Path, stream: TextIO) -> None:
        self.path = path
        self.stream = stream
        self.line = 0
        self.header = self._read_header()

    def _next(self) -> str | None:
        try:
            text = self.stream.readline(MAX_BUNDLE_LINE + 1)
        except (OSError, EOFError, zlib.error) as error:
            raise BundleError(f"{self.path}: {_gzip_problem(error)}") from None
        except UnicodeDecodeError:
            raise BundleError(f"{self.path} line {self.line + 1}: not UTF-8 text") from None
        if not text:
            return None
        self.line += 1
        if len(text) > MAX_BUNDLE_LINE:
            raise self.error(
                f"longer than {MAX_BUNDLE_LINE:,} characters (not a row claimcheck writes)"
            )
        return text

    def _json(self, text: str) -> Any:
        try:
            return _from_json(text)
        except json.JSONDecodeError as error:
            raise self.error(f"not valid JSON ({error.msg})") from None

    def error(self, message: str) -> BundleError:
        return BundleError(f"{self.path} line {self.line}: {message}")

    def _read_header(self) -> dict[str, Any]:
        text = self._next()
        header = self._json(text) if text else None
        if not isinstance(header, dict) or header.get("format") != FORMAT:
            raise BundleError(f"{self.path}: not a claimcheck bundle")
        version = header.get("version")
        if not isinstance(version, int) or version > VERSION:
            raise BundleError(
                f"{self.path}: bundle format version {version} is newer than this claimcheck"
                f" reads ({VERSION}); upgrade claimcheck"
            )
        tables = header.get("tables")
        if not isinstance(tables, dict) or not isinstance(header.get("migrations"), list):
            raise BundleError(f"{self.path}: the header has no table list")
        for name, spec in tables.items():
            if name not in TABLE:
                raise BundleError(f"{self.path}: unknown table {name!r} (a newer claimcheck?)")
            if not isinstance(spec, dict) or not isinstance(spec.get("columns"), list):
                raise BundleError(f"{self.path}: the header does not give {name}'s columns")
        return header

    def rows(self) -> Iterator[tuple[str, Row]]:
        """(table, row) for every row line, then checks the end line."""
        tables = self.header["tables"]
        counts: Counter[str] = Counter()
        order = [name for name in TABLE if name in tables]
        position = 0
        while (text := self._next()) is not None:
            item = self._json(text)
            if isinstance(item, dict):
                self._check_end(item, counts)
                return
            if not (isinstance(item, list) and len(item) == 2 and isinstance(item[1], list)):
                raise self.error("expected [table, [values]]")
            name, values = item
            if name not in tables:
                raise self.error(f"unknown table {name!r}")
            while order[position] != name:
                position += 1
                if position == len(order):
                    raise self.error(f"{name} row out of order")
            columns = tables[name]["columns"]
            if len(values) != len(columns):
                raise self.error(f"{name} row has {len(values)} values, expected {len(columns)}")
            row = dict(zip(columns, values, strict=True))
            if dict in map(type, values) or list in map(type, values):
                raise self.error("a value is neither a JSON scalar nor {'base64': ...}")
            counts[name] += 1
            yield name, row
        raise BundleError(f"{self.path}: truncated after line {self.line} (no end line)")

    def _check_end(self, item: Row, counts: Counter[str]) -> None:
        if item.get("end") is not True:
            raise self.error("expected a row or the end line")
        expected = {name: spec.get("rows") for name, spec in self.header["tables"].items()}
        if item.get("rows") != expected or any(counts[n] != expected[n] for n in expected):
            raise self.error("row counts disagree with the header (rows missing or added)")
        if self._next() is not None:
            raise self.error("text after the end line")


def _open(path: Path) -> TextIO:
    try:
        return gzip.open(path, "rt", encoding="utf-8")
    except OSError as error:
        raise BundleError(f"{path}: {error.strerror or error}") from None


def _gzip_problem(error: BaseException) -> str:
    if isinstance(error, EOFError):
        return "truncated (the compressed stream ends early)"
    return f"not a readable bundle ({error})"


# ---- import ------------------------------------------------------------------------------------


@dataclass
class BundleReport:
    """What an import did: rows added and already present per table, claims brought up to date
    from the bundle, and conflicts left as they were here."""

    file: str
    added: Counter[str] = field(default_factory=Counter)
    present: Counter[str] = field(default_factory=Counter)
    updated: list[int] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    copy: bool = False  # the database was empty: it is now an exact copy


def import_bundle(store: Store, path: str | os.PathLike[str]) -> BundleReport:
    """Read a bundle into the store in one transaction (see the module docstring)."""
    with _open(Path(path)) as stream:
        reader = _Reader(Path(path), stream)
        _check_schema(store, reader)
        with store.write_transaction():
            store.defer_foreign_keys()
            try:
                return _Merge(store, reader).run()
            except sqlite3.Error as error:
                raise reader.error(str(error)) from None


def _check_schema(store: Store, reader: _Reader) -> None:
    known = store.applied_migrations()
    newer = [name for name in reader.header["migrations"] if name not in known]
    if newer:
        raise BundleError(
            f"{reader.path}: made by a newer claimcheck (schema {newer[0]!r}); upgrade claimcheck"
        )
    for name, spec in reader.header["tables"].items():
        have = store.table_columns(name)
        unknown = [c for c in spec["columns"] if c not in have]
        missing = [c for c in TABLE[name].key_columns if c not in spec["columns"]]
        if unknown or missing:
            problem = f"unknown column {unknown[0]}" if unknown else f"no column {missing[0]}"
            raise BundleError(f"{reader.path}: {name} has {problem}")


class _Merge:
    """One import. A row found here maps its old id to the one here; a new row's id is its old
    id plus the table's highest id here (0 in an empty table: the same ids, an exact copy).
    Rows found here whose state differs wait until the events are in, which say whose history
    of the claim is the longer one."""

    def __init__(self, store: Store, reader: _Reader) -> None:
        self.store = store
        self.reader = reader
        self.report = BundleReport(str(reader.path))
        self.report.copy = not store.holds_rows([table.name for table in TABLES])
        self.matched: dict[str, dict[int, int]] = {t.name: {} for t in TABLES}
        self.offset: dict[str, int] = {}
        # hash of a natural key -> rowids here with that hash (checked against the row on a hit)
        self.existing: dict[str, dict[int, int | list[int]]] = {}
        self.pending: dict[str, list[tuple[Any, ...]]] = {}
        self.differs: dict[str, list[tuple[int, Row]]] = {name: [] for name in STATE}
        self.history: dict[int, Counter[str]] = {}  # claim here -> its events: matched, new

    def run(self) -> BundleReport:
        for name, row in self.reader.rows():
            if name not in self.offset:
                self._start(name)
            self._row(TABLE[name], row)
        self._flush_all()
        if not self.history:
            self._watch()
        self._settle()
        dangling = self.store.foreign_key_problem()
        if dangling:
            raise BundleError(
                f"{self.reader.path}: {dangling[0]} row {dangling[1]} points to a missing"
                f" {dangling[2]} row"
            )
        if not self.report.copy:
            self.store.log_event(
                "import_bundle",
                new=self.reader.path.name,
                details={
                    "added": dict(self.report.added),
                    "present": dict(self.report.present),
                    "updated": len(self.report.updated),
                    "conflicts": len(self.report.conflicts),
                },
            )
        return self.report

    def _start(self, name: str) -> None:
        """Before a table's first row: write the tables before it, index what is already here."""
        self._flush_all()
        if name == "events":
            self._watch()
        table = TABLE[name]
        self.offset[name] = self.store.max_key(name, table.pk) if table.pk else 0
        index: dict[int, int | list[int]] = {}
        for rowid, *values in self.store.keyed_rows(name, table.key_columns):
            digest = hash(table.key(dict(zip(table.key_columns, values, strict=True))))
            held = index.setdefault(digest, rowid)
            if held != rowid:  # a second row with this hash: keep a list (rare)
                index[digest] = [*held, rowid] if isinstance(held, list) else [held, rowid]
        self.existing[name] = index
        self.pending[name] = []

    def new_id(self, name: str, old: Any) -> Any:
        if not isinstance(old, int):
            return old
        return self.matched[name].get(old, old + self.offset.get(name, 0))

    def _row(self, table: Table, row: Row) -> None:
        old_id = row.get(table.pk) if table.pk else None
        if table.pk and (type(old_id) is not int):
            raise self.reader.error(f"{table.name} row without an integer {table.pk}")
        for column, parent in table.refs.items():
            if column in row:
                row[column] = self.new_id(parent, row[column])
        for column in table.json_columns:
            if row.get(column):
                row[column] = self._remap_json(row[column])
        here = self._find(table, row)
        if here is None:
            if table.pk:
                row[table.pk] = old_id + self.offset[table.name]
            self._event_seen(table, row, "new")
            self.pending[table.name].append(tuple(row.values()))
            self.report.added[table.name] += 1
            if len(self.pending[table.name]) >= BATCH:
                self._flush(table.name)
            return
        if table.name in REFERENCED:
            self.matched[table.name][old_id] = here
        self.report.present[table.name] += 1
        self._event_seen(table, row, "matched")
        if table.name in STATE:
            mine = self._here(table.name, here, STATE[table.name])
            if mine != _state(row, table.name):
                self.differs[table.name].append((here, row))

    def _find(self, table: Table, row: Row) -> int | None:
        """The rowid here of the row with this row's natural key (each used once), or None."""
        index = self.existing[table.name]
        if not index:
            return None
        key = table.key(row)
        held = index.get(digest := hash(key))
        candidates = held if isinstance(held, list) else [] if held is None else [held]
        for rowid in candidates:
            mine = self._here(table.name, rowid, table.key_columns)
            if table.key(dict(zip(table.key_columns, mine, strict=True))) == key:
                rest = [other for other in candidates if other != rowid]
                if rest:
                    index[digest] = rest
                else:
                    del index[digest]
                return rowid
        return None

    def _here(self, name: str, rowid: int, columns: tuple[str, ...]) -> tuple[Any, ...]:
        return self.store.row_values(name, rowid, columns)

    def _event_seen(self, table: Table, row: Row, kind: str) -> None:
        if table.name == "events" and row["claim_id"] in self.history:
            self.history[row["claim_id"]][kind] += 1

    def _remap_json(self, text: str) -> str:
        try:
            value = json.loads(text)
        except (TypeError, json.JSONDecodeError):
            raise self.reader.error("a JSON column holds invalid JSON") from None
        if not isinstance(value, dict):
            return text
        changed = False
        for key, parent in ID_KEYS.items():
            old = value.get(key)
            if type(old) is int:
                value[key] = self.new_id(parent, old)
                changed |= value[key] != old
        return json.dumps(value, ensure_ascii=False) if changed else text

    def _flush(self, name: str) -> None:
        rows = self.pending[name]
        if rows:
            self.store.insert_values(name, self.reader.header["tables"][name]["columns"], rows)
            rows.clear()

    def _flush_all(self) -> None:
        for name in self.pending:
            self._flush(name)

    def _watch(self) -> None:
        """The claims found here that differ (or whose passages or second checks do): their
        events are counted as they stream by."""
        for name, rows in self.differs.items():
            for here, row in rows:
                self.history[here if name == "claims" else row["claim_id"]] = Counter()

    def _settle(self) -> None:
        """A claim only the bundle has news of is brought up to date; one both sides worked on
        keeps its state here and is reported; one only this database moved on stays."""
        before = self.offset.get("events", 0)
        ahead = set()
        for claim, seen in self.history.items():
            events_here = self.store.events_up_to(claim, before)
            only_here = events_here > seen["matched"]
            if seen["new"] and not only_here:
                ahead.add(claim)
            elif seen["new"] or not only_here:
                self._conflict(claim)
        for name, rows in self.differs.items():
            for here, row in rows:
                if (here if name == "claims" else row["claim_id"]) in ahead:
                    self._apply(name, here, row)
        self.report.updated = sorted(ahead)

    def _apply(self, name: str, here: int, row: Row) -> None:
        values = {c: row[c] for c in STATE[name] if c in row}
        if name == "claims":
            version = self._here("claims", here, ("version",))[0]
            values["version"] = max(version + 1, row["version"])
            values["updated_at"] = row["updated_at"]
        self.store.update_row(name, here, values)

    def _conflict(self, claim: int) -> None:
        status, reviewer, article = self._here(
            "claims", claim, ("status", "reviewer", "article_id")
        )
        theirs = next((r for h, r in self.differs["claims"] if h == claim), None)
        if theirs is None:
            said = "passages' stances or second check differ"
        else:
            said = f"in the bundle {theirs['status']} ({theirs['reviewer'] or 'nobody'})"
        self.report.conflicts.append(
            f"claim {claim}: here {status} ({reviewer or 'nobody'}), {said}; kept here"
        )
        self.store.log_event(
            "bundle_conflict",
            claim_id=claim,
            article_id=article,
            old=status,
            new=theirs["status"] if theirs else None,
            note=theirs["note"] if theirs else None,
            details={"bundle": self.reader.path.name},
        )


def _state(row: Row, name: str) -> tuple[Any, ...]:
    return tuple(row.get(c) for c in STATE[name])
