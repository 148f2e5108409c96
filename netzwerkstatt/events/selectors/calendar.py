"""Events as calendar entries (the pure writing is `events.ics`)."""

from collections.abc import Iterable

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person

from .. import ics
from ..models import Event, ProgrammeItem, TableRound
from .invitations import first_email


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
