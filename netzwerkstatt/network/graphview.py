"""The graph as the network map and the exports show it: filtered, as an ego network, capped.

`graph_filtered` takes the scope's cached graph (`loading.cached_graph`) and keeps
what the filters ask for:

- organisation kind: organisations of other kinds leave the graph (persons stay);
- tie kind: only ties of that kind (`employment`: only current functions);
- minimum strength: only ties at least that strong;
- tag: only organisations and persons with that tag;
- project: only ties recorded for that project;
- ego network: only what lies within `depth` (1–3) ties of the centre node;
- nodes left without any tie are dropped unless `isolates` is set (the centre stays).

`map_elements` turns the result into Cytoscape.js elements, at most MAX_MAP_NODES
nodes (the best connected, or the nearest to the centre), so the map stays fast on
large workspaces. Node sizes follow betweenness from the newest metrics snapshot
when there is one, else the degree in the filtered graph.
"""

import math
import threading
from collections import defaultdict, deque
from dataclasses import dataclass

from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.scoping import Scope

from .enums import NodeType
from .graph import Edge, NetworkData, Node
from .loading import cached_graph
from .models import MetricsSnapshot, Tie
from .selectors import node_from_key

MAX_MAP_NODES = 1_500
MAX_DEPTH = 3
# Colours of organisation kinds (Okabe–Ito, distinguishable with colour blindness).
KIND_COLOURS = {
    OrganisationKind.COMPANY: "#0072B2",
    OrganisationKind.CHAMBER: "#E69F00",
    OrganisationKind.UNION: "#D55E00",
    OrganisationKind.EMPLOYERS_ASSOCIATION: "#CC79A7",
    OrganisationKind.EMPLOYMENT_AGENCY: "#009E73",
    OrganisationKind.EDUCATION_PROVIDER: "#56B4E9",
    OrganisationKind.CONSULTANCY: "#F0E442",
    OrganisationKind.MUNICIPALITY: "#7F6A3E",
    OrganisationKind.OTHER: "#6F6F6F",
}
PERSON_COLOUR = "#C9CED6"
TEAM_COLOUR = "#1F3A5F"
SIZE_MIN, SIZE_MAX = 18, 64


@dataclass(frozen=True)
class GraphFilter:
    organisation_kind: str = ""
    tie_kind: str = ""  # a TieKind value or EMPLOYMENT
    min_strength: int = 1
    tag: int | None = None  # a Tag of the scope (checked by the caller)
    project: int | None = None  # a Project of the scope (checked by the caller)
    centre: str = ""  # a node key in the scope (checked by `graph_filtered`)
    depth: int = 1
    isolates: bool = False


@dataclass
class FilteredGraph:
    data: NetworkData
    centre: str = ""
    distance: dict[str, int] | None = None  # ego network: hops from the centre


def graph_filtered(*, scope: Scope, filters: GraphFilter) -> FilteredGraph:
    """The scope's graph as the filters restrict it; Http404 for a centre outside the scope."""
    if filters.centre:
        node_from_key(scope=scope, key=filters.centre)
    graph = cached_graph(scope=scope)
    tagged = _tagged_keys(scope, filters.tag) if filters.tag else None
    project_ties = (
        set(scope.objects(Tie).filter(project_id=filters.project).values_list("pk", flat=True))
        if filters.project
        else None
    )
    return restrict(graph.data, filters=filters, tagged=tagged, project_ties=project_ties)


