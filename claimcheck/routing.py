"""Routing work on a desk: who a claim is assigned to, how urgent it is, and whose queue it is in.

An editor assigns claims to one reviewer or round-robin over several; a claim already assigned
to someone else moves only when the editor says so (reassign). A reviewer's queue is the claims
assigned to them, then the unassigned ones: claims assigned to others are left to them unless
the reviewer asks for everything. Every change is one audited event per claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from claimcheck.store import Store, StoreError
from claimcheck.store.queue import Segment

PRIORITIES = range(1, 6)  # 1 is the most urgent


@dataclass
class Routed:
    """What an assign (or unassign) did: claim ids per reviewer, and the claims it left alone
    because someone else has them (reassign not asked for)."""

    assigned: dict[str | None, list[int]] = field(default_factory=dict)
    unchanged: list[int] = field(default_factory=list)
    kept: list[tuple[int, str]] = field(default_factory=list)
    scheduled: list[int] = field(default_factory=list)

    @property
    def changed(self) -> int:
        return sum(len(ids) for ids in self.assigned.values())


def parse_due(text: str) -> str:
    """A due time as typed (YYYY-MM-DD or an ISO date-time) in the form it is stored and
    sorted by; ValueError says what is wanted."""
    text = text.strip()
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text).isoformat(timespec="minutes")
    except ValueError:
        raise ValueError(
            f"due {text!r}: expected a date (2026-12-04) or a date and time (2026-12-04T17:00)"
        ) from None


def parse_schedule(text: str) -> tuple[int | None, str | None]:
    """What the screen's priority prompt takes: "1", "2026-12-04" or "1 2026-12-04T17:00";
    ValueError names the word it cannot read."""
    priority: int | None = None
    due: str | None = None
    for word in text.split():
        if word.isdigit() and len(word) == 1:
            priority = check_priority(int(word))
        else:
            due = parse_due(word)
    if priority is None and due is None:
        raise ValueError("give a priority (1-5), a due date, or both: e.g. 1 2026-12-04")
    return priority, due


def check_priority(priority: int) -> int:
    if priority not in PRIORITIES:
        raise ValueError(f"priority {priority}: expected 1 (most urgent) to 5")
    return priority


def select_claims(store: Store, claim_ids: list[int], **filters: Any) -> list[int]:
    """The claims to route: these ids (each must exist) and/or those matching the filters, in
    queue order; repeats are left out (they follow their claim's verdict)."""
    missing = store.missing_claims(claim_ids)
    if missing:
        raise StoreError(f"no claim {missing[0]}: nothing assigned")
    if claim_ids and not any(v not in (None, [], ()) for v in filters.values()):
        return list(dict.fromkeys(claim_ids))
    matching = store.claim_ids(include_repeats=False, **filters)
    if claim_ids:
        wanted = set(claim_ids)
        matching = [claim_id for claim_id in matching if claim_id in wanted]
    return matching


def assign(
    store: Store,
    claim_ids: list[int],
    reviewers: list[str],
    *,
    reassign: bool = False,
    priority: int | None = None,
    due: str | None = None,
    by: str | None = None,
) -> Routed:
    """Assign claims round-robin over `reviewers` (one reviewer: all to them); an empty list
    with a priority or due time only schedules. All in one transaction."""
    if priority is not None:
        check_priority(priority)
    result = Routed()
    with store.transaction():
        turn = 0
        for claim_id in claim_ids:
            current = store.claim(claim_id)
            if reviewers:
                if current.assignee in reviewers and not reassign:
                    result.unchanged.append(claim_id)
                elif current.assignee is not None and not reassign:
                    result.kept.append((claim_id, current.assignee))
                else:
                    target = reviewers[turn % len(reviewers)]
                    turn += 1
                    if target == current.assignee:
                        result.unchanged.append(claim_id)
                    else:
                        _set(store, current, {"assignee": target}, "assign", by)
                        result.assigned.setdefault(target, []).append(claim_id)
            if _schedule(store, claim_id, priority, due, by):
                result.scheduled.append(claim_id)
    return result


def unassign(store: Store, claim_ids: list[int], *, by: str | None = None) -> Routed:
    """Take claims out of whoever's queue they are in (they become unassigned)."""
    result = Routed()
    with store.transaction():
        for claim_id in claim_ids:
            current = store.claim(claim_id)
            if current.assignee is None:
                result.unchanged.append(claim_id)
            else:
                _set(store, current, {"assignee": None}, "unassign", by)
                result.assigned.setdefault(None, []).append(claim_id)
    return result


def schedule(
    store: Store,
    claim_id: int,
    *,
    priority: int | None = None,
    due: str | None = None,
    by: str | None = None,
) -> bool:
    """Set a claim's priority and/or due time (the screen's key); False when already so."""
    if priority is not None:
        check_priority(priority)
    with store.transaction():
        return _schedule(store, claim_id, priority, due, by)


def _schedule(
    store: Store, claim_id: int, priority: int | None, due: str | None, by: str | None
) -> bool:
    changes: dict[str, Any] = {}
    current = store.claim(claim_id)
    if priority is not None and priority != current.priority:
        changes["priority"] = priority
    if due is not None and due != current.due:
        changes["due"] = due
    if changes:
        _set(store, current, changes, "schedule", by)
    return bool(changes)


def _set(store: Store, claim: Any, changes: dict[str, Any], action: str, by: str | None) -> None:
    """Write routing fields and their event. Not a verdict: the claim's version stays, so a
    reviewer working on it is not told of a conflict that touches nothing they decide."""
    old = {name: getattr(claim, name) for name in changes}
    store.set_routing(
        claim, changes, action=action, old=_word(old), new=_word(changes), reviewer=by
    )


def _word(values: dict[str, Any]) -> str | None:
    """An event's old/new as one readable value: the assignee, or "priority 1, due ..."."""
    if set(values) == {"assignee"}:
        return values["assignee"]
    return ", ".join(f"{name} {value}" for name, value in values.items() if value is not None)


def queue_segments(
    reviewer: str,
    *,
    order: str = "position",
    second_check: bool = False,
    adjudicate: bool = False,
    editor: bool = False,
    everyone: bool = False,
    kept: frozenset[int] = frozenset(),
    **filters: Any,
) -> list[Segment]:
    """A reviewer's queue as segments: assigned to them, then unassigned; with everyone, every
    claim matching the filters (others' included) in one order. The second-check queue is
    everyone's (a flagged claim is still assigned to the reviewer who flagged it), and so is
    the adjudication queue (the desk's editor's holds their own disputes too)."""
    mode: dict[str, Any] = {"kept": kept}
    if second_check:
        mode["second_check_for"] = reviewer
    if adjudicate:
        mode["adjudicate_for"] = reviewer
        mode["editor"] = editor
    if everyone or second_check or adjudicate:
        return [Segment(order, filters, **mode)]
    return [
        Segment(order, {**filters, "assigned_to": reviewer}, **mode),
        Segment(order, {**filters, "unassigned": True}, **mode),
    ]


def queue_for(store: Store, reviewer: str, **options: Any) -> list[tuple[int, str]]:
    """A reviewer's whole queue as (id, status), in order (see queue_segments)."""
    return [
        (row[0], row[1])
        for segment in queue_segments(reviewer, **options)
        for row in store.queue_page(segment, limit=-1)
    ]


ROUTING_ACTIONS = ("assign", "unassign", "schedule")


@dataclass(frozen=True)
class Rerouted:
    """One routing change as an open review learns of it from the audit log."""

    claim_id: int
    action: str
    assignee: str | None
    by: str


def routed_since(store: Store, after: int | None) -> tuple[int, list[Rerouted]]:
    """The routing changes logged after event id `after` (None: from now on), and the latest
    event id to ask from next. Routing leaves a claim's version and updated_at alone (see
    `_set`), so an open review finds assignments here rather than among the claims' changes."""
    latest, rows = store.routing_events_since(after, ROUTING_ACTIONS)
    return latest, [
        Rerouted(claim_id, action, new if action == "assign" else None, by)
        for claim_id, action, new, by in rows
    ]
