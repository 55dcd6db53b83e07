"""The `claimcheck` command: a click group whose commands parse, call one core function, print.

Commands live in modules by area (article, articles, claim, sources, review, reviewers, serve,
transfer) and register here.
"""

from __future__ import annotations

from claimcheck.cli import (  # noqa: F401  (registers commands)
    article,
    articles,
    browse,
    bundle,
    claim,
    desk,
    extract,
    memory,
    review,
    reviewers,
    serve,
    sources,
    transfer,
)
from claimcheck.cli.app import cli, main

__all__ = ["cli", "main"]
