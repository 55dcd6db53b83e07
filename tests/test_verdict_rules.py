"""`claimcheck verdict` follows the review screen's rules (review_rules.decide): a verdict on a
claim waiting for this reviewer's second check is the second-check verdict; a fresh verdict
clears the "source changed" marker in the same transaction; undo reopens the second check.
Run as a user runs it: the real CLI in a subprocess on a real database file."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from claimcheck.store import Store


def claimcheck(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_verdict_on_a_flagged_claim_is_the_second_check(review_db: Path, review_queue: list[int]):
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as store:
        store.flag_for_second_check(claim_id, "refuted", note="looks off")
    done = claimcheck(review_db, "--reviewer", "bob", "verdict", str(claim_id), "supported")
    assert done.returncode == 0, done.stderr
    assert "second check" in done.stdout and "alice said refuted" in done.stdout
    with Store(review_db) as store:
        assert store.open_second_check(claim_id) is None
        assert store.claim(claim_id).status == "supported"
        assert store.second_check_stats()["decided"] == 1
        assert [e["action"] for e in store.events(claim_id, limit=2)] == ["second_check", "verdict"]
    # the reviewer who flagged it is no second reviewer: their verdict is an ordinary one
    with Store(review_db, reviewer="alice") as store:
        store.flag_for_second_check(review_queue[1], "refuted")
    own = claimcheck(review_db, "--reviewer", "alice", "verdict", str(review_queue[1]), "refuted")
    assert own.returncode == 0, own.stderr
    with Store(review_db) as store:
        assert store.open_second_check(review_queue[1]) is not None


def test_undo_reopens_the_second_check(review_db: Path, review_queue: list[int]):
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as store:
        store.flag_for_second_check(claim_id, "refuted")
    assert (
        claimcheck(review_db, "--reviewer", "bob", "verdict", str(claim_id), "refuted").returncode
        == 0
    )
    undone = claimcheck(review_db, "--reviewer", "bob", "undo")
    assert undone.returncode == 0, undone.stderr
    with Store(review_db) as store:
        assert store.claim(claim_id).status == "flagged"
        assert store.open_second_check(claim_id) is not None
        assert store.second_check_stats()["decided"] == 0


def test_a_fresh_verdict_clears_the_source_changed_marker(review_db: Path, review_queue: list[int]):
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as store:
        store.set_verdict(claim_id, "supported")
        store.set_source_changed(claim_id, {"url": "https://example.org/nato"})
        before = store.claim(claim_id).version
    done = claimcheck(review_db, "--reviewer", "alice", "verdict", str(claim_id), "misleading")
    assert done.returncode == 0, done.stderr
    with Store(review_db) as store:
        assert store.source_change(claim_id) is None
        claim = store.claim(claim_id)
        assert claim.status == "misleading" and claim.version == before + 2
        actions = [e["action"] for e in store.events(claim_id, limit=2)]
        assert actions == ["source_change_seen", "verdict"]


def test_a_refused_verdict_leaves_the_marker(review_db: Path, review_queue: list[int]):
    """One transaction: when the verdict is refused, the marker is not cleared either."""
    claim_id = review_queue[0]
    with Store(review_db, reviewer="alice") as store:
        store.set_verdict(claim_id, "supported")
        store.set_source_changed(claim_id, {"url": "https://example.org/nato"})
    refused = claimcheck(review_db, "--reviewer", "bob", "verdict", str(claim_id), "refuted")
    assert refused.returncode == 1 and "--replace" in refused.stdout + refused.stderr
    with Store(review_db) as store:
        assert store.source_change(claim_id) == {"url": "https://example.org/nato"}
        assert store.claim(claim_id).status == "supported"
