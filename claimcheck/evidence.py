"""Which passages of a claim's sources bear on it, and why: numbers, quotes, then words.

A fact-checker looks first for the claim's figures and quotations in the source, so those carry
the most weight: figures are compared after normalisation ("3.9 per cent" = "3.9%", "fifteen
members" = "15-member"), a figure that merely rounds to the claim's is said to, and a different
figure for the same thing is flagged as a mismatch (often the most useful passage of all). Quotes
are matched word for word and fuzzily, with the exact differences listed. Lexical relevance is BM25
over stemmed words without stopwords, plus how much of the claim's (idf-weighted) vocabulary a
passage covers and a little of its neighbours' relevance, since support often spans two
sentences (weights chosen on WiCE dev: see bench/bench_evidence.py). Every reason is kept with
the offsets it refers to, so the review screen can highlight them.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import Stemmer
from rapidfuzz import fuzz

from claimcheck.archive import word_differences
from claimcheck.extract.quantities import UNITS_WORDS, find_quantities
from claimcheck.extract.segment import sentences
from claimcheck.models import Quantity
from claimcheck.stopwords import english
from claimcheck.store import Store

EVIDENCE_LIMIT = 10
NUMBER_WEIGHT = {"same": 1.0, "rounds": 0.8, "approx": 0.6, "mismatch": 0.5}
BOUNDS = {"more_than", "at_least", "less_than", "at_most"}
QUOTE_THRESHOLD = 70.0
QUOTE_WEIGHT = 1.5
NEIGHBOUR_WEIGHT = 0.15
BM25_K1 = 1.5
BM25_B = 0.3  # weak length normalisation: a full sentence should not lose to a bare heading
COVERAGE_WEIGHT = 0.5
MAX_PASSAGE_CHARS = 1500
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
QUOTE_MARKS = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "«": '"', "»": '"'})


@dataclass(frozen=True)
class Passage:
    """A stretch of a snapshot's text: [start, end) are offsets into that text."""

    text: str
    start: int = 0
    end: int = 0
    snapshot_id: int | None = None


@dataclass
class Ranked:
    """A passage with its score and the reasons (and highlightable spans) behind it."""

    passage: Passage
    score: float = 0.0
    reasons: list[str] = field(default_factory=list)
    matches: list[dict[str, Any]] = field(default_factory=list)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return english() | {"s", "t"}


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def terms(text: str) -> list[tuple[str, int, int]]:
    """Searchable terms with their spans: lowercased, stemmed, numbers normalised
    ("3.90" -> "3.9", "1,000" -> "1000", "fifteen" -> "15"), stopwords dropped."""
    found = []
    stem = _stemmer().stemWord
    stop = _stopwords()
    for match in TOKEN.finditer(text):
        word = match.group().lower().replace("’", "'")
        if word[0].isdigit():
            word = normalise_number(word)
        elif word in UNITS_WORDS:
            word = str(UNITS_WORDS[word])
        elif word in stop or len(word) < 2:
            continue
        else:
            word = stem(word)
        found.append((word, match.start(), match.end()))
    return found


def normalise_number(token: str) -> str:
    digits = token.replace(",", "")
    if digits.count(".") == 1:
        digits = digits.rstrip("0").rstrip(".")
    return digits or "0"


def split_passages(text: str, snapshot_id: int | None = None) -> list[Passage]:
    """The sentences of a snapshot's text (long ones cut), as passages with offsets."""
    passages = []
    for span in sentences(text):
        start = span.start
        while start < span.end:
            end = min(span.end, start + MAX_PASSAGE_CHARS)
            piece = text[start:end]
            if piece.strip():
                passages.append(Passage(piece, start, end, snapshot_id))
            start = end
    return passages


