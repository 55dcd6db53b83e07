"""Who said it: speaker precision and recall on PolNeAR, against a simple baseline in the same run.

    python -m bench.bench_attribution [--repeat 5]

Data: `$CLAIMCHECK_DATA/polnear/dev.jsonl` (PolNeAR, political news with gold attribution source,
cue and content spans; research use only, read in place, never copied into the repo). Only
PolNeAR's own `train` and `dev` compartments are in that file; its test articles are never read.

Split (fixed before any error was looked at): PolNeAR's `train` compartment (454 articles) is the
tuning part; its `dev` compartment (50 articles) is the untouched part, scored only for reports.

Scoring, the same for both systems. Each sentence of an article (claimcheck's own splitter, via
`extract_claims` with no score cut-off, so running quotes and pronouns resolve as they do in the
product) may carry a predicted speaker. Its gold attributions are those whose cue lies in the
sentence or whose content covers at least a third of it. A gold source is scored when it names
someone: "he", "she" and "I" take the nearest named gold source before them in the article (an
approximation: PolNeAR does not link mentions); other pronouns ("who", "they", "it"), and sources
left empty, are not scored, and a prediction whose gold attributions all have such sources counts
neither way.

* head-word match: the last word of the speaker's first noun phrase, parentheses dropped
  ("Trump's campaign manager Kellyanne Conway" -> conway, "Mr. Trump" -> trump, "the Trump
  campaign" -> campaign, "Rep. Jim Clyburn (D-S.C.)" -> clyburn, "A national poll released
  Sunday by The Washington Post" -> poll) equals the gold source's, or
  the gold source's name in apposition ("another friend, Mariam Emara"); exact match: the two
  are equal after dropping "the"/"a" and titles, or ours is the fuller form of the gold name
  the article gives elsewhere ("Clinton" -> "Hillary Clinton").
* precision: predicted speakers that match one of their sentence's scored gold sources, over
  predicted speakers in sentences with a scored gold source or with no gold attribution at all
  (a speaker where the annotators saw no attribution is wrong).
* recall: scored gold attributions whose source is matched by the speaker of a sentence the
  attribution covers (cue or content, as above), over scored gold attributions.
* direct / indirect: gold attributions whose content opens and closes at quote marks (PolNeAR
  file's `direct_quote` flag), and the rest (reported speech, and the beliefs and intentions
  PolNeAR also annotates). A prediction is direct when one of its gold attributions is.
* published: the speakers the ClaimReview export writes as `author`, those `speaker_kind` types
  as a Person or an Organization (the others are left out there).

Baseline: the last capitalised word run before the sentence's first speech verb ("Clinton
said"), else the one right after it ("said Clinton"), else after "according to"; no context.

Cost: microseconds (CPU time) per sentence of `attribute` (with `titled_names` once per article)
and of the baseline over the untouched part's sentences, median of --repeat runs.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bench import data_dir
from claimcheck.extract.attribution import attribute, speaker_kind, titled_names
from claimcheck.extract.claims import extract_claims
from claimcheck.extract.segment import sentences

TUNING, UNTOUCHED = "train", "dev"
PERSONAL = {"he", "she", "i", "him", "her", "me"}
UNSCORED = {
    "who", "which", "that", "they", "it", "we", "you", "his", "its", "their", "them", "us",
    "our", "your", "this", "these", "those", "whom", "whose", "one", "some", "others", "many",
}  # fmt: skip
TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president",
    "secretary", "former", "the", "a", "an", "gen", "general", "vice",
}  # fmt: skip
CUT = re.compile(
    r",|\s(?:who|which|that|of|for|from|at|in|on|with|to|about|by)\s"
    r"|(?-i:\s(?:released|conducted|published|taken|last|this)\s)",
    re.I,
)
PARENTHESES = re.compile(r"\([^)]*\)")
WORD = re.compile(r"[\w’'.-]+")
VERBS = r"said|says|told|tells|added|wrote|argued|claimed|announced|stated|insisted|warned"
BASE_VERB = re.compile(rf"\b(?:{VERBS})\b")
BASE_RUN = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*")
BASE_ACCORDING = re.compile(r"\baccording to ([A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*)")
STARTS = {"the", "a", "an", "but", "and", "in", "on", "as", "he", "she", "it", "they", "i"}


def head(name: str) -> str:
    """The last word of a speaker's first noun phrase, lower-cased, without a possessive."""
    first = CUT.split(PARENTHESES.sub("", name).strip(), maxsplit=1)[0]
    words = WORD.findall(first)
    if not words:
        return ""
    if len(words) > 1 and words[-1].lower() in ("himself", "herself"):
        words.pop()  # "Cruz himself"
    word = words[-1].lower().strip(".'’-")
    return word[:-2] if word.endswith(("'s", "’s")) else word


