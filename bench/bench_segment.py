"""Sentence segmentation: speed on the seed article and exactness on news-text traps.

    python -m bench.bench_segment

Compares claimcheck's segmenter (blingfire plus news corrections) with bare blingfire, syntok and
pysbd, on the same inputs in the same run. The cases are hand-written traps from news writing:
captions without a final stop, quotes spanning sentences, "Mr", "Sir Keir", "per cent", decimals.
"""

from __future__ import annotations

import json

import blingfire
import pysbd
from syntok import segmenter as syntok

from bench import REPO, median_time
from claimcheck.extract.segment import sentences

SEED = REPO / "claimcheck" / "seeds" / "000_000a7fc3f8c0d5df.txt"  # the demo seed

# (text, the sentences a fact-checker wants; a quotation's sentences stay with their speaker)
CASES = [
    (
        "Mr Lammy told The Daily Telegraph: 'It was a mistake to move away from spending 2.5 per "
        "cent of GDP. We need to get back there.'",
        1,
    ),
    ("Dr. Jones said inflation was 3.2 per cent. It fell to 2.9 per cent in May.", 2),
    ("Sir Keir met Mr Biden. They spoke for 90 minutes.", 2),
    (
        "Former Prime Minister Boris Johnson meets President Volodymyr Zelensky in Kyiv, Ukraine\n"
        "President Zelensky meets Sir Keir at 10 Downing Street in July 2024",
        2,
    ),
    ("The U.S. economy grew 2.1 per cent. Growth in the U.K. was 0.6 per cent.", 2),
    ("He said: 'We are ready.' The talks ended at 4.30pm.", 2),
    ("Spending rose from 1.5 to 3.9 per cent of GDP in St. Petersburg's budget.", 1),
    ("'It isn't so much fun,' he said. 'Nobody wins.'", 2),
]


def ours(text: str) -> list[str]:
    return [text[s.start : s.end] for s in sentences(text)]


def bare_blingfire(text: str) -> list[str]:
    return [s for s in blingfire.text_to_sentences(text).split("\n") if s.strip()]


_pysbd = pysbd.Segmenter(language="en", clean=False)


def with_pysbd(text: str) -> list[str]:
    return [s for para in text.split("\n") for s in _pysbd.segment(para) if s.strip()]


def with_syntok(text: str) -> list[str]:
    return [
        "".join(str(token) for token in sentence)
        for para in syntok.analyze(text)
        for sentence in para
    ]


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    corpus = seed * 20
    size = len(corpus.encode("utf-8")) / 1e6
    figures: dict[str, dict[str, float]] = {}
    print(f"{'segmenter':<22}{'MB/s':>8}{'seed sentences':>16}{'fragments':>11}{'traps right':>13}")
    for name, split in [
        ("claimcheck", ours),
        ("blingfire (bare)", bare_blingfire),
        ("syntok", with_syntok),
        ("pysbd", with_pysbd),
    ]:
        seconds = median_time(lambda split=split: split(corpus), repeat=3)
        found = split(seed)
        fragments = sum(1 for s in found if len(s.split()) <= 2)
        right = sum(1 for text, expected in CASES if len(split(text)) == expected)
        figures[name] = {
            "mb_per_s": round(size / seconds, 2),
            "fragments": fragments,
            "traps_right": right,
        }
        print(
            f"{name:<22}{size / seconds:>8.2f}{len(found):>16}{fragments:>11}"
            f"{right:>8} of {len(CASES)}"
        )
    print("fragments: segments of one or two words (stray quote marks, cut-off abbreviations)")
    print(json.dumps({"bench": "segment", "traps": len(CASES), "segmenters": figures}))


if __name__ == "__main__":
    main()
