import datetime
import logging
import threading
import time

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from netzwerkstatt.contacts.services import person_update
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry, DataVersion
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.loading import graph_version
from netzwerkstatt.network.metrics import (
    LOCK_EXPIRES,
    LOCK_TOPIC,
    betweenness_sample_size,
    metrics_compute,
    metrics_current,
    metrics_is_running,
    metrics_is_stale,
    metrics_lock_acquire,
    metrics_lock_release,
    metrics_node_values,
    metrics_refresh_in_background,
    metrics_refresh_run,
    metrics_trend,
    network_settings,
    network_settings_update,
)
from netzwerkstatt.network.models import MetricsSnapshot
from tests.factories import PersonFactory

from .conftest import key, knows


def _old_snapshot(workspace, month: datetime.date, **figures) -> MetricsSnapshot:
    return MetricsSnapshot.objects.create(
        workspace=workspace,
        computed_at=timezone.make_aware(datetime.datetime.combine(month, datetime.time(12))),
        graph_version="0.0.old",
        month=month,
        health={"stale_after_months": 12, "figures": figures, "next_steps": {"isolates": ["x"]}},
        metrics={"network": {"nodes": 1}, "nodes": {"fields": [], "values": {}}},
    )


def _month(back: int) -> datetime.date:
    today = timezone.localdate()
    index = today.year * 12 + today.month - 1 - back
    return datetime.date(index // 12, index % 12 + 1, 1)


def test_metrics_compute_stores_the_known_figures(workspace, lead_scope, star):
    snapshot = metrics_compute(scope=lead_scope)

    figures = snapshot.health["figures"]
    assert snapshot.graph_version == graph_version(scope=lead_scope)
    assert snapshot.month == timezone.localdate().replace(day=1)
    assert snapshot.seconds >= 0
    assert snapshot.health["stale_after_months"] == 12
    assert figures["team_dependency"] == pytest.approx(1 / 3)
    assert figures["cut_off"] == 1
    assert figures["ties_only_via_team"] == 1
    assert (figures["brokers"], figures["team_brokers"]) == (1, 1)
    assert (figures["stale_ties"], figures["stale_ties_share"]) == (1, 0.25)
    assert (figures["isolates"], figures["nodes"], figures["team_members"]) == (1, 5, 1)
    network = snapshot.metrics["network"]
    assert (network["nodes"], network["edges"], network["isolates"]) == (5, 4, 1)
    assert network["components"] == 2
    assert network["density"] == pytest.approx(4 / 10)


def test_metrics_compute_names_next_steps_by_node_keys(workspace, lead_scope, star):
    steps = metrics_compute(scope=lead_scope).health["next_steps"]

    assert steps["introductions"] == [
        {"key": key(star.dietz), "only_team": True, "via": key(star.team), "to": key(star.berger)}
    ]
    assert steps["only_via_team"] == [key(star.dietz)]
    assert steps["brokers"] == [
        {
            "key": key(star.team),
            "team": True,
            "cut_off": 1,
            "pairs": [[key(star.berger), key(star.dietz)]],
        }
    ]
    assert steps["stale_ties"] == [star.stale_tie.pk]
    assert steps["isolates"] == [key(star.isolate)]


def test_metrics_compute_keeps_top_brokers_communities_and_node_values(lead_scope, star):
    snapshot = metrics_compute(scope=lead_scope)

    assert [broker["key"] for broker in snapshot.metrics["top_brokers"]] == [key(star.team)]
    assert snapshot.metrics["top_brokers"][0]["team"] is True
    members = {member for c in snapshot.metrics["communities"] for member in c["members"]}
    assert key(star.isolate) not in members  # communities of one are no communities
    values = metrics_node_values(scope=lead_scope)
    assert values[key(star.team)]["degree"] == 3
    assert values[key(star.berger)]["weighted_degree"] == 7
    assert values[key(star.isolate)] == {
        "degree": 0,
        "weighted_degree": 0,
        "betweenness": 0.0,
        "clustering": 0.0,
        "community": values[key(star.isolate)]["community"],
    }


def test_metrics_compute_of_an_empty_workspace(workspace, lead_scope):
    snapshot = metrics_compute(scope=lead_scope)

    assert snapshot.metrics["network"]["nodes"] == 0
    assert snapshot.health["figures"]["team_dependency"] == 0.0
    assert snapshot.health["next_steps"]["introductions"] == []


def test_metrics_compute_is_refused_to_partners(workspace, partner):
    with pytest.raises(PermissionDenied):
        metrics_compute(scope=Scope(workspace=workspace, role=Role.PARTNER, user=partner))


def test_metrics_compute_replaces_the_months_earlier_snapshot(lead_scope, star):
    first = metrics_compute(scope=lead_scope)

    second = metrics_compute(scope=lead_scope)

    assert list(MetricsSnapshot.objects.values_list("pk", flat=True)) == [second.pk]
    assert first.pk != second.pk


def test_metrics_compute_keeps_one_snapshot_per_past_month_thinned(workspace, lead_scope, star):
    january = _old_snapshot(workspace, _month(2), isolates=3)
    february = _old_snapshot(workspace, _month(1), isolates=4)
    february.computed_at += datetime.timedelta(days=3)
    february.save()
    _old_snapshot(workspace, _month(1), isolates=5)  # older: two ran at once that month

    current = metrics_compute(scope=lead_scope)

    snapshots = MetricsSnapshot.objects.order_by("month", "computed_at")
    assert [(s.month, s.pk) for s in snapshots] == [
        (_month(2), january.pk),
        (_month(1), february.pk),
        (_month(0), current.pk),
    ]
    # past months keep their figures only; the current snapshot keeps everything
    thinned = MetricsSnapshot.objects.get(pk=january.pk)
    assert thinned.metrics == {"network": {"nodes": 1}}
    assert thinned.health == {"stale_after_months": 12, "figures": {"isolates": 3}}
    assert "nodes" in MetricsSnapshot.objects.get(pk=current.pk).metrics
    # the trend has one point per month, the month's newest
    assert [(p.month, p.figures.get("isolates")) for p in metrics_trend(scope=lead_scope)] == [
        (_month(2), 3),
        (_month(1), 4),
        (_month(0), 1),
    ]


def test_metrics_trend_covers_the_last_twelve_months(workspace, lead_scope):
    for back in (13, 12, 11, 0):
        _old_snapshot(workspace, _month(back), isolates=back)

    trend = metrics_trend(scope=lead_scope)

    assert [point.month for point in trend] == [_month(11), _month(0)]
    assert trend[0].network == {"nodes": 1}
    assert metrics_trend(scope=lead_scope, months=14)[0].month == _month(13)


def test_metrics_is_stale_without_a_snapshot(lead_scope):
    assert metrics_is_stale(scope=lead_scope)
    assert metrics_current(scope=lead_scope) is None


def test_metrics_is_stale_when_a_tie_changes(lead_scope, star):
    metrics_compute(scope=lead_scope)
    assert not metrics_is_stale(scope=lead_scope)

    knows(lead_scope, star.dietz, star.engel)

    assert metrics_is_stale(scope=lead_scope)


def test_metrics_is_stale_when_a_contact_changes(lead_scope, star):
    metrics_compute(scope=lead_scope)

    person_update(scope=lead_scope, person=star.berger, last_name="Bergmann")

    assert metrics_is_stale(scope=lead_scope)


def test_metrics_is_stale_on_another_day(lead_scope, star):
    snapshot = metrics_compute(scope=lead_scope)
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).isoformat()
    snapshot.graph_version = snapshot.graph_version.rsplit(".", 1)[0] + "." + yesterday
    snapshot.save()

    assert metrics_is_stale(scope=lead_scope)


