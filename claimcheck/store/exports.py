"""What an export reads: every claim field as one SQL expression (SQLite's json_object builds a
JSONL line in C, key order fixed), streamed from one cursor so memory stays flat."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator, Sequence
from typing import Any

from claimcheck.store.claims import ORDERS, claim_filter
from claimcheck.store.core import StoreCore

_QUANTITIES = (
    "(SELECT json_group_array(json_object('surface', surface, 'value', value, 'high', high,"
    " 'unit', unit, 'qualifier', qualifier, 'of', [of]))"
    " FROM (SELECT * FROM quantities q WHERE q.claim_id = claims.id ORDER BY q.id))"
)
_DATES = (
    "(SELECT json_group_array(json_object('surface', d.value ->> 'surface',"
    " 'resolved', d.value ->> 'resolved', 'granularity', d.value ->> 'granularity'))"
    " FROM json_each(coalesce(claims.dates, '[]')) d)"
)
_SOURCES = (
    "(SELECT json_group_array(json_object('url', url, 'label', label, 'kind', kind))"
    " FROM (SELECT s.url, cs.label, cs.kind FROM claim_sources cs"
    " JOIN sources s ON s.id = cs.source_id WHERE cs.claim_id = claims.id ORDER BY cs.rowid))"
)
# Who settled the claim's latest disagreement, and why (the verdict they settled on is its
# status). Read back by nothing: the importer accepts these columns and leaves them.
_ADJUDICATION = (
    "(SELECT {} FROM second_checks s WHERE s.claim_id = claims.id AND s.adjudicated_at IS NOT NULL"
    " ORDER BY s.id DESC LIMIT 1)"
)
EXPORT_COLUMNS = {
    "id": "claims.id",
    "article_id": "claims.article_id",
    "article_url": "a.url",
    "article_title": "a.title",
    "article_outlet": "a.outlet",
    "article_published": "a.published",
    "sentence": "claims.sentence",
    "text": "claims.text",
    "kind": "claims.kind",
    "checkworthiness": "claims.checkworthiness",
    "speaker": "claims.speaker",
    "quote": "claims.quote",
    "repeat_of": "claims.canonical_id",
    "quantities": _QUANTITIES,
    "dates": _DATES,
    "sources": _SOURCES,
    "status": "claims.status",
    "note": "claims.note",
    "reviewer": "claims.reviewer",
    "assignee": "claims.assignee",
    "priority": "claims.priority",
    "due": "claims.due",
    "adjudicated_by": _ADJUDICATION.format("adjudicated_by"),
    "adjudication_note": _ADJUDICATION.format("adjudication_note"),
    "created_at": "claims.created_at",
    "updated_at": "claims.updated_at",
    "version": "claims.version",
}

_JSON_OBJECT = "json_object({})".format(
    ", ".join(
        f"'{name}', json({column})"
        if column in (_QUANTITIES, _DATES, _SOURCES)
        else f"'{name}', {column}"
        for name, column in EXPORT_COLUMNS.items()
    )
)


class Exports(StoreCore):
    def export_rows(
        self, fields: Sequence[str], *, order: str = "id", **filters: Any
    ) -> sqlite3.Cursor:
        """The claims matching the filters as tuples of these EXPORT_COLUMNS, in this order."""
        return self._export_cursor(", ".join(EXPORT_COLUMNS[f] for f in fields), order, filters)

    def export_json_lines(self, **filters: Any) -> Iterator[str]:
        """One JSON object per matching claim (no newline), in id order."""
        for (line,) in self._export_cursor(_JSON_OBJECT, "id", filters):
            yield line

    def _export_cursor(self, select: str, order: str, filters: dict[str, Any]) -> sqlite3.Cursor:
        where, params = claim_filter(**filters)
        return self.db.conn.execute(
            f"SELECT {select} FROM claims JOIN articles a ON a.id = claims.article_id{where}"
            f" ORDER BY {ORDERS[order]}",
            params,
        )

    def status_counts(self, **filters: Any) -> list[tuple[str, int]]:
        """(status, claims) of the matching claims, the commonest first."""
        where, params = claim_filter(**filters)
        return self.db.execute(
            f"SELECT claims.status, count(*) FROM claims{where} GROUP BY claims.status"
            " ORDER BY count(*) DESC, claims.status",
            params,
        ).fetchall()
