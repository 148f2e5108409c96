"""Network metrics and health figures as stored snapshots, computed off the request path.

Computing the metrics of a large workspace takes seconds to a minute, so pages
never compute them: they show the newest `MetricsSnapshot` and, when it is stale,
start `metrics_refresh_in_background`. Operators can also compute them from cron
(`netzwerkstatt network-metrics --workspace SLUG`).

A snapshot is current while its `graph_version` equals the graph's (the contacts
and network data versions and the day, see `loading.graph_version`) and it was
computed with the workspace's current settings. The newest snapshot of each month
is kept for the trend; older snapshots of the same month are deleted when a new
one is stored, and snapshots of past months are thinned to their figures (the
per-node values and the named lists are only needed while current, and a person
erased since must not live on in them).

Only one computation per workspace runs at a time, across processes and servers:
the guard is a row in the database (`DataVersion` with topic LOCK_TOPIC) whose
version holds the time the lock was taken, in milliseconds, or 0 when free. A lock
older than LOCK_EXPIRES counts as free, so a process that died does not block the
workspace for good.
"""

import itertools
import logging
import math
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.exceptions import PermissionDenied
from django.db import DatabaseError, connection, transaction
from django.db.models.fields.json import KeyTransform
from django.utils import timezone

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import DataVersion, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from .analytics import (
    DEFAULT_BETWEENNESS_SAMPLE,
    EXACT_BETWEENNESS_UP_TO,
    SimpleGraph,
    network_metrics,
)
from .enums import NodeType
from .graph import NetworkData, node_key
from .health import network_health
from .loading import graph_version, network_data
from .models import MetricsSnapshot, NetworkSettings, Tie

logger = logging.getLogger(__name__)

LOCK_TOPIC = "network-metrics-lock"
# Longer than the largest computation (about a minute at 100,000 persons / 500,000 ties).
LOCK_EXPIRES = timedelta(minutes=15)
# Betweenness is exact up to this many nodes; above it, estimated from sampled pivots.
BETWEENNESS_EXACT_UP_TO = EXACT_BETWEENNESS_UP_TO
# Above it, as many pivots as this budget of (nodes + edges) visits buys, but at least
# DEFAULT_BETWEENNESS_SAMPLE: about the work of the exact figure at 2,000 nodes.
BETWEENNESS_BUDGET = 20_000_000
# What a snapshot keeps of each named list, and the page's lists and tables.
LIST_LIMIT = 50
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


def metrics_is_running(*, workspace: Workspace) -> bool:
    """True while some process holds the workspace's computation lock."""
    taken = (
        DataVersion.objects.filter(workspace=workspace, topic=LOCK_TOPIC)
        .values_list("version", flat=True)
        .first()
    )
    return bool(taken) and taken > _now_ms() - _expires_ms()


# ------------------------------------------------------------------- the health page

# How many entries of each list the health page shows.
PAGE_LIST = 10


@dataclass(frozen=True)
class NodeLink:
    key: str
    label: str
    url: str


@dataclass
class HealthReport:
    """The named lists of a snapshot, resolved to the current names and pages.

    Entries whose person or organisation no longer exists are left out.
    """

    introductions: list[dict]  # node, via, to (NodeLink or None), only_team
    brokers: list[dict]  # node, team, cut_off, pairs [(NodeLink, NodeLink)]
    stale_ties: list[Tie]
    isolates: list[NodeLink]
    top_brokers: list[dict]  # node, betweenness, degree, team
    communities: list[dict]  # number, size, members [NodeLink]


def node_links(*, scope: Scope, keys: Iterable[str | None]) -> dict[str, NodeLink]:
    """Node key → name and page, with one query per node type."""
    wanted: dict[str, set[int]] = {NodeType.PERSON: set(), NodeType.ORGANISATION: set()}
    for key in keys:
        node_type, _colon, pk = (key or "").partition(":")
        if node_type in wanted and pk.isdigit():
            wanted[node_type].add(int(pk))
    links = {}
    if wanted[NodeType.PERSON]:
        for person in (
            scope.objects(Person)
            .filter(pk__in=wanted[NodeType.PERSON])
            .only("pk", "title", "first_name", "last_name")
        ):
            key = node_key(NodeType.PERSON, person.pk)
            links[key] = NodeLink(key, person.full_name, person.get_absolute_url())
    if wanted[NodeType.ORGANISATION]:
        for organisation in (
            scope.objects(Organisation)
            .filter(pk__in=wanted[NodeType.ORGANISATION])
            .only("pk", "name")
        ):
            key = node_key(NodeType.ORGANISATION, organisation.pk)
            links[key] = NodeLink(key, organisation.name, organisation.get_absolute_url())
    return links


