"""The review app: one factory for the CLI, the tests and the benchmark."""

from __future__ import annotations

import sys
import webbrowser
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from claimcheck.errors import ClaimcheckError
from claimcheck.review.keys import REVIEW_KEYS, load_keymap
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.review.served import ServedDriver, is_served
from claimcheck.review.signin import SignInScreen
from claimcheck.reviewers import reviewer
from claimcheck.store import NotFound, Store, StoreError, default_reviewer


class ReviewApp(App[None]):
    """`claimcheck review`: walk the queue, record verdicts, never lose one. With `sign_in`
    the reviewer is the account signed in on the first screen, not `reviewer`; `served` runs
    it for a browser tab under textual-serve (which always signs in)."""

    CSS_PATH = "review.tcss"
    TITLE = "claimcheck review"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        db_path: str | Path,
        *,
        reviewer: str | None,
        query: QueueQuery | None = None,
        keymap: dict[str, str] | None = None,
        poll_seconds: float = 1.0,
        open_url: Callable[[str], object] = webbrowser.open,
        sign_in: bool = False,
        served: bool = False,
        resume_filter: bool | None = None,
    ) -> None:
        """resume_filter: reopen with the filter and sort of the reviewer's last session
        (default: when no query is given)."""
        super().__init__(driver_class=ServedDriver if served else None)
        self.db_path = Path(db_path)
        self.keymap = load_keymap() if keymap is None else keymap
        self.review_screen = partial(
            ReviewScreen,
            self.db_path,
            query=query or QueueQuery(),
            keymap=self.keymap,
            poll_seconds=poll_seconds,
            # a served tab opens links in the reviewer's browser, not on the server
            open_url=self.open_url if served else open_url,
            resume_filter=query is None if resume_filter is None else resume_filter,
        )
        self.via = "browser" if served else "terminal"
        self.poll_seconds = poll_seconds
        self.review: ReviewScreen | None = None
        if not (sign_in or served):
            self.review = self.review_screen(reviewer or default_reviewer())

    def on_mount(self) -> None:
        self.set_keymap(self.keymap)
        if self.review is None:
            self.push_screen(SignInScreen(self.db_path, via=self.via), self.signed_in)
        else:
            self.push_screen(self.review)

    def signed_in(self, name: str | None) -> None:
        """Open the review as the account that signed in: every event carries its name."""
        if name is None:
            self.exit()
            return
        self.review = self.review_screen(name)
        self.push_screen(self.review)
        self.set_interval(self.poll_seconds, partial(self.check_account, name))

    def check_account(self, name: str) -> None:
        """End the session of an account disabled (or removed) since it signed in."""
        try:
            with Store(self.db_path, reviewer=name) as store:
                enabled = reviewer(store, name).enabled
        except NotFound:
            enabled = False
        except StoreError:  # busy or unreadable for now: ask again at the next tick
            return
        if not enabled:
            self.exit(message=f"the account {name!r} was disabled: signed out")

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The review's actions in the command palette (ctrl+p), beside Textual's own."""
        yield from super().get_system_commands(screen)
        if isinstance(screen, ReviewScreen):
            for spec in REVIEW_KEYS:
                if spec.id != "quit":
                    yield SystemCommand(
                        spec.description.capitalize(),
                        f"{spec.id} (key {spec.keys.split(',')[0]})",
                        partial(screen.run_action, spec.action),
                    )


class NoTerminal(ClaimcheckError):
    """The review was asked for where there is no terminal to draw it in (a pipe, a script)."""


def run_review(
    db_path: str | Path,
    *,
    reviewer: str,
    query: QueueQuery | None = None,
    sign_in: bool = False,
    resume_filter: bool | None = None,
) -> str | None:
    """Open the review workbench on a database until the reviewer quits; returns the session's
    summary. A database or keys.toml that cannot be used (StoreError, KeyConfigError), or no
    terminal (NoTerminal), raises before the screen opens. Under textual-serve the pipes are the
    terminal, and the reviewer always signs in."""
    Store(db_path, reviewer=reviewer).close()
    served = is_served()
    app = ReviewApp(
        db_path,
        reviewer=reviewer,
        query=query,
        sign_in=sign_in,
        served=served,
        resume_filter=resume_filter,
    )
    if not served and not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(
            "claimcheck review needs a terminal (from a script: claimcheck claims, verdict)"
        )
    app.run()
    return app.review.summary if app.review else None
