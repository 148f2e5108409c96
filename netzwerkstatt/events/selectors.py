"""Reads of events, programme and invitations, always through the scope.

Partners see no event data: the models have no `partner_visible`, so
`scope.objects` gives partners nothing. The one unscoped read is
`invitation_by_token`, for the public registration page, where the token
identifies the invitation and through it the workspace.
"""

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import EmailAddress, Function, Organisation, Person
from netzwerkstatt.contacts.selectors import PersonFilter, person_list, search
from netzwerkstatt.core.models import ActivityEntry, Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import TeamMember, Tie
from netzwerkstatt.network.selectors import team_person_ids

from . import ics
from .enums import EventKind, InvitationStatus
from .models import Event, Invitation, ProgrammeItem, TableRound

TOKEN_MAX_LENGTH = 100
# Persons one "invite all matching" may add at once.
INVITE_ALL_LIMIT = 500


def _choice(query, name: str, allowed: Iterable[str]) -> str:
    value = query.get(name, "").strip()
    return value if value in allowed else ""


def _number(query, name: str) -> int | None:
    value = query.get(name, "").strip()
    return int(value) if value.isdigit() else None


# ---------------------------------------------------------------------------------- events


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
            project=_number(query, "project"),
            kind=_choice(query, "kind", EventKind.values),
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
        ),
        waitlisted_count=Count(
            "invitations", filter=Q(invitations__status=InvitationStatus.WAITLISTED)
        ),
    )


def _one(queryset: QuerySet, pk):
    """The row with this pk, or Http404 (also for garbage ids): foreign rows do not exist here."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(queryset.model._meta.verbose_name) from error


def event_detail(*, scope: Scope, pk) -> Event:
    return _one(scope.objects(Event).select_related("project", "created_by"), pk)


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


def event_figures(*, scope: Scope, event: Event) -> EventFigures:
    """How many were invited, answered how, and came; one query."""
    by_status = {
        name: Count("pk", filter=Q(status=status))
        for name, status in (
            ("unanswered", InvitationStatus.INVITED),
            ("registered", InvitationStatus.REGISTERED),
            ("waitlisted", InvitationStatus.WAITLISTED),
            ("declined", InvitationStatus.DECLINED),
            ("cancelled", InvitationStatus.CANCELLED),
        )
    }
    counts = (
        scope.objects(Invitation)
        .filter(event=event)
        .aggregate(
            invited=Count("pk"),
            checked_in=Count("pk", filter=Q(checked_in_at__isnull=False)),
            **by_status,
        )
    )
    return EventFigures(**counts)


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


# ----------------------------------------------------------------------------- invitations


@dataclass(frozen=True)
class InvitationFilter:
    search: str = ""
    status: str = ""
    consent: str = ""  # "yes" or "no"
    attended: str = ""  # "yes" or "no"

    @classmethod
    def from_query(cls, query) -> "InvitationFilter":
        return cls(
            search=query.get("search", "").strip()[:100],
            status=_choice(query, "status", InvitationStatus.values),
            consent=_choice(query, "consent", ("yes", "no")),
            attended=_choice(query, "attended", ("yes", "no")),
        )

    @property
    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self))


def invitation_prefetches(*, scope: Scope) -> list:
    """Prefetches for showing invited persons with their organisations and e-mails."""
    today = timezone.localdate()
    current = Q(end_date__isnull=True) | Q(end_date__gte=today)
    return [
        Prefetch(
            "person__functions",
            queryset=scope.objects(Function).filter(current).select_related("organisation"),
        ),
        Prefetch("person__emails", queryset=scope.objects(EmailAddress)),
    ]


def invitation_list(
    *, scope: Scope, event: Event, filters: InvitationFilter = InvitationFilter()
) -> QuerySet[Invitation]:
    """The event's invitations by the person's name, filtered; persons joined in."""
    queryset = scope.objects(Invitation).filter(event=event).select_related("person")
    if filters.search:
        queryset = queryset.filter(person__in=search(scope.objects(Person), filters.search))
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.consent:
        queryset = queryset.filter(photo_consent=filters.consent == "yes")
    if filters.attended:
        queryset = queryset.filter(checked_in_at__isnull=filters.attended == "no")
    return queryset.order_by("person__last_name", "person__first_name", "id")


def invitation_get(*, scope: Scope, pk) -> Invitation:
    return _one(scope.objects(Invitation).select_related("event", "person"), pk)


def waiting_positions(*, event: Event) -> dict[int, int]:
    """Each waiting invitation's position on the waiting list (1 = next to move up)."""
    waiting = Invitation.objects.filter(event=event, status=InvitationStatus.WAITLISTED)
    ids = waiting.order_by("registered_at", "id").values_list("pk", flat=True)
    return {pk: position for position, pk in enumerate(ids, start=1)}


