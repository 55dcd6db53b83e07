"""Extraction as a pure, streaming step: articles in, claim records out, no database.

An article is a file (.txt, .md, .html, .pdf) or a JSON Lines record {"url", "title", "text",
"outlet", "published", "format"}; each claim found comes out as one record in the format
`claimcheck import` reads (import_formats.CLAIM_FIELDS). Nothing here touches a database, so an
engine such as Dask can run it over partitions of an archive on many machines, and the desk
imports what comes back (claimcheck.dask_extract is the recipe).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimcheck.extract.claims import extract_claims
from claimcheck.ingest import MAX_ARTICLE_BYTES, IngestError, read_bytes, read_path
from claimcheck.models import ArticleInput, ExtractedClaim

RECORD_FIELDS = frozenset({"url", "title", "text", "outlet", "published", "format"})
SUFFIXES = {"text": ".txt", "markdown": ".md", "html": ".html"}
RECORD_SUFFIXES = (".jsonl", ".ndjson")


@dataclass(frozen=True)
class Extracted:
    """One article's claim records, or the one-line error that stopped it."""

    name: str
    claims: list[dict[str, Any]]
    error: str | None = None


def article_from_record(
    line: str, where: str, *, max_bytes: int = MAX_ARTICLE_BYTES, published: str | None = None
) -> ArticleInput | None:
    """An archive record (one JSON Lines line) as an article; None for a blank line. Its text is
    read exactly as `claimcheck add` reads a file of that format, so both find the same claims."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise IngestError(f"{where}: not JSON ({error.msg} at column {error.colno})") from None
    if not isinstance(record, dict):
        raise IngestError(f"{where}: expected an object, got {type(record).__name__}")
    unknown = sorted(set(record) - RECORD_FIELDS)
    if unknown:
        raise IngestError(f"{where}: unknown field '{unknown[0]}' (known: url, title, text, ...)")
    for key in RECORD_FIELDS:
        if record.get(key) is not None and not isinstance(record[key], str):
            raise IngestError(f"{where}: '{key}' must be a string")
    text, url = record.get("text"), record.get("url")
    if not text or not text.strip():
        raise IngestError(f"{where}: no 'text'")
    if not url:
        raise IngestError(f"{where}: no 'url' (the import finds the article by it)")
    suffix = SUFFIXES.get(record.get("format") or "text")
    if suffix is None:
        raise IngestError(f"{where}: unknown format '{record['format']}' (text, markdown, html)")
    data = text.encode("utf-8")
    if len(data) > max_bytes:
        raise IngestError(f"{where}: too large ({len(data) / 1e6:.1f} MB)")
    return read_bytes(
        data,
        name=where,
        suffix=suffix,
        url=url,
        title=record.get("title"),
        outlet=record.get("outlet"),
        published=record.get("published") or published,
    )


def claim_records(
    article: ArticleInput, claims: list[ExtractedClaim], first_id: int = 1
) -> Iterator[dict[str, Any]]:
    """The claims of one article as import records; ids count from `first_id` (a repeat names
    the claim it repeats by that id)."""
    for index, claim in enumerate(claims):
        speaker = claim.attribution.speaker if claim.attribution else None
        yield {
            "id": first_id + index,
            "article_url": article.url,
            "article_title": article.title,
            "article_outlet": article.outlet,
            "article_published": article.published,
            "sentence": claim.sentence,
            "text": claim.sentence,
            "kind": claim.kind,
            "checkworthiness": round(claim.score, 4),
            "speaker": speaker,
            "quote": claim.quote,
            "repeat_of": None if claim.repeat_of is None else first_id + claim.repeat_of,
            "quantities": [
                {k: getattr(q, k) for k in ("surface", "value", "high", "unit", "qualifier", "of")}
                for q in claim.quantities
            ],
            "dates": [
                {"surface": d.surface, "resolved": d.resolved, "granularity": d.granularity}
                for d in claim.dates
            ],
        }


def extract_article(article: ArticleInput, first_id: int = 1) -> list[dict[str, Any]]:
    return list(claim_records(article, extract_claims(article.text, article.published), first_id))


def extract_lines(
    lines: Iterable[str],
    name: str,
    *,
    first_id: int = 1,
    published: str | None = None,
    max_bytes: int = MAX_ARTICLE_BYTES,
) -> Iterator[Extracted]:
    """Extract every record of a JSON Lines archive, one article at a time; claim ids run on
    from `first_id` across the whole stream. `published` stands in for a record without one."""
    for number, line in enumerate(lines, 1):
        where = f"{name}:{number}"
        try:
            article = article_from_record(line, where, max_bytes=max_bytes, published=published)
        except IngestError as error:
            yield Extracted(where, [], str(error))
            continue
        if article is None:
            continue
        claims = extract_article(article, first_id)
        first_id += len(claims)
        yield Extracted(where, claims)


def extract_inputs(
    items: Iterable[str], *, published: str | None = None, max_bytes: int = MAX_ARTICLE_BYTES
) -> Iterator[Extracted]:
    """Extract article files and JSON Lines archives ('-': an archive on stdin), in order, with
    claim ids unique across all of them."""
    first_id = 1
    options = {"published": published, "max_bytes": max_bytes}
    for item in items:
        if item == "-":
            results = extract_lines(sys.stdin, "<stdin>", first_id=first_id, **options)
        elif item.lower().endswith(RECORD_SUFFIXES):
            results = _archive_file(item, first_id, options)
        else:
            results = iter([_article_file(item, first_id, options)])
        for result in results:
            first_id += len(result.claims)
            yield result


def _archive_file(item: str, first_id: int, options: dict[str, Any]) -> Iterator[Extracted]:
    try:
        handle = open(item, encoding="utf-8")  # noqa: SIM115 (closed by the with below)
    except OSError as error:
        yield Extracted(item, [], f"{item}: cannot read ({error.strerror or error})")
        return
    with handle:
        yield from extract_lines(handle, item, first_id=first_id, **options)


def _article_file(item: str, first_id: int, options: dict[str, Any]) -> Extracted:
    """An article file, read as `add` reads it; its URL, when it names none, is the file's."""
    path = Path(item)
    try:
        article = read_path(path, max_bytes=options["max_bytes"], published=options["published"])
    except IngestError as error:
        return Extracted(item, [], str(error))
    if not article.url:
        article = replace(article, url=path.resolve().as_uri())
    return Extracted(item, extract_article(article, first_id))
