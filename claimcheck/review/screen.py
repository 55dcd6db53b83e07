"""The review screen: the queue on one side, the current claim, its sources and evidence on the
other, one key per verdict. Every action is written through `Store` the moment it is taken;
fetching, ranking and the browser run in thread workers with their own Store.

One module over 600 lines on purpose: Textual binds a screen's keys to its own `action_*`
methods, so every key's action lives on this class; what those actions decide is in core
modules (review_rules, routing, adjudication, evidence), what they draw in view.py."""

from __future__ import annotations

import sqlite3
import webbrowser
from collections.abc import Callable
from functools import wraps
from pathlib import Path
from typing import Any, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import ProgressBar, Static

from claimcheck import adjudication
from claimcheck.memory import matches as memory
from claimcheck.models import Claim
from claimcheck.review.dispute import dispute_panel
from claimcheck.review.keybar import KeyBar
from claimcheck.review.keys import REVIEW_KEYS, VERDICT_KEYS, config_path, effective_keys
from claimcheck.review.memory_view import EarlierCheckScreen, earlier_check
from claimcheck.review.messages import (
    BrowserOpened,
    ClaimChanged,
    ClaimEdited,
    ClaimShown,
    ConflictDetected,
    EvidenceRanked,
    QueueLoaded,
    SecondCheckDecided,
    SourcesUpdated,
    StanceRecorded,
    Undone,
    VerdictRecorded,
    WorkFailed,
)
from claimcheck.review.modals import (
    ConfirmScreen,
    EditScreen,
    FlagScreen,
    HelpScreen,
    Passage,
    PromptScreen,
    SourceScreen,
    SpeakerScreen,
)
from claimcheck.review.paged import PagedQueue, resume_position
from claimcheck.review.query import FILTER_HINT, QueueQuery, parse_filter
from claimcheck.review.queue import ClaimQueue
from claimcheck.review.text import plain, visible
from claimcheck.review.view import (
    ArticleCache,
    ClaimView,
    context,
    evidence_panel,
    facts,
    headline,
    load_view,
    sources_panel,
)
from claimcheck.review_rules import (
    ReplaceRefused,
    blind_evidence,
    blind_to,
    decide,
    second_check_outcome,
    undo,
)
from claimcheck.reviewers import is_editor
from claimcheck.routing import Rerouted, parse_schedule, queue_segments, routed_since, schedule
from claimcheck.sessions import end_session, load_place, save_place
from claimcheck.speakers import people_named
from claimcheck.store import ConflictError, Store, StoreError, now
from claimcheck.store.queue import Segment

SHOWN_IN_FOOTER = {
    "supported",
    "misleading",
    "refuted",
    "unverifiable",
    "dismiss",
    "flag",
    "settle_first",
    "settle_second",
    "next_unreviewed",
    "undo",
    "note",
    "attach",
    "fetch",
    "search",
    "filter",
    "help",
}