def health_report(
    *, scope: Scope, snapshot: MetricsSnapshot, limit: int = PAGE_LIST
) -> HealthReport:
    """The first `limit` entries of each of the snapshot's lists, named (three queries)."""
    steps = snapshot.health.get("next_steps", {})
    introductions = steps.get("introductions", [])[:limit]
    brokers = steps.get("brokers", [])[:limit]
    isolates = steps.get("isolates", [])[:limit]
    top_brokers = (getattr(snapshot, "top_brokers", None) or [])[:limit]
    communities = (getattr(snapshot, "communities", None) or [])[:limit]
    links = node_links(
        scope=scope,
        keys=itertools.chain(
            *([step["key"], step["via"], step["to"]] for step in introductions),
            *([step["key"], *itertools.chain(*step["pairs"])] for step in brokers),
            isolates,
            (broker["key"] for broker in top_brokers),
            *(community["members"] for community in communities),
        ),
    )
    tie_ids = steps.get("stale_ties", [])[:limit]
    ties = (
        scope.objects(Tie)
        .filter(pk__in=tie_ids)
        .select_related(
            "source_person", "source_organisation", "target_person", "target_organisation"
        )
    )
    order = {pk: position for position, pk in enumerate(tie_ids)}
    return HealthReport(
        introductions=[
            {
                "node": links[step["key"]],
                "via": links.get(step["via"]),
                "to": links.get(step["to"]),
                "only_team": step["only_team"],
            }
            for step in introductions
            if step["key"] in links
        ],
        brokers=[
            {
                "node": links[step["key"]],
                "team": step["team"],
                "cut_off": step["cut_off"],
                "pairs": [
                    (links[first], links[second])
                    for first, second in step["pairs"]
                    if first in links and second in links
                ],
            }
            for step in brokers
            if step["key"] in links
        ],
        stale_ties=sorted(ties, key=lambda tie: order[tie.pk]),
        isolates=[links[key] for key in isolates if key in links],
        top_brokers=[
            {**broker, "node": links[broker["key"]]}
            for broker in top_brokers
            if broker["key"] in links
        ],
        communities=[
            {
                **community,
                "members": [links[key] for key in community["members"] if key in links],
            }
            for community in communities
        ],
    )


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
    snapshot.full_clean()
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


# ------------------------------------------------------------------ in the background


def metrics_refresh_in_background(*, workspace: Workspace) -> bool:
    """Start recomputing in a background thread if stale and nobody computes already.

    Returns whether a computation was started. Never raises: a failure to start
    is logged, and the page shows the older snapshot. The thread starts once the
    lock is committed (`on_commit`); it computes, releases the lock and closes
    its database connection (`metrics_refresh_run`).
    """
    try:
        scope = Scope.system(workspace)
        if not metrics_is_stale(scope=scope):
            return False
        token = metrics_lock_acquire(workspace=workspace)
        if token is None:
            return False
        transaction.on_commit(lambda: _thread_start(workspace_id=workspace.pk, token=token))
    except DatabaseError:
        logger.exception("Could not start the network metrics of workspace %s", workspace.pk)
        return False
    return True


def metrics_refresh_run(*, workspace_id: int, token: int) -> MetricsSnapshot | None:
    """What the background thread runs: compute and store, then release the lock.

    Catches every error (the thread has nobody to report to but the log). Closes
    the thread's database connection at the end unless a caller's transaction is
    using it (as in tests, which run this function directly).
    """
    snapshot = None
    try:
        workspace = Workspace.objects.get(pk=workspace_id)
        snapshot = metrics_compute(scope=Scope.system(workspace))
    except Exception:
        logger.exception("Computing the network metrics of workspace %s failed", workspace_id)
    finally:
        try:
            metrics_lock_release(workspace_id=workspace_id, token=token)
        except DatabaseError:
            logger.exception("Could not release the metrics lock of workspace %s", workspace_id)
        if not connection.in_atomic_block:
            connection.close()
    return snapshot


def _thread_start(*, workspace_id: int, token: int) -> None:
    threading.Thread(
        target=metrics_refresh_run,
        kwargs={"workspace_id": workspace_id, "token": token},
        name=f"network-metrics-{workspace_id}",
        daemon=True,
    ).start()


def metrics_lock_acquire(*, workspace: Workspace) -> int | None:
    """Take the workspace's computation lock; its token, or None if someone holds it.

    One conditional UPDATE decides: of two processes trying at once, the database
    lets one change the row, and the other finds the condition no longer true.
    """
    DataVersion.objects.get_or_create(
        workspace=workspace, topic=LOCK_TOPIC, defaults={"version": 0}
    )
    token = _now_ms()
    taken = DataVersion.objects.filter(
        workspace=workspace, topic=LOCK_TOPIC, version__lte=token - _expires_ms()
    ).update(version=token)
    return token if taken else None


def metrics_lock_release(*, workspace_id: int, token: int) -> None:
    """Free the lock if it is still ours (it may have expired and been taken by another)."""
    DataVersion.objects.filter(workspace_id=workspace_id, topic=LOCK_TOPIC, version=token).update(
        version=0
    )


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
            "members": _ranked(members, nodes)[:COMMUNITY_TOP_MEMBERS],
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


