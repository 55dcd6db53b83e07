"""Numbers in news text, normalised: value, unit, scale, qualifier and what they are "of".

"3.9 per cent of GDP" -> 3.9 percent (of GDP); "$35 billion" -> 3.5e10 USD; "15-member" ->
15 members; "almost three years" -> ~3 years; "more than 20" -> > 20; "between 5 and 7" -> 5-7.
Rule-based on purpose: it is fast, explainable to a reviewer, and needs no model download.
Years, clock times, dates and labels ("Article Five", "10 Downing Street") are not quantities.
"""

from __future__ import annotations

import re

from claimcheck.models import Quantity

UNITS_WORDS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS_WORDS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tr": 1e12,
    "dozen": 12,
    "lakh": 1e5,
    "crore": 1e7,
}
SPECIAL_WORDS = {"half": 0.5, "a dozen": 12, "dozens": 24}
CURRENCY_SYMBOLS = {
    "us$": "USD",
    "$": "USD",
    "£": "GBP",
    "€": "EUR",
    "¥": "JPY",
    "₹": "INR",
    "a$": "AUD",
    "c$": "CAD",
    "usd": "USD",
    "gbp": "GBP",
    "eur": "EUR",
}
CURRENCY_WORDS = {
    "dollar": "USD",
    "dollars": "USD",
    "pound": "GBP",
    "pounds": "GBP",
    "sterling": "GBP",
    "euro": "EUR",
    "euros": "EUR",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "yuan": "CNY",
    "roubles": "RUB",
    "rubles": "RUB",
    "rouble": "RUB",
    "ruble": "RUB",
    "pence": "GBX",
    "p": "GBX",
    "cents": "USc",
    "cent": "USc",
}
UNIT_ALIASES = {
    "per cent": "percent",
    "percent": "percent",
    "%": "percent",
    "pc": "percent",
    "percentage points": "percentage points",
    "percentage point": "percentage points",
    "points": "points",
    "point": "points",
    "years": "years",
    "year": "years",
    "yrs": "years",
    "months": "months",
    "month": "months",
    "weeks": "weeks",
    "week": "weeks",
    "days": "days",
    "day": "days",
    "hours": "hours",
    "hour": "hours",
    "minutes": "minutes",
    "minute": "minutes",
    "seconds": "seconds",
    "second": "seconds",
    "decades": "decades",
    "decade": "decades",
    "centuries": "centuries",
    "km": "km",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "miles": "miles",
    "mile": "miles",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "feet": "feet",
    "foot": "feet",
    "ft": "feet",
    "yards": "yards",
    "yard": "yards",
    "inches": "inches",
    "inch": "inches",
    "cm": "cm",
    "mm": "mm",
    "kg": "kg",
    "kilograms": "kg",
    "kilogram": "kg",
    "kilos": "kg",
    "tonnes": "tonnes",
    "tonne": "tonnes",
    "tons": "tons",
    "ton": "tons",
    "pounds weight": "lb",
    "lbs": "lb",
    "lb": "lb",
    "grams": "g",
    "gram": "g",
    "g": "g",
    "ounces": "oz",
    "oz": "oz",
    "litres": "litres",
    "liters": "litres",
    "litre": "litres",
    "liter": "litres",
    "gallons": "gallons",
    "gallon": "gallons",
    "barrels": "barrels",
    "barrel": "barrels",
    "degrees": "degrees",
    "degree": "degrees",
    "°c": "°C",
    "°f": "°F",
    "mph": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "mw": "MW",
    "gw": "GW",
    "kwh": "kWh",
    "twh": "TWh",
    "acres": "acres",
    "acre": "acres",
    "hectares": "hectares",
    "hectare": "hectares",
    "sq km": "km²",
    "square kilometres": "km²",
    "square miles": "sq miles",
}
NON_QUANTITY_PREFIX = re.compile(
    r"(?:\b(?:article|section|chapter|clause|no\.?|number|room|flight|route|highway|page|"
    r"paragraph|level|phase|stage|category|grade|tier|class|figure|table|version|item)\s*)$",
    re.IGNORECASE,
)
MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
QUALIFIERS = [
    (
        r"almost|nearly|about|around|approximately|roughly|some|an estimated|estimated|close to|"
        r"circa|c\.|approx\.?|just under|just over|almost exactly",
        "approx",
    ),
    (
        r"more than|over|above|upwards of|in excess of|exceeding|greater than|higher than",
        "more_than",
    ),
    (r"at least|no fewer than|no less than|a minimum of|minimum of", "at_least"),
    (r"less than|fewer than|under|below|lower than", "less_than"),
    (r"at most|up to|no more than|a maximum of|maximum of|as many as|as much as", "at_most"),
]
CHANGE_WORDS = re.compile(
    r"\b(?:rose|risen|rise|rises|rising|fell|fallen|fall|falls|falling|increased|increase|"
    r"increases|decreased|decrease|decreases|grew|grown|grow|growth|dropped|drop|drops|jumped|"
    r"jump|climbed|climb|declined|decline|cut|cuts|gained|gain|lost|slumped|surged|up|down|"
    r"boost|boosted|raised|raise)\s+(?:by\s+)?$",
    re.IGNORECASE,
)

