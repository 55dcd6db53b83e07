"""Datasette metadata for a claims database: what each table and column holds, the internals
(full-text shadow tables, counters, migrations, sessions, passphrase hashes) hidden.

Datasette is not a dependency: the file is plain JSON that `datasette claims.db -m FILE` reads.
Hiding is for a tidy browser, not access control: anyone who can open the file can read it all.
"""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

SHIPPED_NAME = "claims"  # the database key in the shipped file: Datasette names it by file stem


def datasette_metadata(db_path: str | Path = "claims.db") -> dict[str, Any]:
    """The shipped metadata, keyed by the database's name as Datasette derives it (file stem)."""
    text = resources.files("claimcheck").joinpath("datasette-metadata.json").read_text("utf-8")
    metadata = json.loads(text)
    metadata["databases"] = {Path(db_path).stem: metadata["databases"][SHIPPED_NAME]}
    return metadata
