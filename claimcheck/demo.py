"""The demo: the seed articles of seeds/, listed with their metadata in seeds/manifest.yaml."""

from __future__ import annotations

from pathlib import Path

import yaml

from claimcheck.ingest import read_path
from claimcheck.pipeline import add_article
from claimcheck.store import Store


def build_demo(store: Store, seeds: Path) -> str:
    """Add the seed articles (a no-op when they are already in) and say what is there."""
    manifest = yaml.safe_load((seeds / "manifest.yaml").read_text(encoding="utf-8"))
    added = 0
    for entry in manifest["articles"]:
        metadata = {k: entry.get(k) for k in ("title", "url", "outlet", "published")}
        article = read_path(seeds / entry["path"], **metadata)
        added += add_article(store, article).created
    figures = store.stats()
    return (
        f"demo: {figures['articles']} articles ({added} new), {figures['distinct_claims']} claims"
        f" to review, {figures['repeats']} repeats linked, in {store.path}"
    )
