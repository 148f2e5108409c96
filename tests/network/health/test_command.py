import json

import pytest
from django.core.management import CommandError, call_command

from netzwerkstatt.network.metrics import (
    metrics_current,
    metrics_is_running,
    metrics_is_stale,
    network_settings_update,
)
from netzwerkstatt.network.models import MetricsSnapshot

from .conftest import key

NODE_FIELDS = {"type", "id", "label", "degree", "weighted_degree", "betweenness", "clustering"}


def test_network_metrics_json_prints_nodes_network_and_health(workspace, lead_scope, star, capsys):
    call_command("network-metrics", workspace=workspace.slug, as_json=True)

    captured = capsys.readouterr()
    output = json.loads(captured.out)
    assert captured.err == ""  # no progress lines with --json
    assert set(output) == {
        "workspace",
        "computed_at",
        "graph_version",
        "seconds",
        "network",
        "nodes",
        "health",
    }
    assert output["workspace"] == workspace.slug
    network = output["network"]
    assert (network["nodes"], network["edges"], network["components"]) == (5, 4, 2)
    assert network["isolates"] == [key(star.isolate)]
    assert sum(len(members) for members in network["communities"]) == 5
    assert {"density", "largest_component", "modularity", "betweenness"} <= set(network)
    nodes = {(node["type"], node["id"]): node for node in output["nodes"]}
    team = nodes[("person", star.team.pk)]
    assert NODE_FIELDS | {"community"} == set(team)
    assert (team["label"], team["degree"], team["weighted_degree"]) == ("Anna Teamer", 3, 9)
    # Dietz–Berger and Dietz–Engel of the 6 pairs of the other four (networkx normalisation)
    assert team["betweenness"] == pytest.approx(2 / 6)
    assert nodes[("organisation", star.isolate.pk)]["degree"] == 0
    health = output["health"]
    assert health["team_dependency"]["cut_off"] == [key(star.dietz)]
    assert health["brokers"]["nodes"] == [{"key": key(star.team), "team": True, "cut_off": 1}]
    assert health["stale_ties"]["tie_ids"] == [star.stale_tie.pk]
    assert health["isolates"]["nodes"] == [key(star.isolate)]
    # stored as the current snapshot, and the lock is free again
    snapshot = metrics_current(scope=lead_scope)
    assert snapshot.graph_version == output["graph_version"]
    assert not metrics_is_stale(scope=lead_scope)
    assert not metrics_is_running(workspace=workspace)


def test_network_metrics_summary_with_progress_on_stderr(workspace, star, capsys):
    call_command("network-metrics", workspace=workspace.slug)

    captured = capsys.readouterr()
    lines = captured.out.strip().splitlines()
    assert len(lines) == 14
    assert "Anna Teamer" in lines[11]  # the top brokers
    assert len(captured.err.strip().splitlines()) == 3  # load, metrics, health
    assert MetricsSnapshot.objects.filter(workspace=workspace).count() == 1


def test_network_metrics_summary_counts_one_month_in_the_singular(
    workspace, lead_scope, star, capsys
):
    network_settings_update(scope=lead_scope, stale_after_months=1)

    call_command("network-metrics", workspace=workspace.slug)

    lines = [" ".join(line.split()) for line in capsys.readouterr().out.splitlines()]
    assert "Eingeschlafene Beziehungen: 1 (seit 1 Monat oder länger ohne Kontakt)" in lines
    assert "Vermittlungsrolle: exakt" in lines


def test_network_metrics_unknown_workspace(db):
    with pytest.raises(CommandError, match="nirgends"):
        call_command("network-metrics", workspace="nirgends")
