"""Scripted bulk import: YAML manifests, JSONL and CSV claim files -> the store, a file at a time.

Each file is one transaction: it goes in whole or not at all, so a bad line (or a killed process)
leaves the database as it was. Importing the same file again changes nothing; with `update` the
fields that differ are applied as audited edits; a dry run does everything and rolls it back, so
it reports exactly what would change. JSONL/CSV records carry the fields of the JSONL export, so an
export can be imported again (into an empty database it reproduces the same export). A record
carries the claim's version as exported: `update` refuses a record older than the stored claim
(someone changed it after the export) unless forced: a stale file cannot silently undo newer work.

One module over 600 lines on purpose: its one class is one file's import, whose steps (resolve the
article, match the claim, compare, batch the writes) share the session's state and its single
transaction; split, they would pass that state back and forth. (The store does its SQL.)
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck import import_formats as formats
from claimcheck.extract.claims import extract_claims
from claimcheck.extract.repeats import repeat_key
from claimcheck.import_formats import Record, RecordError
from claimcheck.ingest import IngestError, read_bytes, read_path
from claimcheck.manifest_events import Spot, collector_paused, spot_at
from claimcheck.models import ArticleInput, ExtractedClaim
from claimcheck.pipeline import is_url, read_input
from claimcheck.store import Store, StoreError, now

BATCH = 5000
MAX_ERRORS = 20
# Fields an import compares with a claim already in the database (and changes with --update).
COMPARED = (
    "text",
    "kind",
    "checkworthiness",
    "speaker",
    "quote",
    "status",
    "note",
    "reviewer",
    "assignee",
    "priority",
    "due",
)
ARTICLE_FIELDS = ("title", "url", "outlet", "published")
VERDICT_FIELDS = ("status", "note", "reviewer")
# Fields whose null means "not given" rather than "clear it".
# An import never unassigns nor unschedules: a routing field left empty keeps the stored one.
NULL_IS_ABSENT = frozenset({"kind", "checkworthiness", "status", "assignee", "priority", "due"})

Progress = Callable[[int], None]


@dataclass
class ImportReport:
    """What one file did (or, in a dry run, would do)."""

    file: str
    dry_run: bool = False
    articles_added: int = 0
    claims_added: int = 0
    sources_added: int = 0
    links_added: int = 0
    snapshots_added: int = 0
    unchanged: int = 0
    updated: int = 0
    differ: int = 0
    changes: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def failed(self) -> bool:
        return bool(self.errors)

    @property
    def changed(self) -> bool:
        return bool(
            self.articles_added
            + self.claims_added
            + self.sources_added
            + self.links_added
            + self.snapshots_added
            + self.updated
        )

    def counts(self) -> dict[str, int]:
        return {
            "articles": self.articles_added,
            "claims": self.claims_added,
            "sources": self.sources_added,
            "links": self.links_added,
            "snapshots": self.snapshots_added,
            "unchanged": self.unchanged,
            "updated": self.updated,
            "differ": self.differ,
        }


class _Rollback(Exception):
    """Raised inside the file's transaction to undo it (a dry run, or errors found)."""


def import_file(
    store: Store,
    path: Path,
    *,
    update: bool = False,
    dry_run: bool = False,
    progress: Progress | None = None,
    allow_roots: tuple[Path, ...] = (),
    force: bool = False,
) -> ImportReport:
    """Import one YAML manifest, JSONL or CSV file, in whole or not at all. The files a manifest
    names must lie inside its folder or one of `allow_roots`; `force` lets an update apply
    records older than the claims they change."""
    report = ImportReport(str(path), dry_run=dry_run)
    try:
        kind = formats.file_kind(path)
        if not path.is_file():
            raise RecordError(f"{path}: no such file")
        session = _Session(store, path, report, update, allow_roots, force)
        if kind == "yaml":
            session.prepare_manifest()
        with collector_paused(), store.write_transaction():
            store.defer_foreign_keys()
            session.begin()
            if kind == "yaml":
                session.run_manifest(progress)
            else:
                reader = formats.read_jsonl if kind == "jsonl" else formats.read_csv
                session.run_claims(reader(path, progress))
            if report.errors:
                raise _Rollback
            session.finish()
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except (RecordError, IngestError, StoreError) as error:
        report.errors.append(str(error))
    except sqlite3.Error as error:
        report.errors.append(f"{path}: nothing imported, the database refused: {error}")
    return report


