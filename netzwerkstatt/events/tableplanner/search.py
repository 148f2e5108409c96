"""Tabu search over swaps of two people between tables within one round.

The neighbourhood and its tabu rule follow Dotú & Van Hentenryck ("Scheduling
social golfers locally", CPAIOR 2005): swap two people of one round, at least
one of whom sits in a costly pair (the conflict-directed part), take the best
swap that is not tabu unless it beats the best plan so far, forbid the moved
people to return to their tables for a few iterations, and after a stretch
without progress restart from the best plan with a few random swaps.

Every swap of every round is priced at once. For a pairwise cost the price of
swapping p (table A) and q (table B) is

    J[p, B−q] + J[q, A−p] − L[p, A−p] − L[q, B−q]

where J[x, S] sums what seating x with each of S would add and L[x, S] what
taking x away from S saves. With the meeting counts M (a pair's k-th meeting
costs repeat·(k−1)), J = repeat·M + c and L = J − repeat for the static
per-round pair cost c (kinds, brokers, hard conflicts). Summed over tables
these are matrix products with the one-hot seating, so one iteration is a
handful of numpy operations on a rounds × n × n array. Topic preferences add a
per-person term.

The search is deterministic for a seed: the random choices come from one
seeded generator and the stopping rules count iterations, except for the
deadline itself.
"""

import random
import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .encounters import Encounters, PairMeetings
from .model import HARD, Instance

EPSILON = 1e-6
TENURE = (3, 12)  # tabu tenure: a random number of iterations in this range
PERTURB_AFTER = 300  # iterations without a new best before a perturbation
POLISH_PATIENCE = 1_000  # once repeats are at their bound: iterations without progress to stop
STALL_FACTOR = 200  # otherwise stop after rounds × participants × this without a new best


@dataclass
class SearchResult:
    seating: np.ndarray  # (rounds, participants) table indices
    cost: float
    repeated_pairs: int
    iterations: int


