"""Two reviewers on one database: each sees the other's verdicts, a conflicting change is
caught and shown, never silently overwritten; the second check is blind."""

from __future__ import annotations

from pathlib import Path

from textual.message import Message

from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import (
    ClaimChanged,
    ConflictDetected,
    SecondCheckDecided,
    VerdictRecorded,
)
from claimcheck.review.query import QueueQuery
from claimcheck.store import Store
from tests.review_support import posted, screen_text, shown, wait_until


async def test_another_reviewers_verdict_appears_on_screen(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=0.05)
    async with app.run_test(message_hook=messages.append) as pilot:
        with Store(review_db, reviewer="bob") as bob:
            bob.set_verdict(review_queue[0], "refuted")
        await wait_until(pilot, lambda: bool(posted(messages, ClaimChanged)))
        changed = posted(messages, ClaimChanged)
        assert changed and (changed[0].status, changed[0].reviewer) == ("refuted", "bob")
        assert "refuted by bob" in str(app.screen.query_one("#headline").render())
        assert "1 of" in str(app.screen.query_one("#progress-label").render())


async def test_a_conflicting_verdict_is_caught_not_overwritten(
    review_db: Path, review_queue: list[int]
) -> None:
    messages: list[Message] = []
    # No polling: alice still holds the version she read when bob's change lands.
    app = ReviewApp(review_db, reviewer="alice", keymap={}, poll_seconds=3600)
    async with app.run_test(message_hook=messages.append) as pilot:
        with Store(review_db, reviewer="bob") as bob:
            bob.set_verdict(review_queue[0], "refuted")
        await pilot.press("s")
        conflict = posted(messages, ConflictDetected)
        assert conflict and "bob" in conflict[0].reason
        assert posted(messages, VerdictRecorded) == []
        assert shown(messages) == review_queue[0]
        assert app.screen.query_one("#banner").display
        assert "Not saved" in screen_text(app)
        with Store(review_db) as store:
            claim = store.claim(review_queue[0])
            assert (claim.status, claim.reviewer) == ("refuted", "bob")
        await pilot.press("s", "y")  # now knowingly replacing bob's verdict: confirmed
        assert posted(messages, VerdictRecorded)[0].status == "supported"
    with Store(review_db) as store:
        verdicts = [(e["reviewer"], e["new"]) for e in store.events(review_queue[0])]
        assert verdicts[:2] == [("alice", "supported"), ("bob", "refuted")]


async def test_the_second_reviewer_decides_blind(review_db: Path, review_queue: list[int]) -> None:
    with Store(review_db, reviewer="alice") as alice:
        alice.set_note(review_queue[0], "Kirby's words contradict this")
        alice.flag_for_second_check(review_queue[0], "refuted", note="not sure")
        alice.flag_for_second_check(review_queue[1], "supported")
    messages: list[Message] = []
    app = ReviewApp(review_db, reviewer="bob", keymap={}, query=QueueQuery(second_check=True))
    async with app.run_test(size=(140, 40), message_hook=messages.append) as pilot:
        assert app.screen.ids == review_queue[:2]
        keys = app.screen.query_one("KeyBar").size.height
        text = screen_text(app).rsplit("\n", keys)[0]  # all but the lines of keys
        assert "first verdict is hidden" in text
        assert "refuted" not in text and "contradict" not in text
        await pilot.press("n")
        assert app.screen.query_one("Input").value == ""
        await pilot.press("escape")
        await pilot.press("s")
        decided = posted(messages, SecondCheckDecided)[0]
        assert (decided.first_verdict, decided.second_verdict, decided.agreed) == (
            "refuted",
            "supported",
            False,
        )
        assert shown(messages) == review_queue[1]
        await pilot.press("s")
        assert posted(messages, SecondCheckDecided)[1].agreed is True
        with Store(review_db) as store:
            assert store.second_check_stats()["agreement"] == 0.5
            assert store.claim(review_queue[0]).status == "supported"
        await pilot.press("z")  # undoing a second check puts it back in the queue
        assert shown(messages) == review_queue[1]
        assert "first verdict is hidden" in screen_text(app)
    with Store(review_db) as store:
        assert store.open_second_check(review_queue[1]) is not None
        assert store.second_check_stats()["agreement"] == 0.0


async def test_the_flagger_is_not_offered_their_own_flag(
    review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="alice") as alice:
        alice.flag_for_second_check(review_queue[0], "refuted")
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=QueueQuery(second_check=True))
    async with app.run_test() as pilot:
        await pilot.pause()
        assert app.screen.ids == []
        assert "No claims are waiting" in screen_text(app)
