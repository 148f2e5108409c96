"""A warm path in plain words: who introduces whom, how well they know each other.

"You → Ms Anna Meyer (IG Metall, known since 2019, strong) → Mr Jan Schulz,
Geschäftsführung at Metallbau Müller GmbH (good)". The first node is "You" when
it is the current user's own person record, else the team member's name; each
later step names the organisation a person works for (the last person before a
target organisation: their function there), since when the two ends of the tie
know each other and how strong the tie is; introducers not yet asked whether
they would open doors are marked (`WarmPath.unasked`: never the target
organisation's own person). The words come from gettext, so the
German catalogue makes the German sentence. Pure: no database.
"""

from collections.abc import Mapping
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .enums import NodeType, TieKind
from .graph import EMPLOYMENT, Edge, Node

SEPARATOR = " → "

STRENGTH_WORDS = {
    1: gettext_lazy("barely acquainted"),
    2: gettext_lazy("loose"),
    3: gettext_lazy("good"),
    4: gettext_lazy("strong"),
    5: gettext_lazy("very close"),
}
SALUTATIONS = {"ms": gettext_lazy("Ms"), "mr": gettext_lazy("Mr")}
# Ties between two persons read "known since"; other ties "since".
ACQUAINTANCE = {TieKind.KNOWS, TieKind.WORKS_WITH, TieKind.MET_AT_EVENT}


@dataclass(frozen=True)
class Step:
    """One node of a path as the sentence names it."""

    node: Node
    name: str  # "You", "Ms Anna Meyer", or "Mr Jan Schulz, Geschäftsführung at Firma X"
    details: tuple[str, ...] = ()  # "IG Metall", "known since 2019", "strong", …
    unasked: bool = False

    def __str__(self):
        return f"{self.name} ({', '.join(self.details)})" if self.details else self.name


def strength_word(strength: int) -> str:
    return str(STRENGTH_WORDS.get(strength, strength))


def person_name(node: Node) -> str:
    """ "Ms Anna Meyer"; the name alone without a salutation."""
    salutation = SALUTATIONS.get(node.salutation)
    return f"{salutation} {node.label}" if salutation else node.label


def node_name(node: Node) -> str:
    return person_name(node) if node.type == NodeType.PERSON else node.label


def path_explanation(path, *, nodes: Mapping[str, Node], you: str | None = None) -> str:
    """The path as one sentence; `you` is the node key of the current user's person, if any.

    `path` is a `paths.WarmPath`: `nodes` from a team member to the target and
    `edges[i]` joining `nodes[i]` and `nodes[i + 1]`.
    """
    return SEPARATOR.join(str(step) for step in path_steps(path, nodes=nodes, you=you))


def path_steps(path, *, nodes: Mapping[str, Node], you: str | None = None) -> list[Step]:
    unasked = set(path.unasked)
    keys = list(path.nodes)
    steps = []
    for index, key in enumerate(keys):
        node = nodes[key]
        if index == 0:
            steps.append(Step(node, _("You") if key == you else node_name(node)))
        elif index == len(keys) - 1:
            steps.append(_target(node, edge=path.edges[index - 1]))
        else:
            neighbours = (nodes[keys[index - 1]], nodes[keys[index + 1]])
            steps.append(
                _intermediate(
                    node,
                    edge=path.edges[index - 1],
                    onward=path.edges[index],
                    neighbours=neighbours,
                    unasked=key in unasked,
                )
            )
    return steps


def edge_words(edge: Edge) -> list[str]:
    """ "known since 2019", "strong": how the two ends of a tie are connected."""
    if edge.kind == EMPLOYMENT:
        return []
    words = []
    if edge.since is not None:
        if edge.kind in ACQUAINTANCE:
            words.append(_("known since %(year)s") % {"year": edge.since.year})
        else:
            words.append(_("since %(year)s") % {"year": edge.since.year})
    words.append(strength_word(edge.strength))
    return words


def _intermediate(
    node: Node, *, edge: Edge, onward: Edge, neighbours: tuple[Node, Node], unasked: bool
) -> Step:
    details = []
    # The organisation a person works for; their function instead when the path goes there
    # (from the employment into it: their first function may be at another organisation).
    if onward.kind == EMPLOYMENT and onward.role:
        details.append(onward.role)
    elif node.affiliation and any(
        other.type == NodeType.ORGANISATION and other.label == node.affiliation
        for other in neighbours
    ):
        details.extend([node.role] if node.role else [])
    elif node.affiliation:
        details.append(node.affiliation)
    details.extend(edge_words(edge))
    if unasked:
        details.append(_("not yet asked as door opener"))
    return Step(node, node_name(node), tuple(details), unasked=unasked)


def _target(node: Node, *, edge: Edge) -> Step:
    """ "Mr Jan Schulz, Geschäftsführung at Firma X (known since 2019, strong)"."""
    name = node_name(node)
    details = edge_words(edge)
    if node.type == NodeType.PERSON and node.role and node.affiliation:
        name = _("%(name)s, %(role)s at %(organisation)s") % {
            "name": name,
            "role": node.role,
            "organisation": node.affiliation,
        }
    elif node.type == NodeType.PERSON and node.affiliation:
        details.insert(0, node.affiliation)
    return Step(node, name, tuple(details))
