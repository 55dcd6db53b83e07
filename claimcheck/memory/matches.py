"""A claim's matches: found when it is added (or on demand), kept with score and reasons, and
decided by a reviewer: adopted (the earlier verdict becomes this claim's, the fact-check cited as
its source, both audited) or rejected (remembered, never offered again).

A refresh replaces only the undecided matches of a claim; decided ones stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from claimcheck import review_rules
from claimcheck.memory import matching
from claimcheck.memory.ratings import verdict_for
from claimcheck.memory.words import catch_up
from claimcheck.models import Claim
from claimcheck.store import NotFound, Store, StoreError, now
from claimcheck.store.matches import StoredMatch

EVENTS = {"adopted": "adopt_match", "rejected": "reject_match"}
# How many unreviewed claims of other articles a new verdict is offered to at most.
REACHED = 20


def shown_match(store: Store, claim_id: int) -> StoredMatch | None:
    """The match the review screen puts on the claim: the best not rejected above the display
    threshold, a prior one before a later one."""
    found = [m for m in store.claim_matches(claim_id) if m.score >= matching.DISPLAY_THRESHOLD]
    found.sort(key=lambda m: (m.decision != "adopted", not m.prior, -m.score))
    return found[0] if found else None


# ---- finding and storing ------------------------------------------------------------------------


def has_memory(store: Store) -> bool:
    """Anything to match against: a fact-check or a reviewed claim (two cheap probes)."""
    return store.has_factchecks() or store.has_claims_with_status(matching.DESK_VERDICTS)


def match_claims(store: Store, claim_ids: Iterable[int]) -> int:
    """Find and store the matches of these claims (their undecided matches replaced); returns
    how many matches were stored. Call inside a transaction or alone (it opens one)."""
    ids = list(claim_ids)
    if not ids:
        return 0
    stored = 0
    memory = has_memory(store)  # with nothing to match against, undecided matches only go
    with store.transaction():
        catch_up(store)
        for at in range(0, len(ids), 500):
            rows = store.claims_to_match(ids[at : at + 500])
            figures = matching.claim_figures(store, [row[0] for row in rows])
            stamp = now()
            probes = [
                matching.Probe(text, speaker, figures.get(claim_id, ()), date, article_id, claim_id)
                for claim_id, text, speaker, article_id, date in rows
            ]
            found = matching.find_matches(store, probes) if memory else [[] for _ in probes]
            for probe, matched in zip(probes, found, strict=True):
                stored += _store(store, probe.claim_id, matched, stamp)
    return stored


def _store(store: Store, claim_id: int, found: list[matching.Match], stamp: str) -> int:
    decided = store.decided_targets(claim_id)
    rows = [
        (
            m.candidate.id if m.candidate.kind == "factcheck" else None,
            m.candidate.id if m.candidate.kind == "claim" else None,
            m.score,
            json.dumps(m.reasons, ensure_ascii=False),
            m.timing,
            stamp,
        )
        for m in found
        if m.target not in decided
    ]
    store.replace_undecided_matches(claim_id, rows)
    return len(rows)


def match_article(store: Store, article_id: int) -> int:
    """Match every claim of a newly added article (the `add` hook)."""
    if not has_memory(store):
        return 0
    return match_claims(store, store.article_claim_ids(article_id))


def reach(store: Store, claim_id: int) -> int:
    """A verdict just recorded on this claim reaches the claims of other articles that say the
    same, in the verdict's own write: the unreviewed claims sharing most words with it, and
    those it was offered to before (a verdict undone or turned into "dismissed" is offered no
    more), are matched again; returns how many matches were stored."""
    try:
        claim: Claim | None = store.claim(claim_id)
    except NotFound:
        claim = None
    offered = store.offered_to(claim_id)
    verdict = claim is not None and claim.status in matching.DESK_VERDICTS
    expression = ""
    if claim and verdict:
        counted = store.claim_word_counts(matching.desk_words(claim.text))
        expression = matching.fts_expression(claim.text, *counted)
    if claim and expression:
        offered.update(
            store.unreviewed_claims_like(
                expression, other_than_article=claim.article_id, hits=REACHED * 4, limit=REACHED
            )
        )
    return match_claims(store, sorted(offered))


def refresh(store: Store, *, article_id: int | None = None, unreviewed_only: bool = True) -> int:
    """Match stored claims again (after loading fact-checks or recording verdicts)."""
    ids = store.distinct_claim_ids(article_id=article_id, unreviewed_only=unreviewed_only)
    return match_claims(store, ids)


# ---- deciding ------------------------------------------------------------------------------------


class AdoptRefused(StoreError):
    """The earlier check gives no claimcheck verdict to adopt (e.g. a "Full Flop" rating)."""


def adopt(
    store: Store, match_id: int, *, reviewer: str | None = None, replace: bool = False
) -> Claim:
    """Take the earlier verdict for this claim: the verdict is recorded (audited like any
    verdict, with a note saying where it came from), the fact-check's page (or the earlier
    claim's article) is cited as a source, and an `adopt_match` event names the match."""
    who = reviewer or store.reviewer
    with store.transaction():
        found = store.match(match_id)
        status = _verdict_of(found)
        if status is None:
            raise AdoptRefused(
                f"match {match_id}: the rating {found.rating!r} names no verdict; record yours"
            )
        source = f"{found.by or 'an earlier check'}, {found.date or 'undated'}"
        note = f"Adopted from {source}: {found.rating or status}" + (
            f" ({found.url})" if found.url else ""
        )
        if found.earlier_claim_id:
            note = f"Adopted from claim {found.earlier_claim_id} ({source}: {status})"
        claim = review_rules.record_verdict(
            store, found.claim_id, status, note=note, reviewer=who, replace=replace
        )
        if found.url:
            source_id = store.ensure_source(found.url, kind="factcheck", label=found.by)
            store.link_source(found.claim_id, source_id, kind="factcheck", label=found.by)
        _decide(store, found, "adopted", who, {"verdict": status, "url": found.url})
    return store.claim(claim.id)


def reject(store: Store, match_id: int, *, reviewer: str | None = None) -> StoredMatch:
    """Mark a match wrong: it is kept as rejected and never offered for this claim again."""
    who = reviewer or store.reviewer
    with store.transaction():
        found = store.match(match_id)
        _decide(store, found, "rejected", who, {})
    return store.match(match_id)


def _decide(
    store: Store, found: StoredMatch, decision: str, who: str, details: dict[str, Any]
) -> None:
    store.decide_match(found, decision, who, EVENTS[decision], details)


def _verdict_of(found: StoredMatch) -> str | None:
    if found.earlier_claim_id:
        return found.verdict if found.verdict in matching.DESK_VERDICTS else None
    return found.verdict or verdict_for(found.rating)


def citations(store: Store, claim_id: int) -> list[dict[str, Any]]:
    """The earlier fact-checks a published ClaimReview of this claim cites: those the reviewer
    adopted (a match nobody confirmed is not published)."""
    cited = []
    for url, checker, day, rating in store.adopted_factchecks(claim_id):
        item: dict[str, Any] = {"@type": "ClaimReview", "url": url}
        if checker:
            item["author"] = {"@type": "Organization", "name": checker}
        if day:
            item["datePublished"] = day
        if rating:
            item["reviewRating"] = {"@type": "Rating", "alternateName": rating}
        cited.append(item)
    return cited
