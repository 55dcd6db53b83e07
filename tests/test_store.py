"""The store on real SQLite files: migrations, transactions, audit events, conflicts, FTS."""

from __future__ import annotations

import sqlite3

import pytest

from claimcheck.store import ConflictError, Store, StoreError
from claimcheck.store.migrations import migrations


def tables(path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}


def test_new_database_has_every_table_and_pragmas(store, db_path):
    names = tables(db_path)
    for table in (
        "articles",
        "claims",
        "quantities",
        "sources",
        "claim_sources",
        "snapshots",
        "evidence",
        "events",
        "claims_fts",
        "snapshots_fts",
        "links",
    ):
        assert table in names
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert store.db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_database_from_oldest_schema_upgrades_in_place(db_path):
    from sqlite_utils import Database

    first = migrations._migrations[0].name
    db = Database(db_path)
    migrations.apply(db, stop_before=migrations._migrations[1].name)
    db["articles"].insert({"title": "kept", "text": "x", "sha256": "abc"})
    db.close()
    assert [m.name for m in migrations.applied(Database(db_path))] == [first]
    with Store(db_path) as store:
        assert [m.name for m in migrations.applied(store.db)] == [
            m.name for m in migrations._migrations
        ]
        assert store.articles()[0]["title"] == "kept"
        assert "events" in store.db.table_names()


def test_opening_twice_applies_nothing_new(db_path):
    Store(db_path).close()
    with Store(db_path) as store:
        assert migrations.pending(store.db) == []


def test_not_a_database_is_a_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a claimcheck database"):
        Store(path)


def test_adding_an_article_twice_changes_nothing(seeded_store):
    from claimcheck.ingest import read_path
    from claimcheck.pipeline import add_article
    from tests.conftest import SEED_ARTICLE

    before = seeded_store.stats()
    result = add_article(seeded_store, read_path(SEED_ARTICLE))
    assert not result.created
    assert seeded_store.stats() == before


def test_verdict_is_versioned_and_audited(seeded_store):
    claim = seeded_store.claims(kind="quantity", limit=1)[0]
    updated = seeded_store.set_verdict(
        claim.id, "supported", note="NATO figures", expected_version=claim.version
    )
    assert (updated.status, updated.note, updated.version) == ("supported", "NATO figures", 2)
    event = seeded_store.events(claim.id)[0]
    assert (event["action"], event["old"], event["new"], event["reviewer"]) == (
        "verdict",
        "unreviewed",
        "supported",
        "tester",
    )


def test_stale_version_is_a_conflict_and_writes_nothing(seeded_store):
    claim = seeded_store.claims(limit=1)[0]
    seeded_store.set_verdict(claim.id, "refuted", reviewer="alice", expected_version=1)
    events_before = len(seeded_store.events())
    with pytest.raises(ConflictError, match="alice"):
        seeded_store.set_verdict(claim.id, "supported", reviewer="bob", expected_version=1)
    assert seeded_store.claim(claim.id).status == "refuted"
    assert len(seeded_store.events()) == events_before


def test_unknown_status_is_refused(seeded_store):
    with pytest.raises(StoreError, match="unknown status"):
        seeded_store.set_verdict(1, "true-ish")


def test_verdict_carries_to_repeats_and_undo_restores_both(seeded_store):
    canonical = next(c for c in seeded_store.claims() if seeded_store.repeats(c.id))
    repeat = seeded_store.repeats(canonical.id)[0]
    seeded_store.set_verdict(canonical.id, "misleading", note="lacks context")
    assert seeded_store.claim(repeat.id).status == "misleading"
    restored = seeded_store.undo()
    assert restored.id == canonical.id
    assert restored.status == "unreviewed" and restored.note is None
    assert seeded_store.claim(repeat.id).status == "unreviewed"
    actions = [e["action"] for e in seeded_store.events(canonical.id)]
    assert actions[:2] == ["undo", "verdict"]


def test_undo_walks_back_several_steps(seeded_store):
    first, second = seeded_store.claims(limit=2)
    seeded_store.set_verdict(first.id, "supported")
    seeded_store.set_verdict(second.id, "refuted")
    assert seeded_store.undo().id == second.id
    assert seeded_store.undo().id == first.id
    assert seeded_store.undo() is None


def test_events_are_append_only(seeded_store):
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        seeded_store.db.execute("DELETE FROM events")


