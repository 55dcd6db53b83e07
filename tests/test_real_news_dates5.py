"""Dates on real news, fifth round (PolNeAR train and MEANTIME tuning articles read whole): the
verb that attributes a quotation is not the tense of a date inside it; "the next day" in a
sentence of the past, after a day the story has not named, is not known (not the day after
publication), nor is "the day before" once the story has moved to another year or period; a
present that schedules ("holds its primary Tuesday") or "is planned" points ahead; a date word
inside a name ("the March of Dimes", “Last Week Tonight”, "Super Tuesday" in quotes) is no
date.
Fixture sentences written for these tests."""

from __future__ import annotations

import pytest

from tests.real_news import resolved, story


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


def test_the_next_day_after_a_day_not_named_is_not_known() -> None:
    found = story(
        [
            "The storm reached the coast in the evening.",
            "The next day, at about 6 a.m., the river flooded the lower town.",
        ]
    )
    assert found[1] == [("The next day", None), ("6 a.m", "XXXX-XX-XXT06:00")]


@pytest.mark.parametrize(
    "frame",
    ["The two leaders met in May 2012.", "Rallies drew big crowds last week."],
)
def test_the_day_before_a_day_not_named_in_another_frame_is_not_known(frame: str) -> None:
    found = story([frame, "The day before, a bomb had exploded."])
    assert found[1] == [("The day before", None)]


def test_the_day_before_in_the_published_frame_is_the_day_before_publication() -> None:
    found = story(["Rallies drew big crowds this week.", "The day before, a bomb had exploded."])
    assert found[1] == [("The day before", "2019-11-18")]


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        # a day the story named: the day after it
        (
            ["The storm reached the coast on Sunday.", "The next day, the river burst."],
            "2019-11-18",
        ),
        # a sentence that looks ahead: the day after publication
        (["Crews are ready.", "The next day, the river will crest."], "2019-11-20"),
    ],
)
def test_the_next_day_after_a_named_day_or_ahead(sentences: list[str], expected: str) -> None:
    assert story(sentences)[1] == [("The next day", expected)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a present that schedules ("holds its primary") or a plan ("is planned"): the next one
        ("The county holds its runoff on Thursday.", [("Thursday", "2019-11-21")]),
        ("Two states hold caucuses Saturday.", [("Saturday", "2019-11-23")]),
        ("A vigil is planned Saturday at the park.", [("Saturday", "2019-11-23")]),
        # "holds" as a noun schedules nothing
        ("The holds on the accounts were lifted Monday.", [("Monday", "2019-11-18")]),
    ],
)
def test_a_present_that_schedules_points_ahead(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "She spoke for the March of Dimes, the charity.",
        "The rally was run by the group March for Clean Air.",
        "He once hosted “Harper Tonight,” a talk show.",
        "The satire show “Last Week Tonight” drew two million viewers.",
        'Texas votes in the "Super Tuesday" primary on March 3.',
    ],
)
def test_a_date_word_inside_a_name_is_no_date(sentence: str) -> None:
    assert all(
        surface not in ("March", "Tonight", "Last Week", "Tuesday")
        for surface, _ in resolved(sentence)
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sales rose in March of 2019.", [("March of 2019", "2019-03")]),
        ("Jones (Last week: 3rd) held on.", [("Last week", "2019-W46")]),
        ("He said, “Tonight we celebrate.”", [("Tonight", "2019-11-19TNI")]),
    ],
)
def test_a_date_word_at_a_bracket_or_quotation_stays_a_date(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # only the words that name programmes (Today, Tonight, This Week) are taken for names
        ("Holiday Sale Starts Next Week, and More", [("Next Week", "2019-W48")]),
        ("Source: a poll by USA TODAY and Suffolk University.", []),
    ],
)
def test_only_programme_words_are_taken_for_programmes(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence) == expected
