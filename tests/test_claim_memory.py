"""The claim memory (issue 13): ClaimReview in each shape it is published in, matching new claims
against fact-checks and the desk's own verdicts, the time rule, adoption and rejection in the
audit trail, and the commands, run as the real CLI."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck.adjudication import adjudicate
from claimcheck.export import ExportFilter, export
from claimcheck.ingest import read_path
from claimcheck.memory import matches as memory
from claimcheck.memory.factchecks import import_file
from claimcheck.memory.feeds import FactCheck, read_feed
from claimcheck.memory.matching import DISPLAY_THRESHOLD, figure_keys, same_time, timing
from claimcheck.memory.ratings import verdict_for
from claimcheck.pipeline import add_article
from claimcheck.review_rules import decide, record_verdict, undo
from claimcheck.store import Store
from tests.conftest import FIXTURES

FEEDS = FIXTURES / "claimreview"


def cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def read(name: str) -> list[FactCheck]:
    found = list(read_feed(FEEDS / name))
    assert all(isinstance(item, FactCheck) for item in found), found
    return found  # type: ignore[return-value]


def write_article(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


# ---- reading ClaimReview ---------------------------------------------------------------------


def test_a_fact_check_page_json_ld_graph_is_read_with_every_field() -> None:
    (check,) = read("page.html")
    assert check.claim == "Unemployment fell to 3.9 per cent, the lowest in fifty years"
    assert (check.rating, check.rating_value, check.best_rating, check.worst_rating) == (
        "Misleading",
        2.0,
        5.0,
        1.0,
    )
    assert (check.checker, check.checker_url) == ("Example Fact Check", "https://factcheck.example")
    assert (check.review_date, check.claim_date) == ("2024-03-01", "2024-02-27")
    assert (check.claimant, check.appearance) == ("Jane Doe", "https://news.example/speech")
    assert check.origin.endswith("page.html:7")  # the line the ClaimReview object starts on


def test_an_array_holds_two_reviews_of_one_claim_one_rated_by_number_only() -> None:
    first, second = read("array.json")
    assert first.claim == second.claim
    assert (first.checker, first.claimant, first.rating) == ("Other Checkers", "John Roe", "False")
    assert (second.checker, second.rating, second.rating_value) == ("Example Fact Check", None, 1)
    assert first.key != second.key
    assert verdict_for(second.rating, second.rating_value, second.best_rating, 1.0) == "refuted"


def test_the_data_feed_shape_with_item_lists_and_single_items() -> None:
    first, second = read("feed.json")
    assert (first.claim, first.rating, first.claimant) == (
        "Knife crime has doubled in London since 2015",
        "Mostly False",
        "Sam Smith",
    )
    assert (second.claim, second.review_date) == ("The hospital has 500 beds", None)


def test_json_lines_as_claimcheck_exports_them_and_google_fact_check_tools() -> None:
    lines = read("reviews.jsonl")
    assert [c.origin.rsplit(":", 1)[1] for c in lines] == ["1", "3"]  # the blank line counted
    tools = read("factchecktools.json")
    assert [(c.checker, c.rating, c.claimant) for c in tools] == [
        ("Energy Check", "Exaggerated", "Alex Green"),
        ("Example Fact Check", "Half true", "Alex Green"),
    ]
    assert tools[0].claim_date == "2024-01-15"


@pytest.mark.parametrize(
    ("rating", "verdict"),
    [
        ("Pants on Fire!", "refuted"),
        ("Mostly False", "misleading"),
        ("Mostly true", "supported"),
        ("Half-True", "misleading"),
        ("Missing context", "misleading"),
        ("Not true", "refuted"),
        ("Incorrect", "refuted"),
        ("Correct", "supported"),
        ("Unproven", "unverifiable"),
        ("Full Flop", None),
    ],
)
def test_published_ratings_read_as_verdicts(rating: str, verdict: str | None) -> None:
    assert verdict_for(rating) == verdict


def test_figures_are_compared_after_normalisation() -> None:
    assert figure_keys("unemployment of 3.9 per cent") == figure_keys("unemployment of 3.9%")
    assert figure_keys("$35 billion") == figure_keys("35bn dollars") or figure_keys("$35bn")


# ---- importing --------------------------------------------------------------------------------


def test_import_is_idempotent_and_a_corrected_rating_updates(store: Store, tmp_path: Path) -> None:
    first = import_file(store, FEEDS / "array.json")
    assert (first.added, first.updated, first.unchanged, first.written) == (2, 0, 0, True)
    again = import_file(store, FEEDS / "array.json")
    assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
    corrected = tmp_path / "corrected.json"
    data = json.loads((FEEDS / "array.json").read_text())
    data[0]["reviewRating"]["alternateName"] = "Mostly false"
    corrected.write_text(json.dumps(data))
    fixed = import_file(store, corrected)
    assert (fixed.added, fixed.updated, fixed.unchanged) == (0, 1, 1)
    rows = store.factchecks(checker="Other")
    assert [(r["rating"], r["verdict"]) for r in rows] == [("Mostly false", "misleading")]
    assert store.db.execute("SELECT count(*) FROM factchecks").fetchone()[0] == 2


def test_a_file_with_unreadable_records_writes_nothing(store: Store, tmp_path: Path) -> None:
    summary = import_file(store, FEEDS / "broken.jsonl")
    assert not summary.written
    assert [e.split(": ", 1)[0].rsplit("/", 1)[1] for e in summary.errors] == [
        "broken.jsonl:2",
        "broken.jsonl:3",
    ]
    assert store.db.execute("SELECT count(*) FROM factchecks").fetchone()[0] == 0
    assert not [e for e in store.events() if e["action"] == "import_factchecks"]
    nothing = tmp_path / "page.json"
    nothing.write_text('{"@context": "https://schema.org", "@type": "WebPage"}')
    assert import_file(store, nothing).errors == [
        f"{nothing}: no ClaimReview in it (nothing to import)"
    ]
    skipped = import_file(store, FEEDS / "broken.jsonl", skip_invalid=True)
    assert (skipped.written, skipped.added, len(skipped.errors)) == (True, 1, 2)


def test_cli_import_reports_file_and_line_exits_1_and_loads_the_good_files(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    done = cli(db, "factchecks", "import", *(str(FEEDS / n) for n in sorted(FEEDS.iterdir())))
    assert done.returncode == 1
    assert "broken.jsonl:2: a ClaimReview with no claimReviewed" in done.stderr
    assert "broken.jsonl:3: not JSON" in done.stderr
    assert "Traceback" not in done.stderr
    assert "page.html: 1 added" in done.stdout
    again = cli(db, "factchecks", "import", str(FEEDS / "page.html"), str(FEEDS / "feed.json"))
    assert again.returncode == 0
    assert "0 added, 0 updated, 1 already loaded" in again.stdout
    stats = json.loads(cli(db, "factchecks", "stats", "--json").stdout)
    assert stats["factchecks"] == 9
    assert stats["by_checker"]["Example Fact Check"] == 3
    found = cli(db, "factchecks", "search", "bridge").stdout
    assert found.count("The new bridge cost $35 billion") == 2
    listed = cli(db, "factchecks", "list", "--verdict", "refuted", "--nl").stdout.splitlines()
    assert {json.loads(line)["rating"] for line in listed} >= {"False"}


# ---- matching -----------------------------------------------------------------------------------


def test_the_time_rule() -> None:
    assert timing("2024-03-05", "2024-03-01") == "prior"
    assert timing("2024-03-05", "2024-03-09T10:00") == "later"
    assert timing(None, "2024-03-09") == "undated"
    assert same_time("2024-03-05", "2024-03-01") == 1.0
    assert same_time("2024-03-05", "2023-03-01") == 0.0


def add_text(store: Store, folder: Path, name: str, text: str, published: str) -> int:
    path = write_article(folder, name, text)
    return add_article(store, read_path(path, published=published)).article_id


UNEMPLOYMENT = (
    "Jane Doe said unemployment fell to 3.9% last month, the lowest in fifty years.\n\n"
    "The council will meet again on Tuesday to discuss the budget.\n"
)


def test_a_claim_added_after_loading_is_matched_with_reasons(store: Store, tmp_path: Path) -> None:
    import_file(store, FEEDS / "page.html")
    article = add_text(store, tmp_path, "a.txt", UNEMPLOYMENT, "2024-03-05")
    claim_id = store.claims(article_id=article)[0].id
    (found,) = store.claim_matches(claim_id)
    assert found.score >= DISPLAY_THRESHOLD
    assert found.factcheck_id is not None and found.timing == "prior"
    assert found.line() == "Checked before: Misleading by Example Fact Check, 2024-03-01"
    assert "same figures: 3.9 percent, 50 years" in found.reasons
    assert "same speaker: Jane Doe" in found.reasons
    assert any(r.startswith("said within a week") for r in found.reasons)
    assert store.claims(checked_before=DISPLAY_THRESHOLD)[0].id == claim_id


def test_a_fact_check_published_after_the_article_is_later_not_prior(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, FEEDS / "page.html")
    article = add_text(store, tmp_path, "old.txt", UNEMPLOYMENT, "2024-02-28")
    claim_id = store.claims(article_id=article)[0].id
    (found,) = store.claim_matches(claim_id)
    assert found.timing == "later"
    assert found.line().startswith("Checked later: Misleading")
    assert store.claims(checked_before=0.0) == []


def test_the_desks_own_verdict_on_another_article_is_remembered(
    store: Store, tmp_path: Path
) -> None:
    first = add_text(store, tmp_path, "one.txt", UNEMPLOYMENT, "2024-03-05")
    earlier = store.claims(article_id=first)[0]
    store.set_verdict(earlier.id, "refuted", reviewer="alice")
    # the same claim in other words, in an article added today (no date: the day it came in)
    again = (
        "Jane Doe told reporters that unemployment fell to 3.9 per cent last month, the lowest"
        " in fifty years.\n"
    )
    second = add_article(store, read_path(write_article(tmp_path, "two.txt", again))).article_id
    claim = store.claims(article_id=second)[0]
    found = memory.shown_match(store, claim.id)
    assert found is not None and found.earlier_claim_id == earlier.id
    assert found.timing == "prior"
    assert found.line() == "Checked before: refuted by alice, " + found.date
    assert "same speaker: Jane Doe" in found.reasons
    report = io.StringIO()  # the Markdown report carries the desk's earlier verdict too
    export(store, "markdown", report, ExportFilter(article_id=second))
    assert f"- {found.line()} (match {found.score:.2f})" in report.getvalue()
    # an article dated before the desk's verdict: that verdict came later
    third = add_text(store, tmp_path, "three.txt", again + "\nMore.\n", "2024-03-20")
    (later,) = store.claim_matches(store.claims(article_id=third)[0].id)[:1]
    assert later.timing == "later"
    # a claim of the same article is never its own memory
    assert all(m.earlier_claim_id != claim.id for m in store.claim_matches(earlier.id))


def test_a_new_verdict_reaches_stored_claims_of_other_articles_without_refresh(
    store: Store, tmp_path: Path
) -> None:
    first = add_text(store, tmp_path, "one.txt", UNEMPLOYMENT, "2024-03-05")
    again = "Jane Doe repeated that unemployment fell to 3.9 per cent, the lowest in fifty years.\n"
    second = add_text(store, tmp_path, "two.txt", again, "2024-03-09")
    reworded = "Unemployment fell to 3.9% last month, Jane Doe said, lowest in fifty years.\n"
    other = add_text(store, tmp_path, "three.txt", reworded, "2024-03-10")
    earlier = store.claims(article_id=first)[0]
    claim, rejecting = store.claims(article_id=second)[0], store.claims(article_id=other)[0]
    assert store.claim_matches(claim.id) == []  # nothing reviewed when they came in
    record_verdict(store, earlier.id, "refuted", reviewer="alice")
    found = memory.shown_match(store, claim.id)
    assert found is not None and found.earlier_claim_id == earlier.id
    assert found.line().startswith("Checked later: refuted by alice")  # given after the article
    (offered,) = store.claim_matches(rejecting.id)
    memory.reject(store, offered.id, reviewer="bob")
    # a changed verdict shows at once; the rejected match stays rejected
    record_verdict(store, earlier.id, "misleading", reviewer="alice")
    assert memory.shown_match(store, claim.id).verdict == "misleading"  # type: ignore[union-attr]
    assert store.claim_matches(rejecting.id) == []
    # undone, the verdict is offered no more where nobody decided on it
    undo(store, "alice")
    undo(store, "alice")
    assert store.claim_matches(claim.id) == []
    (kept,) = store.claim_matches(rejecting.id, include_rejected=True)
    assert kept.decision == "rejected"


def test_a_second_check_and_an_adjudication_reach_other_articles_too(
    store: Store, tmp_path: Path
) -> None:
    first = add_text(store, tmp_path, "one.txt", UNEMPLOYMENT, "2024-03-05")
    again = "Jane Doe repeated that unemployment fell to 3.9 per cent, the lowest in fifty years.\n"
    second = add_text(store, tmp_path, "two.txt", again, "2024-03-09")
    earlier, claim = store.claims(article_id=first)[0], store.claims(article_id=second)[0]
    store.flag_for_second_check(earlier.id, "refuted", reviewer="alice")
    decide(store, earlier.id, "supported", reviewer="bob")  # blind, and they disagree
    assert memory.shown_match(store, claim.id) is None  # a dispute is no verdict yet
    adjudicate(store, earlier.id, "refuted", reviewer="carol")
    found = memory.shown_match(store, claim.id)
    assert found is not None and found.earlier_claim_id == earlier.id
    assert found.line().startswith("Checked later: refuted by carol")
    # a second check that agrees is a verdict too
    third = add_text(store, tmp_path, "three.txt", UNEMPLOYMENT, "2024-04-01")
    agreed = store.claims(article_id=third)[0]
    fourth = add_text(store, tmp_path, "four.txt", again, "2024-04-02")
    later = store.claims(article_id=fourth)[0]
    store.flag_for_second_check(agreed.id, "misleading", reviewer="alice")
    decide(store, agreed.id, "misleading", reviewer="bob")
    assert any(m.earlier_claim_id == agreed.id for m in store.claim_matches(later.id))


def test_adopt_records_verdict_source_and_event_reject_is_never_offered_again(
    store: Store, tmp_path: Path
) -> None:
    import_file(store, FEEDS / "page.html")
    article = add_text(store, tmp_path, "a.txt", UNEMPLOYMENT, "2024-03-05")
    claim_id = store.claims(article_id=article)[0].id
    (found,) = store.claim_matches(claim_id)
    claim = memory.adopt(store, found.id, reviewer="alice")
    assert (claim.status, claim.reviewer) == ("misleading", "alice")
    assert "Example Fact Check" in (claim.note or "")
    sources = store.claim_sources(claim_id)
    assert [(s["url"], s["link_kind"]) for s in sources] == [
        ("https://factcheck.example/unemployment", "factcheck")
    ]
    actions = [e["action"] for e in store.events(claim_id)]
    assert actions[:2] == ["adopt_match", "verdict"]
    assert json.loads(store.events(claim_id, limit=1)[0]["details"])["match_id"] == found.id
    memory.reject(store, found.id, reviewer="alice")
    assert store.claim_matches(claim_id) == []
    assert memory.match_claims(store, [claim_id]) == 0  # matched again: still not offered
    assert [m.decision for m in store.claim_matches(claim_id, include_rejected=True)] == [
        "rejected"
    ]
    assert store.events(claim_id, limit=1)[0]["action"] == "reject_match"


def test_a_rating_with_no_verdict_cannot_be_adopted(store: Store, tmp_path: Path) -> None:
    import_file(store, FEEDS / "reviews.jsonl")
    article = add_text(
        store,
        tmp_path,
        "f.txt",
        "The minister said the flood defences were finished, according to the council.\n",
        "2024-03-05",
    )
    claim_id = store.claims(article_id=article)[0].id
    (found,) = store.claim_matches(claim_id)
    with pytest.raises(memory.AdoptRefused, match="Full Flop"):
        memory.adopt(store, found.id)
    assert store.claim(claim_id).status == "unreviewed"


def test_cli_matches_adopt_reject_and_claims_checked_before(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    article = write_article(tmp_path, "a.txt", UNEMPLOYMENT)
    assert cli(db, "add", str(article), "--published", "2024-03-05").returncode == 0
    # loaded after the claim was added: the import matches the claims already stored
    done = cli(db, "factchecks", "import", str(FEEDS / "page.html"))
    assert "1 matches stored" in done.stderr
    listed = cli(db, "claims", "--checked-before", "--nl").stdout.splitlines()
    assert len(listed) == 1
    claim_id = json.loads(listed[0])["id"]
    shown = cli(db, "matches", str(claim_id)).stdout
    assert "Checked before: Misleading by Example Fact Check, 2024-03-01" in shown
    assert "same figures: 3.9 percent, 50 years" in shown
    assert "Checked before: Misleading" in cli(db, "show", str(claim_id)).stdout
    match_id = json.loads(cli(db, "matches", str(claim_id), "--nl").stdout)["id"]
    adopted = cli(db, "--reviewer", "alice", "adopt", str(match_id))
    assert adopted.returncode == 0 and f"claim {claim_id}: misleading" in adopted.stdout
    refused = cli(db, "--reviewer", "bob", "adopt", str(match_id))
    assert refused.returncode == 1 and "adopt --replace" in refused.stderr
    assert cli(db, "reject", str(match_id)).returncode == 0
    (exported,) = [json.loads(line) for line in cli(db, "matches", "--all").stdout.splitlines()]
    assert (exported["claim_id"], exported["decision"]) == (claim_id, "rejected")
    assert cli(db, "matches", str(claim_id)).stderr.strip().endswith("no matches")
    assert cli(db, "matches", "999").returncode == 1


def test_exports_carry_the_earlier_check(store: Store, tmp_path: Path) -> None:
    from claimcheck.claimreview import Organisation

    import_file(store, FEEDS / "page.html")
    article = add_text(store, tmp_path, "a.txt", UNEMPLOYMENT, "2024-03-05")
    claim_id = store.claims(article_id=article)[0].id
    (found,) = store.claim_matches(claim_id)
    memory.adopt(store, found.id)
    out = io.StringIO()
    export(store, "claimreview", out, ExportFilter(), organisation=Organisation("Desk"))
    (document,) = json.loads(out.getvalue())
    assert document["citation"] == [
        {
            "@type": "ClaimReview",
            "url": "https://factcheck.example/unemployment",
            "author": {"@type": "Organization", "name": "Example Fact Check"},
            "datePublished": "2024-03-01",
            "reviewRating": {"@type": "Rating", "alternateName": "Misleading"},
        }
    ]
    report = io.StringIO()
    export(store, "markdown", report)
    assert "Checked before: Misleading by Example Fact Check, 2024-03-01" in report.getvalue()
    assert store.search_factchecks("unemployment")[0]["id"] == found.factcheck_id


def test_add_no_match_leaves_matching_to_refresh(tmp_path: Path) -> None:
    db = tmp_path / "claims.db"
    assert cli(db, "factchecks", "import", str(FEEDS / "page.html")).returncode == 0
    article = write_article(tmp_path, "a.txt", UNEMPLOYMENT)
    added = cli(db, "add", str(article), "--published", "2024-03-05", "--no-match")
    assert added.returncode == 0
    assert cli(db, "claims", "--checked-before", "--nl").stdout == ""
    assert "1 matches stored" in cli(db, "matches", "--refresh").stderr
    assert len(cli(db, "claims", "--checked-before", "--nl").stdout.splitlines()) == 1


def test_an_older_database_drops_factchecks_terms_and_indexes_again(db_path: Path) -> None:
    """A database of the schema before: its unused fts5vocab table goes, and its word index,
    built without joined-up hyphenated words, is built again, so "parttime" in a transcript
    finds the fact-check that spells it "part-time"."""
    from sqlite_utils import Database

    from claimcheck.memory import matching
    from claimcheck.memory.words import catch_up
    from claimcheck.store.migrations import migrations

    db = Database(db_path)
    migrations.apply(db, stop_before="drop_factchecks_terms")
    db["factchecks"].insert(
        {"key": "k", "claim": "Most new jobs are part-time jobs.", "imported_at": "2024-01-01"}
    )
    db.execute("INSERT INTO factcheck_words VALUES ('job', 1, x'01000000', x'0000803f')")
    db.execute("UPDATE factcheck_words_done SET upto = 1")
    db.conn.commit()
    assert "factchecks_terms" in db.table_names()
    db.close()
    with Store(db_path) as store:
        assert "factchecks_terms" not in store.db.table_names()
        assert store.indexed_up_to() == 0
        with store.transaction():
            catch_up(store)
        probe = matching.Probe("Parttime work is what most of them found.")
        ((found, *_),) = matching.find_matches(store, [probe], desk=False, threshold=0.0)
        assert found.candidate.text == "Most new jobs are part-time jobs."
        assert any("parttime" in reason for reason in found.reasons)


def test_the_desk_look_up_leaves_out_words_most_claims_hold(db_path: Path) -> None:
    """FTS5 ranks every claim an OR of words finds: a verdict's reach looks for the claim's
    rarer words only, or one verdict would rank a large desk's every claim (seconds each)."""
    from claimcheck.memory.matching import desk_words, fts_expression
    from tests.bulk_db import build

    build(db_path, 300, search=True)  # "Spending on item N rose M per cent in 2024, ..."
    text = "Spending on item 8 rose 9 per cent in 2024, officials said."
    with Store(db_path) as store:
        total, counts = store.claim_word_counts(desk_words(text))
    assert total == 300
    assert counts["spending"] == counts["officials"] == 300
    assert 0 < counts["8"] < 100
    assert fts_expression(text, total, counts) == '"8" OR "9"'
    assert fts_expression(text, 300, {}) == " OR ".join(f'"{w}"' for w in desk_words(text))


def test_a_matchs_reasons_read_the_same_in_every_process() -> None:
    """Words of equal weight are named in one order, not in the order of a set, which moves with
    Python's string hashing from one process to the next."""
    script = (
        "from claimcheck.memory.matching import Candidate, reasons\n"
        "text = 'tariffs wages jobs farmers exports bridges steel'\n"
        "candidate = Candidate('factcheck', 1, text, None, (), None, 1.0)\n"
        "shared = set(text.split())\n"
        "values = {'_shared_figures': (), 'speaker': 0, 'same_time': 0.0, 'coverage': 1.0,\n"
        "          'fuzz': 1.0, '_shared_words': (shared, dict.fromkeys(shared, 1.0), text)}\n"
        "print(reasons(values, candidate))\n"
    )
    outputs = {
        subprocess.run(
            [sys.executable, "-c", script],
            env={**os.environ, "PYTHONHASHSEED": str(seed)},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for seed in range(1, 6)
    }
    assert len(outputs) == 1
    assert "(bridges, exports, farmers, jobs, steel, tariffs)" in outputs.pop()
