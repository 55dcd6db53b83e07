"""Paragraphs, sentences and quotations, as offsets into the article text.

Sentence splitting is blingfire's (a compiled tokenizer: ~20 MB/s on the seed, against ~1.3 MB/s
for syntok and ~0.3 MB/s for pysbd; see bench/bench_segment.py), corrected for what news text
needs: a paragraph is never joined to the next (picture captions often lack a final stop), a
sentence is not cut after "Dr." or "St.", and the sentences of one quotation stay together so a
quote is checked as its speaker said it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import blingfire

OPENING_QUOTES = "'\"‘“"
CLOSING_QUOTES = "'\"’”"
ABBREVIATION = re.compile(
    r"(?:\b(?:Dr|Mr|Mrs|Ms|St|Gen|Sen|Rep|Gov|Prof|Lt|Col|Capt|Sgt|Rev|No|Nos|vs|etc|approx|"
    r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Inc|Corp|Ltd|Co)\.)$"
)
QUOTE_MARK = re.compile("['\"‘“’”]")
MAX_QUOTE_MERGE = 600
MAY_SPLIT = re.compile(r"[.!?…][\"'’”)\]]*\s+\S")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    paragraph: int


@dataclass(frozen=True)
class Quote:
    """A quotation: [start, end) include the quote marks; `closed` is False when it runs on."""

    start: int
    end: int
    closed: bool


def paragraphs(text: str) -> list[Span]:
    """Each non-blank line is a paragraph (captions and headlines stand alone)."""
    spans = []
    number = 0
    start = 0
    for line in text.split("\n"):  # str.split and strip, not re: a C loop over the text
        if line:
            stripped = line.lstrip()
            if stripped:
                lead = len(line) - len(stripped)
                spans.append(Span(start + lead, start + lead + len(stripped.rstrip()), number))
            number += 1  # a line of spaces alone is numbered, as a paragraph of nothing
        start += len(line) + 1
    return spans


def quotes(text: str, start: int = 0, end: int | None = None) -> list[Quote]:
    """Top-level quotations in text[start:end], telling apostrophes from quote marks."""
    end = len(text) if end is None else end
    found: list[Quote] = []
    depth = 0
    opened = start
    for mark in QUOTE_MARK.finditer(text, start, end):
        i = mark.start()
        char = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe: don't, Ukraine's
        opens = (
            char in OPENING_QUOTES
            and (before.isspace() or before in "([:—–-")
            and (not after.isspace())
        )
        closes = (
            char in CLOSING_QUOTES
            and not before.isspace()
            and (after.isspace() or after in ".,;:!?)—–-" or after in CLOSING_QUOTES)
        )
        if opens and not (closes and depth > 0):
            if depth == 0:
                opened = i
            depth += 1
        elif closes and depth > 0:
            depth -= 1
            if depth == 0:
                found.append(Quote(opened, i + 1, True))
    if depth > 0:
        found.append(Quote(opened, end, False))
    return found


def _blingfire_spans(chunk: str) -> list[tuple[int, int]]:
    """blingfire's sentences as offsets into chunk; its own offsets API is 3x slower."""
    if not MAY_SPLIT.search(chunk):
        return [(0, len(chunk))]
    spans = []
    position = 0
    for sentence in blingfire.text_to_sentences(chunk).split("\n"):
        found = chunk.find(sentence, position)
        if found < 0:
            return list(blingfire.text_to_sentences_and_offsets(chunk)[1])
        spans.append((found, found + len(sentence)))
        position = found + len(sentence)
    return spans


def _raw_sentences(text: str, para: Span) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for s, e in _blingfire_spans(text[para.start : para.end]):
        s, e = s + para.start, e + para.start
        if spans and (
            ABBREVIATION.search(text, spans[-1][1] - 8, spans[-1][1])
            or _speaker_follows(text, spans[-1][1], s)
        ):
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    if not spans:
        spans = [(para.start, para.end)]
    # blingfire may drop trailing characters (a lone closing quote): extend to the paragraph end.
    last_start, _ = spans[-1]
    spans[-1] = (last_start, para.end)
    return spans


def _speaker_follows(text: str, previous_end: int, start: int) -> bool:
    """'"Hands! Let me see your hands!" an officer ordered.' is one sentence: a quotation that
    ends in ! or ? goes on when the next words start in lower case."""
    return (
        text[start].islower()
        and text[previous_end - 1] in CLOSING_QUOTES
        and text[previous_end - 2] in "!?"
    )


def sentences(text: str) -> list[Span]:
    """Sentences with offsets; the sentences of one quotation inside a paragraph stay together."""
    result: list[Span] = []
    for para in paragraphs(text):
        raw = _raw_sentences(text, para)
        if len(raw) == 1:  # most paragraphs of news text are one sentence: nothing to merge
            result.append(Span(raw[0][0], raw[0][1], para.paragraph))
            continue
        inside = [(q.start, q.end) for q in quotes(text, para.start, para.end)]
        merged: list[tuple[int, int]] = []
        for s, e in raw:
            if (
                merged
                and _cuts_quote(merged[-1], s, inside)
                and e - merged[-1][0] < MAX_QUOTE_MERGE
            ):
                merged[-1] = (merged[-1][0], e)
            else:
                merged.append((s, e))
        result.extend(Span(s, e, para.paragraph) for s, e in merged)
    return result


def _cuts_quote(previous: tuple[int, int], start: int, inside: list[tuple[int, int]]) -> bool:
    return any(qs < previous[1] and start < qe and qs < start for qs, qe in inside)
