"""Words around a date-like phrase that change what it means, for dates.py: a year that names a
product's model ("the 2020 Sentra"), a game's quarter or half ("scored in the third quarter"),
and a present tense that schedules ("the show opens on Friday": the next Friday).

Kept apart from dates.py because each rule is a vocabulary of its own, not a date pattern.
"""

from __future__ import annotations

import re


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# makers of cars, motorcycles and devices: "the 2021 Honda Civic", "a 2019 Apple iPad"
MAKERS = word_set(
    "acura alfa aston audi bentley bmw buick cadillac chevrolet chevy chrysler citroen dodge "
    "ducati ferrari fiat ford gmc honda hyundai infiniti jaguar jeep kawasaki kia lamborghini "
    "lexus maserati mazda mclaren mercedes mercedes-benz mitsubishi nissan opel peugeot polestar "
    "porsche renault rivian rolls-royce skoda subaru suzuki tesla toyota triumph vauxhall "
    "volkswagen volvo vw yamaha apple samsung google microsoft sony nintendo dell lenovo huawei "
    "xiaomi oneplus"
)
# what a model is: "the 2020 Sentra sedan", "a 1967 Mustang convertible", "the 2021 models"
PRODUCT_NOUNS = word_set(
    "sedan sedans suv suvs hatchback coupe convertible pickup truck crossover minivan wagon "
    "roadster motorcycle car vehicle phone smartphone laptop tablet console model models lineup "
    "trim"
)
# words for a new model before its name: "the all-new Sentra"
NEW_MODEL = word_set("all-new redesigned facelifted refreshed")
# a year before these names an event or a document, whatever names stand between: "the 2020 G20
# summit", "the 2019 Apple Worldwide Developers Conference", "the 1976 Ford administration"
EVENT_NOUNS = word_set(
    "summit meeting talks pandemic outbreak crisis attack attacks show expo fair conference "
    "convention games olympics cup championship championships tournament season tour election "
    "elections race campaign administration presidency report study survey census budget act law "
    "recall"
)
# a maker's own name ("the 2020 Toyota Motor results") is no model's
NOT_MODELS = EVENT_NOUNS | word_set("motor motors corp co inc group company ltd plc ag")
# proper adjectives ("a 2016 Republican who..."): no model names
PROPER_ADJECTIVE_ENDINGS = ("an", "ans", "ic", "ics", "ish", "ese")
FUNCTION_WORDS = word_set(
    "and or but to of in on at for with by from as was were is are be been had has have will would "
    "could should may might can that which who where it he she they we i his her their its gets "
    "goes comes more less than over after before because since while when if now still also only "
    "just not so"
)
# what may follow "a 1967 Mustang" (not "of": "a 2014 University of Texas study")
INDEFINITE_HEADS = FUNCTION_WORDS - {"of", "and", "or"}
_TRIM = "\"'“”‘’()[],.;:!?"
_CAMEL_CASE = re.compile(r"[a-z][A-Z]")  # "iPhone", "AirPods"
_PREFIXED_NAME = re.compile(r"[a-z]{1,2}-[a-z]+")  # "e-tron"
_MODEL_YEAR_MARK = re.compile(r"\bMY\s?$")  # "MY 2021"
_MODEL_YEAR_AFTER = re.compile(r"[\s-]model[\s-]year\b")
_TIME_PREPOSITION_BEFORE = re.compile(
    r"\b(?:in|by|since|until|till|from|during|before|after|through)\s+$"
)
_INDEFINITE_BEFORE = re.compile(r"\ban?\s+$")
_OF_AFTER = re.compile(r"\s+of\s")
_CALENDAR_YEAR_WORDS = re.compile(r"\b(?:year|fiscal|financial|fy|calendar|(?:19|20)\d\d)\b")
_BRACKETS_AT_END = re.compile(r"\([^()]*\)\s*$")


def _is_code(token: str) -> bool:
    """A model's code or coined name: "RAV4", "F-150", "iPhone", "AirPods"; not "U.S." or "FBI"."""
    letters = any(c.isalpha() for c in token)
    return letters and (any(c.isdigit() for c in token) or _CAMEL_CASE.search(token) is not None)


