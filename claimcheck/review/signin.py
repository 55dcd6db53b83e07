"""The sign-in screen: a reviewer account's name and passphrase before the review opens.

The served review always starts here (a browser tab has no login name to go by), and so does
`claimcheck review --sign-in`. The check runs in a thread worker (scrypt takes a few tens of
milliseconds); a refusal says why in one line and opens nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker, WorkerState

from claimcheck.reviewers import sign_in
from claimcheck.store import Store, StoreError


@dataclass
class SignedIn(Message):
    """The name and passphrase matched an enabled account."""

    name: str


@dataclass
class SignInFailed(Message):
    """The sign-in was refused; `reason` is the line shown."""

    reason: str


class SignInScreen(Screen[str]):
    """Name and passphrase; dismissed with the account's name once they match."""

    AUTO_FOCUS = "#name"

    def __init__(self, db_path: Path, *, via: str) -> None:
        super().__init__()
        self.db_path = db_path
        self.via = via

    def compose(self) -> ComposeResult:
        with Vertical(id="sign-in"):
            yield Static(Text("claimcheck · sign in to review", style="bold"))
            yield Input(placeholder="name", id="name")
            yield Input(placeholder="passphrase", password=True, id="passphrase")
            yield Static(Text("Enter: sign in · ctrl+q: quit", style="dim"), id="sign-in-status")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        name = self.query_one("#name", Input).value
        if event.input.id == "name" or not name.strip():
            self.query_one("#passphrase" if name.strip() else "#name", Input).focus()
            return
        self.query_one("#sign-in-status", Static).update(Text("checking…", style="dim"))
        self.check(name, self.query_one("#passphrase", Input).value)

    @work(thread=True, exclusive=True)
    def check(self, name: str, passphrase: str) -> SignedIn | SignInFailed:
        try:
            with Store(self.db_path) as store:
                return SignedIn(sign_in(store, name, passphrase, via=self.via).name)
        except StoreError as error:
            return SignInFailed(str(error))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Act once the check has finished: dismissing while it ran would cancel it."""
        outcome = event.worker.result
        if event.state != WorkerState.SUCCESS or outcome is None:
            return
        self.post_message(outcome)
        if isinstance(outcome, SignedIn):
            self.dismiss(outcome.name)
            return
        self.query_one("#sign-in-status", Static).update(Text(outcome.reason, style="bold red"))
        passphrase = self.query_one("#passphrase", Input)
        passphrase.value = ""
        passphrase.focus()
