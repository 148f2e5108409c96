"""Places and the waiting list: who gets a place is decided here, and only here.

Registrations are served in the order they came in (`registered_at`): while the
event has free places a registration takes one, after that it waits. When a
place becomes free (a cancellation, a removed invitation, more places), the
first on the waiting list moves up at once. The event's row is locked while
places are counted, so two registrations at the same moment cannot both take
the last place.
"""

from django.utils import timezone

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import InvitationStatus
from ..models import Event, Invitation

# Statuses that hold a place or a position: what a cancellation gives up.
HOLDING = (InvitationStatus.REGISTERED, InvitationStatus.WAITLISTED)


def event_locked(event: Event) -> Event:
    """The event again, locked for this transaction (PostgreSQL; SQLite locks on write)."""
    return Event.objects.select_for_update().get(pk=event.pk)


def free_places(event: Event) -> int | None:
    """Places left, or None when the event has no limit."""
    if event.capacity is None:
        return None
    taken = Invitation.objects.filter(event=event, status=InvitationStatus.REGISTERED).count()
    return max(event.capacity - taken, 0)


def seat_or_wait(invitation: Invitation, *, event: Event, now=None) -> None:
    """Register the invitation (not saved): a place if one is free, else the waiting list."""
    free = free_places(event)
    invitation.registered_at = now or timezone.now()
    invitation.status = (
        InvitationStatus.REGISTERED if free is None or free > 0 else InvitationStatus.WAITLISTED
    )


def waiting_list_move_up(*, scope: Scope, event: Event) -> list[Invitation]:
    """Give free places to the waiting list, first come first served; return who moved up.

    Each move is logged on the invitation (the organiser sees it in the activity
    log and on the participants page, and tells the person).
    """
    event = event_locked(event)
    free = free_places(event)
    waiting = Invitation.objects.filter(event=event, status=InvitationStatus.WAITLISTED).order_by(
        "registered_at", "id"
    )
    if free is not None:
        waiting = waiting[:free]
    moved = list(waiting)
    for invitation in moved:
        invitation.status = InvitationStatus.REGISTERED
        invitation.save(update_fields=["status"])
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=invitation,
            details={"fields": ["status"], "moved_up": 1},
        )
    return moved
