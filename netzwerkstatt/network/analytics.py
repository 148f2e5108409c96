"""Network metrics per node and for the whole network, computed with igraph.

The graph is taken as simple and undirected: ties count in both directions,
and several ties between the same two nodes (e.g. "knows" and "works with",
or a tie and an employment) become one edge with the highest of their
strengths. On that graph:

- degree: the number of neighbours; weighted_degree: the sum of the strengths
  of the edges to them;
- betweenness: normalised shortest-path betweenness (hops, not strengths),
  equal to networkx.betweenness_centrality: the share of shortest paths
  between other pairs of nodes that run through the node — the brokers;
- clustering: the local clustering coefficient (0 for fewer than two neighbours);
- community: Leiden communities optimising modularity on the strengths,
  numbered by falling size; deterministic for a seed.

Exact betweenness costs one breadth-first search per node (about 20 s at
10,000 nodes), so larger graphs estimate it from `betweenness_sample`
randomly chosen source vertices (pivots; Brandes & Pich 2007): the
dependencies of the pivots on every node, scaled by n / pivots. The estimate
is unbiased; its error shrinks with 1/sqrt(pivots) and is smallest, relative
to the value, for the nodes with the highest betweenness — the brokers a team
looks for. Measured on the benchmark network of 12,000 nodes (see
bench/README.md), 256 pivots find the same top brokers as the exact
computation. Betweenness is exact when `betweenness_sample` is None, or not
smaller than the number of nodes, or the graph has at most
EXACT_BETWEENNESS_UP_TO nodes.
"""

import random
from collections.abc import Sequence

import igraph
import numpy as np

from .graph import NetworkData

EXACT_BETWEENNESS_UP_TO = 2_000
# A sample size that keeps 100,000 nodes / 500,000 ties under a minute (bench/README.md).
DEFAULT_BETWEENNESS_SAMPLE = 256


class SimpleGraph:
    """The simple undirected igraph graph of a NetworkData, with node keys and strengths."""

    def __init__(self, data: NetworkData):
        self.keys = [node.key for node in data.nodes]
        self.team = np.fromiter((node.team for node in data.nodes), bool, len(self.keys))
        index = {key: i for i, key in enumerate(self.keys)}
        n = len(self.keys)
        pairs = [
            (index[edge.source], index[edge.target], edge.strength)
            for edge in data.edges
            if edge.source in index and edge.target in index and edge.source != edge.target
        ]
        ends = np.array(pairs, np.int64).reshape(-1, 3)
        low = np.minimum(ends[:, 0], ends[:, 1])
        high = np.maximum(ends[:, 0], ends[:, 1])
        key = low * n + high
        order = np.lexsort((-ends[:, 2], key))  # the strongest tie of each pair first
        key = key[order]
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        self.low, self.high = low[order][first], high[order][first]
        self.strength = ends[:, 2][order][first]
        self.graph = igraph.Graph(n=n, edges=np.column_stack([self.low, self.high]).tolist())


def network_metrics(
    data: NetworkData, *, betweenness_sample: int | None = None, seed: int = 0
) -> dict:
    """Metrics per node and for the network, JSON-serialisable (see the module docstring)."""
    simple = SimpleGraph(data)
    graph, keys = simple.graph, simple.keys
    n, m = graph.vcount(), graph.ecount()
    strength = simple.strength.tolist()

    exact = betweenness_sample is None or n <= max(EXACT_BETWEENNESS_UP_TO, betweenness_sample)
    betweenness = _betweenness(graph, None if exact else betweenness_sample, seed)
    clustering = graph.transitivity_local_undirected(mode="zero")
    membership, modularity = _communities(graph, strength, seed)
    communities = _numbered(membership, keys)
    community_of = {key: number for number, members in enumerate(communities) for key in members}
    degree = graph.degree()
    weighted = graph.strength(weights=strength) if m else [0] * n
    components = graph.connected_components() if n else []

    return {
        "nodes": {
            key: {
                "degree": degree[i],
                "weighted_degree": int(weighted[i]),
                "betweenness": float(betweenness[i]),
                "clustering": float(clustering[i]),
                "community": community_of[key],
            }
            for i, key in enumerate(keys)
        },
        "network": {
            "nodes": n,
            "edges": m,
            "density": 2 * m / (n * (n - 1)) if n > 1 else 0.0,
            "components": len(components),
            "largest_component": max(components.sizes()) if n else 0,
            "isolates": sorted(keys[i] for i in range(n) if degree[i] == 0),
            "communities": communities,
            "modularity": modularity,
            "betweenness": {"exact": exact, "pivots": n if exact else betweenness_sample},
        },
    }


def _betweenness(graph: igraph.Graph, sample: int | None, seed: int) -> np.ndarray:
    n = graph.vcount()
    if n < 3:
        return np.zeros(n)
    scale = 2 / ((n - 1) * (n - 2))  # networkx's normalisation of undirected graphs
    if sample is None:
        return np.array(graph.betweenness(directed=False)) * scale
    pivots = np.random.default_rng(seed).choice(n, size=sample, replace=False)
    partial = np.array(graph.betweenness(directed=False, sources=pivots.tolist()))
    return partial * (n / sample) * scale


def _communities(graph: igraph.Graph, strength: list[int], seed: int) -> tuple[list[int], float]:
    if graph.vcount() == 0:
        return [], 0.0
    if graph.ecount() == 0:
        return list(range(graph.vcount())), 0.0
    # igraph draws from Python's random module unless given a generator of its own
    igraph.set_random_number_generator(random.Random(seed))  # noqa: S311 - not for security
    try:
        clustering = graph.community_leiden(
            objective_function="modularity", weights=strength, n_iterations=-1
        )
    finally:
        igraph.set_random_number_generator(random)
    membership = clustering.membership
    return membership, float(graph.modularity(membership, weights=strength))


def _numbered(membership: Sequence[int], keys: list[str]) -> list[list[str]]:
    """Communities as sorted key lists, the largest first (equal sizes by their first key)."""
    groups: dict[int, list[str]] = {}
    for key, community in zip(keys, membership, strict=True):
        groups.setdefault(community, []).append(key)
    members = [sorted(group) for group in groups.values()]
    members.sort(key=lambda group: (-len(group), group[0]))
    return members
