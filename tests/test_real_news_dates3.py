"""Dates on real news pages, third round (bench/bench_audit.py, tuning3): a team's record before
a verb that schedules, "likely to", a part of another period ("the last weekend of the fair"),
an event's time in another clause than the day, opening hours, a dispatch told in another zone,
a month that comes every year, a post embedded in the page, and "nearly five years ago".
Fixture sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.dates import find_dates
from tests.real_news import TUESDAY, resolved


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Hawks (7-3) play Saturday against the Lions.", "2019-11-23"),
        ("The Hawks (7-3, 4-2) host the Lions on Friday.", "2019-11-22"),
        ("Snow is likely to reach the valley on Thursday.", "2019-11-21"),
        ("The rebels are likely to sign the deal on Friday.", "2019-11-22"),
    ],
)
def test_a_day_to_come(sentence: str, expected: str) -> None:
    assert [value for _, value in resolved(sentence)] == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "The jury prize goes to the winner in the last weekend of the fair.",
        "Organisers expect the biggest crowds on the last weekend of the season.",
    ],
)
def test_a_part_of_another_period_is_no_week_of_the_calendar(sentence: str) -> None:
    assert resolved(sentence) == []


def test_last_weekend_alone_stays_last_weekend() -> None:
    assert resolved("Crowds filled the square last weekend.") == [("last weekend", "2019-W46-WE")]


def test_an_event_time_in_another_clause_than_the_day_has_no_day() -> None:
    sentence = "The clubs made news on Monday, as the league moved the game to a 1 p.m. start."
    assert resolved(sentence) == [("Monday", "2019-11-18"), ("1 p.m", "XXXX-XX-XXT13:00")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The game will have a 1 p.m. start on Sunday.", "2019-11-24T13:00"),
        ("The mayor holds a 2 p.m. news conference.", "2019-11-19T14:00"),
        ("Polls closed at 8 p.m. on Monday, officials said.", "2019-11-18T20:00"),
    ],
)
def test_times_keep_their_day(sentence: str, expected: str) -> None:
    assert expected in [value for _, value in resolved(sentence)]


@pytest.mark.parametrize(
    ("sentence", "clock"),
    [
        ("Box office: open Tue – Sat 4PM, closed on Sun and Mon.", "4PM"),
        ("The clinic sees walk-ins Monday to Friday at 9 a.m. sharp.", "9 a.m"),
        ("The quiz show airs Sundays at 8 p.m. on the public channel.", "8 p.m"),
    ],
)
def test_a_time_on_a_range_of_weekdays_comes_every_week(sentence: str, clock: str) -> None:
    found = {d.surface: (d.resolved, d.granularity) for d in find_dates(sentence, TUESDAY)}
    assert found[clock][1] == "set"
    assert found[clock][0].startswith("XXXX-XX-XXT")


def test_a_span_of_days_is_no_week_of_them() -> None:
    sentence = "The vote ran from Monday to Wednesday at 5 p.m., officials said."
    assert resolved(sentence)[-1] == ("5 p.m", "2019-11-13T17:00")


def test_a_dispatch_in_another_zone_may_be_dated_the_day_after_the_page() -> None:
    sentence = "The talks ended at 3 a.m. local time (0200 GMT) on Wednesday."
    assert resolved(sentence) == [
        ("3 a.m. local time", "2019-11-20T03:00"),
        ("0200 GMT", "2019-11-20T02:00Z"),
        ("Wednesday", "2019-11-20"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The rally ended on Wednesday, police said.", "2019-11-13"),
        ("Voting closed at 8 p.m. local time on Monday.", "2019-11-18"),
    ],
)
def test_without_a_zone_or_the_day_after_a_past_day_is_last_week(
    sentence: str, expected: str
) -> None:
    assert [value for _, value in resolved(sentence)][-1] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "In March, the river gets high and muddy.",
        "Fares typically rise in December.",
        "The council tends to slow down as it gets closer to August.",
        "Fog closes the pass every January.",
        "The barley is usually cut in late July.",
    ],
)
def test_a_month_that_comes_every_year(sentence: str) -> None:
    found = [d for d in find_dates(sentence, TUESDAY)]
    assert [(d.resolved, d.granularity) for d in found][-1][1] == "set"
    assert found[-1].resolved.startswith("XXXX-")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In March, the river flooded the lower town.", "2019-03"),
        ("The bill faces a June hearing, when it gets to the full committee.", "2019-06"),
    ],
)
def test_a_month_of_one_year(sentence: str, expected: str) -> None:
    assert resolved(sentence)[-1][1] == expected


def test_a_posts_today_is_not_the_pages() -> None:
    sentence = "We gave out 3,000 blankets today, thanks to all volunteers pic.twitter.com/Ab12Cd"
    assert resolved(sentence) == [("today", None)]


def test_a_signed_posts_today_is_its_day() -> None:
    sentence = "Crews cleared the road today — Roads Office (@RoadsOffice) March 3, 2019"
    assert resolved(sentence)[0] == ("today", "2019-03-03")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The phone maker released it nearly five years ago.", "2015"),
        ("The phone maker released it almost five years ago.", "2015"),
        ("The phone maker released it five years ago.", "2014"),
        ("The mill closed more than five years ago.", "2014"),
    ],
)
def test_hedged_years_ago(sentence: str, expected: str) -> None:
    assert resolved(sentence)[0][1] == expected


def test_more_than_years_ago_early_in_the_year() -> None:
    assert resolved("The mill closed more than five years ago.", date(2019, 2, 10)) == [
        ("five years ago", "2013")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The maker first shipped the feature to a rival's phones back in March.", "2019-03"),
        ("The union backed her way back in October.", "2019-10"),
        ("Back in March the firm had only a dozen staff.", "2019-03"),
        ("We will come back in March with a better offer.", "2020-03"),
    ],
)
def test_back_in_a_month_is_the_past_unless_coming_back(sentence: str, expected: str) -> None:
    assert resolved(sentence)[-1][1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Before September, I would have called the standard too new.", "2019-09"),
        ("Without the storm, the crop could have been ready in October.", "2019-10"),
        ("The plant could close in March.", "2020-03"),
    ],
)
def test_a_modal_perfect_is_no_future(sentence: str, expected: str) -> None:
    assert resolved(sentence)[-1][1] == expected
