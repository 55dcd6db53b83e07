"""Dates in an article, resolved against its published date and the story around them.

`StoryDates` reads an article's sentences in order: "on Friday" in a Friday article is that day,
"will be announced on Friday" the next one, "in March" lies where the tense of its clause points
(this year's when the sentence does not say), and "on December 27" takes the year of a story just
set in "December 2010".
Durations ("18 months" -> P18M), quarters, decades and times of day are found too. Values are
TIMEX3's (ISO 8601: "2008-03-27", "2008-W14", "2006-Q4", "2007-10-17T06:40Z", "P27Y"); the
original words are always kept beside them. Names that contain a day ("The Mail on Sunday",
"Black Monday", NBC's "Today") are not dates.

One module over 1,500 lines on purpose: the patterns and the resolver share one vocabulary of
date words and one story state, and each rule is short; split by rule, every part would import
all the others. The vocabularies that change what a date-like phrase means (a model's year, a
game's quarter, a present that schedules) need none of that state and live in date_senses.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, timedelta

from claimcheck.extract.date_senses import (
    BUSINESS_WORDS,
    is_model_year,
    is_part_of_another_period,
    schedules,
    sounds_like_a_game,
    word_set,
)
from claimcheck.extract.quantity_words import TENS_WORDS, UNITS_WORDS
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
MONTH_NAMES = [name for name in MONTH_NUMBERS if len(name) > 4 or name in ("may", "june", "july")]
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
NUMBERS = {**UNITS_WORDS, **TENS_WORDS, "a": 1, "an": 1, "single": 1}
DURATION_UNITS = {
    "year": "Y",
    "month": "M",
    "week": "W",
    "day": "D",
    "decade": "DE",
    "century": "CE",
    "centuries": "CE",
    "hour": "TH",
    "minute": "TM",
    "second": "TS",
}
QUARTERS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
}
QUARTER_END_MONTHS = {
    "march": 3,
    "june": 6,
    "september": 9,
    "december": 12,
    "holiday": 12,
    "christmas": 12,
}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}  # winter: Dec-Feb
FREQUENCIES = {
    "annual": "P1Y",
    "annually": "P1Y",
    "yearly": "P1Y",
    "quarterly": "P3M",
    "monthly": "P1M",
    "weekly": "P1W",
    "daily": "P1D",
    "hourly": "PT1H",
}
# (month, day), or the name of a rule for the movable ones
HOLIDAYS = {
    "christmas": (12, 25),
    "christmas day": (12, 25),
    "christmas eve": (12, 24),
    "boxing day": (12, 26),
    "new year's": (1, 1),
    "new year's day": (1, 1),
    "new year's eve": (12, 31),
    "halloween": (10, 31),
    "thanksgiving": "thanksgiving",
    "thanksgiving day": "thanksgiving",
    "easter": "easter",
    "easter sunday": "easter",
    "easter monday": "easter monday",
}
CENTURY_WORDS = {"nineteenth": 19, "twentieth": 20, "twenty-first": 21}
EVERY_UNITS = {"day": "P1D", "week": "P1W", "month": "P1M", "quarter": "P3M", "year": "P1Y"}
DECADE_WORDS = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}
# "the same period last year": the story's last period, a year back
SAME_PERIOD_BACK = (
    r"(?:(?:the\s+)?(?:last|previous|prior)\s+year|a\s+year\s+(?:earlier|ago|before))"
)


def _trie(words: list[str]) -> str:
    """An alternation of words as a prefix tree ("jan(?:uary)?|ju(?:ly|ne)"...): the regex
    engine then reads each letter once instead of trying every word in turn."""
    tree: dict = {}
    for word in words:
        node = tree
        for letter in word:
            node = node.setdefault(letter, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [re.escape(letter) + pattern(child) for letter, child in node.items() if letter]
        if not branches:
            return ""
        joined = "|".join(branches)
        if "" in node:
            return f"(?:{joined})?"
        return joined if len(branches) == 1 else f"(?:{joined})"

    return f"(?:{pattern(tree)})"


_month = _trie(list(MONTH_NUMBERS))
_month_name = _trie(MONTH_NAMES)
_weekday = _trie(WEEKDAYS)
_units_word = _trie(list(UNITS_WORDS))
_number = (
    rf"\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:a\s+)?couple\s+of|"
    rf"{_trie([*TENS_WORDS, *UNITS_WORDS, 'a', 'an', 'single'])}"
    rf"(?:-{_units_word})?"
)
_year = r"(?:19|20)\d\d"
_day = r"\d{1,2}(?:st|nd|rd|th)?"
_quarter_word = _trie(
    [
        *QUARTERS,
        *word_set("last final previous prior past this current next coming"),
        *QUARTER_END_MONTHS,
    ]
)
_part_word = r"(?:earl(?:y|ier)|later?)"  # "early Monday", "later Tuesday"
_weekday_prefix = rf"(?:(?:{_weekday}),?\s+)?"
_ampm = r"[ap]\.?m\b\.?"

# (first characters, alternative): each alternative is tried only where the lower-cased text
# has one of its first characters, which spares the regex engine most of its work
_ALTERNATIVES = [
    (r"\d", rf"(?P<iso>(?P<iso_y>{_year})-(?P<iso_m>\d\d)-(?P<iso_d>\d\d))"),
    (r"\d", r"(?P<num>(?P<num_a>\d{1,2})/(?P<num_b>\d{1,2})/(?P<num_y>\d{4}|\d\d))"),
    (
        r"ftlnc\d",
        rf"(?P<fy>(?:fy\s?|(?:fiscal|financial)\s+(?:year\s+)?)(?P<fy_year>{_year}|\d\d)\b"
        r"(?:[-/–](?P<fy_end>\d\d(?:\d\d)?)\b)?"
        rf"|(?P<fy_a>{_year})(?:[-/–](?P<fy_b>\d\d(?:\d\d)?))?\s+(?:fiscal|financial)\s+year"
        r"|(?P<fy_rel>this|last|next|the\s+current|the\s+previous)\s+(?:fiscal|financial)\s+year)",
    ),
    (
        r"\d",
        rf"(?P<yr>(?P<yr_a>{_year})\s*[-–—]\s*(?P<yr_b>{_year}|\d\d)\b"
        r"(?![\d,.%-]\d|\s*(?:%|per\s*cent|percent)))",
    ),
    (
        "mel",
        rf"(?P<yp>(?:mid|early|late)[\s-]+(?P<yp_year>{_year}))"
        r"(?![\d,.%-]\d|\s*(?:%|per\s*cent))",
    ),
    (
        "q",
        rf"(?P<qn>q(?P<qn_n>[1-4])(?:(?:\s+|-|\s+of\s+)(?P<qn_year>{_year}))?)",
    ),
    (
        "tf12h",
        r"(?P<half>(?:the\s+)?(?P<half_n>first|second|1st|2nd)[\s-]+half(?:\s+of\s+"
        rf"(?:(?P<half_year>{_year})|(?P<half_rel>this|last|next|the)\s+year))?"
        rf"|h(?P<half_h>[12])\s+(?P<half_hyear>{_year}))",
    ),
    (
        "sty",
        r"(?P<same>(?:the\s+)?(?:same\s+(?P<same_unit>period|quarter|month|week|day|time)\s+(?:of\s+)?"
        rf"(?:{SAME_PERIOD_BACK}|(?:in\s+)?(?P<same_year>{_year}))|"
        r"year[\s-](?:earlier|ago)\s+(?P<yago_unit>period|quarter|month|week|half)))",
    ),
    (
        "s",
        r"(?P<nine11>sept(?:ember|\.)?\s+11(?:th)?(?=\s+(?:terror(?:ist)?\s+)?attacks?\b))",
    ),
    (
        r"\d",
        # "9:30", "6 p.m.", "2.40 PM" (with a dot only before am or pm), "1230 GMT"
        rf"(?P<clock>(?P<hh>\d{{1,2}})(?:(?::|\.(?=\d\d\s*[ap]\.?m\b))(?P<mm>\d\d)\s*(?P<ampm>{_ampm})?|"
        rf"\s*(?P<ampm2>{_ampm})|(?P<mm2>[0-5]\d)(?=\s*(?:gmt|utc)\b))"
        r"(?:\s*(?P<tz>utc|gmt|[ecmp][sd]t|et|bst|cet|cest|local\s+time|"
        r"(?:eastern|central|mountain|pacific)(?:\s+(?:standard|daylight))?\s+time)\b)?)",
    ),
    (
        "mtwfsjando",
        rf"(?P<md>{_weekday_prefix}(?P<md_month>{_month})\.?\s+(?P<md_day>{_day})\b"
        rf"(?![.,]\d|\s*%)(?:,?\s+(?P<md_year>{_year}))?)",
    ),
    (
        r"mtwfs\d",
        rf"(?P<dm>{_weekday_prefix}(?P<dm_day>{_day})\s+(?:of\s+)?(?P<dm_month>{_month})\b\.?"
        rf"(?:,?\s+(?P<dm_year>{_year}))?)",
    ),
    ("jfmasond", rf"(?P<my>(?P<my_month>{_month_name})\s+(?:of\s+)?(?P<my_year>{_year}))"),
    (
        "tfsl1-4pcnmjdh",
        # "the third quarter of 2009", "the 2008 fiscal fourth quarter", "this year's first
        # quarter", "the December quarter" (the quarter that ends in December)
        rf"(?P<q>(?:the\s+)?(?:(?P<q_pre>{_year})(?:['’]s)?[\s-]+|"
        r"(?P<q_pre_rel>this|last|next)\s+year['’]s\s+)?(?:(?:fiscal|financial)[\s-]+)?"
        rf"(?P<q_n>{_quarter_word})[\s-]+"
        r"(?:(?:fiscal|financial)\s+)?quarter(?:(?:\s+of)?\s+"
        rf"(?:(?P<q_year>{_year})\b(?![\d,.]\d)|(?P<q_rel>this|last|next|the)\s+"
        r"(?:(?:fiscal|financial)\s+)?year))?)",
    ),
    (
        r"\dzotfsenaplncf",
        r"(?P<dur>(?:(?:the\s+)?(?:past|last|next|previous|coming|first|following)\s+)?"
        rf"(?P<dur_n>{_number})(?P<dur_half>\s+and\s+a\s+half)?[\s-]+"
        r"(?:(?:straight|consecutive|successive)\s+)?"
        r"(?P<dur_unit>year|month|week|day|decade|centur(?:y|ies)|hour|minute|second)s?\b"
        r"(?![\s-]+old)"
        r"(?P<ago>\s+ago)?)",
    ),
    ("dwmy", r"(?P<lng>(?P<lng_unit>day|week|month|year|decade)(?P<lng_many>s)?-long)"),
    (
        "tylmwfse",
        rf"(?P<pod>(?:{_part_word}\s+)?(?P<pod_day>this|yesterday|tomorrow|last|{_weekday})\s+"
        r"(?P<pod_part>morning|afternoon|evening|night))",
    ),
    ("nm", r"(?P<noon>noon|midday|midnight)"),
    ("t", r"(?P<wkend>the\s+weekend)"),
    (
        "tsbmr",
        r"(?P<edge>(?:the\s+)?(?:(?<=the )(?P<whole>(?:entire|whole|full)\s+"
        r"(?P<whole_unit>year|month|week|day))|"
        r"(?:very\s+)?(?:end|start|beginning|middle|rest|remainder)\s+of\s+"
        rf"(?:(?P<edge_year>{_year})|(?P<edge_month>{_month_name})(?:,?\s+(?P<edge_my>{_year}))?|"
        r"(?P<edge_rel>this|last|next|the)\s+"
        r"(?:(?:fiscal|financial)\s+)?(?P<edge_unit>year|month|week|quarter|decade))))",
    ),
    (
        "ytlne",
        r"(?P<rel>(?:(?:earlier|later|early|late)\s+)?"
        r"(?P<rel_words>yesterday|today|tomorrow|tonight|(?:this|last|next)\s+(?:week(?:end)?|month|year)|"
        r"that\s+(?:year|month|week|day)))",
    ),
    (
        "t",
        r"(?P<adj>the\s+(?:(?P<adj_dir>previous|preceding|next|following)\s+"
        r"(?P<adj_unit>day|week|month|year)|day\s+(?P<adj_ba>before|after)))",
    ),
    (
        "ale",
        rf"(?P<later>a\s+later\s+(?:date|time|stage)|(?:later|earlier)(?!\s+{_weekday}\b))",
    ),
    (
        "cnbhte",
        r"(?P<hol>christmas(?:\s+(?:day|eve))?|boxing\s+day|new\s+year['’]s(?:\s+(?:day|eve))?|"
        r"halloween|thanksgiving(?:\s+day)?|easter(?:\s+(?:sunday|monday))?)",
    ),
    (
        r"t\dn",
        r"(?P<cent>(?:the\s+)?(?:(?P<cent_n>\d{1,2})(?:st|nd|rd|th)|"
        rf"(?P<cent_word>{_trie(list(CENTURY_WORDS))}))[\s-]+century)",
    ),
    ("e", r"(?P<every>(?:every|each)\s+(?P<every_unit>day|week|month|quarter|year))"),
    (
        "ltnpcmwfse",
        rf"(?P<wd>(?:{_part_word}\s+)?(?:(?P<wd_mod>last|this|next|past|coming)\s+)?"
        rf"(?P<wd_day>{_weekday}))",
    ),
    (
        "emltnjfasod",
        rf"(?P<mo>(?:the\s+month\s+of\s+)?(?:(?P<mo_mod>early|mid|late|last|next|this|that)[\s-]+)?"
        rf"(?P<mo_month>{_month_name})"
        r"(?:,?\s+(?:of\s+)?(?P<mo_rel>this|last|next)\s+year\b)?)",
    ),
    (
        r"'’\dmel",
        r"(?P<dec>(?:(?:early|mid|late)[\s-]+)?(?:['’]|(?P<dec_century>19|20))?(?P<dec_decade>\d)0s)",
    ),
    (
        "ncapmrtsf",
        r"(?P<ref>now|currently|presently|nowadays|these\s+days|(?:more\s+)?recently|"
        r"at\s+(?:present|the\s+moment)|"
        r"for\s+the\s+moment|recent(?:\s+(?P<ref_unit>year|month|week|day)s)?|(?:the\s+)?(?:"
        r"(?:near|short)[\s-]term|(?:near\s+)?future|(?<=the )(?:long[\s-]term|"
        r"past(?=\s*[,.;:]|\s+(?:and|or|but|when|as)\b))))",
    ),
    (
        "lsmntswfsa",
        r"(?P<season>(?:(?P<season_mod>last|this|next|early|late|mid)[\s-]+)?"
        rf"(?P<season_name>spring|summer|autumn|winter|fall)(?:\s+(?:of\s+)?(?P<season_year>{_year}))?)",
    ),
    (
        "t",
        r"(?P<theday>(?:the\s+(?:start|end|rest|close|course|beginning)\s+of\s+)?the\s+"
        rf"(?P<theday_unit>{_trie(['day', 'week', 'month', 'year', 'quarter', *PARTS_OF_DAY])}))"
        r"\b(?!-|\s+\d)"
        r"(?!\s+(?:before|after|of|when|that|in\s+which|on\s+which)\b)",
    ),
    (
        "mae",
        r"(?P<trade>(?P<trade_part>morning|afternoon|evening)(?=\s+(?:trading|trade|session)))",
    ),
    (
        "tlp",
        r"(?P<past>(?:the\s+)?(?:past|last|previous)\s+(?P<past_unit>decade|year|month|week))",
    ),
    (
        "smafydhwtcnlp",
        r"(?P<vague>(?P<vague_pre>(?:the\s+)?(?:coming|next|past|last|previous)\s+)?"
        r"(?:(?P<vague_q>several|many|a\s+few|few|some)\s+)?"
        r"(?P<vague_unit>year|month|week|day|decade|hour|minute)s(?P<vague_ago>\s+ago)?)",
    ),
    ("aqmwdhy", rf"(?P<freq>{_trie(list(FREQUENCIES))})"),
    ("t", rf"(?P<decw>the\s+(?P<decw_word>{_trie(list(DECADE_WORDS))}))"),
    (
        r"t\d",
        rf"(?P<year>(?:the\s+year\s+)?{_year})(?![\d,.%-]\d|\s*(?:%|per\s*cent|percent))",
    ),
]
DATE_PATTERN = re.compile(
    # only at word starts (the lower-cased text is searched)
    r"(?<![\w$£€#'’.,-])(?:"
    + "|".join(f"(?=[{first}]){alternative}" for first, alternative in _ALTERNATIVES)
    + r")\b"
)
# Every date holds a digit or one of these words, at most REACH characters after its start. The
# full pattern (on a lower-cased copy: IGNORECASE makes it slow) is tried only near them, which
# spares it most sentences and most of the rest. The words are found as whole words of the
# sentence (a set lookup), their places by str.find.
DIGIT = re.compile(r"\d+")
_unit_words = (
    "day night noon morning afternoon evening week weekend month year quarter decade hour minute "
    "second"
)
_other_words = (
    "today yesterday tonight tomorrow now nowadays currently present presently recent recently "
    "future term fiscal financial half same spring summer autumn fall winter midday midnight later "
    "earlier christmas halloween thanksgiving easter century centuries moment past"
)
DATE_WORDS = frozenset(
    [
        *(word + plural for word in (*_unit_words.split(), *WEEKDAYS) for plural in ("", "s")),
        *_other_words.split(),
        *MONTH_NUMBERS,
        *FREQUENCIES,
        *DECADE_WORDS,
    ]
)
# (typographic quotes and dashes too: "“Yesterday" holds the word "yesterday")
_NOT_WORD = str.maketrans(
    {c: " " for c in [*(chr(i) for i in range(128) if not chr(i).isalnum()), *"“”‘’—–…«»„"]}
)
REACH = 32  # "twenty-seven and a half years": the longest way from a date's start to its word
# (a date with a digit but none of the words starts at the digit: "5 March", "1970s", "'70s")
DIGIT_REACH = 18  # a date with a digit starts at most this far before it: "the beginning of 2008"
BEYOND = 12  # a bounded search just past that word finds a date or its start, redone unbounded
FUTURE = re.compile(
    r"\b(?:will|shall|'ll|’ll|going to|(?:is|are|be)\s+(?:(?:set|likely)\s+to|planned|due|expected|"
    r"scheduled|slated)|scheduled|upcoming|(?:plans?|intends?|wants?|aims?|hopes?|seeks?|expects?)"
    r"\s+to|(?:has|have)\s+until|(?:could|might|would|should)(?!\s+(?:not\s+)?have\b))\b"
)
# a name with a day in it: "The Mail on Sunday", "Sunday Times", "Black Monday", "Super Tuesday"
NAME_AFTER = re.compile(r"\s+(?:[A-Z][a-z]+\b(?<!Morning)(?<!Night)(?<!Evening)(?<!Afternoon))")
# a post embedded in the page (a tweet, by its picture link or its signature): its "today" and
# "Monday" are of the day it was posted, not of the story
POST_SIGNATURE = re.compile(
    r"\(@\w{1,15}\)\s+(?P<month>[a-z]+)\.?\s+(?P<day>\d{1,2}),\s+(?P<year>\d{4})"
)
EMBEDDED_POST = re.compile(rf"pic\.twitter\.com/\w|{POST_SIGNATURE.pattern}")
PREPOSITIONS = frozenset(
    ["on", "in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "at"]
)
# irregular past tenses (regular ones end in "-ed"); none that is also a present ("put", "cut")
PAST_VERBS = word_set(
    "said told was were had did rose fell made took won lost sold came went began met spoke wrote "
    "saw gave held paid became brought bought grew built struck led found got kept sent fled "
    "chose spent stood ran shot underwent thought knew felt heard fought caught taught sought "
    "drove  rode broke froze stole woke wore tore swore threw drew flew blew withdrew forgot sank "
    "sang rang  swam slid hid fed meant lent dealt slept swept wept sat laid stuck swung hung "
    "shook ate "
    "arose upheld withheld understood withstood misled dug overtook undertook overcame oversaw"
)
# "-ed" words that are not past verbs, and words after which a participle is not past ("is
# expected", "to be delivered", "has been delayed")
NOT_PAST = word_set(
    "hundred need feed seed heed speed proceed exceed succeed indeed united limited based related "
    "expected scheduled planned slated proposed anticipated"
)
ADVERBS = word_set("now also still already just not never ever yet all long once")
NOT_PAST_AFTER = word_set(
    "is are am be being been to will a an the its his her their our this that"
)
# where the clause that holds a date begins: its tense is that clause's ("the prospect that the
# November election will", "who died Sunday"); a past verb after "if" is no past ("if he won")
CLAUSE_START = re.compile(
    r"[;:(—–\"“”]|\b(?:which|who|whom|because|but|(?P<if>if|unless)|that(?=\s+(?:the|a|an|he|she|it|they|"
    r"we|i|you|his|her|its|their|this|these|those|there)\b))\b"
)
# the date words that name programmes: NBC's "Today", "Entertainment Tonight", ABC's "This Week"
PROGRAMME_WORDS = word_set("today tonight") | {"this week"}
# where a quotation ends: '..., heading into July," she said'
AFTER_REACH = 25  # characters after a date read for its tense
QUOTATION_END = re.compile(r"[,.!?](?:[\"”]|'')|”")
# what reports a plan from the past: "his vow that", "said that", "promised it"
REPORTED_THAT = re.compile(
    r"\b(?:vow|promise|pledge|said|told|vowed|promised|pledged|announced|predicted)\s+"
    r"(?:that|it|they|he|she)\b"
)
THE_DAY_BEFORE = re.compile(
    r"(?:(?:later|earlier|early|late)\s+in|for|on|over|(?:end|close)(?:d|ed|ing|s)?|during|"
    r"throughout|all|of)\s+$"
)
# "for the week", "during the month", "much of the year": the story's week, month or year
THE_PERIOD_BEFORE = re.compile(
    r"(?:(?:later|earlier|early|late)\s+in|for|over|(?:end|close)(?:d|ed|ing|s)?|during|"
    r"throughout|(?:much|most|part|half|all)\s+of)\s+$"
)
PERIOD_NOT_AFTER = re.compile(
    r"(?:\s+(?:before|after|of|when|that|in\s+which|on\s+which|ahead|to|ended|ending|earlier|ago|"
    r"later|since)\b|['’-])"
)
# words that TimeML keeps in a duration's span as its modifier ("about 12 years": mod APPROX)
APPROXIMATE = re.compile(
    r"\b(?:about|around|approximately|roughly|nearly|almost|some|circa|(?:more|less|fewer)\s+than|"
    r"at\s+least|up\s+to)\s+$"
)
# what a present tense that tells what usually happens says it with: "prices typically rise in
# December", "the Senate tends to slow down as it gets closer to November"
HABITUAL = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|tends?\s+to|(?:every|each)\s+year)\b"
)
# a present of change after "in November": "In November, the air gets cool"
CHANGES = re.compile(r"\b(?:gets|turns|grows|becomes)\b")
# a time told in a zone: "2 a.m. local time", "0100 GMT", "14:00 UTC"
ZONED_TIME = re.compile(
    r"\b(?:\d{1,2}(?:[:.]?\d\d)?\s*(?:[ap]\.?m\.?\s*)?(?:gmt|utc)|local\s+time)\b"
)
# days of the week before a time that make it a weekly one: "Tue – Sat 4PM", "Monday to
# Friday at 9 a.m.", "Sundays at 8 p.m." (not "from Monday to Wednesday at 5 p.m.": one span)
_DAY_OR_ABBREVIATION = r"(?:mon|tues?|wed|thu(?:rs?)?|fri|sat|sun)(?:day)?|wednesday|saturday"
_DAYS_RANGE = rf"(?<!from\s)(?:{_DAY_OR_ABBREVIATION})\.?\s*(?:[-–—]|to|through|thru)\s*"
WEEKLY_BEFORE = re.compile(
    rf"\b(?:{_DAYS_RANGE}(?:{_DAY_OR_ABBREVIATION})|(?:mon|tues|wednes|thurs|fri|satur|sun)days)"
    r"\.?,?\s*(?:at\s+|from\s+)?$"
)
# a time told as a schedule after it: "live at 12:45 and 17:45 weekdays", "at 6 p.m. daily"
WEEKLY_AFTER = re.compile(
    r"\.?(?:\s*(?:and|to|-|–)\s*\d{1,2}(?:[:.]\d{2})?(?:\s*[ap]\.?m\.?)?)?"
    r"\s+(?:on\s+)?(?:weekdays|weeknights|weekends|daily|nightly|every\s+(?:day|night|weekday))\b"
)
# words before "back in" that make it a return, not the past: "we will come back in November"
COMING_BACK = word_set(
    "come comes coming came go goes going went gone be been being is are was were get gets "
    "getting got bring brings bringing brought head heads heading headed move moves moving moved "
    "look looks looking looked fly flies flying flew"
)
# words that move "five years ago" a little nearer or further back
HEDGED_AGO = re.compile(r"\b(nearly|almost|more\s+than|over)\s+$")
# a date that is a comparison's baseline or a background starting point is not the story's time:
# "compared to March of 2008", "up from $34,410 in October 2015", "duties in force since July 2013"
BASELINE_BEFORE = re.compile(
    r"\b(?:(?:compared\s+(?:to|with)|than|versus|vs\.|since)(?:\s+in)?"
    r"|from\s+(?:[$€£]?[\d.,]+%?\s+)?in)\s+(?:the\s+)?$"
)
# a weekday named with a day of the month: "Monday night (Nov. 18)", "on Friday, Dec. 6"
WEEKDAY_BEFORE = re.compile(
    r"\b(?P<weekday>monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
    r"(?:\s+(?:night|morning|afternoon|evening))?\s*[,(]?\s*$"
)
# the heading of a list of events in one year: "The band's 2020 tour dates:", "2021 schedule:"
LIST_HEADING = re.compile(
    r"\b(?P<list_year>(?:19|20)\d\d)\s+(?:\w+\s+)?(?:dates|schedule|itinerary|fixtures)\s*:"
)
# an item of such a list: "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"
LIST_ITEM = re.compile(rf"\b{_month}\.?\s+\d{{1,2}}\s*(?:--|–|—)\s")
# a day named as the mark of an event ("Trump’s July 25 call", "a July 10 meeting"): not the day
# the story is about, nor a time the sentence's verb speaks of
EVENT_MARK_BEFORE = re.compile(r"(?:['’]s|\b(?:the|an?))\s+$")
# how many periods "last", "this" and "next" move from publication: "last year", "next month"
RELATIVE_SHIFT = {"last": -1, "this": 0, "next": 1}
# a year named relative to publication: "last year", "next year"
RELATIVE_YEAR = re.compile(r"\b(?P<rel_year>last|this|next)\s+year\b")
# what may follow "in the morning" (not a noun it qualifies: "the morning shows")
PART_OF_DAY_AFTER = re.compile(
    r"\s*(?:$|[,.;:!?)\"”’'—–-]|(?:and|or|but|when|as|on|at|in|to|with|from|he|she|it|they|we|i|"
    r"the|a|an|local|hours?)\b)"
)
PAID_BY_THE_HOUR = re.compile(r"\s+(?:and\s+salaried\s+)?(?:workers|employees|staff|wages?|pay)\b")
APPROXIMATE_LAST = word_set(
    "about around approximately roughly nearly almost some circa than least to"
)
MODALS = word_set("could would will may might should can must 'll ’ll")
CLOCK_BEFORE = word_set("at by until till from to before after around since")
LABEL_BEFORE = re.compile(r"(?:no\.|number|#|model|flight|route)\s*$", re.IGNORECASE)
# "the later version", "two years later": "later" and "earlier" that are not a time of their own
LATER_NOT_AFTER = word_set(
    "the a an its his her their our this that these those much even no and or"
)
SPAN_BEFORE = word_set("over within for during throughout")
LATER_BEFORE = word_set("in on at that when after before said says told became was were")
HOLIDAY_BEFORE = PREPOSITIONS | word_set("over this last next")
REFERENCES = {
    "PRESENT": ("now", "currently", "present", "nowadays", "moment", "these days"),
    "PAST": ("recent", "past"),
}
# "for years", "within hours": a vague duration needs a word like these before it
VAGUE_BEFORE = frozenset(["for", "in", "within", "over", "after", "just", "mere", "took", "take"])
# words before a year-like number that keep it a year ("in 2000 the", "the 2008 election")
YEAR_BEFORE = PREPOSITIONS | word_set(
    "a an the its their his her our this that and or to - – early late mid spring summer autumn "
    "fall winter fiscal year circa"
)
# words after a year-like number that leave it a year ("2000 people" is a count)
YEAR_AFTER = word_set(
    "and or but the a an to of in on at for with by from as was were is are be been had has "
    "have will would could should may might can did do does when while after before than that "
    "which who where it its he she they we i there this"
)
COUNT_BEFORE = word_set(
    "about around nearly almost some over than roughly approximately least most only just another"
)


def _comes_every_year(match: re.Match[str], lowered: str, tense: int) -> bool:
    """ "every November", "each March"; a month with no tense (bare, or "early", "mid", "late")
    in a sentence that tells what usually happens."""
    if _previous_word(lowered, match.start()) in ("every", "each"):
        return True
    bare = match["mo_mod"] in (None, "early", "mid", "late")
    return not tense and bare and _is_habitual(lowered, match.start())


def _is_habitual(lowered: str, start: int) -> bool:
    """Whether a month with no tense is one that comes every year: the sentence tells what
    usually happens ("prices typically rise in December"), or a present of change follows "in
    November" ("In November, the air gets cool"; not "a June hearing, when it gets to court")."""
    if HABITUAL.search(lowered):
        return True
    return _previous_word(lowered, start) in ("in", "during") and bool(CHANGES.search(lowered))


