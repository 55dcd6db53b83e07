"""Date resolution on news: claimcheck's StoryDates against dateparser, on MEANTIME.

    python -m bench.bench_dates [--part {tuning,untouched,both}] [--errors tuning]

MEANTIME (English, Minard et al. 2016, CC BY 4.0; read from CLAIMCHECK_DATA, never copied into
the repo) is 120 Wikinews articles with the publication date and gold TIMEX3 values; the 72 in
`meantime/dev.jsonl` are what we have. Scored as TempEval-3 task A scores values:

* the dateline (the CREATION_TIME timex) is not scored, and predictions overlapping it are dropped;
* MEANTIME annotates only the start of each article (no gold timex lies beyond its sixth line:
  headline, dateline and four sentences), so only predictions within those lines are scored; the
  systems still read the whole article;
* a prediction matches a gold timex when their spans overlap (relaxed) or are equal (strict), one
  to one; value F1 is the F1 of matches whose normalised value is also equal (so a found but
  misresolved date counts against precision and recall alike).

Split, fixed before any error was read: within each sub-corpus (airbus, apple, gm, stock), the
articles in id order; every third (the 3rd, 6th, ...) is untouched, the rest is tuning. Only the
tuning part's errors are ever printed (--errors tuning).

Both systems read each article sentence by sentence (claimcheck's own splitter) with the
publication date as the anchor. dateparser (search_dates, then get_date_data on each hit for its
period: day, week, month, year or time) is the baseline, in the same run.
"""

from __future__ import annotations

import argparse
import json
import time
import warnings
from collections import defaultdict
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

from bench import data_dir
from claimcheck.extract.dates import StoryDates
from claimcheck.extract.segment import sentences

Timex = tuple[int, int, str]  # start, end, value


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def split(docs: list[dict]) -> tuple[list[dict], list[dict]]:
    """(tuning, untouched): every third article of each sub-corpus, in id order, is untouched."""
    by_corpus: dict[str, list[dict]] = defaultdict(list)
    for doc in sorted(docs, key=lambda d: int(d["id"])):
        by_corpus[doc["corpus"]].append(doc)
    tuning, untouched = [], []
    for corpus in sorted(by_corpus):
        for index, doc in enumerate(by_corpus[corpus]):
            (untouched if index % 3 == 2 else tuning).append(doc)
    return tuning, untouched


ANNOTATED_LINES = 6


def gold(doc: dict) -> tuple[list[Timex], list[tuple[int, int]]]:
    """The scored gold timexes, and the spans where predictions are not scored (the dateline and
    everything after the annotated lines)."""
    text = doc["text"]
    end = 0
    for _ in range(ANNOTATED_LINES):
        end = text.find("\n", end) + 1 or len(text)
    scored, unscored = [], [(end, len(text) + 1)]
    for t in doc["timexes"]:
        if t.get("function") == "CREATION_TIME":
            unscored.append((t["start"], t["end"]))
        else:
            scored.append((t["start"], t["end"], t["value"]))
    return scored, unscored


def claimcheck_dates(text: str, published: date | None) -> list[Timex]:
    story = StoryDates(published)
    found = []
    for span in sentences(text):
        for d in story.find(text[span.start : span.end], offset=span.start):
            found.append((d.start, d.end, d.resolved or ""))
    return found


def dateparser_dates(text: str, published: date | None) -> list[Timex]:
    from dateparser.date import DateDataParser
    from dateparser.search import search_dates

    base = datetime.combine(published, datetime.min.time()) if published else datetime.now()
    settings = {"RELATIVE_BASE": base}
    parser = DateDataParser(languages=["en"], settings=settings)
    found = []
    for span in sentences(text):
        sentence = text[span.start : span.end]
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            hits = search_dates(sentence, languages=["en"], settings=settings) or []
        at = 0
        for words, _ in hits:
            start = sentence.find(words, at)
            if start < 0:
                continue
            at = start + len(words)
            data = parser.get_date_data(words)
            found.append((span.start + start, span.start + at, _value(data)))
    return found


