"""Attendance updates the relationship network: who sat at one World-Café table met there."""

import datetime as dt
from collections import Counter
from itertools import combinations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.enums import Provenance, TieKind
from netzwerkstatt.network.models import Tie
from netzwerkstatt.network.services import tie_save, ties_contacted

from ..models import Event, Invitation, TableRound
from .common import check_workspace, require

# A weak tie: met once at a table (1 = barely know each other), or at two or more rounds (2).
STRENGTH_MET_ONCE = 1
STRENGTH_MET_AGAIN = 2


def event_has_ended(event: Event, *, now: dt.datetime | None = None) -> bool:
    return event.ends_at <= (now or timezone.now())


@transaction.atomic
def event_attendance_ties(*, scope: Scope, event: Event, now: dt.datetime | None = None) -> int:
    """Record that checked-in participants who sat at one table met; return the ties created.

    Every pair of checked-in participants who shared a World-Café table in some
    round gets a weak "met at an event" tie through `network.services.tie_save`
    (strength 1, or 2 for pairs who shared a table in more than one round;
    source: event; purpose: the event's title; last contact: the event's day),
    which strengthens a tie the two already have instead of adding one. Then the
    ties among all attendees and between them and the team get the event's day
    as last contact. Running it again creates and changes nothing.
    """
    require(scope, "change_events")
    require(scope, "change_network")
    check_workspace(scope, event)
    if not event_has_ended(event, now=now):
        raise ValidationError(_("Contacts can be taken over once the event has ended."))
    day = timezone.localdate(event.starts_at)
    attended = scope.objects(Invitation).filter(event=event, checked_in_at__isnull=False)
    table_rounds = scope.objects(TableRound).filter(table__world_cafe__event=event)
    table_rounds = table_rounds.prefetch_related(
        Prefetch("participants", queryset=attended.only("pk", "person_id"), to_attr="present")
    )
    shared = Counter()
    for table_round in table_rounds:
        person_ids = sorted({invitation.person_id for invitation in table_round.present})
        shared.update(combinations(person_ids, 2))
    attendees = list(scope.objects(Person).filter(pk__in=attended.values("person_id")))
    persons = {person.pk: person for person in attendees}
    before = _met_ties_updated(scope, person_ids=persons)
    created = strengthened = 0
    for (first, second), rounds in sorted(shared.items()):
        tie, was_created = tie_save(
            scope=scope,
            kind=TieKind.MET_AT_EVENT,
            source=persons[first],
            target=persons[second],
            strength=STRENGTH_MET_ONCE if rounds == 1 else STRENGTH_MET_AGAIN,
            since=day,
            last_contact=day,
            provenance=Provenance.EVENT,
            purpose=event.title[:300],
            project=event.project,
        )
        if was_created:
            created += 1
        elif before.get(tie.pk) != tie.updated_at:
            strengthened += 1
    contacted = ties_contacted(scope=scope, persons=attendees, on=day) if attendees else 0
    if created or strengthened or contacted:
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=event,
            details={"ties_created": created, "ties_strengthened": strengthened},
        )
    return created


def _met_ties_updated(scope: Scope, *, person_ids) -> dict[int, dt.datetime]:
    """When each "met at an event" tie among these persons last changed, by tie id."""
    if not person_ids:
        return {}
    ids = list(person_ids)
    return dict(
        scope.objects(Tie)
        .filter(kind=TieKind.MET_AT_EVENT, source_person_id__in=ids, target_person_id__in=ids)
        .values_list("pk", "updated_at")
    )
