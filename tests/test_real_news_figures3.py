"""Figures on real news pages, third round (bench/bench_audit.py part tuning3): scores and
records, thousands written with points, slogans, parts of things, headings, rates of a kind of
share and titles made of a number and a unit. Each class is held by fixture sentences written
for it."""

from __future__ import annotations

import pytest

from tests.real_news import figures


@pytest.mark.parametrize(
    "sentence",
    [
        "Ortiz beat Meyer 6-4, 7-6 (5) to reach the semi-final.",
        "The pair lost 6-7 (4), 6-4, 7-5 in the deciding rubber.",
        "She came through 7-6(3), 3-6, 6-2 on the clay.",
        "The champion won 3-6, 6-3, 6-4 on Sunday.",
        "The visitors took the match 25-21, 23-25, 25-19, 25-17.",
    ],
)
def test_tennis_set_scores_and_tie_breaks_are_no_figures(sentence):
    assert figures(sentence) == []


def test_a_team_record_in_brackets_is_no_range():
    sentence = "The Falcons (6-5, 3-4) visit the Owls (2-8) on Friday."
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Each household has 3-4 people on average.", [("3-4", 3.0, "people")]),
        ("Children aged 10-14 took part.", [("10-14", 10.0, "years")]),
        (
            "Turnout was low among those aged 18-24, 25-34.",
            [("18-24", 18.0, "years"), ("25-34", 25.0, "")],
        ),
    ],
)
def test_ranges_outside_scores_are_still_read(sentence, expected):
    assert [(s, v, u) for s, v, u in figures(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The canal was lit by 1.000 paper lanterns this winter.", 1000.0, "lanterns"),
        ("Organisers counted 2.500 visitors on opening night.", 2500.0, "visitors"),
        ("The choir sold 1.250.000 tickets in total.", 1250000.0, "tickets"),
    ],
)
def test_points_between_groups_of_three_digits_are_thousands(sentence, value, unit):
    assert [(v, u) for _, v, u in figures(sentence)] == [(value, unit)]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The sample weighed 1.250 kg after drying.", 1.25),
        ("Petrol reached $3.499 a gallon in the valley.", 3.499),
        ("The exchange rate held at 1.125.", 1.125),
    ],
)
def test_a_measured_point_number_stays_a_decimal(sentence, value):
    assert [v for _, v, _ in figures(sentence)] == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        'Beijing says it respects the "one country, two systems" formula for the territory.',
        "The governor repeated the “one country, two systems” principle on Monday.",
        'Voters backed a "three strikes" law in the state.',
    ],
)
def test_number_words_of_a_quoted_slogan_count_nothing(sentence):
    assert figures(sentence) == []


def test_a_quoted_count_in_speech_still_counts():
    assert figures('She said "two people" were hurt.') == [("two", 2.0, "people")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The repair meant swapping the whole upper half of the phone.",
        "Traffic crossed on the lower half of the bridge.",
        "Sales were flat in the first half of the year.",
    ],
)
def test_half_after_a_position_word_is_a_part_not_a_share(sentence):
    assert figures(sentence) == []


def test_half_of_a_group_is_still_a_share():
    assert [v for _, v, _ in figures("Half of the staff left in spring.")] == [0.5]


@pytest.mark.parametrize("sentence", ["Meal 1", "Lunch 2:", "Our menu for the day.\nSnack 3"])
def test_a_heading_of_a_word_and_a_number_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_label_before_a_colon_is_no_figure():
    assert figures("Tip 3: keep receipts for 30 days.") == [("30 days", 30.0, "days")]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The chain earned $1.9 billion, or $1.71 per diluted share.", "USD per diluted share"),
        ("Profit came to $0.84 an adjusted share.", "USD per adjusted share"),
    ],
)
def test_a_rate_keeps_its_noun_after_an_adjective(sentence, unit):
    assert figures(sentence)[-1][2] == unit


@pytest.mark.parametrize(
    "sentence",
    [
        "Fans of the 80 Day Obsession plan can reuse the shopping list.",
        "She swears by the 7 Minute Workout each morning.",
    ],
)
def test_a_number_before_a_capitalised_singular_unit_is_a_title(sentence):
    assert figures(sentence) == []


def test_a_singular_unit_in_a_title_case_headline_still_counts():
    assert figures("Mayor Opens 12 Point Lead In Final Poll") == [("12 Point", 12.0, "points")]


def test_a_plural_capitalised_unit_still_counts():
    assert figures("The strike lasted 10 Days in all.") == [("10 Days", 10.0, "days")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The deal will pass one way or another.",
        "Every voter leans to one side or the other.",
        "The council lurched from one budget crisis after another.",
    ],
)
def test_one_set_against_another_is_no_count(sentence):
    assert figures(sentence) == []


def test_one_next_to_another_count_still_counts():
    assert figures("One guard was hurt and two others fled.") == [
        ("One", 1.0, "guard"),
        ("two", 2.0, "others"),
    ]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The club hopes to trade for another pick or two.", "picks"),
        ("The repair may take a day or two.", "days"),
    ],
)
def test_a_noun_or_two_counts_the_noun(sentence, unit):
    assert figures(sentence) == [("two", 2.0, unit)]


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The winery ships 1.4 million 9 litre cases each year.", "cases"),
        ("The port handled 300 40-foot containers on Monday.", "containers"),
    ],
)
def test_a_measure_between_a_count_and_its_noun_is_skipped(sentence, unit):
    assert figures(sentence)[0][2] == unit


def test_the_other_half_is_still_a_share():
    sentence = "Half of the voters back the plan and the other half of them oppose it."
    assert [v for _, v, _ in figures(sentence)] == [0.5, 0.5]


def test_a_list_under_an_age_is_a_name():
    assert figures("The editor made the magazine's 30 Under 30 list.") == []
