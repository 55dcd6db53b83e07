"""Commands for articles and claims: add, claims, show, stats, demo."""

from __future__ import annotations

import json
import shutil
import sys
from collections.abc import Iterable, Iterator
from contextlib import nullcontext
from itertools import islice
from pathlib import Path
from typing import Any

import click

from claimcheck.articles_meta import edit_article
from claimcheck.cli.app import EXIT_INPUT_FAILED, Choice, cli, fail, open_store, printable
from claimcheck.cli.article import describe
from claimcheck.cli.listing import json_options, piped_stdout, write_json
from claimcheck.ingest import MAX_ARTICLE_BYTES
from claimcheck.memory.matches import shown_match
from claimcheck.memory.matching import DISPLAY_THRESHOLD
from claimcheck.models import KINDS, STATUSES, Claim, Quantity
from claimcheck.pipeline import add_inputs, expand_inputs
from claimcheck.store import Store


@cli.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--title", help="Title (when adding one article).")
@click.option("--url", help="The article's URL (when adding a file).")
@click.option("--outlet", help="The publication.")
@click.option("--published", help="Publication date, YYYY-MM-DD: resolves 'yesterday' etc.")
@click.option(
    "--language",
    type=Choice(["en"]),
    help="Read the input as English even when it does not look English.",
)
@click.option(
    "--max-size",
    type=float,
    default=MAX_ARTICLE_BYTES / 1e6,
    help=f"Refuse inputs larger than this many MB.  [default: {MAX_ARTICLE_BYTES / 1e6:g} MB]",
)
@click.option(
    "--match/--no-match",
    default=True,
    show_default=True,
    help="Match the new claims against the claim memory (later: claimcheck matches --refresh).",
)
@click.pass_context
def add(
    ctx: click.Context,
    inputs: tuple[str, ...],
    title: str | None,
    url: str | None,
    outlet: str | None,
    published: str | None,
    language: str | None,
    max_size: float,
    match: bool,
) -> None:
    """Add articles (.txt, .md, .html, .pdf files, directories, globs, URLs, or - for stdin)
    and extract their claims. Adding the same article twice changes nothing, except the
    metadata given with --title/--url/--outlet/--published, which is updated.

    \b
    Example:
        claimcheck add seeds/*.txt
        curl -s https://example.org/story | claimcheck add - --url https://example.org/story
    """
    skipped: list[str] = []
    items = expand_inputs(inputs, skipped)
    for line in skipped:
        click.echo(printable(line), err=True)
    failed = 0
    with open_store(ctx) as store:
        outcomes = add_inputs(
            store,
            items,
            max_bytes=int(max_size * 1e6),
            title=title,
            url=url,
            outlet=outlet,
            published=published,
            language=language,
            match=match,
        )
        given = {"title": title, "url": url, "outlet": outlet, "published": published}
        show_bar = len(items) > 1 and sys.stderr.isatty()
        with (
            click.progressbar(
                outcomes,
                length=len(items),
                label="Adding",
                file=sys.stderr,
            )
            if show_bar
            else nullcontext(outcomes) as progress
        ):
            for outcome in progress:
                if outcome.error:
                    failed += 1
                    click.echo(f"error: {printable(outcome.error)}", err=True)
                    continue
                result = outcome.result
                assert result is not None
                if result.created:
                    repeats = f", {result.repeats} repeats" if result.repeats else ""
                    message = (
                        f"added article {result.article_id}: {result.claims} claims"
                        f"{repeats} ({printable(outcome.name)})"
                    )
                elif any(given.values()) and (
                    changed := edit_article(store, result.article_id, **given)
                ):
                    message = f"{describe(result.article_id, changed)} ({printable(outcome.name)})"
                else:
                    message = (
                        f"unchanged: article {result.article_id} is already in the "
                        f"database ({printable(outcome.name)})"
                    )
                if not show_bar:
                    click.echo(message)
    if failed:
        click.echo(f"{failed} of {len(items)} inputs failed", err=True)
        sys.exit(EXIT_INPUT_FAILED)


