"""Every error claimcheck raises for the user to read derives from ClaimcheckError, so the CLI
and the screen catch one class and print one line (never a traceback)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.models import Claim


class ClaimcheckError(Exception):
    """A request claimcheck refuses or input it cannot use; the message is one line for the
    user, naming the file, line or claim."""


class InputError(ClaimcheckError):
    """A file or value given to claimcheck that it cannot read or take."""


class StoreError(ClaimcheckError):
    """A request the store refuses; the message is meant for the user."""


class NotFound(StoreError):
    """No row with that id (claim, article, source, snapshot, reviewer ...)."""


class NoDatabase(StoreError):
    """A command that only reads was pointed at a database that does not exist."""


class UndoRefused(StoreError):
    """Someone changed the claim after the change to undo: undoing it would discard theirs."""


class DatabaseBusy(StoreError):
    """Another writer held the write lock for longer than this one may wait: nothing written."""


class ConflictError(StoreError):
    """Someone else changed the claim since the caller read it: nothing was written."""

    def __init__(self, claim: Claim, expected: int) -> None:
        super().__init__(
            f"claim {claim.id} was changed by {claim.reviewer or 'someone else'} "
            f"(now {claim.status}, version {claim.version}; you had version {expected})"
        )
        self.claim = claim
        self.expected = expected
