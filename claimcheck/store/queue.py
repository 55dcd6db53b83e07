"""The review queue, paged from the database: keyset pages over an index per order, counts from
the trigger-kept claim_counts where the filter allows, so opening and moving through a queue
costs the same at a million claims as at a thousand."""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from typing import Any

from claimcheck.store.claims import claim_filter, fts_query
from claimcheck.store.core import StoreCore

# Each queue order as ascending keys without NULLs (so a row value `(keys) > (?, ...)` seeks in
# the order's index, migration index_queue_orders): the same order as claims.ORDERS, NULLs where
# ORDERS puts them (priorities are 1-5, due times ISO text, so 99 and '~' sort after them all).
KEYS = {
    "position": ("claims.article_id", "ifnull(claims.start, -1)", "claims.id"),
    "score": ("ifnull(-claims.checkworthiness, 1e308)", "claims.id"),
    "priority": (
        "ifnull(claims.priority, 99)",
        "ifnull(claims.due, '~')",
        "claims.article_id",
        "ifnull(claims.start, -1)",
        "claims.id",
    ),
    "due": (
        "ifnull(claims.due, '~')",
        "ifnull(claims.priority, 99)",
        "claims.article_id",
        "ifnull(claims.start, -1)",
        "claims.id",
    ),
}
# Filters a segment writes itself (claim_filter the rest), to say which index may serve them.
OWN = {"status", "include_repeats", "unassigned", "assigned_to", "search"}
# A searched queue's claims: the full-text matches of its search, found once (Queue._where)
# rather than by every page, count and jump (a broad search at 1M claims matched 263,000 rows
# again for each: 1-4 s a page).
HITS = "claims.id IN (SELECT claim_id FROM temp.queue_hits)"
# Filters claim_counts can answer (it counts claims by status, kind and repeat or not).
COUNTED = {"status", "kind", "include_repeats", "unassigned"}
# A claim with a disagreement waiting to be settled, by someone who was neither side of it.
PENDING = (
    "claims.id IN (SELECT claim_id FROM second_checks WHERE agreed = 0"
    " AND adjudicated_at IS NULL AND first_reviewer IS NOT ? AND second_reviewer IS NOT ?)"
)
AWAITING_SECOND = (
    "claims.status = 'flagged' AND claims.id IN (SELECT claim_id FROM second_checks"
    " WHERE decided_at IS NULL AND first_reviewer IS NOT ?)"
)


