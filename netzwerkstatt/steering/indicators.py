"""Goal indicators measured on the network itself, and progress against a target date.

Pure functions on plain data (the selectors in `selectors/goals.py` load it in a
handful of queries), so every kind is tested with known answers:

- MEMBER_ORGANISATIONS: current member organisations matching optional filters
  {kind, sector, district, size_class}; `sector` is a WZ 2008 section letter ("C")
  or a division code ("28"), the district is compared without case and spacing.
- TOPIC_COVERAGE: topics with at least `min_members` interested members (level ≥ 1)
  who are not project staff. Project staff are the members who are team persons, or
  persons working at, or the organisation of, the team's own employer (an
  organisation where a current team person has a current function).
  `all_topics` makes the target "every topic": the network's topic count.
- MEETING_ATTENDANCE: average attendees of the meetings held in the last 12 months
  whose attendance was taken (a meeting with nobody recorded is left out).
- MANUAL: the newest progress entry with a value.

Progress is measured against a linear expectation: from the start (the first
progress entry with a value, else the goal's creation with 0) to the target by the
target date. Goals are "at least" goals: more is better.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import SizeClass
from netzwerkstatt.contacts.normalise import fold

from .enums import IndicatorKind

LIVE_KINDS = (
    IndicatorKind.MEMBER_ORGANISATIONS,
    IndicatorKind.TOPIC_COVERAGE,
    IndicatorKind.MEETING_ATTENDANCE,
)
ATTENDANCE_MONTHS = 12
TWO_PLACES = Decimal("0.01")


@dataclass(frozen=True)
class OrganisationFacts:
    kind: str
    sector: str = ""
    district: str = ""
    employee_count: int | None = None


@dataclass(frozen=True)
class MemberRow:
    """A current member: an organisation or a person (exactly one id is set)."""

    id: int
    person_id: int | None = None
    organisation_id: int | None = None


@dataclass(frozen=True)
class NetworkFacts:
    """What the live indicators of one network are computed from."""

    organisations: tuple[OrganisationFacts, ...] = ()  # current member organisations
    topics: tuple[int, ...] = ()
    interests: tuple[tuple[int, int, int], ...] = ()  # (topic id, member id, level)
    staff_members: frozenset[int] = frozenset()  # member ids that are project staff
    attendance: tuple[int, ...] = ()  # attendees per meeting of the last 12 months
    manual: Mapping[int, Decimal | None] = field(default_factory=dict)  # goal id → newest value


# ------------------------------------------------------------------------ the indicators


def sector_matches(sector: str, wanted: str) -> bool:
    """Whether a division code ("28") lies in a wanted section letter or division."""
    wanted = wanted.strip().upper()
    if not wanted:
        return True
    if not sector:
        return False
    if wanted.isalpha():
        entry = wz2008.get(sector)
        return entry is not None and entry.section == wanted
    return sector == wanted


def organisation_matches(organisation: OrganisationFacts, parameters: Mapping) -> bool:
    kind = parameters.get("kind") or ""
    if kind and organisation.kind != kind:
        return False
    if not sector_matches(organisation.sector, parameters.get("sector") or ""):
        return False
    district = fold(parameters.get("district") or "").strip()
    if district and fold(organisation.district).strip() != district:
        return False
    size_class = parameters.get("size_class") or ""
    if size_class:
        actual = SizeClass.for_employees(organisation.employee_count)
        if actual is None or actual.value != size_class:
            return False
    return True


def member_organisations(organisations: Iterable[OrganisationFacts], parameters: Mapping) -> int:
    return sum(organisation_matches(row, parameters) for row in organisations)


def staff_members(
    members: Iterable[MemberRow],
    *,
    team_persons: set[int],
    employers: Mapping[int, set[int]],
) -> frozenset[int]:
    """The members who are project staff.

    `employers` maps a person to the organisations where they currently work (at least
    for the team's persons and the person members); the team's own organisations are
    those of the team's persons.
    """
    team_organisations = set().union(*(employers.get(pk, set()) for pk in team_persons))
    staff = set()
    for member in members:
        if member.person_id is not None:
            if member.person_id in team_persons or (
                employers.get(member.person_id, set()) & team_organisations
            ):
                staff.add(member.id)
        elif member.organisation_id in team_organisations:
            staff.add(member.id)
    return frozenset(staff)


def topic_coverage(
    *,
    topics: Iterable[int],
    interests: Iterable[tuple[int, int, int]],
    staff: frozenset[int],
    min_members: int,
) -> int:
    """How many topics have at least `min_members` interested members outside the staff."""
    counts = dict.fromkeys(topics, 0)
    for topic, member, level in interests:
        if level >= 1 and member not in staff and topic in counts:
            counts[topic] += 1
    return sum(count >= min_members for count in counts.values())


def average_attendance(counts: Iterable[int]) -> Decimal | None:
    """The average attendees of meetings whose attendance was taken; None without any."""
    taken = [count for count in counts if count > 0]
    if not taken:
        return None
    return (Decimal(sum(taken)) / len(taken)).quantize(TWO_PLACES, ROUND_HALF_UP)


def current_value(
    *, goal_id: int, kind: str, parameters: Mapping, facts: NetworkFacts
) -> Decimal | None:
    """The indicator's value now; None when nothing has been measured yet."""
    if kind == IndicatorKind.MEMBER_ORGANISATIONS:
        return Decimal(member_organisations(facts.organisations, parameters))
    if kind == IndicatorKind.TOPIC_COVERAGE:
        return Decimal(
            topic_coverage(
                topics=facts.topics,
                interests=facts.interests,
                staff=facts.staff_members,
                min_members=int(parameters.get("min_members") or 1),
            )
        )
    if kind == IndicatorKind.MEETING_ATTENDANCE:
        return average_attendance(facts.attendance)
    return facts.manual.get(goal_id)


def effective_target(
    *, kind: str, parameters: Mapping, target: Decimal, facts: NetworkFacts
) -> Decimal:
    """The target to measure against: "every topic" is the network's topic count now."""
    if kind == IndicatorKind.TOPIC_COVERAGE and parameters.get("all_topics"):
        return Decimal(len(facts.topics))
    return target


# --------------------------------------------------------------------------- progress


class Status(StrEnum):
    REACHED = "reached"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    MISSED = "missed"  # the target date has passed without reaching the target
    NO_DATE = "no_date"  # no target date: no expectation to compare with
    NOT_MEASURED = "not_measured"


@dataclass(frozen=True)
class Progress:
    current: Decimal | None
    target: Decimal
    share: float | None  # of the target reached, 0.. (may exceed 1)
    expected: Decimal | None  # the value expected today on the linear path
    status: Status

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)

    @property
    def bar_percent(self) -> int:
        return max(0, min(100, self.percent or 0))


