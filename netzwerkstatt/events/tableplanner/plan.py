"""What the planner answers: the seating per round and a report on its quality."""

from dataclasses import dataclass
from enum import StrEnum

from .problem import ParticipantId

# rounds[r][t] lists who sits at problem.tables[t] in round r (the host first).
Seating = tuple[tuple[tuple[ParticipantId, ...], ...], ...]


class ViolationKind(StrEnum):
    SHAPE = "shape"  # wrong number of rounds or tables
    UNKNOWN_PARTICIPANT = "unknown_participant"
    NOT_SEATED_ONCE = "not_seated_once"  # missing from a round, or seated twice
    OVER_CAPACITY = "over_capacity"
    UNBALANCED = "unbalanced"  # a table has two more people than one with a free seat
    HOST_MOVED = "host_moved"
    SAME_ORGANISATION = "same_organisation"
    KEPT_APART = "kept_apart"


@dataclass(frozen=True)
class Violation:
    kind: ViolationKind
    round: int | None = None
    table: int | None = None
    participants: tuple[ParticipantId, ...] = ()


@dataclass(frozen=True)
class QualityReport:
    """How good a seating is.

    repeated_pairs: meetings beyond a pair's first, summed over pairs; a strong
        tie from before the event counts as a first meeting.
    distinct_pairs_met / new_pairs_met: pairs seated together at least once,
        and those of them without a tie from before.
    same_kind_pairs: pairs of one organisation kind at one table, over all rounds;
        mix_score is its lower bound divided by it (1.0: as mixed as the counts allow).
    table_kinds[r][t]: (kind, count) at table t in round r, most frequent first.
    preferences_met / preferences_wanted: participants with topic wishes who get a
        preferred topic in at least one round / all participants with wishes.
    max_brokers_at_a_table: most brokers (broker weight > 0) at one table in one round.
    violations: broken hard constraints; a plan from the planner has none.
    """

    repeated_pairs: int
    distinct_pairs_met: int
    new_pairs_met: int
    same_kind_pairs: int
    mix_score: float
    table_kinds: tuple[tuple[tuple[tuple[str, int], ...], ...], ...]
    preferences_met: int
    preferences_wanted: int
    max_brokers_at_a_table: int
    violations: tuple[Violation, ...]


@dataclass(frozen=True)
class Plan:
    """A seating with its report.

    method: "design" (built by a combinatorial construction) or "search";
    optimal: the objective's lower bound was reached, so no plan is better
    (for the Social Golfer Problem: no pair meets twice).
    """

    rounds: Seating
    report: QualityReport
    method: str
    optimal: bool
    seconds: float
