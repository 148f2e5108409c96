"""Health and sustainability of a network: what would remain without the project team.

Figures (shares as floats in 0..1, counts as ints, so snapshots compare over
time), each with the lists that "what to do next" needs. The graph is the
simple undirected one of analytics.SimpleGraph.

- team_dependency: of the non-team members of the largest connected component,
  the share that would be cut off from the largest remaining component if all
  team members left — how much of the network hangs on the team alone;
  `cut_off` lists them (introduce them to partners directly). Of equally large
  components, the one with the first node in the data's order counts.
- ties_only_via_team: non-team nodes with ties, all of them to team members —
  members with no tie outside the team.
- brokers: articulation points, whose loss would split their component; each
  with whether it is a team member and how many nodes its loss would cut off
  from the largest remaining part of its component. Found by one depth-first
  search (Hopcroft–Tarjan) with subtree sizes.
- stale_ties: recorded ties (not employment) whose last contact (else since) is
  more than `stale_after_months` calendar months ago, or unknown; their ids,
  unknown first, then the oldest.
- isolates: nodes without any tie.
"""

import calendar
from datetime import date

import numpy as np

from .analytics import SimpleGraph
from .graph import EMPLOYMENT, NetworkData


def network_health(data: NetworkData, *, today: date, stale_after_months: int) -> dict:
    simple = SimpleGraph(data)
    keys, team = simple.keys, simple.team
    n = len(keys)
    degree = np.bincount(np.concatenate([simple.low, simple.high]), minlength=n)
    isolates = sorted(keys[i] for i in np.flatnonzero(degree == 0).tolist())
    return {
        "nodes": n,
        "team_members": int(team.sum()),
        "team_dependency": _team_dependency(simple),
        "ties_only_via_team": _only_via_team(simple, degree),
        "brokers": _brokers(simple),
        "stale_ties": _stale_ties(data, today=today, months=stale_after_months),
        "isolates": {"count": len(isolates), "share": _share(len(isolates), n), "nodes": isolates},
    }


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def _team_dependency(simple: SimpleGraph) -> dict:
    graph, team = simple.graph, simple.team
    members: list[int] = []
    cut_off: list[str] = []
    if graph.vcount():
        largest = max(graph.connected_components(), key=len)
        members = [v for v in largest if not team[v]]
        if members:
            remaining = graph.induced_subgraph(members).connected_components()
            kept = set(max(remaining, key=len))
            cut_off = sorted(simple.keys[v] for i, v in enumerate(members) if i not in kept)
    return {
        "share": _share(len(cut_off), len(members)),
        "members": len(members),
        "cut_off": cut_off,
    }


def _only_via_team(simple: SimpleGraph, degree: np.ndarray) -> dict:
    team = simple.team
    outside = np.zeros(len(team), bool)  # has a tie to a non-team node
    outside[simple.low[~team[simple.high]]] = True
    outside[simple.high[~team[simple.low]]] = True
    with_ties = ~team & (degree > 0)
    only = np.flatnonzero(with_ties & ~outside)
    nodes = sorted(simple.keys[i] for i in only.tolist())
    return {"count": len(nodes), "share": _share(len(nodes), int(with_ties.sum())), "nodes": nodes}


def _brokers(simple: SimpleGraph) -> dict:
    brokers = [
        {"key": simple.keys[v], "team": bool(simple.team[v]), "cut_off": cut_off}
        for v, cut_off in _articulation_points(simple).items()
    ]
    brokers.sort(key=lambda broker: (-broker["cut_off"], broker["key"]))
    return {
        "count": len(brokers),
        "team": sum(broker["team"] for broker in brokers),
        "nodes": brokers,
    }


def _articulation_points(simple: SimpleGraph) -> dict[int, int]:
    """Each articulation point → how many nodes its loss cuts off from its component's largest part.

    An iterative depth-first search with discovery times, low links and subtree
    sizes: a child subtree w of v separates when low[w] ≥ disc[v]; v's loss
    leaves those subtrees and the rest of the component (the part above v).
    """
    n = len(simple.keys)
    ends = np.concatenate([simple.low, simple.high])
    others = np.concatenate([simple.high, simple.low])
    order = np.argsort(ends, kind="stable")
    ptr = np.zeros(n + 1, np.int64)
    np.cumsum(np.bincount(ends, minlength=n), out=ptr[1:])
    start, neighbours = ptr.tolist(), others[order].tolist()

    disc, low, size, parent = [-1] * n, [0] * n, [1] * n, [-1] * n
    position = start[:-1]
    result: dict[int, int] = {}
    timer = 0
    for root in range(n):
        if disc[root] >= 0 or start[root] == start[root + 1]:
            continue
        disc[root] = low[root] = timer
        timer += 1
        stack = [root]
        separated: dict[int, list[int]] = {}
        while stack:
            v = stack[-1]
            if position[v] < start[v + 1]:
                w = neighbours[position[v]]
                position[v] += 1
                if disc[w] < 0:
                    parent[w] = v
                    disc[w] = low[w] = timer
                    timer += 1
                    stack.append(w)
                elif w != parent[v]:
                    low[v] = min(low[v], disc[w])
                continue
            stack.pop()
            if stack:
                p = stack[-1]
                low[p] = min(low[p], low[v])
                size[p] += size[v]
                if low[v] >= disc[p]:
                    separated.setdefault(p, []).append(size[v])
        component = size[root]
        for v, pieces in separated.items():
            if v == root and len(pieces) < 2:
                continue
            rest = component - 1 - sum(pieces)
            result[v] = component - 1 - max(*pieces, rest)
    return result


def months_before(day: date, months: int) -> date:
    years, month = divmod(day.month - 1 - months, 12)
    year = day.year + years
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


def _ordinals(days) -> np.ndarray:
    return np.array([day.toordinal() if day else 0 for day in days], np.int64)


def _stale_ties(data: NetworkData, *, today: date, months: int) -> dict:
    edges = [edge for edge in data.edges if edge.kind != EMPLOYMENT]
    tie_id = np.array([-1 if edge.tie_id is None else edge.tie_id for edge in edges], np.int64)
    # a tie given twice (the same id) counts once
    _, first = np.unique(tie_id, return_index=True)
    keep = tie_id < 0
    keep[first[tie_id[first] >= 0]] = True
    reference = np.maximum(  # scoring.reference_date: the later of last contact and since
        _ordinals(edge.last_contact for edge in edges), _ordinals(edge.since for edge in edges)
    )[keep]
    tie_id = tie_id[keep]
    stale = reference < months_before(today, months).toordinal()  # unknown is 0
    order = np.lexsort((tie_id[stale], reference[stale]))  # unknown first, then the oldest
    listed = tie_id[stale][order]
    return {
        "count": int(stale.sum()),
        "share": _share(int(stale.sum()), len(tie_id)),
        "unknown": int((reference == 0).sum()),
        "months": months,
        "tie_ids": listed[listed >= 0].tolist(),
    }
