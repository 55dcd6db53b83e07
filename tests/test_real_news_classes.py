"""Classes of error found by reading real news pages (bench/bench_audit.py), each held by
fixtures written for it: what a fact-checker's queue must not show, and what it must show right."""

from __future__ import annotations

import pytest

from claimcheck.extract.claims import extract_claims


def sentences(text: str, published: str = "2019-11-18") -> list[str]:
    return [c.sentence for c in extract_claims(text, published, min_score=0.0)]


@pytest.mark.parametrize(
    "furniture",
    [
        "Sign up for the free daily newsletter.",
        "Subscribe to our weekly podcast here.",
        "Reporting by Ana Ruiz; additional reporting by Tom Lee and Kim Park; Editing by Sue Bell",
        "(Graphic: World stock markets in 2019 - here)",
        "Click here for the full list of winners.",
    ],
)
def test_furniture_inside_a_paragraph_of_story_is_no_claim(furniture):
    story = "The city council approved a budget of $4.2 million on Monday. " + furniture
    found = sentences(story)
    assert any("$4.2 million" in s for s in found)
    assert not any(furniture[:20] in s for s in found), found


def test_a_sentence_that_only_mentions_signing_up_is_still_read():
    found = sentences("Some 40,000 people signed up for the scheme in its first week.")
    assert found == ["Some 40,000 people signed up for the scheme in its first week."]
