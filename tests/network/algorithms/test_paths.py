import itertools
import math
from concurrent.futures import ThreadPoolExecutor
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.network.graph import NetworkData
from netzwerkstatt.network.paths import MAX_HOPS, PathGraph, warm_paths
from netzwerkstatt.network.scoring import tie_probability

from .builders import TODAY, brute_force_paths, employment, organisation, person, tie

DOORS = ["willing", "not_asked", "unwilling"]


def paths_of(data, *, sources, target, k=3, max_hops=MAX_HOPS):
    graph = PathGraph.build(data, today=TODAY)
    return warm_paths(graph, sources=sources, target=target, k=k, max_hops=max_hops)


def chain_network(**middle):
    """Team member 1 → person 2 → person 3 → organisation 10 (person 3 works there)."""
    return NetworkData(
        nodes=[person(1, team=True), person(2, **middle), person(3), organisation(10)],
        edges=[
            tie("person:1", "person:2", strength=4),
            tie("person:2", "person:3", strength=3),
            employment("person:3", "organisation:10"),
        ],
    )


@st.composite
def random_networks(draw):
    persons = draw(st.integers(2, 12))
    organisations = draw(st.integers(0, 3))
    nodes = [
        person(
            pk,
            team=draw(st.booleans()) and pk < 4,
            door=draw(st.sampled_from(DOORS)),
        )
        for pk in range(1, persons + 1)
    ]
    nodes += [organisation(pk) for pk in range(100, 100 + organisations)]
    keys = [node.key for node in nodes]
    dates = st.one_of(st.none(), st.dates(date(2010, 1, 1), date(2026, 1, 1)))
    edge_count = draw(st.integers(0, 40))
    # current functions, so that organisation targets often have people of their own
    edges = [
        employment(worker, employer)
        for worker, employer in draw(
            st.lists(
                st.tuples(st.sampled_from(keys[:persons]), st.sampled_from(keys[persons:])),
                max_size=persons,
            )
            if organisations
            else st.just([])
        )
    ]
    for _ in range(edge_count):
        a = draw(st.sampled_from(keys))
        b = draw(st.sampled_from(keys))
        if draw(st.integers(0, 5)) == 0 and a.startswith("person") and b.startswith("org"):
            edges.append(employment(a, b))
            continue
        edges.append(
            tie(
                a,
                b,
                strength=draw(st.integers(1, 5)),
                trust=draw(st.one_of(st.none(), st.integers(1, 5))),
                since=draw(dates),
                last_contact=draw(dates),
                kind=draw(st.sampled_from(["knows", "advises", "cooperation"])),
                directed=draw(st.booleans()),
            )
        )
    data = NetworkData(nodes=nodes, edges=edges)
    sources = draw(st.lists(st.sampled_from(keys), max_size=3, unique=True))
    team = [node.key for node in nodes if node.team]
    return data, sorted(set(sources) | set(team)), draw(st.sampled_from(keys))


@settings(max_examples=300, deadline=None)
@given(
    network=random_networks(),
    k=st.integers(1, 6),
    max_hops=st.integers(1, MAX_HOPS),
)
def test_warm_paths_equal_brute_force_ranking(network, k, max_hops):
    data, sources, _ = network
    graph = PathGraph.build(data, today=TODAY)

    for target in [node.key for node in data.nodes]:  # one graph, its cache reused
        found = warm_paths(graph, sources=sources, target=target, k=k, max_hops=max_hops)
        expected = brute_force_paths(data, sources=sources, target=target, k=k, max_hops=max_hops)

        assert [path.score for path in found] == pytest.approx([score for score, *_ in expected])
        assert [path.nodes for path in found] == [nodes for _, nodes, _ in expected]
        assert [path.unasked for path in found] == [unasked for *_, unasked in expected]
        for path in found:
            assert len(set(path.nodes)) == len(path.nodes)
            assert len(path.edges) == len(path.nodes) - 1 <= max_hops
            for edge, (a, b) in zip(path.edges, itertools.pairwise(path.nodes), strict=True):
                assert {edge.source, edge.target} == {a, b}
            assert path.score == math.prod(
                tie_probability(edge, today=TODAY) for edge in path.edges
            )


