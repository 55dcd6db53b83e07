"""find_quantities: one test per class of English number writing, plus Recognizers-Text cases.

The Recognizers-Text fixtures (MIT, see tests/fixtures/README.md) are labelled by Microsoft, not
by us; each labelled quantity must be found with its value and unit. bench/bench_quantities.py
scores the full specs and NewsQuant against quantulum3.
"""

from __future__ import annotations

import json
import math
import random
import re
from pathlib import Path

import pytest

from claimcheck.extract.quantities import find_quantities
from claimcheck.models import Quantity

FIXTURES = Path(__file__).parent / "fixtures"
# Recognizers-Text unit names -> the unit claimcheck writes
RECOGNIZERS_UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "Euro": "EUR",
    "Pound": "GBP",
    "British pound": "GBP",
    "Pence": "GBX",
    "Cent": "USc",
    "Japanese yen": "JPY",
    "Chinese yuan": "CNY",
    "Canadian dollar": "CAD",
    "Australian dollar": "AUD",
    "Hong Kong dollar": "HKD",
    "New Zealand dollar": "NZD",
    "Swiss franc": "CHF",
    "Franc": "CHF",
    "Rupee": "INR",
    "Mexican peso": "MXN",
    "Turkish lira": "TRY",
    "Year": "years",
    "Month": "months",
    "Week": "weeks",
    "Day": "days",
    "C": "°C",
    "F": "°F",
    "Degree": "degrees",
    "Foot": "feet",
    "Meter": "m",
    "Mile": "miles",
    "Kilometer": "km",
    "Kilogram": "kg",
    "Gram": "g",
    "Microgram": "μg",
    "Millimeter": "mm",
    "Inch": "inches",
    "Gallon": "gallons",
    "Barrel": "barrels",
    "Ounce": "oz",
    "Acre": "acres",
    "Milliliter": "ml",
    "Square meter": "m²",
    "Square kilometer": "km²",
    "Cubic foot": "cubic feet",
    "Kilometer per hour": "km/h",
    "Mile per hour": "mph",
    "Metric ton": "tonnes",
    "Ton": "tons",
    "Radian": "radians",
    "Dram": "drams",
}


def one(text: str) -> Quantity:
    """The single quantity in text (fails if there is not exactly one)."""
    found = find_quantities(text)
    assert len(found) == 1, f"{text!r}: {found}"
    return found[0]


def values(text: str) -> list[tuple[float, str]]:
    return [(round(q.value, 6), q.unit) for q in find_quantities(text)]


# ---- the required readings ---------------------------------------------------------------------


