"""Small NetworkData graphs for the algorithm tests, and the brute-force warm-path oracle."""

import itertools
import math
from dataclasses import replace
from datetime import date

import networkx as nx

from netzwerkstatt.network.enums import NodeType
from netzwerkstatt.network.graph import EMPLOYMENT, EMPLOYMENT_STRENGTH, Edge, NetworkData, Node
from netzwerkstatt.network.scoring import tie_probability

TODAY = date(2025, 6, 1)


def person(pk: int, *, team: bool = False, door: str = "willing") -> Node:
    return Node(
        key=f"person:{pk}",
        type=NodeType.PERSON,
        pk=pk,
        label=f"Person {pk}",
        team=team,
        door_opener=door,
    )


def organisation(pk: int, *, kind: str = "company") -> Node:
    return Node(
        key=f"organisation:{pk}",
        type=NodeType.ORGANISATION,
        pk=pk,
        label=f"Organisation {pk}",
        organisation_kind=kind,
    )


def tie(
    source: str,
    target: str,
    *,
    strength: int = 3,
    trust: int | None = None,
    since: date | None = None,
    last_contact: date | None = None,
    kind: str = "knows",
    directed: bool = False,
    tie_id: int | None = None,
) -> Edge:
    return Edge(
        source=source,
        target=target,
        kind=kind,
        strength=strength,
        trust=trust,
        since=since,
        last_contact=last_contact,
        directed=directed,
        tie_id=tie_id,
    )


def employment(person_key: str, organisation_key: str) -> Edge:
    return Edge(
        source=person_key,
        target=organisation_key,
        kind=EMPLOYMENT,
        strength=EMPLOYMENT_STRENGTH,
        role="Geschäftsführerin",
    )


def numbered(data: NetworkData) -> NetworkData:
    """Give every recorded tie an id, in order."""
    edges = [
        edge if edge.kind == EMPLOYMENT else replace(edge, tie_id=number)
        for number, edge in enumerate(data.edges, start=1)
    ]
    return NetworkData(nodes=data.nodes, edges=edges)


def brute_force_paths(data: NetworkData, *, sources, target, k, max_hops, today=TODAY):
    """Every allowed simple path by networkx, ranked as warm_paths ranks them.

    Returns (score, node keys, unasked keys) of the k best. The rules, spelled
    out: intermediates are persons, neither team members nor sources; they are
    not unwilling, except the last person before an organisation who works
    there (an EMPLOYMENT edge to it); unasked lists the intermediates not asked
    yet, but not such an employee as the last person.
    """
    nodes = {node.key: node for node in data.nodes}
    graph = nx.Graph()
    graph.add_nodes_from(nodes)
    staff = set()  # (organisation, person) of every current function
    for edge in data.edges:
        if edge.source == edge.target or edge.source not in nodes or edge.target not in nodes:
            continue
        ends = {nodes[edge.source].type: edge.source, nodes[edge.target].type: edge.target}
        if edge.kind == EMPLOYMENT and set(ends) == {NodeType.PERSON, NodeType.ORGANISATION}:
            staff.add((ends[NodeType.ORGANISATION], ends[NodeType.PERSON]))
        p = tie_probability(edge, today=today)
        current = graph.get_edge_data(edge.source, edge.target)
        if current is None or p > current["p"]:
            graph.add_edge(edge.source, edge.target, p=p)
    if target not in nodes:
        return []
    starts = {key for key in sources if key in nodes} - {target}

    def allowed(key, *, last):
        node = nodes[key]
        return (
            node.type == "person"
            and not node.team
            and (node.door_opener != "unwilling" or (last and (target, key) in staff))
            and key not in starts
            and key != target
        )

    def unasked(path):
        return tuple(
            key
            for position, key in enumerate(path[1:-1], start=1)
            if nodes[key].door_opener == "not_asked"
            and not (position == len(path) - 2 and (target, key) in staff)
        )

    ranked = []
    for source in sorted(starts):
        for path in nx.all_simple_paths(graph, source, target, cutoff=max_hops):
            inner = path[1:-1]
            if all(allowed(key, last=key == inner[-1]) for key in inner):
                score = math.prod(graph[a][b]["p"] for a, b in itertools.pairwise(path))
                ranked.append((-score, len(path), tuple(path)))
    ranked.sort()
    return [(-negative, path, unasked(path)) for negative, _, path in ranked[:k]]
