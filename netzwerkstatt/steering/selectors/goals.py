"""Reads of a network's goals, with their indicators computed live.

`network_facts` loads what the indicators need in a handful of `values_list`
queries — only for the kinds the goals use — and `steering/indicators.py` computes
from it. Current members are those who joined by today (or without a date) and have
not left; guests do not count as members.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.contacts.models import Function
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.health import months_before
from netzwerkstatt.network.selectors import team_person_ids

from .. import indicators
from ..enums import IndicatorKind, MemberRole
from ..indicators import MemberRow, NetworkFacts, OrganisationFacts, Progress, Status
from ..models import (
    Goal,
    Meeting,
    Network,
    NetworkMember,
    NetworkTopic,
    ProgressEntry,
    TopicInterest,
)


def goals_network_get(*, scope: Scope, pk) -> Network:
    """The network whose goals are shown; Http404 outside the scope."""
    return scope.get(Network, pk=pk)


def _entries() -> Prefetch:
    return Prefetch(
        "progress",
        queryset=ProgressEntry.objects.select_related("recorded_by").order_by("recorded_on", "id"),
    )


def goal_list(*, scope: Scope, network: Network) -> QuerySet[Goal]:
    """The network's goals by target date, with their progress entries (oldest first)."""
    return (
        scope.objects(Goal)
        .filter(network=network)
        .prefetch_related(_entries())
        .order_by("target_date", "id")
    )


def goal_get(*, scope: Scope, pk) -> Goal:
    """The goal with its network and progress entries; Http404 outside the scope."""
    try:
        return scope.objects(Goal).select_related("network").prefetch_related(_entries()).get(pk=pk)
    except (Goal.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Goal._meta.verbose_name) from error


def progress_entry_get(*, scope: Scope, pk) -> ProgressEntry:
    return scope.get(ProgressEntry, pk=pk)


def current_members(*, scope: Scope, network: Network, today: dt.date) -> QuerySet[NetworkMember]:
    return (
        scope.objects(NetworkMember)
        .filter(network=network)
        .exclude(role=MemberRole.GUEST)
        .filter(Q(joined_on__isnull=True) | Q(joined_on__lte=today))
        .filter(Q(left_on__isnull=True) | Q(left_on__gt=today))
    )


def member_districts(*, scope: Scope, network: Network) -> list[str]:
    """The districts of the network's member organisations, to suggest in the goal form."""
    return list(
        scope.objects(NetworkMember)
        .filter(network=network, organisation__isnull=False)
        .exclude(organisation__district="")
        .order_by("organisation__district")
        .values_list("organisation__district", flat=True)
        .distinct()
    )


def network_facts(
    *, scope: Scope, network: Network, kinds: Iterable[str], today: dt.date
) -> NetworkFacts:
    """What the live indicators of these kinds need, in a few queries (none for unused kinds)."""
    kinds = set(kinds)
    organisations: tuple = ()
    topics: tuple = ()
    interests: tuple = ()
    staff: frozenset = frozenset()
    attendance: tuple = ()
    if IndicatorKind.MEMBER_ORGANISATIONS in kinds:
        organisations = tuple(
            OrganisationFacts(*row)
            for row in current_members(scope=scope, network=network, today=today)
            .filter(organisation__isnull=False)
            .values_list(
                "organisation__kind",
                "organisation__sector",
                "organisation__district",
                "organisation__employee_count",
            )
        )
    if IndicatorKind.TOPIC_COVERAGE in kinds:
        members = [
            MemberRow(*row)
            for row in current_members(scope=scope, network=network, today=today).values_list(
                "id", "person_id", "organisation_id"
            )
        ]
        topics = tuple(
            scope.objects(NetworkTopic).filter(network=network).values_list("id", flat=True)
        )
        current = {member.id for member in members}
        interests = tuple(
            row
            for row in scope.objects(TopicInterest)
            .filter(topic__network=network, level__gte=1)
            .values_list("topic_id", "member_id", "level")
            if row[1] in current
        )
        team = team_person_ids(scope=scope, on=today)
        staff = indicators.staff_members(
            members,
            team_persons=team,
            employers=_employers(
                scope, team | {m.person_id for m in members if m.person_id}, today
            ),
        )
    if IndicatorKind.MEETING_ATTENDANCE in kinds:
        attendance = tuple(
            scope.objects(Meeting)
            .filter(
                network=network,
                held_on__gt=months_before(today, indicators.ATTENDANCE_MONTHS),
                held_on__lte=today,
            )
            .annotate(attendees_count=Count("attendees"))
            .values_list("attendees_count", flat=True)
        )
    return NetworkFacts(
        organisations=organisations,
        topics=topics,
        interests=interests,
        staff_members=staff,
        attendance=attendance,
    )


