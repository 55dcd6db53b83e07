"""The readable text of an archived source, chosen by its content type.

A source can be a web page, a PDF report, a CSV of figures or a binary blob. Evidence ranking needs
plain text, and a reviewer needs to know when there is none: so HTML goes through the same
main-text extraction as articles, PDFs through pypdf, text-like types are decoded, and anything else
gets a "can't display" note instead of text. The raw bytes are archived either way.
"""

from __future__ import annotations

import mimetypes
from dataclasses import dataclass

from claimcheck.ingest import IngestError, decode, normalise, parse_html
from claimcheck.reading.pdf import PdfError, read_pdf

TEXT_TYPES = {
    "text/plain",
    "text/csv",
    "text/markdown",
    "text/tab-separated-values",
    "application/json",
    "application/ld+json",
    "application/csv",
}
HTML_TYPES = {"text/html", "application/xhtml+xml"}
PDF_TYPES = {"application/pdf"}


@dataclass(frozen=True)
class SourceText:
    """Extracted text (None when there is nothing to show) and a note saying why not."""

    text: str | None
    kind: str
    note: str | None = None


def media_type(content_type: str | None) -> str:
    """'text/html; charset=utf-8' -> 'text/html'."""
    return (content_type or "").split(";", 1)[0].strip().lower()


def guess_content_type(name: str, data: bytes) -> str:
    """A content type for a local file or an unlabelled response: by suffix, else by sniffing."""
    guessed, _ = mimetypes.guess_type(name)
    if guessed:
        return guessed
    return sniff(data) or "application/octet-stream"


def sniff(data: bytes) -> str | None:
    head = data[:1024].lstrip()
    if head.startswith(b"%PDF-"):
        return "application/pdf"
    lowered = head[:256].lower()
    if lowered.startswith((b"<!doctype html", b"<html")) or b"<body" in lowered:
        return "text/html"
    if b"\x00" in data[:8192]:
        return None
    try:
        data[:8192].decode("utf-8")
    except UnicodeDecodeError as error:
        if error.start < 8188:
            return None
    return "text/plain"


def extract_text(data: bytes, content_type: str | None, *, name: str = "") -> SourceText:
    """The text of a source's raw bytes; never raises for bad content, says so in the note."""
    kind = media_type(content_type)
    if not kind or kind == "application/octet-stream":
        kind = sniff(data) or kind or "application/octet-stream"
    if not data.strip():
        return SourceText(None, kind, "empty response")
    if kind in HTML_TYPES:
        return _html(data, content_type, name)
    if kind in PDF_TYPES:
        return _pdf(data)
    if kind in TEXT_TYPES or kind.startswith("text/") or kind.endswith(("+json", "+xml")):
        try:
            text, note = decode_leniently(data, name, content_type)
        except IngestError as error:
            return SourceText(None, kind, f"can't display: {error}")
        return SourceText(normalise(text), kind, note)
    return SourceText(None, kind, f"can't display {kind} ({len(data):,} bytes): archived as-is")


def decode_leniently(data: bytes, name: str, content_type: str | None) -> tuple[str, str | None]:
    """Text of a source whatever its charset claims: UTF-8, else the declared charset, else
    Windows-1252 (what undeclared web text usually is), saying so. Binary data is refused."""
    try:
        return decode(data, name, content_type), None
    except IngestError as error:
        if b"\x00" in data[:8192]:
            raise
        reason = str(error).split(":", 1)[-1].split(";", 1)[0].strip()
    return data.decode("cp1252", errors="replace"), f"decoded as Windows-1252 ({reason})"


def _html(data: bytes, content_type: str | None, name: str) -> SourceText:
    try:
        source, note = decode_leniently(data, name, content_type)
    except IngestError as error:
        return SourceText(None, "text/html", f"can't display: {error}")
    try:
        main_text = parse_html(source, name=name).text
    except IngestError:
        main_text = ""
    if main_text.strip():
        return SourceText(main_text, "text/html", note)
    text = _visible_text(source)
    if not text:
        return SourceText(None, "text/html", "can't display: no text in the HTML")
    fallback = "no main text found: showing all visible text"
    return SourceText(text, "text/html", f"{note}; {fallback}" if note else fallback)


def _visible_text(source: str) -> str:
    """Every visible line of a page that main-text extraction gave up on (tiny pages, tables)."""
    from lxml import etree
    from lxml import html as lxml_html

    try:
        parser = lxml_html.HTMLParser(encoding="utf-8")
        tree = lxml_html.fromstring(source.encode("utf-8"), parser=parser)
    except (etree.ParserError, ValueError):
        return ""
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    lines = (" ".join(line.split()) for line in tree.text_content().split("\n"))
    return "\n".join(line for line in lines if line)


def _pdf(data: bytes) -> SourceText:
    """A PDF source read as an article PDF is: paragraphs, without running heads and folios."""
    try:
        text, _title = read_pdf(data)
    except PdfError as error:
        return SourceText(None, "application/pdf", f"can't display: {error}")
    return SourceText(normalise(text), "application/pdf")
