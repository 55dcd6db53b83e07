"""Attaching sources: attributions at ingest, archive.cite, archive.resolve, archive_local,
and text extraction by content type."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck import archive
from claimcheck.demo import SEEDS as DEMO_SEEDS
from claimcheck.extract_text import extract_text, guess_content_type
from claimcheck.store import NotFound, Store, StoreError

SEEDS = DEMO_SEEDS / "sources"


def counts(store: Store) -> tuple[int, ...]:
    return tuple(
        store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("sources", "claim_sources", "snapshots", "events")
    )


def claim_with(store: Store, words: str) -> int:
    return store.claims(search=words)[0].id


def test_attributions_without_links_become_unresolved_sources(seeded_store: Store) -> None:
    rows = {
        row["label"]: row
        for row in seeded_store.db.query("SELECT * FROM sources WHERE kind = 'attribution'")
    }
    assert {"The Daily Telegraph", "X", "According to US sources"} <= set(rows)
    assert all(row["url"] is None for row in rows.values())
    telegraph = claim_with(seeded_store, "Lammy Telegraph mistake")
    [source] = seeded_store.claim_sources(telegraph)
    assert source["label"] == "The Daily Telegraph" and source["link_kind"] == "attribution"
    assert "told The Daily Telegraph" in source["link_label"]


def test_cite_a_url_is_audited_once(seeded_store: Store) -> None:
    claim_id = claim_with(seeded_store, "Poland spending")
    url = "https://www.nato.int/example"
    first = archive.cite(seeded_store, claim_id, url, label="NATO")
    before = counts(seeded_store)
    assert archive.cite(seeded_store, claim_id, url) == first
    assert counts(seeded_store) == before
    [event] = [e for e in seeded_store.events(claim_id) if e["action"] == "cite"]
    assert event["new"] == url and event["reviewer"] == "tester" and event["note"] == "NATO"
    assert [s["url"] for s in seeded_store.claim_sources(claim_id)] == [url]


def test_cite_a_local_file_archives_it_at_once(seeded_store: Store) -> None:
    claim_id = claim_with(seeded_store, "15-member Security Council")
    path = SEEDS / "un-charter-chapter-5.html"
    source_id = archive.cite(seeded_store, claim_id, str(path))
    source = seeded_store.source(source_id)
    assert source["url"] == str(path.resolve()) and source["label"] == path.name
    snapshot = seeded_store.latest_snapshot(source_id)
    assert "shall consist of fifteen Members" in snapshot["text"]
    assert snapshot["content_type"] == "text/html" and "local file" in snapshot["note"]


@pytest.mark.parametrize(
    ("target", "message"),
    [
        ("ftp://example.org/file", "only http\\(s\\) URLs and local files"),
        ("file:///etc/passwd", "only http\\(s\\) URLs and local files"),
        ("/no/such/file.pdf", "no such file"),
    ],
)
def test_bad_targets_are_refused_and_nothing_changes(
    seeded_store: Store, target: str, message: str
) -> None:
    claim_id = claim_with(seeded_store, "Poland spending")
    before = counts(seeded_store)
    with pytest.raises(StoreError, match=message):
        archive.cite(seeded_store, claim_id, target)
    assert counts(seeded_store) == before


def test_citing_for_a_missing_claim_changes_nothing(seeded_store: Store) -> None:
    before = counts(seeded_store)
    with pytest.raises(NotFound):
        archive.cite(seeded_store, 9999, str(SEEDS / "un-charter-chapter-5.html"))
    with pytest.raises(NotFound):
        archive.cite(seeded_store, 9999, "https://example.org/")
    assert counts(seeded_store) == before


def test_resolving_an_attribution_gives_it_a_url(seeded_store: Store) -> None:
    [telegraph] = seeded_store.db.query(
        "SELECT id FROM sources WHERE label = 'The Daily Telegraph'"
    )
    url = "https://www.telegraph.co.uk/politics/example-interview"
    assert archive.resolve(seeded_store, telegraph["id"], url) == telegraph["id"]
    assert seeded_store.source(telegraph["id"])["url"] == url
    [event] = seeded_store.events(limit=1)
    assert event["action"] == "resolve_source" and event["old"] == "The Daily Telegraph"


def test_resolving_to_a_url_already_cited_merges_the_links(seeded_store: Store) -> None:
    claim_id = claim_with(seeded_store, "Lammy Telegraph mistake")
    other = claim_with(seeded_store, "Poland spending")
    existing = archive.cite(seeded_store, other, "https://example.org/interview")
    [unresolved] = seeded_store.claim_sources(claim_id)
    assert archive.resolve(seeded_store, unresolved["id"], "https://example.org/interview") == (
        existing
    )
    assert [s["id"] for s in seeded_store.claim_sources(claim_id)] == [existing]


def test_archive_local_needs_no_network(store: Store, tmp_path: Path) -> None:
    page = tmp_path / "nato.html"
    page.write_bytes((SEEDS / "nato-defence-expenditure-2024.html").read_bytes())
    source_id = store.ensure_source("https://www.nato.int/x", kind="cited")
    snapshot_id = archive.archive_local(store, source_id, page, url="https://www.nato.int/x")
    [snapshot] = store.snapshots(source_id)
    assert snapshot["id"] == snapshot_id and snapshot["final_url"] == "https://www.nato.int/x"
    assert "4.12% of GDP in 2024" in snapshot["text"]
    assert archive.snapshot_raw(store, snapshot_id) == page.read_bytes()


def test_archive_local_of_an_unreadable_path(store: Store, tmp_path: Path) -> None:
    source_id = store.ensure_source("https://example.org/", kind="cited")
    with pytest.raises(StoreError, match="cannot read"):
        archive.archive_local(store, source_id, tmp_path / "absent.html")
    assert store.snapshots(source_id) == []


def test_seed_sources_say_they_are_offline_samples() -> None:
    for page in SEEDS.glob("*.html"):
        text = extract_text(page.read_bytes(), "text/html").text or ""
        assert "Offline sample" in text and "https://www." in text


def test_content_type_guessing() -> None:
    assert guess_content_type("report.pdf", b"") == "application/pdf"
    assert guess_content_type("noext", b"%PDF-1.7 ...") == "application/pdf"
    assert guess_content_type("noext", b"<!doctype html><p>x") == "text/html"
    assert guess_content_type("noext", b"\x00\x01") == "application/octet-stream"
    assert extract_text(b"", "text/plain").note == "empty response"
    assert extract_text(b"%PDF-1.4 garbage", None).note.startswith("can't display: unreadable PDF")
