"""`claimcheck bundle export|import`: the whole database in one file, and back."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck.bundle import BundleError, BundleReport, export_bundle, import_bundle
from claimcheck.cli.app import cli, fail, open_store, printable

MAX_CONFLICTS_SHOWN = 50


@cli.group()
def bundle() -> None:
    """Move a whole desk's work: articles, claims, sources, archived snapshots (their bytes),
    evidence and stances, second checks and every audit event, in one file.

    \b
    Example:
        claimcheck bundle export -o desk.ccb
        claimcheck --db other.db bundle import desk.ccb
    """


@bundle.command("export")
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="The bundle to write (gzip JSON Lines; replaced only once complete).",
)
@click.pass_context
def export_command(ctx: click.Context, output: Path) -> None:
    """Write the database to one bundle file, from one consistent snapshot; other reviewers
    can keep working meanwhile.

    \b
    Example:
        claimcheck bundle export -o desk-2024-09-14.ccb
    """
    try:
        rows = export_bundle(ctx.obj["db"], output)
    except BundleError as error:
        fail(str(error))
    size = output.stat().st_size
    click.echo(f"wrote {printable(str(output))} ({size / 1e6:.1f} MB): {_counts(rows)}")


@bundle.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.pass_context
def import_command(ctx: click.Context, file: Path) -> None:
    """Read a bundle in, whole or not at all. Into an empty database it makes an exact copy;
    otherwise what is already here is kept, the rest added, and claims both sides changed
    are reported as conflicts (this database's verdict stays; the exit code is still 0).

    \b
    Example:
        claimcheck --db copy.db bundle import desk-2024-09-14.ccb
    """
    with open_store(ctx) as store:
        try:
            report = import_bundle(store, file)
        except BundleError as error:
            fail(str(error))
    _describe(report)


def _describe(report: BundleReport) -> None:
    name = printable(report.file)
    if report.copy:
        click.echo(f"{name}: copied {_counts(report.added)}")
        return
    for line in report.conflicts[:MAX_CONFLICTS_SHOWN]:
        click.echo(f"  conflict: {printable(line)}")
    if len(report.conflicts) > MAX_CONFLICTS_SHOWN:
        click.echo(f"  ... and {len(report.conflicts) - MAX_CONFLICTS_SHOWN} more")
    click.echo(
        f"{name}: added {_counts(report.added) or 'nothing'}; already here"
        f" {_counts(report.present) or 'nothing'}; {len(report.updated)} claims brought up to"
        f" date; {len(report.conflicts)} conflicts"
    )


def _counts(rows: dict[str, int]) -> str:
    return ", ".join(f"{count} {table}" for table, count in rows.items() if count)