def test_failed_transaction_leaves_nothing(seeded_store):
    before = seeded_store.stats()
    with pytest.raises(RuntimeError), seeded_store.transaction():
        seeded_store.set_verdict(1, "supported")
        raise RuntimeError("crash mid-write")
    assert seeded_store.stats() == before


def fts_changes(store) -> int:
    return store.db.execute("SELECT total_changes()").fetchone()[0]


def test_full_text_index_follows_text_edits_only(seeded_store):
    claim = seeded_store.claims(search="Nebenzia")[0]
    # a status change must not touch the FTS index: count rows written by the update (the
    # claim, and the two rows of claim_counts its status moves between)
    before = fts_changes(seeded_store)
    seeded_store.db.execute("UPDATE claims SET status = 'flagged' WHERE id = ?", [claim.id])
    assert fts_changes(seeded_store) - before == 3
    before = fts_changes(seeded_store)
    seeded_store.db.execute("UPDATE claims SET text = 'Nebenzia spoke' WHERE id = ?", [claim.id])
    assert fts_changes(seeded_store) - before > 1  # the trigger re-indexed the new text
    seeded_store.edit_text(claim.id, "Nebenzia addressed the council on uranium")
    assert [c.id for c in seeded_store.search("uranium council")] == [claim.id]


def test_full_text_index_agrees_with_its_content_after_edits_and_deletes(seeded_store):
    def check() -> None:
        seeded_store.db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")

    def sentence_words() -> int:
        return seeded_store.db.execute(
            "SELECT count(*) FROM temp.claims_vocab WHERE col = 'sentence'"
        ).fetchone()[0]

    seeded_store.db.execute(
        "CREATE VIRTUAL TABLE temp.claims_vocab USING fts5vocab('main', 'claims_fts', 'col')"
    )
    check()
    assert sentence_words() == 0  # every extracted claim's text is its sentence: indexed once
    assert "claims_fts_docsize" not in seeded_store.db.table_names()  # no ranking, no sizes
    claim = seeded_store.claims(search="Nebenzia")[0]
    seeded_store.edit_text(claim.id, "Nebenzia warned the council")
    check()
    assert sentence_words() > 0
    # the sentence is still searchable where it says more than the claim's text
    assert claim.id in [c.id for c in seeded_store.search("Security Council Nato")]
    seeded_store.db.execute("PRAGMA foreign_keys = OFF")  # only the index is under test
    with seeded_store.transaction():
        seeded_store.db.execute("DELETE FROM claims WHERE id = ?", [claim.id])
    check()
    assert seeded_store.search("Nebenzia warned") == []


def test_upgraded_database_keeps_its_claims_searchable(db_path):
    from sqlite_utils import Database

    db = Database(db_path)
    migrations.apply(db, stop_before="index_claim_sentence_only_where_it_adds_words")
    article = db["articles"].insert({"title": "t", "text": "x", "sha256": "abc"}).last_pk
    sentence = "Vassily Nebenzia told the 15-member Security Council about Nato."
    for text in (sentence, "Nebenzia warned Nato"):
        db["claims"].insert({"article_id": article, "text": text, "sentence": sentence})
    db.close()
    with Store(db_path) as store:
        assert len(store.search("Security Council")) == 2
        assert len(store.search("Nebenzia warned")) == 1
        store.db.execute("INSERT INTO claims_fts(claims_fts) VALUES ('integrity-check')")


def test_search_treats_user_input_as_words(seeded_store):
    assert seeded_store.search('"unbalanced AND ( OR') == []
    assert seeded_store.search("Poland 3.9")


def test_a_failed_commit_rolls_back_and_the_next_write_works(seeded_store):
    """COMMIT itself can fail (here a deferred foreign key left dangling): the transaction is
    rolled back, nothing of it stays, and the store takes the next write."""
    before = seeded_store.stats()
    with pytest.raises(sqlite3.IntegrityError), seeded_store.transaction():
        seeded_store.set_verdict(1, "supported")
        seeded_store.defer_foreign_keys()
        seeded_store.db.execute(
            "INSERT INTO links (article_id, start, [end], url, text)"
            " VALUES (999999, 0, 1, 'x', 'x')"
        )
    assert not seeded_store.db.conn.in_transaction
    assert seeded_store.stats() == before
    assert seeded_store.set_verdict(1, "refuted").status == "refuted"
