"""A published rating ("Pants on Fire", "Half True", "Missing context", 2 of 5) as one of
claimcheck's verdicts, so a reviewer can adopt it. A rating that says nothing about truth
("Full Flop", "Explainer") has no verdict and cannot be adopted: the reviewer decides."""

from __future__ import annotations

import re

# Words of published ratings (PolitiFact, Full Fact, AFP, Snopes, FactCheck.org, Reuters ...),
# lower-cased, punctuation and hyphens as spaces. Checked in order: the first phrase found wins,
# so "mostly false" is read before "false" and "not true" before "true".
_PHRASES: tuple[tuple[str, str], ...] = (
    ("pants on fire", "refuted"),
    ("mostly false", "misleading"),
    ("mostly true", "supported"),
    ("half true", "misleading"),
    ("half truth", "misleading"),
    ("partly false", "misleading"),
    ("partly true", "misleading"),
    ("partially false", "misleading"),
    ("partially true", "misleading"),
    ("mixture", "misleading"),
    ("missing context", "misleading"),
    ("lacks context", "misleading"),
    ("needs context", "misleading"),
    ("out of context", "misleading"),
    ("misleading", "misleading"),
    ("exaggerat", "misleading"),
    ("distort", "misleading"),
    ("cherry", "misleading"),
    ("not true", "refuted"),
    ("untrue", "refuted"),
    ("incorrect", "refuted"),
    ("inaccurate", "refuted"),
    ("false", "refuted"),
    ("fake", "refuted"),
    ("fabricat", "refuted"),
    ("hoax", "refuted"),
    ("wrong", "refuted"),
    ("baseless", "refuted"),
    ("debunked", "refuted"),
    ("scam", "refuted"),
    ("unproven", "unverifiable"),
    ("unsupported", "unverifiable"),
    ("no evidence", "unverifiable"),
    ("unverifi", "unverifiable"),
    ("unsubstantiated", "unverifiable"),
    ("research in progress", "unverifiable"),
    ("correct", "supported"),
    ("accurate", "supported"),
    ("supported", "supported"),
    ("refuted", "refuted"),
    ("true", "supported"),
)
_FOLD = re.compile(r"[^a-z]+")


def verdict_for(
    rating: str | None,
    value: float | None = None,
    best: float | None = None,
    worst: float | None = None,
) -> str | None:
    """The claimcheck verdict a published rating amounts to, or None when it names none.
    Words first (they are what the fact-checker wrote); a number only on a stated scale."""
    if rating:
        folded = " " + _FOLD.sub(" ", rating.lower()).strip() + " "
        for phrase, verdict in _PHRASES:
            if phrase in folded:
                return verdict
    if value is None or best is None or worst is None or best == worst:
        return None
    share = (value - worst) / (best - worst)
    if share <= 0.25:
        return "refuted"
    if share >= 0.75:
        return "supported"
    return "misleading"
