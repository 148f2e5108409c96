"""Network meetings ("Netzwerktreffen"): minutes, attendance and decisions.

A meeting may be linked to the event it was held as (an event of the same
workspace); its attendance can then be taken from the event's check-in.
"""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.events.models import Event, Invitation

from ..models import Decision, Meeting, Network

MEETING_FIELDS = ("title", "held_on", "agenda", "minutes", "event")


@transaction.atomic
def meeting_create(
    *,
    scope: Scope,
    network: Network,
    title: str,
    held_on: dt.date,
    agenda: str = "",
    minutes: str = "",
    event: Event | None = None,
    attendees: Iterable[Person] = (),
) -> Meeting:
    """Record a meeting of the network with its attendance."""
    require(scope, "change_steering")
    check_workspace(scope, network)
    attendees = list(attendees)
    meeting = Meeting(
        workspace=scope.workspace,
        network=network,
        title=title.strip(),
        held_on=held_on,
        agenda=agenda.strip(),
        minutes=minutes.strip(),
        event=event,
        created_by=scope.user,
    )
    _clean(scope, meeting, attendees)
    meeting.save()
    meeting.attendees.set(attendees)
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=meeting,
        details={"participants": len(attendees)},
    )
    return meeting


@transaction.atomic
def meeting_update(
    *, scope: Scope, meeting: Meeting, attendees: Iterable[Person] | None = None, **fields
) -> Meeting:
    """Change a meeting's fields and, when given, its attendance; logs the changed names."""
    require(scope, "change_steering")
    check_workspace(scope, meeting)
    unknown = set(fields) - set(MEETING_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {sorted(unknown)}")
    fields = {
        name: value.strip() if isinstance(value, str) else value for name, value in fields.items()
    }
    changed = [name for name, value in fields.items() if getattr(meeting, name) != value]
    for name in changed:
        setattr(meeting, name, fields[name])
    attendees = list(attendees) if attendees is not None else None
    _clean(scope, meeting, attendees or [])
    meeting.save()
    if attendees is not None:
        before = set(meeting.attendees.values_list("pk", flat=True))
        if {person.pk for person in attendees} != before:
            meeting.attendees.set(attendees)
            changed.append("attendees")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=meeting, details={"fields": changed}
        )
    return meeting


@transaction.atomic
def meeting_delete(*, scope: Scope, meeting: Meeting) -> None:
    """Delete a meeting with its decisions; its action items stay with the network."""
    require(scope, "change_steering")
    check_workspace(scope, meeting)
    activity_record(scope=scope, action=Action.DELETED, target=meeting)
    meeting.delete()


@transaction.atomic
def meeting_attendance_from_event(*, scope: Scope, meeting: Meeting) -> int:
    """Add the persons checked in at the meeting's event to its attendance; returns how
    many were added (those already recorded stay, nobody is removed)."""
    require(scope, "change_steering")
    check_workspace(scope, meeting)
    if meeting.event_id is None:
        raise ValidationError(_("This meeting is not linked to an event."))
    checked_in = set(
        scope.objects(Invitation)
        .filter(event_id=meeting.event_id, checked_in_at__isnull=False)
        .values_list("person_id", flat=True)
    )
    added = checked_in - set(meeting.attendees.values_list("pk", flat=True))
    if added:
        meeting.attendees.add(*added)
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=meeting,
            details={"fields": ["attendees"], "participants": len(added)},
        )
    return len(added)


@transaction.atomic
def decision_add(*, scope: Scope, meeting: Meeting, text: str) -> Decision:
    """Record a decision of the meeting; decisions keep the order they were added in."""
    require(scope, "change_steering")
    check_workspace(scope, meeting)
    decision = Decision(workspace=scope.workspace, meeting=meeting, text=text.strip())
    try:
        decision.full_clean()
    except ValidationError as error:
        raise ValidationError({"text": [_("Write down the decision.")]}) from error
    decision.save()
    activity_record(scope=scope, action=Action.CREATED, target=decision)
    return decision


@transaction.atomic
def decision_delete(*, scope: Scope, decision: Decision) -> None:
    require(scope, "change_steering")
    check_workspace(scope, decision)
    activity_record(scope=scope, action=Action.DELETED, target=decision)
    decision.delete()


def _clean(scope: Scope, meeting: Meeting, attendees: list[Person]) -> None:
    """Validate with clear messages; the event and the attendees must be this workspace's."""
    errors = {}
    try:
        meeting.full_clean(exclude=["event"], validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    if meeting.event is not None and meeting.event.workspace_id != scope.workspace.pk:
        errors.setdefault("event", []).append(_("Choose an event of this workspace."))
    if any(person.workspace_id != scope.workspace.pk for person in attendees):
        errors.setdefault("attendees", []).append(
            _("Choose persons of this workspace as attendees.")
        )
    if errors:
        raise ValidationError(errors)
