"""Goal indicators and progress (steering/indicators.py) on plain data with known answers."""

import datetime as dt
from decimal import Decimal

from netzwerkstatt.steering import indicators
from netzwerkstatt.steering.enums import IndicatorKind
from netzwerkstatt.steering.indicators import (
    MemberRow,
    NetworkFacts,
    OrganisationFacts,
    Status,
)

GIFHORN = "Landkreis Gifhorn"
ORGANISATIONS = (
    OrganisationFacts("company", "28", GIFHORN, 42),  # machine building, small
    OrganisationFacts("company", "28", GIFHORN, 300),  # machine building, large
    OrganisationFacts("company", "25", GIFHORN, 12),  # metal products (section C too)
    OrganisationFacts("company", "28", "Region Hannover", 60),
    OrganisationFacts("chamber", "94", GIFHORN, 80),
    OrganisationFacts("company", "", GIFHORN, None),  # unknown sector and size
)


def _count(**parameters) -> int:
    return indicators.member_organisations(ORGANISATIONS, parameters)


def test_member_organisations_without_filters_counts_all():
    assert _count() == 6


def test_member_organisations_by_division_and_district():
    assert _count(kind="company", sector="28", district=GIFHORN) == 2


def test_member_organisations_by_section_letter_counts_its_divisions():
    assert _count(sector="C") == 4
    assert _count(sector="c", district=GIFHORN) == 3


def test_member_organisations_district_ignores_case_and_spacing():
    assert _count(district="  landkreis   GIFHORN ") == 5


def test_member_organisations_by_size_class_skips_unknown_sizes():
    assert _count(size_class="small") == 2
    assert _count(size_class="large") == 1
    assert _count(kind="company", size_class="medium") == 1


def test_staff_members_are_team_persons_and_the_team_employer():
    members = [
        MemberRow(1, person_id=10),  # a team person
        MemberRow(2, person_id=11),  # works at the team's own organisation
        MemberRow(3, person_id=12),  # works at a company
        MemberRow(4, organisation_id=100),  # the team's own organisation
        MemberRow(5, organisation_id=200),  # a company
    ]
    employers = {10: {100}, 11: {100}, 12: {200}}

    staff = indicators.staff_members(members, team_persons={10}, employers=employers)

    assert staff == frozenset({1, 2, 4})


def test_staff_members_without_team_is_empty():
    members = [MemberRow(1, person_id=10), MemberRow(2, organisation_id=100)]

    assert indicators.staff_members(members, team_persons=set(), employers={}) == frozenset()


def test_topic_coverage_counts_interested_members_outside_staff():
    interests = [
        (1, 1, 2), (1, 2, 1), (1, 3, 3),  # topic 1: three interested, one of them staff
        (2, 1, 3), (2, 4, 1),  # topic 2: one outside the staff
        (3, 2, 0), (3, 3, 0), (3, 4, 1),  # topic 3: level 0 does not count
    ]  # fmt: skip
    staff = frozenset({1})

    def coverage(min_members):
        return indicators.topic_coverage(
            topics=[1, 2, 3, 4], interests=interests, staff=staff, min_members=min_members
        )

    assert coverage(1) == 3
    assert coverage(2) == 1
    assert coverage(3) == 0


def test_topic_coverage_with_everyone_staff_is_zero():
    assert (
        indicators.topic_coverage(
            topics=[1], interests=[(1, 1, 3), (1, 2, 3)], staff=frozenset({1, 2}), min_members=1
        )
        == 0
    )


def test_average_attendance_skips_meetings_without_attendance():
    assert indicators.average_attendance([10, 0, 13, 8]) == Decimal("10.33")
    assert indicators.average_attendance([0, 0]) is None
    assert indicators.average_attendance([]) is None


def test_current_value_per_kind():
    facts = NetworkFacts(
        organisations=ORGANISATIONS,
        topics=(1, 2),
        interests=((1, 5, 1), (1, 6, 1), (2, 5, 2)),
        staff_members=frozenset(),
        attendance=(12, 14),
        manual={7: Decimal("3.5")},
    )

    def value(kind, **parameters):
        return indicators.current_value(goal_id=7, kind=kind, parameters=parameters, facts=facts)

    assert value(IndicatorKind.MEMBER_ORGANISATIONS, sector="28") == 3
    assert value(IndicatorKind.TOPIC_COVERAGE, min_members=2) == 1
    assert value(IndicatorKind.MEETING_ATTENDANCE) == 13
    assert value(IndicatorKind.MANUAL) == Decimal("3.5")


def test_effective_target_every_topic_is_the_topic_count():
    facts = NetworkFacts(topics=(1, 2, 3))

    assert indicators.effective_target(
        kind=IndicatorKind.TOPIC_COVERAGE,
        parameters={"min_members": 2, "all_topics": True},
        target=Decimal(1),
        facts=facts,
    ) == Decimal(3)
    assert indicators.effective_target(
        kind=IndicatorKind.TOPIC_COVERAGE,
        parameters={"min_members": 2},
        target=Decimal(1),
        facts=facts,
    ) == Decimal(1)


# ------------------------------------------------------------------------------ progress

START = (dt.date(2026, 1, 1), Decimal(0))
TARGET_DATE = dt.date(2026, 12, 31)  # 364 days after the start


def _progress(current, *, today, target=Decimal(10), target_date=TARGET_DATE, start=START):
    return indicators.progress(
        current=None if current is None else Decimal(current),
        target=target,
        start=start,
        target_date=target_date,
        today=today,
    )


def test_progress_on_track_halfway():
    result = _progress(5, today=dt.date(2026, 7, 2))  # 182 of 364 days: expected 5

    assert result.expected == Decimal("5.00")
    assert result.status == Status.ON_TRACK
    assert result.percent == 50


def test_progress_behind_the_linear_expectation():
    result = _progress(4, today=dt.date(2026, 7, 2))

    assert result.status == Status.BEHIND
    assert result.percent == 40


def test_progress_reached_beats_the_date():
    assert _progress(10, today=dt.date(2027, 3, 1)).status == Status.REACHED
    assert _progress(12, today=dt.date(2026, 2, 1)).percent == 120


def test_progress_missed_after_the_target_date():
    assert _progress(9, today=dt.date(2027, 1, 1)).status == Status.MISSED


def test_progress_without_date_or_value():
    assert _progress(3, today=dt.date(2026, 5, 1), target_date=None).status == Status.NO_DATE
    result = _progress(None, today=dt.date(2026, 5, 1))
    assert result.status == Status.NOT_MEASURED
    assert result.percent is None


def test_progress_expectation_starts_at_the_first_value():
    start = indicators.progress_start(
        created_on=dt.date(2026, 3, 1),
        entries=[
            (dt.date(2026, 2, 1), None),
            (dt.date(2026, 7, 2), Decimal(8)),
            (START[0], Decimal(4)),
        ],
    )

    assert start == (dt.date(2026, 1, 1), Decimal(4))
    # halfway from 4 to 10: 7 expected
    assert _progress(7, today=dt.date(2026, 7, 2), start=start).expected == Decimal("7.00")


def test_progress_start_without_values_is_the_creation_at_zero():
    assert indicators.progress_start(created_on=dt.date(2026, 3, 1), entries=[]) == (
        dt.date(2026, 3, 1),
        Decimal(0),
    )
