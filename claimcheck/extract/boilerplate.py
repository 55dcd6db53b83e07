"""Page furniture that hides inside a paragraph of story, as a sentence of its own.

The reader drops whole paragraphs of furniture (claimcheck/reading/furniture.py); what is left
in a paragraph of story ("… Sign up for the free daily newsletter.") is no claim either: none
of these states a fact about the story.
"""

from __future__ import annotations

import re

FURNITURE_SENTENCE = re.compile(
    r"(?:(?:sign up|subscribe|register) (?:for|to|now|here|today)\b.{0,160}"
    r"|(?:reporting|editing|additional reporting|compiled|writing) by\s.{0,220}"
    r"|\((?:graphics?|interactive|factbox|video|photos?|chart|map)\s*:.{0,120}\)"
    r"|(?:click|tap) here\b.{0,100}"
    r"|(?:read|see|watch) (?:more|also)\b.{0,140}"
    r"|(?:follow|like) us on\b.{0,80}"
    r"|(?:©|\(c\)|copyright)\s.{0,160}|all rights reserved.{0,80})\s*[.!]?",
    re.IGNORECASE,
)
# "Our weekly newsletter lands in your inbox on Fridays."
NEWSLETTER = re.compile(
    r".{0,80}\b(?:newsletter|podcast)s?\b.{0,20}(?:sign up|subscribe|inbox)\b.{0,80}[.!]?",
    re.IGNORECASE,
)


def is_furniture_sentence(sentence: str) -> bool:
    """A sentence that is page furniture wherever it stands (the reader's is_furniture_line
    judges whole paragraphs, with more patterns that need a line of their own to be safe)."""
    if len(sentence) > 240:
        return False
    stripped = sentence.strip()
    if FURNITURE_SENTENCE.fullmatch(stripped):  # tried at the first character only: cheap
        return True
    lowered = stripped.lower()
    return ("newsletter" in lowered or "podcast" in lowered) and bool(
        NEWSLETTER.fullmatch(stripped)
    )
