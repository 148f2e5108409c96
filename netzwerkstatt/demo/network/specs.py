"""The demo's relationship network as plain data, built from the contacts plan before any write.

Ends are referred to by the keys of the contacts specs (`OrganisationSpec.key`,
`PersonSpec.key`); which of the two a key names follows from the tie kind's rule
(TIE_RULES): a builder always puts the rule's source type first. Undirected ties
between two persons or two organisations get their canonical order only when
written, from the database ids.
"""

import enum
from dataclasses import dataclass
from datetime import date, datetime

from netzwerkstatt.contacts.enums import DoorOpener
from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.specs import OrganisationSpec, PersonSpec
from netzwerkstatt.network.enums import Provenance, RecommendationOutcome, TieKind


class Access(enum.Enum):
    """How the team can reach a company's people, as the ties were built."""

    WARM = "warm"  # through partners who have agreed to open doors
    TEAM = "team"  # someone of the team knows someone there
    UNASKED = "unasked"  # only through partners not asked yet
    SECOND_HAND = "second_hand"  # only through the head of another company
    BLOCKED = "blocked"  # only through a partner who does not want to open doors
    COLD = "cold"  # nobody known there


@dataclass(frozen=True)
class TeamMemberSpec:
    person: str  # key of a PersonSpec
    since: date
    user: Role | None = None  # the demo user who logs in as this person


@dataclass(frozen=True)
class TeamPlan:
    """The workspace's own organisation and the project team working there."""

    organisation: OrganisationSpec
    persons: tuple[PersonSpec, ...]  # the team and their colleagues
    members: tuple[TeamMemberSpec, ...]
    acquaintances: tuple[PersonSpec, ...] = ()  # former partners, no current function


@dataclass(frozen=True)
class TieSpec:
    kind: TieKind
    source: str  # spec key of the end of the rule's source type
    target: str
    strength: int
    since: date
    last_contact: date | None
    provenance: Provenance
    recorded_by: Role
    recorded_at: datetime  # naive, in the demo's local time
    trust: int | None = None
    purpose: str = ""
    project: str = ""  # name of a demo project, or ""
    note: str = ""


@dataclass(frozen=True)
class RecommendationSpec:
    """Who recommended what to whom; `subject` and `recipient` are person or organisation keys."""

    recommender: str
    subject: str
    recipient: str
    date: date
    outcome: RecommendationOutcome
    outcome_date: date | None
    purpose: str
    project: str
    recorded_by: Role
    note: str = ""


@dataclass(frozen=True)
class SurveyAnswerSpec:
    closeness: int
    organisation: str = ""  # key of a known organisation, or "" for a free entry
    organisation_name: str = ""
    city: str = ""
    note: str = ""


@dataclass(frozen=True)
class SurveySpec:
    respondent: str  # person key
    message: str
    sent_days_ago: int  # the link's age when the demo is loaded
    answers: tuple[SurveyAnswerSpec, ...] = ()  # empty: not answered yet


@dataclass(frozen=True)
class NetworkPlan:
    team: TeamPlan
    door_openers: dict[str, DoorOpener]  # person key → their word; persons not named: not asked
    access: dict[str, Access]  # company key → how its people were tied to the network
    joined: dict[str, date]  # partners who joined the network this year → since when
    ties: tuple[TieSpec, ...]
    recommendations: tuple[RecommendationSpec, ...]
    surveys: tuple[SurveySpec, ...]