def test_metrics_is_stale_when_the_settings_change(lead_scope, star):
    metrics_compute(scope=lead_scope)

    network_settings_update(scope=lead_scope, stale_after_months=6)

    assert metrics_is_stale(scope=lead_scope)
    assert metrics_compute(scope=lead_scope).health["stale_after_months"] == 6


def test_network_settings_update_records_the_change(workspace, lead_scope):
    assert network_settings(scope=lead_scope).stale_after_months == 12

    network_settings_update(scope=lead_scope, stale_after_months=24)
    network_settings_update(scope=lead_scope, stale_after_months=18)
    network_settings_update(scope=lead_scope, stale_after_months=18)

    assert network_settings(scope=lead_scope).stale_after_months == 18
    entries = ActivityEntry.objects.filter(workspace=workspace).order_by("pk")
    assert [(e.action, e.details) for e in entries] == [
        (Action.CREATED, {}),
        (Action.UPDATED, {"fields": ["stale_after_months"]}),
    ]


def test_network_settings_update_is_for_the_lead_only(scope):
    with pytest.raises(PermissionDenied):
        network_settings_update(scope=scope, stale_after_months=6)


def test_network_settings_update_refuses_zero_months(lead_scope):
    with pytest.raises(ValidationError):
        network_settings_update(scope=lead_scope, stale_after_months=0)


