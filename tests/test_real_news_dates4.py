"""Dates on real news pages, fourth round (bench/bench_audit.py, tuning4): a background year
("since July 2013", "up from ... in October 2015") does not move the story's frame, a weekday named
with a day of the month picks its year, a list of events keeps the year its heading gives, a day
that marks an event ("Trump's July 25 call") takes no tense from the sentence's verb and is not the
story's day, "last year" is the frame of "the previous year" and of "the end of May last year",
and a time followed by "weekdays" or "daily" is a schedule.
Fixture sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from tests.real_news import story


@pytest.mark.parametrize(
    "background",
    [
        "Rents rose to $1,210 in October, up from $1,050 in October 2015.",
        "The mill has been shut since July 2013, and its owners are looking for a buyer.",
        "Output was higher than in March 2016, the agency said.",
    ],
)
def test_a_background_year_does_not_move_the_frame(background: str) -> None:
    later = story([background, "Most of the flats let in October were in the north."])[1]
    assert later == [("October", "2019-10")]


def test_a_year_the_story_moves_to_sets_the_frame() -> None:
    found = story(["The fire broke out in December 2010.", "It was put out on December 27."])
    assert found[1] == [("December 27", "2010-12-27")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The singer spoke during the show Monday night (Nov. 18) in Austin.", "2019-11-18"),
        ("Seats for the shows go on sale Friday, Dec. 6 at the box office.", "2019-12-06"),
        ("The singer spoke on Monday, 18 November, in Austin.", "2019-11-18"),
    ],
)
def test_a_weekday_picks_the_year_of_its_day(sentence: str, expected: str) -> None:
    found = story(["The club will play a string of shows in June 2020.", sentence])[1]
    assert found[-1][1] == expected


def test_a_list_of_events_keeps_the_year_of_its_heading() -> None:
    found = story(
        [
            "The choir's 2020 tour dates: May 4 -- Town Hall, Leeds May 6 -- The Dome, York",
            "The choir sang to a full house last night.",
            "Nothing else was said.",
            "Nor was anything else planned.",
            "Sept. 2 -- Guild Hall, Derby Sept. 5 -- Corn Exchange, Bath Oct. 1 -- Arena, Hull",
        ]
    )
    assert [value for _, value in found[0]] == ["2020-05-04", "2020-05-06"]
    assert [value for _, value in found[4]] == ["2020-09-02", "2020-09-05", "2020-10-01"]


def test_an_events_day_takes_no_tense_from_the_verb() -> None:
    found = story(
        [
            "The aide is likely to face questions about the mayor's July 25 call with the donor.",
            "Senators will review the Aug. 30 primary's results next week.",
        ]
    )
    assert found[0] == [("July 25", "2019-07-25")]


@pytest.mark.parametrize(
    "background",
    [
        "The aide is likely to face questions about the mayor's July 25 call.",
        "She told the panel about a July 10 meeting with the donor.",
    ],
)
def test_an_events_day_is_not_the_storys_day(background: str) -> None:
    found = story([background, "The mayor said he had watched part of the day's hearing."])
    assert found[1] == [("the day", "2019-11-19")]


def test_a_scheduled_events_day_ahead_stays_ahead() -> None:
    found = story(
        ["The senator is challenging the mayor in the state's Aug. 30 primary."], date(2016, 7, 25)
    )
    assert found[0] == [("Aug. 30", "2016-08-30")]


def test_the_previous_year_steps_from_last_year() -> None:
    found = story(["Shops last year sold 9,100 bikes, up 6 percent from the previous year."])
    assert found[0] == [("last year", "2018"), ("the previous year", "2017")]


def test_the_end_of_a_month_last_year() -> None:
    found = story(["Sales slowed after the grants were cut at the end of May last year."])
    assert ("the end of May", "2018-05") in found[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "Hear the show live at 12:45 and 17:45 weekdays, or catch up online.",
        "The café is open 7 a.m. to 3 p.m. daily.",
    ],
)
def test_a_time_told_as_a_schedule_after_it(sentence: str) -> None:
    times = [value for _, value in story([sentence])[0] if value and "T" in value]
    assert times and all(value.startswith("XXXX-XX-XXT") for value in times)


def test_a_time_on_one_day_stays_on_it() -> None:
    found = story(["He arrived at 12:45 and left at 17:45."])[0]
    assert [value for _, value in found] == ["2019-11-19T12:45", "2019-11-19T17:45"]
