"""Pages with no article to read: script-rendered shells, login walls, cookie walls.

Such a page must be refused with its reason, never stored as template code or as a consent
notice whose sentences would become claims.
"""

from __future__ import annotations

import re

TEMPLATE = re.compile(r"\{\{\s*[\w.$|()\[\]' -]+\s*\}\}|\$\{\s*[\w.]+\s*\}|<%=?\s*[\w.]+\s*%>")
WALLS = {
    "a login wall": re.compile(
        r"\b(?:log ?in|sign ?in|subscribe|create (?:a free|an) account)\b.{0,60}"
        r"\b(?:to (?:continue|read|access|view)|for full access|already a subscriber)",
        re.I,
    ),
    "a cookie wall": re.compile(
        r"\b(?:cookies?|consent|privacy settings)\b.{0,120}\b(?:accept|agree|allow|reject)\b",
        re.I,
    ),
}
MIN_WORDS = 60


def refusal(text: str) -> str | None:
    """Why a page's extracted text is not an article, or None when it reads as one."""
    templated = TEMPLATE.findall(text)
    if templated:
        return (
            f"the article is rendered by JavaScript (template code such as {templated[0]!r}"
            " instead of text); save the page from a browser and add that file"
        )
    words = len(text.split())
    if words < MIN_WORDS:
        for reason, pattern in WALLS.items():
            if pattern.search(text):
                return f"the page shows {reason} instead of the article ({words} words)"
    return None
