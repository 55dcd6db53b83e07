"""The schema, as a sequence of named migrations applied when a store opens.

Each migration runs in its own transaction (sqlite_utils.Migrations), so a database made by any
earlier version upgrades in place. Append new migrations at the end; never edit an applied one.
"""

from __future__ import annotations

from sqlite_utils import Database, Migrations

migrations = Migrations("claimcheck")


@migrations(name="create_articles_and_claims")
def create_articles_and_claims(db: Database) -> None:
    db["articles"].create(
        {
            "id": int,
            "url": str,
            "title": str,
            "outlet": str,
            "published": str,
            "text": str,
            "sha256": str,
            "origin": str,
            "format": str,
            "ingested_at": str,
        },
        pk="id",
    )
    db["articles"].create_index(["sha256"], unique=True)
    db["links"].create(
        {"id": int, "article_id": int, "start": int, "end": int, "url": str, "text": str},
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
    )
    db["links"].create_index(["article_id"])
    db["claims"].create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "paragraph": int,
            "sentence": str,
            "text": str,
            "kind": str,
            "kinds": str,
            "checkworthiness": float,
            "reasons": str,
            "speaker": str,
            "venue": str,
            "attribution": str,
            "quote": str,
            "dates": str,
            "canonical_id": int,
            "status": str,
            "note": str,
            "reviewer": str,
            "version": int,
            "created_at": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("canonical_id", "claims", "id")],
        defaults={"status": "unreviewed", "version": 1},
        not_null={"article_id", "text", "status", "version"},
    )
    db["claims"].create_index(["article_id", "start"])
    db["claims"].create_index(["status"])
    db["claims"].create_index(["canonical_id"])
    db["quantities"].create(
        {
            "id": int,
            "claim_id": int,
            "surface": str,
            "value": float,
            "high": float,
            "unit": str,
            "scale": float,
            "qualifier": str,
            "of": str,
            "start": int,
            "end": int,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["quantities"].create_index(["claim_id"])


@migrations(name="create_sources_snapshots_evidence")
def create_sources_snapshots_evidence(db: Database) -> None:
    db["sources"].create(
        {
            "id": int,
            "url": str,
            "title": str,
            "kind": str,
            "label": str,
            "created_at": str,
        },
        pk="id",
    )
    db["sources"].create_index(["url"], unique=True)
    db["claim_sources"].create(
        {"claim_id": int, "source_id": int, "kind": str, "label": str, "created_at": str},
        pk=("claim_id", "source_id"),
        foreign_keys=[("claim_id", "claims", "id"), ("source_id", "sources", "id")],
    )
    db["claim_sources"].create_index(["source_id"])
    db["snapshots"].create(
        {
            "id": int,
            "source_id": int,
            "requested_url": str,
            "final_url": str,
            "status": int,
            "content_type": str,
            "etag": str,
            "last_modified": str,
            "fetched_at": str,
            "sha256": str,
            "size": int,
            "raw": bytes,
            "text": str,
            "error": str,
            "not_modified": int,
        },
        pk="id",
        foreign_keys=[("source_id", "sources", "id")],
    )
    db["snapshots"].create_index(["source_id", "fetched_at"])
    db["evidence"].create(
        {
            "id": int,
            "claim_id": int,
            "snapshot_id": int,
            "start": int,
            "end": int,
            "passage": str,
            "score": float,
            "rank": int,
            "reasons": str,
            "matches": str,
            "stance": str,
            "created_at": str,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id"), ("snapshot_id", "snapshots", "id")],
    )
    db["evidence"].create_index(["claim_id", "rank"])


@migrations(name="create_events_audit_log")
def create_events_audit_log(db: Database) -> None:
    db["events"].create(
        {
            "id": int,
            "at": str,
            "reviewer": str,
            "claim_id": int,
            "article_id": int,
            "action": str,
            "old": str,
            "new": str,
            "note": str,
            "details": str,
        },
        pk="id",
    )
    db["events"].create_index(["claim_id", "id"])
    db["events"].create_index(["action"])
    db.executescript(
        """
        CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
        """
    )


@migrations(name="create_full_text_search")
def create_full_text_search(db: Database) -> None:
    # Hand-written triggers: sqlite-utils' enable_fts(create_triggers=True) re-indexes a row on
    # *every* update, so each verdict would pay for a re-index. These fire only when text changes.
    db.executescript(
        """
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, sentence, speaker, content='claims', content_rowid='id'
        );
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text, sentence, speaker)
            VALUES (new.id, new.text, new.sentence, new.speaker);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
            VALUES ('delete', old.id, old.text, old.sentence, old.speaker);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, sentence, speaker ON claims
        WHEN old.text IS NOT new.text OR old.sentence IS NOT new.sentence
             OR old.speaker IS NOT new.speaker
        BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
            VALUES ('delete', old.id, old.text, old.sentence, old.speaker);
            INSERT INTO claims_fts(rowid, text, sentence, speaker)
            VALUES (new.id, new.text, new.sentence, new.speaker);
        END;
        CREATE VIRTUAL TABLE snapshots_fts USING fts5(
            text, content='snapshots', content_rowid='id'
        );
        CREATE TRIGGER snapshots_fts_insert AFTER INSERT ON snapshots BEGIN
            INSERT INTO snapshots_fts(rowid, text) VALUES (new.id, new.text);
        END;
        CREATE TRIGGER snapshots_fts_delete AFTER DELETE ON snapshots BEGIN
            INSERT INTO snapshots_fts(snapshots_fts, rowid, text)
            VALUES ('delete', old.id, old.text);
        END;
        """
    )


# ---- sources and evidence (issue 3) ----------------------------------------------------------


@migrations(name="add_snapshot_note_and_claim_source_changed")
def add_snapshot_note_and_claim_source_changed(db: Database) -> None:
    # snapshots.note: "can't display" and similar remarks that are not errors.
    # claims.source_changed: JSON marker set when a re-fetch finds a source changed after a
    # verdict rested on it (before/after of the passages that mattered); NULL when all is well.
    db["snapshots"].add_column("note", str)
    db["claims"].add_column("source_changed", str)
    db["sources"].create_index(["kind"])


# ---- review (issue 4) --------------------------------------------------------------------------


@migrations(name="create_second_checks")
def create_second_checks(db: Database) -> None:
    # A flagged claim waits here for a second reviewer; the first verdict is kept apart from
    # claims.status so the second reviewer can decide blind, and agreement can be counted.
    db["second_checks"].create(
        {
            "id": int,
            "claim_id": int,
            "first_reviewer": str,
            "first_verdict": str,
            "first_note": str,
            "flagged_at": str,
            "second_reviewer": str,
            "second_verdict": str,
            "decided_at": str,
            "agreed": int,
        },
        pk="id",
        foreign_keys=[("claim_id", "claims", "id")],
    )
    db["second_checks"].create_index(["claim_id", "decided_at"])


# ---- import/export (issue 5) -------------------------------------------------------------------


@migrations(name="create_readable_views")
def create_readable_views(db: Database) -> None:
    # For SQL users and `datasette claims.db`: each claim with its article and latest verdict in
    # plain words, so nobody has to rebuild the joins (or read the audit log) to see the state.
    db.executescript(
        """
        CREATE VIEW latest_verdicts AS
        SELECT claim_id, new AS status, reviewer, at, note FROM events
        WHERE id IN (
            SELECT max(id) FROM events
            WHERE action IN ('verdict', 'undo') AND claim_id IS NOT NULL GROUP BY claim_id
        );
        CREATE VIEW claims_overview AS
        SELECT c.id AS claim_id, c.article_id, a.title AS article, a.url AS article_url,
               a.outlet, a.published, c.kind, round(c.checkworthiness, 2) AS score,
               c.text AS claim, c.speaker, c.status, c.note, c.reviewer,
               lv.at AS verdict_at, lv.reviewer AS verdict_by, c.canonical_id AS repeat_of,
               (SELECT count(*) FROM claim_sources cs WHERE cs.claim_id = c.id) AS sources,
               c.updated_at
        FROM claims c
        JOIN articles a ON a.id = c.article_id
        LEFT JOIN latest_verdicts lv ON lv.claim_id = c.id;
        """
    )


@migrations(name="index_articles_by_url")
def index_articles_by_url(db: Database) -> None:
    # Imported claims name their article by URL; without an index each lookup scans every article.
    db["articles"].create_index(["url"])


@migrations(name="index_claims_updated_at")
def index_claims_updated_at(db: Database) -> None:
    # The review screen asks "which claims changed since I last looked?" whenever another
    # connection commits; without this index that is a scan of every claim.
    db["claims"].create_index(["updated_at"])


@migrations(name="index_claim_sentence_only_where_it_adds_words")
def index_claim_sentence_only_where_it_adds_words(db: Database) -> None:
    # An extracted claim's text is its sentence, so indexing both tokenised every claim twice
    # (half of the cost of adding an article). The index now reads its content through a view
    # that leaves the sentence out where it equals the text; a search matches the same claims,
    # and 'rebuild' and 'integrity-check' agree with the triggers. columnsize=0: searches only
    # filter (no bm25 ranking), so the per-row size table is a write for nothing.
    db.executescript(
        """
        DROP TRIGGER claims_fts_insert;
        DROP TRIGGER claims_fts_delete;
        DROP TRIGGER claims_fts_update;
        DROP TABLE claims_fts;
        CREATE VIEW claims_fts_content AS
            SELECT id, text, nullif(sentence, text) AS sentence, speaker FROM claims;
        CREATE VIRTUAL TABLE claims_fts USING fts5(
            text, sentence, speaker, content='claims_fts_content', content_rowid='id',
            columnsize=0
        );
        INSERT INTO claims_fts(claims_fts) VALUES ('rebuild');
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claims_fts(rowid, text, sentence, speaker)
            VALUES (new.id, new.text, nullif(new.sentence, new.text), new.speaker);
        END;
        CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
            VALUES ('delete', old.id, old.text, nullif(old.sentence, old.text), old.speaker);
        END;
        CREATE TRIGGER claims_fts_update AFTER UPDATE OF text, sentence, speaker ON claims
        WHEN old.text IS NOT new.text OR old.sentence IS NOT new.sentence
             OR old.speaker IS NOT new.speaker
        BEGIN
            INSERT INTO claims_fts(claims_fts, rowid, text, sentence, speaker)
            VALUES ('delete', old.id, old.text, nullif(old.sentence, old.text), old.speaker);
            INSERT INTO claims_fts(rowid, text, sentence, speaker)
            VALUES (new.id, new.text, nullif(new.sentence, new.text), new.speaker);
        END;
        """
    )


@migrations(name="add_claim_repeat_key")
def add_claim_repeat_key(db: Database) -> None:
    # A claim added later that says the same as one of another article is linked to it through
    # this key (claims.repeat_key); the index keeps the lookup one probe per claim. Claims already
    # stored get their key here, from their sentence, speaker and resolved dates.
    import json

    from claimcheck.extract.repeats import repeat_key

    db["claims"].add_column("repeat_key", str)
    rows = db.execute("SELECT id, sentence, speaker, dates FROM claims").fetchall()
    db.conn.executemany(
        "UPDATE claims SET repeat_key = ? WHERE id = ?",
        [
            (repeat_key(sentence or "", speaker, _resolved(json.loads(dates or "[]"))), claim_id)
            for claim_id, sentence, speaker, dates in rows
        ],
    )
    db["claims"].create_index(["repeat_key"])


def _resolved(dates: list[dict]) -> list[str | None]:
    return [d.get("resolved") for d in dates if isinstance(d, dict)]


@migrations(name="maintain_counts")
def maintain_counts(db: Database) -> None:
    # `claimcheck stats` counted by scanning every claim (1.1 s at a million). The counts are now
    # kept by triggers: claims by (status, kind, repeat or not), and rows of the other tables
    # stats reports, so stats reads a few dozen rows at any size. A later migration that rebuilds
    # one of these tables (sqlite-utils' transform) must put its count triggers back.
    counted = ("articles", "quantities", "sources", "snapshots", "events")
    db.executescript(
        """
        CREATE TABLE claim_counts (
            status TEXT NOT NULL, kind TEXT NOT NULL, repeat INTEGER NOT NULL,
            n INTEGER NOT NULL, PRIMARY KEY (status, kind, repeat)
        );
        INSERT INTO claim_counts
            SELECT ifnull(status, ''), ifnull(kind, ''), canonical_id IS NOT NULL, count(*)
            FROM claims GROUP BY 1, 2, 3;
        CREATE TRIGGER claims_count_insert AFTER INSERT ON claims BEGIN
            INSERT INTO claim_counts
            VALUES (ifnull(new.status, ''), ifnull(new.kind, ''), new.canonical_id IS NOT NULL, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER claims_count_delete AFTER DELETE ON claims BEGIN
            UPDATE claim_counts SET n = n - 1
            WHERE status = ifnull(old.status, '') AND kind = ifnull(old.kind, '')
            AND repeat = (old.canonical_id IS NOT NULL);
        END;
        CREATE TRIGGER claims_count_update AFTER UPDATE OF status, kind, canonical_id ON claims
        WHEN old.status IS NOT new.status OR old.kind IS NOT new.kind
             OR (old.canonical_id IS NULL) != (new.canonical_id IS NULL)
        BEGIN
            UPDATE claim_counts SET n = n - 1
            WHERE status = ifnull(old.status, '') AND kind = ifnull(old.kind, '')
            AND repeat = (old.canonical_id IS NOT NULL);
            INSERT INTO claim_counts
            VALUES (ifnull(new.status, ''), ifnull(new.kind, ''), new.canonical_id IS NOT NULL, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TABLE row_counts (name TEXT PRIMARY KEY, n INTEGER NOT NULL);
        """
    )
    for table in counted:
        db.executescript(
            f"""
            INSERT INTO row_counts VALUES ('{table}', (SELECT count(*) FROM {table}));
            CREATE TRIGGER {table}_count_insert AFTER INSERT ON {table} BEGIN
                UPDATE row_counts SET n = n + 1 WHERE name = '{table}';
            END;
            CREATE TRIGGER {table}_count_delete AFTER DELETE ON {table} BEGIN
                UPDATE row_counts SET n = n - 1 WHERE name = '{table}';
            END;
            """
        )
