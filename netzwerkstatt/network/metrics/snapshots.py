"""Snapshots: compute the metrics and health figures, store them, read them back.

A snapshot is current while its `graph_version` equals the graph's (the contacts
and network data versions and the day, see `loading.graph_version`) and it was
computed with the workspace's current settings. The newest snapshot of each month
is kept for the trend; older snapshots of the same month are deleted when a new
one is stored, and snapshots of past months are thinned to their figures (the
per-node values and the named lists are only needed while current, and a person
erased since must not live on in them).
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..analytics import DEFAULT_BETWEENNESS_SAMPLE, EXACT_BETWEENNESS_UP_TO, network_metrics
from ..graph import NetworkData
from ..health import network_health
from ..loading import graph_version, network_data
from ..models import MetricsSnapshot, NetworkSettings
from .steps import next_steps, ranked

# Betweenness is exact up to this many nodes; above it, estimated from sampled pivots.
BETWEENNESS_EXACT_UP_TO = EXACT_BETWEENNESS_UP_TO
# Above it, as many pivots as this budget of (nodes + edges) visits buys, but at least
# DEFAULT_BETWEENNESS_SAMPLE: about the work of the exact figure at 2,000 nodes.
BETWEENNESS_BUDGET = 20_000_000
# What a snapshot keeps of the metrics for the page.
TOP_BROKERS = 10
COMMUNITY_LIMIT = 20
COMMUNITY_TOP_MEMBERS = 5
# The per-node values, in the order a snapshot stores them (a list per node key).
NODE_FIELDS = ("degree", "weighted_degree", "betweenness", "clustering", "community")
PERMISSION = "view_network_health"


def betweenness_sample_size(*, nodes: int, edges: int) -> int | None:
    """How many pivots sampled betweenness uses: None (exact) for small graphs.

    Measured with bench/graphs.py: 256 pivots take about 1 s at 12,000 nodes /
    58,000 edges and 48 s at 120,000 nodes / 585,000 edges (the whole
    `network_metrics`), within the 3 s and 60 s the issue allows.
    """
    if nodes <= BETWEENNESS_EXACT_UP_TO:
        return None
    return min(nodes, max(DEFAULT_BETWEENNESS_SAMPLE, BETWEENNESS_BUDGET // (nodes + edges)))


# ------------------------------------------------------------------------------ reading


def network_settings(*, scope: Scope) -> NetworkSettings:
    """The workspace's settings, or the defaults (unsaved) if nobody has changed them."""
    return scope.objects(NetworkSettings).first() or NetworkSettings(workspace=scope.workspace)


def metrics_current(*, scope: Scope) -> MetricsSnapshot | None:
    """The newest snapshot (current or not), or None if none was computed yet."""
    return scope.objects(MetricsSnapshot).order_by("-computed_at", "-pk").first()


def metrics_is_stale(
    *,
    scope: Scope,
    snapshot: MetricsSnapshot | None = None,
    settings: NetworkSettings | None = None,
) -> bool:
    """True when there is no snapshot, or the graph or the settings have changed since.

    Pass the newest snapshot and the settings if you have them at hand.
    """
    snapshot = snapshot if snapshot is not None else metrics_current(scope=scope)
    if snapshot is None:
        return True
    if snapshot.graph_version != graph_version(scope=scope):
        return True
    settings = settings or network_settings(scope=scope)
    return snapshot.health.get("stale_after_months") != settings.stale_after_months


def metrics_summary(*, scope: Scope) -> MetricsSnapshot | None:
    """The newest snapshot without its per-node values, which pages do not need.

    Its `network`, `top_brokers` and `communities` are read from `metrics` as
    attributes; `metrics` itself is deferred (5 MB at 100,000 nodes).
    """
    return (
        scope.objects(MetricsSnapshot)
        .defer("metrics")
        .annotate(
            network=KeyTransform("network", "metrics"),
            top_brokers=KeyTransform("top_brokers", "metrics"),
            communities=KeyTransform("communities", "metrics"),
        )
        .order_by("-computed_at", "-pk")
        .first()
    )


def metrics_node_values(*, scope: Scope) -> dict[str, dict]:
    """Per node key its degree, weighted degree, betweenness, clustering and community.

    From the newest snapshot (empty if there is none); e.g. to size the map's nodes.
    """
    snapshot = metrics_current(scope=scope)
    stored = (snapshot.metrics if snapshot else {}).get("nodes") or {}
    fields = stored.get("fields", NODE_FIELDS)
    return {
        key: dict(zip(fields, values, strict=True))
        for key, values in stored.get("values", {}).items()
    }