def heads(source: str) -> set[str]:
    """A gold source's head words: its first noun phrase's, and a name in apposition to it
    ("Clinton's campaign chairman, John Podesta")."""
    parts = PARENTHESES.sub("", source).split(",")
    found = {head(parts[0])}
    if len(parts) > 1 and parts[1].strip()[:1].isupper():
        found.add(head(parts[1]))
    return found


def exact(name: str) -> str:
    words = [w.lower().strip(".") for w in WORD.findall(name)]
    while len(words) > 1 and words[0] in TITLES:
        words.pop(0)
    return " ".join(words)


def _same(gold: str, ours: str) -> bool:
    """Exact match: the same words, or ours the fuller form of the gold name ("Clinton" ->
    "Hillary Clinton")."""
    return ours == gold or ours.endswith(" " + gold)


def baseline(sentence: str) -> str | None:
    """The capitalised run next to the first speech verb, else after "according to"."""
    verb = BASE_VERB.search(sentence)
    if verb:
        runs = [m for m in BASE_RUN.finditer(sentence, 0, verb.start())]
        runs = [m for m in runs if m.group().lower() not in STARTS]
        if runs:
            return runs[-1].group()
        after = BASE_RUN.match(sentence, verb.end() + 1)
        if after:
            return after.group()
    according = BASE_ACCORDING.search(sentence)
    return according.group(1) if according else None


@dataclass
class Gold:
    source: str | None  # the name scored against; None: not scored
    direct: bool
    cue: list[tuple[int, int]]
    content: list[tuple[int, int]]


@dataclass
class Tally:
    predicted: int = 0
    head: int = 0
    exact: int = 0
    gold: int = 0
    recalled: int = 0
    errors: list[str] = field(default_factory=list)

    def figures(self) -> dict[str, float | int]:
        return {
            "precision": round(self.head / self.predicted, 3) if self.predicted else 0.0,
            "exact_precision": round(self.exact / self.predicted, 3) if self.predicted else 0.0,
            "recall": round(self.recalled / self.gold, 3) if self.gold else 0.0,
            "predicted": self.predicted,
            "gold": self.gold,
        }


def load(compartment: str) -> list[dict]:
    path = data_dir() / "polnear" / "dev.jsonl"
    with path.open(encoding="utf-8") as lines:
        articles = [json.loads(line) for line in lines]
    return [a for a in articles if a["compartment"] == compartment]


def golds(article: dict, pronouns: bool) -> list[Gold]:
    """The article's gold attributions; with `pronouns`, "he", "she" and "I" resolved to the
    last named source before them."""
    found = []
    named: list[tuple[int, str]] = []
    ordered = sorted(article["attributions"], key=lambda a: min(_starts(a)) if _starts(a) else 0)
    for record in ordered:
        source = record["source"]["text"].strip()
        lowered = source.lower()
        if lowered in PERSONAL:
            scored = named[-1][1] if pronouns and named else None
        elif not source or lowered in UNSCORED or not any(c.isupper() for c in source):
            scored = None
        else:
            scored = source
            named.append((min(_starts(record)), source))
        found.append(
            Gold(
                scored,
                record["direct_quote"],
                [tuple(s) for s in record["cue"]["spans"]],
                [tuple(s) for s in record["content"]["spans"]],
            )
        )
    return found


def _starts(record: dict) -> list[int]:
    return [s[0] for s in record["source"]["spans"]] or [s[0] for s in record["cue"]["spans"]]


def _covers(gold: Gold, start: int, end: int) -> bool:
    if any(start <= s and e <= end for s, e in gold.cue):
        return True
    inside = sum(max(0, min(e, end) - max(s, start)) for s, e in gold.content)
    return inside * 3 >= end - start


def score(
    articles: Iterable[dict], predict: Callable[[str], list[tuple[int, int, str | None]]]
) -> dict[str, Tally]:
    """Tallies for all, direct and indirect attributions with named sources, and for all with
    "he", "she" and "I" resolved too ("pronouns")."""
    tallies = {"all": Tally(), "direct": Tally(), "indirect": Tally(), "published": Tally()}
    with_pronouns = {"pronouns": Tally()}
    for article in articles:
        predicted = predict(article["text"])
        _tally(article, golds(article, False), predicted, tallies)
        _tally(article, golds(article, True), predicted, with_pronouns)
    return tallies | with_pronouns