@dataclass
class _Article:
    """An article records refer to; a stub is built from its claims' sentences as they come."""

    id: int
    text: str
    stub: bool = False
    length: int = 0
    lines: dict[str, tuple[int, int]] = field(default_factory=dict)
    claims: dict[tuple[str, str], list[int]] | None = None
    placed: dict[str, int] = field(default_factory=dict)

    def place(self, sentence: str) -> tuple[int, int]:
        """(offset, paragraph) of a sentence: found in the text, or appended to a stub's."""
        if self.stub:
            if sentence not in self.lines:
                start = self.length + (1 if self.lines else 0)
                self.lines[sentence] = (start, len(self.lines))
                self.length = start + len(sentence)
            return self.lines[sentence]
        # the next occurrence after the one placed last, for an article that repeats a sentence
        start = self.text.find(sentence, self.placed.get(sentence, -1) + 1) if sentence else -1
        if start < 0:
            start = self.text.find(sentence) if sentence else -1
        if start < 0:
            return 0, 0
        self.placed[sentence] = start
        return start, self.text.count("\n", 0, start)

    def stub_text(self) -> str:
        return "\n".join(self.lines)


@dataclass
class _Prepared:
    """A manifest article read (and its claims extracted) ahead of the write transaction."""

    record: Record
    article: ArticleInput | None = None
    claims: list[ExtractedClaim] = field(default_factory=list)


