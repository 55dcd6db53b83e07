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
    r"|(?:©|\(c\)|copyright)\s.{0,160}|all rights reserved.{0,80}"
    r"|this (?:copy|article|content|material) is for (?:your )?personal\b.{0,80})\s*[.!]?",
    re.IGNORECASE,
)
# An affiliate disclosure: "Disclosure: We may earn a commission from links on this page."
DISCLOSURE = re.compile(
    r"(?:(?:affiliate )?disclosure\s*:.{0,200}"
    r"|.{0,120}\b(?:may|might|could) (?:earn|receive|get|collect)\b.{0,40}"
    r"\b(?:commission|compensation)\b.{0,40}\b(?:products?|links?|purchases?|buy)\b.{0,120})",
    re.IGNORECASE,
)
# How to reach the writer or the publisher, or where to go next: "Write to Ann Lee at
# ann.lee@example.com", "Reach the reporter on Twitter at https://…", "Follow her on Twitter
# @annlee.", "To order copies, visit www.example.com." (an address, and a verb of contact that
# opens the sentence).
_ADDRESS = r"(?:[\w.+-]+@[\w-]+\.[\w.]+|@\w+|https?://\S+|www\.\S+)"
CONTACT = re.compile(
    r"(?:to \w[^.]{0,120}?,? )?(?:write|reach|contact|e-?mail|follow|visit|link|find)\b.{0,160}?"
    rf"{_ADDRESS}\W{{0,3}}(?:(?:and|or) {_ADDRESS}\W{{0,3}})*",
    re.IGNORECASE,
)
# A picture's credit: "Scott Olson via Getty Images.", "(AP Photo/Evan Vucci)", "Photo: Ana
# Lima/Reuters"
_AGENCY = r"(?:Getty Images|AP|AFP|EPA|Reuters|Shutterstock|(?:The )?Associated Press)"
_PICTURE = r"(?:[Pp]hoto(?:graph)?|PHOTO|[Ii]mage|[Pp]icture)(?: [Cc]redit)?\s*:\s*"
_NAME = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,4}"  # capitalised words only: a person or an agency
CREDIT = re.compile(
    rf"\(?(?:{_PICTURE})?{_NAME}(?:\s?/\s?| via | for ){_AGENCY}(?: via Getty Images)?\)?\.?"
    rf"|\(?{_AGENCY} Photo/[^)]{{1,60}}\)?\.?"
    rf"|\(?{_PICTURE}[^.]{{1,80}}\)?\.?"
)
# A caption by its label: "Top image: the new bridge at dusk, seen from …"
CAPTION = re.compile(
    r"(?:(?:cover|top|main|header|featured|lead|above|below) )?"
    r"(?:image|photo(?:graph)?|picture)s?(?: credit)?\s*:\s.{1,200}",
    re.IGNORECASE,
)
_LETTERS = re.compile(r"[^\W\d_]{2}")
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
    if not _LETTERS.search(stripped):  # no word: a list's number ("2."), a rule ("* * *")
        return True
    if FURNITURE_SENTENCE.fullmatch(stripped):  # tried at the first character only: cheap
        return True
    if stripped[0] == "(" and FURNITURE_SENTENCE.fullmatch(stripped[1:].rstrip(").")):
        return True  # the same in brackets: "(Copyright 2020 The Times.)"
    if len(stripped) < 100 and CREDIT.fullmatch(stripped):
        return True
    if CAPTION.fullmatch(stripped):
        return True
    if ("@" in stripped or "http" in stripped or "www." in stripped) and CONTACT.fullmatch(
        stripped
    ):
        return True
    lowered = stripped.lower()
    if ("disclosure" in lowered or "commission" in lowered or "compensation" in lowered) and (
        DISCLOSURE.fullmatch(stripped)
    ):
        return True
    return ("newsletter" in lowered or "podcast" in lowered) and bool(
        NEWSLETTER.fullmatch(stripped)
    )
