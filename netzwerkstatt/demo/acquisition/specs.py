"""The demo's acquisition as plain data, built before anything is written.

Companies and persons are referred to by the keys of the contacts specs, the demo
users by their role, stages by their kind; times are naive, in the demo's local time.
"""

from dataclasses import dataclass
from datetime import date, datetime

from netzwerkstatt.core.enums import Role


@dataclass(frozen=True)
class PersonTie:
    """A tie between two persons as the network step wrote it (only what the plan reads)."""

    first: str
    second: str
    kind: str
    since: date | None
    last_contact: date | None


@dataclass(frozen=True)
class Move:
    kind: str  # StageKind value; the first move is the approach's entry
    at: datetime


@dataclass(frozen=True)
class ActivitySpec:
    kind: str  # ActivityKind value
    day: date
    participants: tuple[str, ...]
    summary: str
    outcome: str
    follow_up_on: date | None = None
    follow_up_done_at: datetime | None = None  # None with a follow-up date: still open


@dataclass(frozen=True)
class ResearchNoteSpec:
    text: str
    source: str
    day: date


@dataclass(frozen=True)
class DossierSpec:
    notes: tuple[ResearchNoteSpec, ...]
    needs: tuple[tuple[str, str], ...]  # need name, evidence
    decision_makers: tuple[tuple[str, str, str], ...] = ()  # person key, DecisionRole, note
    situation: str = ""
    share_50_plus: int | None = None
    open_positions: int | None = None
    recent_events: str = ""


@dataclass(frozen=True)
class AgreementSpec:
    measure: str  # name in the project's catalogue
    agreed_on: date
    delivered_on: date | None
    participants: int | None


@dataclass(frozen=True)
class ApproachSpec:
    company: str
    project: str
    channel: str  # Channel value
    owner: Role
    contact: str  # person key
    introducer: str  # person key, "" for none
    moves: tuple[Move, ...]  # in time order, the first one the entry
    benefit_statement: str = ""
    next_step: str = ""
    next_step_on: date | None = None
    closing_note: str = ""
    dossier: DossierSpec | None = None
    agreements: tuple[AgreementSpec, ...] = ()
    activities: tuple[ActivitySpec, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(move.kind for move in self.moves)

    @property
    def created_at(self) -> datetime:
        return self.moves[0].at


@dataclass(frozen=True)
class AcquisitionPlan:
    approaches: tuple[ApproachSpec, ...]
