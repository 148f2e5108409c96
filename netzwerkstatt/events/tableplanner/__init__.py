"""The World Café planner: who sits at which table in each round.

A pure package (no Django, no database): state the problem with `Problem`,
`Participant` and `Table`, call `plan_tables`, read the `Plan` and its
`QualityReport`. `check.violations` and `check.quality_report` judge any
seating, also one edited by hand.
"""

from .check import quality_report, violations
from .errors import PlanningError, Reason
from .plan import Plan, QualityReport, Seating, Violation, ViolationKind
from .problem import (
    Participant,
    ParticipantId,
    Problem,
    Table,
    TableId,
    Weights,
    balanced_tables,
    topics_every_round,
)
from .solve import plan_tables

__all__ = [
    "Participant",
    "ParticipantId",
    "Plan",
    "PlanningError",
    "Problem",
    "QualityReport",
    "Reason",
    "Seating",
    "Table",
    "TableId",
    "Violation",
    "ViolationKind",
    "Weights",
    "balanced_tables",
    "plan_tables",
    "quality_report",
    "topics_every_round",
    "violations",
]
