"""Adjudication (issue 12): a blind second check that disagrees waits for a third reviewer, who
sees both sides and settles it with one key (or a third verdict with a note); the settlement is
its own event, carried by the exports; `stats` gives agreement per pair and kind with kappa."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from textual.message import Message

from claimcheck import archive
from claimcheck.agreement import cohen_kappa
from claimcheck.evidence import rank_claim
from claimcheck.review.app import ReviewApp
from claimcheck.review.messages import VerdictRecorded
from claimcheck.review.query import QueueQuery
from claimcheck.reviewers import add_reviewer
from claimcheck.store import Store
from tests.desk_support import invoke, run, table
from tests.review_support import posted, screen_text


def disagree(db: Path, claim_id: int, first: str = "refuted", second: str = "supported") -> None:
    """alice flags the claim with a provisional verdict; bob, blind, gives another."""
    with Store(db, reviewer="alice") as alice:
        alice.flag_for_second_check(claim_id, first, note="alice: the MoD says otherwise")
    with Store(db, reviewer="bob") as bob:
        bob.second_check_verdict(claim_id, second, note="bob: matches the NATO table")


def test_cohen_kappa_against_a_hand_worked_example() -> None:
    worked = cohen_kappa([("a", "a"), ("a", "b"), ("b", "b"), ("b", "b")])
    # observed 3/4; chance (2*1 + 2*3) / 16 = 1/2; kappa (0.75 - 0.5) / 0.5
    assert (worked.n, worked.agreed, worked.raw, worked.kappa) == (4, 3, 0.75, 0.5)
    assert cohen_kappa([("a", "a"), ("a", "a")]).kappa is None  # chance agreement is total


async def test_a_third_reviewer_settles_with_one_key(
    review_db: Path, review_queue: list[int]
) -> None:
    disputed, agreed = review_queue[0], review_queue[1]
    disagree(review_db, disputed)
    disagree(review_db, agreed, "supported", "supported")
    messages: list[Message] = []
    query = QueueQuery(adjudicate=True)
    app = ReviewApp(review_db, reviewer="carol", keymap={}, query=query)
    async with app.run_test(size=(160, 50), message_hook=messages.append) as pilot:
        assert app.screen.ids == [disputed]
        text = screen_text(app)
        for words in ("1  alice", "2  bob", "refuted", "supported", "MoD says", "NATO table"):
            assert words in text
        assert "1 settle on 1" in text  # the settle keys are in the key bar here
        await pilot.press("1")
        assert posted(messages, VerdictRecorded)[-1].status == "refuted"
        assert "1 of 1" in str(app.screen.query_one("#progress-label").render())
    assert table(
        review_db, "SELECT status, reviewer, note FROM claims WHERE id = ?", (disputed,)
    ) == [("refuted", "carol", "alice: the MoD says otherwise")]
    [(old, new, details)] = table(
        review_db, "SELECT old, new, details FROM events WHERE action = 'adjudication'"
    )
    assert (old, new, json.loads(details)["settled_on"]) == ("supported", "refuted", "first")
    app = ReviewApp(review_db, reviewer="carol", keymap={}, query=query)
    async with app.run_test(size=(160, 50)):
        assert "No disagreements are waiting" in screen_text(app)
    app = ReviewApp(review_db, reviewer="alice", keymap={})
    async with app.run_test(size=(160, 50)) as pilot:
        assert "settle" not in screen_text(app)  # not outside adjudication
        await pilot.press("1")
        assert not posted(messages, VerdictRecorded)[1:]


def test_a_third_verdict_needs_a_note_and_the_disputants_cannot_settle(
    review_db: Path, review_queue: list[int]
) -> None:
    claim = str(review_queue[0])
    disagree(review_db, review_queue[0])
    for who, args, words in (
        ("bob", ("supported",), "you gave one of the two verdicts"),
        ("carol", ("misleading",), "needs a note"),
    ):
        refused = run(review_db, "adjudicate", claim, *args, reviewer=who)
        assert refused.returncode == 1 and words in refused.stderr
        assert refused.stderr.count("\n") == 1 and "Traceback" not in refused.stderr
    assert table(review_db, "SELECT count(*) FROM events WHERE action = 'adjudication'") == [(0,)]
    settled = run(
        review_db, "adjudicate", claim, "misleading", "--note", "2023 only", reviewer="carol"
    )
    assert settled.returncode == 0, settled.stderr
    assert "settled on misleading by carol" in settled.stdout
    again = run(review_db, "adjudicate", claim, "refuted", reviewer="dave")
    assert again.returncode == 1 and "no disagreement waiting" in again.stderr


def test_exports_carry_the_settlement_and_undo_reopens_it(
    review_db: Path, review_queue: list[int]
) -> None:
    claim = review_queue[0]
    disagree(review_db, claim)
    assert invoke(review_db, "adjudicate", str(claim), "refuted", reviewer="carol").returncode == 0
    rows = list(csv.DictReader(io.StringIO(invoke(review_db, "export", "--format", "csv").stdout)))
    row = next(r for r in rows if r["id"] == str(claim))
    assert (row["status"], row["reviewer"], row["adjudicated_by"]) == ("refuted", "carol", "carol")
    args = ("--format", "claimreview", "--org-name", "Desk", "--org-url", "https://d.example")
    [review] = json.loads(invoke(review_db, "export", *args).stdout)  # bob's "supported" is gone
    assert review["url"].endswith(f"#claim-{claim}")
    assert review["reviewRating"]["alternateName"] == "Refuted"
    undone = run(review_db, "undo", reviewer="carol")
    assert undone.returncode == 0 and f"claim {claim}: supported again" in undone.stdout
    assert table(review_db, "SELECT adjudicated_by FROM second_checks") == [(None,)]
    figures = json.loads(invoke(review_db, "stats", "--json").stdout)["agreement"]
    assert figures["pending_adjudications"] == 1


def test_stats_gives_agreement_per_pair_and_kind(review_db: Path, review_queue: list[int]) -> None:
    for claim_id, first, second in zip(
        review_queue[:4],
        ["refuted", "supported", "supported", "refuted"],
        ["refuted", "supported", "refuted", "refuted"],
        strict=True,
    ):
        disagree(review_db, claim_id, first, second)
    with Store(review_db, reviewer="alice") as alice:
        alice.flag_for_second_check(review_queue[5], "supported")
    figures = json.loads(invoke(review_db, "stats", "--json").stdout)["agreement"]
    assert figures["pairs"] == {"alice / bob": {"n": 4, "agreed": 3, "raw": 0.75, "kappa": 0.5}}
    assert sum(row["n"] for row in figures["kinds"].values()) == 4
    assert (figures["pending_second_checks"], figures["pending_adjudications"]) == (1, 1)
    text = invoke(review_db, "stats").stdout
    assert "alice / bob" in text and "75%  kappa 0.50" in text
    assert "1 second checks, 1 adjudications" in text


def test_evidence_is_blind_for_the_second_reviewer(review_db: Path, tmp_path: Path) -> None:
    source = tmp_path / "nato.txt"
    source.write_text(
        "Poland spent 4.12 per cent of GDP on defence in 2024, the highest of any Ally.\n",
        encoding="utf-8",
    )
    with Store(review_db, reviewer="alice") as alice:
        [claim] = alice.claims(search="Poland spending")
        archive.cite(alice, claim.id, str(source))
        rank_claim(alice, claim.id)
        alice.set_stance(alice.evidence(claim.id)[0]["id"], "refutes", note="alice's doubt")
        alice.flag_for_second_check(claim.id, "refuted")
    seen = lambda who: [  # noqa: E731
        json.loads(line)
        for line in invoke(
            review_db, "evidence", str(claim.id), "--nl", reviewer=who
        ).stdout.splitlines()
    ]
    assert [(row["stance"], row["stance_note"]) for row in seen("bob")] == [(None, None)]
    assert "alice" not in run(review_db, "evidence", str(claim.id), reviewer="bob").stdout
    assert seen("alice")[0]["stance"] == "refutes"
    with Store(review_db, reviewer="bob") as bob:
        bob.second_check_verdict(claim.id, "refuted")
    assert seen("bob")[0]["stance"] == "refutes"


async def test_the_desks_editor_settles_a_dispute_of_their_own(
    review_db: Path, review_queue: list[int]
) -> None:
    """On a desk of two there is no third reviewer: an account flagged as the desk's editor
    settles a disagreement they are part of (audited as such); a plain account still cannot."""
    claim = review_queue[0]
    disagree(review_db, claim, first="refuted", second="supported")  # alice and bob
    refused = run(review_db, "adjudicate", str(claim), "refuted", reviewer="alice")
    assert refused.returncode == 1
    assert "the desk's editor (claimcheck reviewers editor NAME)" in refused.stderr

    with Store(review_db, reviewer="carol") as store:
        add_reviewer(store, "Alice", "correct horse battery")  # the account's name, any case
    made = run(review_db, "reviewers", "editor", "alice", reviewer="carol")
    assert made.returncode == 0 and "Alice is the desk's editor" in made.stdout
    assert "enabled, editor" in run(review_db, "reviewers", "list").stdout

    query = QueueQuery(adjudicate=True)
    app = ReviewApp(review_db, reviewer="alice", keymap={}, query=query)
    async with app.run_test(size=(140, 40)) as pilot:
        assert app.screen.ids == [claim]  # her own dispute is in her adjudication queue
        await pilot.press("2")  # settles on bob's verdict
        await pilot.pause()
    [(details, who)] = table(
        review_db, "SELECT details, reviewer FROM events WHERE action = 'adjudication'"
    )
    assert who == "alice" and json.loads(details)["own_dispute_as_editor"] is True
    assert table(review_db, "SELECT status, reviewer FROM claims WHERE id = ?", (claim,)) == [
        ("supported", "alice")
    ]
    assert table(
        review_db, "SELECT action, new, reviewer FROM events WHERE action LIKE '%editor'"
    ) == [("grant_editor", "Alice", "carol")]

    unmade = run(review_db, "reviewers", "editor", "alice", "--off", reviewer="carol")
    assert unmade.returncode == 0 and "Alice is not an editor" in unmade.stdout
    disagree(review_db, review_queue[1])
    again = run(review_db, "adjudicate", str(review_queue[1]), "refuted", reviewer="alice")
    assert again.returncode == 1 and "you gave one of the two verdicts" in again.stderr