def _employers(scope: Scope, persons: set[int], today: dt.date) -> dict[int, set[int]]:
    """Person → the organisations where they currently work (one query)."""
    employers: dict[int, set[int]] = defaultdict(set)
    if not persons:
        return employers
    for person, organisation in (
        scope.objects(Function)
        .filter(person_id__in=persons)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=today))
        .values_list("person_id", "organisation_id")
    ):
        employers[person].add(organisation)
    return employers


@dataclass(frozen=True)
class GoalProgress:
    """A goal with its entries (oldest first) and where it stands today."""

    goal: Goal
    entries: list[ProgressEntry]
    progress: Progress

    @property
    def is_live(self) -> bool:
        return self.goal.indicator != IndicatorKind.MANUAL

    @property
    def status_label(self) -> str:
        return str(STATUS_LABELS[self.progress.status])

    @property
    def parameters_text(self) -> str:
        return parameters_text(self.goal.indicator, self.goal.indicator_filter)


STATUS_LABELS = {
    Status.REACHED: gettext_lazy("reached"),
    Status.ON_TRACK: gettext_lazy("on track"),
    Status.BEHIND: gettext_lazy("behind schedule"),
    Status.MISSED: gettext_lazy("target date passed"),
    Status.NO_DATE: gettext_lazy("no target date"),
    Status.NOT_MEASURED: gettext_lazy("not measured yet"),
}


def parameters_text(kind: str, parameters: dict) -> str:
    """The indicator's parameters in words, e.g. "kind: Company, sector: 28"."""
    parts = []
    if kind == IndicatorKind.MEMBER_ORGANISATIONS:
        if parameters.get("kind"):
            parts.append(f"{_('kind')}: {OrganisationKind(parameters['kind']).label}")
        if parameters.get("sector"):
            parts.append(f"{_('sector')}: {_sector_text(parameters['sector'])}")
        if parameters.get("district"):
            parts.append(f"{_('district')}: {parameters['district']}")
        if parameters.get("size_class"):
            parts.append(f"{_('size class')}: {SizeClass(parameters['size_class']).label}")
    elif kind == IndicatorKind.TOPIC_COVERAGE:
        parts.append(
            _("at least %(count)d members outside the project staff per topic")
            % {"count": parameters.get("min_members", 1)}
        )
        if parameters.get("all_topics"):
            parts.append(_("target: every topic"))
    return ", ".join(str(part) for part in parts)


def _sector_text(code: str) -> str:
    entry = wz2008.get(code)
    return str(entry) if entry else code


def _manual_value(entries: list[ProgressEntry]) -> Decimal | None:
    """The newest entry's value (by date, then by recording order)."""
    for entry in reversed(entries):
        if entry.value is not None:
            return entry.value
    return None


def goal_progresses(
    *, scope: Scope, goals: list[Goal], facts: NetworkFacts, today: dt.date
) -> list[GoalProgress]:
    """Each goal (with `progress` prefetched) and where it stands."""
    result = []
    for goal in goals:
        entries = list(goal.progress.all())
        if goal.indicator == IndicatorKind.MANUAL:
            current = _manual_value(entries)
        else:
            current = indicators.current_value(
                goal_id=goal.pk,
                kind=goal.indicator,
                parameters=goal.indicator_filter,
                facts=facts,
            )
        target = indicators.effective_target(
            kind=goal.indicator,
            parameters=goal.indicator_filter,
            target=goal.target_value,
            facts=facts,
        )
        start = indicators.progress_start(
            created_on=timezone.localdate(goal.created_at),
            entries=[(entry.recorded_on, entry.value) for entry in entries],
        )
        result.append(
            GoalProgress(
                goal=goal,
                entries=entries,
                progress=indicators.progress(
                    current=current,
                    target=target,
                    start=start,
                    target_date=goal.target_date,
                    today=today,
                ),
            )
        )
    return result


def goal_progress_list(
    *, scope: Scope, network: Network, today: dt.date | None = None
) -> list[GoalProgress]:
    """The network's goals with their progress, computed live in a few queries."""
    today = today or timezone.localdate()
    goals = list(goal_list(scope=scope, network=network))
    facts = network_facts(
        scope=scope, network=network, kinds={goal.indicator for goal in goals}, today=today
    )
    return goal_progresses(scope=scope, goals=goals, facts=facts, today=today)


def goal_progress(*, scope: Scope, pk, today: dt.date | None = None) -> GoalProgress:
    """One goal with its entries and progress; Http404 outside the scope."""
    today = today or timezone.localdate()
    goal = goal_get(scope=scope, pk=pk)
    facts = network_facts(scope=scope, network=goal.network, kinds={goal.indicator}, today=today)
    return goal_progresses(scope=scope, goals=[goal], facts=facts, today=today)[0]


def goal_current_value(*, scope: Scope, goal: Goal, today: dt.date) -> Decimal | None:
    """A live indicator's value today (for snapshots)."""
    facts = network_facts(scope=scope, network=goal.network, kinds={goal.indicator}, today=today)
    return indicators.current_value(
        goal_id=goal.pk, kind=goal.indicator, parameters=goal.indicator_filter, facts=facts
    )
