"""schema.org ClaimReview for reviewed claims, and a lint for what Google's fact-check guidance
asks for.

Verdicts map to a 1-5 `ratingValue` (worst 1 = refuted, best 5 = supported) with the verdict's
words as `alternateName`. `dismissed` (not a checkable claim) and `flagged` (awaiting a second
reviewer) are not ratings, so those claims are not published.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from claimcheck.extract.attribution import speaker_kind

WORST, BEST = 1, 5
# verdict -> (ratingValue, alternateName); unverifiable sits mid-scale: neither true nor false.
RATINGS: dict[str, tuple[int, str]] = {
    "refuted": (1, "Refuted"),
    "misleading": (2, "Misleading"),
    "unverifiable": (3, "Unverifiable"),
    "supported": (5, "Supported"),
}
# From least to most true: the rating values must rise in this order.
TRUTH_ORDER = ("refuted", "misleading", "supported")
SUMMARY_LIMIT = 75
REQUIRED = ("claimReviewed", "reviewRating", "url", "author")
RECOMMENDED = ("itemReviewed", "datePublished")


@dataclass(frozen=True)
class Organisation:
    """Who publishes the reviews (the ClaimReview `author`), and where each review lives."""

    name: str
    url: str | None = None
    review_url: str = "{org_url}#claim-{id}"

    def url_for(self, claim_id: int) -> str:
        """The review's address; not a web address when the template needs a missing org URL."""
        return self.review_url.format(org_url=self.url or "", id=claim_id)


def claim_review(claim: dict[str, Any], organisation: Organisation) -> dict[str, Any]:
    """One ClaimReview document for a reviewed claim (a row with text, status, speaker...)."""
    value, words = RATINGS[claim["status"]]
    author: dict[str, Any] = {"@type": "Organization", "name": organisation.name}
    if organisation.url:
        author["url"] = organisation.url
    item: dict[str, Any] = {"@type": "Claim"}
    if claim.get("speaker"):
        kind = speaker_kind(claim["speaker"])  # an unsure speaker is left out, not guessed
        if kind:
            item["author"] = {"@type": kind, "name": claim["speaker"]}
    elif claim.get("article_outlet"):
        item["author"] = {"@type": "Organization", "name": claim["article_outlet"]}
    if claim.get("article_published"):
        item["datePublished"] = claim["article_published"]
    if claim.get("article_url"):
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": claim["article_url"]}
        if claim.get("article_title"):
            appearance["headline"] = claim["article_title"]
        item["appearance"] = appearance
    document: dict[str, Any] = {"@context": "https://schema.org", "@type": "ClaimReview"}
    url = organisation.url_for(claim["id"])
    if url.startswith(("http://", "https://")):
        document["url"] = url
    document |= {
        "claimReviewed": claim["text"],
        "datePublished": (claim.get("updated_at") or "")[:10],
        "author": author,
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": value,
            "bestRating": BEST,
            "worstRating": WORST,
            "alternateName": words,
        },
        "itemReviewed": item,
    }
    if claim.get("note"):
        document["reviewBody"] = claim["note"]
    return document


def lint_review(document: dict[str, Any]) -> list[str]:
    """What Google's fact-check guidance would flag in one ClaimReview."""
    warnings = [f"missing required property {p}" for p in REQUIRED if not document.get(p)]
    warnings += [f"missing recommended property {p}" for p in RECOMMENDED if not document.get(p)]
    summary = document.get("claimReviewed") or ""
    if len(summary) >= SUMMARY_LIMIT:
        warnings.append(
            f"claimReviewed is {len(summary)} characters; Google asks for a summary under"
            f" {SUMMARY_LIMIT} (shorten the claim's text, e.g. in the review screen)"
        )
    rating = document.get("reviewRating") or {}
    if not rating.get("alternateName"):
        warnings.append("reviewRating has no alternateName")
    value = rating.get("ratingValue")
    if value is not None and not rating.get("worstRating", 1) <= value <= rating.get(
        "bestRating", 5
    ):
        warnings.append(f"ratingValue {value} lies outside worstRating..bestRating")
    item = document.get("itemReviewed") or {}
    if not item.get("author"):
        warnings.append("itemReviewed has no author (the claim has no speaker or outlet)")
    if not (item.get("appearance") or {}).get("url"):
        warnings.append("itemReviewed has no appearance url (the article has no URL)")
    if not item.get("datePublished"):
        warnings.append("itemReviewed has no datePublished (the article has no date)")
    return warnings


def lint_scale(ratings: dict[str, tuple[int, str]] | None = None) -> list[str]:
    """The numeric scale must rise with truth and stay within worst..best."""
    ratings = RATINGS if ratings is None else ratings
    warnings = [
        f"{verdict}: ratingValue {value} outside {WORST}..{BEST}"
        for verdict, (value, _) in ratings.items()
        if not WORST <= value <= BEST
    ]
    values = [ratings[v][0] for v in TRUTH_ORDER if v in ratings]
    if any(a >= b for a, b in pairwise(values)):
        warnings.append(
            "rating scale: values must rise from " + " < ".join(TRUTH_ORDER) + f", got {values}"
        )
    return warnings
