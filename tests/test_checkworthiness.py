"""The check-worthiness model: shipped as small JSON, scores in 0..1 with readable reasons, ordered
sensibly, better than the digit baseline on held-out debates, and reproducible by its script.

tests/fixtures/claimbuster_sample.csv is every ninth sentence of ClaimBuster's dev set (the 2016
debates, never trained on): Arslan, Hassan, Li and Tremayne, "A Benchmark Dataset of Check-worthy
Factual Claims", ICWSM 2020, Zenodo 10.5281/zenodo.3609356, CC BY 4.0.
"""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.factchecked import untouched
from claimcheck.extract.checkworthiness import (
    Signals,
    load_model,
    score,
    shipped_model,
    tokens,
)
from claimcheck.extract.claims import MIN_SCORE, extract_claims
from claimcheck.extract.dates import find_dates
from claimcheck.extract.quantities import find_quantities

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "claimcheck" / "data" / "checkworthiness.json"
SAMPLE = Path(__file__).parent / "fixtures" / "claimbuster_sample.csv"
TRAINER = REPO / "scripts" / "train_checkworthiness.py"

STATISTIC = "Unemployment fell to 4.9 percent last year, the lowest rate since 2008."
THANKS = "Thank you, Lester."


def signals_of(sentence: str) -> Signals:
    """What the extractor finds in a sentence without its article: figures and dates."""
    return Signals(quantities=len(find_quantities(sentence)), dates=len(find_dates(sentence)))


def scored(sentence: str, **signals: int | bool) -> tuple[float, list[str]]:
    return score(sentence, Signals(**signals) if signals else signals_of(sentence))


def sample_rows() -> list[dict[str, str]]:
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_shipped_model_is_small_plain_json():
    assert SHIPPED.stat().st_size < 2_500_000  # 2.0 MB: debate and fact-check vocabulary
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    assert len(data["weights"]) > 1000
    assert 0 < data["threshold"] < 1
    assert all(isinstance(w, float) for w in data["weights"].values())
    assert shipped_model().threshold == data["threshold"]


@pytest.mark.parametrize(
    "sentence",
    [
        STATISTIC,
        THANKS,
        "",
        "?",
        "We must act now!",
        "[red]alarm[/red] \x1b[31mred\x1b[0m \u202eevil",
        "word " * 500,
        "Дума приняла закон 12 голосами.",
    ],
)
def test_scores_are_probabilities_with_reasons(sentence: str):
    value, reasons = scored(sentence)
    assert 0 <= value <= 1
    assert reasons
    assert all(isinstance(reason, str) and reason for reason in reasons)


def test_a_statistic_outranks_thanks_and_opinion():
    statistic, _ = scored(STATISTIC)
    thanks, _ = scored(THANKS)
    opinion, _ = scored("I think we should all be very proud of this great country.")
    question, _ = scored("What are you going to do about it?")
    assert statistic > 0.7
    assert thanks < 0.1
    assert statistic > opinion > thanks or statistic > thanks > opinion
    assert question < shipped_model().threshold < statistic


def test_reasons_read_as_sentences_not_feature_names():
    _, statistic = scored(STATISTIC)
    _, thanks = scored(THANKS)
    assert statistic[0].startswith("states ") and statistic[0].endswith(" figure(s)")
    assert not any("'percent'" in reason for reason in statistic)  # part of the figure
    assert any("thank" in reason for reason in thanks)
    for reason in statistic + thanks:
        assert not reason.startswith(("w:", "b:", "c:")) and "<num>" not in reason


def test_reasons_quote_the_words_as_written_and_never_markup():
    _, reasons = scored("The deficit increased [bold]tremendously[/bold] \x1b[31m in 2012.")
    assert all("[" not in reason and "\x1b" not in reason for reason in reasons)
    _, stemmed = scored("Taxes were increased on families.")
    assert all("increas'" not in reason for reason in stemmed)


