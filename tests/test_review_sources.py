"""Sources and evidence in the review: attach (a), fetch (g), the full source (v) and the browser
(b), against a real HTTP server on 127.0.0.1; the work runs in thread workers."""

from __future__ import annotations

import json
from pathlib import Path

from textual.message import Message
from textual.widgets import TextArea

from claimcheck import archive
from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import (
    BrowserOpened,
    EvidenceRanked,
    SourcesUpdated,
    WorkFailed,
)
from claimcheck.review.modals import SourceScreen
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.store import Store
from tests.httpserver import Reply, ScriptedServer
from tests.review_support import posted, settle

PAGE = b"""<!doctype html><html><head><title>Defence expenditure of NATO countries</title></head>
<body><nav>Home | About</nav><article><h1>Defence expenditure of NATO countries (2014-2024)</h1>
<p>This report sets out the defence expenditure of the thirty-two Allies, as reported to NATO.</p>
<p>In 2024 Poland spent 3.9 per cent of GDP on defence, the highest share of any Ally, while the
United Kingdom spent 2.3 per cent.</p>
<p>Twenty-three Allies are expected to meet or exceed the guideline of 2 per cent of GDP.</p>
<p>Figures for 2023 and 2024 are estimates and may be revised in later editions.</p>
</article></body></html>"""


def poland_query() -> QueueQuery:
    return QueueQuery(search="Poland spending")


async def test_attach_fetch_view_and_open_a_source(review_db: Path) -> None:
    opened: list[str] = []
    messages: list[Message] = []
    with ScriptedServer() as server:
        url = server.route("/nato", Reply(200, PAGE, {"Content-Type": "text/html; charset=utf-8"}))
        app = ReviewApp(
            review_db, reviewer="tester", query=poland_query(), keymap={}, open_url=opened.append
        )
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            claim_id = app.screen.view.claim.id
            await pilot.press("a")
            app.screen.query_one("Input").value = url
            await pilot.press("enter")
            await settle(pilot)
            assert posted(messages, WorkFailed) == []
            assert posted(messages, SourcesUpdated)[-1].claim_id == claim_id
            evidence_text = str(app.screen.query_one("#evidence").render())
            assert "3.9 per cent" in evidence_text
            assert "archived" in str(app.screen.query_one("#sources").render())

            await pilot.press("g")
            await settle(pilot)
            assert len(posted(messages, SourcesUpdated)) == 2
            assert len(server.requests) == 2

            await pilot.press("v")
            assert isinstance(app.screen, SourceScreen)
            checking = str(app.screen.query_one("#source-claim").render())
            assert checking.startswith("Checking: ") and "Poland" in checking
            area = app.screen.query_one(TextArea)
            assert "Poland spent 3.9 per cent" in area.text
            assert "3.9 per cent" in area.selected_text
            with Store(review_db) as store:
                passages = [r["passage"] for r in store.evidence(claim_id)]
            assert area.selected_text.strip() == passages[0].strip()
            await pilot.press("right_square_bracket")
            assert area.selected_text.strip() == passages[1].strip()
            await pilot.press("left_square_bracket")
            assert area.selected_text.strip() == passages[0].strip()
            await pilot.press("escape")
            assert isinstance(app.screen, ReviewScreen)

            await pilot.press("b")
            await settle(pilot)
            assert posted(messages, BrowserOpened)[0].url == url
            assert opened == [url]
    with Store(review_db) as store:
        sources = store.claim_sources(claim_id)
        assert [s["url"] for s in sources if s["url"]] == [url]
        rows = store.evidence(claim_id)
        assert rows and any(
            m["kind"] == "number" for r in rows for m in json.loads(r["matches"] or "[]")
        )
        assert any(e["action"] == "cite" and e["reviewer"] == "tester" for e in store.events())


async def test_a_failing_attachment_is_reported_and_the_screen_stays_live(
    review_db: Path, tmp_path: Path
) -> None:
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="tester", keymap={})
    async with app.run_test(message_hook=messages.append) as pilot:
        first = app.screen.view.claim.id
        await pilot.press("a")
        app.screen.query_one("Input").value = str(tmp_path / "missing.html")
        await pilot.press("enter")
        await settle(pilot)
        assert "no such file" in posted(messages, WorkFailed)[0].reason
        await pilot.press("s")
    with Store(review_db) as store:
        assert store.claim(first).status == "supported"
        assert store.claim_sources(first) == [] or all(
            s["kind"] != "reviewer" for s in store.claim_sources(first)
        )


