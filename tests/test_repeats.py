"""Repeats: a sentence an article says twice, or that two articles share, is one claim to check;
its repeats point at it (canonical_id), take its verdict, and survive export -> import."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.cli import cli
from claimcheck.extract.claims import extract_claims
from claimcheck.ingest import read_path
from claimcheck.pipeline import add_article
from claimcheck.store import Store

SHARED = "The new vaccine causes autism in 40 per cent of children, the leaflet claims."
FIRST = f"""Health officials warned on Monday about a leaflet handed out in 12 schools.

{SHARED}

Doctors said there is no evidence for it. The Earth is flat.

Unemployment rose to 5.2 per cent in the region last year, the statistics office said.

The leaflet was printed by a group that raised 2 million pounds in 2023.

{SHARED.upper()}

The Earth is flat.
"""
SECOND = f"""A second newspaper looked at the same leaflet in 30 towns.

{SHARED}

The group said it would print 500,000 more copies before the election.
"""


def claimcheck(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real CLI, as a separate process."""
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def links(db: Path) -> list[tuple[str, str, str | None, str | None]]:
    """Each claim as (article title, sentence, status, the claim it repeats as title: sentence)."""
    with Store(db) as store:
        rows = store.db.execute(
            "SELECT a.title, c.sentence, c.status, ca.title || ': ' || k.sentence"
            " FROM claims c JOIN articles a ON a.id = c.article_id"
            " LEFT JOIN claims k ON k.id = c.canonical_id"
            " LEFT JOIN articles ca ON ca.id = k.article_id ORDER BY c.id"
        ).fetchall()
    return [tuple(row) for row in rows]


@pytest.fixture
def articles(tmp_path: Path) -> tuple[Path, Path]:
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(FIRST, encoding="utf-8")
    second.write_text(SECOND, encoding="utf-8")
    return first, second


def test_identical_sentences_of_an_article_are_linked_however_short_or_far_apart():
    filler = "\n\n".join(
        f"Council {name} spent {i} million pounds on {road} roads in {2000 + i}."
        for i, (name, road) in enumerate(
            (n, r)
            for n in ("Leeds", "York", "Hull", "Bath", "Ely", "Wells", "Derby", "Ripon")
            for r in ("rural", "urban", "coastal", "trunk", "minor", "private", "toll", "new")
        )
    )
    text = f"{SHARED}\n\nThe Earth is flat.\n\n{filler}\n\n{SHARED}\n\nThe Earth is flat!"
    claims = extract_claims(text, "2024-05-01")
    shared = [i for i, c in enumerate(claims) if c.sentence == SHARED]
    flat = [i for i, c in enumerate(claims) if c.sentence.startswith("The Earth is flat")]
    assert len(shared) == 2 and len(flat) == 2
    assert claims[shared[1]].repeat_of == shared[0] and claims[shared[0]].repeat_of is None
    assert claims[flat[1]].repeat_of == flat[0]


def test_a_sentence_of_an_earlier_article_is_linked_and_takes_its_verdict(store: Store, articles):
    first, second = articles
    add_article(store, read_path(first, title="First"))
    original = next(c for c in store.claims() if c.sentence == SHARED)
    store.set_verdict(original.id, "refuted", note="No such study", reviewer="ann")
    add_article(store, read_path(second, title="Second"))
    repeat = next(c for c in store.claims() if c.sentence == SHARED and c.article_id != 1)
    assert repeat.canonical_id == original.id
    assert (repeat.status, repeat.note, repeat.reviewer) == ("refuted", "No such study", "ann")
    # a later verdict on the original carries to both repeats, in either article
    store.set_verdict(original.id, "supported", reviewer="ann")
    assert {r.article_id for r in store.repeats(original.id)} == {1, 2}
    assert all(r.status == "supported" for r in store.repeats(original.id))


def test_short_or_differently_dated_sentences_of_other_articles_stay_apart(store, tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text("The Earth is flat.\n\nPrices rose 5 per cent last month in the city.\n")
    b.write_text("The Earth is flat.\n\nPrices rose 5 per cent last month in the city.\n\nOk.\n")
    add_article(store, read_path(a, published="2024-03-10"))
    add_article(store, read_path(b, published="2024-06-10"))
    assert all(c.canonical_id is None for c in store.claims())


def test_export_import_round_trip_keeps_repeats_with_the_real_cli(tmp_path: Path, articles):
    db, fresh = tmp_path / "claims.db", tmp_path / "fresh.db"
    first, second = articles
    for path, title in ((first, "First"), (second, "Second")):
        added = claimcheck(db, "add", str(path), "--title", title)
        assert added.returncode == 0, added.stderr
    before = links(db)
    repeated = [row for row in before if row[1].lower() == SHARED.lower()]
    assert [row[3] for row in repeated] == [None, f"First: {SHARED}", f"First: {SHARED}"]
    assert [row[3] for row in before if row[1] == "The Earth is flat."][1:] == [
        "First: The Earth is flat."
    ]
    exported = tmp_path / "claims.jsonl"
    assert claimcheck(db, "export", "--format", "jsonl", "-o", str(exported)).returncode == 0
    imported = claimcheck(fresh, "import", str(exported))
    assert imported.returncode == 0, imported.stderr
    assert "duplicate claim" not in imported.stderr + imported.stdout
    assert links(fresh) == before
    again = claimcheck(db, "import", "--update", str(exported))
    assert again.returncode == 0, again.stderr
    assert "unchanged, nothing to do" in again.stdout
    assert links(db) == before


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
@pytest.mark.parametrize("linked", [True, False], ids=["linked", "made-before-linking"])
def test_every_database_round_trips(runner, tmp_path: Path, articles, fmt: str, linked: bool):
    """Also a database made before identical sentences were linked: its repeated sentences are
    separate claims with the same text, told apart on import by their ids."""
    db, fresh = tmp_path / "claims.db", tmp_path / "fresh.db"
    with Store(db) as store:
        for path, title in zip(articles, ("First", "Second"), strict=True):
            add_article(store, read_path(path, title=title))
        if not linked:
            store.db.execute("UPDATE claims SET canonical_id = NULL")
            store.db.conn.commit()
        first = store.claims()[0]
        store.set_verdict(first.id, "flagged", note="ask the author", reviewer="bo")
    before = links(db)
    exported = tmp_path / f"claims.{fmt}"
    result = runner.invoke(cli, ["--db", str(db), "export", "--format", fmt, "-o", str(exported)])
    assert result.exit_code == 0, result.output
    for target, args in ((fresh, []), (fresh, ["--update"]), (db, ["--update"])):
        result = runner.invoke(cli, ["--db", str(target), "import", *args, str(exported)])
        assert result.exit_code == 0, result.output
        assert links(target) == before
    second = tmp_path / f"again.{fmt}"
    runner.invoke(cli, ["--db", str(fresh), "export", "--format", fmt, "-o", str(second)])
    assert second.read_text() == exported.read_text()
    if fmt == "jsonl":
        ids = [json.loads(line)["id"] for line in exported.read_text().splitlines()]
        assert len(ids) == len(set(ids)) == len(before)
