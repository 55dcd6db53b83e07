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


# 2. Speech verbs in every form news uses ("notes", "slams"), and speech acts that report words:
# blame, praise, a proposal, a citation. Not a passive, an object that is
# no words ("defended his title"), nor a verb with no object after it ("the figure X cited").


def test_a_present_form_of_a_speech_verb():
    story = CONTEXT + "Paul Stone, a union official, notes that 12 routes lost money in 2019."
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_blame_is_speech_and_its_passive_is_not():
    story = (
        CONTEXT + "Cole blamed the state for the $2 million shortfall. Cole blamed for 9 delays."
    )
    assert speaker_of(story, "Cole blamed the") == "Jeff Cole"
    assert speaker_of(story, "Cole blamed for") is None


def test_defending_a_title_reports_no_words():
    story = CONTEXT + "Paul Stone defended his title at the club on Sunday, winning by 3 strokes."
    assert speaker_of(story, "Paul Stone") is None


def test_a_name_before_a_verb_with_no_object_opens_a_clause_about_the_object():
    story = CONTEXT + (
        "That is less than the $53 million figure Cole cited, but it is close to the 2018 total."
    )
    assert speaker_of(story, "That is") is None


def test_a_speech_act_gives_no_antecedent_to_a_pronoun_that_quotes():
    story = (
        "Ann Reyes, a nurse from Ohio, shouted it at the rally of 3,000. “He truly cares,” "
        "she said of Paul Stone. She had no plans to yell, but when Stone mentioned the 12 "
        "routes, it just happened. “It came out of my mouth,” she said."
    )
    assert speaker_of(story, "“It came") != "Paul Stone"


def test_a_speech_verb_is_a_whole_word_before_a_colon():
    story = CONTEXT + (
        "Ruth Ames said that 300 drivers could be hired in May, warning: “They are already "
        "here in the depot.”"
    )
    assert speaker_of(story, "Ruth Ames") == "Ruth Ames"


def test_two_titled_people_as_one_subject_give_no_speaker():
    story = CONTEXT + (
        "Candidates former Gov. Ann Lee and former Mayor Paul Stone called for 5 new depots."
    )
    assert speaker_of(story, "Candidates") is None


def test_a_name_after_a_preposition_and_both_is_no_subject():
    story = CONTEXT + (
        "Several senior drivers with ties to both Coles cited a 10 percent cut in overtime."
    )
    assert speaker_of(story, "Several") != "Coles"


# 3. Headlines: in title case with a capitalised speech verb ("Stone Says ..."), and "Name: words"
# where the article gives the full name speaking; not a question, nor a name the text never
# gives a speech verb (a team, a phrase in capitals).

BODY = "\n\nPaul Stone, the union's leader, said on Monday that 12 routes would close in May."


def test_a_title_case_headline_with_a_speech_verb():
    story = "Stone Says The City Will Cut 12 Bus Routes In May." + BODY
    assert speaker_of(story, "Stone Says") == "Paul Stone"


def test_a_title_case_headline_with_an_adverb_before_its_verb():
    story = "Paul Stone Just Announced 12 Route Cuts For May." + BODY
    assert speaker_of(story, "Paul Stone Just") == "Paul Stone"


def test_a_title_case_headline_that_names_no_speaker_of_the_text():
    story = "Ann Lee Says The City Will Cut 12 Bus Routes In May." + BODY
    assert speaker_of(story, "Ann Lee") is None


def test_a_colon_headline_with_a_surname_the_text_gives_in_full_speaking():
    story = "Stone: ‘We Will Cut 12 Routes Before The Summer Ends.’" + BODY
    assert speaker_of(story, "Stone:") == "Paul Stone"


def test_a_colon_headline_that_asks_has_no_speaker():
    story = "Paul Stone: A union hero or another typical career politician of 2019?" + BODY
    assert speaker_of(story, "Paul Stone:") is None


def test_a_colon_headline_naming_a_team_the_text_never_has_speak():
    story = (
        "Thunder: F Sam Doe missed his third straight game with a knee sprain.\n\n"
        "The Oklahoma City Thunder lost 101-99 on Monday."
    )
    assert speaker_of(story, "Thunder:") is None


# 4. What a named subject did by or while saying something ("Stone ended by saying"), a party
# and state in parentheses before the comma ("Sen. Ann Lee (D-Ohio), said"); not a participle
# after a relative clause or another subject's clause, whose words it is.


def test_a_subject_speaks_by_saying():
    story = CONTEXT + "Cole closed the meeting by saying the depot would open 12 new routes."
    assert speaker_of(story, "Cole closed") == "Jeff Cole"


