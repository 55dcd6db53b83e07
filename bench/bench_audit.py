"""What the review queue holds on real news pages, against hand labels: checkable claims, speakers,
figures and dates.

    python -m bench.bench_audit [--errors tuning|tuning2|tuning3|tuning4]

The pages are English pages of `article_extraction` (which parts, below), read from their HTML
exactly as `claimcheck add` reads a page, every sentence scored (`extract_claims` with no
cut-off). The labels in bench/audit/ were written by reading the first 30 sentences of each page
(no text is copied: a sentence is known by a hash of it, a figure or date by its few words):

* every sentence: checkable or not (a verifiable statement of fact a fact-checker could check;
  opinion, advice, questions, promotions, captions and page furniture are not);
* what the extractor said of a claim it kept: each speaker, figure and date it gave, right or
  wrong, and a speaker missed where the sentence names who said it (an unnamed "officials said"
  is not counted as missed).

A sentence the extractor links as a repeat of an earlier one on its page is counted once, at
its first occurrence: the reviewer's verdict on it holds for its repeats.

Precision is also given with quotations counted as checkable: claimcheck keeps a quotation
given to a named speaker as a claim by design (did they say it?), whatever it says.

`tuning.jsonl` holds the 16 pages whose errors were read to find the first classes of error to fix.
Each later part was labelled before a round's fixes were measured, reported untouched once, then
read for the next round's classes: `tuning2.jsonl` 17 more pages of that third (round 2),
`tuning3.jsonl` 18 English pages of the reader's tuning part, which no work on the extractor had
read (round 3), `tuning4.jsonl` the next 18 such pages (round 4). `untouched.jsonl` holds the
English pages of the reader's tuning part left after those, labelled before the fourth round's
fixes were measured, read for the report alone. `polnear.jsonl` holds plain article text of
another kind, political news bodies with no page furniture: every fourth article of PolNeAR's
`dev` compartment in id order (12, read with the article's publication date), which
bench_attribution keeps untouched too; labelled before the fifth round's changes were measured,
read for the report alone.
An output the labels do not know (a speaker, figure or date that changed since they were
written) is counted as unlabelled, never as right. Baseline in the same run for the checkable
claims: "contains a digit".
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bench import REPO, data_dir
from claimcheck.extract.claims import MIN_SCORE, extract_claims
from claimcheck.ingest import read_bytes
from claimcheck.models import ExtractedClaim, Quantity

LABELS = REPO / "bench" / "audit"
PARTS = ("tuning", "tuning2", "tuning3", "tuning4", "untouched", "polnear")
UNTOUCHED = ("untouched", "polnear")
DIGIT = re.compile(r"\d")


def sentence_key(sentence: str) -> str:
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


def quantity_key(q: Quantity) -> str:
    high = f"..{q.high:g}" if q.high is not None else ""
    return f"{q.surface} = {q.value:g}{high} {q.unit}".strip()


def load_labels(part: str) -> dict[str, dict[str, dict]]:
    """{page id prefix: {sentence key: label}}."""
    path = LABELS / f"{part}.jsonl"
    pages: dict[str, dict[str, dict]] = {}
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            label = json.loads(line)
            pages.setdefault(label["page"], {})[label["sentence"]] = label
    return pages


def page_claims(row: dict, folder: Path) -> list[ExtractedClaim]:
    html = (folder / row["html"]).read_bytes()
    article = read_bytes(html, name=row["url"], suffix=".html", url=row["url"])
    return extract_claims(article.text, article.published, min_score=0.0)


def documents(part: str, labels: dict[str, dict]) -> Iterator[tuple[str, list[ExtractedClaim]]]:
    """(page key, every sentence scored) of each labelled page of `part`."""
    if part == "polnear":
        for article in polnear_articles():
            if article["id"] in labels:
                text, published = article["text"], article["publication_date"]
                yield article["id"], extract_claims(text, published, min_score=0.0)
        return
    folder = data_dir() / "article_extraction"
    for line in (folder / "dev.jsonl").read_text("utf-8").splitlines():
        row = json.loads(line)
        if row["id"][:16] in labels:
            yield row["id"][:16], page_claims(row, folder)


def polnear_articles() -> list[dict]:
    """Every fourth article of PolNeAR's dev compartment in id order, 12 of them."""
    path = data_dir() / "polnear" / "dev.jsonl"
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line]
    dev = sorted((row for row in rows if row["compartment"] == "dev"), key=lambda r: r["id"])
    return dev[::4][:12]


