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

Exact betweenness costs one breadth-first search per node (about 30 s at
10,000 nodes), so larger graphs estimate it from `betweenness_sample`
randomly chosen source vertices (pivots; Brandes & Pich 2007): the
dependencies of the pivots on every node, scaled by n / pivots. The estimate
is unbiased; its error shrinks with 1/sqrt(pivots) and is smallest, relative
to the value, for the nodes with the highest betweenness — the brokers a team
looks for. Measured with 256 pivots on the benchmark network of 10,000 nodes
(bench/README.md): 9 of the exact top 10 brokers and 17 of the top 20 are in
the estimated top 10 and 20, with a median relative error of 5–6 % for them;
rank correlation over all nodes 0.93. Each pivot costs one search of the whole
graph (about 60 ms at 100,000 nodes / 500,000 ties), so 256 pivots keep that
size well under a minute. Betweenness is exact when `betweenness_sample` is
None, or not smaller than the number of nodes, or the graph has at most
EXACT_BETWEENNESS_UP_TO nodes.
"""

import random
from collections.abc import Sequence
from operator import attrgetter

import igraph
import numpy as np

from .graph import Edge, NetworkData

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
        source = _node_ids(index, data.edges, "source")
        target = _node_ids(index, data.edges, "target")
        strength = np.array([edge.strength for edge in data.edges], np.int64)
        valid = (source >= 0) & (target >= 0) & (source != target)
        source, target, strength = source[valid], target[valid], strength[valid]
        low = np.minimum(source, target)
        high = np.maximum(source, target)
        key = low * n + high
        order = np.lexsort((-strength, key))  # the strongest tie of each pair first
        key = key[order]
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        self.low, self.high = low[order][first], high[order][first]
        self.strength = strength[order][first]
        self.graph = igraph.Graph(n=n, edges=np.column_stack([self.low, self.high]).tolist())


def _node_ids(index: dict[str, int], edges: Sequence[Edge], end: str) -> np.ndarray:
    """The node ids of one end of the edges; -1 where the key is not a node."""
    try:
        return np.array(list(map(index.__getitem__, map(attrgetter(end), edges))), np.int64)
    except KeyError:
        return np.array([index.get(key, -1) for key in map(attrgetter(end), edges)], np.int64)


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
