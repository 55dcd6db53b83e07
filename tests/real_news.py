"""What the real-news tests (tests/test_real_news_*.py) read of a fixture: its figures, dates,
speakers and kept sentences, as the extractor gives them."""

from __future__ import annotations

from datetime import date

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.dates import StoryDates, find_dates
from claimcheck.extract.quantities import find_quantities

TUESDAY = date(2019, 11, 19)  # the fixtures' publication day unless a test says otherwise


def figures(sentence: str) -> list[tuple[str, float, str]]:
    return [(q.surface, q.value, q.unit) for q in find_quantities(sentence)]


def resolved(sentence: str, published: date = TUESDAY) -> list[tuple[str, str | None]]:
    """The dates of a sentence, not its durations ("within weeks")."""
    found = find_dates(sentence, published)
    return [(d.surface, d.resolved) for d in found if d.granularity != "duration"]


def story(sentences: list[str], published: date = TUESDAY) -> list[list[tuple[str, str | None]]]:
    """The dates of each sentence of a story, read in order."""
    dates = StoryDates(published)
    return [[(d.surface, d.resolved) for d in dates.find(sentence)] for sentence in sentences]


def speaker_of(text: str, opening: str) -> str | None:
    """The speaker claimcheck gives the sentence of `text` that starts with `opening`."""
    for claim in extract_claims(text, "2019-11-19", min_score=0.0):
        if claim.sentence.startswith(opening):
            return claim.attribution.speaker if claim.attribution else None
    raise AssertionError(f"no sentence opens with {opening!r}")


def kept(text: str, published: str = "2019-11-18") -> list[str]:
    """The sentences of `text` the extractor keeps as claims."""
    return [c.sentence for c in extract_claims(text, published)]
