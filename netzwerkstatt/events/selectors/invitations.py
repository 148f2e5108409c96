"""Reads of invitations, the participants list and whom to invite."""

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, fields

from django.contrib.contenttypes.models import ContentType
from django.db.models import Prefetch, Q, QuerySet
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import EmailAddress, Function, Organisation, Person
from netzwerkstatt.contacts.selectors import PersonFilter, person_list, search
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import Tie
from netzwerkstatt.network.selectors import team_person_ids

from ..enums import InvitationStatus
from ..models import Event, Invitation
from .common import choice, number, one

TOKEN_MAX_LENGTH = 100
# Persons one "invite all matching" may add at once.
INVITE_ALL_LIMIT = 500


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
            status=choice(query, "status", InvitationStatus.values),
            consent=choice(query, "consent", ("yes", "no")),
            attended=choice(query, "attended", ("yes", "no")),
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
    return one(scope.objects(Invitation).select_related("event", "person"), pk)


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
            network=choice(query, "network", ("team",)),
            connected_to=number(query, "connected_to"),
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
