"""The steering dashboard of one network: goals, attendance, activity and health.

Health reuses the network app's computation (`network/health.py`) on a subgraph of
the cached relationship graph (`loading.cached_graph`, filtered with numpy as the
map does): the network's current member organisations and member persons, the
persons who currently work at a member organisation (their employment edges are in
the graph), and the current team persons with a tie into that set. The figures are
then about this network only: how much of it hangs on the team, which members have
no tie outside the team, and which ties among its members went stale.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass

import numpy as np
from django.db.models import Count
from django.utils import timezone

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import NodeType
from netzwerkstatt.network.graph import NetworkData, node_key
from netzwerkstatt.network.graphview import GraphArrays
from netzwerkstatt.network.health import months_before, network_health
from netzwerkstatt.network.loading import cached_graph
from netzwerkstatt.network.metrics.snapshots import network_settings

from ..enums import ActionStatus
from ..models import ActionItem, Meeting, Network
from .goals import current_members, goal_progress_list

ATTENDANCE_MEETINGS = 24  # the newest meetings in the attendance trend
ACTIVITY_MONTHS = 12


@dataclass(frozen=True)
class MonthActivity:
    month: dt.date  # the first of the month
    meetings: int
    closed: int


@dataclass(frozen=True)
class MeetingAttendance:
    pk: int
    title: str
    held_on: dt.date
    attendees: int


def attendance_trend(*, scope: Scope, network: Network, today: dt.date) -> list[MeetingAttendance]:
    """Attendees per meeting held by today, the newest ATTENDANCE_MEETINGS, oldest first."""
    rows = (
        scope.objects(Meeting)
        .filter(network=network, held_on__lte=today)
        .annotate(attendees_count=Count("attendees"))
        .order_by("-held_on", "-id")
        .values_list("pk", "title", "held_on", "attendees_count")[:ATTENDANCE_MEETINGS]
    )
    return [MeetingAttendance(*row) for row in reversed(rows)]


def month_starts(today: dt.date, months: int) -> list[dt.date]:
    """The first days of the last `months` months, the current one last."""
    first = today.replace(day=1)
    return [months_before(first, back) for back in range(months - 1, -1, -1)]


def monthly_activity(*, scope: Scope, network: Network, today: dt.date) -> list[MonthActivity]:
    """Meetings held and action items closed (done) per month of the last year."""
    months = month_starts(today, ACTIVITY_MONTHS)
    held = Counter(
        day.replace(day=1)
        for day in scope.objects(Meeting)
        .filter(network=network, held_on__gte=months[0], held_on__lte=today)
        .values_list("held_on", flat=True)
    )
    start = timezone.make_aware(dt.datetime.combine(months[0], dt.time.min))
    closed = Counter(
        timezone.localdate(done_at).replace(day=1)
        for done_at in scope.objects(ActionItem)
        .filter(network=network, status=ActionStatus.DONE, done_at__gte=start)
        .values_list("done_at", flat=True)
    )
    return [MonthActivity(month, held[month], closed[month]) for month in months]


@dataclass(frozen=True)
class NetworkHealth:
    """The network app's health figures on this network's part of the graph."""

    figures: dict  # network_health's result
    members: int  # persons and organisations of the network in the graph (not the team)
    team: int
    labels: dict[str, str]  # node key → name, for the lists

    def names(self, keys) -> list[tuple[str, str]]:
        return [(key, self.labels.get(key, key)) for key in keys]


def network_subgraph(*, scope: Scope, network: Network, today: dt.date) -> NetworkData:
    """The part of the cached graph that belongs to the network (see the module docstring)."""
    graph = cached_graph(scope=scope)
    arrays = graph.derived("graph_arrays", lambda cached: GraphArrays(cached.data))
    index = arrays.index
    member_rows = current_members(scope=scope, network=network, today=today).values_list(
        "person_id", "organisation_id"
    )
    selected = np.zeros(len(arrays.keys), bool)
    organisations = np.zeros(len(arrays.keys), bool)
    for person, organisation in member_rows:
        key = (
            node_key(NodeType.PERSON.value, person)
            if person
            else node_key(NodeType.ORGANISATION.value, organisation)
        )
        position = index.get(key)
        if position is not None:
            selected[position] = True
            organisations[position] = organisation is not None
    employment = arrays.kind == arrays.kinds.get("employment", -1)
    # persons working at a member organisation
    selected[arrays.source[employment & organisations[arrays.target]]] = True
    team = np.fromiter((node.team for node in arrays.data.nodes), bool, len(arrays.keys))
    touching = selected[arrays.source] | selected[arrays.target]
    selected[arrays.source[touching & team[arrays.source]]] = True
    selected[arrays.target[touching & team[arrays.target]]] = True
    keep = selected[arrays.source] & selected[arrays.target]
    nodes = arrays.data.nodes
    edges = arrays.data.edges
    return NetworkData(
        nodes=[nodes[i] for i in np.flatnonzero(selected).tolist()],
        edges=[edges[i] for i in np.flatnonzero(keep).tolist()],
    )


def network_health_figures(*, scope: Scope, network: Network, today: dt.date) -> NetworkHealth:
    data = network_subgraph(scope=scope, network=network, today=today)
    settings = network_settings(scope=scope)
    figures = network_health(data, today=today, stale_after_months=settings.stale_after_months)
    team = sum(node.team for node in data.nodes)
    return NetworkHealth(
        figures=figures,
        members=len(data.nodes) - team,
        team=team,
        labels={node.key: node.label for node in data.nodes},
    )


@dataclass(frozen=True)
class Dashboard:
    goals: list
    attendance: list[MeetingAttendance]
    activity: list[MonthActivity]
    health: NetworkHealth


def network_dashboard(*, scope: Scope, network: Network, today: dt.date | None = None) -> Dashboard:
    today = today or timezone.localdate()
    return Dashboard(
        goals=goal_progress_list(scope=scope, network=network, today=today),
        attendance=attendance_trend(scope=scope, network=network, today=today),
        activity=monthly_activity(scope=scope, network=network, today=today),
        health=network_health_figures(scope=scope, network=network, today=today),
    )
