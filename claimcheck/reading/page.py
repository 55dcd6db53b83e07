"""An HTML page in, the article a careful reader would read out.

trafilatura finds the main text (it is good at it, and tuned for precision here); around it this
module adds what claim checking needs: the page's own declarations (JSON-LD articleBody,
OpenGraph, canonical URL), captions and standfirst kept and labelled, furniture out (see
furniture.py), repeated blocks and the headline's copy out, and shells refused (walls.py).
Each paragraph keeps its hyperlinks as offsets, so that a link inside a claim's sentence can
become that claim's cited source.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from lxml import etree
from lxml import html as lxml_html

from claimcheck.ingest import IngestError
from claimcheck.models import ArticleInput, Link
from claimcheck.reading import furniture, walls
from claimcheck.reading.metadata import Metadata, read_metadata

STANDFIRST_NAMES = re.compile(
    r"standfirst|(?:^|[\s_-])dek(?:$|[\s_-])|sub-?head(?:line)?|article-?(?:summary|intro|lead)"
    r"|(?:^|[\s_-])(?:lede|intro|summary)(?:$|[\s_-])",
    re.I,
)
WORD = re.compile(r"\w+")
SHORT = 150  # words: a main text shorter than this is checked against a second extraction
PARSER = lxml_html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
BLOCK_TAGS = ("p", "head", "item", "cell", "quote")


@dataclass(frozen=True)
class Block:
    """One paragraph: its text, its role (body, heading, caption, standfirst) and its links
    as (start, end, url, anchor) within the text."""

    text: str
    role: str = "body"
    links: tuple[tuple[int, int, str, str], ...] = ()
    link_chars: int = 0


@dataclass(frozen=True)
class Page:
    blocks: tuple[Block, ...]
    metadata: Metadata = field(default_factory=Metadata)

    @property
    def text(self) -> str:
        """The stored text: every block, one paragraph a line."""
        return "\n".join(block.text for block in self.blocks)

    @property
    def body_text(self) -> str:
        """The story's body alone (no captions, no standfirst): what extraction benchmarks score."""
        return "\n".join(b.text for b in self.blocks if b.role in ("body", "heading"))


def read_html(source: str, name: str = "", base_url: str | None = None) -> ArticleInput:
    """The article of an HTML page; IngestError (one line) when there is none to read."""
    page = read_page(source, name=name, base_url=base_url)
    parts: list[str] = []
    links: list[Link] = []
    length = 0
    for block in page.blocks:
        if parts:
            length += 1
        links.extend(Link(length + s, length + e, url, a) for s, e, url, a in block.links)
        parts.append(block.text)
        length += len(block.text)
    meta = page.metadata
    return ArticleInput(
        text="\n".join(parts),
        title=meta.title,
        url=meta.url or base_url,
        outlet=meta.outlet,
        published=meta.published,
        format="html",
        links=tuple(links),
    )


def read_page(source: str, name: str = "", base_url: str | None = None) -> Page:
    """The page's blocks and metadata; raises IngestError for shells, walls and empty pages."""
    import trafilatura

    tree = _parse(source, name)
    metadata = read_metadata(tree, address=name)
    if not (metadata.title and metadata.published):
        metadata = read_metadata(tree, trafilatura.extract_metadata(tree), address=name)
    captions = _captions_as_paragraphs(tree)
    standfirsts = _standfirsts(tree)
    furniture.prune(tree)
    blocks = _clean(_extract(tree, base_url, captions, precise=True), metadata.title)
    if _words(blocks) < SHORT:  # pruning or precision may have eaten the story: ask again
        fresh = _parse(source, name)
        _captions_as_paragraphs(fresh)
        again = _clean(_extract(fresh, base_url, captions, precise=False), metadata.title)
        if _words(again) >= 2 * _words(blocks):
            blocks = again
    blocks = _with_publisher_body(blocks, metadata.article_body)
    blocks = _with_standfirst(blocks, standfirsts)
    text = "\n".join(b.text for b in blocks)
    reason = walls.refusal(text or _visible(tree))
    if reason:
        raise IngestError(f"{name}: {reason}")
    if not text.strip():
        raise IngestError(f"{name}: no article text found in the HTML")
    return Page(tuple(blocks), metadata)


def _parse(source: str, name: str) -> etree._Element:
    try:  # comments out: left in, they break trafilatura's paragraphs on some pages
        return lxml_html.fromstring(source.encode("utf-8"), parser=PARSER)
    except (etree.ParserError, ValueError):
        raise IngestError(f"{name}: not parseable as HTML") from None


def _extract(
    tree: etree._Element, base_url: str | None, captions: set[str], *, precise: bool
) -> list[Block]:
    """trafilatura's main text as blocks: for precision first, its defaults as the fallback."""
    import trafilatura

    xml = trafilatura.extract(
        tree,
        output_format="xml",
        include_links=True,
        include_images=False,
        include_comments=False,
        include_tables=True,
        favor_precision=precise,
    )
    return _blocks(etree.fromstring(xml.encode("utf-8")), base_url, captions) if xml else []


def _words(blocks: list[Block]) -> int:
    return sum(len(b.text.split()) for b in blocks)