def test_percent_of_gdp():
    quantity = one("Poland is spending 3.9 per cent of GDP on defence.")
    assert (quantity.value, quantity.unit, quantity.of) == (3.9, "percent", "of GDP")
    assert quantity.surface == "3.9 per cent"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("a $35 billion package", 3.5e10, "USD"),
        ("worth up to £2.7m in total", 2.7e6, "GBP"),
        ("a €1.5bn loan", 1.5e9, "EUR"),
        ("the offer of US$4.46 in cash", 4.46, "USD"),
        ("global debt was about $US113 trillion", 1.13e14, "USD"),
        ("launder almost RM3.06mil in cash", 3.06e6, "MYR"),
        ("for 7,199 Chinese yuan after a promotion", 7199, "CNY"),
        ("priced at 8.99 Australian dollars", 8.99, "AUD"),
        ("shares at 118.5p on Friday", 118.5, "GBX"),
        ("the highest forecast is 84.75 cents", 84.75, "USc"),
        ("it cost 420 million euros", 4.2e8, "EUR"),
        ("Banknotes of 10 € are common", 10, "EUR"),
        ("Hey, the cost is 100元!", 100, "CNY"),
        ("a loan of 12,34,567.89 rupees", 1234567.89, "INR"),
        ("the offer of C$6 in cash", 6, "CAD"),
    ],
)
def test_money(text, value, unit):
    quantity = one(text)
    assert math.isclose(quantity.value, value) and quantity.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("the 15-member Security Council", 15, "members"),
        ("a 185-hp engine", 185, "hp"),
        ("a five-year-old boy", 5, "years"),
        ("a three-day summit", 3, "days"),
        ("a 2,900 year-old site", 2900, "years"),
    ],
)
def test_hyphenated_compounds(text, value, unit):
    quantity = one(text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        ("for almost three years", 3, "years", "approx"),
        ("About 70% voted against", 70, "percent", "approx"),
        ("a height of ~1.2mm above the bed", 1.2, "mm", "approx"),
        ("more than 20 people", 20, "people", "more_than"),
        ("unemployed for over two years", 2, "years", "more_than"),
        ("at least 5 hospitals", 5, "hospitals", "at_least"),
        ("20 or more people", 20, "people", "at_least"),
        ("priced at under $10", 10, "USD", "less_than"),
        ("cut up to 700 contract workers", 700, "workers", "at_most"),
        ("core inflation rose 0.3% in June", 0.3, "percent", "change"),
        ("the index fell by 2 points", 2, "points", "change"),
    ],
)
def test_qualifiers_and_changes(text, value, unit, qualifier):
    quantity = one(text)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("growth of 5-7 per cent", 5, 7, "percent"),
        ("between 5 and 7 per cent", 5, 7, "percent"),
        ("from 10 to 20 people", 10, 20, "people"),
        ("the US $89 to $93 billion it projected", 8.9e10, 9.3e10, "USD"),
        ("the limit is between 15kHz and 17kHz", 15, 17, "kHz"),
        ("eight to 10 feet tall", 8, 10, "feet"),
        ("larger than 10 and smaller than 20", 10, 20, ""),
    ],
)
def test_ranges(text, low, high, unit):
    quantity = one(text)
    assert quantity.qualifier == "range"
    assert (quantity.value, quantity.high, quantity.unit) == (low, high, unit)
    assert "-" in quantity.describe()


def test_a_range_and_a_rate_together():
    quantity = one("I make more, working 40 to 50 hours a week")
    assert (quantity.value, quantity.high, quantity.unit) == (40, 50, "hours per week")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("twenty-five people", 25),
        ("a dozen eggs", 12),
        ("1.2 million voters", 1.2e6),
        ("half a million homes", 5e5),
        ("one hundred and six schools", 106),
        ("two and a half million viewers", 2.5e6),
        ("three quarters of voters", 0.75),
        ("two thirds of the members", 2 / 3),
        ("a quarter of the budget", 0.25),
        ("3/4 of the staff", 0.75),
        ("2½ miles", 2.5),
        ("1.3e6 records", 1.3e6),
        ("The mass is 1.99×10^-30 kilograms", 1.99e-30),
        ("about minus 387 Fahrenheit", -387),
        ("-5 degrees", -5),
        ("a total of 13 lakh", 1.3e6),
        ("700 000 learners wrote the exam", 7e5),
        ("40\u202f000 runners", 4e4),
    ],
)
def test_number_words_fractions_and_notation(text, value):
    assert math.isclose(one(text).value, value, rel_tol=1e-9)


@pytest.mark.parametrize(
    ("text", "value", "of", "qualifier"),
    [
        ("One in five children lives in poverty", 0.2, "of children", "exact"),
        ("Some 4 in 10 voters say so", 0.4, "of voters", "approx"),
        ("two out of five hundred tvs", 0.004, "of tvs", "exact"),
    ],
)
def test_ratios_are_shares(text, value, of, qualifier):
    quantity = one(text)
    assert math.isclose(quantity.value, value)
    assert (quantity.of, quantity.qualifier) == (of, qualifier)


@pytest.mark.parametrize(
    ("text", "value", "of", "qualifier"),
    [
        ("More than half of adults said so", 0.5, "of adults", "more_than"),
        ("a quarter of the budget was spent", 0.25, "of the budget", "exact"),
        ("three quarters of voters agreed", 0.75, "of voters", "exact"),
    ],
)
def test_fractions_say_what_they_are_of(text, value, of, qualifier):
    quantity = one(text)
    assert (quantity.value, quantity.of, quantity.qualifier) == (value, of, qualifier)


