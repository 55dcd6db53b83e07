"""Which sentences of real news are checkable: classes of kept sentences a fact-checker would not
check, found by reading real news pages (bench/bench_audit.py), each held by fixtures written
for it, beside the claims of the same shape that must stay in the queue."""

from __future__ import annotations

import pytest

from claimcheck.extract.checkworthiness import Signals, features, score
from tests.real_news import kept


def written(sentence: str) -> float:
    """The score of a sentence as the extractor reads it from an article, without quotations."""
    return score(sentence, Signals(narration=sentence))[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "I have owned three of these kettles since 2016 and mine still boils in under a minute.",
        "My favourite of the five phones I tested this year was the cheapest one.",
        "Last spring I moved my whole photo library to the new service.",
        "When I tested the 2019 model, the battery lasted 11 hours.",
    ],
)
def test_the_writer_speaking_of_themselves_is_no_claim(sentence):
    assert kept(sentence) == []


@pytest.mark.parametrize(
    "claim",
    [
        '"I voted against the bill because it cut 4,000 teaching jobs," Senator Ruth Okafor said.',
        "Rubio: I still believe the treaty costs taxpayers $2 billion a year.",
        "Officials at the F.B.I. said 12 agents worked on the case in 2018.",
        "The book, Call Me Home, sold 200,000 copies in its first year.",
        "Soldiers who fought in World War I received the medal in 1919.",
    ],
)
def test_a_first_person_that_is_not_the_writers_keeps_the_claim(claim):
    assert kept(claim) == [claim]


def test_an_i_in_a_quotation_that_runs_over_is_the_speakers():
    text = (
        '"Our sales were 12% lower than in 2018.\n'
        'I think we lost 3,000 customers to the new store," said Ana Ruiz, the chief executive.'
    )
    assert any(s.startswith("I think we lost") for s in kept(text))


def test_a_first_person_in_speech_is_read_as_before():
    """Debates and fact-checked statements are speech: their "I" is the speaker's claim."""
    sentence = "I cut taxes for 3 million families in my first year as governor."
    assert score(sentence, Signals())[0] > written(sentence) + 0.2


@pytest.mark.parametrize(
    "exclaimed",
    ["Back to the budget fight!", "We have gathered the best letters from our readers here!"],
)
def test_the_writer_exclaiming_is_no_claim(exclaimed):
    assert kept(exclaimed) == []


def test_a_claim_exclaimed_scores_as_with_a_full_stop():
    assert written("The Earth is flat!") == pytest.approx(written("The Earth is flat."), abs=0.01)


@pytest.mark.parametrize(
    "instruction",
    [
        "Start your weekend with our guide to the city's new markets.",
        "Check out our list of the 12 cheapest flights to Lisbon below.",
        "Don't miss the final episode of the series on Sunday.",
        "Book your seats early and enjoy the show with the whole family.",
    ],
)
def test_an_instruction_to_the_reader_is_no_claim(instruction):
    assert kept(instruction) == []


@pytest.mark.parametrize(
    "claim",
    [
        "With your help, the charity raised $3 million for the hospital in 2018.",
        "First it closed 40 branches, then it cut 2,000 jobs, the bank said.",
        "If it passes, the law would raise the minimum wage to $15 by 2025.",
        "All our troops left the base by March 2021, the ministry said.",
        "However it costs $40 more than the model it replaces.",
        "Brace yourself: the city will spend $4 million on the bridge in 2020.",
    ],
)
def test_a_claim_that_opens_like_an_instruction_is_kept(claim):
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "unfinished",
    [
        "Fast charging for every phone in your house",
        "Three spare nozzles of different sizes for a tidy finish",
        "Here are the five things to watch for tonight:",
    ],
)
def test_a_line_that_is_no_finished_sentence_loses_weight(unfinished):
    finished = unfinished.rstrip(":") + "."
    assert "c:unfinished" in features(unfinished, Signals(narration=unfinished))
    assert written(unfinished) < written(finished)


def test_a_caption_that_ends_a_quotation_is_finished():
    caption = "Ana Ruiz told the 15-member council: 'We will not give up a single village'"
    assert "c:unfinished" not in features(caption, Signals(narration=caption))


def test_a_list_item_that_ends_with_a_quoted_term_is_unfinished():
    item = "Quick access to the assistant by saying “Hey Acme”"
    assert "c:unfinished" in features(item, Signals(narration=item))


def test_a_headline_that_states_an_event_is_kept():
    headline = "Senate passes $1.2 trillion infrastructure bill after months of talks"
    assert kept(headline) == [headline]


def test_a_clause_closed_by_a_semicolon_is_finished():
    assert written("Germany pledges to expand its army;") == written(
        "Germany pledges to expand its army."
    )


@pytest.mark.parametrize(
    "furniture",
    [
        "(Reporting by Ana Ruiz, with reporting by Tom Lee; editing by Sue Bell.)",
        "Write to Dana Kowalski at dana.kowalski@example.com",
        "Reach the reporter on Twitter at https://twitter.com/example_desk",
        "To order printed copies for your office visit https://www.example.com/reprints.",
        "Email us at tips@example.org.",
        "Follow Dana Kowalski on Twitter @dkowalski.",
        "This article is for your personal, non-commercial use only.",
        "2.",
        "* * *",
        "Dana Kowalski via Getty Images.",
        "(AP Photo/Dana Kowalski)",
        "Photo: Dana Kowalski / Reuters",
    ],
)
def test_page_furniture_inside_the_story_is_no_claim(furniture):
    story = "The council approved a budget of $4.2 million on Monday.\n" + furniture
    assert kept(story) == ["The council approved a budget of $4.2 million on Monday."]


@pytest.mark.parametrize(
    "claim",
    [
        "The report, published at https://example.org/report, found 30% of wells were dry.",
        "Visitors to www.example.gov rose to 2 million in March, the agency said.",
        "Shares of Acme fell 3% in New York, Reuters reported.",
        "Acme sold 40,000 phones to Reuters and AP in 2019.",
    ],
)
def test_a_claim_that_gives_an_address_or_an_agency_is_kept(claim):
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "listing",
    [
        "Acme 27in Curved Monitor with Stand and Cable for $199.99",
        "Two Acme Buds Pro Earphones with Charging Case for £89",
    ],
)
def test_a_line_that_a_price_closes_is_a_listing(listing):
    from claimcheck.extract.checkworthiness import _LISTING, _is_listing

    assert _is_listing(listing) and _LISTING.search(listing)
    assert kept(listing) == []


def test_a_sentence_that_ends_with_a_price_is_a_claim():
    claim = "The county sold the old courthouse last year for $4.5 million."
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "signpost",
    [
        "Here are the five things to watch in tonight's debate.",
        "Here's the latest data on hospital admissions from the health ministry.",
        "The following chart shows the value of the 2019 harvest.",
    ],
)
def test_a_pointer_to_what_follows_is_no_claim(signpost):
    assert kept(signpost) == []


def test_a_quoted_here_is_read_as_before():
    claim = '"Here is a company that lost $40 million in 2019," the analyst Jo Reyes said.'
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "question",
    [
        "Did the foundation refuse to hand over 3,000 pages of records in 2015?",
        "Can the mayor keep the support of the 40,000 voters who backed him last year?",
    ],
)
def test_the_writers_question_is_no_claim(question):
    assert kept(question) == []


def test_a_question_a_named_speaker_asked_is_speech():
    claim = 'Senator Ruth Okafor asked, "Why did the agency spend $2 million on one party?"'
    assert kept(claim) == [claim]
