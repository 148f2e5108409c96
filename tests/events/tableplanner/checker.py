"""An independent judge of seatings for the planner's tests: no code shared with the planner."""

from collections import Counter
from itertools import combinations, product


def problems_with(problem, rounds) -> list[str]:
    """Every way the seating breaks a hard constraint, in words (empty: valid)."""
    found = []
    if len(rounds) != problem.rounds:
        return [f"{len(rounds)} rounds instead of {problem.rounds}"]
    everyone = Counter(p.id for p in problem.participants)
    organisation = {p.id: p.organisation for p in problem.participants}
    apart = {frozenset(pair) for pair in problem.keep_apart}
    capacities = [table.capacity for table in problem.tables]
    for number, tables in enumerate(rounds):
        if len(tables) != len(problem.tables):
            found.append(f"round {number}: {len(tables)} tables")
            continue
        if Counter(pid for table in tables for pid in table) != everyone:
            found.append(f"round {number}: not everyone exactly once")
        sizes = [len(table) for table in tables]
        if not is_balanced(sizes, capacities):
            found.append(f"round {number}: table sizes {sizes}")
        for table, spec in zip(tables, problem.tables, strict=True):
            if spec.host is not None and spec.host not in table:
                found.append(f"round {number}: host {spec.host} left table {spec.id}")
            for a, b in combinations(table, 2):
                if organisation[a] is not None and organisation[a] == organisation[b]:
                    found.append(f"round {number}: colleagues {a} and {b} at one table")
                if frozenset((a, b)) in apart:
                    found.append(f"round {number}: {a} and {b} were to be kept apart")
    return found


def is_balanced(sizes, capacities) -> bool:
    """Within capacity, and no table has two more people than one with a free seat."""
    return all(size <= cap for size, cap in zip(sizes, capacities, strict=True)) and not any(
        big >= small + 2 and small < cap
        for big in sizes
        for small, cap in zip(sizes, capacities, strict=True)
    )


def balanced_sizes(capacities: list[int], people: int) -> list[list[int]]:
    """All balanced table sizes for that many people (small problems only)."""
    return [
        list(sizes)
        for sizes in product(*(range(c + 1) for c in capacities))
        if sum(sizes) == people and is_balanced(sizes, capacities)
    ]


def meetings(rounds) -> Counter:
    return Counter(
        frozenset(pair) for tables in rounds for table in tables for pair in combinations(table, 2)
    )


def repeated_encounters(rounds, ties=()) -> int:
    """Meetings beyond each pair's first; a tie from before counts as a first meeting."""
    counts = meetings(rounds)
    for pair in ties:
        counts[frozenset(pair)] += 1
    return sum(count - 1 for count in counts.values() if count > 1)


def seating_exists(problem) -> bool:
    """Whether one round can keep every hard constraint (small problems: plain backtracking)."""
    capacities = [table.capacity for table in problem.tables]
    people = [p.id for p in problem.participants]
    hosts = {table.host: t for t, table in enumerate(problem.tables) if table.host is not None}
    organisation = {p.id: p.organisation for p in problem.participants}
    apart = {frozenset(pair) for pair in problem.keep_apart}

    def clash(a, b):
        same = organisation[a] is not None and organisation[a] == organisation[b]
        return same or frozenset((a, b)) in apart

    def fill(sizes, tables, rest):
        if not rest:
            return all(len(table) == size for table, size in zip(tables, sizes, strict=True))
        person, others = rest[0], rest[1:]
        for table, size in zip(tables, sizes, strict=True):
            if len(table) < size and not any(clash(person, x) for x in table):
                table.append(person)
                if fill(sizes, tables, others):
                    return True
                table.pop()
        return False

    for sizes in balanced_sizes(capacities, len(people)):
        tables = [[] for _ in capacities]
        for host, t in hosts.items():
            tables[t].append(host)
        if any(len(table) > size for table, size in zip(tables, sizes, strict=True)):
            continue
        if any(clash(a, b) for table in tables for a, b in combinations(table, 2)):
            continue
        if fill(sizes, tables, [p for p in people if p not in hosts]):
            return True
    return False
