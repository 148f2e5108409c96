"""Inviting persons from the contacts, their links, and the participants list (page, CSV, PDF)."""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.contacts.selectors import person_prefetches
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.pdf import render_pdf
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.core.spreadsheet import csv_stream

from .. import selectors, services
from ..enums import InvitationStatus
from ..forms import InvitationFilterForm, InvitationUpdateForm, InviteeFilterForm
from ..models import Event, Invitation

_LINKS_SESSION_KEY = "event_links_{pk}"
PARTICIPANTS_PER_PAGE = 50


# ------------------------------------------------------------------------- participants


@require_GET
@scoped_view(permission="view_events")
def event_participants(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    filters = selectors.InvitationFilter.from_query(request.GET)
    invitations = selectors.invitation_list(scope=request.scope, event=event, filters=filters)
    page = paginate(request, invitations, per_page=PARTICIPANTS_PER_PAGE)
    page.object_list = list(
        page.object_list.prefetch_related(*selectors.invitation_prefetches(scope=request.scope))
    )
    positions = selectors.waiting_positions(event=event)
    moved_up = selectors.moved_up_ids(scope=request.scope, event=event)
    for invitation in page.object_list:
        invitation.position = positions.get(invitation.pk)
        invitation.moved_up = invitation.pk in moved_up
    context = {
        "event": event,
        "page": page,
        "filters": filters,
        "filter_form": InvitationFilterForm(request.GET or None),
        "figures": selectors.event_figures(scope=request.scope, event=event),
        "query": request.GET.urlencode(),
    }
    template = (
        "events/_invitation_results.html" if request.htmx else "events/event_participants.html"
    )
    return render(request, template, context)


@require_GET
@scoped_view(permission="view_events")
def participants_export(request, pk: int):
    """The participants list as filtered, as CSV for German Excel."""
    event = selectors.event_detail(scope=request.scope, pk=pk)
    filters = selectors.InvitationFilter.from_query(request.GET)
    invitations = selectors.invitation_list(
        scope=request.scope, event=event, filters=filters
    ).prefetch_related(*selectors.invitation_prefetches(scope=request.scope))
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        target=event,
        details={"model": "events.invitation", "format": "csv", "count": invitations.count()},
    )
    headers, rows = selectors.participant_table(
        invitations, positions=selectors.waiting_positions(event=event)
    )
    response = StreamingHttpResponse(
        csv_stream(headers, rows), content_type="text/csv; charset=utf-8"
    )
    filename = f"{_('Participants')}-{timezone.localdate(event.starts_at):%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
@scoped_view(permission="view_events")
def participants_pdf(request, pk: int):
    """The printable list for the day: registered participants with a column to sign."""
    event = selectors.event_detail(scope=request.scope, pk=pk)
    invitations = selectors.invitation_list(
        scope=request.scope,
        event=event,
        filters=selectors.InvitationFilter(status=InvitationStatus.REGISTERED),
    ).prefetch_related(*selectors.invitation_prefetches(scope=request.scope))
    context = {
        "event": event,
        "invitations": [
            (invitation, selectors.organisation_name(invitation.person))
            for invitation in invitations
        ],
    }
    pdf = render_pdf("events/participants_pdf.html", context, request=request)
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        target=event,
        details={
            "model": "events.invitation",
            "format": "pdf",
            "count": len(context["invitations"]),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"{_('Participants')}-{timezone.localdate(event.starts_at):%Y-%m-%d}.pdf"
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    return response


# ------------------------------------------------------------------------------ inviting


@scoped_view(permission="change_events")
def invitation_add(request, pk: int):
    """Find persons in the contacts (tag, organisation kind, network) and invite them."""
    event = selectors.event_detail(scope=request.scope, pk=pk)
    if request.method == "POST":
        return _invite(request, event)
    filters = selectors.InviteeFilter.from_query(request.GET)
    candidates = selectors.invitee_candidates(scope=request.scope, event=event, filters=filters)
    page = paginate(request, candidates)
    page.object_list = page.object_list.prefetch_related(*person_prefetches(scope=request.scope))
    context = {
        "event": event,
        "page": page,
        "filters": filters,
        "filter_form": InviteeFilterForm(request.GET or None, scope=request.scope),
        "invite_all_limit": selectors.INVITE_ALL_LIMIT,
    }
    template = (
        "events/_invitation_candidates.html" if request.htmx else "events/invitation_add.html"
    )
    return render(request, template, context)


def _invite(request, event: Event):
    if request.POST.get("all"):
        # Everyone the filters (sent along as hidden fields) match, up to the limit.
        filters = selectors.InviteeFilter.from_query(request.POST)
        candidates = selectors.invitee_candidates(scope=request.scope, event=event, filters=filters)
        persons = list(candidates[: selectors.INVITE_ALL_LIMIT])
    else:
        ids = [value for value in request.POST.getlist("person") if value.isdigit()]
        persons = list(request.scope.objects(Person).filter(pk__in=ids))
    if not persons:
        messages.warning(request, _("Choose at least one person to invite."))
        return redirect("events:invitation_add", pk=event.pk)
    created = services.invitations_create(scope=request.scope, event=event, persons=persons)
    _remember_links(request, event, {invitation.pk: token for invitation, token in created})
    messages.success(
        request,
        ngettext(
            "%(count)s person has been invited.",
            "%(count)s persons have been invited.",
            len(created),
        )
        % {"count": len(created)},
    )
    return redirect("events:invitation_links", pk=event.pk)


@require_GET
@scoped_view(permission="change_events")
def invitation_links(request, pk: int):
    """The links just made, to copy or send by e-mail; shown once (only hashes are stored)."""
    event = selectors.event_detail(scope=request.scope, pk=pk)
    tokens = request.session.pop(_LINKS_SESSION_KEY.format(pk=event.pk), {})
    invitations = (
        selectors.invitation_list(scope=request.scope, event=event)
        .filter(pk__in=[int(key) for key in tokens])
        .prefetch_related(*selectors.invitation_prefetches(scope=request.scope))
    )
    links = []
    for invitation in invitations:
        link = request.build_absolute_uri(
            reverse("events:registration", args=[tokens[str(invitation.pk)]])
        )
        links.append(
            {
                "invitation": invitation,
                "link": link,
                "mailto": _mailto(invitation, link, sender=request.user),
            }
        )
    return render(request, "events/invitation_links.html", {"event": event, "links": links})


def _remember_links(request, event: Event, tokens: dict[int, str]) -> None:
    key = _LINKS_SESSION_KEY.format(pk=event.pk)
    request.session[key] = request.session.get(key, {}) | {str(pk): t for pk, t in tokens.items()}


def _mailto(invitation: Invitation, link: str, *, sender) -> str:
    """A mailto: link with the invitation written out in German (the invitees' language)."""
    event = invitation.event
    person = invitation.person
    address = selectors.first_email(person)
    with translation.override(settings.LANGUAGE_CODE):
        start = timezone.localtime(event.starts_at)
        end = timezone.localtime(event.ends_at)
        when = _("%(date)s, %(start)s to %(end)s") % {
            "date": formats.date_format(start, "DATE_FORMAT"),
            "start": formats.time_format(start, "TIME_FORMAT"),
            "end": formats.time_format(end, "TIME_FORMAT"),
        }
        where = event.place or (_("online") if event.online_link else "")
        subject = _("Invitation: %(title)s") % {"title": event.title}
        parts = [
            _("Hello %(name)s,") % {"name": person.full_name},
            _("we would like to invite you to “%(title)s” on %(when)s.")
            % {"title": event.title, "when": when},
            (_("Place: %(place)s") % {"place": where}) if where else "",
            event.description,
            _("Please let us know through this link whether you will attend (no login needed):"),
            link,
            (
                _("Please answer by %(date)s.")
                % {
                    "date": formats.date_format(
                        timezone.localtime(event.registration_deadline), "SHORT_DATE_FORMAT"
                    )
                }
            )
            if event.registration_deadline
            else "",
            _("Kind regards") + "\n" + (sender.get_full_name() or sender.email),
        ]
    body = "\n\n".join(part for part in parts if part)
    return f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(body)}"


