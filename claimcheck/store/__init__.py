"""The one way into claims.db: every write is a transaction with an audit event beside it, and no
other module runs SQL (tests/test_layers.py checks).

`Store` wraps a `sqlite_utils.Database`, applies pending migrations when it opens (so a new
database and one made by an older version are handled alike) and speaks in the values of
`models`. It is composed of one class per concern, each in its own module over `core`.
"""

from claimcheck.config import DEFAULT_DB, busy_seconds
from claimcheck.config import db_path as resolve_db_path
from claimcheck.config import reviewer_name as default_reviewer
from claimcheck.errors import (
    ConflictError,
    DatabaseBusy,
    NoDatabase,
    NotFound,
    StoreError,
    UndoRefused,
)
from claimcheck.store.accounts import Accounts
from claimcheck.store.articles import AddResult, Articles, find_repeated
from claimcheck.store.claims import ORDERS, Claims, claim_filter, fts_query
from claimcheck.store.core import StoreCore, now, sha256_text
from claimcheck.store.disputes import Disputes
from claimcheck.store.evidence import Evidence
from claimcheck.store.exports import Exports
from claimcheck.store.factchecks import FactChecks
from claimcheck.store.imports import Imports
from claimcheck.store.matches import Matches
from claimcheck.store.queue import Queue
from claimcheck.store.routing import Routing
from claimcheck.store.second_checks import SecondChecks
from claimcheck.store.sessions import Sessions
from claimcheck.store.sources import Sources
from claimcheck.store.stats import Stats
from claimcheck.store.tables import ReadSnapshot, Tables
from claimcheck.store.verdicts import Verdicts


class Store(
    Articles,
    Verdicts,
    Claims,
    Sources,
    Evidence,
    Queue,
    SecondChecks,
    Disputes,
    Routing,
    Sessions,
    Accounts,
    Imports,
    Tables,
    Exports,
    Stats,
    FactChecks,
    Matches,
    StoreCore,
):
    """claims.db, migrated on open. Use as a context manager or call close()."""

    def __enter__(self) -> "Store":
        return self


__all__ = [
    "DEFAULT_DB",
    "ORDERS",
    "AddResult",
    "ConflictError",
    "DatabaseBusy",
    "NoDatabase",
    "NotFound",
    "ReadSnapshot",
    "Store",
    "StoreError",
    "UndoRefused",
    "busy_seconds",
    "claim_filter",
    "default_reviewer",
    "find_repeated",
    "fts_query",
    "now",
    "resolve_db_path",
    "sha256_text",
]
