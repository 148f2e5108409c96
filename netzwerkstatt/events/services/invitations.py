"""Invitations: links, the invited person's answer, the organiser's changes, check-in.

Each invitation has a link with a random token; only the token's SHA-256 is
stored, so the database alone opens no registration page. The raw token is
returned once, when it is made, for the organiser to send.

The public services (`registration_*`) take no scope: the token has identified
the invitation, and through it the workspace. They act as the system (no user)
and log IDs and field names only.
"""

import datetime as dt
import hashlib
import secrets
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import InvitationStatus
from ..models import Event, Invitation
from ..selectors import registration_is_open
from .common import check_workspace, require
from .waiting_list import HOLDING, event_locked, seat_or_wait, waiting_list_move_up

_TOKEN_BYTES = 32  # 256 bits: guessing is hopeless; throttling only keeps the noise down
NOTE_FIELDS = ("dietary_notes", "accessibility_notes")


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _new_token() -> tuple[str, str]:
    raw = secrets.token_urlsafe(_TOKEN_BYTES)
    return raw, token_hash(raw)


# ---------------------------------------------------------------------- the organiser's


@transaction.atomic
def invitations_create(
    *, scope: Scope, event: Event, persons: Iterable[Person]
) -> list[tuple[Invitation, str]]:
    """Invite the persons not invited yet; return each new invitation with its raw token."""
    require(scope, "change_events")
    check_workspace(scope, event)
    invited = set(event.invitations.values_list("person_id", flat=True))
    created = []
    for person in persons:
        check_workspace(scope, person)
        if person.pk in invited:
            continue
        invited.add(person.pk)
        raw, hashed = _new_token()
        invitation = Invitation(
            workspace=scope.workspace, event=event, person=person, token_hash=hashed
        )
        # Uniqueness is ours to keep (the set above, random tokens): no query per row.
        invitation.full_clean(validate_unique=False, validate_constraints=False)
        created.append((invitation, raw))
    Invitation.objects.bulk_create([invitation for invitation, _raw in created])
    if created:
        activity_record(
            scope=scope,
            action=Action.CREATED,
            target=event,
            details={"model": "events.invitation", "count": len(created)},
        )
    return created


@transaction.atomic
def invitation_link_renew(*, scope: Scope, invitation: Invitation) -> str:
    """A new link for the invitation; the old one stops working. Returns the raw token."""
    require(scope, "change_events")
    check_workspace(scope, invitation)
    raw, invitation.token_hash = _new_token()
    invitation.save(update_fields=["token_hash"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=invitation, details={"fields": ["token_hash"]}
    )
    return raw


@transaction.atomic
def invitation_delete(*, scope: Scope, invitation: Invitation) -> list[Invitation]:
    """Remove the invitation; a place it held goes to the waiting list. Returns who moved up."""
    require(scope, "change_events")
    check_workspace(scope, invitation)
    event = event_locked(invitation.event)
    activity_record(scope=scope, action=Action.DELETED, target=invitation)
    held_place = invitation.status == InvitationStatus.REGISTERED
    invitation.delete()
    return waiting_list_move_up(scope=scope, event=event) if held_place else []


@transaction.atomic
def invitation_update(
    *,
    scope: Scope,
    invitation: Invitation,
    attend: bool | None = None,
    dietary_notes: str | None = None,
    accessibility_notes: str | None = None,
    photo_consent: bool | None = None,
    now: dt.datetime | None = None,
) -> Invitation:
    """The organiser records an answer given by phone, e-mail or on paper.

    Same rules as the person's own answer (places, waiting list, consent with its
    time), except that the organiser may still register someone after the
    registration has closed. None leaves a value as it is.
    """
    require(scope, "change_events")
    check_workspace(scope, invitation)
    return _answer(
        scope=scope,
        invitation=invitation,
        attend=attend,
        notes={"dietary_notes": dietary_notes, "accessibility_notes": accessibility_notes},
        photo_consent=photo_consent,
        now=now or timezone.now(),
        by_organiser=True,
    )


@transaction.atomic
def invitation_check_in(
    *, scope: Scope, invitation: Invitation, now: dt.datetime | None = None
) -> Invitation:
    """Mark the person as present; someone who turns up holds a place from now on."""
    require(scope, "change_events")
    check_workspace(scope, invitation)
    if invitation.checked_in_at is not None:
        return invitation
    now = now or timezone.now()
    changed = ["checked_in_at"]
    invitation.checked_in_at = now
    if invitation.status != InvitationStatus.REGISTERED:
        invitation.status = InvitationStatus.REGISTERED
        invitation.registered_at = invitation.registered_at or now
        changed += ["status", "registered_at"]
    invitation.save(update_fields=changed)
    activity_record(
        scope=scope, action=Action.UPDATED, target=invitation, details={"fields": changed}
    )
    return invitation


@transaction.atomic
def invitation_check_in_undo(*, scope: Scope, invitation: Invitation) -> Invitation:
    require(scope, "change_events")
    check_workspace(scope, invitation)
    if invitation.checked_in_at is None:
        return invitation
    invitation.checked_in_at = None
    invitation.save(update_fields=["checked_in_at"])
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=invitation,
        details={"fields": ["checked_in_at"]},
    )
    return invitation