def test_a_subject_speaks_after_telling():
    story = (
        CONTEXT + "Paul Stone was booed after telling the 300 drivers that their pay would fall."
    )
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_a_thing_added_while_doing_something_is_no_speech():
    story = CONTEXT + "Paul Stone ran the union for 9 years while adding 4 new branches."
    assert speaker_of(story, "Paul Stone") is None


def test_a_party_and_state_in_parentheses_before_the_comma():
    story = CONTEXT + "Sen. Ruth Ames (D-Ohio), said on Tuesday that 12 routes would close."
    assert speaker_of(story, "Sen. Ruth") == "Ruth Ames"


def test_a_participle_after_a_relative_clause_is_not_the_subjects():
    story = CONTEXT + (
        "Cole was rallying for Ann Lee, who is running for the council and who worked the crowd, "
        "praising the 12 new routes."
    )
    assert speaker_of(story, "Cole was") is None


def test_a_participle_after_another_subjects_clause_is_not_the_first_subjects():
    story = CONTEXT + (
        "Cole pivoted to the 12 routes, but Paul Stone brought him back to the budget, asking "
        "why it rose by $3 million."
    )
    assert speaker_of(story, "Cole pivoted") is None


def test_someone_told_is_no_antecedent_for_he():
    story = (
        "Mayor Jeff Cole visited the council on Monday. “You've been very critical of me,” he "
        "told Sen. Paul Stone, according to two aides. He has banned 3 papers from his events, "
        "citing his anger at their headlines."
    )
    assert speaker_of(story, "He has banned") != "Paul Stone"


# 5. "according to" a document and who made it, up to twelve words, cut before what follows it
# ("based on ...", "out Thursday", " - despite ...").


def test_according_to_a_study_and_its_authors():
    story = CONTEXT + (
        "According to a 2018 study by economists Ann Lee and Paul Stone, 12 routes lose money."
    )
    assert speaker_of(story, "According") == "a 2018 study by economists Ann Lee and Paul Stone"


def test_according_to_a_poll_cut_before_when_it_came_out():
    story = CONTEXT + (
        "According to an online University of Ohio/Dayton Daily poll out Thursday, 27 percent of "
        "riders back the plan."
    )
    assert speaker_of(story, "According") == "an online University of Ohio/Dayton Daily poll"


# 6. "As X told the paper, ..." and "..., as X noted in the paper.": the as-clause gives the
# sentence as X's words; a name in apposition after a state and a title ("Ohio Sen. Ruth Ames").


def test_an_opening_as_clause_told_the_paper():
    story = CONTEXT + "As Cole told the Dayton Daily News, 12 routes lose money every year."
    assert speaker_of(story, "As Cole") == "Jeff Cole"


def test_a_closing_as_clause_noted_in_a_paper():
    story = CONTEXT + "The fares are the lowest in 20 years, as Paul Stone noted in The Ledger."
    assert speaker_of(story, "The fares") == "Paul Stone"


def test_a_name_with_its_state_and_title_in_apposition():
    story = CONTEXT + "Cole's rival, Ohio Sen. Ruth Ames, also praised the 12 new routes."
    assert speaker_of(story, "Cole's rival") == "Ruth Ames"


# 7. More speech acts: pointing to something, making clear or making the case, expressing a
# stance ("expressed concern that"); not "expressed interest in" something.


def test_pointing_to_evidence_is_speech():
    story = CONTEXT + "Paul Stone pointed to a 2018 audit that found 12 routes lost money."
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_making_it_clear_is_speech():
    story = CONTEXT + "Ruth Ames made it clear that the state would pay 40 percent of the cost."
    assert speaker_of(story, "Ruth Ames") == "Ruth Ames"


def test_expressing_a_stance_is_speech_and_expressing_interest_is_not():
    story = CONTEXT + (
        "Ruth Ames expressed concern that 12 routes would close. "
        "Paul Stone expressed interest in buying 3 of the old buses."
    )
    assert speaker_of(story, "Ruth Ames") == "Ruth Ames"
    assert speaker_of(story, "Paul Stone") is None


# 8. A reporting clause that closes the sentence with when it reported ("..., the Times
# reported late Thursday.") speaks for the whole sentence.


def test_a_closing_reporting_clause_with_its_time():
    story = CONTEXT + (
        "Cole told investigators in July that he was advised to close 12 routes, the Dayton "
        "Times reported late Thursday."
    )
    assert speaker_of(story, "Cole told") == "the Dayton Times"


