"""A claim's matches: found when it is added (or on demand), kept with score and reasons, and
decided by a reviewer: adopted (the earlier verdict becomes this claim's, the fact-check cited as
its source, both audited) or rejected (remembered, never offered again).

A refresh replaces only the undecided matches of a claim; decided ones stay as they were.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from claimcheck import review_rules
from claimcheck.memory import matching
from claimcheck.memory.ratings import verdict_for
from claimcheck.memory.words import catch_up
from claimcheck.models import Claim
from claimcheck.store import NotFound, Store, StoreError, now

EVENTS = {"adopted": "adopt_match", "rejected": "reject_match"}
# How many unreviewed claims of other articles a new verdict is offered to at most.
REACHED = 20


@dataclass(frozen=True)
class StoredMatch:
    """A match as stored, with what the reviewer needs to judge it."""

    id: int
    claim_id: int
    target: str
    score: float
    reasons: list[str]
    timing: str
    decision: str | None
    decided_by: str | None
    text: str
    rating: str | None
    verdict: str | None
    by: str | None
    date: str | None
    url: str | None
    factcheck_id: int | None
    earlier_claim_id: int | None

    @property
    def prior(self) -> bool:
        return self.timing != "later"

    def line(self) -> str:
        """'Checked before: False by PolitiFact, 2019-10-30' (or 'Checked later: ...')."""
        when = "Checked later" if self.timing == "later" else "Checked before"
        rating = self.rating or self.verdict or "?"
        return f"{when}: {rating} by {self.by or '?'}, {self.date or 'undated'}"


# A match's target in words ("factcheck:12", "claim:34"), as matching.Match.target names it.
TARGET = (
    "CASE WHEN m.factcheck_id IS NOT NULL THEN 'factcheck:' || m.factcheck_id"
    " ELSE 'claim:' || m.earlier_claim_id END"
)
_SELECT = """
SELECT m.id, m.claim_id, {TARGET}, m.score, m.reasons, m.timing, m.decision, m.decided_by,
       coalesce(f.claim, e.text), coalesce(f.rating, e.status), coalesce(f.verdict, e.status),
       coalesce(f.checker, e.reviewer), coalesce(f.review_date, substr(e.updated_at, 1, 10)),
       coalesce(f.url, ea.url), m.factcheck_id, m.earlier_claim_id
FROM matches m
LEFT JOIN factchecks f ON f.id = m.factcheck_id
LEFT JOIN claims e ON e.id = m.earlier_claim_id
LEFT JOIN articles ea ON ea.id = e.article_id
""".replace("{TARGET}", TARGET)


def _stored(row: tuple[Any, ...]) -> StoredMatch:
    values = list(row)
    values[4] = json.loads(values[4] or "[]")
    return StoredMatch(*values)


def claim_matches(
    store: Store, claim_id: int, *, include_rejected: bool = False
) -> list[StoredMatch]:
    """A claim's matches, best first (rejected ones only when asked for)."""
    where = "" if include_rejected else " AND m.decision IS NOT 'rejected'"
    rows = store.db.execute(
        _SELECT + f" WHERE m.claim_id = ?{where} ORDER BY m.score DESC, m.id", [claim_id]
    ).fetchall()
    return [_stored(row) for row in rows]


def all_matches(store: Store) -> Iterator[StoredMatch]:
    """Every stored match, rejected ones too, by claim then score: for an export."""
    cursor = store.db.execute(_SELECT + " ORDER BY m.claim_id, m.score DESC, m.id")
    while rows := cursor.fetchmany(500):
        yield from (_stored(row) for row in rows)


def shown_match(store: Store, claim_id: int) -> StoredMatch | None:
    """The match the review screen puts on the claim: the best not rejected above the display
    threshold, a prior one before a later one."""
    found = [m for m in claim_matches(store, claim_id) if m.score >= matching.DISPLAY_THRESHOLD]
    found.sort(key=lambda m: (m.decision != "adopted", not m.prior, -m.score))
    return found[0] if found else None


def match(store: Store, match_id: int) -> StoredMatch:
    row = store.db.execute(_SELECT + " WHERE m.id = ?", [match_id]).fetchone()
    if row is None:
        raise NotFound(f"no match {match_id}")
    return _stored(row)


# ---- finding and storing ------------------------------------------------------------------------


def has_memory(store: Store) -> bool:
    """Anything to match against: a fact-check or a reviewed claim (two cheap probes)."""
    conn = store.db.conn
    if conn.execute("SELECT 1 FROM factchecks LIMIT 1").fetchone():
        return True
    return bool(
        conn.execute(
            "SELECT 1 FROM claims WHERE status IN"
            f" ({', '.join('?' * len(matching.DESK_VERDICTS))}) LIMIT 1",
            matching.DESK_VERDICTS,
        ).fetchone()
    )


def match_claims(store: Store, claim_ids: Iterable[int]) -> int:
    """Find and store the matches of these claims (their undecided matches replaced); returns
    how many matches were stored. Call inside a transaction or alone (it opens one)."""
    ids = list(claim_ids)
    if not ids:
        return 0
    conn = store.db.conn
    stored = 0
    memory = has_memory(store)  # with nothing to match against, undecided matches only go
    with store.transaction():
        catch_up(conn)
        for at in range(0, len(ids), 500):
            chunk = ids[at : at + 500]
            rows = conn.execute(
                "SELECT c.id, c.text, c.speaker, c.article_id, coalesce(a.published,"
                " substr(a.ingested_at, 1, 10)) FROM claims c JOIN articles a ON"
                f" a.id = c.article_id WHERE c.id IN ({', '.join('?' * len(chunk))})"
                " AND c.canonical_id IS NULL",
                chunk,
            ).fetchall()
            figures = matching.claim_figures(conn, [row[0] for row in rows])
            stamp = now()
            probes = [
                matching.Probe(text, speaker, figures.get(claim_id, ()), date, article_id, claim_id)
                for claim_id, text, speaker, article_id, date in rows
            ]
            found = matching.find_matches(conn, probes) if memory else [[] for _ in probes]
            for probe, matched in zip(probes, found, strict=True):
                stored += _store(store, probe.claim_id, matched, stamp)
    return stored


