"""`claimcheck datasette-metadata`: the metadata that makes claims.db readable in Datasette."""

from __future__ import annotations

import json

import click

from claimcheck.cli.app import cli
from claimcheck.datasette_metadata import datasette_metadata


@cli.command("datasette-metadata")
@click.pass_context
def datasette_metadata_command(ctx: click.Context) -> None:
    """Print Datasette metadata for the database (--db): each table and column described,
    the claim overview faceted by status and kind, the internals (full-text index tables,
    counters, reviewer passphrase hashes) hidden from the table list.

    \b
    Example:
        claimcheck datasette-metadata > metadata.json
        datasette claims.db -m metadata.json
    """
    click.echo(json.dumps(datasette_metadata(ctx.obj["db"]), indent=2, ensure_ascii=False))
