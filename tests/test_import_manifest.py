"""YAML manifests through the importer and `claimcheck import`: real files, real SQLite, and a real
HTTP server on 127.0.0.1 for articles given by URL."""

from __future__ import annotations

import json
import shutil
import sqlite3
import time
from pathlib import Path

import jsonschema
import pytest

from claimcheck.cli import cli
from claimcheck.demo import SEEDS as DEMO_SEEDS
from claimcheck.import_formats import load_manifest, manifest_schema
from claimcheck.importer import import_file
from claimcheck.store import Store
from tests.conftest import SEED_ARTICLE
from tests.httpserver import Reply, ScriptedServer

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "The UK spent 2.3 per cent of GDP on defence in 2023, the Ministry of Defence said."


def dump(path: Path) -> str:
    """Everything in the database, to check that a failed import left it untouched."""
    with sqlite3.connect(path) as conn:
        return "\n".join(conn.iterdump())


def write(tmp_path: Path, text: str, name: str = "manifest.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def run_import(runner, db_path: Path, *args: str):
    return runner.invoke(cli, ["--db", str(db_path), "import", *args])


def test_shipped_schema_is_valid_and_accepts_the_seed_manifest() -> None:
    import yaml

    schema = manifest_schema()
    jsonschema.validators.validator_for(schema).check_schema(schema)
    seed = yaml.safe_load((DEMO_SEEDS / "manifest.yaml").read_text(encoding="utf-8"))
    jsonschema.validate(seed, schema)


def test_seed_manifest_imports_article_sources_and_offline_snapshots(store: Store) -> None:
    report = import_file(store, DEMO_SEEDS / "manifest.yaml")
    assert not report.failed, report.errors
    assert report.articles_added == 1 and report.claims_added > 30
    assert report.snapshots_added == 2
    claim_id = store.db.execute(
        "SELECT id FROM claims WHERE sentence LIKE '%Poland spending 3.9 per cent%'"
        " AND canonical_id IS NULL"
    ).fetchone()[0]
    urls = [s["url"] for s in store.claim_sources(claim_id)]
    assert any("nato.int" in url for url in urls)
    nato = next(s for s in store.claim_sources(claim_id) if "nato.int" in (s["url"] or ""))
    snapshot = store.snapshots(nato["id"])[0]
    assert "NATO" in snapshot["text"]
    again = import_file(store, DEMO_SEEDS / "manifest.yaml")
    assert not again.changed and again.unchanged >= 1


def test_demo_builds_through_the_importer(runner, db_path: Path) -> None:
    result = runner.invoke(
        cli, ["--db", str(db_path), "demo", "--seeds", str(DEMO_SEEDS), "--no-review"]
    )
    assert result.exit_code == 0, result.output
    with Store(db_path) as store:
        events = [e["action"] for e in store.events()]
        assert "import" in events
        assert store.stats()["snapshots"] == 2


def test_manifest_with_inline_text_sources_and_prewritten_claims(
    runner, db_path: Path, tmp_path: Path
) -> None:
    (tmp_path / "page.html").write_text(
        "<html><body><p>Defence spending was 2.3 per cent of GDP in 2023.</p></body></html>"
    )
    (tmp_path / "report.txt").write_text("UK defence spending: 2.3 per cent of GDP (2023).")
    manifest = write(
        tmp_path,
        f"""
articles:
  - text: "{ARTICLE}"
    title: Defence spending
    url: https://news.example.org/defence
    published: 2024-09-14
    extract: false
    sources:
      - path: report.txt
        label: MoD report
    claims:
      - text: The UK spent 2.3 per cent of GDP on defence in 2023
        sentence: "{ARTICLE}"
        kind: quantity
        speaker: Ministry of Defence
        quantities:
          - {{surface: 2.3 per cent, value: 2.3, unit: percent, of: of GDP}}
        status: supported
        note: Matches the MoD's own figure.
        reviewer: alice
        sources:
          - url: https://www.gov.uk/defence-2023
            label: MoD statistics
            snapshot: page.html
""",
    )
    result = run_import(runner, db_path, str(manifest))
    assert result.exit_code == 0, result.output
    assert "added 1 articles, 1 claims" in result.output
    with Store(db_path) as store:
        (claim,) = store.claims()
        assert claim.status == "supported" and claim.reviewer == "alice"
        assert claim.speaker == "Ministry of Defence"
        article = store.article(claim.article_id)
        assert article["published"] == "2024-09-14"  # an unquoted YAML date is kept as text
        assert article["text"][claim.start : claim.end] == ARTICLE
        (quantity,) = store.quantities(claim.id)
        assert quantity["value"] == 2.3
        assert article["text"][quantity["start"] : quantity["end"]] == "2.3 per cent"
        sources = {s["url"]: s for s in store.claim_sources(claim.id)}
        assert str((tmp_path / "report.txt").resolve()) in sources
        gov = sources["https://www.gov.uk/defence-2023"]
        assert "2.3 per cent" in store.snapshots(gov["id"])[0]["text"]
    again = run_import(runner, db_path, str(manifest))
    assert again.exit_code == 0
    assert "unchanged, nothing to do" in again.output


def test_a_changed_snapshot_flags_the_claims_verified_on_the_old_copy(
    runner, db_path: Path, tmp_path: Path
) -> None:
    from claimcheck.evidence import rank_claim

    page = tmp_path / "page.html"
    page.write_text("<html><body><p>Defence spending was 2.3 per cent of GDP in 2023.</p></body>")
    manifest = write(
        tmp_path,
        f"""
articles:
  - text: "{ARTICLE}"
    extract: false
    claims:
      - text: The UK spent 2.3 per cent of GDP on defence in 2023
        sentence: "{ARTICLE}"
        status: supported
        sources:
          - url: https://www.gov.uk/defence-2023
            snapshot: page.html
""",
    )
    assert run_import(runner, db_path, str(manifest)).exit_code == 0
    with Store(db_path) as store:
        (claim,) = store.claims()
        assert rank_claim(store, claim.id)
        assert store.source_change(claim.id) is None
    page.write_text("<html><body><p>Defence spending was 2.1 per cent of GDP in 2023.</p></body>")
    result = run_import(runner, db_path, str(manifest))
    assert result.exit_code == 0, result.output
    assert f"claim {claim.id}: source changed since verified" in result.output
    with Store(db_path) as store:
        marker = store.source_change(claim.id)
        assert marker is not None and marker["verdict"] == "supported"
        assert store.claim(claim.id).status == "supported"  # the verdict itself is untouched


def test_article_by_url_is_fetched_from_the_server(runner, db_path: Path, tmp_path: Path) -> None:
    with ScriptedServer() as server:
        url = server.route(
            "/story",
            Reply(
                200,
                f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode(),
                {"Content-Type": "text/html; charset=utf-8"},
            ),
        )
        manifest = write(tmp_path, f"articles:\n  - url: {url}\n    title: Fetched\n")
        result = run_import(runner, db_path, str(manifest))
    assert result.exit_code == 0, result.output
    with Store(db_path) as store:
        (article,) = store.articles()
        assert article["url"] == url and article["claims"] >= 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "articles:\n  - text: hello\n    titel: x\n",
            "manifest.yaml:3:5: unknown field 'titel' (did you mean 'title'?)",
        ),
        (
            "articles:\n  - text: hello\n    extract: maybe\n",
            "manifest.yaml:3:5: field 'extract': expected boolean, got str 'maybe'",
        ),
        (
            f"articles:\n  - text: {ARTICLE}\n    claims:\n      - match: GDP\n"
            "        status: suported\n",
            "manifest.yaml:5:9: field 'status': unknown status 'suported'"
            " (did you mean 'supported'?)",
        ),
        ("articles:\n  - title: no text\n", "manifest.yaml:2:5: an article needs one of path"),
        ("articles:\n  - text: 'open\n", "manifest.yaml:3:1: malformed YAML"),
        ("articles:\n  - text: a\n    text: b\n", "manifest.yaml:3:5: field 'text' appears twice"),
        ("articles:\n  - path: nowhere.txt\n", "manifest.yaml:2:5: field 'path': no such file"),
        (
            f"articles:\n  - text: {ARTICLE}\n  - text: {ARTICLE}\n",
            "manifest.yaml:3:5: the same article is listed twice (also on line 2)",
        ),
        (
            f"articles:\n  - text: {ARTICLE}\n    claims:\n      - match: not in there\n",
            "manifest.yaml:4:9: field 'match': no claim of article",
        ),
        (
            f"articles:\n  - text: {ARTICLE}\n    sources:\n      - url: https://x.org\n"
            "        snapshot: missing.html\n",
            "manifest.yaml:5:9: field 'snapshot': no such file",
        ),
        ("", "manifest.yaml:1:1: empty manifest"),
    ],
)
def test_bad_manifests_fail_with_a_located_error_and_change_nothing(
    runner, db_path: Path, tmp_path: Path, seeded_store: Store, text: str, expected: str
) -> None:
    seeded_store.close()
    before = dump(db_path)
    manifest = write(tmp_path, text)
    result = run_import(runner, db_path, str(manifest))
    assert result.exit_code == 1
    assert expected in result.output
    assert "Traceback" not in result.output
    assert dump(db_path) == before


