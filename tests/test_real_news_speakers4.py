"""Speakers on real news, fourth round: clause openers, joint subjects, things posted, bare data
and a description named in apposition (bench/bench_audit.py, tuning4). Each class is held by
fixture sentences written for it. A wrong speaker is worse than none."""

from __future__ import annotations

from tests.real_news import speaker_of

CONTEXT = "Mayor Jeff Cole opened the new depot on Monday. "


# 1. The subject of a subordinate clause ("When X suggested ..., MAIN") is not the speaker.


def test_the_subject_of_an_opening_when_clause_is_no_speaker():
    story = CONTEXT + (
        "When Governor Ann Pike’s aides suggested that the city buy about $3 billion in buses "
        "as part of a deal, the council wasn’t satisfied."
    )
    assert speaker_of(story, "When Governor") is None


def test_the_subject_of_an_opening_if_clause_is_no_speaker():
    story = CONTEXT + "If the union's leaders announced a strike, 4,000 buses would stop."
    assert speaker_of(story, "If the union") is None


# 2. Two people joined by "and" as one verb's subject: neither alone is the speaker.


def test_the_second_of_two_joined_subjects_is_no_speaker():
    story = CONTEXT + (
        "Later that day, Anna Reed, a former envoy, and Paul Stone, a senior aide, testified "
        "before the panel for 5 hours."
    )
    assert speaker_of(story, "Later that day") is None


def test_a_single_subject_after_an_opening_adverb_still_speaks():
    story = CONTEXT + "On Monday, Paul Stone, a senior aide, testified that 5 meetings took place."
    assert speaker_of(story, "On Monday, Paul") == "Paul Stone"


# 3. "posted" with a thing as its object (flyers, bail, a profit) reports no words.


def test_posting_things_on_a_wall_is_no_speech():
    story = CONTEXT + (
        "On Monday morning, he posted flyers from the drive on the wall by the front desk, "
        "where 40 staff would see them."
    )
    assert speaker_of(story, "On Monday morning") is None


def test_posting_online_still_reports_words():
    story = CONTEXT + "He posted on Facebook that 12 routes would close in May."
    assert speaker_of(story, "He posted") == "Jeff Cole"


# 4. "According to data released by X": the data is no speaker, its source is.


def test_bare_data_gives_its_source_as_speaker():
    story = (
        "According to data released by the Energy Agency in August, new solar capacity reached "
        "4 gigawatts in seven months."
    )
    assert speaker_of(story, "According to data") == "the Energy Agency"


def test_bare_figures_with_no_source_give_no_speaker():
    story = "According to figures released on Monday, exports fell by 6 percent in October."
    assert speaker_of(story, "According to figures") is None


# 5. "said DESCRIPTION, ROLE NAME": the name in apposition speaks, its role before it.


def test_a_name_after_its_role_in_apposition_speaks():
    story = (
        'Mr. Lane often told staff "he ran the budget" although he was a junior clerk, said '
        "another witness in the trial, former city finance adviser Rita Holm."
    )
    assert speaker_of(story, "Mr. Lane often") == "Rita Holm"


def test_a_place_after_a_description_is_no_name_in_apposition():
    story = "Bus fares will rise by 10 percent, said the mayor, speaking in New York."
    assert speaker_of(story, "Bus fares") == "the mayor"


def test_posting_words_still_reports_them():
    story = (
        "Ann Pike, the council's leader, posted just three words on her account - "
        "''Not this time''."
    )
    assert speaker_of(story, "Ann Pike") == "Ann Pike"


# 6. An organisation's initials after the verb ("says WHO") are its name, not the word "who".


def test_initials_after_the_verb_speak():
    story = "Untreated cholera can kill within 12 hours, says WHO."
    assert speaker_of(story, "Untreated cholera") == "WHO"


# 7. An adverb of frequency or manner between an organisation and its verb ("has twice denied").


def test_an_organisation_that_has_twice_denied_speaks():
    story = "Blue Harbor Records has twice denied owing the band $2 million."
    assert speaker_of(story, "Blue Harbor") == "Blue Harbor Records"


# 8. Bodies advise and expect: their advice and forecasts are their words.


def test_a_health_agency_advises():
    story = "The CDC advises that travellers get a second dose 4 weeks after the first."
    assert speaker_of(story, "The CDC advises") == "the CDC"


def test_an_analyst_firm_expects():
    story = "Autotrend expects 15.2 million cars will be sold next year."
    assert speaker_of(story, "Autotrend") == "Autotrend"


def test_advising_a_client_on_a_deal_is_no_speech():
    story = "Harbor Partners advised the insurer on its $4 billion sale to Atlas Group."
    assert speaker_of(story, "Harbor Partners") is None


# 9. Present forms of reporting verbs ("denies that", "confirms that") report as the past do.


def test_an_organisation_in_apposition_that_denies_speaks():
    story = "The firm that stages the awards, Lakeside Events, denies that 12 acts have pulled out."
    assert speaker_of(story, "The firm that stages") == "Lakeside Events"


def test_a_ministry_that_confirms_speaks():
    story = "The Transport Ministry confirms that 3 bridges will close in May."
    assert speaker_of(story, "The Transport Ministry") == "the Transport Ministry"


def test_a_hospital_that_admits_patients_does_not_speak():
    story = "Lakeside Hospital admits 300 patients a day in winter."
    assert speaker_of(story, "Lakeside Hospital") is None


# 10. "called X a Y": a judgement in the subject's words, quoted or not.


def test_a_body_that_called_the_process_a_sham_speaks():
    story = "The Trade Council called the 2019 review process a sham."
    assert speaker_of(story, "The Trade Council") == "the Trade Council"


def test_a_body_that_called_it_a_quoted_judgement_speaks():
    story = 'The Trade Council called the 40 percent tariff an "extremely harmful step".'
    assert speaker_of(story, "The Trade Council") == "the Trade Council"


def test_calling_someone_a_day_later_is_no_speech():
    story = "Ann Pike called the office a day later, 3 hours after the vote."
    assert speaker_of(story, "Ann Pike") is None


# 11. A body by its singular noun ("health authority", "the regulator") speaks as its plural does.


def test_a_regional_health_authority_that_reported_speaks():
    story = "Lakeside health authority reported its fourth case of measles on Sunday."
    assert speaker_of(story, "Lakeside health") == "Lakeside health authority"


def test_a_regulator_that_said_speaks():
    story = "The regulator said 14 banks had failed the 2019 stress test."
    assert speaker_of(story, "The regulator") == "the regulator"


# 12. A quotation set in the sentence after a dash or colon, given to "he" or "she": the one
# person the sentence (or the text before it) names speaks it.

STORY = "Ann Pike, the mayor, spoke on Monday. Pike said 3 roads would close. "


def test_a_quote_in_a_dash_aside_goes_to_the_person_named():
    story = STORY + (
        "Yet Pike has already changed her story once — “I now recall 2 meetings,” she said, "
        "speaking of the depot — and may change it again."
    )
    assert speaker_of(story, "Yet Pike") == "Ann Pike"


def test_a_quote_after_a_dash_with_two_people_named_has_no_speaker():
    story = STORY + "Tom Lee met Ann Pike — “we spoke of 3 things,” she said."
    assert speaker_of(story, "Tom Lee met") is None
