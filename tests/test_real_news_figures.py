"""Figures on real news pages (bench/bench_audit.py): classes of number that a reader of the
review queue saw given as a figure though they count nothing, or counted the wrong thing. Each
class is held by fixture sentences written for it."""

from __future__ import annotations

import pytest

from claimcheck.extract.quantities import find_quantities
from tests.real_news import figures


@pytest.mark.parametrize(
    "sentence",
    [
        "2.",
        "3)",
        "(4)",
        "Our shortlist follows.\n5. A budget blender for small kitchens",
        "Our shortlist follows.\n(6) A kettle that boils quietly",
        "7) The editors' favourite toaster",
    ],
)
def test_the_number_of_a_list_item_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_figure_in_a_list_item_is_still_read():
    assert figures("8. The kettle costs $45.") == [("$45", 45.0, "USD")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The steel kettle is one of my top picks this winter.",
        "It remains one of the best deals on a budget phone.",
        "One of the first signs was a rash on her arm.",
        "Voters said one of them had to go.",
    ],
)
def test_one_of_a_group_is_no_count(sentence):
    assert figures(sentence) == []


def test_one_of_names_the_group_size_when_it_is_given():
    assert figures("One of the four robbers was caught.") == [("four", 4.0, "robbers")]


@pytest.mark.parametrize(
    ("sentence", "value", "of"),
    [
        ("One of every four tenants is behind on rent.", 0.25, "of tenants"),
        ("One out of every five drivers speeds.", 0.2, "of drivers"),
        ("Two of every three nurses were women.", 2 / 3, "of nurses"),
    ],
)
def test_of_every_is_a_ratio(sentence, value, of):
    [ratio] = find_quantities(sentence)
    assert (round(ratio.value, 4), ratio.unit, ratio.of) == (round(value, 4), "", of)


@pytest.mark.parametrize(
    "sentence",
    [
        "The 3-in-1 charging pad sits on the desk.",
        "She tested a 2-in-1 laptop and a 5-in-1 hub.",
        "The shop ran a 2-for-1 offer on coffee.",
        "He gave one-on-one interviews and sold two-in-one shampoo.",
    ],
)
def test_a_name_made_of_numbers_counts_nothing(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Dealers expect the 2020 Sentra in spring.",
        "She drives a 2021 Honda Civic to work.",
        "Dealers cut the price of the 2019 models.",
        "Nissan recalled 2018 Altimas over a faulty latch.",
    ],
)
def test_a_model_year_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_count_of_models_is_still_a_figure():
    assert figures("The firm sold 2,000 models last year.") == [("2,000", 2000.0, "models")]


@pytest.mark.parametrize(
    "sentence",
    [
        "AirPods 3 cost less this week.",
        "iPhone 11 sales held up in China.",
        "The shop sold out of PlayStation 5 consoles.",
    ],
)
def test_a_number_after_a_product_name_is_part_of_the_name(sentence):
    assert figures(sentence) == []


def test_a_capitalised_first_word_does_not_make_a_name():
    assert figures("About 70 people came.") == [("About 70", 70.0, "people")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('The deal is on a 34" curved monitor.', [('34"', 34.0, "inches")]),
        (
            'It pairs a 13" tablet with a 15" laptop.',
            [('13"', 13.0, "inches"), ('15"', 15.0, "inches")],
        ),
        ('A 65" set now costs $499.', [('65"', 65.0, "inches"), ("$499", 499.0, "USD")]),
    ],
)
def test_a_double_quote_glued_to_a_number_is_an_inch_mark(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    ['He wrote "we counted 15" on the form.', 'The sign read "Gate 22" and "Exit 4" today.'],
)
def test_a_quote_that_closes_after_a_number_is_no_inch_mark(sentence):
    assert all(unit != "inches" for _, _, unit in figures(sentence))


@pytest.mark.parametrize(
    "sentence",
    [
        "The box streams films with 5.1 surround sound.",
        "It ships with a 7.1-channel audio mode.",
        "The bar is sold as a 2.1 speaker system.",
    ],
)
def test_a_sound_format_is_no_figure(sentence):
    assert figures(sentence) == []


