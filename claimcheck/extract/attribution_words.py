"""The words and patterns of attribution, for attribution.py: speech verbs, titles and name
patterns, the verbs that look like speech but are not (NOT_SPEECH), the nouns that head an unnamed
speaker or a document, and the compiled patterns built from them.

Data only, kept apart so that the rules in attribution.py read as rules.
"""

from __future__ import annotations

import re

# Speech acts that report words: blame, praise, a proposal, a citation ("Trump blamed Clinton
# for", "Cruz praised Trump"). Not "called for" or "called on": "called" is left to `_called`,
# where only naming in quoted words is speech.
SPEECH_ACTS = (
    "blamed|blames|praised|praises|proposed|proposes|cited|cites|touted|touts|decried|decries|"
    "assailed|assails|mentioned|mentions|reminded|reminds|assured|assures|demanded|demands|"
    "defended|defends|dismissed|dismisses|rejected|rejects|pointed to|points to|made clear|"
    "makes clear|made it clear|makes it clear|made the case|makes the case|expressed|expresses|"
    "voiced|voices|proclaimed|proclaims|clarified|clarifies|repeated|repeats"
)
SPEECH_ACT_FORMS = frozenset(SPEECH_ACTS.split("|"))
SPEECH_VERBS = (
    "said|says|told|tells|added|adds|warned|warns|posted|wrote|writes|tweeted|announced|"
    "claimed|claims|insisted|insists|argued|argues|stated|declared|explained|noted|"
    "suggested|suggests|questioned|accused|admitted|confirmed|denied|revealed|stressed|"
    "urged|asked|replied|responded|acknowledged|boasted|predicted|blasted|vented|described|"
    "reported|estimated|believes|believed|thinks|thought|alleged|announces|say|recalled|"
    "recalls|vowed|vows|pledged|promised|conceded|concedes|contended|contends|countered|"
    "cautioned|emphasized|emphasised|asserted|asserts|complained|complains|recounted|remarked|"
    "reiterated|lamented|quipped|joked|testified|testifies|continued|denounced|denounces|"
    "condemned|condemns|pointed out|points out|criticized|criticised|slammed|advises|advised|"
    "expects|denies|stresses|confirms|admits|acknowledges|explains|urges|reiterates|"
    "emphasizes|emphasises|cautions|declares|"
    # the present forms of the verbs above that were missing ("Ramos notes", "Trump slams"); not
    # those that are nouns too ("reports", "estimates", "questions"), nor the bare forms ("argue":
    # after "did not" or "to" it is no one's speech)
    "accuses|asks|blasts|boasts|describes|laments|notes|pledges|predicts|promises|replies|"
    "responds|reveals|slams|tweets|criticizes|criticises|alleges|"
    # saying more, or as far as ("The email goes on to say", "Auerbach went so far as to say")
    "went on to say|goes on to say|went on to write|goes on to write|went so far as to say|"
    f"{SPEECH_ACTS}"
)


def word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _by_first_letter(words: list[str]) -> str:
    """An alternation of `words` grouped by first letter ("a(?:dded|sked)|b(?:lasted)"): re tries
    a flat alternation branch by branch at every position, and this one branch per letter."""
    rests: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        rests.setdefault(word[0], []).append(word[1:])
    return "|".join(f"{first}(?:{'|'.join(rest)})" for first, rest in sorted(rests.items()))


# The verbs grouped by first letter: the patterns below try them at every name.
VERB_ALTERNATION = _by_first_letter(SPEECH_VERBS.split("|"))
TITLE = (
    r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|Vice President|President|Prime Minister|PM|"
    r"Chancellor|Senator|Secretary of State|Secretary-General|Secretary General|"
    r"Sen|Rep|Gov|Governor|General|Gen|Admiral|Rear Admiral|Colonel|Col|Capt|Lt|Sgt|Maj|"
    r"Minister|Secretary|Foreign Secretary|Defence Secretary|Home Secretary|King|Queen|Prince|"
    r"Pope|Professor|Prof|Judge|Justice|Mayor|Chief|Commander)\.?)"
)
CAPITAL = "A-ZÀ-ÖØ-ÞŁŚŹŻŽŠČĆŘ"
NAME_WORD = rf"(?:(?:Jr|Sr)\.|[{CAPITAL}][\w'’\-]+|[A-Z]\.(?:[A-Z]\.)*)"
PERSON = rf"(?:{TITLE}\s+)?{NAME_WORD}(?:\s+(?:de |van |von |al-|bin )?{NAME_WORD}){{0,5}}"
PRONOUNS = {"he", "she", "they", "it", "i", "we"}
DESCRIPTOR = re.compile(
    r"^(?:the|a|an)\s+(?:former\s+|then\s+|new\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:prime minister|president|minister|secretary|spokesman|spokeswoman|spokesperson|"
    r"chancellor|leader|official|ambassador|general|chief|commander|envoy|source|sources|"
    r"mayor|governor|senator)$",
    re.IGNORECASE,
)
LEADING = re.compile(
    r"^(?:but|and|yet|so|however|meanwhile|despite this|in a statement|last night|"
    r"yesterday|today|earlier|later|then|now|instead|also|additionally|separately|still|"
    r"indeed|previously|finally)[,\s]+",
    re.IGNORECASE,
)