def _value(data) -> str:
    when, period = data.date_obj, data.period
    if when is None:
        return ""
    if period == "year":
        return f"{when.year:04d}"
    if period == "month":
        return f"{when.year:04d}-{when.month:02d}"
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year}-W{week:02d}"
    if period == "time":
        return when.strftime("%Y-%m-%dT%H:%M")
    return when.date().isoformat()


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def match(
    predicted: list[Timex], golds: list[Timex], strict: bool
) -> tuple[int, list[tuple[Timex, Timex | None]]]:
    """Value-correct matches, and each gold with the prediction it was paired with (or None)."""
    used: set[int] = set()
    pairs: list[tuple[Timex, Timex | None]] = []
    correct = 0
    for g in golds:
        best = None
        for i, p in enumerate(predicted):
            if i in used:
                continue
            same = (p[0], p[1]) == (g[0], g[1]) if strict else _overlaps(p[:2], g[:2])
            if same and (best is None or p[2] == g[2]):
                best = i
                if p[2] == g[2]:
                    break
        if best is not None:
            used.add(best)
            correct += predicted[best][2] == g[2]
        pairs.append((g, predicted[best] if best is not None else None))
    return correct, pairs


def score(system: Callable[[str, date | None], list[Timex]], docs: list[dict]) -> dict:
    """Value F1, precision and recall (relaxed and strict span) and the time taken."""
    totals = {"relaxed": 0, "strict": 0, "predicted": 0, "gold": 0}
    start = time.perf_counter()
    for doc in docs:
        golds, dateline = gold(doc)
        published = date.fromisoformat(doc["dct"]) if doc["dct"] else None
        predicted = [
            p
            for p in system(doc["text"], published)
            if not any(_overlaps(p[:2], d) for d in dateline)
        ]
        totals["predicted"] += len(predicted)
        totals["gold"] += len(golds)
        for kind in ("relaxed", "strict"):
            totals[kind] += match(predicted, golds, kind == "strict")[0]
    seconds = time.perf_counter() - start
    result: dict = {"seconds": round(seconds, 2)}
    for kind in ("relaxed", "strict"):
        p = totals[kind] / totals["predicted"] if totals["predicted"] else 0.0
        r = totals[kind] / totals["gold"] if totals["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        result[kind] = {"f1": round(f, 3), "p": round(p, 3), "r": round(r, 3)}
    return result


def print_errors(docs: list[dict]) -> None:
    """Misses, wrong values and false positives of claimcheck (tuning part only)."""
    for doc in docs:
        golds, dateline = gold(doc)
        text = doc["text"]
        published = date.fromisoformat(doc["dct"]) if doc["dct"] else None
        predicted = [
            p
            for p in claimcheck_dates(text, published)
            if not any(_overlaps(p[:2], d) for d in dateline)
        ]
        _, pairs = match(predicted, golds, strict=False)
        paired = {p for _, p in pairs if p}
        for g, p in pairs:
            if p is None:
                print(f"{doc['id']} {doc['dct']} MISS  {text[g[0] : g[1]]!r} gold {g[2]}")
            elif p[2] != g[2]:
                print(
                    f"{doc['id']} {doc['dct']} WRONG {text[p[0] : p[1]]!r} -> {p[2]} "
                    f"gold {text[g[0] : g[1]]!r} {g[2]}"
                )
        for p in predicted:
            if p not in paired:
                print(f"{doc['id']} {doc['dct']} EXTRA {text[p[0] : p[1]]!r} -> {p[2]}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--errors", choices=["tuning"], help="print claimcheck's tuning errors")
    parser.add_argument(
        "--part",
        choices=["tuning", "untouched", "both"],
        default="both",
        help="which part of the split to score (default: both)",
    )
    args, _ = parser.parse_known_args(argv)  # `python -m bench dates` passes its own names
    path = data_dir() / "meantime" / "dev.jsonl"
    if not path.exists():
        print(f"bench_dates: no {path} (set CLAIMCHECK_DATA); skipped")
        return
    tuning, untouched = split(load(path))
    if args.errors:
        print_errors(tuning)
        return
    systems = {"claimcheck": claimcheck_dates, "dateparser": dateparser_dates}
    figures: dict = {}
    parts = {"tuning": tuning, "untouched": untouched}
    for part, docs in parts.items():
        if args.part not in (part, "both"):
            continue
        for name, system in systems.items():
            result = score(system, docs)
            figures[f"{part}_{name}"] = result
            print(
                f"MEANTIME {part} ({len(docs)} articles) {name:10s} value F1 relaxed "
                f"{result['relaxed']['f1']:.3f} (P {result['relaxed']['p']:.3f} R "
                f"{result['relaxed']['r']:.3f}), strict {result['strict']['f1']:.3f}; "
                f"{result['seconds']:.2f} s"
            )
    print(json.dumps({"bench": "dates", **figures}))


if __name__ == "__main__":
    main()
