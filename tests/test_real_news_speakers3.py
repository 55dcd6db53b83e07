"""Speakers on real news, third round: offices and organisations that speak through verbs other
than "said", opening "as" clauses, places taken for names (bench/bench_audit.py, tuning3). Each
class is held by fixture sentences written for it. A wrong speaker is worse than none."""

from __future__ import annotations

from claimcheck.extract.attribution import speaker_kind
from tests.real_news import speaker_of

# 1. A place after a comma ("in Washington, D.C., said") finishes the place: it is no speaker.


def test_the_state_after_a_city_is_not_the_speaker():
    story = (
        '"The ice sheet is thinning faster than we thought," lead author Tom Berg, a geologist '
        "at the Polar Center in Greenbelt, Maryland, and Lake University in Washington, D.C., "
        "said in a statement."
    )
    assert speaker_of(story, '"The ice sheet') == "Tom Berg"


def test_two_people_in_apposition_after_a_quote_give_no_speaker():
    story = (
        '"We disagree with the ruling," Kurt Vollen, the former envoy, and Tim Marrow, a former '
        "aide, said in a statement."
    )
    assert speaker_of(story, '"We disagree') is None


def test_a_lawyer_in_a_city_and_state_is_no_speaker_named():
    story = "The river rose by 3 feet overnight, a lawyer in Dallas, Texas, said on Monday."
    assert speaker_of(story, "The river rose") is None


def test_a_name_after_a_description_with_an_institution_still_speaks():
    story = "The river rose by 3 feet overnight, a professor at Harvard, Jane Doe, said on Monday."
    assert speaker_of(story, "The river rose") == "Jane Doe"


# 2. "said NAME of INSTITUTION": an institution of several words after the name.


def test_said_a_scientist_of_a_long_institution_name():
    story = (
        '"The lake holds far more salt than the models assumed," said hydrologist Mara Vinter '
        "of Norway's Polar Research Institute in Tromso."
    )
    assert speaker_of(story, '"The lake holds') == "Mara Vinter"


# 3. "When Holm was approached, he told police ...": the clause is about the person meant.


def test_a_pronoun_after_a_clause_about_the_person_meant():
    story = (
        "Peter Holm was arrested at his home on Friday. "
        "When Holm was approached by officers, he told police he had lost the keys to the van."
    )
    assert speaker_of(story, "When Holm") == "Peter Holm"


def test_a_pronoun_after_a_clause_about_a_person_not_the_last_speaker():
    story = (
        "Holm's lawyer, Ada Grant, said her client meant no harm. "
        "The office sent the case to the police. "
        "When Peter Holm was approached by officers, he told police he had lost the keys."
    )
    assert speaker_of(story, "When Peter Holm") == "Peter Holm"


def test_no_speaker_where_the_clause_names_two_people():
    story = (
        "Peter Holm was arrested at his home on Friday. "
        "When Holm met Sam Ruiz at the port, he told police, the van was already gone."
    )
    assert speaker_of(story, "When Holm met") is None


# 4. Verbs of public speech beyond "said": denounced, condemned, criticised, slammed, pointed
# out.


def test_a_country_denounces():
    story = "This comes as Norway has denounced a court ruling on the fishing quota."
    assert speaker_of(story, "This comes") == "Norway"


def test_a_person_points_out():
    story = "Ada Grant pointed out that the bridge had been closed for 3 years."
    assert speaker_of(story, "Ada Grant") == "Ada Grant"


def test_a_person_criticised_or_slammed():
    story = "Ada Grant criticised the council for closing the bridge in 2019."
    assert speaker_of(story, "Ada Grant") == "Ada Grant"
    story = "Ada Grant slammed the plan as a waste of $3 million."
    assert speaker_of(story, "Ada Grant") == "Ada Grant"


def test_slammed_into_a_wall_is_no_speech():
    story = "Ada Grant slammed into the wall on lap 12 and lost 3 places."
    assert speaker_of(story, "Ada Grant") is None


def test_condemned_to_a_sentence_is_no_speech():
    story = "Omar Haddad condemned to death in Cairo after a 2-day trial."  # a headline
    assert speaker_of(story, "Omar Haddad") is None


# 5. An opening "as" clause: "As X points out, MAIN" gives X the main clause; "As X denounced the
# plan, MAIN" and "When X said ..., MAIN" only set the scene.


def test_as_an_outlet_points_out_in_its_review():
    story = (
        "As Consumer Reports points out in its review, the new kettle is almost identical to "
        "the model sold in 2015."
    )
    assert speaker_of(story, "As Consumer Reports") == "Consumer Reports"


def test_as_a_person_pointed_out_on_a_day():
    story = "As Ada Grant pointed out on Monday, sales fell by 4 percent in the quarter."
    assert speaker_of(story, "As Ada Grant") == "Ada Grant"


def test_as_a_person_told_a_paper():
    story = "As Ada Grant told The Harbour Times, the bridge has been closed for 3 years."
    assert speaker_of(story, "As Ada Grant") == "Ada Grant"