def test_metrics_refresh_in_background_starts_once_after_commit(
    workspace, lead_scope, star, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        started = metrics_refresh_in_background(workspace=workspace)
        again = metrics_refresh_in_background(workspace=workspace)

    assert (started, again) == (True, False)  # the lock keeps the second one out
    assert len(callbacks) == 1
    assert metrics_is_running(workspace=workspace)


def test_metrics_refresh_run_computes_and_releases_the_lock(workspace, lead_scope, star):
    token = metrics_lock_acquire(workspace=workspace)

    snapshot = metrics_refresh_run(workspace_id=workspace.pk, token=token)

    assert snapshot == metrics_current(scope=lead_scope)
    assert not metrics_is_stale(scope=lead_scope)
    assert not metrics_is_running(workspace=workspace)
    assert connection.in_atomic_block  # the test's connection stays usable
    assert not metrics_refresh_in_background(workspace=workspace)  # current: nothing to do


def test_metrics_refresh_run_logs_a_failure_and_releases_the_lock(workspace, caplog):
    token = metrics_lock_acquire(workspace=workspace)

    with caplog.at_level(logging.ERROR, logger="netzwerkstatt.network.metrics"):
        snapshot = metrics_refresh_run(workspace_id=-1, token=token)

    assert snapshot is None
    assert "failed" in caplog.text
    # the lock of workspace -1 was never taken; ours is untouched
    assert metrics_is_running(workspace=workspace)


def test_metrics_lock_is_taken_once_until_released(workspace, other_workspace):
    token = metrics_lock_acquire(workspace=workspace)

    assert token is not None
    assert metrics_lock_acquire(workspace=workspace) is None
    assert metrics_lock_acquire(workspace=other_workspace) is not None  # per workspace
    metrics_lock_release(workspace_id=workspace.pk, token=token + 1)  # not ours
    assert metrics_lock_acquire(workspace=workspace) is None
    metrics_lock_release(workspace_id=workspace.pk, token=token)
    assert metrics_lock_acquire(workspace=workspace) is not None


def test_metrics_lock_expires(workspace):
    metrics_lock_acquire(workspace=workspace)
    expired = int(time.time() * 1000) - int(LOCK_EXPIRES.total_seconds() * 1000) - 1
    DataVersion.objects.filter(workspace=workspace, topic=LOCK_TOPIC).update(version=expired)

    assert not metrics_is_running(workspace=workspace)
    assert metrics_lock_acquire(workspace=workspace) is not None


@pytest.mark.django_db(transaction=True)
def test_metrics_refresh_in_background_computes_in_a_thread(workspace, lead):
    scope = Scope(workspace=workspace, role=Role.LEAD, user=lead)
    knows(scope, PersonFactory(workspace=workspace), PersonFactory(workspace=workspace))

    assert metrics_refresh_in_background(workspace=workspace)
    for thread in threading.enumerate():
        if thread.name == f"network-metrics-{workspace.pk}":
            thread.join(timeout=30)

    assert not metrics_is_stale(scope=scope)
    assert not metrics_is_running(workspace=workspace)


def test_betweenness_sample_size_exact_for_small_graphs():
    assert betweenness_sample_size(nodes=2_000, edges=10_000) is None
    assert betweenness_sample_size(nodes=2_001, edges=10_000) == 1_666
    assert betweenness_sample_size(nodes=12_000, edges=58_000) == 285
    assert betweenness_sample_size(nodes=120_000, edges=585_000) == 256
