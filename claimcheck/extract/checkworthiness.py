"""How much a sentence is worth checking, in 0..1, with the reasons that produced the score.

A logistic regression over words, word pairs and the cues a fact-checker looks for (figures,
dates, comparisons, first person, modal verbs, questions), trained on the ClaimBuster debate
sentences by scripts/train_checkworthiness.py and shipped as claimcheck/data/checkworthiness.json.
The features depend on this module alone, so the shipped file is reproducible from the data.
It is applied here in plain Python, so the extractor needs no numpy. The vocabulary is explicit
rather than hashed so that a reason can quote the word that moved the score. Debate transcripts
have no attributions or quotation marks, so those two cues carry hand-set weights, stored in the
same file beside the learnt ones; so do the cues of the writer's voice in an article (Signals.
narration), which speech has none of.
"""

from __future__ import annotations

import json
import math
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from itertools import chain, compress, pairwise
from pathlib import Path
from typing import Any, NamedTuple

import Stemmer

# Comparatives and superlatives (any word ending in -est). Branches grouped by first letter:
# Python's re tries every branch of a flat alternation at every word, and this is 2-3x faster.
COMPARISON = re.compile(
    r"\b(?=[bcdefhlmnorstw])(?:b(?:igger|etter)|compared (?:with|to)|doubled?|ever|f(?:ewer|irst)|"
    r"h(?:alf as|igher)|l(?:east|ess|ower|arger)|mo(?:re|st)|never|o(?:nly|utpaced|vertook)|"
    r"record|smaller|t(?:han|wice|ripled)|wors[et])\b|\Best\b",
    re.IGNORECASE,
)

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|\d+(?:[.,]\d+)*")
_MONTH_MAY = re.compile(r"(?<=[\w,] )May\b|\bMay (?=\d)")
_MODAL_MAY = re.compile(r"\bmay\b")
# A capital that opens a word ("I" only when a longer word), the capital first so that re can
# skip ahead to it.
_NAME = re.compile(r"[A-HJ-Z](?<![\w'’][A-HJ-Z])|I(?<![\w'’]I)\w")

# An ASCII sentence's words are read in chunks, the runs of the characters _TOKEN's words are
# made of, cut at C speed by bytes.translate and split: its words never cross a chunk's end, so
# the pattern runs once per distinct chunk rather than over every sentence (Python's re takes
# some 400 machine instructions a character). Table: the bytes of a chunk stay, all others
# become spaces.
_TOKEN_BYTES = bytes(c if re.fullmatch(r"[a-z0-9'.,]", chr(c)) else 32 for c in range(256))


def _name_mark(code: int) -> int:
    """What _NAME asks of an ASCII character: A a capital but I, I, a any other word character;
    an apostrophe stays, anything else is a space. In a sentence so marked, behind a space,
    _NAME finds a name where a run of word characters and apostrophes opens with A, or with I
    and another word character."""
    char = chr(code)
    if code >= 128 or not re.fullmatch(r"\w", char):
        return code if char == "'" else 32
    if char == "I" or not "A" <= char <= "Z":
        return code if char == "I" else ord("a")
    return ord("A")


_NAME_MARKS = bytes(map(_name_mark, range(256)))
_NAME_OPENINGS = (b" A", b" IA", b" II", b" Ia")


_OPENING = " '\"‘“(["


def _word_set(words: str) -> frozenset[str]:
    return frozenset(map(sys.intern, words.split()))


# Words, stems and the model's keys are interned strings: a set or dict that holds one finds it
# by identity, without comparing its text.
_NUM, _YEAR, _MONTH, _START = map(sys.intern, ("<num>", "<year>", "<month>", "<s>"))


_FIRST_PERSON = _word_set("i i'm i've i'd i'll me my myself mine")
_WE = _word_set("we we're we've we'll we'd us our ours ourselves")
_YOU = _word_set("you you're you've you'll you'd your yours yourself")
_MODAL = _word_set(
    "should would could might may must can will shall ought won't can't cannot wouldn't "
    "couldn't shouldn't"
)
_COMPARATIVE = _word_set(
    "most least highest lowest largest smallest biggest best worst record fastest slowest more "
    "less fewer higher lower larger smaller bigger better worse than twice double doubled tripled "
    "outpaced overtook first only never ever"
)
_NOT_SUPERLATIVE = _word_set(
    "interest request protest forest honest modest suggest harvest arrest contest invest digest "
    "manifest conquest guest quest chest rest west test nest attest detest unrest earnest inquest "
    "priest behest midwest"
)
_OPINION_WORDS = _word_set(
    "think believe feel hope wonderful terrible great amazing good bad please thanks"
)