def test_numbers_joined_by_in_that_are_not_shares():
    assert values("he scored 2 in 10 minutes") == [(2, ""), (10, "minutes")]
    assert values("I count 12 in six boxes") == [(12, ""), (6, "boxes")]


def test_vague_plurals_are_ranges_of_one_order():
    dozens = one("Dozens of people were killed on Friday.")
    assert (dozens.value, dozens.high, dozens.qualifier) == (12, 120, "range")
    assert dozens.unit == "people"
    thousands = one("thousands of job cuts")
    assert (thousands.value, thousands.high, thousands.unit) == (1000, 10000, "cuts")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("doubling it to 256GB", 256, "GB"),
        ("a 5kW solar panel system", 5, "kW"),
        ("50mL of acid", 50, "ml"),
        ("Tylenol 500mg tablets", 500, "mg"),
        ("a 1.5mm internal diameter", 1.5, "mm"),
        ("it melts at 12 C and boils later", 12, "°C"),
        ("The temperature reached 40.3C at Coningsby.", 40.3, "°C"),
        ("98.6 degrees F is normal", 98.6, "°F"),
        ("the 37m (121ft) skeleton", 37, "m"),
        ("a 100m sprint", 100, "m"),
        ("a wall 5 m high", 5, "m"),
        ("with 2.7m combined digital and physical sales", 2.7e6, "sales"),
        ("a 60 basis point improvement", 60, "basis points"),
        ("sub-300 sq m office space", 300, "m²"),
    ],
)
def test_units_glued_spelled_and_ambiguous(text, value, unit):
    quantity = find_quantities(text)[0]
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("peaked at more than $52 a barrel", "USD per barrel"),
        ("curtailments of 325,000 barrels per day", "barrels per day"),
        ("priced at $10 per gram", "USD per gram"),
        ("$1,271.2 an ounce", "USD per ounce"),
        ("15 miles per gallon", "mpg"),
        ("salaries of £145,000 a year", "GBP per year"),
        ("down from 4.1% a year earlier", "percent"),
    ],
)
def test_rates(text, unit):
    assert one(text).unit == unit


def test_a_change_then_a_new_level_is_not_a_range():
    change, level = find_quantities("The average price rose by £12,000 to £294,000.")
    assert (change.value, change.qualifier) == (12000, "change")
    assert (level.value, level.qualifier, level.high) == (294000, "exact", None)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        ("The veteran raised £32.8m for the NHS.", "exact"),
        ("The firm cut 700 jobs.", "exact"),
        ("Rates were raised by 0.25 points.", "change"),
        ("Shares jumped 7% on Monday.", "change"),
    ],
)
def test_verbs_of_counting_are_changes_only_with_by(text, qualifier):
    assert one(text).qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("a defence that gave up 517 rushing yards", "yards"),
        ("1,100 public housing properties, each", "properties"),
        ("No red cards, but 19 fouls proves it", "fouls"),
        ("Two Singaporean sisters helped fraudsters", "sisters"),
        ("With eight more picks the team went", "picks"),
        ("two of my local stores", "stores"),
        ("The five launches will offer homes", "launches"),
        ("2 TDs in the game", "tds"),
        ("about 460 Kia and Hyundai vehicles", "vehicles"),
        ("the fifteen Members of the United Nations", "members"),
    ],
)
def test_what_a_bare_number_counts(text, unit):
    assert one(text).unit == unit


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("about lunchtime eight or nine euros", [(8, "EUR"), (9, "EUR")]),
        ("on a 7- or 8-inch touchscreen", [(7, "inches"), (8, "inches")]),
        (
            "with four-, five- and six-cylinder engines",
            [(4, "cylinders"), (5, "cylinders"), (6, "cylinders")],
        ),
        ("3.9 million headsets, up from 2.4 million", [(3.9e6, "headsets"), (2.4e6, "headsets")]),
    ],
)
def test_neighbours_share_a_unit(text, expected):
    assert values(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Compass was founded in 2016 as a firm.",
        "She died on September 12 in Dar es Salaam.",
        "Brexit is due on 29 March.",
        "The hunt runs Sept. 20-24 this fall.",
        "At 17:22 the match resumed.",
        "They met at 5pm on Friday.",
        "Call +44 20 7946 0958 for details.",
        "Call 555-123-4567 today.",
        "Call 020 7946 0958 now.",
        "See https://example.com/report/2023/42 for more.",
        "Write to desk42@example.com today.",
        "Under Article Five of the treaty",
        "He returned to 10 Downing Street.",
        "The Covid-19 pandemic spread.",
        "The G7 leaders met.",
        "It bought F-35 jets.",
        "The S&P 500 rose today.",
        "The iPhone 14 went on sale.",
        "He was hurt in Game 2 last night.",
        "The blue-chip TA-35 index gained.",
        "the 22nd amendment",
        "for a third time",
        "Charlton were beaten 2-1 at home.",
        "The 2014-15 Highlander is a car.",
        "to make 5G available to more users",
        "Hardy M21 9AB in July",
        "It is one of them.",
        "The Popolocas built it between A.D. 1000 and 1260.",
        "It ran in 2014 and 2015.",
        "Order code 24703 L-202 today.",
        "to charter a Boeing 777F to transport supplies",
        "The M25 was closed between junctions 10 and 11.",
        "He made three-pointers all night.",
        "The score at half-time was level.",
        '<meta charset="utf-8">',
        "It quotes only Article 23(1) of the Charter.",
        "Intro\n1. The Security Council shall act.",
        "He made a 911 call at 3 a.m.",
        "The 112 operator answered in English.",
        "One day, she said, the mine will close.",
    ],
)
def test_not_quantities(text):
    assert find_quantities(text) == [], find_quantities(text)


