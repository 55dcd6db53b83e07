"""Reviewer accounts: who may sign in to the served review, and the passphrase that proves it.

A passphrase is kept only as a salted scrypt hash (hashlib, no extra dependency). Failed sign-ins
are counted in the database, not in one app process, because every browser tab runs its own
process: a guesser who reloads the page is slowed down all the same. Adding, disabling and
enabling an account are audited events; signing in is one too. An account can be the desk's
editor: they settle any disagreement, their own included (see adjudication.py).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimcheck.store import NotFound, Store, StoreError

MIN_PASSPHRASE = 8
MAX_NAME = 64
# scrypt with n=2**14, r=8: 16 MiB and some tens of milliseconds a try, the usual interactive
# setting; the parameters are stored with each hash, so they can be raised later.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**14, 8, 1
# After this many failures in a row, each further try waits 2, 4, 8 ... (at most 60) seconds.
FREE_FAILURES = 3
MAX_WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class Reviewer:
    name: str
    enabled: bool
    created_at: str
    failed_sign_ins: int
    editor: bool = False


class SignInRefused(StoreError):
    """The name, the passphrase or the account's state does not allow a sign-in."""


def hash_passphrase(passphrase: str, *, salt: bytes | None = None) -> str:
    """`scrypt$n$r$p$salt$hash`, hex-encoded, with a fresh 16-byte salt."""
    salt = salt or secrets.token_bytes(16)
    digest = _scrypt(passphrase, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


def passphrase_matches(passphrase: str, stored: str) -> bool:
    """Whether the passphrase gives the stored hash (compared in constant time)."""
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        computed = _scrypt(passphrase, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        return False
    return hmac.compare_digest(computed, bytes.fromhex(digest))


def _scrypt(passphrase: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2 * 128 * r * n, dklen=32
    )


@cache
def _nobody() -> str:
    """A hash to check a passphrase against when the name is unknown, so that an unknown name
    takes as long to refuse as a wrong passphrase and the answer does not tell which names
    exist. Made on first need: an scrypt hash at import cost every command its time."""
    return hash_passphrase("", salt=b"\0" * 16)


def check_name(name: str) -> str:
    """The name without surrounding blanks; a StoreError for an empty, long or unprintable one."""
    name = name.strip()
    if not name:
        raise StoreError("a reviewer name cannot be empty")
    if len(name) > MAX_NAME:
        raise StoreError(f"a reviewer name has at most {MAX_NAME} characters")
    if not name.isprintable():
        raise StoreError("a reviewer name cannot hold control characters")
    return name


def check_passphrase(passphrase: str) -> str:
    if len(passphrase) < MIN_PASSPHRASE:
        raise StoreError(f"a passphrase needs at least {MIN_PASSPHRASE} characters")
    return passphrase


def add_reviewer(store: Store, name: str, passphrase: str) -> Reviewer:
    """Create an enabled account; a name taken (in any letter case) is refused."""
    name = check_name(name)
    hashed = hash_passphrase(check_passphrase(passphrase))
    with store.transaction():
        if store.account(name) is not None:
            raise StoreError(f"reviewer {name!r} already exists")
        store.insert_account(name, hashed)
        store.log_event("add_reviewer", new=name, details={"account": name})
    return reviewer(store, name)


def set_passphrase(store: Store, name: str, passphrase: str) -> Reviewer:
    """Give an account a new passphrase (and clear its failed sign-ins)."""
    hashed = hash_passphrase(check_passphrase(passphrase))
    with store.transaction():
        account = reviewer(store, name)
        store.update_account(account.name, passphrase_hash=hashed, failed_sign_ins=0)
        store.log_event("set_passphrase", details={"account": account.name})
    return reviewer(store, account.name)


def set_enabled(store: Store, name: str, enabled: bool) -> Reviewer:
    """Enable or disable an account; a disabled one cannot sign in. Audited when it changes."""
    with store.transaction():
        account = reviewer(store, name)
        if account.enabled != enabled:
            store.update_account(account.name, enabled=int(enabled), failed_sign_ins=0)
            action = "enable_reviewer" if enabled else "disable_reviewer"
            store.log_event(
                action,
                old=_state(account.enabled),
                new=_state(enabled),
                details={"account": account.name},
            )
    return reviewer(store, account.name)


def set_editor(store: Store, name: str, editor: bool) -> Reviewer:
    """Make an account the desk's editor, or not; audited when it changes."""
    with store.transaction():
        account = reviewer(store, name)
        if account.editor != editor:
            store.set_account_editor(account.name, editor)
            store.log_event(
                "grant_editor" if editor else "revoke_editor",
                new=account.name,
                details={"account": account.name},
            )
    return reviewer(store, account.name)


def is_editor(store: Store, name: str | None) -> bool:
    """Whether `name` is an enabled account with the editor flag (in any letter case)."""
    row = store.account(name.strip()) if name else None
    return bool(row and row["enabled"] and row["editor"])


def reviewer(store: Store, name: str) -> Reviewer:
    row = store.account(name.strip())
    if row is None:
        raise NotFound(f"no reviewer named {name.strip()!r} (claimcheck reviewers add NAME)")
    return _account(row)


def reviewers(store: Store) -> list[Reviewer]:
    return [_account(row) for row in store.accounts()]


def sign_in(store: Store, name: str, passphrase: str, *, via: str) -> Reviewer:
    """The account, when the name and passphrase match an enabled one and it is not waiting
    out failed tries; SignInRefused otherwise, saying as little as is useful. Audited."""
    row = store.account(name.strip())
    if row is None:
        passphrase_matches(passphrase, _nobody())
        raise SignInRefused("wrong name or passphrase")
    wait = _wait_seconds(row)
    if wait > 0:
        raise SignInRefused(f"too many failed sign-ins: try again in {wait:.0f} s")
    if not passphrase_matches(passphrase, row["passphrase_hash"]):
        with store.transaction():
            store.count_failed_sign_in(row["name"], time.time())
        raise SignInRefused("wrong name or passphrase")
    if not row["enabled"]:
        raise SignInRefused(f"the account {row['name']!r} is disabled")
    with store.transaction():
        store.update_account(row["name"], failed_sign_ins=0)
        store.log_event("sign_in", new=row["name"], reviewer=row["name"], details={"via": via})
    return _account(row)


def _wait_seconds(row: dict[str, Any]) -> float:
    """How long this account must wait before the next try, after repeated failures."""
    failures = row["failed_sign_ins"] or 0
    if failures < FREE_FAILURES or row["last_failed_at"] is None:
        return 0.0
    wait = min(2.0 ** (failures - FREE_FAILURES + 1), MAX_WAIT_SECONDS)
    return max(0.0, row["last_failed_at"] + wait - time.time())


def _account(row: dict[str, Any]) -> Reviewer:
    return Reviewer(
        name=row["name"],
        enabled=bool(row["enabled"]),
        created_at=row["created_at"],
        failed_sign_ins=row["failed_sign_ins"] or 0,
        editor=bool(row.get("editor")),
    )


def _state(enabled: bool) -> str:
    return "enabled" if enabled else "disabled"
