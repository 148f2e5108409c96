"""Fewer topic repeats by swapping two people, without giving up anything the planner achieved.

After `topics.arrange_for_topics` has moved whole groups, single swaps of two
people within a round can still spare someone a topic they discussed before.
A swap is taken only if it keeps every hard rule (colleagues, pairs kept apart,
hosts) and makes nothing the planner optimises worse: no more repeated
encounters, no less mixing of organisation kinds, brokers no closer together,
no fewer topic wishes met; and it must lower the topic repeats. Pure Python.
"""

import time
from collections import Counter
from itertools import combinations

from ..tableplanner import Problem, Seating

EPSILON = 1e-9


class _State:
    def __init__(self, problem: Problem, rounds: Seating) -> None:
        self.problem = problem
        self.tables = [[list(table) for table in tables] for tables in rounds]
        people = {p.id: p for p in problem.participants}
        self.organisation = {pid: p.organisation for pid, p in people.items()}
        self.kind = {pid: p.organisation_kind for pid, p in people.items()}
        self.broker = {pid: p.broker_weight for pid, p in people.items()}
        self.wishes = {pid: set(p.topic_preferences) for pid, p in people.items()}
        self.apart = {frozenset(pair) for pair in problem.keep_apart}
        self.hosts = {table.host for table in problem.tables if table.host is not None}
        self.meetings: Counter = Counter(frozenset(pair) for pair in problem.already_met)
        self.topics: dict = {pid: Counter() for pid in people}
        for r, tables in enumerate(self.tables):
            for t, table in enumerate(tables):
                self.meetings.update(frozenset(pair) for pair in combinations(table, 2))
                topic = problem.topics[r][t]
                if topic is not None:
                    for person in table:
                        self.topics.setdefault(person, Counter())[topic] += 1

    def conflict(self, person, others) -> bool:
        return any(
            (
                self.organisation.get(person)
                and self.organisation.get(person) == self.organisation.get(o)
            )
            or frozenset((person, o)) in self.apart
            for o in others
        )

    def pair_delta(self, person, leaving, joining) -> int:
        """Change in repeated encounters when `person` leaves one group for another."""
        lost = sum(1 for o in leaving if self.meetings[frozenset((person, o))] >= 2)
        gained = sum(1 for o in joining if self.meetings[frozenset((person, o))] >= 1)
        return gained - lost

    def same_kind(self, group) -> int:
        counts = Counter(self.kind[p] for p in group if self.kind.get(p))
        return sum(n * (n - 1) // 2 for n in counts.values())

    def broker_cost(self, group) -> float:
        return sum(self.broker.get(a, 0) * self.broker.get(b, 0) for a, b in combinations(group, 2))

    def topic_cost(self, person, remove, add) -> tuple[int, bool, bool]:
        """(change in the person's topic repeats, wish met before, wish met after)."""
        counts = self.topics.get(person, Counter())
        after = counts.copy()
        if remove is not None:
            after[remove] -= 1
        if add is not None:
            after[add] += 1
        repeats = sum(max(0, n - 1) for n in after.values()) - sum(
            max(0, n - 1) for n in counts.values()
        )
        wishes = self.wishes.get(person, set())
        return (
            repeats,
            any(counts[t] > 0 for t in wishes),
            any(after[t] > 0 for t in wishes),
        )

    def try_swap(self, r: int, a: int, b: int, p, q) -> bool:
        """Swap p (table a) and q (table b) in round r if that is a pure gain."""
        group_a, group_b = self.tables[r][a], self.tables[r][b]
        rest_a = [o for o in group_a if o != p]
        rest_b = [o for o in group_b if o != q]
        if self.conflict(p, rest_b) or self.conflict(q, rest_a):
            return False
        topic_a, topic_b = self.problem.topics[r][a], self.problem.topics[r][b]
        p_repeats, p_before, p_after = self.topic_cost(p, topic_a, topic_b)
        q_repeats, q_before, q_after = self.topic_cost(q, topic_b, topic_a)
        if p_repeats + q_repeats >= 0 or (p_before and not p_after) or (q_before and not q_after):
            return False
        if self.pair_delta(p, rest_a, rest_b) + self.pair_delta(q, rest_b, rest_a) > 0:
            return False
        new_a, new_b = [*rest_a, q], [*rest_b, p]
        if self.same_kind(new_a) + self.same_kind(new_b) > self.same_kind(group_a) + self.same_kind(
            group_b
        ):
            return False
        if (
            self.broker_cost(new_a) + self.broker_cost(new_b)
            > self.broker_cost(group_a) + self.broker_cost(group_b) + EPSILON
        ):
            return False
        self._apply(r, (a, p, rest_a), (b, q, rest_b))
        return True

    def _apply(self, r: int, first: tuple, second: tuple) -> None:
        """Swap: each side is (table, person leaving it, the people who stay)."""
        (a, p, rest_a), (b, q, rest_b) = first, second
        for o in rest_a:
            self.meetings[frozenset((p, o))] -= 1
            self.meetings[frozenset((q, o))] += 1
        for o in rest_b:
            self.meetings[frozenset((q, o))] -= 1
            self.meetings[frozenset((p, o))] += 1
        topic_a, topic_b = self.problem.topics[r][a], self.problem.topics[r][b]
        for person, old, new in ((p, topic_a, topic_b), (q, topic_b, topic_a)):
            counts = self.topics.setdefault(person, Counter())
            if old is not None:
                counts[old] -= 1
            if new is not None:
                counts[new] += 1
        self.tables[r][a] = [q if o == p else o for o in self.tables[r][a]]
        self.tables[r][b] = [p if o == q else o for o in self.tables[r][b]]

    def seating(self) -> Seating:
        return tuple(
            tuple(_host_first(table, self.hosts) for table in tables) for tables in self.tables
        )


def _host_first(table, hosts) -> tuple:
    return tuple(sorted(table, key=lambda person: person not in hosts))


def polish_for_topics(problem: Problem, rounds: Seating, *, seconds: float = 0.5) -> Seating:
    """The seating after every pure-gain swap found within `seconds` (see the module docstring)."""
    if not problem.topics or not rounds:
        return rounds
    deadline = time.monotonic() + seconds
    state = _State(problem, rounds)
    improved = True
    while improved and time.monotonic() < deadline:
        improved = False
        for r, tables in enumerate(state.tables):
            for a, b in combinations(range(len(tables)), 2):
                if problem.topics[r][a] == problem.topics[r][b]:
                    continue
                for p in list(state.tables[r][a]):
                    if p in state.hosts:
                        continue
                    for q in list(state.tables[r][b]):
                        if q not in state.hosts and state.try_swap(r, a, b, p, q):
                            improved = True
                            break
    return state.seating()
