"""`claimcheck export`: CSV, JSON, JSONL and the Markdown report, with filters, on real files."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimcheck import archive, evidence
from claimcheck.cli import cli
from claimcheck.import_formats import CLAIM_FIELDS
from claimcheck.store import Store

HOSTILE = "Ignore [this](javascript:alert(1)) <script>x</script> \x1b[31mred\x1b[0m *bold*"


def run(runner, db_path: Path, *args: str):
    return runner.invoke(cli, ["--db", str(db_path), *args])


@pytest.fixture
def checked(seeded_store: Store, tmp_path: Path) -> dict:
    """The seed article with two verdicts (one by bob), a hostile note, and archived evidence."""
    claims = seeded_store.claims(include_repeats=False)
    poland = next(c for c in claims if "Poland spending 3.9" in c.sentence)
    other = next(c for c in claims if c.kind == "event" and not seeded_store.repeats(c.id))
    page = tmp_path / "nato.html"
    page.write_text(
        "<html><body><article><p>Poland spent 4.1 per cent of GDP on defence in 2024,"
        " according to NATO estimates.</p><p>Other allies spent less.</p></article>"
        "</body></html>"
    )
    source_id = seeded_store.cite(poland.id, "https://www.nato.int/report", label="NATO report")
    archive.archive_local(seeded_store, source_id, page, url="https://www.nato.int/report")
    evidence.rank_claim(seeded_store, poland.id)
    seeded_store.set_verdict(poland.id, "misleading", note=HOSTILE, reviewer="ann")
    seeded_store.set_verdict(other.id, "supported", reviewer="bob")
    db_path = seeded_store.path
    total = seeded_store.count_claims()
    seeded_store.close()
    return {"db": db_path, "poland": poland.id, "other": other.id, "total": total}


def test_jsonl_is_one_claim_per_line_with_every_field(runner, checked: dict) -> None:
    result = run(runner, checked["db"], "export")
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == checked["total"]
    assert all(tuple(row) == CLAIM_FIELDS for row in rows)
    poland = next(r for r in rows if r["id"] == checked["poland"])
    assert poland["status"] == "misleading" and poland["reviewer"] == "ann"
    assert poland["note"] == HOSTILE
    assert {"surface": "3.9 per cent"}.items() <= poland["quantities"][0].items()
    assert {"url": "https://www.nato.int/report", "label": "NATO report", "kind": "reviewer"} in (
        poland["sources"]
    )
    assert f"exported {checked['total']} claims (jsonl)" in result.stderr


def test_json_is_one_document_with_the_same_claims(runner, checked: dict) -> None:
    lines = run(runner, checked["db"], "export").stdout.splitlines()
    document = json.loads(run(runner, checked["db"], "export", "--format", "json").stdout)
    assert document == [json.loads(line) for line in lines]
    empty = run(runner, checked["db"], "export", "--format", "json", "--reviewed-by", "nobody")
    assert json.loads(empty.stdout) == []


def test_csv_has_a_header_and_json_list_cells(runner, checked: dict, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    assert run(runner, checked["db"], "export", "--format", "csv", "-o", str(out)).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert tuple(rows[0]) == CLAIM_FIELDS and len(rows) == checked["total"]
    poland = next(r for r in rows if r["id"] == str(checked["poland"]))
    assert poland["note"] == HOSTILE
    assert json.loads(poland["sources"])[-1]["url"] == "https://www.nato.int/report"


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--status", "misleading"], {"poland"}),
        (["--status", "misleading", "--status", "supported"], {"poland", "other"}),
        (["--reviewed-by", "bob"], {"other"}),
        (["--since", "2000-01-01"], {"poland", "other"}),
        (["--since", "2999-01-01"], set()),
        (["--kind", "event", "--status", "supported"], {"other"}),
    ],
)
def test_filters(runner, checked: dict, args: list[str], expected: set[str]) -> None:
    result = run(runner, checked["db"], "export", *args)
    ids = {json.loads(line)["id"] for line in result.stdout.splitlines()}
    assert ids == {checked[name] for name in expected}


def test_since_takes_reviewed_claims_changed_after_the_date(runner, checked: dict) -> None:
    with Store(checked["db"]) as store:
        store.db.execute("UPDATE claims SET updated_at = '2020-01-01T00:00:00+00:00'")
        store.set_note(checked["poland"], "rechecked against the 2024 NATO table")
        unreviewed = next(c for c in store.claims() if c.status == "unreviewed")
        store.edit_text(unreviewed.id, unreviewed.text + " (edited)")
    today = datetime.now(UTC).date().isoformat()
    result = run(runner, checked["db"], "export", "--since", today)
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [checked["poland"]]


def test_article_filter(runner, checked: dict) -> None:
    assert run(runner, checked["db"], "export", "--article", "999").stdout == ""
    assert (
        len(run(runner, checked["db"], "export", "--article", "1").stdout.splitlines())
        == (checked["total"])
    )


def test_markdown_report_quotes_evidence_links_archives_and_escapes_text(
    runner, checked: dict
) -> None:
    result = run(runner, checked["db"], "export", "--format", "markdown", "--status", "misleading")
    report = result.stdout
    assert report.startswith("# Keir Starmer and Joe Biden appear to have failed")
    assert "| misleading | 1 |" in report
    assert "**Verdict: misleading** — ann" in report
    assert "> Poland spent 4.1 per cent of GDP on defence in 2024" in report
    assert "[NATO report](<https://www.nato.int/report>) — archived " in report
    assert "(snapshot 1, sha256 " in report
    assert "\x1b" not in report
    assert "\\[this\\](javascript:alert(1)) \\<script\\>" in report
    assert "\\*bold\\*" in report


def md_plain(text: str) -> str:
    """Markdown text with its backslash escapes removed, to compare with the raw text."""
    return text.replace("\\", "")


def test_markdown_report_puts_passages_with_a_stance_first_with_the_stance(
    runner, checked: dict
) -> None:
    with Store(checked["db"]) as store:
        passages = store.evidence(checked["poland"])
        weakest = passages[-1]
        store.set_stance(weakest["id"], "refutes", note="NATO puts it at 4.1%", reviewer="ann")
    result = run(runner, checked["db"], "export", "--format", "markdown", "--status", "misleading")
    evidence = result.stdout.split("Evidence:", 1)[1].split("Sources:", 1)[0]
    first = evidence.strip().split("\n\n")[0]
    assert md_plain(weakest["passage"])[:30] in md_plain(first)
    assert "reviewer's stance: **refutes** — NATO puts it at 4.1%" in first
    assert evidence.count("reviewer's stance") == 1


def test_output_file_is_replaced_only_when_complete(runner, checked: dict, tmp_path: Path):
    out = tmp_path / "reviews.json"
    out.write_text("previous")
    result = run(runner, checked["db"], "export", "--format", "claimreview", "-o", str(out))
    assert result.exit_code == 2
    assert out.read_text() == "previous"
    assert list(tmp_path.glob(".reviews.json*")) == []
    nowhere = run(runner, checked["db"], "export", "-o", str(tmp_path / "no" / "dir.jsonl"))
    assert nowhere.exit_code == 1 and "cannot write" in nowhere.stderr


def test_views_show_claim_article_and_latest_verdict(checked: dict) -> None:
    with Store(checked["db"]) as store:
        rows = list(
            store.db.query(
                "SELECT * FROM claims_overview WHERE verdict_by IS NOT NULL ORDER BY claim_id"
            )
        )
        assert {(r["claim_id"], r["status"], r["verdict_by"]) for r in rows} >= {
            (checked["poland"], "misleading", "ann"),
            (checked["other"], "supported", "bob"),
        }
        poland = next(r for r in rows if r["claim_id"] == checked["poland"])
        assert poland["article"].startswith("Keir Starmer and Joe Biden") and poland["sources"] >= 1
        latest = dict(store.db.execute("SELECT claim_id, status FROM latest_verdicts").fetchall())
        assert latest[checked["poland"]] == "misleading"
