"""Classes of error found by reading real news pages (bench/bench_audit.py), each held by
fixtures written for it: what a fact-checker's queue must not show, and what it must show right."""

from __future__ import annotations

import pytest

from claimcheck.extract.claims import extract_claims
from tests.real_news import figures


def sentences(text: str, published: str = "2019-11-18") -> list[str]:
    return [c.sentence for c in extract_claims(text, published, min_score=0.0)]


@pytest.mark.parametrize(
    "furniture",
    [
        "Sign up for the free daily newsletter.",
        "Subscribe to our weekly podcast here.",
        "Reporting by Ana Ruiz; additional reporting by Tom Lee and Kim Park; Editing by Sue Bell",
        "(Graphic: World stock markets in 2019 - here)",
        "Click here for the full list of winners.",
    ],
)
def test_furniture_inside_a_paragraph_of_story_is_no_claim(furniture):
    story = "The city council approved a budget of $4.2 million on Monday. " + furniture
    found = sentences(story)
    assert any("$4.2 million" in s for s in found)
    assert not any(furniture[:20] in s for s in found), found


def test_a_sentence_that_only_mentions_signing_up_is_still_read():
    found = sentences("Some 40,000 people signed up for the scheme in its first week.")
    assert found == ["Some 40,000 people signed up for the scheme in its first week."]


@pytest.mark.parametrize(
    "sentence",
    [
        "The Rangers improved to 11-0-2 in their last 13 games.",  # a record, not 11 and 0..2
        "Leeds are on a 2-5-1 slide since the 8-1-1 start.",
        "The coach prefers a 4-4-2.",
        "The console streams games at 4K on a television.",  # a resolution, not 4,000
        "It ships with a 4K-ready streaming stick.",
        "A 1080p screen comes as standard.",  # not 1,080 pence
        "The 10-year note rose 5/32 in price.",  # 32nds of a point
        "It is the best 21:9 monitor.",
        "A neighbour called 911.",
        "The lorry was at one point stuck on the bridge.",
        "Officials counted the fiscal year 2021 seizures.",
    ],
)
def test_numbers_that_count_nothing_are_no_figures(sentence):
    assert [f for f in figures(sentence) if f[1] not in (13, 10)] == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The talks ended a 2-1/2 year stand-off.", ("2-1/2 year", 2.5, "years")),
        ("It makes 390 lb-ft of torque.", ("390 lb-ft", 390.0, "lb-ft")),
        ("The chain cut $4K from each bill.", ("$4K", 4000.0, "USD")),
        ("Factories cut 4K jobs.", ("4K", 4000.0, "jobs")),
    ],
)
def test_figures_read_whole(sentence, expected):
    assert expected in figures(sentence)


def test_a_possessive_is_not_what_is_counted():
    assert figures("One of the film's best scenes was cut.") == []


def speakers(text: str) -> list[tuple[str, str | None]]:
    return [
        (c.sentence[:30], c.attribution.speaker if c.attribution else None)
        for c in extract_claims(text, "2019-11-18", min_score=0.0)
    ]


def test_the_next_quoted_sentences_and_paragraphs_keep_their_speaker():
    text = (
        "“We are honoured to join the programme,” said Brenda Shaw, a vice president at Lunar "
        "Freight. “It is a very exciting time for the whole company.”\n"
        "“We will land our first cargo on the Moon within three years.”\n"
        "The agency said the contracts were worth $2.6 billion."
    )
    found = speakers(text)
    assert [speaker for _, speaker in found[:3]] == ["Brenda Shaw"] * 3
    assert found[3][1] != "Brenda Shaw"


def test_a_sentence_that_opens_with_a_quoted_term_is_not_the_last_speakers():
    text = (
        "“The debates matter,” said Tom Reed, a historian.\n"
        "“Cleggmania” swept the country after the first debate in 2010."
    )
    assert speakers(text)[1][1] is None


def test_a_quotation_after_the_story_moves_on_is_not_given_to_the_earlier_speaker():
    text = (
        "“The debates matter,” said Tom Reed, a historian.\n"
        "The first debate took place in 2010.\n"
        "“Nobody expected the surge.”"
    )
    assert speakers(text)[2][1] is None


@pytest.mark.parametrize(
    "pitch",
    [
        "Save $40 if you order the blue model with a case.",
        "Grab the headphones today for the lowest price we have seen.",
        "Use code SPRING10 to get it for $89.99.",
    ],
)
def test_a_sales_pitch_is_no_claim(pitch):
    assert extract_claims(pitch, "2019-11-18") == []


