"""Correcting an article's metadata (title, URL, outlet, date) after it was stored, audited.

Pages declare their metadata badly often enough (a CMS name as the title, no canonical URL) that
a reviewer must be able to fix it; every change is an `edit_article` event with old and new.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.store import Store, StoreError

FIELDS = ("title", "url", "outlet", "published")


def _check(field: str, value: str) -> str:
    value = value.strip()
    if field == "url" and not re.match(r"https?://\S+$", value):
        raise StoreError(f"--url {value!r}: not an http(s) URL")
    if field == "published" and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise StoreError(f"--published {value!r}: not a date as YYYY-MM-DD")
    if not value:
        raise StoreError(f"--{field}: empty")
    return value


def edit_article(store: Store, article_id: int, **changes: str | None) -> dict[str, Any]:
    """Set the given fields (None leaves one as it is); returns {field: [old, new]} changed.

    Raises StoreError (one line) for an unknown article or a malformed value."""
    wanted = {k: _check(k, v) for k, v in changes.items() if k in FIELDS and v is not None}
    with store.transaction():
        row = store.article(article_id)
        changed = {k: [row[k], v] for k, v in wanted.items() if row[k] != v}
        if changed:
            store.update_article(article_id, changed, action="edit_article")
    return changed
