"""Check-in on the day: one page for a tablet at the entrance.

Everyone expected is on the page at once (registered, waiting, already
present), so searching filters in the browser while typing, without asking the
server. One tap checks a person in or undoes it; with htmx only the row and the
counts change, without JavaScript the page reloads.
"""

from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.contacts.normalise import fold
from netzwerkstatt.core.decorators import scoped_view

from .. import selectors, services


@require_GET
@scoped_view(permission="view_events")
def checkin(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    invitations = selectors.checkin_list(scope=request.scope, event=event)
    rows = [_row(invitation) for invitation in invitations]
    context = {"event": event, "rows": rows, **_counts(invitations)}
    return render(request, "events/checkin.html", context)


@require_POST
@scoped_view(permission="change_events")
def invitation_check_in(request, pk: int):
    """Check in (action "in") or undo (action "undo"); htmx gets the row and the counts."""
    invitation = selectors.invitation_get(scope=request.scope, pk=pk)
    if request.POST.get("action") == "undo":
        services.invitation_check_in_undo(scope=request.scope, invitation=invitation)
    else:
        services.invitation_check_in(scope=request.scope, invitation=invitation)
    if not request.htmx:
        return redirect(reverse("events:checkin", args=[invitation.event_id]) + f"#p{pk}")
    event = invitation.event
    invitations = selectors.checkin_list(scope=request.scope, event=event)
    row = next((_row(i) for i in invitations if i.pk == invitation.pk), None)
    context = {"event": event, "row": row, "oob": True, **_counts(invitations)}
    return render(request, "events/_checkin_row.html", context)


def _row(invitation) -> dict:
    organisation = selectors.organisation_name(invitation.person)
    return {
        "invitation": invitation,
        "organisation": organisation,
        # What the search box matches, folded like the contacts search ("Müller" ~ "mueller").
        "search": fold(f"{invitation.person.full_name} {organisation}"),
    }


def _counts(invitations) -> dict:
    return {
        "checked_in_count": sum(1 for i in invitations if i.checked_in_at),
        "expected_count": len(invitations),
    }
