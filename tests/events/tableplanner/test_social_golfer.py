"""The planner on the pure Social Golfer Problem: zero repeats where that is known to be possible."""

import pytest

from netzwerkstatt.events.tableplanner import Participant, Problem, plan_tables

from .checker import problems_with, repeated_encounters


def social_golfer_by_search(groups, size, rounds):
    """The same problem, but not recognisably pure, so only the search works on it."""
    problem = Problem.social_golfer(groups=groups, size=size, rounds=rounds)
    people = tuple(Participant(id=p.id, organisation=f"own {p.id}") for p in problem.participants)
    return Problem(participants=people, tables=problem.tables, rounds=rounds)


@pytest.mark.parametrize(
    ("groups", "size", "rounds"),
    [
        (5, 3, 7),  # Kirkman's schoolgirls
        (3, 3, 4),
        (4, 4, 5),
        (5, 5, 6),
        (7, 7, 8),
        (8, 4, 9),
        (6, 3, 8),
        (8, 3, 11),
        (9, 3, 13),
        (10, 10, 4),  # two orthogonal Latin squares of order 10
    ],
)
def test_known_solvable_instances_have_no_repeats(groups, size, rounds):
    problem = Problem.social_golfer(groups=groups, size=size, rounds=rounds)

    plan = plan_tables(problem, seconds=20)

    assert problems_with(problem, plan.rounds) == []
    assert repeated_encounters(plan.rounds) == 0
    assert plan.report.repeated_pairs == 0
    assert plan.optimal


def test_kirkman_schoolgirls_well_under_a_second():
    plan = plan_tables(Problem.social_golfer(groups=5, size=3, rounds=7), seconds=1)

    assert plan.report.repeated_pairs == 0
    assert plan.seconds < 0.5


@pytest.mark.parametrize(("groups", "size", "rounds"), [(5, 3, 7), (4, 4, 5), (3, 3, 4), (6, 3, 6)])
def test_search_alone_finds_repeat_free_schedules(groups, size, rounds):
    problem = social_golfer_by_search(groups, size, rounds)

    plan = plan_tables(problem, seconds=20)

    assert plan.method == "search"
    assert problems_with(problem, plan.rounds) == []
    assert repeated_encounters(plan.rounds) == 0


def test_more_rounds_than_possible_spread_the_repeats():
    # 6 people in pairs for 10 rounds: every pair must meet twice, none three times.
    plan = plan_tables(Problem.social_golfer(groups=3, size=2, rounds=10), seconds=5)

    assert plan.report.repeated_pairs == 15
    assert plan.report.distinct_pairs_met == 15
    assert plan.optimal


def test_one_table_and_single_seats_are_trivial():
    assert plan_tables(Problem.social_golfer(groups=1, size=4, rounds=2)).report.repeated_pairs == 6
    plan = plan_tables(Problem.social_golfer(groups=4, size=1, rounds=3))
    assert plan.rounds[2] == ((0,), (1,), (2,), (3,))


@pytest.mark.parametrize("seed", [0, 7])
def test_same_seed_same_plan(seed):
    problem = social_golfer_by_search(5, 3, 7)

    first = plan_tables(problem, seconds=20, seed=seed)
    second = plan_tables(problem, seconds=20, seed=seed)

    assert first.rounds == second.rounds


def test_same_seed_same_design():
    problem = Problem.social_golfer(groups=6, size=3, rounds=8)

    assert plan_tables(problem, seed=3).rounds == plan_tables(problem, seed=3).rounds
