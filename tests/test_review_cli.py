"""`claimcheck review`, `claimcheck demo --no-review` and the agreement line of `stats`."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from claimcheck.cli import cli
from claimcheck.store import Store


def test_review_without_a_terminal_says_so_instead_of_hanging(
    runner: CliRunner, review_db: Path
) -> None:
    result = runner.invoke(cli, ["--db", str(review_db), "review"])
    assert result.exit_code == 1
    assert "needs a terminal" in result.output and result.output.count("\n") == 1


def test_review_refuses_a_file_that_is_not_a_database(runner: CliRunner, tmp_path: Path) -> None:
    bogus = tmp_path / "notes.db"
    bogus.write_text("not sqlite at all " * 100, encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(bogus), "review"])
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and "not a claimcheck database" in result.output
    assert "Traceback" not in result.output


def test_review_refuses_a_broken_keys_file(
    runner: CliRunner, review_db: Path, tmp_path: Path
) -> None:
    config = tmp_path / "config" / "claimcheck" / "keys.toml"
    config.parent.mkdir(parents=True)
    config.write_text('[keys]\nsupported = "1"\nteleport = "t"\n', encoding="utf-8")
    result = runner.invoke(cli, ["--db", str(review_db), "review"])
    assert result.exit_code == 1
    assert str(config) in result.output and "teleport" in result.output
    assert result.output.count("\n") == 1


def test_review_usage_errors_exit_2(runner: CliRunner, review_db: Path) -> None:
    result = runner.invoke(cli, ["--db", str(review_db), "review", "--status", "maybe"])
    assert result.exit_code == 2


def test_review_help_has_an_example(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["review", "--help"])
    assert result.exit_code == 0 and "claimcheck review --status unreviewed" in result.output


def test_stats_reports_how_often_second_reviewers_agreed(
    runner: CliRunner, review_db: Path, review_queue: list[int]
) -> None:
    with Store(review_db, reviewer="alice") as alice:
        for claim_id, verdict in zip(
            review_queue[:3], ["supported", "refuted", "refuted"], strict=True
        ):
            alice.flag_for_second_check(claim_id, verdict)
    with Store(review_db, reviewer="bob") as bob:
        for claim_id in review_queue[:3]:
            bob.second_check_verdict(claim_id, "refuted")
    result = runner.invoke(cli, ["--db", str(review_db), "stats"])
    assert result.exit_code == 0
    assert "second reviewers agreed on 2 of 3 (67%)" in result.output
