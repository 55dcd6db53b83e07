"""The reviewer's stance on an evidence passage: set and cleared with an audit event, refused
when wrong, kept when the claim's evidence is ranked again, shown by `claimcheck evidence`,
set by `claimcheck stance` and by keys in the review's source view."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from textual.message import Message
from textual.widgets import Static

from claimcheck import archive
from claimcheck.cli import cli
from claimcheck.evidence import rank_claim
from claimcheck.review.app import ReviewApp
from claimcheck.review.keys import effective_keys, load_keymap
from claimcheck.review.messages import StanceRecorded
from claimcheck.review.modals import SourceScreen
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.store import NotFound, Store, StoreError
from tests.review_support import posted

LINES = {
    "poland": "Poland spent 3.9 per cent of GDP on defence in 2024, the highest of any Ally.",
    "uk": "The United Kingdom spent 2.3 per cent of GDP on defence in 2024.",
    "guideline": "Twenty-three Allies meet the guideline of 2 per cent of GDP on defence.",
    "estimates": "Figures for 2024 are estimates of spending and may be revised.",
}


def write_source(path: Path, *keys: str) -> None:
    path.write_text("\n".join(LINES[key] for key in keys) + "\n", encoding="utf-8")


@pytest.fixture
def source_file(tmp_path: Path) -> Path:
    path = tmp_path / "nato.txt"
    write_source(path, "poland", "uk", "guideline", "estimates")
    return path


@pytest.fixture
def claim_id(seeded_store: Store, source_file: Path) -> int:
    """The seed's Poland claim, citing the local source file, its passages ranked."""
    [claim] = seeded_store.claims(search="Poland spending")
    archive.cite(seeded_store, claim.id, str(source_file))
    assert rank_claim(seeded_store, claim.id)
    return claim.id


def passage(store: Store, claim_id: int, key: str) -> dict:
    return next(row for row in store.evidence(claim_id) if row["passage"] == LINES[key])


def refetch(store: Store, claim_id: int, path: Path, *keys: str) -> list[dict]:
    """Change the source file, archive the new copy and rank the claim's evidence again."""
    write_source(path, *keys)
    summary = archive.fetch_sources(store, [claim_id], refresh=True)
    assert [o.error for o in summary.outcomes] == [None]
    return rank_claim(store, claim_id)


# ---- the store -----------------------------------------------------------------------------


def test_set_and_clear_a_stance_with_audit_events(seeded_store: Store, claim_id: int) -> None:
    row = passage(seeded_store, claim_id, "poland")
    updated = seeded_store.set_stance(row["id"], "supports", note="NATO table 3", reviewer="ann")
    assert updated["stance"] == "supports" and updated["stance_note"] == "NATO table 3"
    event = seeded_store.events(claim_id, limit=1)[0]
    assert (event["action"], event["old"], event["new"]) == ("stance", None, "supports")
    assert event["reviewer"] == "ann" and event["note"] == "NATO table 3"
    details = json.loads(event["details"])
    assert details == {
        "evidence_id": row["id"],
        "snapshot_id": row["snapshot_id"],
        "start": row["start"],
        "end": row["end"],
    }

    cleared = seeded_store.set_stance(row["id"], None)
    assert cleared["stance"] is None and cleared["stance_note"] is None
    event = seeded_store.events(claim_id, limit=1)[0]
    assert (event["action"], event["old"], event["new"]) == ("stance", "supports", None)
    assert event["reviewer"] == "tester"


def test_the_same_stance_again_writes_nothing(seeded_store: Store, claim_id: int) -> None:
    row = passage(seeded_store, claim_id, "uk")
    seeded_store.set_stance(row["id"], "neutral")
    events = len(seeded_store.events())
    seeded_store.set_stance(row["id"], "neutral")
    assert len(seeded_store.events()) == events
    seeded_store.set_stance(row["id"], "neutral", note="context only")
    assert len(seeded_store.events()) == events + 1


def test_a_bad_stance_or_an_unknown_passage_changes_nothing(
    seeded_store: Store, claim_id: int
) -> None:
    row = passage(seeded_store, claim_id, "poland")
    before = (seeded_store.evidence(claim_id), seeded_store.events())
    with pytest.raises(StoreError, match="unknown stance 'agrees'"):
        seeded_store.set_stance(row["id"], "agrees")
    with pytest.raises(NotFound, match="no evidence 9999"):
        seeded_store.set_stance(9999, "supports")
    assert (seeded_store.evidence(claim_id), seeded_store.events()) == before


def test_ranking_again_keeps_ids_and_stances(seeded_store: Store, claim_id: int) -> None:
    before = {row["passage"]: row["id"] for row in seeded_store.evidence(claim_id)}
    seeded_store.set_stance(before[LINES["poland"]], "supports")
    after = rank_claim(seeded_store, claim_id)
    assert {row["passage"]: row["id"] for row in after} == before
    assert passage(seeded_store, claim_id, "poland")["stance"] == "supports"


