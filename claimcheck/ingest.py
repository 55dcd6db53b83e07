"""Files, bytes and web pages in, `ArticleInput` out: decoding, format detection, main text.

HTML goes through trafilatura (main-text extraction that drops navigation, scripts and
boilerplate); picture captions are turned into paragraphs first, because trafilatura drops
<figcaption> and captions carry claims. Each paragraph keeps its hyperlinks as offsets, so that a
link inside a claim's sentence can become that claim's cited source.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from claimcheck.models import ArticleInput, Link

MAX_ARTICLE_BYTES = 10 * 1024 * 1024
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
TEXT_SUFFIXES = {".txt", ".text", ""}
SUPPORTED_SUFFIXES = HTML_SUFFIXES | MARKDOWN_SUFFIXES | TEXT_SUFFIXES
BLOCK_TAGS = {"p", "head", "item", "quote", "cell", "row", "list", "table"}


class IngestError(Exception):
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
) -> ArticleInput:
    """Decode and parse an article from raw bytes; `name` is used in messages and as origin."""
    if not data.strip():
        raise IngestError(f"{name}: empty file")
    text = decode(data, name, content_type)
    kind = detect_format(text, suffix, content_type)
    if kind == "html":
        article = parse_html(text, name=name, base_url=url)
    elif kind == "markdown":
        article = parse_markdown(text)
    else:
        article = ArticleInput(text=normalise(text))
    if not article.text.strip():
        raise IngestError(f"{name}: no article text found")
    return ArticleInput(
        text=article.text,
        title=title or article.title or first_line(article.text),
        url=url or article.url,
        outlet=outlet or article.outlet,
        published=published or article.published,
        origin=name,
        format=kind,
        links=article.links,
    )


def decode(data: bytes, name: str, content_type: str | None = None) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, a declared charset, else a clear refusal."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        text = _utf16_without_bom(data)
        if text is None:
            raise IngestError(f"{name}: binary file, not an article")
        return text
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
    """UTF-16 text saved without a byte-order mark, told by where its NULs fall (every other byte
    of Latin-script text), or None for anything that is not text in UTF-16."""
    head = data[:8192]
    even, odd = head[0::2].count(0), head[1::2].count(0)
    if len(data) % 2 or max(even, odd) < len(head) // 4 or min(even, odd) > len(head) // 64:
        return None
    try:
        text = data.decode("utf-16-le" if odd > even else "utf-16-be")
    except UnicodeDecodeError:
        return None
    controls = (c for c in text[:4096] if not c.isprintable() and c not in "\n\r\t\f")
    return None if any(controls) else text


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
    """Main text of an HTML page, with captions kept and hyperlinks as offsets."""
    import trafilatura

    try:
        tree = lxml_html.fromstring(
            source.encode("utf-8"), parser=lxml_html.HTMLParser(encoding="utf-8")
        )
    except (etree.ParserError, ValueError):
        raise IngestError(f"{name}: not parseable as HTML") from None
    for caption in list(tree.iter("figcaption")):
        figure = caption.getparent()
        caption.tag = "p"
        if figure is not None and figure.tag == "figure":
            figure.addnext(caption)
    metadata = trafilatura.extract_metadata(tree)
    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_links=True,
        include_images=False,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
    )
    if not xml:
        raise IngestError(f"{name}: no article text found in the HTML")
    text, links = _flatten(etree.fromstring(xml.encode("utf-8")), base_url)
    return ArticleInput(
        text=text,
        title=getattr(metadata, "title", None),
        url=base_url or getattr(metadata, "url", None),
        outlet=getattr(metadata, "sitename", None),
        published=getattr(metadata, "date", None),
        format="html",
        links=tuple(links),
    )


def _flatten(doc: etree._Element, base_url: str | None) -> tuple[str, list[Link]]:
    """Paragraph texts joined by newlines, and each <ref>'s offsets in that text."""
    parts: list[str] = []
    links: list[Link] = []
    main = doc.find("main")
    blocks = [
        el
        for el in (main if main is not None else doc).iter()
        if el.tag in ("p", "head", "item", "cell")
    ]
    length = 0
    for block in blocks:
        if any(ancestor.tag in ("p", "head", "item", "cell") for ancestor in block.iterancestors()):
            continue
        pieces: list[str] = []
        block_links: list[tuple[int, int, str, str]] = []
        _walk(block, pieces, block_links)
        raw = "".join(pieces)
        stripped = " ".join(raw.split())
        if not stripped:
            continue
        mapping = _whitespace_map(raw)
        if parts:
            length += 1
        for start, end, target, anchor in block_links:
            url = _absolute(target, base_url)
            link_start, link_end = mapping[start], min(mapping[end], len(stripped))
            while link_start < link_end and stripped[link_start] == " ":
                link_start += 1
            while link_end > link_start and stripped[link_end - 1] == " ":
                link_end -= 1
            if url and link_end > link_start:
                links.append(
                    Link(length + link_start, length + link_end, url, " ".join(anchor.split()))
                )
        parts.append(stripped)
        length += len(stripped)
    return "\n".join(parts), links


def _walk(
    element: etree._Element,
    pieces: list[str],
    links: list[tuple[int, int, str, str]],
    length: int = 0,
) -> int:
    """Append the element's text to pieces and its links' offsets to links; returns the text's
    length so far (kept as it grows, so a paragraph of many links stays linear)."""
    if element.text:
        pieces.append(element.text)
        length += len(element.text)
    for child in element:
        if child.tag == "lb":
            pieces.append(" ")
            length += 1
        start, first = length, len(pieces)
        length = _walk(child, pieces, links, length)
        if child.tag == "ref" and child.get("target"):
            links.append((start, length, child.get("target"), "".join(pieces[first:])))
        if child.tail:
            pieces.append(child.tail)
            length += len(child.tail)
    return length


def _whitespace_map(raw: str) -> list[int]:
    """For each offset in raw, the offset in " ".join(raw.split())."""
    mapping = []
    position = 0
    pending_space = False
    for char in raw:
        if char.isspace():
            pending_space = position > 0
            mapping.append(position)
            continue
        if pending_space:
            position += 1
            pending_space = False
        mapping.append(position)
        position += 1
    mapping.append(position)
    return mapping


def _absolute(target: str, base_url: str | None) -> str | None:
    url = urljoin(base_url, target) if base_url else target
    return url if urlsplit(url).scheme in ("http", "https") else None


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
