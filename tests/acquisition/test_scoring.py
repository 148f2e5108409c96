"""The target score, pure: parts, weights, totals, explanations, ranking, batched warm paths."""

import math
from datetime import date

import numpy as np
import pytest

from netzwerkstatt.acquisition import scoring
from netzwerkstatt.network.graph import EMPLOYMENT, Edge, NetworkData, Node
from netzwerkstatt.network.paths import PathGraph, warm_paths

ALL_ONE = dict.fromkeys(scoring.PARTS, 1)


def companies(n=1, **columns):
    defaults = {
        "sector": ["28"] * n,
        "size_class": ["small"] * n,
        "district": ["landkreis gifhorn"] * n,
        "needs": np.zeros(n),
        "warm_path": np.zeros(n),
        "recommendations": np.zeros(n),
        "contact_days": np.full(n, math.nan),
    }
    return scoring.Companies(**(defaults | columns))


CRITERIA = scoring.Criteria(
    sectors=frozenset({"C"}),
    size_classes=frozenset({"small", "medium"}),
    districts=frozenset({"landkreis gifhorn"}),
)


def test_sector_matches_its_division_or_its_section():
    assert scoring.sector_matches("28", {"C"})
    assert scoring.sector_matches("28", {"28"})
    assert not scoring.sector_matches("47", {"C"})
    assert not scoring.sector_matches("", {"C"})


def test_parts_are_between_0_and_1_with_saturating_counts():
    facts = companies(
        4,
        sector=["28", "47", "", "25"],
        size_class=["small", "large", "", "medium"],
        district=["landkreis gifhorn", "region hannover", "", "landkreis gifhorn"],
        needs=np.array([0, 1, 2, 3]),
        warm_path=np.array([0.0, 0.62, 1.0, 0.1]),
        recommendations=np.array([1, 0, 0, 2]),
        contact_days=np.array([0.0, 365.0, math.nan, 730.0]),
    )

    parts = scoring.part_values(facts, CRITERIA)

    assert parts["sector"].tolist() == [1, 0, 0, 1]
    assert parts["size"].tolist() == [1, 0, 0, 1]
    assert parts["region"].tolist() == [1, 0, 0, 1]
    assert parts["needs"].tolist() == [0, 0.5, 0.75, 0.875]
    assert parts["warm_path"].tolist() == [0, 0.62, 1.0, 0.1]
    assert parts["recommendation"].tolist() == [0.5, 0, 0, 0.75]
    assert parts["contact"].tolist() == pytest.approx([1.0, 0.5, 0.0, 0.25])


def test_the_total_is_the_weighted_sum_out_of_100_and_the_points_add_up_to_it():
    facts = companies(
        2,
        warm_path=np.array([0.62, 0.0]),
        needs=np.array([1, 0]),
        size_class=["small", "large"],
    )
    weights = ALL_ONE | {"warm_path": 5, "contact": 0}

    scores = scoring.score(facts, CRITERIA, weights)

    # weights 1+1+1+1+5+1+0 = 10; company 0: sector, size, region 1 each, needs 0.5, warm 0.62
    assert scores.total[0] == pytest.approx(100 * (3 + 0.5 + 5 * 0.62) / 10)
    explained = {part.name: part for part in scores.explain(0)}
    assert explained["warm_path"].points == pytest.approx(31.0)
    assert explained["warm_path"].value == pytest.approx(0.62)
    assert explained["sector"].points == pytest.approx(10.0)
    assert not explained["contact"].counts
    assert sum(part.points for part in explained.values()) == pytest.approx(scores.total[0])
    assert scores.total[1] == pytest.approx(100 * 2 / 10)  # sector and region


def test_a_criterion_left_empty_does_not_count():
    criteria = scoring.Criteria(sectors=frozenset({"C"}))

    scores = scoring.score(companies(1), criteria, ALL_ONE)

    assert scores.weights["size"] == scores.weights["region"] == 0
    assert scores.weights["sector"] == 1
    # sector, needs and the three access parts count; only the sector scores
    assert scores.total[0] == pytest.approx(100 / 5)


def test_all_weights_zero_score_nothing():
    scores = scoring.score(companies(2), CRITERIA, dict.fromkeys(scoring.PARTS, 0))

    assert scores.total.tolist() == [0, 0]
    assert all(part.points == 0 for part in scores.explain(0))


def test_a_company_with_a_strong_warm_path_ranks_above_an_identical_one_without():
    # index 0 comes first by name; only index 1 has a warm path
    facts = companies(2, warm_path=np.array([0.0, 0.8]))

    scores = scoring.score(facts, CRITERIA, ALL_ONE)

    assert scoring.ranking(scores).tolist() == [1, 0]
    assert scores.total[1] > scores.total[0]