def test_one_bad_file_does_not_stop_the_others(runner, db_path: Path, tmp_path: Path) -> None:
    bad = write(tmp_path, "articles:\n  - text: hello\n    titel: x\n", "bad.yaml")
    good = write(tmp_path, f"articles:\n  - text: {ARTICLE}\n", "good.yaml")
    result = run_import(runner, db_path, str(bad), str(good))
    assert result.exit_code == 1
    assert "bad.yaml: failed, nothing imported" in result.output
    assert "good.yaml: added 1 articles" in result.output
    assert "1 of 2 files failed" in result.output


def test_bom_and_crlf_are_read_and_other_encodings_refused(
    runner, db_path: Path, tmp_path: Path
) -> None:
    crlf = tmp_path / "crlf.yaml"
    crlf.write_bytes(b"\xef\xbb\xbfarticles:\r\n  - text: " + ARTICLE.encode() + b"\r\n")
    assert run_import(runner, db_path, str(crlf)).exit_code == 0
    latin = tmp_path / "latin.yaml"
    latin.write_bytes(b"articles:\n  - text: caf\xe9 prices rose 5 per cent\n")
    result = run_import(runner, db_path, str(latin))
    assert result.exit_code == 1
    assert "latin.yaml:2:14: not valid UTF-8 (byte 0xe9)" in result.output


