"""The cite, fetch and evidence commands through click's runner: output, errors, exit codes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.demo import SEEDS as DEMO_SEEDS
from claimcheck.store import Store
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED
from tests.httpserver import Reply, ScriptedServer

SEEDS = DEMO_SEEDS / "sources"


@pytest.fixture
def db(db_path: Path, runner: CliRunner) -> str:
    result = runner.invoke(
        cli, ["--db", str(db_path), "add", str(SEED_ARTICLE), "--published", SEED_PUBLISHED]
    )
    assert result.exit_code == 0, result.output
    return str(db_path)


def claim_id(db: str, words: str) -> int:
    with Store(db) as store:
        return store.claims(search=words)[0].id


def test_cite_a_file_then_see_the_evidence(db: str, runner: CliRunner) -> None:
    claim = claim_id(db, "15-member Security Council")
    page = SEEDS / "un-charter-chapter-5.html"
    cited = runner.invoke(cli, ["--db", db, "cite", str(claim), str(page)])
    assert cited.exit_code == 0 and f"claim {claim}: source" in cited.output
    shown = runner.invoke(cli, ["--db", db, "evidence", str(claim), "--limit", "1"])
    assert shown.exit_code == 0
    assert "#1 score" in shown.output and "shall consist of fifteen Members" in shown.output
    assert "same figure as the claim (15 members)" in shown.output
    as_json = runner.invoke(cli, ["--db", db, "evidence", str(claim), "--json"])
    first = json.loads(as_json.output)[0]
    assert first["rank"] == 1 and isinstance(first["matches"], list)
    as_lines = runner.invoke(cli, ["--db", db, "evidence", str(claim), "--nl"])
    assert json.loads(as_lines.output.splitlines()[0]) == first


def test_cite_errors_are_one_line_with_exit_1(db: str, runner: CliRunner) -> None:
    missing = runner.invoke(cli, ["--db", db, "cite", "9999", "https://example.org/"])
    assert missing.exit_code == 1 and missing.output == "error: no claim 9999\n"
    bad = runner.invoke(cli, ["--db", db, "cite", "1", "gopher://example.org/"])
    assert bad.exit_code == 1 and "only http(s) URLs and local files" in bad.output
    assert "Traceback" not in bad.output


def test_fetch_needs_ids_or_all(db: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--db", db, "fetch"])
    assert result.exit_code == 2 and "name claim ids or pass --all" in result.output


def test_fetch_reports_failures_and_exits_1(db: str, runner: CliRunner) -> None:
    claim = claim_id(db, "Poland spending")
    with ScriptedServer() as server:
        good = server.route("/ok", Reply(200, b"Poland spends 3.9% of GDP.", {"ETag": '"1"'}))
        runner.invoke(cli, ["--db", db, "cite", str(claim), good])
        runner.invoke(cli, ["--db", db, "cite", str(claim), server.url("/gone")])
        result = runner.invoke(cli, ["--db", db, "fetch", str(claim), "--timeout", "2"])
        assert result.exit_code == 1
        assert "fetched 1, unchanged 0, failed 1" in result.output
        assert f"error: source 2 {server.url('/gone')}: HTTP 404 Not Found" not in result.output
        assert f"{server.url('/gone')}: HTTP 404 Not Found" in result.output
        again = runner.invoke(cli, ["--db", db, "fetch", "--all", "--refresh"])
        assert "unresolved: source" in again.output and "--resolves" in again.output


def test_fetch_of_unknown_claim_is_an_error(db: str, runner: CliRunner) -> None:
    result = runner.invoke(cli, ["--db", db, "fetch", "9999"])
    assert result.exit_code == 1 and result.output == "error: no claim 9999\n"


def test_evidence_never_prints_escape_codes_from_a_source(
    db: str, runner: CliRunner, tmp_path: Path
) -> None:
    claim = claim_id(db, "Poland spending")
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("Poland spends \x1b[2J\x1b[31m3.9% of GDP\x1b[0m [bold]on defence[/bold].")
    runner.invoke(cli, ["--db", db, "cite", str(claim), str(hostile)])
    result = runner.invoke(cli, ["--db", db, "evidence", str(claim)], color=True)
    assert result.exit_code == 0
    assert "\\x1b[2J" in result.output and "\x1b[2J" not in result.output
    assert "\\x1b[31m" in result.output and "\x1b[31m" not in result.output
    assert "[bold]on " in result.output and "[/bold]" in result.output


def test_evidence_shows_the_source_changed_marker(
    db: str, runner: CliRunner, tmp_path: Path
) -> None:
    claim = claim_id(db, "Poland spending")
    report = tmp_path / "report.txt"
    report.write_text("Poland spent 3.9 per cent of GDP on defence.")
    runner.invoke(cli, ["--db", db, "cite", str(claim), str(report)])
    runner.invoke(cli, ["--db", db, "evidence", str(claim)])
    with Store(db) as store:
        store.set_verdict(claim, "supported")
    report.write_text("Poland spent 4.1 per cent of GDP on defence.")
    fetched = runner.invoke(cli, ["--db", db, "fetch", str(claim), "--refresh"])
    assert f"claim {claim}: source changed since verified" in fetched.output
    shown = runner.invoke(cli, ["--db", db, "evidence", str(claim)])
    assert "source changed since verified" in shown.output
    assert "'3.9' -> '4.1'" in shown.output and "supported" in shown.output


def test_commands_have_help_with_an_example(runner: CliRunner) -> None:
    for command in ("cite", "fetch", "evidence"):
        result = runner.invoke(cli, [command, "--help"])
        assert result.exit_code == 0 and "Example:" in result.output


def test_evidence_without_archived_text_says_what_to_do(db: str, runner: CliRunner) -> None:
    lammy = claim_id(db, "Lammy Telegraph mistake")
    unresolved = runner.invoke(cli, ["--db", db, "evidence", str(lammy)])
    assert unresolved.exit_code == 0 and "--resolves" in unresolved.output
    poland = claim_id(db, "Poland spending")
    bare = runner.invoke(cli, ["--db", db, "evidence", str(poland)])
    assert f"cite one first: `claimcheck cite {poland} URL`" in bare.output
    runner.invoke(cli, ["--db", db, "cite", str(poland), "https://example.org/report"])
    unfetched = runner.invoke(cli, ["--db", db, "evidence", str(poland)])
    assert f"`claimcheck fetch {poland}`" in unfetched.output
