"""When the demo's approaches moved: working days before the demo's reference date.

A chain of stage days starts on a company's entry and keeps to the order of the
stages; a chain that would run past the last working day starts earlier where it
may, and is squeezed where it may not (a fair or a recommendation fixes its start).
"""

import random
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta

from netzwerkstatt.demo.specs import REFERENCE_DATE

# The first day the team noted companies for the projects (their preparation phase).
EARLIEST = date(2025, 11, 3)
LAST_WORKDAY = REFERENCE_DATE - timedelta(days=1)
while LAST_WORKDAY.weekday() >= 5:
    LAST_WORKDAY -= timedelta(days=1)
MIN_STEP = timedelta(minutes=20)


def workday(day: date) -> date:
    """The day, or the Monday after a weekend (the Friday before where that is after the
    last working day)."""
    if day.weekday() >= 5:
        monday = day + timedelta(days=7 - day.weekday())
        day = monday if monday <= LAST_WORKDAY else day - timedelta(days=day.weekday() - 4)
    return min(day, LAST_WORKDAY)


def next_workday(day: date) -> date:
    """The first working day on or after `day`, never before it (for dates after today)."""
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def day_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randint(0, (last - first).days))


def chain(
    rng: random.Random,
    *,
    start: date,
    gaps: Sequence[tuple[int, int]],
    fixed_start: bool = False,
) -> list[date]:
    """The days of a chain of stages: `start`, then one day per gap range (in days)."""
    steps = [rng.randint(low, high) for low, high in gaps]
    room = (LAST_WORKDAY - start).days
    overflow = sum(steps) - room
    if overflow > 0 and not fixed_start:
        weeks = min(-(-overflow // 7), max(0, (start - EARLIEST).days // 7))
        start -= timedelta(weeks=weeks)
        room = (LAST_WORKDAY - start).days
    if sum(steps) > room:
        total = sum(steps)
        steps = [max(1, step * room // total) for step in steps]
    days = [workday(start)]
    for step in steps:
        days.append(max(days[-1], workday(days[-1] + timedelta(days=step))))
    return days


def moments(rng: random.Random, days: Sequence[date]) -> list[datetime]:
    """A moment in office hours on each day, each later than the one before."""
    result: list[datetime] = []
    for day in days:
        moment = datetime.combine(day, time(rng.randint(8, 16), rng.randrange(0, 60, 5)))
        if result and moment <= result[-1]:
            moment = result[-1] + MIN_STEP
        result.append(moment)
    return result
