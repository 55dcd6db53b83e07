"""The store side of the review workbench: queue ids, paging, second checks, data_version."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimcheck.store import ConflictError, Store, StoreError
from claimcheck.store.queue import Segment


def test_claim_ids_follow_filters_and_order(seeded_store: Store) -> None:
    by_position = seeded_store.claim_ids()
    by_score = seeded_store.claim_ids(order="score")
    assert sorted(by_position) == sorted(by_score)
    assert by_position == [c.id for c in seeded_store.claims()]
    scores = [seeded_store.claim(i).checkworthiness for i in by_score]
    assert scores == sorted(scores, reverse=True)
    quantities = seeded_store.claim_ids(kind=["quantity"])
    assert quantities and all(seeded_store.claim(i).kind == "quantity" for i in quantities)


def test_queue_rows_and_the_next_claim_with_a_status(seeded_store: Store) -> None:
    ids = seeded_store.claim_ids()
    rows = seeded_store.queue_rows(ids[:5])
    assert set(rows) == set(ids[:5])
    seeded_store.set_verdict(ids[0], "supported")
    segment = Segment()
    assert seeded_store.queue_find(segment, "unreviewed")[0] == ids[1]
    assert seeded_store.queue_find(segment, "supported")[0] == ids[0]
    second = seeded_store.queue_row(segment, ids[1])
    assert seeded_store.queue_find(segment, "unreviewed", after=second[2:])[0] == ids[2]
    later = seeded_store.queue_find(segment, "supported", after=second[2:])
    assert later is None or later[0] not in ids[:2]  # a repeat of ids[0] carries its verdict


def test_second_check_is_blind_and_counts_agreement(db_path: Path, seeded_store: Store) -> None:
    first, second = seeded_store.claim_ids()[:2]
    seeded_store.flag_for_second_check(first, "supported", reviewer="alice")
    seeded_store.flag_for_second_check(second, "refuted", reviewer="alice")
    assert seeded_store.claim(first).status == "flagged"
    with Store(db_path, reviewer="bob") as bob:
        assert bob.claim_ids(second_check=True) == [first, second]
        closed = bob.second_check_verdict(first, "supported")
        assert closed["first_verdict"] == "supported" and closed["agreed"] == 1
        bob.second_check_verdict(second, "misleading")
        assert bob.claim(second).status == "misleading"
        assert bob.claim_ids(second_check=True) == []
    with Store(db_path, reviewer="alice") as alice:
        assert alice.claim_ids(second_check=True) == []
    stats = seeded_store.stats()["second_checks"]
    assert stats == {"open": 0, "decided": 2, "compared": 2, "agreed": 1, "agreement": 0.5}


def test_the_flagger_cannot_second_check_their_own_claim(seeded_store: Store) -> None:
    claim_id = seeded_store.claim_ids()[0]
    seeded_store.flag_for_second_check(claim_id, None)
    with pytest.raises(StoreError, match="different reviewer"):
        seeded_store.second_check_verdict(claim_id, "supported")
    assert seeded_store.open_second_check(claim_id) is not None


def test_second_check_refuses_a_stale_version(db_path: Path, seeded_store: Store) -> None:
    claim_id = seeded_store.claim_ids()[0]
    claim = seeded_store.flag_for_second_check(claim_id, "refuted", reviewer="alice")
    seeded_store.set_note(claim_id, "changed meanwhile", reviewer="carol")
    with Store(db_path, reviewer="bob") as bob, pytest.raises(ConflictError):
        bob.second_check_verdict(claim_id, "supported", expected_version=claim.version)
    assert seeded_store.open_second_check(claim_id) is not None


def test_data_version_moves_when_another_connection_commits(
    db_path: Path, seeded_store: Store
) -> None:
    before = seeded_store.data_version()
    with Store(db_path, reviewer="bob") as bob:
        bob.set_verdict(seeded_store.claim_ids()[0], "refuted")
    assert seeded_store.data_version() != before


def test_a_claim_waits_for_one_second_check_at_a_time(seeded_store: Store) -> None:
    claim_id = seeded_store.claim_ids()[0]
    seeded_store.flag_for_second_check(claim_id, "supported", reviewer="alice")
    with pytest.raises(StoreError, match="already waiting"):
        seeded_store.flag_for_second_check(claim_id, "refuted", reviewer="carol")
    assert seeded_store.second_check_stats()["open"] == 1
    seeded_store.undo(reviewer="alice")
    assert seeded_store.second_check_stats()["open"] == 0


def test_undoing_a_second_check_opens_it_again(db_path: Path, seeded_store: Store) -> None:
    claim_id = seeded_store.claim_ids()[0]
    seeded_store.flag_for_second_check(claim_id, "refuted", reviewer="alice")
    with Store(db_path, reviewer="bob") as bob:
        bob.second_check_verdict(claim_id, "supported")
        assert bob.reopen_second_check(claim_id) is False  # still decided: nothing to reopen
        bob.undo()
        assert bob.reopen_second_check(claim_id) is True
        assert bob.claim_ids(second_check=True) == [claim_id]
    assert seeded_store.second_check_stats()["decided"] == 0
    assert seeded_store.events(claim_id, limit=1)[0]["action"] == "reopen_second_check"
