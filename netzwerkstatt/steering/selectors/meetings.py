"""Reads of meetings: lists, one meeting with its minutes, the attendance form's groups,
the events a meeting may be linked to, and the meetings of a period for the minutes PDF."""

import datetime as dt

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Function, Person
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.models import Event, Invitation
from netzwerkstatt.network.selectors import team_person_ids

from ..models import ActionItem, Decision, Meeting, Network, NetworkMember

# The event chooser offers events from a year before to three months after today.
EVENTS_BEFORE = dt.timedelta(days=365)
EVENTS_AFTER = dt.timedelta(days=92)

ATTENDEES_PREFETCH = Prefetch(
    "attendees", queryset=Person.objects.order_by("last_name", "first_name", "id")
)
DECISIONS_PREFETCH = Prefetch("decisions", queryset=Decision.objects.order_by("id"))
ACTION_ITEMS_PREFETCH = Prefetch(
    "action_items",
    queryset=ActionItem.objects.select_related("owner").order_by("due_on", "id"),
)


def meeting_network_get(*, scope: Scope, pk) -> Network:
    return scope.get(Network, pk=pk)


def meeting_networks(*, scope: Scope) -> QuerySet[Network]:
    return scope.objects(Network).order_by("name", "id")


def meeting_list(*, scope: Scope, network: Network | None = None) -> QuerySet[Meeting]:
    """Meetings newest first with their counts of attendees, decisions and action items."""
    queryset = scope.objects(Meeting)
    if network is not None:
        queryset = queryset.filter(network=network)
    return (
        queryset.select_related("network", "event")
        .annotate(
            attendee_count=Count("attendees", distinct=True),
            decision_count=Count("decisions", distinct=True),
            action_item_count=Count("action_items", distinct=True),
        )
        .order_by("-held_on", "-id")
    )


def meeting_get(*, scope: Scope, pk) -> Meeting:
    """The meeting with its network and event; Http404 for another workspace's."""
    try:
        return scope.objects(Meeting).select_related("network", "event").get(pk=pk)
    except (Meeting.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Meeting._meta.verbose_name) from error


def meeting_detail(*, scope: Scope, pk) -> Meeting:
    """The meeting with its attendees, decisions and action items prefetched."""
    try:
        return (
            scope.objects(Meeting)
            .select_related("network", "event")
            .prefetch_related(ATTENDEES_PREFETCH, DECISIONS_PREFETCH, ACTION_ITEMS_PREFETCH)
            .get(pk=pk)
        )
    except (Meeting.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Meeting._meta.verbose_name) from error


def decision_get(*, scope: Scope, pk) -> Decision:
    try:
        return scope.objects(Decision).select_related("meeting").get(pk=pk)
    except (Decision.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Decision._meta.verbose_name) from error


def meeting_event_choices(*, scope: Scope, current: Event | None = None) -> QuerySet[Event]:
    """Recent and upcoming events to link a meeting to, newest first; the linked one stays."""
    now = timezone.now()
    window = Q(starts_at__gte=now - EVENTS_BEFORE, starts_at__lte=now + EVENTS_AFTER)
    if current is not None:
        window |= Q(pk=current.pk)
    return scope.objects(Event).filter(window).order_by("-starts_at", "-id")


def attendee_groups(
    *, scope: Scope, network: Network, chosen: list[Person] = ()
) -> list[tuple[str, list[Person]]]:
    """Whom a meeting usually brings together, as (group name, persons): the people of
    each member organisation (current functions), the members who are persons, the
    project team, and others already chosen. Each person appears once."""
    members = list(
        scope.objects(NetworkMember)
        .filter(network=network, left_on__isnull=True)
        .select_related("organisation", "person")
        .order_by("organisation__name", "person__last_name", "person__first_name", "id")
    )
    organisations = [member.organisation for member in members if member.organisation_id]
    by_organisation: dict[int, list[Person]] = {o.pk: [] for o in organisations}
    seen: set[int] = set()
    functions = (
        scope.objects(Function)
        .filter(organisation__in=[o.pk for o in organisations], end_date__isnull=True)
        .select_related("person")
        .order_by("person__last_name", "person__first_name", "person_id")
    )
    for function in functions:
        persons = by_organisation[function.organisation_id]
        if function.person not in persons:
            persons.append(function.person)
    groups = []
    for organisation in organisations:
        persons = [person for person in by_organisation[organisation.pk] if person.pk not in seen]
        seen |= {person.pk for person in persons}
        if persons:
            groups.append((organisation.name, persons))
    member_persons = [m.person for m in members if m.person_id and m.person_id not in seen]
    seen |= {person.pk for person in member_persons}
    team = [
        person
        for person in scope.objects(Person)
        .filter(pk__in=team_person_ids(scope=scope))
        .order_by("last_name", "first_name", "id")
        if person.pk not in seen
    ]
    seen |= {person.pk for person in team}
    others = [person for person in chosen if person.pk not in seen]
    return [
        *groups,
        ("members", member_persons),
        ("team", team),
        ("others", others),
    ]


def checked_in_count(*, scope: Scope, meeting: Meeting) -> int:
    """How many persons are checked in at the meeting's event (0 without an event)."""
    if meeting.event_id is None:
        return 0
    return (
        scope.objects(Invitation)
        .filter(event_id=meeting.event_id, checked_in_at__isnull=False)
        .count()
    )


def minutes_meetings(
    *, scope: Scope, network: Network, start: dt.date, end: dt.date
) -> list[Meeting]:
    """The network's meetings in the period, oldest first, with attendance, decisions and
    action items, for the minutes PDF."""
    return list(
        scope.objects(Meeting)
        .filter(network=network, held_on__gte=start, held_on__lte=end)
        .select_related("event")
        .prefetch_related(ATTENDEES_PREFETCH, DECISIONS_PREFETCH, ACTION_ITEMS_PREFETCH)
        .order_by("held_on", "id")
    )
