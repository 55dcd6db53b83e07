"""What the CLI says when a claim's archived sources hold nothing that matches it."""

from __future__ import annotations

from pathlib import Path

from claimcheck.cli import cli
from claimcheck.store import Store


def test_evidence_on_a_source_that_matched_nothing_says_so(
    runner, seeded_store: Store, db_path: Path, tmp_path: Path
) -> None:
    claim = seeded_store.claims(include_repeats=False)[0]
    seeded_store.close()
    unrelated = tmp_path / "recipe.txt"
    unrelated.write_text("Whisk the eggs. Fold in the flour gently.\n\nBake until golden.\n")
    cited = runner.invoke(cli, ["--db", str(db_path), "cite", str(claim.id), str(unrelated)])
    assert cited.exit_code == 0, cited.output
    result = runner.invoke(cli, ["--db", str(db_path), "evidence", str(claim.id)])
    assert result.exit_code == 0
    assert f"claim {claim.id}: no passage of its 1 archived source(s) matches it" in result.output
    assert "no archived source text" not in result.output