def test_a_day_or_a_number_that_counts_stays_a_quantity():
    assert values("One day of strikes closed the port.") == [(1, "days")]
    assert values("Turnout was 911 votes.") == [(911, "votes")]


def test_a_capitalised_plural_is_what_is_counted():
    assert values("in 2024, 23 of the 32 Allies were expected") == [(23, "allies"), (32, "allies")]


def test_space_grouped_thousands_do_not_swallow_a_following_number():
    assert values("won 3 100m titles")[0] == (3, "")


def test_unitless_number_compared_with_a_count_takes_its_unit():
    found = values("about 460 Kia and Hyundai vehicles were stolen this year compared with 63")
    assert found == [(460, "vehicles"), (63, "vehicles")]


def test_two_thousand_people_is_a_count_not_a_year():
    assert values("About 2000 people marched.") == [(2000, "people")]


# ---- Recognizers-Text specs (MIT) --------------------------------------------------------------


def _recognizers_cases() -> list[tuple[str, str, list[dict]]]:
    cases = []
    for path in sorted(FIXTURES.glob("recognizers_*.json")):
        model = path.stem.removeprefix("recognizers_")
        for item in json.loads(path.read_text(encoding="utf-8")):
            cases.append((model, item["Input"], item["Results"]))
    return cases


def _expected(result: dict) -> tuple[float, float, str | None]:
    """(low, high, unit or None when the model labels numbers only) from a Recognizers result."""
    resolution = result["Resolution"]
    value = resolution["value"]
    interval = re.fullmatch(r"[\[(]([^,]*),([^\])]*)[\])]", value)
    if interval:
        low = float(interval.group(1) or interval.group(2))
        return low, float(interval.group(2) or low), None
    if value.endswith("%"):
        return float(value[:-1]), float(value[:-1]), "percent"
    unit = resolution.get("unit")
    return float(value), float(value), RECOGNIZERS_UNITS[unit] if unit else None


def _close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=0.01, abs_tol=1e-12)


