"""Dates resolved against the published date, the sentence's tense and the story: one test per
class of wrong date seen on real news (issue 10), with sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from claimcheck.extract.claims import extract_claims
from claimcheck.extract.dates import StoryDates, find_dates

FRIDAY = date(2024, 9, 13)
THURSDAY = date(2024, 9, 12)


def resolved(sentence: str, published: date | None = FRIDAY) -> list[tuple[str, str | None]]:
    return [(d.surface, d.resolved) for d in find_dates(sentence, published)]


def test_the_publication_weekday_is_the_publication_day() -> None:
    assert resolved("The talks ended on Friday.") == [("Friday", "2024-09-13")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The result will be announced on Friday.", "2024-09-13"),
        ("The result was announced on Friday.", "2024-09-06"),
        ("The verdict is expected to be delivered on Monday.", "2024-09-16"),
        ("The verdict was delivered on Monday.", "2024-09-09"),
    ],
)
def test_future_tense_looks_ahead(sentence: str, expected: str) -> None:
    assert resolved(sentence, THURSDAY)[0][1] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He told The Mail on Sunday that he was leaving.",
        "She appeared on NBC's Today show to defend the plan.",
        "He said on CBS This Morning that the plan works.",
        "The Sunday Times reported the figures first.",
        "Theresa May said the deal was done.",
    ],
)
def test_names_are_not_dates(sentence: str) -> None:
    assert resolved(sentence) == []


def test_a_day_and_month_take_the_year_the_story_has_just_set() -> None:
    story = StoryDates(date(2011, 12, 20))
    first = story.find("The fire broke out in December 2010.")
    second = story.find("On December 27 the mayor resigned.")
    assert [d.resolved for d in first + second] == ["2010-12", "2010-12-27"]
    # without the story, the same words are resolved against the published date
    assert resolved("On December 27 the mayor resigned.", date(2011, 12, 20)) == [
        ("December 27", "2011-12-27")
    ]


def test_bare_weekdays_are_resolved() -> None:
    assert resolved("It was learned Tuesday that the firm had failed.") == [
        ("Tuesday", "2024-09-10")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Sales rose in March.", [("March", "2024-03")]),
        ("The vote is due to take place in March.", [("March", "2025-03")]),
        ("Profit fell in the third quarter.", [("the third quarter", "2024-Q3")]),
        ("The contract runs for 27 years.", [("27 years", "P27Y")]),
        ("The 12-hour strike ended.", [("12-hour", "PT12H")]),
        ("It opened 20 years ago.", [("20 years ago", "2004")]),
        (
            "Flights resumed at 6 p.m. on Thursday.",
            [("6 p.m", "2024-09-12T18:00"), ("Thursday", "2024-09-12")],
        ),
        ("He spoke on Thursday night.", [("Thursday night", "2024-09-12TNI")]),
        ("Prices are now at a record.", [("now", "PRESENT_REF")]),
        ("The music of the 1970s and 80s returned.", [("1970s", "197"), ("80s", "198")]),
        ("It costs $5 a day, twice a year.", []),
        ("In their 30s, most had jobs.", []),
        ("The 2019 election was close.", [("2019", "2019")]),
        ("Flight 2019 and No. 2020 were late.", []),
    ],
)
def test_classes_of_dates(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence) == expected


def test_without_a_published_date_only_absolute_dates_resolve() -> None:
    assert resolved("On 5 March 2021 and on Friday.", None) == [
        ("5 March 2021", "2021-03-05"),
        ("Friday", None),
    ]


def test_the_extractor_reads_the_story_in_order_and_durations_are_not_events() -> None:
    text = (
        "The plant closed in December 2010 after a fire that had burned for two days.\n"
        "On December 27 the mayor said the closure cost the town 1,200 jobs and $40 million."
    )
    claims = extract_claims(text, "2011-12-20", min_score=0.0)
    dates = [(d.surface, d.resolved) for c in claims for d in c.dates]
    assert dates == [
        ("December 2010", "2010-12"),
        ("two days", "P2D"),
        ("December 27", "2010-12-27"),
    ]
    assert all("event" in c.kinds for c in claims)
    only_duration = extract_claims("The strike lasted for two days and cost 300 jobs.", None, 0.0)
    assert only_duration[0].dates and "event" not in only_duration[0].kinds
    every = extract_claims("Prices rise every year by 300 jobs' worth.", "2024-09-13", 0.0)
    assert every[0].dates[0].resolved == "P1Y" and "event" not in every[0].kinds


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # seasons: the last one that ended, the next to begin, the nearest in the tense
        ("Sales rose last summer.", [("last summer", "2024-SU")]),
        ("Heating bills will climb next winter.", [("next winter", "2024-WI")]),
        ("The plant will reopen in the summer.", [("summer", "2025-SU")]),
        ("In the spring of 2009 the plant closed.", [("spring of 2009", "2009-SP")]),
        ("The fall of the Berlin Wall changed Europe.", []),
        ("Prices fall as the Arab Spring spreads.", []),
        # fiscal years, by the year they end in
        ("Revenue in fiscal 2007 beat FY06.", [("fiscal 2007", "FY2007"), ("FY06", "FY2006")]),
        ("Debt rose in the 2006-07 financial year.", [("2006-07 financial year", "FY2007")]),
        ("Costs fell this fiscal year.", [("this fiscal year", "FY2024")]),
        # quarters and halves
        ("Profit rose in Q3 2009.", [("Q3 2009", "2009-Q3")]),
        ("Exports fell in the first half of 2010.", [("the first half of 2010", "2010-H1")]),
        ("Profit rose in the previous quarter.", [("the previous quarter", "2024-Q2")]),
        ("Sales will recover next quarter.", [("next quarter", "2024-Q4")]),
        # noon and midnight, and the weekend in the sentence's tense
        ("The talks resumed at noon.", [("noon", "2024-09-13T12:00")]),
        ("The deal was signed over the weekend.", [("the weekend", "2024-W36-WE")]),
        ("The deal will be signed over the weekend.", [("the weekend", "2024-W37-WE")]),
        # decades
        ("Inflation was high in the nineties.", [("the nineties", "199")]),
        ("In the past decade crime fell.", [("the past decade", "P1DE")]),
        # ranges of years: both ends
        ("Output fell in 1990-95.", [("1990", "1990"), ("95", "1995")]),
        ("The 2008–2010 recession hurt.", [("2008", "2008"), ("2010", "2010")]),
        ("Shares rose in mid-2011.", [("mid-2011", "2011")]),
        # vague durations and frequencies, not points
        ("The talks went on for years.", [("years", "PXY")]),
        ("Prices collapsed within minutes.", [("minutes", "PTXM")]),
        ("It began several months ago.", [("several months ago", "PAST_REF")]),
        ("The annual loss was the first.", [("annual", "P1Y")]),
        ("The Daily Mail said so.", []),
        # numbers that look like years but count things
        ("About 2000 people marched.", []),
        ("The firm hired 1999 workers.", []),
        ("The 2008 election was close.", [("2008", "2008")]),
        ("In 2000 the party won.", [("2000", "2000")]),
        ("2019 saw record profits.", [("2019", "2019")]),
        ("Late 2019 results were weak.", [("Late 2019", "2019")]),
        # words that hold a date but are not one
        ("The now-cancelled deal cost $23 billion.", []),
        ("The September 11 attacks changed travel.", [("September 11", "2001-09-11")]),
    ],
)
def test_more_classes_of_dates(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence) == expected


def test_the_day_is_the_day_the_story_is_about() -> None:
    story = StoryDates(date(2010, 3, 3))
    first = story.find("Ford said on Tuesday that its sales rose 43% in February.")
    story.find("Ford said total sales improved.")
    later = story.find("Its stock rose in morning trading, before declining later in the day.")
    assert [(d.surface, d.resolved) for d in first + later] == [
        ("Tuesday", "2010-03-02"),
        ("February", "2010-02"),
        ("morning", "2010-03-02TMO"),
        ("later", "FUTURE_REF"),
        ("the day", "2010-03-02"),
    ]
    # with no day in the story, the day is the published day
    assert resolved("Shares ended the day lower.") == [("the day", "2024-09-13")]
    assert resolved("The day after the vote, he resigned.") == []
    assert resolved("At the end of the day, voters decide.") == []  # in the end
    assert resolved("Shares rose 2% at the end of the day.") == [
        ("the end of the day", "2024-09-13")
    ]


def test_the_same_period_a_year_back_is_the_story_period_a_year_back() -> None:
    story = StoryDates(date(2010, 3, 3))
    found = story.find("Sales rose 43% in February compared to the same period last year.")
    assert [(d.surface, d.resolved) for d in found] == [
        ("February", "2010-02"),
        ("the same period last year", "2009-02"),
    ]
    quarter = StoryDates(date(2009, 10, 16)).find(
        "It lost $2.2 billion in the third quarter of this year, against a gain in the same "
        "period a year earlier."
    )
    assert [d.resolved for d in quarter] == ["2009-Q3", "2008-Q3"]
    assert resolved("Sales fell from the same period a year earlier.") == [
        ("the same period a year earlier", "2023")
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # "later" and "earlier" as adverbs of time, not adjectives or after a duration
        ("Shares later recovered.", [("later", "FUTURE_REF")]),
        ("He said earlier that the plan was dead.", [("earlier", "PAST_REF")]),
        ("Earlier reports were wrong.", []),
        ("Two days later, the firm collapsed.", [("Two days", "P2D")]),
        ("The vote was moved to a later date.", [("a later date", "XXXX-XX-XX")]),
        # the whole expression, so a strict span matches
        ("Sales rose earlier this year.", [("earlier this year", "2024")]),
        ("Growth returns early next year.", [("early next year", "2025")]),
        ("Prices fell over the past two years.", [("the past two years", "P2Y")]),
        ("Prices will rise in the coming months.", [("the coming months", "PXM")]),
        ("Talks ended by the end of this year.", [("the end of this year", "2024")]),
        ("Debt peaked at the end of 2008.", [("the end of 2008", "2008")]),
        ("Sales rose in early 2008.", [("early 2008", "2008")]),
        ("Profit fell for the entire year.", [("the entire year", "2024")]),
        ("Prices peaked in the mid-1990s.", [("mid-1990s", "199")]),
        ("Sales rose in the 2007 fiscal year.", [("2007 fiscal year", "FY2007")]),
        ("The firm was founded a decade ago.", [("a decade ago", "2014")]),
        # next to the story's day, or the published one
        ("The day before, he resigned.", [("The day before", "2024-09-12")]),
        ("On the previous day, the index fell 3%.", [("the previous day", "2024-09-12")]),
        ("The following week, prices rose.", [("The following week", "2024-W38")]),
        ("Rates will rise over the next year.", [("the next year", "P1Y")]),
        # holidays, fixed and movable, nearest in the sentence's tense
        ("The store closed on Christmas Day.", [("Christmas Day", "2023-12-25")]),
        ("The store opens on Christmas Day.", [("Christmas Day", "2024-12-25")]),
        ("Traffic will peak over Thanksgiving.", [("Thanksgiving", "2024-11-28")]),
        ("Churches filled on Easter Sunday.", [("Easter Sunday", "2024-03-31")]),
        ("Christmas sales rose.", []),
        # centuries, sets and time zones
        ("It was built in the 20th century.", [("the 20th century", "19")]),
        ("The 21st Century Fox deal closed.", []),
        ("Prices rise every year.", [("every year", "P1Y")]),
        ("Each year of school adds 10% to pay.", []),
        ("Trading opened at 9:30 EST.", [("9:30 EST", "2024-09-13T09:30")]),
        # typographic quotes and apostrophes do not hide a date
        ("“Yesterday, there were two polls.”", [("Yesterday", "2024-09-12")]),
        ("Going into Tuesday’s contests, she led.", [("Tuesday", "2024-09-10")]),
        ("He spoke on WTMJ’s “Midday with Charlie Sykes”.", []),
        ("The index closed at 16:08 UTC.", [("16:08 UTC", "2024-09-13T16:08Z")]),
    ],
)
def test_classes_of_dates_timeml_marks(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence) == expected


@pytest.mark.parametrize("published", [date(1, 1, 1), date(9999, 12, 31)])
def test_dates_beyond_the_calendar_resolve_to_nothing(published: date) -> None:
    found = find_dates(
        "Last Friday, the day before Easter and a decade ago, sales fell; on Christmas Eve and "
        "the following day they will rise.",
        published,
    )
    assert found and all(d.resolved is None or len(d.resolved) >= 4 for d in found)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # no tense near the date: this year's (HeidelTime's rule for news), not last year's
        ("The party hopes for a win in November.", "2016-11"),
        ("This November, voters decide.", "2016-11"),
        ("Her Aug. 30 primary is a risk for her.", "2016-08-30"),
        # a future word after the date, before any past verb
        ("I hope that on Nov. 8, the country will choose well.", "2016-11-08"),
        # a past verb after the future word governs the date
        ("He said it would close the plant, which opened in October.", "2015-10"),
        # the past, before or after the date
        ("The union endorsed her in November.", "2015-11"),
        ("In November, the union endorsed her.", "2015-11"),
        ("The report is expected in November.", "2016-11"),
    ],
)
def test_the_tense_of_the_sentence_picks_the_year(sentence: str, expected: str) -> None:
    assert resolved(sentence, date(2016, 2, 29))[-1][1] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # programmes: a capital inside a sentence, unless it opens a clause or a quotation
        ("He spoke Sunday on ABC’s “This Week,” and admitted it.", [("Sunday", "2024-09-08")]),
        ("Trump told ABC's This Week that it was weird.", []),
        ('He said, "Today is a great day for us."', [("Today", "2024-09-13")]),
        # "since" looks back, "ahead of" forward, wherever the verb is
        (
            "She will take the stage after gains since their Nov. 20 debate.",
            [("Nov. 20", "2023-11-20")],
        ),
        ("He will gain since the Nov. 20 debate.", [("Nov. 20", "2023-11-20")]),
        ("Polls show him trailing just ahead of Tuesday's vote.", [("Tuesday", "2024-09-17")]),
        ("He faces a tight race ahead of the caucuses on Monday.", [("Monday", "2024-09-16")]),
        # "was due to" is the future of a past moment: no tense, so this year's
        ("Applicants were due to file papers by March 15.", [("March 15", "2024-03-15")]),
        # a season with no tense is this year's
        ("Officials want a plan by the fall.", [("fall", "2024-FA")]),
    ],
)
def test_tense_and_names_on_unseen_news(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # TIMEX3 reference values: the long term lies ahead, the moment is now
        ("The plan pays off in the long term.", [("the long term", "FUTURE_REF")]),
        ("At the moment, songs cost 79p.", [("At the moment", "PRESENT_REF")]),
        ("Such deals failed in the past.", [("the past", "PAST_REF")]),
        ("Prices fell in the past week.", [("the past week", "P1W")]),
        ("Long-term debt rose.", []),
        ("He doubts the long-term goals of the industry.", []),
        ("He will say whatever works at the moment he says it.", []),
        # British times with a dot, and only with am or pm
        ("Trades at or around 2.40 PM are cancelled.", [("2.40 PM", "2024-09-13T14:40")]),
        ("The index fell 2.40 points.", []),
        # a quarter and its year without "of", and the fiscal quarter
        ("Fourth-quarter 2006 growth was revised.", [("Fourth-quarter 2006", "2006-Q4")]),
        ("Sales fell in the third quarter 2009.", [("the third quarter 2009", "2009-Q3")]),
        ("Sales rose in the last financial quarter.", [("the last financial quarter", "2024-Q2")]),
        # the edge of the fiscal year running at publication, by the year it ends in
        (
            "Sales rose at the very beginning of the financial year.",
            [("the very beginning of the financial year", "FY2024")],
        ),
        # the story's day after "over" and "close"
        ("The index rose over the day.", [("the day", "2024-09-13")]),
        # "a couple of": two, as TimeBank reads it
        (
            "Greece faces a depression over the next couple of years.",
            [("the next couple of years", "P2Y")],
        ),
        ("The bankruptcy should take a couple of months.", [("a couple of months", "P2M")]),
        # a vague span that opens a sentence before "after" or "later"
        ("Days after the remarks, the Air Force gave in.", [("Days", "PXD")]),
        ("Days are long.", []),
        # "March", like "May", is a month only where a month can stand
        ("The Coalition to Stop Trump and March on the RNC marched.", []),
        ("He was at the March on Washington in 1963.", [("1963", "1963")]),
        # a name before a modified weekday or month does not make it a name
        ("The pledge made with Washington last September held.", [("last September", "2023-09")]),
        ("Sales rose in March.", [("March", "2024-03")]),
        # a participle after an adverb is no past: "is officially reported in March"
        ("The loss could rise before it is officially reported in March.", [("March", "2025-03")]),
    ],
)
def test_classes_of_dates_on_unseen_news(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence) == expected


def test_that_year_and_that_month_are_the_year_the_story_wrote_out() -> None:
    story = StoryDates(date(2016, 6, 23))
    first = story.find("Riots marred the 1968 convention in Chicago.")
    second = story.find("Humphrey lost that November, and that year ended badly.")
    assert [(d.surface, d.resolved) for d in first + second] == [
        ("1968", "1968"),
        ("that November", "1968-11"),
        ("that year", "1968"),
    ]
    assert [(d.surface, d.resolved) for d in story.find("Nixon won that November.")] == [
        ("that November", "1968-11")
    ]
    # with no year written out, "that November" is read as "November", and with no day named
    # lately "that day" is left unresolved
    assert resolved("They met on that day.", date(2016, 6, 23)) == [("that day", None)]
    assert resolved("He lost that November.", date(2016, 6, 23)) == [("that November", "2015-11")]


THURSDAY_2009 = date(2009, 3, 5)


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # TimeML keeps a part of the day, an edge or a year with the date it qualifies: one
        # expression, not two
        ("Shares fell late Tuesday.", [("late Tuesday", "2009-03-03")]),
        ("The index rose early Tuesday morning.", [("early Tuesday morning", "2009-03-03TMO")]),
        ("The index fell earlier Monday.", [("earlier Monday", "2009-03-02")]),
        ("The plant will open in January next year.", [("January next year", "2010-01")]),
        ("The plant opened in May last year.", [("May last year", "2008-05")]),
        ("Jobs will be on leave until the end of June.", [("the end of June", "2009-06")]),
        ("He left at the end of March 2008.", [("the end of March 2008", "2008-03")]),
        ("The aircraft will fly by the end of the decade.", [("the end of the decade", "200")]),
        # quarters as business news writes them
        (
            "Revenue in last year's fourth quarter fell.",
            [("last year's fourth quarter", "2008-Q4")],
        ),
        (
            "Sales in the 2008 fiscal fourth quarter rose.",
            [("2008 fiscal fourth quarter", "2008-Q4")],
        ),
        (
            "Sales rose in the first quarter of the year.",
            [("the first quarter of the year", "2009-Q1")],
        ),
        # the quarter that ends in December, and the holiday quarter, are the fourth
        ("Apple's revenue for the December quarter rose.", [("the December quarter", "2008-Q4")]),
        ("Sales in the holiday quarter rose.", [("the holiday quarter", "2008-Q4")]),
        # durations: modifiers in the span, thousands, runs of days, "-long"
        ("It is the lowest level in nearly six years.", [("nearly six years", "P6Y")]),
        ("It is the lowest in more than a decade.", [("more than a decade", "P1DE")]),
        ("Bound together by 2,000 years of trade, they grew.", [("2,000 years", "P2000Y")]),
        ("Shares fell for five straight days.", [("five straight days", "P5D")]),
        ("The month-long strike ended.", [("month-long", "P1M")]),
        ("The decades-long dispute ended.", [("decades-long", "PXDE")]),
        ("A road that could one day stretch to Europe.", [("one day", "FUTURE_REF")]),
        # 24-hour times where a time can stand, zones written out
        ("The market closed at 16:00.", [("16:00", "2009-03-05T16:00")]),
        ("The ratio is 3:1 and the score 12:30.", []),
        (
            "Trading opened at 9:30 a.m. Eastern time.",
            [("9:30 a.m. Eastern time", "2009-03-05T09:30")],
        ),
        # a year after "a" describes a thing ("a 2006 controversy"), it counts nothing
        ("He referred to a 2006 controversy over ports.", [("2006", "2006")]),
        ("They speak of partnership these days.", [("these days", "PRESENT_REF")]),
        ("Sales fell in the month of July.", [("the month of July", "2008-07")]),
        ("It happened in the year 2000, people said.", [("the year 2000", "2000")]),
        # "Earlier in the day" opens a sentence; a century is a unit; "$25 a week earlier" is no
        # rate
        (
            "Earlier in the day, Boeing got a letter.",
            [("Earlier", "PAST_REF"), ("the day", "2009-03-05")],
        ),
        ("The firm was founded over a century ago.", [("a century ago", "1909")]),
        ("He owned a Century speedboat.", []),
        ("Sanders Promises Action In First 100 Days", [("First 100 Days", "P100D")]),
        ("It closed at $20, down from $25 a week earlier.", [("a week", "P1W")]),
    ],
)
def test_classes_timeml_marks_in_business_news(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence, THURSDAY_2009) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The Dow fell 3% for the week.", [("the week", "2009-W10")]),
        ("The accident happened in the morning.", [("the morning", "2009-03-05TMO")]),
        ("He spoke on the night of the vote.", []),
        ("It is part of an upheaval in the morning shows.", []),
        ("His peak came the last week of February.", [("February", "2009-02")]),
        (
            "Trading opened at noon (1600 GMT).",
            [("noon", "2009-03-05T12:00"), ("1600 GMT", "2009-03-05T16:00Z")],
        ),
        ("GM lost money for the year.", [("the year", "2009")]),
        ("Toyota had a recall during the month.", [("the month", "2009-03")]),
        ("Trump had spent much of the week in Colorado.", [("the week", "2009-W10")]),
        ("Democrats spent the entire week in Philadelphia.", [("the entire week", "2009-W10")]),
        ("Apple sold 4 million iPods in the quarter.", [("the quarter", "2008-Q4")]),
        ("Apple expects to sell more in the quarter.", [("the quarter", "2009-Q1")]),
        # not a period of the story
        ("He was named person of the year.", []),
        ("The Dow fell for the week ahead of the report.", []),
        ("A quarter of the staff left the French Quarter.", []),
        ("Sales fell in the year to March.", [("March", "2009-03")]),
    ],
)
def test_the_week_month_quarter_and_year_of_the_story(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    assert resolved(sentence, THURSDAY_2009) == expected


def test_the_year_ago_quarter_is_the_story_quarter_a_year_back() -> None:
    story = StoryDates(date(2009, 10, 16))
    first = story.find("Profit rose in the third quarter.")
    second = story.find("It lost money in the year-ago quarter, and in the quarter before.")
    assert [(d.surface, d.resolved) for d in first + second] == [
        ("the third quarter", "2009-Q3"),
        ("the year-ago quarter", "2008-Q3"),
    ]
    later = story.find("Sales fell 5% for the quarter.")
    assert [(d.surface, d.resolved) for d in later] == [("the quarter", "2009-Q3")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a condition in the present looks ahead; one with a past verb does not
        ("He promised reform if they take office in January.", "2017-01"),
        ("He asked if they had met in January.", "2016-01"),
        # "is due", "are expected", "expects to", "has until" look ahead
        ("Results are due on Monday.", "2016-08-15"),
        ("The campaign is now braced for a fight it expects to last into the spring.", "2017-SP"),
        ("GM has until Feb. 17 to submit a plan.", "2017-02-17"),
        # an adverb between "is" and a participle leaves it no past
        ("The campaign is now braced for a fight in October.", "2016-10"),
    ],
)
def test_more_words_that_look_ahead(sentence: str, expected: str) -> None:
    assert resolved(sentence, date(2016, 8, 12))[-1][1] == expected


def test_late_tuesday_after_a_name_and_a_baseline_year_are_not_the_story() -> None:
    assert resolved("Clinton led Sanders late Tuesday by a point.", THURSDAY_2009) == [
        ("late Tuesday", "2009-03-03")
    ]
    story = StoryDates(date(2009, 4, 3))
    story.find("Sales in Canada dropped 23% compared to March of 2008.")
    found = story.find("GM has until the end of May to restructure.")
    assert [(d.surface, d.resolved) for d in found] == [("the end of May", "2009-05")]
    # a past year the story has set does not hold for a sentence that looks ahead
    story.find("The plant closed in December 2008.")
    assert [d.resolved for d in story.find("It will reopen in March.")] == ["2010-03"]
    assert [d.resolved for d in story.find("It had opened in March.")] == ["2008-03"]


def test_the_day_is_a_day_named_lately_even_after_months_were_named() -> None:
    story = StoryDates(date(2007, 7, 9))
    story.find("On Saturday, Boeing announced 35 new orders.")
    for _ in range(3):
        story.find("The first flight is expected in August, and deliveries in May 2008.")
    found = story.find("Earlier in the day, Boeing received a letter.")
    assert [(d.surface, d.resolved) for d in found] == [
        ("Earlier", "PAST_REF"),
        ("the day", "2007-07-09"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # adjectives are not times: "future announcements", "hourly workers"
        ("Pending future announcements cloud the plant.", []),
        ("It is a once and future symbol of success.", []),
        ("In future, we will sell more.", [("future", "FUTURE_REF")]),
        ("The impacted hourly and salaried workers face cuts.", []),
        ("The index is updated hourly.", [("hourly", "PT1H")]),
    ],
)
def test_adjectives_that_are_not_times(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert resolved(sentence, THURSDAY_2009) == expected


def test_that_month_and_that_week_are_the_story_s() -> None:
    story = StoryDates(date(2016, 6, 8))
    story.find("Sanders campaigned in the state in May.")
    found = story.find("Bill Clinton campaigned later that month.")
    assert [(d.surface, d.resolved) for d in found] == [("later that month", "2016-05")]
    story.find("The vote was held on Tuesday.")
    assert [d.resolved for d in story.find("He lost that week.")] == ["2016-W23"]
    assert resolved("He lost that week.") == [("that week", None)]
