"""Sources a claim cites, the snapshots archived of them, and the "source changed" marker."""

from __future__ import annotations

import json
from typing import Any

from claimcheck.errors import NotFound
from claimcheck.models import Claim
from claimcheck.store.core import StoreCore, now


class Sources(StoreCore):
    def ensure_source(
        self, url: str, *, kind: str, label: str | None = None, title: str | None = None
    ) -> int:
        """The id of the source with this URL or path, made if it is new."""
        row = self.db.execute("SELECT id FROM sources WHERE url = ?", [url]).fetchone()
        if row:
            return row[0]
        return (
            self.db["sources"]
            .insert({"url": url, "title": title, "kind": kind, "label": label, "created_at": now()})
            .last_pk
        )

    def claim_sources(self, claim_id: int) -> list[dict[str, Any]]:
        return list(
            self.db.query(
                "SELECT s.*, cs.kind AS link_kind, cs.label AS link_label,"
                " (SELECT count(*) FROM snapshots sn WHERE sn.source_id = s.id) AS snapshots"
                " FROM claim_sources cs JOIN sources s ON s.id = cs.source_id"
                " WHERE cs.claim_id = ? ORDER BY s.id",
                [claim_id],
            )
        )

    def link_source(
        self, claim_id: int, source_id: int, *, kind: str, label: str | None = None
    ) -> bool:
        """Attach a source to a claim; False when it was already attached."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO claim_sources (claim_id, source_id, kind, label, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            [claim_id, source_id, kind, label, now()],
        )
        return cursor.rowcount == 1

    def cite(
        self, claim_id: int, url: str, *, kind: str = "reviewer", label: str | None = None
    ) -> int:
        """Attach the source at url (or local path) to a claim, audited; returns the source id."""
        with self.transaction():
            claim = self.claim(claim_id)
            source_id = self.ensure_source(url, kind=kind, label=label)
            if self.link_source(claim_id, source_id, kind=kind, label=label):
                self.log_event(
                    "cite",
                    claim_id=claim_id,
                    article_id=claim.article_id,
                    new=url,
                    note=label,
                    details={"source_id": source_id, "kind": kind},
                )
        return source_id

    def resolve_source(self, source_id: int, url: str) -> int:
        """Give an unresolved (attribution) source its URL; if that URL is already a source, the
        claims move to it. Returns the id of the source that now has the URL."""
        with self.transaction():
            source = self.source(source_id)
            existing = self.db.execute("SELECT id FROM sources WHERE url = ?", [url]).fetchone()
            target = existing[0] if existing else source_id
            if existing and target != source_id:
                self.db.execute(
                    "INSERT OR IGNORE INTO claim_sources"
                    " SELECT claim_id, ?, kind, label, created_at FROM claim_sources"
                    " WHERE source_id = ?",
                    [target, source_id],
                )
                self.db.execute("DELETE FROM claim_sources WHERE source_id = ?", [source_id])
            else:
                self.db.execute("UPDATE sources SET url = ? WHERE id = ?", [url, source_id])
            self.log_event(
                "resolve_source",
                old=source["label"],
                new=url,
                details={"source_id": source_id, "now": target},
            )
        return target

    def source(self, source_id: int) -> dict[str, Any]:
        rows = list(self.db.query("SELECT * FROM sources WHERE id = ?", [source_id]))
        if not rows:
            raise NotFound(f"no source {source_id}")
        return rows[0]

    def sources_of(self, claim_ids: list[int] | None = None) -> list[dict[str, Any]]:
        """The sources cited by these claims, each once; every source when None (including
        any that an import attached to no claim)."""
        if claim_ids is None:
            return list(self.db.query("SELECT * FROM sources ORDER BY id"))
        if not claim_ids:
            return []
        for claim_id in claim_ids:
            self.claim(claim_id)
        return list(
            self.db.query(
                "SELECT DISTINCT s.* FROM sources s JOIN claim_sources cs ON cs.source_id = s.id"
                f" WHERE cs.claim_id IN ({', '.join('?' * len(claim_ids))}) ORDER BY s.id",
                list(claim_ids),
            )
        )

    def snapshots(self, source_id: int) -> list[dict[str, Any]]:
        """Every fetch of a source, newest first, without the raw bytes."""
        return list(
            self.db.query(
                "SELECT id, source_id, requested_url, final_url, status, content_type, etag,"
                " last_modified, fetched_at, sha256, size, text, error, not_modified, note"
                " FROM snapshots WHERE source_id = ? ORDER BY fetched_at DESC, id DESC",
                [source_id],
            )
        )

    def add_snapshot(self, source_id: int, row: dict[str, Any]) -> int:
        """Archive one fetch of a source (never overwriting an earlier one), audited."""
        with self.transaction():
            snapshot_id = (
                self.db["snapshots"]
                .insert(
                    {**row, "source_id": source_id, "fetched_at": row.get("fetched_at") or now()}
                )
                .last_pk
            )
            self.log_event(
                "snapshot",
                new=row.get("final_url") or row.get("requested_url"),
                note=row.get("error"),
                details={
                    "source_id": source_id,
                    "snapshot_id": snapshot_id,
                    "status": row.get("status"),
                    "not_modified": bool(row.get("not_modified")),
                },
            )
        return snapshot_id

    def latest_snapshot(self, source_id: int) -> dict[str, Any] | None:
        """The newest snapshot holding content (not a 304 check, not a failure), without the raw
        bytes (archive.snapshot_raw reads those)."""
        rows = list(
            self.db.query(
                "SELECT id, source_id, requested_url, final_url, status, content_type, etag,"
                " last_modified, fetched_at, sha256, size, text, error, not_modified, note"
                " FROM snapshots WHERE source_id = ? AND error IS NULL"
                " AND coalesce(not_modified, 0) = 0 ORDER BY fetched_at DESC, id DESC LIMIT 1",
                [source_id],
            )
        )
        return rows[0] if rows else None

    def snapshot(self, snapshot_id: int) -> dict[str, Any]:
        """One snapshot, raw bytes included."""
        rows = list(self.db.query("SELECT * FROM snapshots WHERE id = ?", [snapshot_id]))
        if not rows:
            raise NotFound(f"no snapshot {snapshot_id}")
        return rows[0]

    def snapshot_raw(self, snapshot_id: int) -> bytes | None:
        """The archived bytes of a snapshot as stored (compressed)."""
        row = self.db.execute("SELECT raw FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        return row[0] if row else None

    def citing_claims(self, source_id: int) -> list[dict[str, Any]]:
        """id and status of every claim that cites the source."""
        return list(
            self.db.query(
                "SELECT c.id, c.status FROM claims c JOIN claim_sources cs ON cs.claim_id = c.id"
                " WHERE cs.source_id = ?",
                [source_id],
            )
        )

    def latest_archived(self, source_id: int) -> dict[str, Any] | None:
        """id, fetched_at and sha256 of the newest snapshot that is not a failure (a 304 check
        included): what an export cites as the archived copy."""
        row = self.db.execute(
            "SELECT id, fetched_at, sha256 FROM snapshots WHERE source_id = ? AND error IS NULL"
            " ORDER BY fetched_at DESC, id DESC LIMIT 1",
            [source_id],
        ).fetchone()
        return dict(zip(("id", "fetched_at", "sha256"), row, strict=True)) if row else None

    def latest_fetch(self, source_id: int) -> dict[str, Any] | None:
        """The newest snapshot of a source (a failure or a 304 check included) without its text
        or bytes: what the review screen shows as the source's fetch state."""
        rows = list(
            self.db.query(
                "SELECT id, status, fetched_at, error, not_modified, note,"
                " length(text) AS text_length FROM snapshots WHERE source_id = ?"
                " ORDER BY fetched_at DESC, id DESC LIMIT 1",
                [source_id],
            )
        )
        return rows[0] if rows else None

    def snapshot_text(self, snapshot_id: int) -> str:
        """The extracted text of one snapshot ('' when it has none)."""
        row = self.db.execute("SELECT text FROM snapshots WHERE id = ?", [snapshot_id]).fetchone()
        if row is None:
            raise NotFound(f"no snapshot {snapshot_id}")
        return row[0] or ""

    def has_snapshot(self, source_id: int, sha256: str) -> bool:
        return (
            self.db.execute(
                "SELECT 1 FROM snapshots WHERE source_id = ? AND sha256 = ?", [source_id, sha256]
            ).fetchone()
            is not None
        )

    def set_source_changed(self, claim_id: int, marker: dict[str, Any]) -> Claim:
        """Mark a claim "source changed since verified"; its verdict stays, its version moves on
        so a reviewer holding the old version is told rather than overwriting unawares."""
        with self.transaction():
            return self.update_claim(
                claim_id,
                {"source_changed": json.dumps(marker, ensure_ascii=False)},
                action="source_changed",
                old=None,
                new=marker.get("url"),
                note="source changed since verified",
                expected_version=None,
                reviewer=None,
                details=marker,
            )

    def clear_source_changed(
        self, claim_id: int, *, reviewer: str | None = None, expected_version: int | None = None
    ) -> Claim:
        """The reviewer has looked at the changed source: remove the marker, audited."""
        with self.transaction():
            return self.update_claim(
                claim_id,
                {"source_changed": None},
                action="source_change_seen",
                old="source changed since verified",
                new=None,
                note=None,
                expected_version=expected_version,
                reviewer=reviewer,
            )

    def source_change(self, claim_id: int) -> dict[str, Any] | None:
        """The "source changed since verified" marker of a claim, or None."""
        row = self.db.execute(
            "SELECT source_changed FROM claims WHERE id = ?", [claim_id]
        ).fetchone()
        if row is None:
            raise NotFound(f"no claim {claim_id}")
        return json.loads(row[0]) if row[0] else None