INTRO = re.compile(
    rf"(?P<subject>[^:;.!?]*)\s+(?P<verb>{VERB_ALTERNATION})\b(?:\s+(?:on|in)\s+|\s+)?(?P<venue>[^:]*?)\s*:\s*$"
)
PERSON_NAME = re.compile(rf"(?=[{CAPITAL}]){PERSON}")
TITLED_NAME = re.compile(rf"\b(?=[A-Z]){TITLE}\s+{NAME_WORD}(?:\s+{NAME_WORD})?")
FULL_NAME = re.compile(rf"(?<!^)(?<![.!?]\s)\b{NAME_WORD}\s+{NAME_WORD}\b")
# A word between the pronoun and its verb, not one that makes it passive ("He was told").
PRONOUN_SPEAKS = re.compile(
    rf"\s*(?P<p>[Hh]e|[Ss]he|They)\s+(?:(?!(?:was|were|is|are|be|been|being)\b)\w+\s+)?"
    rf"(?P<verb>{VERB_ALTERNATION})\b"
)
# "When Afghan President Ashraf Ghani first announced the exchange last week, he said": a
# pronoun after an opening clause, which may name whom it means.
PRONOUN_AFTER_CLAUSE = re.compile(
    r"(?:When|After|As|While|Before|Although|Though|Since|If|Once|Because|Asked|Speaking)\b"
    r"[^;:!?\"“”]{0,150}?,\s+(?P<p>he|she)\s+(?:(?!(?:was|were|is|are|be|been|being)\b)\w+\s+)?"
    rf"(?P<verb>{VERB_ALTERNATION})\b"
)
# A quote mark at the start or after a space, colon or bracket: the mark first, so that re can
# skip ahead to one.
OPENING_QUOTE = re.compile(r"['\"‘“](?<![^\s:(].)(?=\S)")
# A mark that may open a quotation: at the start or after a space or bracket (not "Ukraine's").
QUOTED = re.compile(r"(?:^|(?<=[\s(\[:—–-]))['\"‘“]")
QUOTE_FIRST = re.compile(r"\s*['\"‘“]")
# Where a quotation closes and the words after it may name its speaker ("..., ' he said").
QUOTE_CLOSE = re.compile(r"[,!?…]['\"’”“]{1,3}\s+(?=\S)")
# Up to five words that describe the person named after them ("Concord resident", "ACLU
# executive", "Department of Correction spokesman"), none of them a word that would open a clause
# instead.
DESCRIBED = (
    r"(?!of\b)(?:(?!(?:that|on|in|at|to|for|and|but|after|before|about|with|from|over|during|"
    r"when|while|as|the|a|an|he|she|it|they|was|is|his|her|this|who)\b)[\w.'’-]+\s+){1,5}?"
)
AFTER_QUOTE = re.compile(
    rf"^(?:(?P<verb1>{VERB_ALTERNATION})\s+(?P<speaker1>(?:{DESCRIBED})??{PERSON})"
    rf"(?:\s+of\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})?(?=\s*[,;(]|\.\s*$|\.[\"”’']|\s+(?:in|on|at|during|who|after|when|to)\b|\s*$)"
    rf"|(?P<speaker2>(?:{DESCRIBED})??{PERSON}|[Hh]e|[Ss]he|[Tt]hey|(?:the|a|an|one|another)\s[\w\s'-]{{3,60}}?)"
    rf"(?:,\s\d{{1,3}},|,\s(?P<apposed>[^,;:!?\"“”]{{3,140}}+),)?\s+(?P<verb2>{VERB_ALTERNATION}))\b(?:(?<=told)\s+(?P<venue>{PERSON}|reporters|journalists))?"
)
# "..., Israeli officials said Wednesday.": a reporting clause at the end of a sentence.
TRAILING = re.compile(
    rf",\s+(?:(?P<described>[^,;:!?\"“”()]{{2,60}}?),\s+)?(?P<subject>[^,;:!?\"“”()]{{2,80}}?)"
    rf"(?(described),)\s+(?P<verb>{VERB_ALTERNATION})"
    rf"(?:(?<=told)\s+(?:{PERSON}|reporters|journalists)"
    r"|\s+in\s+an?\s+(?:statement|interview|email|e-mail|letter)|\s+on\s+(?:Twitter|Facebook|X))?"
    r"(?:\s+(?:on\s+)?(?:(?:late\s+|early\s+)?[A-Z][a-z]+day|yesterday|today|last\s+\w+|this\s+\w+"
    r"|earlier(?:\s+this\s+\w+)?|in\s+(?:\d{4}|[A-Z][a-z]+)))?"
    r"\s*[.!]?[\"”’']?\s*$"
)
TRAILING_REACH = 30  # characters from the end of the sentence where its speech verb must be
TOLD_REACH = 60  # or "told", with its venue after it
TRAILING_COMMAS = 2  # commas before a verb that follows the last one: "DESCRIPTION, NAME, said"
# "according to WHO": abbreviations ("Mr.", "U.S.", "Factcheck.org") do not end it; a quoted
# title ("according to 'The Trumps'") is a work, not a speaker; a clause after it is cut off.
ABBREVIATION = r"(?:Mr|Mrs|Ms|Dr|Rep|Sen|Gov|Gen|Capt|Lt|Col|Sgt|St|Jr|Sr|Prof|[A-Z])\."
ACCORDING = re.compile(
    rf"\b[Aa]ccording to (?P<who>(?!['\"‘“])(?:{ABBREVIATION}|\.(?=\w)|[^,.;:()—–\"“”])+)"
)
ACCORDING_TAIL = re.compile(
    r"\s(?:released|published|conducted|issued|obtained|seen|filed|posted|taken|compiled|"
    r"provided|shared|given|gathered|collected|prepared|commissioned|sent|carried|who|which|"
    r"that|on|last|this|earlier|based|out)\b.*|\s[-—–]\s.*"
)
# A document and who made it ("a January 2016 study by the Pew Research Center", "calculations
# by Amy Glasmeier of the Massachusetts Institute of Technology"); longer is a clause.
ACCORDING_WORDS = 12
# What may stand between a subject and its speech verb: an apposition, the team a researcher
# speaks for ("Paganini and his team wrote"), adverbs, "has". Possessive quantifiers: an
# apposition that fails is not retried character by character.
OWN_TEAM = r"(?:his|her|their)\s+(?:team|colleagues|co-?authors|co-?workers)"
# An adverb or a time or place of speaking between a subject and its verb: any "-ly" adverb
# ("Gorka similarly warned", "Trump reportedly said"), the common short ones ("Clinton often
# says"), when ("Trump at the time said", "Sherman last month joked") and where ("Bush in a
# Medium post said"). Not "only", nor nouns that end in "-ly" ("the Trump rally said").
ADVERB = r"(?!(?:only|family|rally|ally|supply|reply|assembly|bully)\b)[a-z]{2,}ly"
SAID_WHEN = (
    rf"{ADVERB}|even|still|often|now|just|soon|never|always|too|already|twice|further|"
    r"at\s+the\s+time|in\s+the\s+past|(?:last|this|next)\s+(?:week|month|year|night)|"
    r"on\s+[A-Z][a-z]+day|"
    r"in\s+an?\s+(?:[\w-]+\s+){0,2}?(?:post|statement|interview|tweet|letter|e-?mail|op-ed|"
    r"speech|column|memo|video|podcast)"
)
BEFORE_VERB = (
    rf"(?:\s*\([^()]{{1,30}}\))?(?:,\s[^,]{{3,90}}+,)?(?:\s+and\s+{OWN_TEAM})?"
    r"(?:\s+(?:this week|last week|yesterday|today|"
    r"last night|afterwards|has|have|had|also|previously|once|later|repeatedly|then|has since|"
    rf"first|initially|again|recently|formally|officially|publicly|himself|herself|{SAID_WHEN}))*\s+"
)
# (?=[capital]) first: failing fast where no name starts halves the cost of a scan. Not inside a
# word ("eBay" is no "Bay").
REPORTED = re.compile(
    rf"(?=[{CAPITAL}])(?<![\w'’-])(?P<speaker>{PERSON}){BEFORE_VERB}(?P<verb>{VERB_ALTERNATION})\b"
)
CALLED = re.compile(rf"(?=[{CAPITAL}])(?P<speaker>{PERSON}){BEFORE_VERB}called\b")
SPEECH_VERB = re.compile(rf"\b(?P<verb>{VERB_ALTERNATION})\b")
# What after a speech verb makes it something else than reported speech.
NOT_SPEECH_ANY = re.compile(r" by [a-z]+ing\b")
_OBJECT = r" by [a-z]+ing\b| (?:a|an|the|his|her|their|its|messages|photos?|videos?)\b"
# "Sanders called the DNC's suspension “arbitrary.”": naming something in words the sentence
# quotes; without a quotation ("called for", "called the police") or with the quotation right
# after it (an account called "Hypo-Cruz") it reports no speech.
NAMING = re.compile(r" (?:for|on|in|off|up|out|back|it)\b|\s*[\"“‘']|(?![^.;:!?\"“”‘]{0,80}[\"“‘])")
# "added a goal", "added three assists", "added to his collection": adding, not saying
_ADDED_OBJECT = re.compile(
    r" (?:a|an|the|his|her|their|its|to|another|more|some|one|two|three|four|five|six|seven"
    r"|eight|nine|ten)\b| [\d$£€]"
)
# what may follow "posted" when it reports words: where, when, about what, or the words
# themselves ("posted just two words", "posted comments")
POSTED_HOW = (
    r"(?:on|to|onto|in|online|that|about|late|early|earlier|later|yesterday|today|overnight"
    r"|after|before|from|at|under|this|last|while|when|as|shortly|again|also|[a-z]+ly"
    r"|(?:[\w-]+\s+){0,3}(?:words?|messages?|statements?|comments?|notes?|tweets?|updates?"
    r"|letters?|replies|reply|responses?))"
)
# "advised Dell on the merger", "advised by lawyers", "advised to leave": a client served or
# advice received, no words reported ("advises that ...", "advised patients to ..." report)
_ADVISED_CLIENT = re.compile(
    r" by\b| to [a-z]| [A-Z]"
    r"| [^.;:]{0,60}\bon (?:the|a|an|its|his|her|their)\s+(?:[\w$.,-]+\s+){0,3}"
    r"(?:deal|merger|acquisition|sale|transaction|bid|offer|purchase|takeover|listing|IPO)\b"
)
NOT_SPEECH = {
    "added": _ADDED_OBJECT,
    "adds": _ADDED_OBJECT,
    "revealed": re.compile(_OBJECT),  # "revealed the new model"; "revealed that" reports
    # "Vindman reported to him" (answered to), "reported for duty"; "reported to Congress that"
    # reports
    "reported": re.compile(
        r" by [a-z]+ing\b| from [A-Z]| (?:directly |back )?to (?![^.;:]*\bthat\b)"
        r"| for (?:duty|work)\b"
    ),
    "told": re.compile(r" by [a-z]+ing\b| to [a-z]"),  # "told to leave": an order received
    "asked": re.compile(r" by [a-z]+ing\b| to [a-z]"),  # "asked to step down"
    # "..., he continued." and "continued: '...'" report; "continued to fall", "continued his
    # tour" do not
    "continued": re.compile(r"(?!\s*[,.:;!?\"“”'‘’(]|\s*$)"),
    # "admitted to hospital", "admitted 300 patients" are no admission; "admitted to lying" is
    "admitted": re.compile(
        r" by [a-z]+ing\b| (?:to|into) (?:the |a )?(?:[\w-]+ )?"
        r"(?:hospital|clinic|university|college|school|bar|program|programme)\b"
        r"| \d| (?:more|fewer|new|about|around|some|only)\b| (?:[\w-]+ )?(?:patients|students|"
        r"people|members|applicants|visitors|children|refugees|migrants)\b"
    ),
    # a name, then "accused of", "described as", "confirmed as": a headline's passive
    "accused": re.compile(r" by [a-z]+ing\b| of\b"),
    "described": re.compile(r" by [a-z]+ing\b| as\b"),
    "confirmed": re.compile(r" by [a-z]+ing\b| as\b| by the (?:Senate|House|[Cc]ouncil)\b"),
    "declared": re.compile(
        r" by [a-z]+ing\b"
        r"| (?:dead|bankrupt(?:cy)?|a state of|an? (?:emergency|winner)|the winner)\b"
    ),
    "announced": re.compile(r" by [a-z]+ing\b| as (?:the|a|an|its|his|her|their)\b"),
    # "condemned to death", "condemned by the UN": a sentence or a condemnation received
    "condemned": re.compile(r" by\b| to\b"),
    "criticized": re.compile(r" by\b"),  # a headline's passive: "Trump criticized by GOP"
    "criticised": re.compile(r" by\b"),
    "slammed": re.compile(r" (?:into|against|on|shut|down)\b| (?:the|a) (?:door|brakes|ball)\b"),
    "wrote": re.compile(_OBJECT),
    # "posted flyers on the wall", "posted bail", "posted 3 wins": a thing posted, no words
    "posted": re.compile(rf"{_OBJECT}| (?!{POSTED_HOW}\b)[a-z\d$£€]"),
    "tweeted": re.compile(_OBJECT),
    "advised": _ADVISED_CLIENT,
    "advises": _ADVISED_CLIENT,
}
# "blamed for the crash", "praised by critics", "cited for speeding", "reminded of": a headline's
# passive; "the figure McKinley cited, but": no object after the verb, so the name opens a
# clause about its object ("the figure") and is not the sentence's speaker.
_PASSIVE = r" by [a-z]+ing\b| (?:by|for|of|as)\b|\s*(?:[,.;:!?)\"”’]|$)"
# "defended his title", "dismissed the case", "rejected the bill", "rejected the proposal" (a
# vote): no words reported
_UNSAID_OBJECT = (
    r" (?:(?:his|her|their|its|the) (?:[\w-]+ )?(?:title|crown|belt|championship|record|lead|"
    r"case|lawsuit|suit|charges?|appeal|claim|motion|petition|bill|measure|amendment|"
    r"nomination|offer|bid|application|request|player|coach|manager|staff|employees?|proposal|"
    r"deal|plan|contract|budget|treaty|agreement|resolution)\b)"
)
NOT_SPEECH |= {
    "blamed": re.compile(_PASSIVE),
    "praised": re.compile(_PASSIVE),
    "cited": re.compile(rf"{_PASSIVE}| in\b"),  # "the bureau cited in his tweet"
    # "reminds us of the Houseguest": a likeness, no words
    "reminded": re.compile(rf"{_PASSIVE}| (?:us|me|him|her|them|you|many|some|voters) of\b"),
    "mentioned": re.compile(rf"{_PASSIVE}| in\b"),
    "assured": re.compile(_PASSIVE),
    "proposed": re.compile(_PASSIVE),
    "touted": re.compile(_PASSIVE),
    "demanded": re.compile(_PASSIVE),
    "assailed": re.compile(_PASSIVE),
    "decried": re.compile(_PASSIVE),
    "defended": re.compile(rf"{_PASSIVE}|{_UNSAID_OBJECT}"),
    # "still believes in sedans": a faith, no claim ("believes that ..." reports one)
    "believes": re.compile(r" by [a-z]+ing\b| in\b"),
    "believed": re.compile(r" by [a-z]+ing\b| in\b"),
    # "repeated as champion", "repeated the feat": no words
    "repeated": re.compile(
        rf"{_PASSIVE}| (?:(?:his|her|their|its|the)\s+)?(?:feat|trick|title|grade|year|win|victory|"
        r"performance|process|exercise|steps?|mistakes?)\b"
    ),
    # "expressed frustration that", "expressed concern about": a stance stated, not "expressed
    # interest in buying" nor "expressed milk"
    "expressed": re.compile(
        r"(?! (?:(?:his|her|their|its|some|deep|strong|grave|serious|little|no|growing)\s+)?"
        r"(?:concerns?|frustration|dismay|astonishment|confidence|doubts?|optimism|skepticism|"
        r"scepticism|regret|surprise|disappointment|anger|outrage|alarm|sympathy|condolences|"
        r"gratitude|reservations|support|opposition)\b)"
    ),
    "dismissed": re.compile(rf"{_PASSIVE}| from\b|{_UNSAID_OBJECT}"),
    "rejected": re.compile(rf"{_PASSIVE}|{_UNSAID_OBJECT}"),
}
# the present forms misread as the past forms do ("admits to hospital", "confirms as")
NOT_SPEECH |= {
    present: NOT_SPEECH[past]
    for present, past in (
        ("admits", "admitted"),
        ("confirms", "confirmed"),
        ("declares", "declared"),
        ("accuses", "accused"),
        ("describes", "described"),
        ("reveals", "revealed"),
        ("slams", "slammed"),
        ("tweets", "tweeted"),
        ("criticizes", "criticized"),
        ("criticises", "criticised"),
        ("writes", "wrote"),
        ("blames", "blamed"),
        ("praises", "praised"),
        ("cites", "cited"),
        ("reminds", "reminded"),
        ("mentions", "mentioned"),
        ("assures", "assured"),
        ("defends", "defended"),
        ("dismisses", "dismissed"),
        ("rejects", "rejected"),
        ("proposes", "proposed"),
        ("touts", "touted"),
        ("demands", "demanded"),
        ("assails", "assailed"),
        ("decries", "decried"),
        ("expresses", "expressed"),
        ("voiced", "expressed"),
        ("voices", "expressed"),
        ("repeats", "repeated"),
    )
}
# "..., said Steve Elmendorf, deputy campaign manager ...": a speaker named after the verb, at the
# end of a sentence that is not a quotation's.
INVERTED_VERB = re.compile(
    r"[,”“\"’']\s+(?P<verb>said|says|added|wrote|writes|explained|noted|argued)\s+"
)
# Where a speaker named after the verb is from ("said Phil Musser of digital consulting firm
# IMGE", "Andrew J. Pincus of the law firm Mayer Brown"), up to the end of the clause; not a
# name that goes on ("said Department of Correction spokesman Jason Kersten").
NAME_FROM = (
    rf"(?:\s+(?:of|from|at)\s+(?:the\s+)?(?:{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}}"
    r"|[a-z][^,;:!?\"“”()]{0,60}?))?"
)
# The end of a speaker's clause after the verb: punctuation, the sentence's end, or a relative
# clause about the speaker ("said an American official who was briefed on ...").
SPEAKER_END = r"(?=\s*[,;(]|\.\s*$|\.[\"”’']|\s*$|\s+who\s)"
INVERTED = re.compile(
    rf"{INVERTED_VERB.pattern}(?P<speaker>(?:{DESCRIBED})??{PERSON}){NAME_FROM}{SPEAKER_END}"
)
# "..., said a longtime adviser to Trump, who ...", "... said one Trump confidant.", "said the
# company's chief executive, John J. Ferriola.": a description after the verb, and the name in
# apposition to it if there is one (that name speaks).
DETERMINER = rf"(?:[Tt]he|[Aa]n?|[Oo]ne|[Aa]nother|[Hh]is|[Hh]er|[Tt]heir|[{CAPITAL}][\w.-]*['’]s)"
# the role word right before a name in apposition ("adviser Fiona Hill"), not a preposition
ROLE_BEFORE_NAME = r"(?!(?:in|of|at|for|from|to|on|by|with|near|and|or|the|a|an)\s)[a-z]+(?<!ing)"
SAID_DESCRIBED = re.compile(
    rf"(?P<described>{DETERMINER}(?:\s+(?:(?:[A-Z]\.)+|[\w'’/$-]+)){{1,6}}?)"
    r"(?P<tail>\s+(?:of|for|to|at|in|with|from|on|close\s+to|familiar\s+with|involved\s+in|"
    r"briefed\s+on)\s+[^,;:!?\"“”()]{1,70}?)?"
    rf"(?:,\s+(?:former\s+)?(?P<name>{PERSON}){NAME_FROM}"
    rf"|,\s+(?:former\s+|then-)?(?:[\w.'’-]+\s+){{0,5}}?{ROLE_BEFORE_NAME}\s+(?P<role_name>{NAME_WORD}\s+{NAME_WORD}))?"
    rf"{SPEAKER_END}"
)
# "Sandy Phillips, who lost her daughter in Aurora, Colorado, in 2012, said": the name that opens
# the sentence speaks, not the last name of its apposition; ", and Tim Morrison, ..." is a second
# subject, not an apposition.
OPENING_APPOSITION = re.compile(
    rf"(?P<name>{PERSON}),\s(?:(?!,\s(?:and|or)\s[{CAPITAL}])[^;:!?])*?,\s+"
    rf"(?:(?:last week|this week|yesterday|today|later|also|has|had|have|previously)\s+)*"
    rf"(?P<verb>{VERB_ALTERNATION})\b"
)
# The word after a subject that shows it is one: a verb in the past, an auxiliary or an adverb
# ("Carson rejected", "Trump had", "Kasich quickly"), not a noun ("FBI officials", "Band member").
PAST_FORMS = word_set(
    "said told took made went gave held met left spoke wrote ran sought brought began came saw "
    "won lost got kept put set sent struck stood drew found felt fought became chose did hit led "
    "paid rose fell sold spent swore taught thought knew grew broke cast threw drove flew wore hid "
    "forgot froze rode shot shut sat slept stole swept tore woke meant heard dealt built bought "
    "caught dug fed hung has had have was is are were does did can may might must should will "
    "would could also then once later again never still further first now even"
)
VERBAL = rf"(?=[a-z]+(?:ed|ly)\b|(?:{'|'.join(sorted(PAST_FORMS))})\b|(?:{VERB_ALTERNATION})\b)"
# The subject that opens a sentence, after a phrase that sets the scene ("In an interview with
# CNN,", "But"): a name, with words before it ("Ohio Gov. John Kasich") and a place, an age or an
# apposition after it ("Rep. Tom Cole of Oklahoma, an ally of GOP leadership,", "Lance Beebe, 49,
# a Navy veteran,"), before a lower-case word.
SCENE = re.compile(
    r"(?:(?:In|On|At|During|After|Before|Back|Earlier|Later|Last|This|Since|Speaking|Asked|"
    r"Meanwhile|However|Still|Yet|Instead|Separately|Also|Even|As|With|For|From|Under|Despite|"
    r"Moreover|Furthermore|Likewise|Similarly|Additionally|Nonetheless|Nevertheless|Indeed|"
    r"Amid|When|Following|Over|Until|Within|Throughout|Ahead|Unlike|Like|[A-Z][a-z]+ing|"
    r"[A-Z][a-z]+ed|[A-Z][a-z]+ly(?=,|\s+(?:after|before|since|following|into|in|on|at)\b)|"
    r"(?:Minutes|Hours|Days|Weeks|Months|Moments)\s+(?:later|earlier))\b"
    r"[^,;:!?\"“”]{0,120},\s+|"
    r"(?:But|And|Yet|Still|So|Then|Meanwhile|However|Even),?\s+)"
)
OPENING_SUBJECT = re.compile(
    rf"(?P<name>(?:[{CAPITAL}][a-z]+\s+){{0,2}}?{PERSON})"
    rf"(?:\s+(?:of|from)\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})?(?:\s\([^()]{{1,30}}\),?)?"
    rf"(?:,\s\d{{1,3}}(?=,))?(?:,\s[^,;:!?\"“”()]{{3,120}}+(?:,\s[^,;:!?\"“”()]{{3,120}}+)?,"
    rf"|\s[—–]\s[^;:!?—–]{{3,160}}+[—–])?(?:\s+(?:on\s+)?[A-Z][a-z]+day)?\s+{VERBAL}"
)
# Nouns that head a description of an unnamed speaker ("A U.S. law enforcement official familiar
# with the investigation", "Campaign aides", "The lawmaker") or a source ("the report").
SPEAKER_NOUNS = (
    "officials?|aides?|spokes(?:man|woman|person|people|men|women)|sources?|lawmakers?|campaign|"
    "company|firm|group|groups|organi[sz]ers|experts?|analysts?|economists?|critics|supporters|"
    "advocates|people|residents|voters|delegates?|members|leaders?|lawyers?|attorneys?|"
    "employees?|prosecutors?|investigators|police|authorities|officers?|researchers|scientists|"
    "report|study|survey|poll|memo|statement|incumbent|candidate|administration|government|"
    "ministry|department|agency|committee|board|court|team|staff|advisers?|advisors?|"
    "strategists?|operatives?|allies|ally|insiders|diplomats?|observers|activists|organization|"
    "organisation|union|lawmaker|legislators?|representatives?|pollsters?|president|senator|"
    "governor|mayor|minister|secretary|chairman|chairwoman|director|front-runner|nominee|"
    "businessman|businesswoman|congressman|congresswoman|executive|candidates|nations|countries|"
    "authority|council|commission|regulator|watchdog|embassy"
)
# The nouns that head a description after a speech verb ("said one Trump confidant").
DESCRIBED_HEAD = re.compile(
    rf"{SPEAKER_NOUNS}|confidants?|veterans?|friends?|users?|insiders?|consultants?|donors?|"
    r"fundraisers?|organi[sz]ers?|workers?|voters?|residents?|supporters?|opponents?|critics?|"
    r"professors?|chief|head|manager|commander|general|envoy|ambassador|chair|ceo|founder|"
    r"owner|partner|colleague|associate|relative|neighbou?r|student|teacher|doctor|nurse|"
    r"agent|correspondent|reporter|journalist|editor|columnist|writer|author|pastor|"
    r"priest|bishop|rabbi|imam|banker|investor|trader|lobbyist|historian|scholar|fellow|"
    r"observer|participant|attendee|protester|demonstrator|witness|victim|survivor|mother|"
    r"father|son|daughter|wife|husband|brother|sister|whip|speaker|deputy|counsel|release|person"
)
DESCRIBED_SUBJECT = re.compile(
    rf"(?P<np>(?:(?:[Tt]he|[Aa]n?|[Aa]nother|[Oo]ther|[Ss]ome|[Mm]any|[Mm]ost|[Ss]everal|"
    rf"[{CAPITAL}][\w.’'-]*['’]s)\s+)?(?:[\w.’'-]+\s+){{0,4}}?(?P<head>{SPEAKER_NOUNS})"
    r"(?:(?:\s+(?:posted|released|issued|published|obtained|seen|conducted|filed|quoted|cited|"
    r"interviewed|polled|surveyed|involved|based))?\s+(?:familiar\s+with|close\s+to|briefed\s+on|of|in|at|with|for|from|"
    rf"on|by)\s+[^,;:!?\"“”()]{{1,60}}?)?)(?:,\s[^,;:!?\"“”()]{{3,140}}+,)?\s+{VERBAL}"
)
# "officials", "security sources", "party strategists": people unnamed, lower-case, in the plural.
UNNAMED_PLURAL = re.compile(
    r"(?!(?:some|many|most|few|all|both|his|her|their|its|our|these|those)\b)(?:[a-z][\w-]*\s+){0,2}"
    r"(?:officials|aides|sources|spokesmen|spokespeople|experts|analysts|economists|critics|"
    r"advocates|diplomats|investigators|prosecutors|authorities|police|lawmakers|strategists|"
    r"advisers|advisors|insiders|organi[sz]ers|researchers|scientists)"
)
# "The billionaire real estate magnate says": any short description before a plain speech verb.
THE_DESCRIBED_SAYS = re.compile(
    r"(?P<np>[Tt]he\s+(?:[\w.’'-]+\s+){0,4}?(?P<head>[a-z][\w’'-]*))\s+"
    r"(?:(?:also|now|then|later|has|had|have|previously|repeatedly|once|[a-z]+ly)\s+)*"
    r"(?=(?:said|says|told|tells|noted|notes|wrote|writes|argued|argues|warned|"
    r"warns|insisted|insists)\b(?!\s+by\b))"
)
# "Another delegate on the Cruz slate, Jim Poolman, said", "Clinton's opponent, Vermont Sen.
# Bernie Sanders, said", "Her campaign manager, Robby Mook, said": the name in apposition speaks.
APPOSED_NAME = re.compile(
    rf"(?:[Aa]n?|[Aa]nother|[Oo]ne|[Tt]he|[Tt]his|[Aa]nd\s+a|[Hh]is|[Hh]er|[Tt]heir|{PERSON}['’]s)"
    rf"\s[^,;:!?\"“”()]{{2,60}}+,\s+"
    rf"(?:former\s+)?(?P<name>(?:[{CAPITAL}][a-z]+\s+){{0,2}}?{PERSON})"
    rf"(?:\s+(?:of|from)\s+(?:the\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{0,3}})?"
    rf"(?:,\s+\d+)?,\s+{VERBAL}"
)
# A document or a count that finds or shows something: "A 2009 report by the Center for Economic
# and Policy Research found", "The April survey found", "..., the report found.". Only such a
# subject: a person who "found" something did not say it.
DOCUMENT = (
    r"report|study|survey|poll|polls|polling|analysis|review|audit|investigation|research|census|"
    r"inquiry|data|figures|statistics|memo|documents?|records|filings?|lawsuit|estimates?|"
    r"exit\s+polls?"
)
FINDS = (
    r"found|finds|shows|showed|show|suggests|suggested|concluded|concludes|indicates|indicated|"
    r"revealed|reveals|predicts|predicted"
)
DOCUMENT_WORD = re.compile(DOCUMENT)
DOCUMENT_FINDS = re.compile(
    rf"(?P<np>(?:[Tt]he|[Aa]n?|(?=[{CAPITAL}])(?![Tt]his|[Tt]hat|[Tt]hese|[Tt]hose|[Ii]ts|[Tt]heir)"
    rf"[\w.'’/-]+)(?:\s+[\w.'’/-]+){{0,4}}?\s+(?:{DOCUMENT}))\b"
    r"(?:\s+(?:by|from|of|for|on|conducted|released|published|commissioned)\s+[^,;:!?\"“”()]{1,70}?)?"
    r"(?:,\s[^,;:!?\"“”()]{3,90}+,)?(?:\s+(?:last|this)\s+(?:week|month|year)|\s+in\s+\d{4})?"
    rf"\s+(?:also\s+)?(?:{FINDS})\b"
)
DOCUMENT_TRAILING = re.compile(
    rf",\s+(?P<np>(?:the|a|an)(?:\s+[\w.'’/-]+){{0,4}}?\s+(?:{DOCUMENT}))\s+(?:{FINDS})\s*[.!]?\s*$"
)
# What may stand between such a subject and its speech verb ("this past week announced").
BETWEEN_WORDS = (
    r"also|has|had|have|since|repeatedly|previously|later|then|once|publicly|privately|"
    r"recently|often|long|this|last|past|week|month|year|on|earlier|[a-z]+day|twice|again|"
    r"already|never|always|consistently|strongly|sharply|flatly|firmly|vehemently|categorically"
)
# Right after the subject, any adverb or time of speaking too (see SAID_WHEN); a verb joined on
# with "and" keeps to the few words above: in "after her followers attacked her and even
# questioned" the verb is another subject's.
BETWEEN = rf"(?:(?:{BETWEEN_WORDS}|{SAID_WHEN})\s+){{0,3}}"
BETWEEN_JOINED = rf"(?:(?:{BETWEEN_WORDS})\s+){{0,3}}"
SUBJECT_SPEAKS = re.compile(rf"{BETWEEN}(?P<verb>{VERB_ALTERNATION})\b")
# "..., saying that", "... and said": the speech of the sentence's subject.
# "..., saying", and "... by saying", "... after telling aides": what the subject did by or while
# saying it (not "while adding strongholds": a thing added).
PARTICIPLE = re.compile(
    r"(?:,\s+|\s(?:by|upon|after|while)\s+(?!adding))(?P<verb>saying|telling|adding|arguing|noting|insisting|"
    r"warning|claiming|urging|writing|declaring|explaining|stressing|suggesting|asserting|vowing|"
    r"promising|predicting|acknowledging|admitting|asking|accusing|describing|citing|blaming|"
    r"denying|stating|announcing|criticizing|criticising|complaining|reiterating|recalling|"
    r"conceding|emphasizing|emphasising|praising|rejecting|dismissing|defending|pointing out|"
    r"pointing to|calling)\b"
)
POSSESSIVE_PRONOUNS = word_set("his her their its our my your")
ANAPHORIC = word_set("this that these those it there")
SCENE_COMMAS = 3
# "adding to her lead", "writing a book", "calling for a ban" (a demand, see SPEECH_ACTS): not
# speech; "calling it the mark of a desperate candidate" is.
NOT_PARTICIPLE = re.compile(
    rf" (?:to|by)\b|(?<=writing)(?:{_OBJECT})"
    r"|(?<=calling) (?:for|on|in|into|up|off|out|back|around)\b"
)
PARTICIPLES = frozenset(re.findall(r"[a-z]+ing", PARTICIPLE.pattern))
# "... on the spot – saying": a dash before it, looked for only where the sentence has a dash (a
# pattern opened by a set of marks rather than one is several times slower to search).
DASH_PARTICIPLE = re.compile(PARTICIPLE.pattern.replace(",", r"\s[—–-]{1,2}", 1))