def test_ranking_by_a_part_then_by_total_and_ties_keep_the_name_order():
    facts = companies(
        3,
        needs=np.array([1, 1, 2]),
        warm_path=np.array([0.0, 0.5, 0.0]),
    )
    scores = scoring.score(facts, CRITERIA, ALL_ONE)

    assert scoring.ranking(scores, by="needs").tolist() == [2, 1, 0]
    assert scoring.ranking(scores, by="name").tolist() == [0, 1, 2]
    same = scoring.score(companies(3), CRITERIA, ALL_ONE)
    assert scoring.ranking(same).tolist() == [0, 1, 2]


# ------------------------------------------------------------------ batched warm paths

TODAY = date(2026, 3, 1)


def person(pk, *, team=False, door="willing"):
    return Node(
        key=f"person:{pk}", type="person", pk=pk, label=f"P{pk}", team=team, door_opener=door
    )


def organisation(pk):
    return Node(key=f"organisation:{pk}", type="organisation", pk=pk, label=f"O{pk}")


def tie(a, b, strength=4, kind="knows"):
    return Edge(source=a, target=b, kind=kind, strength=strength, trust=4, last_contact=TODAY)


def employment(person_key, organisation_key):
    return Edge(source=person_key, target=organisation_key, kind=EMPLOYMENT, strength=4)


def test_best_path_scores_follow_the_warm_path_rules():
    data = NetworkData(
        nodes=[
            person(1, team=True),
            person(2),
            person(3, door="unwilling"),
            person(4, door="unwilling"),
            person(5),
            organisation(10),  # reached over person 2
            organisation(11),  # its own unwilling employee 3 is the last person
            organisation(12),  # only over unwilling person 4, who does not work there
            organisation(13),  # nobody leads there
        ],
        edges=[
            tie("person:1", "person:2"),
            employment("person:2", "organisation:10"),
            tie("person:2", "person:3"),
            employment("person:3", "organisation:11"),
            tie("person:1", "person:4"),
            tie("person:4", "organisation:12", kind="advises"),
            employment("person:5", "organisation:13"),
        ],
    )
    graph = PathGraph.build(data, today=TODAY)
    targets = [f"organisation:{pk}" for pk in (10, 11, 12, 13)]

    scores, hops = scoring.best_path_scores(graph, sources=["person:1"], targets=targets)

    for target, value, hop_count in zip(targets, scores, hops, strict=True):
        found = warm_paths(graph, sources=["person:1"], target=target, k=1)
        expected = found[0].score if found else 0.0
        assert value == pytest.approx(expected), target
        assert hop_count == (len(found[0].nodes) - 1 if found else 0), target
    assert scores[0] > 0
    assert scores[1] > 0
    assert scores[2] == scores[3] == 0


def test_best_path_scores_equal_the_path_search_on_a_random_network():
    rng = np.random.default_rng(7)
    persons = [
        person(pk, team=pk <= 3, door=rng.choice(["willing", "not_asked", "unwilling"]))
        for pk in range(1, 121)
    ]
    organisations = [organisation(pk) for pk in range(200, 240)]
    edges = [
        tie(f"person:{a}", f"person:{b}", strength=int(rng.integers(1, 6)))
        for a, b in rng.integers(1, 121, size=(260, 2))
        if a != b
    ]
    edges += [
        employment(f"person:{p}", f"organisation:{o}")
        for p, o in zip(range(4, 121), rng.integers(200, 240, size=117), strict=True)
        if rng.random() < 0.7
    ]
    graph = PathGraph.build(NetworkData(nodes=persons + organisations, edges=edges), today=TODAY)
    team = ["person:1", "person:2", "person:3"]
    targets = [node.key for node in organisations]

    scores, _hops = scoring.best_path_scores(graph, sources=team, targets=targets)

    expected = [
        (found[0].score if (found := warm_paths(graph, sources=team, target=t, k=1)) else 0.0)
        for t in targets
    ]
    assert scores.tolist() == pytest.approx(expected)
    assert (scores > 0).sum() > 10


def test_best_path_scores_without_a_team_are_zero():
    graph = PathGraph.build(NetworkData(nodes=[person(1), organisation(2)]), today=TODAY)

    scores, hops = scoring.best_path_scores(
        graph, sources=[], targets=["organisation:2", "organisation:9"]
    )

    assert scores.tolist() == [0, 0]
    assert hops.tolist() == [0, 0]
