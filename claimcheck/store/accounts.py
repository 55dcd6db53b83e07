"""Reviewer accounts: names, passphrase hashes, enabled, failed sign-ins."""

from __future__ import annotations

from typing import Any

from claimcheck.store.core import StoreCore, now


class Accounts(StoreCore):
    def account(self, name: str) -> dict[str, Any] | None:
        """The account row with this name in any letter case."""
        rows = list(self.db.query("SELECT * FROM reviewers WHERE name = ? COLLATE NOCASE", [name]))
        return rows[0] if rows else None

    def accounts(self) -> list[dict[str, Any]]:
        return list(self.db.query("SELECT * FROM reviewers ORDER BY name COLLATE NOCASE"))

    def insert_account(self, name: str, passphrase_hash: str) -> None:
        """A new enabled account; call inside the transaction that logs it."""
        self.db.execute(
            "INSERT INTO reviewers (name, passphrase_hash, enabled, created_at, failed_sign_ins)"
            " VALUES (?, ?, 1, ?, 0)",
            [name, passphrase_hash, now()],
        )

    def update_account(self, name: str, **values: Any) -> None:
        """Set these columns of the account (passphrase_hash, enabled, failed_sign_ins,
        last_failed_at); call inside a transaction."""
        assignments = ", ".join(f"[{column}] = ?" for column in values)
        self.db.execute(
            f"UPDATE reviewers SET {assignments} WHERE name = ?", [*values.values(), name]
        )

    def count_failed_sign_in(self, name: str, at: float) -> None:
        self.db.execute(
            "UPDATE reviewers SET failed_sign_ins = failed_sign_ins + 1, last_failed_at = ?"
            " WHERE name = ?",
            [at, name],
        )

    def set_account_editor(self, name: str, editor: bool) -> None:
        """Set or clear the editor flag; call inside the transaction that logs it."""
        self.db.execute("UPDATE reviewers SET editor = ? WHERE name = ?", [int(editor), name])
