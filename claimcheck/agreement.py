"""How far reviewers agree: per pair of reviewers and per kind of claim, raw agreement beside
Cohen's kappa (agreement corrected for what two reviewers with the same habits would reach by
chance), from the blind second checks that had a first verdict to compare."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from claimcheck import adjudication
from claimcheck.store import Store


@dataclass(frozen=True)
class Agreement:
    """n compared checks, how many agreed, the share, and Cohen's kappa (None when chance
    agreement is total, e.g. both reviewers always gave the same single verdict)."""

    n: int
    agreed: int
    raw: float
    kappa: float | None

    def as_dict(self) -> dict[str, Any]:
        return {"n": self.n, "agreed": self.agreed, "raw": self.raw, "kappa": self.kappa}


def cohen_kappa(pairs: list[tuple[str, str]]) -> Agreement:
    """Agreement over (rater A's verdict, rater B's verdict) pairs."""
    n = len(pairs)
    agreed = sum(1 for a, b in pairs if a == b)
    first, second = Counter(a for a, _ in pairs), Counter(b for _, b in pairs)
    observed = agreed / n
    chance = sum(first[c] * second[c] for c in first) / (n * n)
    kappa = None if chance >= 1 else round((observed - chance) / (1 - chance), 3)
    return Agreement(n, agreed, round(observed, 3), kappa)


def agreement(store: Store) -> dict[str, Any]:
    """Agreement per reviewer pair ("alice / bob") and per claim kind, and what is waiting:
    second checks not yet decided, disagreements not yet settled."""
    by_pair: dict[tuple[str, str], list[tuple[str, str]]] = defaultdict(list)
    by_kind: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for first, first_verdict, second, second_verdict, kind in store.compared_checks():
        # rater A is the name first in order, whichever of them flagged: kappa needs fixed raters
        (a, verdict_a), (b, verdict_b) = sorted([(first, first_verdict), (second, second_verdict)])
        by_pair[(a, b)].append((verdict_a, verdict_b))
        by_kind[kind].append((first_verdict, second_verdict))
    checks = store.second_check_stats()
    return {
        "pairs": {f"{a} / {b}": cohen_kappa(v).as_dict() for (a, b), v in sorted(by_pair.items())},
        "kinds": {kind: cohen_kappa(v).as_dict() for kind, v in sorted(by_kind.items())},
        "pending_second_checks": checks["open"],
        "pending_adjudications": len(adjudication.pending_ids(store)),
    }
