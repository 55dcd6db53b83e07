"""The extractor's fast paths give what the plain way of computing the same thing gives.

Check-worthiness reads an ASCII sentence with bytes tables (its words chunk by chunk, the
capitals that open a name by counting marks); every other sentence goes through the patterns
over the whole text. Repeat linking keeps the last 50 claims under each word in deques. Each is
compared here with the plain computation on the seed article, the ClaimBuster sample and
sentences made to hit the edge cases.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from itertools import chain
from pathlib import Path

import pytest

from claimcheck.extract import checkworthiness
from claimcheck.extract.checkworthiness import tokens
from claimcheck.extract.claims import (
    _FOLDED_TO_ASCII,
    _NOT_WORD,
    _WORD_RUN,
    SUPERLATIVE,
    _compares,
    _comparison_words,
    _link_repeats,
    _same_claim,
    _superlative_words,
    extract_claims,
)
from claimcheck.extract.quantities import (
    _ANCHOR_WORDS,
    _DIGIT_ANCHOR,
    _DIGIT_SEPARATORS,
    _GLUED_NAME,
    _SEPARATORS,
    _alternation,
    _anchor_pattern,
    _anchor_words,
    _lower_words,
)
from claimcheck.extract.quantity_words import (
    CURRENCY_CODES,
    CURRENCY_NATIONS,
    CURRENCY_WORDS,
    UNIT_NAMES,
    UNIT_SYMBOLS,
)
from claimcheck.extract.repeats import normalise
from claimcheck.extract.segment import Span, paragraphs, sentences
from claimcheck.models import ExtractedClaim

FIXTURES = Path(__file__).parent / "fixtures"
EDGES = [
    "I said I'm in Iran with IBM, I2 and I_O; II and Ix count, I and I'd do not.",
    "_Alpha 9Lives x-Ray McDonald's O'Neill D'Arcy 'Quoted' \"Double\" (Bracketed) [Square]",
    "Ünlü and Émile are read by the patterns, as is naïve Zoë.",
    "ALL CAPS HEADLINE: NATO SAYS 2.1% OF GDP",
    "  leading spaces, then A B C D E F G H J K L M N O P Q R S T U V W X Y Z.",
    "tab\tSeparated\nLines\rAnd\x0bOther\x0cSpaces",
    "Covid-19, F-35 and utf-\n8; 1,234 and 1\u202f234, 1\u00a0234, 1\u2009234 and 1 234; ﬁve.",
]
COMPARING = [
    "Costs fell, compared with 2019, and rose half as fast compared to 2020.",
    "Compared  with last year (two spaces), half  as much; comparedwith; half-as.",
    "The BEST, the Biggest and the 2best; co_most, most's and record-breaking sales.",
    "Honest, modest and west: -est words; the EST and 'est' alone; x_test, 4est.",
    "Prices tripled.",
    "They overtook them.",
    "Twice as many.",
    "Half as many.",
    "Than more, but not more than; MORE THAN; fewer_than; lower-than-expected.",
    "More people\nthan ever, across a line break.",
    "Más que nunca, more than once.",
    "Kelvin's \u212a and the long \u017f: a K or an s only when lowered; FIRST\u00a0ONLY.",
    "Mo\u017ft people.",
    "The F\u0130RST.",
    "Wor\u017fe.",
    "“The best”, she said — “more than” ever; l’année la plus chaude, ça.",
    "Größer als, the highest’s; 3½ times more than in 2019…",
    "Ünlü said it was smaller\u2009than before and compared\u00a0with none.",
]


def fixture_sentences() -> list[str]:
    text = (FIXTURES / "seed_article.txt").read_text(encoding="utf-8")
    found = [text[span.start : span.end] for span in sentences(text)]
    with (FIXTURES / "claimbuster_sample.csv").open(encoding="utf-8", newline="") as handle:
        found += [row["Text"] for row in csv.DictReader(handle)]
    return found + EDGES


def names_by_pattern(sentence: str) -> int:
    """The capitals that open a name, by the pattern over the whole sentence."""
    names = len(checkworthiness._NAME.findall(sentence.replace("’", "'")))
    opening = sentence.lstrip(checkworthiness._OPENING)[:1]
    return names - 1 if names and opening.isupper() else names


@pytest.mark.parametrize("sentence", fixture_sentences())
def test_ascii_sentences_are_tokenised_as_the_patterns_tokenise_them(sentence: str):
    words, stems, names = tokens(sentence)
    assert names == names_by_pattern(sentence)
    # a word that is not ASCII sends the sentence through the patterns; it adds one word
    assert tokens(sentence + " café") == ([*words, "caf"], [*stems, "caf"], names)


@pytest.mark.parametrize("sentence", fixture_sentences() + COMPARING)
def test_comparisons_are_found_by_words_as_the_patterns_find_them(sentence: str):
    for quantities in (True, False):
        by_pattern = bool(quantities and checkworthiness.COMPARISON.search(sentence))
        by_pattern = by_pattern or bool(SUPERLATIVE.search(sentence.lower()))
        assert _compares(sentence, quantities) == by_pattern
    lowered = sentence.lower()
    words = _WORD_RUN.findall(lowered)
    if sentence.isascii():
        assert lowered.encode().translate(_NOT_WORD).decode().split() == words
    if not any(char in sentence for char in _FOLDED_TO_ASCII):  # each pattern alike by words
        comparison = bool(checkworthiness.COMPARISON.search(sentence))
        assert _comparison_words(lowered, words) == comparison
        if "\n" not in sentence:
            assert _superlative_words(words) == bool(SUPERLATIVE.search(lowered))


@pytest.mark.parametrize(
    ("words", "ignore_case"),
    [
        (UNIT_NAMES, True),
        (UNIT_SYMBOLS, False),
        ({*CURRENCY_WORDS, *CURRENCY_CODES}, True),
        (CURRENCY_NATIONS, True),
    ],
)
def test_word_tries_match_as_the_longest_first_alternation(words, ignore_case: bool):
    flags = re.IGNORECASE if ignore_case else 0
    plain = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    # the end each pattern of quantities.py asks for, so that a longer word may fail after it
    ends = [r"(?![A-Za-z])", r"(?:(?<=%)(?!\d)|(?![A-Za-z\d]))", ""]
    pairs = [
        (
            re.compile(f"({plain}){end}", flags),
            re.compile(f"({_alternation(words, ignore_case)}){end}", flags),
        )
        for end in ends
    ]
    texts = [
        variant
        for word in words
        for variant in (
            word,
            word.upper(),
            word.title(),
            word + "s",
            word[:-1],
            word + "/h",
            word + " per hour",
        )
    ]
    texts += [s[at:] for s in fixture_sentences() for at in range(len(s))]
    for text in texts:
        for plainly, by_trie in pairs:
            found, expected = by_trie.match(text), plainly.match(text)
            assert (found and found.group(1)) == (expected and expected.group(1)), text


@pytest.mark.parametrize("sentence", fixture_sentences())
def test_word_splits_and_prefilters_pass_every_text_their_patterns_match(sentence: str):
    assert _lower_words(sentence.lower()) == re.findall("[a-z]+", sentence.lower())
    assert normalise(sentence) == re.findall("[a-z0-9]+", sentence.lower())
    for at in range(len(sentence) + 1):
        before = sentence[max(0, at - 20) : at]
        for text in (before, before + "-", before + "-\n"):
            if _GLUED_NAME.search(text):
                assert text.endswith(("-", "-\n"))
            if _DIGIT_SEPARATORS.search(text):
                assert not _SEPARATORS.isdisjoint(text)


def test_number_anchors_are_found_where_a_pattern_of_the_texts_own_words_finds_them():
    lines = [*fixture_sentences(), "One, one-off, someone, .5, 1.5, a half, half a million, tens"]
    lines += ["Hundreds of thousands; a quarter billion, two thirds, minus five, dozens of them"]
    for text in (line.lower() for line in lines):
        present = _ANCHOR_WORDS.intersection(_lower_words(text))
        words = "|".join(sorted(_anchor_words(present), key=len, reverse=True))
        plain = re.compile(rf"{_DIGIT_ANCHOR}|\b(?:{words})\b" if words else _DIGIT_ANCHOR)
        expected = [m.span() for m in plain.finditer(text)]
        assert [m.span() for m in _anchor_pattern(present).finditer(text)] == expected


def paragraphs_plainly(text: str) -> list[Span]:
    """paragraphs as first written: the runs of [^\n]+, stripped of spaces either side."""
    spans = []
    for number, match in enumerate(re.finditer(r"[^\n]+", text)):
        start, end = match.span()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            spans.append(Span(start, end, number))
    return spans


@pytest.mark.parametrize(
    "text",
    [
        (FIXTURES / "seed_article.txt").read_text(encoding="utf-8"),
        "\n".join(EDGES),
        "",
        "\n\n",
        "  \n\t\n lead\n trail \n\nx\u2028y \x85\r\n  \u3000wide\u3000\nend",
    ],
)
def test_paragraphs_are_cut_as_the_plain_pattern_cuts_them(text: str):
    assert paragraphs(text) == paragraphs_plainly(text)


def link_repeats_plainly(claims: list[ExtractedClaim]) -> list[int | None]:
    """_link_repeats as first written: lists cut to their last 50 by hand."""
    postings: dict[str, list[int]] = defaultdict(list)
    words_of = [normalise(c.sentence) for c in claims]
    sets_of = [set(words) for words in words_of]
    first_with: dict[str, int] = {}
    links: list[int | None] = [None] * len(claims)
    for index, words in enumerate(words_of):
        if len(words) < 3:
            continue
        same = first_with.setdefault(" ".join(words), index)
        if same != index:
            links[index] = same if links[same] is None else links[same]
            continue
        if len(words) < 5:
            continue
        keys = [w for w in sets_of[index] if len(w) > 4]
        shared = Counter(chain.from_iterable(postings[key] for key in keys))
        ranked = sorted(shared.items(), key=lambda item: (-item[1], item[0]))
        for other, count in ranked[:8]:
            if count < 3:
                break
            if links[other] is not None:
                continue
            if _same_claim(words, sets_of[index], words_of[other], sets_of[other]):
                links[index] = other
                break
        for key in keys:
            postings[key].append(index)
            if len(postings[key]) > 50:
                del postings[key][0]
    return links


def test_repeats_are_linked_as_with_plain_lists_past_the_window_of_50():
    # 120 claims that share the words "ministry" and "spending": the windows fill and roll on,
    # and near-repeats of early and late claims come back after more than 50 others
    lines = [
        f"The ministry said spending on item {n} rose by {n} million pounds in region {n % 7}."
        for n in range(120)
    ]
    lines += [
        "The ministry said spending on item 3 rose by 3 million pounds in region 3 last year.",
        "The ministry said spending on item 110 rose by 110 million pounds in region 5 again.",
        lines[10],
    ]
    claims = extract_claims("\n".join(lines), "2024-09-14", min_score=0.0)
    expected = link_repeats_plainly(claims)
    for claim in claims:
        claim.repeat_of = None
    _link_repeats(claims)
    assert [claim.repeat_of for claim in claims] == expected
    assert any(link is not None for link in expected)
