"""Dates on real news, fifth round (PolNeAR train and MEANTIME tuning articles read whole): the
verb that attributes a quotation is not the tense of a date inside it.
Fixture sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.real_news import resolved


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no tense inside the quotation: the nearest March and January, not last year's
        ("“We like our odds in March,” the coach said.", [("March", "2020-03")]),
        (
            '"Fans can look forward to a new show in January," a spokesman said.',
            [("January", "2020-01")],
        ),
        ("''Ask me again in February,'' she told reporters.", [("February", "2020-02")]),
        # a past verb inside the quotation still sets its tense
        ("“We lost the vote in March,” he said.", [("March", "2019-03")]),
    ],
)
def test_the_verb_after_a_quotation_is_not_its_tense(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence) == expected
