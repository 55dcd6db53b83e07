"""Who said it: speakers and venues of quotes and reported speech.

Handles the shapes news writing uses: "Mr Lammy told The Daily Telegraph: '...'", "He posted on X:
'...'" (the pronoun resolved to the person the sentence before opens with, else the last speaker
named; none where someone else is brought in or asked: see `last_person`), "'...', a spokesman
said", "according to US sources", "John Kirby, a spokesman for ..., announced that ...", and quotes
running over several paragraphs, each opening with a quote mark. Verbs that look like speech but
are not ("reported to him", "told to leave", "admitted to hospital") report no one.

Organisations speak too: "The Kremlin said", "the health ministry in Gaza, which is run by Hamas,
said", "Russia's defence ministry said". An organisation keeps the "the" the article gives it,
lower-cased ("the Institute for Fiscal Studies", as "according to the Institute ..." reads), so one
organisation is one speaker wherever its sentence starts. An office stays an office ("the former
Prime Minister") unless the article pairs that office with a name ("Former Prime Minister Boris
Johnson"): the last person named is a guess, and no speaker is better than a wrong one.

Offices and organisations speak through other verbs too: "The US Embassy ... keeps its own monitor
and reported that", "The Lancet Commission on ... found that", "China's ambassador to Britain
accused" (the one holder the article names with that office, else the office). An opening "As
X points out," gives X the main clause; "When X said ...," only sets the scene.

Also: a description or an apposed name after the verb ("said a longtime adviser to Trump", "said
the company's chief executive, John J. Ferriola"), a dateline before the subject, a document that
finds ("the report found"), naming in quoted words ("called the suspension 'arbitrary'"), a
headline's "Name: words" or "Name Says ..." in title case. Two speakers with their own words in
one sentence ("Smith said X, while Jones said Y") give none: either one alone would misattribute
half the sentence.

The subject's speech may be a speech act (blamed, praised, proposed, cited, pointed to, made clear),
come with an adverb or a time of speaking before the verb ("Gorka similarly warned", "Trump at the
time said"), or be what the subject did by saying it ("distanced himself ... by saying"); a closing
", as X noted in Y." gives the sentence as X's words.

One module over 1,000 lines on purpose: the shapes of attribution are tried in order against one
sentence and the article's people so far (names, offices, pronouns), which every rule reads
and updates. The vocabulary and the patterns built from it (speech verbs, titles, name patterns,
NOT_SPEECH) are in attribution_words.py; patterns that serve one rule stay beside it.
"""

from __future__ import annotations

import re

from claimcheck.extract.attribution_words import (
    ABBREVIATION,
    ACCORDING,
    ACCORDING_TAIL,
    ACCORDING_WORDS,
    AFTER_QUOTE,
    ANAPHORIC,
    APPOSED_NAME,
    ARTICLE_BEFORE,
    BETWEEN,
    BETWEEN_WORDS,
    CALLED,
    CAPITAL,
    CLAUSE_WORDS,
    CONNECTORS,
    COORDINATED,
    DASH_PARTICIPLE,
    DESCRIBED,
    DESCRIBED_HEAD,
    DESCRIBED_SUBJECT,
    DESCRIPTOR,
    DETERMINED,
    DOCUMENT_FINDS,
    DOCUMENT_TRAILING,
    DOCUMENT_WORD,
    FINDS_ONLY,
    FORMER_RUN,
    FULL_NAME,
    GIVEN_NAME_TITLES,
    HAS_SPEECH_VERB,
    HONORIFICS,
    INTRO,
    INVERTED,
    INVERTED_VERB,
    LEADING,
    LINK_BEFORE,
    NAME_RUN,
    NAME_WORD,
    NAMING,
    NOT_IN_SUBJECT,
    NOT_PARTICIPLE,
    NOT_SPEECH,
    NOT_SPEECH_ANY,
    OBJECT_BEFORE,
    OPENING_APPOSITION,
    OPENING_QUOTE,
    OPENING_SUBJECT,
    ORGANISATION_NOUNS,
    OWN_TEAM,
    PARTICIPLE,
    PARTICIPLES,
    PERSON,
    PERSON_NAME,
    POSSESSIVE_PRONOUNS,
    PRONOUN_AFTER_CLAUSE,
    PRONOUN_SPEAKS,
    PRONOUNS,
    QUOTE_CLOSE,
    QUOTE_FIRST,
    QUOTED,
    RANKS,
    REPORTED,
    SAID_ACCORDING,
    SAID_DESCRIBED,
    SAID_NAME,
    SAID_WHEN,
    SCENE,
    SCENE_COMMAS,
    SPEECH_ACT_FORMS,
    SPEECH_OR_FINDS,
    SPEECH_VERB,
    SPEECH_VERBS,
    STARTERS,
    SUBJECT_REACH,
    SUBJECT_SPEAKS,
    THE_DESCRIBED_SAYS,
    TITLED_NAME,
    TOLD_REACH,
    TRAILING,
    TRAILING_COMMAS,
    TRAILING_REACH,
    UNNAMED_PLURAL,
    VERB_ALTERNATION,
    VERBAL,
    word_set,
)
from claimcheck.extract.segment import quotes
from claimcheck.models import Attribution


def _participle(sentence: str, at: int = 0) -> re.Match[str] | None:
    """The first "..., saying" or "... – saying" from `at`."""
    found = PARTICIPLE.search(sentence, at)
    if _dashed(sentence):
        dashed = DASH_PARTICIPLE.search(sentence, at, found.start() if found else len(sentence))
        return dashed or found
    return found


def _clean(name: str) -> str:
    return LEADING.sub("", name.strip()).strip(" ,")


def _name_start(words: list[str]) -> int:
    """Index of the first word of the name proper, after any ranks, offices or possessives."""
    start = 0
    for index, word in enumerate(words[:-1]):
        if word.rstrip(".").lower() in RANKS or word.endswith(POSSESSIVE):
            start = index + 1
    return start


class Names(dict[str, str]):
    """What `titled_names` finds: short references -> full names, and in `untitled` the surnames
    of full names the article never gives a title ("clinton": "Hillary Clinton"), which stand
    for that name only where the surname speaks alone ("Clinton said") and the name reads as a
    person's."""

    def __init__(self, text: str = "") -> None:
        super().__init__()
        self.untitled: dict[str, str] = {}
        self.text = text

    def speaks(self, surname: str) -> bool:
        """Whether a speech verb follows `surname` in the article ("Warren said"): substrings,
        not a pattern made for each name (compiling one costs more than the whole sentence)."""
        return any(f"{surname} {verb}" in self.text for verb in SURNAME_VERBS)


def _untitled(surname: str, names: dict[str, str]) -> str | None:
    """The full name without a title that a surname speaking alone stands for, if any."""
    full = names.untitled.get(surname.lower()) if isinstance(names, Names) else None
    return full if full and _given_and_surname(full) else None


def _person(name: str, names: dict[str, str] | None) -> str:
    """A speaker's name as the article gives it in full, without ranks: "Sir Keir", "Mr Starmer"
    -> "Keir Starmer" (see `titled_names`); "Rear Admiral Chris Parry" -> "Chris Parry". A lone
    surname the article never gives in full keeps its title ("Mr Lammy")."""
    names = {} if names is None else names
    if name.lower() in names:
        return names[name.lower()]
    words = name.split()
    bare = words[_name_start(words) :]
    bare_name = " ".join(bare)
    full = names.get(bare[-1].lower()) if bare else None
    if full is None and len(bare) == 1:
        full = _untitled(bare[0], names)
    if full and (full.endswith(bare_name) or bare_name.endswith(full)):
        return full
    return bare_name if len(bare) > 1 or len(bare) == len(words) else name


def last_person(text: str, titles: dict[str, str] | None = None, pronoun: str = "he") -> str | None:
    """The person most likely meant by a following "he" or "she": the person the last sentence
    of `text` opens with as its subject ("Morrison was the third witness.", or the person meant
    before it where that subject is the same pronoun; none where it is the other), else the last
    speaker named in `text` outside quotations ("Mr Lammy said", "said Rep. Lee Zeldin"), else
    the last person brought in with a title or a role, else the last titled name, else the
    first full name the article confirms as a person's (see `titled_names`). None where the
    last sentence brings in someone else with a full title or a role ("..., courtesy of Wes
    Nakagiri, a delegate from Michigan"), or opens with a name the article does not confirm as
    a person's: either may be meant, and no speaker is better than a wrong one. Places and
    organisations ("South Carolina", "Fox News") are never the antecedent."""
    last_start = _last_sentence_start(text)
    last = text[last_start:]
    opening = _opening_pronoun(last)
    if opening:  # "In her post, she reminded Trump of ...": "she" again is that person
        word, at = opening
        if word != pronoun.lower():
            return None
        if _people_named(last[:at], titles):  # "When Haddad announced it, he said ..."
            return _clause_speaker(last[:at], titles)
        return last_person(text[:last_start], titles, pronoun) if last_start else None
    subject = _opening_name(last)
    introduced = _introduced(last, titles)
    if subject:
        person = _person(subject, titles)
        kind = speaker_kind(person) if len(person.split()) <= PERSON_WORDS else None
        if kind == "Person":
            return subject if _all_same(subject, introduced, titles) else None
        if kind is None:
            return None
    speaker = _last_speaker(text, titles)
    if speaker:
        return speaker[1] if _all_same(speaker[1], introduced, titles) else None
    if introduced:
        return introduced[-1] if _all_same(introduced[-1], introduced, titles) else None
    titled = [
        found.group()
        for found in TITLED_NAME.finditer(text)
        if not found.group().endswith(POSSESSIVE) and not _addressed(text, found.start())
    ]
    if titled:
        return titled[-1]
    people = set((titles or {}).values())
    full = [name for name in FULL_NAME.findall(text) if name in people]
    return full[0] if full else None


PERSON_WORDS = 3  # words in a person's name without ranks ("No Child Left Behind" is a law's)
# A person brought in with a role after the name ("Wes Nakagiri, a delegate from Michigan",
# "Ana Lopes, a Democrat from Ohio").
INTRODUCED = re.compile(
    rf"(?=[{CAPITAL}])(?P<name>{PERSON}),\s+(?:who\s|(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?"
    rf"(?i:{DESCRIBED_HEAD.pattern}|democrat|republican|independent|conservative|liberal)\b)"
)


