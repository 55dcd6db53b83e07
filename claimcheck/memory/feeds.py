"""Reading published fact-checks: schema.org ClaimReview in the shapes they are found in.

- JSON-LD as on a fact-check page: one object, an `@graph`, or an HTML page whose
  `<script type="application/ld+json">` blocks hold them;
- a JSON array of any of these, or JSON Lines (one per line, as `claimcheck export --format
  claimreview` output piped through `jq -c '.[]'` or any feed dump writes);
- the aggregator data feed: {"dataFeedElement": [{"item": [ClaimReview, ...]}, ...]};
- Google Fact Check Tools' shape: {"claims": [{"text", "claimant", "claimReview": [...]}]}.

Real feeds vary: `author` may be a list or a string, the rating may be words only
(`alternateName`, `name`) or a number with its scale, dates come with or without a time. A
ClaimReview with no claim text is an error naming its file and line; objects of other types
(WebPage, Organization, BreadcrumbList) are passed over.
"""

from __future__ import annotations

import bisect
import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from json import decoder, scanner
from pathlib import Path
from typing import Any

from claimcheck.errors import InputError

JSON_LINES_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm"}
_LD_SCRIPT = re.compile(
    r"<script[^>]*type\s*=\s*[\"']application/ld\+json[\"'][^>]*>(.*?)</script>",
    re.IGNORECASE | re.DOTALL,
)
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


class FeedError(InputError):
    """One thing in a file that could not be read; the message starts with file:line."""


@dataclass(frozen=True)
class FactCheck:
    """One published review of one claim."""

    claim: str
    rating: str | None = None
    rating_value: float | None = None
    best_rating: float | None = None
    worst_rating: float | None = None
    checker: str | None = None
    checker_url: str | None = None
    url: str | None = None
    review_date: str | None = None
    claimant: str | None = None
    claim_date: str | None = None
    appearance: str | None = None
    language: str | None = None
    origin: str = ""

    @property
    def key(self) -> str:
        """What makes a review the same review again: its address (or, without one, its
        checker and date) and the claim's words; re-importing a feed adds nothing."""
        words = " ".join(re.findall(r"\w+", self.claim.lower()))
        where = self.url or f"{self.checker or ''}\x1f{self.review_date or ''}"
        return hashlib.blake2b(f"{where}\x1f{words}".encode(), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Located:
    """A JSON value and the line of the file it starts on."""

    value: Any
    line: int


class _LineDict(dict):
    """A JSON object that knows the line it starts on."""

    line = 0


def read_feed(path: Path) -> Iterator[FactCheck | FeedError]:
    """Every ClaimReview in a file, or the error for each part that cannot be read (a file
    that cannot be parsed at all yields one error and stops)."""
    name = str(path)
    suffix = path.suffix.lower()
    try:
        if suffix in JSON_LINES_SUFFIXES:  # streamed: memory stays flat however long the file
            documents = _json_lines(name, _lines(path))
        else:
            text = path.read_text(encoding="utf-8-sig")
            if suffix in HTML_SUFFIXES or _looks_html(text):
                documents = _html_blocks(name, text)
            elif suffix != ".json" and _looks_lines(text):
                documents = _json_lines(name, iter(text.splitlines()))
            else:
                documents = _json_document(name, text)
        for document in documents:
            if isinstance(document, FeedError):
                yield document
                continue
            for node in _claim_reviews(document.value, document.line):
                yield _fact_check(name, node)
    except UnicodeDecodeError:
        yield FeedError(f"{name}: not UTF-8 text")
    except OSError as error:
        yield FeedError(f"{name}: {error.strerror or error}")


def _lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8-sig") as handle:
        yield from handle


def _looks_html(text: str) -> bool:
    return text.lstrip()[:1] == "<"


def _looks_lines(text: str) -> bool:
    lines = [line for line in text.splitlines() if line.strip()]
    return len(lines) > 1 and all(line.lstrip()[:1] in "{[" for line in lines[:2])


def _json_lines(name: str, lines: Iterator[str]) -> Iterator[Located | FeedError]:
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            yield Located(json.loads(line), number)
        except json.JSONDecodeError as error:
            yield FeedError(f"{name}:{number}: not JSON ({error.msg}, column {error.colno})")


def _json_document(name: str, text: str, first_line: int = 1) -> Iterator[Located | FeedError]:
    try:
        yield Located(_loads_with_lines(text, first_line), first_line)
    except json.JSONDecodeError as error:
        line = first_line + error.lineno - 1
        yield FeedError(f"{name}:{line}: not JSON ({error.msg}, column {error.colno})")


def _html_blocks(name: str, text: str) -> Iterator[Located | FeedError]:
    for block in _LD_SCRIPT.finditer(text):
        first_line = text.count("\n", 0, block.start(1)) + 1
        yield from _json_document(name, block.group(1), first_line)


def _loads_with_lines(text: str, first_line: int = 1) -> Any:
    """json.loads, but every object remembers the line it starts on (for error messages)."""
    starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def parse_object(s_and_end: tuple[str, int], *args: Any, **kwargs: Any) -> tuple[Any, int]:
        value, end = decoder.JSONObject(s_and_end, *args, **kwargs)
        located = _LineDict(value)
        located.line = first_line + bisect.bisect_right(starts, s_and_end[1] - 1) - 1
        return located, end

    reader = json.JSONDecoder()
    reader.parse_object = parse_object  # type: ignore[assignment]
    reader.scan_once = scanner.py_make_scanner(reader)
    return reader.decode(text)


def _types(node: dict[str, Any]) -> set[str]:
    kinds = node.get("@type") or node.get("type") or []
    kinds = [kinds] if isinstance(kinds, str) else kinds
    return {str(k).rsplit("/", 1)[-1].rsplit(":", 1)[-1] for k in kinds if isinstance(k, str)}


def _claim_reviews(value: Any, line: int) -> Iterator[tuple[dict[str, Any], int]]:
    """The ClaimReview objects inside a JSON value, wherever the known shapes put them."""
    if isinstance(value, list):
        for item in value:
            yield from _claim_reviews(item, getattr(item, "line", line))
        return
    if not isinstance(value, dict):
        return
    line = getattr(value, "line", line)
    kinds = _types(value)
    if "ClaimReview" in kinds or (not kinds and "claimReviewed" in value):
        yield value, line
        return
    if "claimReview" in value and "text" in value:  # Google Fact Check Tools: a claim, its reviews
        for review in _as_list(value["claimReview"]):
            if isinstance(review, dict):
                yield _from_fact_check_tools(value, review), getattr(review, "line", line)
        return
    for key in ("@graph", "dataFeedElement", "item", "itemListElement", "claims", "review"):
        if key in value:
            yield from _claim_reviews(value[key], line)


def _from_fact_check_tools(claim: dict[str, Any], review: dict[str, Any]) -> dict[str, Any]:
    """Google Fact Check Tools' field names, as a ClaimReview."""
    publisher = review.get("publisher") or {}
    return {
        "claimReviewed": claim.get("text"),
        "url": review.get("url"),
        "datePublished": review.get("reviewDate"),
        "inLanguage": review.get("languageCode"),
        "author": {"name": publisher.get("name"), "url": publisher.get("site")},
        "reviewRating": {"alternateName": review.get("textualRating")},
        "itemReviewed": {"author": claim.get("claimant"), "datePublished": claim.get("claimDate")},
    }


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _text(value: Any) -> str | None:
    """A string field that may come as a string, a number, a language map or a list of them."""
    if isinstance(value, list):
        value = next((v for v in value if v), None)
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, int | float) and not isinstance(value, bool):
        value = str(value)
    if isinstance(value, str):
        return " ".join(value.split()) or None
    return None


