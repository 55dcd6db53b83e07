"""Check-worthiness: precision, recall and F1 of the positive class on sentences never trained on.

    python -m bench.bench_checkworthiness

Data (CLAIMCHECK_DATA, default ../shared/data): ClaimBuster dev.csv, the 2016 debates, with
positive = CFS (check-worthy factual) and, as a second task, "factual" = CFS+UFS against NFS;
CLEF CheckThat! 2024 English dev.tsv, positive = class_label Yes. Scorers in the same run: our
model at the threshold shipped with it and at the extractor's cut-off (MIN_SCORE); the old
hand-weighted rule score (kept below, verbatim, as the baseline); "the sentence contains a
digit". Every threshold is chosen on ClaimBuster train.csv (ours: on debates held out of train,
by the training script), never on dev.

Recall on statements that fact-checkers chose to check: LIAR's PolitiFact statements and the
CheckThat! 2021 2B verified claims, share kept as claims at MIN_SCORE, on the tuning part (whose
statements the model is trained on) and on the untouched part (never trained or looked at), split
as in bench/factchecked.py; LIAR's "clean" rows are those not also among the verified claims.
Then the speed of each scorer, median of 5 runs, in microseconds per sentence. The last line is
the key figures as one line of JSON.
"""

from __future__ import annotations

import csv
import json
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bench import REPO, data_dir, median_time
from bench.factchecked import Statement, read_liar, read_vclaims
from claimcheck.extract.checkworthiness import (
    COMPARISON,
    Signals,
    score,
    shipped_model,
)
from claimcheck.extract.claims import MIN_SCORE, extract_claims
from claimcheck.extract.dates import find_dates
from claimcheck.extract.quantities import find_quantities

SEED = REPO / "claimcheck" / "seeds" / "000_000a7fc3f8c0d5df.txt"  # the demo seed


def signals_of(sentence: str) -> Signals:
    """What the extractor finds in a sentence without its article: figures and dates."""
    return Signals(quantities=len(find_quantities(sentence)), dates=len(find_dates(sentence)))


@dataclass(frozen=True)
class Sentence:
    text: str
    signals: Signals
    labels: dict[str, bool]


def read_claimbuster(name: str) -> list[Sentence]:
    with (data_dir() / "claimbuster" / name).open(encoding="utf-8", newline="") as handle:
        return [
            Sentence(
                row["Text"],
                signals_of(row["Text"]),
                {"CFS": row["Verdict"] == "1", "factual": row["Verdict"] != "-1"},
            )
            for row in csv.DictReader(handle)
        ]


def read_checkthat() -> list[Sentence]:
    path = data_dir() / "checkthat2024" / "dev.tsv"
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        return [
            Sentence(row["Text"], signals_of(row["Text"]), {"Yes": row["class_label"] == "Yes"})
            for row in rows
        ]


_OLD_OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|we must|we need|should|must|ought|would like|hope|"
    r"wonderful|terrible|great|amazing|good|bad|thank you|thanks|please|let me|I want)\b",
    re.IGNORECASE,
)
_OLD_PROPER_NOUN = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


def old_rule_score(sentence: str, signals: Signals) -> float:
    """The hand-weighted score claimcheck used before the model (reasons dropped)."""
    total = -1.2
    if signals.quantities:
        total += 2.2
    if signals.attributed:
        total += 0.9
    if signals.quoted:
        total += 0.4
    if COMPARISON.search(sentence):
        total += 0.7
    if signals.dates:
        total += 0.6
    total += min(len(_OLD_PROPER_NOUN.findall(sentence)), 4) * 0.25
    if _OLD_OPINION.search(sentence):
        total -= 1.0
    if sentence.rstrip(" '\"’”").endswith("?"):
        total -= 1.6
    if len(sentence.split()) < 6:
        total -= 1.5
    return 1 / (1 + math.exp(-total))


def ours(sentence: Sentence) -> float:
    return score(sentence.text, sentence.signals)[0]


def old(sentence: Sentence) -> float:
    return old_rule_score(sentence.text, sentence.signals)


_DIGIT = re.compile(r"\d")


def digit(sentence: Sentence) -> float:
    return 1.0 if _DIGIT.search(sentence.text) else 0.0


