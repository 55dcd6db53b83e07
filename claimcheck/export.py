"""Claim-status exports: CSV, JSON, JSONL, a Markdown report, and ClaimReview JSON-LD.

Everything streams from one SQLite cursor, so memory stays flat however many claims there are.
JSONL lines are built by SQLite's json_object() (in C, key order fixed), which is both the fast
path and the reason an export re-imported into an empty database exports byte for byte the same.
CSV and JSONL carry exactly the fields the importer reads (import_formats.CLAIM_FIELDS; of those,
the adjudication columns are for readers: the importer accepts them and leaves them).
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, TextIO
from urllib.parse import quote

from claimcheck.claimreview import RATINGS, Organisation, claim_review, lint_review, lint_scale
from claimcheck.import_formats import CLAIM_FIELDS
from claimcheck.memory.matches import citations, shown_match
from claimcheck.store import Store
from claimcheck.store.exports import EXPORT_COLUMNS

FORMATS = ("csv", "json", "jsonl", "markdown", "claimreview")
# Passages the Markdown report quotes for a claim, besides those a reviewer took a stance on.
EVIDENCE_QUOTED = 3
MAX_WARNINGS = 50

assert tuple(EXPORT_COLUMNS) == CLAIM_FIELDS


@dataclass(frozen=True)
class ExportFilter:
    """Which claims to export; `since` means reviewed claims changed (verdict, note or text) on
    or after that date."""

    status: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    article_id: int | None = None
    reviewer: str | None = None
    since: str | None = None
    repeats: bool = True

    def filters(self) -> dict[str, Any]:
        """Keyword arguments for the store's claim filter."""
        return {
            "status": list(self.status),
            "kind": list(self.kind),
            "article_id": self.article_id,
            "reviewer": self.reviewer,
            "reviewed_since": self.since,
            "include_repeats": self.repeats,
        }


@dataclass
class ExportResult:
    """How many claims went out, and what to warn about: the first MAX_WARNINGS warnings and a
    count of the rest, so a million claims each missing a URL do not pile up in memory."""

    count: int = 0
    warnings: list[str] = field(default_factory=list)
    more_warnings: int = 0

    def warn(self, warning: str) -> None:
        if len(self.warnings) < MAX_WARNINGS:
            self.warnings.append(warning)
        else:
            self.more_warnings += 1


def export(
    store: Store,
    fmt: str,
    out: TextIO,
    filters: ExportFilter | None = None,
    *,
    organisation: Organisation | None = None,
) -> ExportResult:
    """Write the claims matching `filters` to `out` in format `fmt`."""
    filters = filters or ExportFilter()
    writer = {
        "csv": _write_csv,
        "json": _write_json,
        "jsonl": _write_jsonl,
        "markdown": _write_markdown,
    }.get(fmt)
    if fmt == "claimreview":
        if organisation is None:
            raise ValueError("a ClaimReview export needs the reviewing organisation")
        return _write_claimreview(store, out, filters, organisation)
    if writer is None:
        raise ValueError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    return writer(store, out, filters)


def json_lines(store: Store, filters: ExportFilter | None = None) -> Iterator[str]:
    """One JSON object per claim (no newline), in id order."""
    return store.export_json_lines(**(filters or ExportFilter()).filters())


def _write_jsonl(store: Store, out: TextIO, filters: ExportFilter) -> ExportResult:
    result = ExportResult()
    write = out.write
    for line in json_lines(store, filters):
        write(line)
        write("\n")
        result.count += 1
    return result


def _write_json(store: Store, out: TextIO, filters: ExportFilter) -> ExportResult:
    result = ExportResult()
    out.write("[")
    for line in json_lines(store, filters):
        out.write(",\n" if result.count else "\n")
        out.write(line)
        result.count += 1
    out.write("\n]\n" if result.count else "]\n")
    return result


def _write_csv(store: Store, out: TextIO, filters: ExportFilter) -> ExportResult:
    result = ExportResult()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CLAIM_FIELDS)
    cursor = store.export_rows(CLAIM_FIELDS, **filters.filters())
    while rows := cursor.fetchmany(1000):
        writer.writerows(rows)
        result.count += len(rows)
    return result


_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|!~])")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def md(text: str | None) -> str:
    """Untrusted text as inert Markdown: on one line, control characters (terminal escapes)
    dropped, Markdown's special characters escaped."""
    flat = " ".join(_CONTROL.sub(" ", text or "").split())
    return _MD_SPECIAL.sub(r"\\\1", flat)


def md_url(url: str) -> str:
    """A URL that cannot break out of Markdown's <...> link syntax."""
    return quote(url, safe=":/?#[]@!$&'()*+,;=%~-._")


def _write_markdown(store: Store, out: TextIO, filters: ExportFilter) -> ExportResult:
    result = ExportResult()
    filters = ExportFilter(**{**filters.__dict__, "repeats": False})
    current = None
    for claim_id, article_id in store.export_rows(
        ("id", "article_id"), order="position", **filters.filters()
    ):
        if article_id != current:
            current = article_id
            _article_header(store, out, article_id, filters)
            number = 0
        number += 1
        _claim_section(store, out, claim_id, number)
        result.count += 1
    if not result.count:
        out.write("No claims match.\n")
    return result


