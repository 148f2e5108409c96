"""A synthetic relationship network for the network benchmarks, deterministic from a seed.

    from bench.graphs import synthetic_network
    data = synthetic_network(persons=100_000, ties=1_000_000, seed=1)

What it imitates:
- organisations (a fifth as many as persons by default): mostly companies, some
  chambers, unions, associations, job centres, education providers; one of them
  is the project's own organisation, where the team works;
- regional/sector communities of about 200 persons with their organisations;
  80 % of ties stay inside a community;
- skewed degrees: every person has an activity weight from a Pareto
  distribution, and one in a thousand is a hub (chamber heads, union secretaries)
  with fifty times the weight; organisation sizes are skewed the same way;
- a team of `team` members with 50–250 ties each (the team knows many people);
- employment: 85 % of persons hold a current function at an organisation of
  their community (edges of kind graph.EMPLOYMENT, not counted in `ties`);
- ties: 85 % person–person, 10 % person–organisation, 5 % organisation–organisation,
  kinds and directions by network.enums.TIE_RULES, strength 1–5, trust unknown for
  40 %, since spread over 2010–2025 and a last contact for 70 % of them;
- door openers: 60 % not asked, 30 % willing, 10 % unwilling.

Endpoint and node arrays are drawn with numpy; Edge and Node objects share their
key strings and dates, so a million ties take a few hundred megabytes.
"""

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerkstatt.network.enums import TIE_RULES, NodeType
from netzwerkstatt.network.graph import (
    EMPLOYMENT,
    EMPLOYMENT_STRENGTH,
    Edge,
    NetworkData,
    Node,
)

TODAY = date(2025, 6, 1)
FIRST_DAY = date(2010, 1, 1)
ORGANISATION_KINDS = ["company"] * 16 + [
    "chamber",
    "union",
    "association",
    "job_centre",
    "education_provider",
    "municipality",
]
COMMUNITY_SIZE = 200
PERSON_KINDS = ["knows", "works_with", "met_at_event"]
PERSON_ORGANISATION_KINDS = ["collaborates", "advises", "board_member", "member"]
ORGANISATION_KINDS_OF_TIES = ["cooperation", "membership", "supplies"]
DOORS = np.array(["not_asked", "willing", "unwilling"])
DIRECTED = {str(kind.value): rule.directed for kind, rule in TIE_RULES.items()}


def _weights(rng: np.random.Generator, count: int, hub_share: float) -> np.ndarray:
    weight = 1 + rng.pareto(1.8, count)
    hubs = rng.random(count) < hub_share
    weight[hubs] *= 50
    return weight


class _Sampler:
    """Draw members of a community in proportion to their weights, vectorised."""

    def __init__(self, community: np.ndarray, weight: np.ndarray, communities: int):
        self.order = np.argsort(community, kind="stable")
        self.cumulative = np.cumsum(weight[self.order])
        sorted_community = community[self.order]
        self.low = np.searchsorted(sorted_community, np.arange(communities), side="left")
        self.high = np.searchsorted(sorted_community, np.arange(communities), side="right")
        self.empty = self.low == self.high

    def within(self, rng: np.random.Generator, communities: np.ndarray) -> np.ndarray:
        low, high = self.low[communities], self.high[communities]
        below = np.where(low > 0, self.cumulative[np.maximum(low - 1, 0)], 0.0)
        span = self.cumulative[np.maximum(high - 1, 0)] - below
        value = below + rng.random(len(communities)) * span
        position = np.clip(np.searchsorted(self.cumulative, value, side="right"), low, high - 1)
        return self.order[position]

    def anywhere(self, rng: np.random.Generator, count: int) -> np.ndarray:
        value = rng.random(count) * self.cumulative[-1]
        position = np.minimum(
            np.searchsorted(self.cumulative, value, side="right"), len(self.order) - 1
        )
        return self.order[position]