def _tally(
    article: dict,
    gold: list[Gold],
    predicted: list[tuple[int, int, str | None]],
    tallies: dict[str, Tally],
) -> None:
    """Adds one article's predictions to `tallies` (the first key counts every attribution)."""
    text = article["text"]
    first = next(iter(tallies))
    recalled: set[int] = set()
    published: set[int] = set()
    for start, end, speaker in predicted:
        mine = [i for i, g in enumerate(gold) if _covers(g, start, end)]
        scored = [i for i in mine if gold[i].source]
        if speaker is not None and (scored or not mine):
            kind = "direct" if any(gold[i].direct for i in mine) else "indirect"
            typed = speaker_kind(speaker) is not None
            kinds = [k for k in (first, kind, "published" if typed else "") if k in tallies]
            hits = [i for i in scored if head(speaker) in heads(gold[i].source)]
            same = any(_same(exact(gold[i].source), exact(speaker)) for i in scored)
            for kind in kinds:
                tallies[kind].predicted += 1
                tallies[kind].head += bool(hits)
                tallies[kind].exact += same
                if not hits:
                    wanted = "; ".join(gold[i].source for i in scored) or "-"
                    tallies[kind].errors.append(
                        f"{article['id']}: {speaker!r} want {wanted!r}: {text[start:end]}"
                    )
            recalled.update(hits)
            if typed:
                published.update(hits)
    for index, one in enumerate(gold):
        if one.source:
            for kind in (first, "direct" if one.direct else "indirect", "published"):
                if kind in tallies:
                    tallies[kind].gold += 1
                    found = published if kind == "published" else recalled
                    tallies[kind].recalled += index in found


def ours(text: str) -> list[tuple[int, int, str | None]]:
    return [
        (c.start, c.end, c.attribution.speaker if c.attribution else None)
        for c in extract_claims(text, None, min_score=0)
    ]


def simple(text: str) -> list[tuple[int, int, str | None]]:
    return [(s.start, s.end, baseline(text[s.start : s.end])) for s in sentences(text)]


def cost(articles: list[dict], repeat: int) -> dict[str, float]:
    """Microseconds per sentence of `attribute` and of the baseline, median of `repeat` runs."""
    prepared = []
    for article in articles:
        text = article["text"]
        spans = sentences(text)
        prepared.append(
            (text, [(text[s.start : s.end], text[max(0, s.start - 600) : s.start]) for s in spans])
        )
    count = sum(len(p[1]) for p in prepared)

    def run_ours() -> None:
        for text, pairs in prepared:
            titles = titled_names(text)
            for sentence, context in pairs:
                attribute(sentence, context, titles)

    def run_base() -> None:
        for _text, pairs in prepared:
            for sentence, _context in pairs:
                baseline(sentence)

    timings = {}
    for name, run in (("ours", run_ours), ("baseline", run_base)):
        times = []
        for _ in range(repeat):
            start = time.process_time()  # CPU time: other processes on a shared machine weigh less
            run()
            times.append(time.process_time() - start)
        timings[name] = round(statistics.median(times) / count * 1e6, 2)
    return timings


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--errors", action="store_true", help="tuning part only, with its errors")
    args = parser.parse_args(argv if argv is not None else [])
    summary: dict[str, object] = {}
    parts = (("tuning", TUNING),) if args.errors else (("tuning", TUNING), ("untouched", UNTOUCHED))
    for part, compartment in parts:
        articles = load(compartment)
        for system, predict in (("claimcheck", ours), ("baseline", simple)):
            tallies = score(articles, predict)
            print(f"{part} ({compartment}, {len(articles)} articles) {system}:")
            for kind, tally in tallies.items():
                figures = tally.figures()
                print(f"  {kind:9} " + "  ".join(f"{k} {v}" for k, v in figures.items()))
                summary[f"{part}_{system}_{kind}"] = figures
            if args.errors and system == "claimcheck":
                print("\n".join(tallies["all"].errors))
    if args.errors:
        return
    timing = cost(load(UNTOUCHED), args.repeat)
    print(f"cost: us per sentence, ours {timing['ours']}, baseline {timing['baseline']}")
    key = {
        f"{part}_{system}_{kind}_{figure}": summary[f"{part}_{system}_{kind}"][figure]
        for part in ("tuning", "untouched")
        for system in ("claimcheck", "baseline")
        for kind in ("all", "direct", "indirect", "published")
        for figure in ("precision", "recall")
        if kind == "all" or system == "claimcheck"
    }
    print(json.dumps(key | {"us_per_sentence": timing}))


if __name__ == "__main__":
    main(sys.argv[1:])
