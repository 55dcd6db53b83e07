"""Bundles: an exact copy into an empty database (every table compared), a merge that adds
without duplicates, remaps ids (also inside JSON) and reports conflicts, and bad files refused
with one line and the database unchanged."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import archive
from claimcheck import bundle as bundle_module
from claimcheck.bundle import ID_KEYS, NOT_ID_KEYS, TABLE, BundleError, export_bundle, import_bundle
from claimcheck.demo import SEEDS as DEMO_SEEDS
from claimcheck.evidence import rank_claim
from claimcheck.ingest import read_path
from claimcheck.memory import matches as memory
from claimcheck.memory.factchecks import import_file
from claimcheck.pipeline import add_article
from claimcheck.store import Store
from tests.conftest import FIXTURES, SEED_ARTICLE, SEED_PUBLISHED

SEEDS = DEMO_SEEDS / "sources"
REPO = Path(__file__).parent.parent


def tables(path: Path) -> list[str]:
    """The tables a bundle must carry: all but SQLite's, the migration log, the FTS index, the
    counts triggers keep and their pause (empty outside the transaction adding an article)."""
    with Store(path) as store:
        names = store.db.table_names()
    derived = (
        "sqlite_",
        "_sqlite_",
        "claims_fts",
        "snapshots_fts",
        "factchecks_fts",
        "factcheck_words",
        "claim_counts",
        "row_counts",
        "deferred_indexing",
    )
    return [n for n in names if not n.startswith(derived)]


def dump(path: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, each value as SQL's quote() gives it (type and bytes exact),
    plus what the full-text indexes find."""
    with Store(path) as store:
        result = {}
        for name in tables(path):
            columns = [c.name for c in store.db[name].columns]
            quoted = ", ".join(f"quote([{c}])" for c in columns)
            result[name] = store.db.execute(
                f"SELECT {quoted} FROM [{name}] ORDER BY rowid"
            ).fetchall()
        for fts, word in (("claims_fts", "Poland"), ("snapshots_fts", "defence")):
            result[fts] = store.db.execute(
                f"SELECT rowid FROM {fts} WHERE {fts} MATCH ? ORDER BY rowid", [word]
            ).fetchall()
    return result


def poland(store: Store) -> int:
    return store.claims(search="Poland spending")[0].id


def build_desk(path: Path) -> None:
    """A database that uses every table and every kind of event with ids in its details."""
    with Store(path, reviewer="alice") as store:
        add_article(store, read_path(SEED_ARTICLE, published=SEED_PUBLISHED))
        claim = poland(store)
        source = archive.cite(store, claim, str(SEEDS / "nato-defence-expenditure-2024.html"))
        best = rank_claim(store, claim)[0]
        store.set_stance(best["id"], "supports", note="table 3")
        store.set_verdict(claim, "supported", note="NATO puts it at 3.9%")
        store.set_verdict(1, "refuted", note="no such talks")  # carries to its repeat, claim 7
        store.set_verdict(2, "misleading")
        store.undo()
        store.edit_text(3, "John Kirby said no shift in policy was expected.")
        store.flag_for_second_check(4, "supported", note="check the quote")
        store.second_check_verdict(4, "refuted", reviewer="bob")
        snapshot = store.latest_snapshot(source)["id"]
        failed = store.add_snapshot(source, {"requested_url": "x", "error": "timeout"})
        store.set_source_changed(
            claim,
            {"source_id": source, "before_snapshot": snapshot, "after_snapshot": failed},
        )
        unresolved = store.db.execute(
            "SELECT id FROM sources WHERE url IS NULL ORDER BY id LIMIT 1"
        ).fetchone()[0]
        store.resolve_source(unresolved, "https://www.example.org/reporters")
        store.add_snapshot(
            unresolved, {"requested_url": "https://www.example.org/reporters", "raw": b"\x00\xff"}
        )
        import_file(store, FIXTURES / "claimreview" / "page.html")  # the claim memory
        last = store.db.execute("SELECT max(id) FROM claims").fetchone()[0]
        store.db.execute(
            "INSERT INTO matches (claim_id, factcheck_id, score, timing, created_at)"
            " SELECT ?, id, 0.9, 'prior', '2024-09-14' FROM factchecks",
            [last],
        )
        memory.reject(store, store.claim_matches(last)[0].id)
        for _ in range(2):  # two rows alike: a merge must match each once
            store.db.execute(
                "INSERT INTO quantities (claim_id, surface, start, [end]) VALUES (5, 'twice', 0, 5)"
            )


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("desk") / "desk.db"
    build_desk(path)
    return path


