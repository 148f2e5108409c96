"""How often pairs have met, for the search's repeat cost (a pair's k-th meeting costs k − 1).

`PairMeetings` counts the rounds a pair shares a table, plus one for a strong
tie before the event. `OrbitMeetings` serves the search for symmetric
schedules in `rotational`: there a pair of points stands for its whole orbit
of pairs, so what counts is how often the base rounds use each orbit.
"""

from typing import Protocol

import numpy as np


class Encounters(Protocol):
    matrix: np.ndarray  # (n, n): how often each pair counts as having met

    def meet(self, movers: np.ndarray, others: np.ndarray, steps: np.ndarray) -> int: ...

    def repeat_units(self) -> tuple[int, int]: ...


class PairMeetings:
    def __init__(self, same_table: np.ndarray, prior: np.ndarray) -> None:
        """same_table: (rounds, n, n) bool; prior: (n, n) earlier meetings."""
        self.matrix = prior + same_table.sum(axis=0)
        np.fill_diagonal(self.matrix, 0)

    def meet(self, movers: np.ndarray, others: np.ndarray, steps: np.ndarray) -> int:
        """Add steps (±1) to the meetings of the pairs (movers[i], others[i]), each pair once;
        returns the change of the repeat units Σ C(count, 2)."""
        before = self.matrix[movers, others]
        self.matrix[movers, others] += steps
        self.matrix[others, movers] += steps
        return int(np.where(steps > 0, before, 1 - before).sum())

    def repeat_units(self) -> tuple[int, int]:
        """Σ C(count, 2) over pairs, and the meetings beyond each pair's first."""
        counts = self.matrix[np.triu_indices(len(self.matrix), 1)]
        return int((counts * (counts - 1) // 2).sum()), int(np.maximum(counts - 1, 0).sum())


class OrbitMeetings:
    def __init__(self, same_table: np.ndarray, keys: np.ndarray) -> None:
        """keys: (n, n) orbit number of each pair of points, −1 for pairs that must not meet
        (the search prices those as hard conflicts)."""
        self.spare = keys.max() + 1  # where the forbidden pairs go, never counted
        self.keys = np.where(keys < 0, self.spare, keys)
        upper = np.triu(same_table.sum(axis=0), 1)
        self.usage = np.bincount(self.keys.ravel(), weights=upper.ravel(), minlength=self.spare + 1)
        self.usage = self.usage.astype(np.int64)
        self.usage[self.spare] = 0
        self.matrix = self.usage[self.keys]

    def meet(self, movers: np.ndarray, others: np.ndarray, steps: np.ndarray) -> int:
        touched = np.unique(self.keys[movers, others])
        before = self.usage[touched]
        np.add.at(self.usage, self.keys[movers, others], steps)
        self.usage[self.spare] = 0
        after = self.usage[touched]
        self.matrix = self.usage[self.keys]
        return int((after * (after - 1) // 2 - before * (before - 1) // 2).sum())

    def repeat_units(self) -> tuple[int, int]:
        usage = self.usage[: self.spare]
        return int((usage * (usage - 1) // 2).sum()), int(np.maximum(usage - 1, 0).sum())