@pytest.mark.parametrize(
    ("model", "text", "results"),
    _recognizers_cases(),
    ids=lambda v: v[:40] if isinstance(v, str) else None,
)
def test_recognizers_spec(model, text, results):
    found = find_quantities(text)
    if not results:
        assert found == [], f"{model}: {text!r} has no number to find, found {found}"
    for result in results:
        low, high, unit = _expected(result)
        assert any(
            _close(q.value, low)
            and _close(q.high if q.high is not None else q.value, high)
            and (unit is None or q.unit.split(" per ")[0] == unit)
            for q in found
        ), f"{model}: {text!r} should give {result['Text']!r}, found {found}"


def test_recognizers_fixtures_cover_each_model():
    models = {model for model, _, _ in _recognizers_cases()}
    assert models >= {"percent", "currency", "dimension", "temperature", "age", "numberrange"}


# ---- offsets and robustness --------------------------------------------------------------------


def test_offsets_index_the_text_and_shift_by_offset():
    text = "Shares rose 8% to $1,478, and about 60 commercial fishermen left after 3 years."
    for quantity in find_quantities(text):
        assert text[quantity.start : quantity.end] == quantity.surface
    shifted = find_quantities(text, offset=100)
    assert [q.start - 100 for q in shifted] == [q.start for q in find_quantities(text)]


def test_any_text_is_read_without_error_and_with_true_offsets():
    pieces = [
        "3", "1,234", ".5", "½", "$", "£", "%", "-", "–", " ", "and", "to", "a", "half", "dozen",
        "million", "m", "k", "per", "cent", "minus", "İ", "Ⅻ", "(", ")", "/", ":", "e5", "x10^",
        "years", "people", "Game", "September", "2019", "one", "twenty", "third", "\n",
    ]  # fmt: skip
    generator = random.Random(7)
    for _ in range(400):
        text = "".join(generator.choice(pieces) for _ in range(generator.randint(1, 25)))
        for quantity in find_quantities(text):
            assert text[quantity.start : quantity.end] == quantity.surface
            assert math.isfinite(quantity.value)


# ---- classes of error seen on unseen news (issue 10), with sentences written for these tests ---


def test_a_range_keeps_the_scale_each_end_wrote() -> None:
    [house] = find_quantities("The house sold for $800,000 to $1.3 million.")
    assert (house.value, house.high, house.unit) == (800_000, 1_300_000, "USD")
    [deal] = find_quantities("The deal is worth $89 to $93 billion.")
    assert (deal.value, deal.high) == (89e9, 93e9)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("It was a 7,1 % rise.", 7.1, "percent"), ("Tickets cost 2,50 € each.", 2.5, "EUR")],
)
def test_a_decimal_comma_before_a_unit_is_a_decimal(text: str, value: float, unit: str) -> None:
    [found] = find_quantities(text)
    assert (found.value, found.unit) == (value, unit)
    assert find_quantities("It costs 1,250 euros.")[0].value == 1250  # a thousands comma


def test_a_percent_sign_glued_to_the_next_word() -> None:
    [share] = find_quantities("Support was 33%of voters.")
    assert (share.value, share.unit) == (33, "percent")


@pytest.mark.parametrize(
    "text",
    [
        "The shop opens at 6 p.m. daily.",
        "Doors open at 6 a.m and close at 5pm.",
        "He banned zero-hours contracts.",
        "It is a World War One film.",
    ],
)
def test_clock_times_and_names_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        ("Rates rose 5% to 10% this year.", 5, 10, "percent"),
        ("It grew five per cent to 20 per cent.", 5, 20, "percent"),
        ("Temperatures rise 1 to 1.5 degrees Celsius.", 1, 1.5, "°C"),
        ("Between 100,000 and 200,000 people came.", 100_000, 200_000, "people"),
    ],
)
def test_ranges_without_from_are_joined(text: str, low: float, high: float, unit: str) -> None:
    [found] = find_quantities(text)
    assert (found.value, found.high, found.unit, found.qualifier) == (low, high, unit, "range")


@pytest.mark.parametrize(
    "text", ["Prices rose by £12,000 to £294,000.", "Unemployment rose 12,000 to 1.5 million."]
)
def test_a_change_and_a_new_level_stay_two_quantities(text: str) -> None:
    assert [q.high for q in find_quantities(text)] == [None, None]


