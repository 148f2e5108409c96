"""The quality report and the violation check on seatings made by hand."""

import pytest

from netzwerkstatt.events.tableplanner import (
    Participant,
    Problem,
    Table,
    ViolationKind,
    quality_report,
    topics_every_round,
    violations,
)

PEOPLE = (
    Participant(
        "anna", organisation="IHK", organisation_kind="Kammer", topic_preferences=("Ausbildung",)
    ),
    Participant("ben", organisation="IHK", organisation_kind="Kammer"),
    Participant("cem", organisation="Müller GmbH", organisation_kind="Betrieb", broker_weight=0.8),
    Participant(
        "dora", organisation="IG Metall", organisation_kind="Gewerkschaft", broker_weight=0.5
    ),
    Participant("eva", organisation_kind="Betrieb", topic_preferences=("Fachkräfte",)),
    Participant("fin", organisation_kind="Betrieb"),
)
PROBLEM = Problem(
    participants=PEOPLE,
    tables=(Table("T1", 3, host="anna"), Table("T2", 3)),
    rounds=2,
    topics=topics_every_round(["Ausbildung", "Digitalisierung"], 2),
    already_met=(("cem", "dora"),),
    keep_apart=(("eva", "fin"),),
)


def test_report_counts_encounters_mix_wishes_and_brokers():
    rounds = (
        (("anna", "cem", "eva"), ("ben", "dora", "fin")),
        (("anna", "cem", "dora"), ("ben", "eva", "fin")),
    )

    report = quality_report(PROBLEM, rounds)

    # anna–cem and ben–fin meet twice; cem–dora met before the event and meet once more.
    assert report.repeated_pairs == 3
    assert report.distinct_pairs_met == 10
    assert report.new_pairs_met == 9
    # Round 1: cem–eva (Betrieb); round 2: eva–fin (Betrieb).
    assert report.same_kind_pairs == 2
    assert report.table_kinds[0][0] == (("Betrieb", 2), ("Kammer", 1))
    assert report.preferences_met == 1  # anna at "Ausbildung"; eva never at "Fachkräfte"
    assert report.preferences_wanted == 2
    assert report.max_brokers_at_a_table == 2
    assert [v.kind for v in report.violations] == [ViolationKind.KEPT_APART]


def test_mix_score_is_one_when_kinds_are_spread_as_evenly_as_possible():
    rounds = (
        (("anna", "cem", "dora"), ("ben", "eva", "fin")),
        (("anna", "dora", "fin"), ("ben", "cem", "eva")),
    )

    report = quality_report(PROBLEM, rounds)

    # Three people of kind Betrieb at two tables: one pair per round at least.
    assert report.same_kind_pairs == 2
    assert report.mix_score == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("tables", "kind"),
    [
        ((("anna", "cem", "eva"), ("ben", "dora", "zoe")), ViolationKind.UNKNOWN_PARTICIPANT),
        ((("anna", "cem", "eva"), ("ben", "dora")), ViolationKind.NOT_SEATED_ONCE),
        ((("anna", "cem", "eva", "fin"), ("ben", "dora")), ViolationKind.OVER_CAPACITY),
        ((("cem", "dora", "eva"), ("anna", "ben", "fin")), ViolationKind.HOST_MOVED),
        ((("anna", "ben", "cem"), ("dora", "eva", "fin")), ViolationKind.SAME_ORGANISATION),
        ((("anna", "eva", "fin"), ("ben", "cem", "dora")), ViolationKind.KEPT_APART),
    ],
)
def test_violations_name_the_broken_rule(tables, kind):
    problem = Problem(
        participants=PEOPLE, tables=PROBLEM.tables, rounds=1, keep_apart=PROBLEM.keep_apart
    )

    assert kind in {violation.kind for violation in violations(problem, (tables,))}


def test_a_valid_round_has_no_violations_and_the_wrong_shape_one():
    problem = Problem(participants=PEOPLE, tables=PROBLEM.tables, rounds=1)
    seating = ((("cem", "anna", "eva"), ("ben", "dora", "fin")),)

    assert violations(problem, seating) == ()
    assert [v.kind for v in violations(problem, seating * 2)] == [ViolationKind.SHAPE]


def test_unbalanced_tables_are_a_violation():
    problem = Problem(
        participants=tuple(Participant(n) for n in range(5)),
        tables=(Table(1, 4), Table(2, 4)),
        rounds=1,
    )

    assert [v.kind for v in violations(problem, (((0, 1, 2, 3), (4,)),))] == [
        ViolationKind.UNBALANCED
    ]
    assert violations(problem, (((0, 1, 2), (3, 4)),)) == ()
