"""Who said it: speakers and venues of quotes and reported speech.

Handles the shapes news writing uses: "Mr Lammy told The Daily Telegraph: '...'", "He posted on X:
'...'" (the pronoun resolved to the last person named), "'...', a spokesman said", "according to US
sources", "John Kirby, a spokesman for ..., announced that ...", and quotes running over several
paragraphs, each opening with a quote mark.
"""

from __future__ import annotations

import re

from claimcheck.models import Attribution

SPEECH_VERBS = (
    "said|says|told|tells|added|adds|warned|warns|posted|wrote|writes|tweeted|announced|"
    "claimed|claims|insisted|insists|argued|argues|stated|states|declared|explained|noted|"
    "suggested|suggests|questioned|accused|admitted|confirmed|denied|revealed|stressed|"
    "urged|asked|replied|responded|acknowledged|boasted|predicted|blasted|vented|described|"
    "reported|estimated|believes|believed|thinks|thought|alleged|announces"
)
TITLE = (
    r"(?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame|Lord|Lady|President|Prime Minister|PM|Chancellor|Senator|"
    r"Sen\.|Rep\.|Gov\.|Governor|General|Gen\.|Admiral|Rear Admiral|Colonel|Minister|"
    r"Secretary|Foreign Secretary|Defence Secretary|Home Secretary|King|Queen|Prince|Pope|"
    r"Professor|Prof\.|Judge|Justice|Mayor|Chief|Commander)"
)
NAME_WORD = r"(?:[A-Z][a-zA-Z'’\-]+|[A-Z]\.)"
PERSON = rf"(?:{TITLE}\s+)?{NAME_WORD}(?:\s+(?:de |van |von |al-|bin )?{NAME_WORD}){{0,3}}"
PRONOUNS = {"he", "she", "they", "it", "i", "we"}
DESCRIPTOR = re.compile(
    r"^(?:the|a|an)\s+(?:former\s+|then\s+|new\s+)?(?:[\w'-]+\s+){0,4}?"
    r"(?:prime minister|president|minister|secretary|spokesman|spokeswoman|spokesperson|"
    r"chancellor|leader|official|ambassador|general|chief|commander|envoy|source|sources|"
    r"minister|mayor|governor|senator)$",
    re.IGNORECASE,
)
LEADING = re.compile(
    r"^(?:but|and|yet|so|however|meanwhile|despite this|in a statement|last night|"
    r"yesterday|today|earlier|later|then|now|instead|also)[,\s]+",
    re.IGNORECASE,
)

INTRO = re.compile(
    rf"(?P<subject>[^:;.!?]*?)\s+(?P<verb>{SPEECH_VERBS})(?:\s+on\s+|\s+)?(?P<venue>[^:]*?)\s*:\s*$"
)
AFTER_QUOTE = re.compile(
    rf"^\s*,?\s*(?:(?P<verb1>{SPEECH_VERBS})\s+(?P<speaker1>{PERSON})"
    rf"|(?P<speaker2>{PERSON}|[Hh]e|[Ss]he|[Tt]hey|(?:the|a|an)\s[\w\s'-]{{3,60}}?)\s+"
    rf"(?P<verb2>{SPEECH_VERBS}))\b"
)
ACCORDING = re.compile(r"\b[Aa]ccording to (?P<who>[^,.;:]+)")
REPORTED = re.compile(
    rf"(?P<speaker>{PERSON})(?:,\s[^,]{{3,90}},)?(?:\s+(?:this week|last week|yesterday|today|"
    rf"last night|afterwards|has|have|had|also|previously|once|later|repeatedly|then|"
    rf"has since|publicly))*\s+(?P<verb>{SPEECH_VERBS})\b"
)
VERB_WORDS = frozenset(SPEECH_VERBS.split("|"))
LOWER_WORD = re.compile(r"[a-z]+")


def _clean(name: str) -> str:
    name = LEADING.sub("", name.strip())
    name = re.sub(r"^(?:But|And|Yet|So)\s+", "", name)
    return name.strip(" ,")


def last_person(text: str) -> str | None:
    """The person most likely meant by a following "he" or "she": the last subject of a speech or
    action verb, else the last titled name, else the first full name."""
    subjects = [m.group("speaker") for m in REPORTED.finditer(text)]
    subjects = [s for s in subjects if _looks_like_person(s)]
    if subjects:
        return _clean(subjects[-1])
    titled = re.findall(rf"\b{TITLE}\s+{NAME_WORD}(?:\s+{NAME_WORD})?", text)
    if titled:
        return titled[-1]
    full = re.findall(rf"(?<!^)(?<![.!?]\s)\b{NAME_WORD}\s+{NAME_WORD}\b", text)
    return full[0] if full else None


def _looks_like_person(name: str) -> bool:
    words = _clean(name).split()
    if not words:
        return False
    if words[0].lower() in {"the", "a", "an", "this", "that", "it", "its", "their", "there"}:
        return False
    return not (len(words) == 1 and words[0].lower() in PRONOUNS)