def test_a_rate_per_square_unit_keeps_both_words() -> None:
    [rent] = find_quantities("Rent is $21.25 per square foot.")
    assert (rent.value, rent.unit) == (21.25, "USD per square foot")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("The bolt takes 40 Nm of torque.", 40, "Nm"),
        ("The concrete takes 300 MPa.", 300, "MPa"),
        ("The engine makes 150 PS.", 150, "PS"),
        ("The car reached 60 m.p.h. quickly.", 60, "mph"),
        ("The screen is 6.1″ wide.", 6.1, "inches"),
        ("He lost minus-5 yards.", -5, "yards"),
        ("It is 25k cheaper.", 25_000, ""),
    ],
)
def test_units_signs_and_words_that_are_not_units(text: str, value: float, unit: str) -> None:
    [found] = find_quantities(text)
    assert (found.value, found.unit) == (value, unit)


@pytest.mark.parametrize(
    "text", ["The ID.4 and the BA.2 variant spread.", "He lives at 9 E 71st St in Manhattan."]
)
def test_models_and_addresses_are_not_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_a_modifier_with_no_noun_after_it_is_not_the_unit() -> None:
    assert all(q.unit != "new" for q in find_quantities("The airline bought two new 737 Max jets."))


@pytest.mark.parametrize(
    "text",
    [
        "The airline bought two new 737 Max jets.",
        "The 737 Max was grounded.",
        "The 787 landed safely.",
        "He flew in a 787 to Doha.",
        "She bought an iPhone 11 Pro.",
        "Two F-16 jets crashed.",
        "Shares of Capital One fell.",
        "The office is at 221B Baker Street.",
        "The jury voted 10-2 to convict.",
        "Call 555-123-4567 or (212) 555-0199 now.",
        "No one was hurt, and the one who fled was caught.",
        "They blamed one another.",
        "The vote was one-sided, like a 10-sided die.",
    ],
)
def test_models_names_votes_and_phone_numbers_count_nothing(text: str) -> None:
    assert find_quantities(text) == []


def test_the_second_number_of_a_from_to_pair_takes_the_first_ones_unit() -> None:
    found = find_quantities("Mileage rose from about 14-18 mpg to 24 for SUVs.")
    assert [(q.value, q.high, q.unit) for q in found] == [(14, 18, "mpg"), (24, None, "mpg")]
    found = find_quantities("It fell from 20 mpg in 2008 to 29.")
    assert [q.unit for q in found] == ["mpg", "mpg"]


def test_a_short_past_verb_after_a_count_is_not_its_unit() -> None:
    assert [(q.value, q.unit) for q in find_quantities("Only one person died.")] == [(1, "person")]


def test_models_leave_the_counts_beside_them() -> None:
    found = find_quantities("The 737 Max was grounded for 20 months; the 2,000 workers struck.")
    assert [(q.value, q.unit) for q in found] == [(20, "months"), (2000, "workers")]
    # a count then a model, not one space-grouped number (30,787)
    assert [q.value for q in find_quantities("Boeing delivered 30 787 Dreamliners.")] == [30]
    assert [q.value for q in find_quantities("The town has 12 500 people.")] == [12_500]


def test_a_record_of_a_number_takes_the_unit_it_is_compared_with() -> None:
    found = find_quantities("Demand hit 44,947 megawatts on Monday, beating the record of 46,797.")
    assert [(q.value, q.unit) for q in found] == [(44_947, "MW"), (46_797, "MW")]


def test_spaced_pence_and_names_with_greek_letters() -> None:
    [fuel] = find_quantities("It costs 68 p a litre.")
    assert (fuel.value, fuel.unit) == (68, "GBX")
    assert find_quantities("A 17-beta estradiol study.") == []


@pytest.mark.parametrize(
    ("text", "unit"),
    [("There were 20 reported cases.", "cases"), ("The 20 landed safely.", "")],
)
def test_verbs_and_adverbs_after_a_number_are_not_its_unit(text: str, unit: str) -> None:
    [found] = find_quantities(text)
    assert found.unit == unit
