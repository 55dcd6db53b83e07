"""Working beside other reviewers: the rules the review screen and `claimcheck verdict` share.

`decide` is a reviewer's verdict, from a key or from the CLI: a blind second reviewer's verdict
decides the second check; any other is recorded by `record_verdict` and clears the claim's
"source changed" marker in the same transaction; `undo` reopens what the undone verdict closed.
A verdict someone else gave is replaced only when the caller says so (the screen asks, the CLI
wants --replace), and the replacement is recorded as one. A second reviewer sees none of the
first reviewer's stances until they have decided — on the screen and in `claimcheck evidence`
alike. (Undo and a verdict's note are ruled in
`Store.undo` and `Store.set_verdict`, the only ways those fields change.)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimcheck import adjudication
from claimcheck.memory import matches
from claimcheck.models import Claim
from claimcheck.store import ConflictError, Store, StoreError


class ReplaceRefused(StoreError):
    """The claim carries another reviewer's verdict; replacing it needs an explicit yes."""

    def __init__(self, claim: Claim) -> None:
        super().__init__(
            f"claim {claim.id} has {claim.reviewer}'s verdict ({claim.status});"
            " replacing it must be confirmed (verdict --replace)"
        )
        self.claim = claim


def others_verdict(claim: Claim, reviewer: str) -> str | None:
    """Whose verdict recording one now would replace: another reviewer's name, else None."""
    if claim.status == "unreviewed" or claim.reviewer in (None, reviewer):
        return None
    return claim.reviewer


def record_verdict(
    store: Store,
    claim_id: int,
    status: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_version: int | None = None,
    replace: bool = False,
) -> Claim:
    """Record a verdict; another reviewer's verdict is replaced only with replace=True, and the
    event then names them. Checked and written under one write lock."""
    who = reviewer or store.reviewer
    with store.transaction():
        claim = store.claim(claim_id)
        if expected_version is not None and claim.version != expected_version:
            raise ConflictError(claim, expected_version)
        replaces = others_verdict(claim, who)
        if replaces and not replace:
            raise ReplaceRefused(claim)
        claim = store.set_verdict(
            claim_id,
            status,
            note=note,
            reviewer=who,
            expected_version=expected_version,
            replaces=replaces,
        )
        matches.reach(store, claim_id)  # the verdict reaches other articles' claims saying it
        return claim


@dataclass(frozen=True)
class Decided:
    """A verdict recorded: the claim as it now is and, when it was a blind second reviewer's
    verdict, the second check it closed (first verdict included, now that it may be shown)."""

    claim: Claim
    second_check: dict[str, Any] | None = None


def decide(
    store: Store,
    claim_id: int,
    status: str,
    *,
    note: str | None = None,
    reviewer: str | None = None,
    expected_version: int | None = None,
    replace: bool = False,
) -> Decided:
    """A reviewer's verdict, by the rules the screen's keys and `claimcheck verdict` share, in
    one transaction: on a claim waiting for this reviewer's second check it is the second-check
    verdict; otherwise it is recorded as record_verdict says, and a "source changed" marker on
    the claim is cleared (the fresh verdict is the re-check the marker asked for)."""
    who = reviewer or store.reviewer
    with store.transaction():
        claim = store.claim(claim_id)
        check = store.open_second_check(claim_id) if claim.status == "flagged" else None
        if blind_to(check, who):
            closed = store.second_check_verdict(
                claim_id, status, note=note, reviewer=who, expected_version=expected_version
            )
            if closed["agreed"] != 0:  # a disputed verdict waits for its settlement to reach others
                matches.reach(store, claim_id)
            return Decided(store.claim(claim_id), closed)
        claim = record_verdict(
            store,
            claim_id,
            status,
            note=note,
            reviewer=who,
            expected_version=expected_version,
            replace=replace,
        )
        if store.source_change(claim_id) is not None:
            claim = store.clear_source_changed(
                claim_id, reviewer=who, expected_version=claim.version
            )
        return Decided(claim)


def second_check_outcome(closed: dict[str, Any]) -> str:
    """ "alice said refuted; you agree": what a second reviewer learns once they have decided."""
    verdict = closed["first_verdict"] or "no provisional verdict"
    agreed = None if closed["agreed"] is None else bool(closed["agreed"])
    outcome = {True: "you agree", False: "you disagree", None: "nothing to compare"}[agreed]
    return f"{closed['first_reviewer']} said {verdict}; {outcome}"


def undo(store: Store, reviewer: str | None = None) -> Claim | None:
    """Undo this reviewer's latest change (see Store.undo); a second check they had decided is
    open again when the claim goes back to flagged, and a dispute they had settled waits again.
    None when there is nothing to undo."""
    who = reviewer or store.reviewer
    with store.transaction():
        restored = store.undo(who)
        if restored is not None and restored.status == "flagged":
            store.reopen_second_check(restored.id, reviewer=who)
        elif restored is not None and adjudication.reopen(store, restored.id, who):
            restored = store.claim(restored.id)
        if restored is not None:
            matches.reach(store, restored.id)
    return restored


def blind_to(check: dict[str, Any] | None, reviewer: str) -> bool:
    """Whether this reviewer is the blind second reviewer of an open second check: they see
    neither the first verdict, nor its note, nor the first reviewer's stances until they decide."""
    return check is not None and check["first_reviewer"] != reviewer


def evidence_as_seen(
    store: Store, claim_id: int, rows: list[dict[str, Any]], reviewer: str
) -> list[dict[str, Any]]:
    """A claim's evidence rows as this reviewer may see them (blind while a second check of
    theirs is open): the screen and `claimcheck evidence` both show these."""
    check = store.open_second_check(claim_id) if store.claim(claim_id).status == "flagged" else None
    return blind_evidence(store, rows, reviewer) if blind_to(check, reviewer) else rows


def blind_evidence(store: Store, rows: list[dict[str, Any]], reviewer: str) -> list[dict[str, Any]]:
    """Evidence rows as a blind second reviewer sees them: a stance (and its note) only where
    this reviewer took it."""
    if not rows:
        return rows
    takers = {
        event["evidence_id"]: event["reviewer"]
        for event in store.stance_events(rows[0]["claim_id"])
    }
    return [
        row if takers.get(row["id"]) == reviewer else {**row, "stance": None, "stance_note": None}
        for row in rows
    ]
