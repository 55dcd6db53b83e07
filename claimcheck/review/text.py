"""Untrusted text (articles, sources, notes) made safe to draw: always a Rich `Text`, never markup,
with control characters (ANSI escapes) shown as visible codes instead of reaching the terminal."""

from __future__ import annotations

import re
from collections.abc import Iterable

from rich.text import Text

MATCH_STYLES = {
    "number": "bold black on yellow",
    "quote": "bold black on cyan",
    "word": "underline",
}
CONTEXT_CHARS = 500


# C0 controls but tab and newline, DEL, C1 controls (ESC and CSI start terminal escapes), line and
# paragraph separators, and the bidirectional overrides that can make text read backwards.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str | None) -> str:
    """The text with every unsafe character (see UNSAFE) written as its escape code."""
    if not text:
        return ""
    return UNSAFE.sub(lambda found: repr(found.group())[1:-1], text)


def plain(text: str | None, style: str = "") -> Text:
    """Untrusted text as a Text: brackets stay brackets, escapes stay visible."""
    return Text(visible(text), style=style)


def spans(text: str, marks: Iterable[tuple[int, int, str]], base: str = "") -> Text:
    """`text` with [start, end) ranges styled; offsets refer to the raw text."""
    out = Text(style=base)
    cursor = 0
    for start, end, style in sorted(marks):
        start, end = max(start, cursor), min(end, len(text))
        if start >= end:
            continue
        out.append(visible(text[cursor:start]))
        out.append(visible(text[start:end]), style=style)
        cursor = end
    out.append(visible(text[cursor:]))
    return out


def claim_in_context(article: str, start: int, end: int) -> Text:
    """The claim highlighted inside its paragraph, with the paragraphs either side dimmed."""
    para_start = article.rfind("\n", 0, start) + 1
    para_end = article.find("\n", end)
    para_end = len(article) if para_end < 0 else para_end
    before_start = article.rfind("\n", 0, max(0, para_start - 1)) + 1
    after_end = article.find("\n", para_end + 1)
    after_end = len(article) if after_end < 0 else after_end
    out = Text()
    if para_start > 0:
        out.append(plain(_tail(article[before_start : para_start - 1]), "dim"))
        out.append("\n\n")
    lead = article[para_start:start]
    out.append(plain(_tail(lead) if len(lead) > CONTEXT_CHARS else lead))
    out.append(plain(article[start:end], "bold reverse"))
    rest = article[end:para_end]
    out.append(plain(rest if len(rest) <= CONTEXT_CHARS else rest[:CONTEXT_CHARS] + "…"))
    if para_end < len(article):
        out.append("\n\n")
        following = article[para_end + 1 : after_end]
        out.append(
            plain(
                following[:CONTEXT_CHARS] + ("…" if len(following) > CONTEXT_CHARS else ""), "dim"
            )
        )
    return out


def _tail(text: str) -> str:
    return text if len(text) <= CONTEXT_CHARS else "…" + text[-CONTEXT_CHARS:]


def highlighted_passage(passage: str, matches: list[dict]) -> Text:
    """An evidence passage with its matched numbers and quote words marked by kind."""
    return spans(
        passage,
        (
            (int(m["start"]), int(m["end"]), MATCH_STYLES.get(m.get("kind", "word"), "underline"))
            for m in matches
        ),
    )