def test_dry_run_reports_but_writes_nothing(runner, db_path: Path, tmp_path: Path) -> None:
    manifest = write(tmp_path, f"articles:\n  - text: {ARTICLE}\n")
    Store(db_path).close()
    before = dump(db_path)
    result = run_import(runner, db_path, "--dry-run", str(manifest))
    assert result.exit_code == 0
    assert "would add 1 articles" in result.output
    assert dump(db_path) == before


def test_update_applies_changed_fields_as_audited_events(
    runner, db_path: Path, tmp_path: Path
) -> None:
    shutil.copy(SEED_ARTICLE, tmp_path / "seed.txt")
    first = "articles:\n  - path: seed.txt\n    claims:\n      - match: Poland spending 3.9\n"
    manifest = write(tmp_path, first + "        status: misleading\n        note: old\n")
    assert run_import(runner, db_path, str(manifest)).exit_code == 0
    manifest = write(tmp_path, first + "        status: refuted\n        note: NATO says 4.1\n")
    plain = run_import(runner, db_path, str(manifest))
    assert "1 differ (pass --update to apply)" in plain.output
    assert "status 'misleading' -> 'refuted'" in plain.output
    with Store(db_path) as store:
        assert {c.status for c in store.claims(status="refuted")} == set()
    updated = run_import(runner, db_path, "--update", str(manifest))
    assert updated.exit_code == 0 and "1 updated" in updated.output
    with Store(db_path) as store:
        (claim,) = store.claims(status="refuted")
        assert claim.note == "NATO says 4.1"
        event = store.events(claim.id, limit=1)[0]
        assert event["action"] == "import_update"
        assert json.loads(event["old"]) == {"status": "misleading", "note": "old"}
        assert json.loads(event["new"]) == {"status": "refuted", "note": "NATO says 4.1"}
        assert "manifest.yaml:4:9" in event["note"]
    assert "unchanged" in run_import(runner, db_path, "--update", str(manifest)).output


