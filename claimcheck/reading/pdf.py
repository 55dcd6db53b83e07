"""The text of a PDF as an article: pages, then paragraphs, without running heads and folios.

pypdf gives one line per typeset line. Lines are joined back into paragraphs (a line ends a
paragraph when it ends a sentence and is short of the page's measure), a page break is always a
paragraph break, and lines that recur at the top or bottom of most pages (running headers and
footers, with their page numbers) or that are a bare page number are dropped.
"""

from __future__ import annotations

import io
import re
from collections import Counter

from claimcheck.errors import InputError

PAGE_NUMBER = re.compile(r"(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?", re.I)
EDGE = 2  # lines at each end of a page that may be a running header or footer


class PdfError(InputError):
    """A PDF with no readable text; the message is one line."""


def read_pdf(data: bytes) -> tuple[str, str | None]:
    """(text, title from the document info or None); PdfError when nothing can be read."""
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        pages = [page.extract_text() or "" for page in reader.pages]
        title = (reader.metadata or {}).get("/Title") if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise PdfError(f"unreadable PDF ({error})") from None
    text = paragraphs(pages)
    if not text.strip():
        raise PdfError("the PDF has no text layer (a scan?); run OCR on it first")
    title = " ".join(str(title).split()) if title else None
    return text, title or None


def paragraphs(pages: list[str]) -> str:
    """Pages' lines as paragraphs, running heads, footers and page numbers dropped."""
    lines_by_page = [
        [" ".join(ln.split()) for ln in page.split("\n") if ln.strip()] for page in pages
    ]
    running = _running_lines(lines_by_page)
    out: list[str] = []
    for lines in lines_by_page:
        kept = [ln for ln in lines if not PAGE_NUMBER.fullmatch(ln) and _shape(ln) not in running]
        measure = max((len(ln) for ln in kept), default=0)
        current: list[str] = []
        for line in kept:
            current.append(line)
            if re.search(r"[.!?:\"”’]$", line) and len(line) < 0.85 * measure:
                out.append(" ".join(current))
                current = []
        if current:
            out.append(" ".join(current))
    return "\n".join(out)


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", line.lower())


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Line shapes at a page's edge on at least half of the pages (3 pages at least)."""
    if len(pages) < 3:
        return set()
    counts: Counter[str] = Counter()
    for lines in pages:
        counts.update({_shape(ln) for ln in lines[:EDGE] + lines[-EDGE:]})
    return {shape for shape, count in counts.items() if count >= max(3, len(pages) / 2)}
