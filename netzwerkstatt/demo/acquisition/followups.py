"""Open follow-ups and next steps of the demo users around the reference date."""

import random
from dataclasses import replace
from datetime import timedelta

from netzwerkstatt.core.enums import Role
from netzwerkstatt.demo.specs import REFERENCE_DATE

from .approach import CLOSED
from .dates import next_workday, workday
from .specs import ApproachSpec

# Open follow-ups of each demo user around the reference date, for the "Heute" page.
OVERDUE, DUE_TODAY, NEXT_WEEK = 2, 2, 4


def follow_ups(rng: random.Random, approaches: list[ApproachSpec]) -> list[ApproachSpec]:
    """Give each open approach its next step's date, and the last activity of those with
    activities an open follow-up: for each demo user a few overdue, a few due on the
    reference date, some in the week after, the rest later."""
    result = []
    by_owner: dict[Role, list[ApproachSpec]] = {}
    for approach in approaches:
        if approach.kinds[-1] in CLOSED:
            result.append(approach)
        elif approach.activities:
            by_owner.setdefault(approach.owner, []).append(approach)
        else:
            day = next_workday(REFERENCE_DATE + timedelta(days=rng.randint(2, 20)))
            result.append(replace(approach, next_step_on=day))
    for owner in sorted(by_owner):
        open_ones = sorted(by_owner[owner], key=lambda approach: approach.company)
        rng.shuffle(open_ones)
        week_ago = REFERENCE_DATE - timedelta(days=7)
        overdue = [a for a in open_ones if a.activities[-1].day <= week_ago][:OVERDUE]
        rest = [a for a in open_ones if a not in overdue]
        plan = [(a, workday(REFERENCE_DATE - timedelta(days=rng.randint(2, 6)))) for a in overdue]
        plan += [(a, REFERENCE_DATE) for a in rest[:DUE_TODAY]]
        plan += [
            (a, next_workday(REFERENCE_DATE + timedelta(days=rng.randint(1, 7))))
            for a in rest[DUE_TODAY : DUE_TODAY + NEXT_WEEK]
        ]
        plan += [
            (a, next_workday(REFERENCE_DATE + timedelta(days=rng.randint(8, 40))))
            for a in rest[DUE_TODAY + NEXT_WEEK :]
        ]
        for approach, day in plan:
            last = replace(approach.activities[-1], follow_up_on=day, follow_up_done_at=None)
            result.append(
                replace(approach, next_step_on=day, activities=(*approach.activities[:-1], last))
            )
    return result
