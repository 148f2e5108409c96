import json

import networkx as nx
import pytest

from netzwerkstatt.network.analytics import EXACT_BETWEENNESS_UP_TO, network_metrics
from netzwerkstatt.network.graph import NetworkData

from .builders import employment, organisation, person, tie


def from_networkx(graph: nx.Graph) -> NetworkData:
    return NetworkData(
        nodes=[person(i) for i in graph],
        edges=[tie(f"person:{a}", f"person:{b}") for a, b in graph.edges()],
    )


@pytest.fixture(scope="module")
def karate():
    graph = nx.karate_club_graph()
    return graph, network_metrics(from_networkx(graph))


def test_network_metrics_betweenness_equals_networkx_on_the_karate_club(karate):
    graph, metrics = karate
    expected = nx.betweenness_centrality(graph)

    for i in graph:
        assert metrics["nodes"][f"person:{i}"]["betweenness"] == pytest.approx(expected[i])
    assert metrics["network"]["betweenness"]["exact"]


def test_network_metrics_clustering_equals_networkx_on_the_karate_club(karate):
    graph, metrics = karate
    expected = nx.clustering(graph)

    for i in graph:
        assert metrics["nodes"][f"person:{i}"]["clustering"] == pytest.approx(expected[i])


def test_network_metrics_communities_separate_the_karate_club_factions(karate):
    graph, metrics = karate
    communities = metrics["network"]["communities"]

    assert metrics["network"]["modularity"] >= 0.37
    assert sorted(key for members in communities for key in members) == sorted(
        f"person:{i}" for i in graph
    )
    faction = {f"person:{i}": graph.nodes[i]["club"] for i in graph}
    in_majority = sum(
        max(sum(faction[key] == club for key in members) for club in ("Mr. Hi", "Officer"))
        for members in communities
    )
    assert in_majority >= 32  # of 34
    assert [len(members) for members in communities] == sorted(
        (len(members) for members in communities), reverse=True
    )
    for number, members in enumerate(communities):
        assert {metrics["nodes"][key]["community"] for key in members} == {number}


def test_network_metrics_degrees_on_the_karate_club(karate):
    graph, metrics = karate

    for i in graph:
        assert metrics["nodes"][f"person:{i}"]["degree"] == graph.degree(i)
        assert metrics["nodes"][f"person:{i}"]["weighted_degree"] == 3 * graph.degree(i)
    assert metrics["network"]["density"] == pytest.approx(nx.density(graph))


def test_network_metrics_are_json_and_deterministic_for_a_seed(karate):
    graph, metrics = karate

    again = network_metrics(from_networkx(graph))

    assert json.loads(json.dumps(metrics)) == metrics == again


def test_network_metrics_of_a_small_constructed_graph():
    data = NetworkData(
        nodes=[person(1), person(2), person(3), organisation(10), person(4), person(5)],
        edges=[
            tie("person:1", "person:2", strength=2),
            tie("person:2", "person:1", strength=5, kind="works_with"),  # the same pair
            employment("person:2", "organisation:10"),
            tie("person:3", "organisation:10", kind="advises", directed=True),
            tie("person:4", "person:4"),  # a loop is no tie
        ],
    )

    metrics = network_metrics(data)

    network = metrics["network"]
    assert (network["nodes"], network["edges"]) == (6, 3)
    assert network["density"] == pytest.approx(3 / 15)
    assert network["components"] == 3
    assert network["largest_component"] == 4
    assert network["isolates"] == ["person:4", "person:5"]
    assert metrics["nodes"]["person:2"]["degree"] == 2
    assert metrics["nodes"]["person:2"]["weighted_degree"] == 5 + 4
    assert metrics["nodes"]["organisation:10"]["betweenness"] == pytest.approx(2 / 10)


def test_network_metrics_of_an_empty_network():
    metrics = network_metrics(NetworkData())

    assert metrics["nodes"] == {}
    assert metrics["network"]["components"] == 0
    assert metrics["network"]["communities"] == []


def test_network_metrics_estimate_betweenness_from_a_sample():
    graph = nx.barabasi_albert_graph(EXACT_BETWEENNESS_UP_TO + 500, 2, seed=3)
    data = from_networkx(graph)

    exact = network_metrics(data)["nodes"]
    sampled = network_metrics(data, betweenness_sample=400)
    again = network_metrics(data, betweenness_sample=400)

    assert sampled == again
    assert not sampled["network"]["betweenness"]["exact"]
    assert sampled["network"]["betweenness"]["pivots"] == 400
    top = sorted(exact, key=lambda key: -exact[key]["betweenness"])[:10]
    estimated = sorted(sampled["nodes"], key=lambda key: -sampled["nodes"][key]["betweenness"])
    assert set(top) <= set(estimated[:20])
    for key in top:
        assert sampled["nodes"][key]["betweenness"] == pytest.approx(
            exact[key]["betweenness"], rel=0.2
        )