def _pair_set(pairs: str) -> frozenset[tuple[str, ...]]:
    """Word pairs of stems, comma-separated, as the scorer reads them: tuples of two stems."""
    return frozenset(tuple(map(sys.intern, pair.split())) for pair in pairs.split(","))


# Word pairs as stemmed pair features ("compar with" is "compared with").
_OPINION_PAIRS = _pair_set("thank you,let me,i want,we must,we need,would like,we should")
_COMPARING_PAIRS = _pair_set("compar with,compar to,half as")
_MONTHS = _word_set(
    "january february march april june july august september october november december"
)
_DATE_WORDS = _word_set(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tonight tomorrow "
    "ago <year>"
)
_DATE_PAIRS = _pair_set("last week,last month,last year,this week,this year")
# Claim structure, which carries from debates to fact-checked statements: a subject with a
# copula, causal or identity predicate ("The vaccine causes autism.", "The Earth is flat.").
_COPULA = _word_set("is are was were isn't aren't wasn't weren't has have had hasn't haven't")
_CAUSAL = _word_set(
    "cause causes caused causing lead leads led linked responsible kill kills killed prevent "
    "prevents prevented cure cures cured increase increases increased reduce reduces reduced "
    "invented created banned allowed voted supported opposed"
)
# "X is only the second ...", "the first ... to ...": identity claims by rank
_RANKS = _word_set("only first second third fourth fifth last sole")
# Spans of time ("four years", "20 months"): a figure, but "Less than four years ago." claims
# nothing, so a sentence whose figures are all spans of time does not get the figure cue, and a
# short one made of time words alone, or spoken by "I", "we" or "you", is a bare time phrase (a
# hand-set penalty: debates have too few to learn from).
_TIME_UNITS = _word_set(
    "second seconds minute minutes hour hours day days week weeks month months year years "
    "decade decades century centuries"
)
_COUNT_WORDS = _word_set(
    "<num> a one two three four five six seven eight nine ten eleven twelve fifteen twenty "
    "thirty forty fifty hundred hundreds several few couple many"
)
_PERSONAL = _FIRST_PERSON | _WE | _YOU
# Words too common to explain a score to a reader: they still count, but are not quoted.
_STOPWORDS = _word_set(
    "<s> a an the to of in on at by for from with and or but if as is are was were be been being "
    "it its this that these those there here he she they them his her their who which what when "
    "do does did have has had not no so than then too very just also about into over up out"
)
# Words that only count as part of a figure ("3.9 per cent"): quoted alone they explain nothing.
_FIGURE_WORDS = _word_set("per cent percent")
_CUE_WORDS = (
    _DATE_WORDS | _OPINION_WORDS | _PERSONAL | _MODAL | _COPULA | _CAUSAL | _RANKS | _TIME_UNITS
)
# The words a bare time phrase is made of ("Less than four years ago.")
_TIME_PHRASE = (
    _STOPWORDS
    | _COMPARATIVE
    | _COUNT_WORDS
    | _TIME_UNITS
    | _word_set("ago later earlier since almost nearly within after before next past last now")
)
_STEMMER = Stemmer.Stemmer("english")


class _Memo(dict):
    """Values worked out on first sight by `compute` and kept (a dict subclass, so that a hit
    costs no Python call); cleared when it grows past `limit`."""

    def __init__(self, compute: Callable[[Any], Any], limit: int = 100_000) -> None:
        super().__init__()
        self.compute = compute
        self.limit = limit

    def __missing__(self, key: Any) -> Any:
        if len(self) >= self.limit:
            self.clear()
        value = self[key] = self.compute(key)
        return value


def _stem(word: str) -> str:
    if word[0] == "<":
        return word
    return _MONTH if word in _MONTHS else sys.intern(_STEMMER.stemWord(word))


