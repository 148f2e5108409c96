"""The warm-path index: node ids, the best tie per pair, a CSR of possible intermediates,
and who works where (for the last hop into an organisation)."""

import threading
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date
from operator import attrgetter

import numpy as np

from ..graph import EMPLOYMENT, Edge, NetworkData
from ..scoring import tie_probabilities

# Forward half-paths are kept for this many sets of sources.
FORWARD_CACHE_SIZE = 8


class Halves:
    """Half-paths (rows of node ids) grouped by their last node, each group by falling score."""

    def __init__(self, half: np.ndarray, score: np.ndarray):
        order = np.lexsort((-score, half[:, -1]))
        self.half = half[order]
        self.score = score[order]
        end = self.half[:, -1]
        self.start = np.flatnonzero(np.concatenate([[len(end) > 0], end[1:] != end[:-1]]))
        self.stop = np.append(self.start[1:], len(end))
        self.meeting = end[self.start]
        self.best = self.score[self.start]


class Forward:
    """The forward half-paths of 1 … depth hops from a set of sources, by last node."""

    def __init__(self, graph: "PathGraph", sources: np.ndarray, depth: int):
        n = len(graph.keys)
        blocked = np.zeros(n, bool)
        blocked[sources] = True
        half, score = sources[:, None], np.ones(len(sources))
        self.depth = depth
        self.layers: list[Halves | None] = [None]
        self.best: list[np.ndarray | None] = [None]  # per node: the best score ending there
        self.group: list[np.ndarray | None] = [None]  # per node: its group in the layer, or -1
        self.top = [1.0]  # the best score of each layer
        for _ in range(depth):
            half, score = graph.expand(half, score, blocked)
            layer = Halves(half, score)
            best = np.zeros(n)
            best[layer.meeting] = layer.best
            group = np.full(n, -1, np.int64)
            group[layer.meeting] = np.arange(len(layer.meeting))
            self.layers.append(layer)
            self.best.append(best)
            self.group.append(group)
            self.top.append(float(layer.best.max()) if len(layer.best) else 0.0)


