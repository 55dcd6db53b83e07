"""Listings that stream: rows go to stdout as a cursor yields them, so memory stays flat
however many rows there are.

JSON follows the ecosystem's convention (sqlite-utils, Datasette, llm): `--json` prints one JSON
array, `--nl` prints JSON Lines, one object per line.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, TextIO, TypeVar

import click

from claimcheck.cli.app import EXIT_OK

F = TypeVar("F", bound=Callable[..., Any])


def json_options(what: str) -> Callable[[F], F]:
    """--json (a JSON array) and --nl (JSON Lines) for a command that lists `what`."""

    def decorate(command: F) -> F:
        command = click.option(
            "--nl", "as_lines", is_flag=True, help=f"JSON Lines: one {what} per line."
        )(command)
        return click.option(
            "--json", "as_json", is_flag=True, help=f"A JSON array of {what}s (streamed)."
        )(command)

    return decorate


@contextmanager
def piped_stdout() -> Iterator[TextIO]:
    """stdout for a stream of rows; a reader that stops early (`| head`) ends the command
    quietly with exit 0, as it does for any Unix tool."""
    try:
        yield sys.stdout
        sys.stdout.flush()
    except BrokenPipeError:
        # Python flushes stdout again at exit: point it at /dev/null so that flush is silent.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(EXIT_OK)


def write_json(rows: Iterable[dict[str, Any]], out: TextIO, *, lines: bool) -> int:
    """Write `rows` as JSON Lines or as one JSON array, one row at a time; the row count."""
    count = 0
    write = out.write
    if not lines:
        write("[")
    for row in rows:
        if not lines:
            write(",\n" if count else "\n")
        write(json.dumps(row, ensure_ascii=False))
        if lines:
            write("\n")
        count += 1
    if not lines:
        write("\n]\n" if count else "]\n")
    return count
