"""Page furniture: the parts of a news page that are not the story, out before claims are sought.

Two passes. Before extraction, elements whose class or id names them as furniture (newsletter
boxes, related links, share bars, galleries' navigation, bylines) and tables of contact data are
removed from the tree. After extraction, paragraphs that read as furniture ("Read more: …",
"Slideshow ( 15 images )", "© 2019 …", a tweet's signature line, "Our Standards: …") are dropped.
Both lists are kept short and general: each entry names a class of furniture seen on real pages.
"""

from __future__ import annotations

import re

from lxml import etree

FURNITURE_NAMES = re.compile(
    r"(?:^|[\s_-])(?:newsletter|signup|sign-up|subscribe|subscription|related|recommended"
    r"|read-?more|more-?stories|share|sharing|social|byline|author-?bio|tags?|keywords"
    r"|permalink|breadcrumbs?|promo|advert|ad-?slot|outbrain|taboola|comments?|gallery-nav"
    r"|slideshow-(?:nav|count|label)|trust-?principles|copyright|hotline|donate"
    r"|most-?(?:read|popular)|trending|see-?also|also-?read|dont-?miss|newsletter-?box)"
    r"(?:$|[\s_-])",
    re.IGNORECASE,
)
# Names that contain a furniture word but hold the story on many sites.
KEEP_NAMES = re.compile(r"article-?body|story-?body|post-?content|entry-?content|main", re.I)

FURNITURE_LINES = [
    r"(?:read|see|watch|view) (?:more|also|next)\s*(?:[:»›>|-].{0,140})?",
    r"(?:click|tap) here\b.{0,100}",
    r"(?:related|more|recommended|trending|don'?t miss|most read|must read|latest)"
    r"(?: stories| articles| coverage| content| reading| links?| news| videos?)?\s*(?::.{0,140})?",
    r"(?:.{5,200}\[[A-Z' ]{3,14}\]\s*\|?\s*){2,}",
    r"slideshow\s*\(\s*\d+\s*images?\s*\)",
    r"(?:image|photo|picture|slide)\s*\d+\s*(?:of|/)\s*\d+",
    r"\d+\s*/\s*\d+",
    r"(?:back to gallery|caption|close|advertisement|ad|sponsored|updated|share|tweet|email"
    r"|print|comments?|loading\W*|sorry!?|skip advert|continue reading\W*|\W+)",
    r"(?:©|\(c\)|copyright)\s.{0,160}",
    r"all rights reserved.{0,80}",
    r"our standards\s*:.{0,120}",
    r"(?:sign up|subscribe|register) (?:for|to|now|here|today).{0,160}",
    r"(?:thanks for signing up|keep an eye on your inbox|there was an error processing).{0,80}",
    r"let our news meet your inbox.{0,120}",
    r"(?:get|download) (?:the|our) .{0,40}\bapp\b.{0,80}",
    r"(?:get .{3,40} on the go|follow us on|like us on).{0,80}",
    r"follow .{1,40} on (?:instagram|facebook|twitter|x|youtube|tiktok|linkedin)\b.{0,80}",
    r"(?:views|reads|shares|comments)\s*:?\s*[\d,.]+k?",
    r"(?:reporting|editing|additional reporting|compiled|written|writing) by\s.{0,220}",
    r"(?:published|posted|updated|last updated|first published)\s*(?:on|at)?\s*:?"
    r"[\w ,.:/-]{0,40}(?:\d{4}|\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)[\w ,.:()/-]{0,20}",
    r"(?:tags?|keywords|topics|filed under|categories)\s*:.{0,200}",
    r"(?:permalink|short ?link|source)\s*:\s*https?://\S+",
    r"https?://\S+",
    r"tell us what you think.{0,40}",
    r"(?:call|phone|tel\.?|hotline)\s*:?\s*[\d +()-]{7,}.{0,40}",
    r"[—–-]\s*.{1,60}\(@\w{1,15}\)\s+\w+ \d{1,2}, \d{4}",
    r"(?:photo|image|picture|video)(?: credit)?\s*:\s*.{0,60}",
    r"\((?:graphics?|interactive|factbox|video|photos?|chart|map)\s*:.{0,120}\)",
    r"(?:explore further|more information|journal information|citation)\s*:?",
]
FURNITURE_LINE = re.compile(r"(?:" + "|".join(FURNITURE_LINES) + r")\s*\.?", re.IGNORECASE)
# A byline: "By Jane Doe", "By Jane Doe and John Roe, Reuters" (case matters: "By 2030" is text).
BYLINE = re.compile(
    r"(?:By|BY|From)\s+(?:[A-Z][\w.'’-]+|and|&|,|\s)+(?:[,|/–—-]\s*[\w .,'’&-]{0,60})?"
)
CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+|\+?\d[\d ()-]{8,}\d")


def prune(tree: etree._Element) -> None:
    """Remove furniture elements and contact-data tables from a parsed page, in place."""
    doomed = []
    for element in tree.iter(
        "div",
        "section",
        "aside",
        "ul",
        "ol",
        "nav",
        "footer",
        "span",
        "p",
        "form",
        "figure",
        "table",
    ):
        names = f"{element.get('class') or ''} {element.get('id') or ''}"
        if element.tag == "table":
            if is_contact_table(element):
                doomed.append(element)
            continue
        if names.strip() and FURNITURE_NAMES.search(names) and not KEEP_NAMES.search(names):
            doomed.append(element)
    for element in doomed:
        if element.getparent() is not None and _big_story(element):
            continue
        element.drop_tree() if element.getparent() is not None else None


def _big_story(element: etree._Element) -> bool:
    """A container that holds many long paragraphs is the story, whatever its class says."""
    long_paragraphs = sum(1 for p in element.iter("p") if len(p.text_content() or "") > 200)
    return long_paragraphs >= 3


def is_contact_table(table: etree._Element) -> bool:
    """A table whose rows are mostly e-mail addresses or phone numbers (a list of MPs, offices)."""
    rows = table.findall(".//tr")
    if len(rows) < 3:
        return False
    contact_rows = sum(1 for row in rows if CONTACT.search(row.text_content() or ""))
    return contact_rows / len(rows) >= 0.5


TWEET_SIGNATURE = re.compile(r"\s*[—–-]\s*[^—–\n]{1,60}\(@\w{1,15}\)\s+\w+\.? \d{1,2}, \d{4}$")


def without_signature(text: str) -> str:
    """An embedded tweet's text without its '— Name (@handle) March 5, 2024' signature."""
    return TWEET_SIGNATURE.sub("", text)


def is_furniture_line(text: str) -> bool:
    """A paragraph that is page furniture as a whole (a short line matching one of the patterns)."""
    stripped = text.strip()
    if len(stripped) > 240:
        return False
    if FURNITURE_LINE.fullmatch(stripped):
        return True
    return len(stripped) < 100 and BYLINE.fullmatch(stripped) is not None
