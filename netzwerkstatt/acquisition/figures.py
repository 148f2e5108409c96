"""Acquisition figures from the pipeline's history: pure computations on plain rows.

The selectors (`selectors/figures.py`) read a few value lists; everything here works
on those rows without the ORM, so the rules are tested on constructed data.

The rules, as the figures pages explain them:

- **Reached.** An approach has reached a kind of stage when its history holds a move
  into that kind or into a later one in `STAGE_PROGRESS`: a company that went from
  "approached" straight to "agreement" has had a conversation, even if nobody
  recorded it. It reached the kind when it first got that far.
- **Cohort.** Conversion, funnel and the figures per staff member count the
  approaches *first approached* in the period (first move into "approached" or a
  later kind), with their history up to the period's end. Companies only
  identified or researched have not been approached yet and count nowhere but in
  "added to the pipeline" per month.
- **Declined** counts separately: approaches whose last move up to the period's
  end went into a "declined" stage. A company that declined after a conversation
  still counts as having had the conversation.
- **Time to agreement**: whole days from the first approach to the first
  agreement (both as reached above), median and range over the cohort's
  approaches that got that far.
- **Per month**: events, not a cohort: in which month approaches entered the
  pipeline, were first approached, first had a conversation and first agreed.
- **Rates** always carry their counts ("3 of 5"); fewer than `FEW_CASES` cases
  are marked, so small numbers are not over-read.
- **Funder report**: companies *participating* are approaches with a move into
  agreement, active or completed within the period; measures delivered are agreed
  measures with a delivery date in the period.
"""

import datetime as dt
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import SizeClass

from .enums import STAGE_PROGRESS, Channel, StageKind

# Below this many cases a rate is shown as "few cases".
FEW_CASES = 5
_INDEX = {kind.value: index for index, kind in enumerate(STAGE_PROGRESS)}
_APPROACHED = _INDEX[StageKind.APPROACHED]
# The funnel's steps: from the first approach on (earlier kinds everyone in the cohort has).
FUNNEL_KINDS = tuple(STAGE_PROGRESS[_APPROACHED:])
_PROGRESS = tuple(kind.value for kind in STAGE_PROGRESS)
_FIRST = itemgetter(0)
PARTICIPATING_KINDS = frozenset({StageKind.AGREEMENT, StageKind.ACTIVE, StageKind.COMPLETED})


# ------------------------------------------------------------------------------ input rows


# Rows are named tuples, not dataclasses: a year of history is tens of thousands of them.
class ApproachRow(NamedTuple):
    id: int
    channel: str
    owner_id: int | None
    created_at: dt.datetime  # local time
    employee_count: int | None = None
    sector: str = ""  # WZ 2008 division code of the company


