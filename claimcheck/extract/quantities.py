"""Numbers in news text, normalised: value, unit, scale, qualifier and what they are "of".

"3.9 per cent of GDP" -> 3.9 percent (of GDP); "$35 billion" -> 3.5e10 USD; "15-member" ->
15 members; "almost three years" -> ~3 years; "more than 20" -> > 20; "between 5 and 7" -> 5-7;
"several hundred" -> 200-900; "13 times more likely" -> 13 times; "Jane Doe, 34," -> 34 years;
"more than half said" -> > 0.5; "Cruz has 370 delegates, Kasich has 129" -> 129 delegates.
Rule-based on purpose: it is fast, explainable to a reviewer, and needs no model download.
Every rule is a rule of how English writes numbers, not of one article. Years, clock times,
dates, phone numbers, scores and records ("7-6 (5)", "the Hawks (6-5, 3-4)"), web addresses
and labels ("Article Five", "10 Downing Street", "Covid-19", "G7", "F-35", "S&P 500", "Meal 2")
are not quantities; nor are the numbers of list items ("2."), names made of numbers ("3-in-1",
"a 3-pointer", "AirPods 2", 'the "Three Amigos"', "80 Day Obsession"), slogans ('the "one
country, two systems" formula'), "one" as a pronoun or an article ("one of the best", "the one
sign", "one day later", "one way or another"), parts ("the upper half of") and emphasis ("100%
sure"). "One in five" and "one of every four" are ratios; "1.000 lights" are a thousand.

The scan is anchored: a cheap pattern, built for the number words a text actually contains,
finds where numbers start, and the slower rules (currency, qualifier, scale, unit, range) run
only around those anchors. The vocabulary (number words, money, units, qualifiers, label words)
is in quantity_words.py; quality and speed are measured by bench/bench_quantities.py.

One module over 1,500 lines on purpose: the anchored scan and its rules (currency, qualifier,
scale, unit, range, what is not a quantity) work on one shared match state; the vocabulary
already lives apart in quantity_words.py.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache, lru_cache

from claimcheck.extract.quantity_words import (
    AMBIGUOUS_CURRENCY_WORDS,
    CHANGE_FROM_VERBS,
    CHANGE_WORDS,
    CHANGE_WORDS_WITH_BY,
    CURRENCY_CODES,
    CURRENCY_NATIONS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DENOMINATORS,
    DIMENSION_WORDS,
    ERAS,
    GLUED_SYMBOLS,
    HYPHEN_ADJECTIVES,
    IRREGULAR_PLURALS,
    LABEL_WORDS,
    MODEL_YEAR_NOUNS,
    MONTHS,
    NAMING_NOUNS,
    NOUN_MODIFIERS,
    NOUNS_IN_LY,
    NUMBER_PREFIXES,
    NUMBER_WORDS,
    PART_WORDS,
    PARTICLE_VERBS,
    QUALIFIER_SYMBOLS,
    QUALIFIERS,
    RATE_ADJECTIVES,
    RATE_NOUNS,
    SCALE_AFTER,
    SCALE_WORDS,
    SINGULARS_IN_S,
    SMALL_CHANGE,
    SMALL_VALUES,
    STOP_NOUNS,
    TENS_WORDS,
    TIME_UNITS,
    UNICODE_FRACTIONS,
    UNIT_NAMES,
    UNIT_SYMBOLS,
    UNITS_WORDS,
    VAGUE_PLURALS,
)
from claimcheck.models import Quantity


def _alternation(words: Iterable[str], ignore_case: bool = False) -> str:
    """The words as one pattern that matches the longest of them that fits, as the plain
    alternation longest first would, shaped as a trie for speed: re tries the branches of an
    alternation one by one (a case-insensitive branch costs a jump even when its first letter
    is wrong), so a few hundred unit names cost some 10 us a number; a trie tries a few letters.
    With `ignore_case`, letters that match each other case-insensitively share a branch."""
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for char in word:
            key = next((k for k in node if k and _same_letter(k, char, ignore_case)), char)
            node = node.setdefault(key, {})
        node[""] = {}  # a word ends here
    return _trie_pattern(root)


def _same_letter(key: str, char: str, ignore_case: bool) -> bool:
    return key == char or (ignore_case and bool(re.fullmatch(re.escape(key), char, re.I)))


def _trie_pattern(node: dict[str, dict]) -> str:
    """A trie node as a pattern: its longer words first (greedy), then the word ending here."""
    branches = [re.escape(char) + _trie_pattern(child) for char, child in node.items() if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
    if "" not in node:
        return body
    return f"(?:{body})?" if len(branches) > 1 or len(branches[0]) > 1 else f"{body}?"


# ---- patterns ----------------------------------------------------------------------------------

# A digit, or a decimal point that opens a number (".5"). It starts with a character set so the
# regex engine skips straight to candidates: several times faster than an alternation.
_DIGIT_ANCHOR = r"[0-9½¼¾⅓⅔⅛⅙.](?:(?<=[^.])|(?<![\w.,]\.)(?=\d))"
# The same with number words: every branch opens with a literal character, so that re skips to
# those characters as it does for a set (a branch that opens with \b, or the set itself, makes
# it try every branch at every position: ~5x slower). "w(?<!\w.)ord" is "\bword".
_DIGIT_BRANCHES = "|".join([*"0123456789½¼¾⅓⅔⅛⅙", r"\.(?<![\w.,]\.)(?=\d)"])
_ANCHOR_WORDS = (
    NUMBER_WORDS
    | frozenset(VAGUE_PLURALS)
    | frozenset({"minus", "negative", "tens", "half", "quarter", "third", "a", "an"})
    | frozenset({"several", "few", "couple"})
)
_FRACTION_OF = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})
# Bytes other than a-z to spaces: a text splits into its words ([a-z]+) faster this way, its
# other characters encoded as "?", than by re (~2x; bytes.translate is a table lookup in C).
_NOT_LOWER = bytes(c if 97 <= c <= 122 else 32 for c in range(256))
_DIGITS = re.compile(
    r"\d+,\d{1,2}(?=\s?[%€°‰])"  # a decimal comma: "7,1 %", "2,50 €"
    r"|(?:\d{1,3}(?:,\d{3})+(?!\d|,\d)|\d{1,2}(?:,\d\d)+,\d{3}(?!\d|,\d)"
    r"|\d{1,3}(?:[\u202f\u00a0\u2009]\d{3})+(?!\d)|\d{1,3}(?: \d{3})+(?!\w|[.,]\d| [A-Z])|\d+)"
    r"(?:\.\d+)?|\.\d+"
)
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
# a point between groups of three digits, as much of Europe writes thousands: "1.000 lights"
_DOT_THOUSANDS = re.compile(r"[1-9]\d{0,2}(\.\d{3})+(?!\d|[.,]\d)")
# a no-break space is a space, except between digits where it groups thousands ("7\u00a0000")
_NBSP_OUTSIDE_DIGITS = re.compile(r"(?<!\d)\u00a0|\u00a0(?!\d)")
_DIGIT_SEPARATORS = re.compile(r"[, \u202f\u00a0\u2009]")
_SEPARATORS = frozenset(", \u202f\u00a0\u2009")  # most numbers have none: no substitution
_EXPONENT = re.compile(r"(?:[eE]([-+]?\d+)|\s?[×x*]\s?10\s?\^?\s?([-−+]?\d+))(?![\w.])")
_FRACTION = re.compile(r"/(2|3|4|5|8|10|16|100)(?![\d/])")
_MIXED_FRACTION = re.compile(r"[ -](\d)/(2|3|4|8|16)(?![\d/])")  # "2 1/4", "1-1/2"
_WORD = re.compile(r"(\s+|\s*-\s*)?([A-Za-z]+)")
_HALF_OF = re.compile(r"\s+an?\b|(?=[\s-]+(?:million|billion|trillion|thousand|dozen)\b)")
# "half the vote", "half its peak": a share whose "of" is left out
_SHARE_DETERMINER = re.compile(r" (?:the|its|their|his|her|our|your|my|that|this|these|those)\b")
_BY_BEFORE = re.compile(r"\bby\s+$")
_FRACTION_OF_WHAT = re.compile(r"\s+(?:of\b|" + "|".join(SCALE_WORDS) + ")")
_AND_A_HALF = re.compile(r"\s+and\s+a\s+half\b")
_SCALE = re.compile(
    r"(\s?-?\s?)(hundred|thousand|lakh|million|crore|billion|trillion|dozens?|mn|mln|mil|bn|bln"
    r"|tn|tln|(?-i:MM)|[kKmMbB])(?![A-Za-z]|(?<=[kKmMbB])\d)",
    re.IGNORECASE,
)
_COUNTED_AFTER = re.compile(r" (?:of\b|[a-z])")
# "A$5" is Australian; "A $5 million grant" is the article
_CURRENCY_BEFORE = re.compile(
    r"(?:(?<![A-Za-z])"
    r"(?:(?:(?i:us|u\.s\.|au|aud|ca|cad|nz|nzd|hk|hkd|sgd|mxn|mex)|C|c|S|NT|R) ?\$|A\$)"
    r"|\$ ?US\b|[$£€¥₹₩₪₺₽₿]"
    r"|(?<![A-Za-z])(?:Rs\.?|RM|" + "|".join(sorted(CURRENCY_CODES)) + r"))\s?$"
)
_CURRENCY_TAIL = frozenset("$£€¥₹₩₪₺₽₿.ABCDEFGHIJKLMNOPQRSTUVWXYZs")
_CURRENCY_SYMBOL_AFTER = re.compile(r" ?([$€£¥₹₩₪₺₽₡₾₭元₿])(?![\w$])(?!\s?\d)")
_SECOND_CURRENCY = re.compile(r"(?:US ?|A|AU|C|NZ|HK|S)?[$£€¥₹]\s?")
_CURRENCY_AFTER = re.compile(
    r"\s?(?:(?P<nation>"
    + _alternation(CURRENCY_NATIONS, ignore_case=True)
    + r")\s)?(?P<word>"
    + _alternation({*CURRENCY_WORDS, *CURRENCY_CODES}, ignore_case=True)
    + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_PENCE = re.compile(r"p(?![A-Za-z\d])")
_SPACED_PENCE = re.compile(r" p(?= (?:a|an|per|each)\b)")
_GREEK_AFTER = re.compile(r"-(?:alpha|beta|gamma|delta|epsilon|kappa|lambda|sigma|omega)\b", re.I)
_UNIT_AFTER = re.compile(
    r"\s?(" + _alternation(UNIT_NAMES, ignore_case=True) + r")(?![A-Za-z])", re.IGNORECASE
)
# "33%of" (a missing space) is still a percentage; other symbols glued to letters are codes
_SYMBOL_AFTER = re.compile(
    r" ?(" + _alternation(UNIT_SYMBOLS) + r")(?:(?<=%)(?!\d)|(?![A-Za-z\d]))"
)
_INCH_MARK = re.compile(r'"(?=[\s,;)+]|$)')
_TEMPERATURE_LETTER_AFTER = re.compile(r"[.,;)]|$| [a-z]")
_UNIT_START = frozenset("%°º$€£¥₹₩₪₺₽₡₾₭元₿µμ″")
_AFTER_GLUED_TEMPERATURE = re.compile(r"$|[.,;:)!?]| (?:at|in|on|and|or|with|by)\b")
_AFTER_SPACED_SYMBOL = re.compile(r"$|[\s.,;:)!?\]]")
_YEARS_OLD = re.compile(r"[- ]old\b")
_RATE = re.compile(
    r"\s?(?:(per|an?)\s+|/)((?:square|cubic)\s+[A-Za-z]+|[A-Za-z]+)\b"
    r"(?!\s+(?:earlier|ago|before|later|after|previously)\b)"
)
# "5-7", "5 to 7", "one-to-seven" ("to" between hyphens)
_RANGE_JOIN = re.compile(
    r"(?:-(?=to-))?\s*(-|–|—|~|to|through|and)(?:(?<=to)-(?=\w))?\s*", re.IGNORECASE
)
_RANGE_CODE = re.compile(r"[-–/]\d")
_HYPHEN_OPEN = re.compile(r"-\s*(?:,|or\b|and\b|to\b)")
_ODD = re.compile(r"-odd\b", re.IGNORECASE)
_SUFFIX_QUALIFIER = re.compile(
    r"\s+or\s+(more|less|fewer|above|below)\b|\s+(?:or|and)\s+(older|over|up|younger)\b(?! to\b)"
    r"|(\+|-plus\b)",
    re.IGNORECASE,
)
_PARENT_OF = re.compile(r"\b(grand)?(?:mother|father|parent|mom|mum|dad)s?[- ]of[- ]\Z", re.I)
_DEFINITE_BEFORE = re.compile(r"\b(?:the|these|those)\s+\Z", re.IGNORECASE)
_NAME_COMMA_BEFORE = re.compile(r"\b([A-Z][\w.’'-]*), \Z")
_AGE_ENDS = re.compile(r",(?=\s)|\.(?=\s|$)")
_AGE_BEFORE = re.compile(r"\b(?:(?:age|ages)(?:\s+of)?|aged)\s+$", re.IGNORECASE)
_OF = re.compile(
    r"\s+(?P<of>of\s+(?:the\s+|its\s+|their\s+|a\s+)?(?:[A-Za-z][\w'-]*)(?:\s+(?!on\b|in\b|to\b|"
    r"for\b|by\b|and\b|from\b|with\b|at\b|as\b|than\b|that\b|which\b|who\b|is\b|was\b|are\b"
    r"|were\b|have\b|has\b|had\b|will\b|would\b)[A-Za-z][\w'-]*)?)"
)
_OF_DETERMINERS = frozenset({"the", "its", "their", "a", "all"})
# "70 percent of registered Latino| voters": the plural head after a two-word "of" phrase
_PLURAL_HEAD_AFTER = re.compile(r"(?: [a-z][\w'-]*)? [a-z][\w'-]*s\b")
_OF_GROUP = re.compile(
    r"\s+of\s+(?:the|my|his|her|its|our|your|their|these|those|them)\b", re.IGNORECASE
)
# "22 of Clinton's emails", "all 66 of the state's delegates": a part of what someone has
_OF_POSSESSOR = re.compile(
    r"\s+of\s+(?:(?:the|my|his|her|its|our|your|their)\s+)?(?:[A-Z][\w.-]*\s+)?"
    r"[A-Za-z][\w.-]*['’]s(?=\s)"
)
_OF_WORD = re.compile(r"\s+of\b")
# "20 of his season-high 31 points", "three of the 10 largest banks": the part of a whole
_OF_A_NUMBER = re.compile(
    r"\s+of\s+(?:(?:the|my|his|her|its|our|your|their|these|those)\s+)?(?:[a-z]+(?:-[a-z]+)?\s+)?"
    r"\d[\d,]*(?:\.\d+)?(?!\s*(?:%|percent|per cent)\b)(?=\s)"
)
_TIME_AFTER = re.compile(
    r" (?:last|next|this) (?:year|month|week|season|night|summer|winter|spring|fall)\b"
)
_YEAR_MODIFIER = re.compile(r" (?:19|20)\d\d(?= [A-Za-z])")
_RATIO = re.compile(r"\s+(?:(?:in|out\s+of|of)\s+every|in|out\s+of)\s+|-in-")
# "3-in-1 charger", "2-for-1 deal", "one-on-one talks": a name made of numbers that count nothing
_SMALL_NUMBER = r"(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)"
# ("a one-in-five chance" is a ratio: a name ends in one)
_NUMBERS_NAME = re.compile(rf"{_SMALL_NUMBER}-(?:in|for|on)-(?:1|one)\b", re.IGNORECASE)
_NUMBERS_NAME_END = re.compile(rf"\b(?:{_SMALL_NUMBER}|all)-(?:in|for|on)-$", re.IGNORECASE)
# "no one knows", "this one", "each one": a pronoun ("that one" may be "estimates that one in 45")
_PRONOUN_ONE_AFTER = frozenset({"no", "this", "each", "every", "which", "any"})
_NUMBER_WORD_BRACKET = re.compile(r"\b([A-Za-z]+) \($")  # "four (4) sizes"
_LETTER_IN_BRACKETS = re.compile(r"\([a-z]\)")  # 401(k), 501(c)
_YEAR_CUT = re.compile(r"(?:^|[\s(])['’‘]$")  # "in '16", "in ‘08"
# "5.1 surround sound", "a 7.1-channel system": speakers and a subwoofer, a sound format
_SOUND_CHANNELS = re.compile(
    r"\d\.1(?:\.\d)?[ -](?:surround|channels?|sound|audio|speakers?|system)\b", re.IGNORECASE
)
# "a 3-pointer", "a two-seater", "an 18-wheeler": a thing named by a number, not that many of it
_NUMBER_NOUNS = (
    r"-(?:pointer|seater|wheeler|pounder|footer|decker|timer|liner|hitter|fer|peat|iron|something)"
)
_NUMBER_NOUN = re.compile(_NUMBER_NOUNS + r"s?\b", re.IGNORECASE)
_COUNTED_NUMBER_NOUN = re.compile(r" (?:\d+|[a-z]+)" + _NUMBER_NOUNS + r"s\b", re.IGNORECASE)
# 'known as the "Three Amigos"', 'the term "big four"': a short quoted name, inside a sentence
_QUOTES = ('"', "“", "‘", "'")
_NAME_OF = re.compile(r"\b[A-Z][a-z]+ of $")
_HYPHEN_CAPITAL_NAME = re.compile(r"-[A-Z][a-z]+ [A-Z]")  # "the Six-Day War", "a Five-Year Plan"
# "a two-state solution", "a one-child policy": a kind of arrangement named by a number, no count
_KIND_OF_ARRANGEMENT = re.compile(
    r"-([A-Za-z]+) (?:solution|system|policy|formula|doctrine)s?\b", re.IGNORECASE
)
_CLAUSE_START = re.compile(r"(?:^|[.!?;:\"“‘(\[—–-]\s*|\n\s*)$")
_QUOTE_OPENS_INSIDE = re.compile(
    r"\b(?:the|a|an|term|phrase|slogan|label|called|dubbed|nicknamed|named|as) [\"“‘']$",
    re.IGNORECASE,
)
# the rest of a short quotation and the word after it: '... two systems" formula'
_QUOTE_CLOSES_BEFORE_NAMING_NOUN = re.compile(r"[^\"”\n]{0,40}?[\"”]\s+([a-z]+)\b")
_QUOTED_NAME = re.compile(r"(?:[ -][A-Za-z]+){1,2}[.,!?]?[\"”’']")
# "walked from one room to the other", "from one job to another": one of many, no count
_FROM_ONE_TO = re.compile(
    r"(?<=\bfrom )one\b[^.;:!?]{0,40}?\bto (?:the other|another|the next)\b", re.IGNORECASE
)
# "one way or another", "one side or the other", "one crisis after another": no count
_ONE_OR_ANOTHER = re.compile(
    r"one(?: [a-z]+){0,2} (?:or|after) (?:the other|another)\b", re.IGNORECASE
)
# "I am 100% sure", "agrees with me 100 percent", "we recommend at 100%": emphasis, no share
_FULL_PERCENT = re.compile(r"\s?(?:%|percent\b|per cent\b)")
_EMPHASIS_AFTER = re.compile(
    r"\s(?:sure|certain|certainty|certainly|confident|confidence|convinced|committed|behind"
    r"|right|wrong|true|honest|accurate|correct|in (?:his|her|their|my|our|your) corner)\b",
    re.IGNORECASE,
)
_EMPHASIS_BEFORE = re.compile(
    r"\b(?:agree[sd]?|agreeing|recommend(?:s|ed)?|support(?:s|ed)?|back(?:s|ed)?)"
    r"(?: with (?:me|him|her|them|us|you))?(?: it)?(?: at)? $",
    re.IGNORECASE,
)
# "the one sign you can point to": "the only", not a count
_THE_ONE = re.compile(r"(?<=\bthe )one (?=[a-z])", re.IGNORECASE)
# "One night after the loss", "one week later": a time relative to another, as "a night after"
_ONE_TIME_AWAY = re.compile(
    r"one (?:day|night|week|month|year|morning|evening|afternoon|hour) (?:after|later|before"
    r"|earlier)\b",
    re.IGNORECASE,
)
# "one of the best", "one of my top picks", "one of them": a member of a group, not a count
# ("one of every four" is a ratio)
_ONE_OF = re.compile(r"one of (?!every\b)", re.IGNORECASE)
# "hundreds of thousands" is a number wherever it stands; "hundreds" alone only before what
# it counts ("hundreds of", "thousands fled"), not "in the thousands" or "by the hundreds"
_VAGUE = re.compile(
    r"((?:tens|hundreds) of (?:thousands|millions|billions))\b"
    r"|(dozens|scores|hundreds|thousands|millions|billions)(?= of\b|\s+(?:more|were|are|have"
    r"|had|of|who|died|fled|gathered|attended|protested|marched)\b)",
    re.IGNORECASE,
)
# "several hundred", "a few thousand", "a couple of billion": a vague multiple of a scale
_FEW_SCALES = {"dozen": 12.0, "hundred": 100.0, **SCALE_WORDS}
_FEW_SCALE = re.compile(
    r"(several|a few|a couple of) ((?:hundred )?(?:thousand|million|billion|trillion)|hundred"
    r"|dozen)\b",
    re.IGNORECASE,
)
_NOUN_WORD = re.compile(r" [“\"‘]?([A-Za-z][A-Za-z'’-]*)[”\"’]?")  # a word, maybe quoted
_ACRONYMS = re.compile(r"[A-Z]{2,}s\b")
_DOTTED_MODIFIER = re.compile(r" (?:[A-Z]\.){2,}(?= [a-z])")  # "U.S." in "200 U.S. troops"
_NOUN_WORD_CAPITAL = re.compile(r" [A-Z]")
# ", trucks and SUVs" after "30,154 new cars": a list of plural nouns, counted together
_PLURAL_LIST = re.compile(r"(?:, [A-Za-z]+s)+,? (?:and|or) [A-Za-z]+s\b(?! (?:of|to)\b)")
_LISTED_NOUN = re.compile(r"\b(?!and\b|or\b)[a-z]+\b")
_COORDINATED = re.compile(r" (?:and|or) (?:([a-z]+) )?([a-z]+s)\b(?! (?:of|and)\b)")
_NAMED_KIND = re.compile(
    r" [A-Z][A-Za-z]+(?:-[a-z]+)? (?:(?:and|or) [A-Z][a-z]+ )?(?:[A-Za-z]+ )??"
    r"([A-Za-z][a-z]{2,}s)\b"
)
_LETTERS = re.compile(r"[A-Za-z]+")
_GLUED_NUMBERS = re.compile(r"(?:[-–/.:]\d+)+")
_PAIRED_NUMBER = re.compile(r" (?:and|or|to|through) (\d+)\b(?![.,]\d)")
_MONTH_AFTER = re.compile(
    r"\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + "|".join(sorted(MONTHS)) + r")\b", re.IGNORECASE
)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b")
_CLOCK_AFTER = re.compile(
    r"(?:[:.]\d\d\b|\s*(?:am|pm|a\.m\.?|p\.m\.?|GMT|BST|UTC|EST|EDT|CET|hrs)(?![A-Za-z]))",
    re.IGNORECASE,
)
_STREET_AFTER = re.compile(
    r"\s+(?:(?:[A-Z][a-z]*\.?|\d+(?:st|nd|rd|th))\s+){1,3}(?:Street|St|Road|Rd|Avenue|Ave|Lane|Square|Place|Drive|Way|"
    r"Boulevard|Court|Terrace|Close|Crescent|Gardens|Row|Hill)\b"
)
_ADJECTIVE_AFTER = re.compile(r"-[a-z]*[^e\W]ed\b")
_MODEL_WORD_AFTER = re.compile(
    r" (?:Max|MAX|Pro|Plus|Mini|Ultra|Dreamliners?|Neo|neo|XL|XR|Lite|Turbo|GT|Series|Classic)\b"
)
_YEAR = re.compile(r"(?:1[5-9]|20)\d\d")
_PLURAL_AFTER = re.compile(r" ([a-z]+)")
# a telephone service, not a count: "a 911 call", "999 calls", "the 112 operator"
_EMERGENCY = re.compile(r"(?:911|999|112|000) (?:calls?|operators?|dispatch(?:ers?)?|lines?)\b")
_EMERGENCY_CALLED = re.compile(r"\b(?:call(?:ed|s|ing)?|dial(?:l?ed|s|l?ing)?) $", re.IGNORECASE)
# a team's or fighter's record, a formation: "improved to 14-0-1", "a 4-2-1 run", "a 4-4-2"
_RECORD = re.compile(r"\d{1,3}(?:-\d{1,3}){2}(?![\d-])")
# set scores: "7-6 (5)" (a tie-break's points in brackets), "6-3, 3-6", "25-20, 22-25"
_TIE_BREAK = re.compile(r"\d{1,2}-\d{1,2} ?\(\d{1,2}\)")
_TIE_BREAK_BEFORE = re.compile(r"\d-\d{1,2} ?\($")
_PAIR = r"(\d{1,3})-(\d{1,3})(?: ?\(\d{1,2}\))?"
_PAIR_CHAIN = re.compile(rf"(?<![\d-]){_PAIR}(?:, {_PAIR})+(?![\d-])")
_PAIRS = re.compile(_PAIR)
# a team's records in brackets after its name: "the Hawks (6-5, 3-4)", "Rice (2-8)"
_RECORDS_IN_BRACKETS = re.compile(r"\(\d{1,2}-\d{1,2}(?:, \d{1,2}-\d{1,2})*\)")
_CAPITALISED_WORD_BEFORE = re.compile(r"[A-Z][\w.&'’-]* $")
# a list of people under an age: "40 Under 40", "30 Under 30"
_TALLY = re.compile(r"(?<![\d.,])(\d{1,3})-to-(\d{1,3})\b")  # "5-to-4", not "18-to-29" (a range)
_UNDER_LIST = re.compile(r"(\d{2}) Under (\d{2})\b")
_UNDER_LIST_BEFORE = re.compile(r"\b(\d{2}) Under $")
# "at one point", "at one time": an idiom, not one of anything
_AT_ONE_POINT = re.compile(r"(?<=\bat )one (?:point|time|stage|moment)\b", re.IGNORECASE)
_ONE_TIME = re.compile(r"one-time\b", re.IGNORECASE)  # "a one-time payment", "one-time rival"
# video resolutions, not pence: "1080p", "4K" (but "$4K", "4K jobs" are thousands)
_RESOLUTIONS = frozenset({"240", "360", "480", "720", "1080", "1440", "2160", "4320"})
_RESOLUTION_K = re.compile(r"[248]K(?![\w$])(?! (?:jobs|people|workers|members|homes|users)\b)")
# "One day, ..." / "One morning, ...": a story's "once", not one day
_ONCE = re.compile(r"One (?:day|morning|evening|afternoon|night|time),")
_NAME_BEFORE = re.compile(r"(?:\b[A-Za-z]*[A-Z][\w&]*|&\s?[A-Z])[ -]?$")
_CAMEL_CASE = re.compile(r"[a-z][A-Z]")
_SENTENCE_START = re.compile(r"(?:^|[.!?;\"“‘(\[]\s*|\n\s*)$")
_GLUED_NAME = re.compile(r"[A-Za-z]+-$")
# "2. The pick", "(4) Item", "3." alone on its line: the number of a list item
_LIST_MARKER = re.compile(r"[.)] (?=\S)")
_ALONE_ON_LINE = re.compile(r"[.)][ \t]*(?:\n|$)")
_LINE_START = re.compile(r"(?:^|\n)[ \t]*\(?$")
_LOWERCASE_WORD = re.compile(r"\b[a-z]{4,}\b")  # a sentence has some; a title-case headline none
# a measure between a count and its noun: "300 40-foot containers", "2.9 million 9 litre cases"
_MEASURE_MODIFIER = re.compile(r" \d+(?:\.\d+)?[- ]?([A-Za-z]+)(?= [a-z])")
# "a day or two", "another pick or two": the second number counts the noun before it
_NOUN_OR_BEFORE = re.compile(r"\b(?:an?|another|one) ([a-z]+) or $", re.IGNORECASE)
_TITLED_WORD = re.compile(r" ([A-Z][a-z]+) ([A-Za-z]+)")  # "80 Day Obsession"
_HEADING_NUMBER = re.compile(r"\d+(?::|[ \t]*(?:\n|$))")  # "Meal 2", "Tip 3:": a heading
_INHERIT_CUE = re.compile(
    r"(?:\bfrom|\bthan|\bcompared (?:with|to)|\bversus|\bvs\.?|"
    r"\b(?:record|high|low|peak|level) of)\s+(?:about\s+|around\s+)?$",
    re.IGNORECASE,
)
# "Kasich has 129", "to Rubio's 17", "she will win 56": a number whose noun is left out
_HAVING_CUE = re.compile(
    r"(?:\b(?:has|have|had|got|gets|won|wins|win|gained|with)|\w['’]s?"
    + "".join(
        rf"(?<!\b{word}['’]s)" for word in ("it", "that", "he", "she", "there", "what", "who")
    )
    + r")\s+$",
    re.IGNORECASE,
)
_CLAUSE_ENDS = re.compile(r"\s*(?:[.,;:)—–]|and\b|or\b|$)")
# "from about 14-18 mpg to 24": the second number of a from-to pair takes the first one's unit
_FROM_BEFORE = re.compile(r"\bfrom\s+(?:about\s+|around\s+)?$", re.IGNORECASE)
_TO_END = re.compile(r"^[^.;]*\bto\s+$")
_SHARE_JOIN = re.compile(r"(-?)\s*(?:,|or|to|(and))\s*$")
_BOUND_JOIN = re.compile(r",?\s+(?:and|but)\s+|,\s+")
_URL = re.compile(r"(?:https?://|www\.)\S+")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")
_PHONE = re.compile(r"\+\d[\d\s\-/()]{6,}\d|\(\d{2,5}\)\s?\d{3,4}[\s-]?\d{3,4}")
# 555-123-4567, 1-800-843-0008, 02-751-1500
_PHONE_DASHED = re.compile(r"\d(?<![\w-]\d)(?:\d{0,3}-\d{2,4}|\d{1,3})-\d{3,4}-\d{4}(?![\d-])")
_PHONE_LOCAL = re.compile(r"0(?<![\w.,]0)\d{2,4}[ -]\d{3,4}[ -]\d{3,4}(?!\d)")  # 020 7946 0958


@dataclass
class _Number:
    """A number as written: its value, where it ends, and how it was written."""

    value: float
    end: int
    words: int = 0  # number words in it (0 for digits)
    scale: float = 1.0
    scale_text: str = ""


@dataclass
class _Found:
    """A quantity before the passes that share units between neighbours."""

    quantity: Quantity
    needs_unit: bool = False  # a lone small number word: kept only if a unit turns up
    hyphen_open: bool = False  # "four-" in "four-, five- and six-cylinder"


# ---- finding quantities ------------------------------------------------------------------------


def find_quantities(text: str, offset: int = 0) -> list[Quantity]:
    """All quantities in text; start/end are offsets into text plus `offset`."""
    spaced = _NBSP_OUTSIDE_DIGITS.sub(" ", text) if "\u00a0" in text else text
    found = _find(spaced)
    if spaced is not text:  # "108\u00a0m", "49\u00a0club goers": read as a space, shown as written
        found = [replace(q, surface=text[q.start : q.end]) for q in found]
    if offset:
        found = [replace(q, start=q.start + offset, end=q.end + offset) for q in found]
    return found


def _find(text: str) -> list[Quantity]:
    folded = text.lower()
    # a few characters change length when lowered: then match case-insensitively on text itself
    lowered = folded if len(folded) == len(text) else text
    present = _ANCHOR_WORDS.intersection(_lower_words(folded))
    anchors = _anchor_pattern(present, ignore_case=lowered is text)
    if not anchors.search(lowered):
        return []
    skipped = _skipped_spans(text)
    found: list[_Found] = []
    position = 0
    while anchor := anchors.search(lowered, position):
        start = anchor.start()
        while skipped and skipped[-1][1] <= start:
            skipped.pop()
        if skipped and skipped[-1][0] <= start:
            position = skipped[-1][1]
            continue
        item, resume = _read_quantity(text, start)
        if item is not None:
            found.append(item)
        position = max(resume, anchor.end())
    return _join_bounds(text, _share_units(text, found))


def _lower_words(folded: str) -> list[str]:
    """The runs of a-z in a lowered text (another character, ASCII or not, cuts a word)."""
    return folded.encode("ascii", "replace").translate(_NOT_LOWER).decode().split()


@lru_cache(maxsize=1024)
def _anchor_pattern(present: frozenset[str], ignore_case: bool = False) -> re.Pattern[str]:
    """Where numbers may start, for the number words this text has. A text read as written
    (case-insensitively) gets a pattern of its own words; any other text with number words the
    one pattern of them all, compiled once (a word matches only where the text has it, and a
    pattern of its own costs ~300 us to compile, the time of a hundred searches)."""
    words = _anchor_words(present)
    if not words:
        return re.compile(_DIGIT_ANCHOR)
    return _anchors(words, re.IGNORECASE) if ignore_case else _every_anchor()


def _anchors(words: list[str], flags: int = 0) -> re.Pattern[str]:
    """_DIGIT_BRANCHES and the words: one branch a first letter, its words longest first."""
    by_first: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        by_first.setdefault(word[0], []).append(word[1:] + r"\b")
    alternatives = "|".join(
        rf"{first}(?<!\w.)(?:{'|'.join(rests)})" for first, rests in by_first.items()
    )
    return re.compile(f"{_DIGIT_BRANCHES}|{alternatives}", flags)


@cache
def _every_anchor() -> re.Pattern[str]:
    """_anchor_pattern of a text that has every anchor word (every one a text's words can be)."""
    return _anchors(_anchor_words(frozenset(filter(_LETTERS.fullmatch, _ANCHOR_WORDS))))


def _anchor_words(present: frozenset[str]) -> list[str]:
    """The patterns of the number words that may start a number, for the words present."""
    words = [w for w in present if w in NUMBER_WORDS or w in VAGUE_PLURALS]
    words += [w for w in ("minus", "negative") if w in present]
    scales = "|".join(sorted(_FRACTION_OF & present))
    if present & {"a", "an"} and present & (_FRACTION_OF | {"quarter", "third", "half"}):
        words.append(
            r"an?(?= (?:hundred|thousand|million|billion|trillion|dozen|quarter|third|half)\b)"
        )
    if "half" in present:
        words.append(r"half\b")  # "half a", "half of", "half the vote", "more than half said"
    if "quarter" in present and scales:
        words.append(rf"quarter(?=[ -](?:{scales})\b)")
    if "tens" in present:
        words.append("tens of")
    if present & {"several", "few", "couple"} and scales:
        words += [rf"{few}(?= (?:{scales})\b)" for few in ("several", "a few", "a couple of")]
    return words


def _skipped_spans(text: str) -> list[tuple[int, int]]:
    """Web and e-mail addresses and phone numbers, last first: their digits count nothing."""
    spans: list[tuple[int, int]] = []
    if "://" in text or "www." in text:
        spans += [m.span() for m in _URL.finditer(text)]
    if "@" in text:
        spans += [m.span() for m in _EMAIL.finditer(text)]
    if "+" in text or "(" in text:
        spans += [m.span() for m in _PHONE.finditer(text)]
    if "-" in text:
        spans += [m.span() for m in _PHONE_DASHED.finditer(text)]
    if " 0" in text or text.startswith("0"):
        spans += [m.span() for m in _PHONE_LOCAL.finditer(text)]
    return sorted(spans, reverse=True)


def _read_quantity(text: str, pos: int) -> tuple[_Found | None, int]:
    """The quantity whose number starts at pos, and where to resume scanning."""
    if text[pos : pos + 8].lower().startswith(("minus", "negative")):
        return None, pos + 1  # read with the number that follows
    vague = _read_vague_plural(text, pos) if text[pos].isalpha() else None
    if vague:
        return vague, vague.quantity.end
    before = text[max(0, pos - 12) : pos]
    written_currency = _currency_before(before)
    currency = _currency_code(written_currency) if written_currency else ""
    if not currency and text[pos].isdigit() and _glued_to_code(text, pos):
        return None, _skip_past(text, pos)
    number = _read_number(text, pos, money=bool(currency))
    if number is None:
        return None, pos + 1
    start = pos - len(written_currency)
    minus = _minus_before(text, start)
    if minus and (text[pos].isdigit() or text[start - 1] != "-"):
        start -= minus
        number.value = -number.value
    if _not_a_quantity(text, pos, number, currency):
        return None, _skip_past(text, pos)
    qualifier, start = _qualifier_before(text, start)
    if not currency:
        ratio = _read_ratio(text, start, number, qualifier)
        if ratio:
            return ratio, ratio.quantity.end
    value = number.value * number.scale
    end = number.end
    high: float | None = None
    span = _read_range(text, start, end, number, money=bool(currency))
    if span:
        high, end, number.scale, start = span
        value = number.value * number.scale
        qualifier = "range"
    unit_end, unit, rate_end = _read_unit(text, end, number, currency)
    if not unit and not currency and _AGE_BEFORE.search(text, max(0, start - 8), start):
        unit = "years"  # "at age 74", "aged 54 to 65": an age
    if not unit and not currency and high is None and _is_age_after_name(text, start, end, number):
        unit = "years"
    hyphen_open = unit_end is None and bool(_HYPHEN_OPEN.match(text, end))
    end = rate_end or unit_end or end
    if high is None and unit:
        again = _read_range_after_unit(text, start, end, unit, value)
        if again:
            high, end, start = again
            qualifier = "range"
    if high is None and qualifier == "exact":
        suffix = _SUFFIX_QUALIFIER.match(text, end)
        if suffix:
            said = (suffix.group(1) or suffix.group(2) or "+").lower()
            more = said in ("more", "above", "older", "over", "up", "+")
            qualifier = "at_least" if more else "at_most"
            end = suffix.end()
            if said in ("older", "younger"):
                unit = unit or "years"  # "voters 45 or older": an age
    if qualifier == "exact" and _ODD.match(text, number.end):
        qualifier = "approx"  # "40-odd years"
    if high is not None and high <= value and not unit and text[number.end] in "-–":
        return None, end  # "2-1", "a 5-2 victory", "2014-15": a score or a season, not a range
    if not unit and number.words and value in (2, 3) and qualifier == "exact":
        unit, qualifier = _noun_before_or(text, start)
    if not unit and not (number.words and 0 < number.value < 1):  # a share has an "of" instead
        singular = value == 1 and qualifier == "exact"
        unit = _noun_unit(text, end, singular=singular, many=value != 1)
        if unit and _stands_for_a_noun(text, start, number, unit):
            unit = ""
    if not unit and (parent := _PARENT_OF.search(text, max(0, start - 24), start)):
        unit = "grandchildren" if parent.group(1) else "children"  # "a mother of three"
    if qualifier == "exact" and _after_change_word(text, start):
        qualifier = "change"
    of = ""
    share = not unit and 0 < abs(value) < 1  # "two thirds of the members"
    if share or unit in ("percent", "percentage points") or (unit.isupper() and len(unit) == 3):
        of = _of_phrase(text, end)
    quantity = Quantity(
        surface=text[start:end],
        value=value,
        unit=unit,
        scale=number.scale,
        qualifier=qualifier,
        of=of,
        start=start,
        end=end,
        high=high,
    )
    needs_unit = (
        number.words == 1 and value in SMALL_VALUES and number.scale == 1.0 and qualifier == "exact"
    )
    return _Found(quantity, needs_unit, hyphen_open), end


# ---- reading numbers ---------------------------------------------------------------------------


def _read_number(text: str, pos: int, money: bool) -> _Number | None:
    """A number at pos with the scale written after it ("1.2 million", "10k", "$2.7m")."""
    char = text[pos]
    if char in UNICODE_FRACTIONS:
        number: _Number | None = _Number(UNICODE_FRACTIONS[char], pos + 1)
    elif char.isdigit() or char == ".":
        number = _read_digits(text, pos)
    else:
        number = _read_word_number(text, pos)
    if number is None or not math.isfinite(number.value):
        return None
    if not money and char.isdigit():
        number = _dot_thousands(text, pos) or number
    for _ in range(2):
        scale = _SCALE.match(text, number.end)
        if not scale or not _scale_allowed(text, scale, number, money):
            break
        word = scale.group(2).lower()
        number.scale *= SCALE_AFTER["dozen" if word == "dozens" else word]
        number.scale_text = f"{number.scale_text} {word}".strip()
        number.end = scale.end()
    return number


def _read_digits(text: str, pos: int) -> _Number | None:
    """ "1,234.5", ".08", "1.3e6", "1.99×10^-30", "3/4", "2 1/4", "2½"."""
    match = _DIGITS.match(text, pos)
    if not match:
        return None
    written = match.group(0)
    if _DECIMAL_COMMA.fullmatch(written):
        return _Number(float(written.replace(",", ".")), match.end())
    value = float(
        written if _SEPARATORS.isdisjoint(written) else _DIGIT_SEPARATORS.sub("", written)
    )
    end = match.end()
    exponent = _EXPONENT.match(text, end)
    if exponent:
        power = int((exponent.group(1) or exponent.group(2)).replace("−", "-"))
        return _Number(value * 10.0**power, exponent.end()) if abs(power) < 300 else None
    if written.isdigit():
        fraction = _FRACTION.match(text, end)
        mixed = _MIXED_FRACTION.match(text, end)
        if fraction and value < int(fraction.group(1)):
            value, end = value / int(fraction.group(1)), fraction.end()
        elif mixed and int(mixed.group(1)) < int(mixed.group(2)):
            value, end = value + int(mixed.group(1)) / int(mixed.group(2)), mixed.end()
    if end < len(text) and text[end] in UNICODE_FRACTIONS:
        value, end = value + UNICODE_FRACTIONS[text[end]], end + 1
    return _Number(value, end)


def _dot_thousands(text: str, pos: int) -> _Number | None:
    """ "1.000.000" and "2.500 visitors" written with points for thousands. Two points can
    only be separators; one before three digits only where things are counted (no whole
    number of visitors has three decimals) and no unit is measured ("1.250 kg" may be a
    decimal, as may money: "$3.499 a gallon")."""
    match = _DOT_THOUSANDS.match(text, pos)
    if not match:
        return None
    whole = _Number(float(match.group(0).replace(".", "")), match.end())
    if match.group(0).count(".") > 1:
        return whole
    if _read_unit(text, whole.end, whole, "")[1] or _SCALE.match(text, whole.end):
        return None
    counted = _noun_unit(text, whole.end)
    return whole if counted and _is_plural(counted) else None


def _read_word_number(text: str, pos: int) -> _Number | None:
    """ "twenty-five", "one hundred and six", "half a million", "a dozen", "two thirds"."""
    total = current = 0.0
    multiplier = 1.0
    largest = float("inf")
    last = ""  # what the last word was: unit, tens, hundred, scale, a, half_a, fraction
    count = 0
    end = cursor = pos
    pending_and = False
    while token := _WORD.match(text, cursor):
        separator, word = token.group(1) or "", token.group(2).lower()
        if (cursor == pos and separator) or "\n" in separator:
            break
        if word == "and" and last in ("hundred", "scale") and not pending_and:
            pending_and, cursor = True, token.end()
            continue
        if word in ("a", "an") and not last:
            last, cursor = "a", token.end()
            continue
        if word == "half" and not last and text.startswith(" of ", token.end()):
            current, last, count, end = 0.5, "fraction", 1, token.end()
            break  # "half of adults"
        if word in ("half", "quarter") and last in ("", "a"):
            article = _HALF_OF.match(text, token.end())
            if article:  # "half a million", "a half-dozen", "a quarter million"
                multiplier = 0.5 if word == "half" else 0.25
                last, cursor = "half_a", article.end()
                continue
            if word == "half" and not last and _is_bare_share(text, pos, token.end()):
                current, last, count, end = 0.5, "fraction", 1, token.end()
                break  # "half the vote", "more than half said"
            if not last:
                break
        if word in UNITS_WORDS and (
            last in ("", "hundred", "scale") or (last == "tens" and 0 < UNITS_WORDS[word] < 10)
        ):
            current, last = current + UNITS_WORDS[word], "unit"
        elif word in TENS_WORDS and last in ("", "hundred", "scale"):
            current, last = current + TENS_WORDS[word], "tens"
        elif word == "hundred" and last in ("unit", "tens", "a", "half_a") and current < 100:
            current, last = (current or 1.0) * 100, "hundred"
        elif word in SCALE_WORDS and last in ("unit", "tens", "hundred", "a", "half_a"):
            if SCALE_WORDS[word] >= largest:
                break
            total += (current or 1.0) * SCALE_WORDS[word]
            current, largest, last = 0.0, SCALE_WORDS[word], "scale"
        elif word in ("dozen", "dozens") and last in ("unit", "tens", "a", "half_a"):
            current, last = (current or 1.0) * 12, "scale"
        elif word in DENOMINATORS and last in ("unit", "a") and not total and current < 20:
            if (
                last == "a"
                and not _FRACTION_OF_WHAT.match(text, token.end())
                and not _is_bare_share(text, pos, token.end())
            ):
                break  # "a third time" is an ordinal; "a third of voters" a fraction
            if not word.endswith("s") and current > 1:
                break
            current, last = (current or 1.0) / DENOMINATORS[word], "fraction"
        else:
            break
        pending_and = False
        count += 1
        end = cursor = token.end()
        if last == "fraction":
            break
    if count == 0 or last == "a":
        return None
    half = _AND_A_HALF.match(text, end)
    if half and last in ("unit", "tens"):
        current, end = current + 0.5, half.end()
    return _Number((total + current) * multiplier, end, words=count)


def _is_bare_share(text: str, start: int, end: int) -> bool:
    """A fraction with no "of" is a share after a qualifier or "by" ("more than half said",
    "cut by a third") or before a determiner ("half the vote"); not in "half-century", "the
    first half this year" or "a glass half empty"."""
    if text.startswith("-", end) or set(_last_words(text, start, 1)) & PART_WORDS:
        return False
    if _SHARE_DETERMINER.match(text, end):
        return True
    return _qualifier_before(text, start)[0] != "exact" or bool(
        _BY_BEFORE.search(text, max(0, start - 4), start)
    )


def _scale_allowed(text: str, scale: re.Match[str], number: _Number, money: bool) -> bool:
    """A written scale word always counts; a one-letter "k", "m", "b" only where it must."""
    word = scale.group(2)
    lowered = word.lower()
    spaced = bool(scale.group(1))
    if number.words and lowered in ("k", "m", "b", "mm", "mn", "bn", "tn", "mil", "hundred"):
        return False
    if lowered in ("dozen", "dozens") and number.scale_text:
        return False
    if len(word) > 1:
        return "-" not in scale.group(1) or lowered not in ("hundred", "thousand")
    if word != "m":
        return not spaced or money
    # a lowercase "m": million with money or before a counted noun, metres before a size word
    if money or spaced:
        return money
    return not DIMENSION_WORDS.match(text, scale.end()) and bool(
        _COUNTED_AFTER.match(text, scale.end())
    )


def _of_phrase(text: str, end: int) -> str:
    """What a share is "of": "of adults", "of the vote", "of registered Latino voters" (two
    modifiers before the plural head: the phrase reaches the head)."""
    match = _OF.match(text, end)
    if not match:
        return ""
    phrase = match.group("of")
    head = _PLURAL_HEAD_AFTER.match(text, match.end())
    words = [w.lower() for w in phrase.split()[1:] if w.lower() not in _OF_DETERMINERS]
    if head and not STOP_NOUNS.intersection(words) and not any(map(_is_plural, words)):
        added = head.group(0).split()
        if _is_plural(added[-1]) and not STOP_NOUNS.intersection(added):
            phrase += head.group(0)
    return _trim_of(phrase)


def _trim_of(phrase: str) -> str:
    """ "of adults said" -> "of adults"; "of the" -> "": an "of" names a thing, not a verb."""
    words = phrase.split()
    for index, word in enumerate(words[1:-1], start=1):
        if _is_plural(word.lower()):
            words = words[: index + 1]  # "of voters agreed": a plural ends the thing
            break
    while len(words) > 1 and words[-1].lower() in STOP_NOUNS:
        words.pop()
    return " ".join(words) if len(words) > 1 else ""


def _read_ratio(text: str, start: int, number: _Number, qualifier: str) -> _Found | None:
    """ "one in five children" -> 0.2 of children; "2 out of 500" -> 0.004."""
    join = _RATIO.match(text, number.end)
    if not join or number.scale != 1.0 or number.value < 1:
        return None
    second_at = join.end()
    if second_at >= len(text) or not text[second_at].isalnum():
        return None
    whole = _read_number(text, second_at, money=False)
    if whole is None or whole.value * whole.scale <= number.value:
        return None
    if _YEAR.fullmatch(text, second_at, whole.end) or _read_unit(text, whole.end, whole, "")[1]:
        return None  # "1 in 2019", "2 in 10 minutes": not a share
    counted = _noun_unit(text, whole.end)
    quantity = Quantity(
        surface=text[start : whole.end],
        value=number.value / (whole.value * whole.scale),
        qualifier=qualifier,
        of=f"of {counted}" if counted else "",
        start=start,
        end=whole.end,
    )
    return _Found(quantity)


def _read_vague_plural(text: str, pos: int) -> _Found | None:
    """ "dozens of people" -> 12..120 people; "thousands of job cuts" -> 1000..10000 cuts."""
    few = _FEW_SCALE.match(text, pos)
    if few:
        return _read_few_scale(text, few)
    match = _VAGUE.match(text, pos)
    if not match:
        return None
    words = (match.group(1) or match.group(2)).lower()
    if words == "scores" and not text.startswith(" of", match.end()):
        return None
    base = float(VAGUE_PLURALS[words])
    end = match.end()
    of = _OF_GROUP.match(text, end) or _OF_WORD.match(text, end)
    unit = _noun_unit(text, of.end(), many=True) if of else ""
    surface = text[pos:end]
    return _Found(Quantity(surface, base, unit, 1.0, "range", "", pos, end, base * 10))


def _read_few_scale(text: str, few: re.Match[str]) -> _Found:
    """ "several hundred protesters" -> 200..900 protesters; "a couple of billion dollars" ->
    ~2e9 USD: a vague multiple of a scale word."""
    scale = math.prod(_FEW_SCALES[word] for word in few.group(2).lower().split())
    end = few.end()
    unit_end, unit, rate_end = _read_unit(text, end, _Number(scale, end), "")
    if not unit:
        unit = _noun_unit(text, end, many=True)
    end = rate_end or unit_end or end
    if few.group(1).lower().startswith("a couple"):
        low, high, qualifier = 2 * scale, None, "approx"
    else:
        low, high, qualifier = 2 * scale, 9 * scale, "range"
    surface = text[few.start() : end]
    return _Found(Quantity(surface, low, unit, scale, qualifier, "", few.start(), end, high))


# ---- what is around a number -------------------------------------------------------------------


def _currency_before(before: str) -> str:
    """The currency written just before a number, as written ("$", "US$ ", "£", "Rs.")."""
    if not before or before.rstrip()[-1:] not in _CURRENCY_TAIL:
        return ""
    match = _CURRENCY_BEFORE.search(before)
    return match.group(0) if match else ""


def _currency_code(written: str) -> str:
    key = " ".join(written.lower().split())
    if key.upper() in CURRENCY_CODES:
        return key.upper()
    return CURRENCY_SYMBOLS.get(key) or CURRENCY_SYMBOLS.get(key.replace(" ", ""), "USD")


def _minus_before(text: str, start: int) -> int:
    """How many characters of "minus ", "negative " or a bare "-" precede start (0 if none).
    "Plus or minus 3 points" is a margin, no negative number (as "+/- 3" and "±3" are)."""
    for word in ("minus ", "negative ", "minus-", "negative-"):
        if text[max(0, start - len(word)) : start].lower() == word:
            plus_or = text[max(0, start - len(word) - 8) : start - len(word)].lower()
            return 0 if plus_or == "plus or " else len(word)
    if start and text[start - 1] == "-":
        left = text[start - 2] if start >= 2 else " "
        return 1 if left in " (\n\t[" else 0
    return 0


def _last_words(text: str, start: int, count: int) -> list[str]:
    """The words just before start (only spaces between them and start)."""
    before = text[max(0, start - 32) : start]
    if before and not before[-1].isspace():
        return []
    return before.split()[-count:]


def _qualifier_before(text: str, start: int) -> tuple[str, int]:
    """ "about", "more than", "up to", "~", ">=" before a number: (qualifier, new start)."""
    before = text[max(0, start - 32) : start]
    stripped = before.rstrip()
    for symbol in QUALIFIER_SYMBOLS:
        if stripped.endswith(symbol):
            return QUALIFIERS[symbol], start - (len(before) - len(stripped)) - len(symbol)
    words = _last_words(text, start, 3)
    for size in (3, 2, 1):
        phrase = " ".join(words[-size:]).lower()
        if len(words) >= size and phrase in QUALIFIERS:
            cut = len(stripped)
            for word in reversed(words[-size:]):
                cut = stripped.rindex(word, 0, cut)
            if cut == 0 or not stripped[cut - 1].isalnum():
                return QUALIFIERS[phrase], start - len(before) + cut
    return "exact", start


def _after_change_word(text: str, start: int) -> bool:
    """ "rose 2%", "fell by 3 points": a change, not a level."""
    words = [w.lower() for w in _last_words(text, start, 2)]
    if words and words[-1] == "by":
        return len(words) > 1 and (words[-2] in CHANGE_WORDS or words[-2] in CHANGE_WORDS_WITH_BY)
    if len(words) > 1 and words[-1] in ("up", "down") and words[-2] in PARTICLE_VERBS:
        return False  # "made up 46 percent", "freed up $26 million"
    return bool(words) and words[-1] in CHANGE_WORDS


def _glued_to_code(text: str, pos: int) -> bool:
    """M21, S23, scp173; the "00" of "5,00": digits that continue a code or another number."""
    if pos == 0:
        return False
    if text[pos - 1].isalpha():
        return True
    if pos >= 2 and text[pos - 1] == "." and text[pos - 2].isupper():
        return True  # ID.4, BA.2: a model or a variant
    if pos >= 2 and text[pos - 1] == "(" and text[pos - 2].isalnum():
        return True  # the "(1)" of "Article 23(1)"
    return pos >= 2 and text[pos - 1] in ",." and text[pos - 2].isdigit()


def _skip_past(text: str, pos: int) -> int:
    """Resume after a rejected number and any number glued to it ("2014-15", "20-24")."""
    digits = _DIGITS.match(text, pos)
    end = digits.end() if digits else pos + 1
    glued = _GLUED_NUMBERS.match(text, end)
    if glued:
        return glued.end()
    paired = _PAIRED_NUMBER.match(text, end)  # "AD 1000 and 1260", "in 2014 and 2015"
    if digits and paired and len(paired.group(1)) == len(digits.group(0)):
        return paired.end()
    return end


def _stands_for_a_noun(text: str, start: int, number: _Number, unit: str) -> bool:
    """ "the two write", "None of the three laid out": a small number word after "the" with no
    plural after it is a pronoun, and the word after it no unit ("a three course meal" counts;
    "the ten thousand mark" is a level)."""
    return (
        number.words > 0
        and number.value in SMALL_VALUES
        and number.scale == 1.0
        and number.value != 1
        and not _may_name_many(unit.split()[-1])
        and bool(_DEFINITE_BEFORE.search(text, max(0, start - 8), start))
    )


def _is_age_after_name(text: str, start: int, end: int, number: _Number) -> bool:
    """ "said Jane Doe, 34, a nurse", "Mr. Smith, 69, looked tired": a person's age, set off
    by commas after a name, written in digits."""
    return (
        number.words == 0
        and number.scale == 1.0
        and number.value.is_integer()
        and 0 < number.value < 120
        and bool(name := _NAME_COMMA_BEFORE.search(text, max(0, start - 40), start))
        and name.group(1).lower().rstrip(".") not in MONTHS  # "Dec, 1, 1964": a date
        and bool(_AGE_ENDS.match(text, end))
    )


def _not_a_quantity(text: str, pos: int, number: _Number, currency: str) -> bool:
    """Dates, years, clock times, ordinals, codes and labels: numbers that count nothing."""
    before = text[max(0, pos - 20) : pos]
    last = _last_words(text, pos, 1)
    previous = last[0].lstrip("([\"'“‘") if last else ""
    if (text.startswith("-", number.end) or before.endswith("-")) and _is_hyphen_name(
        text, pos, number.end, before
    ):
        return True  # "a 3-in-1 charger", "a 3-pointer": a name, not three of anything
    if number.words:
        return _word_number_counts_nothing(text, pos, number, before, previous)
    if _STREET_AFTER.match(text, number.end):
        return True  # "221B Baker Street": an address, not 221 billion
    if not currency and number.scale_text == "k" and _RESOLUTION_K.match(text, pos):
        return True  # "4K streaming", "a 4K-ready Chromecast": a resolution
    if not currency and _is_glued_to_a_name(before):
        return True  # F-35, Covid-19, utf-8, TA-125, an H-1B visa (but "sub-300 sq m" is a number)
    if currency or number.scale_text:
        return False
    if _is_tally_rank_or_code(text, pos, number, before):
        return True  # "four (4)", "#2", "401(k)", id="67", "in '16"
    if text.startswith(".1", pos + 1) and _SOUND_CHANNELS.match(text, pos):
        return True  # "5.1 surround sound": a sound format
    if _RECORD.match(text, pos):
        return True  # 14-0-1: wins, losses and ties, not three counts or a range
    if _is_score(text, pos, number.end, before):
        return True  # "won 7-6 (5), 6-3", "the Hawks (6-5, 3-4)": scores and records
    if _is_under_list(text, pos, number.end, before):
        return True  # "named to the 40 Under 40": a list of people, not a count or an age
    end = number.end
    after = text[end : end + 30]
    if after[:1] in ("/", ":") and after[1:2].isdigit():
        return True  # 7/32 of a point, 16:9, 24/7: not a count (known fractions are read whole)
    if after[:1] in ("p", "P") and text[pos:end] in _RESOLUTIONS and not after[1:2].isalpha():
        return True  # 1080p
    if before.endswith((":", "/")) and before[-2:-1].isdigit():
        return True  # 17:22, 5/17
    if previous.lower().rstrip(".") in MONTHS or _MONTH_AFTER.match(after):
        return True  # September 12, 12 September
    if _ORDINAL_AFTER.match(after) or _CLOCK_AFTER.match(after):
        return True  # 22nd, 10:30, 5pm
    if _is_titled_unit_name(text, pos, end, number):
        return True  # "the 80 Day Obsession", "a 7 Minute Workout": a title, not 80 days
    measured = bool(_read_unit(text, end, number, "")[1])
    if text[pos:end] == "100" and _is_emphasis(text, pos, end):
        return True  # "I am 100% sure": emphasis, not a share of anything
    if _YEAR.fullmatch(text, pos, end) and not (
        measured or (_plural_follows(after) and _may_count(text, pos, end, previous))
    ):
        return True  # 2016, "the 2016 elections", "launched in 2011 aims to"; but "2000 people"
    if _EMERGENCY.match(text, pos) or (
        text[pos:end] in ("911", "999", "112") and _EMERGENCY_CALLED.search(before)
    ):
        return True  # a 911 call, "called 911"
    if previous in ERAS or previous.lower() in LABEL_WORDS or _STREET_AFTER.match(after):
        return True  # AD 1000, Article 5, 10 Downing Street
    if after[:1].isalpha() and not measured and not _SCALE.match(after):
        return True  # 5G, 3D, 9AB8, 777F: a code, not a count
    if _GREEK_AFTER.match(after):
        return True  # "17-beta estradiol": a name
    if _ADJECTIVE_AFTER.match(after):
        return True  # "a 10-sided die": an adjective made of the number
    if _is_model(text, pos, end, previous, measured):
        return True  # "737 Max", "a 787", "the 737 landed": an aircraft or product model
    if _is_list_number(text, pos, end, before):
        return True  # "1. The Security Council shall...": a list number
    return not measured and _is_name_label(text, pos, before)  # Game 2, S&P 500, iPhone 14


def _word_number_counts_nothing(
    text: str, pos: int, number: _Number, before: str, previous: str
) -> bool:
    """A number written in words that is part of a name, an idiom or a pronoun."""
    word = text[pos : number.end].lower()
    if _in_quoted_policy_name(text, pos):
        return True  # the "one country, two systems" formula, a "three strikes" law
    if _ONCE.match(text, pos) and _SENTENCE_START.search(text[max(0, pos - 3) : pos]):
        return True  # "One day, prices will fall"
    if text.startswith("-", number.end) and word == "zero":
        return True  # "zero-hours contracts", "zero-sum": a name, not a count
    if word == "one" and _is_one_no_count(text, pos, previous):
        return True  # "one of the best", "no one", "the one thing", "one day later"
    if before.endswith(_QUOTES) and _is_quoted_name(text, pos, number):
        return True  # 'known as the "Three Amigos"'
    if number.words == 1 and text[pos].isupper() and _is_name_label(text, pos, before):
        return True  # "Capital One", "Formula One": a name
    if number.words == 1 and text[pos].isupper() and _is_capitalised_name(text, pos, number):
        return True  # "the Gang of Eight", "NASA-inspired Zero Gravity Seats": a name
    if _names_an_arrangement(text, number):
        return True  # "a two-state solution", "a two-party system": a kind, not a count
    if word == "half" and previous.lower() in PART_WORDS:
        return True  # "the upper half of the lid", "the first half of the year": a part
    if word == "zero" and _is_zero_as_no(text, number):
        return True  # "zero chance", "zero tolerance": no, not a count
    return number.words == 1 and previous.lower() in LABEL_WORDS  # Article Five, War One


def _is_titled_unit_name(text: str, pos: int, end: int, number: _Number) -> bool:
    """A number before a capitalised unit in the singular ("80 Day", "7 Minute") and another
    capitalised word is a title: a count would say "80 days". Not at the start of a sentence
    nor in a headline written in title case ("Trump Opens 32 Point Lead"), where a capital
    says nothing."""
    titled = _TITLED_WORD.match(text, end)
    if titled is None:
        return False
    unit, following = titled.group(1), titled.group(2)
    if number.value == 1 or unit.lower() not in UNIT_NAMES or _is_plural(unit.lower()):
        return False
    if not following[0].isupper() or _SENTENCE_START.search(text[max(0, pos - 3) : pos]):
        return False
    return any(word not in STOP_NOUNS for word in _LOWERCASE_WORD.findall(text))


def _is_capitalised_name(text: str, pos: int, number: _Number) -> bool:
    """A capitalised number word inside a sentence, after "X of" or before another capitalised
    word, is part of a name: "the Gang of Eight", "Zero Gravity Seats" (not "— Two Democrats",
    which opens a sentence)."""
    if _NAME_OF.search(text, max(0, pos - 20), pos):
        return True
    opens = _CLAUSE_START.search(text, max(0, pos - 3), pos)
    capital_follows = _NOUN_WORD_CAPITAL.match(text, number.end) or _HYPHEN_CAPITAL_NAME.match(
        text, number.end
    )
    return not opens and bool(capital_follows)


def _names_an_arrangement(text: str, number: _Number) -> bool:
    """A number word joined to a noun that is no unit, before "solution", "system", "policy"
    ("a two-state solution", "the one-child policy"), names a kind of arrangement; a unit keeps
    its figure ("a five-year policy": five years)."""
    kind = _KIND_OF_ARRANGEMENT.match(text, number.end)
    return bool(kind) and kind.group(1).lower() not in UNIT_NAMES


def _is_zero_as_no(text: str, number: _Number) -> bool:
    """ "zero chance": zero before a singular says "no"; "zero deaths" counts."""
    if _read_unit(text, number.end, number, "")[1]:
        return False  # "zero percent"
    noun = _PLURAL_AFTER.match(text, number.end)
    return noun is not None and noun.group(1) not in STOP_NOUNS and not _is_plural(noun.group(1))


def _is_glued_to_a_name(before: str) -> bool:
    """F-35, Covid-19, an H-1B visa; not "sub-300"."""
    if not before.endswith(("-", "-\n")):
        return False  # the pattern ends in "-$": re would try it at every position
    glued = _GLUED_NAME.search(before)
    return glued is not None and glued.group(0)[:-1].lower() not in NUMBER_PREFIXES


def _is_one_no_count(text: str, pos: int, previous: str) -> bool:
    """ "one" as a pronoun or an article: "one's own", "one another", "one of the best", "no
    one", "this one", "the one thing", "at one point", "one day later", "from one room to the
    other", "one way or another" ("one of every four" is a ratio, read elsewhere); and
    "one-time", which means single or former ("a one-time payment", "one-time rival")."""
    end = pos + 3
    if text.startswith(("'s", "’s"), end) or text[pos : end + 8].lower() == "one another":
        return True
    if previous.lower() in _PRONOUN_ONE_AFTER:
        return True
    return any(
        pattern.match(text, pos)
        for pattern in (
            _ONE_OF,
            _AT_ONE_POINT,
            _ONE_TIME_AWAY,
            _THE_ONE,
            _FROM_ONE_TO,
            _ONE_OR_ANOTHER,
            _ONE_TIME,
        )
    )


def _is_hyphen_name(text: str, pos: int, end: int, before: str) -> bool:
    """ "a 3-in-1 charger", "a 2-for-1 deal", "a 3-pointer", "an 18-wheeler"."""
    return bool(
        _NUMBERS_NAME.match(text, pos)
        or _NUMBERS_NAME_END.search(before)
        or _NUMBER_NOUN.match(text, end)
    )


def _is_tally_rank_or_code(text: str, pos: int, number: _Number, before: str) -> bool:
    """A number repeated ("four (4)"), a rank ("#2"), a name ("401(k)"), a value in markup
    (id="6721385") or a cut year ("in '16"). Each rule is tried only where its sign is, as most
    numbers have none."""
    end = number.end
    following = text[end : end + 2]
    if before.endswith("(") and _repeats_a_number_word(text, pos, number, before):
        return True
    if before.endswith(("#", "=", '="', "='")):
        return True
    if following[:1] == "(" and _LETTER_IN_BRACKETS.match(text, end):
        return True
    return (
        before.endswith(("'", "’", "‘"))
        and end - pos == 2
        and bool(_YEAR_CUT.search(before))
        and not following[:1].isalnum()
    )


def _is_score(text: str, pos: int, end: int, before: str) -> bool:
    """Set scores ("7-6 (5)", "6-3, 3-6", "25-20, 22-25"), a tie-break's points (the "(5)"),
    a team's records in brackets after its name ("the Hawks (6-5, 3-4)") and tallies written
    with "-to-" ("a 5-to-4 decision", "a 4-to-4 tie"): none is a range or a count."""
    if text.startswith(")", end) and _TIE_BREAK_BEFORE.search(before):
        return True
    tally = _TALLY.match(text, pos) or _TALLY.search(text, max(0, pos - 12), end)
    if tally and tally.end() >= end and int(tally.group(2)) <= int(tally.group(1)):
        return True
    if not text.startswith("-", end):
        return False
    if _TIE_BREAK.match(text, pos) or _in_score_chain(text, pos):
        return True
    bracket = text.rfind("(", max(0, pos - 10), pos)
    if bracket < 0 or not _CAPITALISED_WORD_BEFORE.search(text, max(0, bracket - 30), bracket):
        return False
    records = _RECORDS_IN_BRACKETS.match(text, bracket)
    return records is not None and records.end() > pos


def _is_under_list(text: str, pos: int, end: int, before: str) -> bool:
    """ "40 Under 40", "30 Under 30": the name of a list of people under an age."""
    if before.endswith(" Under "):
        under = _UNDER_LIST_BEFORE.search(before)
        return under is not None and under.group(1) == text[pos:end]
    pair = _UNDER_LIST.match(text, pos) if text.startswith(" Under ", end) else None
    return pair is not None and pair.group(1) == pair.group(2)


def _in_score_chain(text: str, pos: int) -> bool:
    """A pair in a list of pairs is a score when a pair falls ("25-20, 22-25": ranges rise,
    as in "ages 18-24, 25-34") or every pair is of one digit (the sets of a tennis match)."""
    for chain in _PAIR_CHAIN.finditer(text, max(0, pos - 60), pos + 60):
        if chain.start() <= pos < chain.end():
            pairs = [(int(a), int(b)) for a, b in _PAIRS.findall(chain.group(0))]
            return any(a > b for a, b in pairs) or all(a < 10 and b < 10 for a, b in pairs)
    return False


def _is_emphasis(text: str, pos: int, end: int) -> bool:
    """ "100 percent sure", "agree 100%", "recommend at 100%": wholly, not a measured share."""
    percent = _FULL_PERCENT.match(text, end)
    if not percent:
        return False
    return bool(
        _EMPHASIS_AFTER.match(text, percent.end())
        or _EMPHASIS_BEFORE.search(text, max(0, pos - 30), pos)
    )


def _in_quoted_policy_name(text: str, pos: int) -> bool:
    """Inside a short quotation that names a policy, a rule or a slogan: the quotation is
    followed by a naming noun ('the "one country, two systems" formula'). Only for number
    words: slogans spell them; digits in quotes ('the "3 million jobs" plan') are pledges."""
    window = text[max(0, pos - 40) : pos]
    opened = max(window.rfind('"'), window.rfind("“"))
    if opened < 0 or window.rfind("”") > opened or "\n" in window[opened:]:
        return False
    if window[opened] == '"' and text.count('"', 0, pos) % 2 == 0:
        return False  # that straight quote closed a quotation
    closing = _QUOTE_CLOSES_BEFORE_NAMING_NOUN.match(text, pos)
    return closing is not None and closing.group(1) in NAMING_NOUNS


def _is_quoted_name(text: str, pos: int, number: _Number) -> bool:
    """A number word that opens a quotation of a word or two after a naming word names
    something ('the "Three Amigos"', 'dubbed "Big Four"'); a quotation of what someone said
    ('she had "two people" there', '"Two died," he said') may count."""
    if not _QUOTE_OPENS_INSIDE.search(text, max(0, pos - 12), pos):
        return False
    return (
        bool(_QUOTED_NAME.match(text, number.end))
        and not _read_unit(text, number.end, number, "")[1]
    )


def _is_list_number(text: str, pos: int, end: int, before: str) -> bool:
    """ "1. The Council shall", "(2) Item", "3." alone on its line: the number of a list item.
    Alone, only one or two digits: a list rarely runs past 99, and "192." is a number."""
    if not _LINE_START.search(before):
        return False
    if _LIST_MARKER.match(text, end):
        return True
    return end - pos <= 2 and bool(_ALONE_ON_LINE.match(text, end))


def _is_model(text: str, pos: int, end: int, previous: str, measured: bool) -> bool:
    """A bare whole number that names a model: before a model word ("737 Max", "iPhone 11 Pro"),
    after "a" ("a 787"), or after "the" with nothing counted ("the 787 landed")."""
    if measured or not text[pos:end].isdigit():
        return False
    if _MODEL_WORD_AFTER.match(text, end):
        return True
    if not text.startswith(" ", end):
        return False  # "a 7- or 8-inch screen"
    if previous.lower() in ("a", "an"):
        return not _SCALE.match(text, end)
    return previous.lower() == "the" and end - pos >= 3 and not _noun_unit(text, end)


def _may_count(text: str, pos: int, end: int, previous: str) -> bool:
    """Whether a year-like number before a plural may count it. Not after "in", "since" or
    "until" ("launched in 2011 aims to"), and not a recent year that is not round: news writes
    such counts with a comma ("2,016 votes"), so "raising 2016 elections" names a year; after
    "by" or "x" it is a margin or a size ("won by 1917 votes", "1080 by 1920 pixels")."""
    if previous.lower() in ("in", "since", "until", "during"):
        return False
    if previous.lower() in ("by", "x", "×"):
        return True
    value = int(text[pos:end])
    return not (1900 <= value <= 2039 and value % 100)


def _plural_follows(after: str) -> bool:
    """Does a plural noun follow (so "2000 people" is not the year 2000)? Not one that a year
    names: "the 2020 models" are of a model year."""
    noun = _PLURAL_AFTER.match(after)
    if not noun or noun.group(1) in STOP_NOUNS or noun.group(1) in MODEL_YEAR_NOUNS:
        return False
    return _is_plural(noun.group(1))


def _repeats_a_number_word(text: str, pos: int, number: _Number, before: str) -> bool:
    word = _NUMBER_WORD_BRACKET.search(before)
    if not word or not text.startswith(")", number.end):
        return False
    spelled = word.group(1).lower()
    return number.value in (UNITS_WORDS.get(spelled), TENS_WORDS.get(spelled))


def _is_name_label(text: str, pos: int, before: str) -> bool:
    """A number right after a name is part of the name ("Game 2"), not the start of a sentence."""
    name = _NAME_BEFORE.search(before)
    if not name:
        return False
    word_start = pos - len(before) + name.start()
    word = name.group(0).strip(" -&")
    if _CAMEL_CASE.search(word):
        return True  # "AirPods 2", "iPhone 11": a product's name wherever it stands
    if _SENTENCE_START.search(text[max(0, word_start - 3) : word_start]) and not (
        _HEADING_NUMBER.match(text, pos) and _LINE_START.search(text, 0, word_start)
    ):
        return False  # "About 70", "Only 20": the first word of a sentence is capitalised anyway
    return word.lower() not in QUALIFIERS and word.upper() not in CURRENCY_CODES


def _range_opener(text: str, start: int) -> str:
    """ "between" or "from" just before a range, else ""."""
    words = _last_words(text, start, 1)
    return words[0] if words and words[0].lower() in ("between", "from") else ""


def _rises_from(opener: str, low: float, high: float, text: str, start: int) -> bool:
    """ "increase the efficiency from 23% to 35%": after a change verb in the same clause, a rise
    from one level to another is two figures, an old level and a new one; as one span 23..35 it
    would read as a band of values. A fall ("fell from 71% to 55%") cannot be read as a band
    and stays one span."""
    if opener.lower() != "from" or not low < high:
        return False
    at = text.rindex(opener, 0, start)
    clause = re.split(r"[,;:.!?()\"“”]", text[max(0, at - 80) : at])[-1]
    return any(word in CHANGE_FROM_VERBS for word in clause.lower().split()[-8:])


def _read_range(
    text: str, start: int, end: int, number: _Number, money: bool
) -> tuple[float, int, float, int] | None:
    """The high end of "5-7", "5 to 7", "between 5 and 7", "$89 to $93 billion":
    (high, end, scale of both ends, start including "between"/"from")."""
    join = _RANGE_JOIN.match(text, end)
    if not join:
        return None
    opener = _range_opener(text, start)
    if join.group(1).lower() == "and" and opener.lower() != "between":
        return None
    change = join.group(1).lower() == "to" and not opener and _after_change_word(text, start)
    second_at = join.end()
    currency = _SECOND_CURRENCY.match(text, second_at)
    if currency:
        second_at = currency.end()
    if second_at >= len(text) or not (text[second_at].isalnum() or text[second_at] == "."):
        return None
    second = _read_number(text, second_at, money)
    if second is None or second.words > 4:
        return None
    if join.group(1) in "-–—" and _RANGE_CODE.match(text, second.end):
        return None  # 1-222-2222: a code
    scale = number.scale if number.scale != 1.0 or not second.scale_text else second.scale
    if number.value * scale > second.value * second.scale:
        scale = number.scale  # "$800,000 to $1.3 million": the scale is the second's own
    high = second.value * (second.scale if second.scale_text else scale)
    if change and not _close_range(number.value * scale, high, text, start, currency):
        return None  # "rose by £12,000 to £294,000": a change and a new level
    if high < number.value * scale and not opener and join.group(1).lower() in ("to", "through"):
        return None  # "confirmed 92 to 0", "leads 1,428 to 1,153": a tally, not a range
    if join.group(1).lower() == "to" and _rises_from(
        opener, number.value * scale, high, text, start
    ):
        return None
    if opener:
        start = text.rindex(opener, 0, start)
    return high, second.end, scale, start


def _read_range_after_unit(
    text: str, start: int, end: int, unit: str, low: float
) -> tuple[float, int, int] | None:
    """ "between 15kHz and 17kHz", "from 4.8 percent to 4.7 percent", "5% to 10%": the unit
    said twice."""
    opener = _range_opener(text, start)
    join = _RANGE_JOIN.match(text, end)
    wanted = "and" if opener.lower() == "between" else "to"
    if not join or join.group(1).lower() != wanted:
        return None
    second_at = join.end()
    if second_at >= len(text) or not text[second_at].isalnum():
        return None
    second = _read_number(text, second_at, money=False)
    if second is None:
        return None
    unit_end, second_unit, _ = _read_unit(text, second.end, second, "")
    if second_unit != unit or unit_end is None:
        return None
    high = second.value * second.scale
    if _rises_from(opener, low, high, text, start):
        return None
    if not opener and not _close_range(low, high, text, start, None):
        return None  # "cut rates 0.25% to 5%": a change and a new level
    return high, unit_end, text.rindex(opener, 0, start) if opener else start


def _close_range(low: float, high: float, text: str, start: int, currency: object) -> bool:
    """Whether "X to Y" without "from" is a range: not after "by" ("rose by £12,000 to
    £294,000" is a change and a new level), the second end not money of its own, and the two
    ends within 4x of each other ("rose 1 to 1.5 degrees", not "rose 12,000 to 1.5 million")."""
    words = _last_words(text, start, 1)
    if (words and words[0].lower() == "by") or currency:
        return False
    return 0 < low < high <= 4 * low


def _read_unit(text: str, end: int, number: _Number, currency: str) -> tuple[int | None, str, int]:
    """The unit after a number: (where the unit ends or None, the unit, where a rate ends)."""
    if currency:
        word = _CURRENCY_AFTER.match(text, end)
        if word and word.group("word").lower() not in (*SMALL_CHANGE, "pound", "pounds"):
            rate_end, unit = _read_rate(text, word.end(), currency)
            return word.end(), unit, rate_end
        rate_end, unit = _read_rate(text, end, currency)
        return None, unit, rate_end
    if text.startswith("-", end) and end + 1 < len(text) and text[end + 1].isalpha():
        return _read_hyphen_unit(text, end + 1)
    if not number.words and _is_inch_mark(text, end):
        return end + 1, "inches", 0  # a 34" monitor
    following = text[end : end + 2].lstrip()[:1]
    if not following or not (following.isalpha() or following in _UNIT_START):
        return None, "", 0  # a digit, a comma, a full stop: no unit here
    money = _CURRENCY_AFTER.match(text, end)
    if money:
        word, nation = money.group("word"), money.group("nation")
        code = word.upper() if word.upper() in CURRENCY_CODES else CURRENCY_WORDS[word.lower()]
        if nation and word.lower() not in SMALL_CHANGE:
            code = CURRENCY_NATIONS.get(nation.lower(), code)
        if nation or word.lower() not in AMBIGUOUS_CURRENCY_WORDS:
            rate_end, unit = _read_rate(text, money.end(), code)
            return money.end(), unit, rate_end
    symbol_after = _CURRENCY_SYMBOL_AFTER.match(text, end)
    if symbol_after:  # "10 €", "100元"
        return symbol_after.end(), CURRENCY_SYMBOLS[symbol_after.group(1)], 0
    if not number.words and _PENCE.match(text, end):
        return end + 1, "GBX", 0
    if not number.words and _SPACED_PENCE.match(text, end):
        return end + 2, "GBX", 0  # "68 p a litre"
    named = _UNIT_AFTER.match(text, end)
    symbol = _SYMBOL_AFTER.match(text, end)
    if named and (not symbol or named.end() >= symbol.end()):
        unit, unit_end = UNIT_NAMES[named.group(1).lower()], named.end()
    elif symbol and _symbol_allowed(text, end, symbol, number):
        unit, unit_end = UNIT_SYMBOLS[symbol.group(1)], symbol.end()
    else:
        return None, "", 0
    if unit == "years":
        old = _YEARS_OLD.match(text, unit_end)
        unit_end = old.end() if old else unit_end
    rate_end, unit = _read_rate(text, unit_end, unit)
    return unit_end, unit, rate_end


def _is_inch_mark(text: str, end: int) -> bool:
    """A straight double quote glued to a number is an inch mark ("a 34\" monitor") unless it
    can close a quotation: one opened before it on the line (inch marks open none)."""
    if not _INCH_MARK.match(text, end):
        return False
    inside = False
    for mark in re.finditer('"', text[text.rfind("\n", 0, end) + 1 : end]):
        glued = mark.start() > 0 and mark.string[mark.start() - 1].isdigit()
        if inside or not (glued and _INCH_MARK.match(mark.string, mark.start())):
            inside = not inside
    return not inside


def _symbol_allowed(text: str, end: int, symbol: re.Match[str], number: _Number) -> bool:
    """Symbols follow digits; a one-letter one ("C", "m", "g") only where it cannot be a word."""
    written = symbol.group(1)
    if number.words and written != "%":
        return False
    if written in ("C", "F"):  # "12 C", "98.6 F", "40.3C.": not "13F filing", "Group 5 C"
        after = symbol.end()
        if text[end] != " ":  # glued: only a weather-sized number ("40.3C", not "777F")
            return number.value <= 150 and bool(_AFTER_GLUED_TEMPERATURE.match(text, after))
        return bool(_TEMPERATURE_LETTER_AFTER.match(text, after))
    if written in GLUED_SYMBOLS:  # "5m", "5 m long"; not "24703 L-202"
        return text[end] != " " or bool(_AFTER_SPACED_SYMBOL.match(text, symbol.end()))
    return written != "in"  # "5 in 10" is a ratio, not inches


def _read_hyphen_unit(text: str, at: int) -> tuple[int | None, str, int]:
    """ "15-member" -> members; "185-hp" -> hp; "five-year-old" -> years."""
    word_match = _LETTERS.match(text, at)
    if not word_match:
        return None, "", 0
    word = word_match.group(0)
    lowered = word.lower()
    end = word_match.end()
    if word in UNIT_SYMBOLS and len(word) > 1:
        return end, UNIT_SYMBOLS[word], 0
    if lowered in UNIT_NAMES:
        unit = UNIT_NAMES[lowered]
        old = _YEARS_OLD.match(text, end) if unit == "years" else None
        return (old.end() if old else end), unit, 0
    if lowered == "odd":
        return end, "", 0  # "40-odd years": about 40, and what follows is counted
    if lowered in HYPHEN_ADJECTIVES:  # "a 100,000-strong force"; "13-straight-day absence"
        return _read_hyphen_unit(text, end + 1) if text.startswith("-", end) else (None, "", 0)
    if lowered in STOP_NOUNS or (_is_plural(lowered) and text[at - 2].isalpha()):
        return None, "", 0  # "three-pointers" names a thing, it does not count three of them
    if lowered.endswith("ed") and len(lowered) > 3 and lowered[-3] != "e":
        return None, "", 0  # "one-sided", "two-tiered": an adjective, not a unit
    return end, _plural(lowered), 0


def _read_rate(text: str, end: int, unit: str) -> tuple[int, str]:
    """ "$52 a barrel" -> USD per barrel; "325,000 barrels per day" -> barrels per day."""
    rate = _RATE.match(text, end)
    if not rate:
        return 0, unit
    word = rate.group(2).lower()
    noun = _NOUN_WORD.match(text, rate.end())
    if noun and word in RATE_ADJECTIVES and noun.group(1) in RATE_NOUNS:
        return noun.end(), f"{unit} per {word} {noun.group(1)}"  # "$2.53 per diluted share"
    written, joiner = rate.group(2), (rate.group(1) or "/").lower()
    per = UNIT_NAMES.get(word, "") or (_slash_symbol(written) if joiner == "/" else "")
    if joiner == "/" and not per:
        return 0, unit
    if joiner in ("a", "an") and not per and word not in RATE_NOUNS:
        return 0, unit
    if joiner == "per" and (word == "cent" or word in STOP_NOUNS):
        return 0, unit
    if per and per not in TIME_UNITS and written in UNIT_SYMBOLS:
        return rate.end(), f"{unit} per {written}"  # "$0.15/kWh"
    return rate.end(), f"{unit} per {_singular(word)}"


def _slash_symbol(written: str) -> str:
    """The unit of a symbol after a slash ("$0.10/W", "$0.06/kWh"): a price per unit. Not "m",
    which after money is as often a month as a metre."""
    return UNIT_SYMBOLS.get(written, "") if written != "m" else ""


def _noun_before_or(text: str, start: int) -> tuple[str, str]:
    """ "a day or two" -> (days, approx): the unit of "two" is the noun of "a day"."""
    noun = _NOUN_OR_BEFORE.search(text, max(0, start - 30), start)
    if not noun or noun.group(1).lower() in STOP_NOUNS:
        return "", "exact"
    word = noun.group(1).lower()
    return UNIT_NAMES.get(word) or _plural(word), "approx"


def _noun_unit(text: str, end: int, singular: bool = False, many: bool = False) -> str:
    """What a bare number counts: the head of the noun phrase after it ("517 rushing yards").
    One counts a singular: a plural after "one" is a verb or another phrase ("one needs to",
    "One reason Democrats say"). More than one (`many`) counts no singular after a verb form:
    the number stands for its noun and the verb follows it ("263 entering Tuesday's primary",
    "the two of them appearing"). A singular may still be what is counted, a unit no list
    knows ("420 million markka") or a noun the number describes ("a three course meal")."""
    group = _OF_POSSESSOR.match(text, end) or _OF_GROUP.match(text, end)
    cursor = group.end() if group else end
    measure = _MEASURE_MODIFIER.match(text, cursor)
    if measure and measure.group(1).lower() in UNIT_NAMES:
        cursor = measure.end()  # "2.9 million 9 litre cases", "300 40-foot containers"
    named = _COUNTED_NUMBER_NOUN.match(text, cursor)
    if named:
        return named.group(0).strip().lower()  # "12 3-pointers"
    whole = _OF_A_NUMBER.match(text, end)
    if whole:  # "20 of his season-high 31 points": 20 points
        return _noun_unit(text, whole.end(), many=many)
    if _TIME_AFTER.match(text, cursor):
        return ""  # "up from 90 last year": when, not what is counted
    year = _YEAR_MODIFIER.match(text, cursor) or _DOTTED_MODIFIER.match(text, cursor)
    cursor = year.end() if year else cursor  # "1,200 2019 Explorers", "200 U.S. troops"
    words: list[str] = []
    described = False  # an adverb or an adjective in -ly was passed over
    while len(words) < 5 and (match := _NOUN_WORD.match(text, cursor)):
        word = match.group(1)
        lowered = word.lower()
        if lowered in NOUN_MODIFIERS and not words:
            following = _NOUN_WORD.match(text, match.end())
            if following and following.group(1).lower() not in STOP_NOUNS:
                cursor = match.end()
                continue
            break  # "25k cheaper", "two new 737 Max jets": no noun the modifier goes with
        if word[0].isupper() and not words and not _ACRONYMS.match(word):
            if (
                _is_plural(lowered)
                and not _NOUN_WORD_CAPITAL.match(text, match.end())
                and not _plural_follows(text[match.end() :])
            ):
                return lowered  # "the 32 Allies"; not "five Dallas police officers"
            return "" if singular else _named_kind(text, cursor)
        if lowered in ("and", "or") and words:
            joined = _COORDINATED.match(text, cursor)  # "digital and physical sales"
            if joined and not STOP_NOUNS.intersection(joined.groups()):
                words.append(joined.group(2))
            break
        if not singular and _is_adverb(lowered) and _content_word_follows(text, match.end()):
            cursor, described = match.end(), True
            continue  # "1,000 likely voters", "nine particularly outrageous things"
        if lowered in STOP_NOUNS or _is_adverb(lowered) or lowered.endswith(_NOT_COUNTED_ENDINGS):
            break  # "one of the narrative's best": a possessive is not what is counted
        if words and _is_name_after(word, text, match.end()):
            break  # "the 2,812 piece Betrayal at": a name after the noun
        if (
            words
            and _is_verb_form(lowered)
            and not _content_word_follows(text, match.end())
            and not _is_noun_after_compound(words[-1], lowered)
        ):
            break  # "one lawmaker called Trump", "one party turning out"; not "coal mining firms"
        if singular and lowered.endswith("s") and _is_plural(lowered):
            break
        words.append(lowered.strip("'’-"))
        cursor = match.end()
        if text[cursor : cursor + 1] in (",", ".", ";", ":", ")", "!", "?"):
            break
        if _is_plural(words[-1]):
            break  # the head of a count is its first plural: "19 fouls proves"
    while words and words[-1].endswith("ed") and len(words[-1]) > 3 and words[-1][-3] != "e":
        words.pop()  # "20 reported cases" counts cases; "one person died" a person
    if described and words and not _is_plural(words[-1]):
        return ""  # "the two sharply diverge": an adverb and a verb, no noun
    if not words or len(words[-1]) < 2 or (many and _verb_before_singular(words)):
        return ""
    listed = _PLURAL_LIST.match(text, cursor) if _is_plural(words[-1]) else None
    if listed and not STOP_NOUNS.intersection(_LISTED_NOUN.findall(listed.group(0).lower())):
        return words[-1] + listed.group(0)  # "30,154 new cars, trucks and SUVs": the whole list
    return words[-1]


# ---- neighbours --------------------------------------------------------------------------------


def _share_units(text: str, found: list[_Found]) -> list[Quantity]:
    """Neighbours lend units: "eight or nine euros", "7- or 8-inch", "up from 2.4 million"."""
    for index in range(len(found) - 2, -1, -1):
        here, after = found[index], found[index + 1]
        if here.quantity.unit or not after.quantity.unit:
            continue
        between = text[here.quantity.end : after.quantity.start]
        join = _SHARE_JOIN.match(between) if len(between) < 8 else None
        if not join or (join.group(2) and not here.hyphen_open):
            continue
        if here.hyphen_open or here.needs_unit or not _noun_unit(text, here.quantity.end):
            end = here.quantity.end + (1 if here.hyphen_open else 0)
            surface = text[here.quantity.start : end]
            found[index] = _Found(
                replace(here.quantity, unit=after.quantity.unit, end=end, surface=surface)
            )
    for index in range(1, len(found)):
        here, before = found[index], found[index - 1]
        if not before.quantity.unit or (here.needs_unit and not _is_elided(text, before, here)):
            continue
        if here.quantity.unit and not _same_rate(before.quantity, here.quantity):
            continue
        cue = text[before.quantity.end : here.quantity.start]
        opened = before.quantity.surface[:5].lower() == "from " or _FROM_BEFORE.search(
            text, max(0, before.quantity.start - 12), before.quantity.start
        )
        if (
            (opened and len(cue) < 40 and _TO_END.search(cue))
            or (len(cue) < 120 and "." not in cue and _INHERIT_CUE.search(cue))
            or _is_elided(text, before, here)
        ):
            found[index] = _Found(replace(here.quantity, unit=before.quantity.unit))
    return [f.quantity for f in found if f.quantity.unit or not f.needs_unit]


def _is_elided(text: str, before: _Found, here: _Found) -> bool:
    """A bare number that ends its clause after a verb of having or a possessive, with a unit
    earlier in the sentence: its noun is left out ("Cruz has 370 delegates, Kasich has 129",
    "81 delegates to Rubio's 17", "Trump got 18 votes, Rubio got seven")."""
    if here.quantity.unit:
        return False
    cue = text[before.quantity.end : here.quantity.start]
    return (
        len(cue) < 120
        and "." not in cue
        and bool(_HAVING_CUE.search(cue))
        and bool(_CLAUSE_ENDS.match(text, here.quantity.end))
    )


def _same_rate(rate: Quantity, price: Quantity) -> bool:
    """Whether a price written without its rate shares a rate before it: "from $0.23/W today
    to $0.10" prices W too; "$5 per share to $7 million" does not."""
    return rate.unit.startswith(f"{price.unit} per ") and rate.scale == price.scale


def _join_bounds(text: str, found: list[Quantity]) -> list[Quantity]:
    """ "more than 10 and less than 20" is one range, 10..20."""
    joined: list[Quantity] = []
    for quantity in found:
        last = joined[-1] if joined else None
        if (
            last
            and last.qualifier in ("more_than", "at_least")
            and quantity.qualifier in ("less_than", "at_most")
            and last.value < quantity.value
            and last.unit in ("", quantity.unit)
            and _BOUND_JOIN.fullmatch(text, last.end, quantity.start)
        ):
            joined[-1] = replace(
                last,
                surface=text[last.start : quantity.end],
                unit=quantity.unit,
                qualifier="range",
                end=quantity.end,
                high=quantity.value,
            )
        else:
            joined.append(quantity)
    return joined


_NOT_COUNTED_ENDINGS = ("'s", "’s", "n't", "n’t")  # a possessive, "doesn't"


def _named_kind(text: str, cursor: int) -> str:
    """The plural after a name: "two Singaporean sisters", "eight World Cups", "13,000 Special
    Operations forces" (a plural name before a plural noun modifies it)."""
    kind = _NAMED_KIND.match(text, cursor)
    if not kind:
        return ""
    noun = _PLURAL_AFTER.match(text, kind.end())
    if noun and _plural_follows(text[kind.end() :]):
        return noun.group(1)
    counted = kind.group(1).lower()
    return counted if counted not in STOP_NOUNS else ""


def _is_name_after(word: str, text: str, end: int) -> bool:
    """A capitalised word that is not a plural head ("four brave Americans") and that a
    function word or a stop follows ("the 2,812 piece Betrayal at") names something after the
    counted noun; not "10 top Democratic donors", "one unaligned Florida Republican"."""
    if not word[0].isupper() or _is_plural(word.lower()) or _ACRONYMS.match(word):
        return False
    following = _NOUN_WORD.match(text, end)
    return not following or following.group(1).lower() in STOP_NOUNS


def _content_word_follows(text: str, end: int) -> bool:
    """A lowercase word that is no function word follows: "mining" goes on to "firms"."""
    following = _NOUN_WORD.match(text, end)
    word = following.group(1) if following else ""
    return word[:1].islower() and word not in STOP_NOUNS


def _is_noun_after_compound(previous: str, word: str) -> bool:
    """ "one in-person meeting", "two closed-door hearings": after a hyphenated adjective an
    "-ing" word is the noun it describes, not a verb."""
    return "-" in previous.strip("-") and word.endswith("ing")


def _is_verb_form(word: str) -> bool:
    """A participle or a past tense: "called", "turning" (not "need", "red")."""
    return len(word) > 4 and (word.endswith("ing") or (word.endswith("ed") and word[-3] != "e"))


def _is_adverb(word: str) -> bool:
    return word.endswith("ly") and len(word) > 4 and word not in NOUNS_IN_LY and "-" not in word


def _verb_before_singular(words: list[str]) -> bool:
    """A singular head after a verb form: not what a number above one counts (_noun_unit)."""
    return not _may_name_many(words[-1]) and any(map(_is_verb_form, words))


def _may_name_many(word: str) -> bool:
    """A plural, or a noun in -s ("jihadis", "series"), "businessmen", "aircraft"."""
    return (
        word.endswith(("s", "men", "children", "people", "aircraft")) or word in IRREGULAR_PLURALS
    )


def _is_plural(word: str) -> bool:
    if word in IRREGULAR_PLURALS:
        return True
    if word in SINGULARS_IN_S:
        return False
    return word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _plural(word: str) -> str:
    if word.endswith(("s", "x")):
        return word
    if word.endswith("y") and word[-2:-1] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
