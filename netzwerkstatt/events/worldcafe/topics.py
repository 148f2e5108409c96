"""Topics at the tables: the rotation, and seating groups at tables whose topics are new to them.

Pure functions over the planner's plain data (`tableplanner.Problem` and a
seating), no database.

The planner decides who sits together; which table a group sits at does not
change any of its figures (encounters, mix, brokers, colleagues, pairs kept
apart are properties of the group), as long as the group fits the table and
hosts stay at theirs. So after planning, `arrange_for_topics` moves whole
groups between tables of the same size, round by round, so that people
discuss topics they have not discussed yet and, where they have wishes, a
topic they wished for.
"""

from collections import Counter
from collections.abc import Hashable, Sequence

from ..tableplanner import Problem, Seating, violations
from .polish import polish_for_topics

# What a seating costs per person, for choosing between arrangements:
REPEAT_COST = 2  # … per earlier round at the same topic
WISH_GAIN = 10  # … saved when a person with unmet topic wishes gets one (wishes come first)
MAX_PASSES = 50  # swap passes per round; each pass is tables² / 2 cost sums


def topic_rotation(
    topics: Sequence[Hashable], *, tables: int, rounds: int, hosted: Sequence[bool] = ()
) -> list[list[Hashable | None]]:
    """Topic of table t in round r: the topics in turn, shifted by one each round.

    A table with a host keeps its first topic in every round (the host owns the
    topic, as in the usual World Café); the others rotate, so over the rounds
    every topic is discussed at about as many tables, and each group can be
    seated at a topic new to it.
    """
    if not topics:
        return [[None] * tables for _ in range(rounds)]
    hosted = [*hosted, *[False] * (tables - len(hosted))]
    return [
        [topics[(t if hosted[t] else t + r) % len(topics)] for t in range(tables)]
        for r in range(rounds)
    ]


def topic_repeats(problem: Problem, rounds: Seating) -> int:
    """How often a participant (not a host) sits at a topic they discussed in an earlier round."""
    if not problem.topics:
        return 0
    hosts = {table.host for table in problem.tables if table.host is not None}
    seen: dict = {}
    repeats = 0
    for r, tables in enumerate(rounds):
        for t, table in enumerate(tables):
            topic = problem.topics[r][t]
            if topic is None:
                continue
            for person in table:
                if person in hosts:
                    continue
                had = seen.setdefault(person, Counter())
                repeats += had[topic] > 0
                had[topic] += 1
    return repeats


def wishes_met(problem: Problem, rounds: Seating) -> int:
    """Participants with topic wishes who sit at a wished topic in at least one round."""
    wishes = {p.id: set(p.topic_preferences) for p in problem.participants if p.topic_preferences}
    if not problem.topics or not wishes:
        return 0
    served = {
        person
        for r, tables in enumerate(rounds)
        for t, table in enumerate(tables)
        for person in table
        if problem.topics[r][t] in wishes.get(person, ())
    }
    return len(served)


def seat_for_topics(problem: Problem, rounds: Seating, *, seconds: float = 0.5) -> Seating:
    """Groups moved to topics new to them, then single swaps that pay off (see `polish`)."""
    return polish_for_topics(problem, arrange_for_topics(problem, rounds), seconds=seconds)


def arrange_for_topics(problem: Problem, rounds: Seating) -> Seating:
    """The same groups, moved between tables of one size so that topics are new to the people.

    Round by round, groups swap tables (never a table with a host) while that
    lowers the cost (REPEAT_COST per earlier visit of the topic, minus WISH_GAIN
    for a wish met the first time). Returns the seating unchanged when there are
    no topics, or when the arrangement would meet fewer wishes or repeat more topics.
    """
    if not problem.topics or not rounds:
        return rounds
    cost = _GroupCost(problem)
    arranged = []
    for r, tables in enumerate(rounds):
        groups = _swap_groups(problem, list(tables), problem.topics[r], cost)
        cost.seat(groups, problem.topics[r])
        arranged.append(tuple(groups))
    result: Seating = tuple(arranged)
    if violations(problem, result) and not violations(problem, rounds):
        return rounds
    return result if _score(problem, result) >= _score(problem, rounds) else rounds


def _swap_groups(problem: Problem, groups: list, topics, cost: "_GroupCost") -> list:
    """Swap groups between tables without hosts while some swap lowers the cost."""
    hosts = {table.host for table in problem.tables if table.host is not None}
    capacities = [table.capacity for table in problem.tables]
    movable = [
        t
        for t in range(len(groups))
        if problem.tables[t].host is None and not hosts.intersection(groups[t])
    ]
    for _pass in range(MAX_PASSES):
        improved = False
        for i, a in enumerate(movable):
            for b in movable[i + 1 :]:
                if len(groups[a]) > capacities[b] or len(groups[b]) > capacities[a]:
                    continue
                before = cost(groups[a], topics[a]) + cost(groups[b], topics[b])
                after = cost(groups[b], topics[a]) + cost(groups[a], topics[b])
                if after < before:
                    groups[a], groups[b] = groups[b], groups[a]
                    improved = True
        if not improved:
            break
    return groups


class _GroupCost:
    """What seating a group at a topic costs, given the topics seen and wishes met so far."""

    def __init__(self, problem: Problem) -> None:
        self.wishes = {p.id: set(p.topic_preferences) for p in problem.participants}
        self.seen: dict = {}
        self.served: set = set()

    def __call__(self, group, topic) -> int:
        if topic is None:
            return 0
        return sum(
            REPEAT_COST * self.seen.get(person, Counter())[topic]
            - (
                WISH_GAIN
                if person not in self.served and topic in self.wishes.get(person, ())
                else 0
            )
            for person in group
        )

    def seat(self, groups, topics) -> None:
        """Remember who discussed which topic in this round."""
        for group, topic in zip(groups, topics, strict=True):
            if topic is None:
                continue
            for person in group:
                self.seen.setdefault(person, Counter())[topic] += 1
                if topic in self.wishes.get(person, ()):
                    self.served.add(person)


def _score(problem: Problem, rounds: Seating) -> tuple[int, int]:
    """Wishes met first, then fewer topic repeats."""
    return wishes_met(problem, rounds), -topic_repeats(problem, rounds)
