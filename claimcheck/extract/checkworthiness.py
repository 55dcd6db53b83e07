"""How much a sentence is worth checking, in 0..1, with the reasons that produced the score.

A transparent rule score: each signal a fact-checker looks for (a figure, a named source,
a comparison, a date) adds weight; opinion, questions and fragments take it away. The reasons
are shown to the reviewer beside the score.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

COMPARISON = re.compile(
    r"\b(?:most|least|highest|lowest|largest|smallest|biggest|best|worst|record|fastest|"
    r"slowest|more|less|fewer|higher|lower|larger|smaller|bigger|better|worse|than|"
    r"compared (?:with|to)|twice|double|doubled|tripled|half as|outpaced|overtook|"
    r"first|only|never|ever)\b|\b\w+est\b",
    re.IGNORECASE,
)
OPINION = re.compile(
    r"\b(?:I think|I believe|I feel|we must|we need|should|must|ought|would like|hope|"
    r"wonderful|terrible|great|amazing|good|bad|thank you|thanks|please|let me|I want)\b",
    re.IGNORECASE,
)
PROPER_NOUN = re.compile(r"(?<!^)(?<![.!?]\s)\b[A-Z][a-z]+")


@dataclass(frozen=True)
class Signals:
    quantities: int = 0
    dates: int = 0
    attributed: bool = False
    quoted: bool = False


def score(sentence: str, signals: Signals) -> tuple[float, list[str]]:
    """Check-worthiness in 0..1 and the reasons, strongest first."""
    weights: list[tuple[float, str]] = []
    words = len(sentence.split())
    if signals.quantities:
        weights.append((2.2, f"states {signals.quantities} figure(s)"))
    if signals.attributed:
        weights.append((0.9, "attributed to a named source"))
    if signals.quoted:
        weights.append((0.4, "contains a quotation"))
    if COMPARISON.search(sentence):
        weights.append((0.7, "makes a comparison or superlative"))
    if signals.dates:
        weights.append((0.6, "refers to a dated event"))
    names = len(PROPER_NOUN.findall(sentence))
    if names:
        weights.append((min(names, 4) * 0.25, "names people, places or organisations"))
    if OPINION.search(sentence):
        weights.append((-1.0, "reads as opinion or exhortation"))
    if sentence.rstrip(" '\"’”").endswith("?"):
        weights.append((-1.6, "is a question"))
    if words < 6:
        weights.append((-1.5, "too short to state a fact"))
    total = -1.2 + sum(weight for weight, _ in weights)
    value = 1 / (1 + math.exp(-total))
    reasons = [reason for weight, reason in sorted(weights, key=lambda w: -abs(w[0]))]
    return value, reasons