def test_a_decimal_before_a_unit_is_still_a_figure():
    assert figures("Sales grew 5.1 percent.") == [("5.1 percent", 5.1, "percent")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The one sign worth noting is the turnout.",
        "She is the one person the mayor trusts.",
        "One night after the loss, the team won at home.",
        "One week before the vote, the polls tightened.",
        "The rain stopped one hour later.",
        "There is one similar 3-in-1 charging mat on sale.",
    ],
)
def test_one_as_an_article_is_no_count(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Two days after the vote, prices rose.", ("Two days", 2.0, "days")),
        ("The one-day strike closed schools.", ("one-day", 1.0, "days")),
        ("Only one similar case was found.", ("one", 1.0, "case")),
        ("He faced two different bosses in a year.", ("two", 2.0, "bosses")),
        ("Three different Tory-run councils cut bins.", ("Three", 3.0, "councils")),
    ],
)
def test_counts_next_to_those_articles_stay(sentence, expected):
    assert expected in figures(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The game turned on a last-minute 3-pointer by the guard.",
        "The van hit a two-seater and an 18-wheeler.",
        "The club chased a three-peat in the spring.",
    ],
)
def test_a_thing_named_by_a_number_is_no_count_of_it(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She made 12 3-pointers in the game.", [("12", 12.0, "3-pointers")]),
        ("He hit five three-pointers.", [("five", 5.0, "three-pointers")]),
    ],
)
def test_a_count_of_things_named_by_a_number_counts_them(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She made 12 of her career-best 27 points late.", ("12", 12.0, "points")),
        ("The party took 18 of 25 seats.", ("18", 18.0, "seats")),
        ("Seven of the 11 seats went to them.", ("Seven", 7.0, "seats")),
        ("The firm recalled 900 2018 Foresters.", ("900", 900.0, "foresters")),
    ],
)
def test_a_part_counts_what_its_whole_counts(sentence, expected):
    assert figures(sentence)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("About a dozen local retired shop-floor workers met.", ("About a dozen", 12, "workers")),
        ("Two rich private equity partners backed him.", ("Two", 2, "partners")),
        ("Three big regional news channels aired it.", ("Three", 3, "channels")),
    ],
)
def test_a_count_reaches_its_noun_past_several_modifiers(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        'The three envoys were nicknamed "Three Amigos" by aides.',
        'She never used the term "big four" in the memo.',
        'The trio, dubbed "Three Tenors", sang on.',
    ],
)
def test_a_quoted_name_made_with_a_number_is_no_count(sentence):
    assert ("Three", 3.0, "amigos") not in figures(sentence)
    assert all(unit not in ("amigos", "four", "tenors") for _, _, unit in figures(sentence))


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('"Two people died," the officer said.', ("Two", 2.0, "people")),
        ('He said "two people" were hurt.', ("two", 2.0, "people")),
        ('The talks would take "two weeks" at most.', ("two weeks", 2.0, "weeks")),
    ],
)
def test_a_quoted_count_still_counts(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "She paced from one end of the hall to the other.",
        "Goods move from one port to another.",
    ],
)
def test_from_one_to_another_is_no_count(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "I am 100% sure the bridge will open.",
        "The senator agrees with me 100 percent.",
        "She has 100 percent confidence in her staff.",
        "Lovely evening, we recommend it at 100%",
    ],
)
def test_a_hundred_percent_said_for_emphasis_is_no_figure(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("With 100 percent of precincts in, he led.", ("100 percent", 100.0, "percent")),
        ("Rents rose 100% in a decade.", ("100%", 100.0, "percent")),
        ("The town runs on 100% renewable power.", ("100%", 100.0, "percent")),
    ],
)
def test_a_hundred_percent_of_something_is_a_figure(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "No one knows who will run.",
        "This one featured a former adviser.",
        "With this race, one never knows.",
        "I think one needs to weigh that.",
        "The store sells all-in-one printers.",
    ],
)
def test_one_as_a_pronoun_is_no_count(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("One lawmaker called the mayor a fool.", ("One", 1.0, "lawmaker")),
        ("One club selling out its stadium still lost.", ("One", 1.0, "club")),
        ("One reason voters came was fear.", ("One", 1.0, "reason")),
        ("Then one warm-hearted neighbour offers help.", ("one", 1.0, "neighbour")),
        ("Three coal mining companies closed.", ("Three", 3.0, "companies")),
        ("One or more reporters were hurt.", ("One or more", 1.0, "reporters")),
    ],
)
def test_a_verb_after_the_noun_is_not_what_is_counted(sentence, expected):
    assert figures(sentence) == [expected]


