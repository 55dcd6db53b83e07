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


# ---- sources and evidence ----------------------------------------------------------


@migrations(name="add_snapshot_note_and_claim_source_changed")
def add_snapshot_note_and_claim_source_changed(db: Database) -> None:
    # snapshots.note: "can't display" and similar remarks that are not errors.
    # claims.source_changed: JSON marker set when a re-fetch finds a source changed after a
    # verdict rested on it (before/after of the passages that mattered); NULL when all is well.
    db["snapshots"].add_column("note", str)
    db["claims"].add_column("source_changed", str)
    db["sources"].create_index(["kind"])


# ---- review --------------------------------------------------------------------------


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


# ---- import/export -------------------------------------------------------------------


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


@migrations(name="create_reviewer_accounts")
def create_reviewer_accounts(db: Database) -> None:
    # Reviewers who sign in (claimcheck serve, review --sign-in): a salted scrypt hash of the
    # passphrase, never the passphrase; failed sign-ins counted per account so that every app
    # process (one per browser tab) slows down the same guesser.
    db["reviewers"].create(
        {
            "name": str,
            "passphrase_hash": str,
            "enabled": int,
            "created_at": str,
            "failed_sign_ins": int,
            "last_failed_at": float,
        },
        pk="name",
        not_null={"passphrase_hash", "enabled", "created_at", "failed_sign_ins"},
        defaults={"enabled": 1, "failed_sign_ins": 0},
    )
    db.execute("CREATE UNIQUE INDEX idx_reviewers_name_nocase ON reviewers (name COLLATE NOCASE)")


@migrations(name="create_claim_memory")
def create_claim_memory(db: Database) -> None:
    # The claim memory: published fact-checks read from ClaimReview, and the matches
    # between a claim and an earlier claim of the desk or a fact-check. `key` makes a re-import
    # add nothing; `figures` holds the normalised figures of the claim ("3.9 percent") so matching
    # never re-reads them; a match keeps the reviewer's decision (adopted / rejected), so a
    # rejected match is never offered again. A match points at a fact-check or at an earlier
    # claim, never both; ids only in id columns, so a bundle merge can rewrite them.
    db.executescript(
        """
        CREATE TABLE factchecks (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            claim TEXT NOT NULL,
            claimant TEXT,
            claim_date TEXT,
            rating TEXT,
            rating_value REAL,
            best_rating REAL,
            worst_rating REAL,
            verdict TEXT,
            checker TEXT,
            checker_url TEXT,
            url TEXT,
            review_date TEXT,
            appearance TEXT,
            language TEXT,
            figures TEXT NOT NULL DEFAULT '[]',
            origin TEXT,
            imported_at TEXT NOT NULL
        );
        CREATE INDEX factchecks_review_date ON factchecks (review_date);
        CREATE INDEX factchecks_claim_date ON factchecks (claim_date);
        CREATE VIRTUAL TABLE factchecks_fts USING fts5(
            claim, claimant, content='factchecks', content_rowid='id',
            tokenize='porter unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER factchecks_fts_insert AFTER INSERT ON factchecks BEGIN
            INSERT INTO factchecks_fts(rowid, claim, claimant)
            VALUES (new.id, new.claim, new.claimant);
        END;
        CREATE TRIGGER factchecks_fts_delete AFTER DELETE ON factchecks BEGIN
            INSERT INTO factchecks_fts(factchecks_fts, rowid, claim, claimant)
            VALUES ('delete', old.id, old.claim, old.claimant);
        END;
        CREATE TRIGGER factchecks_fts_update AFTER UPDATE OF claim, claimant ON factchecks
        WHEN old.claim IS NOT new.claim OR old.claimant IS NOT new.claimant
        BEGIN
            INSERT INTO factchecks_fts(factchecks_fts, rowid, claim, claimant)
            VALUES ('delete', old.id, old.claim, old.claimant);
            INSERT INTO factchecks_fts(rowid, claim, claimant)
            VALUES (new.id, new.claim, new.claimant);
        END;
        CREATE VIRTUAL TABLE factchecks_terms USING fts5vocab(factchecks_fts, 'row');
        CREATE TABLE matches (
            id INTEGER PRIMARY KEY,
            claim_id INTEGER NOT NULL REFERENCES claims(id),
            factcheck_id INTEGER REFERENCES factchecks(id),
            earlier_claim_id INTEGER REFERENCES claims(id),
            score REAL NOT NULL,
            reasons TEXT NOT NULL DEFAULT '[]',
            timing TEXT NOT NULL,
            decision TEXT,
            decided_by TEXT,
            decided_at TEXT,
            created_at TEXT NOT NULL
        );
        CREATE UNIQUE INDEX matches_claim_target
            ON matches (claim_id, coalesce(factcheck_id, 0), coalesce(earlier_claim_id, 0));
        CREATE INDEX matches_factcheck ON matches (factcheck_id);
        CREATE INDEX matches_earlier_claim ON matches (earlier_claim_id);
        """
    )


# ---- the desk: routing, resuming, adjudication ----------------------------------------


