"""Where claimcheck keeps things, the environment variables it reads, and how much it takes in
one go: each written once here, so a limit or a name changes in one place."""

from __future__ import annotations

import getpass
import os
from pathlib import Path

DEFAULT_DB = "claims.db"
DEFAULT_BUSY_SECONDS = 10.0

# Environment variables (the CLI's --db, --reviewer and export options read theirs too).
ENV_DB = "CLAIMCHECK_DB"
ENV_REVIEWER = "CLAIMCHECK_REVIEWER"
ENV_BUSY_TIMEOUT = "CLAIMCHECK_BUSY_TIMEOUT"
ENV_ALLOW_NETWORKS = "CLAIMCHECK_ALLOW_NETWORKS"
ENV_ORG_NAME = "CLAIMCHECK_ORG_NAME"
ENV_ORG_URL = "CLAIMCHECK_ORG_URL"
ENV_REVIEW_URL = "CLAIMCHECK_REVIEW_URL"

MB = 1024 * 1024
# Size limits: what one article, fetch, archived file, import record or bundle line may hold.
MAX_ARTICLE_BYTES = 10_000_000  # an article file or stream item: 10 MB as --max-size counts
MAX_BODY_BYTES = 20 * MB  # one fetched response body
MAX_LOCAL_BYTES = 50 * MB  # a local file archived as a source
MAX_RECORD_BYTES = 1 * MB  # one JSONL line or CSV row of an import
MAX_FIELD_CHARS = 100_000  # one field of an import record or manifest entry
MAX_INLINE_TEXT_CHARS = 10_000_000  # an article's text written into a manifest
MAX_MANIFEST_BYTES = 64 * MB  # an import manifest (YAML)
# The longest bundle line read: a snapshot of the largest file archived (MAX_LOCAL_BYTES, as
# base64) with its text fits; a longer line is refused before it is parsed.
MAX_BUNDLE_LINE = 256 * MB


def db_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The database: the path given, else $CLAIMCHECK_DB, else claims.db here."""
    return Path(path or os.environ.get(ENV_DB) or DEFAULT_DB)


def reviewer_name() -> str:
    """The reviewer named in $CLAIMCHECK_REVIEWER, else the login name."""
    name = os.environ.get(ENV_REVIEWER)
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def busy_seconds() -> float:
    """How long a writer waits for the write lock: $CLAIMCHECK_BUSY_TIMEOUT seconds, default 10."""
    try:
        return max(0.0, float(os.environ.get(ENV_BUSY_TIMEOUT, DEFAULT_BUSY_SECONDS)))
    except ValueError:
        return DEFAULT_BUSY_SECONDS


def config_dir() -> Path:
    """claimcheck's folder under $XDG_CONFIG_HOME (default ~/.config), e.g. for keys.toml."""
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "claimcheck"
