"""A first seating, round by round: each free seat goes to whoever adds the least cost there.

Tables are filled one after another. A person's cost at a table is what
seating them with everyone already there would add: earlier meetings (so the
first rounds are free of repeats whenever the people allow it), same
organisation kind, brokers, and a gain for a preferred topic not yet had.
Among equally cheap people the one with the most freedom goes first: the most
unseated people who could still join that table without a repeat, the idea
of Triska & Musliu's greedy initialisation ("An effective greedy heuristic for
the Social Golfer Problem", Annals of OR 194, 2012). A round where the greedy
choice runs into the hard constraints takes the feasible round instead.
"""

import random

import numpy as np

from .model import HARD, Instance


def greedy_rounds(
    instance: Instance,
    fallback: np.ndarray,
    rng: random.Random,
    prefix: np.ndarray | None = None,
) -> np.ndarray:
    """(rounds, participants) table indices; `prefix` fixes the first rounds (e.g. from a design)."""
    start = 0 if prefix is None else len(prefix)
    plan = np.empty((instance.rounds, instance.size), np.int64)
    meetings = instance.prior.copy()
    served = np.zeros(instance.size, bool)  # has had a preferred topic
    for r in range(instance.rounds):
        if r < start:
            seating = prefix[r]
        else:
            seating = _greedy_round(instance, r, meetings, served, rng)
            if seating is None:
                seating = fallback
        plan[r] = seating
        same = seating[:, None] == seating[None, :]
        np.fill_diagonal(same, val=False)
        meetings += same
        served |= instance.preferred[r, np.arange(instance.size), seating]
    return plan


def _greedy_round(instance, r, meetings, served, rng) -> np.ndarray | None:
    builder = _RoundBuilder(instance, r, meetings, served)
    noise = np.array([rng.random() for _ in range(instance.size)])  # reproducible tie-breaks
    for table in range(instance.table_count):
        while builder.free[table]:
            unseated = builder.seating < 0
            # Freedom (Triska & Musliu): how many unseated people could still join without a repeat.
            freedom = builder.strangers @ (unseated & builder.open_to[:, table])
            score = builder.added[:, table] * 1e6 - freedom - noise
            score[~unseated] = np.inf
            person = int(np.argmin(score))
            if builder.added[person, table] >= HARD / 2:
                return None
            builder.seat(person, table)
    return builder.seating


class _RoundBuilder:
    def __init__(self, instance: Instance, r: int, meetings: np.ndarray, served: np.ndarray):
        self.cost = instance.weights.repeat * meetings + instance.pair_cost + HARD * instance.hard
        unserved = instance.wants_topic & ~served
        # What joining each table would add; a preferred topic not had yet counts as a gain.
        self.added = -instance.weights.preference * unserved[:, None] * instance.preferred[r]
        self.strangers = (meetings == 0).astype(np.int64)
        np.fill_diagonal(self.strangers, 0)
        self.open_to = np.ones((instance.size, instance.table_count), bool)  # met nobody there
        self.seating = np.full(instance.size, -1)
        self.free = instance.seats.copy()
        for person in np.flatnonzero(instance.fixed >= 0):
            self.seat(person, instance.fixed[person])

    def seat(self, person: int, table: int) -> None:
        self.seating[person] = table
        self.free[table] -= 1
        self.added[:, table] += self.cost[:, person]
        self.open_to[:, table] &= self.strangers[:, person].astype(bool)
