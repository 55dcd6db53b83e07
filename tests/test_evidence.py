"""Evidence ranking: figures after normalisation, quotes exact and fuzzy, words by BM25, and the
stored evidence rows the review screen highlights."""

from __future__ import annotations

import json

import pytest

from claimcheck import archive
from claimcheck.demo import SEEDS as DEMO_SEEDS
from claimcheck.evidence import Passage, rank_claim, rank_passages, split_passages
from claimcheck.store import Store

SEEDS = DEMO_SEEDS / "sources"
POLAND = "Poland is spending 3.9 per cent of GDP on defence."


def notes(claim: str, passage: str, **options: str) -> list[str]:
    [ranked] = rank_passages(claim, [Passage(passage, 0, len(passage))], **options) or [None]
    return [m["note"] for m in ranked.matches if m["kind"] in ("number", "quote")]


@pytest.mark.parametrize(
    "passage",
    [
        "Poland spends 3.9% of GDP on its armed forces.",
        "Poland spends 3.90 percent of GDP on its armed forces.",
        "Poland spends 3.9 per cent of its GDP on the military.",
    ],
)
def test_the_same_figure_written_differently_matches(passage: str) -> None:
    assert notes(POLAND, passage) == ["same figure as the claim (3.9%)"]


def test_a_more_precise_figure_rounds_to_the_claim() -> None:
    assert notes(POLAND, "Poland's defence budget reached 3.92% of GDP.") == ["rounds to 3.9%"]


def test_a_different_figure_for_the_same_thing_is_a_mismatch() -> None:
    assert notes(POLAND, "Poland spent 4.12% of GDP on defence in 2024.") == [
        "mismatch: the source says 4.12%, the claim 3.9%"
    ]


def test_a_threshold_is_not_a_mismatch() -> None:
    assert notes(POLAND, "Allies agreed to spend at least 2% of GDP on defence.") == []


def test_number_words_and_hyphenated_counts_match() -> None:
    claim = "Vassily Nebenzia told the 15-member Security Council that Nato would be a party."
    passage = "The Security Council shall consist of fifteen Members of the United Nations."
    assert notes(claim, passage) == ["same figure as the claim (15 members)"]


def test_figures_in_unrelated_units_are_ignored() -> None:
    assert notes(POLAND, "Poland has 3.9 million soldiers and 12 ships.") == []


QUOTE = "It was a mistake to move away from spending 2.5 per cent of GDP."


def test_a_quote_found_word_for_word() -> None:
    passage = "Mr Lammy said: “It was a mistake to move away from spending 2.5 per cent of GDP.”"
    assert "exact quote" in notes("Lammy told the Telegraph.", passage, quote=QUOTE)


def test_a_misquote_is_matched_fuzzily_with_its_differences() -> None:
    passage = "Lammy: 'It was an error to move away from spending 2.5 per cent of GDP.'"
    [note] = notes("Lammy told the Telegraph.", passage, quote=QUOTE)
    assert note.startswith("quote ") and "% similar" in note
    assert "'a mistake' -> 'an error'" in note


def test_words_rank_the_relevant_passage_first() -> None:
    text = (
        "The weather in Warsaw was mild this week.\n"
        "Poland raised its defence budget again this year, officials said.\n"
        "Football results from the weekend follow."
    )
    ranked = rank_passages("Poland raised its defence budget", split_passages(text))
    assert ranked[0].passage.text.startswith("Poland raised")
    assert any(r.startswith("words: ") for r in ranked[0].reasons)


def test_match_offsets_point_into_the_passage() -> None:
    passage = "In 2023 Poland's spending was about 3.9% of GDP, the highest in Nato."
    [ranked] = rank_passages(POLAND, [Passage(passage, 100, 100 + len(passage))])
    assert ranked.matches
    for match in ranked.matches:
        assert passage[match["start"] : match["end"]] == match["text"]


def test_rank_claim_stores_evidence_rows_and_replaces_them(seeded_store: Store) -> None:
    [claim] = seeded_store.claims(search="Poland spending")
    archive.cite(seeded_store, claim.id, str(SEEDS / "nato-defence-expenditure-2024.html"))
    rows = rank_claim(seeded_store, claim.id)
    assert rows == seeded_store.evidence(claim.id)
    best = rows[0]
    assert best["rank"] == 1 and "about 3.9% of GDP" in best["passage"]
    snapshot_text = seeded_store.latest_snapshot(best["source_id"])["text"]
    assert snapshot_text[best["start"] : best["end"]] == best["passage"]
    reasons = json.loads(best["reasons"])
    assert "number: 'about 3.9%': same figure as the claim (3.9%)" in reasons
    mismatch = next(r for r in rows if "4.12%" in r["passage"])
    assert any("mismatch" in m["note"] for m in json.loads(mismatch["matches"]))
    seeded_store.db.execute("UPDATE evidence SET stance = 'supports' WHERE id = ?", [best["id"]])
    again = rank_claim(seeded_store, claim.id)
    assert len(again) == len(rows) and again[0]["stance"] == "supports"
    assert seeded_store.events(claim.id, limit=1)[0]["action"] == "rank_evidence"


def test_rank_claim_without_sources_stores_nothing(seeded_store: Store) -> None:
    [claim] = seeded_store.claims(search="Poland spending")
    assert rank_claim(seeded_store, claim.id) == []
