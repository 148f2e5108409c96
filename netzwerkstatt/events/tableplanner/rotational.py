"""Repeat-free schedules with a cyclic symmetry, found by backtracking over a few base rounds.

Many resolvable designs are invariant under a permutation σ made of L cycles of
length m and f fixed points (n = L·m + f): the rounds are σ^t(B_j) for
t = 0 … m−1 and k base rounds B_j, so k·m rounds come from k base rounds
(1-rotational and k-rotational resolvable designs, e.g. Buratti & Zuanni,
"G-invariantly resolvable Steiner 2-designs which are 1-rotational",
Bull. Belg. Math. Soc. 5, 1998; the "starter" method in Anderson,
"Combinatorial Designs and Tournaments", 1997).

A pair of points then meets once in each of the m translates of its base round,
at pairs that form its orbit under σ. The schedule is repeat-free exactly when
the base rounds use every orbit of pairs at most once and no orbit that is
shorter than m (two fixed points; two points of one cycle half a turn apart).
Orbits are keyed by a "difference": (cycle, ±d) within a cycle, (cycle, cycle′, d)
between two cycles, (fixed point, cycle) for a fixed point.

Backtracking fills the groups of the base rounds one after another, each
starting with the unseated point that has the fewest possible partners left,
and gives up early when a point has too few or when (in the last base round)
the unused differences still realisable cannot fill the groups left;
translations and multipliers of Z_m break symmetry. Its runs are short, with
random tie-breaks and restarts. It is quick where nearly every difference is
needed (Kirkman triple systems, resolvable designs); where differences are
plentiful it gets lost, and a tabu search over the base rounds (the planner's
own search, counting how often each orbit is used instead of how often each
pair meets) finds them instead. The two take turns with growing limits until
the deadline.

For example the Kirkman schoolgirl problem (5 groups of 3, 7 rounds) has
L = 2 cycles of length 7 and one fixed point: one base round of five triples.
"""

import random
import time
from dataclasses import dataclass
from math import comb, gcd

import numpy as np

from .encounters import OrbitMeetings
from .feasible import feasible_round
from .model import Instance
from .problem import Weights
from .search import TabuSearch

Schedule = list[list[list[int]]]

BACKTRACK_RUNS = 2  # per structure and turn (four times as many where differences are tight)
BACKTRACK_NODES = 20_000  # per run
TABU_ITERATIONS = 1_000  # in the first turn, doubling every turn
TIGHT = 0.9  # share of the differences a structure needs to count as tight
MAX_DEPTH = 600  # of the backtracking's recursion (Python allows 1,000)


@dataclass(frozen=True)
class Structure:
    cycle_length: int  # m
    base_rounds: int  # k
    cycles: int  # L
    fixed_points: int  # f


