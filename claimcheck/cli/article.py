"""`claimcheck article edit`: correct a stored article's title, URL, outlet or date."""

from __future__ import annotations

import click

from claimcheck.articles_meta import edit_article
from claimcheck.cli.app import cli, open_store, printable


@cli.group()
def article() -> None:
    """Stored articles: correct their metadata.

    \b
    Example:
        claimcheck article edit 3 --published 2024-09-14 --outlet "Daily Mail"
    """


@article.command("edit")
@click.argument("article_id", type=int)
@click.option("--title", help="The article's headline.")
@click.option("--url", help="Its canonical URL.")
@click.option("--outlet", help="The publication.")
@click.option("--published", help="Publication date, YYYY-MM-DD.")
@click.pass_context
def edit(
    ctx: click.Context,
    article_id: int,
    title: str | None,
    url: str | None,
    outlet: str | None,
    published: str | None,
) -> None:
    """Correct an article's metadata (each change is an audited event).

    \b
    Example:
        claimcheck article edit 3 --title "Defence cuts a mistake" --outlet "The Example Times"
    """
    if not any((title, url, outlet, published)):
        raise click.UsageError("nothing to change: give --title, --url, --outlet or --published")
    with open_store(ctx) as store:
        changed = edit_article(
            store, article_id, title=title, url=url, outlet=outlet, published=published
        )
    click.echo(describe(article_id, changed))


def describe(article_id: int, changed: dict[str, list[str | None]]) -> str:
    if not changed:
        return f"unchanged: article {article_id} already has these values"
    fields = "; ".join(
        f"{k} {printable(old) or '-'!s} -> {printable(new)}" for k, (old, new) in changed.items()
    )
    return f"updated article {article_id}: {fields}"
