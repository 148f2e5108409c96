"""The team's event pages: list, create, edit, delete, detail with the programme, calendar file."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.services import activity_record

from .. import ics, selectors, services
from ..forms import EventFilterForm, EventForm, ProgrammeItemForm
from ..models import Event, ProgrammeItem, WorldCafe


@require_GET
@scoped_view(permission="view_events")
def event_list(request):
    filters = selectors.EventFilter.from_query(request.GET)
    page = paginate(request, selectors.event_list(scope=request.scope, filters=filters))
    context = {
        "page": page,
        "filters": filters,
        "filter_form": EventFilterForm(request.GET or None, scope=request.scope),
    }
    template = "events/_event_results.html" if request.htmx else "events/event_list.html"
    return render(request, template, context)


@scoped_view(permission="change_events")
def event_create(request):
    form = EventForm(request.POST or None, scope=request.scope)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(scope=request.scope, **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("“%(name)s” has been created.") % {"name": event})
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form})


@scoped_view(permission="change_events")
def event_update(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    form = EventForm(request.POST or None, instance=event, scope=request.scope)
    if request.method == "POST" and form.is_valid():
        try:
            services.event_update(scope=request.scope, event=event, **form.service_fields())
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(event)
    return render(request, "events/event_form.html", {"form": form, "event": event})


@scoped_view(permission="change_events")
def event_delete(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    if request.method == "POST":
        name = str(event)
        services.event_delete(scope=request.scope, event=event)
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": name})
        return redirect("events:event_list")
    figures = selectors.event_figures(scope=request.scope, event=event)
    return render(request, "events/event_confirm_delete.html", {"event": event, "figures": figures})


@require_GET
@scoped_view(permission="view_events")
def event_detail(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    now = timezone.now()
    context = {
        "event": event,
        "figures": selectors.event_figures(scope=request.scope, event=event),
        "registration_open": selectors.registration_is_open(event, now=now),
        "has_ended": services.event_has_ended(event, now=now),
        "has_world_cafe": request.scope.objects(WorldCafe).filter(event=event).exists(),
        **_programme_context(request, event),
    }
    return render(request, "events/event_detail.html", context)


# ------------------------------------------------------------------------------ programme


def _programme_context(request, event: Event, *, editing=None, edit_form=None, add_form=None):
    scope = request.scope
    can_change = scope.can("change_events")
    return {
        "event": event,
        "programme": selectors.programme_items(scope=scope, event=event),
        "editing": editing,
        "edit_form": edit_form,
        "add_form": add_form
        if add_form is not None
        else (ProgrammeItemForm(scope=scope, event=event) if can_change else None),
    }


def _programme_section(request, event: Event, **forms) -> HttpResponse:
    return render(
        request, "events/_event_programme.html", _programme_context(request, event, **forms)
    )


def _programme_saved(request, event: Event, message: str) -> HttpResponse:
    if request.htmx:
        return _programme_section(request, event)
    messages.success(request, message)
    return redirect(reverse("events:event_detail", args=[event.pk]) + "#programme")


@require_GET
@scoped_view(permission="view_events")
def event_programme(request, pk: int):
    """The programme section again (htmx: after "cancel" in an inline form)."""
    event = selectors.event_detail(scope=request.scope, pk=pk)
    return _programme_section(request, event)


@require_POST
@scoped_view(permission="change_events")
def programme_item_create(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    form = ProgrammeItemForm(request.POST, scope=request.scope, event=event)
    if form.is_valid():
        try:
            services.programme_item_create(
                scope=request.scope, event=event, **form.service_fields()
            )
        except ValidationError as error:
            _add_item_errors(form, error)
        else:
            return _programme_saved(request, event, _("The programme item has been added."))
    if request.htmx:
        return _programme_section(request, event, add_form=form)
    return render(request, "events/event_programme_form.html", {"event": event, "form": form})


@scoped_view(permission="change_events")
def programme_item_update(request, pk: int):
    item = request.scope.get(ProgrammeItem, pk=pk)
    event = selectors.event_detail(scope=request.scope, pk=item.event_id)
    form = ProgrammeItemForm(request.POST or None, scope=request.scope, event=event, item=item)
    if request.method == "POST" and form.is_valid():
        try:
            services.programme_item_update(scope=request.scope, item=item, **form.service_fields())
        except ValidationError as error:
            _add_item_errors(form, error)
        else:
            return _programme_saved(request, event, _("Your changes have been saved."))
    if request.htmx:
        return _programme_section(request, event, editing=item.pk, edit_form=form)
    context = {"event": event, "form": form, "item": item}
    return render(request, "events/event_programme_form.html", context)


@require_POST
@scoped_view(permission="change_events")
def programme_item_delete(request, pk: int):
    item = request.scope.get(ProgrammeItem, pk=pk)
    event = selectors.event_detail(scope=request.scope, pk=item.event_id)
    services.programme_item_delete(scope=request.scope, item=item)
    return _programme_saved(request, event, _("The programme item has been removed."))


def _add_item_errors(form: ProgrammeItemForm, error: ValidationError) -> None:
    """The service names model fields; the form shows start and end as day + times."""
    fields = {"starts_at": "starts", "ends_at": "ends", "title": "title", "room": "room"}
    if not hasattr(error, "error_dict"):
        form.add_error(None, error)
        return
    for name, errors in error.message_dict.items():
        form.add_error(fields.get(name), errors)


# ------------------------------------------------------------------------------ calendar


@require_GET
@scoped_view(permission="view_events")
def event_ics(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    programme = selectors.programme_items(scope=request.scope, event=event)
    activity_record(
        scope=request.scope, action=Action.EXPORTED, target=event, details={"format": "ics"}
    )
    return calendar_response(selectors.calendar_entry(event=event, programme=programme))


def calendar_response(entry: ics.CalendarEntry, *, filename: str = "veranstaltung.ics"):
    response = HttpResponse(
        ics.calendar_file(entry, stamp=timezone.now()), content_type=ics.CONTENT_TYPE
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


# ------------------------------------------------------------------------ attendance → ties


@require_POST
@scoped_view(permission="change_events")
def event_attendance_ties(request, pk: int):
    event = selectors.event_detail(scope=request.scope, pk=pk)
    if not request.scope.can("change_network"):
        messages.error(request, _("You may not change the relationship network."))
        return redirect(event)
    try:
        created = services.event_attendance_ties(scope=request.scope, event=event)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)s new tie from the World Café has been recorded.",
                "%(count)s new ties from the World Café have been recorded.",
                created,
            )
            % {"count": created},
        )
    return redirect(event)
