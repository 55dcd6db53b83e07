"""`claimcheck reviewers`: the accounts that sign in to the served review (add, list, disable)."""

from __future__ import annotations

import sys

import click

from claimcheck import reviewers as accounts
from claimcheck.cli.app import cli, fail, open_store, printable


@cli.group()
def reviewers() -> None:
    """Reviewer accounts: a name and a passphrase (kept as a salted scrypt hash) to sign in to
    `claimcheck serve` and `claimcheck review --sign-in`.

    \b
    Example:
        claimcheck reviewers add alice
        claimcheck reviewers list
    """


@reviewers.command("add")
@click.argument("name")
@click.option(
    "--passphrase-file",
    type=click.File("r", encoding="utf-8"),
    help="Read the passphrase from the first line of this file (- for stdin) instead of asking.",
)
@click.pass_context
def add_reviewer(ctx: click.Context, name: str, passphrase_file: click.File | None) -> None:
    """Add a reviewer account; the passphrase is asked for twice (or read from a file or a
    pipe, for scripts) and only its salted hash is stored.

    \b
    Example:
        claimcheck reviewers add alice
        printf '%s\\n' "$PASS" | claimcheck reviewers add bob --passphrase-file -
    """
    passphrase = read_passphrase(passphrase_file)
    with open_store(ctx) as store:
        account = accounts.add_reviewer(store, name, passphrase)
    click.echo(f"added reviewer {printable(account.name)}")


@reviewers.command("passphrase")
@click.argument("name")
@click.option(
    "--passphrase-file",
    type=click.File("r", encoding="utf-8"),
    help="Read the new passphrase from the first line of this file (- for stdin).",
)
@click.pass_context
def set_passphrase(ctx: click.Context, name: str, passphrase_file: click.File | None) -> None:
    """Give a reviewer a new passphrase (it also clears their failed sign-ins).

    \b
    Example:
        claimcheck reviewers passphrase alice
    """
    passphrase = read_passphrase(passphrase_file)
    with open_store(ctx) as store:
        account = accounts.set_passphrase(store, name, passphrase)
    click.echo(f"new passphrase for {printable(account.name)}")


@reviewers.command("list")
@click.pass_context
def list_reviewers(ctx: click.Context) -> None:
    """List the reviewer accounts: name, enabled or disabled, editor, failed sign-ins, created.

    \b
    Example:
        claimcheck reviewers list
    """
    with open_store(ctx, create=False) as store:
        rows = accounts.reviewers(store)
    if not rows:
        click.echo("no reviewer accounts (claimcheck reviewers add NAME)")
    for account in rows:
        state = ("enabled" if account.enabled else "disabled") + (", editor" * account.editor)
        failed = f", {account.failed_sign_ins} failed sign-ins" if account.failed_sign_ins else ""
        click.echo(f"{printable(account.name)}\t{state}{failed}\tsince {account.created_at[:10]}")


@reviewers.command("disable")
@click.argument("name")
@click.pass_context
def disable(ctx: click.Context, name: str) -> None:
    """Stop a reviewer from signing in (their verdicts and events stay).

    \b
    Example:
        claimcheck reviewers disable alice
    """
    with open_store(ctx) as store:
        account = accounts.set_enabled(store, name, False)
    click.echo(f"disabled {printable(account.name)}")


@reviewers.command("enable")
@click.argument("name")
@click.pass_context
def enable(ctx: click.Context, name: str) -> None:
    """Let a disabled reviewer sign in again.

    \b
    Example:
        claimcheck reviewers enable alice
    """
    with open_store(ctx) as store:
        account = accounts.set_enabled(store, name, True)
    click.echo(f"enabled {printable(account.name)}")


@reviewers.command("editor")
@click.argument("name")
@click.option("--off", is_flag=True, help="Take the editor flag away.")
@click.pass_context
def editor(ctx: click.Context, name: str, off: bool) -> None:
    """Make a reviewer the desk's editor: they settle any disagreement in `review --adjudicate`
    or `adjudicate`, one where they gave one of the two verdicts too (a desk of two has no third
    reviewer). Audited.

    \b
    Example:
        claimcheck reviewers editor carol
        claimcheck reviewers editor carol --off
    """
    with open_store(ctx) as store:
        account = accounts.set_editor(store, name, not off)
    state = "the desk's editor" if account.editor else "not an editor"
    click.echo(f"{printable(account.name)} is {state}")


def read_passphrase(source: click.File | None) -> str:
    """From the file given, else asked twice at a terminal, else one line from stdin."""
    if source is None and sys.stdin.isatty():
        return click.prompt("passphrase", hide_input=True, confirmation_prompt=True)
    line = (source or sys.stdin).readline()
    passphrase = line.rstrip("\r\n")
    if not passphrase:
        fail("no passphrase given (type it at a terminal, or pass --passphrase-file)")
    return passphrase
