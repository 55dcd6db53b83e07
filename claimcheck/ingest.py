"""Files, bytes and web pages in, `ArticleInput` out: decoding, format detection, language.

HTML pages are read by claimcheck.reading.page (main text, captions, metadata, furniture out),
PDFs by claimcheck.reading.pdf; every article's language is checked, because the extractor reads
English only (claimcheck.reading.language).
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import urlsplit

from claimcheck.config import MAX_ARTICLE_BYTES
from claimcheck.errors import InputError
from claimcheck.models import ArticleInput, Link

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", ""}
PDF_SUFFIXES = {".pdf"}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES | PDF_SUFFIXES


class IngestError(InputError):
    """An input that cannot become an article; the message is one line, for the user."""


def read_path(
    path: Path, max_bytes: int = MAX_ARTICLE_BYTES, **metadata: str | None
) -> ArticleInput:
    """Read one article file (.txt, .md, .html)."""
    try:
        size = path.stat().st_size
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror or error})") from None
    if path.is_dir():
        raise IngestError(f"{path}: is a directory")
    if size > max_bytes:
        raise IngestError(
            f"{path}: too large ({size / 1e6:.1f} MB; the limit is {max_bytes / 1e6:.0f} MB,"
            " raise it with --max-size)"
        )
    try:
        data = path.read_bytes()
    except OSError as error:
        raise IngestError(f"{path}: cannot read ({error.strerror or error})") from None
    return read_bytes(data, name=str(path), suffix=path.suffix.lower(), **metadata)


def read_bytes(
    data: bytes,
    *,
    name: str,
    suffix: str = "",
    content_type: str | None = None,
    url: str | None = None,
    title: str | None = None,
    outlet: str | None = None,
    published: str | None = None,
    language: str | None = None,
    base_url: str | None = None,
) -> ArticleInput:
    """Decode and parse an article from raw bytes; `name` is used in messages and as origin.

    `url` is the user's word for the article's URL; `base_url` where it was fetched from (links
    resolve against it; the page's canonical URL, when it declares one, is stored instead).
    `language="en"` reads a page the language check takes for another language as English."""
    from claimcheck.reading.language import refusal

    if not data.strip():
        raise IngestError(f"{name}: empty file")
    article = _parse(data, name, suffix, content_type, url or base_url)
    if not article.text.strip():
        raise IngestError(f"{name}: no article text found")
    reason = refusal(article.text, language)
    if reason:
        raise IngestError(f"{name}: {reason}")
    return ArticleInput(
        text=article.text,
        title=title or article.title or first_line(article.text),
        url=url or article.url or base_url,
        outlet=outlet or article.outlet,
        published=published or article.published,
        origin=name,
        format=article.format,
        links=article.links,
    )


def _parse(
    data: bytes, name: str, suffix: str, content_type: str | None, url: str | None
) -> ArticleInput:
    if is_pdf(data, suffix, content_type):
        return _read_pdf(data, name)
    text = decode(data, name, content_type)
    kind = detect_format(text, suffix, content_type)
    if kind == "html":
        return parse_html(text, name=name, base_url=url)
    if kind == "markdown":
        return parse_markdown(text)
    return ArticleInput(text=normalise(text), format="text")


def is_pdf(data: bytes, suffix: str = "", content_type: str | None = None) -> bool:
    """A PDF by its magic number (an ASCII-only PDF would otherwise decode as text)."""
    return data[:1024].lstrip().startswith(b"%PDF-") or (
        suffix == ".pdf" or "application/pdf" in (content_type or "")
    )


def _read_pdf(data: bytes, name: str) -> ArticleInput:
    from claimcheck.reading.pdf import PdfError, read_pdf

    try:
        text, title = read_pdf(data)
    except PdfError as error:
        raise IngestError(f"{name}: {error}") from None
    return ArticleInput(text=normalise(text), title=title, format="pdf")


def decode(data: bytes, name: str, content_type: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 (with a BOM, or without one when every other byte
    is zero), a declared charset, else a clear refusal."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        utf16 = _utf16_without_bom(data)
        if utf16 is not None:
            return utf16
        raise IngestError(f"{name}: binary file, not an article")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        utf8_error = error
    declared = _declared_charset(data, content_type)
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    raise IngestError(
        f"{name}: not valid UTF-8 (byte {utf8_error.start}) and no usable charset declared;"
        " convert it with e.g. `iconv -f cp1252 -t utf-8`"
    )


def _utf16_without_bom(data: bytes) -> str | None:
    """Text saved as UTF-16 with no BOM: zeros in all the high bytes of a Latin text."""
    head = data[:8192] if len(data) % 2 == 0 else data[:8191]
    even, odd = head[0::2], head[1::2]
    for zeros, codec in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if zeros.count(0) >= 0.9 * len(zeros) and len(data) % 2 == 0:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if "\x00" not in text else None
    return None


def _declared_charset(data: bytes, content_type: str | None) -> str | None:
    for source in (content_type or "", data[:4096].decode("ascii", "ignore")):
        match = re.search(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", source, re.IGNORECASE)
        if match:
            return match.group(1)
    return None


def detect_format(text: str, suffix: str = "", content_type: str | None = None) -> str:
    if suffix in HTML_SUFFIXES or (content_type and "html" in content_type):
        return "html"
    if suffix in MARKDOWN_SUFFIXES or (content_type and "markdown" in content_type):
        return "markdown"
    head = text[:1024].lstrip().lower()
    if head.startswith(("<!doctype html", "<html")) or re.search(r"<(?:body|article|p)\b", head):
        return "html"
    return "text"


def normalise(text: str) -> str:
    """One newline convention, no non-breaking spaces, trailing blanks trimmed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n")
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def first_line(text: str, limit: int = 100) -> str:
    line = text.strip().split("\n", 1)[0].strip()
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


# ---- HTML -------------------------------------------------------------------------------------


def parse_html(source: str, name: str = "", base_url: str | None = None) -> ArticleInput:
    """Main text of an HTML page as a reader reads it: see claimcheck.reading.page."""
    from claimcheck.reading.page import read_html

    return read_html(source, name=name, base_url=base_url)


# ---- Markdown ---------------------------------------------------------------------------------

MD_LINK = re.compile(r"(?<!!)\[(?P<text>[^\]\n]+)\]\((?P<url>[^)\s]+)(?:\s+\"[^\"]*\")?\)")
MD_IMAGE = re.compile(r"!\[(?P<alt>[^\]\n]*)\]\([^)]*\)")
MD_PREFIX = re.compile(r"^(?:\s{0,3}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+))+")
MD_EMPHASIS = re.compile(r"(\*\*|__|\*|_|`)(?=\S)(.+?)(?<=\S)\1")


def parse_markdown(source: str) -> ArticleInput:
    """Markdown to plain paragraphs; [text](url) links kept as offsets, image alt as captions."""
    lines: list[str] = []
    links: list[Link] = []
    title = None
    length = 0
    for raw_line in normalise(source).split("\n"):
        if re.match(r"^\s*(?:[-*_]\s*){3,}$", raw_line) or raw_line.strip().startswith("```"):
            continue
        if title is None and raw_line.startswith("# "):
            title = raw_line[2:].strip()
        line = MD_PREFIX.sub("", raw_line)
        line = MD_IMAGE.sub(lambda m: m.group("alt"), line)
        line = MD_EMPHASIS.sub(r"\2", line)
        pieces: list[str] = []
        cursor = start = 0
        line_links = []
        for match in MD_LINK.finditer(line):
            pieces.append(line[cursor : match.start()])
            start += match.start() - cursor
            pieces.append(match.group("text"))
            line_links.append(
                (start, start + len(match.group("text")), match.group("url"), match.group("text"))
            )
            start += len(match.group("text"))
            cursor = match.end()
        pieces.append(line[cursor:])
        text = "".join(pieces).strip()
        if not text:
            continue
        offset = length + (1 if lines else 0)
        lead = len("".join(pieces)) - len("".join(pieces).lstrip())
        for start, end, url, anchor in line_links:
            if urlsplit(url).scheme in ("http", "https"):
                links.append(Link(offset + start - lead, offset + end - lead, url, anchor))
        lines.append(text)
        length = offset + len(text)
    return ArticleInput(text="\n".join(lines), title=title, format="markdown", links=tuple(links))