# A preposition before a run of capitalised words ("a call with Ukrainian President ..."); not
# "by", whose object is who acted ("criticised by Senator Ana Lopes").
GOVERNED_RUN = re.compile(
    r"\b(?:in|of|for|from|at|on|to|with|against|about|over|between|among)(?:\s+the)?"
    r"\s+(?:[A-Z][\w.'’-]*\s+){0,3}$"
)


# "he told Sen. Jeff Flake": the one spoken to, not who speaks next (one "asked" may answer).
ADDRESSED = re.compile(r"\btold\s+$")


def _addressed(text: str, at: int) -> bool:
    return bool(ADDRESSED.search(text, max(0, at - 8), at))


def _introduced(sentence: str, titles: dict[str, str] | None) -> list[str]:
    """The people a sentence brings in, as news names someone new: with a title and a full name
    ("Vice President Joe Biden"; "Mr. Trump" is someone named before; "a call with President
    Volodymyr Zelensky" a passing mention) or a role ("Wes Nakagiri, a delegate from
    Michigan"), outside quotations."""
    found = [
        m.start()
        for m in TITLED_NAME.finditer(sentence)
        if len(m.group().split()) > 2
        and not GOVERNED_RUN.search(sentence, 0, m.start())
        and not _addressed(sentence, m.start())
    ]
    found += [m.start() for m in INTRODUCED.finditer(sentence)]
    if not found:
        return []
    quoted = _quote_spans(sentence)
    people = []
    for at in sorted(set(found)):
        if any(first <= at < last for first, last in quoted):
            continue
        name = PERSON_NAME.match(sentence, at)
        text = _clean(name.group()) if name else ""
        if text and not text.endswith(POSSESSIVE) and _is_person(text, titles):
            people.append(text)
    return people


def _is_person(name: str, titles: dict[str, str] | None) -> bool:
    return _looks_like_person(name) and speaker_kind(_person(name, titles)) == "Person"


def _all_same(name: str, others: list[str], titles: dict[str, str] | None) -> bool:
    """Whether every one of `others` is the person `name` names (the same surname)."""
    surname = _person(name, titles).split()[-1]
    return all(_person(other, titles).split()[-1] == surname for other in others)


def _last_speaker(text: str, titles: dict[str, str] | None) -> tuple[int, str] | None:
    """The last person `text` names as a speaker outside quotations, and where; None where
    that speaker asks someone named, who may be the one to answer."""
    quoted = None
    verbs = list(HAS_SPEECH_VERB.finditer(text))
    for index in range(len(verbs) - 1, -1, -1):  # the nearest speaker first
        verb = verbs[index]
        if verb.group() in SPEECH_ACT_FORMS:
            continue  # "Trump called for a ban", "when Trump mentioned Cruz": no one quoted
        # Its subject starts after the verb before it: each stretch of text is searched once.
        start = max(verbs[index - 1].end() if index else 0, verb.start() - SUBJECT_REACH)
        before = REPORTED.finditer(text, start, verb.end())
        candidates = [match for match in before if match.end() == verb.end()]
        after = SAID_NAME.match(text, verb.start())
        for match in [after, *reversed(candidates)] if after else reversed(candidates):
            at = match.start("speaker")
            name = _without_starters(_clean(match.group("speaker")))
            if not name or not _looks_like_person(name) or _governed(text, at):
                continue
            if quoted is None:
                quoted = _quote_spans(text)
            if any(first <= at < last for first, last in quoted):
                continue
            if speaker_kind(_person(name, titles)) == "Person":
                return None if ASKED_SOMEONE.match(text, verb.start()) else (at, name)
    return None


# "Conroy asked Sanders whether ...": the one asked may be the next to speak.
ASKED_SOMEONE = re.compile(rf"(?:asked|questioned|pressed)\s+(?=[{CAPITAL}])")


def _acronym(word: str) -> bool:
    """ "WHO", "AS": an organisation's initials, never the starter word they spell."""
    return len(word) > 1 and word.isupper()


def _without_starters(name: str) -> str:
    """A name without the capitalised words that open a sentence before it ("While Clinton")."""
    words = name.split()
    while words and words[0].lower() in STARTERS and not _acronym(words[0]):
        words.pop(0)
    return " ".join(words)