def _store(store: Store, claim_id: int, found: list[matching.Match], stamp: str) -> int:
    conn = store.db.conn
    decided = {
        target
        for (target,) in conn.execute(
            f"SELECT {TARGET} FROM matches m WHERE claim_id = ? AND decision IS NOT NULL",
            [claim_id],
        )
    }
    conn.execute("DELETE FROM matches WHERE claim_id = ? AND decision IS NULL", [claim_id])
    rows = [
        (
            claim_id,
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
    conn.executemany(
        "INSERT INTO matches (claim_id, factcheck_id, earlier_claim_id, score, reasons,"
        " timing, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
        rows,
    )
    return len(rows)


def match_article(store: Store, article_id: int) -> int:
    """Match every claim of a newly added article (the `add` hook)."""
    if not has_memory(store):
        return 0
    ids = [
        row[0]
        for row in store.db.execute("SELECT id FROM claims WHERE article_id = ?", [article_id])
    ]
    return match_claims(store, ids)


def reach(store: Store, claim_id: int) -> int:
    """A verdict just recorded on this claim reaches the claims of other articles that say the
    same, in the verdict's own write: the unreviewed claims sharing most words with it, and
    those it was offered to before (a verdict undone or turned into "dismissed" is offered no
    more), are matched again; returns how many matches were stored."""
    conn = store.db.conn
    row = conn.execute(
        "SELECT text, article_id, status FROM claims WHERE id = ?", [claim_id]
    ).fetchone()
    offered = {
        found
        for (found,) in conn.execute(
            "SELECT claim_id FROM matches WHERE earlier_claim_id = ? AND decision IS NULL",
            [claim_id],
        )
    }
    verdict = row is not None and row[2] in matching.DESK_VERDICTS
    expression = matching.fts_expression(row[0]) if verdict else ""
    if expression:
        offered.update(
            found
            for (found,) in conn.execute(
                "SELECT c.id FROM (SELECT rowid, rank FROM claims_fts WHERE claims_fts MATCH ?"
                " ORDER BY rank LIMIT ?) h JOIN claims c ON c.id = h.rowid"
                " WHERE c.status = 'unreviewed' AND c.article_id IS NOT ?"
                " AND c.canonical_id IS NULL ORDER BY h.rank LIMIT ?",
                [expression, REACHED * 4, row[1], REACHED],
            )
        )
    return match_claims(store, sorted(offered))


def refresh(store: Store, *, article_id: int | None = None, unreviewed_only: bool = True) -> int:
    """Match stored claims again (after loading fact-checks or recording verdicts)."""
    clauses = ["canonical_id IS NULL"]
    params: list[Any] = []
    if unreviewed_only:
        clauses.append("status = 'unreviewed'")
    if article_id is not None:
        clauses.append("article_id = ?")
        params.append(article_id)
    ids = [
        row[0]
        for row in store.db.execute(
            f"SELECT id FROM claims WHERE {' AND '.join(clauses)} ORDER BY id", params
        )
    ]
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
        found = match(store, match_id)
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
        found = match(store, match_id)
        _decide(store, found, "rejected", who, {})
    return match(store, match_id)


def _decide(
    store: Store, found: StoredMatch, decision: str, who: str, details: dict[str, Any]
) -> None:
    store.db.execute(
        "UPDATE matches SET decision = ?, decided_by = ?, decided_at = ? WHERE id = ?",
        [decision, who, now(), found.id],
    )
    store.log_event(
        EVENTS[decision],
        claim_id=found.claim_id,
        old=found.decision,
        new=decision,
        note=found.target,
        details={"match_id": found.id, "target": found.target, "score": found.score, **details},
        reviewer=who,
    )


def _verdict_of(found: StoredMatch) -> str | None:
    if found.earlier_claim_id:
        return found.verdict if found.verdict in matching.DESK_VERDICTS else None
    return found.verdict or verdict_for(found.rating)


def citations(store: Store, claim_id: int) -> list[dict[str, Any]]:
    """The earlier fact-checks a published ClaimReview of this claim cites: those the reviewer
    adopted (a match nobody confirmed is not published)."""
    rows = store.db.execute(
        "SELECT f.url, f.checker, f.review_date, f.rating FROM matches m JOIN factchecks f"
        " ON f.id = m.factcheck_id WHERE m.claim_id = ? AND m.decision = 'adopted'"
        " AND f.url IS NOT NULL ORDER BY m.score DESC, m.id",
        [claim_id],
    ).fetchall()
    cited = []
    for url, checker, day, rating in rows:
        item: dict[str, Any] = {"@type": "ClaimReview", "url": url}
        if checker:
            item["author"] = {"@type": "Organization", "name": checker}
        if day:
            item["datePublished"] = day
        if rating:
            item["reviewRating"] = {"@type": "Rating", "alternateName": rating}
        cited.append(item)
    return cited
