"""Figures on real news pages, fourth round (bench/bench_audit.py part tuning4): prices per unit
written with a slash, rises from one level to another, hyphenated adjectives, named wars and
plans, years and ranges of number words. Each class is held by fixture sentences written for
it."""

from __future__ import annotations

import pytest

from claimcheck.extract.quantities import find_quantities
from tests.real_news import figures


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Panels now sell for $0.31/W in bulk.", [("$0.31/W", 0.31, "USD per W")]),
        ("Power costs €0.25/kWh for most homes.", [("€0.25/kWh", 0.25, "EUR per kWh")]),
        ("Carbon traded at $42/t last week.", [("$42/t", 42.0, "USD per t")]),
    ],
)
def test_a_price_per_unit_symbol_after_a_slash_is_a_rate(sentence, expected):
    assert figures(sentence) == expected


def test_a_slash_m_after_money_is_no_metre():
    """ "$15/m" is as often per month: no rate is read."""
    assert figures("The plan costs $15/m for now.") == [("$15", 15.0, "USD")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The agency wants farms to raise yields from 40% to 55% within a decade.",
        "Turnout rose from 48 percent to 61 percent.",
    ],
)
def test_a_rise_from_one_level_to_another_is_two_figures(sentence):
    found = find_quantities(sentence)
    assert [(q.value, q.high, q.unit) for q in found] == [
        (found[0].value, None, "percent"),
        (found[1].value, None, "percent"),
    ]
    assert found[0].value < found[1].value


def test_a_band_from_one_value_to_another_stays_one_span():
    [span] = find_quantities("Tickets cost from $20 to $45 depending on the seat.")
    assert (span.value, span.high, span.qualifier) == (20.0, 45.0, "range")


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("The envoy had one face-to-face meeting with the minister.", "meeting"),
        ("The panel held two closed-door hearings on Monday.", "hearings"),
    ],
)
def test_a_hyphenated_adjective_is_no_unit_the_noun_after_it_is(sentence, unit):
    [figure] = find_quantities(sentence)
    assert figure.unit == unit


@pytest.mark.parametrize(
    ("sentence", "low", "high", "unit"),
    [
        ("Symptoms show after two-to-five days, doctors say.", 2.0, 5.0, "days"),
        ("Repairs take 3-to-6 weeks.", 3.0, 6.0, "weeks"),
    ],
)
def test_a_range_with_to_between_hyphens_is_one_span(sentence, low, high, unit):
    [span] = find_quantities(sentence)
    assert (span.value, span.high, span.unit, span.qualifier) == (low, high, unit, "range")


@pytest.mark.parametrize(
    "sentence",
    [
        "Veterans of the 1973 Yom Kippur War and the Six-Day War met.",
        "Both sides still say they back a two-state solution.",
        "Critics of the one-child policy spoke out.",
        "The country has had a two-party system for decades.",
    ],
)
def test_named_wars_and_kinds_of_arrangement_count_nothing(sentence):
    assert figures(sentence) == []


def test_a_unit_before_policy_keeps_its_figure():
    assert figures("It set a five-year policy of cuts.") == [("five-year", 5.0, "years")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Officials kept talking about the 2018 midterms.",
        "A fund set up in 2014 helps farmers with loans.",
        "She said the 1992 primaries were different.",
    ],
)
def test_a_year_before_a_plural_is_no_count(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("The firm hired 1500 workers last year.", 1500.0, "workers"),
        ("Nearly 2000 people marched.", 2000.0, "people"),
    ],
)
def test_a_round_number_before_a_plural_still_counts(sentence, value, unit):
    [(_, found_value, found_unit)] = figures(sentence)
    assert (found_value, found_unit) == (value, unit)


def test_the_second_price_of_a_from_to_pair_keeps_the_first_ones_rate():
    found = find_quantities("Fares fell from €2.40/km last year to €1.90 now.")
    assert [q.unit for q in found] == ["EUR per km", "EUR per km"]


def test_a_price_of_another_scale_keeps_its_own_unit():
    found = find_quantities("Profit went from $3 per share to $9 million.")
    assert [q.unit for q in found] == ["USD per share", "USD"]


def test_a_count_before_a_list_of_plural_nouns_counts_the_whole_list():
    found = find_quantities("The port handled 4,210 ferries, barges and tankers in June.")
    assert [q.unit for q in found] == ["ferries, barges and tankers"]


def test_a_plural_before_and_a_verb_keeps_its_own_noun():
    found = find_quantities("The mill employs 120 workers and plans to hire more.")
    assert [q.unit for q in found] == ["workers"]


def test_a_year_like_number_after_by_is_a_size_or_a_margin():
    found = find_quantities("The panel is 1440 pixels by 1920 pixels; he won by 1917 votes.")
    assert [(q.value, q.unit) for q in found] == [
        (1440.0, "pixels"),
        (1920.0, "pixels"),
        (1917.0, "votes"),
    ]