def structures(groups: int, size: int, rounds: int) -> list[Structure]:
    """Symmetries that could carry a repeat-free schedule of at least `rounds` rounds, by counting."""
    n = groups * size
    found = []
    for base_rounds in (1, 2, 3):
        cycle_length = -(-rounds // base_rounds)
        if cycle_length < 2:
            continue
        for fixed in range(min(groups, n) + 1):
            if (n - fixed) % cycle_length:
                continue
            cycles = (n - fixed) // cycle_length
            if fixed and base_rounds * (size - 1) > cycles:
                continue  # a fixed point meets each cycle once in all
            differences = (
                cycles * ((cycle_length - 1) // 2) + comb(cycles, 2) * cycle_length + fixed * cycles
            )
            if differences >= base_rounds * groups * comb(size, 2):
                found.append(Structure(cycle_length, base_rounds, cycles, fixed))
    return found


def rotational_schedule(
    groups: int, size: int, rounds: int, *, rng: random.Random, deadline: float
) -> Schedule | None:
    """A repeat-free schedule of `rounds` rounds, or None if none turned up before the deadline."""
    searches = [
        _BaseRoundSearch(structure, groups, size, rng, deadline)
        for structure in structures(groups, size, rounds)[:3]
    ]
    effort = 1
    while searches and time.monotonic() < deadline:
        for search in searches:
            # Backtracking runs are heavy-tailed: several short ones beat one long one.
            # It is the better tool where nearly every difference is needed, tabu elsewhere.
            runs = BACKTRACK_RUNS * (4 if search.tight else 1) * search.recursion_fits
            iterations = TABU_ITERATIONS * effort // (4 if search.tight else 1)
            attempts = [*(search.backtrack for _ in range(runs)), search.tabu]
            limits = [*[BACKTRACK_NODES] * runs, iterations]
            for attempt, limit in zip(attempts, limits, strict=True):
                base = attempt(limit)
                if base is not None:
                    return _develop(search.structure, base)[:rounds]
                if time.monotonic() >= deadline:
                    return None
        effort *= 2
    return None


def _develop(structure: Structure, base: Schedule) -> Schedule:
    m, cycles = structure.cycle_length, structure.cycles

    def shift(point: int, t: int) -> int:
        if point >= cycles * m:
            return point  # fixed point
        cycle, position = divmod(point, m)
        return cycle * m + (position + t) % m

    return [
        [[shift(point, t) for point in group] for group in base_round]
        for base_round in base
        for t in range(m)
    ]


class _BaseRoundSearch:
    """Both searches for base rounds of one structure."""

    def __init__(self, structure, groups, size, rng, deadline):
        self.structure = structure
        self.groups, self.size = groups, size
        self.n = groups * size
        self.rng = rng
        self.deadline = deadline
        self.orbit_keys = self._difference_keys()
        self.key_count = 1 + int(self.orbit_keys.max())
        self.key_array = self._break_symmetry(self.orbit_keys)
        self.keys = self.key_array.tolist()
        self.key_pairs = self._pairs_by_key()
        self.pairs_per_group = comb(size, 2)
        needed = structure.base_rounds * groups * self.pairs_per_group
        self.tight = needed >= TIGHT * self.key_count
        # The backtracking recurses once per point placed (and twice per group).
        self.recursion_fits = structure.base_rounds * groups * (size + 2) < MAX_DEPTH

    def _pairs_by_key(self) -> np.ndarray:
        """(keys, most pairs of a key, 2): the pairs of points with each key, padded with the
        pair (n, n) of a point that is never free."""
        a, b = np.triu_indices(self.n, 1)
        keys = self.key_array[a, b]
        a, b, keys = a[keys >= 0], b[keys >= 0], keys[keys >= 0]
        order = np.argsort(keys, kind="stable")
        a, b, keys = a[order], b[order], keys[order]
        counts = np.bincount(keys, minlength=self.key_count)
        slot = np.arange(len(keys)) - np.repeat(np.cumsum(counts) - counts, counts)
        padded = np.full((self.key_count, counts.max(initial=0), 2), self.n)
        padded[keys, slot, 0] = a
        padded[keys, slot, 1] = b
        return padded

    def _break_symmetry(self, keys: np.ndarray) -> np.ndarray:
        """Keys for the backtracking, which may assume more than the orbits say.

        Any base round can be translated so that the first fixed point meets the
        first cycle (if at all) at position 0. With one base round, multiplying
        every position by a unit u of Z_m keeps the differences distinct and that
        0 in place, so the fixed point may also meet the second cycle at the
        smallest position of its orbit under the units (e.g. at 0 or 1 for prime m).
        """
        keys = keys.copy()
        m, cycles = self.structure.cycle_length, self.structure.cycles
        if not self.structure.fixed_points or not cycles:
            return keys
        fixed = cycles * m
        keys[fixed, 1:m] = keys[1:m, fixed] = -1
        if self.structure.base_rounds == 1 and cycles > 1:
            units = [u for u in range(1, m) if gcd(u, m) == 1]
            for x in range(1, m):
                if min(u * x % m for u in units) < x:
                    keys[fixed, m + x] = keys[m + x, fixed] = -1
        return keys

    def _difference_keys(self) -> np.ndarray:
        """Orbit key (0, 1, …) of each pair of points; −1 where the pair may never meet."""
        m, cycles, n = self.structure.cycle_length, self.structure.cycles, self.n
        cycle = np.arange(n) // m
        position = np.arange(n) % m
        is_fixed = cycle >= cycles
        a, b = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        low, high = np.minimum(a, b), np.maximum(a, b)
        d = (position[high] - position[low]) % m
        pure = np.minimum(d, m - d)
        mixed = cycles * m + (cycle[low] * cycles + cycle[high]) * m + d
        with_fixed = (
            2 * cycles * m + cycles * cycles * m + (high - cycles * m) * cycles + cycle[low]
        )
        raw = np.where(cycle[low] == cycle[high], cycle[low] * m + pure, mixed)
        raw = np.where(is_fixed[high], with_fixed, raw)
        never = (a == b) | is_fixed[low]  # itself; two fixed points meet every round
        never |= (cycle[low] == cycle[high]) & (2 * d == m)  # half a turn: repeats within m
        raw = np.where(never, -1, raw)
        names, keys = np.unique(raw, return_inverse=True)
        keys = keys.reshape(n, n) - (names[0] < 0)  # −1 stays −1 if present
        return np.where(never, -1, keys)

    def backtrack(self, node_limit: int) -> Schedule | None:
        """One exhaustive attempt with fresh random tie-breaks, up to the node limit."""
        self.nodes, self.limit = 0, node_limit
        order = list(range(self.n))
        self.rng.shuffle(order)
        self.rank = np.argsort(order) / self.n  # below 1: breaks ties only
        self.free = np.ones(self.key_count + 1, bool)
        self.free[-1] = False  # key −1: pairs that must not meet
        self.rounds: Schedule = []
        return self.rounds if self._fill_round(self.structure.base_rounds) else None

    def tabu(self, iterations: int) -> Schedule | None:
        """Tabu search over the base rounds, counting how often each orbit of pairs is used."""
        groups, n, k = self.groups, self.n, self.structure.base_rounds
        keys = self.orbit_keys
        forbidden = keys < 0
        np.fill_diagonal(forbidden, val=False)
        instance = Instance(
            ids=tuple(range(n)),
            rounds=k,
            seats=np.full(groups, self.size),
            fixed=np.full(n, -1),
            hard=forbidden,
            pair_cost=np.zeros((n, n)),
            prior=np.zeros((n, n), np.int64),
            preferred=np.zeros((k, n, groups), bool),
            wants_topic=np.zeros(n, bool),
            weights=Weights(),
        )
        start = np.array(
            [feasible_round(instance, [self.size] * groups, self.rng) for _ in range(k)]
        )
        search = TabuSearch(
            instance, start, self.rng, encounters=lambda same: OrbitMeetings(same, keys)
        )
        result = search.run(
            deadline=self.deadline, lower_bound=0.0, repeat_bound=0.0, max_iterations=iterations
        )
        if result.cost > 0:
            return None
        return [
            [[int(p) for p in np.flatnonzero(result.seating[j] == t)] for t in range(groups)]
            for j in range(k)
        ]

    def _fill_round(self, remaining: int) -> bool:
        if remaining == 0:
            return True
        self.seated = np.zeros(self.n, bool)
        self.rounds.append([])
        if self._next_group(remaining):
            return True
        self.rounds.pop()
        return False

    def _next_group(self, remaining: int) -> bool:
        """Start the next group with the point that has the fewest possible partners left
        (and give up here if some point has too few to fill its group)."""
        if len(self.rounds[-1]) == self.groups:
            seated = self.seated
            if self._fill_round(remaining - 1):
                return True
            self.seated = seated
            return False
        unseated = np.flatnonzero(~self.seated)
        partners = self.free[self.key_array[np.ix_(unseated, unseated)]]
        counts = partners.sum(axis=1)
        if counts.min() < self.size - 1:
            return False
        if remaining == 1 and not self._enough_differences_left():
            return False
        first = int(np.argmin(counts + self.rank[unseated]))
        candidates = unseated[partners[first]]
        candidates = candidates[np.argsort(self.rank[candidates])].tolist()
        return self._extend([int(unseated[first])], candidates, 0, remaining)

    def _enough_differences_left(self) -> bool:
        """In the last base round: do the unused keys that unseated points can still realise
        suffice for the groups left? (Tight structures need every key.)"""
        free_point = np.append(~self.seated, False)
        realisable = (
            free_point[self.key_pairs[:, :, 0]] & free_point[self.key_pairs[:, :, 1]]
        ).any(1)
        groups_left = self.groups - len(self.rounds[-1])
        return (realisable & self.free[:-1]).sum() >= groups_left * self.pairs_per_group

    def _out_of_budget(self) -> bool:
        self.nodes += 1
        if self.nodes % 4096 == 0 and time.monotonic() >= self.deadline:
            self.limit = self.nodes  # stop here, like the node limit
        return self.nodes > self.limit

    def _extend(self, group: list[int], candidates: list[int], start: int, remaining: int) -> bool:
        if self._out_of_budget():
            return False
        if len(group) == self.size:
            return self._close_group(group, remaining)
        keys_of, free = self.keys, self.free
        for i in range(start, len(candidates) - (self.size - len(group)) + 1):
            point = candidates[i]
            keys = [keys_of[point][member] for member in group]
            if not all(free[k] for k in keys) or len(set(keys)) < len(keys):
                continue
            free[keys] = False
            group.append(point)
            if self._extend(group, candidates, i + 1, remaining):
                return True
            group.pop()
            free[keys] = True
            if self.nodes > self.limit:
                break
        return False

    def _close_group(self, group: list[int], remaining: int) -> bool:
        self.seated[group] = True
        self.rounds[-1].append(group)
        if self._next_group(remaining):
            return True
        self.rounds[-1].pop()
        self.seated[group] = False
        return False