def _is_event_list(lowered: str) -> bool:
    """Two items or more of a list of dated events ("June 9 -- ..."); the dash is rare, so it is
    looked for first."""
    has_dash = "--" in lowered or "–" in lowered or "—" in lowered
    return has_dash and len(LIST_ITEM.findall(lowered)) >= 2


def _embeds_a_post(lowered: str) -> bool:
    """Whether the sentence holds an embedded social-media post (its link or its signature)."""
    has_sign = "pic.twitter.com/" in lowered or "(@" in lowered
    return has_sign and EMBEDDED_POST.search(lowered) is not None


def _posted_on(lowered: str) -> date | None:
    """The day an embedded post gives after its author ("(@handle) November 1, 2019"), or None."""
    signed = POST_SIGNATURE.search(lowered)
    if signed is None or signed["month"] not in MONTH_NUMBERS:
        return None
    try:
        return date(int(signed["year"]), MONTH_NUMBERS[signed["month"]], int(signed["day"]))
    except ValueError:
        return None


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
    """Date expressions in one sentence; relative ones resolved when `published` is given."""
    return StoryDates(published).find(text, offset)


class StoryDates:
    """The dates of one article, read sentence by sentence in article order: a date with a year
    ("December 2010") sets the year of the day and month names in the next few sentences."""

    STORY_MEMORY = 3  # sentences

    def __init__(self, published: date | None) -> None:
        self.published = published
        self.story_year: int | None = None
        self.since_year = 0
        self.story_day: str | None = None  # the day the story last named: "on Tuesday"
        self.story_period: str | None = None  # its last month, quarter, week...: "in February"
        self.since_period = 0
        self.since_day = 0
        self.named_year: int | None = None  # the last year written out: "that year", "that May"
        self.sentences: list[str] = []  # the story so far: what it names a product
        self.game_periods = False  # whether it has told a game's quarters or halves

    def find(self, sentence: str, offset: int = 0) -> list[DateMention]:
        """Date expressions in the next sentence of the article, resolved."""
        lowered = sentence.lower()
        if not _is_event_list(lowered):  # a list of events goes on in the year it began
            self.since_year += 1
        self.since_period += 1
        self.since_day += 1
        self.sentences.append(sentence)
        if len(lowered) != len(sentence):  # a few characters (e.g. "İ") grow when lower-cased
            lowered = "".join(c if len(c.lower()) != 1 else c.lower() for c in sentence)
        published = self.published
        if _embeds_a_post(lowered):  # a post's "today" is the day it was posted
            self.published = _posted_on(lowered)
        try:
            return self._find(sentence, lowered, offset)
        finally:
            self.published = published

    def _find(self, sentence: str, lowered: str, offset: int) -> list[DateMention]:
        found: list[DateMention] = []
        heading = LIST_HEADING.search(lowered) if ":" in lowered else None
        if heading:
            self._set_year(int(heading["list_year"]))
        for match in _matches(lowered):
            if not self._is_date(match, sentence):
                continue
            if match.lastgroup == "yr":  # a range of years: both ends
                first, last = _range_years(match)
                for name, year in (("yr_a", first), ("yr_b", last)):
                    found.append(
                        DateMention(
                            sentence[match.start(name) : match.end(name)],
                            match.start(name) + offset,
                            match.end(name) + offset,
                            str(year),
                            "year",
                        )
                    )
                continue
            story_year = self.story_year, self.since_year
            try:
                resolved, granularity = self._resolve(match, lowered)
            except (ValueError, OverflowError):  # beyond the calendar: years 1 to 9999
                resolved, granularity = None, "day"
            if story_year != (self.story_year, self.since_year) and BASELINE_BEFORE.search(
                lowered, max(0, match.start() - 30), match.start()
            ):
                self.story_year, self.since_year = story_year  # a background year
            start = match.start()
            if granularity == "duration" and _previous_word(lowered, start) in APPROXIMATE_LAST:
                approximate = APPROXIMATE.search(lowered, max(0, start - 20), start)
                start = approximate.start() if approximate else start  # "about 12 years"
            found.append(
                DateMention(
                    surface=sentence[start : match.end()],
                    start=start + offset,
                    end=match.end() + offset,
                    resolved=resolved,
                    granularity=granularity,
                )
            )
            self._remember(resolved, granularity, match, lowered)
            if (
                resolved
                and len(resolved) > 3
                and resolved[:4].isdigit()
                and resolved[:4] in match[0]
            ):
                self.named_year = int(resolved[:4])
        days = [d for d in found if d.granularity == "day"]
        return [
            d if d.granularity != "time" else _on_its_day(d, days, lowered, offset) for d in found
        ]

    def _is_date(self, match: re.Match[str], sentence: str) -> bool:
        start, end, kind = match.start(), match.end(), match.lastgroup
        if kind in ("wd", "mo") or (kind == "pod" and match["pod_day"] in WEEKDAYS):
            word_start = match.start({"wd": "wd_day", "mo": "mo_month", "pod": "pod_day"}[kind])
            if not sentence[word_start].isupper():
                return False
            before = sentence[:start].rstrip().rsplit(None, 1)
            previous = before[-1].lstrip("\"“‘'") if before else ""  # '"Super Tuesday"'
            # "Black Monday", "Theresa May", "The Mail on Sunday"; not "On Monday" at the start
            # or "Nixon that November"
            named = previous[:1].isupper() and previous.lower() not in PREPOSITIONS and start > 0
            named = named and start == word_start  # not "Sanders late Tuesday", "last May"
            if named and not (kind == "mo" and previous[-1:] in ",;:"):
                return False
            if sentence[:start].endswith(("Mail on ", "Mail On ")) or NAME_AFTER.match(
                sentence, end
            ):
                return kind != "mo" and bool(re.match(r"\s+[A-Z][a-z]+\s+\d", sentence[end:]))
            # "May" and "March" are words too: "Theresa May", "the March on Washington"
            bare = kind == "mo" and previous.lower() not in PREPOSITIONS and not match["mo_mod"]
            # "the March of Dimes", "March for Our Lives": a name; not "March of 2015"
            name_after = re.match(r"\s+(?:on\b|(?:of|for)\s+[A-Z])", sentence[end:])
            if bare and (match["mo_month"] == "may" or name_after):
                return False
        elif kind in ("rel", "noon") or match["pod"] == "this morning":
            programme = kind != "rel" or match["rel_words"] in PROGRAMME_WORDS
            if (programme and _is_programme(sentence, start)) or _is_title(sentence, start, end):
                return False  # NBC's "Today", “Lopez Tonight”, “Last Week Tonight”
            # "the last weekend of the festival", "the next week of the trial": a part of another
            # period, not the week before or after publication
            after_the = kind == "rel" and sentence[:start].lower().endswith("the ")
            return not (after_the and re.match(r"\s+of\b", sentence[end:]))
        elif kind == "dur":
            n = match["dur_n"]
            if (
                n in ("a", "an")
                and re.search(r"(?:\d|once|twice|times|per)\s*$", sentence[:start])
                and not (match["ago"] or re.match(r"\s+(?:earlier|later)\b", sentence[end:]))
            ):
                return False  # "$5 a day", "twice a year": rates; not "$25 a week earlier"
            if match["dur_unit"][0] == "c" and sentence[match.start("dur_unit")].isupper():
                return False  # "a Century speedboat" (a title's "First 100 Days" stays)
            return match["dur"] != "a second"  # "a second plane"
        elif kind == "clock":
            zone = match["tz"]
            if zone and len(zone) < 5 and not sentence[match.start("tz")].isupper():
                return False  # "9:30 et al."
            if match["ampm"] or match["ampm2"] or zone:
                return int(match["hh"]) <= 24
            # "at 16:00", "until 9:30": a 24-hour time where a time of day can stand
            previous = _previous_word(sentence, start).lower()
            return bool(match["mm"]) and int(match["hh"]) < 24 and previous in CLOCK_BEFORE
        elif kind == "dec" and not (match["dec_century"] or match["dec"][0] in "'’"):
            # "the 70s and 80s", not "in their 30s"
            return int(match["dec_decade"]) >= 3 and sentence[:start].endswith(("the ", "and "))
        elif kind == "season":
            return self._is_season(match, sentence)
        elif kind == "theday":
            return self._is_the_period(match, sentence)
        elif kind == "vague":
            previous = _previous_word(sentence, start).lower()
            return bool(
                match["vague_pre"]
                or match["vague_q"]
                or match["vague_ago"]
                or previous in VAGUE_BEFORE
                or (start == 0 and re.match(r"\s+(?:after|before|later|earlier)\b", sentence[end:]))
            )
        elif kind == "later":
            return self._is_later(match, sentence)
        elif match["adj_ba"]:
            return not re.match(r"\s+\w", sentence[end:])  # not "the day after the vote"
        elif kind in ("cent", "every"):
            # "21st Century Fox", "each year of education"
            return not NAME_AFTER.match(sentence, end) and not re.match(r"\s+of\b", sentence[end:])
        elif kind == "hol":
            return self._is_holiday(match, sentence)
        elif kind == "freq":
            # "annual loss", not the "Daily Mail" or "hourly workers" (paid by the hour)
            return (
                sentence[start].islower()
                and not NAME_AFTER.match(sentence, end)
                and not (match["freq"] == "hourly" and PAID_BY_THE_HOUR.match(sentence, end))
            )
        elif kind == "ref":
            return self._is_reference(match, sentence)
        elif kind == "yr":
            first, last = _range_years(match)
            return first < last <= first + 100 and not LABEL_BEFORE.search(sentence, 0, start)
        elif kind == "year":
            return not (
                LABEL_BEFORE.search(sentence, 0, start)
                or _is_count(sentence, start, end)
                or is_model_year(sentence, start, end, self.sentences)
            )
        elif kind in ("q", "half"):
            return self._is_calendar_part(match, sentence)
        elif kind == "past":  # "the past year"; not "the last week of October" (a part of it)
            return not re.match(r"\s+of\b", sentence[end:])
        elif kind == "dec":
            return not LABEL_BEFORE.search(sentence, 0, start)
        return True

    def _is_calendar_part(self, match: re.Match[str], sentence: str) -> bool:
        """A quarter or half of a year, unless a year is not named and it is a game's ("scored in
        the third quarter", "a first-half goal": so are the story's later ones) or a part of
        another period ("the second half of the 20th century", "of the season")."""
        if any(match[name] for name in ("q_year", "q_pre", "q_rel", "q_pre_rel", "half_year")):
            return True
        if match["half_rel"] or match["half_h"] or "fiscal" in match[0] or "financial" in match[0]:
            return True
        if match["q_n"] and match["q_n"] not in (*QUARTERS, "last", "final"):  # "this quarter"
            return True
        lowered = sentence.lower()
        return not (
            is_part_of_another_period(lowered, match.end()) or self._is_game_period(lowered)
        )

    def _is_game_period(self, lowered: str) -> bool:
        """Whether a quarter or half in this sentence is a game's: the sentence reports play, or
        the story has and this sentence is not about business."""
        if sounds_like_a_game(lowered):
            self.game_periods = True
        return self.game_periods and not BUSINESS_WORDS.search(lowered)

    def _is_reference(self, match: re.Match[str], sentence: str) -> bool:
        """ "now", "in the long term", "at the moment"; not "the now-cancelled deal", "the
        long-term goals" or "at the moment he says it" (a time of its own)."""
        start, end = match.start(), match.end()
        words = match["ref"]
        if "long" in words:
            return _previous_word(sentence, start).lower() in ("in", "over", "for", "on")
        if words.endswith("moment"):
            return not re.match(
                r"\s+(?:[A-Z]|(?:he|she|they|we|i|you|it|when|that|of|the)\b)", sentence[end:]
            )
        if words == "future":  # "in future", not "future announcements" (an adjective)
            previous = _previous_word(sentence, start).lower()
            return previous in ("in", "for") and not re.match(r"\s+[a-z]", sentence[end:])
        return sentence[end : end + 1] != "-"

    def _is_the_period(self, match: re.Match[str], sentence: str) -> bool:
        """ "later in the day", "to end the day", "for the day", "the start of the day"; "for the
        week", "during the month", "much of the year", "Apple sold 4 million in the quarter";
        not "the car of the year", "the week ahead" or "a quarter of the staff"."""
        start, end = match.start(), match.end()
        if match["theday_unit"] == "day":
            idiom = sentence[:start].lower() == "at " or sentence[end : end + 1] == ","
            if idiom and match["theday"].startswith("the end"):
                return False  # "At the end of the day, ...": in the end
            return bool(
                match["theday"] != "the day"
                or THE_DAY_BEFORE.search(sentence[max(0, start - 20) : start].lower())
            )
        if PERIOD_NOT_AFTER.match(sentence, end) or any(
            c.isupper() for c in sentence[start + 1 : end]
        ):
            return False  # "the week ahead", "the French Quarter", "The Year of the Dragon"
        before = sentence[max(0, start - 20) : start].lower()
        if match["theday_unit"] in PARTS_OF_DAY:  # "in the morning", not "the morning shows"
            return bool(
                re.search(r"\b(?:in|during|throughout)\s+$", before)
                and PART_OF_DAY_AFTER.match(sentence, end)
            )
        if match["theday_unit"] == "quarter" and self._is_game_period(sentence.lower()):
            return False  # "outscored Denver 30-20 in the quarter"
        if match["theday_unit"] == "quarter" and re.search(r"\bin\s+$", before):
            return True
        return bool(THE_PERIOD_BEFORE.search(before))

    def _is_later(self, match: re.Match[str], sentence: str) -> bool:
        """ "later recovered", "as reported earlier", "at a later date"; not "two days later",
        "later than" or "the earlier report"."""
        start, end = match.start(), match.end()
        previous = _previous_word(sentence, start).lower()
        if previous in LATER_NOT_AFTER or previous.rstrip("s") in DURATION_UNITS:
            return False
        if previous[:1].isdigit() or previous in NUMBERS:
            return False
        following = re.match(r"\s*([A-Za-z]*)", sentence[end:])[1]  # type: ignore[index]
        if not following or match["later"].startswith("a "):
            return True
        # an adverb before a verb or a preposition, not an adjective before a noun ("earlier
        # reports")
        return (
            following in LATER_BEFORE
            or following.endswith(("ed", "ing"))
            or following in PAST_VERBS
        )

    def _is_holiday(self, match: re.Match[str], sentence: str) -> bool:
        """ "on Christmas Day", "over Thanksgiving"; not "Christmas sales" (a season of trade) or
        "the Easter Rising"."""
        start, end = match.start(), match.end()
        if not sentence[start].isupper():
            return False
        previous = _previous_word(sentence, start)
        if previous[:1].isupper() and previous.lower() not in PREPOSITIONS and start > 0:
            return False
        if match["hol"].endswith(("day", "eve", "sunday", "monday")):
            return True
        return previous.lower() in HOLIDAY_BEFORE and not re.match(r"\s+[A-Za-z]", sentence[end:])

    def _is_season(self, match: re.Match[str], sentence: str) -> bool:
        """ "last summer", "in the spring of 2009", not "prices fall", "the fall of Rome" or
        "the Arab Spring"."""
        start, end = match.start(), match.end()
        name_start = match.start("season_name")
        if sentence[name_start].isupper() and name_start > 0:
            return False
        if match["season_mod"] or match["season_year"]:
            return True
        if re.match(r"\s+of\b", sentence[end:]):
            return False
        return _previous_word(sentence, start).lower() in ("the", "this", "next", "last")

    def _tense_future(self, lowered: str, start: int, end: int, day: bool = False) -> bool:
        return _tense(lowered, start, end, day) > 0

    def _resolve(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        """The value of a date: which alternative of DATE_PATTERN matched (its outer group, the
        last to close) picks the rule."""
        published, kind = self.published, match.lastgroup
        if kind == "iso":
            return self._day(int(match["iso_y"]), int(match["iso_m"]), int(match["iso_d"]))
        if kind == "num":
            a, b, year = int(match["num_a"]), int(match["num_b"]), int(match["num_y"])
            year += 2000 if year < 100 else 0
            month, day = (b, a) if a > 12 else (a, b)
            return self._day(year, month, day)
        if kind in ("md", "dm"):
            prefix = kind
            month = MONTH_NUMBERS[match[f"{prefix}_month"]]
            day = int(match[f"{prefix}_day"].rstrip("stndrh"))
            if match[f"{prefix}_year"]:
                return self._day(int(match[f"{prefix}_year"]), month, day)
            tense = _calendar_tense(lowered, *match.span())
            if tense > 0 and _event_mark(match, lowered):
                tense = 0  # "will face questions about Trump's July 25 call": the nearest July 25
            found = self._month_day(month, day, tense)
            named = match.start(f"{prefix}_month" if prefix == "md" else f"{prefix}_day")
            return _agree_with_weekday(found, lowered, named, self.published)
        if kind == "my":
            self._set_year(int(match["my_year"]))
            return f"{int(match['my_year']):04d}-{MONTH_NUMBERS[match['my_month']]:02d}", "month"
        if kind == "clock" and (
            WEEKLY_BEFORE.search(lowered, 0, match.start())
            or WEEKLY_AFTER.match(lowered, match.end())
        ):
            clock = self._clock(match)[0] or ""
            return f"XXXX-XX-XXT{clock.partition('T')[2]}", "set"  # opening hours, every week
        if kind == "clock":
            return self._clock(match)
        if kind == "q":
            if match["q_year"] or match["q_pre"]:
                self._set_year(int(match["q_year"] or match["q_pre"]))
            return self._quarter(match, lowered)
        if (
            kind == "dur"
            and match["dur"] == "one day"
            and _previous_word(lowered, match.start()) in MODALS
        ):
            return "FUTURE_REF", "reference"  # "a road that could one day stretch to Europe"
        if kind == "dur":
            return self._duration(match)
        if kind == "pod":
            part = PARTS_OF_DAY[match["pod_part"]]
            day_word = match["pod_day"]
            if day_word in WEEKDAYS:
                future = self._tense_future(lowered, *match.span(), day=True)
                day, _ = self._weekday(day_word, None, future)
            else:
                shift = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[day_word]
                day = (published + timedelta(days=shift)).isoformat() if published else None
            return (f"{day}T{part}" if day else None), "part of day"
        if kind == "rel":
            if match["rel_words"].startswith("that"):  # "later that month"
                return self._that(match["rel_words"].split()[-1])
            return self._relative(match["rel_words"])
        if kind == "edge":
            return self._edge(match, lowered)
        if kind == "adj":
            return self._adjacent(match, lowered)
        if kind == "later":
            if match["later"].startswith("a "):
                return "XXXX-XX-XX", "day"  # "at a later date": some day not given
            return ("PAST_REF" if match["later"] == "earlier" else "FUTURE_REF"), "reference"
        if kind == "hol":
            return self._holiday(match, lowered)
        if kind == "cent":
            number = int(match["cent_n"] or CENTURY_WORDS[match["cent_word"]])
            return f"{number - 1:02d}", "century"
        if kind == "every":
            return EVERY_UNITS[match["every_unit"]], "set"
        if kind == "noon":
            day = self.published.isoformat() if self.published else "XXXX-XX-XX"
            return f"{day}T{'24:00' if match['noon'] == 'midnight' else '12:00'}", "time"
        if kind == "wkend":
            return self._weekend(self._tense_future(lowered, *match.span(), day=True)), "week"
        if kind == "wd":
            future = self._tense_future(lowered, *match.span(), day=True)
            zoned = ZONED_TIME.search(lowered) is not None
            return self._weekday(match["wd_day"], match["wd_mod"], future, zoned)
        if kind == "mo" and match["mo_mod"] == "that" and self.named_year:
            return f"{self.named_year:04d}-{MONTH_NUMBERS[match['mo_month']]:02d}", "month"
        if kind == "mo" and match["mo_rel"]:  # "January next year", "May last year"
            if published is None:
                return None, "month"
            year = published.year + RELATIVE_SHIFT[match["mo_rel"]]
            return f"{year:04d}-{MONTH_NUMBERS[match['mo_month']]:02d}", "month"
        if kind == "mo":
            tense = _calendar_tense(lowered, *match.span())
            if _comes_every_year(match, lowered, tense):
                return f"XXXX-{MONTH_NUMBERS[match['mo_month']]:02d}", "set"  # every November
            return self._month(MONTH_NUMBERS[match["mo_month"]], match["mo_mod"], tense)
        if kind == "ref":
            return _reference(match), "reference"
        if kind == "fy":
            return self._fiscal_year(match), "fiscal year"
        if kind == "yp":
            return match["yp_year"], "year"
        if kind == "qn":
            return self._numbered_quarter(match)
        if kind == "half":
            return self._half(match, lowered)
        if kind == "same":
            return self._same_period(match)
        if kind == "nine11":
            return "2001-09-11", "day"
        if kind == "season":
            return self._season(match, lowered)
        if kind == "theday":
            return self._the_period(match["theday_unit"], lowered, match)
        if kind == "lng":  # "a month-long strike", "decades-long"
            unit = DURATION_UNITS[match["lng_unit"]]
            return f"P{'X' if match['lng_many'] else 1}{unit}", "duration"
        if kind == "trade":
            day = self._story_day()
            return (f"{day}T{PARTS_OF_DAY[match['trade_part']]}" if day else None), "part of day"
        if kind == "past":
            unit = DURATION_UNITS[match["past_unit"]]
            return f"P1{unit}", "duration"
        if kind == "vague":
            if match["vague_ago"]:
                return "PAST_REF", "reference"
            unit = DURATION_UNITS[match["vague_unit"]]
            return (f"PTX{unit[1:]}" if unit.startswith("T") else f"PX{unit}"), "duration"
        if kind == "freq":
            return FREQUENCIES[match["freq"]], "duration"
        if kind == "decw":
            return f"19{DECADE_WORDS[match['decw_word']]}", "decade"
        if kind == "dec":
            century = match["dec_century"] or "19"
            return f"{century}{match['dec_decade']}", "decade"
        return match["year"][-4:], "year"

    def _remember(
        self, resolved: str | None, granularity: str, match: re.Match[str], lowered: str
    ) -> None:
        """The story's day and period, for "later in the day" and "the same period last year"."""
        if not resolved or granularity not in ("day", "month", "quarter", "week", "half", "season"):
            return
        if match.lastgroup in ("same", "theday") or _event_mark(match, lowered):
            return
        if granularity != "day":
            self.story_period, self.since_period = resolved, 0
        elif resolved[:4].isdigit():
            self.story_day, self.since_day = resolved[:10], 0

    def _named_day(self) -> str | None:
        """The day the story last named, if it named one lately ("that day")."""
        if self.story_day and self.since_day <= self.STORY_MEMORY:
            return self.story_day
        return None

    def _that(self, unit: str) -> tuple[str | None, str]:
        """ "that year" (the year last written out), "that day", "that week", "that month" (of
        the day or month the story last named); None when the story named none lately."""
        if unit == "year":
            return (str(self.named_year) if self.named_year else None), "year"
        day = self._named_day()
        if unit == "day":
            return day, "day"
        if unit == "week":
            if day is None:
                return None, "week"
            year, week, _ = date.fromisoformat(day).isocalendar()
            return f"{year}-W{week:02d}", "week"
        period = self.story_period if self.since_period <= self.STORY_MEMORY else None
        if period and _granularity(period) == "month":
            return period, "month"
        return (day[:7] if day else None), "month"

    def _story_day(self) -> str | None:
        if self.story_day and self.since_day <= self.STORY_MEMORY:
            return self.story_day
        return self.published.isoformat() if self.published else None

    def _same_period(self, match: re.Match[str]) -> tuple[str | None, str]:
        """The story's last period a year back ("sales rose in February compared to the same
        period last year" -> February of last year; "the year-ago quarter"), else last year."""
        if match["same_unit"] == "day":
            period = self._named_day()
        else:
            period = self.story_period if self.since_period <= self.STORY_MEMORY else None
        if period and period[:4].isdigit():
            year = int(match["same_year"]) if match["same_year"] else int(period[:4]) - 1
            shifted = f"{year:04d}{period[4:]}"
            if len(shifted) == 10:  # 29 February
                shifted = (parse_published(shifted) and shifted) or shifted[:7]
            return shifted, _granularity(shifted)
        if match["same_year"]:
            return match["same_year"], "year"
        return (str(self.published.year - 1) if self.published else None), "year"

    def _edge(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        """ "the end of 2008", "the start of June", "the rest of the year", "the end of the
        quarter", "the entire week": the period whose edge it is (TimeML marks the edge as a
        modifier of that period's value)."""
        published = self.published
        if match["edge_year"]:
            return match["edge_year"], "year"
        if match["edge_month"]:
            month = MONTH_NUMBERS[match["edge_month"]]
            if match["edge_my"]:
                self._set_year(int(match["edge_my"]))
                return f"{match['edge_my']}-{month:02d}", "month"
            of_year = RELATIVE_YEAR.match(lowered, match.end() + 1)
            if of_year and published and lowered[match.end()] == " ":  # "the end of May last year"
                year = published.year + RELATIVE_SHIFT[of_year["rel_year"]]
                return f"{year:04d}-{month:02d}", "month"
            return self._month(month, None, _tense(lowered, *match.span()))
        if match["whole"]:  # "for the entire year": the story's year
            return self._the_period(match["whole_unit"], lowered, match)
        unit, when = match["edge_unit"], match["edge_rel"]
        if unit == "year" and published and match[0].endswith(("fiscal year", "financial year")):
            # "the beginning of the financial year": the one running now, by its end's year
            return f"FY{published.year + {'last': -1, 'next': 1}.get(when, 0)}", "fiscal year"
        if when == "the":
            return self._the_period(unit, lowered, match)
        if published is None:
            return None, unit
        shift = RELATIVE_SHIFT[when]
        if unit == "quarter":
            quarter = (published.month - 1) // 3 + shift
            return f"{published.year + quarter // 4:04d}-Q{quarter % 4 + 1}", "quarter"
        if unit == "decade":
            return f"{published.year // 10 + shift:03d}", "decade"
        return self._relative(f"{when} {unit}")

    def _the_period(self, unit: str, lowered: str, match: re.Match[str]) -> tuple[str | None, str]:
        """ "the day", "the week", "the month", "the quarter", "the year": the one the story is
        about (its day, period or year named lately), else the published one; a quarter not
        named is the last one ended, or the running one when the sentence looks ahead."""
        published = self.published
        if unit == "day":
            return self._story_day(), "day"
        if unit in PARTS_OF_DAY:  # "in the morning": of the story's day
            day = self._story_day()
            return (f"{day}T{PARTS_OF_DAY[unit]}" if day else None), "part of day"
        if published is None:
            return None, unit
        period = self.story_period if self.since_period <= self.STORY_MEMORY else None
        if unit == "week":
            day = date.fromisoformat(self._story_day() or published.isoformat())
            year, week, _ = day.isocalendar()
            return f"{year}-W{week:02d}", "week"
        if unit == "month":
            if period and _granularity(period) == "month":
                return period, "month"
            return published.isoformat()[:7], "month"
        if unit == "quarter":
            if period and _granularity(period) == "quarter":
                return period, "quarter"
            quarter = (published.month - 1) // 3 - (not self._tense_future(lowered, *match.span()))
            return f"{published.year + quarter // 4:04d}-Q{quarter % 4 + 1}", "quarter"
        year = self._year_of_story() or published.year
        if unit == "decade":
            return f"{year // 10:03d}", "decade"
        return str(year), "year"

    def _adjacent(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        """ "the previous day", "the day after", "the following week", "the following year": next
        to the story's day (or year), else to the published one. In a sentence of the past with
        no day named lately, "the next day" is not known (it cannot follow publication), nor is
        "the day before" once the story has moved to another year or period ("They met in July
        2008. The day before, ...")."""
        if self.published is None:
            return None, "day"
        step = (
            -1
            if (match["adj_dir"] or match["adj_ba"]) in ("previous", "preceding", "before")
            else 1
        )
        unit = match["adj_unit"] or "day"
        if unit != "day" and _previous_word(lowered, match.start()) in SPAN_BEFORE:
            return f"P1{DURATION_UNITS[unit]}", "duration"  # "over the next year": a span
        unnamed = unit == "day" and self._named_day() is None and _tells_the_past(lowered)
        if unnamed and (step > 0 or self._has_moved()):
            return None, "day"  # "The next day, he resigned": next to a day the story has not named
        day = date.fromisoformat(self._story_day() or self.published.isoformat())
        if unit == "day":
            return (day + timedelta(days=step)).isoformat(), "day"
        if unit == "year":
            return str(self._year_before(lowered, match.start(), self.published) + step), "year"
        if unit == "week":  # "had resigned the previous week": the week before the story's day
            year, week, _ = (day + timedelta(days=7 * step)).isocalendar()
            return f"{year}-W{week:02d}", "week"
        month = day.month + step
        return f"{day.year + (month - 1) // 12:04d}-{(month - 1) % 12 + 1:02d}", "month"

    def _has_moved(self) -> bool:
        """Whether the story has lately moved away from publication: to another year, or to a
        month or week that is not the published one."""
        if self.published is None:
            return False
        if self._year_of_story() is not None:
            return True
        if self.story_period is None or self.since_period > self.STORY_MEMORY:
            return False
        year, week, _ = self.published.isocalendar()
        here = {"month": self.published.isoformat()[:7], "week": f"{year}-W{week:02d}"}
        granularity = _granularity(self.story_period)
        return granularity in here and here[granularity] != self.story_period

    def _year_before(self, lowered: str, start: int, published: date) -> int:
        """The year "the previous year" steps from: one the sentence named before it relative to
        publication ("sold more last year, up 4 percent from the previous year"), else the
        story's."""
        named = max(RELATIVE_YEAR.finditer(lowered, 0, start), key=_start, default=None)
        if named:
            return published.year + RELATIVE_SHIFT[named["rel_year"]]
        return self._year_of_story() or published.year

    def _holiday(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        """The holiday nearest the published date in the sentence's tense, like "on 25 December"."""
        name = " ".join(match["hol"].replace("’", "'").split())
        rule = HOLIDAYS[name]
        if isinstance(rule, tuple):
            return self._month_day(*rule, _tense(lowered, *match.span()))
        year = self._year_of_story() or (self.published.year if self.published else None)
        if year is None:
            return None, "day"
        when = _movable_holiday(rule, year)
        if self.published and year == self.published.year:
            tense = _tense(lowered, *match.span())
            if tense > 0 and when < self.published - timedelta(days=7):
                when = _movable_holiday(rule, year + 1)
            elif tense < 0 and when > self.published + timedelta(days=31):
                when = _movable_holiday(rule, year - 1)
        return when.isoformat(), "day"

    def _fiscal_year(self, match: re.Match[str]) -> str | None:
        """Fiscal years by the calendar year they end in: "fiscal 2007", "FY07", "the 2006-07
        financial year" -> FY2007."""
        if match["fy_rel"]:
            if not self.published:
                return None
            shift = {"last": -1, "next": 1, "the previous": -1}.get(
                " ".join(match["fy_rel"].split()), 0
            )
            return f"FY{self.published.year + shift}"
        first = match["fy_year"] or match["fy_a"]
        last = match["fy_end"] or match["fy_b"]
        year = int(first) if len(first) == 4 else 2000 + int(first)
        if last:
            end = int(last) if len(last) == 4 else year // 100 * 100 + int(last)
            year = end + 100 if end < year else end
        return f"FY{year}"

    def _numbered_quarter(self, match: re.Match[str]) -> tuple[str | None, str]:
        quarter = int(match["qn_n"])
        if match["qn_year"]:
            return f"{match['qn_year']}-Q{quarter}", "quarter"
        if not self.published:
            return None, "quarter"
        year = self.published.year
        year -= quarter > (self.published.month - 1) // 3 + 1
        return f"{year:04d}-Q{quarter}", "quarter"

    def _half(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        half = 1 if (match["half_n"] or "") in ("first", "1st") else 2
        if match["half_h"]:
            return f"{match['half_hyear']}-H{match['half_h']}", "half"
        if match["half_year"]:
            return f"{match['half_year']}-H{half}", "half"
        if not self.published:
            return None, "half"
        rel = match["half_rel"]
        if rel == "the":  # "the first half of the year": the story's year, else as "the first half"
            year = self._year_of_story() or self.published.year
            rel = rel if year != self.published.year else None
        else:
            year = self.published.year + {"last": -1, "next": 1, "this": 0, None: 0}[rel]
        current = 1 if self.published.month <= 6 else 2
        if not rel and half > current and not self._tense_future(lowered, *match.span()):
            year -= 1
        return f"{year:04d}-H{half}", "half"

    def _season(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        """ "last summer" is the last one that has ended, "next winter" the next to begin, "this
        spring" or "in the spring" the nearest one in the sentence's tense."""
        code = SEASONS[match["season_name"]]
        if match["season_year"]:
            return f"{match['season_year']}-{code}", "season"
        published = self.published
        if published is None:
            return None, "season"
        first, last = SEASON_MONTHS[code]
        now = published.year * 12 + published.month - 1

        def bounds(year: int) -> tuple[int, int]:
            return year * 12 + first - 1, year * 12 + last - 1

        year = published.year - (code == "WI" and published.month <= 2)
        modifier = match["season_mod"]
        if modifier == "last":
            while bounds(year)[1] >= now:
                year -= 1
        elif modifier == "next":
            while bounds(year)[0] <= now:
                year += 1
        elif modifier != "this":
            tense = _tense(lowered, *match.span())
            while tense > 0 and bounds(year)[1] < now:
                year += 1
            while tense < 0 and bounds(year)[0] > now:
                year -= 1
        return f"{year:04d}-{code}", "season"

    def _set_year(self, year: int) -> None:
        self.story_year = year
        self.since_year = 0

    def _year_of_story(self, tense: int = 0) -> int | None:
        """The year the story has just set, when it differs from the published year (and is not
        behind it when the sentence looks ahead)."""
        if self.story_year is None or self.since_year > self.STORY_MEMORY:
            return None
        if self.published and (
            self.story_year == self.published.year
            or (tense > 0 and self.story_year < self.published.year)
        ):
            return None
        return self.story_year

    def _day(self, year: int, month: int, day: int) -> tuple[str | None, str]:
        try:
            found = date(year, month, day)
        except ValueError:
            return None, "day"
        self._set_year(year)
        return found.isoformat(), "day"

    def _month_day(self, month: int, day: int, tense: int) -> tuple[str | None, str]:
        """A day of this year, or of the next or last one when the sentence's tense points there
        (a week's grace back for the future, a month's ahead for the past)."""
        published = self.published
        year = self._year_of_story(tense) or (published.year if published else None)
        if year is None:
            return None, "day"
        if published and year == published.year and not tense:
            year += _untensed_shift(published, month)
        try:
            found = date(year, month, day)
        except ValueError:
            return None, "day"
        if published and year == published.year:
            if tense > 0 and found < published - timedelta(days=7):
                found = found.replace(year=year + 1) if (month, day) != (2, 29) else found
            elif tense < 0 and found > published + timedelta(days=31):
                found = found.replace(year=year - 1) if (month, day) != (2, 29) else found
        return found.isoformat(), "day"

    def _month(self, month: int, modifier: str | None, tense: int) -> tuple[str | None, str]:
        """ "last March", "next March", "this March" (this year's); "in March" by the sentence's
        tense."""
        published = self.published
        story_year = self._year_of_story(tense)
        if story_year is not None:
            return f"{story_year:04d}-{month:02d}", "month"
        if published is None:
            return None, "month"
        year = published.year
        tense = RELATIVE_SHIFT.get(modifier or "", tense)
        if tense < 0:
            year -= month > published.month or (modifier == "last" and month == published.month)
        elif tense > 0:
            year += month < published.month or (modifier == "next" and month == published.month)
        elif modifier != "this":
            year += _untensed_shift(published, month)
        return f"{year:04d}-{month:02d}", "month"

    def _weekday(
        self, name: str, modifier: str | None, future: bool, zoned: bool = False
    ) -> tuple[str | None, str]:
        """The day a weekday names, by the sentence's tense: a past one in the week before
        publication, unless it is the day after and the sentence tells the time in another zone
        ("ended at 2 a.m. local time on Wednesday" on a page dated Tuesday: a dispatch from a
        zone ahead of the page's)."""
        published = self.published
        if published is None:
            return None, "day"
        ahead = (WEEKDAYS.index(name) - published.weekday()) % 7
        if modifier in ("last", "past"):
            shift = ahead - 7
        elif modifier in ("next", "coming"):
            shift = ahead or 7
        elif ahead == 0:
            shift = 0  # "on Friday" in a Friday article: that day
        elif ahead == 1 and zoned:
            shift = 1  # "at 2 a.m. local time on Wednesday" on a page dated Tuesday
        else:
            shift = ahead if future else ahead - 7
        return (published + timedelta(days=shift)).isoformat(), "day"

    def _weekend(self, future: bool) -> str | None:
        """ "over the weekend": the last one, or the coming one when the sentence looks ahead."""
        published = self.published
        if published is None:
            return None
        weekend = published.weekday() >= 5
        shift = 0 if future or weekend else -7
        year, week, _ = (published + timedelta(days=shift)).isocalendar()
        return f"{year}-W{week:02d}-WE"

    def _clock(self, match: re.Match[str]) -> tuple[str | None, str]:
        """The time on the published day; `find` moves it to a day the sentence names."""
        hour, minute = int(match["hh"]), int(match["mm"] or match["mm2"] or 0)
        ampm = (match["ampm"] or match["ampm2"] or "")[:1]
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
        day = self.published.isoformat() if self.published else "XXXX-XX-XX"
        zone = "Z" if match["tz"] in ("utc", "gmt") else ""
        return f"{day}T{hour:02d}:{minute:02d}{zone}", "time"

    def _quarter(self, match: re.Match[str], lowered: str) -> tuple[str | None, str]:
        published = self.published
        written, rel = match["q_year"] or match["q_pre"], match["q_rel"] or match["q_pre_rel"]
        if written:
            year = int(written)
        elif published is None:
            return None, "quarter"
        elif rel == "the":  # "the first quarter of the year": the story's year, else as "the
            year = self._year_of_story() or published.year  # first quarter"
            rel = rel if year != published.year else None
        else:
            year = published.year + {"this": 0, "last": -1, "next": 1, None: 0}[rel]
        if match["q_n"] in QUARTER_END_MONTHS:  # "the December quarter"
            month = QUARTER_END_MONTHS[match["q_n"]]
            if not (written or rel):
                year = int(self._month(month, None, _tense(lowered, *match.span()))[0][:4])
            return f"{year:04d}-Q{month // 3}", "quarter"
        current = (published.month - 1) // 3 + 1 if published else 4
        tense = _tense(lowered, *match.span())
        if match["q_n"] in ("this", "current", "next", "coming"):
            quarter = current + (match["q_n"] in ("next", "coming"))
            year += quarter > 4
            quarter = (quarter - 1) % 4 + 1
        elif match["q_n"] in ("last", "final", "previous", "prior", "past"):
            if written or rel:
                quarter = 4
            else:
                quarter = current - 1 or 4
                year -= current == 1
        else:
            quarter = QUARTERS[match["q_n"]]
            if not (written or rel) and published:
                # the nearer of the last and the next such quarter; the next when the future,
                # the last (or the running one) when the past ("led in the first quarter")
                back, ahead = (current - quarter) % 4, (quarter - current) % 4
                if tense > 0 or (not tense and ahead and ahead < back):
                    year += quarter < current
                else:
                    year -= quarter > current
        return f"{year:04d}-Q{quarter}", "quarter"

    def _duration(self, match: re.Match[str]) -> tuple[str | None, str]:
        words = match["dur_n"]
        number = float(words.replace(",", "")) if words[0].isdigit() else _number_word(words)
        if match["dur_half"]:
            number += 0.5
        unit = DURATION_UNITS[match["dur_unit"]]
        amount = f"{number:g}"
        if match["ago"] and self.published:
            return _ago(_counted_from(self.published, match), number, unit)
        if match["ago"]:
            return None, "day"
        if unit.startswith("T"):
            return f"PT{amount}{unit[1:]}", "duration"
        return f"P{amount}{unit}", "duration"

    def _relative(self, words: str) -> tuple[str | None, str]:
        published = self.published
        if published is None:
            return None, "day"
        words = " ".join(words.split())
        day = timedelta(days=1)
        if words in ("today", "tonight"):
            return published.isoformat() + ("TNI" if words == "tonight" else ""), "day"
        if words in ("yesterday", "tomorrow"):
            return (published + (day if words == "tomorrow" else -day)).isoformat(), "day"
        when, unit = words.split()
        shift = RELATIVE_SHIFT[when]
        if unit in ("week", "weekend"):
            year, week, _ = (published + timedelta(days=7 * shift)).isocalendar()
            return f"{year}-W{week:02d}" + ("-WE" if unit == "weekend" else ""), "week"
        if unit == "month":
            month = published.month + shift
            year = published.year + (month - 1) // 12
            return f"{year}-{(month - 1) % 12 + 1:02d}", "month"
        return str(published.year + shift), "year"


def _matches(lowered: str) -> Iterator[re.Match[str]]:
    """DATE_PATTERN's matches in order, as finditer gives them, searched for only near the
    digits and words that every date holds."""
    words = DATE_WORDS.intersection(lowered.translate(_NOT_WORD).split())
    digit = DIGIT.search(lowered)
    if not (words or digit):
        return
    triggers = []
    for word in words:
        at = lowered.find(word)
        while at >= 0:
            triggers.append((at, at + len(word)))
            at = lowered.find(word, at + 1)
    triggers.sort(reverse=True)
    position, searched, length = 0, 0, len(lowered)
    while triggers or digit:
        if digit and (not triggers or digit.start() < triggers[-1][0]):
            (start, end), reach = digit.span(), DIGIT_REACH
            digit = DIGIT.search(lowered, end)
        else:
            (start, end), reach = triggers.pop(), REACH
        if end <= position or end + BEYOND <= searched:  # inside a date or a searched stretch
            continue
        searched = end + BEYOND
        match = DATE_PATTERN.search(lowered, max(position, start - reach), searched)
        if match and searched < length:  # the bounded search may have cut it short: again
            match = DATE_PATTERN.search(lowered, match.start())
        if match:
            yield match
            position = match.end()


def _movable_holiday(rule: str, year: int) -> date:
    """Thanksgiving (the fourth Thursday of November), Easter (Gregorian, by the anonymous
    algorithm) and Easter Monday."""
    if rule == "thanksgiving":
        first = date(year, 11, 1)
        return first + timedelta(days=(3 - first.weekday()) % 7 + 21)
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    easter = date(year, month, day + 1)
    return easter + timedelta(days=rule == "easter monday")


def _on_its_day(
    time: DateMention, days: list[DateMention], lowered: str, offset: int
) -> DateMention:
    """ "6 p.m. on Thursday": the time on the day named nearest to it in the sentence (with none
    named, on the published day). An event's time ("a 1 p.m. start") is on a day named in its
    own clause ("a 1 p.m. start on Sunday"), not on one another clause names ("on Monday, as the
    league moved the game to a 1 p.m. start"): then its day is not given."""
    if not days:
        return time
    clock = (time.resolved or "").partition("T")[2]
    if _is_event_time(lowered, time.start - offset, time.end - offset):
        days = [d for d in days if not _clause_between(lowered, time, d, offset)]
        if not days:
            return DateMention(time.surface, time.start, time.end, f"XXXX-XX-XXT{clock}", "time")
    day = min(days, key=lambda d: abs(d.start - time.start))
    value = f"{day.resolved or 'XXXX-XX-XX'}T{clock}"  # a day the story does not give
    return DateMention(time.surface, time.start, time.end, value, "time")


def _is_event_time(lowered: str, start: int, end: int) -> bool:
    """ "a 1 p.m. start", "a 4:25 kickoff", "an 8 p.m. curtain": a time that names when an event
    is held, as an adjective before its noun."""
    following = re.match(r"\.?\s+([a-z]+)\b", lowered[end:])
    return (
        _previous_word(lowered, start) in ("a", "an")
        and following is not None
        and following[1] not in PREPOSITIONS | {"and", "or", "to", "local"}
    )


def _clause_between(lowered: str, time: DateMention, day: DateMention, offset: int) -> bool:
    first, last = sorted((time, day), key=lambda d: d.start)
    return re.search(r"[,;—–]|:\s", lowered[first.end - offset : last.start - offset]) is not None


def _is_programme(sentence: str, start: int) -> bool:
    """NBC's "Today", "CBS This Morning", ABC's "This Week with ...", "Midday with ...": a
    capital inside a sentence names a programme, unless it opens a clause or a quotation
    ('said, "Today is a great day')."""
    if not sentence[start].isupper():
        return False
    before = sentence[:start].rstrip()
    if not before or before[-1] in ".!?:;":
        return False
    if before[-1] not in "\"“‘'(":
        return True
    named = before[:-1].rstrip().split()[-1:]
    return bool(named) and (named[0].endswith(("'s", "’s")) or named[0][:1].isupper())


def _is_title(sentence: str, start: int, end: int) -> bool:
    """Date words written as a title before another capitalised word: “Last Week Tonight”."""
    words = sentence[start:end].split()
    capitalised = len(words) > 1 and all(word[:1].isupper() for word in words)
    return capitalised and NAME_AFTER.match(sentence, end) is not None


def _tense(lowered: str, start: int, end: int, day: bool = False) -> int:
    """1 when the date is spoken of in the future ("will be announced on Friday"), -1 in the past
    ("was announced on Friday", "who died Sunday", "since March"), 0 when the sentence does not
    say ("the vote in November"). The words of the date's clause before it decide, else the few
    after it, else (for a `day` named by its weekday) a present that schedules ("the trial begins
    Monday"), else an "if" with no past verb, else a future word before its clause ("it will be
    the first time that people waking up on Tuesday"; a past verb there is often another
    clause's)."""
    window = max(0, start - 80)
    near = lowered[window:start].split()
    if "since" in near[-2:]:  # "since March", "since their debate"
        return -1
    if near[-2:] in (["back", "in"], ["back", "on"]) and not COMING_BACK & set(near[-3:-2]):
        return -1  # "way back in October", not "we will come back in November"
    if "ahead of" in " ".join(near[-6:]):  # "ahead of Tuesday's vote", "of the caucuses on Monday"
        return 1
    if near[-1:] in (["is"], ["are"]) or (near[-2:-1] in (["is"], ["are"]) and near[-1] == "on"):
        return 1  # "the launch is Tuesday", "the vote is on Friday": what is set to happen
    clause = max(CLAUSE_START.finditer(lowered, window, start), key=_start, default=None)
    opens = clause.end() if clause else window
    tense = _tense_between(lowered, opens, start, past=not (clause and clause["if"]))
    if tense:
        return tense
    after = _up_to_quotation_end(lowered, end)
    ahead = FUTURE.search(after)
    if _has_past(after[: ahead.start() if ahead else len(after)]):
        return -1
    if ahead:
        return 1
    if day and (schedules(lowered, opens, start) or schedules(after, 0, AFTER_REACH)):
        return 1  # "the show opens on Friday", "on Friday the show opens": the next Friday
    if clause and clause["if"] and not _has_past(lowered[opens:start]):
        return 1  # "if they take office in January": a condition in the present looks ahead
    return _tense_between(lowered, window, opens, past=False) if clause else 0


def _up_to_quotation_end(lowered: str, end: int) -> str:
    """The AFTER_REACH characters after a date, cut where a quotation that holds it ends ('"...
    heading into July," she said': the saying is not the date's tense)."""
    rest = lowered[end : end + AFTER_REACH + 2]  # + 2: a quotation's end is up to 3 characters
    stop = QUOTATION_END.search(rest)
    return (rest[: stop.start()] if stop else rest)[:AFTER_REACH]


def _calendar_tense(lowered: str, start: int, end: int) -> int:
    """The tense of a month or a day of one; a "would" reported from the past ("his vow that
    Britain would leave on Oct. 31", "he said that the plant would close in March") is a future
    seen from then, so the date may lie either side of publication: the nearest, as with no
    tense."""
    tense = _tense(lowered, start, end)
    if tense > 0:
        would = max(FUTURE.finditer(lowered, max(0, start - 80), start), key=_start, default=None)
        if would and would[0] == "would" and REPORTED_THAT.search(lowered, 0, would.start()):
            return 0
    return tense


def _start(match: re.Match[str]) -> int:
    return match.start()


def _tense_between(lowered: str, start: int, end: int, past: bool = True) -> int:
    """The tense of the words between `start` and `end`: a past verb after the last future word
    ("would close the plant, which opened in March") takes over from it."""
    future = max(FUTURE.finditer(lowered, start, end), key=_start, default=None)
    if past and _has_past(lowered[future.end() if future else start : end]):
        return -1
    return 1 if future else 0


def _untensed_shift(published: date, month: int) -> int:
    """The year (-1, 0 or +1 from the published one) of a month named with no tense ("the vote
    in November", "planned for December and January"): this year's, as HeidelTime resolves news,
    unless that lies more than nine months ahead (last year's) or seven back (next year's: "in
    January" in a November article)."""
    ahead = month - published.month
    return (ahead < -7) - (ahead > 9)


def _event_mark(match: re.Match[str], lowered: str) -> re.Match[str] | None:
    """The possessive or article before a day of the month without its year that marks an event
    ("Trump's July 25 call"), None for a day in a phrase of its own ("on July 25")."""
    if match.lastgroup not in ("md", "dm") or match[f"{match.lastgroup}_year"]:
        return None
    if not re.match(r"\s+[a-z]", lowered[match.end() :]):
        return None  # "the July 25": no noun after it
    return EVENT_MARK_BEFORE.search(lowered, max(0, match.start() - 4), match.start())


def _agree_with_weekday(
    found: tuple[str | None, str], lowered: str, start: int, published: date | None
) -> tuple[str | None, str]:
    """A day of the month named with its weekday ("Monday night (Nov. 18)") falls in the year
    near publication where the two agree, whatever year the story was last speaking of."""
    weekday = WEEKDAY_BEFORE.search(lowered, max(0, start - 24), start)
    if not found[0] or weekday is None or published is None:
        return found
    day = date.fromisoformat(found[0])
    wanted = WEEKDAYS.index(weekday["weekday"])
    if day.weekday() == wanted:
        return found
    for year in (published.year, published.year + 1, published.year - 1):
        try:
            candidate = day.replace(year=year)
        except ValueError:
            continue
        if candidate.weekday() == wanted:
            return candidate.isoformat(), "day"
    return found


def _granularity(value: str) -> str:
    """The granularity of a resolved value: "2009-Q3" a quarter, "2009-W10" a week..."""
    for mark, granularity in (("-Q", "quarter"), ("-H", "half"), ("-W", "week")):
        if mark in value:
            return granularity
    if value[5:7].isalpha():
        return "season"
    return {4: "year", 7: "month", 10: "day"}.get(len(value), "time")


def _has_past(text: str) -> bool:
    """Whether the words hold a past verb: "announced", "was", "rose"; not "is expected", "to be
    delivered", "is officially reported", "is now braced", "a contested convention" or
    "hundred"."""
    words = text.split()
    for i, word in enumerate(words):
        word = word.strip(",.;:!?\"'“”‘’()")
        if word in PAST_VERBS or (len(word) > 3 and word.endswith("ed") and word not in NOT_PAST):
            at = i - 1
            while at > 0 and (words[at].endswith("ly") or words[at] in ADVERBS) and at > i - 3:
                at -= 1
            if at < 0 or words[at] not in NOT_PAST_AFTER:
                return True
    return False


def _tells_the_past(lowered: str) -> bool:
    """Whether a sentence tells only of the past: a past verb and no word of the future."""
    return FUTURE.search(lowered) is None and _has_past(lowered)


def _previous_word(sentence: str, start: int) -> str:
    before = sentence[:start].rsplit(None, 1)
    return before[-1] if before and sentence[:start][-1:].isspace() else ""


def _is_count(sentence: str, start: int, end: int) -> bool:
    """ "about 2000 people", "hired 1999 workers": a year-like number that counts things."""
    following = re.match(r"\s+([a-z]+)\b", sentence[end:])
    if not following or following[1] in YEAR_AFTER:
        return False
    previous = _previous_word(sentence, start).lower()
    if not previous[-1:].isalpha():  # "2019 saw record profits", "In March, 2020 saw"
        return False
    return previous in COUNT_BEFORE or (
        previous not in YEAR_BEFORE and previous not in MONTH_NUMBERS
    )


def _range_years(match: re.Match[str]) -> tuple[int, int]:
    """ "2008-2010" -> (2008, 2010); "1990-95" -> (1990, 1995)."""
    first, last = int(match["yr_a"]), match["yr_b"]
    if len(last) == 2:
        end = first // 100 * 100 + int(last)
        return first, end if end > first else end + 100
    return first, int(last)


def _reference(match: re.Match[str]) -> str:
    """TIMEX3's values for "now", "recently", "in the near term" and "in recent years"."""
    if match["ref_unit"]:
        return f"PX{DURATION_UNITS[match['ref_unit']]}"
    words = match["ref"]
    for when, starts in REFERENCES.items():
        if words.startswith(starts) or words.endswith(starts):
            return f"{when}_REF"
    return "PAST_REF" if "recent" in words else "FUTURE_REF"


def _number_word(words: str) -> float:
    if "couple" in words:  # "a couple of years": two, as TimeBank reads it
        return 2.0
    total = 0.0
    for part in words.split("-"):
        total += NUMBERS.get(part, 0)
    return total


def _counted_from(published: date, match: re.Match[str]) -> date:
    """Where "N years ago" counts back from: "nearly five years ago" is a little less than five
    years back, "more than five years ago" a little more (a season's worth, which moves the year
    when publication is near a year's end or start)."""
    hedge = HEDGED_AGO.search(match.string, max(0, match.start() - 12), match.start())
    if hedge is None or DURATION_UNITS[match["dur_unit"]] != "Y":
        return published
    month = published.month - 1 + (3 if hedge[1] in ("nearly", "almost") else -3)
    return date(published.year + month // 12, month % 12 + 1, min(published.day, 28))


def _ago(published: date, number: float, unit: str) -> tuple[str | None, str]:
    if unit in ("Y", "DE", "CE"):
        years = int(number * {"Y": 1, "DE": 10, "CE": 100}[unit])
        return f"{published.year - years:04d}", "year"
    if unit == "M":
        month = published.month - int(number)
        year = published.year + (month - 1) // 12
        return f"{year:04d}-{(month - 1) % 12 + 1:02d}", "month"
    if unit in ("W", "D"):
        days = number * (7 if unit == "W" else 1)
        return (published - timedelta(days=days)).isoformat(), "day"
    return None, "time"
