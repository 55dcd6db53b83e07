"""The review app: one factory for the CLI, the tests and the benchmark."""

from __future__ import annotations

import sys
import webbrowser
from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from textual.app import App, SystemCommand
from textual.screen import Screen

from claimcheck.review.keys import REVIEW_KEYS, load_keymap
from claimcheck.review.query import QueueQuery
from claimcheck.review.screen import ReviewScreen
from claimcheck.store import Store


class ReviewApp(App[None]):
    """`claimcheck review`: walk the queue, record verdicts, never lose one."""

    CSS_PATH = "review.tcss"
    TITLE = "claimcheck review"
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        db_path: str | Path,
        *,
        reviewer: str,
        query: QueueQuery | None = None,
        keymap: dict[str, str] | None = None,
        poll_seconds: float = 1.0,
        open_url: Callable[[str], object] = webbrowser.open,
        resume_filter: bool | None = None,
    ) -> None:
        """resume_filter: reopen with the filter and sort of the reviewer's last session
        (default: when no query is given)."""
        super().__init__()
        self.keymap = load_keymap() if keymap is None else keymap
        self.review = ReviewScreen(
            Path(db_path),
            reviewer,
            query or QueueQuery(),
            keymap=self.keymap,
            poll_seconds=poll_seconds,
            open_url=open_url,
            resume_filter=query is None if resume_filter is None else resume_filter,
        )

    def on_mount(self) -> None:
        self.set_keymap(self.keymap)
        self.push_screen(self.review)

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


class NoTerminal(Exception):
    """The review was asked for where there is no terminal to draw it in (a pipe, a script)."""


def run_review(
    db_path: str | Path,
    *,
    reviewer: str,
    query: QueueQuery | None = None,
    resume_filter: bool | None = None,
) -> str | None:
    """Open the review workbench on a database until the reviewer quits; returns the session's
    summary. A database or keys.toml that cannot be used (StoreError, KeyConfigError), or no
    terminal (NoTerminal), raises before the screen opens."""
    Store(db_path, reviewer=reviewer).close()
    app = ReviewApp(db_path, reviewer=reviewer, query=query, resume_filter=resume_filter)
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        raise NoTerminal(
            "claimcheck review needs a terminal (from a script: claimcheck claims, verdict)"
        )
    app.run()
    return app.review.summary
