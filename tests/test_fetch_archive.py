"""fetch_sources: snapshots archived from a real local server, conditional re-fetches, dead
links, content types, hostile text, and the "source changed since verified" marker."""

from __future__ import annotations

import io
import json
import zlib
from pathlib import Path

import pytest

from claimcheck import archive
from claimcheck.evidence import rank_claim
from claimcheck.sources import FetchSettings
from claimcheck.store import Store
from tests.httpserver import Reply, ScriptedServer, Seen, conditional_page

FAST = FetchSettings(connect_timeout=1, read_timeout=0.5, total_timeout=2, retries=1, backoff=0.01)
NATO_V1 = (
    b"<html><body><article><h1>Defence spending</h1>"
    b"<p>Poland spent 3.9% of GDP on defence in 2023, the most in the alliance.</p>"
    b"<p>Other allies spent less than that, according to the estimates.</p>"
    b"</article></body></html>"
)
NATO_V2 = NATO_V1.replace(b"3.9% of GDP", b"3.8% of GDP")
LAST_MODIFIED = "Mon, 17 Jun 2024 10:00:00 GMT"


@pytest.fixture
def server() -> ScriptedServer:
    with ScriptedServer() as running:
        yield running


def poland_claim(store: Store) -> int:
    [claim] = store.claims(search="Poland spending")
    return claim.id


def snapshots(store: Store, source_id: int) -> list[dict]:
    return store.snapshots(source_id)


def test_fetch_archives_a_snapshot_with_raw_bytes_text_and_headers(
    seeded_store: Store, server: ScriptedServer
) -> None:
    url = server.route("/nato", conditional_page(NATO_V1, '"v1"', LAST_MODIFIED, "text/html"))
    claim_id = poland_claim(seeded_store)
    source_id = archive.cite(seeded_store, claim_id, url)
    seen = []
    summary = archive.fetch_sources(seeded_store, [claim_id], settings=FAST, progress=seen.append)
    assert (
        summary.fetched == 1 and not summary.failed and [o.source_id for o in seen] == [source_id]
    )
    [snap] = snapshots(seeded_store, source_id)
    assert snap["status"] == 200 and snap["final_url"] == url and snap["etag"] == '"v1"'
    assert snap["last_modified"] == LAST_MODIFIED and snap["content_type"] == "text/html"
    assert "Poland spent 3.9% of GDP" in snap["text"] and snap["size"] == len(NATO_V1)
    assert archive.snapshot_raw(seeded_store, snap["id"]) == NATO_V1
    assert seeded_store.db.execute(
        "SELECT raw FROM snapshots WHERE id = ?", [snap["id"]]
    ).fetchone()[0] == zlib.compress(NATO_V1)


def test_second_fetch_without_refresh_does_nothing(
    seeded_store: Store, server: ScriptedServer
) -> None:
    url = server.route("/page", Reply(200, b"Poland spends 3.9% of GDP.", {"ETag": '"a"'}))
    claim_id = poland_claim(seeded_store)
    archive.cite(seeded_store, claim_id, url)
    archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    again = archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    assert again.skipped == 1 and not again.outcomes and len(server.hits("/page")) == 1


def test_refresh_sends_conditional_requests_and_304_reuses_the_archive(
    seeded_store: Store, server: ScriptedServer
) -> None:
    url = server.route("/nato", conditional_page(NATO_V1, '"v1"', LAST_MODIFIED, "text/html"))
    claim_id = poland_claim(seeded_store)
    source_id = archive.cite(seeded_store, claim_id, url)
    archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    first = seeded_store.latest_snapshot(source_id)
    summary = archive.fetch_sources(seeded_store, [claim_id], refresh=True, settings=FAST)
    assert summary.not_modified == 1 and summary.fetched == 0
    second = server.hits("/nato")[1].headers
    assert second["if-none-match"] == '"v1"' and second["if-modified-since"] == LAST_MODIFIED
    checks = snapshots(seeded_store, source_id)
    assert len(checks) == 2 and checks[0]["status"] == 304 and checks[0]["not_modified"] == 1
    assert checks[0]["sha256"] == first["sha256"] and not archive.snapshot_raw(
        seeded_store, checks[0]["id"]
    )
    assert checks[0]["note"] == f"unchanged: confirms snapshot {first['id']}"
    assert seeded_store.latest_snapshot(source_id)["id"] == first["id"]


