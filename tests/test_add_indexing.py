"""`add` indexes and counts an article's claims in bulk, not by a trigger per row (issue 15): the
full-text index and the kept counts come out as the triggers made them, a failed add leaves
nothing behind, other writes are still indexed by the triggers, and a database made before the
change is converted when it opens."""

from __future__ import annotations

import dataclasses
import re
import sqlite3
from pathlib import Path

import pytest
from sqlite_utils import Database

from claimcheck.extract.claims import extract_claims
from claimcheck.ingest import read_path
from claimcheck.models import ArticleInput
from claimcheck.pipeline import add_article
from claimcheck.store import Store
from claimcheck.store.migrations import migrations
from tests.bulk_db import scanned_stats
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED

MIGRATION = "defer_claim_indexing_in_bulk_writes"


def index_matches_claims(store: Store) -> None:
    """FTS5's own check: the index holds exactly the claims' text (raises if not)."""
    store.db.execute("INSERT INTO claims_fts(claims_fts, rank) VALUES ('integrity-check', 1)")


def searched_by_scan(store: Store, word: str) -> list[int]:
    """The claims a search for the word must find (a word of the text, sentence or speaker
    starting with it), by a scan of the claims themselves."""
    word = word.lower()
    return [
        claim_id
        for claim_id, text, sentence, speaker in store.db.execute(
            "SELECT id, text, sentence, ifnull(speaker, '') FROM claims ORDER BY article_id, start"
        )
        if any(
            w.startswith(word) for w in re.findall(r"\w+", f"{text} {sentence} {speaker}".lower())
        )
    ]


def add_three(store: Store) -> None:
    seed = read_path(SEED_ARTICLE, published=SEED_PUBLISHED)
    add_article(store, seed)
    add_article(store, dataclasses.replace(seed, text="A second dispatch.\n" + seed.text))
    add_article(store, ArticleInput(text="Turnout reached 67 per cent, the highest since 1992."))


def test_added_claims_are_searchable_and_counted_as_the_triggers_did(store: Store) -> None:
    add_three(store)
    index_matches_claims(store)
    assert store.stats() == scanned_stats(store)
    assert store.stats()["repeats"] > 0 and store.stats()["quantities"] > 0
    assert store.db.execute("SELECT count(*) FROM deferred_indexing").fetchone()[0] == 0
    for word in ("Nebenzia", "Turnout", "Security", "missiles"):
        found = [claim.id for claim in store.claims(search=word)]
        assert found == searched_by_scan(store, word) != []


def test_a_failed_add_leaves_no_index_entry_count_or_pause_behind(store: Store) -> None:
    add_three(store)
    before = store.stats()
    article = ArticleInput(text="The deficit fell to 3.9 per cent in 2023, the minister said.")
    claims = extract_claims(article.text, None)
    figure = dataclasses.replace(claims[0].quantities[0], value=object())  # no SQLite type
    broken = [*claims, dataclasses.replace(claims[0], quantities=[figure])]
    with pytest.raises(sqlite3.ProgrammingError), store.transaction():
        store.add_article(article, broken)
    assert store.stats() == before == scanned_stats(store)
    assert store.db.execute("SELECT count(*) FROM deferred_indexing").fetchone()[0] == 0
    index_matches_claims(store)
    assert store.search("deficit") == []
    add_article(store, article)
    assert store.search("deficit") and store.stats() == scanned_stats(store)


def test_claims_written_outside_add_are_still_indexed_by_the_triggers(store: Store) -> None:
    add_three(store)
    article_id = store.db.execute("SELECT max(id) FROM articles").fetchone()[0]
    with store.transaction():
        store.db.execute(
            "INSERT INTO claims (article_id, text, sentence, kind, status)"
            " VALUES (?, 'Zanzibar exports cloves', 'Zanzibar exports cloves', 'statement',"
            " 'unreviewed')",
            [article_id],
        )
    assert len(store.search("Zanzibar")) == 1
    assert store.stats() == scanned_stats(store)
    index_matches_claims(store)


def test_a_database_made_before_the_change_is_converted_and_keeps_its_claims(
    db_path: Path,
) -> None:
    db = Database(db_path)
    migrations.apply(db, stop_before=MIGRATION)
    db.close()
    with sqlite3.connect(db_path) as old:  # the previous schema, written by its own triggers
        old.execute("INSERT INTO articles (id, title, text, sha256) VALUES (1, 'old', 'x', 'abc')")
        old.execute(
            "INSERT INTO claims (id, article_id, text, sentence, kind, status)"
            " VALUES (1, 1, 'Vassily Nebenzia told the Council', 'Vassily Nebenzia told the"
            " Council', 'quote', 'unreviewed')"
        )
    with Store(db_path) as store:
        assert MIGRATION in {m.name for m in migrations.applied(store.db)}
        add_three(store)
        index_matches_claims(store)
        assert store.stats() == scanned_stats(store)
        assert 1 in [claim.id for claim in store.search("Nebenzia told")]
        assert len(store.search("Nebenzia")) == len(searched_by_scan(store, "Nebenzia")) > 1
