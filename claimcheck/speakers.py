"""Who said a claim, when the extractor could not tell: which claims need a speaker named, and
the people the article names, as candidates to pick from (the CLI's `claim speaker` and the
review screen's speaker key both use these, and `Store.set_speaker` to record the choice)."""

from __future__ import annotations

from claimcheck.extract.attribution import speaker_kind, titled_names
from claimcheck.models import Claim
from claimcheck.store import Store


def needs_speaker(claim: Claim) -> bool:
    """An unresolved attribution: the sentence is attributed ("a spokesman said", "according to
    US sources") or quoted, but names no one for sure."""
    if claim.speaker:
        return speaker_kind(claim.speaker) is None
    return bool(claim.attribution) or claim.kind == "quote"


def people_named(store: Store, claim: Claim) -> list[str]:
    """The speakers and titled people the claim's article names ("Foreign Secretary David
    Lammy", "Mr Zelensky said"), each once, the one named last before the claim first: the
    likeliest speaker of an unattributed quote is the person just mentioned."""
    text = store.article(claim.article_id)["text"] or ""
    speakers = store.article_speakers(claim.article_id)
    names: dict[str, str] = {}
    for name in [*speakers, *titled_names(text).values()]:
        if speaker_kind(name) is not None:
            names.setdefault(name.lower(), name)

    def distance(name: str) -> tuple[int, int]:
        surname = name.split()[-1]
        before = text.rfind(surname, 0, claim.start)
        if before >= 0:
            return 0, claim.start - before
        after = text.find(surname, claim.start)
        return 1, after if after >= 0 else len(text)

    return sorted(names.values(), key=distance)