@settings(max_examples=150, deadline=None)
@given(network=random_networks(), edge_number=st.integers(0, 100), k=st.integers(1, 5))
def test_warm_paths_scores_never_fall_when_a_tie_grows_stronger(network, edge_number, k):
    data, sources, target = network
    if not data.edges:
        return
    position = edge_number % len(data.edges)
    edge = data.edges[position]
    stronger_edges = list(data.edges)
    stronger_edges[position] = replace(edge, strength=min(5, edge.strength + 1))
    stronger = NetworkData(nodes=data.nodes, edges=stronger_edges)

    before = paths_of(data, sources=sources, target=target, k=k)
    after = paths_of(stronger, sources=sources, target=target, k=k)

    assert len(after) == len(before)
    for old, new in zip(before, after, strict=True):
        assert new.score >= old.score * (1 - 1e-12)


def test_warm_paths_through_an_introducer_to_an_organisation():
    found = paths_of(chain_network(), sources=["person:1"], target="organisation:10")

    assert [path.nodes for path in found] == [
        ("person:1", "person:2", "person:3", "organisation:10")
    ]
    assert found[0].unasked == ()
    assert [edge.kind for edge in found[0].edges] == ["knows", "knows", "employment"]


def test_warm_paths_never_through_an_unwilling_person():
    assert paths_of(chain_network(door="unwilling"), sources=["person:1"], target="person:3") == []


def test_warm_paths_flag_persons_not_asked_yet():
    found = paths_of(chain_network(door="not_asked"), sources=["person:1"], target="person:3")

    assert found[0].unasked == ("person:2",)


def test_warm_paths_reach_an_unwilling_managing_director_as_the_last_person():
    data = chain_network()
    data.nodes[2] = person(3, door="unwilling")  # person 3 works at organisation 10

    found = paths_of(data, sources=["person:1"], target="organisation:10")

    assert [path.nodes for path in found] == [
        ("person:1", "person:2", "person:3", "organisation:10")
    ]
    assert found[0].unasked == ()


def test_warm_paths_never_list_the_organisations_own_person_as_unasked():
    data = chain_network(door="not_asked")
    data.nodes[2] = person(3, door="not_asked")

    (found,) = paths_of(data, sources=["person:1"], target="organisation:10")

    assert found.unasked == ("person:2",)  # the introducer, not the managing director


@pytest.mark.parametrize("hops", [2, 3, 4, 5, 6])
def test_warm_paths_reach_an_unwilling_employee_last_at_every_length(hops):
    chain = [person(1, team=True), *(person(pk) for pk in range(2, hops))]
    chain.append(person(hops, door="unwilling"))
    edges = [tie(f"person:{pk}", f"person:{pk + 1}") for pk in range(1, hops)]
    edges.append(employment(f"person:{hops}", "organisation:10"))
    data = NetworkData(nodes=[*chain, organisation(10)], edges=edges)

    found = paths_of(data, sources=["person:1"], target="organisation:10", max_hops=hops)
    shorter = paths_of(data, sources=["person:1"], target="organisation:10", max_hops=hops - 1)

    assert [path.nodes for path in found] == [
        (*(f"person:{pk}" for pk in range(1, hops + 1)), "organisation:10")
    ]
    assert found[0].unasked == ()
    assert shorter == []


def test_warm_paths_never_through_an_unwilling_employee_of_another_organisation():
    data = NetworkData(
        nodes=[
            person(1, team=True),
            person(2),
            person(3, door="unwilling"),
            person(4),
            organisation(10),
            organisation(11),
        ],
        edges=[
            tie("person:1", "person:2"),
            tie("person:2", "person:3"),
            tie("person:3", "person:4"),
            employment("person:3", "organisation:11"),
            employment("person:4", "organisation:10"),
        ],
    )

    assert paths_of(data, sources=["person:1"], target="organisation:10") == []
    assert [
        path.nodes for path in paths_of(data, sources=["person:1"], target="organisation:11")
    ] == [("person:1", "person:2", "person:3", "organisation:11")]


def test_warm_paths_never_through_an_unwilling_person_who_only_advises_the_organisation():
    data = chain_network()
    data.nodes[2] = person(3, door="unwilling")
    data.edges[2] = tie("person:3", "organisation:10", kind="advises", strength=5)

    assert paths_of(data, sources=["person:1"], target="organisation:10") == []


