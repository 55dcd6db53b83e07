"""The demo: seeds/manifest.yaml (articles, sources, offline snapshots) through the importer.

The demo goes in by the same door as any scripted import, so it doubles as a worked example of
the manifest format.
"""

from __future__ import annotations

from pathlib import Path

from claimcheck.importer import import_file
from claimcheck.store import Store, StoreError


def build_demo(store: Store, seeds: Path) -> str:
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