class _Session:
    """The state of one file's import: caches, pending rows, ids in use."""

    def __init__(
        self,
        store: Store,
        path: Path,
        report: ImportReport,
        update: bool,
        allow_roots: tuple[Path, ...] = (),
        force: bool = False,
    ) -> None:
        self.store = store
        self.path = path
        self.force = force
        self.roots = (path.parent.resolve(), *(root.resolve() for root in allow_roots))
        self.report = report
        self.update = update
        self.stamp = now()
        self.articles: dict[Any, _Article] = {}
        self.new_articles: set[int] = set()
        self.seen_claims: dict[tuple[int, str, str], tuple[int, int | None]] = {}
        self.matched: set[int] = set()
        self.seen_ids: dict[int, int] = {}
        self.id_map: dict[int, int] = {}
        self.used_ids: set[int] = set()
        self.first_free = self.next_id = 1
        self.sources_before = 0
        self.manifest: tuple[dict[str, Any], Spot] | None = None
        self.prepared: list[_Prepared] = []
        self.claim_rows: list[tuple[Any, ...]] = []
        self.quantity_rows: list[tuple[Any, ...]] = []

    def begin(self) -> None:
        """Called once the file's transaction holds the write lock."""
        self.first_free = self.next_id = self.store.next_claim_id()
        self.sources_before = self.count_sources()

    def count_sources(self) -> int:
        return self.store.source_count()

    # ---- errors ----

    def fail(self, error: RecordError) -> None:
        self.report.errors.append(str(error))
        if len(self.report.errors) >= MAX_ERRORS:
            self.report.errors.append(f"{self.path}: stopped after {MAX_ERRORS} errors")
            raise _Rollback

    # ---- JSONL / CSV ----

    def run_claims(self, records: Iterator[Record | RecordError]) -> None:
        for record in records:
            if isinstance(record, RecordError):
                self.fail(record)
                continue
            try:
                data = formats.check_claim_record(record)
                article = self.resolve_article(record, data)
                self.apply_claim(record, data, article)
            except RecordError as error:
                self.fail(error)

    def resolve_article(self, record: Record, data: dict[str, Any]) -> _Article:
        """The article a record names by URL or id; unknown ones become stubs."""
        url, article_id = data.get("article_url"), data.get("article_id")
        key = ("url", url) if url else ("id", article_id)
        if key in self.articles:
            return self.articles[key]
        if url:
            row = self.store.article_text(url=url)
        else:
            row = self.store.article_text(article_id=article_id)
            if row is None and not data.get("article_title"):
                raise record.error(
                    "article_id",
                    f"no article {article_id} in the database; give article_url or"
                    " article_title to create it",
                )
        if row is not None:
            article = _Article(row[0], row[1] or "")
        else:
            free = article_id is not None and self.store.article_text(article_id=article_id) is None
            new_id = self.store.insert_stub_article(
                article_id if free else None,
                {
                    "url": url,
                    "title": data.get("article_title"),
                    "outlet": data.get("article_outlet"),
                    "published": data.get("article_published"),
                    "origin": self.path.name,
                },
            )
            article = _Article(new_id, "", stub=True, claims={})
            self.new_articles.add(new_id)
            self.report.articles_added += 1
        self.articles[key] = article
        return article

    # ---- claims, whichever format they came in ----

    def apply_claim(self, record: Record, data: dict[str, Any], article: _Article) -> int:
        """Add a claim, or compare it with the one already there (and update it if asked)."""
        text = data["text"]
        sentence = data.get("sentence") or text
        record_id = data.get("id")
        key = (article.id, sentence, text)
        if key in self.seen_claims and (record_id is None or self.seen_claims[key][1] is None):
            # Without ids two such records cannot be told apart; with distinct ids they are
            # two claims (an article that says the same thing twice).
            raise record.error(None, f"duplicate claim (also on line {self.seen_claims[key][0]})")
        self.seen_claims[key] = (record.line, record_id)
        if record_id is not None:
            if record_id in self.seen_ids:
                raise record.error(
                    "id", f"duplicate id {record_id} (also on line {self.seen_ids[record_id]})"
                )
            self.seen_ids[record_id] = record.line
        existing = self.find_existing(article, sentence, text, record_id)
        if existing is None:
            claim_id = self.insert_claim(data, article, sentence)
        else:
            claim_id = existing
            self.compare(record, claim_id, article.id)
        if record_id is not None:
            self.id_map[record_id] = claim_id
        for source in data.get("sources") or ():
            self.link(claim_id, source.get("url"), source.get("kind"), source.get("label"))
        return claim_id

    def find_existing(
        self, article: _Article, sentence: str, text: str, record_id: int | None
    ) -> int | None:
        """The claim of the article a record stands for: the one with its id among those with its
        sentence and text, else the first of them no earlier record took."""
        if article.claims is None:
            article.claims = {}
            for row in self.store.claim_texts(article.id):
                article.claims.setdefault((row[1], row[2]), []).append(row[0])
        same = article.claims.get((sentence, text), [])
        untaken = [c for c in same if c not in self.matched]
        found = record_id if record_id in untaken else next(iter(untaken), None)
        if found is None and record_id is not None and record_id < self.first_free:
            place = self.store.claim_place(record_id)
            if place == (article.id, sentence):
                found = record_id
        if found is not None:
            self.matched.add(found)
        return found

    def insert_claim(self, data: dict[str, Any], article: _Article, sentence: str) -> int:
        claim_id = self.choose_id(data.get("id"))
        start, paragraph = article.place(sentence)
        if article.claims is not None:
            article.claims.setdefault((sentence, data["text"]), []).append(claim_id)
        self.matched.add(claim_id)
        repeat_of = data.get("repeat_of")
        canonical = self.id_map.get(repeat_of) if repeat_of is not None else None
        stamp = self.stamp
        kind = data.get("kind") or "statement"
        score = data.get("checkworthiness")
        dates = [
            {**date, "resolved": date.get("resolved"), "granularity": date.get("granularity")}
            | _placed(date["surface"], sentence, start)
            for date in data.get("dates") or ()
        ]
        self.claim_rows.append(
            (
                claim_id,
                article.id,
                start,
                start + len(sentence),
                paragraph,
                sentence,
                data["text"],
                kind,
                f'["{kind}"]',
                1.0 if score is None else score,
                "[]",
                data.get("speaker"),
                data.get("quote"),
                json.dumps(dates, ensure_ascii=False) if dates else "[]",
                canonical,
                repeat_key(sentence, data.get("speaker"), (d["resolved"] for d in dates)),
                data.get("status") or "unreviewed",
                data.get("note"),
                data.get("reviewer"),
                data.get("version") or 1,
                data.get("created_at") or stamp,
                data.get("updated_at") or stamp,
                data.get("assignee"),
                data.get("priority"),
                data.get("due"),
            )
        )
        for quantity in data.get("quantities") or ():
            surface = quantity["surface"]
            found = sentence.find(surface)
            self.quantity_rows.append(
                (
                    claim_id,
                    surface,
                    quantity["value"],
                    quantity.get("high"),
                    quantity.get("unit"),
                    quantity.get("qualifier"),
                    quantity.get("of"),
                    start + found if found >= 0 else None,
                    start + found + len(surface) if found >= 0 else None,
                )
            )
        self.report.claims_added += 1
        if len(self.claim_rows) >= BATCH:
            self.flush()
        return claim_id

    def choose_id(self, wanted: int | None) -> int:
        """Keep the record's id when it is free (so an export re-imports as itself)."""
        used = self.used_ids
        if wanted is not None and wanted > 0 and wanted not in used:
            free = wanted >= self.first_free or bool(self.store.missing_claims([wanted]))
            if free:
                used.add(wanted)
                return wanted
        while self.next_id in used:
            self.next_id += 1
        used.add(self.next_id)
        return self.next_id

    def compare(self, record: Record, claim_id: int, article_id: int) -> None:
        """Count the claim unchanged, or apply / report the fields that differ. The claims of an
        article this same import added take the file's fields as part of the adding. A repeat's
        verdict follows its canonical claim's (as in review), so it is not compared."""
        self.flush()
        row = self.store.claim_columns(claim_id, ("version", "canonical_id", *COMPARED))
        current = dict(zip(COMPARED, row[2:], strict=True))
        skip = VERDICT_FIELDS if row[1] is not None else ()
        changes = {
            name: (current[name], record.data[name])
            for name in COMPARED
            if name in record.data
            and name not in skip
            and not (record.data[name] is None and name in NULL_IS_ABSENT)
            and record.data[name] != current[name]
        }
        if article_id in self.new_articles:
            if changes:
                self.store.import_update(
                    claim_id, changes, expected_version=row[0], where=record.where()
                )
            return
        if not changes:
            self.report.unchanged += 1
            return
        described = ", ".join(f"{k} {old!r} -> {new!r}" for k, (old, new) in changes.items())
        if self.update:
            exported = record.data.get("version")
            if exported is not None and exported < row[0] and not self.force:
                raise record.error(
                    "version",
                    f"claim {claim_id} changed after this file was exported (file version"
                    f" {exported}, database version {row[0]}, now {current['status']!r} by"
                    f" {current['reviewer'] or 'nobody'}); not applied: {described}."
                    " Export again, or pass --force to overwrite",
                )
            self.store.import_update(
                claim_id, changes, expected_version=row[0], where=record.where()
            )
            self.report.updated += 1
            self.report.changes.append(f"claim {claim_id}: {described}")
        else:
            self.report.differ += 1
            self.report.changes.append(f"claim {claim_id} differs: {described}")

    def link(self, claim_id: int, url: str | None, kind: str | None, label: str | None) -> int:
        self.flush()
        source_id, added = self.store.import_link_source(
            claim_id, url, kind=kind or "cited", label=label
        )
        self.report.links_added += added
        return source_id

    def flush(self) -> None:
        if self.claim_rows or self.quantity_rows:
            self.store.insert_claim_rows(self.claim_rows, self.quantity_rows)
            self.claim_rows, self.quantity_rows = [], []

    def finish(self) -> None:
        """Write what is pending, give stubs their text, and log the file (if anything changed)."""
        self.flush()
        self.report.sources_added = self.count_sources() - self.sources_before
        for article in {id(a): a for a in self.articles.values()}.values():
            if article.stub:
                self.store.set_stub_text(article.id, article.stub_text())
        report = self.report
        if report.changed:
            self.store.log_event(
                "import",
                new=str(self.path),
                details={"sha256": _file_sha256(self.path), **report.counts()},
            )

    # ---- YAML manifests ----

    def prepare_manifest(self) -> None:
        """Parse the manifest, read every article (files, URLs) and extract the claims of new
        ones before taking the write lock, so that slow reads and extraction never hold up other
        writers such as a review session."""
        data, root = formats.load_manifest(self.path)
        self.manifest = data, root
        for index, entry in enumerate(data["articles"]):
            record = _yaml_record(root, ["articles", index], entry, str(self.path))
            try:
                article = self.read_article(record)
            except RecordError as error:
                self.prepared.append(_Prepared(record))
                self.fail(error)
                continue
            claims: list[ExtractedClaim] = []
            if entry.get("extract", True) and self.store.find_article(article.text) is None:
                claims = extract_claims(article.text, article.published)
            self.prepared.append(_Prepared(record, article, claims))

    def run_manifest(self, progress: Progress | None) -> None:
        assert self.manifest is not None
        root = self.manifest[1]
        step = self.path.stat().st_size // max(1, len(self.prepared))
        seen: dict[str, int] = {}
        for index, prepared in enumerate(self.prepared):
            if prepared.article is None:
                continue
            try:
                self.manifest_article(index, root, seen, prepared)
            except RecordError as error:
                self.fail(error)
            if progress is not None:
                progress(step)

    def manifest_article(
        self, index: int, root: Spot, seen: dict[str, int], prepared: _Prepared
    ) -> None:
        record, article_input = prepared.record, prepared.article
        assert article_input is not None
        entry = record.data
        digest = hashlib.sha256(article_input.text.encode("utf-8")).hexdigest()
        if digest in seen:
            raise record.error(
                None, f"the same article is listed twice (also on line {seen[digest]})"
            )
        seen[digest] = record.line
        existing = self.store.find_article(article_input.text)
        if existing is not None:
            article_id = existing
            self.compare_article(record, article_id)
        else:
            result = self.store.add_article(article_input, prepared.claims)
            article_id = result.article_id
            self.new_articles.add(article_id)
            self.report.articles_added += 1
            self.report.claims_added += result.claims
            if result.claims:  # extracted claims took ids the file's own claims must not reuse
                self.used_ids.update(self.store.article_claim_ids(article_id))
        article = _Article(article_id, article_input.text)
        path = ["articles", index]
        for c_index, claim in enumerate(entry.get("claims") or ()):
            where = _yaml_record(root, [*path, "claims", c_index], claim, record.file)
            try:
                claim_id = (
                    self.match_claim(where, article)
                    if "match" in claim
                    else self.apply_claim(where, {**claim, "sources": []}, article)
                )
                for s_index, source in enumerate(claim.get("sources") or ()):
                    spot = [*path, "claims", c_index, "sources", s_index]
                    self.manifest_source(_yaml_record(root, spot, source, record.file), [claim_id])
            except RecordError as error:
                self.fail(error)
        if entry.get("sources"):
            self.flush()
            claim_ids = self.store.article_claim_ids(article_id)
            for s_index, source in enumerate(entry["sources"]):
                where = _yaml_record(root, [*path, "sources", s_index], source, record.file)
                self.manifest_source(where, claim_ids)

    def compare_article(self, record: Record, article_id: int) -> None:
        """Metadata the manifest gives that differs from the stored article: report or apply."""
        stored = self.store.article(article_id)
        changes = {
            name: (stored[name], record.data[name])
            for name in ARTICLE_FIELDS
            if record.data.get(name) is not None and record.data[name] != stored[name]
        }
        if not changes:
            self.report.unchanged += 1
            return
        described = ", ".join(f"{k} {old!r} -> {new!r}" for k, (old, new) in changes.items())
        if self.update:
            self.store.import_update_article(article_id, changes, where=record.where())
            self.report.updated += 1
            self.report.changes.append(f"article {article_id}: {described}")
        else:
            self.report.differ += 1
            self.report.changes.append(f"article {article_id} differs: {described}")

    def read_article(self, record: Record) -> ArticleInput:
        entry = record.data
        metadata = {k: entry.get(k) for k in ARTICLE_FIELDS}
        try:
            if "path" in entry:
                return read_path(self.local_file(record, "path"), **metadata)
            if "text" in entry:
                suffix = {"html": ".html", "markdown": ".md", "text": ".txt"}.get(
                    entry.get("format", ""), ""
                )
                return read_bytes(
                    entry["text"].encode("utf-8"),
                    name=record.where("text"),
                    suffix=suffix,
                    **metadata,
                )
            return read_input(entry["url"], **metadata)
        except IngestError as error:
            raise record.error(None, str(error)) from None

    def local_file(self, record: Record, name: str) -> Path:
        """A file the manifest names, relative to its folder; after following symlinks it must
        still lie inside that folder (or a root allowed on the command line), so a manifest
        from elsewhere cannot read /etc/passwd or ../../secrets into the archive."""
        given = self.path.parent / record.data[name]
        file = given.resolve()
        if not any(file.is_relative_to(root) for root in self.roots):
            raise record.error(
                name,
                f"{record.data[name]} is outside the manifest's folder {self.roots[0]}"
                " (pass --allow-root DIR to allow another folder)",
            )
        if not file.is_file():
            raise record.error(name, f"no such file: {given}")
        return file

    def match_claim(self, record: Record, article: _Article) -> int:
        """The extracted claim whose sentence contains `match`; then apply the entry's fields."""
        needle = record.data["match"]
        rows = self.store.claims_containing(article.id, needle)
        if len(rows) != 1:
            found = (
                "no claim"
                if not rows
                else f"{len(rows)} claims ({', '.join(str(r[0]) for r in rows)})"
            )
            raise record.error(
                "match", f"{found} of article {article.id} contains {needle!r}; quote more of it"
            )
        self.compare(record, rows[0][0], article.id)
        return rows[0][0]

    def manifest_source(self, record: Record, claim_ids: list[int]) -> None:
        entry = record.data
        target = entry.get("url")
        if target is None:
            target = str(self.local_file(record, "path"))
        source_id = None
        for claim_id in claim_ids:
            source_id = self.link(claim_id, target, entry.get("kind"), entry.get("label"))
        if source_id is None:
            source_id = self.store.ensure_source(
                target, kind=entry.get("kind") or "cited", label=entry.get("label")
            )
        if "snapshot" in entry:
            self.archive_snapshot(record, source_id, target)

    def archive_snapshot(self, record: Record, source_id: int, url: str) -> None:
        from claimcheck import archive

        snapshot = self.local_file(record, "snapshot")
        digest = hashlib.sha256(snapshot.read_bytes()).hexdigest()
        if self.store.has_snapshot(source_id, digest):
            return
        _, flagged = archive.archive_local_version(
            self.store, source_id, snapshot, url=url if is_url(url) else None
        )
        self.report.snapshots_added += 1
        for claim_id in flagged:
            self.report.changes.append(f"claim {claim_id}: source changed since verified ({url})")


