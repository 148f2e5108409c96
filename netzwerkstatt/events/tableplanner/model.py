"""The problem as arrays over participant positions, checked for contradictions.

Everything the search needs per pair of participants is a matrix: the hard
conflicts (same organisation, keep apart), the cost of seating the pair at one
table in one round (same organisation kind, two brokers) and the meetings
before the event (strong ties). Per round and table, which participants would
sit at a preferred topic.
"""

from collections import Counter
from dataclasses import dataclass

import numpy as np

from .errors import PlanningError, Reason
from .problem import Pair, ParticipantId, Problem, Weights

HARD = 1e9  # what the search and the greedy seating charge for a conflicting pair at a table


def seat_levels(capacities: list[int], participants: int) -> tuple[list[int], list[bool], int]:
    """Filling tables as evenly as their capacities allow: every table seats its base number
    (the water level, or its capacity if lower) and `extra` of the tables that may grow seat
    one more. Returns (base, may_grow, extra)."""
    level = 0
    while level < max(capacities, default=0) and (
        sum(min(c, level + 1) for c in capacities) <= participants
    ):
        level += 1
    base = [min(c, level) for c in capacities]
    return base, [c > level for c in capacities], participants - sum(base)


@dataclass(frozen=True, eq=False)
class Instance:
    ids: tuple[ParticipantId, ...]
    rounds: int
    seats: np.ndarray  # (tables,) people per table in every round (see feasible.seat_levels)
    fixed: np.ndarray  # (participants,) the table a host keeps, −1 for everyone else
    hard: np.ndarray  # (participants, participants) bool: must never share a table
    pair_cost: np.ndarray  # (participants, participants) cost per round at one table
    prior: np.ndarray  # (participants, participants) 1 for a strong tie before the event
    preferred: np.ndarray  # (rounds, participants, tables) bool: a preferred topic there
    wants_topic: np.ndarray  # (participants,) bool: has topic preferences
    weights: Weights

    @property
    def size(self) -> int:
        return len(self.ids)

    @property
    def table_count(self) -> int:
        return len(self.seats)


def build_instance(problem: Problem) -> Instance:
    """Arrays for the problem; raises PlanningError for contradictions and obvious impossibilities."""
    ids = tuple(person.id for person in problem.participants)
    index = {pid: position for position, pid in enumerate(ids)}
    _check_shape(problem, index)
    n = len(ids)
    seats_total = sum(table.capacity for table in problem.tables)
    if n > seats_total:
        raise PlanningError(
            Reason.TOO_MANY_PARTICIPANTS,
            "%(participants)d participants but only %(seats)d seats",
            participants=n,
            seats=seats_total,
        )
    organisations = Counter(p.organisation for p in problem.participants if p.organisation)
    usable_tables = sum(1 for table in problem.tables if table.capacity > 0)
    for organisation, members in sorted(organisations.items()):
        if members > usable_tables:
            raise PlanningError(
                Reason.ORGANISATION_TOO_LARGE,
                "%(organisation)s has %(members)d participants but there are only "
                "%(tables)d tables, and colleagues never share one",
                organisation=organisation,
                members=members,
                tables=usable_tables,
            )
    fixed = np.full(n, -1)
    for t, table in enumerate(problem.tables):
        if table.host is not None:
            fixed[index[table.host]] = t
    return Instance(
        ids=ids,
        rounds=problem.rounds,
        seats=_even_seats([table.capacity for table in problem.tables], n),
        fixed=fixed,
        hard=_hard_conflicts(problem, index),
        pair_cost=_pair_costs(problem),
        prior=_pair_matrix(problem.already_met, index, n).astype(np.int64),
        preferred=_preferred_tables(problem),
        wants_topic=np.array([bool(p.topic_preferences) for p in problem.participants], bool),
        weights=problem.weights,
    )


def _even_seats(capacities: list[int], participants: int) -> np.ndarray:
    """Table sizes as even as the capacities allow, the first tables with room taking the extras."""
    base, may_grow, extra = seat_levels(capacities, participants)
    seats = np.array(base)
    seats[np.flatnonzero(may_grow)[:extra]] += 1
    return seats


def _invalid(message: str, **params: object) -> PlanningError:
    return PlanningError(Reason.INVALID, message, **params)


def _check_shape(problem: Problem, index: dict[ParticipantId, int]) -> None:
    if len(index) != len(problem.participants):
        raise _invalid("participant ids must be unique")
    if problem.rounds < 1:
        raise _invalid("plan at least one round")
    if not problem.tables or any(table.capacity < 0 for table in problem.tables):
        raise _invalid("give at least one table, with a capacity of zero or more")
    hosts = [table.host for table in problem.tables if table.host is not None]
    if any(host not in index for host in hosts):
        raise _invalid("every host must be one of the participants")
    if len(set(hosts)) != len(hosts):
        raise _invalid("a participant hosts at most one table")
    if any(table.host is not None and table.capacity < 1 for table in problem.tables):
        raise _invalid("a table with a host needs a seat for the host")
    for a, b in (*problem.already_met, *problem.keep_apart):
        if a not in index or b not in index or a == b:
            raise _invalid("pairs must name two different participants")
    if problem.topics and (
        len(problem.topics) != problem.rounds
        or any(len(row) != len(problem.tables) for row in problem.topics)
    ):
        raise _invalid("give one topic per table for every round, or none")


def _pair_matrix(pairs: tuple[Pair, ...], index: dict[ParticipantId, int], n: int) -> np.ndarray:
    matrix = np.zeros((n, n), bool)
    for a, b in pairs:
        matrix[index[a], index[b]] = matrix[index[b], index[a]] = True
    return matrix


def _same_label(labels: list[str | None]) -> np.ndarray:
    """Pairs sharing a label that is not None."""
    codes = {label: code for code, label in enumerate(sorted({x for x in labels if x}))}
    column = np.array([codes.get(label, -1) for label in labels])
    same = (column[:, None] == column[None, :]) & (column[:, None] >= 0)
    np.fill_diagonal(same, val=False)
    return same


def _hard_conflicts(problem: Problem, index: dict[ParticipantId, int]) -> np.ndarray:
    same_organisation = _same_label([p.organisation for p in problem.participants])
    return same_organisation | _pair_matrix(problem.keep_apart, index, len(index))


def _pair_costs(problem: Problem) -> np.ndarray:
    weights = problem.weights
    same_kind = _same_label([p.organisation_kind for p in problem.participants])
    brokers = np.array([p.broker_weight for p in problem.participants], float)
    cost = weights.mix * same_kind + weights.broker * np.outer(brokers, brokers)
    np.fill_diagonal(cost, 0.0)
    return cost


def _preferred_tables(problem: Problem) -> np.ndarray:
    n, table_count = len(problem.participants), len(problem.tables)
    preferred = np.zeros((problem.rounds, n, table_count), bool)
    for r, row in enumerate(problem.topics):
        for p, person in enumerate(problem.participants):
            wishes = set(person.topic_preferences)
            for t, topic in enumerate(row):
                preferred[r, p, t] = topic is not None and topic in wishes
    return preferred
