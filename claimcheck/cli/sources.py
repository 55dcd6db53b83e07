"""Commands for sources and evidence: cite, fetch, evidence, stance."""

from __future__ import annotations

import json
import sys
from typing import Any

import click

from claimcheck.cli.app import (
    EXIT_INPUT_FAILED,
    EXIT_USAGE,
    Choice,
    cli,
    fail,
    open_store,
    printable,
)
from claimcheck.cli.listing import json_options, piped_stdout, write_json
from claimcheck.models import STANCES, shown_evidence
from claimcheck.sources import FetchSettings

MATCH_STYLES = {
    "number": {"fg": "green", "bold": True},
    "quote": {"fg": "cyan", "bold": True},
    "word": {"underline": True},
}
STANCE_COLOURS = {"supports": "green", "refutes": "red", "neutral": "yellow", "irrelevant": "blue"}


@cli.command()
@click.argument("claim_id", type=int)
@click.argument("target")
@click.option("--label", help="What the source is, e.g. 'NATO estimates, June 2024'.")
@click.option(
    "--resolves",
    "source_id",
    type=int,
    help="Give this unresolved source (an attribution without a link) the URL or file instead.",
)
@click.pass_context
def cite(
    ctx: click.Context, claim_id: int, target: str, label: str | None, source_id: int | None
) -> None:
    """Attach a source to a claim: an http(s) URL (fetched by `claimcheck fetch`) or a local
    file such as a PDF report (archived at once).

    \b
    Example:
        claimcheck cite 12 https://www.un.org/en/about-us/un-charter/chapter-5
        claimcheck cite 12 ~/Downloads/report.pdf --label "Ministry report"
        claimcheck cite 25 https://example.org/interview --resolves 4
    """
    from claimcheck import archive

    with open_store(ctx) as store:
        if source_id is not None:
            store.claim(claim_id)
            resolved = archive.resolve(store, source_id, target)
            click.echo(f"source {source_id} resolved to {printable(target)} (source {resolved})")
            return
        cited = archive.cite(store, claim_id, target, label=label)
        click.echo(f"claim {claim_id}: source {cited} {printable(target)}")


@cli.command()
@click.argument("claim_ids", nargs=-1, type=int)
@click.option("--all", "all_claims", is_flag=True, help="Fetch the sources of every claim.")
@click.option(
    "--refresh",
    is_flag=True,
    help="Check archived sources again (conditional requests; a 304 reuses the archive).",
)
@click.option(
    "--concurrency",
    type=click.IntRange(1, 64),
    default=FetchSettings.concurrency,
    show_default=True,
    help="Fetches at once (at most 4 per host).",
)
@click.option(
    "--timeout",
    type=click.FloatRange(0.1, 600),
    default=FetchSettings.read_timeout,
    show_default=True,
    help="Seconds to wait for a server's next bytes.",
)
@click.pass_context
def fetch(
    ctx: click.Context,
    claim_ids: tuple[int, ...],
    all_claims: bool,
    refresh: bool,
    concurrency: int,
    timeout: float,
) -> None:
    """Fetch and archive the sources of claims. Each fetch becomes a snapshot (raw bytes,
    extracted text, headers); dead links are recorded with their reason and the rest go on.

    \b
    Example:
        claimcheck fetch 12 14
        claimcheck fetch --all --refresh
    """
    from claimcheck import archive

    if not claim_ids and not all_claims:
        fail("name claim ids or pass --all", EXIT_USAGE)
    if claim_ids and all_claims:
        fail("name claim ids or pass --all, not both", EXIT_USAGE)
    settings = FetchSettings(concurrency=concurrency, read_timeout=timeout)
    bar: Any = None

    def plan(total: int) -> None:
        nonlocal bar
        if total and sys.stderr.isatty():
            bar = click.progressbar(length=total, label="Fetching", file=sys.stderr)
            bar.__enter__()

    def advance(outcome: archive.FetchOutcome) -> None:
        if bar is not None:
            bar.update(1)

    with open_store(ctx) as store:
        try:
            summary = archive.fetch_sources(
                store,
                list(claim_ids) or None,
                refresh=refresh,
                progress=advance,
                settings=settings,
                on_plan=plan,
            )
        finally:
            if bar is not None:
                bar.__exit__(None, None, None)
    click.echo(
        f"fetched {summary.fetched}, unchanged {summary.not_modified}, failed "
        f"{len(summary.failed)}, already archived {summary.skipped}, unresolved "
        f"{len(summary.unresolved)}"
    )
    for claim_id in summary.flagged:
        click.echo(
            f"claim {claim_id}: source changed since verified (claimcheck evidence {claim_id})"
        )
    for source in summary.unresolved:
        click.echo(
            f"unresolved: source {source['id']} '{printable(source['label'])}' has no URL"
            f" (claimcheck cite CLAIM URL --resolves {source['id']})",
            err=True,
        )
    for outcome in summary.failed:
        click.echo(
            f"error: source {outcome.source_id} {printable(outcome.url)}:"
            f" {printable(outcome.error)}",
            err=True,
        )
    if summary.failed:
        sys.exit(EXIT_INPUT_FAILED)


