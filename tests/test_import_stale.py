"""`import --update` of a stale export: a record whose version is older than the claim in the
database (someone gave a verdict after the export) is refused, naming file, line and claim, and
nothing in the file is applied, unless --force. Real SQLite files and the real CLI."""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from claimcheck.cli import cli
from claimcheck.store import Store

REPO = Path(__file__).resolve().parent.parent


def run(runner, db_path: Path, *args: str):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def dump(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def export_rows(runner, db_path: Path, out: Path) -> list[dict]:
    assert run(runner, db_path, "export", "-o", str(out)).exit_code == 0
    return [json.loads(line) for line in out.read_text().splitlines()]


def write_jsonl(path: Path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_exports_carry_each_claims_version(runner, seeded_store: Store, db_path, tmp_path):
    claim = seeded_store.claims(include_repeats=False)[0]
    seeded_store.set_verdict(claim.id, "refuted", note="no")
    seeded_store.close()
    rows = export_rows(runner, db_path, tmp_path / "a.jsonl")
    versions = {row["id"]: row["version"] for row in rows}
    assert versions[claim.id] == 2 and set(versions.values()) == {1, 2}
    assert (
        run(runner, db_path, "export", "--format", "csv", "-o", str(tmp_path / "a.csv")).exit_code
        == 0
    )
    header = next(csv.reader(io.StringIO((tmp_path / "a.csv").read_text())))
    assert header[-1] == "version"


def test_a_stale_update_is_refused_and_changes_nothing(
    runner, seeded_store: Store, db_path: Path, tmp_path: Path
) -> None:
    first, second = seeded_store.claims(include_repeats=False)[:2]
    seeded_store.close()
    exported = tmp_path / "desk.jsonl"
    rows = export_rows(runner, db_path, exported)
    # after the export, alice decides claim `first`
    assert (
        run(
            runner,
            db_path,
            "--reviewer",
            "alice",
            "verdict",
            str(first.id),
            "refuted",
            "--note",
            "ONS says 3.1%",
        ).exit_code
        == 0
    )
    by_id = {row["id"]: row for row in rows}
    by_id[first.id].update(status="supported", note="looks right")  # made on the old copy
    by_id[second.id].update(status="misleading", note="cherry-picked")  # still current
    write_jsonl(exported, rows)
    before = dump(db_path)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "claimcheck", "--db", str(db_path), "import", "--update"]
    refused = subprocess.run(
        [*command, str(exported)], capture_output=True, text=True, env=env, timeout=60
    )
    assert refused.returncode == 1
    assert "Traceback" not in refused.stderr
    [error] = [line for line in refused.stderr.splitlines() if line.startswith("error:")]
    line = [row["id"] for row in rows].index(first.id) + 1
    assert f"desk.jsonl:{line}:" in error
    assert f"claim {first.id} changed after this file was exported" in error
    assert "file version 1, database version 2, now 'refuted' by alice" in error
    assert "--force" in error
    assert dump(db_path) == before

    forced = subprocess.run(
        [*command, "--force", str(exported)], capture_output=True, text=True, env=env, timeout=60
    )
    assert forced.returncode == 0, forced.stderr
    with Store(db_path) as store:
        assert (store.claim(first.id).status, store.claim(first.id).note) == (
            "supported",
            "looks right",
        )
        assert store.claim(second.id).status == "misleading"


def test_a_fresh_export_updates_and_old_files_without_versions_still_do(
    runner, seeded_store: Store, db_path: Path, tmp_path: Path
) -> None:
    claim = seeded_store.claims(include_repeats=False)[0]
    seeded_store.set_verdict(claim.id, "refuted", note="first look")
    seeded_store.close()
    exported = tmp_path / "fresh.jsonl"
    rows = export_rows(runner, db_path, exported)
    row = next(r for r in rows if r["id"] == claim.id)
    row["note"] = "second look"
    write_jsonl(exported, rows)
    result = run(runner, db_path, "import", "--update", str(exported))
    assert result.exit_code == 0, result.output
    assert "1 updated" in result.output
    # a file from before exports carried versions is applied as before
    for r in rows:
        r.pop("version")
    row["note"] = "third look"
    write_jsonl(exported, rows)
    assert run(runner, db_path, "import", "--update", str(exported)).exit_code == 0
    with Store(db_path) as store:
        assert store.claim(claim.id).note == "third look"


def test_without_update_a_stale_difference_is_only_reported(
    runner, seeded_store: Store, db_path: Path, tmp_path: Path
) -> None:
    claim = seeded_store.claims(include_repeats=False)[0]
    seeded_store.close()
    exported = tmp_path / "old.jsonl"
    rows = export_rows(runner, db_path, exported)
    assert run(runner, db_path, "verdict", str(claim.id), "refuted").exit_code == 0
    next(r for r in rows if r["id"] == claim.id)["status"] = "supported"
    write_jsonl(exported, rows)
    result = run(runner, db_path, "import", str(exported))
    assert result.exit_code == 0 and "1 differ (pass --update to apply)" in result.output