# Where a sentence ends: a full stop, question or exclamation mark (and a closing quote) before
# a capital or an opening quote, or a line break (a heading has no full stop).
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+(?=[\"“‘'A-Z])|\n\s*")
LAST_SENTENCE_REACH = 400


def _last_sentence_start(text: str) -> int:
    """Where the last sentence of `text` starts: after the last full stop that does not end an
    abbreviation ("Mrs. Khan", "U.S. Sen.")."""
    end = len(text.rstrip())
    start = 0
    for found in SENTENCE_END.finditer(text, max(0, end - LAST_SENTENCE_REACH), end):
        if not ABBREVIATION_END.search(text, max(0, found.start() - 5), found.start() + 1):
            start = found.end()
    return start


ABBREVIATION_END = re.compile(rf"\b{ABBREVIATION}$")


OPENING_PRONOUN = re.compile(r"(?:[Hh]e|[Ss]he)\s")


def _opening_pronoun(sentence: str) -> tuple[str, int] | None:
    """ "he" or "she" where a sentence opens with it as its subject, and where."""
    for start in _subject_starts(sentence):
        found = OPENING_PRONOUN.match(sentence, start)
        if found:
            return found.group().strip().lower(), start
    return None


def _opening_name(sentence: str) -> str | None:
    """The name a sentence opens with as the subject of its main clause ("Morrison was the third
    witness", "Another witness, Tim Morrison, testified")."""
    for start in _subject_starts(sentence):
        found = APPOSED_NAME.match(sentence, start) or OPENING_SUBJECT.match(sentence, start)
        if found is None:
            continue
        name = _clean(found.group("name"))
        if name.split()[0].lower() in STARTERS or name.endswith(POSSESSIVE):
            return None
        return name if _looks_like_person(name) else None
    return None


# "I'd", "I’ve" (a quotation's first words) and "R-Texas" (a party and state after a name).
NOT_A_NAME = re.compile(r"I['’]|[RDI]-[A-Z]")


def _governed(text: str, at: int) -> bool:
    """Whether a preposition governs the name at `at` ("of the Armenian Patriarchate of
    Jerusalem")."""
    link = LINK_BEFORE.search(text, max(0, at - 30), at)
    return bool(link and link.group("prep"))


# First words of a subject that is no one in particular ("Others said", "Many say").
NOT_SOMEONE = word_set(
    "the a an this that it its their there others some many most several few both all each our "
    "your my his her"
)


def _looks_like_person(name: str) -> bool:
    words = _clean(name).split()
    if not words or NOT_A_NAME.match(words[0]) or words[-1].endswith(POSSESSIVE):
        return False
    if words[0].lower() in NOT_SOMEONE:
        return False
    return not (len(words) == 1 and words[0].lower() in PRONOUNS)


# Office words whose holder the article may name once ("Foreign Secretary David Lammy") and then
# refer to by office ("the Foreign Secretary said").
OFFICES = word_set(
    "secretary minister president chancellor ambassador spokesman spokeswoman spokesperson "
    "leader governor mayor commissioner envoy general chief commander senator official"
)


def titled_names(text: str) -> Names:
    """Who the article's short references mean, by lower-cased reference: offices it pairs with a
    name ("Foreign Secretary David Lammy": "foreign secretary", the first pairing wins), and
    surnames and "Sir Keir" forms of the full names it gives ("starmer", "sir keir": "Keir
    Starmer"). A surname is kept only when the article also gives it a title ("Mr Starmer", "Sir
    Keir Starmer"), so it names a person (else it goes to `Names.untitled`), and only when no
    other full name shares it. A former holder names only the former office ("Former Prime
    Minister Boris Johnson": "former prime minister", never "prime minister")."""
    names = Names(text)
    full_names: dict[str, set[str]] = {}
    titled: set[str] = set()
    given: list[tuple[str, str]] = []
    former_runs = set(FORMER_RUN.findall(text))
    for run in NAME_RUN.findall(text):
        run = run[:-2] if run.endswith(POSSESSIVE[:2]) else run
        words = run.split()
        lowered = run.lower().split()
        start = _name_start(lowered)
        if start == 0:
            while lowered[start] in STARTERS and start < len(words) - 1:
                start += 1
            full = len(words) - start
            if 1 < full < 4:
                full_names.setdefault(lowered[-1], set()).add(" ".join(words[start:]))
            continue
        if lowered[-1] in RANKS:
            continue
        titled.add(lowered[-1])
        name = " ".join(words[start:])
        if start == len(words) - 1:
            if lowered[start - 1] in GIVEN_NAME_TITLES:
                given.append((lowered[start - 1], lowered[start]))
            continue
        full_names.setdefault(lowered[-1], set()).add(name)
        if lowered[start - 1] in OFFICES:
            office = start - 1
            while office > max(0, start - 3) and words[office - 1].isalpha():
                office -= 1
            former = "former" in lowered[:start] or run in former_runs
            for first in range(office, start):
                if lowered[first] != "former":
                    key = " ".join(lowered[first:start])
                    names.setdefault("former " + key if former else key, name)
    for surname, forms in full_names.items():
        shortest = min(forms, key=len)
        if not all(form.endswith(shortest) for form in forms):
            continue
        if surname in titled:
            names.setdefault(surname, shortest)
        else:
            names.untitled[surname] = shortest
    for title, first in given:
        forms = {name for name in names.values() if name.lower().startswith(first + " ")}
        if len(forms) == 1:
            names.setdefault(f"{title} {first}", forms.pop())
    return names


# The verbs after which `Names.speaks` finds a surname speaking alone ("Warren said").
SURNAME_VERBS = ("said", "says", "told", "tells", "added", "wrote", "argued")
# "Elizabeth Warren: Donald Trump Is a 'Proven Failure' in Business.", "Clinton to Planned
# Parenthood: ...": a headline that gives a person's words after their name and a colon.
HEADLINE = re.compile(
    rf"(?P<name>{PERSON})(?:\s+(?:on|to)\s+[^:;.!?\"“”‘’]{{1,60}}?)?:\s+(?=[\"“‘'{CAPITAL}])"
)

HEADLINE_NAME_WORDS = 3
HEADLINE_WORDS = 5
HEADLINE_VERBS = frozenset(verb for verb in SPEECH_VERBS.split("|") if " " not in verb)


def _headline(sentence: str, titles: dict[str, str] | None) -> Attribution | None:
    """The person a headline's words are given to, when the article confirms the name is a
    person's: a title given to it ("Sen. Elizabeth Warren") or a speech verb after it ("Warren
    said")."""
    found = HEADLINE.match(sentence)
    if found is None or not isinstance(titles, Names) or _asks(sentence):
        return None  # "Ted Cruz: Constitutional conservative or ...?" asks about them
    name = found.group("name")
    if len(name.split()) > HEADLINE_NAME_WORDS or any(w.endswith(POSSESSIVE) for w in name.split()):
        return None  # a title-case run ("Carly Fiorina Endorses Ted Cruz"), not one name
    if len(sentence[found.end() :].split()) < HEADLINE_WORDS:
        return None  # a label ("Rubio: Finish second."), not what they said
    speaker = _headline_person(name, titles)
    return Attribution(speaker=speaker, phrase=found.group(0).rstrip(": ")) if speaker else None


def _asks(sentence: str) -> bool:
    return sentence.rstrip(" \"'”’").endswith("?")


def _headline_person(name: str, titles: Names) -> str | None:
    """The person a headline names, when the article confirms the name is a person's: a title
    given to it ("Sen. Elizabeth Warren"), a speech verb after it ("Warren said") or the full
    name in its text ("Gov. John Kasich (R-OH), said" for "Kasich")."""
    surname = name.split()[-1]
    full = _untitled(surname, titles)
    known = surname.lower() in titles or titles.speaks(surname) or _full_name_speaks(full, titles)
    speaker = _person(name, titles) if known else None
    if speaker is None or speaker_kind(speaker) != "Person":
        return None
    return speaker if " " in speaker or speaker in titles.values() else None


FULL_NAME_SPEAKS_REACH = 80  # characters after a full name where its speech verb may be


def _full_name_speaks(full: str | None, titles: Names) -> bool:
    """Whether the article's text gives `full` a speech verb soon after it in the same sentence
    ("Gov. John Kasich (R-OH), said", "Marco Rubio still believes"): a person who speaks, not a
    team or a phrase in capitals that a headline alone makes look like a name."""
    if not full:
        return False
    at = titles.text.find(full)
    while at >= 0:
        after = titles.text[at + len(full) : at + len(full) + FULL_NAME_SPEAKS_REACH]
        if HAS_SPEECH_VERB.search(after.split(". ", 1)[0]):
            return True
        at = titles.text.find(full, at + 1)
    return False


# A headline in title case capitalises every word, its verb too ("Trump Says He's Unlikely To
# Have A ..."), and may put an adverb before it ("Trump Just Said").
TITLE_CASE_SHARE = 0.7  # of the headline's words capitalised
TITLE_CASE_ADVERBS = word_set("just now also finally again still")


def _title_case_headline(sentence: str, titles: dict[str, str] | None) -> Attribution | None:
    """ "Howard Dean Tells Democratic Convention ...", "Trump Just Said ...": a headline in
    title case that opens with a person's name (one to three words the article confirms, see
    `_headline_person`) and a speech verb."""
    words = sentence.split()
    if not isinstance(titles, Names) or len(words) < HEADLINE_WORDS or _asks(sentence):
        return None
    capitalised = sum(word[:1].isupper() for word in words)
    if capitalised < TITLE_CASE_SHARE * len(words):
        return None
    for count in range(1, HEADLINE_NAME_WORDS + 1):
        verb_at = count + (words[count].lower() in TITLE_CASE_ADVERBS)
        if words[verb_at].lower() not in HEADLINE_VERBS:
            continue
        name = " ".join(words[:count])
        if any(word.endswith(POSSESSIVE) or not word[:1].isupper() for word in words[:count]):
            return None
        speaker = _headline_person(name, titles) if PERSON_NAME.fullmatch(name) else None
        phrase = " ".join(words[: verb_at + 1])
        return Attribution(speaker=speaker, phrase=phrase) if speaker else None
    return None


def _given_and_surname(name: str) -> bool:
    """Whether a two- or three-word name reads as a person's ("Hillary Clinton"), not a place's
    or an organisation's ("New Hampshire", "Scotland Yard")."""
    lowered = name.lower().split()
    return (
        len(lowered) in (2, 3)
        and lowered[0] not in PLACE_STARTS
        and lowered[0] not in STARTERS
        and ORGANISATION_WORDS.isdisjoint(lowered)
    )


def _resolve(subject: str, context: str, titles: dict[str, str] | None = None) -> str | None:
    """The speaker a subject phrase means, resolving pronouns, offices and descriptors; an
    unnamed source ("a Home Office spokesperson") stays unnamed rather than borrow a name. In a
    subject of several comma-separated parts ("Clinton's campaign chairman, John Podesta,"), the
    first part that is a pronoun, a determined phrase or ends in a name speaks; a name that a
    preposition governs ("In a statement to the Observer"), a possessive ("Clinton's") or a
    name followed by a noun ("her Twitter account") never does."""
    subject = _clean(PARENTHESES.sub("", subject))
    for part in subject.split(","):
        part = _clean(part)
        words = part.split(None, 1)
        if not words:
            continue
        if part.lower() in PRONOUNS:
            return _pronoun_person(part, context, titles)
        if len(words) == 2 and (words[0].lower() in ARTICLES or words[0].endswith(POSSESSIVE)):
            found = _determined(part, titles, plain=True)
            if found:
                return found
            continue
        name = _name_at_end(part)
        if name:
            return _person(name, titles)
    if any(word[:1].isupper() for word in subject.split()) or len(subject.split()) > 4:
        return None
    return subject or None


def _pronoun_person(pronoun: str, context: str, titles: dict[str, str] | None) -> str | None:
    """The person "he" or "she" means (see `last_person`); "they" only a person the sentence
    before opens with and brings in with a role ("Kym Lino, a spokesperson for Instagram,
    confirmed ... 'We use ...,' they said"), being mostly a group; "it", "we" and "I" no one
    ("It says" is a document's or an organisation's words)."""
    lowered = pronoun.lower()
    if lowered == "they":
        last = context[_last_sentence_start(context) :]
        subject = _opening_name(last)
        introduced = subject and any(INTRODUCED.match(last, at) for at in _subject_starts(last))
        person = last_person(last, titles) if introduced else None
        return _person(person, titles) if person and person == subject else None
    if lowered not in ("he", "she"):
        return None
    person = last_person(context, titles, lowered)
    return _person(person, titles) if person else None


def _name_at_end(part: str) -> str | None:
    """The name a phrase ends in, without the starter words before it ("Even Lindsey Graham"),
    unless a preposition governs it, it is only starter words ("Asked", "On Friday") or it is
    possessive."""
    name = next(reversed(list(PERSON_NAME.finditer(part))), None)
    if name is None or name.end() != len(part) or name.group().endswith(POSSESSIVE):
        return None
    text = _without_starters(name.group())  # "Even Lindsey Graham"
    if not text or not _looks_like_person(text):
        return None  # "Asked", "On Friday"
    link = LINK_BEFORE.search(part, 0, name.start())
    return None if link and link.group("prep") else text


POSSESSIVE = ("'s", "’s", "s'", "s’")
PARENTHESES = re.compile(r"\s*\([^)]*\)")
ARTICLES = word_set("the a an")
TIME_NOUNS = word_set(
    "day week month year time morning afternoon evening night weekend moment minute hour days "
    "weeks months years times minutes hours moments later earlier ago"
)
QUOTE_MARKS = "'\"‘’“”"


def _determined(subject: str, titles: dict[str, str] | None, plain: bool = False) -> str | None:
    """The speaker a subject opened by "the", "a" or a possessive names: an office's holder where
    the article pairs the two, else the office ("the former Prime Minister"); the name after an
    office or description ("the country's prime minister Donald Tusk", "the group Hamas"); an
    organisation ("the Ministry of Defence", "the health ministry in Gaza", "the Trump campaign",
    "Russia's defence ministry"). None for anything else ("the report", "a spokesman for Mr
    Trump", "the Kremlin and Nato"). A `plain` description ("the singer") is its own speaker: the
    caller has it next to a quote ("'...,' the singer said"), where it cannot be a fragment of a
    longer phrase ("the question you just asked")."""
    opener, head = subject.split(None, 1)
    article = opener.lower()
    envoy = ENVOY.fullmatch(head) if " to " in head and article != "a" else None
    if envoy:
        return _envoy(subject, envoy, titles)
    words = head.split()
    lowered = [word.lower() for word in words]
    if not NOT_IN_SUBJECT.isdisjoint(lowered) or head[-1] in QUOTE_MARKS:
        return None
    if article in ARTICLES and " and " not in head and DESCRIPTOR.match(subject):
        if article != "the":
            return head
        return (titles or {}).get(head.lower(), "the " + head)
    named = "the " + head if article == "the" else subject if article not in ARTICLES else None
    capital = [word[0].isupper() for word in words]
    if not CONNECTORS.isdisjoint(lowered):
        if not HONORIFICS.isdisjoint(lowered):
            return None
        link = next(i for i, word in enumerate(lowered) if word in CONNECTORS)
        if all(capital[i] or lowered[i] in CONNECTORS for i in range(len(words))):
            return named if _one_name(lowered) else None
        organisation = link > 0 and lowered[link - 1] in ORGANISATION_NOUNS
        place = lowered[link] in ("in", "of") and link + 1 < len(words) and all(capital[link + 1 :])
        return named if organisation and place else None
    if not capital[-1]:
        if lowered[-1] in ORGANISATION_NOUNS and (any(capital) or article not in ARTICLES):
            return named
        if (
            plain
            and article in ARTICLES
            and len(words) <= 5
            and DESCRIBED_HEAD.fullmatch(lowered[-1])
        ):
            return article + " " + head  # "the presumptive Republican presidential nominee"
        if any(capital) or article not in ARTICLES:
            return None
        if plain and len(words) <= 3 and lowered[-1] not in TIME_NOUNS:
            return article + " " + head
        return None
    run = len(words)
    while run > 0 and capital[run - 1]:
        run -= 1
    if run > 0 and (max(map(len, words[run:])) < 2 or lowered[-1] in STARTERS):
        return None  # "the order released Friday"
    if run > 0:
        name = _person(" ".join(words[run:]), titles)
        return name if _names_a_role(lowered[run - 1], name) else None
    if _name_start(lowered) > 0 and lowered[-1] not in ORGANISATION_NOUNS:
        return _person(" ".join(words[run:]), titles)
    if article not in ARTICLES and len(words) == 2 and speaker_kind(head) == "Person":
        return _person(head, titles)  # "RealClearPolitics’ David Byler": a person, by name
    return named


# An envoy's office ("ambassador to Britain", "special envoy to the United Nations") and the name
# of its holder, if it follows ("ambassador to Britain Liu Wen").
ENVOY = re.compile(
    r"(?P<office>(?:[\w-]+\s+){0,2}?(?:ambassador|envoy|representative|emissary|consul)\s+to\s+"
    rf"(?:the\s+)?(?:(?:New|North|South|East|West|United|Great|Saudi)\s+)?[{CAPITAL}][\w.'’-]*)"
    rf"(?:\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}}))?"
)


def _envoy(subject: str, envoy: re.Match[str], titles: dict[str, str] | None) -> str | None:
    """ "China's ambassador to Britain Liu Wen" speaks as Liu Wen; without a name, the one
    holder the article names with the same office, else the office as the article words it
    ("China's ambassador to Britain")."""
    name = envoy.group("name")
    if name is not None:
        person = _person(name, titles)
        return person if speaker_kind(person) == "Person" else None
    office = envoy.group() if subject[:4] in ("The ", "the ") else subject
    return _holder(office, titles) or ("the " + office if office != subject else subject)


def _holder(office: str, titles: dict[str, str] | None) -> str | None:
    """The one person the article names right after `office` ("China's ambassador to Britain
    Liu Wen", "..., Liu Wen,"), if there is exactly one."""
    if not isinstance(titles, Names) or office not in titles.text:
        return None
    after = re.compile(rf"{re.escape(office)},?\s+(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,2}})")
    people = {_person(found.group("name"), titles) for found in after.finditer(titles.text)}
    people = {person for person in people if speaker_kind(person) == "Person"}
    return people.pop() if len(people) == 1 else None


# Endings of nouns for what a person is or does ("novelist", "adviser", "economist").
ROLE_ENDING = re.compile(r"[a-z]*(?:ist|er|or|ian|ant|ent|man|woman|paper|site)")


def _names_a_role(word: str, name: str) -> bool:
    """Whether `word` before `name` says what the name is ("the economist Jared Bernstein", "the
    group Hamas"), not what a clause names it in ("a prospect Vindman denied", "a defeat
    President Obama suffered"); an organisation's name stands on its own."""
    return (
        word in RANKS
        or word in ORGANISATION_WORDS
        or bool(DESCRIBED_HEAD.fullmatch(word) or ROLE_ENDING.fullmatch(word))
        or speaker_kind(name) == "Organization"
    )


def _one_name(lowered: list[str]) -> bool:
    """Whether capitalised words joined by "of", "for", "and" read as one name ("Department of
    Health and Social Care"), not two ("Kremlin and Nato")."""
    if lowered[0] in CONNECTORS or lowered[-1] in CONNECTORS:
        return False
    first_and = lowered.index("and") if "and" in lowered else len(lowered)
    return first_and == len(lowered) or not CONNECTORS.isdisjoint(lowered[:first_and])


# A news agency's dateline before the first sentence ("ORLANDO, Fla. (Reuters) - ", "PARIS, Aug
# 31 (Reuters) - ", "WASHINGTON — "): the sentence's subject comes after it.
DATELINE = re.compile(
    r"(?:[A-Z]{2,}(?:[ .'-]+[A-Z]{2,})*(?:,\s[^()—–]{1,25}?)?(?:\s*\([A-Za-z .&]+\))?\s*)?"
    r"(?:—|–|--?)\s+(?=[A-Z])"
)


# A second speaker in one sentence: "Smith said X, while Jones said Y", "While Harris said X,
# Cruz argued Y", "Cruz accuses Obama of X and Trump says Y".
OTHER_SPEAKER = re.compile(
    rf"(?:(?:^|,|\s)\s*(?:[Ww]hile|[Ww]hereas|[Aa]lthough|[Tt]hough|and|but)|;)\s+"
    rf"(?P<speaker>(?=[{CAPITAL}]){PERSON})\s+{BETWEEN}(?P<verb>{VERB_ALTERNATION})\b"
)


OTHER_REACH = 90  # characters before a speech verb where its own subject and conjunction are
# A second speaker described by whose they are: "..., but Morrison's lawyer said".
OTHER_DESCRIBED = re.compile(
    rf"(?:,\s*|\s)(?:but|and|while|whereas)\s+(?P<speaker>(?:{PERSON}['’]s|[Hh]is|[Hh]er|[Tt]heir)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{DESCRIBED_HEAD.pattern}))\s+{BETWEEN}(?:{VERB_ALTERNATION})\b"
)


def _inside_quotes(sentence: str, at: int) -> bool:
    return any(q.start <= at < q.end for q in quotes(sentence))


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in `text`, looked for only where a mark may open one."""
    return [(q.start, q.end) for q in quotes(text)] if QUOTED.search(text) else []


def attribute(
    sentence: str, context: str = "", titles: dict[str, str] | None = None
) -> Attribution | None:
    """Speaker and venue of a sentence: `context` (the preceding text) resolves pronouns,
    `titles` (from `titled_names`) resolves offices and short names such as "the Foreign
    Secretary" and "Mr Starmer". A sentence that gives two speakers their own words ("Smith
    said X, while Jones said Y") has none: one speaker for the claim would put the other's
    words in their mouth."""
    dateline = DATELINE.match(sentence) if _dashed(sentence[:60]) else None
    if dateline:
        sentence = sentence[dateline.end() :]
    first_verb = SPEECH_OR_FINDS.search(sentence)
    finds = False
    while first_verb is not None and first_verb.group() in FINDS_ONLY:
        finds = True
        first_verb = SPEECH_OR_FINDS.search(sentence, first_verb.end())
    found = _attribute(sentence, first_verb, finds, context, titles)
    if found is None or found.speaker is None:
        return found
    if found.speaker.split()[0].lower() in SUBORDINATORS or _second_of_two(sentence, found):
        return None
    if found.phrase.lower().startswith("according"):
        return found  # "according to" governs the whole sentence, its other speakers too
    second = HAS_SPEECH_VERB.search(sentence, first_verb.end()) if first_verb else None
    if second is None:
        return found  # one speech verb, one speaker
    quoted = None
    for verb in (first_verb, second, *HAS_SPEECH_VERB.finditer(sentence, second.end())):
        reach = max(0, verb.start() - OTHER_REACH)
        described = OTHER_DESCRIBED.search(sentence, reach, verb.end())
        if described and re.fullmatch(OWN_TEAM, described.group("speaker")):
            described = None  # "Paganini and his team wrote": the speaker's own team
        if described and not _inside_quotes(sentence, described.start("speaker")):
            return None  # "He asked Morrison ..., but Morrison's lawyer said ..."
        other = OTHER_SPEAKER.search(sentence, reach, verb.end())
        if other is None:
            continue
        quoted = [(q.start, q.end) for q in quotes(sentence)] if quoted is None else quoted
        if any(start <= other.start("speaker") < end for start, end in quoted):
            continue
        name = other.group("speaker")
        if not _looks_like_person(name) or name.split()[0].lower() in STARTERS:
            continue
        speaker = _resolve(name, context, titles)
        if speaker and speaker != found.speaker and speaker.split()[-1] not in found.speaker:
            return None
    return found


# "When the president's advisers suggested X, he said": a subordinate clause's subject is not
# the sentence's speaker.
SUBORDINATORS = word_set(
    "when while whilst after before since if because although though unless until once "
    "whenever whereas"
)
# "Kurt Volker, a former envoy, and Tim Morrison, an aide, testified": the second of two
# subjects joined by "and" (each has said something; neither alone is the speaker)
JOINED_BEFORE = re.compile(rf"(?P<first>{PERSON})(?:,[^,]{{1,80}},)?\s+(?:and|&)\s+(?:former\s+)?$")


def _second_of_two(sentence: str, found: Attribution) -> bool:
    """Whether the speaker found is the second of two people who are the verb's joint subject."""
    at = sentence.find(found.phrase)
    title = found.phrase.split(found.speaker.split()[0], 1)[0]
    if at <= 0 or title == found.phrase or "," in title:
        return False  # the phrase opens with the name, or with its title ("former Gov. Ann Lee")
    joined = JOINED_BEFORE.search(sentence, max(0, at - 140), at)
    return bool(joined) and _looks_like_person(joined.group("first"))


def _attribute(
    sentence: str,
    first_verb: re.Match[str] | None,
    finds: bool,
    context: str,
    titles: dict[str, str] | None,
) -> Attribution | None:
    if ":" in sentence[:100]:
        headline = _headline(sentence, titles)
        if headline:
            return headline
    if first_verb is None and sentence[:1].isupper():
        headline = _title_case_headline(sentence, titles)
        if headline:
            return headline
    if first_verb is None:
        if "ccording to" in sentence:
            return _according(sentence, titles)
        if _participle(sentence) or _issues_statement(sentence):
            return _subject_speaks(sentence, context, titles)
        return _called(sentence, context, titles) or (_document_finds(sentence) if finds else None)
    colon = _colon_intro(sentence)
    if colon is not None:
        subject, _verb, venue, phrase = colon
        speaker = _resolve(subject, context, titles)
        return Attribution(speaker=speaker, venue=venue or None, phrase=phrase)
    trailing = _after_quote(sentence, context, titles)
    if trailing is not None:
        return trailing if trailing.speaker else None
    verb = INVERTED_VERB.search(sentence, max(0, first_verb.start() - 4))
    inverted = INVERTED.search(sentence, verb.start()) if verb else None
    if inverted:
        speaker = _resolve(inverted.group("speaker"), context, titles)
        if speaker:
            return Attribution(speaker=speaker, phrase=inverted.group(0)[1:].strip())
    described = _said_described(sentence, verb.end(), context, titles) if verb else None
    if described:
        return described
    according = (
        _according(sentence, titles)
        if "ccording to" in sentence and not SAID_ACCORDING.search(sentence)
        else None
    )
    if according:
        return according
    trailing = _trailing(sentence, context, titles)
    if trailing:
        return trailing
    verb_end = 0
    quoted: list[tuple[int, int]] | None = None

    def spoken(match: re.Match[str]) -> bool:
        """Not inside a quotation (a name there is not who speaks it) nor a verb that does not
        report speech here ("responded by settling", "reported from Oakland", "wrote the
        letter")."""
        nonlocal quoted
        if QUOTED.search(sentence, 0, match.start()):  # a quotation may have opened before it
            quoted = quoted if quoted is not None else [(q.start, q.end) for q in quotes(sentence)]
            if any(start <= match.start() < end for start, end in quoted):
                return False
        return not NOT_SPEECH.get(match.group("verb"), NOT_SPEECH_ANY).match(sentence, match.end())

    first = sentence[: sentence.find(" ")].lower()
    opening = None if first in STARTERS else OPENING_APPOSITION.match(sentence)
    if opening and spoken(opening):
        speaker = _resolve(opening.group("name"), context, titles)
        if speaker:
            return Attribution(speaker=speaker, phrase=opening.group(0))
    for match in REPORTED.finditer(sentence):
        if not spoken(match):
            continue
        speaker = _reported_speaker(sentence, match, context, titles)
        if speaker:
            return Attribution(speaker=speaker, phrase=sentence[match.start() : match.end()])
        link = LINK_BEFORE.search(sentence, 0, match.start())
        if link and link.group("prep"):
            return _subject_speaks(sentence, context, titles)  # "Tom Cole of Oklahoma said"
        verb_end = verb_end or match.end()
    if not verb_end:
        verb = next((v for v in SPEECH_VERB.finditer(sentence) if spoken(v)), None)
        verb_end = verb.end() if verb else 0
    subject = _subject_before(sentence, verb_end, titles) if verb_end else None
    if subject:
        return subject
    subject = _subject_speaks(sentence, context, titles)
    if subject:
        return subject
    pronoun = _pronoun_speaks(sentence)
    if pronoun and context and spoken(pronoun):
        speaker = _opening_clause_person(sentence, pronoun, context, titles)
        if speaker:
            phrase = sentence[pronoun.start("p") : pronoun.end()]
            return Attribution(speaker=speaker, phrase=phrase)
    return (
        _called(sentence, context, titles)
        or _document_finds(sentence)
        or _aside_quote(sentence, context, titles)
    )


# "Pike has changed her story — “I now recall,” she said — and ...", "...: “...,” he said.": a
# quotation set in the sentence after a dash or colon, given to "he" or "she" right after it.
ASIDE_QUOTE = re.compile(
    r"(?:\s[—–]|\s--?|:)\s*[\"“‘][^\"“”]{1,240}[,!?][\"”’]\s+(?P<p>[Hh]e|[Ss]he)\s+"
    r"(?:said|says|added|told|recalled|wrote)\b"
)


def _aside_quote(sentence: str, context: str, titles: dict[str, str] | None) -> Attribution | None:
    """The person a pronoun after a quotation set in the sentence means, read from the text
    before it (the sentence's own words up to the quotation included)."""
    found = ASIDE_QUOTE.search(sentence)
    if found is None:
        return None
    named = [
        _without_starters(name.group()) for name in PERSON_NAME.finditer(sentence, 0, found.start())
    ]
    named = [name for name in named if name and _is_person(name, titles)]
    if named and not _all_same(named[0], named, titles):
        return None  # "Lee met Pike — '...,' she said": either may be meant
    before = f"{context} {sentence[: found.start()]}"
    speaker = _pronoun_person(found.group("p"), before, titles)
    phrase = sentence[found.start("p") : found.end()]
    return Attribution(speaker=speaker, phrase=phrase) if speaker else None


def _pronoun_speaks(sentence: str) -> re.Match[str] | None:
    """ "He said", "However, he said", "When Ghani announced it, he said": a pronoun that opens
    the sentence's main clause, before its speech verb."""
    for start in _subject_starts(sentence):
        found = PRONOUN_SPEAKS.match(sentence, start)
        if found:
            return found
    return PRONOUN_AFTER_CLAUSE.match(sentence)


def _opening_clause_person(
    sentence: str, pronoun: re.Match[str], context: str, titles: dict[str, str] | None
) -> str | None:
    """The person a pronoun after an opening clause means: the one the clause names speaking
    ("When Afghan President Ashraf Ghani announced the exchange, he said"), else the person the
    text before means where the clause names no one ("However, he said"), else the one person
    the clause is about ("When Holm was stopped, he told police"). None where the clause names
    someone otherwise ("In response to Sanders' charge, she said", "When Sanders accused
    Clinton, she said"): either may be meant."""
    clause = sentence[: pronoun.start("p")]
    named = _people_named(clause, titles)
    if not named:
        return _pronoun_person(pronoun.group("p"), context, titles)
    speaker = _clause_speaker(clause, titles)
    if speaker:
        return _person(speaker, titles)
    subject = CLAUSE_SUBJECT.match(clause)
    name = subject.group("name") if subject else ""
    if not name or name.endswith(POSSESSIVE) or not _all_same(name, named, titles):
        return None
    return _person(name, titles)


# "When Holm was approached, he ...": the person an opening clause is about, as its subject.
CLAUSE_SUBJECT = re.compile(
    rf"(?:When|After|Once|As|While|Before|Since|Until)\s+(?P<name>{PERSON})\s+(?=[a-z])"
)


def _clause_speaker(clause: str, titles: dict[str, str] | None) -> str | None:
    """The person an opening clause names speaking, if it names no one else."""
    speaker = _last_speaker(clause, titles)
    if speaker is None or not _all_same(speaker[1], _people_named(clause, titles), titles):
        return None
    return speaker[1]


def _people_named(text: str, titles: dict[str, str] | None) -> list[str]:
    """The people `text` names after its first word, possessives too ("Sanders' charge")."""
    people = []
    for found in PERSON_NAME.finditer(text, 1):
        name = found.group().removesuffix("'s").removesuffix("’s").rstrip("'’")
        if name.split()[0].lower() not in STARTERS and _is_person(name, titles):
            people.append(name)
    return people


# "called the process a sham", "called it an insult": a judgement in the subject's words, even
# unquoted; not "called a meeting" (no object before "a") nor "called the office a day later"
CALLED_IT_A = re.compile(
    r" (?:it|him|her|them|this|that|(?:the|his|her|their|its) [\w'’-]+(?: [\w'’-]+){0,2}) an? "
    r"(?!(?:day|week|month|year|few|couple|number|lot|time|second|third|minute|hour)\b)"
    r"(?:[\"“‘][^\"“”]{1,80}[\"”’]|[a-z'’-]+(?: [a-z'’-]+){0,3})\s*[.;]?[\"”’]?\s*$"
)


def _called(sentence: str, context: str, titles: dict[str, str] | None) -> Attribution | None:
    """ "Sen. Marco Rubio called the statement “offensive and outlandish.”": a subject naming
    something in words the sentence quotes (looked for only where nothing else speaks, "called"
    being mostly no speech at all)."""
    if " called " not in sentence:
        return None
    for match in CALLED.finditer(sentence):
        if NAMING.match(sentence, match.end()) and not CALLED_IT_A.match(sentence, match.end()):
            continue
        if _inside_quotes(sentence, match.start()):
            continue
        speaker = _reported_speaker(sentence, match, context, titles)
        if speaker:
            return Attribution(speaker=speaker, phrase=match.group(0))
    return None


def _subject_speaks(
    sentence: str, context: str, titles: dict[str, str] | None
) -> Attribution | None:
    """The subject that opens the sentence, when its own verb reports speech: a person ("Rep. Tom
    Cole of Oklahoma, an ally of GOP leadership, said", "Carson rejected the notion, saying",
    "Trump welcomed Khan's election and said", "Another delegate, Jim Poolman, said"), else an
    unnamed speaker described ("Campaign aides said")."""
    if _asks(sentence):  # a question reports no one
        return None
    for start in _subject_starts(sentence):
        found = APPOSED_NAME.match(sentence, start) or OPENING_SUBJECT.match(sentence, start)
        person = _person_speaks(sentence, found, context, titles) if found else None
        if person:
            return person
        organisation = _organisation_speaks(sentence, start)
        if organisation:
            return organisation
        described = DESCRIBED_SUBJECT.match(sentence, start) or THE_DESCRIBED_SAYS.match(
            sentence, start
        )
        described = _described_speaks(sentence, described, titles) if described else None
        if described:
            return described
    return None


ORGANISATION_WORD = rf"[{CAPITAL}][\w.'’&-]*"
# An organisation by its name: "The US Embassy in New Delhi", "the U.S. Attorney's Office for
# the Western District of New York".
ORGANISATION_NAME = re.compile(
    rf"[Tt]he\s+{ORGANISATION_WORD}(?:\s+{ORGANISATION_WORD}){{0,5}}"
    rf"(?:\s+(?:of|for|on|in|and)\s+(?:the\s+)?{ORGANISATION_WORD}(?:\s+{ORGANISATION_WORD}){{0,4}})*"
)
ORGANISATION_OPENS = re.compile(rf"(?P<name>{ORGANISATION_NAME.pattern})(?=\s+[a-z])")
# An organisation's finding is its word: "The Commission found that ...", "The Lancet Commission
# on pollution and health found that" (a topic after the name).
ORGANISATION_FINDS = re.compile(
    r"(?:\s+(?:on|of|for)\s+[a-z][^,;:!?\"“”()]{0,60}?)?"
    r"\s+(?:has\s+|have\s+|also\s+)?(?:found|concluded)\s+that\b"
)


def _organisation(name: str) -> str | None:
    """An organisation named with "the" ("The US Embassy in New Delhi"), "the" lower-cased; its
    name ends in a word for one ("Embassy", "Office"), not "The Florida senator"."""
    head = re.split(r"\s+(?:of|for|on|in|and)\s+", name)[0].split()[-1].lower()
    if head not in ORGANISATION_WORDS or not ORGANISATION_NAME.fullmatch(name):
        return None
    speaker = "the" + name[3:]
    return speaker if speaker_kind(speaker) == "Organization" else None


def _organisation_speaks(sentence: str, start: int) -> Attribution | None:
    """An organisation that opens the sentence and speaks through its own verb, one joined on
    ("The US Embassy keeps its own monitor and reported Wednesday that") or a finding ("The
    Lancet Commission on pollution and health found that")."""
    found = ORGANISATION_OPENS.match(sentence, start)
    speaker = _organisation(found.group("name")) if found else None
    if speaker is None:
        return None
    cue = ORGANISATION_FINDS.match(sentence, found.end()) or _speech_cue(
        sentence, found.end(), found.end("name")
    )
    phrase = sentence[found.start() : cue.end()].strip(", ") if cue else ""
    return Attribution(speaker=speaker, phrase=phrase) if cue else None


def _finds(sentence: str) -> bool:
    """Whether a verb of finding may be in the sentence (a test of substrings: several times
    faster than a search for the words)."""
    return (
        " found" in sentence
        or " finds" in sentence
        or " show" in sentence
        or " suggest" in sentence
        or " conclude" in sentence
        or " indicate" in sentence
        or " reveal" in sentence
        or " predict" in sentence
    )


def _dashed(text: str) -> bool:
    return "—" in text or "–" in text or " -" in text


def _document_finds(sentence: str) -> Attribution | None:
    """ "The April survey found ...", "..., the report found.": the document, as the article
    names it ("the" lower-cased, as for organisations)."""
    if not _finds(sentence):
        return None
    found = DOCUMENT_TRAILING.search(sentence, max(0, len(sentence) - 80))
    if found is None:
        for start in _subject_starts(sentence):
            found = DOCUMENT_FINDS.match(sentence, start)
            if found:
                break
            organisation = _organisation_speaks(sentence, start)
            if organisation:
                return organisation
    if found is None or _asks(sentence):
        return None
    np = found.group("np")
    speaker = "the" + np[3:] if np.startswith("The ") else np
    return Attribution(speaker=speaker, phrase=found.group(0).strip(", "))


def _subject_starts(sentence: str) -> list[int]:
    """Where the subject may start: at the start, or after an opening phrase that sets the scene
    and each comma in it ("At a campaign event in Ames, Iowa, on Sunday, Mrs. Clinton")."""
    scene = SCENE.match(sentence)
    if scene is None:
        return [0]
    starts = [scene.end()]
    if not scene.group().rstrip().endswith(","):  # "But": no phrase to read on through
        return starts
    while len(starts) < SCENE_COMMAS:
        comma = sentence.find(", ", starts[-1], starts[-1] + 40)
        if comma < 0:
            break
        starts.append(comma + 2)
    return starts


# A country or an organisation by its initials ("The US", "The U.N.", "The FBI").
THE_ACRONYM = re.compile(r"The (?:[A-Z]{2,5}|(?:[A-Z]\.){2,4})")


def _person_speaks(
    sentence: str, found: re.Match[str], context: str, titles: dict[str, str] | None
) -> Attribution | None:
    name = found.group("name")
    if THE_ACRONYM.fullmatch(name):  # "The US welcomed the exchange, saying"
        cue = _speech_cue(sentence, found.end(), found.end("name"))
        phrase = sentence[found.start() : cue.end()].strip(", ") if cue else ""
        return Attribution(speaker="the" + name[3:], phrase=phrase) if cue else None
    if name.split()[0].lower() in STARTERS or name.endswith(POSSESSIVE):
        return None
    if not (_looks_like_person(name) or name.lower() in PRONOUNS):
        return None
    if name.lower() in PRONOUNS and not context:
        return None
    cue = _speech_cue(sentence, found.end(), found.end("name"))
    speaker = _resolve(name, context, titles) if cue else None
    if not speaker:
        return None
    return Attribution(speaker=speaker, phrase=sentence[found.start() : cue.end()].strip(", "))


# "Trump issued a statement saying", "Gowdy released a statement highlighting": a statement's
# words are its issuer's.
STATEMENT = re.compile(
    r"(?P<verb>issued|released|put\s+out|sent\s+out|posted)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:statement|letter|memo|message)(?:\s+(?:on\s+)?[A-Z][a-z]+day)?,?\s+"
    r"(?:saying|stating|warning|describing|expressing|calling|urging|insisting|arguing|noting|"
    r"highlighting|that|in\s+which)\b"
)


# "Kejriwal turned to Twitter last month to describe his city as ...": a post's words.
SOCIAL_POST = re.compile(
    r"(?P<verb>took|takes|turned|turns|went)\s+to\s+(?:Twitter|Facebook|Instagram|X|TikTok|"
    r"Truth\s+Social|social\s+media)(?:\s+(?:on\s+)?[A-Z][a-z]+day|\s+(?:last|this)\s+\w+)?,?"
    r"\s+to\s+(?:say|describe|call|criticize|criticise|accuse|announce|claim|slam|blast|attack|"
    r"praise|defend|deny|insist|warn|argue|write|declare|urge)\b"
)


def _issues_statement(sentence: str) -> bool:
    """Whether a sentence may say that someone issued a statement or took to social media to say
    something (substrings first: cheap)."""
    verbs = "issued" in sentence or "released" in sentence or " out " in sentence
    if (verbs or "posted" in sentence) and STATEMENT.search(sentence):
        return True
    return " to " in sentence and bool(SOCIAL_POST.search(sentence))


# A clause with a subject of its own before a participle ("Trump pivoted to trade, but Wallace
# brought him back, asking"): the participle is that subject's.
OTHER_CLAUSE = re.compile(
    rf",?\s(?:but|and|while|whereas)\s+(?!The\s)(?:{PERSON}|[Hh]e|[Ss]he|[Tt]hey)\s+{VERBAL}"
)


def _speech_cue(sentence: str, end: int, head_end: int | None = None) -> re.Match[str] | None:
    """The speech verb of a subject ending at `end` (its head at `head_end`): its own ("said"), a
    participle ("..., saying") or a verb joined on ("... and said", "Sanders, who endorsed Canova
    and said"), outside quotations, when it reports speech."""
    cue = (
        SUBJECT_SPEAKS.match(sentence, end)
        or STATEMENT.match(sentence, end)
        or SOCIAL_POST.match(sentence, end)
    )
    if cue and NOT_SPEECH.get(cue.group("verb"), NOT_SPEECH_ANY).match(sentence, cue.end()):
        cue = None  # "called on the senator to ... and said": the verb joined on may report
    if cue is None:
        at = end if head_end is None else head_end
        cues = [c for c in (_participle(sentence, at), COORDINATED.search(sentence, at)) if c]
        cue = min(cues, key=lambda c: c.start()) if cues else None
        if cue is None or ";" in sentence[end : cue.start()]:
            return None
        if " who " in sentence[end : cue.start()] or OTHER_CLAUSE.search(
            sentence, end, cue.start()
        ):
            return None  # "... Eric Kingson, who worked the crowd, praising": his words
        if any(q.start < cue.start() < q.end for q in quotes(sentence)):
            return None
    verb = cue.group("verb")
    if verb in PARTICIPLES:
        return None if NOT_PARTICIPLE.match(sentence, cue.end()) else cue
    return None if NOT_SPEECH.get(verb, NOT_SPEECH_ANY).match(sentence, cue.end()) else cue


def _described_speaks(
    sentence: str, found: re.Match[str], titles: dict[str, str] | None
) -> Attribution | None:
    """An unnamed speaker described where the sentence opens ("A U.S. law enforcement official
    familiar with the investigation said", "Campaign aides said"), as the article words it; an
    office the article pairs with a name ("the president") is that name."""
    np = found.group("np")
    words = np.split()
    first = words[0].lower()
    described = sentence[found.start("np") : found.end("head")].lower().split()[1:]
    if first in POSSESSIVE_PRONOUNS | ANAPHORIC or not NOT_IN_SUBJECT.isdisjoint(described):
        return None
    if found.group("head").lower() in TIME_NOUNS:  # "The day said" is no one
        return None
    modifier = sentence[found.end("head") : found.end("np")].lower().replace(".", "").split()
    if not HONORIFICS.isdisjoint(modifier):  # "a spokesman for Mr Trump": Mr Trump is no speaker
        return None
    if len(words) > 10 or (first not in ARTICLES and not words[0][:1].isupper()):
        return None
    cue = _speech_cue(sentence, found.end())
    if cue is None:
        return None
    if first == "the":
        head = np.split(None, 1)[1]
        speaker = (titles or {}).get(head.lower(), "the " + head)
    else:
        speaker = np
    return Attribution(speaker=speaker, phrase=sentence[found.start() : cue.end()].strip(", "))


def _according(sentence: str, titles: dict[str, str] | None) -> Attribution | None:
    """ "according to Mr. Rhodes" (a person, by the name the article gives in full) or "according
    to the U.S. Judicial Conference"; nothing for a long clause or a quoted title."""
    found = ACCORDING.search(sentence)
    if found is None:
        return None
    who = ACCORDING_TAIL.sub("", found.group("who").split("''")[0]).strip()
    if DOCUMENT_WORD.fullmatch(who):
        who = _document_source(found.group("who"))
    if not who or len(who.split()) > ACCORDING_WORDS or who.split()[-1].lower() in ARTICLES:
        return None
    if PERSON_NAME.fullmatch(who) and _looks_like_person(who):
        who = _person(who, titles)
    return Attribution(speaker=who, phrase=found.group(0).strip())


# "data released by MOTIE", "figures compiled by the Census Bureau": who gave them out
DOCUMENT_SOURCE = re.compile(
    rf"\s(?:released|published|compiled|issued|provided|gathered|collected|prepared)\s+by\s+"
    rf"(?P<source>(?:the\s+)?[{CAPITAL}][^,;:()]*)"
)


def _document_source(document: str) -> str:
    """The body that gave out bare data ("according to data released by MOTIE in August"):
    the data is no speaker, its source is; nothing where the source is not named."""
    source = DOCUMENT_SOURCE.search(document)
    if source is None:
        return ""
    return re.sub(r"\s+(?:in|on|last|this|earlier)\b.*", "", source.group("source")).strip()


def _reported_speaker(
    sentence: str, match: re.Match[str], context: str, titles: dict[str, str] | None
) -> str | None:
    """The speaker of "NAME said ..." when NAME is the subject of the sentence's main clause, not
    of a clause joined on ("It is believed that Biden ..., particularly as Putin warned") nor a
    preposition's object ("a spokesman for Mr Trump said"); a name that "the" or a possessive
    opens ("The Institute for Fiscal Studies said") is read with its whole noun phrase."""
    name = match.group("speaker")
    before = sentence[: match.start()]
    opener = OPENING_CONJUNCTION.match(name)
    if opener:  # "As Ada Grant": the conjunction that opens the sentence, then the name
        name, before = name[opener.end() :], sentence[: match.start() + opener.end()]
    first = name.split(None, 1)[0].lower()
    if OBJECT_BEFORE.search(before, max(0, len(before) - 40)):
        return None
    if SPEECH_BEFORE.search(before, max(0, len(before) - 40)):
        return None  # "aides said Mr. Obama simply believed": what the aides said
    link = LINK_BEFORE.search(before)
    if link and link.group("prep"):
        full = titles.get(name.split()[-1].lower()) if titles else None
        if full and name.endswith(" " + full):
            return full
        found = _subject_before(sentence, match.end(), titles)
        return found.speaker if found else None
    if first in ARTICLES or ARTICLE_BEFORE.search(before, max(0, match.start() - 60)):
        found = _subject_before(sentence, match.end(), titles)
        return found.speaker if found else None
    if _as_aside(sentence, match, before):
        return _resolve(name, context, titles)  # "..., as David Dayen noted in The Intercept."
    if not _looks_like_person(name) or first in CLAUSE_WORDS or not _main_clause(before, link):
        return None
    if _opening_clause(before, link) and not _says_main_clause(sentence, match, link):
        return None  # "But as Trump denounced the tests, many in the audience cheered"
    words = name.split()
    # An office without "the" ("Prime Minister said"), but a lone rank word is a surname ("King
    # said" is Gayle King, not the King).
    if len(words) > 1 and _name_start(words) == len(words) - 1 and words[-1].lower() in RANKS:
        return _resolve("the " + name, context, titles)
    return _resolve(name, context, titles)


# A speech verb right before a name: the name opens the words reported ("aides said Mr. Obama
# believed", "She noted that Sanders has criticized"), its verb is not the sentence's speech.
SPEECH_BEFORE = re.compile(rf"\b(?:{VERB_ALTERNATION})(?:\s+that)?\s+$")


# What may follow the speech verb of an opening clause whose speech is the main clause ("As
# Menendez pointed out, ...", "As Kreutz points out in a column on Yahoo News, ...").
SAID_THEN_COMMA = re.compile(
    r"(?:(?<=told)\s+(?:reporters|journalists|(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}"
    r"(?:\s\([A-Z]{2,6}\))?))?"
    r"(?:\s+(?:in|on|at|to|during|last|this|earlier|recently|[A-Z][a-z]+day)\b[^,;:!?\"“”]{0,60})?,"
)

# The conjunction that opens a sentence before a name ("As Ada Grant pointed out, ...").
OPENING_CONJUNCTION = re.compile(
    r"(?:As|When|While|Since|After|Before|If|Although|Though)\s+(?=\S)"
)


# What may follow the speech verb of an "as" clause that ends the sentence: where it was said.
AS_ASIDE_END = re.compile(r"(?:\s+(?:in|on|to|at)\s[^,;:!?\"“”]{1,60})?\s*[.!]?[\"”’']?\s*$")


def _as_aside(sentence: str, match: re.Match[str], before: str) -> bool:
    """Whether the speaker is named in an "as" clause that closes the sentence and gives it as
    their words ("..., a classic scare tactic, as David Dayen noted in The Intercept.")."""
    return (
        before.endswith(", as ")
        and _looks_like_person(match.group("speaker"))
        and bool(AS_ASIDE_END.match(sentence, match.end()))
    )


def _says_main_clause(sentence: str, match: re.Match[str], link: re.Match[str]) -> bool:
    """Whether an opening "as" clause gives the main clause as its subject's words ("As Menendez
    pointed out, ..."); "when", "while" and the like only set the scene ("When Clinton said she
    would debate, he looked ...")."""
    return link.group("conj").lower() == "as" and bool(SAID_THEN_COMMA.match(sentence, match.end()))


def _opening_clause(before: str, link: re.Match[str] | None) -> bool:
    """Whether a subject after `before` opens a clause put before the main one ("As", "But when"),
    not one joined on after it ("This comes as")."""
    if link is None or link.group("conj") is None or link.group("conj").lower() not in CLAUSE_WORDS:
        return False
    return all(word.lower() in STARTERS for word in before[: link.start()].split())


NAME_WITH_APPOSITION = re.compile(rf"{PERSON}(?:,\s[^,;:!?]+)?,")
CLAUSE_WORDS_AT_LEAST = 4  # words between commas that make a clause rather than a list item


def _main_clause(before: str, link: re.Match[str] | None) -> bool:
    """Whether a subject after `before` (ending in the conjunction `link`, if any) belongs to the
    sentence's main clause: "But Starmer said", "This comes as Zelensky accused", "He met Ali in
    1996, and Nicklaus said" (a clause of its own after a comma, not a list: "Cruz, Rubio, and
    Trump said")."""
    if link is None:
        return True
    head = before[: link.start()]
    words = head.split()
    conj = link.group("conj").lower()
    if conj in {"and", "or"} and NAME_WITH_APPOSITION.fullmatch(head.strip()):
        return False  # "Kurt Volker, the former envoy, and Tim Morrison ... testified": two
    if conj in {"and", "but"} and head.rstrip().endswith(","):
        return len(head.rstrip(" ,").rsplit(",", 1)[-1].split()) >= CLAUSE_WORDS_AT_LEAST
    return len(words) <= 2 and not (conj in {"and", "or"} and words)


# "Norway's ambassador to the US, Henrik Dahl, said": the name in apposition speaks.
APPOSED_PERSON = re.compile(rf",\s(?:former\s+)?(?P<name>{PERSON}),")


def _subject_before(sentence: str, end: int, titles: dict[str, str] | None) -> Attribution | None:
    """The speaker of the subject opened by "the", "a" or a possessive that the speech verb
    ending at `end` follows ("The health ministry in Gaza, which is run by Hamas, said")."""
    found = DETERMINED.search(sentence, max(0, end - SUBJECT_REACH), end)
    if found is None:
        return None
    link = LINK_BEFORE.search(sentence, 0, found.start())
    if link and (link.group("prep") or link.group("conj").lower() in CLAUSE_WORDS):
        return None
    if not _main_clause(sentence[: found.start()], link):
        return None
    apposed = APPOSED_PERSON.match(sentence, found.end("subject"), end)
    if apposed and speaker_kind(_person(apposed.group("name"), titles)) == "Person":
        return Attribution(speaker=_person(apposed.group("name"), titles), phrase=apposed.group())
    speaker = _determined(found.group("subject"), titles)
    return Attribution(speaker=speaker, phrase=sentence[found.start() : end]) if speaker else None


def _colon_intro(sentence: str) -> tuple[str, str, str, str] | None:
    quote_at = _first_quote(sentence)
    if quote_at is None:
        return None
    head = sentence[:quote_at]
    if ":" not in head:
        return None
    clause_start = max(head.rfind(mark, 0, len(head) - 2) for mark in ".;!?:") + 1
    match = INTRO.match(head, clause_start)
    if not match:
        return None
    venue = match.group("venue").strip()
    verb = match.group("verb")
    subject = SAYS_MORE.sub("", match.group("subject"))
    if MODAL_BEFORE.search(subject):  # "had this to say:", "would say:"
        return None
    if verb == "posted" and venue.lower().startswith("on "):
        venue = venue[3:]
    return WHEN_SAID.sub("", subject), verb, venue, head.rstrip(" :")


MODAL_BEFORE = re.compile(r"\b(?:to|would|will|could|should|might|may|can|not|n't|n’t)$")
# "The email goes on to say:", "Auerbach went so far as to say:", "O'Malley interjected to say:"
SAYS_MORE = re.compile(r"\s+(?:(?:goes|go|went)\s+on|went\s+so\s+far\s+as|interjected)\s+to$")
# "Ferdie Pacheco once said:", "Trump later wrote:": when, after the subject
WHEN_SAID = re.compile(rf"(?:\s+(?:{SAID_WHEN}|{BETWEEN_WORDS}))+$")


def _first_quote(sentence: str) -> int | None:
    match = OPENING_QUOTE.search(sentence)
    return match.start() if match else None


def _trailing(sentence: str, context: str, titles: dict[str, str] | None) -> Attribution | None:
    """ "..., Israeli officials said Wednesday.", "..., he said.": the reporting clause that ends
    a sentence of reported speech."""
    near_end = HAS_SPEECH_VERB.search(sentence, max(0, len(sentence) - TRAILING_REACH))
    if not near_end and " told " not in sentence[-TOLD_REACH:]:  # "..., told POLITICO this week."
        return None
    comma = sentence.rfind(", ")  # the clause has no comma of its own
    found = TRAILING.match(sentence, comma) if comma >= 0 else None
    if found is None and comma > 0 and SPEECH_VERB.match(sentence, comma + 2):
        for _ in range(TRAILING_COMMAS):  # "..., his top aide, Tad Devine, told The Hill."
            comma = sentence.rfind(", ", 0, comma)
            found = TRAILING.match(sentence, comma) if comma >= 0 else None
            if found is not None or comma < 0:
                break
    if found is None:
        return None
    subject = found.group("subject")
    if found.group("described") and not PERSON_NAME.fullmatch(subject):
        return None
    if found.group("described") and _place_goes_on(found.group("described"), subject):
        return None  # "..., a geologist in Washington, D.C., said": the place goes on
    described = DESCRIBED_SUBJECT.match(subject + " said")
    if described and described.end("np") == len(subject):
        speaker = _described_speaks(subject + " said", described, titles)
        if speaker is None and UNNAMED_PLURAL.fullmatch(subject):
            speaker = Attribution(subject)  # "..., officials said.": unnamed, but not the writer
        return Attribution(speaker.speaker, phrase=found.group(0)[1:].strip()) if speaker else None
    organisation = _organisation(subject) if subject[:4] in ("the ", "The ") else None
    if organisation:  # "..., the U.S. Attorney's Office for the Western District announced"
        return Attribution(organisation, phrase=found.group(0)[1:].strip())
    if not (PERSON_NAME.fullmatch(subject) or subject.lower() in PRONOUNS):
        return None
    speaker = _resolve(subject, context, titles)
    return Attribution(speaker, phrase=found.group(0)[1:].strip()) if speaker else None


# "in Washington", "at Lake University in Dallas": a phrase ending in a place or an institution.
ENDS_IN_PLACE = re.compile(rf"\b(?:in|at|near|of|from|outside)\s+(?:[{CAPITAL}][\w.'’-]*\s*)+$")


def _place_goes_on(described: str, subject: str) -> bool:
    """Whether `subject` after "DESCRIPTION, " finishes the place the description ends in
    ("in Washington, D.C.", "in Dallas, Texas", "in Greenbelt, Maryland"), not a name in
    apposition ("a professor at Harvard, Jane Doe"): one word or a place's name after it."""
    words = subject.split()
    place = len(words) == 1 or words[0].lower() in PLACE_STARTS
    return place and bool(ENDS_IN_PLACE.search(described))


def _after_quote(sentence: str, context: str, titles: dict[str, str] | None) -> Attribution | None:
    """ "'...,' he told GB News." and "'...,' said Mrs Badenoch.": the speaker after the quote."""
    if not QUOTE_FIRST.match(sentence):
        return None
    close = QUOTE_CLOSE.search(sentence)
    if not close:
        return None
    tail = sentence[close.end() :]
    found = AFTER_QUOTE.match(tail)
    if not found:
        verb = SPEECH_VERB.match(tail)
        if verb is None:
            return _long_apposition(tail, context, titles)
        return _said_described(tail, verb.end() + 1, context, titles)
    speaker = found.group("speaker1") or found.group("speaker2")
    apposed = found.group("apposed")
    if apposed and speaker.split()[0].lower() in ARTICLES and PERSON_NAME.fullmatch(apposed):
        speaker = apposed  # "the assailant, John McGraw, told"
    resolved = _resolve(speaker, context, titles)
    if resolved is None and speaker.split()[0].lower() in INDEFINITE:
        resolved = _description(speaker, "", titles)  # "one Trump campaign source said"
    return Attribution(
        speaker=resolved,
        venue=found.group("venue"),
        phrase=tail[: found.end()].strip(),
    )


# "'...,' lead author Ana Lopes, a geologist at the Polar Center in Greenbelt, Maryland, and
# Lake University, said in a statement.": a name, a long apposition with places in it, and the
# speech verb that ends the sentence.
LONG_APPOSITION = re.compile(
    rf"(?P<speaker>(?:{DESCRIBED})??{PERSON}),\s(?P<apposition>[^;:!?\"“”]{{3,240}}),\s+"
    rf"(?:{VERB_ALTERNATION})(?:\s+(?:in|on|to)\s[^,;:!?\"“”]{{1,40}})?\s*[.!]?\s*$"
)


def _long_apposition(tail: str, context: str, titles: dict[str, str] | None) -> Attribution | None:
    """The name after a quote with an apposition of several commas before its verb, where no
    part of the apposition is another person ("Kurt Volker, the former envoy, and Tim Morrison,
    said" is two speakers)."""
    found = LONG_APPOSITION.match(tail)
    if found is None:
        return None
    for part in found.group("apposition").split(","):
        words = part.split()
        if words and words[0] == "and":
            words = words[1:]
        if words and speaker_kind(_person(" ".join(words), titles)) == "Person":
            return None
    speaker = _resolve(found.group("speaker"), context, titles)
    return Attribution(speaker=speaker, phrase=tail.strip()) if speaker else None


def _said_described(
    text: str, at: int, context: str, titles: dict[str, str] | None
) -> Attribution | None:
    """The speaker described right after a speech verb ending before `at`: the name in apposition
    ("said the company's chief executive, John J. Ferriola"), else the description as the
    article gives it ("said a longtime adviser to Trump", "said one Trump confidant"), or the
    office's holder or organisation it names ("said the Pentagon")."""
    found = SAID_DESCRIBED.match(text, at)
    if found is None:
        return None
    phrase = text[: found.end()].lstrip(",”“\"’' ")
    if found.group("name"):
        speaker = _resolve(found.group("name"), context, titles)
        return Attribution(speaker=speaker, phrase=phrase) if speaker else None
    if found.group("role_name"):  # "said another witness, former Russia adviser Fiona Hill"
        name = found.group("role_name")
        return (
            Attribution(speaker=_person(name, titles), phrase=phrase)
            if _looks_like_person(name)
            else None
        )
    speaker = _description(found.group("described"), found.group("tail") or "", titles)
    return Attribution(speaker=speaker, phrase=phrase) if speaker else None


def _description(described: str, tail: str, titles: dict[str, str] | None) -> str | None:
    """An unnamed speaker described after a speech verb ("a 2008 Clinton veteran", "one former
    GOP leadership aide"); an office the article pairs with a name is that name, a capitalised
    one an organisation or a person ("the Pentagon"); a description opened by "his" or "her"
    names no one."""
    words = described.split()
    first = words[0].lower()
    if first in POSSESSIVE_PRONOUNS or not NOT_IN_SUBJECT.isdisjoint(
        word.lower() for word in words[1:]
    ):
        return None
    if words[-1][:1].isupper() or not words[-1].isalpha():
        if first in ARTICLES or words[0].endswith(POSSESSIVE):
            return _determined(described, titles, plain=True)
        return None
    if not DESCRIBED_HEAD.fullmatch(words[-1].lower()):
        return None
    rest = " ".join(words[1:])
    if first == "the":
        return (titles or {}).get(rest.lower(), "the " + rest + tail)
    return (first if first in ARTICLES else words[0]) + " " + rest + tail


# Capitalised words that make a name an organisation's ("Scotland Yard", "Pew Research Center").
ORGANISATION_WORDS = ORGANISATION_NOUNS | word_set(
    "institute university college school yard bank group association union foundation centre "
    "center corporation company inc corp ltd llc news times post journal press network "
    "television radio poll polls survey organization organisation board bureau federation "
    "league coalition alliance fund trust society club house kremlin parliament congress senate "
    "pentagon nato un eu fbi cia "
    # publications and outlets, never a person ("Daily Mail", "Washington Examiner", "Al Jazeera")
    "mail telegraph guardian examiner tribune herald gazette observer independent express mirror "
    "sun standard chronicle courier inquirer today magazine weekly daily review register bulletin "
    "dispatch monitor spiegel monde jazeera politico axios reuters breitbart newsmax "
    "wire report reporter star globe record nation atlantic economist"
)
# Words that make a speaker a description of someone unnamed ("Home Office spokesperson").
UNNAMED = OFFICES | word_set(
    "source sources aide aides adviser advisers officials spokesmen people person man woman "
    "resident residents analyst analysts expert experts member members staff witness"
)


def speaker_kind(speaker: str) -> str | None:
    """The schema.org type of a speaker: "Person" for a named person ("Keir Starmer", "Mr
    Lammy"), "Organization" for an organisation ("the Kremlin", "Scotland Yard", "ACLU"), and
    None when the speaker names no one for sure: an office or description ("the former Prime
    Minister", "a Home Office spokesperson"), a lone word that may be either ("Apple", "Clinton"),
    a bare title ("Mr") or possessive ("Ms Truss's"), a place ("New York"), several speakers
    ("the Kremlin and Nato")."""
    words = [word.strip(".,;:'’\"") for word in speaker.split()]
    words = [word for word in words if word]
    if not words or "and" in words or "&" in words or speaker.rstrip().endswith(POSSESSIVE):
        return None
    lowered = [word.lower() for word in words]
    if lowered[0] in INDEFINITE:
        return None
    determined = lowered[0] in ARTICLES or words[0].endswith(POSSESSIVE)
    head = next((i for i, word in enumerate(lowered) if word in CONNECTORS), len(words)) - 1
    if (
        determined
        and head > 0
        and words[head].islower()
        and (lowered[head] not in ORGANISATION_WORDS or DOCUMENT_WORD.fullmatch(lowered[head]))
    ):
        return None  # a description ("the presumptive Republican nominee", "the April poll")
    capitals = [word for word in words[1 if determined else 0 :] if word[:1].isupper()]
    if lowered[0] in ARTICLES and not capitals:
        return None  # no name: "the union", "the report"
    if lowered[-1] in UNNAMED or lowered[-1] in RANKS:
        return None
    if not ORGANISATION_WORDS.isdisjoint(lowered):
        return "Organization"
    if determined:
        return "Organization" if capitals and RANKS.isdisjoint(lowered) else None
    if len(words) == 1:
        return "Organization" if len(words[0]) > 1 and words[0].isupper() else None
    if len(capitals) != len(words) and not all(
        w[:1].isupper() or w in NAME_PARTICLES for w in words
    ):
        return None
    if lowered[0] in PLACE_STARTS:
        return None
    return "Person"


NAME_PARTICLES = word_set("de van von der al bin da di du la le")
INDEFINITE = word_set("a an one another")
# First words of place names, never of a person's ("New York", "South Carolina").
PLACE_STARTS = word_set("new north south east west united great saudi los las san santa st fort")
