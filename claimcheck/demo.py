"""The demo: seeds/manifest.yaml (articles, sources, offline snapshots) through the importer.

The demo goes in by the same door as any scripted import, so it doubles as a worked example of
the manifest format. The seeds are package data, so `claimcheck demo` works from any folder and
after a plain `pip install`; the repository's top-level seeds/ is a link to this copy.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.importer import import_file
from claimcheck.store import Store, StoreError

SEEDS = Path(__file__).parent / "seeds"


def build_demo(store: Store, seeds: Path = SEEDS) -> str:
    """Import the seed manifest (a no-op when it is already in) and say what is there."""
    report = import_file(store, seeds / "manifest.yaml")
    if report.failed:
        raise StoreError("; ".join(report.errors))
    figures = store.stats()
    return (
        f"demo: {figures['articles']} articles ({report.articles_added} new),"
        f" {figures['distinct_claims']} claims to review, {figures['repeats']} repeats linked,"
        f" {figures['sources']} sources, {figures['snapshots']} snapshots, in {store.path}"
    )