# 9. Saying more, or as far as ("went on to say", "went so far as to say"), and an adverb of
# time before the colon of an introduction ("Stone once said: ...").


def test_going_on_to_say_is_speech():
    story = CONTEXT + "Paul Stone went on to say that 12 routes would close in May."
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_going_so_far_as_to_say_before_a_colon():
    story = CONTEXT + "Union leader Paul Stone went so far as to say: “The 12 routes are dead.”"
    assert speaker_of(story, "Union leader") == "Paul Stone"


def test_an_adverb_of_time_before_the_colon_of_an_introduction():
    story = CONTEXT + "Union leader Paul Stone once said: “A bus every 9 minutes is a promise.”"
    assert speaker_of(story, "Union leader") == "Paul Stone"


def test_what_someone_would_only_say_before_a_colon_gives_no_speaker():
    story = CONTEXT + "Paul Stone would only say: “We will know in 12 days.”"
    assert speaker_of(story, "Paul Stone") is None


# 10. A few more verbs of speech (clarified, proclaimed, repeated that, voiced a stance), "further"
# between subject and verb, and a name in apposition after a possessive pronoun ("Her campaign
# manager, Robby Mook, said"); not "repeated as champion".


def test_clarifying_is_speech():
    story = CONTEXT + "A city aide later clarified that Cole meant 12 routes, not 20."
    assert speaker_of(story, "A city aide") == "A city aide"


def test_repeating_a_claim_is_speech_and_repeating_as_champion_is_not():
    story = CONTEXT + (
        "Paul Stone repeated his claim that 12 routes lose money. "
        "Ruth Ames repeated as champion of the 10-mile race in May."
    )
    assert speaker_of(story, "Paul Stone") == "Paul Stone"
    assert speaker_of(story, "Ruth Ames") is None


def test_a_name_in_apposition_after_a_possessive_pronoun():
    story = CONTEXT + "His campaign manager, Paul Stone, suggested that 12 routes would close."
    assert speaker_of(story, "His campaign") == "Paul Stone"


# 11. What checking wider news showed: a vote that rejects a proposal, and a faith one believes
# in, report no words.


def test_rejecting_a_proposal_is_a_vote_not_speech():
    story = CONTEXT + "Council members rejected the proposal in October by 7 votes to 2."
    assert speaker_of(story, "Council members") is None


def test_believing_in_something_is_no_claim():
    story = (
        CONTEXT + "In fact, Paul Stone still believes in buses for their 40 seats and low fares."
    )
    assert speaker_of(story, "In fact") is None


# 12. A speaker named or described after the verb, with where they are from ("said Paul Stone of
# the drivers' union") or a relative clause about them ("said an official who was briefed on").


def test_a_name_after_the_verb_with_where_they_are_from():
    story = CONTEXT + "“The 12 routes are dead,” said Paul Stone of the local drivers' union."
    assert speaker_of(story, "“The 12") == "Paul Stone"


def test_a_description_after_the_verb_with_a_relative_clause():
    story = CONTEXT + (
        "The depot cost $40 million, said a city official who was briefed on the budget."
    )
    assert speaker_of(story, "The depot") == "a city official"


def test_a_person_close_to_someone_after_the_verb():
    story = CONTEXT + "“We lost 9 drivers in May,” said a person close to the mayor."
    assert speaker_of(story, "“We lost") == "a person close to the mayor"


# 13. A scene set by an "-ly" adverb ("Shortly after ..., X said"; not a name such as "Carly"),
# and "calling it X" after a comma (not "calling for", a demand, nor "calling into a show").


def test_a_scene_set_by_an_ly_adverb_before_the_subject():
    story = CONTEXT + (
        "Shortly after the vote, Sen. Ruth Ames (D-Ohio) issued a statement saying 12 routes "
        "would close."
    )
    assert speaker_of(story, "Shortly") == "Ruth Ames"


def test_a_name_ending_in_ly_is_no_scene():
    story = (
        CONTEXT + "Carly Stone threw her support behind Cole on Monday, saying 12 routes matter."
    )
    assert speaker_of(story, "Carly Stone") == "Carly Stone"


def test_calling_something_a_name_after_a_comma_is_speech():
    story = CONTEXT + "Paul Stone pushed back on the plan, calling it “a $40 million mistake.”"
    assert speaker_of(story, "Paul Stone") == "Paul Stone"


def test_calling_for_something_after_a_comma_is_no_speech():
    story = CONTEXT + "Paul Stone led 300 drivers to the depot, calling for 12 new routes."
    assert speaker_of(story, "Paul Stone") is None