def guarded(method: Callable) -> Callable:
    """A database error (a held write lock, a failing disk) in an action or a poll is told on
    screen and nothing more: the screen stays open on the same claim, so the key can be tried
    again."""

    @wraps(method)
    def run(self: ReviewScreen, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except (StoreError, sqlite3.Error) as error:
            claim_id = self.view.claim.id if self.view else None
            self._say_failed(claim_id, f"not saved: {error}")
            return None

    return run


class ReviewScreen(Screen[None]):
    """One claim at a time, from a paged queue; see keys.py for the keys."""

    # priority: the keys act on the claim even while the detail pane has focus (it scrolls
    # with page up/down and the mouse); modal screens have their own keys, so typing is safe.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            spec.keys,
            spec.action,
            spec.description,
            id=spec.id,
            show=spec.id in SHOWN_IN_FOOTER,
            priority=True,
        )
        for spec in REVIEW_KEYS
    ]
    ids: PagedQueue  # the queue, read a page at a time (load_queue)
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (110, "-wide")]

    def __init__(
        self,
        db_path: Path,
        reviewer: str,
        query: QueueQuery,
        *,
        keymap: dict[str, str],
        poll_seconds: float = 1.0,
        open_url: Callable[[str], object] = webbrowser.open,
        resume_filter: bool = False,
    ) -> None:
        super().__init__()
        self.resume_filter = resume_filter
        self.started_at = now()
        self.placed: int | None = None
        self.summary: str | None = None
        self.db_path = db_path
        self.reviewer = reviewer
        self.query_spec = query
        self.keymap = keymap
        self.speaker_key = effective_keys(keymap)["speaker"].split(",")[0]
        self.poll_seconds = poll_seconds
        self.open_url = open_url
        self.position = 0
        self.view: ClaimView | None = None
        self.articles = ArticleCache()
        self.seen_version = 0
        self.kept: set[int] = set()
        self.since = ""
        self.ranked: set[int] = set()

    def compose(self) -> ComposeResult:
        with Horizontal(id="top"):
            yield Static(id="progress-label")
            yield ProgressBar(id="progress", show_eta=False)
        with Horizontal(id="main"):
            yield ClaimQueue(self._queue_rows, reviewer=self.reviewer, id="queue")
            with VerticalScroll(id="detail"):
                yield Static(id="banner")
                yield Static(id="headline")
                yield Static(id="context")
                yield Static(id="facts")
                yield Static(id="sources")
                yield Static(id="evidence")
        yield KeyBar()

    def on_mount(self) -> None:
        self.store = Store(self.db_path, reviewer=self.reviewer)
        self.seen_version = self.store.data_version()
        self.routed_after, _ = routed_since(self.store, None)
        self.held: int | None = None  # the claim on screen that routing took out of the queue
        self.query_one("#banner").display = False
        place = load_place(self.store, self.reviewer, self.query_spec.mode)
        if place and self.resume_filter:
            self.query_spec = self.query_spec.restored(place.query)
        self.load_queue(resume=place.claim_id if place else None)
        self.placed = place.claim_id if place else None
        self.set_interval(self.poll_seconds, self.check_for_changes)

    def on_unmount(self) -> None:
        """Remember where the reviewer stopped and sum up the session (shown on quit)."""
        try:
            result = end_session(
                self.store,
                self.reviewer,
                self.query_spec.mode,
                self.query_spec.saved(),
                self.view.claim.id if self.view else None,
                self.started_at,
            )
            self.summary = f"{self.reviewer}: {result.describe()} this session"
        except (StoreError, sqlite3.Error) as error:
            self.summary = f"{self.reviewer}: session not saved ({error})"
        self.store.close()

    def remember_place(self) -> None:
        """Store the claim the reviewer is on, when it moved since last stored."""
        claim_id = self.view.claim.id if self.view else None
        if claim_id != self.placed:
            save_place(
                self.store,
                self.reviewer,
                self.query_spec.mode,
                self.query_spec.saved(),
                claim_id,
                self.started_at,
            )
            self.placed = claim_id

    @property
    def queue(self) -> ClaimQueue:
        return self.query_one(ClaimQueue)

    def _queue_rows(self, ids: list[int]) -> dict:
        return self.store.queue_rows(ids)

    # ---- the queue and the current claim ------------------------------------------------------

    def load_queue(self, keep: int | None = None, resume: int | None = None) -> None:
        """(Re)build the queue for the query, staying on `keep` when it is still in it, else
        reopening where the reviewer left off (`resume`, see paged.resume_position)."""
        spec = self.query_spec
        self.since = self.store.last_change()
        self.kept = set()
        self.store.forget_search_hits()
        self.ids = PagedQueue(self.store, self._segments())
        self.queue.hide_status = spec.second_check or spec.adjudicate
        place = self.ids.find(keep) if keep is not None else None
        index = (
            place
            if place is not None
            else resume_position(
                self.ids, resume, waiting=self.waiting, shows_dismissed=spec.shows_dismissed
            )
        )
        self.queue.show(self.ids, index)
        self.post_message(QueueLoaded(len(self.ids), spec.describe()))
        if self.ids:
            self.show_claim(index)
        else:
            self.view = None
            self._draw_empty()
        self.update_progress()

    def _segments(self) -> list[Segment]:
        """The query's segments; the claims acted on since it loaded stay in it (a verdict
        does not take a claim out of a status:unreviewed queue until it is reloaded)."""
        spec = self.query_spec
        return queue_segments(
            self.reviewer,
            order=spec.order,
            second_check=spec.second_check,
            adjudicate=spec.adjudicate,
            editor=spec.adjudicate and is_editor(self.store, self.reviewer),
            everyone=spec.everyone,
            kept=frozenset(self.kept),
            **spec.filters(),
        )

    @property
    def reviewed(self) -> int:
        """How many claims of the queue are done (see done())."""
        return len(self.ids) - self.ids.tally({self.waiting, "flagged"})

    def show_claim(self, index: int) -> None:
        """Make ids[index] current, re-reading it (and what surrounds it) from the database."""
        if index != self.position:
            self.query_one("#detail").scroll_home(animate=False)
        self.position = max(0, min(index, len(self.ids) - 1))
        self.queue.move_to(self.position)
        try:
            self.view = load_view(self.store, self.ids[self.position], self.articles)
            if self.blind(self.view):
                self.view.evidence = blind_evidence(self.store, self.view.evidence, self.reviewer)
        except StoreError as error:
            self.view = None
            self._say_failed(self.ids[self.position], str(error))
            return
        self._draw()
        self.post_message(ClaimShown(self.view.claim.id, self.view.claim.version))
        if self.view.needs_ranking and self.view.claim.id not in self.ranked:
            self.ranked.add(self.view.claim.id)
            self.rank_archived(self.view.claim.id)

    def reload_claim(self) -> None:
        """Re-read the claim on screen. One that routing took out of the queue (given to
        someone else) stays on screen until the reviewer moves, so no key lands on a claim
        they have not read."""
        if self.view is not None and self.view.claim.id == self.held:
            try:
                self.view = load_view(self.store, self.held, self.articles)
            except StoreError:
                self.held = None
            else:
                if self.blind(self.view):
                    self.view.evidence = blind_evidence(
                        self.store, self.view.evidence, self.reviewer
                    )
                self._draw()
                return
        if self.ids:
            self.show_claim(self.position)

    def _draw(self) -> None:
        view = self.view
        assert view is not None
        blind = self.blind(view)
        self.query_one("#headline", Static).update(headline(view, blind=blind))
        self.query_one("#context", Static).update(context(view))
        shown = facts(view, blind=blind, speaker_key=self.speaker_key)
        if self.query_spec.adjudicate and (
            found := adjudication.dispute(self.store, view.claim.id)
        ):
            shown = dispute_panel(found, view.evidence, shown)
        self.query_one("#facts", Static).update(shown)
        self.query_one("#sources", Static).update(sources_panel(view))
        self.query_one("#evidence", Static).update(evidence_panel(view))
        self.update_progress()

    def _draw_empty(self) -> None:
        if not self.store.count_claims():
            message = (
                "No claims yet. Add articles from a shell, then come back:\n"
                "  claimcheck add article.html   (files, URLs, globs, - for stdin)\n"
                "  claimcheck import claims.jsonl   (or a YAML manifest, or CSV)\n"
                "  claimcheck demo   (a sample article with its sources)"
            )
        elif self.query_spec.adjudicate:
            message = "No disagreements are waiting for you to settle."
        elif self.query_spec.second_check:
            message = "No claims are waiting for a second check by you."
        else:
            message = "No claims match. Press the filter key to change the filter."
        self.query_one("#headline", Static).update(Text(message, style="bold"))
        for name in ("context", "facts", "sources", "evidence"):
            self.query_one(f"#{name}", Static).update("")

    @property
    def waiting(self) -> str:
        """The status of a claim still to be done in this queue."""
        if self.query_spec.adjudicate:
            return "disputed"
        return "flagged" if self.query_spec.second_check else "unreviewed"

    @property
    def done_word(self) -> str:
        if self.query_spec.adjudicate:
            return "settled"
        return "decided" if self.query_spec.second_check else "reviewed"

    def done(self, status: str) -> bool:
        """Whether a claim of this status counts as done in the progress bar: a flagged claim
        is waiting for its second check, not reviewed."""
        return status not in (self.waiting, "flagged")

    def note_status(self, claim_id: int, status: str) -> None:
        """The reviewer changed a claim's status: it stays in this queue, its mark and the
        progress count follow (counted from the maintained counts, not the queue)."""
        self.kept.add(claim_id)
        self.ids.segments = self._segments()
        self.ids.recount()
        self.queue.forget([claim_id])

    def update_progress(self) -> None:
        """The "23 of 57 reviewed" line."""
        spec = self.query_spec
        total = len(self.ids)
        reviewed = self.reviewed
        label = Text()
        label.append(f"{reviewed} of {total} {self.done_word}", style="bold")
        if total and self.view is not None:
            label.append(f" · claim {self.view.claim.id} ({self.position + 1} of {total} here)")
        if spec.second_check:
            label.append(" · second check", style="cyan")
        if spec.adjudicate:
            label.append(" · adjudication", style="cyan")
        if spec.describe():
            label.append(" · " + spec.describe(), style="dim")
        if spec.search:
            label.append(" · search: ", style="dim")
            label.append(plain(spec.search, "dim"))
        label.append(f" · {visible(self.reviewer)}", style="dim")
        self.query_one("#progress-label", Static).update(label, layout=False)
        self.query_one(ProgressBar).update(total=max(total, 1), progress=reviewed)

    def blind(self, view: ClaimView) -> bool:
        """A second reviewer must not see the first verdict until they record their own."""
        return blind_to(view.second_check, self.reviewer)

    @guarded
    def check_for_changes(self) -> None:
        """Poll PRAGMA data_version: another reviewer (or a worker) committed something."""
        self.remember_place()
        version = self.store.data_version()
        if version == self.seen_version:
            return
        self.seen_version = version
        self.store.forget_search_hits()  # claims may have been added, reworded or removed
        changes = self.store.status_changes(self.since)
        for _, _, stamp in changes:
            self.since = max(self.since, stamp)
        shown = self.view.claim if self.view else None
        if self.ids.recount():
            self._replace()
        self.queue.forget([claim_id for claim_id, _, _ in changes])
        self.routed_after, rerouted = routed_since(self.store, self.routed_after)
        if rerouted:
            self._rerouted(rerouted)
        if not self.ids:
            self.view = None
            self._draw_empty()
            self.update_progress()
            return
        self.reload_claim()
        fresh = self.view.claim if self.view else None
        if shown and fresh and fresh.id == shown.id and fresh.version != shown.version:
            self.post_message(ClaimChanged(fresh.id, fresh.status, fresh.reviewer))
            if fresh.status != shown.status and not self.blind(self.view):
                self.say(
                    f"claim {fresh.id} was just changed by {fresh.reviewer}: now {fresh.status}",
                    severity="warning",
                )

    def _replace(self) -> None:
        """Claims came into the queue or left it: drop the pages read and find the current
        claim's place again (or stay at the same place when it left)."""
        self.ids.forget()
        claim_id = self.view.claim.id if self.view else None
        place = self.ids.find(claim_id) if claim_id is not None else None
        last = max(len(self.ids) - 1, 0)
        self.position = place if place is not None else min(self.position, last)
        self.queue.show(self.ids, self.position)

    def _rerouted(self, changes: list[Rerouted]) -> None:
        """Claims were assigned, unassigned or scheduled (by the editor, another reviewer, this
        reviewer elsewhere): their queue lines are drawn again with the new assignee (@name),
        and claims newly assigned to this reviewer join their queue (a queue's size follows
        the rest: see PagedQueue.recount). The claim on screen stays where the reviewer is."""
        self.queue.forget([change.claim_id for change in changes])
        spec = self.query_spec
        on_screen = self.view.claim.id if self.view else None
        gained = [change for change in changes if change.assignee == self.reviewer]
        if gained and not (spec.everyone or spec.second_check or spec.adjudicate):
            self._replace()
            self.say(
                f"{len(gained)} claim{'s' * (len(gained) > 1)} assigned to you"
                f" by {gained[-1].by}: in your queue now"
            )
        for change in changes:
            if change.claim_id == on_screen and change.action != "schedule":
                if change.assignee not in (None, self.reviewer):
                    self.held = on_screen
                whose = f"assigned to {change.assignee}" if change.assignee else "unassigned"
                self.say(f"claim {on_screen} was just {whose} by {change.by}")

    # ---- actions ------------------------------------------------------------------------------

    @guarded
    def action_move(self, step: int) -> None:
        if self.ids:
            self._clear_banner()
            self.show_claim(self.position + step)

    @guarded
    def action_next_unreviewed(self) -> None:
        if not self.ids:
            return
        self._clear_banner()
        if not self.advance():
            self.say("Every claim in this queue has a verdict.")

    def advance(self) -> bool:
        """Move to the next claim still waiting (after this one, wrapping round)."""
        found = self.ids.next_with(self.position, self.waiting) if self.ids else None
        if found is None or found == self.position:
            self.reload_claim()
            return False
        self.show_claim(found)
        return True

    @guarded
    def action_verdict(self, status: str, replace: bool = False) -> None:
        view = self.view
        if view is None:
            self.app.bell()
            return
        claim = view.claim
        if self.query_spec.adjudicate:
            self._settle(claim, status)
            return
        try:
            decided = decide(
                self.store, claim.id, status, expected_version=claim.version, replace=replace
            )
            if decided.second_check:
                self._reveal(decided.second_check)
        except ReplaceRefused as refused:
            self._confirm_replace(refused.claim, status)
            return
        except ConflictError as error:
            self._conflict(error)
            return
        self.post_message(VerdictRecorded(claim.id, status, decided.claim.version))
        self.note_status(claim.id, status)
        self._clear_banner()
        if not self.advance():
            self.say("That was the last claim waiting in this queue.")

    def action_settle(self, side: str) -> None:
        """Settle the dispute on the first or the second reviewer's verdict (adjudication)."""
        if self.view is None or not self.query_spec.adjudicate:
            return
        found = adjudication.dispute(self.store, self.view.claim.id)
        if found is not None:
            verdict = (found.first if side == "first" else found.second).verdict
            self._record_settlement(self.view.claim, verdict, None)

    def _settle(self, claim: Claim, status: str) -> None:
        """A verdict key in the adjudication queue: settle on it, with a note (a verdict neither
        reviewer gave needs one)."""
        self.app.push_screen(
            PromptScreen(
                f"Settle claim {claim.id} on {status}: your note",
                "",
                "Required when neither reviewer said so; else it replaces theirs.",
            ),
            lambda note: (
                None
                if note is None
                else self._record_settlement(claim, status, note.strip() or None)
            ),
        )

    @guarded
    def _record_settlement(self, claim: Claim, verdict: str, note: str | None) -> None:
        try:
            settled = adjudication.adjudicate(
                self.store,
                claim.id,
                verdict,
                note=note,
                reviewer=self.reviewer,
                expected_version=claim.version,
            )
        except ConflictError as error:
            self._conflict(error)
            return
        self.post_message(VerdictRecorded(settled.id, verdict, settled.version))
        self.note_status(settled.id, "settled")
        self.say(f"claim {settled.id} settled: {verdict}")
        if not self.advance():
            self.say("That was the last disagreement waiting.")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The settle keys belong to the adjudication queue only."""
        if action == "settle":
            return self.query_spec.adjudicate
        return True

    def _confirm_replace(self, claim: Claim, status: str) -> None:
        """Another reviewer's verdict is on the claim: replace it only on a yes."""

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_verdict(status, replace=True)

        self.app.push_screen(
            ConfirmScreen(
                "Replace another reviewer's verdict?",
                f"claim {claim.id}: {claim.reviewer} said {claim.status}. Replace it with"
                f" {status}? (recorded as a replacement)",
            ),
            answered,
        )

    def _reveal(self, closed: dict) -> None:
        first = closed["first_verdict"]
        agreed = None if closed["agreed"] is None else bool(closed["agreed"])
        self.post_message(
            SecondCheckDecided(closed["claim_id"], first, closed["second_verdict"], agreed)
        )
        self.say(
            f"claim {closed['claim_id']}: {second_check_outcome(closed)}",
            title="Second check recorded",
        )

    def _conflict(self, error: ConflictError) -> None:
        self.post_message(ConflictDetected(error.claim.id, str(error)))
        self.reload_claim()
        banner = self.query_one("#banner", Static)
        banner.update(
            Text(
                f"⚠ Not saved: {visible(str(error))}. Look again; press the key again to "
                "record yours.",
                style="bold",
            )
        )
        banner.display = True
        self.say(f"Not saved: {error}", severity="error", title="Changed by someone else")

    def _clear_banner(self) -> None:
        self.query_one("#banner").display = False

    def say(self, message: str, **options: Any) -> None:
        """A notification; its text may quote a URL, a source or an error, so never markup."""
        self.notify(visible(message), markup=False, **options)

    def _say_failed(self, claim_id: int | None, reason: str) -> None:
        self.post_message(WorkFailed(claim_id, reason))

    @guarded
    def action_flag(self) -> None:
        if self.view is None:
            return
        verdicts = effective_keys(self.keymap)
        keys = {spec.action.split("'")[1]: verdicts[spec.id] for spec in VERDICT_KEYS[:4]}
        claim = self.view.claim

        def flagged(first: str | None) -> None:
            if first is None:
                return
            try:
                updated = self.store.flag_for_second_check(
                    claim.id, first or None, expected_version=claim.version
                )
            except ConflictError as error:
                self._conflict(error)
                return
            except StoreError as error:
                self._say_failed(claim.id, str(error))
                return
            self.post_message(VerdictRecorded(claim.id, "flagged", updated.version))
            self.note_status(claim.id, "flagged")
            self.advance()

        self.app.push_screen(FlagScreen(keys), flagged)

    @guarded
    def action_undo(self) -> None:
        restored = undo(self.store, self.reviewer)
        if restored is None:
            self.say("Nothing of yours to undo.")
            return
        self.post_message(Undone(restored.id, restored.status))
        self.note_status(restored.id, restored.status)
        self.say(f"claim {restored.id} is {restored.status} again")
        place = self.ids.find(restored.id) if self.ids else None
        if place is not None:
            self.show_claim(place)
        else:
            self.update_progress()

    @guarded
    def action_note(self) -> None:
        if self.view is None:
            return
        claim = self.view.claim
        current = "" if self.blind(self.view) else claim.note or ""
        self._prompt(
            "Note on this claim",
            current,
            "",
            lambda text: self.store.set_note(claim.id, text, expected_version=claim.version),
            "note",
        )

    @guarded
    def action_edit(self) -> None:
        if self.view is None:
            return
        claim = self.view.claim
        self._ask(
            lambda text: EditScreen(
                f"Edit the wording of claim {claim.id} (the article's sentence is kept)", text
            ),
            claim.text,
            lambda text: self.store.edit_text(claim.id, text, expected_version=claim.version),
            "text",
        )

    @guarded
    def action_speaker(self) -> None:
        """Name who said the claim: typed, or picked from the people the article names."""
        if self.view is None:
            return
        claim = self.view.claim
        people = people_named(self.store, claim)
        self._ask(
            lambda name: SpeakerScreen(
                f"Who said claim {claim.id}?", claim.attribution or "", name, people
            ),
            claim.speaker or "",
            lambda name: self.store.set_speaker(claim.id, name, expected_version=claim.version),
            "speaker",
        )

    @guarded
    def action_schedule(self) -> None:
        if self.view is None:
            return
        claim = self.view.claim

        def save(text: str) -> None:
            try:
                priority, due = parse_schedule(text)
            except ValueError as error:
                raise StoreError(str(error)) from None
            schedule(self.store, claim.id, priority=priority, due=due, by=self.reviewer)

        current = " ".join(str(v) for v in (claim.priority, claim.due) if v)
        self._prompt(
            "Priority (1 most urgent … 5) and/or due date",
            current,
            "e.g. 1 2026-12-04T17:00.",
            save,
            "schedule",
        )

    def _prompt(self, title: str, value: str, hint: str, save: Callable, field: str) -> None:
        """Ask for one line of text and save it (see _ask)."""
        self._ask(lambda text: PromptScreen(title, text, hint), value, save, field)

    def _ask(
        self,
        dialog: Callable[[str], ModalScreen[str | None]],
        value: str,
        save: Callable,
        field: str,
    ) -> None:
        """Ask for text in `dialog(value)` and save it; Escape writes nothing. When saving fails
        for any reason but a conflict, the dialog comes back holding what the reviewer typed."""
        claim_id = self.view.claim.id if self.view else None

        def saved(text: str | None) -> None:
            if text is None:
                return
            try:
                save(text)
            except ConflictError as error:
                self._conflict(error)
                return
            except (StoreError, sqlite3.Error) as error:
                self._say_failed(claim_id, f"not saved: {error}")
                self._ask(dialog, text, save, field)
                return
            self.post_message(ClaimEdited(claim_id or 0, field))
            self.store.forget_search_hits()
            self.queue.forget([claim_id] if claim_id else None)
            self.reload_claim()

        self.app.push_screen(dialog(value), saved)

    # ---- the claim memory ---------------------------------------------------------------------

    @guarded
    def action_checked_before(self) -> None:
        """The earlier check behind the "Checked before" line, with its sources."""
        found = self.view.match if self.view else None
        if found is None:
            self.say("No earlier check matches this claim.")
            return
        sources = (
            [s["url"] or s["label"] or "" for s in self.store.claim_sources(found.earlier_claim_id)]
            if found.earlier_claim_id
            else []
        )

        def chosen(choice: str | None) -> None:
            if choice == "adopt":
                self.action_adopt_match()
            elif choice == "reject":
                self.action_reject_match()

        self.app.push_screen(
            EarlierCheckScreen(earlier_check(found, sources), effective_keys(self.keymap)), chosen
        )

    @guarded
    def action_adopt_match(self, replace: bool = False) -> None:
        """Take the earlier verdict: recorded as this reviewer's, the check cited, audited."""
        found = self.view.match if self.view else None
        if found is None:
            self.say("No earlier check to adopt for this claim.")
            return
        if self.view and self.blind(self.view):
            self.say("A second check is your own verdict: press its key.", severity="warning")
            return
        try:
            claim = memory.adopt(self.store, found.id, reviewer=self.reviewer, replace=replace)
        except ReplaceRefused as refused:
            self.app.push_screen(
                ConfirmScreen(
                    "Replace another reviewer's verdict?",
                    f"claim {refused.claim.id}: {refused.claim.reviewer} said"
                    f" {refused.claim.status}. Replace it with the earlier check's verdict?",
                ),
                lambda yes: self.action_adopt_match(replace=True) if yes else None,
            )
            return
        except memory.AdoptRefused as refused:
            self.say(str(refused), severity="warning")
            return
        self.post_message(VerdictRecorded(claim.id, claim.status, claim.version))
        self.note_status(claim.id, claim.status)
        self.say(f"claim {claim.id}: {claim.status}, adopted from {found.by or 'earlier check'}")
        self.reload_claim()

    @guarded
    def action_reject_match(self) -> None:
        """Mark the match wrong: remembered, never offered for this claim again."""
        found = self.view.match if self.view else None
        if found is None:
            self.say("No earlier check to mark wrong for this claim.")
            return
        memory.reject(self.store, found.id, reviewer=self.reviewer)
        self.say(f"match {found.id} marked wrong; it will not be offered again")
        self.reload_claim()

    def action_search(self) -> None:
        def searched(text: str | None) -> None:
            if text is None:
                return
            self.query_spec.search = text.strip() or None
            self.load_queue(keep=self.view.claim.id if self.view else None)

        self.app.push_screen(
            PromptScreen("Search claims (full text; empty clears)", self.query_spec.search or ""),
            searched,
        )

    def action_filter(self) -> None:
        def filtered(text: str | None) -> None:
            if text is None:
                return
            try:
                self.query_spec = parse_filter(text, self.query_spec)
            except ValueError as error:
                self._say_failed(None, str(error))
                return
            self.load_queue(keep=self.view.claim.id if self.view else None)

        self.app.push_screen(
            PromptScreen("Filter and sort the queue", self.query_spec.describe(), FILTER_HINT),
            filtered,
        )

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(effective_keys(self.keymap), str(config_path())))

    def action_attach(self) -> None:
        """Attach a source; on a claim citing an unresolved one (an attribution without a link,
        "According to US sources"), give that source its link instead, as `cite --resolves`."""
        if self.view is None:
            return
        claim_id = self.view.claim.id
        unresolved = next((s for s in self.view.sources if not s["url"]), None)
        resolving = unresolved["id"] if unresolved else None
        title = "Attach a source: an http(s) URL or a local file"
        if unresolved:
            label = unresolved["link_label"] or unresolved["label"] or ""
            title = f"Resolve {visible(label)!r}: its http(s) URL or a local file"

        def attach(target: str | None) -> None:
            if target and target.strip():
                self.say(f"{'resolving' if resolving else 'attaching'} {target.strip()} …")
                self.attach_source(claim_id, target.strip(), resolving)

        self.app.push_screen(PromptScreen(title, "", ""), attach)

    def action_fetch(self) -> None:
        if self.view is not None:
            self.say("fetching sources …")
            self.fetch_claim_sources(self.view.claim.id)

    @guarded
    def action_view_source(self) -> None:
        view = self.view
        if view is None:
            return
        texts: dict[int, str] = {}
        passages = []
        for item in view.evidence:
            if item["snapshot_id"] not in texts:
                texts[item["snapshot_id"]] = self.store.snapshot_text(item["snapshot_id"])
            passages.append(
                Passage(
                    f"#{item['rank']} {item['source_url'] or ''}",
                    texts[item["snapshot_id"]],
                    item["start"],
                    item["end"],
                    evidence_id=item["id"],
                    stance=item["stance"],
                )
            )
        if not passages:
            archived = (self.store.latest_snapshot(source["id"]) for source in view.sources)
            passages = [
                Passage(snapshot["final_url"] or "", snapshot["text"])
                for snapshot in archived
                if snapshot and snapshot["text"]
            ]
        if not passages:
            self.say("No archived source text yet: fetch or attach a source first.")
            return
        self.app.push_screen(
            SourceScreen(
                passages,
                keys=effective_keys(self.keymap),
                set_stance=self.set_stance,
                claim=view.claim.text,
            )
        )

    def set_stance(self, evidence_id: int, stance: str | None) -> bool:
        """Record a stance from the source view and redraw the claim's evidence beneath it."""
        try:
            row = self.store.set_stance(evidence_id, stance)
        except StoreError as error:
            self._say_failed(self.view.claim.id if self.view else None, str(error))
            return False
        self.post_message(StanceRecorded(row["claim_id"], evidence_id, row["stance"]))
        self.reload_claim()
        return True

    def action_browser(self) -> None:
        view = self.view
        if view is None:
            return
        urls = [item["source_url"] for item in view.evidence[:1]] + [s["url"] for s in view.sources]
        from claimcheck.archive import is_web_url  # (archive and evidence load on first use)

        url = next((u for u in urls if u and is_web_url(u)), None)
        if url is None:
            self.say("This claim has no web source to open.")
            return
        self.open_in_browser(url)

    # ---- workers (own Store each: sqlite connections stay in their thread) ---------------------

    @work(thread=True, group="sources")
    def attach_source(self, claim_id: int, target: str, resolving: int | None = None) -> None:
        self._source_work(claim_id, target, resolving)

    @work(thread=True, group="sources")
    def fetch_claim_sources(self, claim_id: int) -> None:
        self._source_work(claim_id, None)

    def _source_work(self, claim_id: int, target: str | None, resolving: int | None = None) -> None:
        from claimcheck import archive, evidence

        try:
            with Store(self.db_path, reviewer=self.reviewer) as store:
                if target is not None and resolving is not None:
                    archive.resolve(store, resolving, target)
                elif target is not None:
                    archive.cite(store, claim_id, target)
                summary = archive.fetch_sources(store, [claim_id], refresh=target is None)
                ranked = evidence.rank_claim(store, claim_id)
        except Exception as error:  # a worker must report, never take the screen down
            self.post_message(WorkFailed(claim_id, str(error) or type(error).__name__))
            return
        failed = "; ".join(f"{o.url}: {o.error}" for o in summary.failed)
        text = (
            f"{summary.fetched} fetched, {summary.not_modified} unchanged, "
            f"{summary.skipped} already archived, {len(ranked)} passages ranked"
            + (f"; failed: {failed}" if failed else "")
        )
        self.post_message(SourcesUpdated(claim_id, text))

    @work(thread=True, group="rank")
    def rank_archived(self, claim_id: int) -> None:
        """Rank the archived copies of a claim's sources that were never ranked (an import or
        another reviewer archived them), so its evidence is there without a fetch."""
        from claimcheck import evidence

        try:
            with Store(self.db_path, reviewer=self.reviewer) as store:
                ranked = evidence.rank_claim(store, claim_id)
        except Exception as error:  # a worker must report, never take the screen down
            self.post_message(WorkFailed(claim_id, str(error) or type(error).__name__))
            return
        self.post_message(EvidenceRanked(claim_id, len(ranked)))

    @on(EvidenceRanked)
    def _evidence_ranked(self, message: EvidenceRanked) -> None:
        if message.passages and self.view and self.view.claim.id == message.claim_id:
            self.reload_claim()

    @work(thread=True, group="browser")
    def open_in_browser(self, url: str) -> None:
        """webbrowser.open says False when it found no browser to run (a server, ssh): say so,
        with the address to open elsewhere."""
        if self.open_url(url) is False:
            self.post_message(WorkFailed(None, f"no web browser found here; open {url} yourself"))
            return
        self.post_message(BrowserOpened(url))

    @on(SourcesUpdated)
    def _sources_updated(self, message: SourcesUpdated) -> None:
        self.say(f"claim {message.claim_id}: {message.summary}")
        if self.view and self.view.claim.id == message.claim_id:
            self.reload_claim()

    @on(WorkFailed)
    def _work_failed(self, message: WorkFailed) -> None:
        where = f"claim {message.claim_id}: " if message.claim_id else ""
        self.say(where + message.reason, severity="error")

    @on(ClaimQueue.Picked)
    def _picked(self, message: ClaimQueue.Picked) -> None:
        self._clear_banner()
        self.show_claim(message.index)