# ------------------------------------------------------------------- one invitation


@scoped_view(permission="change_events")
def invitation_update(request, pk: int):
    invitation = selectors.invitation_get(scope=request.scope, pk=pk)
    initial = {
        "dietary_notes": invitation.dietary_notes,
        "accessibility_notes": invitation.accessibility_notes,
        "photo_consent": invitation.photo_consent,
    }
    form = InvitationUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        waiting_before = set(selectors.waiting_positions(event=invitation.event))
        try:
            updated = services.invitation_update(
                scope=request.scope,
                invitation=invitation,
                attend=form.attend(),
                dietary_notes=form.cleaned_data["dietary_notes"],
                accessibility_notes=form.cleaned_data["accessibility_notes"],
                photo_consent=form.cleaned_data["photo_consent"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if updated.status == InvitationStatus.WAITLISTED and form.attend():
                messages.warning(
                    request, _("The event is full: the person is on the waiting list.")
                )
            else:
                messages.success(request, _("Your changes have been saved."))
            waiting_after = set(selectors.waiting_positions(event=invitation.event))
            moved = (
                selectors.invitation_list(scope=request.scope, event=invitation.event)
                .filter(pk__in=waiting_before - waiting_after - {invitation.pk})
                .filter(status=InvitationStatus.REGISTERED)
            )
            _report_moved_up(request, list(moved))
            return redirect("events:event_participants", pk=invitation.event_id)
    context = {
        "invitation": invitation,
        "event": invitation.event,
        "form": form,
        "position": selectors.waiting_positions(event=invitation.event).get(invitation.pk),
    }
    return render(request, "events/invitation_form.html", context)


@require_POST
@scoped_view(permission="change_events")
def invitation_link_renew(request, pk: int):
    invitation = selectors.invitation_get(scope=request.scope, pk=pk)
    token = services.invitation_link_renew(scope=request.scope, invitation=invitation)
    _remember_links(request, invitation.event, {invitation.pk: token})
    messages.success(request, _("A new link has been created; the old one no longer works."))
    return redirect("events:invitation_links", pk=invitation.event_id)


@scoped_view(permission="change_events")
def invitation_delete(request, pk: int):
    invitation = selectors.invitation_get(scope=request.scope, pk=pk)
    if request.method == "POST":
        moved = services.invitation_delete(scope=request.scope, invitation=invitation)
        messages.success(
            request, _("The invitation of %(name)s has been removed.") % {"name": invitation.person}
        )
        _report_moved_up(request, moved)
        return redirect("events:event_participants", pk=invitation.event_id)
    return render(request, "events/invitation_confirm_delete.html", {"invitation": invitation})


def _report_moved_up(request, moved: list[Invitation]) -> None:
    if moved:
        names = ", ".join(str(invitation.person) for invitation in moved)
        messages.info(
            request,
            _("Moved up from the waiting list: %(names)s. Please let them know.")
            % {"names": names},
        )
