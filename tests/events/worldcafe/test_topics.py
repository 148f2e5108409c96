"""Topics at the tables (pure): rotation, seating groups at new topics, single swaps."""

from hypothesis import given, settings
from hypothesis import strategies as st

from netzwerkstatt.events.tableplanner import (
    Participant,
    Problem,
    balanced_tables,
    plan_tables,
    quality_report,
    violations,
)
from netzwerkstatt.events.worldcafe.polish import polish_for_topics
from netzwerkstatt.events.worldcafe.topics import (
    arrange_for_topics,
    seat_for_topics,
    topic_repeats,
    topic_rotation,
    wishes_met,
)


def test_rotation_shifts_each_round():
    assert topic_rotation(["A", "B", "C"], tables=4, rounds=2) == [
        ["A", "B", "C", "A"],
        ["B", "C", "A", "B"],
    ]


def test_rotation_keeps_hosted_tables_at_their_topic():
    grid = topic_rotation(["A", "B"], tables=3, rounds=3, hosted=[True, False, False])
    assert [row[0] for row in grid] == ["A", "A", "A"]
    assert [row[1] for row in grid] == ["B", "A", "B"]


def test_rotation_without_topics_is_empty():
    assert topic_rotation([], tables=2, rounds=2) == [[None, None], [None, None]]


def workshop(
    people: int, tables: int, rounds: int, topics: int, *, seed: int = 0, wishes=()
) -> Problem:
    kinds = ["company", "chamber", "union", "education_provider", "consultancy"]
    grid = topic_rotation([f"t{n}" for n in range(topics)], tables=tables, rounds=rounds)
    return Problem(
        participants=tuple(
            Participant(
                id=n,
                organisation=f"o{n // 2}",
                organisation_kind=kinds[(n + seed) % len(kinds)],
                topic_preferences=("t0",) if n in wishes else (),
            )
            for n in range(people)
        ),
        tables=balanced_tables(people, count=tables),
        rounds=rounds,
        topics=tuple(tuple(row) for row in grid),
    )


def test_topic_repeats_count_second_visits():
    problem = workshop(4, 2, 3, 2)
    seating = (((0, 1), (2, 3)), ((0, 1), (2, 3)), ((0, 2), (1, 3)))
    # Round topics: (t0, t1), (t1, t0), (t0, t1): 0 and 1 see t0, t1, t0; 2 and 3 see t1, t0, t1.
    assert topic_repeats(problem, seating) == 4


def test_arranging_moves_whole_groups_to_new_topics():
    problem = workshop(6, 3, 2, 3)
    # Round 2 as planned puts each group back at its round-1 topic.
    rotated_back = (((0, 2), (1, 4), (3, 5)), ((1, 4), (3, 5), (0, 2)))

    arranged = arrange_for_topics(problem, rotated_back)

    assert topic_repeats(problem, rotated_back) == 6
    assert topic_repeats(problem, arranged) == 0
    assert sorted(map(sorted, arranged[1])) == sorted(map(sorted, rotated_back[1]))


@settings(max_examples=15, deadline=None)
@given(
    people=st.integers(8, 30),
    table_size=st.integers(3, 6),
    rounds=st.integers(2, 4),
    topics=st.integers(2, 4),
    seed=st.integers(0, 5),
)
def test_seating_for_topics_gives_up_nothing_the_planner_achieved(
    people, table_size, rounds, topics, seed
):
    tables = max(2, people // table_size)
    wishes = {0, 3, 5}
    problem = workshop(people, tables, rounds, topics, seed=seed, wishes=wishes)
    plan = plan_tables(problem, seconds=0.3, seed=seed)

    seated = seat_for_topics(problem, plan.rounds, seconds=0.2)

    before, after = plan.report, quality_report(problem, seated)
    assert violations(problem, seated) == ()
    assert after.repeated_pairs <= before.repeated_pairs
    assert after.distinct_pairs_met >= before.distinct_pairs_met
    assert after.same_kind_pairs <= before.same_kind_pairs
    assert wishes_met(problem, seated) >= wishes_met(problem, plan.rounds)
    assert topic_repeats(problem, seated) <= topic_repeats(problem, plan.rounds)


def test_polish_spares_topic_repeats_and_gives_up_nothing():
    problem = workshop(100, 20, 4, 3)
    plan = plan_tables(problem, seconds=1, seed=0)
    arranged = arrange_for_topics(problem, plan.rounds)

    polished = polish_for_topics(problem, arranged, seconds=2)

    assert topic_repeats(problem, polished) < topic_repeats(problem, arranged)
    before, after = quality_report(problem, arranged), quality_report(problem, polished)
    assert after.repeated_pairs <= before.repeated_pairs
    assert after.same_kind_pairs <= before.same_kind_pairs
    assert violations(problem, polished) == ()