def rank_passages(
    claim_text: str,
    passages: list[Passage],
    *,
    quote: str | None = None,
    limit: int | None = EVIDENCE_LIMIT,
) -> list[Ranked]:
    """Score every passage against the claim; best first, passages matching nothing left out."""
    if not passages:
        return []
    claim_terms = {t for t, _, _ in terms(claim_text)}
    passage_terms = [terms(p.text) for p in passages]
    lexical = _bm25(list(claim_terms), passage_terms)
    top = max(lexical) or 1.0
    claim_quantities = quantities_in(claim_text)
    weights = _idf(claim_terms, passage_terms)
    total_weight = sum(weights.values()) or 1.0
    ranked = []
    for index, passage in enumerate(passages):
        item = Ranked(passage)
        words = [(t, s, e) for t, s, e in passage_terms[index] if t in claim_terms]
        relevance = lexical[index] / top
        neighbours = [
            lexical[j] / top
            for j in (index - 1, index + 1)
            if 0 <= j < len(passages) and passages[j].snapshot_id == passage.snapshot_id
        ]
        item.score = relevance + NEIGHBOUR_WEIGHT * max(neighbours, default=0.0)
        coverage = sum(weights[t] for t in {t for t, _, _ in words}) / total_weight
        item.score += COVERAGE_WEIGHT * coverage
        if words:
            shown = sorted({passage.text[s:e].lower() for _, s, e in words})
            item.reasons.append(f"words: {', '.join(shown[:8])} (BM25 {relevance:.2f})")
            item.matches.extend(
                {"start": s, "end": e, "kind": "word", "text": passage.text[s:e], "note": ""}
                for _, s, e in words
            )
        item.score += _match_numbers(claim_quantities, passage, item, bool(words))
        if quote:
            item.score += _match_quote(quote, passage, item)
        if item.matches:
            ranked.append(item)
    ranked.sort(key=lambda r: (-r.score, r.passage.snapshot_id or 0, r.passage.start))
    return ranked[:limit] if limit else ranked


def _idf(claim_terms: set[str], corpus: list[list[tuple[str, int, int]]]) -> dict[str, float]:
    """How rare each of the claim's terms is among the passages (BM25's idf)."""
    frequency = dict.fromkeys(claim_terms, 0)
    for doc in corpus:
        for term in {t for t, _, _ in doc} & claim_terms:
            frequency[term] += 1
    size = len(corpus)
    return {t: math.log(1 + (size - n + 0.5) / (n + 0.5)) for t, n in frequency.items()}


def _bm25(query: list[str], corpus: list[list[tuple[str, int, int]]]) -> list[float]:
    if not query:
        return [0.0] * len(corpus)
    import bm25s  # with scipy: imported when passages are first ranked, not at start

    retriever = bm25s.BM25(k1=BM25_K1, b=BM25_B)
    retriever.index([[t for t, _, _ in doc] or ["\x00"] for doc in corpus], show_progress=False)
    return [float(score) for score in retriever.get_scores(query)]


# ---- numbers ----------------------------------------------------------------------------------


def _match_numbers(
    claim_quantities: list[Quantity], passage: Passage, item: Ranked, related: bool
) -> float:
    """Add a reason and a highlight for each of the claim's figures found (or contradicted)."""
    if not claim_quantities:
        return 0.0
    best: dict[int, float] = {}
    for found in quantities_in(passage.text):
        for index, wanted in enumerate(claim_quantities):
            verdict = compare_quantities(wanted, found)
            if verdict is None or (verdict[0] == "mismatch" and not related):
                continue
            kind, note = verdict
            item.matches.append(
                {
                    "start": found.start,
                    "end": found.end,
                    "kind": "number",
                    "text": found.surface,
                    "note": note,
                }
            )
            item.reasons.append(f"number: {found.surface!r}: {note}")
            best[index] = max(best.get(index, 0.0), NUMBER_WEIGHT[kind])
    return sum(best.values())


def quantities_in(text: str) -> list[Quantity]:
    """Quantities of a text, read case-blind so that "fifteen Members" is a count of members."""
    lowered = text.lower()
    return find_quantities(lowered if len(lowered) == len(text) else text)