def test_unknown_file_type_and_missing_file(runner, db_path: Path, tmp_path: Path) -> None:
    (tmp_path / "claims.xml").write_text("<x/>")
    result = run_import(runner, db_path, str(tmp_path / "claims.xml"), str(tmp_path / "no.yaml"))
    assert result.exit_code == 1
    assert "unknown import format '.xml'" in result.output
    assert "no.yaml: no such file" in result.output


def test_the_readme_example_manifest_is_valid(tmp_path: Path) -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### YAML manifests", 1)[1]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    data, _ = load_manifest(write(tmp_path, example))
    assert len(data["articles"]) == 3


def test_article_metadata_changes_are_reported_then_applied(
    runner, db_path: Path, tmp_path: Path
) -> None:
    manifest = write(tmp_path, f"articles:\n  - text: {ARTICLE}\n    title: Old title\n")
    assert run_import(runner, db_path, str(manifest)).exit_code == 0
    manifest = write(tmp_path, f"articles:\n  - text: {ARTICLE}\n    title: New title\n")
    plain = run_import(runner, db_path, str(manifest))
    assert "article 1 differs: title 'Old title' -> 'New title'" in plain.output
    applied = run_import(runner, db_path, "--update", str(manifest))
    assert "1 updated" in applied.output
    with Store(db_path) as store:
        assert store.article(1)["title"] == "New title"
        event = store.events(limit=2)[1]
        assert (event["action"], event["article_id"]) == ("import_update", 1)


def test_an_imported_verdict_carries_to_repeats(runner, db_path: Path, tmp_path: Path) -> None:
    shutil.copy(SEED_ARTICLE, tmp_path / "seed.txt")
    manifest = write(tmp_path, "articles:\n  - path: seed.txt\n    published: '2024-09-14'\n")
    assert run_import(runner, db_path, str(manifest)).exit_code == 0
    with Store(db_path) as store:
        repeat = next(c for c in store.claims() if c.canonical_id is not None)
        canonical = store.claim(repeat.canonical_id)
    needle = canonical.sentence[:40].replace('"', '\\"')
    manifest = write(
        tmp_path,
        "articles:\n  - path: seed.txt\n    published: '2024-09-14'\n    claims:\n"
        f'      - match: "{needle}"\n        status: refuted\n',
    )
    assert run_import(runner, db_path, "--update", str(manifest)).exit_code == 0
    with Store(db_path) as store:
        assert store.claim(canonical.id).status == "refuted"
        assert store.claim(repeat.id).status == "refuted"


def test_slow_article_fetch_does_not_hold_the_write_lock(db_path: Path, tmp_path: Path) -> None:
    import threading

    Store(db_path).close()
    page = f"<html><body><article><p>{ARTICLE}</p></article></body></html>".encode()
    with ScriptedServer() as server:
        url = server.route("/slow", Reply(200, page, {"Content-Type": "text/html"}, delay=1.0))
        # A first article is written before the slow one is reached, had it not been read ahead.
        manifest = write(tmp_path, f"articles:\n  - text: Rents rose 7 per cent.\n  - url: {url}\n")
        with Store(db_path) as importing:
            worker = threading.Thread(
                target=lambda: reports.append(import_file(importing, manifest))
            )
            reports: list = []
            worker.start()
            time.sleep(0.3)
            other = sqlite3.connect(db_path, timeout=0.2)
            other.execute("INSERT INTO sources (url, kind) VALUES ('https://x.org', 'cited')")
            other.commit()
            other.close()
            worker.join(10)
    assert not reports[0].failed and reports[0].articles_added == 2
