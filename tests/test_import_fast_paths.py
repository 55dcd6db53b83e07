"""The import's fast paths give what the plain ones gave: claims written several hundred to an
INSERT statement land whole (index and counts included); a manifest read from libyaml's events
has the values and positions that composing its nodes gives, and whatever that reading leaves
to the composed one (tags, aliases, errors) comes out as before."""

from __future__ import annotations

import gc
import json
from pathlib import Path

import pytest

from claimcheck import import_formats, manifest_events
from claimcheck.import_formats import RecordError, load_manifest
from claimcheck.importer import import_file
from claimcheck.store import Store
from claimcheck.store.imports import ROWS_PER_INSERT


def test_claims_across_several_insert_statements_are_all_written_and_indexed(
    store: Store, tmp_path: Path
) -> None:
    count = 2 * ROWS_PER_INSERT + 7  # two full statements and a short one
    path = tmp_path / "claims.jsonl"
    path.write_text(
        "".join(
            json.dumps(
                {
                    "id": n,
                    "article_url": f"https://news.example.org/{n // 100}",
                    "text": f"Item{n} rose {n} per cent.",
                    "quantities": [{"surface": f"{n} per cent", "value": n, "unit": "percent"}],
                    "status": "supported" if n % 2 else None,
                }
            )
            + "\n"
            for n in range(1, count + 1)
        ),
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert not report.failed and report.claims_added == count
    db = store.db
    assert [r[0] for r in db.execute("SELECT id FROM claims ORDER BY id")] == list(
        range(1, count + 1)
    )
    for n in (1, ROWS_PER_INSERT, ROWS_PER_INSERT + 1, count):
        [(claim_id, value)] = db.execute(
            "SELECT c.id, q.value FROM claims_fts f JOIN claims c ON c.id = f.rowid"
            " JOIN quantities q ON q.claim_id = c.id WHERE claims_fts MATCH ?",
            [f"item{n}"],
        ).fetchall()
        assert (claim_id, value) == (n, n)
    counts = dict(db.execute("SELECT status, sum(n) FROM claim_counts GROUP BY status"))
    assert counts == {"supported": (count + 1) // 2, "unreviewed": count // 2}


# Every kind of scalar YAML 1.1 types, where the schema allows it, in block and flow style.
MANIFEST = """\
version: 1
articles:
  - text: "Quoted: 12 per cent, yes."
    title: ~
    outlet: null
    published: 2024-09-14
    extract: no
    claims:
      - text: Wages rose 0x1F per cent
        checkworthiness: .5
        priority: 3
        due: 2026-12-04 10:30:00
        speaker: 'Yes'
        quote: "true"
        note: |
          Line one
          line two: on
        quantities:
          - {surface: 0x1F per cent, value: 0x1F, high: -.inf, unit: percent, of: }
          - surface: 1_000 jobs
            value: 1_000
            qualifier: exact
        sources: [{url: "https://example.org/a", label: NULL, kind: cited}]
      - text: >
          Folded
          text
        status: supported
        reviewer: Off the record
  - {url: "https://example.org/b", published: 2024-01-02T03:04:05Z, title: &t Anchored}
"""


def test_a_manifest_read_from_events_equals_the_composed_reading(tmp_path: Path) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(MANIFEST, encoding="utf-8")
    data, spots = load_manifest(path)
    composed, root = import_formats._load_composed(MANIFEST, str(path))
    assert data == composed
    assert spots == manifest_events.spots_of(root)
    claim = data["articles"][0]["claims"][0]
    assert (claim["checkworthiness"], claim["due"], claim["speaker"]) == (
        0.5,
        "2026-12-04T10:30:00",
        "Yes",
    )
    assert claim["quantities"][0]["value"] == 31 and claim["quantities"][1]["value"] == 1000
    assert data["articles"][0]["extract"] is False and data["articles"][0]["title"] is None
    assert manifest_events.spot_at(spots, ["articles", 0, "claims", 1]).line == 24
    assert manifest_events.spot_at(spots, ["articles", 0, "claims", 1]).keys["status"] == (27, 9)


def test_what_events_leave_to_the_composed_reading_comes_out_as_before(tmp_path: Path) -> None:
    tagged = "articles:\n  - text: hello\n    title: !!str 123\n"
    assert load_manifest(Path("m.yaml"), tagged)[0]["articles"][0]["title"] == "123"
    for text, error in [
        (
            "articles:\n  - text: &t hello\n    title: *t\n",
            "m.yaml:2:11: YAML anchors and aliases are not allowed",
        ),
        (
            "articles:\n  - text: hello\n    claims:\n      - text: a\n        status: !!str 12\n",
            "m.yaml:5:9: field 'status': unknown status '12'",
        ),
        ("articles:\n  - text: hello\n---\narticles: []\n", "m.yaml:3:1: malformed YAML"),
        ("articles:\n  - text: hello\n    title: <<\n", "m.yaml:3:12: malformed YAML"),
        ("- text: hello\n", "m.yaml:1:1: "),
    ]:
        with pytest.raises(RecordError) as raised:
            load_manifest(Path("m.yaml"), text)
        assert str(raised.value).startswith(error)


def test_an_import_leaves_the_garbage_collector_as_it_found_it(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "articles:\n  - text: Prices rose 5 per cent.\n    claims:\n      - text: Prices rose\n",
        encoding="utf-8",
    )
    assert gc.isenabled()
    assert not import_file(store, path).failed
    assert gc.isenabled()
    gc.disable()
    try:
        import_file(store, path)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_claim_of_the_manifest_beside_extracted_ones_takes_a_free_id(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "m.yaml"
    path.write_text(
        "articles:\n  - text: Prices rose 5 per cent last year.\n    claims:\n"
        "      - text: Prices rose\n        status: supported\n",
        encoding="utf-8",
    )
    report = import_file(store, path)
    assert not report.failed, report.errors
    rows = store.db.execute("SELECT id, text, status FROM claims ORDER BY id").fetchall()
    assert len(rows) == report.claims_added >= 2
    assert rows[-1][1:] == ("Prices rose", "supported")
    assert import_file(store, path).counts()["unchanged"] == len(rows)
