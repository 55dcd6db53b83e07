"""The docs test STYLE.md promised (as sqlite-utils' tests/test_docs.py does): every command and
subcommand has help with an example of itself, and the README names it."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import click
import pytest

from claimcheck.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")
GLOBAL_OPTIONS = {"--db", "--reviewer"}


def commands(command: click.Command, path: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
    yield path
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            yield from commands(sub, (*path, name))


def command_at(path: tuple[str, ...]) -> click.Command:
    command: click.Command = cli
    for name in path[1:]:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    return command


def invoked(line: str) -> tuple[str, ...]:
    """The command words of an example line: `claimcheck --db x.db bundle import f` -> the
    words after 'claimcheck' with the global options and their values left out."""
    words = line.split()
    if "claimcheck" not in words:
        return ()
    rest = words[words.index("claimcheck") + 1 :]
    out: list[str] = []
    skip = False
    for word in rest:
        if skip:
            skip = False
        elif word.split("=")[0] in GLOBAL_OPTIONS:
            skip = "=" not in word
        else:
            out.append(word)
    return ("claimcheck", *out)


ALL = sorted(commands(cli, ("claimcheck",)))


def test_every_command_is_found():
    assert ("claimcheck", "add") in ALL and ("claimcheck", "reviewers", "enable") in ALL
    assert len(ALL) > 30


@pytest.mark.parametrize("path", ALL, ids=" ".join)
def test_help_has_an_example_of_the_command(path):
    command = command_at(path)
    text = command.get_help(click.Context(command, info_name=" ".join(path)))
    assert "Example:" in text, f"{' '.join(path)} --help has no Example:"
    examples = text.split("Example:", 1)[1].splitlines()
    assert any(invoked(line)[: len(path)] == path for line in examples), (
        f"{' '.join(path)} --help: no example runs {' '.join(path)}"
    )


@pytest.mark.parametrize("path", ALL, ids=" ".join)
def test_readme_names_the_command(path):
    name = " ".join(path)
    assert re.search(re.escape(name) + r"(?![\w-])", README), f"README never names `{name}`"


def test_invoked_reads_past_global_options():
    words = ("claimcheck", "bundle", "import", "f")
    assert invoked("claimcheck --db o.db bundle import f") == words
    assert invoked("curl -s x | claimcheck add -") == ("claimcheck", "add", "-")
    assert invoked("make demo") == ()
