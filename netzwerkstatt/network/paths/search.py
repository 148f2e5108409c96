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
    unasked: tuple[str, ...]  # intermediate persons not yet asked whether they open doors


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
    half, score = np.array([[t]]), np.ones(1)
    for behind in range(1, max_hops // 2 + 1):
        # drop half-paths that cannot reach the k-th best with any continuation
        reach = score * graph.strongest[half[:, -1]] * forward.top[behind]
        keep = reach >= found.threshold()
        half, score = graph.expand(half[keep], score[keep], blocked)
        back = Halves(half, score)
        for bound, fore, fi, bj in _meetings(forward, back, behind, max_hops):
            if bound < found.threshold():
                break
            _join(fore, fi, back, bj, t=t, found=found)


def _meetings(forward: Forward, back: Halves, behind: int, max_hops: int):
    """(bound, forward layer, its group, backward group) of the paths with `behind`
    backward hops (h = 2·behind and 2·behind + 1), by falling bound, fewer hops first."""
    bounds, hops, fore_groups, back_groups, layers = [], [], [], [], []
    for ahead in (behind, behind + 1):
        if ahead + behind > max_hops:
            continue
        group = forward.group[ahead][back.meeting]
        met = np.flatnonzero(group >= 0)
        bounds.append(back.best[met] * forward.best[ahead][back.meeting[met]])
        hops.append(np.full(len(met), ahead + behind))
        fore_groups.append(group[met])
        back_groups.append(met)
        layers.append(np.full(len(met), ahead))
    bound = np.concatenate(bounds)
    order = np.lexsort((np.concatenate(hops), -bound))
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
            unasked=tuple(graph.keys[i] for i in path[1:-1] if graph.not_asked[i]),
        )
        for negative, _, keys, path, positions in paths[:k]
    ]