_STEMS = _Memo(_stem)
_QUESTION_END = " '\"’”)"
# A sales pitch: an imperative to buy ("Save $31 if you ...", "Use code X to get it for $799",
# "Score the watch for the lowest price ever") in a sentence that speaks of money or a deal.
_PITCH = re.compile(
    r"[\s'\"‘“(\[]*(?:save|buy|shop|grab|snag|score|order|pre-?order|use (?:the )?code|pick up"
    r"|get (?:it|yours|one|them)|treat yourself)\b",
    re.IGNORECASE,
)
# A shop's listing, in its title case: "45% Off 65in TV, Now $549", "… for $139 (Originally $159)",
# or a line that a price closes, with no full stop: "Acme 27in Monitor with Stand for $199.99";
# a magazine's offer: "6 issues for £9.99"
_LISTING = re.compile(
    r"\d% Off\b|\((?:Originally|Was|Reg\.?) [$£€]|\bPrice Drop\b|\bNow [$£€]\d"
    r"|\bfor [$£€]\d[\d,]*(?:\.\d+)?$|\b\d+ issues for [$£€]\d|\bBuy Now\b"
)
_PRICE = re.compile(
    r"[$£€¥]\s?\d|\d\s?%\s*off\b|\b(?:price|deal|discount|code|coupon|sale)\b", re.IGNORECASE
)
_SENTENCE_END = (".", "!", "?", "…")
# The writer's "I", "me", "my": a capitalised "Me" or "My" inside a sentence is a title's ("Call
# Me a Liar", "My Family Divided"), and an "I" between full stops an initial ("F.B.I.").
_WRITER_SELF = re.compile(
    r"(?<![\w.])I(?:['’](?:m|ve|d|ll))?(?![\w.])|\b(?:me|my|myself)\b|^[\s'\"‘“(\[]*My\b"
)
# "War I", not "When I" (a capital that opens the sentence)
_AFTER_NAME = re.compile(r"\w\W+[A-Z]\w* $")
# The writer pointing to what follows: "Here are the highlights:", "Here's why …", "The
# following chart shows …", "Below are my rankings …"
_SIGNPOST = re.compile(
    r"[\s'\"‘“(\[]*(?:Here(?:['’]s| is| are)|Below (?:is|are)|The following|See below|Read on)\b"
)
_COLON = re.compile(r":\s")
_CLOSING = " '\"’”)]"
_CLOSING_QUOTES = "'\"’”"
_OPENING_QUOTES = "'\"‘“"
# How a finished sentence or clause ends ("Germany pledges to expand its military;" in a list
# of headlines is one)
_FINISHED = (*_SENTENCE_END, ";")
# A sentence that opens with an instruction: "Don't …", "Let's …", or a verb in its base form
# (no -s, -ed, -ing or -ly) with the reader's or the writer's things as its object ("Start your
# day …", "Check out our picks …", "Try it …") or a span of time as its measure ("Rest 2–3
# minutes …", "Water every 4 days"); not a preposition, conjunction, adverb or question word
# before the same words ("With your help …", "If it rains …"). One that a colon follows goes on
# to say something ("Consider this: the city spent …"): it is read as before.
_INSTRUCTION = re.compile(
    r"[\s'\"‘“(\[]*(?:(?:Don['’]t|Do not|Let['’]s|Please) \w"
    r"|(?!(?:About|After|Again|Against|All|Almost|Along|Also|Among|And|Another|Around|As|At|"
    r"Because|Before|Behind|Beyond|Both|But|By|Can|Could|Despite|Did|Do|During|Each|Even|Every|"
    r"Fewer|First|For|From|Had|Half|Have|Hence|Here|How|However|If|In|Indeed|Instead|Into|Just|"
    r"Last|Later|Less|Like|Many|May|Maybe|Meanwhile|Might|More|Most|Must|Next|None|Not|Now|Of|"
    r"On|Once|Only|Or|Otherwise|Over|Past|Perhaps|Several|Shall|Should|Since|So|Some|Soon|Still|"
    r"Sure|Than|That|Then|There|Therefore|Though|Through|Thus|To|Today|Under|Unless|Unlike|"
    r"Until|Up|Upon|What|Whatever|When|Whenever|Where|Whether|Which|While|Who|Why|Will|With|"
    r"Within|Without|Would|Yet|Yesterday)\b)"
    r"[A-Z][a-z]+(?<![^s]s)(?<!ed)(?<!ing)(?<!ly) "
    r"(?:your|yourself|yourselves|our|it|them|me|us|out|every"
    r"|\d+(?:[–-]\d+)? (?:seconds|minutes|hours|days|weeks|times))\b)"
)
# A fragment cut from its sentence by the page (a link's text, an inline widget): it opens with
# a comma, semicolon or closing bracket, or with a word in lower case ("since their inception
# in 2016."), not a name's particle ("de Blasio said", "von der Leyen") nor a brand written
# with a capital inside ("iPhone sales rose", "eBay said").
_FRAGMENT = re.compile(
    r"\s*(?:[,;:)\]]|(?!(?:(?:de|da|di|du|der|den|van|von|le|la|al|el|bin|ibn|ter|ten) )+[A-Z])"
    r"[a-z](?![\w'’-]*[A-Z]))"
)
# Small words a name or a title may hold in lower case ("Bank of America", "Lord of the Rings")
_TITLE_SMALL_WORDS = _word_set(
    "of and the for in on at to a an by with de du da di van von der & - – —"
)
# An item of a tally, a list of counts with no verb (a recipe's "1 cup rice, 8 oz. milk", a
# player's stats "1 sack, 2 QH"): a count, then a word, after an optional "or", "and", "plus"
_TALLY_SPLIT = re.compile(r"[,;()\[\]]|[.:]\s+(?=[A-Z0-9½¼¾⅓⅔⅛])")
_COUNT_ITEM = re.compile(r"(?:or |and |plus )?(?:\d+(?:[.,/]\d+)?|[½¼¾⅓⅔⅛])\s?[^\W\d]")
_COUNT_MARKS = "0123456789½¼¾⅓⅔⅛"
_FACT_FIGURE = re.compile(r"[$£€¥%]|\bper ?cent\b|\bpercent\b")
# A field of a card ("Tested by: … RRP: £23.99 More info: …"): a label of up to three words,
# the first capitalised, then a colon, set close or spaced ("Adult : $12 Child : $6")
_FIELD = re.compile(r"(?:^|(?<=\s))[A-Z][\w'’-]*(?: [\w'’-]+){0,2} ?:\s")
# An interview's question, set as "Q: …" or "Q. …"
_INTERVIEW_QUESTION = re.compile(r"[\s'\"‘“(\[]*Q[:.]\s")