def restrict(
    data: NetworkData,
    *,
    filters: GraphFilter,
    tagged: set[str] | None = None,
    project_ties: set[int] | None = None,
) -> FilteredGraph:
    """The pure part of `graph_filtered`: keep the nodes and edges the filters ask for."""
    kind = filters.organisation_kind

    def keep_node(node: Node) -> bool:
        if kind and node.type == NodeType.ORGANISATION and node.organisation_kind != kind:
            return False
        return tagged is None or node.key in tagged

    def keep_edge(edge: Edge) -> bool:
        if filters.tie_kind and edge.kind != filters.tie_kind:
            return False
        if edge.strength < filters.min_strength:
            return False
        return project_ties is None or edge.tie_id in project_ties

    nodes = [node for node in data.nodes if keep_node(node)]
    keys = {node.key for node in nodes}
    edges = [
        edge
        for edge in data.edges
        if edge.source in keys and edge.target in keys and keep_edge(edge)
    ]
    distance = None
    centre = filters.centre if filters.centre in keys else ""
    if filters.centre:
        distance = ego_distances(edges, centre=centre, depth=filters.depth) if centre else {}
        nodes = [node for node in nodes if node.key in distance]
        edges = [edge for edge in edges if edge.source in distance and edge.target in distance]
    if not filters.isolates:
        linked = {edge.source for edge in edges} | {edge.target for edge in edges} | {centre}
        nodes = [node for node in nodes if node.key in linked]
    return FilteredGraph(NetworkData(nodes=nodes, edges=edges), centre=centre, distance=distance)


def ego_distances(edges: list[Edge], *, centre: str, depth: int) -> dict[str, int]:
    """Hops from the centre to every node within `depth` ties (direction does not matter)."""
    neighbours = defaultdict(set)
    for edge in edges:
        neighbours[edge.source].add(edge.target)
        neighbours[edge.target].add(edge.source)
    distance = {centre: 0}
    queue = deque([centre])
    while queue:
        key = queue.popleft()
        if distance[key] == depth:
            continue
        for other in neighbours[key]:
            if other not in distance:
                distance[other] = distance[key] + 1
                queue.append(other)
    return distance


def degrees(edges: list[Edge]) -> dict[str, int]:
    """Ties per node (each tie counted, also several between the same two nodes)."""
    degree: dict[str, int] = defaultdict(int)
    for edge in edges:
        degree[edge.source] += 1
        degree[edge.target] += 1
    return degree


def _tagged_keys(scope: Scope, tag: int) -> set[str]:
    organisations = scope.objects(Organisation).filter(tags=tag).values_list("pk", flat=True)
    persons = scope.objects(Person).filter(tags=tag).values_list("pk", flat=True)
    return {f"{NodeType.ORGANISATION.value}:{pk}" for pk in organisations} | {
        f"{NodeType.PERSON.value}:{pk}" for pk in persons
    }


# ------------------------------------------------------------------------------ the map


def map_elements(*, scope: Scope, filtered: FilteredGraph, max_nodes: int = MAX_MAP_NODES) -> dict:
    """Cytoscape.js elements of the filtered graph, at most `max_nodes` nodes, and counts."""
    data = filtered.data
    degree = degrees(data.edges)
    betweenness = snapshot_betweenness(scope=scope)
    nodes = data.nodes
    if len(nodes) > max_nodes:
        distance = filtered.distance or {}
        nodes = sorted(
            nodes,
            key=lambda node: (
                distance.get(node.key, 0),
                -(betweenness or {}).get(node.key, 0.0),
                -degree.get(node.key, 0),
                node.key,
            ),
        )[:max_nodes]
    shown = {node.key for node in nodes}
    edges = [edge for edge in data.edges if edge.source in shown and edge.target in shown]
    centrality = (
        {node.key: betweenness.get(node.key, 0.0) for node in nodes}
        if betweenness
        else {node.key: float(degree.get(node.key, 0)) for node in nodes}
    )
    top = max(centrality.values(), default=0.0) or 1.0
    urls = {
        NodeType.PERSON: reverse("contacts:person_detail", args=[0]),
        NodeType.ORGANISATION: reverse("contacts:organisation_detail", args=[0]),
    }
    capped = len(nodes) < len(data.nodes)
    return {
        "elements": {
            "nodes": [
                _node_element(
                    node,
                    degree=degree.get(node.key, 0),
                    betweenness=(betweenness or {}).get(node.key),
                    size=SIZE_MIN + (SIZE_MAX - SIZE_MIN) * math.sqrt(centrality[node.key] / top),
                    url=urls[node.type].replace("/0/", f"/{node.pk}/"),
                    centre=node.key == filtered.centre,
                )
                for node in nodes
            ],
            "edges": [_edge_element(number, edge) for number, edge in enumerate(edges)],
        },
        "total": {"nodes": len(data.nodes), "edges": len(data.edges)},
        "shown": {"nodes": len(nodes), "edges": len(edges)},
        "capped": capped,
        "size_by": "betweenness" if betweenness else "degree",
        "message": _map_message(len(nodes), len(data.nodes), capped=capped),
    }


