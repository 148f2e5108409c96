import json
from datetime import date

import networkx as nx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.network.graph import NetworkData
from netzwerkstatt.network.health import months_before, network_health

from .builders import TODAY, employment, numbered, organisation, person, tie


def health(data: NetworkData, months: int = 12) -> dict:
    return network_health(data, today=TODAY, stale_after_months=months)


def p(pk: int) -> str:
    return f"person:{pk}"


def test_network_health_of_a_star_around_a_team_member():
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(3), person(4)],
        edges=[tie(p(1), p(2)), tie(p(1), p(3)), tie(p(1), p(4)), tie(p(2), p(3))],
    )

    figures = health(data)

    assert figures["team_members"] == 1
    assert figures["team_dependency"] == {"share": 1 / 3, "members": 3, "cut_off": [p(4)]}
    assert figures["ties_only_via_team"] == {"count": 1, "share": 1 / 3, "nodes": [p(4)]}
    assert figures["brokers"] == {
        "count": 1,
        "team": 1,
        "nodes": [{"key": p(1), "team": True, "cut_off": 1}],
    }


def test_network_health_finds_a_bridge_person_between_two_clusters():
    triangle = [(1, 2), (2, 3), (1, 3), (5, 6), (6, 7), (5, 7), (1, 4), (4, 5)]
    data = NetworkData(
        nodes=[person(pk) for pk in range(1, 8)],
        edges=[tie(p(a), p(b)) for a, b in triangle],
    )

    figures = health(data)

    assert figures["brokers"]["nodes"] == [
        {"key": p(4), "team": False, "cut_off": 3},
        {"key": p(1), "team": False, "cut_off": 2},
        {"key": p(5), "team": False, "cut_off": 2},
    ]
    assert figures["team_dependency"] == {"share": 0.0, "members": 7, "cut_off": []}


def test_network_health_of_two_clusters_joined_only_through_the_team():
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(3), person(4), person(5), person(6)],
        edges=[tie(p(2), p(3)), tie(p(4), p(5)), tie(p(1), p(2)), tie(p(1), p(4))],
    )

    figures = health(data)

    dependency = figures["team_dependency"]
    assert dependency["members"] == 4
    assert dependency["share"] == 0.5
    assert dependency["cut_off"] in ([p(2), p(3)], [p(4), p(5)])
    assert figures["ties_only_via_team"]["count"] == 0
    assert figures["isolates"] == {"count": 1, "share": 1 / 6, "nodes": [p(6)]}


def test_network_health_counts_organisations_held_only_by_the_team():
    data = NetworkData(
        nodes=[person(1, team=True), person(2, team=True), organisation(10), person(3)],
        edges=[employment(p(1), "organisation:10"), tie(p(2), "organisation:10", kind="member")],
    )

    figures = health(data)

    assert figures["ties_only_via_team"]["nodes"] == ["organisation:10"]
    assert figures["team_dependency"]["members"] == 1


def test_network_health_lists_stale_ties_unknown_then_oldest():
    data = numbered(
        NetworkData(
            nodes=[person(pk) for pk in range(1, 8)] + [organisation(10)],
            edges=[
                tie(p(1), p(2), last_contact=date(2024, 6, 1)),  # 1: exactly 12 months, fresh
                tie(p(2), p(3), last_contact=date(2024, 5, 31)),  # 2: stale
                tie(p(3), p(4)),  # 3: unknown
                tie(p(4), p(5), since=date(2019, 1, 1)),  # 4: stale since 2019
                tie(p(5), p(6), since=date(2019, 1, 1), last_contact=date(2025, 1, 1)),  # 5
                employment(p(7), "organisation:10"),  # not a recorded tie
            ],
        )
    )

    stale = health(data)["stale_ties"]

    assert stale == {"count": 3, "share": 3 / 5, "unknown": 1, "months": 12, "tie_ids": [3, 4, 2]}
    assert health(data, months=3)["stale_ties"]["tie_ids"] == [3, 4, 2, 1, 5]


def test_network_health_counts_a_tie_given_twice_once():
    edge = tie(p(1), p(2), tie_id=7)
    data = NetworkData(nodes=[person(1), person(2)], edges=[edge, edge])

    assert health(data)["stale_ties"]["count"] == 1


def test_network_health_of_an_empty_network_is_json():
    figures = health(NetworkData())

    assert json.loads(json.dumps(figures)) == figures
    assert figures["team_dependency"]["share"] == 0.0
    assert figures["brokers"]["count"] == 0


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2025, 6, 1), 12, date(2024, 6, 1)),
        (date(2025, 3, 31), 1, date(2025, 2, 28)),
        (date(2025, 1, 15), 25, date(2022, 12, 15)),
    ],
)
def test_months_before_counts_calendar_months(day, months, expected):
    assert months_before(day, months) == expected


@settings(max_examples=200, deadline=None)
@given(
    size=st.integers(1, 14),
    pairs=st.lists(st.tuples(st.integers(1, 14), st.integers(1, 14)), max_size=30),
)
def test_network_health_brokers_equal_networkx_articulation_points(size, pairs):
    graph = nx.Graph()
    graph.add_nodes_from(range(1, size + 1))
    graph.add_edges_from((a, b) for a, b in pairs if a != b and a <= size and b <= size)
    data = NetworkData(
        nodes=[person(pk) for pk in graph],
        edges=[tie(p(a), p(b)) for a, b in graph.edges()],
    )

    brokers = {broker["key"]: broker["cut_off"] for broker in health(data)["brokers"]["nodes"]}

    expected = {}
    for v in nx.articulation_points(graph):
        component = nx.node_connected_component(graph, v)
        rest = graph.subgraph(component - {v})
        largest = max(len(part) for part in nx.connected_components(rest))
        expected[p(v)] = len(component) - 1 - largest
    assert brokers == expected


@settings(max_examples=200, deadline=None)
@given(
    size=st.integers(1, 12),
    team=st.sets(st.integers(1, 12), max_size=4),
    pairs=st.lists(st.tuples(st.integers(1, 12), st.integers(1, 12)), max_size=25),
)
def test_network_health_team_figures_equal_networkx(size, team, pairs):
    graph = nx.Graph()
    graph.add_nodes_from(range(1, size + 1))
    graph.add_edges_from((a, b) for a, b in pairs if a != b and a <= size and b <= size)
    data = NetworkData(
        nodes=[person(pk, team=pk in team) for pk in graph],
        edges=[tie(p(a), p(b)) for a, b in graph.edges()],
    )

    figures = health(data)

    largest = max(nx.connected_components(graph), key=len)
    members = largest - team
    rest = graph.subgraph(members)
    kept = max(nx.connected_components(rest), key=len) if members else set()
    dependency = figures["team_dependency"]
    assert dependency["members"] == len(members)
    assert len(dependency["cut_off"]) == len(members) - len(kept)
    only_team = [
        p(v) for v in sorted(graph) if v not in team and graph.degree(v) and set(graph[v]) <= team
    ]
    assert figures["ties_only_via_team"]["nodes"] == sorted(only_team)
