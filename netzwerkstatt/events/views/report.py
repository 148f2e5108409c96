"""The public event report: no login, the report's token opens it, read-only.

For a token that opens no published report every view answers the same 404 and
says nothing about why; each client address may present only a few unknown
tokens within ten minutes before it is held off (429). Files are served only
through these views, which check the token and, for photos, the publication
rule on every request.
"""

from functools import wraps

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from netzwerkstatt.core.throttle import Throttle, client_address

from ..documentation import report
from ..models import Event
from .documentation import image_response, link_files, presentation_response, report_pdf_response

UNKNOWN_TOKENS = Throttle("event-report-unknown-tokens", allowed=20)


class HeldOffError(Exception):
    pass


def _published_event(request, token: str) -> Event:
    """The event with the published report at this token; else 404 (or 429 when held off)."""
    address = client_address(request)
    if UNKNOWN_TOKENS.held_off(address):
        raise HeldOffError
    event = report.report_event(token=token)
    if event is None:
        UNKNOWN_TOKENS.hit(address)
        raise Http404
    return event


def _public(view):
    """Answer 429 to a held-off client, and keep every answer out of search engines."""

    @wraps(view)
    def wrapper(request, token: str, *args, **kwargs):
        try:
            response = view(request, _published_event(request, token), token, *args, **kwargs)
        except HeldOffError:
            response = HttpResponse(status=429)
        response.headers["X-Robots-Tag"] = "noindex"
        return response

    return never_cache(require_GET(wrapper))


@_public
def report_page(request, event: Event, token: str):
    content = report.report_content(event=event)
    link_files(content, public_token=token)
    context = {
        "content": content,
        "event": event,
        "preview": False,
        "pdf_url": reverse("events:report_pdf", args=[token]),
    }
    return render(request, "events/report.html", context)


@_public
def report_pdf(request, event: Event, token: str):
    return report_pdf_response(event, inline=False)


@_public
def report_photo(request, event: Event, token: str, pk: int):
    photo = report.public_photo(event=event, pk=pk)
    if photo is None:
        raise Http404
    return image_response(photo.image)


@_public
def report_thumbnail(request, event: Event, token: str, pk: int):
    photo = report.public_photo(event=event, pk=pk)
    if photo is None:
        raise Http404
    return image_response(photo.thumbnail)


@_public
def report_presentation(request, event: Event, token: str, pk: int):
    presentation = report.public_presentation(event=event, pk=pk)
    if presentation is None:
        raise Http404
    return presentation_response(presentation)
