"""`claimcheck verdict`: the scripted way to record a verdict, with the review screen's rules."""

from __future__ import annotations

from pathlib import Path

from claimcheck.cli import cli
from claimcheck.store import Store


def run(runner, db_path: Path, *args: str):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def test_verdict_is_recorded_audited_and_carried_to_repeats(runner, seeded_store: Store):
    repeat = seeded_store.claims(include_repeats=True, limit=None)
    canonical_id = next(c.canonical_id for c in repeat if c.canonical_id is not None)
    db_path = seeded_store.path
    seeded_store.close()
    result = run(
        runner,
        db_path,
        "verdict",
        str(canonical_id),
        "refuted",
        "--note",
        "No.",
        "--reviewer",
        "al",
    )
    assert result.exit_code == 0, result.output
    assert f"claim {canonical_id}: refuted (version 2, by al)" in result.output
    with Store(db_path) as store:
        claim = store.claim(canonical_id)
        assert (claim.status, claim.note, claim.reviewer) == ("refuted", "No.", "al")
        event = store.events(canonical_id, limit=1)[0]
        assert (event["action"], event["old"], event["new"], event["reviewer"]) == (
            "verdict",
            "unreviewed",
            "refuted",
            "al",
        )
        assert all(r.status == "refuted" for r in store.repeats(canonical_id))
        assert store.undo(reviewer="al").status == "unreviewed"


def test_global_reviewer_is_used_when_none_is_given(runner, seeded_store: Store):
    claim_id = seeded_store.claims(limit=1)[0].id
    db_path = seeded_store.path
    seeded_store.close()
    assert (
        run(runner, db_path, "--reviewer", "zoe", "verdict", str(claim_id), "supported").exit_code
        == 0
    )
    with Store(db_path) as store:
        assert store.claim(claim_id).reviewer == "zoe"


def test_stale_version_is_refused_and_nothing_is_overwritten(runner, seeded_store: Store):
    claim_id = seeded_store.claims(limit=1)[0].id
    seeded_store.set_verdict(claim_id, "supported", note="first", reviewer="ann")
    db_path = seeded_store.path
    seeded_store.close()
    result = run(runner, db_path, "verdict", str(claim_id), "refuted", "--expect-version", "1")
    assert result.exit_code == 1
    assert f"error: claim {claim_id} was changed by ann" in result.output
    with Store(db_path) as store:
        claim = store.claim(claim_id)
        assert (claim.status, claim.note) == ("supported", "first")


def test_unknown_claim_and_unknown_status(runner, seeded_store: Store):
    db_path = seeded_store.path
    seeded_store.close()
    missing = run(runner, db_path, "verdict", "99999", "refuted")
    assert missing.exit_code == 1 and "error: no claim 99999" in missing.output
    bad = run(runner, db_path, "verdict", "1", "wrong")
    assert bad.exit_code == 2 and "'wrong' is not one of" in bad.output
    assert "Traceback" not in missing.output + bad.output