CUE_REASONS = {
    "c:number": "figures",
    "c:year": "figures",
    "c:dated": "refers to a date or time",
    "c:attributed": "attributed to a named source",
    "c:quoted": "contains a quotation",
    "c:comparison": "makes a comparison or superlative",
    "c:names": "names people, places or organisations",
    "c:opinion": "reads as opinion or exhortation",
    "c:question": "is a question",
    "c:exclamation": "is an exclamation",
    "c:short": "too short to state a fact",
    "c:first_person": "speaks in the first person",
    "c:we": "speaks for 'we'",
    "c:you": "addresses 'you'",
    "c:modal": "speaks of what could or should be",
    "c:predicate": "states what something is or does",
    "c:named_predicate": "says what a named person, place or body is or did",
    "c:causal": "claims a cause or effect",
    "c:rank": "claims a rank ('only', 'first', 'second')",
    "c:time_span": "its figures are only spans of time",
    "c:bare_time": "only a span of time, no claim",
    "c:heading": "a heading or label, not a sentence",
    "c:short_claim": "short, but states what something is or does",
    "c:promo": "a sales pitch, not a claim",
    "c:writer_first_person": "the writer speaks of themselves",
    "c:writer_exclaims": "the writer exclaims",
    "c:writer_asks": "the writer asks a question",
    "c:instruction": "tells the reader what to do",
    "c:signpost": "points the reader to what follows",
    "c:unfinished": "no sentence: a headline, list item or caption",
    "c:fragment": "a piece of a sentence, not a sentence",
    "c:name_line": "a name or title alone",
    "c:tally": "a list of counts (a recipe, a table's row)",
    "c:fields": "a card of labelled fields",
}
WORD_SCALE = 2.0
MAX_REASONS = 5
_NEGLIGIBLE = 0.1
MIN_REASON_WEIGHT = 0.2


@dataclass(frozen=True)
class Signals:
    """What the extractor found in the sentence. Its quantities and dates also set the figure and
    date cues (training sees sentences alone and finds those by their words, so the model does
    not change when the quantity finder does); attribution and quotation have hand-set weights.
    `narration`: the sentence with its quotations blanked out when it was read from written
    text (an article), the writer's own words; None for speech (debates, fact-checked
    statements), where an "I" or an exclamation is the speaker's. The cues of the writer's
    voice read from it have hand-set weights too."""

    quantities: int = 0
    dates: int = 0
    attributed: bool = False
    quoted: bool = False
    narration: str | None = None


