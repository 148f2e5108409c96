"""The relationship graph as plain data: what the ORM loader produces and the algorithms take.

Nodes are persons and organisations, keyed "person:<pk>" and "organisation:<pk>".
Edges are the recorded ties plus employment: every current function of a
person at an organisation is an edge of kind EMPLOYMENT. Nothing here touches
the database, so the algorithms (paths, analytics, health) are tested and
benchmarked on generated graphs.
"""

from dataclasses import dataclass, field
from datetime import date

from .enums import NodeType

EMPLOYMENT = "employment"
# A current function counts as a strong, trusted tie; it has no contact date.
EMPLOYMENT_STRENGTH = 4


def node_key(node_type: str, pk: int) -> str:
    return f"{node_type}:{pk}"


@dataclass(frozen=True, slots=True)
class Node:
    key: str
    type: NodeType
    pk: int
    label: str
    organisation_kind: str = ""  # organisations only
    salutation: str = ""  # persons only: "ms", "mr" or ""
    affiliation: str = ""  # persons only: the organisation of their first current function
    role: str = ""  # persons only: their function there
    team: bool = False  # persons only: a member of the project team
    door_opener: str = "not_asked"  # persons only: contacts.enums.DoorOpener
    shared: bool = False


@dataclass(frozen=True, slots=True)
class Edge:
    source: str
    target: str
    kind: str  # a network.enums.TieKind value, or EMPLOYMENT
    strength: int
    trust: int | None = None
    since: date | None = None
    last_contact: date | None = None
    directed: bool = False
    tie_id: int | None = None  # None for employment
    role: str = ""  # employment only: the function


@dataclass(slots=True)
class NetworkData:
    nodes: list[Node] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
