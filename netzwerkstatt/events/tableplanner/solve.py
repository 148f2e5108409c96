"""The planner's entry point: designs first for the pure problem, then greedy seating and tabu search."""

import random
import time
from collections.abc import Callable
from dataclasses import replace

import numpy as np

from .bounds import lower_bounds
from .check import quality_report
from .designs import social_golfer_design
from .feasible import feasible_round
from .greedy import greedy_rounds
from .model import Instance, build_instance
from .plan import Plan, Seating
from .problem import Problem
from .search import EPSILON, TabuSearch

ProgressCallback = Callable[[float, int], None]  # (seconds so far, repeated pairs of the best)

DESIGN_SHARE = 0.75  # of the time budget, for constructions (pure Social Golfer Problem only)
SEARCH_SHARE = 0.99  # the rest is for checking the plan and writing the report


def plan_tables(
    problem: Problem,
    *,
    seconds: float = 5.0,
    seed: int = 0,
    progress: ProgressCallback | None = None,
) -> Plan:
    """A seating for every round that keeps the hard constraints and is as good as found in time.

    Raises PlanningError when the problem contradicts itself or no seating can
    keep the hard constraints. The same problem, seed and enough time give the
    same plan; `progress` hears (seconds so far, repeated pairs of the best plan)
    now and then while the search runs.
    """
    started = time.monotonic()
    rng = random.Random(seed)  # noqa: S311 -- reproducible choices, not secrets
    instance = build_instance(problem)
    prefix = None
    if problem.is_social_golfer:
        design = social_golfer_design(
            len(problem.tables),
            problem.tables[0].capacity,
            problem.rounds,
            rng=rng,
            deadline=started + DESIGN_SHARE * seconds,
        )
        prefix = np.array([_groups_to_tables(rounds_groups, instance) for rounds_groups in design])
        if len(design) == problem.rounds:
            return _plan(problem, instance, prefix, "design", optimal=True, started=started)
    first = feasible_round(instance, [table.capacity for table in problem.tables], rng)
    instance = replace(instance, seats=np.bincount(first, minlength=instance.table_count))
    seating = greedy_rounds(instance, first, rng, prefix)
    bounds = lower_bounds(problem, instance)
    result = TabuSearch(instance, seating, rng).run(
        deadline=started + SEARCH_SHARE * seconds,
        lower_bound=bounds.total,
        repeat_bound=bounds.repeat,
        progress=progress and (lambda repeats: progress(time.monotonic() - started, repeats)),
    )
    optimal = result.cost <= bounds.total + EPSILON
    return _plan(problem, instance, result.seating, "search", optimal=optimal, started=started)


def _groups_to_tables(groups: list[list[int]], instance: Instance) -> np.ndarray:
    seating = np.empty(instance.size, np.int64)
    for table, group in enumerate(groups):
        seating[group] = table
    return seating


def _plan(problem, instance, seating, method, *, optimal, started) -> Plan:
    rounds: Seating = tuple(
        tuple(_table_ids(problem, instance, row, t) for t in range(instance.table_count))
        for row in seating
    )
    report = quality_report(problem, rounds)
    if report.violations:
        raise AssertionError(f"the planner broke a hard constraint: {report.violations[0]}")
    return Plan(rounds, report, method, optimal, time.monotonic() - started)


def _table_ids(problem, instance, row, table):
    host = problem.tables[table].host
    others = [instance.ids[p] for p in np.flatnonzero(row == table) if instance.ids[p] != host]
    return (host, *others) if host is not None else tuple(others)