def test_dead_links_are_recorded_with_their_reason(
    seeded_store: Store, server: ScriptedServer
) -> None:
    claim_id = poland_claim(seeded_store)
    good = archive.cite(seeded_store, claim_id, server.route("/ok", Reply(200, b"Poland 3.9%")))
    dead = archive.cite(seeded_store, claim_id, server.url("/gone"))
    broken = archive.cite(seeded_store, claim_id, server.route("/err", Reply(500, b"x")))
    summary = archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    assert summary.fetched == 1
    assert {o.source_id: o.error for o in summary.failed} == {
        dead: "HTTP 404 Not Found",
        broken: "HTTP 500 Internal Server Error",
    }
    assert snapshots(seeded_store, dead)[0]["error"] == "HTTP 404 Not Found"
    assert seeded_store.latest_snapshot(dead) is None
    assert seeded_store.latest_snapshot(good)["text"] == "Poland 3.9%"
    again = archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    assert {o.source_id for o in again.outcomes} == {dead, broken}


def test_unresolved_attributions_are_reported_not_fetched(seeded_store: Store) -> None:
    summary = archive.fetch_sources(seeded_store, settings=FAST)
    labels = {s["label"] for s in summary.unresolved}
    assert {"The Daily Telegraph", "X"} <= labels and not summary.outcomes


def tiny_pdf(text: str) -> bytes:
    from pypdf import PdfWriter
    from pypdf.generic import DecodedStreamObject, DictionaryObject, NameObject

    writer = PdfWriter()
    page = writer.add_blank_page(612, 792)
    font = DictionaryObject(
        {
            NameObject("/Type"): NameObject("/Font"),
            NameObject("/Subtype"): NameObject("/Type1"),
            NameObject("/BaseFont"): NameObject("/Helvetica"),
        }
    )
    page[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/Font"): DictionaryObject({NameObject("/F1"): font})}
    )
    content = DecodedStreamObject()
    content.set_data(f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode("latin-1"))
    page.replace_contents(content)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


WRONG_CHARSET_PAGE = (
    "<html><body><p>Zürich café: Poland’s share is 3.9 per cent of GDP.</p></body></html>"
).encode("cp1252")
CONTENT_CASES = {
    "/report.pdf": (
        Reply(
            200, tiny_pdf("Poland spent 4.12% of GDP in 2024."), {"Content-Type": "application/pdf"}
        ),
        "Poland spent 4.12% of GDP in 2024.",
        None,
    ),
    "/data.json": (
        Reply(200, b'{"poland": 3.9}', {"Content-Type": "application/json"}),
        '{"poland": 3.9}',
        None,
    ),
    "/data.csv": (
        Reply(200, b"country,share\nPoland,3.9\n", {"Content-Type": "text/csv; charset=utf-8"}),
        "country,share\nPoland,3.9",
        None,
    ),
    "/cp1252.txt": (
        Reply(200, "Poland’s share: 3.9 per cent".encode("cp1252"), {"Content-Type": "text/plain"}),
        "Poland’s share: 3.9 per cent",
        "decoded as Windows-1252",
    ),
    "/wrong-charset.html": (
        Reply(
            200,
            WRONG_CHARSET_PAGE,
            {"Content-Type": "text/html; charset=utf-8"},
        ),
        "Zürich café: Poland’s share is 3.9 per cent of GDP.",
        "decoded as Windows-1252",
    ),
    "/utf8-undeclared.html": (
        Reply(
            200, "<p>Zürich: Poland’s share is 3.9%.</p>".encode(), {"Content-Type": "text/html"}
        ),
        "Zürich: Poland’s share is 3.9%.",
        "no main text found: showing all visible text",
    ),
    "/junk.bin": (
        Reply(200, bytes(range(256)) * 4, {"Content-Type": "application/octet-stream"}),
        None,
        "can't display application/octet-stream (1,024 bytes): archived as-is",
    ),
    "/junk-as-text": (
        Reply(200, b"\x00\x01\x02binary\x00" * 10, {"Content-Type": "text/plain"}),
        None,
        "can't display",
    ),
}


@pytest.mark.parametrize("path", sorted(CONTENT_CASES))
def test_content_types_become_text_or_a_note(
    seeded_store: Store, server: ScriptedServer, path: str
) -> None:
    reply, text, note = CONTENT_CASES[path]
    claim_id = poland_claim(seeded_store)
    source_id = archive.cite(seeded_store, claim_id, server.route(path, reply))
    summary = archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    assert not summary.failed
    snap = seeded_store.latest_snapshot(source_id)
    assert snap["text"] == text
    assert (snap["note"] or "").startswith(note) if note else snap["note"] is None
    assert archive.snapshot_raw(seeded_store, snap["id"]) == reply.body


