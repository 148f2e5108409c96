"""What to do next: concrete suggestions from the health lists (pure, no ORM)."""

from ..analytics import SimpleGraph
from ..enums import NodeType
from ..graph import NetworkData

# What a snapshot keeps of each named list.
LIST_LIMIT = 50
PERSON_PREFIX = f"{NodeType.PERSON}:"


def rank(key: str, nodes: dict) -> tuple:
    """Sorts by falling weighted degree, then degree, then key: the best-connected first."""
    return (-nodes[key]["weighted_degree"], -nodes[key]["degree"], key)


def ranked(keys, nodes: dict) -> list[str]:
    """The keys, the best-connected first (see `rank`)."""
    return sorted(keys, key=lambda key: rank(key, nodes))


# ------------------------------------------------------------------ what to do next


def next_steps(data: NetworkData, metrics: dict, health: dict, *, limit: int = LIST_LIMIT) -> dict:
    """Concrete suggestions from the health lists, as node keys and tie ids (no ORM).

    - introductions: members cut off without the team, the best-connected first,
      each with the team member they hang on (`via`, the strongest such tie) and
      a partner to introduce them to (`to`): a person (people introduce people)
      among the contacts of that team member who stays connected without the
      team, preferably from the same community, then one not suggested yet (so
      that not everybody is sent to the same person), then the best-connected;
    - brokers: articulation points, persons before organisations (a company is
      the articulation point of every employee known only as such, which is no
      risk; a person who alone connects parts is), then those whose loss cuts
      off most, each with pairs of their contacts in parts that their loss would separate (the
      best-connected contact of each part, the largest part first) to introduce
      to each other;
    - stale_ties: tie ids, unknown last contact first, then the oldest;
    - isolates: nodes without any tie.
    """
    nodes = metrics["nodes"]
    cut_off = health["team_dependency"]["cut_off"]
    brokers = sorted(
        health["brokers"]["nodes"],
        key=lambda broker: (
            not broker["key"].startswith(PERSON_PREFIX),
            -broker["cut_off"],
            broker["key"],
        ),
    )[:limit]
    simple = SimpleGraph(data) if cut_off or brokers else None
    return {
        "introductions": _introductions(simple, nodes, health, limit=limit) if cut_off else [],
        "only_via_team": health["ties_only_via_team"]["nodes"][:limit],
        "brokers": _broker_pairs(simple, nodes, brokers) if brokers else [],
        "stale_ties": health["stale_ties"]["tie_ids"][:limit],
        "isolates": health["isolates"]["nodes"][:limit],
    }


def _introductions(simple: SimpleGraph, nodes: dict, health: dict, *, limit: int) -> list[dict]:
    graph, keys, team = simple.graph, simple.keys, simple.team
    index = {key: i for i, key in enumerate(keys)}
    cut_off = set(health["team_dependency"]["cut_off"])
    only_team = set(health["ties_only_via_team"]["nodes"])
    suggested: dict[str, int] = {}  # spread the introductions over several partners
    steps = []
    for key in ranked(cut_off, nodes)[:limit]:
        v = index[key]
        team_contacts = [w for w in graph.neighbors(v) if team[w]]
        via = (
            max(team_contacts, key=lambda w: (simple.strength[graph.get_eid(v, w)], -w))
            if team_contacts
            else None
        )
        candidates = {
            keys[y]
            for w in team_contacts
            for y in graph.neighbors(w)
            if y != v
            and not team[y]
            and keys[y] not in cut_off
            and keys[y].startswith(PERSON_PREFIX)
        }
        community = nodes[key]["community"]
        partner = min(
            candidates,
            key=lambda other: (
                nodes[other]["community"] != community,
                suggested.get(other, 0),
                -nodes[other]["weighted_degree"],
                other,
            ),
            default=None,
        )
        if partner is not None:
            suggested[partner] = suggested.get(partner, 0) + 1
        steps.append(
            {
                "key": key,
                "only_team": key in only_team,
                "via": keys[via] if via is not None else None,
                "to": partner,
            }
        )
    return steps


def _broker_pairs(simple: SimpleGraph, nodes: dict, brokers: list[dict]) -> list[dict]:
    """Each broker with its contacts in the parts its loss separates, paired for introductions.

    Two contacts of a broker lie in parts its loss separates exactly when the
    edges to them belong to different biconnected blocks.
    """
    graph, keys = simple.graph, simple.keys
    index = {key: i for i, key in enumerate(keys)}
    blocks_of: dict[int, set[int]] = {}
    block_size: dict[int, int] = {}
    for number, block in enumerate(graph.biconnected_components()):
        block_size[number] = len(block)
        for v in block:
            blocks_of.setdefault(v, set()).add(number)
    steps = []
    for broker in brokers:
        b = index[broker["key"]]
        best: dict[int, str] = {}
        for w in graph.neighbors(b):
            (block,) = blocks_of[b] & blocks_of[w]  # the one block holding the edge b–w
            if block not in best or rank(keys[w], nodes) < rank(best[block], nodes):
                best[block] = keys[w]
        parts = sorted(best, key=lambda block: (-block_size[block], best[block]))
        contacts = [best[block] for block in parts]
        steps.append(
            {
                **broker,
                "pairs": [[contacts[0], other] for other in contacts[1:3]],
            }
        )
    return steps
