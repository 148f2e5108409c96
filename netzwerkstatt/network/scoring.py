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

from dataclasses import dataclass
from datetime import date

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
        trust = TRUST_FACTOR[_clamp(EMPLOYMENT_TRUST if edge.trust is None else edge.trust)]
        recency = 1.0
    else:
        strength = STRENGTH_BASE[_clamp(edge.strength)]
        trust = TRUST_UNKNOWN_FACTOR if edge.trust is None else TRUST_FACTOR[_clamp(edge.trust)]
        recency = recency_factor(reference_date(edge), today=today)
    return TieFactors(strength, trust, recency, strength * trust * recency)


def tie_probability(edge: Edge, *, today: date) -> float:
    """The chance that this tie carries an introduction, in (0, 1] (see the module docstring)."""
    return tie_factors(edge, today=today).probability
