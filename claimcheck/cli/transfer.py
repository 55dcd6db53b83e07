"""Commands for pipelines: import, export, verdict."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from claimcheck.cli.app import EXIT_INPUT_FAILED, cli, open_store, printable
from claimcheck.importer import ImportReport, describe, import_file, json_summary
from claimcheck.models import STATUSES

PROGRESS_MIN_BYTES = 1_000_000
MAX_CHANGES_SHOWN = 50


@cli.command("import")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--dry-run", is_flag=True, help="Report what would change; write nothing.")
@click.option("--update", is_flag=True, help="Apply fields that differ (recorded as events).")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_context
def import_command(
    ctx: click.Context, files: tuple[Path, ...], dry_run: bool, update: bool, as_json: bool
) -> None:
    """Import YAML manifests, JSONL or CSV claim files; each file goes in whole or not at all.
    Importing a file again changes nothing; --update applies what differs.

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
                report = import_file(store, path, update=update, dry_run=dry_run, progress=progress)
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
            f" sources added; {total['unchanged']} unchanged; {total['updated']} updated;"
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
@click.argument("status", type=click.Choice(STATUSES))
@click.option("--note", help="Why: stored with the verdict.")
@click.option("--reviewer", help="Who decided (default: the global --reviewer or your login).")
@click.option(
    "--expect-version",
    type=int,
    help="Refuse if the claim is no longer at this version (someone else changed it).",
)
@click.pass_context
def verdict(
    ctx: click.Context,
    claim_id: int,
    status: str,
    note: str | None,
    reviewer: str | None,
    expect_version: int | None,
) -> None:
    """Record a verdict on a claim, with the same rules and audit as the review screen
    (the verdict carries to the claim's repeats).

    \b
    Example:
        claimcheck verdict 12 refuted --note "NATO puts it at 2.3%" --reviewer alice
    """
    with open_store(ctx) as store:
        claim = store.set_verdict(
            claim_id, status, note=note, reviewer=reviewer, expected_version=expect_version
        )
    click.echo(f"claim {claim.id}: {claim.status} (version {claim.version}, by {claim.reviewer})")