async def test_a_slow_fetch_does_not_freeze_the_screen(review_db: Path) -> None:
    messages: list[Message] = []
    with ScriptedServer() as server:
        url = server.route("/slow", Reply(200, PAGE, {"Content-Type": "text/html"}, delay=1.5))
        app = ReviewApp(review_db, reviewer="tester", query=poland_query(), keymap={})
        async with app.run_test(message_hook=messages.append) as pilot:
            await pilot.press("a")
            app.screen.query_one("Input").value = url
            await pilot.press("enter")
            await pilot.press("s")
            assert posted(messages, SourcesUpdated) == []
            with Store(review_db) as store:
                assert store.stats()["reviewed"] == 1
            await settle(pilot)
            assert len(posted(messages, SourcesUpdated)) == 1


async def test_archived_sources_are_ranked_when_their_claim_is_shown(
    review_db: Path, tmp_path: Path
) -> None:
    page = tmp_path / "nato.html"
    page.write_bytes(PAGE)
    with Store(review_db, reviewer="importer") as store:
        claim_id = store.claim_ids(search="Poland spending")[0]
        archive.cite(store, claim_id, str(page))
        assert store.evidence(claim_id) == []
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="tester", query=poland_query(), keymap={})
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        await settle(pilot)
        ranked = posted(messages, EvidenceRanked)
        assert ranked and ranked[0].claim_id == claim_id and ranked[0].passages > 0
        assert "Poland spent 3.9 per cent" in str(app.screen.query_one("#evidence").render())
    with Store(review_db) as store:
        assert store.evidence(claim_id)


async def test_a_changed_source_is_marked_until_a_fresh_verdict(review_db: Path) -> None:
    with Store(review_db) as store:
        claim_id = store.claim_ids(search="Poland spending")[0]
        store.set_source_changed(claim_id, {"url": "https://example.org/nato"})
    app = ReviewApp(review_db, reviewer="tester", query=poland_query(), keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        headline = str(app.screen.query_one("#headline").render())
        assert "source changed since verified" in headline
        assert "https://example.org/nato" in headline
        await pilot.press("m")
    with Store(review_db) as store:
        assert store.claim(claim_id).status == "misleading"
        assert store.source_change(claim_id) is None
        assert [e["action"] for e in store.events(claim_id, limit=2)] == [
            "source_change_seen",
            "verdict",
        ]


async def test_a_failed_fetch_shows_as_the_sources_state(review_db: Path) -> None:
    messages: list[Message] = []
    with ScriptedServer() as server:
        url = server.route("/gone", Reply(404, b"not here"))
        app = ReviewApp(review_db, reviewer="tester", query=poland_query(), keymap={})
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            await pilot.press("a")
            app.screen.query_one("Input").value = url
            await pilot.press("enter")
            await settle(pilot)
            assert "404" in posted(messages, SourcesUpdated)[0].summary
            sources = str(app.screen.query_one("#sources").render())
            assert "failed" in sources and url in sources
            await pilot.press("v")
            assert isinstance(app.screen, ReviewScreen)


async def test_the_attach_key_resolves_an_unresolved_attribution(review_db: Path) -> None:
    """A claim citing "According to US sources" (a source without a link): the attach key asks
    for that source's link and gives it one, for every claim citing it, audited as cite
    --resolves is."""
    messages: list[Message] = []
    with ScriptedServer() as server:
        url = server.route("/us", Reply(200, PAGE, {"Content-Type": "text/html; charset=utf-8"}))
        app = ReviewApp(
            review_db, reviewer="tester", query=QueueQuery(search="US sources"), keymap={}
        )
        async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
            view = app.screen.view
            (unresolved,) = [s for s in view.sources if not s["url"]]
            assert "the attach key gives it one" in str(app.screen.query_one("#sources").render())
            await pilot.press("a")
            assert "Resolve 'According to US sources'" in str(
                app.screen.query_one("Static").render()
            )
            app.screen.query_one("Input").value = url
            await pilot.press("enter")
            await settle(pilot)
            assert posted(messages, WorkFailed) == []
            assert "archived" in str(app.screen.query_one("#sources").render())
    with Store(review_db) as store:
        assert store.source(unresolved["id"])["url"] == url
        assert [s["url"] for s in store.claim_sources(view.claim.id)] == [url]
        (event,) = [e for e in store.events() if e["action"] == "resolve_source"]
        assert (event["new"], event["reviewer"]) == (url, "tester")
