"""Figures, fifth round: classes found on text no round had read for figures (QuanTemp and WiCE
claims, PolNeAR train bodies), each seen three times or more there. Each class is held by
fixture sentences written for it."""

from __future__ import annotations

import pytest

from claimcheck.extract.quantities import find_quantities
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


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A half-dozen of the rebel towns fell by noon.", [("A half-dozen", 6.0, "towns")]),
        ("The vote is split among a half dozen parties.", [("a half dozen", 6.0, "parties")]),
        (
            "The mayor named more than half-dozen deputies.",
            [("more than half-dozen", 6.0, "deputies")],
        ),
        ("Builders put up a quarter-million homes.", [("a quarter-million", 250000.0, "homes")]),
    ],
)
def test_a_half_dozen_and_a_quarter_million_are_numbers(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "surface", "value", "qualifier"),
    [
        ("Nearly half said they would not vote.", "Nearly half", 0.5, "approx"),
        ("More than half have left the region.", "More than half", 0.5, "more_than"),
        ("Fewer than a third agreed with the plan.", "Fewer than a third", 1 / 3, "less_than"),
        ("The grant is less than half its old level.", "less than half", 0.5, "less_than"),
        ("The mayor won about half the vote.", "about half", 0.5, "approx"),
        ("Prices were barely half their peak.", "half", 0.5, "exact"),
        ("The plan would cut waiting lists by half.", "half", 0.5, "exact"),
    ],
)
def test_a_share_with_no_of_is_read(sentence, surface, value, qualifier):
    [share] = find_quantities(sentence)
    assert (share.surface, share.value, share.unit, share.qualifier) == (
        surface,
        pytest.approx(value),
        "",
        qualifier,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Sales fell in the first half this year.",
        "She sees the glass half empty.",
        "He answered half-jokingly.",
        "The club needs a half-century of repairs.",
        "Oysters are served on the half shell.",
    ],
)
def test_half_as_a_part_or_an_adjective_is_no_share(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The three firms’ profits fell.", [("three", 3.0, "firms")]),
        ("The two parties' leaders met.", [("two", 2.0, "parties")]),
    ],
)
def test_a_plural_possessive_is_what_is_counted(sentence, expected):
    """ "the three firms' profits" counts firms, not profits."""
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The tally stood at 412 entering the final week.", [("412", 412.0, "")]),
        ("Of the bills, 12 concerning school funding stalled.", [("12", 12.0, "")]),
        ("Few expect the two of them sharing a stage.", []),
    ],
)
def test_a_verb_after_a_count_is_not_what_it_counts(sentence, expected):
    assert figures(sentence) == expected


def test_a_singular_a_count_describes_is_still_its_unit():
    """Unknown currencies and compound modifiers stay: "a three course meal"."""
    assert figures("They paid 300 million markka for it.") == [("300 million", 3e8, "markka")]
    assert figures("We had a three course meal.") == [("three", 3.0, "meal")]


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Farmers made up 12 percent of the crowd.", "exact"),
        ("The deal freed up $40 million for schools.", "exact"),
        ("Police rounded up 300 people overnight.", "exact"),
        ("Exports were up 12 percent.", "change"),
        ("Output edged up 0.3 percent.", "change"),
    ],
)
def test_up_after_a_phrasal_verb_is_no_change(sentence, qualifier):
    [figure] = find_quantities(sentence)
    assert figure.qualifier == qualifier


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The march drew several hundred.", ("several hundred", 200.0, 900.0, "", "range")),
        (
            "A few thousand residents stayed behind.",
            ("A few thousand", 2000.0, 9000.0, "residents", "range"),
        ),
        (
            "Each donor gave a few hundred dollars.",
            ("a few hundred dollars", 200.0, 900.0, "USD", "range"),
        ),
        (
            "The bridge will cost a couple of billion euros.",
            ("a couple of billion euros", 2e9, None, "EUR", "approx"),
        ),
        ("Several dozen guests left early.", ("Several dozen", 24.0, 108.0, "guests", "range")),
    ],
)
def test_a_vague_multiple_of_a_scale_word_is_a_range(sentence, expected):
    [figure] = find_quantities(sentence)
    assert (figure.surface, figure.value, figure.high, figure.unit, figure.qualifier) == expected