@pytest.fixture
def alice(desk: Path, tmp_path: Path) -> Path:
    path = tmp_path / "alice.db"
    shutil.copyfile(desk, path)
    return path


def test_every_table_and_every_id_in_json_is_covered(alice: Path) -> None:
    assert sorted(tables(alice)) == sorted(TABLE)
    with Store(alice) as store:
        keys = set()
        for (text,) in store.db.execute(
            "SELECT details FROM events WHERE details IS NOT NULL"
            " UNION ALL SELECT source_changed FROM claims WHERE source_changed IS NOT NULL"
        ):
            keys |= {k for k, v in json.loads(text).items() if type(v) is int}
    assert keys <= set(ID_KEYS) | NOT_ID_KEYS, keys - set(ID_KEYS) - NOT_ID_KEYS
    assert set(ID_KEYS) <= keys  # the desk exercises every id key the merge rewrites


def test_import_into_an_empty_database_is_an_exact_copy(alice: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "desk.ccb"
    written = export_bundle(alice, bundle)
    assert written["snapshots"] == 3 and written["events"] > 10
    copy = tmp_path / "copy.db"
    with Store(copy) as store:
        report = import_bundle(store, bundle)
    assert report.copy and report.added == {k: v for k, v in written.items() if v}
    assert dump(copy) == dump(alice)
    with Store(copy) as store:
        assert (
            archive.snapshot_raw(store, 1)
            == (SEEDS / "nato-defence-expenditure-2024.html").read_bytes()
        )


def test_the_bundle_is_documented_gzip_json_lines(alice: Path, tmp_path: Path) -> None:
    bundle = tmp_path / "desk.ccb"
    export_bundle(alice, bundle)
    lines = gzip.decompress(bundle.read_bytes()).decode().splitlines()
    header, end = json.loads(lines[0]), json.loads(lines[-1])
    assert header["format"] == "claimcheck-bundle" and header["version"] == 1
    assert list(header["tables"]) == list(TABLE)
    assert end == {"end": True, "rows": {n: t["rows"] for n, t in header["tables"].items()}}
    assert len(lines) == 2 + sum(end["rows"].values())
    raw = [json.loads(line) for line in lines if line.startswith('["snapshots"')]
    assert {"base64": "AP8="} in raw[-1][1]


def other_desk(path: Path) -> None:
    """A desk with work of its own, so every id in the bundle must move on a merge."""
    with Store(path, reviewer="carol") as store:
        add_article(store, read_path(SEEDS / "un-charter-chapter-5.html"))
        store.set_verdict(1, "supported")
        archive.cite(store, 1, str(SEEDS / "un-charter-chapter-5.html"))
        assert rank_claim(store, 1)  # evidence ids taken here too


def test_a_merge_remaps_every_id_and_a_second_import_adds_nothing(
    alice: Path, tmp_path: Path
) -> None:
    bundle = tmp_path / "desk.ccb"
    export_bundle(alice, bundle)
    carol = tmp_path / "carol.db"
    other_desk(carol)
    with Store(carol) as store:
        before = store.db.execute("SELECT count(*) FROM events").fetchone()[0]
        report = import_bundle(store, bundle)
        assert not report.copy and not report.conflicts
        claim = poland(store)
        assert claim != poland(Store(alice))
        assert store.claim(claim).status == "supported"
        stance = store.events(claim)[2]
        assert stance["action"] == "stance"
        details = json.loads(stance["details"])
        evidence = store.evidence_row(details["evidence_id"])
        assert evidence["stance"] == "supports" and evidence["claim_id"] == claim
        assert evidence["snapshot_id"] == details["snapshot_id"]
        marker = store.source_change(claim)
        assert store.snapshot_text(marker["before_snapshot"]) == store.snapshot_text(
            evidence["snapshot_id"]
        )
        assert store.source(marker["source_id"])["url"].endswith(
            "nato-defence-expenditure-2024.html"
        )
        undos = [e for e in store.events() if e["action"] == "undo" and e["reviewer"] == "alice"]
        [undo] = [e for e in undos if "via" not in e["details"]]
        undone = store.db.execute(
            "SELECT claim_id, new FROM events WHERE id = ?", [json.loads(undo["details"])["undoes"]]
        ).fetchone()
        assert tuple(undone) == (undo["claim_id"], "misleading")
        via = [
            e
            for e in store.events()
            if e["reviewer"] == "alice" and e["details"] and "via" in e["details"]
        ]
        assert via and all(
            store.claim(e["claim_id"]).canonical_id == json.loads(e["details"])["via"] for e in via
        )
        after = dump(carol)
        again = import_bundle(store, bundle)
        assert not again.added and again.present == report.added + report.present
    assert {k: v for k, v in dump(carol).items() if k != "events"} == {
        k: v for k, v in after.items() if k != "events"
    }
    assert len(dump(carol)["events"]) == len(after["events"]) + 1  # the second import's event
    assert before + report.added["events"] + 1 == len(after["events"])


def test_a_merge_brings_claims_up_to_date_and_reports_conflicts(
    alice: Path, tmp_path: Path
) -> None:
    first = tmp_path / "first.ccb"
    export_bundle(alice, first)
    bob = tmp_path / "bob.db"
    with Store(bob, reviewer="bob") as store:
        import_bundle(store, first)
    with Store(alice, reviewer="alice") as store:
        store.set_verdict(10, "supported", note="alice checked")  # only alice: bob gets it
        store.set_verdict(11, "refuted", note="alice says no")  # both: a conflict
        passage = store.evidence(poland(store))[1]["id"]
        store.set_stance(passage, "refutes", note="older figure")  # a stance only: bob gets it
    with Store(bob, reviewer="bob") as store:
        store.set_verdict(11, "supported", note="bob says yes")
        store.set_verdict(12, "misleading")  # only bob: stays
    second = tmp_path / "second.ccb"
    export_bundle(alice, second)
    with Store(bob, reviewer="bob") as store:
        report = import_bundle(store, second)
        assert report.updated == [10, poland(store)]
        assert store.evidence_row(passage)["stance"] == "refutes"
        assert report.conflicts == [
            "claim 11: here supported (bob), in the bundle refuted (alice); kept here"
        ]
        assert (store.claim(10).status, store.claim(10).note) == ("supported", "alice checked")
        assert (store.claim(11).status, store.claim(11).note) == ("supported", "bob says yes")
        assert store.claim(12).status == "misleading"
        assert store.events(11, limit=1)[0]["action"] == "bundle_conflict"
        assert report.added == {"events": 3}


def corrupt(bundle: Path, edit) -> None:
    lines = gzip.decompress(bundle.read_bytes()).decode().splitlines(keepends=True)
    bundle.write_bytes(gzip.compress("".join(edit(lines)).encode()))


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda b: b.write_bytes(b.read_bytes()[: len(b.read_bytes()) // 2]), "truncated"),
        (lambda b: corrupt(b, lambda ls: ls[:-1]), "truncated after line"),
        (lambda b: corrupt(b, lambda ls: ls[:-2] + ls[-1:]), "row counts disagree"),
        (lambda b: corrupt(b, lambda ls: [*ls[:-2], '["events", [1,\n', ls[-1]]), "not valid JSON"),
        (lambda b: b.write_text("id,text\n1,hello\n"), "not a readable bundle"),
        (
            lambda b: b.write_bytes(gzip.compress(b'{"format": "other"}\n')),
            "not a claimcheck bundle",
        ),
        (
            lambda b: corrupt(b, lambda ls: [ls[0].replace('"version":1', '"version":2'), *ls[1:]]),
            "bundle format version 2 is newer than this claimcheck reads (1)",
        ),
        (
            lambda b: corrupt(
                b, lambda ls: [ls[0].replace('"migrations":[', '"migrations":["x",'), *ls[1:]]
            ),
            "made by a newer claimcheck (schema 'x')",
        ),
    ],
    ids=["cut", "no-end", "row-missing", "bad-json", "csv", "foreign", "newer", "newer-schema"],
)
def test_a_bad_bundle_changes_nothing(alice: Path, tmp_path: Path, damage, message: str) -> None:
    bundle = tmp_path / "desk.ccb"
    export_bundle(alice, bundle)
    damage(bundle)
    target = tmp_path / "target.db"
    other_desk(target)
    before = dump(target)
    with Store(target) as store, pytest.raises(BundleError, match=re.escape(message)) as error:
        import_bundle(store, bundle)
    assert str(error.value).startswith(str(bundle))
    assert dump(target) == before


def test_a_line_longer_than_the_limit_is_refused_before_parsing(
    alice: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "desk.ccb"
    export_bundle(alice, bundle)
    monkeypatch.setattr(bundle_module, "MAX_BUNDLE_LINE", 1000)  # the longest row: a snapshot
    with Store(tmp_path / "target.db") as store, pytest.raises(BundleError, match="longer than"):
        import_bundle(store, bundle)


def test_export_reads_a_snapshot_and_leaves_the_database_alone(alice: Path, tmp_path: Path) -> None:
    before = alice.read_bytes()
    with pytest.raises(BundleError, match="no such database"):
        export_bundle(tmp_path / "missing.db", tmp_path / "x.ccb")
    assert not (tmp_path / "missing.db").exists() and not (tmp_path / "x.ccb").exists()
    export_bundle(alice, tmp_path / "x.ccb")
    assert alice.read_bytes() == before


def test_export_reads_one_snapshot_while_a_writer_holds_the_lock(
    alice: Path, tmp_path: Path
) -> None:
    writer = sqlite3.connect(alice, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute("UPDATE claims SET status = 'refuted' WHERE id = 20")
    writer.execute("INSERT INTO events (at, action) VALUES ('now', 'uncommitted')")
    try:
        export_bundle(alice, tmp_path / "x.ccb")
    finally:
        writer.execute("COMMIT")
        writer.close()
    copy = tmp_path / "copy.db"
    with Store(copy) as store:
        import_bundle(store, tmp_path / "x.ccb")
        assert store.claim(20).status == "unreviewed"
        assert not store.db.execute("SELECT 1 FROM events WHERE action = 'uncommitted'").fetchall()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )


def test_cli_exports_imports_and_refuses_a_bad_file_in_one_line(
    alice: Path, tmp_path: Path
) -> None:
    bundle = tmp_path / "desk.ccb"
    done = cli("--db", str(alice), "bundle", "export", "-o", str(bundle))
    assert done.returncode == 0, done.stderr
    assert "wrote" in done.stdout and "3 snapshots" in done.stdout
    copy = tmp_path / "copy.db"
    done = cli("--db", str(copy), "bundle", "import", str(bundle))
    assert done.returncode == 0, done.stderr
    with Store(alice) as store:
        claims = store.db["claims"].count
    assert "copied" in done.stdout and f"{claims} claims" in done.stdout
    assert dump(copy) == dump(alice)
    with Store(alice, reviewer="alice") as store:
        store.set_verdict(30, "refuted")
    with Store(copy, reviewer="bob") as store:
        store.set_verdict(30, "supported")
    export_bundle(alice, bundle)
    done = cli("--db", str(copy), "bundle", "import", str(bundle))
    assert done.returncode == 0, done.stderr
    assert "conflict: claim 30: here supported (bob), in the bundle refuted (alice)" in done.stdout
    assert "added 1 events" in done.stdout and "1 conflicts" in done.stdout
    bundle.write_bytes(bundle.read_bytes()[:-100])
    done = cli("--db", str(copy), "bundle", "import", str(bundle))
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "truncated" in done.stderr
    assert "Traceback" not in done.stderr
