"""Lower bounds on the objective, so the search can stop when it has proved it cannot do better."""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from .model import Instance
from .problem import Problem


def even_split_pairs(count: int, bins: int) -> int:
    """Σ C(k, 2) over bins when `count` things are spread as evenly as possible over `bins`:
    the fewest pairs sharing a bin (and the least Σ C(k, 2) for any split)."""
    if bins <= 0:
        return 0
    size, larger = divmod(count, bins)
    return larger * (size + 1) * size // 2 + (bins - larger) * size * (size - 1) // 2


def same_kind_pairs_bound(kinds: Iterable[str | None], tables: int, rounds: int) -> int:
    """Fewest same-kind pairs at tables over all rounds, table sizes aside."""
    counts = Counter(kind for kind in kinds if kind)
    return rounds * sum(even_split_pairs(count, tables) for count in counts.values())


@dataclass(frozen=True)
class Bounds:
    repeat: float  # the repeat part of the cost
    total: float


def lower_bounds(problem: Problem, instance: Instance) -> Bounds:
    """Bounds that hold for every seating.

    Repeats: each person meets a known number of people over the rounds (at
    least the smallest table's worth each round) and earlier ties count as
    meetings; spreading them evenly over all others is the cheapest the convex
    repeat cost allows, and every pair is counted from both ends.
    Kinds: each kind spread evenly over the tables, every round.
    Preferences: people whose preferred topics are at no table in any round.
    """
    weights, n = problem.weights, instance.size
    occupied = instance.seats[instance.seats > 0]
    smallest = int(occupied.min()) if occupied.size else 1
    per_round = np.where(instance.fixed >= 0, instance.seats[instance.fixed] - 1, smallest - 1)
    meetings = instance.prior.sum(axis=1) + instance.rounds * per_round
    repeat_units = -(-sum(even_split_pairs(int(m), n - 1) for m in meetings) // 2)
    kinds = same_kind_pairs_bound(
        (p.organisation_kind for p in problem.participants), len(occupied), instance.rounds
    )
    unservable = instance.wants_topic & ~instance.preferred.any(axis=(0, 2))
    repeat = weights.repeat * repeat_units
    return Bounds(
        repeat=repeat,
        total=repeat + weights.mix * kinds + weights.preference * int(unservable.sum()),
    )
