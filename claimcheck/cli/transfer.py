"""Commands for pipelines: import, export, verdict."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TextIO

import click

from claimcheck.claimreview import Organisation
from claimcheck.cli.app import (
    EXIT_INPUT_FAILED,
    EXIT_USAGE,
    Choice,
    cli,
    fail,
    open_store,
    printable,
)
from claimcheck.cli.listing import piped_stdout
from claimcheck.config import ENV_ORG_NAME, ENV_ORG_URL, ENV_REVIEW_URL
from claimcheck.export import FORMATS, ExportFilter, export
from claimcheck.importer import ImportReport, describe, import_file, json_summary
from claimcheck.models import KINDS, STATUSES
from claimcheck.review_rules import decide, second_check_outcome

PROGRESS_MIN_BYTES = 1_000_000
MAX_CHANGES_SHOWN = 50


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--update", is_flag=True, help="Apply fields that differ (recorded as events).")
@click.option(
    "--force",
    is_flag=True,
    help="With --update, also apply records older than the claim in the database.",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option(
    "--allow-root",
    "allow_roots",
    multiple=True,
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="A folder outside the manifest's own that its paths may name (repeatable).",
)
@click.pass_context
def import_command(
    ctx: click.Context,
    files: tuple[Path, ...],
    dry_run: bool,
    update: bool,
    as_json: bool,
    allow_roots: tuple[Path, ...],
    force: bool,
) -> None:
    """Import YAML manifests, JSONL or CSV claim files; each file goes in whole or not at all.
    Importing a file again changes nothing; --update applies what differs, except where a
    claim changed after the file was exported (its version is newer): --force overwrites those.

    \b
    Example:
        claimcheck import newsroom/manifest.yaml
        claimcheck export --format jsonl -o claims.jsonl
        claimcheck --db copy.db import claims.jsonl --dry-run
    """
    reports: list[ImportReport] = []
    with open_store(ctx) as store:
        for path in files:
            with _progress_bar(path) as progress:
                report = import_file(
                    store,
                    path,
                    update=update,
                    dry_run=dry_run,
                    progress=progress,
                    allow_roots=allow_roots,
                    force=force,
                )
            reports.append(report)
            for error in report.errors:
                for line in error.splitlines():
                    click.echo(f"error: {printable(line)}", err=True)
            if not as_json:
                for change in report.changes[:MAX_CHANGES_SHOWN]:
                    click.echo(f"  {printable(change)}")
                if len(report.changes) > MAX_CHANGES_SHOWN:
                    click.echo(f"  ... and {len(report.changes) - MAX_CHANGES_SHOWN} more")
                click.echo(printable(describe(report)))
    if as_json:
        click.echo(json_summary(reports))
    failed = sum(r.failed for r in reports)
    if len(reports) > 1 and not as_json:
        total = {key: sum(r.counts()[key] for r in reports) for key in reports[0].counts()}
        click.echo(
            f"total: {total['articles']} articles, {total['claims']} claims, {total['sources']}"
            f" sources, {total['links']} links added; {total['unchanged']} unchanged;"
            f" {total['updated']} updated;"
            f" {failed} of {len(reports)} files failed"
        )
    if failed:
        sys.exit(EXIT_INPUT_FAILED)


@contextmanager
def _progress_bar(path: Path) -> Iterator[Callable[[int], None] | None]:
    """A progress bar on stderr for large files, when stderr is a terminal."""
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    if size < PROGRESS_MIN_BYTES or not sys.stderr.isatty():
        yield None
        return
    with click.progressbar(length=size, label=printable(path.name), file=sys.stderr) as bar:
        yield bar.update


@cli.command()
@click.argument("claim_id", type=int)
@click.argument("status", type=Choice(STATUSES))
@click.option("--note", help="Why: stored with the verdict.")
@click.option("--reviewer", help="Who decided (default: the global --reviewer or your login).")
@click.option(
    "--expect-version",
    type=int,
    help="Refuse if the claim is no longer at this version (someone else changed it).",
)
@click.option("--replace", is_flag=True, help="Replace another reviewer's verdict (recorded).")
@click.pass_context
def verdict(
    ctx: click.Context,
    claim_id: int,
    status: str,
    note: str | None,
    reviewer: str | None,
    expect_version: int | None,
    replace: bool,
) -> None:
    """Record a verdict on a claim, with the same rules and audit as the review screen
    (the verdict carries to the claim's repeats). Another reviewer's verdict is replaced only
    with --replace; a verdict without --note clears a note someone else wrote. On a claim
    flagged by someone else for a second check, it is the second check's verdict; a verdict
    clears the claim's "source changed" marker.

    \b
    Example:
        claimcheck verdict 12 refuted --note "NATO puts it at 2.3%" --reviewer alice
        claimcheck verdict 12 supported --replace --expect-version 3
    """
    with open_store(ctx, create=False) as store:
        decided = decide(
            store,
            claim_id,
            status,
            note=note,
            reviewer=reviewer,
            expected_version=expect_version,
            replace=replace,
        )
    claim = decided.claim
    click.echo(f"claim {claim.id}: {claim.status} (version {claim.version}, by {claim.reviewer})")
    if decided.second_check:
        click.echo(f"second check: {printable(second_check_outcome(decided.second_check))}")


@cli.command("export")
@click.option("--format", "fmt", type=Choice(FORMATS), default="jsonl", show_default=True)
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write here (replaced only when the export is complete); default stdout.",
)
@click.option("--status", multiple=True, type=Choice(STATUSES), help="Only this status.")
@click.option("--kind", multiple=True, type=Choice(KINDS), help="Only this kind.")
@click.option("--article", "article_id", type=int, help="Only this article's claims.")
@click.option("--reviewed-by", help="Only claims whose verdict this reviewer gave.")
@click.option(
    "--since",
    type=click.DateTime(["%Y-%m-%d", "%Y-%m-%dT%H:%M:%S"]),
    help="Only reviewed claims changed (verdict, note, text) on or after this date (YYYY-MM-DD).",
)
@click.option("--org-name", envvar=ENV_ORG_NAME, help="ClaimReview author (organisation).")
@click.option("--org-url", envvar=ENV_ORG_URL, help="The organisation's website.")
@click.option(
    "--review-url",
    envvar=ENV_REVIEW_URL,
    default="{org_url}#claim-{id}",
    show_default=True,
    help="Where each published review lives: a template with {org_url} and {id}.",
)
@click.pass_context
def export_command(
    ctx: click.Context,
    fmt: str,
    output: Path | None,
    status: tuple[str, ...],
    kind: tuple[str, ...],
    article_id: int | None,
    reviewed_by: str | None,
    since: datetime | None,
    org_name: str | None,
    org_url: str | None,
    review_url: str,
) -> None:
    """Export claims with their status: csv, json, jsonl (one claim per line; the importer
    reads these back), markdown (a report per article) or claimreview (schema.org JSON-LD for
    reviewed claims; needs --org-name). Streams to stdout unless -o is given.

    \b
    Example:
        claimcheck export --format csv -o claims.csv --status refuted --status misleading
        claimcheck export --format claimreview --org-name "Example Checks" \\
            --org-url https://checks.example.org --since 2024-09-01 > reviews.json
    """
    organisation = None
    if fmt == "claimreview":
        if not org_name:
            fail("claimreview needs --org-name (or CLAIMCHECK_ORG_NAME)", EXIT_USAGE)
        organisation = Organisation(org_name, org_url, review_url)
    filters = ExportFilter(
        status=status,
        kind=kind,
        article_id=article_id,
        reviewer=reviewed_by,
        since=since.isoformat() if since else None,
    )
    with open_store(ctx, create=False) as store, _destination(output) as out:
        result = export(store, fmt, out, filters, organisation=organisation)
    for warning in result.warnings:
        click.echo(f"warning: {printable(warning)}", err=True)
    click.echo(f"exported {result.count} claims ({fmt})", err=True)


@contextmanager
def _destination(output: Path | None) -> Iterator[TextIO]:
    """stdout, or a temporary file renamed over `output` once the export is complete."""
    if output is None:
        with piped_stdout() as out:
            yield out
        return
    partial = output.with_name(f".{output.name}.partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as handle:
            yield handle
        partial.replace(output)
    except OSError as error:
        fail(f"{output}: cannot write ({error.strerror or error})")
    finally:
        partial.unlink(missing_ok=True)