def test_as_someone_denounced_something_the_main_clause_is_not_theirs():
    story = (
        "But as Ada Grant denounced the new tariffs, many in the crowd began to leave the hall "
        "before 9 p.m."
    )
    assert speaker_of(story, "But as Ada Grant") is None


def test_when_someone_said_something_the_main_clause_is_not_theirs():
    story = "When Ada Grant said she would run again, her rivals raised $2 million in a week."
    assert speaker_of(story, "When Ada Grant") is None


def test_a_name_is_not_found_inside_a_word():
    story = "As eBay noted in its filing, sales fell by 4 percent in the quarter."
    assert speaker_of(story, "As eBay") != "Bay"


# 6. An outlet's or a country's person ("Fox's Chris Wallace"): the person, by name.


def test_an_outlets_reporter_is_the_person():
    story = '"The room went silent," Harbour Radio\'s Nina Kell said after the debate.'
    speaker = speaker_of(story, '"The room')
    assert speaker == "Nina Kell"
    assert speaker_kind(speaker) == "Person"


# 7. An envoy's office ("China's ambassador to Britain"), and its holder where named with it.


def test_an_envoy_named_with_the_office_speaks_by_name():
    story = "Norway's envoy to Canada Henrik Dahl has said that the quota cannot rise this year."
    assert speaker_of(story, "Norway's envoy") == "Henrik Dahl"


def test_an_office_with_its_holder_in_apposition_speaks_by_name():
    story = "Norway's ambassador to the US, Henrik Dahl, said the quota would rise by 5 percent."
    assert speaker_of(story, "Norway's ambassador") == "Henrik Dahl"
    story = "A ferry company spokesman, Ola Berg, said on Saturday that 40 sailings were cancelled."
    assert speaker_of(story, "A ferry company") == "Ola Berg"


def test_an_envoy_by_office_is_the_holder_the_article_names_with_it():
    story = (
        "Norway's envoy to Canada accused the council of ignoring the fishermen. "
        "Norway's envoy to Canada Henrik Dahl has said that the quota cannot rise this year."
    )
    assert speaker_of(story, "Norway's envoy to Canada accused") == "Henrik Dahl"


def test_an_envoy_by_office_is_the_office():
    story = (
        "Norway's envoy to Canada accused the council of ignoring the fishermen and warned that "
        "the talks would fail."
    )
    speaker = speaker_of(story, "Norway's envoy")
    assert speaker == "Norway's envoy to Canada"
    assert speaker_kind(speaker) is None  # an office: the reviewer names its holder


# 8. An organisation by name that opens the sentence speaks through a verb joined on or a
# finding; at the end of a sentence, through its own verb.


def test_an_embassy_keeps_a_monitor_and_reported():
    story = (
        "The French Embassy in Ottawa keeps its own weather station and reported Tuesday that "
        "the temperature fell to 40 below."
    )
    assert speaker_of(story, "The French Embassy") == "the French Embassy in Ottawa"


def test_a_commission_on_a_topic_found_that():
    story = (
        "The Harbour Commission on fishing and trade found that in 2017 there were 4 million "
        "tonnes landed."
    )
    assert speaker_of(story, "The Harbour Commission") == "the Harbour Commission"


def test_an_office_of_a_district_announced_at_the_end():
    story = (
        "A man from Akron admitted to setting the fire, the U.S. Attorney's Office for the "
        "Southern District of Ohio announced Monday."
    )
    speaker = speaker_of(story, "A man from Akron")
    assert speaker == "the U.S. Attorney's Office for the Southern District of Ohio"


def test_a_state_before_a_title_is_no_organisation():
    story = (
        "The Florida senator sought to calm his supporters and took a heckler in stride, saying "
        "the rally would go on."
    )
    assert speaker_of(story, "The Florida senator") != "the Florida"


# 9. "took to Twitter to describe ...": the words of a post.


def test_a_mayor_turned_to_twitter_to_describe():
    story = (
        "Oslo's Mayor Henrik Dahl turned to Twitter last month to describe the city as a "
        '"frozen desert."'
    )
    assert speaker_of(story, "Oslo's Mayor") == "Henrik Dahl"


def test_took_to_facebook_on_a_day_to_say():
    story = "Henrik Dahl took to Facebook on Monday to say the bridge would reopen in 2021."
    assert speaker_of(story, "Henrik Dahl") == "Henrik Dahl"


# 10. "Berg and his team wrote": the researcher speaks for the team.


def test_a_researcher_and_his_team_wrote_at_the_end_of_a_sentence():
    story = (
        "Lead author Tom Berg studied the ice for 3 years. "
        "The melt occurs every summer, often enough to be noted 2 nights out of 17, Berg and "
        "his team wrote in the new paper, which was published on Monday."
    )
    assert speaker_of(story, "The melt occurs") == "Tom Berg"
