"""Figures, fifth round: classes found on text no round had read for figures (QuanTemp and WiCE
claims, PolNeAR train bodies), each seen three times or more there. Each class is held by
fixture sentences written for it."""

from __future__ import annotations

import pytest

from tests.real_news import figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Smokers were 12 times more likely to be admitted.", [("12 times", 12.0, "times")]),
        (
            "The clip was viewed more than 4,000 times.",
            [("more than 4,000 times", 4000.0, "times")],
        ),
        ("The council has met four times since March.", [("four times", 4.0, "times")]),
        ("The fund raised three times as much as last year.", [("three times", 3.0, "times")]),
        ("Trains run six times a day.", [("six times a day", 6.0, "times per day")]),
    ],
)
def test_a_number_of_times_is_a_multiplier_or_a_frequency(sentence, expected):
    assert figures(sentence) == expected