def test_warm_paths_count_the_employment_when_another_tie_to_the_organisation_is_stronger():
    data = chain_network()
    data.nodes[2] = person(3, door="unwilling")
    advice = tie("person:3", "organisation:10", kind="advises", strength=5, trust=5)
    data.edges.append(replace(advice, last_contact=TODAY))

    (found,) = paths_of(data, sources=["person:1"], target="organisation:10")

    assert found.edges[-1].kind == "advises"  # 0.9 beats the employment's 0.675
    assert found.unasked == ()


def test_warm_paths_list_an_employee_who_introduces_a_colleague():
    data = NetworkData(
        nodes=[person(1, team=True), person(3, door="not_asked"), person(4), organisation(10)],
        edges=[
            tie("person:1", "person:3"),
            tie("person:3", "person:4"),
            employment("person:3", "organisation:10"),
            employment("person:4", "organisation:10"),
        ],
    )

    found = paths_of(data, sources=["person:1"], target="organisation:10")

    assert [(path.nodes, path.unasked) for path in found] == [
        (("person:1", "person:3", "organisation:10"), ()),
        (("person:1", "person:3", "person:4", "organisation:10"), ("person:3",)),
    ]


def test_warm_paths_to_a_person_through_an_unwilling_employee_stay_closed():
    data = NetworkData(
        nodes=[person(1, team=True), person(2, door="unwilling"), person(3), organisation(10)],
        edges=[
            tie("person:1", "person:2"),
            tie("person:2", "person:3"),
            employment("person:2", "organisation:10"),
            employment("person:3", "organisation:10"),
        ],
    )

    assert paths_of(data, sources=["person:1"], target="person:3") == []


def test_warm_paths_to_a_person_list_an_unasked_employee_as_the_last_introducer():
    data = chain_network(door="not_asked")
    data.edges.append(employment("person:2", "organisation:10"))

    (found,) = paths_of(data, sources=["person:1"], target="person:3")

    assert found.unasked == ("person:2",)


def test_warm_paths_to_the_organisation_of_a_team_member_start_at_them():
    data = NetworkData(
        nodes=[person(1, team=True), person(2, team=True, door="unwilling"), organisation(10)],
        edges=[
            tie("person:1", "person:2", strength=5),
            employment("person:2", "organisation:10"),
        ],
    )

    found = paths_of(data, sources=["person:1", "person:2"], target="organisation:10")

    assert [path.nodes for path in found] == [("person:2", "organisation:10")]


def test_warm_paths_to_an_unwilling_target_are_found():
    data = chain_network()
    data.nodes[2] = person(3, door="unwilling")

    assert len(paths_of(data, sources=["person:1"], target="person:3")) == 1


def test_warm_paths_through_a_colleague_start_at_the_colleague():
    data = NetworkData(
        nodes=[person(1, team=True), person(2, team=True), person(3)],
        edges=[tie("person:1", "person:2", strength=5), tie("person:2", "person:3")],
    )

    found = paths_of(data, sources=["person:1", "person:2"], target="person:3")

    assert [path.nodes for path in found] == [("person:2", "person:3")]


def test_warm_paths_never_through_an_organisation():
    data = NetworkData(
        nodes=[person(1, team=True), organisation(10), person(3)],
        edges=[
            employment("person:1", "organisation:10"),
            employment("person:3", "organisation:10"),
        ],
    )

    assert paths_of(data, sources=["person:1"], target="person:3") == []
    assert len(paths_of(data, sources=["person:1"], target="organisation:10")) == 1


def test_warm_paths_use_directed_ties_both_ways():
    data = NetworkData(
        nodes=[person(1, team=True), person(2), organisation(10)],
        edges=[
            tie("person:1", "person:2"),
            tie("organisation:10", "person:2", kind="advises", directed=True),
        ],
    )

    found = paths_of(data, sources=["person:1"], target="organisation:10")

    assert [path.nodes for path in found] == [("person:1", "person:2", "organisation:10")]


