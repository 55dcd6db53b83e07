"""Which sentences of real news are checkable, third round: lines of a page that are no
sentence (a piece of one, a name alone, a tally of counts, a card of fields), an interview's
question, a magazine's offer and an affiliate disclosure, each held by fixtures written for it,
beside claims of a like shape that must stay in the queue."""

from __future__ import annotations

import pytest

from tests.real_news import kept


@pytest.mark.parametrize(
    "fragment",
    [
        "since the factory opened in 2012.",
        ", including every tablet sold in Europe and Asia.",
        "; the rest went to 14 regional charities.",
        "which was first reported by the Herald in 2017.",
    ],
)
def test_a_piece_of_a_sentence_is_no_claim(fragment):
    assert kept(fragment) == []


@pytest.mark.parametrize(
    "claim",
    [
        "de Blasio said the city would hire 200 more teachers in 2020.",
        "von der Leyen won the vote by nine votes on Tuesday.",
        "iPhone sales fell 9% in the last quarter of 2018.",
        "eBay said it had 182 million active buyers in 2019.",
    ],
)
def test_a_sentence_that_opens_in_lower_case_with_a_name_is_read(claim):
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "line",
    [
        "Pixel Buds 2.",
        "THE ACME HARDWARE CORP.",
        "Day 3",
        "Lunch Box: 2 Blue",
        "Bank of Ireland Plc.",
    ],
)
def test_a_name_or_title_alone_on_its_line_is_no_claim(line):
    story = "The retailer opened 40 stores in Ohio in 2018.\n\n" + line
    assert kept(story) == ["The retailer opened 40 stores in Ohio in 2018."]


@pytest.mark.parametrize(
    "claim", ["Prices rose 3% in May.", "Acme Corp. Cut 500 Jobs.", "The Earth is flat."]
)
def test_a_short_sentence_that_says_something_stays(claim):
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "tally",
    [
        "2 eggs, 1 cup oat milk, 3 tbsp. maple syrup",
        "Berry Bowl (½ cup raspberries, 1 cup yoghurt, 2 tsp. honey)",
        "4 tackles (2 solo). 1 interception, 2 passes defended.",
        "Shopping list: 3 onions, 2 leeks, 1 bag of rice.",
    ],
)
def test_a_tally_of_counts_is_no_claim(tally):
    assert kept(tally) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Final count: 51% for the levy, 46% against, 3% spoiled.",
        "The flood left 14 dead, 60 injured and 5 missing.",
        "The firm sold 3 million phones, 2 million tablets and 1 million watches in 2019.",
        "Takings: £4m from tickets, £2m from food, £1m from parking.",
    ],
)
def test_a_list_of_facts_with_a_verb_or_shares_stays(claim):
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "card",
    [
        "Reviewed by: Sam Hale Price: $49.99 Website: www.example.com",
        "Adult : $12 Child : $6 Family : $30",
    ],
)
def test_a_card_of_labelled_fields_is_no_claim(card):
    assert kept(card) == []


def test_a_sentence_after_a_label_stays():
    claim = "Update: The council approved the $12 million budget on Monday."
    assert kept(claim) == [claim]


def test_an_interviews_question_is_no_claim_but_its_answer_is_read():
    text = (
        "Q: Maria, you took over the bank in 2018 after 20 years in insurance.\n\n"
        "A: The bank had 1,200 staff and 40 branches when I arrived in 2018."
    )
    assert kept(text) == ["A: The bank had 1,200 staff and 40 branches when I arrived in 2018."]


@pytest.mark.parametrize(
    "furniture",
    [
        "Disclosure: Some links on this page are affiliate links.",
        "We may earn a commission when you buy through links on our site.",
        "Get Garden Weekly delivered to your door. 6 issues for $9.99.",
    ],
)
def test_a_disclosure_or_a_magazines_offer_is_no_claim(furniture):
    story = "The show drew 12,000 visitors in 2019. " + furniture
    assert kept(story) == ["The show drew 12,000 visitors in 2019."]


def test_a_commission_in_the_news_stays():
    claim = "Estate agents may earn a commission of up to 3% on each home they sell."
    assert kept(claim) == [claim]


@pytest.mark.parametrize(
    "instruction",
    ["Stretch 5–10 minutes after your run", "Water every 3 days", "Rest 2 minutes between sets."],
)
def test_an_instruction_timed_by_a_span_is_no_claim(instruction):
    assert kept(instruction) == []


@pytest.mark.parametrize(
    "claim",
    [
        "Almost 3 hours after the blast, police sealed off the street.",
        "Another 40 days passed before the vote was held.",
        "Section 230 shields platforms from lawsuits over posts.",
    ],
)
def test_a_span_of_time_after_a_capitalised_word_is_no_instruction(claim):
    assert kept(claim) == [claim]


def test_a_shop_button_is_no_claim():
    story = "The laptop went on sale in 2019.\n\nBuyer's Guide: Laptops (Buy Now)"
    assert kept(story) == ["The laptop went on sale in 2019."]


@pytest.mark.parametrize(
    "caption",
    [
        "Top image: a crowd of 2,000 gathers outside the town hall in 2019",
        "Main photo credit: Ana Lima",
        "Picture: the bridge the council closed in March.",
    ],
)
def test_a_caption_by_its_label_is_no_claim(caption):
    story = "The council closed the bridge in March 2019. " + caption
    assert kept(story) == ["The council closed the bridge in March 2019."]


def test_a_sentence_about_images_stays():
    claim = "Images show the ship was hit twice on 12 May."
    assert kept(claim) == [claim]
