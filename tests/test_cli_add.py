"""`claimcheck add`, `claims`, `show`, `stats` through the real CLI, good input and bad."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import cli
from tests.conftest import SEED_ARTICLE
from tests.httpserver import Reply, ScriptedServer


def run(runner, db_path, *args, **kwargs):
    return runner.invoke(cli, ["--db", str(db_path), *args], catch_exceptions=False, **kwargs)


def dump(db_path: Path) -> list[str]:
    """Every row of the database, to compare before and after a failed command."""
    with sqlite3.connect(db_path) as conn:
        return list(conn.iterdump())


def test_add_seed_then_list_show_and_stats(runner, db_path):
    result = run(runner, db_path, "add", str(SEED_ARTICLE), "--published", "2024-09-14")
    assert result.exit_code == 0
    assert "claims" in result.output and "repeats" in result.output
    listed = run(runner, db_path, "claims", "--kind", "quantity", "--json")
    rows = json.loads(listed.output)
    lines = run(runner, db_path, "claims", "--kind", "quantity", "--nl").output.splitlines()
    assert [json.loads(line) for line in lines] == rows
    poland = next(r for r in rows if "Poland spending 3.9" in r["text"])
    assert poland["quantities"][0]["value"] == 3.9
    assert poland["quantities"][0]["unit"] == "percent"
    shown = run(runner, db_path, "show", str(poland["id"]))
    assert "3.9 per cent of GDP" in shown.output and "Mr Lammy" in shown.output
    stats = json.loads(run(runner, db_path, "stats", "--json").output)
    assert stats["articles"] == 1 and stats["repeats"] >= 5
    assert stats["distinct_claims"] == stats["claims"] - stats["repeats"]


def test_adding_the_same_article_twice_says_so(runner, db_path):
    run(runner, db_path, "add", str(SEED_ARTICLE))
    before = dump(db_path)
    again = run(runner, db_path, "add", str(SEED_ARTICLE))
    assert again.exit_code == 0
    assert "unchanged" in again.output
    assert dump(db_path) == before


def test_bad_inputs_fail_one_line_each_and_the_rest_go_in(runner, db_path, tmp_path):
    good = tmp_path / "good.txt"
    good.write_text("The unemployment rate fell to 4.1 per cent in June, the ONS said.\n")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    empty = tmp_path / "empty.md"
    empty.write_text("")
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Caf\u00e9 prices rose 5 per cent".encode("cp1252"))
    huge = tmp_path / "huge.txt"
    with huge.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    missing = tmp_path / "missing.txt"
    result = run(
        runner,
        db_path,
        "add",
        str(good),
        str(binary),
        str(empty),
        str(latin),
        str(huge),
        str(missing),
    )
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5
    for path, words in [
        (binary, "binary"),
        (empty, "empty"),
        (latin, "UTF-8"),
        (huge, "too large"),
        (missing, "cannot read"),
    ]:
        assert any(str(path) in line and words in line for line in errors), (path, errors)
    assert "Traceback" not in result.output
    assert "5 of 6 inputs failed" in result.stderr
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 1


def test_failed_inputs_leave_the_database_exactly_as_it_was(runner, db_path, tmp_path):
    run(runner, db_path, "add", str(SEED_ARTICLE))
    before = dump(db_path)
    junk = tmp_path / "junk.html"
    junk.write_bytes(b"\x00\x01\x02" * 1000)
    result = run(runner, db_path, "add", str(junk))
    assert result.exit_code == 1
    assert dump(db_path) == before


def test_hostile_text_is_stored_verbatim_and_printed_inert(runner, db_path, tmp_path, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")  # the listing fits the terminal: room for the whole claim
    hostile = tmp_path / "hostile.txt"
    hostile.write_text(
        "Officials said 40 per cent of [bold red]voters[/] \x1b[2J\x1b[31mwere misled\x1b[0m.\n"
    )
    assert run(runner, db_path, "add", str(hostile)).exit_code == 0
    listed = run(runner, db_path, "claims")
    assert "\x1b" not in listed.output and "[bold red]voters[/]" in listed.output
    shown = run(runner, db_path, "show", "1")
    assert "\x1b" not in shown.output and "\\x1b[31mwere misled" in shown.output
    with sqlite3.connect(db_path) as conn:
        (text,) = conn.execute("SELECT text FROM claims").fetchone()
    assert "\x1b[31m" in text


def test_usage_errors_exit_2(runner, db_path):
    assert run(runner, db_path, "claims", "--status", "true-ish").exit_code == 2
    assert run(runner, db_path, "add").exit_code == 2


def test_unknown_claim_is_exit_1(runner, db_path, store):
    result = run(runner, db_path, "show", "999")
    assert result.exit_code == 1
    assert result.stderr.strip() == "error: no claim 999"


@pytest.mark.parametrize("command", [["stats"], ["claims"], ["show", "1"], ["export"]])
def test_reading_commands_never_create_a_database(runner, db_path, command):
    result = run(runner, db_path, *command)
    assert result.exit_code == 1
    assert result.stderr.strip().endswith("no such database (add articles or import first)")
    assert not db_path.exists()


def test_globs_directories_and_stdin(runner, db_path, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for number in range(3):
        (folder / f"story{number}.md").write_text(
            f"# Story {number}\n\nThe council spent {number + 2} million pounds on roads in 2023."
        )
    assert "added article" in run(runner, db_path, "add", str(folder / "story0.md")).output
    globbed = run(runner, db_path, "add", str(folder / "*.md"))
    assert globbed.output.count("unchanged") == 1 and globbed.output.count("added") == 2
    assert run(runner, db_path, "add", str(folder)).output.count("unchanged") == 3
    piped = run(
        runner,
        db_path,
        "add",
        "-",
        "--title",
        "Piped",
        input="Turnout reached 67 per cent, the highest since 1992.",
    )
    assert "added article" in piped.output
    shown = json.loads(run(runner, db_path, "claims", "--nl", "--search", "turnout").output)
    assert shown["quantities"][0]["value"] == 67


STORY = (
    b"<html><head><title>Budget</title></head><body><article><p>The budget gives "
    b"<a href='/report.pdf'>2.5 per cent of GDP</a> to defence, the minister said.</p>"
    b"<p>Officials said it was the largest rise in a decade, at least since 2014.</p>"
    b"</article></body></html>"
)


@pytest.fixture
def local_site():
    with ScriptedServer() as server:
        server.route("/story.html", Reply(200, STORY, {"Content-Type": "text/html; charset=utf-8"}))
        server.route("/gone", Reply(404, b"not here", {"Content-Type": "text/plain"}))
        yield server.base


def test_add_url_keeps_links_as_cited_sources(runner, db_path, local_site):
    result = run(runner, db_path, "add", f"{local_site}/story.html", f"{local_site}/gone")
    assert result.exit_code == 1
    assert "404" in result.stderr and "/gone" in result.stderr
    rows = json.loads(run(runner, db_path, "claims", "--json").output)
    budget = next(r for r in rows if "2.5 per cent of GDP" in r["text"])
    shown = json.loads(run(runner, db_path, "show", str(budget["id"]), "--json").output)
    assert [s["url"] for s in shown["sources"] if s["url"]] == [f"{local_site}/report.pdf"]
    assert shown["article"]["url"] == f"{local_site}/story.html"


def test_real_process_exit_codes(tmp_path):
    db = tmp_path / "proc.db"
    ok = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), "add", str(SEED_ARTICLE)],
        capture_output=True,
        text=True,
    )
    assert ok.returncode == 0, ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), "add", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 1
    assert bad.stderr.count("\n") == 2 and "Traceback" not in bad.stderr
