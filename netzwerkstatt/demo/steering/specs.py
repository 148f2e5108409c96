"""The demo's networks as plain data, built before anything is written.

Organisations and persons are referred to by the keys of the contacts specs (and the
network plan's team), the demo users by their role; dates are the demo's past
(and a few planned ones after its reference date).
"""

from dataclasses import dataclass
from datetime import date, datetime

from netzwerkstatt.core.enums import Role


@dataclass(frozen=True)
class MemberSpec:
    role: str  # MemberRole value
    joined_on: date
    organisation: str = ""  # key of an OrganisationSpec, or "" for a person
    person: str = ""  # key of a PersonSpec, for a person member
    contact: str = ""  # who comes to the meetings: the person, or one at the organisation
    interests: tuple[tuple[str, int], ...] = ()  # topic name, Interest value

    @property
    def key(self) -> str:
        return self.organisation or self.person


@dataclass(frozen=True)
class ProgressSpec:
    recorded_on: date
    value: int
    recorded_by: Role
    note: str = ""


@dataclass(frozen=True)
class GoalSpec:
    title: str
    description: str
    indicator: str  # IndicatorKind value
    target_value: int
    unit: str
    target_date: date
    indicator_filter: tuple[tuple[str, object], ...] = ()
    progress: tuple[ProgressSpec, ...] = ()


@dataclass(frozen=True)
class ActionSpec:
    title: str
    owner: str  # person key
    due_on: date
    status: str  # ActionStatus value
    done_at: datetime | None = None  # naive, in the demo's local time
    description: str = ""


@dataclass(frozen=True)
class MeetingSpec:
    title: str
    held_on: date
    agenda: str
    minutes: str = ""  # empty for a meeting still to come
    attendees: tuple[str, ...] = ()  # person keys
    decisions: tuple[str, ...] = ()
    actions: tuple[ActionSpec, ...] = ()
    at_event: bool = False  # held as part of the demo's reflection workshop
    entered_by: Role = Role.LEAD


@dataclass(frozen=True)
class HandoverSpec:
    staff: str  # person key of a team member
    member: str  # person key
    successor: str
    introduce_on: date
    introduced_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class NetworkSpec:
    name: str
    purpose: str
    region: str
    started_on: date
    projects: tuple[str, ...]
    members: tuple[MemberSpec, ...]
    topics: tuple[tuple[str, str], ...]  # name, description
    goals: tuple[GoalSpec, ...]
    meetings: tuple[MeetingSpec, ...]  # in time order
    created_by: Role = Role.LEAD
    successor_coordinator: str = ""  # person key
    handover_on: date | None = None
    handover_plan: str = ""
    handovers: tuple[HandoverSpec, ...] = ()


@dataclass(frozen=True)
class SteeringPlan:
    networks: tuple[NetworkSpec, ...]