class ChangeRow(NamedTuple):
    approach_id: int
    kind: str
    at: dt.datetime  # local time


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __contains__(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    def months(self) -> list[dt.date]:
        """The first days of the months the period touches."""
        months, month = [], self.start.replace(day=1)
        while month <= self.end:
            months.append(month)
            month = (month + dt.timedelta(days=32)).replace(day=1)
        return months


@dataclass(frozen=True)
class Delivery:
    """An agreed measure delivered in the period."""

    measure_id: int
    measure_name: str
    participants: int | None


@dataclass(frozen=True)
class PartnerLink:
    """A partner organisation and how it took part: "introduction" or "activity"."""

    organisation_id: int
    name: str
    kind: str
    source: str


# ----------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Rate:
    count: int
    of: int

    @property
    def share(self) -> float | None:
        return self.count / self.of if self.of else None

    @property
    def percent(self) -> int | None:
        return None if self.share is None else round(self.share * 100)

    @property
    def few(self) -> bool:
        return self.of < FEW_CASES


@dataclass(frozen=True)
class Duration:
    """Days from the first approach to the first agreement."""

    days: tuple[int, ...] = ()

    @property
    def n(self) -> int:
        return len(self.days)

    @property
    def median(self) -> float | None:
        return statistics.median(self.days) if self.days else None

    @property
    def shortest(self) -> int | None:
        return min(self.days) if self.days else None

    @property
    def longest(self) -> int | None:
        return max(self.days) if self.days else None

    @property
    def few(self) -> bool:
        return self.n < FEW_CASES


@dataclass(frozen=True)
class Conversion:
    """How far one group of the cohort (a channel, a staff member, everyone) got."""

    key: str | int | None
    approached: int
    conversations: Rate
    agreements: Rate
    declined: Rate
    time_to_agreement: Duration


@dataclass(frozen=True)
class FunnelStep:
    kind: str
    reached: int
    of_previous: Rate
    of_approached: Rate


@dataclass(frozen=True)
class Month:
    month: dt.date
    added: int = 0
    approached: int = 0
    conversations: int = 0
    agreements: int = 0


@dataclass(frozen=True)
class AcquisitionFigures:
    period: Period
    total: Conversion
    channels: list[Conversion]
    owners: list[Conversion]
    funnel: list[FunnelStep]
    months: list[Month]

    @property
    def empty(self) -> bool:
        return not self.total.approached and not any(
            month.added or month.approached for month in self.months
        )


@dataclass(frozen=True)
class MeasureDelivered:
    measure_id: int
    name: str
    deliveries: int
    participants: int  # the sum where recorded
    without_participants: int  # deliveries without a number of participants


@dataclass(frozen=True)
class PartnerInvolved:
    organisation_id: int
    name: str
    kind: str
    introduced: bool
    in_activities: bool


@dataclass(frozen=True)
class FunderFigures:
    period: Period
    approached: int
    conversations: int
    agreements: int
    participating: int
    by_size: list[tuple[str, int]]  # SizeClass value ("" = not recorded), count
    by_section: list[tuple[str, int]]  # WZ 2008 section letter ("" = not recorded), count
    measures: list[MeasureDelivered]
    partners: list[PartnerInvolved] = field(default_factory=list)

    @property
    def deliveries(self) -> int:
        return sum(measure.deliveries for measure in self.measures)

    @property
    def participants(self) -> int:
        return sum(measure.participants for measure in self.measures)


# ---------------------------------------------------------------------------- history


@dataclass
class History:
    """What one approach's moves add up to, up to the period's end."""

    reached: dict[str, dt.datetime] = field(default_factory=dict)  # kind → first reached
    last_kind: str | None = None
    kinds_in_period: set[str] = field(default_factory=set)

    @property
    def declined(self) -> bool:
        return self.last_kind == StageKind.DECLINED


def histories(changes: Iterable[ChangeRow], *, period: Period) -> dict[int, History]:
    """Each approach's history up to the period's end (later moves are ignored)."""
    by_approach: dict[int, list[tuple[dt.datetime, str]]] = defaultdict(list)
    start, end = period.start, period.end
    for approach_id, kind, at in changes:
        if at.date() <= end:
            by_approach[approach_id].append((at, kind))
    result = {}
    index_of = _INDEX.get
    for approach_id, moves in by_approach.items():
        moves.sort(key=_FIRST)
        history, furthest = History(), -1
        reached, in_period = history.reached, history.kinds_in_period
        for at, kind in moves:
            index = index_of(kind)
            if index is not None and index > furthest:
                for earlier in _PROGRESS[furthest + 1 : index + 1]:
                    reached[earlier] = at
                furthest = index
            if at.date() >= start:
                in_period.add(kind)
        history.last_kind = moves[-1][1]
        result[approach_id] = history
    return result


def _days(history: History) -> int | None:
    agreed = history.reached.get(StageKind.AGREEMENT)
    if agreed is None:
        return None
    return (agreed.date() - history.reached[StageKind.APPROACHED].date()).days


def _conversion(key, members: list[History]) -> Conversion:
    approached = len(members)
    conversations = sum(StageKind.CONVERSATION in h.reached for h in members)
    agreements = sum(StageKind.AGREEMENT in h.reached for h in members)
    days = sorted(d for d in map(_days, members) if d is not None)
    return Conversion(
        key=key,
        approached=approached,
        conversations=Rate(conversations, approached),
        agreements=Rate(agreements, approached),
        declined=Rate(sum(h.declined for h in members), approached),
        time_to_agreement=Duration(tuple(days)),
    )


def _first_approached_in(history: History, period: Period) -> bool:
    approached = history.reached.get(StageKind.APPROACHED)
    return approached is not None and approached.date() in period


# ---------------------------------------------------------------------------- figures


def acquisition_figures(
    *, approaches: Iterable[ApproachRow], changes: Iterable[ChangeRow], period: Period
) -> AcquisitionFigures:
    """Conversion per channel and per staff member, the funnel and the months."""
    approaches = {row.id: row for row in approaches}
    stories = histories((c for c in changes if c.approach_id in approaches), period=period)
    cohort = [
        (approaches[approach_id], history)
        for approach_id, history in stories.items()
        if _first_approached_in(history, period)
    ]
    everyone = [history for _row, history in cohort]

    by_channel: dict[str, list[History]] = defaultdict(list)
    by_owner: dict[int | None, list[History]] = defaultdict(list)
    for row, history in cohort:
        by_channel[row.channel].append(history)
        by_owner[row.owner_id].append(history)

    funnel, previous = [], len(everyone)
    for kind in FUNNEL_KINDS:
        reached = sum(kind in history.reached for history in everyone)
        funnel.append(
            FunnelStep(
                kind=kind,
                reached=reached,
                of_previous=Rate(reached, previous),
                of_approached=Rate(reached, len(everyone)),
            )
        )
        previous = reached

    return AcquisitionFigures(
        period=period,
        total=_conversion(None, everyone),
        channels=[_conversion(channel.value, by_channel[channel.value]) for channel in Channel],
        owners=[_conversion(owner, members) for owner, members in by_owner.items()],
        funnel=funnel,
        months=_months(approaches, stories, period),
    )


def _months(
    approaches: dict[int, ApproachRow], stories: dict[int, History], period: Period
) -> list[Month]:
    counts: dict[tuple[dt.date, str], int] = Counter()

    def count(moment: dt.datetime | None, what: str) -> None:
        if moment is not None and moment.date() in period:
            counts[moment.date().replace(day=1), what] += 1

    for approach_id, row in approaches.items():
        count(row.created_at, "added")
        history = stories.get(approach_id)
        if history is not None:
            count(history.reached.get(StageKind.APPROACHED), "approached")
            count(history.reached.get(StageKind.CONVERSATION), "conversations")
            count(history.reached.get(StageKind.AGREEMENT), "agreements")
    return [
        Month(
            month=month,
            added=counts[month, "added"],
            approached=counts[month, "approached"],
            conversations=counts[month, "conversations"],
            agreements=counts[month, "agreements"],
        )
        for month in period.months()
    ]


def funder_figures(
    *,
    approaches: Iterable[ApproachRow],
    changes: Iterable[ChangeRow],
    period: Period,
    deliveries: Iterable[Delivery] = (),
    partner_links: Iterable[PartnerLink] = (),
) -> FunderFigures:
    """The figures a funder asks for: counts of companies and measures, no persons."""
    approaches = {row.id: row for row in approaches}
    stories = histories((c for c in changes if c.approach_id in approaches), period=period)

    def first_in_period(kind: str) -> int:
        return sum(
            history.reached.get(kind) is not None and history.reached[kind].date() in period
            for history in stories.values()
        )

    participating = [
        approaches[approach_id]
        for approach_id, history in stories.items()
        if history.kinds_in_period & PARTICIPATING_KINDS
    ]
    sizes = Counter(_size_class(row.employee_count) for row in participating)
    sections = Counter(_section(row.sector) for row in participating)
    return FunderFigures(
        period=period,
        approached=first_in_period(StageKind.APPROACHED),
        conversations=first_in_period(StageKind.CONVERSATION),
        agreements=first_in_period(StageKind.AGREEMENT),
        participating=len(participating),
        by_size=[(key, sizes[key]) for key in [*(s.value for s in SizeClass), ""] if sizes[key]],
        by_section=sorted(sections.items(), key=lambda item: (item[0] == "", item[0])),
        measures=_measures(deliveries),
        partners=_partners(partner_links),
    )


def _size_class(employees: int | None) -> str:
    size_class = SizeClass.for_employees(employees)
    return size_class.value if size_class else ""


def _section(sector: str) -> str:
    entry = wz2008.get(sector) if sector else None
    return entry.section if entry else ""


def _measures(deliveries: Iterable[Delivery]) -> list[MeasureDelivered]:
    grouped: dict[int, list[Delivery]] = defaultdict(list)
    for delivery in deliveries:
        grouped[delivery.measure_id].append(delivery)
    measures = [
        MeasureDelivered(
            measure_id=measure_id,
            name=rows[0].measure_name,
            deliveries=len(rows),
            participants=sum(row.participants or 0 for row in rows),
            without_participants=sum(row.participants is None for row in rows),
        )
        for measure_id, rows in grouped.items()
    ]
    return sorted(measures, key=lambda measure: (-measure.deliveries, measure.name.casefold()))


def _partners(links: Iterable[PartnerLink]) -> list[PartnerInvolved]:
    found: dict[int, dict] = {}
    for link in links:
        entry = found.setdefault(
            link.organisation_id,
            {"name": link.name, "kind": link.kind, "introduced": False, "in_activities": False},
        )
        entry["introduced" if link.source == "introduction" else "in_activities"] = True
    partners = [PartnerInvolved(organisation_id=pk, **entry) for pk, entry in found.items()]
    return sorted(partners, key=lambda partner: (partner.name.casefold(), partner.organisation_id))
