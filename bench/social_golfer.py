"""The World Café planner on the Social Golfer Problem, against the best schedules known.

For every instance g-s (g groups of s, 5 ≤ g ≤ 10, 3 ≤ s ≤ g) the planner gets
10 s per attempt at the best known number of rounds w. If that leaves repeats,
it tries one round fewer, and so on (at most --tries attempts); where no value
is known it starts low and adds rounds while it succeeds. Printed: the most rounds planned without a
repeat, the repeats left at the best known w, and the time of the last attempt.
Sources of the best known values: bench/README.md.

    .venv/bin/python bench/social_golfer.py [--seconds 10] [--seed 0] [--only 8-4,5-3] [--tries 4]
"""

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerkstatt.events.tableplanner import Problem, plan_tables

# (groups, size): (best known rounds, source), "upper bound" where the counting bound
# ⌊(g·s − 1)/(s − 1)⌋ (or, for g = s, the bound from mutually orthogonal Latin squares)
# is reached, so the value is the optimum. None where we know of no published value.
BEST_KNOWN = {
    (5, 3): (7, "KTS(15), upper bound"),
    (6, 3): (8, "NKTS(18), upper bound"),
    (7, 3): (10, "KTS(21), upper bound"),
    (8, 3): (11, "NKTS(24), upper bound"),
    (9, 3): (13, "KTS(27), upper bound"),
    (10, 3): (14, "NKTS(30), upper bound"),
    (5, 4): (5, "Harvey: 5-4-6 has no solution"),
    (6, 4): (7, "upper bound"),
    (7, 4): (9, "RBIBD(28,4,1), upper bound"),
    (8, 4): (10, "Aguado 2004, upper bound"),
    (9, 4): (11, "upper bound, met by a 1-rotational schedule (README)"),
    (10, 4): (13, "RBIBD(40,4,1), upper bound"),
    (5, 5): (6, "AG(2,5), upper bound"),
    (6, 5): (6, "Dotú & Van Hentenryck 2005; upper bound 7"),
    (7, 5): (7, "TD from AG(2,7); upper bound 8"),
    (8, 5): (8, "TD from AG(2,8); upper bound 9"),
    (9, 5): (9, "TD from AG(2,9); upper bound 11"),
    (10, 5): (None, "upper bound 12"),
    (6, 6): (3, "no 2 MOLS(6) (Tarry 1900), upper bound"),
    (7, 6): (7, "TD from AG(2,7); upper bound 8"),
    (8, 6): (8, "TD from AG(2,8); upper bound 9"),
    (9, 6): (9, "TD from AG(2,9); upper bound 10"),
    (10, 6): (None, "upper bound 11"),
    (7, 7): (8, "AG(2,7), upper bound"),
    (8, 7): (8, "TD from AG(2,8); upper bound 9"),
    (9, 7): (9, "TD from AG(2,9); upper bound 10"),
    (10, 7): (None, "upper bound 11"),
    (8, 8): (9, "AG(2,8), upper bound"),
    (9, 8): (9, "TD from AG(2,9); upper bound 10"),
    (10, 8): (None, "upper bound 11"),
    (9, 9): (10, "AG(2,9), upper bound"),
    (10, 9): (None, "upper bound 11"),
    (10, 10): (4, "2 MOLS(10) (Parker 1959); 3 MOLS(10) unknown"),
}


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="per attempt")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--only", help="comma-separated g-s instances, e.g. 8-4,5-3")
    parser.add_argument("--tries", type=int, default=4, help="attempts per instance at most")
    return parser.parse_args()


def upper_bound(groups: int, size: int) -> int:
    return (groups * size - 1) // (size - 1)


def attempt(groups, size, rounds, seconds, seed):
    started = time.monotonic()
    plan = plan_tables(
        Problem.social_golfer(groups=groups, size=size, rounds=rounds), seconds=seconds, seed=seed
    )
    return plan.report.repeated_pairs, plan.method, time.monotonic() - started


def reach(groups, size, best, arguments):
    """(most rounds planned without a repeat, repeats at the best known, method, seconds)."""
    if best is None:  # climb while it works, from a little below half the upper bound
        rounds, reached, last = max(3, upper_bound(groups, size) // 2 - 1), None, None
        for _ in range(2 * arguments.tries):
            repeats, method, seconds = attempt(
                groups, size, rounds, arguments.seconds, arguments.seed
            )
            if repeats:
                break
            reached, last = rounds, (method, seconds)
            rounds += 1
        return reached, None, *(last or (method, seconds))
    rounds, at_best = best, None
    for _ in range(arguments.tries):
        repeats, method, seconds = attempt(groups, size, rounds, arguments.seconds, arguments.seed)
        at_best = repeats if at_best is None else at_best
        if repeats == 0:
            return rounds, at_best, method, seconds
        rounds -= 1
    return None, at_best, method, seconds


def main() -> None:
    arguments = parse_arguments()
    chosen = BEST_KNOWN
    if arguments.only:
        wanted = {tuple(int(x) for x in item.split("-")) for item in arguments.only.split(",")}
        chosen = {key: value for key, value in BEST_KNOWN.items() if key in wanted}
    print(
        f"{'instance':>8} {'best':>4} {'reached':>7} {'method':>6} {'seconds':>7}  repeats at best  source"
    )
    matched = 0
    for (groups, size), (best, source) in chosen.items():
        reached, at_best, method, seconds = reach(groups, size, best, arguments)
        matched += best is not None and reached == best
        note = f"{at_best} at {best}" if at_best else ""
        print(
            f"{groups:>5}-{size:<2} {best or '–':>4} {reached or '–':>7} {method:>6} {seconds:>7.2f}"
            f"  {note:<15}  {source}",
            flush=True,
        )
    known = sum(1 for best, _ in chosen.values() if best is not None)
    print(f"\nbest known reached on {matched} of {known} instances with a published value")


if __name__ == "__main__":
    main()