@dataclass(frozen=True)
class Model:
    """Learnt weights by feature name, the bias, and the decision threshold chosen on train.
    `lookup` and `pair_lookup` hold the same weights keyed as the scorer reads a sentence, so
    that no key is built per word: words (and cues) by the stem without its w: prefix, word pairs
    by a tuple of their two stems."""

    bias: float
    weights: dict[str, float]
    threshold: float
    lookup: dict[str, float] = field(init=False, repr=False, compare=False)
    pair_lookup: dict[tuple[str, ...], float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        lookup, pair_lookup = {}, {}
        for name, weight in self.weights.items():
            if name[:2] == "b:":
                pair_lookup[tuple(map(sys.intern, name[2:].split(" ")))] = weight
            else:
                lookup[sys.intern(name[2:] if name[:2] == "w:" else name)] = weight
        object.__setattr__(self, "lookup", lookup)
        object.__setattr__(self, "pair_lookup", pair_lookup)


def tokens(sentence: str) -> tuple[list[str], list[str], int]:
    """Lower-cased words, their stems (numbers folded to <num> and <year>, months to <month>),
    and the count of capitalised words after the first (names of people, places, organisations)."""
    lowered = sentence.lower().replace("’", "'")
    if lowered.isascii():
        chunks = lowered.encode().translate(_TOKEN_BYTES).split()
        words = list(chain.from_iterable(map(_CHUNK_WORDS.__getitem__, chunks)))
    else:
        words = [_number(word) if word[0].isdigit() else word for word in _TOKEN.findall(lowered)]
    stems = list(map(_STEMS.__getitem__, words))
    if "may" in words and _MONTH_MAY.search(sentence) and not _MODAL_MAY.search(sentence):
        # the month, not the verb: kept capitalised so that no cue reads it as a modal
        words = ["May" if word == "may" else word for word in words]
        stems = [_MONTH if w == "May" else stem for w, stem in zip(words, stems, strict=True)]
    apostrophes = sentence.replace("’", "'")  # the same to _NAME
    if apostrophes.isascii():
        marked = b" " + apostrophes.encode().translate(_NAME_MARKS)
        names = sum(map(marked.count, _NAME_OPENINGS))
    else:
        names = len(_NAME.findall(sentence))
    if names and sentence.lstrip(_OPENING)[:1].isupper():
        names -= 1
    return words, stems, names


def _number(token: str) -> str:
    return _YEAR if len(token) == 4 and token[:2] in ("18", "19", "20") else _NUM


def _chunk_words(chunk: bytes) -> tuple[str, ...]:
    words = _TOKEN.findall(chunk.decode())
    return tuple(_number(w) if w[0].isdigit() else sys.intern(w) for w in words)


_CHUNK_WORDS = _Memo(_chunk_words)


def features(sentence: str, signals: Signals) -> dict[str, float]:
    """The model's inputs for one sentence: stemmed words (w:) and word pairs (b:), scaled so
    that long sentences do not outvote short ones, and cues (c:)."""
    read = _read(sentence, signals)
    scale = read.scale
    return (
        {"w:" + stem: scale for stem in read.stems_seen}
        | {"b:" + " ".join(pair): scale for pair in read.pairs}
        | read.cues
    )


class _Reading(NamedTuple):
    """One sentence as the model sees it: its distinct stems and stem pairs (keyed as in
    Model.lookup and Model.pair_lookup), the value they share, and cues. A NamedTuple: one is
    built per sentence, and a frozen dataclass takes several times as long to build."""

    stems_seen: dict[str, None]
    pairs: dict[tuple[str, str], None]
    scale: float
    cues: dict[str, float]
    words: list[str]
    stems: list[str]


def _read(sentence: str, signals: Signals) -> _Reading:
    words, stems, names = tokens(sentence)
    seen = dict.fromkeys(stems)
    pairs = dict.fromkeys(zip([_START, *stems], stems, strict=False))
    found: dict[str, float] = {}
    present = set(words)
    # the cue words present, usually none or a few: the checks below test this small set
    cued = present & _CUE_WORDS
    spans = 0 if _TIME_UNITS.isdisjoint(cued) else _time_spans(words)
    if spans:  # figures besides the spans of time, counted alike in training and at run time
        figures = max(signals.quantities, words.count("<num>"))
        found["c:number" if figures > spans else "c:time_span"] = 1.0
    elif signals.quantities or "<num>" in present:
        found["c:number"] = 1.0
    if "<year>" in present:
        found["c:year"] = 1.0
    if (
        signals.dates
        or "<month>" in seen
        or not _DATE_WORDS.isdisjoint(cued)
        or not pairs.keys().isdisjoint(_DATE_PAIRS)
    ):
        found["c:dated"] = 1.0
    if signals.attributed:
        found["c:attributed"] = 1.0
    if signals.quoted:
        found["c:quoted"] = 1.0
    if _compares(sentence, present, pairs):
        found["c:comparison"] = 1.0
    if names:
        found["c:names"] = min(names, 4) / 2
    if not _OPINION_WORDS.isdisjoint(cued) or not pairs.keys().isdisjoint(_OPINION_PAIRS):
        found["c:opinion"] = 1.0
    ending = sentence.rstrip(_QUESTION_END)
    if ending.endswith("?"):
        found["c:question"] = 1.0
    elif ending.endswith("!"):
        found["c:exclamation"] = 1.0
    if not _FIRST_PERSON.isdisjoint(cued):
        found["c:first_person"] = 1.0
    if not _WE.isdisjoint(cued):
        found["c:we"] = 1.0
    if not _YOU.isdisjoint(cued):
        found["c:you"] = 1.0
    if not _MODAL.isdisjoint(cued):
        found["c:modal"] = 1.0
    personal = not _PERSONAL.isdisjoint(cued)
    if not personal:
        _structure(found, cued, names)
    length = len(words)
    if "c:time_span" in found and length < 8 and (_TIME_PHRASE.issuperset(present) or personal):
        found["c:bare_time"] = 1.0
    if length < 6 and "c:predicate" in found:  # "The Earth is flat.": short, yet a claim
        found["c:short_claim"] = 1.0
    elif length < 6:
        found["c:short"] = 1.0
        if not ending.endswith(_SENTENCE_END):  # "Post-Workout Meal", "Buy Now"
            found["c:heading"] = 1.0
    if (_PITCH.match(sentence) and _PRICE.search(sentence)) or _is_listing(sentence):
        found["c:promo"] = 1.0
    if signals.narration is not None:
        _writer_voice(found, sentence, signals, length)
    found["c:length"] = min(length, 40) / 20
    scale = WORD_SCALE / math.sqrt(len(seen) + len(pairs) or 1)
    return _Reading(seen, pairs, scale, found, words, stems)


def _is_listing(sentence: str) -> bool:
    # the words every listing pattern holds, looked for first: a search of the pattern over
    # every sentence cost more than the rest of this function
    return (
        "Off" in sentence
        or "Drop" in sentence
        or "Now " in sentence
        or "(" in sentence
        or "issues for" in sentence
        or "Buy Now" in sentence
        or sentence[-1:].isdigit()
    ) and _LISTING.search(sentence) is not None


def _writer_voice(found: dict[str, float], sentence: str, signals: Signals, length: int) -> None:
    """Cues of written text that is no claim: the writer's own "I", question or exclamation (a
    review, a column), an instruction to the reader or a pointer to what follows, and a line
    that is no finished sentence: one that leads in to what follows ("… include:"), or has no
    closing stop (a headline, a list item, a caption) unless it says what something is or does
    ("X is the second …", a claim pasted without its full stop) or ends a quotation. None of
    them is read inside a quotation."""
    narration = signals.narration or ""
    # a double quotation mark left in the writer's words belongs to a quotation that runs over
    # from the sentence before or on to the next: its "I" is the speaker's
    stray_quote = '"' in narration or "“" in narration or "”" in narration
    if not (signals.attributed or stray_quote) and _writer_speaks_of_self(narration):
        found["c:writer_first_person"] = 1.0
    last_mark = narration.rstrip(_CLOSING)[-1:]
    if last_mark == "!":
        found["c:writer_exclaims"] = 1.0
    elif last_mark == "?":
        found["c:writer_asks"] = 1.0
    if _INSTRUCTION.match(narration) and not _COLON.search(narration):
        found["c:instruction"] = 1.0
    if _SIGNPOST.match(narration):
        found["c:signpost"] = 1.0
    if _INTERVIEW_QUESTION.match(narration):
        found["c:writer_asks"] = 1.0
    if _FRAGMENT.match(sentence):
        found["c:fragment"] = 1.0
    if "c:short" in found and _is_name_line(sentence):
        found["c:name_line"] = 1.0
    if _is_tally(sentence):
        found["c:tally"] = 1.0
    if narration.count(":") >= 2 and len(_FIELD.findall(narration)) >= 2:
        found["c:fields"] = 1.0
    bare = sentence.rstrip(_CLOSING)
    if bare.endswith(":") or (
        not bare.endswith(_FINISHED)
        and length >= 6
        and "c:predicate" not in found
        and not _ends_quoting(sentence)
    ):
        found["c:unfinished"] = 1.0


def _is_name_line(sentence: str) -> bool:
    """A short line of capitalised words and figures alone: a name or a title set as a line of
    its own ("Galaxy Note 10.", "THE ACME COMPANY INC.", "Meal 2"), no sentence."""
    words = sentence.strip(" .").split()
    return any(word[0].isalpha() for word in words) and all(
        word[0].isupper() or word[0].isdigit() or word in _TITLE_SMALL_WORDS for word in words
    )


def _is_tally(sentence: str) -> bool:
    """Three counts or more and nothing else but a label before them: "Fruit salad (1 cup
    grapes, ½ cup oats, 2 tsp. honey)", "2 tackles (1 solo). 1 sack, 3 QH." Not a list of
    percentages or money, which news gives as facts ("Results: 52% Smith, 45% Jones, …")."""
    if sum(map(sentence.count, _COUNT_MARKS)) < 3:  # too few figures: skips the split, cheaply
        return False
    items = [item.strip() for item in _TALLY_SPLIT.split(sentence.rstrip(" .")) if item.strip()]
    if items and not _COUNT_ITEM.match(items[0]) and not any(c.isdigit() for c in items[0]):
        items = items[1:]  # the label: "Tomato Salad (…"
    counts = sum(1 for item in items if _COUNT_ITEM.match(item))
    return counts >= 3 and counts == len(items) and not _FACT_FIGURE.search(sentence)


def _ends_quoting(sentence: str) -> bool:
    """A sentence that ends with a quotation of four words or more: they are someone's, whose
    full stop a caption or a headline may leave out ("… told the council: 'We will not yield
    an inch'"); not a quoted term ("… by saying “Hey Siri”")."""
    stripped = sentence.rstrip()
    if stripped[-1:] not in _CLOSING_QUOTES:
        return False
    opened = max(stripped.rfind(mark, 0, len(stripped) - 1) for mark in _OPENING_QUOTES)
    return opened >= 0 and len(stripped[opened:].split()) >= 4


def _writer_speaks_of_self(narration: str) -> bool:
    """An "I", "me" or "my" of the writer's: not the numeral of "World War I" or "Phase I", nor
    one after a colon, which gives someone's words ("Rubio: I still believe …", "A: I came …")."""
    before_colon = _COLON.split(narration, maxsplit=1)[0]
    for mark in _WRITER_SELF.finditer(before_colon):
        if mark[0][0] != "I" or not _AFTER_NAME.search(before_colon, 0, mark.start()):
            return True
    return False


def _time_spans(words: list[str]) -> int:
    """How many figures are spans of time: a count word, then a unit of time."""
    return sum(
        1 for count, unit in pairwise(words) if unit in _TIME_UNITS and count in _COUNT_WORDS
    )


def _structure(found: dict[str, float], cued: set[str], names: int) -> None:
    """Cues of a claim's shape: a third-person statement whose predicate is a copula, a cause,
    or an identity by rank; stronger with a named subject. `cued`: its words in _CUE_WORDS."""
    if "c:question" in found:
        return
    copula = not _COPULA.isdisjoint(cued)
    causal = not _CAUSAL.isdisjoint(cued)
    if not (copula or causal):
        return
    found["c:predicate"] = 1.0
    if causal:
        found["c:causal"] = 1.0
    if names:
        found["c:named_predicate"] = 1.0
    if copula and not _RANKS.isdisjoint(cued):
        found["c:rank"] = 1.0


def _compares(sentence: str, present: set[str], pairs: dict[tuple[str, str], None]) -> bool:
    if not _COMPARATIVE.isdisjoint(present) or not pairs.keys().isdisjoint(_COMPARING_PAIRS):
        return True
    if "est" not in sentence.lower():  # no word ends in -est: skips the scan of every word
        return False
    superlatives = [w for w in present if w[-3:] == "est" and len(w) > 5]
    return bool(superlatives) and not _NOT_SUPERLATIVE.issuperset(superlatives)


def load_model(path: Path | None = None) -> Model:
    """The model in `path`, or the one shipped with the package."""
    if path is None:
        raw = resources.files("claimcheck").joinpath("data/checkworthiness.json").read_text("utf-8")
    else:
        raw = path.read_text(encoding="utf-8")
    data = json.loads(raw)
    weights = {**data["weights"], **data["hand_set"]}
    return Model(bias=data["bias"], weights=weights, threshold=data["threshold"])


@cache
def shipped_model() -> Model:
    """The packaged model, read once."""
    return load_model()


def probability(model: Model, found: dict[str, float]) -> float:
    """The logistic of the weighted sum of `found` features."""
    weights = model.weights
    return _logistic(model.bias + sum(weights.get(name, 0.0) * v for name, v in found.items()))


def score(
    sentence: str, signals: Signals, model: Model | None = None, *, explain_from: float = 0.0
) -> tuple[float, list[str]]:
    """Check-worthiness in 0..1 and the reasons, strongest first. Below `explain_from` the
    reasons are not worked out (the extractor drops those sentences): the list is empty."""
    model = model or shipped_model()
    read = _read(sentence, signals)
    weights = model.lookup
    scale = read.scale
    word_weights = list(map(weights.get, read.stems_seen))
    pair_weights = list(map(model.pair_lookup.get, read.pairs))
    word_hits = list(filter(None, word_weights))  # the weights of features the model knows
    pair_hits = list(filter(None, pair_weights))
    total = model.bias + scale * sum(word_hits + pair_hits)
    cues = [(name, weights[name] * value) for name, value in read.cues.items() if name in weights]
    for _, term in cues:
        total += term
    probability = _logistic(total)
    if probability < explain_from:
        return probability, []
    # the features that move the score notably, summed by the reason they count towards
    grouped: dict[str, float] = {}
    bound = _NEGLIGIBLE / scale
    for groups, keys, found, hits in (
        (_GROUPS, read.stems_seen, word_weights, word_hits),
        (_PAIR_GROUPS, read.pairs, pair_weights, pair_hits),
    ):
        # (key, weight) of the known features whose weight is at least `bound` either way,
        # picked out by C-level iterators: a Python loop over every feature costs more
        strong = map(bound.__le__, map(abs, hits))
        for key, weight in compress(zip(compress(keys, found), hits, strict=True), strong):
            group = groups[key]
            if group is not None:
                grouped[group] = grouped.get(group, 0.0) + weight * scale
    for name, term in cues:
        if term >= _NEGLIGIBLE or term <= -_NEGLIGIBLE:
            group = _GROUPS[name]
            if group is not None:
                grouped[group] = grouped.get(group, 0.0) + term
    return probability, _reasons(grouped, read.words, read.stems, signals)


def _logistic(total: float) -> float:
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, total))))