@dataclass(frozen=True)
class TrendPoint:
    month: date
    figures: dict  # the health figures (see `health_figures`)
    network: dict  # the network-level metrics


def metrics_trend(*, scope: Scope, months: int = 12) -> list[TrendPoint]:
    """One point per month with a snapshot, oldest first, over the last `months` months."""
    since = _month_start(timezone.localdate(), back=months - 1)
    rows = (
        scope.objects(MetricsSnapshot)
        .filter(month__gte=since)
        .order_by("month", "computed_at")
        .values("month", "health__figures", "metrics__network")
    )
    points: dict[date, TrendPoint] = {}
    for row in rows:  # the newest of a month wins (there is one unless two ran at once)
        points[row["month"]] = TrendPoint(
            month=row["month"],
            figures=row["health__figures"] or {},
            network=row["metrics__network"] or {},
        )
    return list(points.values())


# --------------------------------------------------------------------------- settings


@transaction.atomic
def network_settings_update(*, scope: Scope, stale_after_months: int) -> NetworkSettings:
    """Change the workspace's health settings; the snapshot becomes stale."""
    if not scope.can("manage_workspace"):
        raise PermissionDenied("manage_workspace")
    settings = network_settings(scope=scope)
    if settings.pk is not None and settings.stale_after_months == stale_after_months:
        return settings
    created = settings.pk is None
    settings.stale_after_months = stale_after_months
    settings.full_clean()
    settings.save()
    activity_record(
        scope=scope,
        action=Action.CREATED if created else Action.UPDATED,
        target=settings,
        details={} if created else {"fields": ["stale_after_months"]},
    )
    return settings


# ---------------------------------------------------------------------------- computing


@dataclass
class MetricsResult:
    """What one computation produced, before it is stored."""

    graph_version: str
    data: NetworkData
    metrics: dict
    health: dict
    stale_after_months: int
    seconds: float
    betweenness_sample: int | None
    timings: dict = field(default_factory=dict)


def metrics_calculate(
    *, scope: Scope, progress: Callable[[str], None] | None = None
) -> MetricsResult:
    """Load the graph and compute its metrics and health figures; store nothing.

    Runs outside any transaction on purpose: a long transaction would block writers.
    The graph version is read before the graph, so data written meanwhile leaves the
    result stale and the next refresh recomputes it.
    """
    _require(scope)
    report = progress or (lambda _stage: None)
    started = time.perf_counter()
    version = graph_version(scope=scope)
    settings = network_settings(scope=scope)
    report("load")
    data = network_data(scope=scope)
    loaded = time.perf_counter()
    sample = betweenness_sample_size(nodes=len(data.nodes), edges=len(data.edges))
    report("metrics")
    metrics = network_metrics(data, betweenness_sample=sample, seed=0)
    measured = time.perf_counter()
    report("health")
    health = network_health(
        data, today=timezone.localdate(), stale_after_months=settings.stale_after_months
    )
    finished = time.perf_counter()
    return MetricsResult(
        graph_version=version,
        data=data,
        metrics=metrics,
        health=health,
        stale_after_months=settings.stale_after_months,
        seconds=finished - started,
        betweenness_sample=sample,
        timings={
            "load": loaded - started,
            "metrics": measured - loaded,
            "health": finished - measured,
        },
    )


@transaction.atomic
def metrics_snapshot_store(*, scope: Scope, result: MetricsResult) -> MetricsSnapshot:
    """Store the result as the workspace's newest snapshot, keeping one per month.

    Deletes the month's older snapshots and thins those of past months to their figures.
    """
    _require(scope)
    now = timezone.now()
    month = _month_start(timezone.localdate(now))
    snapshot = MetricsSnapshot(
        workspace=scope.workspace,
        computed_at=now,
        graph_version=result.graph_version,
        month=month,
        health=snapshot_health(result),
        metrics=snapshot_metrics(result),
        seconds=round(result.seconds, 3),
    )
    # The JSON fields are built here from plain numbers and strings; validating them
    # would serialise megabytes once more (0.7 s at 100,000 nodes) to learn nothing.
    snapshot.full_clean(exclude=["health", "metrics"])
    snapshot.save()
    scope.objects(MetricsSnapshot).filter(month=month).exclude(pk=snapshot.pk).delete()
    # Past months: their newest snapshot only (two ran at once, rarely), thinned.
    newest: dict[date, int] = {}
    for pk, past_month in (
        scope.objects(MetricsSnapshot)
        .filter(month__lt=month)
        .order_by("month", "-computed_at", "-pk")
        .values_list("pk", "month")
    ):
        newest.setdefault(past_month, pk)
    scope.objects(MetricsSnapshot).filter(month__lt=month).exclude(pk__in=newest.values()).delete()
    for old in scope.objects(MetricsSnapshot).filter(month__lt=month, metrics__has_key="nodes"):
        old.metrics = _thinned_metrics(old.metrics)
        old.health = _thinned_health(old.health)
        old.save(update_fields=["metrics", "health"])
    return snapshot


