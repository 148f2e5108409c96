"""The relationship graph as files for Gephi and other network analysis tools.

GEXF 1.3 and GraphML are written by networkx from an undirected multigraph:
most ties are undirected, and several ties may join the same two nodes (a
function and an advisory role, say). Directed ties keep their direction in the
attributes `directed` and `from` (the key of the end they run from). CSV node and
edge lists use the column names Gephi's spreadsheet import recognises (`Id`,
`Label`; `Source`, `Target`, `Type`, `Weight`) and are written like the contact
exports (UTF-8 with BOM, semicolons; see `core.spreadsheet.csv_stream`).

Attributes: nodes `type` (person or organisation), `label`, `organisation_kind`
(organisations), `team` (persons); edges `kind` (a tie kind or `employment`),
`strength` (also the edge weight), `trust` (only for the team, never for
partners), `since`, `last_contact` (ISO dates), `directed`, `from`, `tie` (the
tie's id; none for employment). Missing values are left out.
"""

import io
from collections.abc import Iterator

import networkx as nx

from .enums import NodeType
from .graph import EMPLOYMENT, Edge, NetworkData, Node

NODE_HEADERS = ["Id", "Label", "type", "organisation_kind", "team"]
EDGE_HEADERS = [
    "Source", "Target", "Type", "Weight", "kind", "strength", "trust", "since",
    "last_contact", "directed", "tie",
]  # fmt: skip


def node_attributes(node: Node) -> dict:
    attributes = {"label": node.label, "type": str(node.type)}
    if node.type == NodeType.ORGANISATION:
        attributes["organisation_kind"] = node.organisation_kind
    else:
        attributes["team"] = node.team
    return attributes


def edge_attributes(edge: Edge, *, include_trust: bool) -> dict:
    attributes = {
        "kind": edge.kind,
        "strength": edge.strength,
        "weight": edge.strength,
        "directed": edge.directed,
    }
    if edge.directed:
        attributes["from"] = edge.source
    if include_trust and edge.trust is not None:
        attributes["trust"] = edge.trust
    if edge.since is not None:
        attributes["since"] = edge.since.isoformat()
    if edge.last_contact is not None:
        attributes["last_contact"] = edge.last_contact.isoformat()
    if edge.tie_id is not None:
        attributes["tie"] = edge.tie_id
    return attributes


def networkx_graph(data: NetworkData, *, include_trust: bool) -> nx.MultiGraph:
    graph = nx.MultiGraph()
    for node in data.nodes:
        graph.add_node(node.key, **node_attributes(node))
    for number, edge in enumerate(data.edges):
        graph.add_edge(
            edge.source,
            edge.target,
            key=_edge_id(number, edge),
            **edge_attributes(edge, include_trust=include_trust),
        )
    return graph


def gexf_bytes(data: NetworkData, *, include_trust: bool) -> bytes:
    output = io.BytesIO()
    nx.write_gexf(networkx_graph(data, include_trust=include_trust), output, version="1.3")
    return output.getvalue()


def graphml_bytes(data: NetworkData, *, include_trust: bool) -> bytes:
    output = io.BytesIO()
    nx.write_graphml(networkx_graph(data, include_trust=include_trust), output)
    return output.getvalue()


def node_table(data: NetworkData) -> tuple[list[str], Iterator[list]]:
    def rows():
        for node in data.nodes:
            is_person = node.type == NodeType.PERSON
            yield [
                node.key,
                node.label,
                str(node.type),
                "" if is_person else node.organisation_kind,
                _bool(node.team) if is_person else "",
            ]

    return NODE_HEADERS, rows()


def edge_table(data: NetworkData, *, include_trust: bool) -> tuple[list[str], Iterator[list]]:
    def rows():
        for edge in data.edges:
            yield [
                edge.source,
                edge.target,
                "Directed" if edge.directed else "Undirected",
                edge.strength,
                edge.kind,
                edge.strength,
                edge.trust if include_trust else None,
                edge.since.isoformat() if edge.since else None,
                edge.last_contact.isoformat() if edge.last_contact else None,
                _bool(edge.directed),
                edge.tie_id,
            ]

    return EDGE_HEADERS, rows()


def _edge_id(number: int, edge: Edge) -> str:
    if edge.kind == EMPLOYMENT:
        return f"employment:{number}"
    return f"tie:{edge.tie_id}"


def _bool(value: bool) -> str:
    return "true" if value else "false"
