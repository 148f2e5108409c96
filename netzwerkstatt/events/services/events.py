"""Events and their programme: create, change, delete."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..documentation.report import report_token_new
from ..models import Event, ProgrammeItem
from .common import assign, check_workspace, require
from .waiting_list import waiting_list_move_up

EVENT_FIELDS = (
    "project", "title", "kind", "starts_at", "ends_at", "place", "online_link", "capacity",
    "description", "registration_open", "registration_deadline",
)  # fmt: skip
PROGRAMME_FIELDS = ("starts_at", "ends_at", "title", "description", "room")


def _event_clean(event: Event) -> None:
    """Our rules first (German messages on the fields), then the model's own validation."""
    errors = {}
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = _("The event must end after it starts.")
    if event.capacity is not None and event.capacity < 1:
        errors["capacity"] = _("Enter at least 1 place, or leave the field empty for no limit.")
    if (
        event.registration_deadline
        and event.ends_at
        and event.registration_deadline > event.ends_at
    ):
        errors["registration_deadline"] = _("Registration must close before the event ends.")
    if errors:
        raise ValidationError(errors)
    event.full_clean()


@transaction.atomic
def event_create(
    *, scope: Scope, title: str, starts_at: dt.datetime, ends_at: dt.datetime, **fields
) -> Event:
    require(scope, "change_events")
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    check_workspace(scope, fields.get("project"))
    event = Event(
        workspace=scope.workspace,
        title=title.strip(),
        starts_at=starts_at,
        ends_at=ends_at,
        created_by=scope.user,
        report_token=report_token_new(),
        **fields,
    )
    _event_clean(event)
    event.save()
    activity_record(scope=scope, action=Action.CREATED, target=event)
    return event


@transaction.atomic
def event_update(*, scope: Scope, event: Event, **fields) -> Event:
    """Change an event; more places (or no limit) move people up from the waiting list."""
    require(scope, "change_events")
    unknown = set(fields) - set(EVENT_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    check_workspace(scope, fields.get("project"))
    if "title" in fields:
        fields["title"] = fields["title"].strip()
    changed = assign(event, fields)
    if not changed:
        return event
    _event_clean(event)
    event.save()
    activity_record(scope=scope, action=Action.UPDATED, target=event, details={"fields": changed})
    if "capacity" in changed:
        waiting_list_move_up(scope=scope, event=event)
    return event


@transaction.atomic
def event_delete(*, scope: Scope, event: Event) -> None:
    """Delete the event with its programme, invitations and World Café."""
    require(scope, "change_events")
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=event,
        details={"model": "events.invitation", "count": event.invitations.count()},
    )
    event.delete()


# ------------------------------------------------------------------------------ programme


def _check_speakers(scope: Scope, speakers: Iterable[Person]) -> list[Person]:
    speakers = list(speakers)
    for speaker in speakers:
        check_workspace(scope, speaker)
    return speakers


def _item_clean(item: ProgrammeItem) -> None:
    event = item.event
    errors = {}
    if item.starts_at and not event.starts_at <= item.starts_at <= event.ends_at:
        errors["starts_at"] = _("The item must begin during the event.")
    if item.starts_at and item.ends_at:
        if item.ends_at <= item.starts_at:
            errors["ends_at"] = _("The item must end after it begins.")
        elif item.ends_at > event.ends_at:
            errors["ends_at"] = _("The item must end by the end of the event.")
    if errors:
        raise ValidationError(errors)
    item.full_clean()


@transaction.atomic
def programme_item_create(
    *,
    scope: Scope,
    event: Event,
    starts_at: dt.datetime,
    title: str,
    ends_at: dt.datetime | None = None,
    description: str = "",
    room: str = "",
    speakers: Iterable[Person] = (),
) -> ProgrammeItem:
    require(scope, "change_events")
    check_workspace(scope, event)
    speakers = _check_speakers(scope, speakers)
    item = ProgrammeItem(
        workspace=scope.workspace,
        event=event,
        starts_at=starts_at,
        ends_at=ends_at,
        title=title.strip(),
        description=description.strip(),
        room=room.strip(),
    )
    _item_clean(item)
    item.save()
    item.speakers.set(speakers)
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=item,
        details={"event": event.pk, "speakers": len(speakers)},
    )
    return item


@transaction.atomic
def programme_item_update(
    *, scope: Scope, item: ProgrammeItem, speakers: Iterable[Person] | None = None, **fields
) -> ProgrammeItem:
    require(scope, "change_events")
    unknown = set(fields) - set(PROGRAMME_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    for name in ("title", "description", "room"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    changed = assign(item, fields)
    if changed:
        _item_clean(item)
        item.save()
    if speakers is not None:
        speakers = _check_speakers(scope, speakers)
        if {person.pk for person in speakers} != set(item.speakers.values_list("pk", flat=True)):
            item.speakers.set(speakers)
            changed.append("speakers")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=item, details={"fields": changed}
        )
    return item


@transaction.atomic
def programme_item_delete(*, scope: Scope, item: ProgrammeItem) -> None:
    require(scope, "change_events")
    activity_record(scope=scope, action=Action.DELETED, target=item)
    item.delete()