_word_number = (
    r"(?:(?:"
    + "|".join(TENS_WORDS)
    + r")(?:[- ](?:"
    + "|".join(UNITS_WORDS)
    + r"))?|"
    + "|".join(sorted(UNITS_WORDS, key=len, reverse=True))
    + r"|a\s+dozen|dozens|half|a|an)"
)
_digits = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+"
_scale = r"(?:hundred|thousand|million|billion|trillion|dozen|lakh|crore|mln|mn|bn|tn|k|m|b)"
_currency = r"(?:US\$|A\$|C\$|\$|£|€|¥|₹|USD|GBP|EUR)"
_qualifier = "|".join(f"(?:{pattern})" for pattern, _ in QUALIFIERS)

NUMBER = re.compile(
    rf"(?P<qual>\b(?:{_qualifier})\s+)?"
    rf"(?P<cur>{_currency})?\s?"
    rf"(?P<num>(?<![\w.,])(?:{_digits})(?![\d])|\b{_word_number}\b)"
    rf"(?:(?P<hyphen>-)|\s?)"
    rf"(?P<scale>{_scale}\b(?:[\s-](?:{_scale})\b)?)?",
    re.IGNORECASE,
)
RANGE_JOIN = re.compile(r"\s*(?:-|–|—|to|and)\s*", re.IGNORECASE)


def _parse_word_number(text: str) -> float | None:
    words = re.split(r"[\s-]+", text.lower().strip())
    if not words:
        return None
    joined = " ".join(words)
    if joined in SPECIAL_WORDS:
        return SPECIAL_WORDS[joined]
    if joined in ("a", "an"):
        return 1.0
    total = 0.0
    for word in words:
        if word in UNITS_WORDS:
            total += UNITS_WORDS[word]
        elif word in TENS_WORDS:
            total += TENS_WORDS[word]
        else:
            return None
    return total


def _number_value(text: str) -> float | None:
    cleaned = text.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        return _parse_word_number(text)


def _scale_value(text: str | None) -> float:
    if not text:
        return 1.0
    factor = 1.0
    for word in re.split(r"[\s-]+", text.lower()):
        factor *= SCALES.get(word, 1.0)
    return factor


_UNIT_PATTERN = re.compile(
    r"\s?(?P<unit>"
    + "|".join(
        re.escape(u) for u in sorted({*UNIT_ALIASES, *CURRENCY_WORDS}, key=len, reverse=True)
    )
    + r")(?![\w])",
    re.IGNORECASE,
)
_NOUN = re.compile(r"\s?(?:[a-z][a-z'-]*\s){0,1}?(?P<noun>[a-z][a-z-]{2,})\b")
_OF = re.compile(
    r"\s+(?P<of>of\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[A-Za-z][\w'-]*)(?:\s+(?!on\b|in\b|to\b|"
    r"for\b|by\b|and\b|from\b|with\b|at\b|as\b|than\b|that\b|which\b|is\b|was\b)[A-Za-z][\w'-]*)?)"
)
STOP_NOUNS = {
    "the",
    "and",
    "but",
    "for",
    "are",
    "was",
    "were",
    "has",
    "had",
    "have",
    "will",
    "would",
    "could",
    "should",
    "can",
    "may",
    "its",
    "his",
    "her",
    "their",
    "our",
    "that",
    "this",
    "which",
    "who",
    "than",
    "from",
    "with",
    "into",
    "after",
    "before",
    "per",
    "more",
    "less",
    "times",
    "of",
    "other",
    "such",
    "these",
    "those",
    "been",
    "being",
    "not",
    "also",
}


def _is_year(raw: str, text: str, end: int) -> bool:
    if not re.fullmatch(r"(1[5-9]|20)\d\d", raw):
        return False
    after = text[end : end + 12].lower()
    return not re.match(r"\s?(?:%|per ?cent|people|troops|members|years|km|miles)", after)


