"""The desk's commands: route claims to reviewers (assign, unassign), settle a disagreement
(adjudicate) and undo a change."""

from __future__ import annotations

import click

from claimcheck.adjudication import SETTLE_VERDICTS, adjudicate
from claimcheck.cli.app import EXIT_USAGE, Choice, cli, fail, open_store, printable
from claimcheck.models import KINDS, STATUSES
from claimcheck.review_rules import undo as undo_change
from claimcheck.routing import Routed, assign, parse_due, select_claims, unassign
from claimcheck.store import Store


def _selection_options(command: click.Command) -> click.Command:
    """The ways to pick claims, shared by assign and unassign."""
    for option in reversed(
        (
            click.argument("claim_ids", nargs=-1, type=int),
            click.option("--article", "article_id", type=int, help="This article's claims."),
            click.option("--kind", multiple=True, type=Choice(KINDS), help="Of these kinds."),
            click.option(
                "--status", multiple=True, type=Choice(STATUSES), help="With these statuses."
            ),
            click.option("--search", help="Matching these words (full text)."),
            click.option(
                "--min-score", type=click.FloatRange(0, 1), help="At least this check-worthy."
            ),
        )
    ):
        command = option(command)
    return command


def _pick(
    store: Store,
    claim_ids: tuple[int, ...],
    article_id: int | None,
    kind: tuple[str, ...],
    status: tuple[str, ...],
    search: str | None,
    min_score: float | None,
) -> list[int]:
    chosen = (claim_ids, article_id is not None, kind, status, search, min_score is not None)
    if not any(chosen):
        fail("say which claims: ids, or --article/--kind/--status/--search/--min-score", EXIT_USAGE)
    return select_claims(
        store,
        list(claim_ids),
        article_id=article_id,
        kind=list(kind),
        status=list(status),
        search=search,
        min_score=min_score,
    )


@cli.command("assign")
@_selection_options
@click.option("--to", "reviewers", multiple=True, help="The reviewer; several: round-robin.")
@click.option("--reassign", is_flag=True, help="Also move claims someone else has.")
@click.option("--priority", type=click.IntRange(1, 5), help="1 (most urgent) to 5.")
@click.option("--due", help="Due date or time: 2026-12-04 or 2026-12-04T17:00.")
@click.pass_context
def assign_command(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    article_id: int | None,
    kind: tuple[str, ...],
    status: tuple[str, ...],
    search: str | None,
    min_score: float | None,
    reviewers: tuple[str, ...],
    reassign: bool,
    priority: int | None,
    due: str | None,
) -> None:
    """Assign claims to a reviewer, or round-robin over several; a claim someone else has
    stays theirs unless --reassign. Set a priority and a due time on the way. Audited.

    \b
    Example:
        claimcheck assign --article 3 --to alice
        claimcheck assign --kind quantity --min-score 0.6 --to alice --to bob
        claimcheck assign 12 14 --to carol --reassign --priority 1 --due 2026-12-04T17:00
    """
    if not reviewers and priority is None and due is None:
        fail("say who gets them (--to NAME) or set --priority/--due", EXIT_USAGE)
    try:
        due = parse_due(due) if due is not None else None
    except ValueError as error:
        fail(str(error), EXIT_USAGE)
    with open_store(ctx, create=False) as store:
        ids = _pick(store, claim_ids, article_id, kind, status, search, min_score)
        result = assign(store, ids, list(reviewers), reassign=reassign, priority=priority, due=due)
    _report(result, len(ids))


@cli.command("unassign")
@_selection_options
@click.pass_context
def unassign_command(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    article_id: int | None,
    kind: tuple[str, ...],
    status: tuple[str, ...],
    search: str | None,
    min_score: float | None,
) -> None:
    """Take claims out of their reviewer's queue (they go back to everyone's). Audited.

    \b
    Example:
        claimcheck unassign 12 14
        claimcheck unassign --article 3
    """
    with open_store(ctx, create=False) as store:
        ids = _pick(store, claim_ids, article_id, kind, status, search, min_score)
        result = unassign(store, ids)
    _report(result, len(ids))


def _report(result: Routed, selected: int) -> None:
    for reviewer, ids in result.assigned.items():
        shown = ", ".join(map(str, ids[:12])) + (" …" if len(ids) > 12 else "")
        who = printable(reviewer) if reviewer else "nobody (unassigned)"
        click.echo(f"{who}: {_claims(len(ids))} ({shown})")
    for claim_id, holder in result.kept[:20]:
        click.echo(
            f"claim {claim_id}: kept by {printable(holder)} (--reassign to move it)", err=True
        )
    if len(result.kept) > 20:
        click.echo(f"… and {len(result.kept) - 20} more kept by others", err=True)
    if result.scheduled:
        click.echo(f"priority/due set on {_claims(len(result.scheduled))}")
    click.echo(
        f"{_claims(selected)} selected: {result.changed} changed, {len(result.unchanged)}"
        f" already so, {len(result.kept)} kept by others",
        err=True,
    )


def _claims(count: int) -> str:
    return f"{count} claim" if count == 1 else f"{count} claims"


@cli.command("adjudicate")
@click.argument("claim_id", type=int)
@click.argument("verdict", type=Choice(SETTLE_VERDICTS))
@click.option("--note", help="Why (required for a verdict neither reviewer gave).")
@click.option("--reviewer", help="Who settles it (default: the global --reviewer or your login).")
@click.pass_context
def adjudicate_command(
    ctx: click.Context, claim_id: int, verdict: str, note: str | None, reviewer: str | None
) -> None:
    """Settle a claim whose blind second check disagreed, as `review --adjudicate` does: on
    either reviewer's verdict or a third one with a note. Not by either of the two reviewers.

    \b
    Example:
        claimcheck --reviewer carol adjudicate 12 refuted
        claimcheck --reviewer carol adjudicate 12 misleading --note "true of 2023 only"
    """
    with open_store(ctx, create=False) as store:
        claim = adjudicate(store, claim_id, verdict, note=note, reviewer=reviewer)
    click.echo(f"claim {claim.id}: settled on {claim.status} by {printable(claim.reviewer)}")


@cli.command("undo")
@click.option("--reviewer", help="Whose change (default: the global --reviewer or your login).")
@click.pass_context
def undo_command(ctx: click.Context, reviewer: str | None) -> None:
    """Undo your latest verdict or note, as the review screen's undo key does: only your own,
    and only when nothing newer stands on it (else it refuses and says whose change is newer).

    \b
    Example:
        claimcheck --reviewer alice undo
    """
    with open_store(ctx, create=False) as store:
        restored = undo_change(store, reviewer or store.reviewer)
    if restored is None:
        fail("nothing of yours to undo")
    click.echo(f"claim {restored.id}: {restored.status} again (version {restored.version})")
