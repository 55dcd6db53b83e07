"""Commands of the claim memory: factchecks import/list/search/stats, matches, adopt, reject."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import click

from claimcheck.cli.app import EXIT_INPUT_FAILED, Choice, cli, fail, open_store, printable
from claimcheck.cli.listing import json_options, piped_stdout, write_json
from claimcheck.memory import matches as memory
from claimcheck.memory.factchecks import import_files
from claimcheck.memory.matching import DISPLAY_THRESHOLD
from claimcheck.models import VERDICTS
from claimcheck.review_rules import ReplaceRefused


@cli.group()
def factchecks() -> None:
    """Published fact-checks (schema.org ClaimReview) that new claims are matched against.

    \b
    Example:
        claimcheck factchecks import politifact.jsonl
        claimcheck factchecks search "defence spending"
    """


@factchecks.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option(
    "--skip-invalid",
    is_flag=True,
    help="Load a file's readable reviews even when some cannot be read (each still reported).",
)
@click.option(
    "--match/--no-match",
    default=True,
    show_default=True,
    help="Match the unreviewed claims already stored against the loaded fact-checks.",
)
@click.pass_context
def import_command(
    ctx: click.Context, files: tuple[Path, ...], skip_invalid: bool, match: bool
) -> None:
    """Load ClaimReview: JSON-LD (a fact-check page's, with or without @graph, or the page's
    HTML itself), a JSON array, JSON Lines, or a data feed ({"dataFeedElement": [...]}). Each
    file goes in whole or not at all; importing it again adds nothing.

    \b
    Example:
        claimcheck factchecks import politifact-feed.json fullfact/*.jsonl
    """
    failed = loaded = 0
    with open_store(ctx) as store:
        for summary in import_files(store, files, skip_invalid=skip_invalid):
            loaded += summary.added + summary.updated
            for error in summary.errors:
                click.echo(f"error: {printable(error)}", err=True)
            if summary.errors:
                failed += 1
            if not summary.written:
                click.echo(f"{printable(summary.path)}: nothing imported", err=True)
                continue
            click.echo(
                f"{printable(summary.path)}: {summary.added} added, {summary.updated} updated,"
                f" {summary.unchanged} already loaded"
            )
        if match and loaded:
            stored = memory.refresh(store)
            click.echo(f"matched the unreviewed claims: {stored} matches stored", err=True)
    if failed:
        sys.exit(EXIT_INPUT_FAILED)


def _factcheck_line(row: dict[str, Any]) -> str:
    rating = row["rating"] or row["verdict"] or "?"
    who = row["claimant"] or "?"
    head = f"{row['id']:>6}  {row['review_date'] or 'undated':<10}  {row['checker'] or '?'}"
    return printable(f"{head}: {rating} — {who}: {row['claim']}")


def _echo_factchecks(rows: list[dict[str, Any]], as_json: bool, as_lines: bool) -> None:
    if as_json or as_lines:
        with piped_stdout() as out:
            write_json(rows, out, lines=as_lines)
        return
    for row in rows:
        click.echo(_factcheck_line(row))


@factchecks.command("list")
@click.option("--checker", help="Only this fact-checker's reviews (part of the name).")
@click.option("--verdict", type=Choice(VERDICTS[:4]), help="Only ratings amounting to it.")
@click.option("--since", help="Reviews published on or after YYYY-MM-DD.")
@click.option("--limit", type=int, default=50, show_default=True)
@json_options("fact-check")
@click.pass_context
def list_command(
    ctx: click.Context,
    checker: str | None,
    verdict: str | None,
    since: str | None,
    limit: int,
    as_json: bool,
    as_lines: bool,
) -> None:
    """List loaded fact-checks, newest first.

    \b
    Example:
        claimcheck factchecks list --checker PolitiFact --verdict refuted
    """
    with open_store(ctx, create=False) as store:
        rows = store.factchecks(checker=checker, verdict=verdict, since=since, limit=limit)
    _echo_factchecks(rows, as_json, as_lines)


@factchecks.command("search")
@click.argument("words")
@click.option("--limit", type=int, default=20, show_default=True)
@json_options("fact-check")
@click.pass_context
def search_command(
    ctx: click.Context, words: str, limit: int, as_json: bool, as_lines: bool
) -> None:
    """Full-text search of the loaded fact-checks (claim and claimant), best first.

    \b
    Example:
        claimcheck factchecks search "murders Chicago"
    """
    with open_store(ctx, create=False) as store:
        rows = store.search_factchecks(words, limit)
    _echo_factchecks(rows, as_json, as_lines)


@factchecks.command("stats")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def stats_command(ctx: click.Context, as_json: bool) -> None:
    """How many fact-checks, from whom, with which verdicts, over which dates.

    \b
    Example:
        claimcheck factchecks stats
    """
    with open_store(ctx, create=False) as store:
        figures = store.factcheck_stats()
    if as_json:
        click.echo(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    click.echo(f"{'factchecks':<14} {figures['factchecks']}")
    click.echo(f"{'reviewed':<14} {figures['first_review']} .. {figures['last_review']}")
    click.echo(f"{'undated':<14} {figures['undated']}")
    for title in ("by_checker", "by_verdict"):
        click.echo(f"{title.replace('_', ' ')}:")
        for name, count in figures[title].items():
            click.echo(f"  {printable(name):<24} {count}")


@cli.command("matches")
@click.argument("claim_id", type=int, required=False)
@click.option("--refresh", is_flag=True, help="Match claims again (this one, or all unreviewed).")
@click.option("--article", "article_id", type=int, help="With --refresh: this article's claims.")
@click.option("--rejected", is_flag=True, help="Also list matches marked wrong.")
@click.option("--all", "every", is_flag=True, help="Every stored match, as JSON lines.")
@json_options("match")
@click.pass_context
def matches_command(
    ctx: click.Context,
    claim_id: int | None,
    refresh: bool,
    article_id: int | None,
    rejected: bool,
    every: bool,
    as_json: bool,
    as_lines: bool,
) -> None:
    """A claim's matches in the claim memory — earlier fact-checks and the desk's own verdicts
    on other articles — with score, timing (prior or later than the claim's article) and why.

    \b
    Example:
        claimcheck matches 12
        claimcheck matches --refresh
        claimcheck matches --all > matches.jsonl
    """
    if claim_id is None and not refresh and not every:
        fail("give a claim id, --all, or --refresh to match stored claims again", 2)
    with open_store(ctx, create=False) as store:
        if every:
            with piped_stdout() as out:
                write_json((item.__dict__ for item in store.all_matches()), out, lines=True)
            return
        if refresh:
            if claim_id is not None:
                store.claim(claim_id)
                stored = memory.match_claims(store, [claim_id])
            else:
                stored = memory.refresh(store, article_id=article_id)
            click.echo(f"{stored} matches stored", err=True)
        if claim_id is None:
            return
        store.claim(claim_id)
        found = store.claim_matches(claim_id, include_rejected=rejected)
    if as_json or as_lines:
        with piped_stdout() as out:
            write_json((item.__dict__ for item in found), out, lines=as_lines)
        return
    for item in found:
        shown = "shown" if item.score >= DISPLAY_THRESHOLD else "below display threshold"
        decided = f"; {item.decision} by {item.decided_by}" if item.decision else ""
        click.echo(printable(f"match {item.id}  score {item.score:.2f} ({shown}){decided}"))
        click.echo(printable(f"  {item.line()}"))
        what = (
            f"fact-check {item.factcheck_id}"
            if item.factcheck_id
            else f"claim {item.earlier_claim_id}"
        )
        click.echo(printable(f"  {what}: {item.text}"))
        if item.url:
            click.echo(printable(f"  {item.url}"))
        for reason in item.reasons:
            click.echo(printable(f"  - {reason}"))
    if not found:
        click.echo(f"claim {claim_id}: no matches", err=True)


@cli.command("adopt")
@click.argument("match_id", type=int)
@click.option("--replace", is_flag=True, help="Replace another reviewer's verdict.")
@click.pass_context
def adopt_command(ctx: click.Context, match_id: int, replace: bool) -> None:
    """Adopt a match's earlier verdict for its claim: recorded as your verdict with a note
    naming the fact-check, its page cited as a source, audited.

    \b
    Example:
        claimcheck adopt 7
    """
    with open_store(ctx, create=False) as store:
        try:
            claim = memory.adopt(store, match_id, replace=replace)
        except ReplaceRefused as error:
            fail(str(error).replace("verdict --replace", "adopt --replace"))
    click.echo(printable(f"claim {claim.id}: {claim.status} ({claim.note})"))


@cli.command("reject")
@click.argument("match_id", type=int)
@click.pass_context
def reject_command(ctx: click.Context, match_id: int) -> None:
    """Mark a match wrong: it is remembered and never offered for that claim again.

    \b
    Example:
        claimcheck reject 7
    """
    with open_store(ctx, create=False) as store:
        found = memory.reject(store, match_id)
    click.echo(f"match {found.id} of claim {found.claim_id}: rejected")