def compare_quantities(wanted: Quantity, found: Quantity) -> tuple[str, str] | None:
    """How a figure in a source stands to one in the claim: same, rounds, approx, mismatch,
    or None when they are not figures of the same kind of thing."""
    if not _same_unit(wanted.unit, found.unit):
        return None
    claimed = _display(wanted)
    if math.isclose(found.value, wanted.value, rel_tol=1e-9, abs_tol=1e-12):
        return "same", f"same figure as the claim ({claimed})"
    decimals = _decimals(wanted.surface)
    shown = found.value / (wanted.scale or 1.0)
    if round(shown, decimals) == round(wanted.value / (wanted.scale or 1.0), decimals):
        return "rounds", f"rounds to {claimed}"
    if wanted.qualifier == "approx" and math.isclose(found.value, wanted.value, rel_tol=0.05):
        return "approx", f"close to the claim's ~{claimed}"
    if wanted.qualifier in ("more_than", "at_least") and found.value >= wanted.value:
        return "approx", f"consistent with the claim's '{wanted.surface}'"
    if wanted.qualifier in ("less_than", "at_most") and found.value <= wanted.value:
        return "approx", f"consistent with the claim's '{wanted.surface}'"
    if not wanted.unit or found.qualifier in BOUNDS or found.qualifier == "change":
        return None  # a threshold or a change is not a measurement of the same thing
    return "mismatch", f"mismatch: the source says {_display(found)}, the claim {claimed}"


def _same_unit(a: str, b: str) -> bool:
    return a.rstrip("s").lower() == b.rstrip("s").lower()


def _display(quantity: Quantity) -> str:
    value = quantity.value / (quantity.scale or 1.0)
    number = f"{value:,.6g}"
    scale = {1e3: " thousand", 1e6: " million", 1e9: " billion", 1e12: " trillion"}.get(
        quantity.scale, ""
    )
    unit = {"percent": "%"}.get(quantity.unit, f" {quantity.unit}" if quantity.unit else "")
    return f"{number}{scale}{unit}"


def _decimals(surface: str) -> int:
    match = re.search(r"\d+(?:,\d{3})*(?:\.(\d+))?", surface)
    return len(match.group(1)) if match and match.group(1) else 0


# ---- quotes -----------------------------------------------------------------------------------


def _match_quote(quote: str, passage: Passage, item: Ranked) -> float:
    """Find the quote in the passage exactly or fuzzily and list the differences."""
    wanted = " ".join(quote.translate(QUOTE_MARKS).split()).strip("'\" ")
    text = passage.text.translate(QUOTE_MARKS)
    if len(wanted) < 8:
        return 0.0
    exact = text.lower().find(wanted.lower())
    if exact >= 0:
        item.matches.append(
            {
                "start": exact,
                "end": exact + len(wanted),
                "kind": "quote",
                "text": passage.text[exact : exact + len(wanted)],
                "note": "exact quote",
            }
        )
        item.reasons.append("quote: found word for word")
        return QUOTE_WEIGHT
    alignment = fuzz.partial_ratio_alignment(wanted.lower(), text.lower())
    if alignment is None or alignment.score < QUOTE_THRESHOLD:
        return 0.0
    start, end = alignment.dest_start, alignment.dest_end
    found = passage.text[start:end]
    differences = word_differences(wanted[alignment.src_start : alignment.src_end], found)
    note = f"quote {alignment.score:.0f}% similar" + (
        f"; differences: {'; '.join(differences[:6])}" if differences else ""
    )
    item.matches.append({"start": start, "end": end, "kind": "quote", "text": found, "note": note})
    item.reasons.append(note)
    return QUOTE_WEIGHT * (alignment.score / 100) ** 2


# ---- the stored ranking ---------------------------------------------------------------------


def claim_passages(store: Store, claim_id: int) -> list[Passage]:
    """The passages of the latest archived copy of each of the claim's sources."""
    passages: list[Passage] = []
    for source in store.claim_sources(claim_id):
        snapshot = store.latest_snapshot(source["id"])
        if snapshot and snapshot["text"]:
            passages.extend(split_passages(snapshot["text"], snapshot["id"]))
    return passages


def rank_claim(store: Store, claim_id: int) -> list[dict[str, Any]]:
    """Rank the passages of the claim's latest snapshots, replace its stored evidence with the
    result in one transaction, and return the rows best first."""
    claim = store.claim(claim_id)
    ranked = rank_passages(claim.text, claim_passages(store, claim_id), quote=claim.quote)
    store.replace_evidence(
        claim_id,
        [
            {
                "snapshot_id": r.passage.snapshot_id,
                "start": r.passage.start,
                "end": r.passage.end,
                "passage": r.passage.text,
                "score": round(r.score, 4),
                "rank": rank,
                "reasons": json.dumps(r.reasons, ensure_ascii=False),
                "matches": json.dumps(r.matches, ensure_ascii=False),
            }
            for rank, r in enumerate(ranked, 1)
        ],
    )
    return store.evidence(claim_id)