class PathGraph:
    """An index of a NetworkData for fast warm-path queries (see the package docstring).

    Arrays: `pair_key` (sorted int64 `a * n + b` for a < b), `pair_prob`,
    `pair_edge` (index into `edges`) hold the best tie per pair of nodes;
    `ptr`/`nbr`/`prob` are the CSR of the neighbours that may be intermediates,
    each node's neighbours sorted by falling probability. `employment_key`
    (sorted int64 `organisation * n + person`) lists the current functions, so
    a query finds an organisation's people; `door_closed` marks the persons who
    are no intermediates only because they are unwilling (not in the team) —
    they may still be the last person before their own organisation;
    `closed_key`/`closed_prob` are the functions of those persons with the
    probability of the best tie between them and the organisation. Build it
    once per version of the graph and keep it: building is the expensive part.
    """

    def __init__(
        self,
        *,
        keys: list[str],
        index: dict[str, int],
        edges: Sequence[Edge],
        not_asked: np.ndarray,
        door_closed: np.ndarray,
        employment_key: np.ndarray,
        closed_key: np.ndarray,
        closed_prob: np.ndarray,
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
        self.door_closed = door_closed
        self.employment_key = employment_key
        self.closed_key = closed_key
        self.closed_prob = closed_prob
        self.pair_key = pair_key
        self.pair_prob = pair_prob
        self.pair_edge = pair_edge
        self.ptr = ptr
        self.nbr = nbr
        self.prob = prob
        # the probability of each node's strongest tie to a possible intermediate
        self.strongest = np.zeros(len(keys))
        has = ptr[1:] > ptr[:-1]
        self.strongest[has] = prob[ptr[:-1][has]]
        self._forward: OrderedDict[tuple[int, ...], Forward] = OrderedDict()
        self._lock = threading.Lock()  # queries may share one index across threads

    @classmethod
    def build(cls, data: NetworkData, *, today: date) -> "PathGraph":
        keys = [node.key for node in data.nodes]
        index = {key: i for i, key in enumerate(keys)}
        n = len(keys)
        person = np.fromiter((node.type == "person" for node in data.nodes), bool, n)
        organisation = np.fromiter((node.type == "organisation" for node in data.nodes), bool, n)
        team = np.fromiter((node.team for node in data.nodes), bool, n)
        unwilling = np.fromiter((node.door_opener == "unwilling" for node in data.nodes), bool, n)
        not_asked = np.fromiter((node.door_opener == "not_asked" for node in data.nodes), bool, n)
        intermediate = person & ~team & ~unwilling
        door_closed = person & ~team & unwilling

        edges = data.edges
        source = _node_ids(index, edges, "source")
        target = _node_ids(index, edges, "target")
        probability = tie_probabilities(edges, today=today)

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
        pair_prob = probability[chosen]
        low, high = low[chosen], high[chosen]
        pair_key = key[first]
        employment = valid & np.fromiter((edge.kind == EMPLOYMENT for edge in edges), bool)
        employment_key = _employment_keys(
            source[employment], target[employment], person=person, organisation=organisation
        )
        # the functions of the unwilling, with their best tie to the organisation (always one)
        width = max(n, 1)  # an empty graph has no functions
        closed_key = employment_key[door_closed[employment_key % width]]
        closed_prob = pair_prob[_positions(pair_key, closed_key // width, closed_key % width, n)]

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
            door_closed=door_closed,
            employment_key=employment_key,
            closed_key=closed_key,
            closed_prob=closed_prob,
            pair_key=pair_key,
            pair_prob=pair_prob,
            pair_edge=edge_ids[chosen],
            ptr=ptr,
            nbr=neighbour[order].astype(np.int32),
            prob=neighbour_prob[order],
        )

    @property
    def nbytes(self) -> int:
        """The memory of the index's arrays (without the keys, the edges and cached half-paths)."""
        arrays = (
            self.not_asked,
            self.door_closed,
            self.employment_key,
            self.closed_key,
            self.closed_prob,
            self.pair_key,
            self.pair_prob,
            self.pair_edge,
            self.ptr,
            self.nbr,
            self.prob,
            self.strongest,
        )
        return sum(array.nbytes for array in arrays)

    def pair(self, a: int, b: int) -> int:
        """The position of the best tie between nodes a and b in the pair arrays, or -1."""
        key = min(a, b) * len(self.keys) + max(a, b)
        position = int(np.searchsorted(self.pair_key, key))
        if position < len(self.pair_key) and self.pair_key[position] == key:
            return position
        return -1

    def pairs(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The positions of the best ties between a[i] and b[i] in the pair arrays, or -1."""
        return _positions(self.pair_key, a, b, len(self.keys))

    def employs(self, organisation: int, person: int) -> bool:
        """Whether the person holds a current function at the organisation (an EMPLOYMENT edge)."""
        key = organisation * len(self.keys) + person
        position = int(np.searchsorted(self.employment_key, key))
        return position < len(self.employment_key) and self.employment_key[position] == key

    def closed_staff(self, organisation: int, blocked: np.ndarray):
        """The organisation's unwilling people outside the team and not blocked, and the
        probability of their best tie to it: the last person before it, no other intermediate."""
        staff, low = _range(self.closed_key, organisation, len(self.keys))
        probability = self.closed_prob[low : low + len(staff)]
        if len(staff) and blocked[staff].any():
            free = ~blocked[staff]
            return staff[free], probability[free]
        return staff, probability

    def expand(self, half: np.ndarray, score: np.ndarray, blocked: np.ndarray):
        """Extend each half-path (a row of node ids) by one hop to a possible intermediate.

        The first node of a row must be blocked (a source or the target); the
        new node is neither blocked nor already in the row.
        """
        last = half[:, -1]
        start = self.ptr[last]
        count = self.ptr[last + 1] - start
        total = int(count.sum())
        row = np.repeat(np.arange(len(last)), count)
        position = np.arange(total) + np.repeat(start - (np.cumsum(count) - count), count)
        new = self.nbr[position]
        keep = ~blocked[new]
        for column in range(1, half.shape[1] - 1):
            keep &= new != half[row, column]
        row, new = row[keep], new[keep]
        return np.column_stack([half[row], new]), score[row] * self.prob[position[keep]]

    def forward(self, sources: np.ndarray, depth: int) -> Forward:
        """The forward half-paths of the sources, cached for the latest FORWARD_CACHE_SIZE sets."""
        key = tuple(sources.tolist())
        with self._lock:
            cached = self._forward.get(key)
        if cached is None or cached.depth < depth:
            cached = Forward(self, sources, depth)  # outside the lock; a race computes it twice
        with self._lock:
            self._forward[key] = cached
            self._forward.move_to_end(key)
            while len(self._forward) > FORWARD_CACHE_SIZE:
                self._forward.popitem(last=False)
        return cached


def _positions(pair_key: np.ndarray, a: np.ndarray, b: np.ndarray, n: int) -> np.ndarray:
    """The positions of the pairs a[i]–b[i] in the sorted pair keys, or -1."""
    key = np.minimum(a, b) * n + np.maximum(a, b)
    if not len(pair_key):
        return np.full(len(key), -1, np.int64)
    position = np.minimum(np.searchsorted(pair_key, key), len(pair_key) - 1)
    return np.where(pair_key[position] == key, position, -1)


def _range(keys: np.ndarray, organisation: int, n: int) -> tuple[np.ndarray, int]:
    """The persons of `organisation * n + person` keys for one organisation, and where they start."""
    low = int(np.searchsorted(keys, organisation * n))
    high = int(np.searchsorted(keys, (organisation + 1) * n))
    return keys[low:high] - organisation * n, low


def _employment_keys(a: np.ndarray, b: np.ndarray, *, person, organisation) -> np.ndarray:
    """`organisation * n + person` of the EMPLOYMENT edges a[i]–b[i] that join a person
    and an organisation (either named first), sorted and unique."""
    member = np.where(person[a], a, b)
    employer = np.where(person[a], b, a)
    current = person[member] & organisation[employer]
    return np.unique(employer[current] * len(person) + member[current])


def _node_ids(index: dict[str, int], edges: Sequence[Edge], end: str) -> np.ndarray:
    """The node ids of one end of the edges; -1 where the key is not a node."""
    try:
        return np.array(list(map(index.__getitem__, map(attrgetter(end), edges))), np.int64)
    except KeyError:
        return np.array([index.get(key, -1) for key in map(attrgetter(end), edges)], np.int64)