def test_that_one_in_a_clause_is_still_a_ratio():
    [ratio] = find_quantities("Nurses say that one in 30 pupils has asthma.")
    assert (round(ratio.value, 4), ratio.of) == (round(1 / 30, 4), "of pupils")


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He took hundreds of thousands in speaking fees.", ("hundreds of thousands", 1e5, 1e6)),
        ("Firms moved tens of billions abroad.", ("tens of billions", 1e10, 1e11)),
    ],
)
def test_a_vague_number_of_two_words_is_read_whole(sentence, expected):
    [vague] = find_quantities(sentence)
    assert (vague.surface, vague.value, vague.high) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("He planned a 100,000-strong force.", ("100,000", 100000.0, "", "exact")),
        ("She ended a 13-straight-day absence.", ("13-straight-day", 13.0, "days", "exact")),
        ("She works 35-plus hours a week.", ("35-plus", 35.0, "hours", "at_least")),
        ("He served 30-odd years.", ("30-odd", 30.0, "years", "approx")),
    ],
)
def test_an_adjective_glued_to_a_number_is_no_unit(sentence, expected):
    assert [(q.surface, q.value, q.unit, q.qualifier) for q in find_quantities(sentence)] == [
        expected
    ]


@pytest.mark.parametrize(
    "sentence",
    ["She could pick a 40-something judge.", "He hit the ball with a 9-iron."],
)
def test_a_person_or_a_club_named_by_a_number_is_no_count(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The blast hurt five Leeds police officers.", ("five", 5.0, "officers")),
        ("The survey reached 612 Labour party members.", ("612", 612.0, "members")),
        (
            "Nearly 640,000 Scottish postal ballots were sent.",
            ("Nearly 640,000", 640000, "ballots"),
        ),
        ("The 32 Allies met in June.", ("32", 32.0, "allies")),
    ],
)
def test_a_name_before_the_counted_noun_modifies_it(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Our column ranks it #2 this week.",
        "Your 401(k) is now taxed.",
        'A post (id="672138506081275904") was removed.',
        "The deficit will turn around in '16 as the nation ages.",
        "Critics doubt one's own judgement.",
    ],
)
def test_ranks_names_ids_and_cut_years_are_no_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The bill passed 71 to 0.", [("71", 71.0, ""), ("0", 0.0, "")]),
        ("She leads him 1,302 to 1,045.", [("1,302", 1302.0, ""), ("1,045", 1045.0, "")]),
    ],
)
def test_a_tally_is_two_numbers_not_a_range(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "He was hurt in the Rovers' 4-1 win Tuesday.",
        "The box holds tips in four (4) sizes.",
        "The games include NBA 2K20 and others.",
        "I have one myself and like it.",
        "A shortcut would help, but one doesn't exist yet.",
        "The level mixes the three together.",
    ],
)
def test_scores_repeats_and_pronouns_are_no_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ('It is the cheapest 70"+ set this season.', ('70"+', 70.0, "inches")),
        ("The 1,500 piece Harbour at Dawn puzzle is large.", ("1,500", 1500.0, "piece")),
        ("They won five straight games.", ("five", 5.0, "games")),
        ("He met 10 top Democratic donors.", ("10", 10.0, "donors")),
        ("Two super PACs spent heavily.", ("Two", 2.0, "pacs")),
    ],
)
def test_what_is_counted_stops_before_a_name(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Nearly 9,000 Royal Marines commandos were sent.", ("Nearly 9,000", 9000, "commandos")),
        ("A team of six Paralympics rowers flew home.", ("six", 6.0, "rowers")),
        ("She toured at least three Home Counties towns.", ("at least three", 3.0, "towns")),
        ("She has played in six Grand Slams.", ("six", 6.0, "slams")),
    ],
)
def test_a_capitalised_name_before_the_counted_plural_modifies_it(sentence, expected):
    assert figures(sentence) == [expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "For copies, call 1-800-555-0199 or write to us.",
        "Ticket desk: 03-555-0188",
        "One Main Street refers to the bank's new branch plan.",
    ],
)
def test_phone_numbers_and_a_name_opened_by_one_are_no_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "She said the plan had zero chance in the Senate.",
        "The bill came from the Gang of Eight in 2013.",
        "He wants more H-1B visas for engineers.",
    ],
)
def test_zero_as_no_a_named_group_and_a_visa_class_are_no_figures(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("There were zero deaths on the roads.", [("zero", 0.0, "deaths")]),
        (
            "The club hired 140 stewards, up from 80 last year.",
            [("140", 140.0, "stewards"), ("80", 80.0, "stewards")],
        ),
        ("Fans 8,000 strong lined the route.", [("8,000", 8000.0, "")]),
        ("The site has 310 million active monthly users.", [("310 million", 3.1e8, "users")]),
        ("One last hurdle is the budget.", [("One", 1.0, "hurdle")]),
        (
            "She won six of the last seven races.",
            [("six", 6.0, "races"), ("seven", 7.0, "races")],
        ),
    ],
)
def test_time_words_and_adjectives_after_a_number_are_not_what_is_counted(sentence, expected):
    assert figures(sentence) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The painter retired at age 81 last spring.", ("81", 81.0, "years", "exact")),
        ("Drivers aged 17 to 24 crash most.", ("17 to 24", 17.0, "years", "range")),
        ("Users age 12 and older were asked.", ("12 and older", 12.0, "years", "at_least")),
    ],
)
def test_a_number_after_age_is_an_age(sentence, expected):
    [age] = find_quantities(sentence)
    assert (age.surface, age.value, age.unit, age.qualifier) == expected