def judge(verdicts: dict[str, bool], key: str, tally: Counter, name: str) -> bool | None:
    if key not in verdicts:
        tally[f"{name}_unlabelled"] += 1
        return None
    tally[f"{name}_{'right' if verdicts[key] else 'wrong'}"] += 1
    return verdicts[key]


def audit(part: str, labels: dict[str, dict[str, dict]], errors: bool) -> dict:
    tally: Counter = Counter()
    for key, claims in documents(part, labels):
        page = labels[key]
        tally["pages"] += 1
        for claim in claims:
            label = page.get(sentence_key(claim.sentence))
            if label is None or claim.repeat_of is not None:
                continue  # unlabelled, or a repeat linked to its first occurrence: checked once
            tally["sentences"] += 1
            checkable, kept = label["checkable"], claim.score >= MIN_SCORE
            digit = bool(DIGIT.search(claim.sentence))
            tally["checkable"] += checkable
            tally["kept"] += kept
            tally["kept_checkable"] += kept and checkable
            tally["digit"] += digit
            tally["digit_checkable"] += digit and checkable
            if not kept:
                continue
            wrong = []
            speaker = claim.attribution.speaker if claim.attribution else None
            # a quotation given to a named speaker is checkable as "did they say it?"
            tally["kept_checkable_or_quoted"] += checkable or bool(claim.quote and speaker)
            if speaker is None and "-" in label.get("speaker", {}):
                tally["speaker_missed"] += 1
                wrong.append("speaker missed")
            elif speaker and judge(label.get("speaker", {}), speaker, tally, "speaker") is False:
                wrong.append(f"speaker {speaker!r}")
            for q in claim.quantities:
                if judge(label.get("quantities", {}), quantity_key(q), tally, "quantity") is False:
                    wrong.append(f"figure {quantity_key(q)!r}")
            for d in claim.dates:
                if d.granularity in ("duration", "reference", "set"):
                    continue
                if d.resolved is None:
                    tally["date_unresolved"] += 1
                    continue
                key = f"{d.surface} = {d.resolved}"
                if judge(label.get("dates", {}), key, tally, "date") is False:
                    wrong.append(f"date {key!r}")
            if errors and (wrong or not checkable):
                flag = "" if checkable else "NOT CHECKABLE "
                print(f"{key[:8]} {flag}{wrong} {claim.sentence[:120]}")
    return figures(tally)


def figures(t: Counter) -> dict:
    def share(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    return {
        "pages": t["pages"],
        "sentences": t["sentences"],
        "checkable": t["checkable"],
        "claimcheck": {
            "kept": t["kept"],
            "precision": share(t["kept_checkable"], t["kept"]),
            "precision_quotes_counted": share(t["kept_checkable_or_quoted"], t["kept"]),
            "recall": share(t["kept_checkable"], t["checkable"]),
        },
        "contains_a_digit": {
            "kept": t["digit"],
            "precision": share(t["digit_checkable"], t["digit"]),
            "recall": share(t["digit_checkable"], t["checkable"]),
        },
        "speakers": {
            "right": t["speaker_right"],
            "wrong": t["speaker_wrong"],
            "unlabelled": t["speaker_unlabelled"],
            "missed": t["speaker_missed"],
            "precision": share(t["speaker_right"], t["speaker_right"] + t["speaker_wrong"]),
        },
        "figures": {
            "right": t["quantity_right"],
            "wrong": t["quantity_wrong"],
            "unlabelled": t["quantity_unlabelled"],
            "precision": share(t["quantity_right"], t["quantity_right"] + t["quantity_wrong"]),
        },
        "dates": {
            "right": t["date_right"],
            "wrong": t["date_wrong"],
            "unresolved": t["date_unresolved"],
            "unlabelled": t["date_unlabelled"],
            "precision": share(t["date_right"], t["date_right"] + t["date_wrong"]),
        },
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--errors", choices=[p for p in PARTS if p not in UNTOUCHED], help="a tuning part's errors"
    )
    args = parser.parse_args(argv)
    result = {"bench": "audit"}
    for part in PARTS:
        labels = load_labels(part)
        if labels:
            result[part] = audit(part, labels, errors=args.errors == part)
            print(part, json.dumps(result[part]))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