class TabuSearch:
    def __init__(
        self,
        instance: Instance,
        seating: np.ndarray,
        rng: random.Random,
        encounters: Callable[[np.ndarray], Encounters] | None = None,
    ) -> None:
        """`encounters` builds the meeting counts from the (rounds, n, n) same-table array."""
        self.instance = instance
        self.rng = rng
        self.encounters = encounters or (lambda same: PairMeetings(same, instance.prior))
        self.static = instance.pair_cost + HARD * instance.hard
        np.fill_diagonal(self.static, 0.0)
        self.movable = instance.fixed < 0
        rounds, n, tables = instance.rounds, instance.size, instance.table_count
        # Flat positions in a (rounds, n, tables) array: [r, p] + table gives [r, p, table].
        self.row_base = (np.arange(rounds)[:, None] * n + np.arange(n)[None, :]) * tables
        self._load(seating)

    def _load(self, seating: np.ndarray) -> None:
        rounds, n, tables = self.instance.rounds, self.instance.size, self.instance.table_count
        self.seating = seating.copy()
        self.onehot = np.zeros((rounds, n, tables))
        self.onehot[np.arange(rounds)[:, None], np.arange(n)[None, :], self.seating] = 1.0
        self.meetings = self.encounters(self.seating[:, :, None] == self.seating[:, None, :])
        self.served = self.instance.preferred[
            np.arange(rounds)[:, None], np.arange(n)[None, :], self.seating
        ].sum(axis=0)
        self.tabu = np.zeros((rounds, n, tables), np.int64)
        self.cost = self.total_cost()

    def total_cost(self) -> float:
        """The objective from scratch (the search keeps it up to date by deltas)."""
        w = self.instance.weights
        upper = np.triu_indices(self.instance.size, 1)
        together = (self.seating[:, :, None] == self.seating[:, None, :]).sum(axis=0)
        static = (together * self.static)[upper].sum()
        unserved = (self.instance.wants_topic & (self.served == 0)).sum()
        units, _ = self.meetings.repeat_units()
        return float(w.repeat * units + static + w.preference * unserved)

    def run(
        self,
        *,
        deadline: float,
        lower_bound: float,
        repeat_bound: float,
        max_iterations: int | None = None,
        progress: Callable[[int], None] | None = None,
    ) -> SearchResult:
        """Search until the lower bound, the deadline, the iteration limit, or no more
        progress: soon once the repeats reach their bound, much later otherwise.
        `progress` hears the repeated pairs of the best seating now and then."""
        stall = STALL_FACTOR * self.instance.rounds * self.instance.size
        best_seating, best_cost = self.seating.copy(), self.cost
        best_units, best_repeated = self.meetings.repeat_units()
        best_iteration = iteration = last_improvement = restarted = 0
        while best_cost > lower_bound + EPSILON and iteration != max_iterations:
            if iteration % 16 == 0:
                if time.monotonic() >= deadline:
                    break
                if progress:
                    progress(best_repeated)
            iteration += 1
            move = self._best_move(iteration, best_cost)
            if move is None and restarted == iteration - 1:
                break  # nothing left to move even after a fresh start
            if move is not None:
                self._swap(*move, iteration)
            if self.cost < best_cost - EPSILON:
                best_seating, best_cost = self.seating.copy(), self.cost
                best_units, best_repeated = self.meetings.repeat_units()
                best_iteration = last_improvement = iteration
            elif move is None or iteration - last_improvement > PERTURB_AFTER:
                settled = self.instance.weights.repeat * best_units <= repeat_bound + EPSILON
                if iteration - best_iteration > (POLISH_PATIENCE if settled else stall):
                    break
                self._restart_from(best_seating)
                last_improvement = restarted = iteration
        return SearchResult(best_seating, best_cost, best_repeated, iteration)

    def _price(self) -> "_Prices":
        """Price every swap of a person in a costly pair (a row) with anyone (a column)."""
        repeat = self.instance.weights.repeat
        join = repeat * self.meetings.matrix + self.static
        seating, n = self.seating, self.instance.size
        sums = (join @ self.onehot).ravel()  # [r, p, t]: cost of seating p with table t's people
        # Leaving saves join − repeat per person left behind (their meeting count drops).
        own = sums[self.row_base + seating] - repeat * (self.instance.seats[seating] - 1)
        costly = own > EPSILON
        wants = self.instance.wants_topic
        if wants.any():
            costly |= wants & (self.served == 0)
        rows = np.flatnonzero(costly)
        r, p = np.divmod(rows, n)
        tables_then = seating[r]  # (rows, n): everyone's table in the row's round
        to_their_table = self.row_base.ravel()[rows][:, None] + tables_then  # [r, p, table of q]
        to_my_table = self.row_base[r] + seating[r, p][:, None]  # [r, q, table of p]
        delta = sums[to_their_table] + sums[to_my_table]
        delta -= 2 * join[p]
        delta -= own.ravel()[rows][:, None]
        delta -= own[r]
        if wants.any():
            moving = self._preference_change().ravel()
            delta += moving[to_their_table] + moving[to_my_table]
        same_table = tables_then == seating[r, p][:, None]
        return _Prices(r, p, delta, to_their_table, to_my_table, same_table)

    def _preference_change(self) -> np.ndarray:
        """(rounds, n, tables): change of the preference cost if p moved to table t in round r."""
        preferred, seating = self.instance.preferred, self.seating
        rounds, n = seating.shape
        here = preferred[np.arange(rounds)[:, None], np.arange(n)[None, :], seating]
        others = (self.served[None, :] - here)[:, :, None]  # preferred rounds besides round r
        wants = self.instance.wants_topic[None, :, None]
        unserved_after = wants & (others + preferred == 0)
        unserved_now = wants & (self.served == 0)[None, :, None]
        return self.instance.weights.preference * (unserved_after.astype(float) - unserved_now)

    def _best_move(self, iteration: int, best_cost: float) -> tuple[int, int, int] | None:
        prices = self._price()
        delta = prices.delta
        tabu = self.tabu.ravel()
        blocked = (tabu[prices.to_their_table] > iteration) | (tabu[prices.to_my_table] > iteration)
        blocked &= self.cost + delta >= best_cost - EPSILON  # aspiration: a new best is never tabu
        blocked |= prices.same_table
        blocked |= delta >= HARD / 2  # never into a hard conflict
        blocked |= ~self.movable[prices.p][:, None]
        blocked |= ~self.movable[None, :]
        np.copyto(delta, np.inf, where=blocked)
        if not delta.size or (best := delta.min()) == np.inf:
            return None
        ties = np.flatnonzero(delta <= best + EPSILON)
        row, q = np.divmod(ties[self.rng.randrange(len(ties))], delta.shape[1])
        self.cost += float(best)
        return int(prices.r[row]), int(prices.p[row]), int(q)

    def _swap(self, r: int, p: int, q: int, iteration: int) -> None:
        """Swap p and q in round r; the caller has added the priced delta to the cost."""
        seating = self.seating
        a, b = seating[r, p], seating[r, q]
        at_a = np.flatnonzero(seating[r] == a)
        at_b = np.flatnonzero(seating[r] == b)
        at_a, at_b = at_a[at_a != p], at_b[at_b != q]
        # p and q each leave one group of people and join the other.
        sizes = [len(at_a), len(at_b), len(at_b), len(at_a)]
        movers = np.repeat([p, q, p, q], sizes)
        others = np.concatenate([at_a, at_b, at_b, at_a])
        steps = np.repeat([-1, -1, 1, 1], sizes)
        before = self.meetings.matrix[movers, others]
        priced = np.where(steps > 0, before, 1 - before).sum()
        actual = self.meetings.meet(movers, others, steps)
        self.cost += self.instance.weights.repeat * (actual - priced)  # orbits may share a key
        preferred = self.instance.preferred[r]
        self.served[p] += int(preferred[p, b]) - int(preferred[p, a])
        self.served[q] += int(preferred[q, a]) - int(preferred[q, b])
        seating[r, p], seating[r, q] = b, a
        self.onehot[r, p, a] = self.onehot[r, q, b] = 0.0
        self.onehot[r, p, b] = self.onehot[r, q, a] = 1.0
        low, high = TENURE
        self.tabu[r, p, a] = iteration + self.rng.randint(low, high)
        self.tabu[r, q, b] = iteration + self.rng.randint(low, high)

    def _restart_from(self, best_seating: np.ndarray) -> None:
        """Back to the best plan, then a few random swaps of people in costly pairs."""
        self._load(best_seating)
        for _ in range(max(2, self.instance.size // 8)):
            prices = self._price()
            allowed = ~prices.same_table & (prices.delta < HARD / 2)
            allowed &= self.movable[prices.p][:, None] & self.movable[None, :]
            moves = np.flatnonzero(allowed)
            if not len(moves):
                return
            row, q = np.divmod(moves[self.rng.randrange(len(moves))], allowed.shape[1])
            self.cost += float(prices.delta[row, q])
            self._swap(int(prices.r[row]), int(prices.p[row]), int(q), 0)


@dataclass
class _Prices:
    """Swaps of person p[i] in round r[i] with each person q: cost change delta[i, q]."""

    r: np.ndarray
    p: np.ndarray
    delta: np.ndarray
    to_their_table: np.ndarray  # flat index of [r, p, table of q]
    to_my_table: np.ndarray  # flat index of [r, q, table of p]
    same_table: np.ndarray