def test_and_up_to_opens_the_next_figure():
    found = figures("Many dislike both and up to 15 percent may abstain.")
    assert found == [("up to 15 percent", 15.0, "percent")]


def test_a_year_cut_with_an_opening_quote_mark_is_a_year():
    assert figures("The mayor recalled the flood of ‘07 here.") == []


def test_a_ratio_written_with_hyphens_is_a_ratio():
    [ratio] = find_quantities("Traders see a one-in-five chance of a cut.")
    assert (ratio.surface, ratio.value) == ("one-in-five", 0.2)


def test_a_name_before_the_counted_noun_does_not_end_it():
    assert figures("That was said by one unnamed Welsh Labour official.") == [
        ("one", 1.0, "official")
    ]


def test_or_older_bounds_an_age_and_takes_no_neighbours_unit():
    found = figures("In 2015, 61 percent of members were 50 or older, 80 percent male.")
    assert ("50 or older", 50.0, "years") in found


def test_a_name_before_a_plural_and_a_function_word():
    assert figures("The office withheld 17 Treasury memos as sensitive.") == [("17", 17.0, "memos")]


def test_from_a_level_to_a_lower_one_stays_one_span():
    """ "from X to Y" is one span either way, as NewsQuant and the audit's labels read it."""
    [span] = find_quantities("Support fell from 71 percent to 55 percent.")
    assert (span.value, span.high, span.qualifier) == (71.0, 55.0, "range")


def test_a_result_keeps_its_first_score_as_a_figure():
    assert figures("Hawks 3, Owls 2: the winger scored late.") == [("3", 3.0, "")]


def test_a_quoted_word_inside_a_noun_phrase_is_read_through():
    assert figures("The team tested seven “low-cost” water filters.") == [("seven", 7.0, "filters")]


@pytest.mark.parametrize(
    "sentence",
    [
        "The van has Zero Fuss Doors at the back.",
        "Fans filled the arena for the Final Four on Saturday.",
    ],
)
def test_a_capitalised_number_word_inside_a_name_counts_nothing(sentence):
    assert figures(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Three Republicans voted no.",
        "COLUMBIA (AP) — Two Democrats met.",
        "He said: Two Democrats met.",
    ],
)
def test_a_capitalised_number_word_that_opens_a_clause_still_counts(sentence):
    assert len(figures(sentence)) == 1


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("She has played 11 WNBA seasons.", ("11", 11.0, "seasons")),
        ("Hackers hit 9 NHS servers.", ("9", 9.0, "servers")),
    ],
)
def test_an_acronym_before_the_counted_plural_modifies_it(sentence, expected):
    assert figures(sentence) == [expected]
