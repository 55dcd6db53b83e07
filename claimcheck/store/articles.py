"""Articles and the claims extracted from them, stored in one transaction; a repeated claim
takes the verdict of the claim it repeats."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimcheck.errors import NotFound
from claimcheck.extract.repeats import repeat_key
from claimcheck.models import ArticleInput, ExtractedClaim
from claimcheck.store.core import StoreCore, now, sha256_text, to_json


@dataclass(frozen=True)
class AddResult:
    article_id: int
    created: bool
    claims: int
    repeats: int = 0


# The columns an added claim and quantity are stored with, in the order of the rows built below.
CLAIM_COLUMNS = (
    "id", "article_id", "start", "end", "paragraph", "sentence", "text", "kind", "kinds",
    "checkworthiness", "reasons", "speaker", "venue", "attribution", "quote", "dates",
    "canonical_id", "repeat_key", "status", "note", "reviewer", "created_at", "updated_at",
)  # fmt: skip
QUANTITY_COLUMNS = (
    "claim_id", "surface", "value", "high", "unit", "scale", "qualifier", "of", "start", "end",
)  # fmt: skip


def _insert_sql(table: str, columns: tuple[str, ...]) -> str:
    listed = ", ".join(f"[{c}]" for c in columns)
    return f"INSERT INTO {table} ({listed}) VALUES ({', '.join('?' * len(columns))})"


INSERT_CLAIM = _insert_sql("claims", CLAIM_COLUMNS)
INSERT_QUANTITY = _insert_sql("quantities", QUANTITY_COLUMNS)


@cache
def _kinds_json(kinds: tuple[str, ...]) -> str:
    """A claim's kinds as JSON: a handful of combinations, each encoded once."""
    return to_json(kinds)


def find_repeated(
    conn: sqlite3.Connection, keys: Iterable[str | None]
) -> dict[str, dict[str, Any]]:
    """For each repeat key already stored, the claim a new claim with that key repeats (the
    earliest with it, or the one that repeats) as its canonical_id and the verdict (status, note,
    reviewer) the new repeat takes. A few queries for a whole article, not one per claim."""
    wanted = sorted({k for k in keys if k is not None})
    found: dict[str, dict[str, Any]] = {}
    for at in range(0, len(wanted), 500):
        chunk = wanted[at : at + 500]
        rows = conn.execute(
            "SELECT c.repeat_key, k.id, k.status, k.note, k.reviewer FROM claims c"
            " JOIN claims k ON k.id = coalesce(c.canonical_id, c.id)"
            " WHERE c.id IN (SELECT min(id) FROM claims WHERE repeat_key IN"
            f" ({', '.join('?' * len(chunk))}) GROUP BY repeat_key)",
            chunk,
        )
        for key, claim_id, status, note, reviewer in rows:
            found[key] = {
                "canonical_id": claim_id,
                "status": status,
                "note": note,
                "reviewer": reviewer,
            }
    return found


