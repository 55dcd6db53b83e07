"""JSONL and CSV claim files: round trips through export, located errors, updates, and a real
process killed with SIGKILL in the middle of an import."""

from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck.cli import cli
from claimcheck.store import Store
from tests.test_import_manifest import dump


def run(runner, db_path: Path, *args: str):
    return runner.invoke(cli, ["--db", str(db_path), *args])


def record(**fields) -> dict:
    base = {
        "article_url": "https://news.example.org/a",
        "article_title": "An article",
        "text": "Prices rose 5 per cent last year.",
    }
    return {**base, **fields}


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


@pytest.fixture
def reviewed_db(seeded_store: Store, db_path: Path) -> Path:
    """The seed article with a verdict, a note with awkward characters, and a cited source."""
    claims = seeded_store.claims(include_repeats=False)
    seeded_store.set_verdict(claims[3].id, "refuted", note='Says "4.1%", not 3.9;\nsee NATO')
    seeded_store.set_verdict(claims[5].id, "supported", reviewer="bob")
    seeded_store.cite(claims[3].id, "https://www.nato.int/report", label="NATO, June 2024")
    seeded_store.close()
    return db_path


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_export_import_export_is_identical(runner, reviewed_db: Path, tmp_path: Path, fmt: str):
    first = tmp_path / f"first.{fmt}"
    assert run(runner, reviewed_db, "export", "--format", fmt, "-o", str(first)).exit_code == 0
    empty = tmp_path / "empty.db"
    imported = run(runner, empty, "import", str(first))
    assert imported.exit_code == 0, imported.output
    second = tmp_path / f"second.{fmt}"
    assert run(runner, empty, "export", "--format", fmt, "-o", str(second)).exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    with Store(empty) as store:
        refuted = store.claims(status="refuted")[0]
        assert refuted.note.startswith('Says "4.1%"')
        assert [s["url"] for s in store.claim_sources(refuted.id)][-1:] == [
            "https://www.nato.int/report"
        ]
    again = run(runner, reviewed_db, "import", str(first))
    assert again.exit_code == 0 and "unchanged, nothing to do" in again.output


def test_claims_tie_to_articles_by_url_and_stub_articles_are_made(
    runner, db_path: Path, tmp_path: Path
):
    path = write_jsonl(
        tmp_path / "claims.jsonl",
        [
            record(quantities=[{"surface": "5 per cent", "value": 5, "unit": "percent"}]),
            record(text="Wages rose 2 per cent.", status="refuted", reviewer="carol"),
            record(article_url="https://news.example.org/b", text="Another claim."),
        ],
    )
    result = run(runner, db_path, "import", str(path))
    assert result.exit_code == 0, result.output
    assert "added 2 articles, 3 claims" in result.output
    with Store(db_path) as store:
        article = store.article(store.claims()[0].article_id)
        assert article["text"] == "Prices rose 5 per cent last year.\nWages rose 2 per cent."
        first, second = store.claims(article_id=article["id"])
        assert article["text"][second.start : second.end] == "Wages rose 2 per cent."
        (quantity,) = store.quantities(first.id)
        assert article["text"][quantity["start"] : quantity["end"]] == "5 per cent"
        assert second.status == "refuted" and second.reviewer == "carol"
        assert [e["action"] for e in store.events()] == ["import"]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        ([record(statsu="refuted")], "claims.jsonl:2:1: unknown field 'statsu' (did you mean"),
        ([record(status="refted")], "field 'status': unknown status 'refted' (did you mean"),
        ([record(kind="number")], "field 'kind': unknown kind 'number'"),
        ([record(id="seven")], "field 'id': expected a whole number, got a string"),
        ([record(note=["a"])], "field 'note': expected a string, got a list"),
        ([record(text=None)], "claims.jsonl:2:78: field 'text': missing"),
        (
            [record(id=4), record(id=4, text="Other.")],
            "field 'id': duplicate id 4 (also on line 2)",
        ),
        ([record(), record()], "claims.jsonl:3:1: duplicate claim (also on line 2)"),
        ([record(quantities=[{"surface": "5"}])], "field 'quantities': an entry has no 'value'"),
        ([record(article_url=None, article_title=None, article_id=9)], "no article 9"),
        ([record(checkworthiness=3)], "field 'checkworthiness': must be between 0 and 1"),
    ],
)
def test_bad_records_fail_the_whole_file_with_a_located_error(
    runner, db_path: Path, tmp_path: Path, lines: list[dict], expected: str
):
    good = [record(text=f"Good claim {n}.") for n in range(3)]
    path = write_jsonl(tmp_path / "claims.jsonl", good[:1] + lines + good[1:])
    Store(db_path).close()
    before = dump(db_path)
    result = run(runner, db_path, "import", str(path))
    assert result.exit_code == 1
    assert expected in result.output
    assert "claims.jsonl:" in result.output.splitlines()[0]
    assert "Traceback" not in result.output
    assert dump(db_path) == before