def test_a_passage_in_a_newer_copy_keeps_its_row_and_stance(
    seeded_store: Store, claim_id: int, source_file: Path
) -> None:
    old = passage(seeded_store, claim_id, "poland")
    seeded_store.set_stance(old["id"], "refutes", note="NATO says 4.1")
    rows = refetch(seeded_store, claim_id, source_file, "estimates", "uk", "poland", "guideline")
    new = passage(seeded_store, claim_id, "poland")
    assert new["id"] == old["id"] and new["stance"] == "refutes"
    assert new["stance_note"] == "NATO says 4.1"
    assert new["snapshot_id"] != old["snapshot_id"] and new["start"] != old["start"]
    assert new["rank"] <= len(rows)
    assert {row["snapshot_id"] for row in rows} == {new["snapshot_id"]}


def test_a_stanced_passage_no_longer_ranked_is_kept_after_the_ranking(
    seeded_store: Store, claim_id: int, source_file: Path
) -> None:
    poland = passage(seeded_store, claim_id, "poland")
    estimates = passage(seeded_store, claim_id, "estimates")
    seeded_store.set_stance(poland["id"], "supports")
    rows = refetch(seeded_store, claim_id, source_file, "uk", "guideline")
    ranked = [row for row in rows if row["snapshot_id"] != poland["snapshot_id"]]
    assert ranked and rows[: len(ranked)] == ranked
    [kept] = [row for row in rows if row["snapshot_id"] == poland["snapshot_id"]]
    assert kept["id"] == poland["id"] and kept["stance"] == "supports"
    assert kept["passage"] == LINES["poland"] and kept["rank"] == len(ranked) + 1
    assert estimates["id"] not in {row["id"] for row in rows}
    event = seeded_store.events(claim_id, limit=1)[0]
    assert event["action"] == "rank_evidence"
    assert json.loads(event["details"]) == {"passages": len(ranked), "kept": 1}


# ---- the CLI -------------------------------------------------------------------------------


def test_evidence_lists_ids_and_stances(
    seeded_store: Store, claim_id: int, db_path: Path, runner: CliRunner
) -> None:
    poland = passage(seeded_store, claim_id, "poland")
    seeded_store.set_stance(poland["id"], "refutes", note="NATO says 4.1")
    result = runner.invoke(cli, ["--db", str(db_path), "evidence", str(claim_id), "--limit", "9"])
    assert result.exit_code == 0, result.output
    assert f"evidence {poland['id']}  stance: refutes" in result.output
    assert "  note: NATO says 4.1" in result.output
    assert "no stance" in result.output
    as_json = runner.invoke(cli, ["--db", str(db_path), "evidence", str(claim_id), "--json"])
    rows = json.loads(as_json.output)
    by_id = {row["id"]: row for row in rows}
    assert by_id[poland["id"]]["stance"] == "refutes"
    assert by_id[poland["id"]]["stance_note"] == "NATO says 4.1"
    assert {row["stance"] for row in rows if row["id"] != poland["id"]} == {None}


def test_a_stanced_passage_is_listed_beyond_the_limit(
    seeded_store: Store, claim_id: int, db_path: Path, runner: CliRunner
) -> None:
    last = seeded_store.evidence(claim_id)[-1]
    seeded_store.set_stance(last["id"], "irrelevant")
    result = runner.invoke(
        cli, ["--db", str(db_path), "evidence", str(claim_id), "--limit", "1", "--nl"]
    )
    assert [json.loads(line)["id"] for line in result.output.splitlines()][-1] == last["id"]
    assert len(result.output.splitlines()) == 2


def test_stance_command_sets_and_clears(
    seeded_store: Store, claim_id: int, db_path: Path, runner: CliRunner
) -> None:
    row = passage(seeded_store, claim_id, "uk")
    db = ["--db", str(db_path)]
    result = runner.invoke(cli, [*db, "stance", str(row["id"]), "neutral", "--note", "context"])
    assert result.exit_code == 0, result.output
    assert result.output == f"evidence {row['id']} (claim {claim_id}): neutral\n"
    cleared = runner.invoke(cli, [*db, "--reviewer", "bob", "stance", str(row["id"]), "clear"])
    assert cleared.output == f"evidence {row['id']} (claim {claim_id}): no stance\n"
    events = seeded_store.events(claim_id, limit=2)
    assert [(e["new"], e["reviewer"], e["note"]) for e in events] == [
        (None, "bob", None),
        ("neutral", "tester", "context"),
    ]