@cli.command()
@click.argument("claim_id", type=int)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=5,
    show_default=True,
    help="Passages to show (and every further one with a stance).",
)
@json_options("passage")
@click.pass_context
def evidence(ctx: click.Context, claim_id: int, limit: int, as_json: bool, as_lines: bool) -> None:
    """Rank the passages of a claim's archived sources and say why each matched: the claim's
    figures (same, rounded, or a mismatch), its quote (exact or with the differences), its words.
    The second reviewer of a flagged claim sees only their own stances until they decide.

    \b
    Example:
        claimcheck evidence 12
        claimcheck evidence 12 --nl | jq .reasons
    """
    from claimcheck.evidence import rank_claim
    from claimcheck.review_rules import evidence_as_seen

    with open_store(ctx) as store:
        rows = evidence_as_seen(store, claim_id, rank_claim(store, claim_id), store.reviewer)
        marker = store.source_change(claim_id)
        sources = store.claim_sources(claim_id)
        archived = sum(
            1 for s in sources if (latest := store.latest_snapshot(s["id"])) and latest["text"]
        )
    if as_json or as_lines:
        shown = (
            {**row, "reasons": json.loads(row["reasons"]), "matches": json.loads(row["matches"])}
            for row in shown_evidence(rows, limit)
        )
        with piped_stdout() as out:
            write_json(shown, out, lines=as_lines)
        return
    if marker:
        _show_change(marker)
    if not rows and archived:
        click.echo(
            f"claim {claim_id}: no passage of its {archived} archived source(s) matches it"
            " (nothing shares its figures, quote or words)",
            err=True,
        )
        return
    if not rows:
        if any(source["url"] for source in sources):
            hint = f"fetch its sources with `claimcheck fetch {claim_id}`"
        elif sources:
            hint = "its sources are attributions without a URL: `claimcheck cite --resolves`"
        else:
            hint = f"cite one first: `claimcheck cite {claim_id} URL`"
        click.echo(f"claim {claim_id}: no archived source text to search ({hint})", err=True)
        return
    for row in shown_evidence(rows, limit):
        click.echo(
            click.style(f"#{row['rank']} score {row['score']:.2f}", bold=True)
            + f"  evidence {row['id']}  "
            + _stance_label(row["stance"])
        )
        click.echo(
            f"  {printable(row['source_url'])} (snapshot {row['snapshot_id']},"
            f" chars {row['start']}-{row['end']})"
        )
        click.echo("  " + highlight(row["passage"], json.loads(row["matches"])))
        for reason in json.loads(row["reasons"]):
            click.echo("  - " + printable(reason))
        if row["stance_note"]:
            click.echo("  note: " + printable(row["stance_note"]))
        click.echo()


def _stance_label(stance: str | None) -> str:
    if stance is None:
        return click.style("no stance", dim=True)
    return click.style(f"stance: {stance}", fg=STANCE_COLOURS[stance], bold=True)


@cli.command("stance")
@click.argument("evidence_id", type=int)
@click.argument("stance", type=Choice([*STANCES, "clear"]))
@click.option("--note", help="Why: kept with the stance in the audit log.")
@click.option("--reviewer", help="Who decided (default: the global --reviewer or your login).")
@click.pass_context
def stance_command(
    ctx: click.Context, evidence_id: int, stance: str, note: str | None, reviewer: str | None
) -> None:
    """Record your stance on an evidence passage (its id is in `claimcheck evidence CLAIM`):
    it supports or refutes the claim, bears on it without settling it (neutral), or is
    irrelevant; `clear` removes it. Ranking again never drops a passage with a stance.

    \b
    Example:
        claimcheck evidence 12
        claimcheck stance 57 refutes --note "NATO puts it at 4.1 per cent"
        claimcheck stance 57 clear
    """
    with open_store(ctx) as store:
        row = store.set_stance(
            evidence_id, None if stance == "clear" else stance, note=note, reviewer=reviewer
        )
    click.echo(f"evidence {row['id']} (claim {row['claim_id']}): {row['stance'] or 'no stance'}")


def _show_change(marker: dict[str, Any]) -> None:
    click.echo(
        click.style("source changed since verified", fg="yellow", bold=True)
        + f": {printable(marker.get('url'))} (the verdict '{marker.get('verdict')}' was kept)"
    )
    for passage in marker.get("passages", []):
        click.echo("  before: " + printable(passage["before"]))
        click.echo("  after:  " + printable(passage["after"] or "(gone)"))
        for difference in passage.get("differences", []):
            click.echo("    " + printable(difference))
    click.echo()


def highlight(passage: str, matches: list[dict[str, Any]]) -> str:
    """The passage made safe for a terminal, with its matches styled (numbers, quotes, words)."""
    pieces = []
    cursor = 0
    for match in sorted(matches, key=lambda m: (m["start"], -m["end"])):
        if match["start"] < cursor:
            continue
        pieces.append(printable(passage[cursor : match["start"]]))
        pieces.append(
            click.style(
                printable(passage[match["start"] : match["end"]]), **MATCH_STYLES[match["kind"]]
            )
        )
        cursor = match["end"]
    pieces.append(printable(passage[cursor:]))
    return "".join(pieces).replace("\n", " ")
