"""iCalendar files (RFC 5545) for an event: pure, no ORM or request code.

One VEVENT per file. Its UID is stable per event, so importing the event's file
and later a participant's file updates the same calendar entry instead of adding
a second. Times are written in Europe/Berlin with a VTIMEZONE, which calendar
programs need to show them right across daylight-saving changes.
"""

import datetime as dt
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

import icalendar

BERLIN = ZoneInfo("Europe/Berlin")
CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Netzwerkstatt//Veranstaltungen//DE"


@dataclass(frozen=True)
class Attendee:
    name: str
    email: str = ""


@dataclass(frozen=True)
class CalendarEntry:
    """What a calendar entry says about an event; `description` is plain text with line breaks."""

    uid: str
    title: str
    starts_at: dt.datetime
    ends_at: dt.datetime
    place: str = ""
    online_link: str = ""
    description: str = ""
    organiser: str = ""
    last_modified: dt.datetime | None = None
    attendees: tuple[Attendee, ...] = field(default_factory=tuple)


def event_uid(*, event_id: int, workspace_id: int, domain: str = "netzwerkstatt") -> str:
    """The event's UID: the same for every file of this event, different for every event."""
    return f"event-{workspace_id}-{event_id}@{domain}"


def calendar_file(entry: CalendarEntry, *, stamp: dt.datetime) -> bytes:
    """The entry as an .ics file; `stamp` is when the file was made (DTSTAMP, UTC)."""
    for moment in (entry.starts_at, entry.ends_at, stamp):
        if moment.tzinfo is None:
            raise ValueError("Calendar times must be timezone-aware.")
    location = ", ".join(part for part in (entry.place, entry.online_link) if part)
    event = icalendar.Event.new(
        uid=entry.uid,
        summary=entry.title,
        start=entry.starts_at.astimezone(BERLIN),
        end=entry.ends_at.astimezone(BERLIN),
        stamp=stamp.astimezone(dt.UTC),
        location=location or None,
        description=entry.description or None,
        url=entry.online_link or None,
        # A calendar address is a URI: attendees without an e-mail address are left out.
        attendees=[_address(a) for a in entry.attendees if a.email] or None,
        last_modified=entry.last_modified.astimezone(dt.UTC) if entry.last_modified else None,
    )
    if entry.organiser:
        # Without an e-mail address the organiser can only be named, which
        # ORGANIZER (a calendar address) cannot do; CONTACT can.
        event.add("contact", entry.organiser)
    calendar = icalendar.Calendar.new(
        prodid=PRODUCT_ID, method="PUBLISH", uid=f"calendar-{entry.uid}", subcomponents=[event]
    )
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _address(attendee: Attendee) -> icalendar.vCalAddress:
    address = icalendar.vCalAddress(f"mailto:{attendee.email}")
    address.params["CN"] = attendee.name
    address.params["ROLE"] = "REQ-PARTICIPANT"
    return address
