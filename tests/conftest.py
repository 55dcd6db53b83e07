"""Shared fixtures: real SQLite files under tmp_path, the seed article, the CLI runner."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.store import Store

FIXTURES = Path(__file__).parent / "fixtures"
SEED_ARTICLE = FIXTURES / "seed_article.txt"
SEED_PUBLISHED = "2024-09-14"


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the user's claims.db or config: everything lives under tmp_path."""
    monkeypatch.setenv("CLAIMCHECK_DB", str(tmp_path / "env-default.db"))
    monkeypatch.setenv("CLAIMCHECK_REVIEWER", "tester")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    # The test server lives on 127.0.0.1, which fetches refuse unless allowed (claimcheck.addresses)
    monkeypatch.setenv("CLAIMCHECK_ALLOW_NETWORKS", "127.0.0.1/32")


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "claims.db"


@pytest.fixture
def store(db_path: Path) -> Store:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def seed_text() -> str:
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def seeded_store(store: Store) -> Store:
    """A store holding the seed article and its extracted claims."""
    from claimcheck.ingest import read_path
    from claimcheck.pipeline import add_article

    add_article(store, read_path(SEED_ARTICLE, published=SEED_PUBLISHED))
    return store


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


# ---- review workbench (issue 4) ------------------------------------------------------------------


@pytest.fixture(scope="session")
def review_db_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The seed article extracted once per session (the review tests only read it as a start)."""
    from claimcheck.ingest import read_path
    from claimcheck.pipeline import add_article

    path = tmp_path_factory.mktemp("review") / "template.db"
    with Store(path, reviewer="seed") as store:
        add_article(store, read_path(SEED_ARTICLE, published=SEED_PUBLISHED))
    return path


@pytest.fixture
def review_db(review_db_template: Path, db_path: Path) -> Path:
    """A fresh copy of the seeded database, for the review app to open itself."""
    shutil.copyfile(review_db_template, db_path)
    return db_path


@pytest.fixture
def review_queue(review_db: Path) -> list[int]:
    """The ids of the default review queue of review_db (repeats left out), in order."""
    with Store(review_db) as store:
        return store.claim_ids(include_repeats=False)
