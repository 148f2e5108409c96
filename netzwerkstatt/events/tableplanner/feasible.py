"""One round that keeps every hard constraint, or a proof that none exists.

Hard constraints are the same in every round, so the problem is feasible
exactly when a single round is: hosts at their tables, tables as evenly filled
as their capacities allow, and no two conflicting people (colleagues,
keep-apart pairs) at a table. That is an equitable colouring problem with
precoloured vertices, NP-hard in general but tiny for real events. We search
it exhaustively with the DSATUR rule (Brélaz 1979: place the person with the
fewest possible tables first), treating empty tables of equal size as
interchangeable, so that a failure is quick and is a proof. People without
conflicts take the seats left over at the end.

When there are more seats than people, which tables get the extra person is
part of the search: filling evenly means every table holds its base number
(the water level) and `extra` of the tables that have room hold one more.
The round found fixes the table sizes for all rounds.
"""

import random

import numpy as np

from .errors import PlanningError, Reason
from .model import Instance, seat_levels

NODE_LIMIT = 200_000


def feasible_round(instance: Instance, capacities: list[int], rng: random.Random) -> np.ndarray:
    """A table per participant for one round; raises PlanningError if there is none."""
    base, may_grow, extra = seat_levels(capacities, instance.size)
    table_of = np.full(instance.size, -1)
    table_of[instance.fixed >= 0] = instance.fixed[instance.fixed >= 0]
    search = _Search(instance, table_of, base=base, may_grow=may_grow, extra=extra, rng=rng)
    constrained = [p for p in range(instance.size) if table_of[p] < 0 and instance.hard[p].any()]
    if search.extra < 0 or not search.place(constrained):
        if search.nodes > NODE_LIMIT:
            raise PlanningError(
                Reason.NO_SEATING_FOUND,
                "no seating keeping colleagues and keep-apart pairs apart was found in time",
            )
        raise PlanningError(
            Reason.NO_SEATING,
            "no seating keeps colleagues and keep-apart pairs apart with these tables",
        )
    table_of[table_of < 0] = search.leftover_seats()
    return table_of


class _Search:
    def __init__(self, instance, table_of, *, base, may_grow, extra, rng):
        self.hard = instance.hard
        self.table_of = table_of
        self.base = np.array(base)
        self.may_grow = np.array(may_grow, bool)
        self.occupied = np.bincount(table_of[table_of >= 0], minlength=len(base))
        self.extra = extra - int(np.maximum(self.occupied - self.base, 0).sum())
        self.blocked = np.zeros((len(table_of), len(base)), np.int64)
        for person in np.flatnonzero(table_of >= 0):
            self.blocked[self.hard[person], table_of[person]] += 1
        self.rng = rng
        self.nodes = 0

    def _open(self) -> np.ndarray:
        grows = self.may_grow & (self.occupied == self.base) & (self.extra > 0)
        return (self.occupied < self.base) | grows

    def options(self, person: int) -> list[int]:
        """Open tables without a conflict, one representative per kind of empty table."""
        seen_empty: set[tuple[int, bool]] = set()
        result = []
        for t in np.flatnonzero(self._open() & (self.blocked[person] == 0)):
            if self.occupied[t] == 0:
                kind = (int(self.base[t]), bool(self.may_grow[t]))
                if kind in seen_empty:
                    continue
                seen_empty.add(kind)
            result.append(int(t))
        return result

    def place(self, unplaced: list[int]) -> bool:
        """Seat everyone in `unplaced`, backtracking (with an explicit stack: events are large)."""
        waiting = np.zeros(len(self.table_of), bool)
        waiting[unplaced] = True
        # Fewest open tables first, then most conflicts, then the lowest number.
        degree = self.hard.sum(axis=1)
        stack: list[tuple[int, list[int]]] = []  # (person, tables still to try)
        while waiting.any():
            self.nodes += 1
            if self.nodes > NODE_LIMIT:
                return False
            counts = (self._open()[None, :] & (self.blocked == 0)).sum(axis=1)
            counts[~waiting] = len(self.base) + 1
            fewest = counts == counts.min()
            person = int(np.flatnonzero(fewest & (degree == degree[fewest].max()))[0])
            if counts[person]:
                tables = self.options(person)
                self.rng.shuffle(tables)
                stack.append((person, tables))
                waiting[person] = False
            while stack:  # seat the newest person at their next table, or go back
                person, tables = stack[-1]
                if self.table_of[person] >= 0:
                    self._seat(person, int(self.table_of[person]), -1)
                if tables:
                    self._seat(person, tables.pop(), +1)
                    break
                stack.pop()
                waiting[person] = True
            else:
                return False
        return True

    def _seat(self, person: int, table: int, step: int) -> None:
        if step > 0:
            self.extra -= int(self.occupied[table] >= self.base[table])
        self.occupied[table] += step
        if step < 0:
            self.extra += int(self.occupied[table] >= self.base[table])
        self.table_of[person] = table if step > 0 else -1
        self.blocked[self.hard[person], table] += step

    def leftover_seats(self) -> list[int]:
        """The free seats for everyone without conflicts, in random order."""
        free = np.maximum(self.base - self.occupied, 0)
        growable = np.flatnonzero(self.may_grow & (self.occupied <= self.base))
        free[growable[: self.extra]] += 1
        seats = [t for t in range(len(free)) for _ in range(free[t])]
        self.rng.shuffle(seats)
        return seats