QUANTITY_FIELDS = ("surface", "value", "high", "unit", "qualifier", "of", "start", "end")
BATCH = 500


def _claim_dict(claim: Claim, quantities: list[dict[str, Any]]) -> dict[str, Any]:
    data = dict(claim.__dict__)
    data["quantities"] = [{k: q[k] for k in QUANTITY_FIELDS} for q in quantities]
    return data


def _claim_dicts(store: Store, claims: Iterable[Claim]) -> Iterator[dict[str, Any]]:
    """Claims as JSON-ready dicts with their quantities, a batch of quantities per query."""
    claims = iter(claims)
    while batch := list(islice(claims, BATCH)):
        quantities = store.quantities_of([claim.id for claim in batch])
        for claim in batch:
            yield _claim_dict(claim, quantities[claim.id])


@cli.command("claims")
@click.option("--status", multiple=True, type=Choice(STATUSES), help="Filter by status.")
@click.option("--kind", multiple=True, type=Choice(KINDS), help="Filter by kind.")
@click.option("--article", "article_id", type=int, help="Only this article's claims.")
@click.option("--min-score", type=click.FloatRange(0, 1), help="Minimum check-worthiness.")
@click.option("--search", help="Full-text search in the claim text.")
@click.option("--repeats/--no-repeats", default=False, help="Include repeated claims.")
@click.option(
    "--checked-before",
    is_flag=True,
    help="Only claims the claim memory matched to an earlier fact-check or verdict.",
)
@click.option("--assigned-to", help="Only claims assigned to this reviewer.")
@click.option("--unassigned", is_flag=True, help="Only claims assigned to nobody.")
@click.option("--sort", type=Choice(["position", "score", "priority", "due"]), default="position")
@click.option("--limit", type=int, help="At most this many claims.")
@json_options("claim")
@click.pass_context
def list_claims(
    ctx: click.Context,
    status: tuple[str, ...],
    kind: tuple[str, ...],
    article_id: int | None,
    min_score: float | None,
    search: str | None,
    repeats: bool,
    checked_before: bool,
    assigned_to: str | None,
    unassigned: bool,
    sort: str,
    limit: int | None,
    as_json: bool,
    as_lines: bool = False,
) -> None:
    """List claims, most useful filters first. Rows stream from the database as they are
    found, so a listing of a million claims takes no more memory than one of ten.

    \b
    Example:
        claimcheck claims --kind quantity --min-score 0.6
        claimcheck claims --status unreviewed --json | jq '.[].text'
        claimcheck claims --status unreviewed --nl | jq .text
        claimcheck claims --assigned-to alice --sort priority
    """
    with open_store(ctx, create=False) as store, piped_stdout() as out:
        claims = store.iter_claims(
            status=list(status),
            kind=list(kind),
            article_id=article_id,
            min_score=min_score,
            search=search,
            include_repeats=repeats,
            checked_before=DISPLAY_THRESHOLD if checked_before else None,
            assigned_to=assigned_to,
            unassigned=unassigned,
            order=sort,
            limit=limit,
        )
        if as_json or as_lines:
            write_json(_claim_dicts(store, claims), out, lines=as_lines)
            return
        width = shutil.get_terminal_size((100, 24)).columns
        out.write(f"{'ID':>5}  {'STATUS':<12} {'KIND':<10} {'SCORE':>5}  CLAIM\n")
        room = max(20, width - 38)
        count = 0
        for claim in claims:
            text = printable(claim.text).replace("\n", " ")
            if claim.assignee or claim.priority or claim.due:
                text = f"[{_routing(claim)}] {text}"
            if len(text) > room:
                text = text[: room - 1] + "…"
            out.write(
                f"{claim.id:>5}  {claim.status:<12} {claim.kind:<10} "
                f"{claim.checkworthiness:>5.2f}  {text}\n"
            )
            count += 1
    click.echo(f"{count} claims", err=True)


