"""Why a problem cannot be planned, as a code with parameters an interface can put into words."""

from enum import StrEnum


class Reason(StrEnum):
    INVALID = "invalid"  # the input contradicts itself (unknown ids, no rounds …)
    TOO_MANY_PARTICIPANTS = "too_many_participants"  # more people than seats
    ORGANISATION_TOO_LARGE = "organisation_too_large"  # more colleagues than tables
    NO_SEATING = "no_seating"  # exhaustive search: no round satisfies the hard constraints
    NO_SEATING_FOUND = "no_seating_found"  # search gave up before finding or ruling out a round


class PlanningError(ValueError):
    """The planner cannot produce a plan that keeps every hard constraint.

    `str(error)` is an English explanation for logs; interfaces translate
    `reason` with `params` instead.
    """

    def __init__(self, reason: Reason, message: str, **params: object) -> None:
        super().__init__(message % params if params else message)
        self.reason = reason
        self.params = params