def test_malformed_json_and_bad_bytes_are_located(runner, db_path: Path, tmp_path: Path):
    path = tmp_path / "claims.jsonl"
    path.write_bytes(
        json.dumps(record()).encode()
        + b'\n{"text": "x",, }\n'
        + b'{"text": "caf\xe9", "article_id": 1}\n[1, 2]\n'
    )
    result = run(runner, db_path, "import", str(path))
    assert result.exit_code == 1
    assert "claims.jsonl:2:14: malformed JSON" in result.output
    assert "claims.jsonl:3:14: not valid UTF-8 (byte 0xe9)" in result.output
    assert "claims.jsonl:4:1: expected a JSON object, got a list" in result.output


def test_csv_with_bom_crlf_and_utf16(runner, db_path: Path, tmp_path: Path):
    header = "article_url,article_title,text,status,quantities\r\n"
    row = 'https://x.org/a,A,"Rents rose 7 per cent, a record.",supported,"[]"\r\n'
    utf8 = tmp_path / "bom.csv"
    utf8.write_bytes(codecs.BOM_UTF8 + (header + row).encode())
    result = run(runner, db_path, "import", str(utf8))
    assert result.exit_code == 0, result.output
    utf16 = tmp_path / "wide.csv"
    utf16.write_bytes((header + row.replace("Rents", "Fares")).encode("utf-16"))
    result = run(runner, db_path, "import", str(utf16))
    assert result.exit_code == 0, result.output
    with Store(db_path) as store:
        assert sorted(c.text for c in store.claims()) == [
            "Fares rose 7 per cent, a record.",
            "Rents rose 7 per cent, a record.",
        ]


def test_csv_errors_name_line_column_and_field(runner, db_path: Path, tmp_path: Path):
    path = tmp_path / "claims.csv"
    path.write_text("article_url,text,stauts\nhttps://x.org,A claim,supported\n")
    result = run(runner, db_path, "import", str(path))
    assert "claims.csv:1:3: unknown column 'stauts' (did you mean 'status'?)" in result.output
    path.write_text("article_url,text,id\nhttps://x.org,A claim,1\nhttps://x.org,B,x\n")
    result = run(runner, db_path, "import", str(path))
    assert "claims.csv:3:3: field 'id': expected a whole number, got 'x'" in result.output
    assert result.exit_code == 1


