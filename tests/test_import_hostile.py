"""Hostile import files through the real CLI: alias bombs, oversized records and fields, and
manifest paths that reach outside the manifest's folder. Each is refused with one line naming the
file and line, exit 1, and the database exactly as it was."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimcheck import import_formats
from claimcheck.cli import cli
from claimcheck.importer import import_file
from claimcheck.store import Store

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "The UK spent 2.3 per cent of GDP on defence in 2023, the Ministry of Defence said.\n"
LAUGHS = "\n".join(
    ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    + [f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]" for i in range(8)]
    + ["articles:", "  - text: *i"]
)


def dump(path: Path) -> str:
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


@pytest.fixture
def seeded_db(db_path: Path, tmp_path: Path) -> Path:
    """A database holding one imported claim, to show a refused file leaves it as it was."""
    seed = tmp_path / "seed.jsonl"
    seed.write_text(json.dumps({"article_url": "https://example.org/a", "text": "A claim."}))
    with Store(db_path) as store:
        assert not import_file(store, seed).failed
    return db_path


def run_cli(db_path: Path, *args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db_path), *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


def assert_refused(result: subprocess.CompletedProcess, *expected: str) -> None:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1, result.stderr
    for text in expected:
        assert text in errors[0], result.stderr


def test_billion_laughs_manifest_is_refused_at_once(seeded_db: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "laughs.yaml"
    manifest.write_text(LAUGHS)
    assert len(LAUGHS) < 700  # 9**9 = 387 million strings once expanded
    before = dump(seeded_db)
    started = time.perf_counter()
    result = run_cli(seeded_db, "import", str(manifest))
    elapsed = time.perf_counter() - started
    assert_refused(result, "laughs.yaml:1:", "aliases are not allowed")
    assert elapsed < 10, elapsed  # a whole interpreter start; the check itself takes microseconds
    assert dump(seeded_db) == before


def test_alias_refusal_is_immediate_and_reuse_of_any_node_counts() -> None:
    started = time.perf_counter()
    with pytest.raises(import_formats.RecordError, match="aliases are not allowed"):
        import_formats.load_manifest(Path("laughs.yaml"), LAUGHS)
    assert time.perf_counter() - started < 0.1
    scalar = "articles:\n  - text: &t some text\n    title: *t\n"
    with pytest.raises(import_formats.RecordError, match=r"laughs.yaml:2:11: YAML anchors"):
        import_formats.load_manifest(Path("laughs.yaml"), scalar)


def test_a_recursive_alias_is_refused_not_looped_over() -> None:
    with pytest.raises(import_formats.RecordError, match="aliases are not allowed"):
        import_formats.load_manifest(Path("m.yaml"), "articles: &a\n  - *a\n")


def test_oversized_jsonl_record_is_refused_with_its_line(seeded_db: Path, tmp_path: Path) -> None:
    claims = tmp_path / "big.jsonl"
    good = json.dumps({"article_url": "https://example.org/b", "text": "Fine."})
    huge = json.dumps({"article_url": "https://example.org/b", "text": "x" * (3 << 20)})
    claims.write_text(f"{good}\n{huge}\n{good.replace('Fine', 'Also fine')}\n")
    before = dump(seeded_db)
    result = run_cli(seeded_db, "import", str(claims))
    assert_refused(result, "big.jsonl:2:1: record longer than 1 MiB")
    assert "failed, nothing imported" in result.stdout
    assert dump(seeded_db) == before


def test_oversized_field_is_refused_with_its_line_and_name(seeded_db: Path, tmp_path: Path) -> None:
    claims = tmp_path / "field.jsonl"
    record = {"article_url": "https://example.org/b", "text": "Fine.", "note": "n" * 150_000}
    claims.write_text(json.dumps(record) + "\n")
    before = dump(seeded_db)
    assert_refused(
        run_cli(seeded_db, "import", str(claims)),
        "field.jsonl:1:",
        "field 'note': 150,000 characters; the limit is 100,000",
    )
    assert dump(seeded_db) == before


def test_oversized_csv_cell_is_refused(seeded_db: Path, tmp_path: Path) -> None:
    claims = tmp_path / "big.csv"
    long_cell = "y" * 200_000
    claims.write_text(f"article_url,text\nhttps://example.org/c,Fine.\nhttps://x.org,{long_cell}\n")
    before = dump(seeded_db)
    assert_refused(
        run_cli(seeded_db, "import", str(claims)), "big.csv:3:1: a cell is longer than 100,000"
    )
    assert dump(seeded_db) == before


def test_oversized_manifest_values(seeded_db: Path, tmp_path: Path) -> None:
    manifest = tmp_path / "m.yaml"
    manifest.write_text(f"articles:\n  - text: {ARTICLE.strip()}\n    title: {'t' * 100_001}\n")
    assert_refused(
        run_cli(seeded_db, "import", str(manifest)),
        "m.yaml:3:12: field 'title' is 100,001 characters long; the limit is 100,000",
    )
    text = "word " * 2_000_001
    manifest.write_text(f"articles:\n  - text: {text}\n")
    assert_refused(run_cli(seeded_db, "import", str(manifest)), "m.yaml:2:11: field 'text'")


def test_a_manifest_over_64_mib_is_refused_before_it_is_read(tmp_path: Path) -> None:
    manifest = tmp_path / "huge.yaml"
    with manifest.open("wb") as handle:
        handle.truncate(65 << 20)  # sparse: costs no disk or time
    with pytest.raises(import_formats.RecordError, match=r"huge.yaml: too large \(65 MiB"):
        import_formats.load_manifest(manifest)


# ---- paths out of the manifest's folder -------------------------------------------------------


@pytest.fixture
def desk(tmp_path: Path) -> Path:
    """A manifest folder, with a secret beside it (outside) and an article inside."""
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "article.txt").write_text(ARTICLE)
    (tmp_path / "secret.txt").write_text("The secret budget is 4.2 billion pounds, she said.\n")
    return folder


@pytest.mark.parametrize(
    ("entry", "field"),
    [
        ("  - path: ../secret.txt\n", "path"),
        ("  - path: /etc/hostname\n", "path"),
        ("  - path: article.txt\n    sources:\n      - path: ../secret.txt\n", "path"),
        (
            "  - path: article.txt\n    sources:\n      - url: https://example.org/s\n"
            "        snapshot: ../secret.txt\n",
            "snapshot",
        ),
        ("  - path: link.txt\n", "path"),
    ],
)
def test_manifest_paths_outside_its_folder_are_refused(
    desk: Path, db_path: Path, entry: str, field: str
) -> None:
    (desk / "link.txt").symlink_to(desk.parent / "secret.txt")
    manifest = desk / "manifest.yaml"
    manifest.write_text("articles:\n" + entry)
    with Store(db_path):
        pass
    before = dump(db_path)
    result = run_cli(db_path, "import", str(manifest))
    assert_refused(result, "manifest.yaml:", f"field '{field}'", "outside the manifest's folder")
    assert dump(db_path) == before
    assert "secret" not in dump(db_path)


def test_allow_root_lets_a_named_folder_in(desk: Path, db_path: Path, runner) -> None:
    shared = desk.parent / "shared"
    shared.mkdir()
    (shared / "other.txt").write_text("Inflation fell to 3.9 per cent in May, the ONS said.\n")
    manifest = desk / "manifest.yaml"
    manifest.write_text("articles:\n  - path: ../shared/other.txt\n  - path: article.txt\n")
    refused = runner.invoke(cli, ["--db", str(db_path), "import", str(manifest)])
    assert refused.exit_code == 1
    allowed = runner.invoke(
        cli, ["--db", str(db_path), "import", "--allow-root", str(shared), str(manifest)]
    )
    assert allowed.exit_code == 0, allowed.output
    with Store(db_path) as store:
        assert store.db.execute("SELECT count(*) FROM articles").fetchone()[0] == 2
    # the allowed root does not open its parent
    manifest.write_text("articles:\n  - path: ../secret.txt\n")
    again = runner.invoke(
        cli, ["--db", str(db_path), "import", "--allow-root", str(shared), str(manifest)]
    )
    assert again.exit_code == 1
    assert "outside the manifest's folder" in again.output