def test_the_month_may_is_a_date_not_a_modal_verb():
    _, month = scored("Nebenzia (pictured in May 2024) at the United Nations", quantities=0)
    _, verb = scored("Prices may rise at the United Nations canteen in the spring", quantities=0)
    assert "speaks of what could or should be" not in month
    assert "speaks of what could or should be" in verb


def test_ascii_and_other_sentences_are_read_alike():
    # ASCII sentences are read chunk by chunk, the rest by the patterns over the whole sentence
    sentence = "Mr O'Neill said U.S. exports rose 1,234.5 tonnes in 2019 - didn't they, In Ottawa?"
    words, stems, names = tokens(sentence)
    assert words[:3] == ["mr", "o'neill", "said"] and "<num>" in words and "<year>" in words
    assert names == 5  # capitals that open a word (Mr, O, U, S, In, Ottawa), less the first
    other = sentence.replace("'", "’") + " café"
    assert tokens(other) == ([*words, "caf"], [*stems, "caf"], names)


def test_per_cent_counts_towards_the_figures_not_as_a_word_of_its_own():
    _, reasons = scored("Poland spends 3.9 per cent of GDP on defence.", quantities=1)
    assert reasons[0] == "states 1 figure(s)"
    assert not any("'per" in reason or "'cent" in reason for reason in reasons)


def test_reasons_are_strongest_first(tmp_path: Path):
    weights = {"c:question": -3.0, "w:grow": 1.0, "c:names": 0.8}
    model_file = tmp_path / "model.json"
    model_file.write_text(
        json.dumps({"bias": 0.0, "weights": weights, "hand_set": {}, "threshold": 0.5})
    )
    model = load_model(model_file)
    _, reasons = score("Did Ohio and Texas grow by 3 percent?", Signals(), model)
    assert reasons[0] == "is a question"
    # two names count 0.8; 'grow' counts 1.0 scaled by 2/sqrt(18 words and pairs) = 0.47
    assert reasons[1:] == ["names people, places or organisations", "says 'grow'"]


def test_attribution_and_quotation_raise_the_score():
    sentence = "The minister said the plan was working."
    plain, _ = scored(sentence, quantities=0)
    quoted, reasons = scored(sentence, attributed=True, quoted=True)
    assert quoted > plain
    assert "attributed to a named source" in reasons


def test_extractor_keeps_figures_and_drops_pleasantries():
    text = f"{THANKS}\n{STATISTIC}\nWell, yes."
    claims = extract_claims(text)
    assert [claim.sentence for claim in claims] == [STATISTIC]
    assert claims[0].score >= max(MIN_SCORE, 0.7)


@pytest.mark.parametrize(
    "sentence",
    [
        "The vaccine causes autism.",
        "The Earth is flat.",
        "Climate change is a hoax invented by China.",
        "X is only the second Native American person to serve on any state supreme court",
    ],
)
def test_misinformation_without_a_figure_becomes_a_claim(sentence: str):
    """Issue 10: what fact-checkers check most often has no number in it."""
    assert [claim.sentence for claim in extract_claims(sentence)] == [sentence]


@pytest.mark.parametrize(
    "sentence", ["Less than four years ago.", "We're not elected for three years."]
)
def test_a_span_of_time_alone_is_not_a_claim(sentence: str):
    value, reasons = score(sentence, signals_of(sentence), explain_from=0)
    assert signals_of(sentence).quantities == 1  # the figure is found, and is not enough
    assert value < MIN_SCORE
    assert "only a span of time, no claim" in reasons
    assert extract_claims(sentence) == []


def test_a_span_of_time_in_a_third_person_claim_still_counts():
    claims = ("The senator served for 12 years.", "Unemployment has fallen for three years.")
    for sentence in claims:
        assert [claim.sentence for claim in extract_claims(sentence)] == [sentence]