def test_a_few_without_a_scale_word_is_no_figure():
    assert find_quantities("A few more protesters came.") == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The justices ruled in a 6-to-3 decision.",
        "The board split in a 3-to-3 tie.",
        "The motion passed 40-to-2 after a short debate.",
    ],
)
def test_a_tally_written_with_to_is_a_score(sentence):
    """Like "a 5-2 victory": neither side is a count of its own, nor a range."""
    assert figures(sentence) == []


def test_a_rising_span_written_with_to_is_still_a_range():
    [span] = find_quantities("Voters aged 18-to-34 backed the measure.")
    assert (span.value, span.high, span.unit) == (18.0, 34.0, "years")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The audit flagged 31 of the agency’s contracts.", [("31", 31.0, "contracts")]),
        ("She won all 24 of the county's precincts.", [("24", 24.0, "precincts")]),
        ("Three of the mayor's closest aides resigned.", [("Three", 3.0, "aides")]),
        ("Officials released 480 of Smith's private letters.", [("480", 480.0, "letters")]),
    ],
)
def test_a_part_of_what_someone_has_counts_the_noun_after_the_possessive(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The poll's margin of error is plus or minus 3.1 percentage points.",
            [("3.1 percentage points", 3.1, "percentage points")],
        ),
        ("Results may vary by plus or minus five percent.", [("five percent", 5.0, "percent")]),
        ("Overnight it fell to minus 8 degrees.", [("minus 8 degrees", -8.0, "degrees")]),
    ],
)
def test_plus_or_minus_is_a_margin_not_a_negative_number(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"We waited hours," said Maria Lopez, 41, a teacher.', [("41", 41.0, "years")]),
        ("Mr. Okafor, 72, walked to the polls.", [("72", 72.0, "years")]),
        ("Among the missing was Tom Berg, 19.", [("19", 19.0, "years")]),
    ],
)
def test_a_number_set_off_by_commas_after_a_name_is_an_age(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("In Georgia, 412,000 people voted early.", [("412,000", 412000.0, "people")]),
        ("In Ohio, 12 percent were undecided.", [("12 percent", 12.0, "percent")]),
    ],
)
def test_a_count_after_a_place_and_a_comma_is_no_age(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Lopez has 212 delegates, Chen has 140 and Ruiz left with 35.",
            [("212", 212.0, "delegates"), ("140", 140.0, "delegates"), ("35", 35.0, "delegates")],
        ),
        (
            "The mayor won 60 precincts to her rival's 41.",
            [("60", 60.0, "precincts"), ("41", 41.0, "precincts")],
        ),
        (
            "Smith got 12 votes, Jones got five.",
            [("12", 12.0, "votes"), ("five", 5.0, "votes")],
        ),
    ],
)
def test_a_count_whose_noun_is_left_out_takes_it_from_the_clause_before(sentence, expected):
    assert figures(sentence) == expected


def test_a_number_after_it_is_keeps_no_borrowed_unit():
    assert figures("The club has 40 members and it's 9 now.") == [
        ("40", 40.0, "members"),
        ("9", 9.0, ""),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The tower is 330\u00a0m tall.", [("330\u00a0m", 330.0, "m")]),
        ("Turnout fell to 48.5\u00a0% last year.", [("48.5\u00a0%", 48.5, "percent")]),
        ("Rescuers reached 12\u00a0stranded hikers.", [("12", 12.0, "hikers")]),
        (
            "The engine holds 90\u00a0cu\u00a0in of fuel.",
            [("90\u00a0cu\u00a0in", 90.0, "cubic inches")],
        ),
        ("Entry costs 5\u00a0000 euros.", [("5\u00a0000 euros", 5000.0, "EUR")]),
    ],
)
def test_a_no_break_space_reads_as_a_space_and_shows_as_written(sentence, expected):
    assert figures(sentence) == expected


