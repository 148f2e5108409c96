"""Warm introductions: the k best paths from the team to a target person or organisation.

A path runs from a team member (a source) over persons who could introduce
them to the target. Its score is the product of its ties' probabilities
(scoring.tie_probability), so every hop costs and a longer path wins only when
its ties are much stronger. The rules:

- intermediate nodes are persons only; an organisation appears only as the
  target (the last tie into it is usually the employment of a person there);
- no intermediate is a team member or one of the sources: a path through a
  colleague starts at that colleague;
- no intermediate has said they do not want to open doors (door_opener
  "unwilling"); those not asked yet ("not_asked") may be used and are listed in
  `WarmPath.unasked`, so the team asks them first;
- paths are simple (no node twice) and at most `max_hops` ties long;
- ties count in both directions (someone who advises a firm can introduce us
  to it and it to us); where several ties join the same two nodes, the most
  probable one is used.

The bound, MAX_HOPS = 4: an introduction over more than four ties (a friend of
a friend of a friend of a friend) is useless in practice — nobody asks a
stranger's acquaintance for a favour. Four ties are enough for "colleague →
partner → their contact → managing director → the firm".

Algorithm (exact within the bound; no Yen, no networkx at query time).
`PathGraph` indexes the graph once: node keys become ints; for every pair of
nodes only the most probable tie is kept; a CSR adjacency lists, for each
node, only the neighbours that may be intermediates (persons, not team,
not unwilling), with their tie probabilities. A query is a bidirectional
meet-in-the-middle enumeration:

1. Half-paths forward from the sources with up to ceil(H/2) hops and backward
   from the target with up to floor(H/2) hops, expanded breadth-first as numpy
   arrays over the CSR (no node twice within a half-path; the sources and the
   target are never intermediates).
2. Every path with h ≥ 2 hops splits uniquely at the node after ceil(h/2) hops
   (the meeting node): a forward half-path of ceil(h/2) hops and a backward one
   of floor(h/2) hops that end there. Paths of one hop are the direct ties
   between a source and the target.
3. For each hop count h and meeting node m, the upper bound of any path
   meeting there is best_forward(m) × best_backward(m). Meeting nodes are
   visited by decreasing bound; within one, both sides are sorted by score
   and joined with early termination against the current k-th best score; a
   pair is used only if the two halves share no node. The search stops when
   the next bound is below the k-th best score.

Ties between equal scores go to fewer hops, then to the node keys in order.
The cost is that of the half-path expansion: about degree^(H/2) entries
instead of degree^H, and only the meeting nodes that could still beat the
k-th best are joined.
"""

import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .graph import EMPLOYMENT, Edge, NetworkData
from .scoring import reference_date, tie_probability

MAX_HOPS = 4

# Scores found by joining half-paths may differ from the product in path order
# in the last bits; candidates within this relative margin of the k-th best are
# kept and ranked by their exact score.
_SLACK = 1e-9


@dataclass(frozen=True)
class WarmPath:
    score: float
    nodes: tuple[str, ...]  # node keys: first a team member, last the target
    edges: tuple[Edge, ...]  # the tie used for each hop
    unasked: tuple[str, ...]  # intermediate persons not yet asked whether they open doors