def test_warm_paths_use_the_strongest_of_parallel_ties():
    data = NetworkData(
        nodes=[person(1, team=True), person(2)],
        edges=[
            tie("person:1", "person:2", strength=1),
            tie("person:2", "person:1", strength=5, kind="works_with"),
        ],
    )

    (found,) = paths_of(data, sources=["person:1"], target="person:2")

    assert found.edges[0].strength == 5


def test_warm_paths_rank_a_much_stronger_longer_path_first():
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(3)],
        edges=[
            tie("person:1", "person:3", strength=3),
            tie("person:1", "person:2", strength=5, trust=5, last_contact=TODAY),
            tie("person:2", "person:3", strength=5, trust=5, last_contact=TODAY),
        ],
    )

    found = paths_of(data, sources=["person:1"], target="person:3")

    assert [len(path.nodes) for path in found] == [3, 2]  # 0.81 beats 0.6 × 0.8 × 0.5
    assert found[0].score > found[1].score


def test_warm_paths_prefer_fewer_hops_at_equal_scores():
    old = date(2000, 1, 1)
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(3)],
        edges=[
            tie("person:1", "person:3", strength=5, trust=5, last_contact=old),  # 0.9 × 0.2
            tie("person:1", "person:2", strength=5, trust=5, last_contact=TODAY),  # 0.9
            tie("person:2", "person:3", strength=1, trust=5, last_contact=TODAY),  # 0.2
        ],
    )

    found = paths_of(data, sources=["person:1"], target="person:3")

    assert found[0].score == found[1].score
    assert [len(path.nodes) for path in found] == [2, 3]


def test_warm_paths_break_ties_by_hops_then_keys():
    data = NetworkData(
        nodes=[person(1, team=True), person(2), person(3), person(4)],
        edges=[
            tie("person:1", "person:3"),
            tie("person:3", "person:4"),
            tie("person:1", "person:2"),
            tie("person:2", "person:4"),
        ],
    )

    found = paths_of(data, sources=["person:1"], target="person:4")

    assert [path.nodes for path in found] == [
        ("person:1", "person:2", "person:4"),
        ("person:1", "person:3", "person:4"),
    ]


def test_warm_paths_stop_at_the_hop_bound():
    chain = [person(1, team=True), *(person(pk) for pk in range(2, 8))]
    edges = [tie(f"person:{pk}", f"person:{pk + 1}") for pk in range(1, 7)]
    data = NetworkData(nodes=chain, edges=edges)

    assert len(paths_of(data, sources=["person:1"], target="person:5")) == 1
    assert paths_of(data, sources=["person:1"], target="person:6") == []
    assert len(paths_of(data, sources=["person:1"], target="person:7", max_hops=6)) == 1


@pytest.mark.parametrize(
    ("sources", "target"),
    [
        (["person:1"], "person:99"),
        (["person:99"], "person:3"),
        ([], "person:3"),
        (["person:3"], "person:3"),
    ],
)
def test_warm_paths_empty_for_unknown_or_equal_ends(sources, target):
    assert paths_of(chain_network(), sources=sources, target=target) == []


def test_warm_paths_empty_for_an_empty_graph():
    assert paths_of(NetworkData(), sources=["person:1"], target="person:2") == []


def test_warm_paths_from_many_threads_equal_sequential_answers():
    nodes = [person(pk, team=pk <= 12) for pk in range(1, 60)]
    edges = [tie(f"person:{pk}", f"person:{(pk * 7) % 59 + 1}") for pk in range(1, 60)]
    edges += [tie(f"person:{pk}", f"person:{pk + 1}", strength=pk % 5 + 1) for pk in range(1, 59)]
    data = NetworkData(nodes=nodes, edges=edges)
    queries = [
        ([f"person:{a}", f"person:{b}"], f"person:{t}")
        for a in range(1, 13)
        for b in range(1, 13, 5)
        for t in (20, 35, 50)
    ]  # more sets of sources than the index caches
    expected = [paths_of(data, sources=sources, target=target) for sources, target in queries]
    graph = PathGraph.build(data, today=TODAY)

    with ThreadPoolExecutor(max_workers=8) as pool:
        found = list(
            pool.map(lambda query: warm_paths(graph, sources=query[0], target=query[1]), queries)
        )

    assert found == expected
