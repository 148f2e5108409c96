import random
import time
from itertools import combinations

import pytest

from netzwerkstatt.events.tableplanner.designs import (
    latin_schedule,
    social_golfer_design,
    transversal_schedule,
)
from netzwerkstatt.events.tableplanner.galois import finite_field, prime_power
from netzwerkstatt.events.tableplanner.latin import (
    orthogonal_mate,
    orthogonal_pair,
    random_latin_square,
)
from netzwerkstatt.events.tableplanner.rotational import (
    Structure,
    rotational_schedule,
    structures,
)


def assert_repeat_free(schedule, groups, size):
    seen = set()
    for groups_of_round in schedule:
        assert sorted(p for group in groups_of_round for p in group) == list(range(groups * size))
        assert [len(group) for group in groups_of_round] == [size] * groups
        for group in groups_of_round:
            for pair in combinations(sorted(group), 2):
                assert pair not in seen
                seen.add(pair)


@pytest.mark.parametrize("order", [2, 3, 4, 5, 7, 8, 9, 16, 25, 27])
def test_finite_field_axioms(order):
    field = finite_field(order)
    add, mul = field.add, field.mul
    elements = range(order)
    assert all(add[0][x] == x and mul[1][x] == x for x in elements)
    assert all(sum(mul[x][y] == 1 for y in elements) == 1 for x in elements if x)
    rng = random.Random(order)
    for _ in range(500):
        x, y, z = (rng.randrange(order) for _ in range(3))
        assert mul[x][add[y][z]] == add[mul[x][y]][mul[x][z]]
        assert mul[x][mul[y][z]] == mul[mul[x][y]][z]
        assert add[x][add[y][z]] == add[add[x][y]][z]


def test_prime_power():
    assert prime_power(9) == (3, 2)
    assert prime_power(32) == (2, 5)
    assert prime_power(12) is None
    assert prime_power(1) is None


@pytest.mark.parametrize(
    ("groups", "size", "rounds"),
    [
        (3, 3, 4),  # AG(2, 3)
        (4, 4, 5),  # AG(2, 4) over GF(4)
        (5, 5, 6),
        (7, 7, 8),
        (8, 8, 9),  # GF(8)
        (9, 9, 10),  # GF(9)
        (7, 4, 7),  # a transversal design: 7 rounds for any size up to 7
        (8, 4, 9),  # 8 rounds, plus one from splitting each kept line in two
        (9, 3, 13),  # 9 + 4: a Kirkman triple system on 27 points
        (8, 2, 15),  # 8 + 7: a round robin on 16
    ],
)
def test_transversal_schedule_reaches_the_construction(groups, size, rounds):
    schedule = transversal_schedule(groups, size, 100)

    assert len(schedule) == rounds
    assert_repeat_free(schedule, groups, size)


def test_transversal_schedule_without_a_field_gives_one_round():
    assert len(transversal_schedule(6, 3, 5)) == 1
    assert len(transversal_schedule(3, 5, 5)) == 1  # larger groups than groups: one round only


def test_structures_count_differences():
    # Kirkman: two cycles of 7 and a fixed point, one base round.
    assert structures(5, 3, 7)[0] == Structure(
        cycle_length=7, base_rounds=1, cycles=2, fixed_points=1
    )
    # 18 people in threes meet 17 others, two per round: no ninth round without a repeat.
    assert structures(6, 3, 9) == []


@pytest.mark.parametrize(
    ("groups", "size", "rounds"),
    [(5, 3, 7), (8, 3, 11), (10, 3, 14), (6, 4, 7), (7, 3, 10), (6, 3, 8)],
)
def test_rotational_schedule_finds_resolvable_designs(groups, size, rounds):
    schedule = rotational_schedule(
        groups, size, rounds, rng=random.Random(0), deadline=time.monotonic() + 20
    )

    assert schedule is not None
    assert len(schedule) == rounds
    assert_repeat_free(schedule, groups, size)


def test_social_golfer_design_is_the_longest_in_time():
    start = time.monotonic()
    schedule = social_golfer_design(8, 4, 10, rng=random.Random(0), deadline=start + 0.5)

    assert len(schedule) >= 9  # AG(2, 8) with one split round, even if no tenth is found
    assert_repeat_free(schedule, 8, 4)
    assert time.monotonic() - start < 1.5


def test_random_latin_square_is_latin():
    square = random_latin_square(12, random.Random(3))

    assert all(sorted(row) == list(range(12)) for row in square)
    assert all(sorted(column) == list(range(12)) for column in zip(*square, strict=True))


def test_orthogonal_pair_of_order_ten():
    pair = orthogonal_pair(10, rng=random.Random(0), deadline=time.monotonic() + 60)

    assert pair is not None
    first, second = pair
    assert len({(first[r][c], second[r][c]) for r in range(10) for c in range(10)}) == 100
    assert all(sorted(row) == list(range(10)) for row in second)
    assert all(sorted(column) == list(range(10)) for column in zip(*second, strict=True))
    assert_repeat_free(latin_schedule(first, second), 10, 10)


def test_orthogonal_mate_is_none_without_one():
    cyclic = [[(r + c) % 4 for c in range(4)] for r in range(4)]  # even cyclic: no transversal

    assert orthogonal_mate(cyclic, time.monotonic() + 10) is None