class PathGraph:
    """An index of a NetworkData for fast warm-path queries (see the module docstring).

    Arrays: `pair_key` (sorted int64 `a * n + b` for a < b), `pair_prob`,
    `pair_edge` (index into `edges`) hold the best tie per pair of nodes;
    `ptr`/`nbr`/`prob` are the CSR of the neighbours that may be intermediates,
    each node's neighbours sorted by falling probability.
    """

    def __init__(
        self,
        *,
        keys: list[str],
        index: dict[str, int],
        edges: Sequence[Edge],
        not_asked: np.ndarray,
        pair_key: np.ndarray,
        pair_prob: np.ndarray,
        pair_edge: np.ndarray,
        ptr: np.ndarray,
        nbr: np.ndarray,
        prob: np.ndarray,
    ):
        self.keys = keys
        self.index = index
        self.edges = edges
        self.not_asked = not_asked
        self.pair_key = pair_key
        self.pair_prob = pair_prob
        self.pair_edge = pair_edge
        self.ptr = ptr
        self.nbr = nbr
        self.prob = prob

    @classmethod
    def build(cls, data: NetworkData, *, today: date) -> "PathGraph":
        keys = [node.key for node in data.nodes]
        index = {key: i for i, key in enumerate(keys)}
        n = len(keys)
        person = np.fromiter((node.type == "person" for node in data.nodes), bool, n)
        team = np.fromiter((node.team for node in data.nodes), bool, n)
        unwilling = np.fromiter((node.door_opener == "unwilling" for node in data.nodes), bool, n)
        not_asked = np.fromiter((node.door_opener == "not_asked" for node in data.nodes), bool, n)
        intermediate = person & ~team & ~unwilling

        edges = data.edges
        m = len(edges)
        source = np.fromiter((index.get(edge.source, -1) for edge in edges), np.int64, m)
        target = np.fromiter((index.get(edge.target, -1) for edge in edges), np.int64, m)
        probability = np.fromiter(_probabilities(edges, today=today), np.float64, m)

        valid = (source >= 0) & (target >= 0) & (source != target)
        edge_ids = np.flatnonzero(valid)
        low = np.minimum(source[valid], target[valid])
        high = np.maximum(source[valid], target[valid])
        probability = probability[valid]
        key = low * n + high
        # the best tie per pair: highest probability, then the first given
        order = np.lexsort((edge_ids, -probability, key))
        key = key[order]
        first = np.ones(len(key), bool)
        first[1:] = key[1:] != key[:-1]
        chosen = order[first]
        pair_key = key[first]
        pair_prob = probability[chosen]
        pair_edge = edge_ids[chosen]
        low, high = low[chosen], high[chosen]

        # the CSR of neighbours that may be intermediates, in both directions
        forward = intermediate[high]
        backward = intermediate[low]
        origin = np.concatenate([low[forward], high[backward]])
        neighbour = np.concatenate([high[forward], low[backward]])
        neighbour_prob = np.concatenate([pair_prob[forward], pair_prob[backward]])
        order = np.lexsort((neighbour, -neighbour_prob, origin))
        ptr = np.zeros(n + 1, np.int64)
        np.cumsum(np.bincount(origin, minlength=n), out=ptr[1:])
        return cls(
            keys=keys,
            index=index,
            edges=edges,
            not_asked=not_asked,
            pair_key=pair_key,
            pair_prob=pair_prob,
            pair_edge=pair_edge,
            ptr=ptr,
            nbr=neighbour[order].astype(np.int32),
            prob=neighbour_prob[order],
        )

    @property
    def nbytes(self) -> int:
        """The memory of the index's arrays (not counting the keys and the edges it refers to)."""
        arrays = (
            self.not_asked,
            self.pair_key,
            self.pair_prob,
            self.pair_edge,
            self.ptr,
            self.nbr,
            self.prob,
        )
        return sum(array.nbytes for array in arrays)

    def pair(self, a: int, b: int) -> int:
        """The position of the best tie between nodes a and b in the pair arrays, or -1."""
        key = min(a, b) * len(self.keys) + max(a, b)
        position = int(np.searchsorted(self.pair_key, key))
        if position < len(self.pair_key) and self.pair_key[position] == key:
            return position
        return -1

    def expand(self, half: np.ndarray, score: np.ndarray, blocked: np.ndarray):
        """Extend each half-path (a row of node ids) by one hop to a possible intermediate."""
        last = half[:, -1]
        start = self.ptr[last]
        count = self.ptr[last + 1] - start
        total = int(count.sum())
        row = np.repeat(np.arange(len(last)), count)
        offset = np.arange(total) - np.repeat(np.cumsum(count) - count, count)
        position = np.repeat(start, count) + offset
        new = self.nbr[position]
        keep = ~blocked[new]
        for column in range(1, half.shape[1] - 1):  # the first node is blocked, the last adjacent
            keep &= new != half[row, column]
        row, new = row[keep], new[keep]
        return (
            np.column_stack([half[row], new]),
            score[row] * self.prob[position[keep]],
        )


def _probabilities(edges: Sequence[Edge], *, today: date):
    """tie_probability for each edge, computed once per distinct combination of its inputs."""
    memo: dict[tuple, float] = {}
    for edge in edges:
        employment = edge.kind == EMPLOYMENT
        signature = (
            (employment, edge.trust)
            if employment
            else (False, edge.strength, edge.trust, reference_date(edge))
        )
        value = memo.get(signature)
        if value is None:
            value = memo[signature] = tie_probability(edge, today=today)
        yield value


class _Halves:
    """Half-paths of one length grouped by their last node, each group sorted by falling score."""

    def __init__(self, half: np.ndarray, score: np.ndarray):
        order = np.lexsort((-score, half[:, -1]))
        self.half = half[order]
        self.score = score[order]
        end = self.half[:, -1]
        starts = np.flatnonzero(np.concatenate([[len(end) > 0], end[1:] != end[:-1]]))
        self.meeting = end[starts]
        self.start = starts
        self.stop = np.append(starts[1:], len(end))