def test_update_applies_differences_and_dry_run_only_reports(
    runner, reviewed_db: Path, tmp_path: Path
):
    exported = tmp_path / "claims.jsonl"
    run(runner, reviewed_db, "export", "-o", str(exported))
    rows = [json.loads(line) for line in exported.read_text().splitlines()]
    rows[0]["status"] = "misleading"
    rows[0]["note"] = "lacks context"
    rows[1]["text"] = rows[1]["text"] + " (edited)"
    write_jsonl(exported, rows)
    before = dump(reviewed_db)
    plain = run(runner, reviewed_db, "import", str(exported))
    assert "2 differ (pass --update to apply)" in plain.output
    dry = run(runner, reviewed_db, "import", "--update", "--dry-run", str(exported))
    assert "2 would be updated" in dry.output
    assert dump(reviewed_db) == before
    applied = run(runner, reviewed_db, "--reviewer", "dana", "import", "--update", str(exported))
    assert applied.exit_code == 0 and "2 updated" in applied.output
    with Store(reviewed_db) as store:
        first = store.claim(rows[0]["id"])
        assert (first.status, first.note, first.version) == ("misleading", "lacks context", 2)
        assert store.claim(rows[1]["id"]).text.endswith("(edited)")
        event = store.events(first.id, limit=1)[0]
        assert (event["action"], event["reviewer"]) == ("import_update", "dana")


KILL_SCRIPT = """
import sys
from pathlib import Path
from claimcheck.importer import import_file
from claimcheck.store import Store

def progress(n):
    progress.total += n
    if progress.total > 2_000_000 and not progress.told:
        progress.told = True
        print("midway", flush=True)

progress.total, progress.told = 0, False
with Store(sys.argv[1]) as store:
    import_file(store, Path(sys.argv[2]), progress=progress)
print("finished", flush=True)
"""


def test_sigkill_mid_import_leaves_the_database_as_it_was(tmp_path: Path, seeded_store: Store):
    db_path = seeded_store.path
    claims_before = seeded_store.count_claims()
    seeded_store.close()
    before = dump(db_path)
    big = tmp_path / "big.jsonl"
    with big.open("w") as handle:
        for n in range(40_000):
            handle.write(
                json.dumps(
                    record(
                        article_url=f"https://news.example.org/{n // 100}",
                        text=f"Claim number {n}: prices rose {n} per cent in the year to June.",
                        status="supported",
                    )
                )
                + "\n"
            )
    process = subprocess.Popen(
        [sys.executable, "-c", KILL_SCRIPT, str(db_path), str(big)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
    )
    assert process.stdout is not None
    assert process.stdout.readline().strip() == "midway"
    time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait(timeout=10)
    assert process.returncode == -signal.SIGKILL
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM claims").fetchone()[0] == claims_before
    assert dump(db_path) == before


def test_json_summary_for_pipelines(runner, db_path: Path, tmp_path: Path):
    good = write_jsonl(tmp_path / "good.jsonl", [record()])
    bad = write_jsonl(tmp_path / "bad.jsonl", [record(status="nope")])
    result = run(runner, db_path, "import", "--json", str(good), str(bad))
    assert result.exit_code == 1
    first, second = json.loads(result.stdout)
    assert (first["failed"], first["articles"], first["claims"]) == (False, 1, 1)
    assert second["failed"] is True and "unknown status 'nope'" in second["errors"][0]


def test_import_waits_for_another_writer_then_goes_in(db_path: Path, tmp_path: Path):
    import threading

    from claimcheck.importer import import_file

    path = write_jsonl(tmp_path / "claims.jsonl", [record()])
    Store(db_path).close()
    other = sqlite3.connect(db_path, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    other.execute("INSERT INTO sources (url, kind) VALUES ('https://x.org', 'cited')")
    threading.Timer(0.5, other.commit).start()
    started = time.perf_counter()
    with Store(db_path) as store:
        report = import_file(store, path)
        assert not report.failed and report.claims_added == 1
        assert store.stats()["sources"] == 1
    assert time.perf_counter() - started >= 0.4
    other.close()


def test_records_naming_one_article_differently_share_it(runner, db_path: Path, tmp_path: Path):
    path = write_jsonl(
        tmp_path / "claims.jsonl",
        [record(article_id=5), record(text="Wages rose 2 per cent.")],
    )
    assert "added 1 articles, 2 claims" in run(runner, db_path, "import", str(path)).output
    with Store(db_path) as store:
        assert (
            store.article(5)["text"] == "Prices rose 5 per cent last year.\nWages rose 2 per cent."
        )