def _rank(key: str, nodes: dict) -> tuple:
    """Sorts by falling weighted degree, then degree, then key: the best-connected first."""
    return (-nodes[key]["weighted_degree"], -nodes[key]["degree"], key)


def _ranked(keys, nodes: dict) -> list[str]:
    return sorted(keys, key=lambda key: _rank(key, nodes))


# ------------------------------------------------------------------ what to do next


def next_steps(data: NetworkData, metrics: dict, health: dict, *, limit: int = LIST_LIMIT) -> dict:
    """Concrete suggestions from the health lists, as node keys and tie ids (no ORM).

    - introductions: members cut off without the team, the best-connected first,
      each with the team member they hang on (`via`, the strongest such tie) and
      a partner to introduce them to (`to`): a contact of that team member who
      stays connected without the team, preferably from the same community, the
      best-connected first;
    - brokers: articulation points, those whose loss cuts off most first, each
      with pairs of their contacts in parts that their loss would separate (the
      best-connected contact of each part, the largest part first) to introduce
      to each other;
    - stale_ties: tie ids, unknown last contact first, then the oldest;
    - isolates: nodes without any tie.
    """
    nodes = metrics["nodes"]
    cut_off = health["team_dependency"]["cut_off"]
    brokers = health["brokers"]["nodes"][:limit]
    simple = SimpleGraph(data) if cut_off or brokers else None
    return {
        "introductions": _introductions(simple, nodes, health, limit=limit) if cut_off else [],
        "only_via_team": health["ties_only_via_team"]["nodes"][:limit],
        "brokers": _broker_pairs(simple, nodes, brokers) if brokers else [],
        "stale_ties": health["stale_ties"]["tie_ids"][:limit],
        "isolates": health["isolates"]["nodes"][:limit],
    }


def _introductions(simple: SimpleGraph, nodes: dict, health: dict, *, limit: int) -> list[dict]:
    graph, keys, team = simple.graph, simple.keys, simple.team
    index = {key: i for i, key in enumerate(keys)}
    cut_off = set(health["team_dependency"]["cut_off"])
    only_team = set(health["ties_only_via_team"]["nodes"])
    steps = []
    for key in _ranked(cut_off, nodes)[:limit]:
        v = index[key]
        team_contacts = [w for w in graph.neighbors(v) if team[w]]
        via = (
            max(team_contacts, key=lambda w: (simple.strength[graph.get_eid(v, w)], -w))
            if team_contacts
            else None
        )
        candidates = {
            keys[y]
            for w in team_contacts
            for y in graph.neighbors(w)
            if y != v and not team[y] and keys[y] not in cut_off
        }
        community = nodes[key]["community"]
        partner = min(
            candidates,
            key=lambda other: (
                nodes[other]["community"] != community,
                -nodes[other]["weighted_degree"],
                other,
            ),
            default=None,
        )
        steps.append(
            {
                "key": key,
                "only_team": key in only_team,
                "via": keys[via] if via is not None else None,
                "to": partner,
            }
        )
    return steps


def _broker_pairs(simple: SimpleGraph, nodes: dict, brokers: list[dict]) -> list[dict]:
    """Each broker with its contacts in the parts its loss separates, paired for introductions.

    Two contacts of a broker lie in parts its loss separates exactly when the
    edges to them belong to different biconnected blocks.
    """
    graph, keys = simple.graph, simple.keys
    index = {key: i for i, key in enumerate(keys)}
    blocks_of: dict[int, set[int]] = {}
    block_size: dict[int, int] = {}
    for number, block in enumerate(graph.biconnected_components()):
        block_size[number] = len(block)
        for v in block:
            blocks_of.setdefault(v, set()).add(number)
    steps = []
    for broker in brokers:
        b = index[broker["key"]]
        best: dict[int, str] = {}
        for w in graph.neighbors(b):
            (block,) = blocks_of[b] & blocks_of[w]  # the one block holding the edge b–w
            if block not in best or _rank(keys[w], nodes) < _rank(best[block], nodes):
                best[block] = keys[w]
        parts = sorted(best, key=lambda block: (-block_size[block], best[block]))
        contacts = [best[block] for block in parts]
        steps.append(
            {
                **broker,
                "pairs": [[contacts[0], other] for other in contacts[1:3]],
            }
        )
    return steps


# ------------------------------------------------------------------------------ helpers


def _require(scope: Scope) -> None:
    if not scope.can(PERMISSION):
        raise PermissionDenied(PERMISSION)


def _month_start(day: date, *, back: int = 0) -> date:
    index = day.year * 12 + day.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _now_ms() -> int:
    return math.floor(time.time() * 1000)


def _expires_ms() -> int:
    return int(LOCK_EXPIRES.total_seconds() * 1000)