def synthetic_network(
    *,
    persons: int,
    ties: int,
    organisations: int | None = None,
    team: int = 15,
    seed: int = 1,
) -> NetworkData:
    rng = np.random.default_rng(seed)
    organisations = organisations if organisations is not None else max(2, persons // 5)
    communities = max(1, persons // COMMUNITY_SIZE)
    days = (TODAY - FIRST_DAY).days

    person_keys = [f"person:{pk}" for pk in range(1, persons + 1)]
    organisation_keys = [f"organisation:{pk}" for pk in range(1, organisations + 1)]
    person_community = rng.integers(0, communities, persons)
    organisation_community = rng.integers(0, communities, organisations)
    person_weight = _weights(rng, persons, hub_share=0.001)
    organisation_weight = _weights(rng, organisations, hub_share=0.002)
    people = _Sampler(person_community, person_weight, communities)
    firms = _Sampler(organisation_community, organisation_weight, communities)

    # the team works at organisation 1, the project's own
    team_ids = rng.choice(persons, size=min(team, persons), replace=False)
    is_team = np.zeros(persons, bool)
    is_team[team_ids] = True
    organisation_kind = rng.choice(ORGANISATION_KINDS, organisations)
    organisation_kind[0] = "education_provider"

    # employment: 85 % of persons at an organisation of their community (or anywhere)
    employed = rng.random(persons) < 0.85
    employed[team_ids] = True
    employer = np.full(persons, -1)
    community_has_firms = ~firms.empty[person_community]
    inside = employed & community_has_firms
    employer[inside] = firms.within(rng, person_community[inside])
    outside = employed & ~community_has_firms
    employer[outside] = firms.anywhere(rng, int(outside.sum()))
    employer[team_ids] = 0

    door = DOORS[rng.choice(3, persons, p=[0.6, 0.3, 0.1])]
    nodes = _nodes(
        person_keys,
        organisation_keys,
        employer=employer,
        is_team=is_team,
        door=door,
        organisation_kind=organisation_kind,
    )

    edges = [
        Edge(
            source=person_keys[i],
            target=organisation_keys[employer[i]],
            kind=EMPLOYMENT,
            strength=EMPLOYMENT_STRENGTH,
            role="Mitarbeiter/in",
        )
        for i in np.flatnonzero(employer >= 0).tolist()
    ]

    # the team's own ties to persons anywhere
    team_degree = rng.integers(50, 251, len(team_ids))
    team_source = np.repeat(team_ids, team_degree)[:ties]
    team_target = people.anywhere(rng, len(team_source))
    rest = ties - len(team_source)
    share = rng.random(rest)
    person_person = share < 0.85
    person_organisation = (share >= 0.85) & (share < 0.95)
    organisation_organisation = share >= 0.95

    groups = [
        (team_source, team_target, person_keys, person_keys, PERSON_KINDS),
        (
            *_pairs(rng, people, people, person_community, int(person_person.sum())),
            person_keys,
            person_keys,
            PERSON_KINDS,
        ),
        (
            *_pairs(rng, people, firms, person_community, int(person_organisation.sum())),
            person_keys,
            organisation_keys,
            PERSON_ORGANISATION_KINDS,
        ),
        (
            *_pairs(
                rng, firms, firms, organisation_community, int(organisation_organisation.sum())
            ),
            organisation_keys,
            organisation_keys,
            ORGANISATION_KINDS_OF_TIES,
        ),
    ]
    edges += _ties(rng, groups, days)
    return NetworkData(nodes=nodes, edges=edges)


def _nodes(
    person_keys, organisation_keys, *, employer, is_team, door, organisation_kind
) -> list[Node]:
    nodes = [
        Node(
            key=person_keys[i],
            type=NodeType.PERSON,
            pk=i + 1,
            label=f"Person {i + 1}",
            affiliation=f"Organisation {employer[i] + 1}" if employer[i] >= 0 else "",
            team=bool(is_team[i]),
            door_opener=str(door[i]),
        )
        for i in range(len(person_keys))
    ]
    nodes += [
        Node(
            key=organisation_keys[j],
            type=NodeType.ORGANISATION,
            pk=j + 1,
            label=f"Organisation {j + 1}",
            organisation_kind=str(organisation_kind[j]),
        )
        for j in range(len(organisation_keys))
    ]

    return nodes


def _pairs(rng: np.random.Generator, first: _Sampler, second: _Sampler, community, count: int):
    """count pairs: first ends by weight, second ends by weight, 80 % in the first's community."""
    ones = first.anywhere(rng, count)
    others = second.anywhere(rng, count)
    local = (rng.random(count) < 0.8) & ~second.empty[community[ones]]
    others[local] = second.within(rng, community[ones[local]])
    return ones, others


def _ties(rng: np.random.Generator, groups, days: int) -> list[Edge]:
    """Edges for (first ends, second ends, their keys, kinds) groups, with random attributes."""
    calendar = [FIRST_DAY + timedelta(days=d) for d in range(days + 1)]
    edges = []
    tie_id = 0
    for first, second, first_keys, second_keys, kinds in groups:
        count = len(first)
        kind = rng.integers(0, len(kinds), count)
        strength = rng.choice(5, count, p=[0.15, 0.3, 0.3, 0.15, 0.1]) + 1
        trust = np.where(rng.random(count) < 0.4, 0, rng.integers(1, 6, count))
        since = rng.integers(0, days + 1, count)
        contact = since + (rng.random(count) * (days - since)).astype(int)
        has_contact = rng.random(count) < 0.7
        for a, b, kd, st, tr, si, co, hc in zip(
            first.tolist(),
            second.tolist(),
            kind.tolist(),
            strength.tolist(),
            trust.tolist(),
            since.tolist(),
            contact.tolist(),
            has_contact.tolist(),
            strict=True,
        ):
            if first_keys is second_keys and a == b:
                b = (b + 1) % len(second_keys)  # noqa: PLW2901 - no tie to oneself
            tie_id += 1
            edges.append(
                Edge(
                    source=first_keys[a],
                    target=second_keys[b],
                    kind=kinds[kd],
                    strength=st,
                    trust=tr or None,
                    since=calendar[si],
                    last_contact=calendar[co] if hc else None,
                    directed=DIRECTED[kinds[kd]],
                    tie_id=tie_id,
                )
            )
    return edges


def team_keys(data: NetworkData) -> list[str]:
    return [node.key for node in data.nodes if node.team]


if __name__ == "__main__":
    import time

    started = time.perf_counter()
    network = synthetic_network(persons=10_000, ties=100_000)
    print(
        f"{len(network.nodes):,} nodes, {len(network.edges):,} edges "
        f"in {time.perf_counter() - started:.1f} s"
    )