def _yaml_record(root: Spot, path: list[Any], data: dict[str, Any], name: str) -> Record:
    spot = spot_at(root, path)
    return Record(data, name, spot.line, spot.column, columns=spot.keys)


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe(report: ImportReport) -> str:
    """The one-line summary the CLI prints for a file."""
    if report.failed:
        return f"{report.file}: failed, nothing imported"
    verb = "would add" if report.dry_run else "added"
    counts = report.counts()
    if not report.changed and not report.differ:
        return f"{report.file}: unchanged, nothing to do ({report.unchanged} already in)"
    parts = [
        f"{verb} {counts['articles']} articles, {counts['claims']} claims,"
        f" {counts['sources']} sources, {counts['links']} links from claims to sources,"
        f" {counts['snapshots']} snapshots",
        f"{report.unchanged} unchanged",
        f"{report.updated} {'would be ' if report.dry_run else ''}updated",
    ]
    if report.differ:
        parts.append(f"{report.differ} differ (pass --update to apply)")
    return f"{report.file}: " + "; ".join(parts)


def json_summary(reports: list[ImportReport]) -> str:
    return json.dumps(
        [
            {
                "file": r.file,
                "failed": r.failed,
                "dry_run": r.dry_run,
                **r.counts(),
                "errors": r.errors,
            }
            for r in reports
        ]
    )


def _placed(surface: str, sentence: str, start: int) -> dict[str, int | None]:
    """Where a date's words sit in the article, found in its sentence (like a quantity's)."""
    found = sentence.find(surface)
    if found < 0:
        return {"start": None, "end": None}
    return {"start": start + found, "end": start + found + len(surface)}