def warm_paths(
    graph: PathGraph,
    *,
    sources: Sequence[str],
    target: str,
    k: int = 3,
    max_hops: int = MAX_HOPS,
) -> list[WarmPath]:
    """The k best simple paths from any of the sources to the target, best first."""
    t = graph.index.get(target)
    if t is None or k < 1 or max_hops < 1:
        return []
    source_ids = sorted({graph.index[key] for key in sources if key in graph.index} - {t})
    if not source_ids:
        return []
    candidates = _search(graph, np.array(source_ids, np.int64), t, k, max_hops)
    return _ranked(graph, candidates, k)


class _Candidates:
    """Paths found so far, and the k-th best score that a new one must reach."""

    def __init__(self, k: int):
        self.k = k
        self.paths: list[tuple[int, ...]] = []
        self.best: list[float] = []  # a min-heap of the k best scores

    def threshold(self) -> float:
        return self.best[0] * (1 - _SLACK) if len(self.best) >= self.k else 0.0

    def offer(self, path: tuple[int, ...], score: float) -> None:
        if score < self.threshold():
            return
        self.paths.append(path)
        if len(self.best) < self.k:
            heapq.heappush(self.best, score)
        elif score > self.best[0]:
            heapq.heapreplace(self.best, score)


def _search(graph: PathGraph, sources: np.ndarray, t: int, k: int, max_hops: int):
    found = _Candidates(k)
    for s in sources.tolist():
        position = graph.pair(s, t)
        if position >= 0:
            found.offer((s, t), float(graph.pair_prob[position]))
    if max_hops >= 2:
        for bound, fore, fi, back, bj in _meetings(graph, sources, t, max_hops):
            if bound < found.threshold():
                break
            _join(fore, fi, back, bj, found)
    return found.paths


def _meetings(graph: PathGraph, sources: np.ndarray, t: int, max_hops: int):
    """Each (hop count, meeting node) with its bound and half-paths, by falling bound."""
    blocked = np.zeros(len(graph.keys), bool)
    blocked[sources] = True
    blocked[t] = True
    forward = [(sources[:, None], np.ones(len(sources)))]
    backward = [(np.array([[t]]), np.ones(1))]
    for _ in range((max_hops + 1) // 2):
        forward.append(graph.expand(*forward[-1], blocked))
    for _ in range(max_hops // 2):
        backward.append(graph.expand(*backward[-1], blocked))

    groups = []
    for hops in range(2, max_hops + 1):
        fore, back = _Halves(*forward[(hops + 1) // 2]), _Halves(*backward[hops // 2])
        _, i, j = np.intersect1d(
            fore.meeting, back.meeting, assume_unique=True, return_indices=True
        )
        bound = fore.score[fore.start[i]] * back.score[back.start[j]]
        groups.extend(
            (b, hops, fi, bj, fore, back)
            for b, fi, bj in zip(bound.tolist(), i.tolist(), j.tolist(), strict=True)
        )
    groups.sort(key=lambda group: (-group[0], group[1]))
    return [(b, fore, fi, back, bj) for b, _, fi, bj, fore, back in groups]


def _join(fore: "_Halves", fi: int, back: "_Halves", bj: int, found: _Candidates) -> None:
    """Offer every pair of half-paths meeting at one node that could still rank, best first."""
    b_rows = range(back.start[bj], back.stop[bj])
    b_best = back.score[b_rows[0]]
    for f_row in range(fore.start[fi], fore.stop[fi]):
        f_score = fore.score[f_row]
        if f_score * b_best < found.threshold():
            return
        f_path = fore.half[f_row].tolist()
        inner = set(f_path[1:-1])
        for b_row in b_rows:
            score = f_score * back.score[b_row]
            if score < found.threshold():
                break
            b_path = back.half[b_row].tolist()  # target … meeting node
            if inner.isdisjoint(b_path[1:-1]):
                found.offer((*f_path, *reversed(b_path[:-1])), float(score))


def _ranked(graph: PathGraph, candidates: list[tuple[int, ...]], k: int) -> list[WarmPath]:
    paths = []
    for path in set(candidates):
        positions = [graph.pair(a, b) for a, b in itertools.pairwise(path)]
        score = math.prod(float(graph.pair_prob[p]) for p in positions)
        keys = tuple(graph.keys[i] for i in path)
        paths.append((-score, len(path), keys, path, positions))
    paths.sort(key=lambda entry: entry[:3])
    return [
        WarmPath(
            score=-negative,
            nodes=keys,
            edges=tuple(graph.edges[int(graph.pair_edge[p])] for p in positions),
            unasked=tuple(graph.keys[i] for i in path[1:-1] if graph.not_asked[i]),
        )
        for negative, _, keys, path, positions in paths[:k]
    ]
