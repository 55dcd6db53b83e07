"""`claimcheck claim edit|speaker`: correct a claim's wording or name its speaker, through the
same core functions (and audit events) as the review screen's edit and speaker keys."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.app import cli, open_store, printable
from claimcheck.speakers import needs_speaker, people_named

EXPECT_VERSION = click.option(
    "--expect-version",
    type=int,
    help="Refuse if the claim is no longer at this version (someone else changed it).",
)


@cli.group()
def claim() -> None:
    """One claim: correct its wording, name its speaker.

    \b
    Example:
        claimcheck claim speaker 12 "Keir Starmer"
    """


@claim.command("edit")
@click.argument("claim_id", type=int)
@click.argument("text")
@EXPECT_VERSION
@click.pass_context
def edit(ctx: click.Context, claim_id: int, text: str, expect_version: int | None) -> None:
    """Reword a claim the extractor split badly (the article's sentence is kept), audited as an
    `edit_text` event; TEXT `-` reads the wording from stdin (several lines are kept).

    \b
    Example:
        claimcheck claim edit 12 "Defence spending was 2.3% of GDP in 2023"
        claimcheck claim edit 12 - < wording.txt
    """
    if text == "-":
        text = sys.stdin.read()
    with open_store(ctx, create=False) as store:
        edited = store.edit_text(claim_id, text, expected_version=expect_version)
    click.echo(f"claim {edited.id}: wording edited (version {edited.version})")


@claim.command("speaker")
@click.argument("claim_id", type=int)
@click.argument("name", required=False)
@EXPECT_VERSION
@click.pass_context
def speaker(
    ctx: click.Context, claim_id: int, name: str | None, expect_version: int | None
) -> None:
    """Name who said a claim, for an unresolved attribution ("a spokesman said") or a wrong
    speaker, audited as a `speaker` event. Without NAME: the claim's attribution and the people
    its article names, the likeliest first.

    \b
    Example:
        claimcheck claim speaker 24
        claimcheck claim speaker 24 "John Kirby"
    """
    with open_store(ctx, create=False) as store:
        if name is None:
            current = store.claim(claim_id)
            state = "unresolved" if needs_speaker(current) else "resolved"
            click.echo(f"claim {claim_id}: speaker {printable(current.speaker) or '?'} ({state})")
            if current.attribution:
                click.echo(f"attribution: {printable(current.attribution)}")
            click.echo("people named in the article, the likeliest first:")
            for person in people_named(store, current):
                click.echo(f"  {printable(person)}")
            return
        named = store.set_speaker(claim_id, name, expected_version=expect_version)
    click.echo(f"claim {named.id}: speaker {printable(named.speaker)} (version {named.version})")
