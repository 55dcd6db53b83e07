"""The counts `claimcheck stats` shows."""

from __future__ import annotations

from typing import Any

from claimcheck.store.core import StoreCore


class Stats(StoreCore):
    def stats(self) -> dict[str, Any]:
        """Counts for `claimcheck stats`: articles, claims by status and kind, sources. Read from
        the counts the triggers keep (migration maintain_counts): a few dozen rows at any size."""
        rows = self.db.execute(
            "SELECT status, kind, repeat, n FROM claim_counts WHERE n > 0"
        ).fetchall()
        tables = dict(self.db.execute("SELECT name, n FROM row_counts").fetchall())
        distinct = [(status, kind, n) for status, kind, repeat, n in rows if not repeat]
        by_status: dict[str | None, int] = {}
        by_kind: dict[str | None, int] = {}
        for status, kind, n in distinct:
            by_status[status or None] = by_status.get(status or None, 0) + n
            by_kind[kind or None] = by_kind.get(kind or None, 0) + n
        ranked = lambda counts: dict(sorted(counts.items(), key=lambda item: -item[1]))  # noqa: E731
        return {
            "articles": tables["articles"],
            "claims": sum(row[3] for row in rows),
            "distinct_claims": sum(n for _, _, n in distinct),
            "repeats": sum(row[3] for row in rows if row[2]),
            "reviewed": sum(n for status, _, n in distinct if status != "unreviewed"),
            "by_status": ranked(by_status),
            "by_kind": ranked(by_kind),
            "quantities": tables["quantities"],
            "sources": tables["sources"],
            "snapshots": tables["snapshots"],
            "events": tables["events"],
            "second_checks": self.second_check_stats(),
        }
