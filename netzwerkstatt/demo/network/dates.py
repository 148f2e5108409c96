"""When the demo's relationships began, were last in contact and were recorded.

Everything lies before the demo's reference date, so the same seed gives the
same network on every day the demo is loaded. The team began to record its
network when the projects started (the first timeline notes); relationships
older than that were recorded in the first months, or came with an import.
"""

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.timeline import FIRST_NOTE_DAY
from netzwerkstatt.network.enums import Provenance

YEAR = 365
MONTH = 30
LAST_DAY = REFERENCE_DATE - timedelta(days=1)
YEAR_AGO = REFERENCE_DATE - timedelta(days=YEAR)
# Stale ties have had no contact for longer than this (the health page's default: 12 months).
STALE_AFTER = timedelta(days=13 * MONTH)
RECORDING_MONTHS = 4  # old relationships were entered within this many months of the start
# The days the team imported its address books and the chambers' member lists.
IMPORT_DAYS = (date(2026, 1, 14), date(2026, 1, 27), date(2026, 2, 18))


@dataclass(frozen=True)
class History:
    since: date
    last_contact: date | None


def day_between(rng: random.Random, first: date, last: date) -> date:
    if last <= first:
        return first
    return first + timedelta(days=rng.randint(0, (last - first).days))


def history(
    rng: random.Random,
    *,
    oldest: date,
    new_share: float,
    stale_share: float,
    newest: date = LAST_DAY,
    unknown_contact_share: float = 0.04,
) -> History:
    """A relationship's start and last contact.

    `new_share` of them began within the last year (and not before `oldest`); of
    the older ones, `stale_share` have had no contact for more than a year, the
    rest were in contact within it. A few have no known last contact.
    """
    if oldest >= YEAR_AGO or rng.random() < new_share:
        since = day_between(rng, max(oldest, YEAR_AGO), newest)
        stale = False
    else:
        since = day_between(rng, oldest, YEAR_AGO - timedelta(days=1))
        stale = rng.random() < stale_share
    if rng.random() < unknown_contact_share:
        return History(since=since, last_contact=None)
    if stale:
        last_contact = day_between(rng, since, REFERENCE_DATE - STALE_AFTER)
    else:
        # Contacts cluster in the recent past: the later of two draws.
        recent = max(since, YEAR_AGO)
        last_contact = max(day_between(rng, recent, LAST_DAY), day_between(rng, recent, LAST_DAY))
    return History(since=since, last_contact=last_contact)


def history_from(rng: random.Random, relationship: History, first: date) -> History:
    """The relationship moved to begin on or after `first`, with its last contact after that."""
    if relationship.since >= first:
        return relationship
    since = day_between(rng, first, LAST_DAY)
    if relationship.last_contact is None:
        return History(since=since, last_contact=None)
    return History(since=since, last_contact=day_between(rng, since, LAST_DAY))


def working_moment(rng: random.Random, day: date) -> datetime:
    """A moment in office hours on `day`; at a weekend, on the Monday after (the Friday before
    where the Monday would be after the reference date)."""
    if day.weekday() >= 5:
        monday = day + timedelta(days=7 - day.weekday())
        day = monday if monday <= LAST_DAY else day - timedelta(days=day.weekday() - 4)
    return datetime.combine(day, time(rng.randint(8, 17), rng.randrange(0, 60, 5)))


def recorded_moment(rng: random.Random, *, since: date, provenance: Provenance) -> datetime:
    """When the team entered a relationship: soon after it began, or once it started recording."""
    if since >= FIRST_NOTE_DAY:
        day = min(since + timedelta(days=rng.randint(0, 10)), LAST_DAY)
    elif provenance == Provenance.IMPORT:
        day = rng.choice(IMPORT_DAYS)
    else:
        day = day_between(
            rng, FIRST_NOTE_DAY, FIRST_NOTE_DAY + timedelta(days=RECORDING_MONTHS * MONTH)
        )
    return working_moment(rng, day)
