"""Meetings of a network: the list, recording and editing a meeting with its attendance,
its decisions (htmx), taking the attendance from the linked event, and the minutes PDF."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.contacts.views.common import person_checkbox_options
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.views import add_service_errors

from .. import exports, selectors, services
from ..enums import ActionStatus
from ..forms import DecisionForm, MeetingForm, MinutesPeriodForm


@require_GET
@scoped_view(permission="view_steering")
def meeting_list(request, pk: int):
    network = selectors.meeting_network_get(scope=request.scope, pk=pk)
    page = paginate(request, selectors.meeting_list(scope=request.scope, network=network))
    return render(
        request,
        "steering/meeting_list.html",
        {"network": network, "page": page, "period_form": MinutesPeriodForm()},
    )


@scoped_view(permission="change_steering")
def meeting_create(request, pk: int):
    scope = request.scope
    network = selectors.meeting_network_get(scope=scope, pk=pk)
    form = MeetingForm(request.POST or None, scope=scope, network=network)
    if request.method == "POST" and form.is_valid():
        fields = form.service_fields()
        try:
            meeting = services.meeting_create(scope=scope, network=network, **fields)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The meeting has been recorded."))
            return redirect(meeting.get_absolute_url())
    return render(
        request, "steering/meeting_form.html", {"form": form, "network": network, "meeting": None}
    )


@require_GET
@scoped_view(permission="view_steering")
def meeting_detail(request, pk: int):
    scope = request.scope
    meeting = selectors.meeting_detail(scope=scope, pk=pk)
    return render(
        request,
        "steering/meeting_detail.html",
        {
            "meeting": meeting,
            "network": meeting.network,
            "decision_form": DecisionForm(),
            "checked_in": selectors.checked_in_count(scope=scope, meeting=meeting),
            "today": timezone.localdate(),
            "statuses": ActionStatus.choices,
            "can_change": scope.can("change_steering"),
        },
    )


@scoped_view(permission="change_steering")
def meeting_update(request, pk: int):
    scope = request.scope
    meeting = selectors.meeting_get(scope=scope, pk=pk)
    network = meeting.network
    form = MeetingForm(request.POST or None, instance=meeting, scope=scope, network=network)
    if request.method == "POST" and form.is_valid():
        # The form has copied its values onto its instance; the service compares
        # against the stored meeting to log what changed.
        fields = form.service_fields()
        attendees = fields.pop("attendees")
        try:
            services.meeting_update(
                scope=scope,
                meeting=selectors.meeting_get(scope=scope, pk=pk),
                attendees=attendees,
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(meeting.get_absolute_url())
    return render(
        request,
        "steering/meeting_form.html",
        {"form": form, "network": network, "meeting": meeting},
    )


@scoped_view(permission="change_steering")
def meeting_delete(request, pk: int):
    scope = request.scope
    meeting = selectors.meeting_get(scope=scope, pk=pk)
    network = meeting.network
    if request.method == "POST":
        services.meeting_delete(scope=scope, meeting=meeting)
        messages.success(request, _("The meeting has been deleted."))
        return redirect("steering:meeting_list", network.pk)
    return render(request, "steering/meeting_confirm_delete.html", {"meeting": meeting})


@require_POST
@scoped_view(permission="change_steering")
def meeting_attendance_from_event(request, pk: int):
    """Add the persons checked in at the linked event to the meeting's attendance."""
    scope = request.scope
    meeting = selectors.meeting_get(scope=scope, pk=pk)
    try:
        added = services.meeting_attendance_from_event(scope=scope, meeting=meeting)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if added:
            messages.success(
                request,
                ngettext(
                    "%(count)d person checked in at the event has been added to the attendance.",
                    "%(count)d persons checked in at the event have been added to the attendance.",
                    added,
                )
                % {"count": added},
            )
        else:
            messages.info(request, _("Everyone checked in at the event is already recorded."))
    return redirect(f"{meeting.get_absolute_url()}#attendance")


@require_GET
@scoped_view(permission="change_steering")
def meeting_person_options(request):
    """Checkboxes of persons matching ?q=, to add attendees beyond those offered (htmx)."""
    return person_checkbox_options(request, name="attendees")


def _decisions(request, meeting, form=None, *, status=200):
    """The decisions section (htmx) or, without htmx, back to the meeting."""
    if not request.htmx:
        return redirect(f"{meeting.get_absolute_url()}#decisions")
    meeting = selectors.meeting_detail(scope=request.scope, pk=meeting.pk)
    return render(
        request,
        "steering/_meeting_decisions.html",
        {"meeting": meeting, "decision_form": form or DecisionForm(), "can_change": True},
        status=status,
    )


@require_POST
@scoped_view(permission="change_steering")
def decision_create(request, pk: int):
    scope = request.scope
    meeting = selectors.meeting_get(scope=scope, pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        try:
            services.decision_add(scope=scope, meeting=meeting, text=form.cleaned_data["text"])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("The decision has been recorded."))
            return _decisions(request, meeting)
    if not request.htmx:
        messages.error(request, " ".join(m for errors in form.errors.values() for m in errors))
    return _decisions(request, meeting, form, status=400 if request.htmx else 200)


@require_POST
@scoped_view(permission="change_steering")
def decision_delete(request, pk: int):
    scope = request.scope
    decision = selectors.decision_get(scope=scope, pk=pk)
    meeting = decision.meeting
    services.decision_delete(scope=scope, decision=decision)
    if not request.htmx:
        messages.success(request, _("The decision has been removed."))
    return _decisions(request, meeting)


@require_GET
@scoped_view(permission="view_steering")
def minutes_pdf(request, pk: int):
    """The network's meetings of a period with their decisions, as a German PDF."""
    scope = request.scope
    network = selectors.meeting_network_get(scope=scope, pk=pk)
    form = MinutesPeriodForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        page = paginate(request, selectors.meeting_list(scope=scope, network=network))
        return render(
            request,
            "steering/meeting_list.html",
            {"network": network, "page": page, "period_form": form},
            status=400,
        )
    start, end = form.period()
    context = {
        "network": network,
        "meetings": selectors.minutes_meetings(scope=scope, network=network, start=start, end=end),
        "start": start,
        "end": end,
        "workspace": scope.workspace,
        "today": timezone.localdate(),
    }
    with translation.override("de"):
        content = exports.minutes_pdf(context)
        name = f"{_('Minutes')} {network.name} {start:%Y-%m-%d}-{end:%Y-%m-%d}.pdf"
    activity_record(
        scope=scope,
        action=Action.EXPORTED,
        target=network,
        details={"model": "steering.meeting", "format": "pdf", "count": len(context["meetings"])},
    )
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=name)
    return response
