"""bench_dates scores the part of MEANTIME it is asked for, and only that part: the untouched
articles are never read while classes are built (`--part tuning`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench import bench_dates


def article(number: int, corpus: str) -> dict:
    text = "Sales rose\nMarch 5, 2009\nSales rose on Tuesday.\n"
    tuesday = text.index("Tuesday")
    return {
        "id": str(number),
        "corpus": corpus,
        "dct": "2009-03-05",
        "text": text,
        "timexes": [
            {"start": 11, "end": 24, "value": "2009-03-05", "function": "CREATION_TIME"},
            {"start": tuesday, "end": tuesday + 7, "value": "2009-03-03"},
        ],
    }


@pytest.fixture
def meantime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "meantime"
    folder.mkdir()
    rows = [article(number, "gm") for number in range(1, 7)]  # the 3rd and 6th are untouched
    (folder / "dev.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    monkeypatch.setenv("CLAIMCHECK_DATA", str(tmp_path))
    return folder


def test_part_tuning_scores_only_the_tuning_articles(
    meantime: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bench_dates.main(["--part", "tuning"])
    figures = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert set(figures) == {"bench", "tuning_claimcheck", "tuning_dateparser"}
    assert figures["tuning_claimcheck"]["strict"]["f1"] == 1.0


def test_both_parts_by_default(meantime: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench_dates.main([])
    figures = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert {"tuning_claimcheck", "untouched_claimcheck"} <= set(figures)