def metrics_compute(
    *, scope: Scope, progress: Callable[[str], None] | None = None
) -> MetricsSnapshot:
    """Compute the metrics and health figures now and store them as the newest snapshot."""
    return metrics_snapshot_store(
        scope=scope, result=metrics_calculate(scope=scope, progress=progress)
    )


# ------------------------------------------------------------------ snapshot contents


def health_figures(health: dict) -> dict:
    """The numbers of a `network_health` result, which the trend compares month by month."""
    return {
        "nodes": health["nodes"],
        "team_members": health["team_members"],
        "team_dependency": health["team_dependency"]["share"],
        "team_dependency_members": health["team_dependency"]["members"],
        "cut_off": len(health["team_dependency"]["cut_off"]),
        "ties_only_via_team": health["ties_only_via_team"]["count"],
        "ties_only_via_team_share": health["ties_only_via_team"]["share"],
        "brokers": health["brokers"]["count"],
        "team_brokers": health["brokers"]["team"],
        "stale_ties": health["stale_ties"]["count"],
        "stale_ties_share": health["stale_ties"]["share"],
        "stale_ties_unknown": health["stale_ties"]["unknown"],
        "isolates": health["isolates"]["count"],
        "isolates_share": health["isolates"]["share"],
    }


def network_figures(network: dict) -> dict:
    """The network-level metrics without their member lists."""
    return {
        "nodes": network["nodes"],
        "edges": network["edges"],
        "density": network["density"],
        "components": network["components"],
        "largest_component": network["largest_component"],
        "isolates": len(network["isolates"]),
        "communities": len(network["communities"]),
        "modularity": network["modularity"],
        "betweenness": network["betweenness"],
    }


def snapshot_health(result: MetricsResult) -> dict:
    """What a snapshot stores of the health: the figures and the first names of each list."""
    return {
        "stale_after_months": result.stale_after_months,
        "figures": health_figures(result.health),
        "next_steps": next_steps(result.data, result.metrics, result.health),
    }


def snapshot_metrics(result: MetricsResult) -> dict:
    """What a snapshot stores of the metrics: network figures, top brokers, communities, nodes."""
    nodes = result.metrics["nodes"]
    team = {node.key for node in result.data.nodes if node.team}
    brokers = sorted(
        (key for key, values in nodes.items() if values["betweenness"] > 0),
        key=lambda key: (-nodes[key]["betweenness"], key),
    )[:TOP_BROKERS]
    communities = [
        {
            "number": number,
            "size": len(members),
            "members": ranked(members, nodes)[:COMMUNITY_TOP_MEMBERS],
        }
        for number, members in enumerate(result.metrics["network"]["communities"])
        if len(members) > 1
    ][:COMMUNITY_LIMIT]
    return {
        "network": network_figures(result.metrics["network"]),
        "top_brokers": [
            {
                "key": key,
                "betweenness": nodes[key]["betweenness"],
                "degree": nodes[key]["degree"],
                "team": key in team,
            }
            for key in brokers
        ],
        "communities": communities,
        "nodes": {
            "fields": list(NODE_FIELDS),
            "values": {
                key: [
                    values["degree"],
                    values["weighted_degree"],
                    round(values["betweenness"], 8),
                    round(values["clustering"], 4),
                    values["community"],
                ]
                for key, values in nodes.items()
            },
        },
    }


def _thinned_metrics(metrics: dict) -> dict:
    return {"network": metrics.get("network", {})}


def _thinned_health(health: dict) -> dict:
    return {key: health[key] for key in ("stale_after_months", "figures") if key in health}


# ------------------------------------------------------------------------------ helpers


def _require(scope: Scope) -> None:
    if not scope.can(PERMISSION):
        raise PermissionDenied(PERMISSION)


def _month_start(day: date, *, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)