def _article_header(store: Store, out: TextIO, article_id: int, filters: ExportFilter) -> None:
    article = store.article(article_id)
    out.write(f"# {md(article['title']) or f'Article {article_id}'}\n\n")
    facts = [
        f"<{md_url(article['url'])}>" if article["url"] else "",
        md(article["outlet"]),
        f"published {md(article['published'])}" if article["published"] else "",
    ]
    if any(facts):
        out.write(" · ".join(f for f in facts if f) + "\n\n")
    by_article = ExportFilter(**{**filters.__dict__, "article_id": article_id})
    counts = store.status_counts(**by_article.filters())
    out.write("| verdict | claims |\n|---|---:|\n")
    for status, count in counts:
        out.write(f"| {status} | {count} |\n")
    out.write("\n")


def _claim_section(store: Store, out: TextIO, claim_id: int, number: int) -> None:
    claim = store.claim(claim_id)
    out.write(f"## {number}. {md(claim.text)}\n\n")
    out.write(f"**Verdict: {claim.status}**")
    if claim.reviewer:
        out.write(f" — {md(claim.reviewer)}, {claim.updated_at[:10]}")
    out.write(f" (claim {claim.id}, {claim.kind})\n\n")
    if claim.sentence and claim.sentence != claim.text:
        out.write(f"> {md(claim.sentence)}\n\n")
    if claim.speaker:
        out.write(f"- Speaker: {md(claim.speaker)}\n")
    if claim.note:
        out.write(f"- Note: {md(claim.note)}\n")
    evidence = _quoted_evidence(store.evidence(claim_id))
    sources = store.claim_sources(claim_id)
    if earlier := shown_match(store, claim.id):
        out.write(f"- {md(earlier.line())} (match {earlier.score:.2f}")
        out.write(f", {earlier.decision})" if earlier.decision else ")")
        out.write(f" <{md_url(earlier.url)}>\n" if earlier.url else "\n")
    if claim.speaker or claim.note or earlier:
        out.write("\n")
    if evidence:
        out.write("Evidence:\n\n")
        for row in evidence:
            out.write(f"> {md(row['passage'])}\n>\n> — {md(row['source_url'])}")
            out.write(f", archived {row['fetched_at'][:10]} (score {row['score']:.2f})")
            if row["stance"]:
                out.write(f"; reviewer's stance: **{row['stance']}**")
                if row["stance_note"]:
                    out.write(f" — {md(row['stance_note'])}")
            out.write("\n\n")
    if sources:
        out.write("Sources:\n\n")
        for source in sources:
            out.write(f"- {_source_line(store, source)}\n")
        out.write("\n")


def _quoted_evidence(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The passages a reviewer found to bear on the claim (what a verdict rests on), then the
    best-ranked others, EVIDENCE_QUOTED at most unless more carry a stance."""
    bearing = [row for row in rows if row["stance"] and row["stance"] != "irrelevant"]
    others = [row for row in rows if not row["stance"]]
    return bearing + others[: max(0, EVIDENCE_QUOTED - len(bearing))]


def _source_line(store: Store, source: dict[str, Any]) -> str:
    label = md(source["link_label"] or source["label"] or source["url"] or "unnamed source")
    line = f"[{label}](<{md_url(source['url'])}>)" if source["url"] else label
    if snapshot := store.latest_archived(source["id"]):
        line += (
            f" — archived {snapshot['fetched_at'][:10]} (snapshot {snapshot['id']},"
            f" sha256 {(snapshot['sha256'] or '')[:12]})"
        )
    else:
        line += " — not archived yet"
    return line


def _write_claimreview(
    store: Store, out: TextIO, filters: ExportFilter, organisation: Organisation
) -> ExportResult:
    result = ExportResult(warnings=lint_scale())
    reviewed = tuple(s for s in (filters.status or tuple(RATINGS)) if s in RATINGS)
    filters = ExportFilter(**{**filters.__dict__, "status": reviewed or ("-",), "repeats": False})
    fields = (
        "id",
        "text",
        "status",
        "note",
        "speaker",
        "updated_at",
        "article_url",
        "article_title",
        "article_outlet",
        "article_published",
    )
    out.write("[")
    for row in store.export_rows(fields, **filters.filters()):
        claim = dict(zip(fields, row, strict=True))
        document = claim_review(claim, organisation)
        if cited := citations(store, claim["id"]):
            document["citation"] = cited
        for warning in lint_review(document):
            result.warn(f"claim {claim['id']}: {warning}")
        out.write(",\n" if result.count else "\n")
        out.write(json.dumps(document, ensure_ascii=False, indent=2))
        result.count += 1
    out.write("\n]\n" if result.count else "]\n")
    if result.more_warnings:
        result.warnings.append(f"... and {result.more_warnings} more warnings")
    return result