def _routing(claim: Claim) -> str:
    """ "@alice p1 due 2026-12-04": who has the claim, how urgent, by when."""
    parts = [f"@{printable(claim.assignee)}"] if claim.assignee else []
    if claim.priority:
        parts.append(f"p{claim.priority}")
    if claim.due:
        parts.append(f"due {claim.due}")
    return " ".join(parts)


@cli.command()
@click.argument("claim_id", type=int)
@click.option("--json", "as_json", is_flag=True, help="Print the claim as JSON.")
@click.pass_context
def show(ctx: click.Context, claim_id: int, as_json: bool) -> None:
    """Show one claim: its sentence in context, quantities, attribution, score and reasons.

    \b
    Example:
        claimcheck show 12
    """
    with open_store(ctx, create=False) as store:
        claim = store.claim(claim_id)
        article = store.article(claim.article_id)
        if as_json:
            data = _claim_dict(claim, store.quantities(claim.id))
            data["article"] = {k: article[k] for k in ("id", "title", "url", "published")}
            data["sources"] = store.claim_sources(claim_id)
            click.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        text = article["text"]
        before = text[max(0, claim.start - 240) : claim.start]
        after = text[claim.end : claim.end + 240]
        echo = lambda label, value: click.echo(  # noqa: E731
            click.style(f"{label:<13}", bold=True) + printable(str(value))
        )
        echo("Claim", f"{claim.id} ({claim.kind}; {', '.join(claim.kinds)})")
        echo("Article", f"{article['id']}: {article['title'] or ''}")
        echo("Status", claim.status + (f" by {claim.reviewer}" if claim.reviewer else ""))
        if claim.assignee or claim.priority or claim.due:
            echo("Assigned", _routing(claim))
        if claim.note:
            echo("Note", claim.note)
        echo("Score", f"{claim.checkworthiness:.2f}")
        for reason in claim.reasons:
            click.echo(" " * 13 + "- " + printable(reason))
        if claim.speaker or claim.attribution:
            venue = f" (to/on {claim.venue})" if claim.venue else ""
            echo("Speaker", f"{claim.speaker or '?'}{venue}")
            if claim.attribution:
                echo("Attribution", claim.attribution)
        if claim.quote:
            echo("Quote", claim.quote)
        for q in store.quantities(claim_id):
            echo("Quantity", f"{q['surface']}  ->  {Quantity.from_row(q).describe()}")
        for d in claim.dates:
            echo("Date", f"{d['surface']}  ->  {d['resolved'] or 'unresolved'}")
        for repeat in store.repeats(claim_id):
            echo("Repeated as", f"claim {repeat.id}")
        if claim.canonical_id:
            echo("Repeats", f"claim {claim.canonical_id}")
        if earlier := shown_match(store, claim_id):
            echo("Memory", f"{earlier.line()} (match {earlier.id}; claimcheck matches {claim_id})")
        for source in store.claim_sources(claim_id):
            where = source["url"] or f"unresolved: {source['label'] or '?'}"
            echo("Source", f"{where} ({source['link_kind']})")
        click.echo()
        click.echo(
            "…"
            + printable(before).replace("\n", "\n  ")
            + click.style(printable(text[claim.start : claim.end]), reverse=True)
            + printable(after).replace("\n", "\n  ")
            + "…"
        )


