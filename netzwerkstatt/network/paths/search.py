"""The warm-path query: direct ties, then forward and backward half-paths joined by bound."""

import heapq
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from ..graph import Edge
from .index import Forward, Halves, PathGraph

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
    # introducers not yet asked whether they open doors (the target's own people are none)
    unasked: tuple[str, ...]


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
    found = _Candidates(k)
    _search(graph, np.array(source_ids, np.int64), t, max_hops, found)
    return _ranked(graph, found.paths, k)


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


def _search(graph: PathGraph, sources: np.ndarray, t: int, max_hops: int, found: _Candidates):
    for s in sources.tolist():
        position = graph.pair(s, t)
        if position >= 0:
            found.offer((s, t), float(graph.pair_prob[position]))
    if max_hops < 2:
        return
    ahead = (max_hops + 1) // 2
    forward = graph.forward(sources, ahead)
    blocked = np.zeros(len(graph.keys), bool)
    blocked[sources] = True
    blocked[t] = True
    # an organisation's unwilling people: only the last person before it (see the package
    # docstring, step 4); a person target has none, and the loop below runs as it always did
    staff, staff_prob = graph.closed_staff(t, blocked)
    if len(staff):
        _offer_through_staff(graph, sources, t, staff=staff, staff_prob=staff_prob, found=found)
    deepest = max(max_hops // 2, 2 if len(staff) and max_hops >= 3 else 1)
    half, score = np.array([[t]]), np.ones(1)
    for behind in range(1, deepest + 1):
        # drop half-paths that cannot reach the k-th best with any continuation
        continuation = forward.top[behind] if 2 * behind <= max_hops else 0.0
        if behind == 2 and len(staff):  # through an employee, x may be one forward hop away
            continuation = np.where(graph.door_closed[half[:, 1]], forward.top[1], continuation)
        reach = score * graph.strongest[half[:, -1]] * continuation
        threshold = found.threshold()
        keep = reach >= threshold if threshold > 0 else reach > 0
        half, score = graph.expand(half[keep], score[keep], blocked)
        if behind == 1 and len(staff):
            half = np.concatenate([half, np.column_stack([np.full(len(staff), t), staff])])
            score = np.concatenate([score, staff_prob])
        if behind == 2 and len(staff):
            # source → x → employee → target: split after one forward hop, at x
            through = graph.door_closed[half[:, 1]]
            _join_by_bound(forward, Halves(half[through], score[through]), [1], t, found)
        aheads = [a for a in (behind, behind + 1) if a + behind <= max_hops]
        _join_by_bound(forward, Halves(half, score), aheads, t, found)


def _offer_through_staff(
    graph: PathGraph,
    sources: np.ndarray,
    t: int,
    *,
    staff: np.ndarray,
    staff_prob: np.ndarray,
    found: _Candidates,
) -> None:
    """Offer source → employee → target for the target's unwilling people (see closed_staff)."""
    if not len(staff):
        return
    first = np.repeat(sources, len(staff))
    second = np.tile(staff, len(sources))
    position = graph.pairs(first, second)
    tied = np.flatnonzero(position >= 0)
    score = graph.pair_prob[position[tied]] * np.tile(staff_prob, len(sources))[tied]
    for s, u, p in zip(first[tied].tolist(), second[tied].tolist(), score.tolist(), strict=True):
        found.offer((s, u, t), p)


def _join_by_bound(forward: Forward, back: Halves, aheads: list[int], t: int, found) -> None:
    if not aheads or not len(back.meeting):
        return
    for bound, fore, fi, bj in _meetings(forward, back, aheads):
        if bound < found.threshold():
            break
        _join(fore, fi, back, bj, t=t, found=found)


def _meetings(forward: Forward, back: Halves, aheads: list[int]):
    """(bound, forward layer, its group, backward group) of the paths joining `back`
    with the forward half-paths of each number of hops in `aheads`, by falling
    bound, fewer hops first."""
    bounds, fore_groups, back_groups, layers = [], [], [], []
    for ahead in aheads:
        group = forward.group[ahead][back.meeting]
        met = np.flatnonzero(group >= 0)
        bounds.append(back.best[met] * forward.best[ahead][back.meeting[met]])
        fore_groups.append(group[met])
        back_groups.append(met)
        layers.append(np.full(len(met), ahead))
    bound = np.concatenate(bounds)
    order = np.lexsort((np.concatenate(layers), -bound))
    fore_group = np.concatenate(fore_groups)[order].tolist()
    back_group = np.concatenate(back_groups)[order].tolist()
    layer = np.concatenate(layers)[order].tolist()
    for b, a, fi, bj in zip(bound[order].tolist(), layer, fore_group, back_group, strict=True):
        yield b, forward.layers[a], fi, bj


def _join(fore: Halves, fi: int, back: Halves, bj: int, *, t: int, found: _Candidates) -> None:
    """Offer every pair of half-paths meeting at one node that could still rank, best first."""
    b_rows = range(back.start[bj], back.stop[bj])
    b_best = back.score[b_rows[0]]
    for f_row in range(fore.start[fi], fore.stop[fi]):
        f_score = fore.score[f_row]
        if f_score * b_best < found.threshold():
            return
        f_path = fore.half[f_row].tolist()
        inner = set(f_path[1:-1])
        if t in inner:
            continue
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
            unasked=_unasked(graph, path),
        )
        for negative, _, keys, path, positions in paths[:k]
    ]


def _unasked(graph: PathGraph, path: tuple[int, ...]) -> tuple[str, ...]:
    """The introducers not asked yet: not the last person when they work at the target."""
    introducers = path[1:-1]
    last = introducers[-1] if introducers else None
    if last is not None and graph.not_asked[last] and graph.employs(path[-1], last):
        introducers = introducers[:-1]
    return tuple(graph.keys[i] for i in introducers if graph.not_asked[i])
