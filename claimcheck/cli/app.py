"""The click group, the shared --db option, and the exit codes every command uses."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from claimcheck import __version__
from claimcheck.store import Store, StoreError

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
@click.option(
    "--db",
    "db_path",
    envvar="CLAIMCHECK_DB",
    default="claims.db",
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database (also CLAIMCHECK_DB).",
)
@click.option(
    "--reviewer",
    envvar="CLAIMCHECK_REVIEWER",
    default=None,
    help="Name stored on every event (default: CLAIMCHECK_REVIEWER or your login).",
)
@click.pass_context
def cli(ctx: click.Context, db_path: str, reviewer: str | None) -> None:
    """claimcheck: pull the checkable claims out of news articles, archive their sources and
    review them from the keyboard.

    \b
    Example:
        claimcheck add article.html
        claimcheck claims --min-score 0.7
        claimcheck review
    """
    ctx.obj = {"db": db_path, "reviewer": reviewer}


@contextmanager
def open_store(ctx: click.Context) -> Iterator[Store]:
    """The store named by --db; a store error ends the command with one line and exit 1."""
    try:
        store = Store(ctx.obj["db"], reviewer=ctx.obj["reviewer"])
    except StoreError as error:
        fail(str(error))
    try:
        yield store
    except StoreError as error:
        fail(str(error))
    finally:
        store.close()


def fail(message: str, code: int = EXIT_INPUT_FAILED) -> None:
    click.echo(f"error: {printable(message)}", err=True)
    sys.exit(code)


def printable(text: str | None) -> str:
    """Text safe for a terminal: control characters (escape codes) shown, never executed."""
    if not text:
        return ""
    return "".join(
        char if char in "\n\t" or (char.isprintable() and char != "\x7f") else repr(char)[1:-1]
        for char in text
    )


def main() -> None:
    cli(prog_name="claimcheck")
