"""A review queue as a sequence of claim ids read from the database a page at a time.

The queue is one or more segments (mine, then unassigned), each a filter in one order. It holds
the counts per status and a few pages of (id, keys) around where the reviewer is; the next page
is a keyset read after the last key it knows, a place is counted from the nearest place it
knows. Memory and time do not grow with the queue.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Any, overload

from claimcheck.store import Store
from claimcheck.store.queue import Segment

PAGE = 60
KEEP_PAGES = 20
BROAD = 50
WALK_PAGES = 10


class PagedQueue(Sequence[int]):
    """The ids of a queue's segments, in order, paged in on demand."""

    def __init__(self, store: Store, segments: list[Segment], page: int = PAGE) -> None:
        self.store = store
        self.segments = segments
        self.page = page
        self._rows: dict[int, tuple] = {}  # index -> (id, status, *keys) as read
        self.counts: list[dict[str, int]] = []
        self.recount()

    def recount(self) -> bool:
        """Re-read the counts; True when a segment's size changed (places moved). A segment
        holding more than 1 in BROAD of all claims is read along its order's index."""
        sizes = [sum(counts.values()) for counts in self.counts]
        self.counts = [self.store.queue_counts(segment) for segment in self.segments]
        everything = self.store.claim_total()
        self.segments = [
            replace(segment, walk=sum(counts.values()) * BROAD >= everything)
            for segment, counts in zip(self.segments, self.counts, strict=True)
        ]
        return sizes != [sum(counts.values()) for counts in self.counts]

    def forget(self) -> None:
        """Drop the pages read (the order or the membership changed)."""
        self._rows.clear()

    def tally(self, statuses: Iterable[str]) -> int:
        """How many claims of the queue have one of these statuses."""
        wanted = set(statuses)
        return sum(n for counts in self.counts for status, n in counts.items() if status in wanted)

    def statuses(self) -> set[str]:
        return {status for counts in self.counts for status in counts}

    def __len__(self) -> int:
        return sum(sum(counts.values()) for counts in self.counts)

    @overload
    def __getitem__(self, index: int) -> int: ...
    @overload
    def __getitem__(self, index: slice) -> list[int]: ...
    def __getitem__(self, index: int | slice) -> int | list[int]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.row(index)[0]

    def __iter__(self) -> Iterator[int]:
        for index in range(len(self)):
            yield self[index]

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __contains__(self, claim_id: object) -> bool:
        return isinstance(claim_id, int) and self.find(claim_id) is not None

    def index(self, claim_id: Any, start: int = 0, stop: int | None = None) -> int:
        place = self.find(claim_id)
        if place is None:
            raise ValueError(f"claim {claim_id} is not in this queue")
        return place

    def find(self, claim_id: int) -> int | None:
        """The claim's place in the queue, None when the queue does not hold it."""
        known = next((i for i, row in self._rows.items() if row[0] == claim_id), None)
        if known is not None:
            return known
        start = 0
        for segment, counts in zip(self.segments, self.counts, strict=True):
            row = self.store.queue_row(segment, claim_id)
            if row is not None:
                place = start + self.store.queue_rank(segment, row[2:])
                self._rows[place] = row
                return place
            start += sum(counts.values())
        return None

    def row(self, index: int) -> tuple:
        """(id, status, *keys) of the claim at index, as last read."""
        if index not in self._rows:
            self._read(index)
        return self._rows[index]

    def status(self, index: int) -> str:
        """The current status (in this queue's sense) of the claim at index."""
        number, _ = self._locate(index)
        row = self.store.queue_row(self.segments[number], self.row(index)[0])
        return row[1] if row else "gone"

    def _locate(self, index: int) -> tuple[int, int]:
        """(segment number, the segment's first index) of a place in the queue."""
        start = 0
        for number, counts in enumerate(self.counts):
            size = sum(counts.values())
            if index < start + size:
                return number, start
            start += size
        raise IndexError(index)

    def _read(self, index: int) -> None:
        if len(self._rows) > KEEP_PAGES * self.page:
            near = range(index - 2 * self.page, index + 2 * self.page)
            self._rows = {i: row for i, row in self._rows.items() if i in near}
        number, start = self._locate(index)
        segment = self.segments[number]
        local, size = index - start, sum(self.counts[number].values())
        before, after = self._rows.get(index - 1), self._rows.get(index + 1)
        if before is not None and local > 0:
            rows = self.store.queue_page(segment, after=before[2:], limit=self.page)
            first = index
        elif after is not None and local < size - 1:
            rows = self.store.queue_page(segment, before=after[2:], limit=self.page)
            first = index + 1 - len(rows)
        elif local <= size - 1 - local:
            rows = self.store.queue_page(segment, limit=self.page, offset=local)
            first = index
        else:
            offset = size - 1 - local
            rows = self.store.queue_page(segment, from_end=True, limit=self.page, offset=offset)
            first = index + 1 - len(rows)
        for offset, row in enumerate(rows):
            self._rows.setdefault(first + offset, row)
        if index not in self._rows:  # the database lost rows since the count: a dead end
            raise IndexError(index)

    def next_with(self, index: int, status: str, *, unlike: bool = False) -> int | None:
        """The first place after index (wrapping round; from the start when index is -1) whose
        claim has this status (any other, when `unlike`)."""
        if not len(self):
            return None
        here = max(index, 0)
        number, start = self._locate(here)
        key = self.row(here)[2:] if index >= 0 else None
        if key is not None:
            found = self.store.queue_find(self.segments[number], status, after=key, unlike=unlike)
            if found is not None:
                return self._place_after(number, here, found)
        if key is None:
            order = list(range(len(self.segments)))
        else:
            order = [*range(number + 1, len(self.segments)), *range(number)]
        for other in order:
            found = self.store.queue_find(self.segments[other], status, unlike=unlike)
            if found is not None:
                return self._segment_start(other) + self.store.queue_rank(
                    self.segments[other], found[2:]
                )
        if key is not None:
            found = self.store.queue_find(self.segments[number], status, until=key, unlike=unlike)
            if found is not None:
                return start + self.store.queue_rank(self.segments[number], found[2:])
        return None

    def _place_after(self, number: int, here: int, found: tuple) -> int:
        """The place of a row found after `here` in the same segment: walked to page by page
        when near (the next claim waiting usually is), else counted from the segment's start."""
        start = self._segment_start(number)
        end = min(start + sum(self.counts[number].values()), here + 1 + WALK_PAGES * self.page)
        for index in range(here + 1, end):
            if self.row(index)[0] == found[0]:
                return index
        place = start + self.store.queue_rank(self.segments[number], found[2:])
        self._rows[place] = found
        return place

    def _segment_start(self, number: int) -> int:
        return sum(sum(counts.values()) for counts in self.counts[:number])


def resume_position(
    queue: PagedQueue, claim_id: int | None, *, waiting: str, shows_dismissed: bool
) -> int:
    """Where to reopen a queue: at claim_id while it still waits; else the next claim that
    waits after it (wrapping round); else claim_id itself unless it is dismissed and the
    filter hides dismissed claims; else the first claim that is not dismissed. Without a
    place (None, or a claim no longer in the queue) the queue opens at its first claim,
    unless that one is dismissed and hidden."""
    if not len(queue):
        return 0
    start = queue.find(claim_id) if claim_id is not None else None
    if start is None and (shows_dismissed or queue.status(0) != "dismissed"):
        return 0
    status = queue.status(start) if start is not None else None
    if status == waiting:
        assert start is not None
        return start
    found = queue.next_with(-1 if start is None else start, waiting)
    if found is not None:
        return found
    if start is not None and (shows_dismissed or status != "dismissed"):
        return start
    return queue.next_with(-1, "dismissed", unlike=True) or 0
