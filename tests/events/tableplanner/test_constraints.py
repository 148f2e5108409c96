"""Hard constraints hold in every plan, and the planner says why when they cannot."""

import random
from statistics import mean

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerkstatt.events.tableplanner import (
    Participant,
    PlanningError,
    Problem,
    Reason,
    Table,
    balanced_tables,
    plan_tables,
    topics_every_round,
)

from .checker import meetings, problems_with, repeated_encounters, seating_exists

KINDS = ["Betrieb", "Kammer", "Gewerkschaft", "Bildungsträger", "Arbeitsagentur"]


def workshop(people: int, table_size: int, rounds: int, seed: int = 1) -> Problem:
    """People from organisations of one to four, five kinds, a host per table, topics, ties."""
    rng = random.Random(seed)
    participants = []
    while len(participants) < people:
        organisation, kind = f"Organisation {len(participants)}", rng.choice(KINDS)
        for _ in range(min(rng.randint(1, 4), people - len(participants))):
            participants.append(
                Participant(
                    id=len(participants),
                    organisation=organisation,
                    organisation_kind=kind,
                    topic_preferences=tuple(rng.sample("ABCDEF", 2)),
                    broker_weight=rng.choice([0.0, 0.0, 0.0, 0.0, 0.0, 0.6]),
                )
            )
    count = -(-people // table_size)
    hosts = rng.sample(range(people), count)
    ties = {tuple(sorted(rng.sample(range(people), 2))) for _ in range(people // 2)}
    return Problem(
        participants=tuple(participants),
        tables=balanced_tables(people, count=count, hosts=hosts),
        rounds=rounds,
        topics=topics_every_round(["ABCDEF"[t % 6] for t in range(count)], rounds),
        already_met=tuple(sorted(ties)),
        keep_apart=((participants[0].id, participants[-1].id),),
    )


@pytest.mark.parametrize(("people", "table_size", "rounds"), [(25, 5, 3), (40, 5, 4), (60, 6, 4)])
def test_workshop_plan_keeps_every_hard_constraint(people, table_size, rounds):
    problem = workshop(people, table_size, rounds)

    plan = plan_tables(problem, seconds=3)

    assert problems_with(problem, plan.rounds) == []
    assert plan.report.violations == ()
    assert plan.seconds < 3.5


def test_hosts_stay_and_sit_first():
    problem = workshop(30, 5, 4)

    plan = plan_tables(problem, seconds=2)

    for tables in plan.rounds:
        for table, spec in zip(tables, problem.tables, strict=True):
            assert table[0] == spec.host


def test_mixing_beats_a_random_seating():
    problem = workshop(40, 5, 4)
    kind = {p.id: p.organisation_kind for p in problem.participants}
    plan = plan_tables(problem, seconds=2)

    def same_kind_pairs(rounds):
        return sum(
            kind[a] == kind[b] for pair in meetings(rounds).elements() for a, b in [tuple(pair)]
        )

    rng = random.Random(0)
    ids = [p.id for p in problem.participants]
    random_pairs = []
    for _ in range(20):
        rounds = []
        for _ in range(problem.rounds):
            rng.shuffle(ids)
            rounds.append([ids[t * 5 : t * 5 + 5] for t in range(8)])
        random_pairs.append(same_kind_pairs(rounds))
    assert same_kind_pairs(plan.rounds) < 0.6 * mean(random_pairs)
    assert plan.report.same_kind_pairs == same_kind_pairs(plan.rounds)


def test_new_acquaintances_rather_than_old_ties():
    problem = Problem.social_golfer(groups=4, size=4, rounds=3)
    ties = ((0, 1), (2, 3), (0, 5), (7, 12), (4, 9))
    problem = Problem(
        participants=tuple(
            Participant(id=p.id, organisation_kind="Betrieb") for p in problem.participants
        ),
        tables=problem.tables,
        rounds=3,
        already_met=ties,
    )

    plan = plan_tables(problem, seconds=5)

    assert repeated_encounters(plan.rounds, ties) == 0
    assert plan.report.repeated_pairs == 0
    assert not any(frozenset(tie) in meetings(plan.rounds) for tie in ties)


def test_brokers_spread_and_topics_wished_for():
    people = tuple(
        Participant(
            id=n,
            broker_weight=1.0 if n < 4 else 0.0,
            topic_preferences=("Fachkräfte",) if n % 3 == 0 else (),
        )
        for n in range(16)
    )
    tables = tuple(Table(id=t, capacity=4) for t in range(4))
    problem = Problem(
        participants=people,
        tables=tables,
        rounds=2,
        topics=topics_every_round(["Fachkräfte", "Ausbildung", "Digitalisierung", "Netzwerke"], 2),
    )

    plan = plan_tables(problem, seconds=5)

    assert plan.report.max_brokers_at_a_table == 1
    assert plan.report.preferences_met == plan.report.preferences_wanted == 6
    assert plan.optimal


def test_organisation_larger_than_tables_is_explained():
    people = tuple(Participant(id=n, organisation="IHK" if n < 4 else None) for n in range(9))
    problem = Problem(participants=people, tables=balanced_tables(9, count=3), rounds=2)

    with pytest.raises(PlanningError) as raised:
        plan_tables(problem)

    assert raised.value.reason is Reason.ORGANISATION_TOO_LARGE
    assert raised.value.params == {"organisation": "IHK", "members": 4, "tables": 3}


def test_more_people_than_seats_is_explained():
    problem = Problem(
        participants=tuple(Participant(id=n) for n in range(7)),
        tables=(Table(id=1, capacity=3), Table(id=2, capacity=3)),
        rounds=1,
    )

    with pytest.raises(PlanningError) as raised:
        plan_tables(problem)

    assert raised.value.reason is Reason.TOO_MANY_PARTICIPANTS


def test_which_table_takes_the_extra_person_is_part_of_the_search():
    # Table A (host a) can take only y; with A at 2 and B at 3 people everybody fits.
    people = (
        Participant("a"),
        Participant("b", organisation="Y"),
        Participant("y", organisation="Y"),
        Participant("z1"),
        Participant("z2"),
    )
    problem = Problem(
        participants=people,
        tables=(Table("A", 3, host="a"), Table("B", 3, host="b")),
        rounds=2,
        keep_apart=(("a", "z1"), ("a", "z2")),
    )

    plan = plan_tables(problem)

    assert plan.rounds[0] == (("a", "y"), ("b", "z1", "z2"))


def test_keep_apart_that_cannot_be_kept_is_explained():
    problem = Problem(
        participants=(Participant("a"), Participant("b"), Participant("c")),
        tables=(Table(1, 2, host="a"), Table(2, 1, host="b")),
        rounds=1,
        keep_apart=(("a", "c"),),
    )

    with pytest.raises(PlanningError) as raised:
        plan_tables(problem)

    assert raised.value.reason is Reason.NO_SEATING


@pytest.mark.parametrize(
    "change",
    [
        {"keep_apart": ((0, 99),)},
        {"already_met": ((0, 0),)},
        {"rounds": 0},
        {"tables": (Table(1, 5, host=42),)},
        {"topics": (("A",),)},
    ],
)
def test_contradictions_in_the_input_are_invalid(change):
    base = {
        "participants": tuple(Participant(n) for n in range(4)),
        "tables": (Table(1, 2), Table(2, 2)),
        "rounds": 2,
    }

    with pytest.raises(PlanningError) as raised:
        plan_tables(Problem(**{**base, **change}))

    assert raised.value.reason is Reason.INVALID


@st.composite
def small_events(draw):
    people = draw(st.integers(1, 8))
    capacities = draw(st.lists(st.integers(0, 4), min_size=1, max_size=4))
    organisations = draw(
        st.lists(
            st.sampled_from([None, "IHK", "IG Metall", "Handwerk"]),
            min_size=people,
            max_size=people,
        )
    )
    kinds = draw(st.lists(st.sampled_from([None, *KINDS[:3]]), min_size=people, max_size=people))
    participants = tuple(
        Participant(id=n, organisation=organisations[n], organisation_kind=kinds[n])
        for n in range(people)
    )
    hosts = draw(st.permutations(range(people)))
    tables = tuple(
        Table(
            id=t,
            capacity=cap,
            host=hosts[t] if t < people and cap and draw(st.booleans()) else None,
        )
        for t, cap in enumerate(capacities)
    )
    pairs = st.tuples(st.integers(0, people - 1), st.integers(0, people - 1)).filter(
        lambda p: p[0] != p[1]
    )
    return Problem(
        participants=participants,
        tables=tables,
        rounds=draw(st.integers(1, 3)),
        keep_apart=tuple(draw(st.lists(pairs, max_size=4))),
        already_met=tuple(draw(st.lists(pairs, max_size=3))),
    )


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(small_events())
def test_random_events_get_a_valid_plan_exactly_when_one_exists(problem):
    if seating_exists(problem):
        plan = plan_tables(problem, seconds=0.3)
        assert problems_with(problem, plan.rounds) == []
        assert plan.report.violations == ()
    else:
        with pytest.raises(PlanningError) as raised:
            plan_tables(problem, seconds=0.3)
        assert raised.value.reason in {
            Reason.TOO_MANY_PARTICIPANTS,
            Reason.ORGANISATION_TOO_LARGE,
            Reason.NO_SEATING,
        }
