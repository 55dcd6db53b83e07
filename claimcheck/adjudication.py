"""Settling disagreements: a blind second check whose verdict differs from the first reviewer's
waits here until a third reviewer settles it, on either verdict or on a third one with a note.

The settlement is written on the second check it settles (who, what, why, when), becomes the
claim's verdict (so exports and ClaimReview carry it), and is audited as its own `adjudication`
event beside the verdict event. The two reviewers who disagreed do not settle their own dispute,
unless one of them is the desk's editor (an account flag, `claimcheck reviewers editor NAME`):
on a desk of two there is no third reviewer, and the editor has the last word (the event says
the editor settled a dispute of their own).
"""

from __future__ import annotations

from dataclasses import dataclass

from claimcheck.memory import matches
from claimcheck.models import VERDICTS, Claim
from claimcheck.reviewers import is_editor
from claimcheck.store import Store, StoreError

SETTLE_VERDICTS = VERDICTS[:5]  # a dispute can end on any verdict but "flagged"
# evidence id -> (stance, note): the stances one reviewer took on a claim's passages
Stances = dict[int, tuple[str | None, str | None]]


@dataclass(frozen=True)
class Side:
    """One reviewer's side of a dispute: their verdict, their note, their stances on passages."""

    reviewer: str
    verdict: str
    note: str | None
    stances: Stances


@dataclass(frozen=True)
class Dispute:
    """A second check that disagreed, with both sides, and how it was settled (if it was)."""

    check_id: int
    claim_id: int
    first: Side
    second: Side
    adjudicated_by: str | None = None
    adjudicated_verdict: str | None = None
    adjudication_note: str | None = None


def pending_ids(store: Store, reviewer: str | None = None) -> set[int]:
    """Claims with a disagreement waiting to be settled (by this reviewer: not their own,
    unless they are the desk's editor)."""
    return store.disputed_ids(None if is_editor(store, reviewer) else reviewer)


def dispute(store: Store, claim_id: int) -> Dispute | None:
    """The claim's latest disagreeing second check, settled or not; None when it has none."""
    check = store.latest_disagreement(claim_id)
    if check is None:
        return None
    return Dispute(
        check_id=check["id"],
        claim_id=claim_id,
        first=Side(
            check["first_reviewer"],
            check["first_verdict"],
            check["first_note"],
            _stances(store, claim_id, check["first_reviewer"]),
        ),
        second=Side(
            check["second_reviewer"],
            check["second_verdict"],
            store.verdict_note(claim_id, check["second_reviewer"], check["decided_at"]),
            _stances(store, claim_id, check["second_reviewer"]),
        ),
        adjudicated_by=check["adjudicated_by"],
        adjudicated_verdict=check["adjudicated_verdict"],
        adjudication_note=check["adjudication_note"],
    )


def _stances(store: Store, claim_id: int, reviewer: str) -> Stances:
    """The stances this reviewer last took on the claim's passages."""
    return {
        event["evidence_id"]: (event["stance"], event["note"])
        for event in store.stance_events(claim_id)
        if event["reviewer"] == reviewer
    }


def adjudicate(
    store: Store,
    claim_id: int,
    verdict: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_version: int | None = None,
) -> Claim:
    """Settle a disputed claim on `verdict`: either side's (keeping that side's note unless a
    new one is given) or a third one, which needs a note saying why."""
    who = reviewer or store.reviewer
    if verdict not in SETTLE_VERDICTS:
        raise StoreError(
            f"claim {claim_id}: settle on one of {', '.join(SETTLE_VERDICTS)}, not {verdict!r}"
        )
    with store.transaction():
        found = dispute(store, claim_id)
        if found is None or found.adjudicated_by is not None:
            raise StoreError(f"claim {claim_id} has no disagreement waiting to be settled")
        own = who in (found.first.reviewer, found.second.reviewer)
        if own and not is_editor(store, who):
            raise StoreError(
                f"claim {claim_id}: you gave one of the two verdicts; a third reviewer or the"
                " desk's editor (claimcheck reviewers editor NAME) settles it"
            )
        sides = {found.first.verdict: found.first, found.second.verdict: found.second}
        side = sides.get(verdict)
        if side is None and not (note and note.strip()):
            raise StoreError(
                f"claim {claim_id}: a third verdict ({verdict}) needs a note saying why"
            )
        settled_on = "third" if side is None else "first" if side is found.first else "second"
        note = note or (side.note if side else None)
        claim = store.set_verdict(
            claim_id,
            verdict,
            note=note,
            reviewer=who,
            expected_version=expected_version,
            replaces=store.claim(claim_id).reviewer,
        )
        store.set_adjudication(found.check_id, who, verdict, note, claim.updated_at)
        matches.reach(store, claim_id)  # the settled verdict reaches other articles' claims
        store.log_event(
            "adjudication",
            claim_id=claim_id,
            article_id=claim.article_id,
            old=found.second.verdict,
            new=verdict,
            note=note,
            reviewer=who,
            details={
                "first_reviewer": found.first.reviewer,
                "first_verdict": found.first.verdict,
                "second_reviewer": found.second.reviewer,
                "second_verdict": found.second.verdict,
                "settled_on": settled_on,
                **({"own_dispute_as_editor": True} if own else {}),
            },
        )
    return claim


def reopen(store: Store, claim_id: int, reviewer: str) -> bool:
    """After this reviewer's adjudicating verdict was undone, the dispute waits again."""
    with store.transaction():
        found = dispute(store, claim_id)
        if found is None or found.adjudicated_by != reviewer:
            return False
        if store.claim(claim_id).reviewer == reviewer:  # their verdict still stands
            return False
        store.set_adjudication(found.check_id, None, None, None, None)
        store.log_event(
            "reopen_adjudication",
            claim_id=claim_id,
            old=found.adjudicated_verdict,
            reviewer=reviewer,
        )
    return True
