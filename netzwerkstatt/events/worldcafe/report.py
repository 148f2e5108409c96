"""The quality report as stored (`WorldCafe.report["quality"]`, plain JSON) and as pages show it."""

from dataclasses import dataclass

from netzwerkstatt.contacts.enums import OrganisationKind

from ..tableplanner import Problem, Seating, quality_report
from .topics import topic_repeats


def report_data(
    problem: Problem, seating: Seating, *, method: str, optimal: bool, seconds: float
) -> dict:
    """The planner's quality report of this seating, plus the topic repeats, as JSON data."""
    report = quality_report(problem, seating)
    return {
        "participants": len(problem.participants),
        "repeated_pairs": report.repeated_pairs,
        "distinct_pairs_met": report.distinct_pairs_met,
        "new_pairs_met": report.new_pairs_met,
        "already_met_pairs": len(problem.already_met),
        "acquainted_seated": report.distinct_pairs_met - report.new_pairs_met,
        "same_kind_pairs": report.same_kind_pairs,
        # What the registrations make unavoidable (the planner's lower bound).
        "same_kind_bound": round(report.mix_score * report.same_kind_pairs),
        "mix_score": round(report.mix_score, 4),
        "table_kinds": [
            [[list(kind_count) for kind_count in table] for table in tables]
            for tables in report.table_kinds
        ],
        "preferences_met": report.preferences_met,
        "preferences_wanted": report.preferences_wanted,
        "brokers": sum(1 for p in problem.participants if p.broker_weight > 0),
        "max_brokers_at_a_table": report.max_brokers_at_a_table,
        "topic_repeats": topic_repeats(problem, seating),
        "violations": [
            {
                "kind": str(violation.kind),
                "round": violation.round,
                "table": violation.table,
                "participants": list(violation.participants),
            }
            for violation in report.violations
        ],
        "method": method,
        "optimal": bool(optimal),
        "seconds": round(float(seconds), 2),
    }


@dataclass(frozen=True)
class KindCount:
    label: str
    count: int


def kinds_display(kinds: list) -> list[KindCount]:
    """[["company", 2], …] as labelled counts ("Unternehmen 2")."""
    labels = dict(OrganisationKind.choices)
    return [KindCount(str(labels.get(kind, kind)), count) for kind, count in kinds]
