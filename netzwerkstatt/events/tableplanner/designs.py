"""Repeat-free schedules for the pure Social Golfer Problem from combinatorial designs.

g groups of s for w rounds without a repeated pair is a resolvable packing;
where design theory has one, constructing it beats searching for it.

* Transversal designs from affine planes. For a prime power q the lines of the
  affine plane AG(2, q) fall into q + 1 parallel classes of q lines each.
  Keep the points on s of the q lines of one class: every other class cuts
  them into q groups of s, so q groups of s get q rounds (for s = q the kept
  class itself is one more round: q + 1 rounds, the optimum, e.g. 4×4×5,
  5×5×6, 7×7×8, 8×8×9). The points of one kept line never meet, so when s
  divides q any schedule for q/s groups of s, run on all kept lines at once,
  adds its rounds (9 groups of 3: 9 + 4 = 13 rounds, a Kirkman triple system
  on 27 points; 8 groups of 2: 8 + 7 = 15, a round robin).
  (Colbourn & Dinitz, Handbook of Combinatorial Designs, 2nd ed., III.3 and VII.2.)
* Cyclic symmetry (see `rotational`): Kirkman triple systems (15, 21 points),
  nearly Kirkman triple systems (18, 24, 30 points), resolvable designs with
  blocks of 4 (24, 28 points) and many partial schedules.
* Latin squares for g groups of g when g is not a prime power: rows, columns
  and the symbols of a Latin square give three rounds, and the symbols of an
  orthogonal mate (see `latin`) a fourth.

Points are numbered 0 … g·s − 1; a schedule lists rounds of groups of points.
"""

import random
import time

from .galois import finite_field, prime_power
from .latin import orthogonal_pair, random_latin_square
from .rotational import Schedule, rotational_schedule


def social_golfer_design(
    groups: int, size: int, rounds: int, *, rng: random.Random, deadline: float
) -> Schedule:
    """The longest repeat-free schedule (at most `rounds` rounds) the constructions give in time."""
    best = transversal_schedule(groups, size, rounds)
    if groups == size and len(best) < min(rounds, 3):
        best = latin_schedule(random_latin_square(groups, rng))[:rounds]
    # No orthogonal pairs exist of order 2 or 6 (Euler's 36 officers, Tarry 1900).
    if groups == size not in (2, 6) and len(best) < min(rounds, 4):
        pair = orthogonal_pair(groups, rng=rng, deadline=deadline)
        if pair is not None:
            best = latin_schedule(*pair)[:rounds]
    if len(best) < rounds and time.monotonic() < deadline:
        found = rotational_schedule(groups, size, rounds, rng=rng, deadline=deadline)
        if found is not None:
            best = found
    return best


def latin_schedule(*squares: list[list[int]]) -> Schedule:
    """n groups of n from mutually orthogonal Latin squares: rows, columns, then each square's
    symbols (point r·n + c is cell (r, c))."""
    n = len(squares[0])
    cells = [(r, c) for r in range(n) for c in range(n)]
    labels = [lambda r, c: r, lambda r, c: c]
    labels += [lambda r, c, square=square: square[r][c] for square in squares]
    return [
        [[r * n + c for r, c in cells if label(r, c) == group] for group in range(n)]
        for label in labels
    ]


def transversal_schedule(groups: int, size: int, rounds: int) -> Schedule:
    """Rounds from AG(2, groups) when groups is a prime power; trivial rounds otherwise."""
    n = groups * size
    if size <= 1:
        return [[[point] for point in range(n)] for _ in range(rounds)]
    first = [list(range(g * size, (g + 1) * size)) for g in range(groups)]
    if size > groups or prime_power(groups) is None:
        return [first][:rounds]  # a second round would have to repeat a pair
    q, field = groups, finite_field(groups)
    add, mul = field.add, field.mul

    def point(line: int, y: int) -> int:
        return line * q + y

    schedule = [
        [[point(x, add[mul[slope][x]][c]) for x in range(size)] for c in range(q)]
        for slope in range(q)
    ]
    if q % size == 0 and len(schedule) < rounds:
        # Each kept line x holds q points that never met: schedule them as q/s groups of s.
        inner = transversal_schedule(q // size, size, rounds - len(schedule))
        schedule.extend(
            [[point(x, y) for y in group] for x in range(size) for group in groups]
            for groups in inner
        )
    return schedule[:rounds]