def moved_up_ids(*, scope: Scope, event: Event) -> set[int]:
    """Invitations of the event that moved up from the waiting list (from the activity log)."""
    return set(
        scope.objects(ActivityEntry)
        .filter(
            content_type=ContentType.objects.get_for_model(Invitation),
            object_id__in=scope.objects(Invitation).filter(event=event).values("pk"),
            details__moved_up=1,
        )
        .values_list("object_id", flat=True)
    )


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation a link's token opens, None for an unknown token.

    Deliberately unscoped: the token is what identifies the invitation and its workspace.
    """
    if not token or len(token) > TOKEN_MAX_LENGTH:
        return None
    hashed = hashlib.sha256(token.encode()).hexdigest()
    return (
        Invitation.objects.select_related("event", "person", "workspace")
        .filter(token_hash=hashed)
        .first()
    )


def organisation_name(person: Person) -> str:
    """The organisation of the person's first current function (prefetched), or ""."""
    functions = list(person.functions.all())
    return functions[0].organisation.name if functions else ""


def first_email(person: Person) -> str:
    emails = list(person.emails.all())
    return emails[0].address if emails else ""


def checkin_list(*, scope: Scope, event: Event) -> list[Invitation]:
    """Who may arrive: registered, waiting or already checked in; by name, organisations joined."""
    queryset = (
        invitation_list(scope=scope, event=event)
        .filter(
            Q(status__in=(InvitationStatus.REGISTERED, InvitationStatus.WAITLISTED))
            | Q(checked_in_at__isnull=False)
        )
        .prefetch_related(*invitation_prefetches(scope=scope))
    )
    return list(queryset)


def participant_table(
    invitations: QuerySet[Invitation], *, positions: dict[int, int]
) -> tuple[list[str], Iterable[list]]:
    """The participants list as a table for CSV (invitations with `invitation_prefetches`)."""
    headers = [
        _("Last name"), _("First name"), _("Organisation"), _("E-mail address"), _("Status"),
        _("Waiting list position"), _("Registered at"), _("Dietary requirements"),
        _("Accessibility needs"), _("Photo consent"), _("Photo consent given at"),
        _("Checked in at"),
    ]  # fmt: skip

    def moment(value: dt.datetime | None) -> str:
        return (
            formats.date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT") if value else ""
        )

    def rows():
        for invitation in invitations:
            person = invitation.person
            yield [
                person.last_name,
                person.first_name,
                organisation_name(person),
                first_email(person),
                invitation.get_status_display(),
                positions.get(invitation.pk, ""),
                moment(invitation.registered_at),
                invitation.dietary_notes,
                invitation.accessibility_notes,
                _("yes") if invitation.photo_consent else _("no"),
                moment(invitation.photo_consent_at),
                moment(invitation.checked_in_at),
            ]

    return headers, rows()


# ------------------------------------------------------------------- whom to invite


@dataclass(frozen=True)
class InviteeFilter:
    search: str = ""
    tag: str = ""
    kind: str = ""  # kind of an organisation the person works at
    network: str = ""  # "team": persons with a tie to someone in the project team
    connected_to: int | None = None  # an organisation: a tie to it or to someone working there

    @classmethod
    def from_query(cls, query) -> "InviteeFilter":
        return cls(
            search=query.get("search", "").strip()[:100],
            tag=query.get("tag", "").strip()[:100],
            kind=query.get("kind", "").strip()[:50],
            network=_choice(query, "network", ("team",)),
            connected_to=_number(query, "connected_to"),
        )


