"""The public registration page: no login, the link's token opens one invitation.

The token grants exactly this: the event as invited persons see it (title,
time, place, programme; the online link once registered) and the person's own
answer, notes and photo consent. For any token that opens no invitation the
pages answer the same neutral 404 and say nothing about why; each client
address may try only a few unknown tokens before it is held off (429), as on
the partner survey's pages.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.throttle import Throttle, client_address

from .. import selectors, services
from ..enums import InvitationStatus
from ..forms import ConsentForm, RegistrationForm, RegistrationUpdateForm
from ..models import Invitation
from ..services.waiting_list import HOLDING
from .events import calendar_response

# Unknown tokens one client address may present within the window before it waits.
UNKNOWN_TOKENS_ALLOWED = 20
UNKNOWN_TOKENS = Throttle("event-registration-unknown-tokens", allowed=UNKNOWN_TOKENS_ALLOWED)


def _private(response: HttpResponse) -> HttpResponse:
    """Keep the page (and the token in its address) out of search engines and other sites.

    Links to other sites (the online meeting) carry no referrer: the default policy
    "same-origin" (SecurityMiddleware) sends none across sites. Not "no-referrer":
    browsers would then send "Origin: null" with the form, which fails the CSRF check.
    """
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def _invitation(request, token: str) -> Invitation | HttpResponse:
    """The invitation the token opens, or the neutral page that says there is none."""
    if UNKNOWN_TOKENS.held_off(client_address(request)):
        return _unknown(request, throttled=True)
    invitation = selectors.invitation_by_token(token=token)
    if invitation is None:
        UNKNOWN_TOKENS.hit(client_address(request))
        return _unknown(request)
    return invitation


def _unknown(request, *, throttled: bool = False) -> HttpResponse:
    response = render(
        request,
        "events/registration_unknown.html",
        {"throttled": throttled},
        status=429 if throttled else 404,
    )
    return _private(response)


@never_cache
def registration(request, token: str):
    invitation = _invitation(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    event = invitation.event
    now = timezone.now()
    started = now >= event.starts_at
    holding = invitation.status in HOLDING
    if started:
        mode, form_class = "consent", ConsentForm
    elif holding:
        mode, form_class = "update", RegistrationUpdateForm
    elif selectors.registration_is_open(event, now=now):
        mode, form_class = "answer", RegistrationForm
    else:
        mode, form_class = "closed", None
    form = None
    if form_class is not None:
        initial = {
            "dietary_notes": invitation.dietary_notes,
            "accessibility_notes": invitation.accessibility_notes,
            "photo_consent": invitation.photo_consent,
        }
        form = form_class(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            _submit(invitation, mode, form)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you, your answer has been saved."))
            return redirect("events:registration", token=token)
    invitation.refresh_from_db()
    context = {
        "invitation": invitation,
        "event": event,
        "person": invitation.person,
        "programme": _programme(invitation),
        "mode": mode,
        "form": form,
        "token": token,
        "position": selectors.waiting_positions(event=event).get(invitation.pk),
        "has_ended": services.event_has_ended(event, now=now),
    }
    return _private(render(request, "events/registration_page.html", context))


def _submit(invitation: Invitation, mode: str, form) -> None:
    data = form.cleaned_data
    if mode == "consent":
        services.registration_consent_set(
            invitation=invitation, photo_consent=data["photo_consent"]
        )
        return
    services.registration_submit(
        invitation=invitation,
        attend=form.attend() if mode == "answer" else True,
        dietary_notes=data["dietary_notes"],
        accessibility_notes=data["accessibility_notes"],
        photo_consent=data["photo_consent"],
    )


def _programme(invitation: Invitation):
    """The programme as the invited person sees it (speakers by name only, in the template)."""
    scope = Scope.system(invitation.workspace)
    return selectors.programme_items(scope=scope, event=invitation.event)


@never_cache
@require_POST
def registration_cancel(request, token: str):
    invitation = _invitation(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    try:
        services.registration_cancel(invitation=invitation)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your registration has been cancelled."))
    return redirect("events:registration", token=token)


@never_cache
@require_GET
def registration_event_ics(request, token: str):
    """The event's calendar file, for registered participants."""
    return _calendar(request, token, personal=False)


@never_cache
@require_GET
def registration_personal_ics(request, token: str):
    """The participant's own calendar entry: with them as attendee and their World-Café tables."""
    return _calendar(request, token, personal=True)


def _calendar(request, token: str, *, personal: bool) -> HttpResponse:
    invitation = _invitation(request, token)
    if isinstance(invitation, HttpResponse):
        return invitation
    if invitation.status != InvitationStatus.REGISTERED:
        return _unknown(request)
    programme = _programme(invitation)
    entry = selectors.calendar_entry(
        event=invitation.event,
        programme=programme,
        attendee=invitation.person if personal else None,
    )
    filename = "mein-termin.ics" if personal else "veranstaltung.ics"
    return _private(calendar_response(entry, filename=filename))
