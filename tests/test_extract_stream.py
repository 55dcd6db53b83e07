"""`claimcheck extract` and the Dask recipe (issue 15): extraction without a database, whose
claims, once imported, are those `claimcheck add` finds in the same articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimcheck.dask_extract import cluster_client, extract_archive
from claimcheck.store import Store
from tests.conftest import SEED_ARTICLE, SEED_PUBLISHED

ARTICLES = 9
PARAGRAPHS = 7


def articles() -> list[dict[str, str]]:
    """The seed article cut into ARTICLES stories of PARAGRAPHS paragraphs."""
    paragraphs = [p for p in SEED_ARTICLE.read_text(encoding="utf-8").split("\n") if p.strip()]
    return [
        {
            "url": f"https://news.example.org/{n}",
            "title": f"Story {n}",
            "text": "\n\n".join(paragraphs[n * PARAGRAPHS : (n + 1) * PARAGRAPHS]),
            "published": SEED_PUBLISHED,
        }
        for n in range(ARTICLES)
    ]


def claimcheck(db: Path, *args: str, stdout: Any = subprocess.PIPE) -> str:
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), *args],
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.fixture(scope="module")
def added(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Any, ...]]:
    """The claims of `claimcheck add` of the articles, each as a text file."""
    folder = tmp_path_factory.mktemp("added")
    files = []
    for n, article in enumerate(articles()):
        files.append(folder / f"story-{n}.txt")
        files[-1].write_text(article["text"], encoding="utf-8")
    db = folder / "added.db"
    claimcheck(db, "add", *map(str, files), "--published", SEED_PUBLISHED)
    return facts(db)


def facts(db: Path) -> list[tuple[Any, ...]]:
    """Every claim as what extraction decides: sentence, text, kind, quantities, speaker, dates,
    score, whether it repeats another; sorted, since ids and order may differ."""
    with Store(db) as store:
        rows = store.db.execute(
            "SELECT id, sentence, text, kind, speaker, dates, checkworthiness,"
            " canonical_id IS NOT NULL FROM claims"
        ).fetchall()
        found = []
        for claim_id, sentence, text, kind, speaker, dates, score, repeat in rows:
            quantities = store.db.execute(
                "SELECT surface, value, high, unit, qualifier, [of] FROM quantities"
                " WHERE claim_id = ? ORDER BY start, id",
                [claim_id],
            ).fetchall()
            when = [
                (d["surface"], d["resolved"], d["granularity"]) for d in json.loads(dates or "[]")
            ]
            found.append(
                (sentence, text, kind, tuple(quantities), speaker, tuple(when), score, repeat)
            )
    return sorted(found, key=repr)


def test_extract_then_import_gives_the_claims_add_gives(added, tmp_path):
    archive = tmp_path / "archive.jsonl"
    archive.write_text("".join(json.dumps(a) + "\n" for a in articles()), encoding="utf-8")
    claims = tmp_path / "claims.jsonl"
    with claims.open("w") as out:
        claimcheck(tmp_path / "unused.db", "extract", str(archive), stdout=out)
    assert not (tmp_path / "unused.db").exists()  # extraction opens no database
    claimcheck(tmp_path / "imported.db", "import", str(claims))
    imported = facts(tmp_path / "imported.db")
    assert len(imported) > 40 and any(f[5] for f in imported) and any(f[3] for f in imported)
    assert imported == added


def test_a_bad_record_is_one_line_and_the_rest_still_come_out(tmp_path):
    good = json.dumps(articles()[0])
    archive = "\n".join([good, "{not json", '{"url": "https://x.org/1"}', '{"text": "x"}'])
    done = subprocess.run(
        [sys.executable, "-m", "claimcheck", "extract", "-"],
        input=archive,
        capture_output=True,
        text=True,
    )
    assert done.returncode == 1
    errors = [line for line in done.stderr.splitlines() if line.startswith("error:")]
    assert errors == [
        "error: <stdin>:2: not JSON (Expecting property name enclosed in double quotes"
        " at column 2)",
        "error: <stdin>:3: no 'text'",
        "error: <stdin>:4: no 'url' (the import finds the article by it)",
    ]
    assert "Traceback" not in done.stderr
    ids = [json.loads(line)["id"] for line in done.stdout.splitlines()]
    assert ids == list(range(1, len(ids) + 1)) and ids


def test_dask_on_a_local_cluster_of_two_processes_gives_the_claims_add_gives(added, tmp_path):
    stories = articles()
    archive = []
    for part in range(3):  # three archive files: three partitions of the bag
        archive.append(tmp_path / f"archive-{part}.jsonl")
        lines = [json.dumps(a) for a in stories[part::3]]
        archive[-1].write_text("\n".join(lines) + "\n", encoding="utf-8")
    with cluster_client(workers=2) as client:
        assert len(client.scheduler_info()["workers"]) == 2
        assert all(w.startswith("tcp://127.0.0.1:") for w in client.scheduler_info()["workers"])
        run = extract_archive(archive, tmp_path / "claims", client)
    assert run.errors == [] and run.articles == ARTICLES and len(run.files) == 3
    claimcheck(tmp_path / "imported.db", "import", *map(str, run.files))
    assert facts(tmp_path / "imported.db") == added