@pytest.mark.parametrize(
    "claim",
    [
        "Save the Children said 300 children died in the floods.",  # a name, no pitch
        "Shop prices rose 2.3% in May, the retail consortium said.",
    ],
)
def test_a_claim_that_opens_like_a_pitch_is_kept(claim):
    assert [c.sentence for c in extract_claims(claim, "2019-11-18")] == [claim]


def test_a_quotation_ending_in_an_exclamation_goes_on_with_its_speaker():
    text = '"Hands! Let me see your hands!" an officer ordered. "Step out."'
    assert sentences(text) == [
        '"Hands! Let me see your hands!" an officer ordered.',
        '"Step out."',
    ]


@pytest.mark.parametrize(
    "listing",
    [
        "40% Off Acme 27in Curved Gaming Monitor, Now $199.99",
        "New Price Drop: Acme Buds 2 Wireless Earphones for $99 (Originally $129)",
    ],
)
def test_a_shop_listing_is_no_claim(listing):
    assert extract_claims(listing, "2019-11-18") == []


def test_a_price_cut_reported_as_news_is_a_claim():
    claim = "Acme cut the price of its headphones by 40% off the launch price, to $199."
    assert [c.sentence for c in extract_claims(claim, "2019-11-18")] == [claim]


@pytest.mark.parametrize(
    "text",
    [
        "40% Off Acme Monitor",
        "Buds for $99 (Originally $129)",
        "Buds (Was $129) for $99",
        "New Price Drop: Buds",
        "Acme TV, Now $549",
        "Prices fell 40% off the peak (the lowest since 2009).",
        "Now is the time.",
    ],
)
def test_the_listing_prefilter_keeps_every_match_of_the_pattern(text):
    from claimcheck.extract.checkworthiness import _LISTING, _is_listing

    assert _is_listing(text) == bool(_LISTING.search(text))


@pytest.mark.parametrize(
    "sentence",
    [
        "Karl Berg added his ninth goal for the Rovers as they won 3-1.",
        "Winger Karl Berg added three assists to lead the Rovers.",
        "Swimmer Ana Lopes added to her collection of state titles.",
        "The index .NDX added 20.7 points.",
        "Acme has revealed the second model in its electric range.",
    ],
)
def test_adding_and_revealing_things_is_not_speech(sentence):
    assert speakers(sentence)[0][1] is None


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("“It is over,” Mayor Jane Smith added.", "Jane Smith"),
        ("Mayor Jane Smith added that the plan was dead.", "Jane Smith"),
        ("Acme revealed that sales fell 4% in May.", "Acme"),
    ],
)
def test_adding_and_revealing_words_is_speech(sentence, speaker):
    assert speakers(sentence)[0][1] == speaker


def test_a_clause_word_is_no_part_of_a_name():
    text = (
        "Because Google's promises have not arrived, the service is thin.\n"
        "Primarily, Google tells us you should expect to buy games at full price."
    )
    assert speakers(text)[1][1] == "Google"


def test_the_paper_that_reports_a_quotation_is_not_its_speaker():
    text = (
        "Rep. Dan Moore visited the border in October.\n"
        'Agents "say you have to watch this — $50 million a week is coming across the border,"'
        " he said, according to the Herald, the Valley News-Register."
    )
    assert speakers(text)[1][1] != "the Herald"


@pytest.mark.parametrize(
    ("sentence", "resolved"),
    [
        ("The console's launch day is Tuesday.", "2019-11-19"),  # a Monday's story
        ("The final vote is on Friday.", "2019-11-22"),
    ],
)
def test_what_is_set_for_a_weekday_lies_ahead(sentence, resolved):
    from datetime import date

    from claimcheck.extract.dates import StoryDates

    found = StoryDates(date(2019, 11, 18)).find(sentence)
    assert [d.resolved for d in found] == [resolved]


def test_he_is_the_person_who_first_announced_it_not_the_speaker_before():
    text = (
        "“We pray for both men,” said White House Press Secretary Jane Roe.\n"
        "When President Omar Haddad first announced the exchange last week, he said the prisoners "
        "would not return to the front line.\n"
        "He also said he hoped the swap would open talks."
    )
    assert speakers(text)[2][1] == "Omar Haddad"