# ----------------------------------------------------------- the invited person's (public)


@transaction.atomic
def registration_submit(
    *,
    invitation: Invitation,
    attend: bool,
    dietary_notes: str = "",
    accessibility_notes: str = "",
    photo_consent: bool = False,
    now: dt.datetime | None = None,
) -> Invitation:
    """The person's answer through their link: attend or not, notes, photo consent.

    Attending takes a place, or a position on the waiting list when the event is
    full; not attending declines, or cancels a registration (the first on the
    waiting list moves up). Only while the registration is open may someone
    register; a registered person may change notes and consent until the event
    begins.
    """
    now = now or timezone.now()
    if now >= invitation.event.starts_at:
        raise ValidationError(_("The event has begun: answers can no longer be changed."))
    return _answer(
        scope=Scope.system(invitation.workspace),
        invitation=invitation,
        attend=attend,
        notes={"dietary_notes": dietary_notes, "accessibility_notes": accessibility_notes},
        photo_consent=photo_consent,
        now=now,
        by_organiser=False,
    )


@transaction.atomic
def registration_cancel(*, invitation: Invitation, now: dt.datetime | None = None) -> Invitation:
    """The person cancels through their link; their place goes to the waiting list."""
    now = now or timezone.now()
    if now >= invitation.event.starts_at:
        raise ValidationError(_("The event has begun: answers can no longer be changed."))
    event_locked(invitation.event)  # always the event first, then the invitation: no deadlock
    _refresh_locked(invitation)
    if invitation.status not in HOLDING:
        raise ValidationError(_("There is no registration to cancel."))
    return _answer(
        scope=Scope.system(invitation.workspace),
        invitation=invitation,
        attend=False,
        notes={},
        photo_consent=None,
        now=now,
        by_organiser=False,
    )


@transaction.atomic
def registration_consent_set(
    *, invitation: Invitation, photo_consent: bool, now: dt.datetime | None = None
) -> Invitation:
    """Give or withdraw photo consent through the link, also after the event."""
    return _answer(
        scope=Scope.system(invitation.workspace),
        invitation=invitation,
        attend=None,
        notes={},
        photo_consent=photo_consent,
        now=now or timezone.now(),
        by_organiser=False,
    )


# ------------------------------------------------------------------------------- the rules


def _refresh_locked(invitation: Invitation) -> None:
    """Reload the caller's invitation, locked: answers to one invitation wait for each other."""
    invitation.refresh_from_db(from_queryset=Invitation.objects.select_for_update())


def _answer(
    *,
    scope: Scope,
    invitation: Invitation,
    attend: bool | None,
    notes: dict,
    photo_consent: bool | None,
    now: dt.datetime,
    by_organiser: bool,
) -> Invitation:
    event = event_locked(invitation.event)
    _refresh_locked(invitation)
    before = {
        name: getattr(invitation, name)
        for name in ("status", "registered_at", *NOTE_FIELDS, "photo_consent", "photo_consent_at")
    }
    gave_up_place = False
    if attend is True and invitation.status not in HOLDING:
        if not by_organiser and not registration_is_open(event, now=now):
            raise ValidationError(_("Registration for this event is closed."))
        seat_or_wait(invitation, event=event, now=now)
    elif attend is False and invitation.status in HOLDING:
        gave_up_place = invitation.status == InvitationStatus.REGISTERED
        invitation.status = InvitationStatus.CANCELLED
    elif attend is False and invitation.status == InvitationStatus.INVITED:
        invitation.status = InvitationStatus.DECLINED
    if invitation.status in HOLDING:
        for name, value in notes.items():
            if value is not None:
                setattr(invitation, name, value.strip())
    else:
        # Who does not come needs no meal or access arrangements: keep nothing of them.
        for name in NOTE_FIELDS:
            setattr(invitation, name, "")
    if photo_consent is not None and photo_consent != invitation.photo_consent:
        invitation.photo_consent = photo_consent
        invitation.photo_consent_at = now if photo_consent else None
    changed = [name for name, value in before.items() if getattr(invitation, name) != value]
    if not changed:
        return invitation
    invitation.full_clean(validate_unique=False, validate_constraints=False)
    invitation.save(update_fields=changed)
    activity_record(
        scope=scope, action=Action.UPDATED, target=invitation, details={"fields": changed}
    )
    if gave_up_place:
        waiting_list_move_up(scope=scope, event=event)
    return invitation