def progress(
    *,
    current: Decimal | None,
    target: Decimal,
    start: tuple[date, Decimal],
    target_date: date | None,
    today: date,
) -> Progress:
    """Where a goal stands: the share reached and whether it is on track.

    `start` is (date, value) where the linear expectation begins: the first progress
    entry with a value, else the goal's creation with 0.
    """
    if current is None:
        return Progress(current, target, None, None, Status.NOT_MEASURED)
    share = float(current / target) if target > 0 else (1.0 if current >= target else 0.0)
    expected = None
    if target_date is not None:
        expected = expected_value(start=start, target=target, target_date=target_date, today=today)
    if current >= target:
        status = Status.REACHED
    elif target_date is None:
        status = Status.NO_DATE
    elif today > target_date:
        status = Status.MISSED
    elif current >= expected:
        status = Status.ON_TRACK
    else:
        status = Status.BEHIND
    return Progress(current, target, share, expected, status)


def expected_value(
    *, start: tuple[date, Decimal], target: Decimal, target_date: date, today: date
) -> Decimal:
    """The value a straight line from the start to the target reaches today."""
    start_day, start_value = start
    if today >= target_date or target_date <= start_day:
        return target
    if today <= start_day:
        return start_value
    elapsed = Decimal((today - start_day).days) / Decimal((target_date - start_day).days)
    return (start_value + (target - start_value) * elapsed).quantize(TWO_PLACES, ROUND_HALF_UP)


def progress_start(
    *, created_on: date, entries: Iterable[tuple[date, Decimal | None]]
) -> tuple[date, Decimal]:
    """The first entry with a value, else the goal's creation with 0."""
    valued = sorted((day, value) for day, value in entries if value is not None)
    return valued[0] if valued else (created_on, Decimal(0))
