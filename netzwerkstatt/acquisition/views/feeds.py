"""The personal calendar feed: the page to create or renew its address, and the feed.

The feed (`/akquise/kalender/<token>.ics`) needs no login, because calendar apps
subscribe to it without one; the token opens the follow-ups and next steps of one
user in one workspace, while that user is in the team, and nothing else. For any
token that opens no feed it answers the same 404; each client address may present
only a few unknown tokens within ten minutes before it is held off (429), as on the
events' public pages.
"""

import datetime as dt
from dataclasses import dataclass

import icalendar
from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.throttle import Throttle, client_address

from .. import selectors, services

CONTENT_TYPE = "text/calendar; charset=utf-8"
PRODUCT_ID = "-//Netzwerkstatt//Akquise//DE"
# Unknown tokens one client address may present within ten minutes before it waits.
UNKNOWN_TOKENS = Throttle("acquisition-feed-unknown-tokens", allowed=20)
# Calendar apps that honour it fetch the feed again after this long.
REFRESH = dt.timedelta(hours=1)
_SESSION_KEY = "acquisition-calendar-feed-token"


# ---------------------------------------------------------------------- the user's page


@scoped_view(permission="view_acquisition")
def calendar_feed(request):
    """The feed's address right after it was made (shown once: only its hash is stored)."""
    token = request.session.pop(_SESSION_KEY, None)
    address = (
        request.build_absolute_uri(reverse("acquisition:calendar_feed_ics", args=[token]))
        if token
        else ""
    )
    context = {
        "feed": selectors.feed_of_user(scope=request.scope),
        "address": address,
        "webcal": address.replace("https://", "webcal://").replace("http://", "webcal://"),
    }
    return render(request, "acquisition/feed_page.html", context)


@require_POST
@scoped_view(permission="view_acquisition")
def calendar_feed_renew(request):
    had_one = selectors.feed_of_user(scope=request.scope) is not None
    request.session[_SESSION_KEY] = services.calendar_feed_renew(scope=request.scope)
    messages.success(
        request,
        _("A new address has been created; the old one no longer works.")
        if had_one
        else _("Your calendar feed has been created."),
    )
    return redirect("acquisition:calendar_feed")


@require_POST
@scoped_view(permission="view_acquisition")
def calendar_feed_delete(request):
    if services.calendar_feed_delete(scope=request.scope):
        messages.success(request, _("Your calendar feed has been switched off."))
    return redirect("acquisition:calendar_feed")


# --------------------------------------------------------------------- the public feed


@never_cache
@require_GET
def calendar_feed_ics(request, token: str):
    if UNKNOWN_TOKENS.held_off(client_address(request)):
        return HttpResponse(status=429)
    scope = selectors.feed_scope(token_hash=services.feed_token_hash(token))
    if scope is None:
        UNKNOWN_TOKENS.hit(client_address(request))
        raise Http404
    follow_ups, next_steps = selectors.feed_items(scope=scope)
    with translation.override(settings.LANGUAGE_CODE):
        entries = [_follow_up_entry(request, scope, a) for a in follow_ups] + [
            _next_step_entry(request, scope, a) for a in next_steps
        ]
        name = _("Follow-ups · %(workspace)s") % {"workspace": scope.workspace.name}
    response = HttpResponse(
        feed_calendar(entries, name=name, stamp=timezone.now()), content_type=CONTENT_TYPE
    )
    response["Content-Disposition"] = 'inline; filename="nachfassen.ics"'
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    return response


@dataclass(frozen=True)
class FeedEntry:
    """One all-day entry of the feed; `uid` stays the same while the item lives."""

    uid: str
    on: dt.date
    title: str
    description: str
    url: str
    last_modified: dt.datetime | None = None


def feed_calendar(entries: list[FeedEntry], *, name: str, stamp: dt.datetime) -> bytes:
    """The entries as an iCalendar file of all-day events (pure)."""
    events = [
        icalendar.Event.new(
            uid=entry.uid,
            summary=entry.title,
            start=entry.on,
            end=entry.on + dt.timedelta(days=1),
            stamp=stamp.astimezone(dt.UTC),
            description=entry.description or None,
            url=entry.url or None,
            last_modified=entry.last_modified.astimezone(dt.UTC) if entry.last_modified else None,
            transparency="TRANSPARENT",
        )
        for entry in entries
    ]
    calendar = icalendar.Calendar.new(
        prodid=PRODUCT_ID,
        method="PUBLISH",
        name=name,
        refresh_interval=REFRESH,
        subcomponents=events,
    )
    return calendar.to_ical()


def _follow_up_entry(request, scope: Scope, activity) -> FeedEntry:
    return FeedEntry(
        uid=f"follow-up-{scope.workspace.pk}-{activity.pk}@netzwerkstatt",
        on=activity.follow_up_on,
        title=_("Follow up: %(company)s") % {"company": activity.organisation.name},
        description=_("%(kind)s on %(date)s, project %(project)s")
        % {
            "kind": activity.get_kind_display(),
            "date": activity.occurred_on.strftime("%d.%m.%Y"),
            "project": activity.project.name,
        },
        url=request.build_absolute_uri(reverse("acquisition:today")),
        last_modified=activity.updated_at,
    )


def _next_step_entry(request, scope: Scope, approach) -> FeedEntry:
    return FeedEntry(
        uid=f"next-step-{scope.workspace.pk}-{approach.pk}@netzwerkstatt",
        on=approach.next_step_on,
        title=_("Next step: %(company)s") % {"company": approach.organisation.name},
        description="\n".join(
            part
            for part in (
                approach.next_step,
                _("Project %(project)s, stage “%(stage)s”")
                % {"project": approach.project.name, "stage": approach.stage.name},
            )
            if part
        ),
        url=request.build_absolute_uri(reverse("acquisition:today")),
        last_modified=approach.updated_at,
    )