class Articles(StoreCore):
    def find_article(self, text: str) -> int | None:
        row = self.db.execute(
            "SELECT id FROM articles WHERE sha256 = ?", [sha256_text(text)]
        ).fetchone()
        return row[0] if row else None

    def add_article(self, article: ArticleInput, claims: list[ExtractedClaim]) -> AddResult:
        """Store an article and its extracted claims at once; the same text twice is a no-op."""
        digest = sha256_text(article.text)
        with self.transaction():
            existing = self.find_article(article.text)
            if existing is not None:
                count = self.db.execute(
                    "SELECT count(*) FROM claims WHERE article_id = ?", [existing]
                ).fetchone()[0]
                return AddResult(existing, False, count)
            stamp = now()
            article_id = self.db.execute(
                "INSERT INTO articles (url, title, outlet, published, text, sha256, origin,"
                " format, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    article.url,
                    article.title,
                    article.outlet,
                    article.published,
                    article.text,
                    digest,
                    article.origin,
                    article.format,
                    stamp,
                ],
            ).lastrowid
            self.insert_rows(
                "links",
                [
                    {
                        "article_id": article_id,
                        "start": ln.start,
                        "end": ln.end,
                        "url": ln.url,
                        "text": ln.text,
                    }
                    for ln in article.links
                ],
            )
            claim_ids = self._insert_claims(article_id, claims, stamp)
            self._cite_links(article, claims, claim_ids, stamp)
            self._cite_attributions(claims, claim_ids, stamp)
            repeats = sum(1 for c in claims if c.repeat_of is not None)
            self.log_event(
                "add_article",
                article_id=article_id,
                new=article.title or article.origin,
                details={"claims": len(claims), "repeats": repeats, "origin": article.origin},
            )
        return AddResult(article_id, True, len(claims), repeats)

    def _insert_claims(
        self, article_id: int, claims: list[ExtractedClaim], stamp: str
    ) -> list[int]:
        """Bulk-insert claims and quantities with ids chosen here (we hold the write lock),
        indexed and counted in bulk (indexing_deferred)."""
        first = self.next_claim_id()
        ids = list(range(first, first + len(claims)))
        claim_rows = []
        quantity_rows = []
        keys = [
            repeat_key(
                c.sentence,
                c.attribution.speaker if c.attribution else None,
                (d.resolved for d in c.dates),
            )
            for c in claims
        ]
        earlier_articles = find_repeated(self.db.conn, keys)
        canonical: list[dict[str, Any] | None] = []
        for claim_id, claim, key in zip(ids, claims, keys, strict=True):
            attribution = claim.attribution
            if claim.repeat_of is not None:
                earlier = canonical[claim.repeat_of]
                target = earlier or {"canonical_id": ids[claim.repeat_of], "status": "unreviewed"}
            else:
                target = earlier_articles.get(key) if key is not None else None
            canonical.append(target)
            verdict = target or {}
            claim_rows.append(
                (
                    claim_id,
                    article_id,
                    claim.start,
                    claim.end,
                    claim.paragraph,
                    claim.sentence,
                    claim.sentence,
                    claim.kind,
                    _kinds_json(tuple(claim.kinds)),
                    round(claim.score, 4),
                    to_json(claim.reasons),
                    attribution.speaker if attribution else None,
                    attribution.venue if attribution else None,
                    attribution.phrase if attribution else None,
                    claim.quote,
                    to_json([d.__dict__ for d in claim.dates]) if claim.dates else "[]",
                    verdict.get("canonical_id"),
                    key,
                    verdict.get("status", "unreviewed"),
                    verdict.get("note"),
                    verdict.get("reviewer"),
                    stamp,
                    stamp,
                )
            )
            quantity_rows.extend(
                (
                    claim_id,
                    q.surface,
                    q.value,
                    q.high,
                    q.unit,
                    q.scale,
                    q.qualifier,
                    q.of,
                    q.start,
                    q.end,
                )
                for q in claim.quantities
            )
        with self.indexing_deferred():
            self.db.conn.executemany(INSERT_CLAIM, claim_rows)
            self.db.conn.executemany(INSERT_QUANTITY, quantity_rows)
        return ids

    @contextmanager
    def indexing_deferred(self) -> Iterator[None]:
        """Claims and quantities inserted inside are put in the full-text index and the kept
        counts by three statements at the end instead of a trigger per row (migration
        defer_claim_indexing_in_bulk_writes). Call inside a transaction; inside, only insert
        claims (with ids above any existing one) and their quantities."""
        self.db.execute("INSERT INTO deferred_indexing VALUES (?)", [self.next_claim_id()])
        yield
        since = "(SELECT since FROM deferred_indexing)"
        self.db.execute(
            "INSERT INTO claims_fts(rowid, text, sentence, speaker)"
            f" SELECT id, text, nullif(sentence, text), speaker FROM claims WHERE id >= {since}"
        )
        self.db.execute(
            "INSERT INTO claim_counts SELECT ifnull(status, ''), ifnull(kind, ''),"
            f" canonical_id IS NOT NULL, count(*) FROM claims WHERE id >= {since}"
            " GROUP BY 1, 2, 3 ON CONFLICT DO UPDATE SET n = n + excluded.n"
        )
        self.db.execute(
            "UPDATE row_counts SET n = n + (SELECT count(*) FROM quantities"
            f" WHERE claim_id >= {since}) WHERE name = 'quantities'"
        )
        self.db.execute("DELETE FROM deferred_indexing")

    def _cite_links(
        self, article: ArticleInput, claims: list[ExtractedClaim], ids: list[int], stamp: str
    ) -> None:
        """A hyperlink inside a claim's sentence becomes that claim's cited source."""
        for link in article.links:
            for claim, claim_id in zip(claims, ids, strict=True):
                if claim.start <= link.start and link.end <= claim.end:
                    source_id = self.ensure_source(link.url, kind="cited", label=link.text)
                    self.db["claim_sources"].insert(
                        {
                            "claim_id": claim_id,
                            "source_id": source_id,
                            "kind": "cited",
                            "label": link.text,
                            "created_at": stamp,
                        },
                        ignore=True,
                    )

    def _cite_attributions(self, claims: list[ExtractedClaim], ids: list[int], stamp: str) -> None:
        """An attribution without a link ("told The Daily Telegraph", "according to US sources")
        becomes an unresolved source (no URL yet) that a reviewer can resolve later."""
        if not ids:
            return
        cited = {
            row[0]
            for row in self.db.execute(
                "SELECT claim_id FROM claim_sources WHERE claim_id BETWEEN ? AND ?",
                [ids[0], ids[-1]],
            )
        }
        made: dict[str, int] = {}
        for claim, claim_id in zip(claims, ids, strict=True):
            attribution = claim.attribution
            if claim.repeat_of is not None or attribution is None:
                continue
            label = attribution.venue or (
                attribution.phrase if attribution.phrase.lower().startswith("according") else None
            )
            if not label or claim_id in cited:
                continue
            if label not in made:
                made[label] = self.db.execute(
                    "INSERT INTO sources (url, kind, label, created_at)"
                    " VALUES (NULL, 'attribution', ?, ?)",
                    [label, stamp],
                ).lastrowid
            self.link_source(claim_id, made[label], kind="attribution", label=attribution.phrase)

    def update_article(
        self,
        article_id: int,
        changes: dict[str, Sequence[Any]],
        *,
        action: str,
        note: str | None = None,
    ) -> None:
        """Set an article's fields from {field: (old, new)}, audited with old and new; call
        inside a transaction."""
        values = {name: new for name, (_, new) in changes.items()}
        assignments = ", ".join(f"[{name}] = ?" for name in values)
        self.db.execute(
            f"UPDATE articles SET {assignments} WHERE id = ?", [*values.values(), article_id]
        )
        self.log_event(
            action,
            article_id=article_id,
            old=to_json({k: old for k, (old, _) in changes.items()}),
            new=to_json(values),
            note=note,
        )

    def article(self, article_id: int) -> dict[str, Any]:
        try:
            return dict(self.db["articles"].get(article_id))
        except Exception:
            raise NotFound(f"no article {article_id}") from None

    def articles(self) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT a.id, a.title, a.url, a.outlet, a.published, a.origin, a.ingested_at,"
                " (SELECT count(*) FROM claims c WHERE c.article_id = a.id) AS claims"
                " FROM articles a ORDER BY a.id"
            )
        )
