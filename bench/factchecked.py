"""Statements that fact-checkers chose to check, with the fixed split into a tuning part and an
untouched part shared by the training script and bench_checkworthiness.

LIAR (dev.jsonl: PolitiFact statements) and the CheckThat! 2021 task 2B verified claims
(vclaims.jsonl: PolitiFact fact-checks) overlap: a statement is in the untouched part when the
CRC-32 of its normalised text (lower case, words of letters and digits, one space apart) is 0
modulo 5, so a statement found in both sets falls in the same part of each. Research-use data:
read from CLAIMCHECK_DATA at training and bench time, never copied into the project.
"""

from __future__ import annotations

import json
import re
import zlib
from pathlib import Path
from typing import NamedTuple

_WORD = re.compile(r"[a-z0-9]+")
UNTOUCHED_MODULUS = 5


class Statement(NamedTuple):
    text: str
    untouched: bool
    clean: bool  # LIAR: not also among the CheckThat! 2021 verified claims


def normalised(text: str) -> str:
    return " ".join(_WORD.findall(text.lower()))


def untouched(text: str) -> bool:
    """Whether `text` belongs to the untouched part (about one statement in five)."""
    return zlib.crc32(normalised(text).encode("utf-8")) % UNTOUCHED_MODULUS == 0


def _lines(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def read_liar(data: Path) -> list[Statement]:
    """LIAR's PolitiFact statements (data/liar/dev.jsonl)."""
    return [
        Statement(row["statement"], untouched(row["statement"]), not row["checkthat2021_vclaim_id"])
        for row in _lines(data / "liar" / "dev.jsonl")
    ]


def read_vclaims(data: Path) -> list[Statement]:
    """The CheckThat! 2021 task 2B verified claims (data/checkthat2021_2b/vclaims.jsonl)."""
    return [
        Statement(row["vclaim"], untouched(row["vclaim"]), True)
        for row in _lines(data / "checkthat2021_2b" / "vclaims.jsonl")
        if row["vclaim"].strip()
    ]
