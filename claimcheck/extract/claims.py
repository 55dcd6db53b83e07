"""Article text in, checkable claims out: the extractor's pipeline, pure and without I/O.

sentences -> quantities, dates, quotes and attribution -> kind and check-worthiness -> repeats
linked to the first occurrence (picture captions often restate a sentence of the body).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict, deque
from datetime import date
from functools import partial
from itertools import chain, compress
from operator import itemgetter

from rapidfuzz import fuzz

from claimcheck.extract import checkworthiness
from claimcheck.extract.attribution import attribute, titled_names
from claimcheck.extract.boilerplate import is_furniture_sentence
from claimcheck.extract.dates import StoryDates, parse_published
from claimcheck.extract.quantities import find_quantities
from claimcheck.extract.repeats import normalise as _normalise
from claimcheck.extract.segment import Quote, Span, quotes, sentences
from claimcheck.models import Attribution, ExtractedClaim

MIN_SCORE = 0.3
REPEAT_SIMILARITY = 88
SUPERLATIVE = re.compile(
    r"\b(?=[bfhlmorsw])"  # the first letters below: the alternatives are tried at few places
    r"(?:(?:most|least|highest|lowest|largest|smallest|biggest|record|first|only|worst|best)\b"
    r"|(?:more|less|fewer|higher|lower|larger|smaller|bigger)\b.*\bthan\b)"
)


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


# A sentence is read by its words instead (a set lookup; re tries the patterns at nearly every
# position): the runs of word characters between which \b falls, as the patterns see them; an
# ASCII sentence's cut at C speed by bytes.translate (a table lookup).
_NOT_WORD = bytes(c if c < 128 and re.fullmatch(r"\w", chr(c)) else 32 for c in range(256))
_WORD_RUN = re.compile(r"\w+")  # the same words of any other sentence
# The only characters that COMPARISON (case-insensitive) reads as a letter of its words but
# lower() does not lower to one: a sentence with one is read by the pattern itself.
_FOLDED_TO_ASCII = "\u0130\u0131\u017f\u212a"
_SUPERLATIVES = _word_set(
    "most least highest lowest largest smallest biggest record first only worst best"
)
_MORE_THAN = _word_set("more less fewer higher lower larger smaller bigger")
_COMPARISONS = _word_set(
    "bigger better double doubled ever fewer first higher least less lower larger more most never "
    "only outpaced overtook record smaller than twice tripled worse worst"
)


def extract_claims(
    text: str, published: str | date | None = None, min_score: float = MIN_SCORE
) -> list[ExtractedClaim]:
    """Every checkable claim in `text`, in article order, with repeats linked (repeat_of)."""
    when = published if isinstance(published, date) else parse_published(published)
    claims: list[ExtractedClaim] = []
    previous: list[Span] = []
    running_quote: Attribution | None = None
    follow_on: Attribution | None = None  # the speaker the previous sentence quoted
    last_paragraph = -1
    titles = titled_names(text)
    story_dates = StoryDates(when)
    for span in sentences(text):
        sentence = text[span.start : span.end]
        new_paragraph = span.paragraph != last_paragraph
        last_paragraph = span.paragraph
        context_start = previous[-3].start if len(previous) >= 3 else 0
        context = text[max(context_start, span.start - 600) : span.start]
        found_quotes = quotes(text, span.start, span.end)
        attribution = attribute(sentence, context, titles)
        opens_with_quote = bool(found_quotes) and found_quotes[0].start == span.start
        if attribution is None and running_quote and (opens_with_quote or not new_paragraph):
            attribution = running_quote
        if attribution is None and follow_on and _all_quoted(span, found_quotes):
            attribution = follow_on  # more of the words the last sentence quoted
        if found_quotes and attribution:
            running_quote = attribution if not found_quotes[-1].closed else None
        elif new_paragraph and not opens_with_quote:
            running_quote = None
        follow_on = attribution if found_quotes and attribution else None
        previous.append(span)
        dates = story_dates.find(sentence, offset=span.start)
        if is_furniture_sentence(sentence):  # "Sign up for the free daily newsletter."
            continue
        claim = _claim(text, span, sentence, attribution, found_quotes, dates, min_score)
        if claim is not None:
            claims.append(claim)
    _link_repeats(claims)
    return claims


def _claim(
    text, span, sentence, attribution, found_quotes, dates, min_score
) -> ExtractedClaim | None:
    """The sentence as a claim, or None when it scores below `min_score`."""
    quantities = find_quantities(sentence, offset=span.start)
    dated = [d for d in dates if d.granularity not in ("duration", "reference", "set")]
    quote = None
    if attribution and found_quotes:
        inside = (text[q.start + 1 : q.end - (1 if q.closed else 0)] for q in found_quotes)
        quoted = " … ".join(inside)
        quote = quoted if len(quoted) > 12 else None
    signals = checkworthiness.Signals(
        quantities=len(quantities),
        dates=len(dated),
        attributed=attribution is not None and attribution.speaker is not None,
        quoted=quote is not None,
        narration=_outside_quotes(text, span, found_quotes),
    )
    score, reasons = checkworthiness.score(sentence, signals, explain_from=min_score)
    if score < min_score:
        return None
    kinds = []
    if quantities:
        kinds.append("quantity")
    if quote:
        kinds.append("quote")
    if _compares(sentence, bool(quantities)):
        kinds.append("comparison")
    if dated:
        kinds.append("event")
    return ExtractedClaim(
        start=span.start,
        end=span.end,
        sentence=sentence,
        kind=kinds[0] if kinds else "statement",
        kinds=kinds or ["statement"],
        score=score,
        reasons=reasons,
        quantities=quantities,
        dates=dates,
        attribution=attribution,
        quote=quote,
        paragraph=span.paragraph,
    )


def _outside_quotes(text: str, span: Span, found_quotes: list[Quote]) -> str:
    """The sentence with its quotations blanked out: what the writer says in their own words."""
    if not found_quotes:
        return text[span.start : span.end]
    pieces, at = [], span.start
    for quote in found_quotes:
        pieces.append(text[at : quote.start])
        at = max(at, quote.end)
    pieces.append(text[at : span.end])
    return " ".join(pieces)


def _all_quoted(span: Span, found_quotes: list[Quote]) -> bool:
    """A sentence that is a quotation as a whole (news gives a speaker's next sentences, and
    paragraphs, of quotation without naming them again), not one that opens with a quoted term."""
    if not found_quotes or found_quotes[0].start != span.start:
        return False
    first = found_quotes[0]
    return not first.closed or first.end - first.start >= 0.6 * (span.end - span.start)


def _compares(sentence: str, quantities: bool) -> bool:
    """A comparison: COMPARISON's words with figures, SUPERLATIVE's with or without."""
    lowered = sentence.lower()
    if sentence.isascii():
        words = lowered.encode().translate(_NOT_WORD).decode().split()
    elif any(map(sentence.__contains__, _FOLDED_TO_ASCII)):  # read by the patterns themselves
        comparison = quantities and checkworthiness.COMPARISON.search(sentence)
        return bool(comparison or SUPERLATIVE.search(lowered))
    else:
        words = _WORD_RUN.findall(lowered)
    if "\n" in sentence:  # SUPERLATIVE's .* stops at a line break
        return bool(quantities and _comparison_words(lowered, words)) or bool(
            SUPERLATIVE.search(lowered)
        )
    return (quantities and _comparison_words(lowered, words)) or _superlative_words(words)


def _comparison_words(lowered: str, words: list[str]) -> bool:
    """COMPARISON.search of the sentence, by its words (lowered, \\w runs)."""
    if not _COMPARISONS.isdisjoint(words):
        return True
    if "est" in lowered and any(len(w) > 3 and w[-3:] == "est" for w in words):
        return True  # \Best\b: a word that ends in -est
    phrases = "compared " in lowered or "half as" in lowered  # its two-word alternatives
    return phrases and bool(checkworthiness.COMPARISON.search(lowered))


def _superlative_words(words: list[str]) -> bool:
    """SUPERLATIVE.search of a sentence without a line break, by its words."""
    if not _SUPERLATIVES.isdisjoint(words):
        return True
    if "than" not in words:
        return False
    last_than = len(words) - 1 - words[::-1].index("than")
    return not _MORE_THAN.isdisjoint(words[:last_than])


def _link_repeats(claims: list[ExtractedClaim]) -> None:
    """Point each claim that restates an earlier one at it: the same words (case and
    punctuation aside) wherever it is, else a near-identical sentence among likely candidates
    (those sharing words with it among the last 50 claims posted under each word)."""
    # the last 50 claims posted under each word: a deque of that length drops the oldest itself
    postings: dict[str, deque[int]] = defaultdict(partial(deque, maxlen=50))
    words_of = [_normalise(c.sentence) for c in claims]
    sets_of = [set(words) for words in words_of]
    first_with: dict[str, int] = {}
    for index, words in enumerate(words_of):
        if len(words) < 3:
            continue
        same = first_with.setdefault(" ".join(words), index)
        if same != index:
            earlier = claims[same].repeat_of
            claims[index].repeat_of = same if earlier is None else earlier
            continue
        if len(words) < 5:
            continue
        words_set = sets_of[index]
        keys = list(compress(words_set, map(_LONGER_THAN_4, map(len, words_set))))
        shared = Counter(chain.from_iterable(map(postings.__getitem__, keys)))
        # the 8 sharing most words, the earliest first on a tie (not the order of a set, which
        # changes with the hash seed), of those sharing at least 3: sorted by C-level sorts
        # (by index, then stably by count), as a Python loop over every candidate costs more
        ranked = sorted(shared.items())
        ranked.sort(key=itemgetter(1), reverse=True)
        for other, count in ranked[:8]:
            if count < 3:
                break
            if claims[other].repeat_of is not None:
                continue
            if _same_claim(words, sets_of[index], words_of[other], sets_of[other]):
                claims[index].repeat_of = other
                break
        for key in keys:
            postings[key].append(index)


_LONGER_THAN_4 = (4).__lt__


def _same_claim(a: list[str], a_set: set[str], b: list[str], b_set: set[str]) -> bool:
    if min(len(a), len(b)) < 0.4 * max(len(a), len(b)):
        return False
    smaller = min(len(a_set), len(b_set))
    if len(a_set & b_set) < 0.8 * smaller:
        return False
    return fuzz.token_set_ratio(" ".join(a), " ".join(b)) >= REPEAT_SIMILARITY
