"""ClaimReview JSON-LD against the schema.org vocabulary and Google's fact-check guidance."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from claimcheck.claimreview import RATINGS, Organisation, claim_review, lint_review, lint_scale
from claimcheck.cli import cli
from claimcheck.importer import import_file
from claimcheck.store import Store

# The schema.org properties each type may carry (names from https://schema.org, inherited ones
# included) — enough to catch an invented or misplaced property in what we emit.
THING = {"name", "url", "description", "alternateName", "identifier", "sameAs", "image"}
CREATIVE_WORK = THING | {
    "author",
    "datePublished",
    "headline",
    "publisher",
    "dateModified",
    "inLanguage",
    "about",
}
VOCABULARY = {
    "ClaimReview": CREATIVE_WORK | {"claimReviewed", "reviewRating", "itemReviewed", "reviewBody"},
    "Rating": THING
    | {"ratingValue", "bestRating", "worstRating", "author", "ratingExplanation", "reviewAspect"},
    "Claim": CREATIVE_WORK | {"appearance", "firstAppearance", "claimInterpreter"},
    "CreativeWork": CREATIVE_WORK,
    "Organization": THING | {"logo", "email"},
    "Person": THING | {"jobTitle", "affiliation"},
}
# Google's structured-data guidance for fact checks.
GOOGLE_REQUIRED = ("claimReviewed", "reviewRating", "url", "author")
GOOGLE_RECOMMENDED = ("itemReviewed", "datePublished")

MANIFEST = """
articles:
  - text: |
      Prices rose 5 per cent last year, Rachel Reeves said.
      The minister also said that the national debt has fallen in every single year since the
      government took office in 2010, which independent forecasters dispute.
      Unemployment is at 3.9 per cent.
    url: https://news.example.org/economy
    title: Economy story
    outlet: Example News
    published: "2024-03-01"
    extract: false
    claims:
      - text: Prices rose 5 per cent last year.
        speaker: Rachel Reeves
        status: refuted
        note: ONS says 3.2 per cent.
      - text: The national debt has fallen in every single year since the government
          took office in 2010.
        status: supported
      - text: Unemployment is at 3.9 per cent.
        status: dismissed
      - text: An unreviewed claim.
