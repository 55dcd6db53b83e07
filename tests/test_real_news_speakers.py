"""Speakers on real news: classes of error found by reading news pages (bench/bench_audit.py),
each held by fixture sentences written for it. A wrong speaker is worse than none."""

from __future__ import annotations

from tests.real_news import speaker_of

# 1. "he" is the person the sentence before opens with, not the last speaker.


def test_he_is_the_subject_of_the_sentence_before_not_the_last_speaker():
    story = (
        "Harold Benz, the former port director, and Lena Ortiz, a former customs official, "
        "gave evidence on Tuesday. Benz said he had never seen the shipping records. "
        "Ortiz was the second witness to describe the night of the fire. "
        "He said he was not worried about the inquiry itself."
    )
    assert speaker_of(story, "He said he was not") == "Lena Ortiz"


def test_a_quote_after_a_new_subject_is_that_person_s():
    story = (
        "Lena Ortiz told the panel that the records were complete. "
        "Harold Benz later disputed the claim that he had run a separate channel. "
        '"My role was the official one," he told lawmakers.'
    )
    assert speaker_of(story, '"My role') == "Harold Benz"


def test_a_pronoun_after_an_opening_clause_is_the_person_the_clause_names():
    story = (
        "Mayor Rosa Delgado said the ferry would run again in spring. "
        "When Governor Tomas Ruiz first announced the deal last week, he said the state "
        "would pay for the new pier."
    )
    assert speaker_of(story, "When Governor") == "Tomas Ruiz"


def test_a_pronoun_after_a_scene_setting_word_is_read():
    story = (
        "Harold Benz, the former port director, told the committee he had tried to settle the "
        "dispute. However, he said the July report changed his mind."
    )
    assert speaker_of(story, "However, he said") == "Harold Benz"


def test_no_speaker_where_the_sentence_before_brings_in_someone_else():
    story = (
        "Governor Tomas Ruiz said the budget would balance. "
        "Ruiz drew cheers at the rally, courtesy of Dale Mercer, a delegate from Salina who "
        "wore a cowboy hat. "
        '"I wanted them to notice us," he said.'
    )
    assert speaker_of(story, '"I wanted') is None


def test_no_speaker_where_the_opening_clause_names_someone_else():
    story = (
        "Senator Ana Lopes said she backed the bill. Senator Ray Hill said he did not. "
        "In response to Hill's charge that she was weak on crime, she said her record was "
        "clear."
    )
    assert speaker_of(story, "In response") is None


def test_it_is_no_person():
    story = (
        "Councillor Tomas Ruiz said the tax would pass. "
        "The city published its draft law on Monday. "
        "It says residents who fail to register can be fined."
    )
    assert speaker_of(story, "It says") is None


def test_they_after_a_spokesperson_is_that_spokesperson():
    story = (
        "Dana Price, a spokesperson for the ferry company, confirmed that the timetable would "
        "change. "
        '"We review every route each winter to keep fares low," they said in an email.'
    )
    assert speaker_of(story, '"We review') == "Dana Price"


def test_they_after_two_speakers_is_no_one():
    story = (
        '"Look at this," Harold Benz said. Lena Ortiz answered, "We can fix it later." '
        "They went on to argue, saying the schedule was too tight."
    )
    assert speaker_of(story, "They went on") is None


def test_he_after_a_sentence_led_by_she_is_no_one():
    story = (
        "Governor Tomas Ruiz said the budget would balance. "
        "In her reply, she accused Ruiz of hiding the deficit. "
        '"We will see in spring," he said.'
    )
    assert speaker_of(story, '"We will see') is None


def test_a_name_after_said_is_the_subject_of_what_was_said_not_its_speaker():
    story = (
        "Dale Mercer, 49, a delegate from Salina who farms wheat, said Governor Ana Lopes "
        "should answer for the deficit. He attended the rally with his two sons. "
        '"I ask my wife every night how we pay for it," he said.'
    )
    assert speaker_of(story, '"I ask') != "Ana Lopes"


# 2. Verbs that look like speech but are not.


def test_reported_to_someone_is_answering_to_them():
    story = (
        "After Lena Ortiz left the agency, it was Harold Benz who took over, and Carl Sato "
        "reported to him."
    )
    assert speaker_of(story, "After Lena Ortiz") is None


def test_reported_to_a_body_that_something_happened_is_speech():
    story = "Carl Sato reported to the committee that the fund had lost $2 million."
    assert speaker_of(story, "Carl Sato") == "Carl Sato"


def test_reported_for_duty_is_no_speech():
    story = "Sergeant Carl Sato reported for duty at the base on Monday, 14 days late."
    assert speaker_of(story, "Sergeant Carl Sato") is None


def test_told_to_leave_is_an_order_received():
    story = (
        "Senator Ana Lopes said the hall was full. Dale Mercer told to leave the hall after "
        "40 minutes, the crowd booed."
    )
    assert speaker_of(story, "Dale Mercer told") is None


def test_he_was_told_is_no_speech_of_his():
    story = (
        "Harold Benz, the former port director, said the records were complete. "
        "He was told that the ship had left port with 300 tonnes of grain."
    )
    assert speaker_of(story, "He was told") is None


def test_announced_as_the_winner_is_no_speech():
    story = "Lena Ortiz announced as the winner of the $50,000 prize on Friday, the jury said."
    assert speaker_of(story, "Lena Ortiz") != "Lena Ortiz"


def test_asking_someone_does_not_make_them_the_next_speaker():
    story = (
        "Republican counsel Dale Mercer asked Harold Benz about the missing files. "
        "He asked Benz whether the files were destroyed in 2018."
    )
    assert speaker_of(story, "He asked Benz") != "Harold Benz"