def _captions_as_paragraphs(tree: etree._Element) -> set[str]:
    """<figcaption>s become paragraphs after their figure (trafilatura drops captions, and
    captions carry claims); their texts are returned so the blocks can be labelled."""
    texts = set()
    for caption in list(tree.iter("figcaption")):
        figure = caption.getparent()
        caption.tag = "p"
        texts.add(" ".join(caption.text_content().split()))
        if figure is not None and figure.tag == "figure":
            figure.addnext(caption)
    return texts


def _standfirsts(tree: etree._Element) -> list[str]:
    """Texts of elements named as a standfirst/dek/intro: kept even when extraction drops them."""
    found = []
    for element in tree.iter("p", "div", "h2", "span"):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if names.strip() and STANDFIRST_NAMES.search(names):
            text = " ".join(element.text_content().split())
            if 40 <= len(text) <= 400 and text not in found:
                found.append(text)
    return found[:1]


def _blocks(doc: etree._Element, base_url: str | None, captions: set[str]) -> list[Block]:
    main = doc.find("main")
    blocks = []
    for element in (main if main is not None else doc).iter(*BLOCK_TAGS):
        if any(a.tag in BLOCK_TAGS for a in element.iterancestors()):
            continue
        pieces: list[str] = []
        raw_links: list[tuple[int, int, str, str]] = []
        _walk(element, pieces, raw_links)
        raw = "".join(pieces)
        text = " ".join(raw.split())
        if not text:
            continue
        mapping = _whitespace_map(raw)
        links = []
        link_chars = 0
        for start, end, target, anchor in raw_links:
            url = _absolute(target, base_url)
            s, e = mapping[start], min(mapping[end], len(text))
            while s < e and text[s] == " ":
                s += 1
            while e > s and text[e - 1] == " ":
                e -= 1
            link_chars += e - s
            if url and e > s:
                links.append((s, e, url, " ".join(anchor.split())))
        role = "caption" if text in captions else "heading" if element.tag == "head" else "body"
        blocks.append(Block(text, role, tuple(links), link_chars))
    return blocks


def _clean(blocks: list[Block], title: str | None) -> list[Block]:
    """Furniture lines, repeated blocks, related-link lists and the headline's copy out."""
    seen: set[str] = set()
    kept = []
    squeezed_title = _squeeze(title or "")
    for block in blocks:
        text = furniture.without_signature(block.text)
        if text != block.text:
            block = Block(text, block.role, tuple(ln for ln in block.links if ln[1] <= len(text)))
        key = _squeeze(block.text)
        if squeezed_title and key == squeezed_title:
            continue
        if block.role == "caption" or key.count(" ") >= 12:  # short lines may recur in a story
            if key in seen:
                continue
            seen.add(key)
        if furniture.is_furniture_line(block.text) or _is_link_list(block):
            continue
        kept.append(block)
    while kept and kept[-1].role == "heading":  # a heading with nothing under it: a box's title
        kept.pop()
    return kept


def _is_link_list(block: Block) -> bool:
    """A short paragraph that is all link text: an entry of a related-stories list."""
    words = len(block.text.split())
    return block.link_chars >= 0.8 * len(block.text) and words <= 25 and block.role != "caption"


def _squeeze(text: str) -> str:
    return " ".join(WORD.findall(text.lower()))


def _shingles(text: str, n: int = 4) -> set[str]:
    tokens = WORD.findall(text.lower())
    return {" ".join(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1))}


def _with_publisher_body(blocks: list[Block], body: str | None) -> list[Block]:
    """Use the publisher's JSON-LD articleBody: when it is complete, body paragraphs it does not
    contain are furniture; when extraction missed most of it, its paragraphs are the text."""
    if not body or len(body.split()) < 80:
        return blocks
    declared = _shingles(body)
    extracted = (
        set().union(*(_shingles(b.text) for b in blocks if b.role == "body")) if blocks else set()
    )
    if not extracted or len(extracted & declared) < 0.5 * len(declared):
        paragraphs = [" ".join(p.split()) for p in re.split(r"\n+", body) if p.strip()]
        return _clean([Block(p) for p in paragraphs], None) or blocks
    if len(extracted & declared) < 0.7 * len(extracted):
        return blocks  # a teaser or a different body: no judge of what is furniture
    kept = []
    for block in blocks:
        own = _shingles(block.text)
        if block.role == "body" and len(own) >= 3 and len(own & declared) < 0.2 * len(own):
            continue
        kept.append(block)
    first = next((p for p in re.split(r"\n+", body) if len(p.split()) >= 8), None)
    if (
        first
        and kept
        and len(_shingles(first) & set().union(*(_shingles(b.text) for b in kept)))
        < 0.5 * len(_shingles(first))
    ):
        kept.insert(0, Block(" ".join(first.split())))  # the lead paragraph extraction lost
    return kept


def _with_standfirst(blocks: list[Block], standfirsts: Iterable[str]) -> list[Block]:
    present = {_squeeze(b.text) for b in blocks}
    joined = " ".join(present)
    for text in standfirsts:
        key = _squeeze(text)
        if key in present:
            return [
                Block(b.text, "standfirst", b.links, b.link_chars) if _squeeze(b.text) == key else b
                for b in blocks
            ]
        if key not in joined and not furniture.is_furniture_line(text):
            return [Block(text, "standfirst"), *blocks]
    return blocks


def _visible(tree: etree._Element) -> str:
    for element in tree.xpath("//script|//style|//noscript|//template"):
        element.drop_tree()
    return " ".join(tree.text_content().split())


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