"""


def check_vocabulary(node: object, path: str = "$") -> None:
    """Every object has a known @type, and only properties schema.org defines for it."""
    if isinstance(node, list):
        for item in node:
            check_vocabulary(item, path)
        return
    if not isinstance(node, dict):
        return
    kind = node["@type"]
    allowed = VOCABULARY[kind] | {"@type", "@context"}
    unknown = set(node) - allowed
    assert not unknown, f"{path}: {kind} has no properties {unknown}"
    for key, value in node.items():
        check_vocabulary(value, f"{path}.{key}")


@pytest.fixture
def reviews_db(db_path: Path, tmp_path: Path) -> Path:
    manifest = tmp_path / "m.yaml"
    manifest.write_text(MANIFEST, encoding="utf-8")
    with Store(db_path) as store:
        assert not import_file(store, manifest).failed
    return db_path


def export(runner, db_path: Path, *args: str):
    return runner.invoke(
        cli,
        [
            "--db",
            str(db_path),
            "export",
            "--format",
            "claimreview",
            "--org-name",
            "Example Checks",
            "--org-url",
            "https://checks.example.org",
            *args,
        ],
    )


def test_one_claimreview_per_reviewed_claim_valid_against_the_vocabulary(runner, reviews_db):
    result = export(runner, reviews_db)
    assert result.exit_code == 0, result.output
    documents = json.loads(result.stdout)
    assert [d["claimReviewed"] for d in documents] == [
        "Prices rose 5 per cent last year.",
        "The national debt has fallen in every single year since the government took office"
        " in 2010.",
    ]
    for document in documents:
        assert document["@context"] == "https://schema.org"
        assert document["@type"] == "ClaimReview"
        check_vocabulary(document)
        for name in GOOGLE_REQUIRED + GOOGLE_RECOMMENDED:
            assert document.get(name), name
        assert document["reviewRating"]["alternateName"]
        assert document["author"] == {
            "@type": "Organization",
            "name": "Example Checks",
            "url": "https://checks.example.org",
        }
    refuted = documents[0]
    assert refuted["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 1,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Refuted",
    }
    assert refuted["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Person", "name": "Rachel Reeves"},
        "datePublished": "2024-03-01",
        "appearance": {
            "@type": "CreativeWork",
            "url": "https://news.example.org/economy",
            "headline": "Economy story",
        },
    }
    assert refuted["reviewBody"] == "ONS says 3.2 per cent."
    assert refuted["url"].startswith("https://checks.example.org#claim-")
    supported = documents[1]
    assert supported["itemReviewed"]["author"] == {"@type": "Organization", "name": "Example News"}
    assert supported["reviewRating"]["ratingValue"] == 5


def test_long_claim_summary_is_warned_about_on_stderr(runner, reviews_db):
    result = export(runner, reviews_db)
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1
    assert "claimReviewed is 91 characters; Google asks for a summary under 75" in warnings[0]


def test_review_url_template_and_status_filter(runner, reviews_db):
    result = export(
        runner,
        reviews_db,
        "--review-url",
        "https://checks.example.org/c/{id}",
        "--status",
        "refuted",
    )
    (document,) = json.loads(result.stdout)
    assert document["url"].startswith("https://checks.example.org/c/")
    none = export(runner, reviews_db, "--status", "dismissed")
    assert json.loads(none.stdout) == []


def test_organisation_is_required(runner, reviews_db, monkeypatch):
    result = runner.invoke(cli, ["--db", str(reviews_db), "export", "--format", "claimreview"])
    assert result.exit_code == 2
    assert "claimreview needs --org-name" in result.stderr
    monkeypatch.setenv("CLAIMCHECK_ORG_NAME", "Env Checks")
    result = runner.invoke(cli, ["--db", str(reviews_db), "export", "--format", "claimreview"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)[0]["author"]["name"] == "Env Checks"


def test_rating_scale_rises_with_truth_and_the_lint_catches_a_wrong_one():
    assert lint_scale() == []
    assert RATINGS["refuted"][0] < RATINGS["misleading"][0] < RATINGS["supported"][0]
    backwards = {**RATINGS, "refuted": (5, "Refuted"), "supported": (1, "Supported")}
    assert any("must rise" in w for w in lint_scale(backwards))
    assert any("outside" in w for w in lint_scale({**RATINGS, "misleading": (9, "Misleading")}))


def test_lint_names_missing_properties():
    document = claim_review(
        {"id": 1, "text": "Short claim.", "status": "misleading", "updated_at": ""},
        Organisation("Org"),
    )
    warnings = lint_review(document)
    assert "missing required property url" in warnings
    assert "missing recommended property datePublished" in warnings
    assert any("itemReviewed has no author" in w for w in warnings)
    assert any("no appearance url" in w for w in warnings)


@pytest.mark.parametrize(
    ("speaker", "author"),
    [
        ("Keir Starmer", {"@type": "Person", "name": "Keir Starmer"}),
        ("Mr Lammy", {"@type": "Person", "name": "Mr Lammy"}),
        ("the Kremlin", {"@type": "Organization", "name": "the Kremlin"}),
        ("Scotland Yard", {"@type": "Organization", "name": "Scotland Yard"}),
        ("ACLU", {"@type": "Organization", "name": "ACLU"}),
        ("Mr", None),
        ("Ms Truss's", None),
        ("New York", None),
        ("the former Prime Minister", None),
        ("Home Office spokesperson", None),
        ("Bloomberg", None),
        ("the Kremlin and Nato", None),
    ],
)
def test_the_claims_author_is_typed_or_left_out_when_the_speaker_is_unsure(speaker, author):
    claim = {
        "id": 1,
        "text": "Prices rose 5 per cent.",
        "status": "refuted",
        "speaker": speaker,
        "article_outlet": "Example News",
    }
    item = claim_review(claim, Organisation("Org"))["itemReviewed"]
    assert item.get("author") == author