def _is_name(token: str) -> bool:
    """A model's name: "Sentra", "RAV4", "F-150", "iPhone", "e-tron"."""
    return token[:1].isupper() or _is_code(token) or bool(_PREFIXED_NAME.fullmatch(token))


def _name_run(text: str) -> tuple[list[str], str]:
    """The names right after a year and the word after them ("" at a punctuation mark)."""
    run: list[str] = []
    for raw in text.split()[:6]:
        token = raw.strip(_TRIM)
        for suffix in ("'s", "’s"):
            token = token.removesuffix(suffix)
        if not token:
            return run, ""
        if not _is_name(token):
            return run, token.lower()
        run.append(token)
        if raw[-1] in _TRIM or raw.endswith(("'s", "’s")):
            return run, ""
    return run, ""


def is_model_year(sentence: str, start: int, end: int, story: list[str]) -> bool:
    """Whether the year at sentence[start:end] names a model, not a time: "MY 2021", "the 2021
    models"; before a maker ("the 2021 Honda Civic"), a model code ("the 2021 RAV4", "the 2020
    iPhone"), a name and what it is ("a 1967 Mustang convertible"), a name the story gives a
    product ("Nissan's Sentra", "the Sentra compact sedan" -> "the 2020 Sentra"); "a 1967
    Mustang" (a thing, where an event would be "the"). Not "the 2016 election", "the 2012
    Olympics", "the 2020 G20 summit", nor "the 2008 model year" (a year of sales)."""
    before = sentence[max(0, start - 12) : start].lower()
    if _MODEL_YEAR_MARK.search(sentence[max(0, start - 3) : start]):
        return True
    after = sentence[end : end + 100]
    if _MODEL_YEAR_AFTER.match(after):
        return False  # "for the 2008 model year": a period, like a fiscal year (MEANTIME's gold)
    if _TIME_PREPOSITION_BEFORE.search(before):
        return False  # "In 2019 Toyota Motor sold more cars": a time
    run, head = _name_run(after)
    if head in EVENT_NOUNS or any(word.lower() in NOT_MODELS for word in run):
        return False
    if not run:
        return head in ("model", "models")
    first = run[0]
    # the year and names are the whole phrase ("the 2021 RAV4 Prime will", "a 2020 iPhone."),
    # or a noun of products follows; not "a 2010 YouTube video", "the 1976 Ford administration"
    whole = len(run) > 1 or head in ("", *FUNCTION_WORDS, *PRODUCT_NOUNS)
    if (first.lower() in MAKERS or _is_code(first)) and whole:
        return True  # "the 2021 Honda Civic", "the 2021 RAV4", "the 2020 iPad"
    if head in PRODUCT_NOUNS or _is_product_name(first, story):
        return True
    indefinite = _INDEFINITE_BEFORE.search(before) is not None
    # a word like "Mustang"; not "Republican" or "U.S." (or "FBI": an agency's)
    plain_name = first[1:].isalpha() and first[1:].islower()
    proper_adjective = first.lower().endswith(PROPER_ADJECTIVE_ENDINGS)
    return indefinite and plain_name and not proper_adjective and head in ("", *INDEFINITE_HEADS)


def _is_product_name(name: str, story: list[str]) -> bool:
    """Whether the story names `name` as a product: after its maker ("Nissan Sentra", "NISSAN
    SENTRA", "Nissan's Sentra") or a word for a new model ("the all-new Sentra", "the
    eighth-generation Sentra"), or before what it is ("the Sentra compact sedan", "Sentra
    vehicles")."""
    if name.lower() in MAKERS:
        return False
    lowered, word = " ".join(story).lower(), re.escape(name.lower())
    for found in re.finditer(rf"(?<![\w-]){word}(?![\w-])", lowered):
        previous = lowered[max(0, found.start() - 30) : found.start()].split()[-1:]
        previous = [w.removesuffix("'s").removesuffix("’s") for w in previous]
        if previous and (previous[0] in MAKERS or previous[0] in NEW_MODEL):
            return True
        if previous and previous[0].endswith("-generation"):
            return True
        following = lowered[found.end() : found.end() + 30].split()[:2]
        if any(w.strip(_TRIM).removesuffix("s") in PRODUCT_NOUNS for w in following):
            return True
    return False


