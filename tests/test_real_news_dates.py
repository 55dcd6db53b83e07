"""Dates on real news pages (bench/bench_audit.py): date-like words that are not the calendar's
(a model's year, a game's quarters and halves) and dates the tense or the story places (a present
that schedules, a "would" reported from the past, "the previous week" of the story's day).
Fixture sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.dates import StoryDates, find_dates

WEDNESDAY = date(2019, 11, 20)


def resolved(sentence: str, published: date = WEDNESDAY) -> list[tuple[str, str | None]]:
    """The dates of a sentence, not its durations ("within weeks")."""
    found = find_dates(sentence, published)
    return [(d.surface, d.resolved) for d in found if d.granularity != "duration"]


def story(sentences: list[str], published: date = WEDNESDAY) -> list[list[tuple[str, str]]]:
    dates = StoryDates(published)
    return [[(d.surface, d.resolved or "") for d in dates.find(s)] for s in sentences]


@pytest.mark.parametrize(
    "sentence",
    [
        "Dealers say the 2021 Honda Civic sells out within weeks.",
        "He restored a 1967 Mustang in his garage.",
        "She paid cash for a 1967 Mustang.",
        "The 2021 RAV4 Prime will run 40 miles on its battery.",
        "Reviewers liked the 2020 iPad more than its rival.",
        "The 2022 Kia Sorento SUV gets a bigger screen.",
        "Buyers of the 2020 Sentra sedan get a longer warranty.",
        "Owners of MY 2021 cars will get the update.",
        "The 2021 models arrive with a new grille.",
        "His 2012 Ford Focus failed its inspection.",
    ],
)
def test_a_model_year_is_no_date(sentence: str) -> None:
    assert resolved(sentence) == []


@pytest.mark.parametrize(
    "introduction",
    [
        "Nissan showed a reworked Sentra compact sedan at the fair this week.",
        "The maker took the covers off the eighth-generation Sentra.",
        "Dealers have sold more than a million Sentra vehicles.",
    ],
)
def test_a_name_the_story_gave_a_product_keeps_its_year_out_of_the_calendar(
    introduction: str,
) -> None:
    found = story([introduction, "The 2020 Sentra is lower and wider than the car it replaces."])
    assert found[1] == []


@pytest.mark.parametrize(
    ("sentence", "year"),
    [
        ("Turnout in the 2016 election surprised pollsters.", "2016"),
        ("Banks never recovered from the 2008 crisis.", "2008"),
        ("Tickets for the 2012 Olympics sold slowly.", "2012"),
        ("Leaders met at the 2019 G20 summit in Osaka.", "2019"),
        ("A 2015 Pew Research study found the opposite.", "2015"),
        ("A 2010 YouTube video shows the mayor dancing.", "2010"),
        ("He was a 2016 Republican who never endorsed.", "2016"),
        ("Ford renamed the car for the 2008 model year.", "2008"),
        ("The 1976 Ford administration cut the budget.", "1976"),
        ("In 2019 Toyota Motor sold more hybrids than ever.", "2019"),
        ("The 2020 Toyota Motor Corp. results disappointed.", "2020"),
    ],
)
def test_a_year_before_an_event_a_document_or_a_people_stays_a_date(
    sentence: str, year: str
) -> None:
    assert (year, year) in resolved(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "Okafor scored 14 of his 22 points in the third quarter.",
        "A first-half goal from the captain settled the derby.",
        "The Eagles led by 10 at halftime and added a touchdown in the fourth quarter.",
        "The Bears trailed in the second half after a costly fumble.",
    ],
)
def test_a_games_quarters_and_halves_are_no_dates(sentence: str) -> None:
    assert resolved(sentence) == []


def test_a_game_story_keeps_its_later_periods_out_of_the_calendar() -> None:
    found = story(
        [
            "Okafor scored 14 points in the first quarter.",
            "Ruiz left the floor in the second quarter with a sprained ankle.",
        ]
    )
    assert found == [[], []]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Third-quarter profit rose 5% at the retailer.", "2019-Q3"),
        ("The economy shrank in the second quarter.", "2019-Q2"),
        ("The team's owner reported a loss for the third quarter of 2019.", "2019-Q3"),
        ("Revenue fell in the first half.", "2019-H1"),
        ("The senator led in the polls in the first quarter.", "2019-Q1"),
    ],
)
def test_business_quarters_stay_resolved(sentence: str, value: str) -> None:
    assert value in [v for _, v in resolved(sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The city grew fast in the second half of the 20th century.",
        "Injuries piled up in the first half of the season.",
    ],
)
def test_a_half_of_another_period_is_no_half_year(sentence: str) -> None:
    assert not [v for _, v in resolved(sentence) if "-H" in (v or "")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The exhibition opens to the public on Friday.", "2019-11-22"),
        ("The retailer reports earnings Thursday.", "2019-11-21"),
        ("The trial begins Monday in Denver.", "2019-11-25"),
        ("Parliament returns Tuesday after the recess.", "2019-11-26"),
        ("The sale ends Sunday.", "2019-11-24"),
        ("On Saturday the cup holders face the league leaders.", "2019-11-23"),
        ("Next game: Host the Rams on Sunday.", "2019-11-24"),
        ("The summit opens Wednesday.", "2019-11-20"),  # the publication day
    ],
)
def test_a_present_that_schedules_points_to_the_next_such_day(sentence: str, expected: str) -> None:
    assert [value for _, value in resolved(sentence)] == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The exhibition opened to the public on Friday.", "2019-11-15"),
        ("The minister has said Monday that the plan stands.", "2019-11-18"),
        ("News reports Monday said the plan stands.", "2019-11-18"),
        ("Officials counted 300 votes Monday.", "2019-11-18"),
        ("The council met Tuesday and votes again in March.", "2019-11-19"),
    ],
)
def test_the_past_and_nouns_stay_in_the_past(sentence: str, expected: str) -> None:
    assert resolved(sentence)[0][1] == expected


def test_the_quarter_of_a_game_story_is_no_calendar_quarter() -> None:
    found = story(
        [
            "The Hawks scored 12 straight points in the second quarter.",
            "Atlanta outscored Denver 30-20 in the quarter.",
        ]
    )
    assert found == [[], []]


def test_the_quarter_of_a_business_story_stays_one() -> None:
    found = story(["The chain sold 4 million phones in the quarter."])
    assert found == [[("the quarter", "2019-Q3")]]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("Revenue rose in the first quarter.", "2019-Q1"),  # the past: the last one
        ("Revenue will rise in the first quarter.", "2020-Q1"),
        ("The plant opens in the first quarter.", "2020-Q1"),  # no tense: the nearer one
    ],
)
def test_a_quarter_lies_where_the_tense_points(sentence: str, value: str) -> None:
    assert [v for _, v in resolved(sentence)] == [value]


def test_the_previous_week_is_the_week_before_the_storys_day() -> None:
    found = story(
        [
            "The board cancelled the listing on September 30.",
            "Its chief had stepped down the previous week.",
        ]
    )
    assert found[1] == [("the previous week", "2019-W39")]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a future seen from the past: the nearest such day or month
        ("The mayor broke her vow that the bridge would open on Oct. 31.", "2019-10-31"),
        ("He said that the plant would close in March.", "2020-03"),
        # a future seen from now stays ahead
        ("Under the plan the council would vote on Oct. 31.", "2020-10-31"),
    ],
)
def test_a_would_reported_from_the_past_takes_the_nearest_date(sentence: str, value: str) -> None:
    assert [v for _, v in resolved(sentence)] == [value]


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("The only race holding a semi-open primary Tuesday was in Ohio.", "2019-11-19"),
        ("Results come out Thursday.", "2019-11-21"),
    ],
)
def test_a_schedule_is_a_whole_verb(sentence: str, value: str) -> None:
    assert [v for _, v in resolved(sentence)] == [value]


@pytest.mark.parametrize(
    "sentence",
    [
        "Its lead in cloud services grew in the second quarter.",
        "Suppliers raced to match demand in the second half.",
    ],
)
def test_words_shared_with_games_leave_a_quarter_alone(sentence: str) -> None:
    assert [value for _, value in resolved(sentence)] in (["2019-Q2"], ["2019-H2"])