def invitee_candidates(
    *, scope: Scope, event: Event, filters: InviteeFilter = InviteeFilter()
) -> QuerySet[Person]:
    """Persons not yet invited to the event, filtered by tag, organisation kind and network."""
    queryset = person_list(
        scope=scope, filters=PersonFilter(search=filters.search, kind=filters.kind, tag=filters.tag)
    ).exclude(pk__in=scope.objects(Invitation).filter(event=event).values("person"))
    if filters.network == "team":
        queryset = queryset.filter(_tie_to_persons(scope, team_person_ids(scope=scope)))
    if filters.connected_to is not None:
        workers = (
            scope.objects(Function)
            .filter(organisation_id=filters.connected_to)
            .filter(Q(end_date__isnull=True) | Q(end_date__gte=timezone.localdate()))
            .values("person")
        )
        ties = scope.objects(Tie)
        to_organisation = Q(
            pk__in=ties.filter(target_organisation_id=filters.connected_to).values("source_person")
        ) | Q(
            pk__in=ties.filter(source_organisation_id=filters.connected_to).values("target_person")
        )
        queryset = queryset.filter(to_organisation | _tie_to_persons(scope, workers))
    return queryset


def _tie_to_persons(scope: Scope, persons) -> Q:
    """Persons with a person–person tie (either direction) to one of `persons` (ids or a query)."""
    ties = scope.objects(Tie)
    return Q(pk__in=ties.filter(source_person_id__in=persons).values("target_person")) | Q(
        pk__in=ties.filter(target_person_id__in=persons).values("source_person")
    )


def network_organisations(*, scope: Scope) -> QuerySet[Organisation]:
    """Organisations to choose for "connected to": the partners, not the many companies."""
    return scope.objects(Organisation).exclude(kind="company").order_by("name")


# ------------------------------------------------------------------------------ calendar


def calendar_entry(
    *, event: Event, programme: Iterable[ProgrammeItem], attendee: Person | None = None
) -> ics.CalendarEntry:
    """The event as a calendar entry; with `attendee`, that person's own entry.

    The description holds the event's description and the programme; a
    participant's entry adds their World-Café tables once the plan exists.
    """
    parts = [event.description.strip()]
    lines = [_programme_line(item) for item in programme]
    if lines:
        parts.append(_("Programme") + ":\n" + "\n".join(lines))
    attendees = ()
    if attendee is not None:
        tables = _tables_of(event=event, person=attendee)
        if tables:
            parts.append(_("Your World Café tables") + ":\n" + "\n".join(tables))
        attendees = (ics.Attendee(name=attendee.full_name, email=first_email(attendee)),)
    return ics.CalendarEntry(
        uid=ics.event_uid(event_id=event.pk, workspace_id=event.workspace_id),
        title=event.title,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
        place=event.place,
        online_link=event.online_link,
        description="\n\n".join(part for part in parts if part),
        organiser=event.workspace.name,
        last_modified=event.updated_at,
        attendees=attendees,
    )


def _programme_line(item: ProgrammeItem) -> str:
    start = formats.time_format(timezone.localtime(item.starts_at), "H:i")
    time = start
    if item.ends_at:
        time += "–" + formats.time_format(timezone.localtime(item.ends_at), "H:i")
    speakers = ", ".join(person.full_name for person in item.speakers.all())
    line = f"{time} {item.title}"
    if speakers:
        line += f" ({speakers})"
    if item.room:
        line += f", {item.room}"
    return line


def _tables_of(*, event: Event, person: Person) -> list[str]:
    rounds = (
        TableRound.objects.filter(
            table__world_cafe__event=event, participants__person=person, workspace=event.workspace
        )
        .select_related("table", "topic")
        .order_by("round", "table__number")
    )
    lines = []
    for table_round in rounds:
        line = _("Round %(round)s: table %(table)s") % {
            "round": table_round.round,
            "table": table_round.table.number,
        }
        if table_round.topic:
            line += f" – {table_round.topic.title}"
        lines.append(line)
    return lines