def test_offsets_stay_those_of_the_text_with_no_break_spaces():
    [figure] = find_quantities("Height: 330\u00a0m.", offset=100)
    assert (figure.start, figure.end) == (108, 113)


@pytest.mark.parametrize(
    "sentence",
    [
        "The state made a one-time payment to farmers.",
        "His one-time ally now leads the opposition.",
    ],
)
def test_one_time_meaning_single_or_former_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_two_time_winner_still_counts_times():
    assert figures("She is a two-time winner.") == [("two-time", 2.0, "times")]


def test_a_date_written_without_a_space_after_its_comma_gives_no_stray_digit():
    """ "May 17,2020": "17,202" is no group of thousands when a digit follows."""
    assert figures("The post went up on March 9,2021 and spread fast.") == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The survey of 900 likely voters ended Sunday.", [("900", 900.0, "voters")]),
        ("The war left 2 million internally displaced persons.", [("2 million", 2e6, "persons")]),
        ("Critics released three highly critical reports.", [("three", 3.0, "reports")]),
        ("The town kept four lonely statues.", [("four", 4.0, "statues")]),
    ],
)
def test_an_adverb_or_an_adjective_in_ly_inside_a_count_is_passed_over(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ["The two sharply disagree.", "The other three barely made it."],
)
def test_an_adverb_before_a_verb_gives_no_unit(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Ana, a mother of three, runs the shop.", [("three", 3.0, "children")]),
        ("The father-of-two was released.", [("two", 2.0, "children")]),
        ("A grandmother of nine, she led the march.", [("nine", 9.0, "grandchildren")]),
        ("Parents of four pupils complained.", [("four", 4.0, "pupils")]),
    ],
)
def test_a_parent_of_a_number_counts_children(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The senator died at the age of 88.", [("88", 88.0, "years")]),
        ("Turnout among voters under the age of 25 fell.", [("25", 25.0, "years")]),
    ],
)
def test_the_age_of_a_number_is_years(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The base hosts 900 U.S. troops.", [("900", 900.0, "troops")]),
        ("The attack killed three U.N. peacekeepers.", [("three", 3.0, "peacekeepers")]),
    ],
)
def test_a_dotted_abbreviation_before_the_noun_is_a_modifier(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "of"),
    [
        ("Some 64 percent of registered Latino voters backed her.", "of registered Latino voters"),
        ("He won 58% of likely Republican voters.", "of likely Republican voters"),
        ("The top 1 percent took half of all capital gains.", "of all capital gains"),
        ("Turnout reached 52 percent of the vote in May.", "of the vote"),
        ("Nearly three-fourths of them tell pollsters no.", ""),
    ],
)
def test_what_a_share_is_of_reaches_the_plural_after_two_modifiers(sentence, of):
    assert find_quantities(sentence)[-1].of == of


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("A $40 million bridge opened today.", [("$40 million", 4e7, "USD")]),
        ("Voters Back A $12 Minimum Wage.", [("$12", 12.0, "USD")]),
        ("The note is worth A$50.", [("A$50", 50.0, "AUD")]),
    ],
)
def test_the_article_a_before_a_dollar_sign_is_no_australian_dollar(sentence, expected):
    assert figures(sentence) == expected


def test_a_number_after_a_month_and_a_comma_is_no_age():
    assert figures("Filed Dec, 3, 1964 in the county.") == [("3", 3.0, "")]


def test_aircraft_after_a_verb_form_is_still_a_plural():
    assert figures("The squadron grew to 25 assigned aircraft.") == [("25", 25.0, "aircraft")]


@pytest.mark.parametrize(
    "sentence",
    [
        '"The rules are clear," the two write.',
        "None of the three laid out a budget.",
        "The three grew close over the summer.",
    ],
)
def test_a_number_word_after_the_with_no_plural_is_a_pronoun(sentence):
    assert figures(sentence) == []


def test_a_number_word_after_the_still_counts_a_plural():
    assert figures("The two rival camps met.") == [("two", 2.0, "camps")]


def test_a_level_after_the_is_no_pronoun():
    assert figures("The index fell below the ten thousand mark.") == [
        ("ten thousand", 10000.0, "mark")
    ]
