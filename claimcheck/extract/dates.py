"""Dates in a claim, with relative ones ("yesterday", "last month") resolved against the article's
published date when it is known. The original words are always kept beside the resolution.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from claimcheck.models import DateMention

MONTH_NUMBERS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_month = "|".join(sorted(MONTH_NUMBERS, key=len, reverse=True))
_weekday = "|".join(WEEKDAYS)

DATE_PATTERN = re.compile(
    # try the alternatives only at word starts, and only those with a letter or digit that one
    # of them starts with (the lower-cased text is searched)
    rf"\b(?=[\dabdfijlmnostuy])(?:"
    rf"(?P<rel>yesterday|today|tonight|last night|this morning|this week|last week|next week|"
    rf"this month|last month|next month|this year|last year|next year)"
    rf"|(?P<md>(?:on\s+)?(?P<md_month>{_month})\.?\s+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s+(?P<md_year>(?:19|20)\d\d))?)"
    rf"|(?P<dm>(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm_month>{_month})\.?"
    rf"(?:,?\s+(?P<dm_year>(?:19|20)\d\d))?)"
    rf"|(?P<my>(?P<my_month>{_month})\s+(?P<my_year>(?:19|20)\d\d))"
    rf"|(?P<wd>(?:on|last|this|next)\s+(?P<wd_day>{_weekday}))"
    rf"|(?P<year>(?:in|since|by|until|from|of|during)\s+(?P<year_value>(?:19|20)\d\d))"
    rf")\b"
)
# Cheap gate: a date needs a digit or one of these words (IGNORECASE makes the full pattern slow,
# so it runs on a lower-cased copy, and only when the gate passes). Two searches, because an
# alternation of plain words lets the regex engine skip ahead and one with \d does not.
DIGIT = re.compile(r"\d")
DATE_WORD = re.compile(rf"yesterday|today|tonight|night|morning|week|month|year|{_weekday}")


def parse_published(value: str | None) -> date | None:
    """The date part of an ISO date or timestamp, or None."""
    if not value:
        return None
    match = re.match(r"(\d{4})-(\d{2})-(\d{2})", value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def find_dates(text: str, published: date | None = None, offset: int = 0) -> list[DateMention]:
    """Date expressions in text; relative ones resolved when `published` is given."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters (e.g. "İ") grow when lower-cased
        lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if not (DIGIT.search(lowered) or DATE_WORD.search(lowered)):
        return []
    found = []
    for match in DATE_PATTERN.finditer(lowered):
        resolved, granularity = _resolve(match, published)
        found.append(
            DateMention(
                surface=text[match.start() : match.end()],
                start=match.start() + offset,
                end=match.end() + offset,
                resolved=resolved,
                granularity=granularity,
            )
        )
    return found


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _resolve(match: re.Match[str], published: date | None) -> tuple[str | None, str]:
    if match["rel"]:
        return _relative(match["rel"].lower(), published)
    if match["md"] or match["dm"]:
        prefix = "md" if match["md"] else "dm"
        month = MONTH_NUMBERS[match[f"{prefix}_month"].lower()]
        day = int(match[f"{prefix}_day"])
        year_text = match[f"{prefix}_year"]
        if year_text:
            found = _safe_date(int(year_text), month, day)
        elif published:
            found = _safe_date(published.year, month, day)
            if found and found > published + timedelta(days=31):
                found = _safe_date(published.year - 1, month, day)
        else:
            return None, "day"
        return (found.isoformat() if found else None), "day"
    if match["my"]:
        return (
            f"{int(match['my_year']):04d}-{MONTH_NUMBERS[match['my_month'].lower()]:02d}",
            "month",
        )
    if match["wd"]:
        if not published:
            return None, "day"
        target = WEEKDAYS.index(match["wd_day"].lower())
        back = (published.weekday() - target) % 7 or 7
        return (published - timedelta(days=back)).isoformat(), "day"
    return match["year_value"], "year"


def _relative(words: str, published: date | None) -> tuple[str | None, str]:
    if published is None:
        return None, "day"
    day = timedelta(days=1)
    if words in ("today", "tonight", "this morning"):
        return published.isoformat(), "day"
    if words in ("yesterday", "last night"):
        return (published - day).isoformat(), "day"
    if words in ("this week", "last week", "next week"):
        shift = {"this week": 0, "last week": -7, "next week": 7}[words]
        year, week, _ = (published + timedelta(days=shift)).isocalendar()
        return f"{year}-W{week:02d}", "week"
    if words in ("this month", "last month", "next month"):
        month = published.month + {"this month": 0, "last month": -1, "next month": 1}[words]
        year = published.year + (month - 1) // 12
        return f"{year}-{(month - 1) % 12 + 1:02d}", "month"
    year = published.year + {"this year": 0, "last year": -1, "next year": 1}[words]
    return str(year), "year"
