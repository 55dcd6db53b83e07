"""The language of an article, because the extractor reads English only.

Read as English, "7,1 %" becomes 7 and "30.000 Kilometer" 30 km: a non-English article is
refused (one line naming its language) unless the user says it is English (`add --language en`).
Most English text is recognised by its function words without loading anything; the rest goes
to py3langid (a small classifier that ships its own weights; nothing is downloaded).
"""

from __future__ import annotations

import re

FUNCTION_WORDS = (
    "the of and to in is that for was on with as it by said at from his he be are have has this"
    " not but an they were which will had who their been would its more after also than we she"
    " her our up one about out there when or new"
)
ENGLISH_WORDS = frozenset(FUNCTION_WORDS.split())
NAMES = {
    "de": "German",
    "fr": "French",
    "es": "Spanish",
    "it": "Italian",
    "nl": "Dutch",
    "pt": "Portuguese",
    "ru": "Russian",
    "pl": "Polish",
    "sv": "Swedish",
    "da": "Danish",
    "no": "Norwegian",
    "fi": "Finnish",
    "tr": "Turkish",
    "ja": "Japanese",
    "zh": "Chinese",
    "ko": "Korean",
    "ar": "Arabic",
    "he": "Hebrew",
    "uk": "Ukrainian",
    "cs": "Czech",
    "el": "Greek",
    "hu": "Hungarian",
    "ro": "Romanian",
    "id": "Indonesian",
    "hi": "Hindi",
    "en": "English",
}
WORD = re.compile(r"[^\W\d_]+")
SAMPLE = 6000


def detect(text: str) -> str:
    """ISO 639-1 code of the text's language ('en' fast when function words say so)."""
    sample = text[:SAMPLE]
    words = WORD.findall(sample.lower())
    if len(words) >= 20 and sum(w in ENGLISH_WORDS for w in words) >= 0.2 * len(words):
        return "en"
    if not words:
        return "en"
    import py3langid

    return str(py3langid.classify(sample)[0])


def name(code: str) -> str:
    return NAMES.get(code, code)


def refusal(text: str, declared: str | None = None) -> str | None:
    """Why an article is not read (its language), or None for English or a declared 'en'."""
    if declared == "en":
        return None
    code = detect(text)
    if code == "en":
        return None
    return (
        f"the article is in {name(code)} ({code}); claimcheck reads English only"
        " (add --language en to read it as English anyway)"
    )
