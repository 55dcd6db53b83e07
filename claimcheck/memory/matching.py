"""Has this claim been checked before? Candidates by BM25, re-ranked on what a fact-checker
would look at.

Candidates come from the fact-checks' word index (BM25 over the claim's rarest words, summed in
numpy: claimcheck/memory/words.py) and from SQLite FTS5 over the desk's reviewed claims of other
articles. Each candidate is then scored on the evidence of sameness: how much of the claim's
(idf-weighted) vocabulary it shares and how much of its own it shares back, word order aside
(rapidfuzz), the same figures after normalisation ("3.9 per cent" = "3.9%"), the same speaker,
a claim made the same week; shared names are given as a reason only. The weights of the
logistic score were fitted on the tuning part of CheckThat! 2021 task 2B (bench/
bench_claim_memory.py); the score reads as the chance the two are the same claim.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz

from claimcheck.extract.quantities import find_quantities
from claimcheck.memory import words as word_index
from claimcheck.memory.words import spelled as words_spelled
from claimcheck.memory.words import stems, stopwords
from claimcheck.store import Store

# How many candidates each index gives to the re-ranking (and how many more of the week around
# the claim), and how many query words it asks for.
CANDIDATES = 20
QUERY_WORDS = 16
COMMON = 20
COMMON_FLOOR = 100
NEARBY = 5
# Matches kept for a claim, and the score from which one is stored at all / shown on screen.
KEPT = 5
STORE_THRESHOLD = 0.3
DISPLAY_THRESHOLD = 0.6
# Logistic weights (bench/bench_claim_memory.py fits them on the tuning part).
WEIGHTS = {
    "bias": -10.26,
    "coverage": 1.19,
    "covered": 3.07,
    "fuzz": 1.83,
    "relative": 4.79,
    "figures": 0.42,
    "same_time": 3.42,
    "speaker": 1.0,  # not fitted: the benchmark's sentences carry no speaker (see README)
}
# Verdicts a desk claim must carry to be "checked before" (dismissed: not a claim; flagged: not
# decided yet).
DESK_VERDICTS = ("supported", "misleading", "refuted", "unverifiable")

_WORD = re.compile(r"[^\W_]+")
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b([A-Z][\w'’-]*[a-z0-9]|[A-Z]{2,})\b")


@dataclass(frozen=True)
class Probe:
    """The claim to look up: its words, speaker, figures and the date of its article."""

    text: str
    speaker: str | None = None
    figures: tuple[str, ...] = ()
    date: str | None = None
    article_id: int | None = None
    claim_id: int | None = None


@dataclass(frozen=True)
class Candidate:
    """A fact-check or an earlier claim that may be the same claim."""

    kind: str  # "factcheck" or "claim"
    id: int
    text: str
    speaker: str | None
    figures: tuple[str, ...]
    date: str | None  # when it was checked (a fact-check's review, a desk claim's article)
    bm25: float
    said: str | None = None  # when the checked claim was made, where known


@dataclass
class Match:
    """A candidate scored against the probe, with the reasons a reviewer can check."""

    candidate: Candidate
    score: float
    reasons: list[str] = field(default_factory=list)
    timing: str = "undated"

    @property
    def target(self) -> str:
        return f"{self.candidate.kind}:{self.candidate.id}"


@lru_cache(maxsize=8192)
def names(text: str) -> frozenset[str]:
    """Capitalised words not at a sentence's start, and acronyms: people, places, bodies."""
    return frozenset(m.lower() for m in _NAME.findall(text) if m.lower() not in stopwords())


def figure_keys(text: str) -> tuple[str, ...]:
    """The text's figures, normalised: "3.9 per cent" and "3.9%" are both "3.9 percent"."""
    return tuple(sorted({f"{q.value:.4g} {q.unit or ''}".strip() for q in find_quantities(text)}))


def same_speaker(a: str | None, b: str | None) -> bool:
    """One speaker named twice ("Donald Trump", "Trump", "President Donald J. Trump")."""
    if not a or not b:
        return False
    return _last_name(a) is not None and _last_name(a) == _last_name(b)


@lru_cache(maxsize=4096)
def _last_name(name: str) -> str | None:
    words = _WORD.findall(name.lower())
    return words[-1] if words else None


