"""The typed messages the review screen and its workers post; tests watch them with
`run_test(message_hook=...)`, so each says what happened in the data, not on screen."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message


@dataclass
class ClaimShown(Message):
    """A claim is now the current one, drawn in full."""

    claim_id: int
    version: int


@dataclass
class VerdictRecorded(Message):
    """A verdict (or a flag) was written to the database."""

    claim_id: int
    status: str
    version: int


@dataclass
class SecondCheckDecided(Message):
    """A second reviewer recorded their verdict; the first one may now be shown."""

    claim_id: int
    first_verdict: str | None
    second_verdict: str
    agreed: bool | None


@dataclass
class ConflictDetected(Message):
    """Someone else changed the claim first: nothing was written, the reviewer is told."""

    claim_id: int
    reason: str


@dataclass
class ClaimChanged(Message):
    """Another connection changed the claim on screen (seen by polling data_version)."""

    claim_id: int
    status: str
    reviewer: str | None


@dataclass
class Undone(Message):
    """The reviewer's latest verdict or note was reversed."""

    claim_id: int
    status: str


@dataclass
class ClaimEdited(Message):
    """A note or the claim's wording was saved."""

    claim_id: int
    field: str


@dataclass
class StanceRecorded(Message):
    """The reviewer's stance on an evidence passage was written (None: cleared)."""

    claim_id: int
    evidence_id: int
    stance: str | None


@dataclass
class SourcesUpdated(Message):
    """A worker attached, fetched or ranked sources for a claim."""

    claim_id: int
    summary: str


@dataclass
class EvidenceRanked(Message):
    """Archived sources of the claim on screen were ranked on the fly (it had no evidence)."""

    claim_id: int
    passages: int


@dataclass
class WorkFailed(Message):
    """A worker or an action could not finish; `reason` is one line for the reviewer."""

    claim_id: int | None
    reason: str


@dataclass
class BrowserOpened(Message):
    """A source was handed to the web browser."""

    url: str


@dataclass
class QueueLoaded(Message):
    """The queue was (re)built for a filter."""

    total: int
    description: str