def test_stance_command_errors_and_exit_codes(
    seeded_store: Store, claim_id: int, db_path: Path, runner: CliRunner
) -> None:
    row = passage(seeded_store, claim_id, "uk")
    events = len(seeded_store.events())
    db = ["--db", str(db_path)]
    missing = runner.invoke(cli, [*db, "stance", "9999", "supports"])
    assert missing.exit_code == 1 and missing.output == "error: no evidence 9999\n"
    bad = runner.invoke(cli, [*db, "stance", str(row["id"]), "agrees"])
    assert bad.exit_code == 2 and "'agrees' is not one of" in bad.output
    assert "Traceback" not in missing.output + bad.output
    assert len(seeded_store.events()) == events
    assert passage(seeded_store, claim_id, "uk")["stance"] is None


# ---- the review screen ---------------------------------------------------------------------


@pytest.fixture
def review_claim(review_db: Path, source_file: Path) -> int:
    """review_db's Poland claim with the local source archived and its passages ranked."""
    with Store(review_db, reviewer="importer") as store:
        claim = store.claim_ids(search="Poland spending")[0]
        archive.cite(store, claim, str(source_file))
        rank_claim(store, claim)
    return claim


def stances(db: Path, claim_id: int) -> dict[str, str | None]:
    with Store(db) as store:
        return {row["passage"]: row["stance"] for row in store.evidence(claim_id)}


def shown_text(app: ReviewApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_source_view_keys_set_the_stance_and_the_panel_shows_it(
    review_db: Path, review_claim: int
) -> None:
    messages: list[Message] = []
    app = ReviewApp(
        review_db, reviewer="tester", query=QueueQuery(search="Poland spending"), keymap={}
    )
    async with app.run_test(size=(120, 40), message_hook=messages.append) as pilot:
        assert "stance" not in shown_text(app, "#evidence")
        await pilot.press("v")
        assert isinstance(app.screen, SourceScreen)
        first, second = app.screen.passages[:2]
        assert "no stance" in shown_text(app, "#source-title")
        assert "s supports · r refutes · n neutral · i irrelevant · x clear" in str(
            app.screen.query(Static).last().render()
        )
        await pilot.press("s")
        assert "stance: supports" in shown_text(app, "#source-title")
        await pilot.press("right_square_bracket", "r")
        assert "stance: refutes" in shown_text(app, "#source-title")
        assert stances(review_db, review_claim)[LINES["uk"]] == "refutes"
        await pilot.press("x", "n", "left_square_bracket")
        assert "stance: supports" in shown_text(app, "#source-title")
        await pilot.pause()
        assert [(m.evidence_id, m.stance) for m in posted(messages, StanceRecorded)] == [
            (first.evidence_id, "supports"),
            (second.evidence_id, "refutes"),
            (second.evidence_id, None),
            (second.evidence_id, "neutral"),
        ]
        await pilot.press("escape")
        assert isinstance(app.screen, ReviewScreen)
        panel = shown_text(app, "#evidence")
        assert "stance: supports" in panel and "stance: neutral" in panel
    assert stances(review_db, review_claim)[LINES["poland"]] == "supports"
    with Store(review_db) as store:
        assert store.claim(review_claim).status == "unreviewed"
        events = [e for e in store.events(review_claim) if e["action"] == "stance"]
        assert [(e["new"], e["reviewer"]) for e in reversed(events)] == [
            ("supports", "tester"),
            ("refutes", "tester"),
            (None, "tester"),
            ("neutral", "tester"),
        ]


async def test_stance_keys_are_remapped_by_keys_toml_names(
    review_db: Path, review_claim: int
) -> None:
    app = ReviewApp(
        review_db,
        reviewer="tester",
        query=QueueQuery(search="Poland spending"),
        keymap={"stance_irrelevant": "0"},
    )
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("v", "i")
        assert "no stance" in shown_text(app, "#source-title")
        await pilot.press("0")
        assert "stance: irrelevant" in shown_text(app, "#source-title")
    assert stances(review_db, review_claim)[LINES["poland"]] == "irrelevant"


async def test_the_panel_shows_a_stanced_passage_below_the_best(
    review_db: Path, review_claim: int
) -> None:
    with Store(review_db) as store:
        last = store.evidence(review_claim)[-1]
        assert last["rank"] > 3
        store.set_stance(last["id"], "irrelevant")
    app = ReviewApp(
        review_db, reviewer="tester", query=QueueQuery(search="Poland spending"), keymap={}
    )
    async with app.run_test(size=(120, 40)):
        panel = shown_text(app, "#evidence")
        assert "stance: irrelevant" in panel and last["passage"] in panel


def test_keys_toml_accepts_the_stance_names(tmp_path: Path) -> None:
    path = tmp_path / "keys.toml"
    path.write_text('[keys]\nstance_supports = "1"\nstance_clear = "0, backspace"\n')
    keys = effective_keys(load_keymap(path))
    assert (keys["stance_supports"], keys["stance_clear"]) == ("1", "0,backspace")
    assert keys["stance_refutes"] == "r" and keys["supported"] == "s"
