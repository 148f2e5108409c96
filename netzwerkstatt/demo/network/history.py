"""A year of the network's health: one metrics snapshot for each of the twelve months before
the demo's reference month, so that the "Netzwerk-Gesundheit" page shows a trend at once.

Each month's figures are computed from the demo graph as it stood at the month's
end (`network_as_of`): the ties and functions that had begun by then, the team
of that day, and last contacts no later than that day. A tie in contact after
the month's end counts as in contact at its end: the demo knows only a tie's
last contact, not the ones before it, and a tie that was in touch later was in
touch then, too. The figures and their format are the metrics package's
(`snapshot_health`, `snapshot_metrics`); the current month's snapshot is
computed and stored by it (`metrics_compute`), which also thins the past
months' snapshots as it does for any other.
"""

import dataclasses
import time
from datetime import date, datetime
from datetime import time as clock

from django.utils import timezone

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.network.analytics import network_metrics
from netzwerkstatt.network.graph import EMPLOYMENT, NetworkData
from netzwerkstatt.network.health import network_health
from netzwerkstatt.network.loading import network_data
from netzwerkstatt.network.metrics import (
    MetricsResult,
    betweenness_sample_size,
    metrics_compute,
    network_settings,
)
from netzwerkstatt.network.metrics.snapshots import snapshot_health, snapshot_metrics
from netzwerkstatt.network.models import MetricsSnapshot

MONTHS = 12
COMPUTED_AT = clock(23, 0)  # snapshots of past months: computed on the evening of their last day


def history_months(*, reference: date = REFERENCE_DATE, months: int = MONTHS) -> list[date]:
    """The first days of the `months` months before the reference date's month, oldest first."""
    index = reference.year * 12 + reference.month - 1
    return [date(i // 12, i % 12 + 1, 1) for i in range(index - months, index)]


def month_end(month: date) -> date:
    following = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def network_as_of(data: NetworkData, day: date) -> NetworkData:
    """The graph as it stood at the end of `day`: see the module docstring."""
    edges = []
    for edge in data.edges:
        if edge.since is not None and edge.since > day:
            continue
        if edge.kind != EMPLOYMENT and edge.last_contact is not None and edge.last_contact > day:
            edge = dataclasses.replace(edge, last_contact=day)  # noqa: PLW2901
        edges.append(edge)
    return NetworkData(nodes=data.nodes, edges=edges)


def month_result(*, scope: Scope, month: date, stale_after_months: int) -> MetricsResult:
    """The metrics and health figures of the graph at the month's end."""
    started = time.perf_counter()
    end = month_end(month)
    data = network_as_of(network_data(scope=scope, today=end), end)
    sample = betweenness_sample_size(nodes=len(data.nodes), edges=len(data.edges))
    metrics = network_metrics(data, betweenness_sample=sample, seed=0)
    health = network_health(data, today=end, stale_after_months=stale_after_months)
    return MetricsResult(
        graph_version=f"demo-history:{month:%Y-%m}",  # never current: the graph has moved on
        data=data,
        metrics=metrics,
        health=health,
        stale_after_months=stale_after_months,
        seconds=time.perf_counter() - started,
        betweenness_sample=sample,
    )


def health_history_store(*, scope: Scope, months: int = MONTHS) -> list[MetricsSnapshot]:
    """Store a snapshot for each past month, then compute the current one (see the docstring)."""
    stale_after_months = network_settings(scope=scope).stale_after_months
    snapshots = []
    for month in history_months(months=months):
        result = month_result(scope=scope, month=month, stale_after_months=stale_after_months)
        snapshot = MetricsSnapshot(
            workspace=scope.workspace,
            computed_at=timezone.make_aware(datetime.combine(month_end(month), COMPUTED_AT)),
            graph_version=result.graph_version,
            month=month,
            health=snapshot_health(result),
            metrics=snapshot_metrics(result),
            seconds=round(result.seconds, 3),
        )
        snapshot.full_clean()
        snapshots.append(snapshot)
    MetricsSnapshot.objects.bulk_create(snapshots)
    metrics_compute(scope=scope)
    return snapshots