def _reasons(
    grouped: dict[str, float], words: list[str], stems: list[str], signals: Signals
) -> list[str]:
    """The reasons, strongest first, from the weight their notable features add up to in
    `grouped` (see _group): cues by what they mean, words quoted as the sentence wrote them;
    figures (numbers, years, quantities) are one reason, and dates (months, dated words)
    another."""
    ranked = sorted([(-abs(weight), key, weight) for key, weight in grouped.items()])
    # the strongest come first, so those strong enough to show are a prefix of `ranked`
    shown = [item for item in ranked[:MAX_REASONS] if item[0] <= -MIN_REASON_WEIGHT]
    return [_reason(key, weight, words, stems, signals) for _, key, weight in shown or ranked[:1]]


def _group(name: str) -> str | None:
    """The reason a feature counts towards, or None for one not worth quoting to a reader."""
    if name[:2] == "c:":
        return CUE_REASONS.get(name)  # length: part of every sentence's baseline, not a reason
    words = name.split()
    if "<num>" in name or "<year>" in name or not _FIGURE_WORDS.isdisjoint(words):
        return "figures"
    if "<month>" in name:
        return CUE_REASONS["c:dated"]
    if _STOPWORDS.issuperset(words):
        return None
    return ("b:" if len(words) == 2 else "w:") + name


_GROUPS = _Memo(_group)


def _pair_group(pair: tuple[str, str]) -> str | None:
    return _group(" ".join(pair))


_PAIR_GROUPS = _Memo(_pair_group)


def _reason(key: str, weight: float, words: list[str], stems: list[str], signals: Signals) -> str:
    if key == "figures":
        return f"states {signals.quantities or sum(1 for w in words if w[0] == '<')} figure(s)"
    if key[1] != ":":
        return key
    if key[0] == "w":
        said = f"says '{words[stems.index(key[2:])]}'"
    else:
        first, second = key[2:].split()
        if first == "<s>":
            said = f"opens with '{words[0]}'"
        else:
            at = _place(stems, first, second)
            said = f"says '{words[at]} {words[at + 1]}'"
    return said if weight > 0 else f"{said} (lowers the score)"


def _place(stems: list[str], first: str, second: str) -> int:
    """Where the pair of stems (always in `stems`: the feature came from them) first occurs."""
    at = stems.index(first)
    while stems[at + 1] != second:
        at = stems.index(first, at + 1)
    return at