def test_hostile_html_is_stored_as_it_came_without_scripts(
    seeded_store: Store, server: ScriptedServer
) -> None:
    page = (
        b"<html><head><style>p{color:red}</style><script>alert('pwned')</script></head><body>"
        b"<article><p>Poland spent [bold red]3.9%[/bold red] of GDP \x1b[31mred\x1b[0m "
        b"on defence <img src=x onerror=alert(1)> in 2023.</p>"
        b"<p>A second paragraph so that the page has some body to extract from.</p>"
        b"<script>document.write('injected')</script></article></body></html>"
    )
    url = server.route("/hostile", Reply(200, page, {"Content-Type": "text/html"}))
    claim_id = poland_claim(seeded_store)
    source_id = archive.cite(seeded_store, claim_id, url)
    archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    text = seeded_store.latest_snapshot(source_id)["text"]
    assert "[bold red]3.9%[/bold red]" in text and "\x1b[31mred\x1b[0m" in text
    assert "alert" not in text and "injected" not in text and "color:red" not in text


def test_changed_source_flags_claims_whose_verdict_rested_on_it(
    seeded_store: Store, server: ScriptedServer
) -> None:
    versions = iter([NATO_V1, NATO_V2])

    def page(seen: Seen) -> Reply:
        return Reply(200, next(versions), {"Content-Type": "text/html"})

    url = server.route("/nato", page)
    claim_id = poland_claim(seeded_store)
    [other] = seeded_store.claims(search="Poland member Nato")
    source_id = archive.cite(seeded_store, claim_id, url)
    archive.cite(seeded_store, other.id, url)
    archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    rank_claim(seeded_store, claim_id)
    verified = seeded_store.set_verdict(claim_id, "supported", note="NATO says 3.9%")
    summary = archive.fetch_sources(seeded_store, [claim_id], refresh=True, settings=FAST)
    assert summary.flagged == [claim_id] and summary.outcomes[0].changed
    claim = seeded_store.claim(claim_id)
    assert claim.status == "supported" and claim.note == "NATO says 3.9%"
    assert claim.version == verified.version + 1
    marker = seeded_store.source_change(claim_id)
    [passage] = [p for p in marker["passages"] if "3.9%" in p["before"]]
    assert "3.8% of GDP" in passage["after"] and "'3.9%' -> '3.8%'" in passage["differences"]
    assert marker["source_id"] == source_id and marker["verdict"] == "supported"
    assert seeded_store.source_change(other.id) is None
    [event] = seeded_store.events(claim_id, limit=1)
    assert event["action"] == "source_changed"
    assert json.loads(event["details"])["after_snapshot"] == marker["after_snapshot"]
    seen = seeded_store.clear_source_changed(claim_id)
    assert seeded_store.source_change(claim_id) is None and seen.status == "supported"


def test_refetch_with_the_same_text_flags_nothing(
    seeded_store: Store, server: ScriptedServer
) -> None:
    url = server.route("/nato", Reply(200, NATO_V1, {"Content-Type": "text/html"}))
    claim_id = poland_claim(seeded_store)
    archive.cite(seeded_store, claim_id, url)
    archive.fetch_sources(seeded_store, [claim_id], settings=FAST)
    seeded_store.set_verdict(claim_id, "supported")
    summary = archive.fetch_sources(seeded_store, [claim_id], refresh=True, settings=FAST)
    assert summary.fetched == 1 and not summary.flagged and not summary.outcomes[0].changed


def test_local_file_source_is_rechecked_from_disk(seeded_store: Store, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Poland spent 3.9 per cent of GDP on defence.\n", encoding="utf-8")
    claim_id = poland_claim(seeded_store)
    source_id = archive.cite(seeded_store, claim_id, str(report))
    rank_claim(seeded_store, claim_id)
    seeded_store.set_verdict(claim_id, "supported")
    same = archive.fetch_sources(seeded_store, [claim_id], refresh=True)
    assert same.not_modified == 1
    report.write_text("Poland spent 3.8 per cent of GDP on defence.\n", encoding="utf-8")
    changed = archive.fetch_sources(seeded_store, [claim_id], refresh=True)
    assert changed.flagged == [claim_id]
    assert "3.8 per cent" in seeded_store.latest_snapshot(source_id)["text"]
    report.unlink()
    gone = archive.fetch_sources(seeded_store, [claim_id], refresh=True)
    assert gone.failed and "cannot read" in gone.failed[0].error


def test_an_empty_list_of_claims_fetches_nothing(seeded_store: Store) -> None:
    summary = archive.fetch_sources(seeded_store, [], settings=FAST)
    assert not summary.outcomes and not summary.unresolved and summary.skipped == 0


def test_fetch_all_includes_sources_attached_to_no_claim(
    store: Store, server: ScriptedServer
) -> None:
    url = server.route("/orphan", Reply(200, b"Poland 3.9%", {"Content-Type": "text/plain"}))
    with store.transaction():
        source_id = store.ensure_source(url, kind="cited", label="article-level source")
    summary = archive.fetch_sources(store, settings=FAST)
    assert [o.source_id for o in summary.outcomes] == [source_id] and summary.fetched == 1