def same_time(one: str | None, other: str | None) -> float:
    """1 when two claims were made within a week of each other (the same speech, the same
    news), 0.5 within three months, else 0: a politician repeats a figure, but a claim checked
    the week it was made is most often the one in the article of that week."""
    first, second = _day(one), _day(other)
    if first is None or second is None:
        return 0.0
    days = abs((first - second).days)
    return 1.0 if days <= 7 else 0.5 if days <= 90 else 0.0


@lru_cache(maxsize=4096)
def _day(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def timing(claim_date: str | None, checked: str | None) -> str:
    """A fact-check (or verdict) dated after the claim's article is "later", not prior."""
    if not claim_date or not checked:
        return "undated"
    return "later" if checked[:10] > claim_date[:10] else "prior"


# ---- candidates -----------------------------------------------------------------------------


def query_words(probes: list[Probe], counts: dict[str, int], total: int) -> list[dict[str, float]]:
    """Each claim's searchable stems with their idf among the `total` fact-checks (`counts`:
    how many hold each word), rarest first, at most QUERY_WORDS: common words cost time and
    find nothing."""
    common = max(COMMON_FLOOR, total / COMMON)
    out = []
    for probe in probes:
        wanted = _wanted(probe)
        idf = {w: math.log((total + 1) / (counts.get(w, 0) + 0.5)) for w in wanted}
        kept = [w for w in wanted if counts.get(w, 0) <= common] or wanted
        out.append(dict(sorted(((w, idf[w]) for w in kept), key=lambda i: -i[1])[:QUERY_WORDS]))
    return out


def _wanted(probe: Probe) -> list[str]:
    return list(dict.fromkeys(stems(probe.text) + stems(probe.speaker or "")))


def desk_words(text: str) -> list[str]:
    """The text's content words as the claims' full-text index holds them."""
    return list(dict.fromkeys(w for w in _WORD.findall(text.lower()) if w not in stopwords()))


def fts_expression(text: str, total: int, counts: dict[str, int]) -> str:
    """An FTS5 query for the claims sharing any of the text's rarer content words among the
    `total` stored claims (`counts`: how many hold each word), at most QUERY_WORDS, rarest
    first: FTS5 ranks every claim an OR of words finds, so a word most claims hold would make
    one look-up rank nearly all of them."""
    common = max(COMMON_FLOOR, total / COMMON)
    words = desk_words(text)
    kept = sorted((w for w in words if counts.get(w, 0) <= common), key=lambda w: counts.get(w, 0))
    return " OR ".join(f'"{w}"' for w in kept[:QUERY_WORDS])


def candidates(
    store: Store, probes: list[Probe], *, desk: bool = True
) -> list[tuple[dict[str, float], list[Candidate]]]:
    """Each claim's query words (with idf) and candidates: the fact-checks sharing the most
    (rarest) words with it, by BM25 over the word index, and the best of the others whose
    claim was made within a week of it (plain BM25 ranks them too low when the wording
    differs); with `desk`, the desk's reviewed claims too. The claims of an article are looked
    up together: a handful of statements for all of them, none per fact-check."""
    total = store.last_factcheck_id() + 1
    postings = word_index.postings(store, sorted({w for p in probes for w in _wanted(p)}))
    idfs = query_words(probes, {w: len(ids) for w, (ids, _) in postings.items()}, total)
    weeks = {p.date: _within_week(store, p.date) for p in probes if p.date}
    chosen = []
    for probe, idf in zip(probes, idfs, strict=True):
        ids, scores = word_index.scores(postings, idf)
        picked = word_index.best(ids, scores, CANDIDATES)
        if probe.date in weeks and len(ids) > CANDIDATES:
            week = np.isin(ids, weeks[probe.date])
            week[picked] = False
            week = np.flatnonzero(week)
            picked = np.concatenate(
                [picked, week[word_index.best(ids[week], scores[week], NEARBY)]]
            )
        chosen.append(dict(zip(ids[picked].tolist(), scores[picked].tolist(), strict=True)))
    rows = _factchecks(store, sorted({i for wanted in chosen for i in wanted}))
    desk = desk and store.has_claims_with_status(DESK_VERDICTS)
    if desk:
        counted = store.claim_word_counts(sorted({w for p in probes for w in desk_words(p.text)}))
    out = []
    for probe, idf, wanted in zip(probes, idfs, chosen, strict=True):
        found = [
            Candidate(*rows[i][:6], score, rows[i][6]) for i, score in wanted.items() if i in rows
        ]
        found.sort(key=lambda c: (-c.bm25, c.id))
        out.append((idf, found + (claim_candidates(store, probe, *counted) if desk else [])))
    return out


def _within_week(store: Store, day: str) -> np.ndarray:
    """The fact-checks of claims made within a week of the day (an index range)."""
    week = _week(day)
    if week is None:
        return np.zeros(0, dtype=np.int64)
    return np.array(store.factchecks_said_between(*week), dtype=np.int64)


def _factchecks(store: Store, ids: list[int]) -> dict[int, tuple]:
    """Candidate's fields of these fact-checks, but for the score (by id)."""
    return {
        i: ("factcheck", i, text, who, _figures(figs), day, said)
        for i, text, who, figs, day, said in store.factcheck_candidates(ids)
    }


def _figures(stored: str | None) -> tuple[str, ...]:
    return tuple(json.loads(stored)) if stored and stored != "[]" else ()


def _week(day: str) -> tuple[str, str] | None:
    try:
        middle = date.fromisoformat(day[:10])
    except ValueError:
        return None
    return (middle - timedelta(days=7)).isoformat(), (middle + timedelta(days=7)).isoformat()


def claim_candidates(
    store: Store, probe: Probe, total: int, counts: dict[str, int], limit: int = CANDIDATES
) -> list[Candidate]:
    """Reviewed claims of other articles sharing words with the probe (the desk's memory;
    `total` and `counts` as fts_expression takes them)."""
    expression = fts_expression(probe.text, total, counts)
    if not expression:
        return []
    rows = store.desk_candidates(
        expression, DESK_VERDICTS, other_than_article=probe.article_id, hits=limit * 4
    )
    figures = claim_figures(store, [row[0] for row in rows[:limit]])
    return [
        Candidate("claim", i, text, who, figures.get(i, ()), updated, score, published)
        for i, text, who, published, updated, score in rows[:limit]
    ]


def claim_figures(store: Store, ids: list[int]) -> dict[int, tuple[str, ...]]:
    """The stored claims' figures as the extractor normalised them, by claim id."""
    found: dict[int, set[str]] = {}
    for claim_id, value, unit in store.claim_quantities(ids):
        found.setdefault(claim_id, set()).add(f"{value:.4g} {unit or ''}".strip())
    return {claim_id: tuple(sorted(keys)) for claim_id, keys in found.items()}


# ---- scoring ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class _ProbeSide:
    """What features() needs of the probe, worked out once for all its candidates."""

    stems: frozenset[str]
    weight: dict[str, float]
    total: float
    figures: frozenset[str]


def _probe_side(probe: Probe, idf: dict[str, float]) -> _ProbeSide:
    own = frozenset(stems(probe.text))
    weight = {w: idf.get(w, 2.0) for w in own}
    return _ProbeSide(own, weight, sum(weight.values()) or 1.0, frozenset(probe.figures))


@lru_cache(maxsize=8192)
def _stem_set(text: str) -> frozenset[str]:
    return frozenset(stems(text))


def features(
    probe: Probe,
    idf: dict[str, float],
    candidate: Candidate,
    best: float,
    *,
    order: bool = True,
    side: _ProbeSide | None = None,
) -> dict:
    """The evidence that the candidate is the same claim, each in 0..1 (and the shared items);
    order=False leaves out the word-order-free similarity, the dearest of them (0 instead)."""
    side = side or _probe_side(probe, idf)
    theirs = _stem_set(candidate.text)
    shared = side.stems & theirs
    shared_figures = (
        sorted(side.figures.intersection(candidate.figures))
        if side.figures and candidate.figures
        else []
    )
    return {
        "coverage": sum(side.weight[w] for w in shared) / side.total,
        "covered": len(shared) / (len(theirs) or 1),
        "fuzz": similarity(probe.text, candidate.text) if order else 0.0,
        "relative": candidate.bm25 / best if best > 0 else 0.0,
        "figures": min(1.0, len(shared_figures) / 2) if shared_figures else 0.0,
        "speaker": 1.0 if same_speaker(probe.speaker, candidate.speaker) else 0.0,
        "same_time": same_time(probe.date, candidate.said),
        "_shared_words": (shared, side.weight, probe.text),
        "_shared_figures": shared_figures,
    }


def similarity(one: str, other: str) -> float:
    """How much the two say the same words, order and repetition aside (0..1)."""
    return fuzz.token_set_ratio(one.lower(), other.lower()) / 100


def logit(values: dict, weights: dict[str, float] | None = None) -> float:
    weights = weights or WEIGHTS
    return sum(weight * values[k] for k, weight in weights.items() if k != "bias") + weights["bias"]


def score(values: dict, weights: dict[str, float] | None = None) -> float:
    return 1 / (1 + math.exp(-logit(values, weights)))


def reasons(values: dict, candidate: Candidate) -> list[str]:
    """Why the two were matched, strongest evidence first, in words a reviewer can check."""
    out = []
    if values["_shared_figures"]:
        out.append("same figures: " + ", ".join(values["_shared_figures"]))
    if values["speaker"]:
        out.append(f"same speaker: {candidate.speaker}")
    if values["same_time"] == 1.0:
        out.append(f"said within a week of this claim ({candidate.said})")
    shared, weight, text = values["_shared_words"]
    if shared_names := sorted(names(text) & names(candidate.text)):
        out.append("same names: " + ", ".join(shared_names[:5]))
    spelled = words_spelled(text)
    words = [spelled.get(w, w) for w in sorted(shared, key=lambda w: (-weight[w], w))]
    out.append(
        f"shares {values['coverage']:.0%} of the claim's weight in words"
        + (f" ({', '.join(words[:6])})" if words else "")
    )
    out.append(f"word overlap regardless of order {values['fuzz']:.0%}")
    return out


def rank(
    probe: Probe,
    idf: dict[str, float],
    candidates: list[Candidate],
    *,
    weights: dict[str, float] | None = None,
    keep: int | None = None,
    threshold: float = 0.0,
) -> list[Match]:
    """The candidates scored against the probe, best first; with `keep`, only the best `keep`
    scoring at least `threshold`, and the similarity is computed only for candidates that could
    still be among them (it adds at most its weight to a score, so the others cannot)."""
    weights = weights or WEIGHTS
    lowest = math.log(threshold / (1 - threshold)) if threshold > 0 else -math.inf
    best = {
        kind: max((c.bm25 for c in candidates if c.kind == kind), default=0.0)
        for kind in ("factcheck", "claim")
    }
    scored = []
    side = _probe_side(probe, idf)
    for candidate in candidates:
        values = features(
            probe, idf, candidate, best[candidate.kind], order=keep is None, side=side
        )
        scored.append((logit(values, weights), candidate, values))
    if keep is not None:
        scored.sort(key=lambda item: -item[0])
        floor = max(lowest, scored[keep - 1][0] if len(scored) >= keep else -math.inf)
        for index, (z, candidate, values) in enumerate(scored):
            if z + weights["fuzz"] >= floor:
                values["fuzz"] = similarity(probe.text, candidate.text)
                scored[index] = (z + weights["fuzz"] * values["fuzz"], candidate, values)
    scored.sort(key=lambda item: (-item[0], item[1].kind, item[1].id))
    return [
        Match(
            candidate,
            round(1 / (1 + math.exp(-z)), 4),
            reasons(values, candidate),
            timing(probe.date, candidate.date),
        )
        for z, candidate, values in scored[:keep]
        if z >= lowest
    ]


def find_matches(
    store: Store,
    probes: list[Probe],
    *,
    limit: int = KEPT,
    threshold: float = STORE_THRESHOLD,
    desk: bool = True,
) -> list[list[Match]]:
    """For each claim, the fact-checks and earlier desk claims that may be it, best first."""
    return [
        rank(probe, idf, found, keep=limit, threshold=threshold)
        for probe, (idf, found) in zip(probes, candidates(store, probes, desk=desk), strict=True)
    ]