def _is_date_or_label(text: str, start: int, end: int, raw: str) -> bool:
    before = text[max(0, start - 16) : start].lower()
    after = text[end : end + 30]
    if re.search(rf"\b(?:{MONTHS})\.?\s*$", before):
        return True  # September 12
    if re.match(rf"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b", after, re.IGNORECASE):
        return True  # 12 September
    if re.match(r"\s*(?:st|nd|rd|th)\b", after):
        return True  # ordinals
    if re.match(r"[:.]\d\d\b", after) or re.match(
        r"\s*(?:am|pm|a\.m\.|p\.m\.|GMT|BST)\b", after, re.IGNORECASE
    ):
        return True  # clock times
    if NON_QUANTITY_PREFIX.search(before):
        return True
    return bool(re.match(r"\s+[A-Z][a-z]+\s+(?:Street|Road|Avenue|Lane|Square)\b", after))


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All quantities in text; start/end are offsets into text plus `offset`."""
    found: list[Quantity] = []
    position = 0
    while True:
        match = NUMBER.search(text, position)
        if not match:
            break
        position = match.end() if match.end() > match.start() else match.start() + 1
        quantity = _read_quantity(text, match)
        if quantity is None:
            position = match.start("num") + len(match.group("num"))
            continue
        position = quantity.end
        found.append(
            Quantity(
                surface=quantity.surface,
                value=quantity.value,
                unit=quantity.unit,
                scale=quantity.scale,
                qualifier=quantity.qualifier,
                of=quantity.of,
                start=quantity.start + offset,
                end=quantity.end + offset,
                high=quantity.high,
            )
        )
    return found


def _read_quantity(text: str, match: re.Match[str]) -> Quantity | None:
    raw = match.group("num")
    is_word = not re.match(r"[\d.]", raw)
    num_start, num_end = match.span("num")
    lowered = raw.lower()
    value = _number_value(raw)
    if value is None:
        return None
    scale_text = match.group("scale")
    if scale_text and scale_text.lower() in ("m", "b", "k") and match.group("cur") is None:
        scale_text = None  # "5 m" is metres, not millions, unless money
    currency = match.group("cur")
    qualifier_text = match.group("qual")
    if (
        currency is None
        and scale_text is None
        and (_is_date_or_label(text, num_start, num_end, raw) or _is_year(raw, text, num_end))
    ):
        return None
    if lowered in ("a", "an") and not scale_text:
        return None
    end = match.end("scale") if scale_text else num_end
    scale = _scale_value(scale_text)
    start = match.start("cur") if currency else num_start
    if qualifier_text:
        start = match.start("qual")
    qualifier = _qualifier_name(qualifier_text)
    high = None
    # a range: "5-7 per cent", "between 5 and 7", "from 10 to 20"
    join = RANGE_JOIN.match(text, end)
    if join:
        second = NUMBER.match(text, join.end())
        if second and second.group("num") and _number_value(second.group("num")) is not None:
            joiner = join.group(0).strip().lower()
            before = text[max(0, start - 9) : start].lower()
            if joiner != "and" or before.rstrip().endswith("between"):
                high_value = _number_value(second.group("num"))
                high_scale = _scale_value(second.group("scale")) if second.group("scale") else 1.0
                if scale == 1.0 and high_scale != 1.0:
                    scale = high_scale
                assert high_value is not None
                high = high_value * (high_scale if second.group("scale") else scale)
                end = second.end("scale") if second.group("scale") else second.end("num")
                qualifier = "range"
                if before.rstrip().endswith(("between", "from")):
                    start = text.rindex(before.rstrip().split()[-1], 0, start)
    unit = CURRENCY_SYMBOLS.get(currency.lower(), currency) if currency else ""
    hyphen = bool(match.group("hyphen"))
    after = _UNIT_PATTERN.match(text, end + (1 if hyphen and not scale_text else 0))
    if hyphen and not scale_text and not after:
        noun = re.match(r"([a-z]+)", text[end + 1 :])
        if noun:  # "15-member", "three-day"
            word = noun.group(1)
            unit = UNIT_ALIASES.get(word, _plural(word))
            end = end + 1 + len(word)
    elif after and not (unit and after.group("unit").lower() not in CURRENCY_WORDS):
        word = after.group("unit").lower()
        if word in CURRENCY_WORDS:
            if not (word in ("p", "cent") and not raw[0].isdigit()):
                unit = CURRENCY_WORDS[word]
                end = after.end()
        else:
            unit = UNIT_ALIASES[word]
            end = after.end()
    elif not unit:
        noun = _NOUN.match(text, end)
        if noun and noun.group("noun").lower() not in STOP_NOUNS:
            unit = noun.group("noun").lower()
    if is_word and not unit and not scale_text and not qualifier_text:
        return None  # a bare "one" or "two" is rarely a figure worth checking
    if lowered in ("half",) and not unit:
        return None
    of = ""
    if unit in ("percent", "percentage points") or (unit and unit.isupper() and len(unit) == 3):
        of_match = _OF.match(text, end)
        if of_match:
            of = of_match.group("of")
    if qualifier == "exact" and CHANGE_WORDS.search(text[max(0, start - 24) : start]):
        qualifier = "change"
    return Quantity(
        surface=text[start:end],
        value=value * scale,
        unit=unit,
        scale=scale,
        qualifier=qualifier,
        of=of,
        start=start,
        end=end,
        high=high,
    )


def _qualifier_name(text: str | None) -> str:
    if not text:
        return "exact"
    for pattern, name in QUALIFIERS:
        if re.fullmatch(pattern, text.strip(), re.IGNORECASE):
            return name
    return "exact"


def _plural(word: str) -> str:
    if word.endswith(("s", "x")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