@migrations(name="add_desk_routing_sessions_adjudication")
def add_desk_routing_sessions_adjudication(db: Database) -> None:
    # Who a claim is assigned to, how urgent it is (1 = most urgent) and when it is due; where
    # each reviewer stopped (one row per reviewer and queue mode); and how a disagreeing second
    # check was settled, beside the check itself so the two verdicts and the settlement are read
    # together.
    db["claims"].add_column("assignee", str)
    db["claims"].add_column("priority", int)
    db["claims"].add_column("due", str)
    db["claims"].create_index(["assignee"])
    db["review_sessions"].create(
        {
            "reviewer": str,
            "mode": str,
            "query": str,
            "claim_id": int,
            "started_at": str,
            "updated_at": str,
        },
        pk=("reviewer", "mode"),
    )
    for column in ("adjudicated_by", "adjudicated_verdict", "adjudication_note", "adjudicated_at"):
        db["second_checks"].add_column(column, str)


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


@migrations(name="index_queue_orders")
def index_queue_orders(db: Database) -> None:
    # The review pages its queue by keyset (store/queue.py KEYS): one index per order, on the
    # very expressions of its keys then the columns a queue filters on, so a page is a seek and
    # a short walk, and a place in the queue is counted in the index alone, at any size.
    covered = "id, canonical_id, assignee, status"
    db.executescript(
        f"""
        CREATE INDEX claims_queue_position ON claims (article_id, ifnull(start, -1), {covered});
        CREATE INDEX claims_queue_score ON claims (ifnull(-checkworthiness, 1e308), {covered});
        CREATE INDEX claims_queue_priority ON claims (
            ifnull(priority, 99), ifnull(due, '~'), article_id, ifnull(start, -1), {covered}
        );
        CREATE INDEX claims_queue_due ON claims (
            ifnull(due, '~'), ifnull(priority, 99), article_id, ifnull(start, -1), {covered}
        );
        """
    )


@migrations(name="create_factcheck_words")
def create_factcheck_words(db: Database) -> None:
    # For each stemmed word, the fact-checks holding it and its BM25 weight in each, packed
    # (claimcheck/memory/words.py). Filled by that code, not here (it stems with PyStemmer):
    # fact-checks above `upto` are indexed when fact-checks are next imported or claims matched.
    db.executescript(
        """
        CREATE TABLE factcheck_words (
            term TEXT NOT NULL,
            first INTEGER NOT NULL,
            ids BLOB NOT NULL,
            weights BLOB NOT NULL,
            PRIMARY KEY (term, first)
        );
        CREATE TABLE factcheck_words_done (upto INTEGER NOT NULL);
        INSERT INTO factcheck_words_done VALUES (0);
        """
    )


@migrations(name="add_reviewer_editor_flag")
def add_reviewer_editor_flag(db: Database) -> None:
    # The desk's editor: an account flag that lets its holder settle a disagreement
    # even where they gave one of the two verdicts (a desk of two has no third reviewer).
    db.execute("ALTER TABLE reviewers ADD COLUMN editor INTEGER NOT NULL DEFAULT 0")


@migrations(name="drop_factchecks_terms")
def drop_factchecks_terms(db: Database) -> None:
    # The fts5vocab view over the fact-checks' full-text index counted how many fact-checks hold
    # a word for matching; the word index (create_factcheck_words) holds those counts now.
    db.execute("DROP TABLE IF EXISTS factchecks_terms")


@migrations(name="reindex_factcheck_words")
def reindex_factcheck_words(db: Database) -> None:
    # The word index also holds each hyphenated word joined up ("part-time" as "parttime"):
    # emptied here, it is built again by the next import or matching run (words.catch_up).
    db.executescript("DELETE FROM factcheck_words; UPDATE factcheck_words_done SET upto = 0;")


@migrations(name="defer_claim_indexing_in_bulk_writes")
def defer_claim_indexing_in_bulk_writes(db: Database) -> None:
    # A trigger per claim row (the full-text index, the kept counts) was most of the cost of
    # storing an article's claims. While `deferred_indexing` holds a row, which it does only
    # inside the transaction that adds an article (Articles.indexing_deferred), these triggers
    # stand aside and that code indexes and counts the article's new claims in three statements.
    # Other connections never see the row, so every other write is indexed by the triggers as
    # before.
    db.executescript(
        """
        CREATE TABLE deferred_indexing (since INTEGER NOT NULL);
        DROP TRIGGER claims_fts_insert;
        DROP TRIGGER claims_count_insert;
        DROP TRIGGER quantities_count_insert;
        CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims
        WHEN NOT EXISTS (SELECT 1 FROM deferred_indexing)
        BEGIN
            INSERT INTO claims_fts(rowid, text, sentence, speaker)
            VALUES (new.id, new.text, nullif(new.sentence, new.text), new.speaker);
        END;
        CREATE TRIGGER claims_count_insert AFTER INSERT ON claims
        WHEN NOT EXISTS (SELECT 1 FROM deferred_indexing)
        BEGIN
            INSERT INTO claim_counts
            VALUES (ifnull(new.status, ''), ifnull(new.kind, ''), new.canonical_id IS NOT NULL, 1)
            ON CONFLICT DO UPDATE SET n = n + 1;
        END;
        CREATE TRIGGER quantities_count_insert AFTER INSERT ON quantities
        WHEN NOT EXISTS (SELECT 1 FROM deferred_indexing)
        BEGIN
            UPDATE row_counts SET n = n + 1 WHERE name = 'quantities';
        END;
        """
    )
