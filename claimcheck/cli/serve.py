"""`claimcheck serve`: the review workbench in a browser (textual-serve is imported only here)."""

from __future__ import annotations

from pathlib import Path

import click

from claimcheck import reviewers
from claimcheck.cli.app import Choice, cli, fail, open_store
from claimcheck.models import KINDS, STATUSES


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--public-url",
    help="The address browsers use, when it is not http://HOST:PORT (a reverse proxy's).",
)
@click.option(
    "--status", multiple=True, type=Choice(STATUSES), help="Every tab's queue: only these."
)
@click.option("--kind", multiple=True, type=Choice(KINDS), help="Every tab's queue: only these.")
@click.option("--sort", type=Choice(["position", "score", "priority", "due"]))
@click.pass_context
def serve(
    ctx: click.Context,
    host: str,
    port: int,
    public_url: str | None,
    status: tuple[str, ...],
    kind: tuple[str, ...],
    sort: str | None,
) -> None:
    """Serve the review workbench to browsers: each tab signs in with a reviewer account
    (claimcheck reviewers add) and runs its own review. Listens on 127.0.0.1 unless --host
    says otherwise; there is no TLS, so put a wider address behind the newsroom's HTTPS
    reverse proxy.

    \b
    Example:
        claimcheck reviewers add alice
        claimcheck serve --port 8000
        claimcheck serve --host 0.0.0.0 --public-url https://checks.newsroom.example
        claimcheck serve --status unreviewed --sort priority
    """
    from claimcheck.review.server import is_loopback
    from claimcheck.review.server import serve as run_server

    with open_store(ctx) as store:
        db_path = Path(store.path)
        if not any(account.enabled for account in reviewers.reviewers(store)):
            click.echo(
                "warning: no enabled reviewer account, so no one can sign in yet"
                " (claimcheck reviewers add NAME)",
                err=True,
            )
    queue = [
        *(f"--status={name}" for name in status),
        *(f"--kind={name}" for name in kind),
        *([f"--sort={sort}"] if sort else []),
    ]
    if not is_loopback(host):
        click.echo(
            f"warning: listening on {host}, not only this machine: anyone who reaches it can"
            " try to sign in, and nothing is encrypted (no TLS); put it behind the newsroom's"
            " HTTPS reverse proxy",
            err=True,
        )
    try:
        run_server(db_path, host=host, port=port, public_url=public_url, queue=queue)
    except OSError as error:
        fail(f"cannot listen on {host}:{port}: {error.strerror or error}")