OFFICE = re.compile(
    rf"(?P<title>(?:[A-Z][a-z]+\s+){{0,2}}(?:Secretary|Minister|President|Chancellor|Ambassador|"
    rf"Spokesman|Spokeswoman|Leader|Governor|Mayor|Commissioner|Envoy))\s+"
    rf"(?P<name>{NAME_WORD}\s+{NAME_WORD}(?:\s+{NAME_WORD})?)"
)
# Where an office word stands: OFFICE itself is tried only around these (scanning a whole article
# with OFFICE's optional leading words costs ~5% of extraction).
OFFICE_WORD = re.compile(
    r"(?:Secretary|Minister|President|Chancellor|Ambassador|Spokesman|Spokeswoman|Leader|"
    r"Governor|Mayor|Commissioner|Envoy)\s+[A-Z]"
)


def titled_names(text: str) -> dict[str, str]:
    """Offices the article pairs with a name ("Foreign Secretary David Lammy"), so that a later
    "the Foreign Secretary said" can name its speaker. The first pairing of an office wins."""
    names: dict[str, str] = {}
    for word in OFFICE_WORD.finditer(text):
        match = OFFICE.search(text, max(0, word.start() - 40), word.end() + 80)
        if match is None:
            continue
        words = match.group("title").lower().split()
        for size in range(1, len(words) + 1):
            names.setdefault(" ".join(words[-size:]), match.group("name"))
    return names


def _without_office(name: str) -> str:
    """ "Defence Secretary John Healey" -> "John Healey"; other names unchanged."""
    office = OFFICE.fullmatch(name)
    return office.group("name") if office else name


def _resolve(
    subject: str, context: str, titles: dict[str, str] | None = None
) -> tuple[str | None, str]:
    """(speaker, how it was found) for a subject phrase, resolving pronouns and descriptors."""
    subject = _clean(subject)
    lowered = subject.lower()
    if lowered in PRONOUNS:
        person = last_person(context)
        return (_without_office(person) if person else None), "pronoun"
    if DESCRIPTOR.match(subject):
        office = re.sub(r"^(?:the|a|an)\s+", "", lowered)
        if "former" not in office and titles and office in titles:
            return titles[office], "office"
        if context:
            return (last_person(context) or subject), "descriptor"
    names = re.findall(rf"{PERSON}", subject)
    if names:
        name = _clean(names[-1])
        if titles and name.lower() in titles:
            return titles[name.lower()], "office"
        return _without_office(name), "named"
    return subject or None, "phrase"


def attribute(
    sentence: str, context: str = "", titles: dict[str, str] | None = None
) -> Attribution | None:
    """Speaker and venue of a sentence: `context` (the preceding text) resolves pronouns,
    `titles` (from `titled_names`) resolves offices such as "the Foreign Secretary"."""
    if VERB_WORDS.isdisjoint(LOWER_WORD.findall(sentence)):
        according = ACCORDING.search(sentence) if "ccording to" in sentence else None
        if according:
            return Attribution(speaker=according.group("who").strip(), phrase=according.group(0))
        return None
    colon = _colon_intro(sentence)
    if colon is not None:
        subject, _verb, venue, phrase = colon
        speaker, _ = _resolve(subject, context, titles)
        return Attribution(speaker=speaker, venue=venue or None, phrase=phrase)
    trailing = _after_quote(sentence)
    if trailing is not None:
        return trailing if trailing.speaker else None
    according = ACCORDING.search(sentence)
    if according:
        return Attribution(speaker=according.group("who").strip(), phrase=according.group(0))
    for match in REPORTED.finditer(sentence):
        if _looks_like_person(match.group("speaker")):
            phrase = sentence[match.start() : match.end()]
            speaker, _ = _resolve(match.group("speaker"), context, titles)
            return Attribution(speaker=speaker, phrase=phrase)
    pronoun = re.match(rf"^\s*(?P<p>He|She|They)\s+(?:\w+\s+)?(?P<verb>{SPEECH_VERBS})\b", sentence)
    if pronoun and context:
        speaker = last_person(context)
        if speaker:
            return Attribution(speaker=_without_office(speaker), phrase=pronoun.group(0).strip())
    return None


def _colon_intro(sentence: str) -> tuple[str, str, str, str] | None:
    quote_at = _first_quote(sentence)
    if quote_at is None:
        return None
    head = sentence[:quote_at]
    if ":" not in head:
        return None
    clause_start = max(head.rfind(mark, 0, len(head) - 2) for mark in ".;!?:") + 1
    match = INTRO.match(head, clause_start)
    if not match:
        return None
    venue = match.group("venue").strip()
    verb = match.group("verb")
    if verb == "posted" and venue.lower().startswith("on "):
        venue = venue[3:]
    return match.group("subject"), verb, venue, head.rstrip(" :")


def _first_quote(sentence: str) -> int | None:
    match = re.search(r"(?:^|(?<=[\s:(]))['\"‘“](?=\S)", sentence)
    return match.start() if match else None


def _after_quote(sentence: str) -> Attribution | None:
    match = re.search(r"['\"’”]\s*,?\s*(?=\S)", sentence)
    if not match or not re.match(r"\s*['\"‘“]", sentence):
        return None
    tail = sentence[match.end() :]
    found = AFTER_QUOTE.match(tail)
    if not found:
        return None
    speaker = found.group("speaker1") or found.group("speaker2")
    return Attribution(speaker=_clean(speaker), phrase=tail[: found.end()].strip())
