"""Checks a seating against the hard constraints and measures its quality.

Plain Python over the caller's ids, so it can judge any seating: the planner's
(which must pass), one edited by hand, or one from elsewhere.
"""

from collections import Counter
from itertools import combinations

from .bounds import same_kind_pairs_bound
from .plan import QualityReport, Seating, Violation, ViolationKind
from .problem import ParticipantId, Problem


def violations(problem: Problem, rounds: Seating) -> tuple[Violation, ...]:
    """Every broken hard constraint, in a stable order."""
    if len(rounds) != problem.rounds or any(len(r) != len(problem.tables) for r in rounds):
        return (Violation(ViolationKind.SHAPE),)
    known = {p.id for p in problem.participants}
    organisation = {p.id: p.organisation for p in problem.participants}
    apart = {frozenset(pair) for pair in problem.keep_apart}
    found: list[Violation] = []
    for r, tables in enumerate(rounds):
        seated = Counter(pid for table in tables for pid in table)
        found.extend(
            Violation(ViolationKind.UNKNOWN_PARTICIPANT, r, None, (pid,))
            for pid in sorted(seated.keys() - known, key=str)
        )
        found.extend(
            Violation(ViolationKind.NOT_SEATED_ONCE, r, None, (p.id,))
            for p in problem.participants
            if seated[p.id] != 1
        )
        found.extend(_table_violations(problem, r, tables, organisation, apart))
    return tuple(found)


def _table_violations(problem, r, tables, organisation, apart):
    occupancy = [len(table) for table in tables]
    capacity = [table.capacity for table in problem.tables]
    for t, table in enumerate(tables):
        spec = problem.tables[t]
        if occupancy[t] > capacity[t]:
            yield Violation(ViolationKind.OVER_CAPACITY, r, t, tuple(table))
        if any(
            occupancy[t] >= occupancy[u] + 2 and occupancy[u] < capacity[u]
            for u in range(len(tables))
        ):
            yield Violation(ViolationKind.UNBALANCED, r, t, tuple(table))
        if spec.host is not None and spec.host not in table:
            yield Violation(ViolationKind.HOST_MOVED, r, t, (spec.host,))
        for a, b in combinations(table, 2):
            if organisation.get(a) and organisation.get(a) == organisation.get(b):
                yield Violation(ViolationKind.SAME_ORGANISATION, r, t, (a, b))
            if frozenset((a, b)) in apart:
                yield Violation(ViolationKind.KEPT_APART, r, t, (a, b))


def quality_report(problem: Problem, rounds: Seating) -> QualityReport:
    people = {p.id: p for p in problem.participants}
    ties = {frozenset(pair) for pair in problem.already_met}
    meetings: Counter[frozenset[ParticipantId]] = Counter()
    same_kind = 0
    table_kinds = []
    most_brokers = 0
    served: set[ParticipantId] = set()
    for r, tables in enumerate(rounds):
        kinds_this_round = []
        for t, table in enumerate(tables):
            present = [people[pid] for pid in table if pid in people]
            meetings.update(frozenset(pair) for pair in combinations(table, 2))
            kinds = Counter(p.organisation_kind for p in present if p.organisation_kind)
            same_kind += sum(count * (count - 1) // 2 for count in kinds.values())
            kinds_this_round.append(tuple(sorted(kinds.items(), key=lambda kc: (-kc[1], kc[0]))))
            most_brokers = max(most_brokers, sum(1 for p in present if p.broker_weight > 0))
            topic = problem.topics[r][t] if problem.topics else None
            served.update(
                p.id for p in present if topic is not None and topic in p.topic_preferences
            )
        table_kinds.append(tuple(kinds_this_round))
    usable = sum(1 for table in problem.tables if table.capacity > 0)
    bound = same_kind_pairs_bound(
        (p.organisation_kind for p in problem.participants),
        min(usable, len(problem.participants)),  # tables with somebody at them
        problem.rounds,
    )
    wanting = [p.id for p in problem.participants if p.topic_preferences]
    return QualityReport(
        repeated_pairs=sum(max(0, n + (pair in ties) - 1) for pair, n in meetings.items()),
        distinct_pairs_met=len(meetings),
        new_pairs_met=sum(1 for pair in meetings if pair not in ties),
        same_kind_pairs=same_kind,
        mix_score=1.0 if same_kind == 0 else bound / same_kind,
        table_kinds=tuple(table_kinds),
        preferences_met=sum(1 for pid in wanting if pid in served),
        preferences_wanted=len(wanting),
        max_brokers_at_a_table=most_brokers,
        violations=violations(problem, rounds),
    )
