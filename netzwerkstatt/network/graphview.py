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
when there is one, else the degree in the filtered graph. Small maps are laid out
in the browser (Cytoscape's cose); larger ones get positions from igraph's
Fruchterman–Reingold here (`force_layout`). The filters work on numpy arrays of the
cached graph (`GraphArrays`), so they cost milliseconds at a million ties.
"""

import math
import threading
from collections import defaultdict, deque
from dataclasses import dataclass
from functools import cached_property

import igraph
import numpy as np
from django.urls import reverse
from django.utils import formats
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
# Up to this many nodes Cytoscape lays the map out in the browser (cose); larger maps
# come with positions computed here (see force_layout), NODE_SPACING pixels apart.
BROWSER_LAYOUT_UP_TO = 400
NODE_SPACING = 40


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


class GraphArrays:
    """A graph's nodes and edges as numpy arrays, so that filters cost milliseconds at a
    million ties. Built once per graph version (`loading.CachedGraph.derived`)."""

    def __init__(self, data: NetworkData):
        self.data = data
        nodes, edges = data.nodes, data.edges
        self.keys = [node.key for node in nodes]
        self.index = {key: position for position, key in enumerate(self.keys)}
        self.is_organisation = np.fromiter(
            (node.type == NodeType.ORGANISATION for node in nodes), bool, len(nodes)
        )
        self.organisation_kinds = {kind: code for code, kind in enumerate(OrganisationKind.values)}
        self.organisation_kind = np.fromiter(
            (self.organisation_kinds.get(node.organisation_kind, -1) for node in nodes),
            np.int16,
            len(nodes),
        )
        index, m = self.index, len(edges)
        self.source = np.fromiter((index[edge.source] for edge in edges), np.int64, m)
        self.target = np.fromiter((index[edge.target] for edge in edges), np.int64, m)
        self.strength = np.fromiter((edge.strength for edge in edges), np.int8, m)
        self.kinds: dict[str, int] = {}
        self.kind = np.fromiter(
            (self.kinds.setdefault(edge.kind, len(self.kinds)) for edge in edges), np.int16, m
        )
        self.tie = np.fromiter(
            (-1 if edge.tie_id is None else edge.tie_id for edge in edges), np.int64, m
        )


@dataclass
class FilteredGraph:
    """What the filters keep of a graph: masks over its nodes and edges."""

    arrays: GraphArrays
    nodes: np.ndarray  # bool per node
    edges: np.ndarray  # bool per edge
    centre: str = ""
    distance: np.ndarray | None = None  # ego network: hops from the centre, -1 beyond

    @cached_property
    def data(self) -> NetworkData:
        graph = self.arrays.data
        return NetworkData(
            nodes=[graph.nodes[i] for i in np.flatnonzero(self.nodes).tolist()],
            edges=[graph.edges[i] for i in np.flatnonzero(self.edges).tolist()],
        )


def graph_filtered(*, scope: Scope, filters: GraphFilter) -> FilteredGraph:
    """The scope's graph as the filters restrict it; Http404 for a centre outside the scope."""
    if filters.centre:
        node_from_key(scope=scope, key=filters.centre)
    arrays = cached_graph(scope=scope).derived(
        "graph_arrays", lambda graph: GraphArrays(graph.data)
    )
    tagged = _tagged_keys(scope, filters.tag) if filters.tag else None
    project_ties = (
        set(scope.objects(Tie).filter(project_id=filters.project).values_list("pk", flat=True))
        if filters.project
        else None
    )
    return select(arrays, filters=filters, tagged=tagged, project_ties=project_ties)


def restrict(
    data: NetworkData,
    *,
    filters: GraphFilter,
    tagged: set[str] | None = None,
    project_ties: set[int] | None = None,
) -> FilteredGraph:
    """`select` on a graph not yet indexed (tests, one-off uses)."""
    return select(GraphArrays(data), filters=filters, tagged=tagged, project_ties=project_ties)


def select(
    arrays: GraphArrays,
    *,
    filters: GraphFilter,
    tagged: set[str] | None = None,
    project_ties: set[int] | None = None,
) -> FilteredGraph:
    """Keep the nodes and edges the filters ask for (see the module docstring)."""
    source, target = arrays.source, arrays.target
    nodes = np.ones(len(arrays.keys), bool)
    if filters.organisation_kind:
        code = arrays.organisation_kinds.get(filters.organisation_kind, -2)
        nodes &= ~arrays.is_organisation | (arrays.organisation_kind == code)
    if tagged is not None:
        nodes &= _mask(arrays, tagged)
    edges = nodes[source] & nodes[target]
    if filters.tie_kind:
        edges &= arrays.kind == arrays.kinds.get(filters.tie_kind, -1)
    if filters.min_strength > 1:
        edges &= arrays.strength >= filters.min_strength
    if project_ties is not None:
        edges &= np.isin(arrays.tie, np.fromiter(project_ties, np.int64, len(project_ties)))
    centre = arrays.index.get(filters.centre, -1) if filters.centre else -1
    if centre >= 0 and not nodes[centre]:
        centre = -1
    distance = None
    if filters.centre:
        distance = _distances(source[edges], target[edges], len(nodes), centre, filters.depth)
        nodes &= distance >= 0
        edges &= nodes[source] & nodes[target]
    if not filters.isolates:
        linked = np.zeros(len(nodes), bool)
        linked[source[edges]] = True
        linked[target[edges]] = True
        if centre >= 0:
            linked[centre] = True
        nodes &= linked
    return FilteredGraph(
        arrays, nodes, edges, centre=arrays.keys[centre] if centre >= 0 else "", distance=distance
    )


def _distances(source, target, n: int, centre: int, depth: int) -> np.ndarray:
    """Hops from the centre over these edges (either direction), up to `depth`; -1 beyond."""
    distance = np.full(n, -1, np.int16)
    if centre < 0:
        return distance
    distance[centre] = 0
    frontier = np.zeros(n, bool)
    frontier[centre] = True
    for step in range(1, depth + 1):
        touching = frontier[source] | frontier[target]
        reached = np.zeros(n, bool)
        reached[source[touching]] = True
        reached[target[touching]] = True
        reached &= distance < 0
        if not reached.any():
            break
        distance[reached] = step
        frontier = reached
    return distance


def _mask(arrays: GraphArrays, keys: set[str]) -> np.ndarray:
    mask = np.zeros(len(arrays.keys), bool)
    mask[[arrays.index[key] for key in keys if key in arrays.index]] = True
    return mask


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


def _tagged_keys(scope: Scope, tag: int) -> set[str]:
    organisations = scope.objects(Organisation).filter(tags=tag).values_list("pk", flat=True)
    persons = scope.objects(Person).filter(tags=tag).values_list("pk", flat=True)
    return {f"{NodeType.ORGANISATION.value}:{pk}" for pk in organisations} | {
        f"{NodeType.PERSON.value}:{pk}" for pk in persons
    }


# ------------------------------------------------------------------------------ the map


def map_elements(*, scope: Scope, filtered: FilteredGraph, max_nodes: int = MAX_MAP_NODES) -> dict:
    """Cytoscape.js elements of the filtered graph, at most `max_nodes` nodes, and counts."""
    arrays = filtered.arrays
    source, target = arrays.source[filtered.edges], arrays.target[filtered.edges]
    n = len(arrays.keys)
    degree = np.bincount(source, minlength=n) + np.bincount(target, minlength=n)
    chosen = np.flatnonzero(filtered.nodes)
    betweenness = snapshot_betweenness(scope=scope)
    between = (
        np.array([betweenness.get(arrays.keys[i], 0.0) for i in chosen.tolist()])
        if betweenness
        else np.zeros(len(chosen))
    )
    total_nodes, total_edges = len(chosen), int(filtered.edges.sum())
    if len(chosen) > max_nodes:
        distance = (
            filtered.distance[chosen] if filtered.distance is not None else np.zeros(len(chosen))
        )
        order = np.lexsort((chosen, -degree[chosen], -between, distance))[:max_nodes]
        chosen, between = chosen[order], between[order]
    kept = np.zeros(n, bool)
    kept[chosen] = True
    edges = np.flatnonzero(filtered.edges & kept[arrays.source] & kept[arrays.target])
    centrality = between if betweenness else degree[chosen].astype(float)
    top = float(centrality.max()) if len(centrality) and centrality.max() > 0 else 1.0
    sizes = SIZE_MIN + (SIZE_MAX - SIZE_MIN) * np.sqrt(centrality / top)
    urls = {
        NodeType.PERSON: reverse("contacts:person_detail", args=[0]),
        NodeType.ORGANISATION: reverse("contacts:organisation_detail", args=[0]),
    }
    graph = arrays.data
    capped = len(chosen) < total_nodes
    positions = (
        force_layout(arrays, chosen, edges).tolist()
        if len(chosen) > BROWSER_LAYOUT_UP_TO
        else [None] * len(chosen)
    )
    return {
        "layout": "browser" if len(chosen) <= BROWSER_LAYOUT_UP_TO else "preset",
        "elements": {
            "nodes": [
                _node_element(
                    graph.nodes[i],
                    degree=int(degree[i]),
                    betweenness=betweenness.get(arrays.keys[i]) if betweenness else None,
                    size=float(size),
                    url=urls[graph.nodes[i].type].replace("/0/", f"/{graph.nodes[i].pk}/"),
                    centre=arrays.keys[i] == filtered.centre,
                    position=position,
                )
                for i, size, position in zip(
                    chosen.tolist(), sizes.tolist(), positions, strict=True
                )
            ],
            "edges": [_edge_element(j, graph.edges[j]) for j in edges.tolist()],
        },
        "centre": filtered.centre,
        "total": {"nodes": total_nodes, "edges": total_edges},
        "shown": {"nodes": len(chosen), "edges": len(edges)},
        "capped": capped,
        "size_by": "betweenness" if betweenness else "degree",
        "message": _map_message(len(chosen), total_nodes, capped=capped),
    }


def _map_message(shown: int, total: int, *, capped: bool) -> str:
    if capped:
        return _(
            "The map shows the %(shown)s best-connected of %(total)s contacts. Narrow it "
            "down with the filters or show the network around one contact."
        ) % {
            "shown": formats.number_format(shown, force_grouping=True),
            "total": formats.number_format(total, force_grouping=True),
        }
    if not total:
        return _(
            "No contacts with ties match these filters. Record ties on the contact pages, "
            "or loosen the filters."
        )
    return ""


def force_layout(arrays: GraphArrays, chosen: np.ndarray, edges: np.ndarray) -> np.ndarray:
    """Positions (x, y in pixels) of the chosen nodes by Fruchterman–Reingold in igraph.

    Cytoscape's own force-directed layout compares every pair of nodes in each
    iteration in the browser's main thread; above BROWSER_LAYOUT_UP_TO nodes that
    takes seconds, igraph's a fraction of one. Each connected component is laid out
    on its own (together, small ones would drift far off and shrink the rest) and
    the components are packed in rows, the largest first.
    """
    count = len(chosen)
    local = np.full(len(arrays.keys), -1, np.int64)
    local[chosen] = np.arange(count)
    pairs = np.column_stack([local[arrays.source[edges]], local[arrays.target[edges]]])
    pairs = np.unique(np.sort(pairs, axis=1), axis=0) if len(pairs) else pairs
    graph = igraph.Graph(n=count, edges=pairs.tolist())
    start = np.random.default_rng(0).uniform(-1, 1, size=(count, 2))
    positions = np.zeros((count, 2))
    components = sorted(graph.connected_components(), key=len, reverse=True)
    row_width = max(NODE_SPACING * 2, _spread(len(components[0]))) if components else 0
    x = y = row_height = 0.0
    for members in components:
        if len(members) == 1:
            coords = np.zeros((1, 2))
        else:
            layout = graph.subgraph(members).layout_fruchterman_reingold(
                niter=500, seed=(start[members] * math.sqrt(len(members))).tolist()
            )
            coords = np.array(layout.coords)
            coords -= coords.min(axis=0)
            coords *= _spread(len(members)) / (float(coords.max()) or 1.0)
        width, height = coords.max(axis=0) + NODE_SPACING
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        positions[members] = coords + np.array([x, y])
        x += width
        row_height = max(row_height, height)
    return np.round(positions, 1)


def _spread(nodes: int) -> float:
    """The side of the square a component of this many nodes is spread over, in pixels."""
    return NODE_SPACING * 2 * math.sqrt(nodes)


def _node_element(
    node: Node,
    *,
    degree: int,
    betweenness: float | None,
    size: float,
    url: str,
    centre: bool,
    position: list[float] | None = None,
) -> dict:
    is_person = node.type == NodeType.PERSON
    element = {
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
    if position is not None:
        element["position"] = {"x": position[0], "y": position[1]}
    return element


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
    stored = (
        scope.objects(MetricsSnapshot).filter(pk=newest).values_list("metrics__nodes", flat=True)
    ).first() or {}
    values = _betweenness_values(stored)
    with _betweenness_lock:
        _betweenness_cache[workspace] = (newest, values)
    return values


def _betweenness_values(stored: dict) -> dict[str, float]:
    """Betweenness per node key from a snapshot's `nodes`: `fields` names the list positions."""
    from .metrics import NODE_FIELDS

    fields = list(stored.get("fields", NODE_FIELDS))
    if "betweenness" not in fields:
        return {}
    position = fields.index("betweenness")
    return {key: float(row[position] or 0.0) for key, row in stored.get("values", {}).items()}