@cli.command()
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
@click.option(
    "--reviewer",
    "reviewer_name",
    help="One reviewer's work instead: claims decided, median time per claim, verdict mix.",
)
@click.pass_context
def stats(ctx: click.Context, as_json: bool, reviewer_name: str | None) -> None:
    """Counts: articles, claims by status and kind, sources, events; how far reviewers agree
    (per pair and per kind of claim: raw agreement and Cohen's kappa); what waits for a second
    check or an adjudication.

    \b
    Example:
        claimcheck stats --json
        claimcheck stats --reviewer alice
    """
    from claimcheck.agreement import agreement
    from claimcheck.sessions import reviewer_stats

    if reviewer_name is not None:
        with open_store(ctx, create=False) as store:
            figures = reviewer_stats(store, reviewer_name)
        if as_json:
            click.echo(json.dumps(figures, indent=2))
            return
        click.echo(f"{printable(reviewer_name)}: {printable(figures['summary'])}")
        click.echo(
            f"  assigned and waiting: {figures['assigned_waiting']};"
            f" second checks waiting for others: {figures['flagged_waiting']}"
        )
        return
    with open_store(ctx, create=False) as store:
        figures = store.stats()
        figures["agreement"] = agreement(store)
    if as_json:
        click.echo(json.dumps(figures, indent=2))
        return
    for key, value in figures.items():
        if key == "second_checks":
            click.echo(_second_check_line(value))
        elif key == "agreement":
            _agreement_lines(value)
        elif isinstance(value, dict):
            click.echo(f"{key}:")
            for name, count in value.items():
                click.echo(f"  {name or '-':<14} {count}")
        else:
            click.echo(f"{key:<16} {value}")


def _agreement_lines(figures: dict[str, Any]) -> None:
    """Agreement per reviewer pair and per claim kind, then what waits (issue 12)."""
    for title, rows in (
        ("by reviewer pair", figures["pairs"]),
        ("by claim kind", figures["kinds"]),
    ):
        if rows:
            click.echo(f"agreement {title}:  (checks, agreed, Cohen's kappa)")
        for name, row in rows.items():
            kappa = "-" if row["kappa"] is None else f"{row['kappa']:.2f}"
            click.echo(f"  {printable(name):<24} {row['n']:>4}  {row['raw']:>4.0%}  kappa {kappa}")
    click.echo(
        f"{'waiting':<16} {figures['pending_second_checks']} second checks,"
        f" {figures['pending_adjudications']} adjudications"
    )


def _second_check_line(checks: dict[str, Any]) -> str:
    """How often a second reviewer agreed with the first (review workbench, issue 4)."""
    line = f"{'second checks':<16} {checks['decided']} decided, {checks['open']} waiting"
    if checks["compared"]:
        line += (
            f"; second reviewers agreed on {checks['agreed']} of {checks['compared']}"
            f" ({checks['agreement']:.0%})"
        )
    return line


@cli.command()
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="A demo folder with a manifest.yaml (default: the seeds installed with claimcheck).",
)
@click.option(
    "--review/--no-review",
    "open_review",
    default=True,
    help="Open the review workbench (default), or print the claims table instead.",
)
@click.pass_context
def demo(ctx: click.Context, seeds_dir: Path | None, open_review: bool) -> None:
    """Build the demo database (./claims.db, or --db) from the seed article and its sources,
    which travel with the package, and open the review. Works from any folder.

    \b
    Example:
        claimcheck demo
        claimcheck --db /tmp/demo.db demo --no-review
    """
    from claimcheck.demo import SEEDS, build_demo

    seeds_dir = seeds_dir or SEEDS
    if not (seeds_dir / "manifest.yaml").is_file():
        fail(f"{seeds_dir}: no manifest.yaml in this demo folder")
    with open_store(ctx) as store:
        summary = build_demo(store, seeds_dir)
    click.echo(summary, err=True)
    if open_review:
        from claimcheck.cli.review import review

        ctx.invoke(review)
        return
    ctx.invoke(
        list_claims,
        status=(),
        kind=(),
        article_id=None,
        min_score=None,
        search=None,
        repeats=False,
        checked_before=False,
        assigned_to=None,
        unassigned=False,
        sort="position",
        limit=None,
        as_json=False,
    )
