"""Listings and exports stream: on a large generated database the CLI's own peak memory stays
within a few MB of the same command on a tiny one, and the output is complete (issue 15)."""

from __future__ import annotations

import csv
import json
import subprocess
from pathlib import Path

import pytest

from bench.peak import measured_command, read_peak_mb
from tests.bulk_db import build

LARGE = 20_000  # holding this many claims costs 40+ MB; a stream costs nothing
TINY = 100
REPEATS = LARGE // 20  # one claim in twenty repeats the one before (tests.bulk_db)
FLAT_MB = 12
BASELINES: dict[str, float] = {}  # the tiny database's peak, by command


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    folder = tmp_path_factory.mktemp("streaming")
    made = {}
    for count in (TINY, LARGE):
        made[count] = folder / f"claims-{count}.db"
        build(made[count], count, search=True)
    return made


def run_cli(db: Path, args: list[str], out: Path) -> float:
    """Run the real CLI on `db` with stdout to `out`; its own peak memory in MB."""
    report = out.with_suffix(".peak")
    with out.open("w") as handle:
        done = subprocess.run(
            measured_command(report, ["-m", "claimcheck", "--db", str(db), *args]),
            stdout=handle,
            stderr=subprocess.PIPE,
            text=True,
        )
    assert done.returncode == 0, done.stderr
    return read_peak_mb(report)


def assert_flat(databases: dict[int, Path], args: list[str], tmp_path: Path) -> Path:
    """Run `args` on the large database: its peak is within FLAT_MB of the same command's on the
    tiny one (measured once per command, whose imports are the same whatever the options)."""
    if args[0] not in BASELINES:
        BASELINES[args[0]] = run_cli(databases[TINY], args, tmp_path / "tiny.out")
    small = BASELINES[args[0]]
    large = run_cli(databases[LARGE], args, tmp_path / "large.out")
    assert large - small < FLAT_MB, f"{args}: {small:.0f} MB at {TINY}, {large:.0f} MB at {LARGE}"
    return tmp_path / "large.out"


def test_claims_json_is_one_complete_array_in_flat_memory(databases, tmp_path):
    out = assert_flat(databases, ["claims", "--json", "--repeats", "--sort", "score"], tmp_path)
    claims = json.loads(out.read_text())
    assert len(claims) == LARGE
    assert claims[0]["checkworthiness"] == 0.99 and claims[-1]["checkworthiness"] == 0
    assert all(claim["quantities"][0]["unit"] == "percent" for claim in claims)


def test_claims_search_streams_json_lines(databases, tmp_path):
    out = assert_flat(databases, ["claims", "--search", "item", "--nl"], tmp_path)
    with out.open() as lines:
        ids = [json.loads(line)["id"] for line in lines]
    assert len(ids) == LARGE - REPEATS and len(set(ids)) == len(ids)


def test_claims_table_lists_every_claim(databases, tmp_path):
    out = assert_flat(databases, ["claims"], tmp_path)
    with out.open() as lines:
        assert sum(1 for _ in lines) == 1 + LARGE - REPEATS


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "json", "markdown", "claimreview"])
def test_every_export_format_streams(databases, tmp_path, fmt):
    args = ["export", "--format", fmt, "--org-name", "Example Checks", "--status", "supported"]
    out = assert_flat(databases, args, tmp_path)
    supported = len(range(0, LARGE, 3))
    distinct = len([n for n in range(0, LARGE, 3) if n % 20 != 19])
    if fmt == "csv":
        with out.open(newline="") as handle:
            assert sum(1 for _ in csv.reader(handle)) == 1 + supported
    elif fmt == "jsonl":
        with out.open() as lines:
            assert sum(1 for _ in lines) == supported
    elif fmt == "json":
        assert len(json.loads(out.read_text())) == supported
    elif fmt == "claimreview":
        assert len(json.loads(out.read_text())) == distinct
    else:
        with out.open() as lines:
            assert sum(line.startswith("## ") for line in lines) == distinct
