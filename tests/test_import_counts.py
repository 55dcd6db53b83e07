"""What `import` says it added: new sources are counted once, however many claims they are
linked to (links are counted as links, not as sources)."""

from __future__ import annotations

import json
from pathlib import Path

from claimcheck.cli import cli
from claimcheck.store import Store

ARTICLE = (
    "The UK spent 2.3 per cent of GDP on defence in 2023, the Ministry of Defence said. "
    "Inflation fell to 3.9 per cent in May, the ONS said. "
    "Unemployment rose to 4.4 per cent in the spring, official figures show."
)


def test_one_source_linked_to_every_claim_is_one_source(runner, db_path: Path, tmp_path):
    manifest = tmp_path / "m.yaml"
    manifest.write_text(
        f"articles:\n  - text: {ARTICLE}\n    sources:\n      - url: https://example.org/r\n"
    )
    result = runner.invoke(cli, ["--db", str(db_path), "import", "--json", str(manifest)])
    assert result.exit_code == 0, result.output
    [summary] = json.loads(result.output)
    with Store(db_path) as store:
        claims = store.db.execute("SELECT count(*) FROM claims").fetchone()[0]
        links = store.db.execute("SELECT count(*) FROM claim_sources").fetchone()[0]
    assert claims >= 2 and links == claims
    assert (summary["sources"], summary["links"]) == (1, links)
    again = runner.invoke(cli, ["--db", str(db_path), "import", str(manifest)])
    assert "unchanged" in again.output
    plain = runner.invoke(cli, ["--db", str(tmp_path / "b.db"), "import", str(manifest)])
    assert f"1 sources, {links} links from claims to sources" in plain.output
