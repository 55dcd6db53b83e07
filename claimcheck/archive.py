"""Attaching sources to claims and archiving them, so a verdict can be defended later.

Every fetch of a source becomes a snapshot row (raw bytes compressed, extracted text, the headers
that matter); nothing is overwritten. Re-fetching sends conditional requests and a 304 is recorded
as a check that reuses the archived copy. When a re-fetch finds that the text a verdict rested on
has changed, the claim gets a "source changed since verified" marker holding the before and after
of the passages that mattered; its verdict is left alone for the reviewer to reconsider.
"""

from __future__ import annotations

import asyncio
import difflib
import hashlib
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from claimcheck.addresses import AddressPolicy
from claimcheck.config import MAX_LOCAL_BYTES
from claimcheck.extract_text import extract_text, guess_content_type
from claimcheck.sources import FetchRequest, FetchResult, FetchSettings, fetch_each
from claimcheck.store import Store, StoreError, now

VERDICT_STATUSES = {"supported", "misleading", "refuted", "unverifiable", "flagged"}
PASSAGES_THAT_MATTER = 3


@dataclass(frozen=True)
class FetchOutcome:
    """What one source's fetch came to; `error` is the reason when it failed."""

    source_id: int
    url: str
    snapshot_id: int | None = None
    status: int | None = None
    error: str | None = None
    not_modified: bool = False
    changed: bool = False
    flagged: tuple[int, ...] = ()

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass
class FetchSummary:
    """Every outcome of a fetch run, plus the sources that could not be fetched at all."""

    outcomes: list[FetchOutcome] = field(default_factory=list)
    unresolved: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0

    @property
    def failed(self) -> list[FetchOutcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def fetched(self) -> int:
        return sum(1 for o in self.outcomes if o.ok and not o.not_modified)

    @property
    def not_modified(self) -> int:
        return sum(1 for o in self.outcomes if o.not_modified)

    @property
    def flagged(self) -> list[int]:
        return sorted({claim for o in self.outcomes for claim in o.flagged})


def is_web_url(target: str) -> bool:
    return urlsplit(target).scheme.lower() in ("http", "https") and bool(urlsplit(target).netloc)


def cite(
    store: Store, claim_id: int, target: str, *, kind: str = "reviewer", label: str | None = None
) -> int:
    """Attach an http(s) URL or a local file to a claim (a file is archived at once, since
    attachments get lost); returns the source id."""
    address = _address(target)
    if is_web_url(address):
        return store.cite(claim_id, address, kind=kind, label=label)
    with store.transaction():
        source_id = store.cite(claim_id, address, kind=kind, label=label or Path(address).name)
        if store.latest_snapshot(source_id) is None:
            archive_local(store, source_id, Path(address))
    return source_id


def resolve(store: Store, source_id: int, target: str) -> int:
    """Give an unresolved source (an attribution without a link) its URL or local file, for
    every claim that cites it; returns the id of the source that now has that address."""
    address = _address(target)
    with store.transaction():
        resolved = store.resolve_source(source_id, address)
        if not is_web_url(address) and store.latest_snapshot(resolved) is None:
            archive_local(store, resolved, Path(address))
    return resolved


def _address(target: str) -> str:
    """An http(s) URL as given, or a local file's absolute path; anything else is refused, and
    so is a URL whose host is plainly one the fetcher would refuse (127.0.0.1, 169.254.169.254)."""
    if is_web_url(target):
        refusal = AddressPolicy.from_env().check_url(target)
        if refusal:
            raise StoreError(f"{target}: {refusal}")
        return target
    if "://" in target:
        raise StoreError(f"{target}: only http(s) URLs and local files can be sources")
    path = Path(target).expanduser()
    if not path.is_file():
        raise StoreError(f"{target}: no such file")
    return str(path.resolve())


def archive_local(store: Store, source_id: int, path: Path, *, url: str | None = None) -> int:
    """Archive a local file (e.g. an offline copy of a web page) as a snapshot of a source,
    without any network access; returns the snapshot id."""
    store.source(source_id)
    try:
        size = path.stat().st_size
        if size > MAX_LOCAL_BYTES:
            raise StoreError(f"{path}: too large to archive ({size / 1e6:.0f} MB)")
        data = path.read_bytes()
    except OSError as error:
        raise StoreError(f"{path}: cannot read ({error.strerror or error})") from None
    content_type = guess_content_type(path.name, data)
    extracted = extract_text(data, content_type, name=str(path))
    offline = f"archived from the local file {path.name}"
    return store.add_snapshot(
        source_id,
        {
            "requested_url": url or str(path),
            "final_url": url or str(path),
            "status": None,
            "content_type": content_type,
            "sha256": hashlib.sha256(data).hexdigest(),
            "size": len(data),
            "raw": zlib.compress(data),
            "text": extracted.text,
            "note": f"{offline}; {extracted.note}" if extracted.note else offline,
            "not_modified": 0,
        },
    )


def archive_local_version(
    store: Store, source_id: int, path: Path, *, url: str | None = None
) -> tuple[int, tuple[int, ...]]:
    """archive_local, then the "source changed since verified" check against the copy archived
    before it: the new snapshot's id and the claims flagged."""
    before = store.latest_snapshot(source_id)
    snapshot_id = archive_local(store, source_id, path, url=url)
    if before is None:
        return snapshot_id, ()
    after = _snapshot(store, snapshot_id)
    if (before["text"] or "") == (after["text"] or ""):
        return snapshot_id, ()
    return snapshot_id, flag_changed_claims(store, source_id, before, snapshot_id, after["text"])


def snapshot_raw(store: Store, snapshot_id: int) -> bytes:
    """The archived bytes of a snapshot, decompressed."""
    raw = store.snapshot_raw(snapshot_id)
    return zlib.decompress(raw) if raw else b""


def fetch_sources(
    store: Store,
    claim_ids: list[int] | None = None,
    *,
    refresh: bool = False,
    progress: Callable[[FetchOutcome], None] | None = None,
    settings: FetchSettings | None = None,
    on_plan: Callable[[int], None] | None = None,
) -> FetchSummary:
    """Fetch and archive the sources of these claims (every source when None). Without
    refresh only sources with no archived copy are fetched; with it, archived ones are checked
    again with conditional requests. Safe to call from a worker thread with its own Store."""
    summary = FetchSummary()
    web: list[FetchRequest] = []
    local: list[tuple[dict[str, Any], dict[str, Any] | None]] = []
    for source in store.sources_of(claim_ids):
        if not source["url"]:
            summary.unresolved.append(source)
            continue
        latest = store.latest_snapshot(source["id"])
        if latest is not None and not refresh:
            summary.skipped += 1
        elif is_web_url(source["url"]):
            web.append(
                FetchRequest(
                    source["url"],
                    etag=latest["etag"] if latest else None,
                    last_modified=latest["last_modified"] if latest else None,
                    key=(source["id"], latest["id"] if latest else None),
                )
            )
        else:
            local.append((source, latest))
    if on_plan:
        on_plan(len(web) + len(local))
    for source, latest in local:
        summary.outcomes.append(_refresh_local(store, source, latest))
        if progress:
            progress(summary.outcomes[-1])
    if web:
        asyncio.run(_fetch_and_archive(store, web, settings, summary, progress))
    return summary


async def _fetch_and_archive(
    store: Store,
    requests: list[FetchRequest],
    settings: FetchSettings | None,
    summary: FetchSummary,
    progress: Callable[[FetchOutcome], None] | None,
) -> None:
    """Write each result as it arrives, so bodies are not held and an interrupted run keeps
    what it fetched."""
    async for result in fetch_each(requests, settings):
        source_id, previous_id = result.key
        row = await asyncio.to_thread(_prepare_row, result)
        if result.not_modified and previous_id is not None:
            confirmed = _snapshot(store, previous_id)
            row.update(
                sha256=confirmed["sha256"], note=f"unchanged: confirms snapshot {previous_id}"
            )
        snapshot_id = store.add_snapshot(source_id, row)
        summary.outcomes.append(_judge(store, source_id, previous_id, snapshot_id, result, row))
        if progress:
            progress(summary.outcomes[-1])


def _prepare_row(result: FetchResult) -> dict[str, Any]:
    """The snapshot row of one fetch: raw bytes compressed, text extracted (off the event loop)."""
    headers = result.headers
    row: dict[str, Any] = {
        "requested_url": result.url,
        "final_url": result.final_url,
        "status": result.status,
        "content_type": result.content_type,
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "fetched_at": now(),
        "error": result.error,
        "not_modified": int(result.not_modified),
    }
    if result.error or result.not_modified:
        return row
    extracted = extract_text(result.body, result.content_type, name=result.final_url or "")
    row.update(
        sha256=hashlib.sha256(result.body).hexdigest(),
        size=len(result.body),
        raw=zlib.compress(result.body),
        text=extracted.text,
        note=extracted.note,
    )
    return row


def _judge(
    store: Store,
    source_id: int,
    previous_id: int | None,
    snapshot_id: int,
    result: FetchResult,
    row: dict[str, Any],
) -> FetchOutcome:
    url = result.final_url or result.url
    if result.error:
        return FetchOutcome(source_id, url, snapshot_id, result.status, error=result.error)
    if result.not_modified:
        return FetchOutcome(source_id, url, snapshot_id, result.status, not_modified=True)
    flagged: tuple[int, ...] = ()
    changed = False
    if previous_id is not None:
        previous = _snapshot(store, previous_id)
        changed = previous["sha256"] != row["sha256"]
        if changed and (previous["text"] or "") != (row["text"] or ""):
            flagged = flag_changed_claims(store, source_id, previous, snapshot_id, row["text"])
    return FetchOutcome(
        source_id, url, snapshot_id, result.status, changed=changed, flagged=flagged
    )


def _refresh_local(
    store: Store, source: dict[str, Any], latest: dict[str, Any] | None
) -> FetchOutcome:
    """A local-file source is re-read from disk; an unchanged file is recorded as not modified."""
    path = Path(source["url"])
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_LOCAL_BYTES else None
    except OSError as error:
        reason = f"cannot read {path} ({error.strerror or error})"
        snapshot_id = store.add_snapshot(
            source["id"], {"requested_url": str(path), "error": reason, "not_modified": 0}
        )
        return FetchOutcome(source["id"], str(path), snapshot_id, error=reason)
    if data is not None and latest and latest["sha256"] == hashlib.sha256(data).hexdigest():
        snapshot_id = store.add_snapshot(
            source["id"],
            {"requested_url": str(path), "sha256": latest["sha256"], "not_modified": 1},
        )
        return FetchOutcome(source["id"], str(path), snapshot_id, not_modified=True)
    try:
        snapshot_id, flagged = archive_local_version(store, source["id"], path)
    except StoreError as error:
        return FetchOutcome(source["id"], str(path), error=str(error))
    return FetchOutcome(
        source["id"], str(path), snapshot_id, changed=latest is not None, flagged=flagged
    )


def _snapshot(store: Store, snapshot_id: int) -> dict[str, Any]:
    return store.snapshot(snapshot_id)


def flag_changed_claims(
    store: Store,
    source_id: int,
    before: dict[str, Any],
    after_id: int,
    after_text: str | None,
) -> tuple[int, ...]:
    """Mark each claim with a verdict on this source whose passages that mattered changed."""
    flagged = []
    for claim in store.citing_claims(source_id):
        if claim["status"] not in VERDICT_STATUSES:
            continue
        passages = _passages_that_mattered(store, claim["id"], source_id, before)
        changes = [c for c in (compare_passage(p, after_text or "") for p in passages) if c]
        if not changes:
            continue
        store.set_source_changed(
            claim["id"],
            {
                "source_id": source_id,
                "url": before["final_url"] or before["requested_url"],
                "before_snapshot": before["id"],
                "after_snapshot": after_id,
                "verdict": claim["status"],
                "at": now(),
                "passages": changes,
            },
        )
        flagged.append(claim["id"])
    return tuple(flagged)


def _passages_that_mattered(
    store: Store, claim_id: int, source_id: int, before: dict[str, Any]
) -> list[str]:
    """The claim's best-ranked evidence in this source (those with a stance first); without
    stored evidence, the old text's paragraphs that the change touched."""
    passages = store.passages_from(claim_id, source_id, PASSAGES_THAT_MATTER)
    if passages:
        return passages
    return (before["text"] or "").split("\n")


def compare_passage(passage: str, after_text: str) -> dict[str, Any] | None:
    """None when the passage is still there word for word; else its before and its closest
    counterpart after (None when nothing like it remains)."""
    if not passage.strip() or " ".join(passage.split()) in " ".join(after_text.split()):
        return None
    best, best_score = None, 0.0
    for line in after_text.split("\n"):
        if not line.strip():
            continue
        score = fuzz.ratio(passage, line)
        if score > best_score:
            best, best_score = line, score
    if best is None or best_score < 50:
        return {"before": passage, "after": None, "similarity": round(best_score, 1)}
    return {
        "before": passage,
        "after": best,
        "similarity": round(best_score, 1),
        "differences": word_differences(passage, best),
    }


def word_differences(before: str, after: str) -> list[str]:
    """Readable word-level edits: "'3.9%' -> '4.1%'", "+'estimated'", "-'about'"."""
    a, b = before.split(), after.split()
    edits = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        old, new = " ".join(a[i1:i2]), " ".join(b[j1:j2])
        if op == "replace":
            edits.append(f"'{old}' -> '{new}'")
        elif op == "delete":
            edits.append(f"-'{old}'")
        elif op == "insert":
            edits.append(f"+'{new}'")
    return edits
