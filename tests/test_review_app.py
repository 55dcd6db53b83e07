"""The review workbench driven from the keyboard with Pilot: every key, asserted on the
database and on the messages the screen posts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from textual.command import CommandList
from textual.message import Message
from textual.widgets import Input, TextArea

from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import (
    ClaimEdited,
    QueueLoaded,
    Undone,
    VerdictRecorded,
    WorkFailed,
)
from claimcheck.review.modals import EditScreen, FlagScreen, HelpScreen, PromptScreen
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.store import Store
from tests.review_support import posted, shown, wait_until


def make_app(db: Path, reviewer: str = "tester", **kwargs: Any) -> ReviewApp:
    return ReviewApp(db, reviewer=reviewer, keymap=kwargs.pop("keymap", {}), **kwargs)


async def test_opens_on_the_first_claim_with_progress(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    app = make_app(review_db)
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.pause()
        assert shown(messages) == review_queue[0]
        assert posted(messages, QueueLoaded)[0].total == len(review_queue)
        label = str(app.screen.query_one("#progress-label").render())
        assert f"0 of {len(review_queue)} reviewed" in label


@pytest.mark.parametrize(
    ("key", "status"),
    [
        ("s", "supported"),
        ("m", "misleading"),
        ("r", "refuted"),
        ("u", "unverifiable"),
        ("d", "dismissed"),
    ],
)
async def test_a_verdict_key_saves_at_once_and_moves_on(
    review_db: Path, review_queue: list[int], key: str, status: str
) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press(key)
        with Store(review_db) as store:
            claim = store.claim(review_queue[0])
            assert (claim.status, claim.reviewer) == (status, "tester")
            event = store.events(review_queue[0], limit=1)[0]
            assert (event["action"], event["new"], event["reviewer"]) == (
                "verdict",
                status,
                "tester",
            )
        assert posted(messages, VerdictRecorded)[0].status == status
        assert shown(messages) == review_queue[1]


async def test_a_verdict_skips_claims_already_reviewed(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="bob") as store:
        store.set_verdict(review_queue[1], "supported")
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("r")
        assert shown(messages) == review_queue[2]
        label = str(pilot.app.screen.query_one("#progress-label").render())
        assert f"2 of {len(review_queue)} reviewed" in label


async def test_next_previous_and_next_unreviewed(review_db: Path, review_queue: list[int]) -> None:
    with Store(review_db, reviewer="bob") as store:
        for claim_id in review_queue[1:4]:
            store.set_verdict(claim_id, "supported")
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("j")
        assert shown(messages) == review_queue[1]
        await pilot.press("down", "down")
        assert shown(messages) == review_queue[3]
        await pilot.press("k")
        assert shown(messages) == review_queue[2]
        await pilot.press("up", "up", "up")
        assert shown(messages) == review_queue[0]
        await pilot.press("space")
        assert shown(messages) == review_queue[4]


async def test_undo_goes_several_steps_back(review_db: Path, review_queue: list[int]) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("s", "r", "m")
        await pilot.press("z", "z")
        assert [m.claim_id for m in posted(messages, Undone)] == [review_queue[2], review_queue[1]]
        assert shown(messages) == review_queue[1]
    with Store(review_db) as store:
        assert [store.claim(i).status for i in review_queue[:3]] == [
            "supported",
            "unreviewed",
            "unreviewed",
        ]
        assert [e["action"] for e in store.events(limit=2)] == ["undo", "undo"]


async def test_undo_with_nothing_to_undo_changes_nothing(review_db: Path) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("z")
        assert posted(messages, Undone) == []
    with Store(review_db) as store:
        assert store.stats()["reviewed"] == 0


async def test_note_is_saved_and_escape_cancels(review_db: Path, review_queue: list[int]) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("n")
        assert isinstance(pilot.app.screen, PromptScreen)
        await pilot.press(*"ONS figures", "enter")
        assert posted(messages, ClaimEdited)[0].field == "note"
        await pilot.press("n", "x", "escape")
        assert isinstance(pilot.app.screen, ReviewScreen)
    with Store(review_db) as store:
        assert store.claim(review_queue[0]).note == "ONS figures"
        assert store.events(review_queue[0], limit=1)[0]["reviewer"] == "tester"


async def test_edit_rewords_the_claim_and_keeps_the_sentence(
    review_db: Path, review_queue: list[int]
) -> None:
    async with make_app(review_db).run_test() as pilot:
        await pilot.press("e")
        editor = pilot.app.screen.query_one(TextArea)
        assert editor.text.startswith("Keir Starmer and Joe Biden")  # the wording to correct
        editor.clear()
        await pilot.press(*"Starmer and Biden", "enter", *"did not agree.")  # Enter: a new line
        assert isinstance(pilot.app.screen, EditScreen)
        await pilot.press("ctrl+s")
        await pilot.pause()
    with Store(review_db) as store:
        claim = store.claim(review_queue[0])
        assert claim.text == "Starmer and Biden\ndid not agree."
        assert claim.sentence.startswith("Keir Starmer and Joe Biden")
        assert store.events(review_queue[0], limit=1)[0]["action"] == "edit_text"


async def test_search_uses_full_text_search(review_db: Path) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("slash", *"storm shadow", "enter")
        loaded = posted(messages, QueueLoaded)[-1]
        with Store(review_db) as store:
            expected = store.claim_ids(search="storm shadow", include_repeats=False)
            assert loaded.total == len(expected) > 0
            assert pilot.app.screen.ids == expected
            assert "storm" in store.claim(shown(messages)).text.lower()


async def test_a_search_follows_claims_reworded_by_someone_else(
    review_db: Path, review_queue: list[int]
) -> None:
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=0.05)
    async with app.run_test() as pilot:
        await pilot.press("slash", *"zebra", "enter")
        assert len(app.screen.ids) == 0
        with Store(review_db, reviewer="bob") as bob:
            bob.edit_text(review_queue[2], "A zebra crossed the road.", expected_version=1)
        await wait_until(pilot, lambda: list(app.screen.ids) == [review_queue[2]])
        assert app.screen.view is not None and app.screen.view.claim.id == review_queue[2]


async def test_filter_and_sort_and_a_bad_filter(review_db: Path) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(message_hook=messages.append) as pilot:
        await pilot.press("t")
        pilot.app.screen.query_one(Input).value = "kind:quote sort:score"
        await pilot.press("enter")
        screen = pilot.app.screen
        with Store(review_db) as store:
            claims = [store.claim(i) for i in screen.ids]
        assert claims and {c.kind for c in claims} == {"quote"}
        scores = [c.checkworthiness for c in claims]
        assert scores == sorted(scores, reverse=True)
        before = list(screen.ids)
        await pilot.press("t")
        pilot.app.screen.query_one(Input).value = "colour:blue"
        await pilot.press("enter")
        assert "colour:blue" in posted(messages, WorkFailed)[-1].reason
        assert screen.ids == before


async def test_help_lists_the_keys_and_closes(review_db: Path) -> None:
    async with make_app(review_db).run_test() as pilot:
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("s")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, ReviewScreen)
    with Store(review_db) as store:
        assert store.stats()["reviewed"] == 0


async def test_keys_remapped_in_keys_toml(
    review_db: Path, review_queue: list[int], tmp_path: Path
) -> None:
    config = tmp_path / "config" / "claimcheck" / "keys.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\nsupported = "1"\nnext = "ctrl+n"\n', encoding="utf-8")
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="tester")
    async with app.run_test(message_hook=messages.append) as pilot:
        await pilot.press("s")
        assert posted(messages, VerdictRecorded) == []
        await pilot.press("1")
        assert posted(messages, VerdictRecorded)[0].status == "supported"
        await pilot.press("ctrl+n")
        assert shown(messages) == review_queue[2]
        await pilot.press("question_mark")
        assert "1 supported" in " ".join(str(s.render()) for s in pilot.app.screen.query("Static"))


async def test_command_palette_runs_review_actions(
    review_db: Path, review_queue: list[int]
) -> None:
    async with make_app(review_db).run_test() as pilot:
        await pilot.press("ctrl+p")
        await pilot.press(*"Refuted")
        found = pilot.app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: found.option_count > 0 and found.highlighted is not None)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, ReviewScreen))
        await pilot.pause()
    with Store(review_db) as store:
        assert store.claim(review_queue[0]).status == "refuted"


async def test_clicking_a_queue_line_shows_that_claim(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(size=(140, 40), message_hook=messages.append) as pilot:
        await pilot.click("#queue", offset=(5, 3))
        assert shown(messages) == review_queue[3]


async def test_flag_keeps_a_provisional_verdict_for_the_second_reviewer(
    review_db: Path, review_queue: list[int]
) -> None:
    async with make_app(review_db, reviewer="alice").run_test() as pilot:
        await pilot.press("f")
        assert isinstance(pilot.app.screen, FlagScreen)
        await pilot.press("r")
        await pilot.press("f", "enter")
    with Store(review_db) as store:
        assert [store.claim(i).status for i in review_queue[:2]] == ["flagged", "flagged"]
        assert store.open_second_check(review_queue[0])["first_verdict"] == "refuted"
        assert store.open_second_check(review_queue[1])["first_verdict"] is None


async def test_quit_key_leaves_the_app(review_db: Path) -> None:
    async with make_app(review_db).run_test() as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert not pilot.app.is_running


async def test_source_view_without_sources_says_so(review_db: Path) -> None:
    async with make_app(review_db).run_test(notifications=True) as pilot:
        await pilot.press("v")
        assert isinstance(pilot.app.screen, ReviewScreen)
        assert not pilot.app.screen.query(TextArea)


async def test_progress_counts_the_queue_even_when_filtered_by_status(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="bob") as store:
        store.set_verdict(review_queue[0], "supported")
    app = make_app(review_db, query=QueueQuery(status=["unreviewed"]))
    async with app.run_test() as pilot:
        total = len(review_queue) - 1
        assert f"0 of {total} reviewed" in str(app.screen.query_one("#progress-label").render())
        await pilot.press("r", "m")
        assert f"2 of {total} reviewed" in str(app.screen.query_one("#progress-label").render())
        await pilot.press("z")
        assert f"1 of {total} reviewed" in str(app.screen.query_one("#progress-label").render())


async def test_a_large_queue_is_paged_not_built_as_widgets(tmp_path: Path) -> None:
    from bench.bench_review import build_database

    db = tmp_path / "large.db"
    build_database(db, claims=20_000, articles=400)
    messages: list[Message] = []
    async with make_app(db).run_test(message_hook=messages.append) as pilot:
        screen = pilot.app.screen
        assert len(screen.ids) == 20_000
        assert len(list(screen.query("*"))) < 60
        await pilot.press("j", "j", "space")
        assert shown(messages) == screen.ids[3]  # claims 3, 6, 9... are generated reviewed
        label = str(screen.query_one("#progress-label").render())
        assert "6666 of 20000 reviewed" in label


async def test_page_down_scrolls_the_claim_pane_and_j_still_moves(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    async with make_app(review_db).run_test(size=(80, 24), message_hook=messages.append) as pilot:
        detail = pilot.app.screen.query_one("#detail")
        await pilot.press("pagedown")
        assert detail.scroll_y > 0
        await pilot.press("j")
        assert shown(messages) == review_queue[1]
        assert detail.scroll_y == 0  # a new claim is read from its top