def _map_message(shown: int, total: int, *, capped: bool) -> str:
    if capped:
        return _(
            "The map shows the %(shown)s best-connected of %(total)s contacts. Narrow it "
            "down with the filters or show the network around one contact."
        ) % {"shown": f"{shown:,}".replace(",", "."), "total": f"{total:,}".replace(",", ".")}
    if not total:
        return _(
            "No contacts with ties match these filters. Record ties on the contact pages, "
            "or loosen the filters."
        )
    return ""


def _node_element(
    node: Node, *, degree: int, betweenness: float | None, size: float, url: str, centre: bool
) -> dict:
    is_person = node.type == NodeType.PERSON
    return {
        "data": {
            "id": node.key,
            "label": node.label,
            "type": str(node.type),
            "kind": "person" if is_person else node.organisation_kind,
            "colour": PERSON_COLOUR
            if is_person
            else KIND_COLOURS.get(node.organisation_kind, PERSON_COLOUR),
            "team": node.team,
            "centre": centre,
            "degree": degree,
            "betweenness": betweenness,
            "size": round(size, 1),
            "url": url,
        }
    }


def _edge_element(number: int, edge: Edge) -> dict:
    return {
        "data": {
            "id": f"e{number}",
            "source": edge.source,
            "target": edge.target,
            "kind": edge.kind,
            "strength": edge.strength,
            "directed": edge.directed,
        }
    }


def legend() -> list[dict]:
    """The map's colours with their labels, for the legend and the script."""
    entries = [
        {"kind": kind.value, "label": str(kind.label), "colour": KIND_COLOURS[kind]}
        for kind in OrganisationKind
    ]
    entries.append({"kind": "person", "label": _("Person"), "colour": PERSON_COLOUR})
    entries.append({"kind": "team", "label": _("Team member"), "colour": TEAM_COLOUR})
    return entries


# ------------------------------------------------------------- betweenness of the snapshot

_betweenness_cache: dict[int, tuple[int, dict[str, float]]] = {}
_betweenness_lock = threading.Lock()


def snapshot_betweenness(*, scope: Scope) -> dict[str, float] | None:
    """Betweenness per node key from the newest metrics snapshot, or None without one.

    The snapshot's per-node values are read once per snapshot and process.
    """
    newest = (
        scope.objects(MetricsSnapshot)
        .filter(metrics__has_key="nodes")
        .order_by("-computed_at", "-pk")
        .values_list("pk", flat=True)
        .first()
    )
    if newest is None:
        return None
    workspace = scope.workspace.pk
    with _betweenness_lock:
        cached = _betweenness_cache.get(workspace)
        if cached is not None and cached[0] == newest:
            return cached[1]
    nodes = (
        scope.objects(MetricsSnapshot).filter(pk=newest).values_list("metrics__nodes", flat=True)
    ).first() or {}
    values = {key: _betweenness_of(value) for key, value in nodes.items()}
    with _betweenness_lock:
        _betweenness_cache[workspace] = (newest, values)
    return values


def _betweenness_of(value) -> float:
    """A node's betweenness from a snapshot: a dict of metrics, or a list in NODE_FIELDS order."""
    if isinstance(value, dict):
        return float(value.get("betweenness") or 0.0)
    from .metrics import NODE_FIELDS

    position = NODE_FIELDS.index("betweenness")
    return float(value[position]) if len(value) > position and value[position] else 0.0
