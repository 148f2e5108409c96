"""Reads of events and their programme."""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Q, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import TeamMember

from ..enums import EventKind, InvitationStatus
from ..models import AnonymousParticipation, Event, Invitation, ProgrammeItem
from .common import choice, number, one


@dataclass(frozen=True)
class EventFilter:
    when: str = "upcoming"  # "upcoming" (not ended yet) or "past"
    project: int | None = None
    kind: str = ""
    search: str = ""

    @classmethod
    def from_query(cls, query) -> "EventFilter":
        return cls(
            when="past" if query.get("when") == "past" else "upcoming",
            project=number(query, "project"),
            kind=choice(query, "kind", EventKind.values),
            search=query.get("search", "").strip()[:100],
        )


def event_list(
    *, scope: Scope, filters: EventFilter = EventFilter(), now: dt.datetime | None = None
) -> QuerySet[Event]:
    """Upcoming events soonest first, or past ones latest first, with their answer counts."""
    now = now or timezone.now()
    queryset = scope.objects(Event)
    if filters.when == "past":
        queryset = queryset.filter(ends_at__lt=now).order_by("-starts_at", "-id")
    else:
        queryset = queryset.filter(ends_at__gte=now).order_by("starts_at", "id")
    if filters.project is not None:
        queryset = queryset.filter(project_id=filters.project)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    for word in filters.search.split():
        queryset = queryset.filter(Q(title__icontains=word) | Q(place__icontains=word))
    return queryset.select_related("project").annotate(
        registered_count=Count(
            "invitations", filter=Q(invitations__status=InvitationStatus.REGISTERED)
        )
        + _anonymous(InvitationStatus.REGISTERED),
        waitlisted_count=Count(
            "invitations", filter=Q(invitations__status=InvitationStatus.WAITLISTED)
        )
        + _anonymous(InvitationStatus.WAITLISTED),
    )


def _anonymous(status: InvitationStatus) -> Coalesce:
    """The event's anonymous participations (of erased persons) with this status."""
    total = (
        AnonymousParticipation.objects.filter(event=OuterRef("pk"), status=status)
        .values("event")
        .annotate(total=Sum("count"))
        .values("total")
    )
    return Coalesce(Subquery(total, output_field=IntegerField()), 0)


def event_detail(*, scope: Scope, pk) -> Event:
    return one(scope.objects(Event).select_related("project", "created_by"), pk)


def projects(*, scope: Scope) -> QuerySet[Project]:
    return scope.objects(Project).order_by("name")


@dataclass(frozen=True)
class EventFigures:
    invited: int = 0  # all invitations, whatever their answer
    unanswered: int = 0
    registered: int = 0
    waitlisted: int = 0
    declined: int = 0
    cancelled: int = 0
    checked_in: int = 0


_STATUS_FIGURES = (
    ("unanswered", InvitationStatus.INVITED),
    ("registered", InvitationStatus.REGISTERED),
    ("waitlisted", InvitationStatus.WAITLISTED),
    ("declined", InvitationStatus.DECLINED),
    ("cancelled", InvitationStatus.CANCELLED),
)


def event_figures(*, scope: Scope, event: Event) -> EventFigures:
    """How many were invited, answered how, and came; one query.

    Erased persons' participations count too (`AnonymousParticipation`): erasure must not
    change what happened at an event.
    """
    anonymous = scope.objects(AnonymousParticipation).filter(event=event)
    by_status = {
        name: Count("pk", filter=Q(status=status)) + _anonymous_total(anonymous, status=status)
        for name, status in _STATUS_FIGURES
    }
    counts = (
        scope.objects(Invitation)
        .filter(event=event)
        .aggregate(
            invited=Count("pk") + _anonymous_total(anonymous),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False))
            + _anonymous_total(anonymous, checked_in=True),
            **by_status,
        )
    )
    return EventFigures(**counts)


def _anonymous_total(anonymous: QuerySet[AnonymousParticipation], **lookups) -> Coalesce:
    total = anonymous.filter(**lookups).values("event").annotate(total=Sum("count"))
    return Coalesce(Subquery(total.values("total"), output_field=IntegerField()), 0)


def registration_is_open(event: Event, *, now: dt.datetime | None = None) -> bool:
    """Whether invited persons may register now: switched on, before the deadline and the start."""
    now = now or timezone.now()
    if not event.registration_open or now >= event.starts_at:
        return False
    return event.registration_deadline is None or now <= event.registration_deadline


def programme_items(*, scope: Scope, event: Event) -> QuerySet[ProgrammeItem]:
    """The event's programme in order of time, with speakers (two queries)."""
    return (
        scope.objects(ProgrammeItem)
        .filter(event=event)
        .prefetch_related(Prefetch("speakers", queryset=scope.objects(Person)))
        .order_by("starts_at", "id")
    )


def speaker_choices(*, scope: Scope, event: Event) -> QuerySet[Person]:
    """Who may be named as a speaker: the event's invited persons, the team, current speakers."""
    return (
        scope.objects(Person)
        .filter(
            Q(invitations__event=event)
            | Q(pk__in=scope.objects(TeamMember).values("person"))
            | Q(talks__event=event)
        )
        .distinct()
        .order_by("last_name", "first_name", "id")
    )
