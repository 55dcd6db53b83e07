"""`claimcheck review`: open the review workbench (textual is imported only when it runs)."""

from __future__ import annotations

import click

from claimcheck.cli.app import Choice, cli, fail, printable
from claimcheck.models import KINDS, STATUSES
from claimcheck.store import StoreError, default_reviewer


@cli.command()
@click.option("--status", multiple=True, type=Choice(STATUSES), help="Only these statuses.")
@click.option("--kind", multiple=True, type=Choice(KINDS), help="Only these kinds.")
@click.option("--article", "article_id", type=int, help="Only this article's claims.")
@click.option("--search", help="Only claims matching these words (full text).")
@click.option("--sort", type=Choice(["position", "score", "priority", "due"]), default="position")
@click.option(
    "--second-check",
    is_flag=True,
    help="The claims others flagged for a second reviewer (their verdict hidden until yours).",
)
@click.option(
    "--sign-in",
    is_flag=True,
    help="Sign in with a reviewer account (claimcheck reviewers add) instead of --reviewer.",
)
@click.option(
    "--all",
    "everyone",
    is_flag=True,
    help="Also the claims assigned to other reviewers (default: mine, then unassigned).",
)
@click.option(
    "--adjudicate",
    is_flag=True,
    help="The claims whose blind second check disagreed: settle them (not your own).",
)
@click.pass_context
def review(
    ctx: click.Context,
    status: tuple[str, ...],
    kind: tuple[str, ...],
    article_id: int | None,
    search: str | None,
    sort: str,
    second_check: bool,
    sign_in: bool,
    everyone: bool,
    adjudicate: bool,
) -> None:
    """Review claims one by one in the terminal: one key per verdict, every verdict saved at
    once. Press ? inside for the keys; remap them in ~/.config/claimcheck/keys.toml. The queue
    is the claims assigned to you, then the unassigned ones; without filters it reopens where
    you left off (same filter and sort), and says what you decided when you quit.

    \b
    Example:
        claimcheck review --status unreviewed --sort score
        claimcheck --reviewer alice review --second-check
        claimcheck review --sign-in
        claimcheck --reviewer carol review --adjudicate
    """
    from claimcheck.review.app import NoTerminal, run_review
    from claimcheck.review.keys import KeyConfigError
    from claimcheck.review.query import QueueQuery

    query = QueueQuery(
        status=list(status),
        kind=list(kind),
        article_id=article_id,
        search=search,
        order=sort,
        second_check=second_check,
        everyone=everyone,
        adjudicate=adjudicate,
    )
    chosen = status or kind or article_id is not None or search or sort != "position" or everyone
    try:
        summary = run_review(
            ctx.obj["db"],
            reviewer=ctx.obj["reviewer"] or default_reviewer(),
            query=query,
            resume_filter=not chosen,
            sign_in=sign_in,
        )
    except (StoreError, KeyConfigError, NoTerminal) as error:
        fail(str(error))
    if summary:
        click.echo(printable(summary))
