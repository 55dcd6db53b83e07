"""Speakers on real news, fifth round: the general mechanisms behind named speakers missed on
PolNeAR's tuning part (bench/bench_attribution.py --errors). Each class is held by fixture
sentences written for it. A wrong speaker is worse than none."""

from __future__ import annotations

from tests.real_news import speaker_of

CONTEXT = "Mayor Jeff Cole opened the new depot on Monday. "


# 1. An adverb or a time of speaking between a named subject and its speech verb.


def test_an_ly_adverb_between_subject_and_verb():
    story = CONTEXT + "Senator Ruth Ames openly admitted that the depot cost $40 million."
    assert speaker_of(story, "Senator Ruth") == "Ruth Ames"


def test_a_short_adverb_between_subject_and_verb():
    story = CONTEXT + "Ms. Dana Fry often says the line carries 9,000 riders a day."
    assert speaker_of(story, "Ms. Dana") == "Dana Fry"


def test_a_time_of_speaking_between_subject_and_verb():
    story = CONTEXT + "Cole at the time said 300 drivers would be hired."
    assert speaker_of(story, "Cole at") == "Jeff Cole"


def test_a_place_of_speaking_between_subject_and_verb():
    story = CONTEXT + "Paul Stone in a Facebook post said the fares would rise by 10 percent."
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_an_adverb_before_a_verb_joined_on_in_a_clause_is_not_the_subjects():
    story = CONTEXT + (
        "Cole faced a storm of posts in May, after some of his critics mocked his plan and even "
        "questioned the $40 million budget."
    )
    assert speaker_of(story, "Cole faced") is None


def test_a_name_right_after_a_speech_verb_is_what_was_said():
    story = CONTEXT + "But aides said Mr. Cole believed the 12 routes would pay for themselves."
    assert speaker_of(story, "But aides") is None


def test_another_opening_a_sentence_is_no_name():
    story = (
        CONTEXT
        + "One rider wrote to the paper. Another reportedly said: “The 9 o'clock bus never came.”"
    )
    assert speaker_of(story, "Another") is None
