"""The click group, the shared --db option, and the exit codes every command uses."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import click

from claimcheck import __version__
from claimcheck.config import DEFAULT_DB, ENV_DB, ENV_REVIEWER
from claimcheck.errors import ClaimcheckError
from claimcheck.store import Store, StoreError
from claimcheck.suggest import did_you_mean

EXIT_OK = 0
EXIT_INPUT_FAILED = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports Ctrl-C


class Choice(click.Choice):
    """click.Choice whose refusal suggests the closest choice, as `claimcheck import` does:
    `claimcheck verdict 5 suported` -> "... (did you mean 'supported'?)"."""

    def get_invalid_choice_message(self, value: Any, ctx: click.Context | None) -> str:
        message = super().get_invalid_choice_message(value, ctx).rstrip(".")
        return f"{message}{did_you_mean(str(value), [str(c) for c in self.choices])}."


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="claimcheck")
@click.option(
    "--db",
    "db_path",
    envvar=ENV_DB,
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="The SQLite database (also CLAIMCHECK_DB).",
)
@click.option(
    "--reviewer",
    envvar=ENV_REVIEWER,
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
def open_store(ctx: click.Context, *, create: bool = True) -> Iterator[Store]:
    """The store named by --db; a store error ends the command with one line and exit 1.
    A command that only reads passes create=False: a missing database is an error, not made."""
    try:
        store = Store(ctx.obj["db"], reviewer=ctx.obj["reviewer"], create=create)
    except StoreError as error:
        fail(str(error))
    try:
        yield store
    except ClaimcheckError as error:
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
    if text.isprintable():  # the common case, decided in C
        return text
    return "".join(
        char if char in "\n\t" or (char.isprintable() and char != "\x7f") else repr(char)[1:-1]
        for char in text
    )


def main() -> None:
    """Run the CLI; Ctrl-C ends any command with one line and exit 130, never a traceback."""
    try:
        code = cli.main(prog_name="claimcheck", standalone_mode=False)
    except click.Abort as abort:
        interrupted = isinstance(abort.__cause__, KeyboardInterrupt)
        click.echo("interrupted" if interrupted else "Aborted!", err=True)
        sys.exit(EXIT_INTERRUPTED if interrupted else EXIT_INPUT_FAILED)
    except KeyboardInterrupt:  # arrived after the command, while it was closing
        click.echo("\ninterrupted", err=True)
        sys.exit(EXIT_INTERRUPTED)
    except click.ClickException as error:
        error.show()
        sys.exit(error.exit_code)
    sys.exit(code if isinstance(code, int) else EXIT_OK)