def figures(scored: Sequence[tuple[float, bool]], threshold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 of the positive class at `threshold`."""
    chosen = [label for value, label in scored if value >= threshold]
    hits = sum(chosen)
    positives = sum(label for _, label in scored)
    precision = hits / len(chosen) if chosen else 0.0
    recall = hits / positives if positives else 0.0
    f1 = 2 * precision * recall / (precision + recall) if hits else 0.0
    return precision, recall, f1


def best_threshold(scored: Sequence[tuple[float, bool]]) -> float:
    return max((step / 100 for step in range(5, 96)), key=lambda t: figures(scored, t)[2])


def main() -> None:
    key = classification()
    key |= recall_of_factchecked()
    key |= speed()
    print(json.dumps(key))


def classification() -> dict[str, float]:
    """P/R/F1 on ClaimBuster dev and CheckThat! 2024 dev; the key F1s for the JSON line."""
    train = read_claimbuster("train.csv")
    dev = read_claimbuster("dev.csv")
    checkthat = read_checkthat()
    scorers: dict[str, Callable[[Sentence], float]] = {
        "claimcheck model": ours,
        "old rule score": old,
        "contains a digit": digit,
    }
    on_train = {name: [run(s) for s in train] for name, run in scorers.items()}
    tasks = [
        ("ClaimBuster dev: CFS", dev, "CFS"),
        ("ClaimBuster dev: factual", dev, "factual"),
        ("CheckThat! 2024 dev: Yes", checkthat, "Yes"),
    ]
    print(
        f"ClaimBuster train {len(train)} sentences (thresholds), dev {len(dev)}; "
        f"CheckThat! 2024 dev {len(checkthat)}"
    )
    print(f"{'task':26} {'scorer':18} {'thresh':>6} {'P':>6} {'R':>6} {'F1':>6}  F1 vs digit")
    key: dict[str, float] = {}
    for title, sentences, label in tasks:
        train_label = "factual" if label == "factual" else "CFS"
        rows = []
        for name, run in scorers.items():
            scored = [(run(s), s.labels[label]) for s in sentences]
            if name == "contains a digit":
                thresholds = [0.5]
            elif name == "claimcheck model" and train_label == "CFS":
                thresholds = [shipped_model().threshold, MIN_SCORE]
            else:
                values = zip(on_train[name], train, strict=True)
                labelled = [(value, s.labels[train_label]) for value, s in values]
                thresholds = [best_threshold(labelled)]
            rows += [(name, t, *figures(scored, t)) for t in thresholds]
        baseline = rows[-1][4]
        for name, threshold, precision, recall, f1 in rows:
            ratio = f"{f1 / baseline:.2f}x" if baseline else "-"
            print(
                f"{title:26} {name:18} {threshold:6.2f} {precision:6.3f} {recall:6.3f} "
                f"{f1:6.3f}  {ratio}"
            )
        task = {"CFS": "claimbuster_cfs", "factual": "claimbuster_factual", "Yes": "checkthat2024"}
        key[f"{task[label]}_f1"] = round(rows[0][4], 3)
        if train_label == "CFS":
            key[f"{task[label]}_f1_at_cutoff"] = round(rows[1][4], 3)
        key[f"{task[label]}_f1_digit"] = round(baseline, 3)
    return key


def recall_of_factchecked() -> dict[str, float]:
    """Share of fact-checked statements kept as claims at MIN_SCORE, by part, against the
    share that contains a digit."""
    data = data_dir()
    parts: dict[str, list[Statement]] = {}
    for name, statements in (("liar", read_liar(data)), ("checkthat2021", read_vclaims(data))):
        parts[f"{name}_tuning"] = [s for s in statements if not s.untouched]
        parts[f"{name}_untouched"] = [s for s in statements if s.untouched]
        if name == "liar":
            parts["liar_untouched_clean"] = [s for s in statements if s.untouched and s.clean]
    print(f"recall of fact-checked statements kept as claims (score >= MIN_SCORE {MIN_SCORE}):")
    print(f"  {'part':22} {'statements':>10} {'model':>6} {'old rules':>9} {'digit':>6}")
    key: dict[str, float] = {}
    for part, statements in parts.items():
        found = [(s.text, signals_of(s.text)) for s in statements]
        model = sum(score(text, signals)[0] >= MIN_SCORE for text, signals in found)
        rules = sum(old_rule_score(text, signals) >= MIN_SCORE for text, signals in found)
        digits = sum(bool(_DIGIT.search(text)) for text, _ in found)
        shares = [count / len(found) for count in (model, rules, digits)]
        print(f"  {part:22} {len(found):10} {shares[0]:6.3f} {shares[1]:9.3f} {shares[2]:6.3f}")
        key[f"recall_{part}"] = round(shares[0], 3)
        key[f"recall_{part}_digit"] = round(shares[2], 3)
    return key


def speed() -> dict[str, float]:
    """Microseconds per sentence of each scorer, and the scorer's share of extraction."""
    dev = read_claimbuster("dev.csv")
    scorers: dict[str, Callable[[Sentence], float]] = {
        "claimcheck model": ours,
        "old rule score": old,
        "contains a digit": digit,
    }
    sample = dev[:1000]
    size = sum(len(s.text.encode("utf-8")) for s in sample) / 1e6
    print(f"speed: {len(sample)} dev sentences ({size:.2f} MB), median of 5 runs, one core")
    digit_time = median_time(lambda: [digit(s) for s in sample])
    key: dict[str, float] = {}
    for name, run in scorers.items():
        seconds = median_time(lambda run=run: [run(s) for s in sample])
        print(
            f"  {name:18} {seconds / len(sample) * 1e6:7.1f} us/sentence  "
            f"{size / seconds:6.2f} MB/s  ({seconds / digit_time:.0f}x the digit test)"
        )
        if name == "claimcheck model":
            key["model_us_per_sentence"] = round(seconds / len(sample) * 1e6, 1)
    return key | share_of_extraction()


def share_of_extraction() -> dict[str, float]:
    """How much of the extractor's time on a news article goes to scoring its sentences."""
    text = SEED.read_text(encoding="utf-8")
    size = len(text.encode("utf-8")) / 1e6
    found = extract_claims(text, "2024-09-14", min_score=0)
    inputs = [
        (
            c.sentence,
            Signals(
                len(c.quantities), len(c.dates), c.attribution is not None, c.quote is not None
            ),
        )
        for c in found
    ]
    extracting = median_time(lambda: extract_claims(text, "2024-09-14"), repeat=9)
    scoring = median_time(lambda: [score(s, signals) for s, signals in inputs], repeat=9)
    rules = median_time(lambda: [old_rule_score(s, signals) for s, signals in inputs], repeat=9)
    print(f"seed article ({size * 1e3:.0f} kB, {len(inputs)} sentences), median of 9 runs:")
    print(f"  extract_claims, all stages    {size / extracting:6.2f} MB/s")
    print(
        f"  of which scoring (model)      {scoring / extracting:6.0%}   "
        f"({size / scoring:.2f} MB/s alone; the old rule score: {size / rules:.2f} MB/s)"
    )
    return {"scoring_share_of_extraction": round(scoring / extracting, 2)}


if __name__ == "__main__":
    main()
