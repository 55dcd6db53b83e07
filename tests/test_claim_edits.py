"""Correcting a claim from the screen and the command line (issue 12): the wording in a
multi-line editor, and the speaker of an unresolved attribution, typed or picked from the
people the article names. Both go through the same Store calls, audited; Escape writes nothing;
bad input on the command line is one line, exit 1, the database unchanged."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from textual.widgets import Input, OptionList, TextArea

from claimcheck.review.app import ReviewApp
from claimcheck.review.modals import EditScreen, SpeakerScreen
from claimcheck.review.screen import ReviewScreen
from claimcheck.speakers import needs_speaker, people_named
from claimcheck.store import Store
from tests.desk_support import run, table
from tests.review_support import screen_text


def unresolved_claim(db: Path) -> int:
    """The first claim of the seed article whose attribution names no one for sure."""
    with Store(db) as store:
        ids = store.claim_ids(include_repeats=False)
        return next(claim_id for claim_id in ids if needs_speaker(store.claim(claim_id)))


def open_on(app: ReviewApp, claim_id: int) -> ReviewScreen:
    screen = app.screen
    assert isinstance(screen, ReviewScreen)
    screen.show_claim(screen.ids.index(claim_id))
    return screen


def audit(db: Path, action: str) -> list[tuple]:
    return table(
        db,
        "SELECT claim_id, old, new, reviewer FROM events WHERE action = ? ORDER BY id",
        (action,),
    )


async def test_escape_closes_the_editor_and_writes_nothing(
    review_db: Path, review_queue: list[int]
) -> None:
    before = table(review_db, "SELECT text, version FROM claims WHERE id = ?", (review_queue[0],))
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditScreen)
        await pilot.press(*" and more", "enter", *"on a new line", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
    after = table(review_db, "SELECT text, version FROM claims WHERE id = ?", (review_queue[0],))
    assert after == before and audit(review_db, "edit_text") == []


async def test_the_editor_keeps_what_was_typed_when_saving_fails(
    review_db: Path, review_queue: list[int]
) -> None:
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("e")
        app.screen.query_one(TextArea).clear()
        await pilot.press(*"   ", "ctrl+s")  # blank wording: refused by the store
        await pilot.pause()
        assert isinstance(app.screen, EditScreen)  # back, holding what was typed
        assert app.screen.query_one(TextArea).text == "   "
    assert audit(review_db, "edit_text") == []


def test_claim_edit_on_the_command_line_is_the_same_audited_edit(
    review_db: Path, review_queue: list[int]
) -> None:
    claim_id = str(review_queue[1])
    wording = "Kirby said there would be\nno change to policy."
    command = [sys.executable, "-m", "claimcheck", "--db", str(review_db), "--reviewer", "bob"]
    edited = subprocess.run(
        [*command, "claim", "edit", claim_id, "-"],
        input=wording,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert edited.returncode == 0, edited.stderr
    assert f"claim {claim_id}: wording edited (version 2)" in edited.stdout
    [(_, old, new, by)] = audit(review_db, "edit_text")
    assert (new, by) == (wording, "bob") and old != wording

    events = table(review_db, "SELECT count(*) FROM events")
    for args, error in [
        (["claim", "edit", claim_id, "  "], "the text cannot be empty"),
        (["claim", "edit", "99999", "text"], "no claim 99999"),
        (["claim", "edit", claim_id, "x", "--expect-version", "1"], "changed by someone else"),
    ]:
        refused = run(review_db, *args)
        assert refused.returncode == 1
        assert refused.stderr.count("\n") == 1 and error in refused.stderr
        assert "Traceback" not in refused.stderr
    assert table(review_db, "SELECT count(*) FROM events") == events
    assert table(review_db, "SELECT text FROM claims WHERE id = ?", (int(claim_id),)) == [
        (wording,)
    ]


async def test_an_unresolved_speaker_is_picked_from_the_people_the_article_names(
    review_db: Path,
) -> None:
    claim_id = unresolved_claim(review_db)
    with Store(review_db) as store:
        claim = store.claim(claim_id)
        people = people_named(store, claim)
    assert len(people) > 3
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(140, 40)) as pilot:
        open_on(app, claim_id)
        await pilot.pause()
        assert "unresolved: i names the speaker" in screen_text(app)
        await pilot.press("i")
        dialog = app.screen
        assert isinstance(dialog, SpeakerScreen)
        assert dialog.query_one(Input).value == (claim.speaker or "")
        await pilot.press("down")  # into the list of people
        assert dialog.query_one(OptionList).has_focus
        await pilot.press("down", "enter")  # the second likeliest
        await pilot.pause()
        assert isinstance(app.screen, ReviewScreen)
        assert "names the speaker" not in screen_text(app)
    assert audit(review_db, "speaker") == [(claim_id, claim.speaker, people[1], "alice")]
    with Store(review_db) as store:
        named = store.claim(claim_id)
    assert (named.speaker, named.version) == (people[1], claim.version + 1)


async def test_a_speaker_is_typed_with_completion_and_escape_writes_nothing(
    review_db: Path,
) -> None:
    claim_id = unresolved_claim(review_db)
    app = ReviewApp(review_db, reviewer="alice", keymap={"speaker": "ctrl+w"})
    async with app.run_test(size=(140, 40)) as pilot:
        open_on(app, claim_id)
        await pilot.pause()
        assert "unresolved: ctrl+w names the speaker" in screen_text(app)  # remapped
        await pilot.press("ctrl+w")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"kim", "escape")
        await pilot.pause()
        assert audit(review_db, "speaker") == []
        await pilot.press("ctrl+w")
        app.screen.query_one(Input).value = ""
        await pilot.press(*"antony b", "right", "enter")  # → takes the suggestion
        await pilot.pause()
    assert audit(review_db, "speaker")[0][2:] == ("Antony Blinken", "alice")


def test_claim_speaker_lists_the_people_and_names_one(review_db: Path) -> None:
    claim_id = unresolved_claim(review_db)
    with Store(review_db) as store:
        claim = store.claim(claim_id)
        people = people_named(store, claim)
    listed = run(review_db, "claim", "speaker", str(claim_id))
    assert listed.returncode == 0, listed.stderr
    assert "(unresolved)" in listed.stdout and f"attribution: {claim.attribution}" in listed.stdout
    assert listed.stdout.splitlines()[-len(people) :] == [f"  {name}" for name in people]

    named = run(review_db, "claim", "speaker", str(claim_id), "John  Kirby", reviewer="carol")
    assert named.returncode == 0, named.stderr
    assert f"claim {claim_id}: speaker John Kirby" in named.stdout
    assert audit(review_db, "speaker") == [(claim_id, claim.speaker, "John Kirby", "carol")]
    assert "(resolved)" in run(review_db, "claim", "speaker", str(claim_id)).stdout

    events = table(review_db, "SELECT count(*) FROM events")
    for args, error in [
        ([str(claim_id), " "], "cannot be empty"),
        (["99999", "Someone"], "no claim 99999"),
        ([str(claim_id), "Someone", "--expect-version", "1"], "changed by someone else"),
    ]:
        refused = run(review_db, "claim", "speaker", *args)
        assert refused.returncode == 1
        assert refused.stderr.count("\n") == 1 and error in refused.stderr
    assert table(review_db, "SELECT count(*) FROM events") == events
