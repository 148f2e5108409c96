"""How likely a tie is to carry a warm introduction.

    tie_probability = STRENGTH_BASE[strength] × TRUST_FACTOR[trust] × recency

- STRENGTH_BASE: 1 (barely know each other) → 0.2 … 5 (very close) → 0.9.
  Never 1: even the closest acquaintance may say no.
- TRUST_FACTOR: 1 (little) → 0.5 … 5 (complete) → 1.0. Unknown trust counts as
  the middle value, TRUST_UNKNOWN_FACTOR = TRUST_FACTOR[3].
- recency: the tie's value halves every HALF_LIFE_MONTHS months since the last
  contact, `0.5 ** (months / HALF_LIFE_MONTHS)`, and never falls below
  RECENCY_FLOOR (an old acquaintance still remembers). Without a last contact
  the decay runs from `since` (with both, from the later of the two); without
  either the factor is RECENCY_UNKNOWN, which equals a contact
  HALF_LIFE_MONTHS ago. Dates in the future count as today. Months are
  days / DAYS_PER_MONTH.
- Employment (graph.EMPLOYMENT, a current function at an organisation) counts
  as a strong, trusted tie: strength graph.EMPLOYMENT_STRENGTH, trust
  EMPLOYMENT_TRUST (unless the edge names a trust), and no decay.

The result lies in (0, 1] (at most 0.9 with these tables). It is monotone: it
never decreases when strength or trust rises or when the last contact (or, for
ties without one, `since`) moves closer to today. A path's score is the product
of its ties' probabilities, so every further hop costs and a longer path wins
only when its ties are much stronger.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from .graph import EMPLOYMENT, EMPLOYMENT_STRENGTH, Edge

STRENGTH_BASE = {1: 0.2, 2: 0.4, 3: 0.6, 4: 0.75, 5: 0.9}
TRUST_FACTOR = {1: 0.5, 2: 0.65, 3: 0.8, 4: 0.9, 5: 1.0}
TRUST_UNKNOWN_FACTOR = TRUST_FACTOR[3]
EMPLOYMENT_TRUST = 4
HALF_LIFE_MONTHS = 24
RECENCY_FLOOR = 0.2
RECENCY_UNKNOWN = 0.5
DAYS_PER_MONTH = 30.4375


@dataclass(frozen=True, slots=True)
class TieFactors:
    """The three factors of a tie's probability, for explaining it."""

    strength: float
    trust: float
    recency: float
    probability: float


def _clamp(value: int) -> int:
    return min(5, max(1, int(value)))


def reference_date(edge: Edge) -> date | None:
    """The newest date known of a tie: its last contact, else since (the later of both)."""
    if edge.last_contact is None or edge.since is None:
        return edge.last_contact or edge.since
    return max(edge.last_contact, edge.since)


def recency_factor(reference: date | None, *, today: date) -> float:
    """The decay factor of a tie whose newest known date is `reference`."""
    if reference is None:
        return RECENCY_UNKNOWN
    months = max(0, (today - reference).days) / DAYS_PER_MONTH
    return max(RECENCY_FLOOR, 0.5 ** (months / HALF_LIFE_MONTHS))


def tie_factors(edge: Edge, *, today: date) -> TieFactors:
    if edge.kind == EMPLOYMENT:
        strength = STRENGTH_BASE[EMPLOYMENT_STRENGTH]
        trust = TRUST_FACTOR[_clamp(edge.trust or EMPLOYMENT_TRUST)]
        recency = 1.0
    else:
        strength = STRENGTH_BASE[_clamp(edge.strength)]
        trust = TRUST_FACTOR[_clamp(edge.trust)] if edge.trust else TRUST_UNKNOWN_FACTOR
        recency = recency_factor(reference_date(edge), today=today)
    return TieFactors(strength, trust, recency, strength * trust * recency)


def tie_probability(edge: Edge, *, today: date) -> float:
    """The chance that this tie carries an introduction, in (0, 1] (see the module docstring)."""
    return tie_factors(edge, today=today).probability


def _ordinals(days) -> np.ndarray:
    return np.array([day.toordinal() if day else 0 for day in days], np.int64)


def tie_probabilities(edges: Sequence[Edge], *, today: date) -> np.ndarray:
    """tie_probability of every edge, as a numpy array, equal to it bit for bit.

    The factors come from the same tables and the same recency_factor (once per
    distinct date) and are multiplied in the same order.
    """
    employment = np.array([edge.kind == EMPLOYMENT for edge in edges], bool)
    strength = np.clip(np.array([edge.strength for edge in edges], np.int64), 1, 5)
    given = np.array([edge.trust or 0 for edge in edges], np.int64)
    given[employment & (given == 0)] = EMPLOYMENT_TRUST
    trust = np.where(given != 0, np.clip(given, 1, 5), 0)
    strength[employment] = EMPLOYMENT_STRENGTH
    reference = np.maximum(
        _ordinals(edge.last_contact for edge in edges), _ordinals(edge.since for edge in edges)
    )
    reference[employment] = -1

    strength_table = np.array([0.0] + [STRENGTH_BASE[value] for value in range(1, 6)])
    trust_table = np.array([TRUST_UNKNOWN_FACTOR] + [TRUST_FACTOR[value] for value in range(1, 6)])
    days, position = np.unique(reference, return_inverse=True)
    recency = np.array(
        [
            1.0 if day < 0 else recency_factor(date.fromordinal(day) if day else None, today=today)
            for day in days.tolist()
        ]
    )
    return strength_table[strength] * trust_table[trust] * recency[position.reshape(-1)]