@dataclass(frozen=True)
class Segment:
    """One run of a queue: the claims a filter selects, in one order. `second_check_for` and
    `adjudicate_for` name the reviewer of those queues; `kept` are claims acted on since the
    queue opened, which stay in it although their status no longer matches."""

    order: str = "position"
    filters: dict[str, Any] = field(default_factory=dict)
    second_check_for: str | None = None
    adjudicate_for: str | None = None
    editor: bool = False  # the adjudication queue of the desk's editor holds their own disputes
    kept: frozenset[int] = frozenset()
    walk: bool = False

    def where(self) -> tuple[str, list[Any]]:
        """The WHERE clause: the filter, its status part (status, awaiting a second check, or
        disputed) widened to the kept claims. A broad segment (`walk`) is read along its
        order's index, the filter checked on the way (a unary + keeps SQLite from choosing the
        status or assignee index and sorting half a million rows for each page); a narrow one
        lets SQLite pick the filter's index and sort the few rows. Not a repeat and unassigned
        hold nearly every claim: never worth their index."""
        plus = "+" if self.walk else ""
        rest = {k: v for k, v in self.filters.items() if k not in OWN}
        where, params = claim_filter(**rest)
        clauses = [where.removeprefix(" WHERE ")] if where else []
        if not self.filters.get("include_repeats", True):
            clauses.append("+claims.canonical_id IS NULL")
        if self.filters.get("unassigned"):
            clauses.append("+claims.assignee IS NULL")
        if self.filters.get("assigned_to") is not None:
            clauses.append(f"{plus}claims.assignee = ?")
            params.append(self.filters["assigned_to"])
        if self.filters.get("search"):
            clauses.append(HITS)
        volatile, volatile_params = self.status_part()
        if volatile:
            if self.kept:
                volatile = f"({volatile} OR claims.id IN (SELECT value FROM json_each(?)))"
                volatile_params.append(json.dumps(sorted(self.kept)))
            clauses.append(volatile)
            params.extend(volatile_params)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def status_part(self) -> tuple[str, list[Any]]:
        clauses, params = [], []
        if statuses := self.filters.get("status"):
            statuses = [statuses] if isinstance(statuses, str) else list(statuses)
            plus = "+" if self.walk else ""
            clauses.append(f"{plus}claims.status IN ({', '.join('?' * len(statuses))})")
            params.extend(statuses)
        if self.second_check_for is not None:
            clauses.append(AWAITING_SECOND)
            params.append(self.second_check_for)
        if self.adjudicate_for is not None:
            clauses.append(PENDING)
            params.extend([self.party()] * 2)
        return " AND ".join(clauses), params

    def table(self) -> str:
        """The FROM of a read in order: a broad segment names its order's index (SQLite would
        otherwise at times scan the table and sort it, for a filter it cannot seek)."""
        return f"claims INDEXED BY claims_queue_{self.order}" if self.walk else "claims"

    def status_sql(self) -> tuple[str, list[Any]]:
        """A claim's status in this queue: disputed or settled in the adjudication queue."""
        if self.adjudicate_for is None:
            return "+claims.status", []
        return (
            f"CASE WHEN {PENDING} THEN 'disputed' ELSE 'settled' END",
            [self.party()] * 2,
        )

    def party(self) -> str | None:
        """Whose disputes the adjudication queue leaves out (None: nobody's, for the editor)."""
        return None if self.editor else self.adjudicate_for

    def counted(self) -> bool:
        """Whether claim_counts can answer this segment's count."""
        plain = {k for k, v in self.filters.items() if v not in (None, [], (), False)}
        return (
            plain <= COUNTED
            and self.filters.get("include_repeats", True) in (True, False)
            and self.second_check_for is None
            and self.adjudicate_for is None
        )


