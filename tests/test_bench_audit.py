"""bench_audit scores the plain-text part `polnear` (every fourth PolNeAR dev article, in id
order) against labels keyed by sentence hash, and counts a figure it gives as right, wrong or
unlabelled exactly as the labels say."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import bench_audit

CLAIM = "The council approved 40 new homes on Tuesday, the mayor said."
OPINION = "It was a wonderful evening for everyone in the town."


def article(name: str, compartment: str = "dev") -> dict:
    return {
        "id": name,
        "compartment": compartment,
        "publication_date": "2016-09-14",
        "text": f"{CLAIM}\n\n{OPINION}\n",
    }


@pytest.fixture
def polnear(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "polnear"
    folder.mkdir()
    # dev articles a..e in id order: a and e are every fourth; the train one is never read
    names = ["c", "a", "e", "b", "d"]
    rows = [article(name) for name in names] + [article("aa", compartment="train")]
    (folder / "dev.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    monkeypatch.setenv("CLAIMCHECK_DATA", str(tmp_path))
    return folder


def test_polnear_part_is_every_fourth_dev_article_in_id_order(polnear: Path) -> None:
    assert [a["id"] for a in bench_audit.polnear_articles()] == ["a", "e"]


def test_polnear_part_is_scored_against_its_labels(polnear: Path) -> None:
    claim, opinion = bench_audit.sentence_key(CLAIM), bench_audit.sentence_key(OPINION)
    labels = {
        "a": {
            claim: {"checkable": True, "quantities": {"40 = 40 homes": False}},
            opinion: {"checkable": False},
        },
        "b": {claim: {"checkable": True}},  # not in the part: never read
    }
    result = bench_audit.audit("polnear", labels, errors=False)
    assert result["pages"] == 1
    assert result["sentences"] == 2
    assert result["checkable"] == 1
    assert result["figures"] == {"right": 0, "wrong": 1, "unlabelled": 0, "precision": 0.0}
    assert result["claimcheck"]["recall"] == 1.0