def _name(value: Any) -> str | None:
    """The name of an author, publisher or claimant given as an object, a string or a list."""
    for item in _as_list(value):
        name = _text(item.get("name")) if isinstance(item, dict) else _text(item)
        if name:
            return name
    return None


def _url(value: Any) -> str | None:
    for item in _as_list(value):
        url = _text(item.get("url") or item.get("@id")) if isinstance(item, dict) else _text(item)
        if url:
            return url
    return None


def _number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip()) if value is not None else None
    except ValueError:
        return None


def iso_date(value: Any) -> str | None:
    """YYYY-MM-DD from "2021-03-04", "2021-03-04T10:00:00Z" and the like; None otherwise."""
    text = _text(value)
    match = _ISO_DATE.match(text or "")
    return "-".join(match.groups()) if match else None


def _fact_check(name: str, found: tuple[dict[str, Any], int]) -> FactCheck | FeedError:
    node, line = found
    item = node.get("itemReviewed")
    item = next((i for i in _as_list(item) if isinstance(i, dict)), {})
    claim = _text(node.get("claimReviewed")) or _text(item.get("text")) or _text(item.get("name"))
    if not claim:
        return FeedError(f"{name}:{line}: a ClaimReview with no claimReviewed (the claim's words)")
    rating = next((r for r in _as_list(node.get("reviewRating")) if isinstance(r, dict)), {})
    if not rating and isinstance(node.get("reviewRating"), str):
        rating = {"alternateName": node["reviewRating"]}
    author = node.get("author") or node.get("publisher")
    appearance = item.get("appearance") or item.get("firstAppearance")
    return FactCheck(
        claim=claim,
        rating=_text(rating.get("alternateName")) or _text(rating.get("name")),
        rating_value=_number(rating.get("ratingValue")),
        best_rating=_number(rating.get("bestRating")),
        worst_rating=_number(rating.get("worstRating")),
        checker=_name(author),
        checker_url=_url(author) if isinstance(author, dict | list) else None,
        url=_text(node.get("url")) or _text(node.get("@id")),
        review_date=iso_date(node.get("datePublished") or node.get("dateCreated")),
        claimant=_name(item.get("author")),
        claim_date=iso_date(item.get("datePublished") or item.get("dateCreated")),
        appearance=_url(appearance),
        language=_text(node.get("inLanguage")),
        origin=f"{name}:{line}",
    )