COORDINATED = re.compile(rf"\s(?:and|but)\s+{BETWEEN_JOINED}(?P<verb>{VERB_ALTERNATION})\b")
# Words before a name that make it the object or a relative clause's subject: "the things Donald
# Trump said", "One pastor supporting Mr. Cruz, Darran Whiting, said".
OBJECT_BEFORE = re.compile(
    r"(?:\b(?:things|words|remarks|comments|everything|something|anything|nothing)|"
    r"[a-z]{2,}(?<!morn)(?<!even)(?<!dur)ing)\s+$"
)
SUBJECT_REACH = 200  # characters before a speech verb's end where its subject may start
# A subject opened by "the", "a" or a possessive ("Russia's") before a speech verb, searched with
# that verb's end as endpos (so "[a-z]+" is the verb): the leftmost start is the whole noun phrase.
DETERMINED = re.compile(
    rf"(?:^|(?<=[\s,(]))(?P<subject>(?:[Tt]he|[Aa]n?|[{CAPITAL}][\w-]*['’]s)"
    rf"(?:\s+[^\s,.;:!?]++){{1,7}}?){BEFORE_VERB}[a-z]++\Z"
)


# A speech verb as a whole lower-case word, the gate for the searches below: one search, ~2x
# faster than listing the sentence's lower-case words and looking them up.
_VERB_LIST = SPEECH_VERBS.split("|")
VERB_WORD = (
    rf"(?<![a-z])(?=[{''.join(sorted({verb[0] for verb in _VERB_LIST}))}])"
    rf"(?:{_by_first_letter(_VERB_LIST)})(?![a-z])"
)
HAS_SPEECH_VERB = re.compile(VERB_WORD)
# "..., he said, according to the Intelligencer": the paper reports who spoke; it is not the speaker
SAID_ACCORDING = re.compile(VERB_WORD + r",?\s+according to\b")
# A speech verb or a verb of finding ("found", "shows"): one search tells a sentence with neither
# from one where a document may speak, with no second pass over the sentence.
_FINDS_LIST = re.findall(r"[a-z]+", FINDS)
FINDS_ONLY = frozenset(_FINDS_LIST) - frozenset(_VERB_LIST)
SPEECH_OR_FINDS = re.compile(
    rf"(?<![a-z])(?=[{''.join(sorted({verb[0] for verb in _VERB_LIST + _FINDS_LIST}))}])"
    rf"(?:{_by_first_letter(sorted(set(_VERB_LIST + _FINDS_LIST)))})(?![a-z])"
)
# "said Rep. Lee Zeldin": a speaker named after the verb, anywhere (an antecedent for "he").
# Only after a quotation or a comma, only verbs that invert so, and with the name ending the
# clause: in "Smith said Hillary Clinton should ..." she is what was said, and after "asked" or
# "told" a name is the one spoken to.
SAID_NAME = re.compile(
    rf"(?<=[,”“\"’'] )(?:said|says|added|wrote|writes|explained|noted|argued|recalled|continued)"
    rf" (?=[{CAPITAL}])(?P<speaker>{PERSON})(?=\s*[,;(.!?]|\s*$|\s+(?:who|of|in|on|at)\b)"
)
# The words just before a name that make it something other than the subject of the sentence:
# a preposition's object ("a spokesman for Mr Trump said") or the subject of a clause joined on.
LINK_BEFORE = re.compile(
    r"(?:^|\s)(?:(?P<prep>in|of|for|from|at|on|by|to|with|against|about|over|between|among)"
    r"(?:\s+(?:the|both|all|his|her|their|its))?|(?P<conj>as|while|because|since|after|before|when|whereas|although|though|what|where|how|why|"
    r"if|unless|until|than|that|which|whom|and|but|or))\s+$",
    re.IGNORECASE,
)
ARTICLE_BEFORE = re.compile(r"\b(?:the|a|an)\s+(?:[a-z'’-]+\s+){0,3}$", re.IGNORECASE)
CLAUSE_WORDS = word_set(
    "as while because since after before when whereas although though if unless until"
)
# Ranks, offices and honorifics: not part of a person's name ("Rear Admiral Chris Parry" ->
# "Chris Parry"), and the sign that a run of capitalised words names a person.
RANKS = word_set(
    "mr mrs ms miss mx dr sir dame lord lady president vice prime minister chancellor senator "
    "sen rep representative gov governor general gen admiral rear colonel col lieutenant lt "
    "major maj brigadier brig captain capt sergeant sgt commander secretary secretary-general "
    "king queen prince princess pope professor prof judge justice mayor chief leader "
    "spokesman spokeswoman spokesperson ambassador envoy commissioner mp mep deputy shadow of "
    "director chair chairman chairwoman "
    "state defense exchequer detective inspector superintendent constable"
)
# Lower-case words inside an organisation's name ("Institute for Fiscal Studies").
CONNECTORS = word_set("of for and on in")
HONORIFICS = word_set("mr mrs ms miss mx dr sir dame lord lady")
# Words that make a phrase more than one noun phrase ("a search through Japanese-language
# sources", "the message came after Swift"): such a phrase is never read as a speaker.
NOT_IN_SUBJECT = CLAUSE_WORDS | word_set(
    "the a an i that which who whom whose to from at by with through about against over between "
    "among into than but or is was were are be been has had have not it its he she you we they"
)
# The nouns that make a lower-case phrase an organisation once a proper name anchors it ("the
# Trump campaign", "the health ministry in Gaza", "Russia's defence ministry").
ORGANISATION_NOUNS = word_set(
    "ministry department government administration campaign military army navy force forces "
    "police council committee agency authority office party service court commission embassy "
    "regulator watchdog"
)
GIVEN_NAME_TITLES = ("sir", "dame")
# Capitalised words that open a sentence rather than a name ("Yesterday Keir Starmer said").
STARTERS = word_set(
    "the a an another but and or so yet as when while after before since if despite yesterday "
    "today tonight last this that these those in on at for from with by of to meanwhile however "
    "then now under asked speaking monday tuesday wednesday thursday friday saturday sunday "
    "moreover furthermore likewise similarly additionally separately still indeed instead "
    "nonetheless nevertheless ultimately initially because although though unless until once "
    "whilst primarily also never always often sometimes only just even already perhaps maybe "
    "what which who whom whose where why how whenever wherever whether"
)
RUN_WORD = r"(?:[A-Z][a-z]{0,3}\.|[A-Z][\w'’-]*)"
NAME_RUN = re.compile(rf"{RUN_WORD}(?:[ \t]{RUN_WORD})+")
# Runs after a lower-case "former" ("the former Defence Secretary Ben Wallace"): a former office.
FORMER_RUN = re.compile(rf"former ({RUN_WORD}(?:[ \t]{RUN_WORD})+)")
