"""The fact-checks' word index: for each stemmed word, the fact-checks that hold it and what it
weighs in each (BM25's term-frequency part), as two packed arrays in one row.

A claim's candidates are summed in numpy over the lists of its rarest words, without a row of
SQL or Python per fact-check: FTS5's bm25() scores every fact-check holding any of the words,
which cost 15 ms a claim at 100k fact-checks (see the README's claim-memory section).

Fact-checks are only ever added (a correction changes a rating, never the claim), so the index
is brought up to date by indexing those above the highest id indexed so far, whichever way they
came in: `factchecks import`, a bundle merge, a database made before the index existed.
"""

from __future__ import annotations

import re
from array import array
from collections import Counter
from functools import lru_cache
from typing import Any

import numpy as np
import Stemmer

from claimcheck.stopwords import english
from claimcheck.store import Store

# BM25's constants, as FTS5 uses them; a claim and its speaker hold about 13 content words
# (PolitiFact's 19,250 fact-checks), the length against which a fact-check's is normalised.
K1, B = 1.2, 0.75
AVERAGE_WORDS = 12.8
# Postings held in memory before they are written: memory stays flat however large the import.
FLUSH = 100_000

_WORD = re.compile(r"[^\W_]+")
_COMPOUND = re.compile(r"[^\W_]+(?:[-‐‑][^\W_]+)+")


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return english() | {"s", "t", "say", "says", "said"}


@lru_cache(maxsize=1)
def _porter() -> Stemmer.Stemmer:
    """FTS5's porter tokenizer stems with the original Porter algorithm: so do we."""
    return Stemmer.Stemmer("porter")


@lru_cache(maxsize=8192)
def stems(text: str) -> tuple[str, ...]:
    """The content words of a text, stemmed as FTS5's porter tokenizer does (cached: the same
    fact-checks come back as candidates for many claims of an article)."""
    return tuple(_porter().stemWords(content_words(text)))


def content_words(text: str) -> list[str]:
    """The words of a text but stopwords, and each hyphenated word also joined up: transcripts
    and feeds spell "African-American" and "part-time" as "AfricanAmerican" and "parttime"."""
    lower = text.lower()
    stop = stopwords()
    words = [w for w in _WORD.findall(lower) if w not in stop and len(w) > 1]
    return words + [re.sub(r"[-‐‑]", "", w) for w in _COMPOUND.findall(lower)]


@lru_cache(maxsize=256)
def spelled(text: str) -> dict[str, str]:
    """Each stem of the text and the word it came from, for reasons a reviewer reads."""
    words = content_words(text)
    return dict(zip(_porter().stemWords(words), words, strict=True))


def catch_up(store: Store) -> int:
    """Index the fact-checks added since the last call (inside the caller's transaction);
    returns how many were indexed."""
    upto = store.indexed_up_to()
    top = store.last_factcheck_id()
    if top <= upto:
        return 0
    pending: dict[str, tuple[array, array]] = {}
    held = indexed = 0
    touched: set[str] = set()
    for rows in store.factcheck_texts_after(upto):
        for factcheck_id, claim, claimant in rows:
            # not stems(): its cache is for the texts matching reads again and again
            counts = Counter(_porter().stemWords(content_words(f"{claim} {claimant or ''}")))
            norm = K1 * (1 - B + B * sum(counts.values()) / AVERAGE_WORDS)
            for term, tf in counts.items():
                ids, weights = pending.setdefault(term, (array("i"), array("f")))
                ids.append(factcheck_id)
                weights.append(tf * (K1 + 1) / (tf + norm))
            held += len(counts)
            indexed += 1
        if held >= FLUSH:
            _write(store, pending, touched)
            pending, held = {}, 0
    _write(store, pending, touched)
    store.merge_word_lists(touched)
    store.set_indexed_up_to(top)
    return indexed


def _write(store: Store, pending: dict[str, tuple[array, array]], touched: set[str]) -> None:
    store.add_word_lists(
        [(term, ids[0], ids.tobytes(), w.tobytes()) for term, (ids, w) in pending.items()]
    )
    touched.update(pending)


def postings(store: Store, terms: list[str]) -> dict[str, tuple[Any, Any]]:
    """Each word's list: the fact-checks holding it and its weight in each (numpy arrays)."""
    found: dict[str, tuple[Any, Any]] = {}
    for term, ids, weights in store.word_lists(terms):
        # a word's list is in parts only between an import's writes and its merge
        parts = found.get(term)
        ids = np.frombuffer(ids, dtype=np.int32)
        weights = np.frombuffer(weights, dtype=np.float32)
        if parts is not None:
            ids, weights = np.concatenate([parts[0], ids]), np.concatenate([parts[1], weights])
        found[term] = (ids, weights)
    return found


def scores(lists: dict[str, tuple[Any, Any]], idf: dict[str, float]) -> tuple[Any, Any]:
    """Every fact-check holding any of these words and its BM25 over them (idf given), as
    arrays of ids (ascending) and scores: summed in numpy over the words' lists."""
    present = [term for term in idf if term in lists]
    if not present:
        return np.zeros(0, dtype=np.int32), np.zeros(0)
    ids = np.concatenate([lists[term][0] for term in present])
    weights = np.concatenate([lists[term][1] for term in present]) * np.repeat(
        [idf[term] for term in present], [len(lists[term][0]) for term in present]
    )
    summed = np.bincount(ids, weights=weights)
    ids.sort()  # the distinct ids, found by sorting the few thousand: faster than a scan of all
    found = ids[np.concatenate(([True], ids[1:] != ids[:-1]))]
    return found, summed[found]


def best(ids: Any, scores: Any, count: int) -> Any:
    """The positions of the `count` highest scores, highest first (ties by id)."""
    top = np.argpartition(-scores, count - 1)[:count] if len(ids) > count else np.arange(len(ids))
    return top[np.lexsort((ids[top], -scores[top]))]
