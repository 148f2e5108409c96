"""The World Café planner on realistic workshops: hosts, colleagues, kinds, wishes, ties.

Each workshop has 25, 40 or 60 participants from organisations of one to four
people and five organisation kinds (companies, chambers, unions, education
providers, the employment agency), a host per table who stays, a topic per
table, two preferred topics per participant, a few brokers, strong ties from
before the event (one per two participants) and a keep-apart pair. Printed per
workshop: planning time, repeated encounters (a tie counts as a first meeting),
same-kind pairs at tables against their lower bound (mix score), participants
who got a preferred topic, most brokers at one table, and violations.
Goal: every workshop planned in under 2 s without violations.

    .venv/bin/python bench/worldcafe.py [--seconds 2] [--seeds 3]
"""

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from netzwerkstatt.events.tableplanner import (
    Participant,
    Problem,
    balanced_tables,
    plan_tables,
    topics_every_round,
)

KINDS = ["Betrieb", "Kammer", "Gewerkschaft", "Bildungsträger", "Arbeitsagentur"]
TOPICS = ["Fachkräfte", "Ausbildung", "Digitalisierung", "Weiterbildung", "Inklusion", "Netzwerk"]
WORKSHOPS = [(25, 5, 3), (25, 4, 4), (40, 5, 4), (40, 6, 3), (60, 6, 4), (60, 5, 3)]


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=2.0, help="time budget per plan")
    parser.add_argument("--seeds", type=int, default=3, help="workshops per size")
    return parser.parse_args()


def workshop(people: int, table_size: int, rounds: int, seed: int) -> Problem:
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
                    topic_preferences=tuple(rng.sample(TOPICS, 2)),
                    broker_weight=rng.choice([0.0] * 6 + [0.4, 0.8]),
                )
            )
    tables = -(-people // table_size)
    ties = {tuple(sorted(rng.sample(range(people), 2))) for _ in range(people // 2)}
    apart = tuple(sorted(rng.sample(range(people), 2)))
    return Problem(
        participants=tuple(participants),
        tables=balanced_tables(people, count=tables, hosts=rng.sample(range(people), tables)),
        rounds=rounds,
        topics=topics_every_round([TOPICS[t % len(TOPICS)] for t in range(tables)], rounds),
        already_met=tuple(sorted(ties)),
        keep_apart=(apart,)
        if participants[apart[0]].organisation != participants[apart[1]].organisation
        else (),
    )


def main() -> None:
    arguments = parse_arguments()
    print(
        f"{'people':>6} {'tables':>8} {'rounds':>6} {'seed':>4} {'seconds':>7} {'repeats':>7} "
        f"{'same kind':>9} {'mix':>5} {'wishes':>7} {'brokers':>7} {'violations':>10} stop"
    )
    slowest = 0.0
    for people, size, rounds in WORKSHOPS:
        for seed in range(arguments.seeds):
            problem = workshop(people, size, rounds, seed)
            started = time.monotonic()
            plan = plan_tables(problem, seconds=arguments.seconds, seed=seed)
            seconds = time.monotonic() - started
            slowest = max(slowest, seconds)
            report = plan.report
            stop = (
                "optimal"
                if plan.optimal
                else ("budget" if seconds >= arguments.seconds else "settled")
            )
            print(
                f"{people:>6} {len(problem.tables):>3} of {size:<2} {rounds:>6} {seed:>4} {seconds:>7.2f} "
                f"{report.repeated_pairs:>7} {report.same_kind_pairs:>9} {report.mix_score:>5.2f} "
                f"{report.preferences_met:>3}/{report.preferences_wanted:<3} "
                f"{report.max_brokers_at_a_table:>7} {len(report.violations):>10} {stop}",
                flush=True,
            )
    print(f"\nslowest plan: {slowest:.2f} s")


if __name__ == "__main__":
    main()