class Queue(StoreCore):
    _hits_for: str | None = None  # the FTS query whose matches temp.queue_hits holds

    def _where(self, segment: Segment) -> tuple[str, list[Any]]:
        """The segment's WHERE clause, its search's matches found first when they are not."""
        if search := segment.filters.get("search"):
            self._find_hits(fts_query(search))
        return segment.where()

    def _find_hits(self, query: str) -> None:
        if query == self._hits_for:
            return
        db = self.db.conn
        db.execute("CREATE TEMP TABLE IF NOT EXISTS queue_hits (claim_id INTEGER PRIMARY KEY)")
        db.execute("DELETE FROM temp.queue_hits")
        db.execute(
            "INSERT INTO temp.queue_hits SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?",
            [query],
        )
        # inside a transaction a rollback could undo the rows: found again next time
        self._hits_for = None if db.in_transaction else query

    def forget_search_hits(self) -> None:
        """Claims changed (added, reworded, removed): find the search's matches again."""
        self._hits_for = None

    def claim_ids(
        self, *, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[int]:
        """The ids of a review queue, in order (a whole list: for tests and small queues)."""
        return [claim_id for claim_id, _ in self.queue_statuses(order, second_check, **filters)]

    def queue_statuses(
        self, order: str = "position", second_check: bool = False, **filters: Any
    ) -> list[tuple[int, str]]:
        """A review queue as (id, status) pairs, in order."""
        segment = Segment(order, filters, self.reviewer if second_check else None)
        rows = self.queue_page(segment, limit=-1)
        return [(row[0], row[1]) for row in rows]

    def queue_counts(self, segment: Segment) -> dict[str, int]:
        """How many claims of each status the segment holds."""
        segment = replace(segment, walk=False)
        if segment.counted():
            counts = self._maintained_counts(segment.filters)
            if segment.kept and segment.filters.get("status"):
                for status, n in self._kept_elsewhere(segment):
                    counts[status] = counts.get(status, 0) + n
            return counts
        status, status_params = segment.status_sql()
        where, params = self._where(segment)
        rows = self.db.execute(
            f"SELECT {status}, count(*) FROM claims{where} GROUP BY 1", [*status_params, *params]
        )
        return dict(rows.fetchall())

    def _maintained_counts(self, filters: dict[str, Any]) -> dict[str, int]:
        """Counts from claim_counts (less the claims assigned to anyone, for an unassigned
        queue: few, found through the assignee index, named: SQLite would rather scan a
        queue index that covers the columns)."""
        clauses, params = [], []
        for column in ("status", "kind"):
            if values := filters.get(column):
                values = [values] if isinstance(values, str) else list(values)
                clauses.append(f"{column} IN ({', '.join('?' * len(values))})")
                params.extend(values)
        if not filters.get("include_repeats", True):
            clauses.append("repeat = 0")
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        counts: dict[str, int] = {}
        for status, n in self.db.execute(
            f"SELECT status, sum(n) FROM claim_counts{where} GROUP BY status", params
        ):
            counts[status] = n
        if filters.get("unassigned"):
            assigned = Segment(filters={**filters, "unassigned": False}, walk=True)
            where, params = self._where(assigned)
            where += (" AND " if where else " WHERE ") + "claims.assignee IS NOT NULL"
            for status, n in self.db.execute(
                "SELECT +claims.status, count(*) FROM claims INDEXED BY idx_claims_assignee"
                f"{where} GROUP BY 1",
                params,
            ):
                counts[status] -= n
        return {status: n for status, n in counts.items() if n > 0}

    def claim_total(self) -> int:
        """How many claims there are (from the maintained counts)."""
        return self.db.execute("SELECT ifnull(sum(n), 0) FROM claim_counts").fetchone()[0]

    def _kept_elsewhere(self, segment: Segment) -> list[tuple[str, int]]:
        """(status, count) of the kept claims whose status left the segment's filter."""
        stable = {k: v for k, v in segment.filters.items() if k != "status"}
        where, params = claim_filter(**stable)
        statuses = segment.filters["status"]
        statuses = [statuses] if isinstance(statuses, str) else list(statuses)
        where += (" AND " if where else " WHERE ") + (
            "claims.id IN (SELECT value FROM json_each(?))"
            f" AND claims.status NOT IN ({', '.join('?' * len(statuses))})"
        )
        params.extend([json.dumps(sorted(segment.kept)), *statuses])
        return self.db.execute(
            f"SELECT status, count(*) FROM claims{where} GROUP BY status", params
        ).fetchall()

    def queue_page(
        self,
        segment: Segment,
        *,
        after: tuple | None = None,
        before: tuple | None = None,
        limit: int = 60,
        offset: int = 0,
        from_end: bool = False,
    ) -> list[tuple]:
        """Rows (id, status, *keys) of the segment in its order: the first `limit` after the key
        `after`, or the last `limit` before `before` (or before the end), still in queue order;
        `offset` skips rows first (a jump far from any page read: linear in the offset)."""
        backwards = before is not None or from_end
        mark = before if backwards else after
        rows: list[tuple] = []
        for clause, params, depth in self._beyond(segment, mark, "<" if backwards else ">"):
            more = limit - len(rows) if limit >= 0 else -1
            rows += self._read(segment, clause, params, depth, more, offset, backwards)
            if len(rows) == limit:
                break
        return rows[::-1] if backwards else rows

    def _read(
        self,
        segment: Segment,
        clause: str,
        clause_params: list[Any],
        depth: int,
        limit: int,
        offset: int = 0,
        backwards: bool = False,
        status: str | None = None,
        unlike: bool = False,
    ) -> list[tuple]:
        keys = KEYS[segment.order]
        where, params = self._where(segment)
        status_sql, status_params = segment.status_sql()
        clauses = [where.removeprefix(" WHERE ")] if where else []
        params = [*status_params, *params]
        if clause:
            clauses.append(clause)
            params.extend(clause_params)
        if status is not None:
            clauses.append(f"{status_sql} {'!=' if unlike else '='} ?")
            params.extend([*status_params, status])
        where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
        # The keys held equal order nothing: left out, the index gives the order unsorted.
        direction = " DESC" if backwards else ""
        return self.db.execute(
            f"SELECT claims.id, {status_sql}, {', '.join(keys)} FROM {segment.table()}{where}"
            f" ORDER BY {', '.join(k + direction for k in keys[depth:])} LIMIT ? OFFSET ?",
            [*params, limit, offset],
        ).fetchall()

    def queue_row(self, segment: Segment, claim_id: int) -> tuple | None:
        """The claim's row (id, status, *keys) in the segment, None when it does not hold it."""
        keys = KEYS[segment.order]
        where, params = self._where(segment)
        status, status_params = segment.status_sql()
        where += (" AND " if where else " WHERE ") + "claims.id = ?"
        return self.db.execute(
            f"SELECT claims.id, {status}, {', '.join(keys)} FROM claims{where}",
            [*status_params, *params, claim_id],
        ).fetchone()

    def queue_rank(self, segment: Segment, key: tuple) -> int:
        """How many of the segment's claims come before the key: linear in that number (a
        jump; moving on counts from the place it knows)."""
        where, params = self._where(segment)
        total = 0
        for clause, clause_params, _ in self._beyond(segment, key, "<"):
            clauses = [where.removeprefix(" WHERE "), clause] if where else [clause]
            total += self.db.execute(
                f"SELECT count(*) FROM {segment.table()} WHERE {' AND '.join(clauses)}",
                [*params, *clause_params],
            ).fetchone()[0]
        return total

    def queue_find(
        self,
        segment: Segment,
        status: str,
        *,
        after: tuple | None = None,
        until: tuple | None = None,
        unlike: bool = False,
    ) -> tuple | None:
        """The first row (id, status, *keys) of this status (of any other, when `unlike`) after
        the key `after` (from the start when None) and before `until` (to the end when None)."""
        for clause, params, depth in self._beyond(segment, after, ">"):
            if until is not None:
                keys = KEYS[segment.order]
                bound = f"({', '.join(keys)}) < ({', '.join('?' * len(keys))})"
                clause, params = " AND ".join(filter(None, [clause, bound])), [*params, *until]
            rows = self._read(segment, clause, params, depth, 1, status=status, unlike=unlike)
            if rows:
                return rows[0]
        return None

    @staticmethod
    def _beyond(segment: Segment, mark: tuple | None, sign: str) -> list[tuple[str, list, int]]:
        """The rows past a key, as ranges each an index seek, nearest first: (k1, k2, k3) > (a,
        b, c) is k1 = a AND k2 = b AND k3 > c, then k1 = a AND k2 > b, then k1 > a (SQLite seeks
        a row value only on a plain first column), with how many keys each holds equal. No
        mark: one range, everything."""
        if mark is None:
            return [("", [], 0)]
        keys = KEYS[segment.order]
        ranges = []
        for depth in reversed(range(len(keys))):
            equal = [f"{key} = ?" for key in keys[:depth]]
            clause = " AND ".join([*equal, f"{keys[depth]} {sign} ?"])
            ranges.append((clause, list(mark[: depth + 1]), depth))
        return ranges

    def last_change(self) -> str:
        """The latest updated_at of any claim: where the next status_changes() starts."""
        return self.db.execute("SELECT coalesce(max(updated_at), '') FROM claims").fetchone()[0]

    def status_changes(self, since: str) -> list[tuple[int, str, str]]:
        """(id, status, updated_at) of the claims changed at or after `since`."""
        return self.db.execute(
            "SELECT id, status, updated_at FROM claims WHERE updated_at >= ?", [since]
        ).fetchall()

    def queue_rows(self, claim_ids: list[int]) -> dict[int, dict[str, Any]]:
        """The few columns a queue line shows, for one page of ids."""
        if not claim_ids:
            return {}
        rows = self.db.query(
            "SELECT c.id, c.status, c.kind, c.checkworthiness, c.article_id, c.text,"
            " c.canonical_id, c.assignee, c.priority, c.due FROM claims c"
            f" WHERE c.id IN ({', '.join('?' * len(claim_ids))})",
            claim_ids,
        )
        return {row["id"]: row for row in rows}