def test_a_heading_is_not_a_claim_but_a_short_statement_is():
    """Fact-checked statements taught many new words; a page's labels must not ride on them."""
    text = "Pre-Workout Meal\n\nBuy Now\n\nStory Timeline\n\nThe Earth is flat."
    assert [claim.sentence for claim in extract_claims(text)] == ["The Earth is flat."]
    _, reasons = score("Buy Now", Signals(), explain_from=0)
    assert "a heading or label, not a sentence" in reasons


def test_shipped_model_beats_the_digit_baseline_on_held_out_debates():
    rows = sample_rows()
    threshold = shipped_model().threshold

    def f1(chosen: list[bool]) -> float:
        hits = sum(
            1 for pick, row in zip(chosen, rows, strict=True) if pick and row["Verdict"] == "1"
        )
        positives = sum(1 for row in rows if row["Verdict"] == "1")
        return 2 * hits / (sum(chosen) + positives)

    ours = f1([scored(row["Text"])[0] >= threshold for row in rows])
    digits = f1([any(ch.isdigit() for ch in row["Text"]) for row in rows])
    assert ours > 0.55
    assert ours > 1.5 * digits


def factchecked(folder: Path) -> Path:
    """A stand-in for LIAR and the CheckThat! 2021 verified claims (research use only, so never
    copied here): statements written for this test, in the two files' formats."""
    liar = [
        "The vaccine causes autism.",
        "The governor cut school funding by 20 percent.",
        "Crime doubled under the mayor.",
    ]
    vclaims = ["Wind turbines cause cancer.", "The senator voted against the bill 12 times."]
    (folder / "liar").mkdir(parents=True)
    (folder / "checkthat2021_2b").mkdir()
    (folder / "liar" / "dev.jsonl").write_text(
        "".join(
            json.dumps({"statement": text, "checkthat2021_vclaim_id": None}) + "\n" for text in liar
        ),
        encoding="utf-8",
    )
    (folder / "checkthat2021_2b" / "vclaims.jsonl").write_text(
        "".join(json.dumps({"vclaim": text}) + "\n" for text in vclaims), encoding="utf-8"
    )
    return folder


def train(data: Path, out: Path, checked: Path | None = None) -> subprocess.CompletedProcess[str]:
    folder = checked or factchecked(out.parent / f"{out.stem}-factchecked")
    return subprocess.run(
        [
            sys.executable,
            str(TRAINER),
            "--data",
            str(data),
            "--factchecked",
            str(folder),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_training_is_deterministic_and_writes_a_loadable_model(tmp_path: Path):
    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert train(SAMPLE, first).returncode == 0
    assert train(SAMPLE, second).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    made = json.loads(first.read_text(encoding="utf-8"))
    assert made["held_out"]["sentences"] > 50 and made["weights"]
    assert "3 PolitiFact statements" in made["trained_on"]  # the 2 untouched ones left out
    model = load_model(first)
    assert score(STATISTIC, signals_of(STATISTIC), model)[0] > score(THANKS, Signals(), model)[0]


def test_training_needs_the_factchecked_statements(tmp_path: Path):
    out = tmp_path / "model.json"
    result = train(SAMPLE, out, checked=tmp_path / "missing")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        f"error: {tmp_path / 'missing' / 'liar' / 'dev.jsonl'}: no such file (set CLAIMCHECK_DATA)"
    )
    assert not out.exists()


def test_the_untouched_part_depends_on_the_statement_alone():
    assert untouched("The Earth is flat.") == untouched('"the earth is FLAT"')
    statements = [f"Taxes rose by {n} percent in county {n}." for n in range(1000)]
    assert 150 < sum(map(untouched, statements)) < 250  # about one in five


def test_training_names_the_bad_line_and_writes_nothing(tmp_path: Path):
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "Text,File_id,Verdict\nTaxes rose 3 percent.,a.txt,1\nHello there.,a.txt,maybe\n",
        encoding="utf-8",
    )
    out = tmp_path / "model.json"
    result = train(bad, out)
    assert result.returncode != 0
    assert result.stderr.strip() == f"{bad}:3: need Text and a Verdict of -1, 0 or 1"
    assert not out.exists()