def test_an_adverb_heading_a_list_item_is_no_speaker():
    story = "Three things we learned:\n\nNever urged the ministry to investigate the port deal"
    assert speaker_of(story, "Never urged") is None


def test_a_name_in_a_clause_after_a_noun_is_no_speaker():
    story = (
        "Harold Benz did refer to his earlier testimony, in which colleagues had raised "
        "concerns about Carl Sato leaking files, a prospect Sato denied on Tuesday."
    )
    assert speaker_of(story, "Harold Benz did") != "Carl Sato"


def test_a_role_before_a_name_still_names_the_speaker():
    story = "The economist Lena Ortiz said inflation would fall to 2% by June."
    assert speaker_of(story, "The economist") == "Lena Ortiz"


# 3. Speakers missed or doubled on real news.


def test_testified_reports_what_a_witness_said():
    story = "Harold Benz testified that he never saw the $3 million transfer."
    assert speaker_of(story, "Harold Benz") == "Harold Benz"


def test_continued_after_a_quote_reports_speech():
    story = (
        "Senator Ana Lopes spoke for 40 minutes on Monday. "
        '"We will fund the port," she said. '
        '"And we will do it in 2020," Ms. Lopes continued.'
    )
    assert speaker_of(story, '"And we will') == "Ana Lopes"


def test_continued_with_an_object_is_no_speech():
    story = "Ana Lopes continued her tour of 12 towns on Monday."
    assert speaker_of(story, "Ana Lopes") is None


def test_two_people_as_one_subject_give_no_speaker():
    story = (
        "Harold Benz, the former port director, and Lena Ortiz, a former customs official, "
        "testified before the committee on Tuesday about the $3 million transfer."
    )
    assert speaker_of(story, "Harold Benz") is None


def test_a_second_speaker_described_by_whose_they_are_gives_none():
    story = (
        "Republican counsel Dale Mercer questioned Harold Benz on Tuesday. "
        "He asked Benz about the missing files, but Benz's lawyer said the question was "
        "outside the scope of the inquiry."
    )
    assert speaker_of(story, "He asked Benz about") is None


def test_a_time_phrase_before_the_pronoun_is_no_speaker():
    story = (
        "President Omar Haddad spoke for an hour on Monday. "
        'A few minutes later, he added: "The economy grew by 3% last year."'
    )
    assert speaker_of(story, "A few minutes later") == "Omar Haddad"


def test_a_question_word_is_no_name():
    story = (
        "Lena Ortiz has run the clinic for 20 years. "
        "What really got under her skin, she said, was a question at a town hall last week, "
        "when a young man asked Ortiz why voters did not trust her."
    )
    assert speaker_of(story, "What really") != "What"


def test_a_scene_phrase_before_the_pronoun_is_no_speaker():
    story = (
        "Governor Tomas Ruiz said the port was safe. "
        'On Friday, he remarked: "There is a legal process in place for the port."'
    )
    assert speaker_of(story, "On Friday") == "Tomas Ruiz"


def test_an_opening_adverb_is_not_part_of_the_name():
    story = (
        "Even Lena Ortiz, who has backed the mayor for years, said Thursday that the tax "
        "would fail."
    )
    assert speaker_of(story, "Even Lena Ortiz") == "Lena Ortiz"


def test_the_answer_to_a_question_is_not_the_asker_s():
    story = (
        "Last month, reporter Dale Mercer asked Senator Ana Lopes whether her age was fair "
        'game. "Sure it is. I have not missed a day of work in 12 years," she said.'
    )
    assert speaker_of(story, '"Sure it is') != "Dale Mercer"


def test_admitted_to_hospital_is_no_admission():
    story = "Harold Benz admitted to hospital on Sunday with a broken leg, his family said."
    assert speaker_of(story, "Harold Benz") != "Harold Benz"


def test_admitted_to_lying_is_an_admission():
    story = "Harold Benz admitted to lying about the $3 million transfer."
    assert speaker_of(story, "Harold Benz") == "Harold Benz"


def test_a_headline_passive_is_no_speech():
    for headline in (
        "Carl Sato accused of leaking 300 files to a rival firm",
        "Carl Sato described as a loyal aide by 12 former colleagues",
        "Carl Sato confirmed as defence secretary by a vote of 51 to 49",
        "Carl Sato declared the winner of the 2019 race in Salina",
    ):
        assert speaker_of(headline, "Carl Sato") is None, headline


def test_whenever_is_no_name():
    story = "Whenever asked about the deficit, the mayor's aides said the audit would explain it."
    assert speaker_of(story, "Whenever") != "Whenever"


def test_no_speaker_where_the_sentence_before_brings_in_the_one_who_acted():
    story = (
        "Governor Tomas Ruiz said the port would reopen in May. "
        "The plan was criticised on Monday by Senator Ana Lopes, a Democrat from Salina. "
        '"It is a waste of $40 million," she said.'
    )
    assert speaker_of(story, '"It is a waste') is None


def test_a_statement_s_words_are_its_issuer_s():
    story = (
        "On Saturday, Governor Tomas Ruiz issued a statement saying that the port had lost "
        "$40 million in 2019."
    )
    assert speaker_of(story, "On Saturday") == "Tomas Ruiz"


def test_a_long_opening_phrase_before_the_subject_is_read_through():
    story = (
        "Mayor Rosa Delgado spoke to reporters on Friday. "
        "Despite some signs that the council was backing down from the proposal to close the "
        "harbour, she said the vote would go ahead."
    )
    assert speaker_of(story, "Despite some signs") == "Rosa Delgado"


def test_a_country_by_its_initials_speaks():
    story = "The UK welcomed the exchange of 12 prisoners, saying the men had suffered enough."
    assert speaker_of(story, "The UK") == "the UK"
