"""The `extract` command: articles in, claim records out (JSON Lines), no database."""

from __future__ import annotations

import sys

import click

from claimcheck.cli.app import EXIT_INPUT_FAILED, cli, printable
from claimcheck.cli.listing import piped_stdout, write_json
from claimcheck.ingest import MAX_ARTICLE_BYTES
from claimcheck.pipeline import expand_inputs
from claimcheck.stream import RECORD_SUFFIXES, extract_inputs


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", help="Publication date, YYYY-MM-DD, for articles that give none.")
@click.option(
    "--max-size",
    type=float,
    default=MAX_ARTICLE_BYTES / 1e6,
    help=f"Refuse articles larger than this many MB.  [default: {MAX_ARTICLE_BYTES / 1e6:g} MB]",
)
def extract(inputs: tuple[str, ...], published: str | None, max_size: float) -> None:
    """Extract the claims of articles without a database: article files (.txt, .md, .html,
    .pdf, directories, globs) or JSON Lines archives (.jsonl, or - for stdin) of records
    {"url", "title", "text", "outlet", "published", "format"}. Prints one claim per line in the
    format `claimcheck import` reads, so extraction can run anywhere, in parallel, and the
    desk imports the result.

    \b
    Example:
        claimcheck extract archive/2024-*.jsonl > claims.jsonl
        claimcheck import claims.jsonl
    """
    skipped: list[str] = []
    items: list[str] = []
    for item in inputs:  # an archive stays itself; anything else expands as `add` expands it
        archive = item == "-" or item.lower().endswith(RECORD_SUFFIXES)
        items.extend([item] if archive else expand_inputs([item], skipped))
    for line in skipped:
        click.echo(printable(line), err=True)
    failed = articles = claims = 0
    with piped_stdout() as out:
        for result in extract_inputs(items, published=published, max_bytes=int(max_size * 1e6)):
            if result.error:
                failed += 1
                click.echo(f"error: {printable(result.error)}", err=True)
                continue
            articles += 1
            claims += write_json(result.claims, out, lines=True)
    click.echo(f"extracted {claims} claims from {articles} articles", err=True)
    if failed:
        click.echo(f"{failed} inputs failed", err=True)
        sys.exit(EXIT_INPUT_FAILED)