# a game's report: "scored 20 points in the first half", "a fourth-quarter touchdown"
GAME_WORDS = re.compile(
    r"\b(?:points?|goals?|scored|scor(?:es?|ing)|touchdowns?|yards?|innings?|rebounds?|assists?|"
    r"baskets?|(?:3|three)-pointers?|free[\s-]throws?|fouls?|fouled|penalt(?:y|ies)|half-?time|"
    r"overtime|quarterback|(?:the|a|this)\s+(?:game|match)|deficit|dunk(?:ed|s)?|"
    r"(?:led|lead|leading|trailed|trailing)\s+(?:by\s+)?\d|"
    r"field\s+goals?|interceptions?|fumbles?|homers?|wickets?|"
    r"minutes\s+(?:left|remaining)|\d{1,3}-\d{1,3}\b)"
)
# a company's, an economy's or a campaign's: "third-quarter profit", "GDP grew in the second
# quarter", "led in the polls in the first quarter"
BUSINESS_WORDS = re.compile(
    r"[$€£%]|\b(?:profits?|earnings|revenues?|sales|income|gdp|econom(?:y|ic|ists?)|growth|"
    r"fiscal|financial|shares|stocks?|investors?|analysts?|quarterly|results|margins?|"
    r"dividends?|guidance|forecasts?|billion|million|comps|inflation|output|deliveries|"
    r"shipments|company|companies|firm|market|markets|trading|index|percent|per\s+cent|"
    r"polls?|polling|voters|donors|fundraising)\b"
)


def sounds_like_a_game(lowered: str) -> bool:
    """Whether a sentence reports play: words of a game and none of business."""
    return GAME_WORDS.search(lowered) is not None and BUSINESS_WORDS.search(lowered) is None


def is_part_of_another_period(lowered: str, end: int) -> bool:
    """ "the second half of the 20th century", "the first quarter of the season", "the first
    half of March": a part of something else, not of a calendar year (a year, a fiscal year or
    the year's own words in the next few words keep it one)."""
    following = lowered[end : end + 40]
    return bool(_OF_AFTER.match(following) and not _CALENDAR_YEAR_WORDS.search(following))


# a present tense that schedules: "the show opens on Friday", "Lowe's reports earnings
# Wednesday", "the trial begins Monday", "Thunder: Host the Lakers on Friday", "Wisconsin holds
# its primary on Tuesday"
SCHEDULED = re.compile(
    r"(?<![\w-])(?:opens?|begins?|starts?|ends?|closes?|resumes?|returns?|reports?|kicks?\s+off|"
    r"launch(?:es)?|premieres?|debuts?|airs?|takes?\s+place|convenes?|meets?|plays?|faces?|"
    r"hosts?|holds?|visits?|arrives?|goes|comes?\s+out|heads?\s+to|travels?|departs?|expires?|"
    r"concludes?|wraps?\s+up|votes?|testif(?:y|ies))\b(?![-’'])"
)
# words after which those are nouns: "the reports Monday", "300 votes", "a fresh start"
NOUN_BEFORE = word_set(
    "the a an its his her their our your my this that these those news tax fresh new "
    "first last next same on at in of"
)


def schedules(lowered: str, start: int, end: int) -> bool:
    """Whether lowered[start:end] holds a verb in the present that sets a time to come."""
    for found in SCHEDULED.finditer(lowered, start, end):
        # a team's record in brackets is no count: "the Hawks (7-3, 4-2) play Saturday"
        before = _BRACKETS_AT_END.sub("", lowered[: found.start()])
        previous = before.split()[-1:]
        word = previous[0].strip(_TRIM) if previous else ""
        if word not in NOUN_BEFORE and not word[:1].isdigit():
            return True
    return False
