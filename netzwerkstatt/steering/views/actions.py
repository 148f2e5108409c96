"""Action items: the overview of open and overdue items per network and person, creating
them in a meeting or on their own, editing, status changes (htmx), the XLSX export and
the reminders on the personal "Heute" page."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import content_disposition_header, url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.views import add_service_errors

from .. import exports, selectors, services
from ..enums import ActionStatus
from ..forms import ActionFilterForm, ActionItemForm, ActionStatusForm

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def today_section(*, scope: Scope) -> dict | None:
    """The user's open action items on the "Heute" page (`SteeringConfig.today_sections`):
    overdue and due within seven days, for a team member who logs in as a team person."""
    if not scope.can("view_steering") or scope.user is None:
        return None
    reminders = selectors.action_reminders(scope=scope, today=timezone.localdate())
    if reminders.empty:
        return None
    return {
        "template": "steering/_action_today.html",
        "reminders": reminders,
        "today": reminders.today,
        "can_change": scope.can("change_steering"),
    }


def _filter_form(request) -> ActionFilterForm:
    return ActionFilterForm(request.GET or None, scope=request.scope)


@require_GET
@scoped_view(permission="view_steering")
def action_list(request):
    scope = request.scope
    today = timezone.localdate()
    form = _filter_form(request)
    filters = form.filters()
    page = paginate(request, selectors.action_item_list(scope=scope, filters=filters, today=today))
    context = {
        "form": form,
        "page": page,
        "today": today,
        "statuses": ActionStatus.choices,
        "summary": selectors.action_summary(scope=scope, today=today),
        "can_change": scope.can("change_steering"),
        "query": request.GET.urlencode(),
        "has_networks": bool(form.fields["network"].choices[1:]),
    }
    template = "steering/_action_results.html" if request.htmx else "steering/action_list.html"
    return render(request, template, context)


@require_GET
@scoped_view(permission="view_steering")
def action_items_xlsx(request):
    scope = request.scope
    today = timezone.localdate()
    filters = _filter_form(request).filters()
    items = selectors.action_items_export(scope=scope, filters=filters, today=today)
    with translation.override("de"):
        content = exports.action_items_xlsx(items, today=today)
        name = f"{_('Action items')} {today:%Y-%m-%d}.xlsx"
    activity_record(
        scope=scope,
        action=Action.EXPORTED,
        details={"model": "steering.actionitem", "format": "xlsx", "count": len(items)},
    )
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=name)
    return response


def _next_url(request, default: str) -> str:
    """Where to go after saving: a page of this site the form came from, else `default`."""
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


def _form_page(request, form, *, item=None, meeting=None, network=None, back: str):
    return render(
        request,
        "steering/action_form.html",
        {
            "form": form,
            "item": item,
            "meeting": meeting,
            "network": network,
            "next": back,
            "has_networks": "network" not in form.fields
            or bool(form.fields["network"].queryset.exists()),
        },
    )


@scoped_view(permission="change_steering")
def action_create(request):
    """A standalone action item; ?network= preselects the network."""
    scope = request.scope
    back = _next_url(request, reverse("steering:action_list"))
    initial = {}
    if request.GET.get("network", "").isdigit():
        initial["network"] = int(request.GET["network"])
    form = ActionItemForm(request.POST or None, scope=scope, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_create(scope=scope, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action item has been created."))
            return redirect(back)
    return _form_page(request, form, back=back)


@scoped_view(permission="change_steering")
def meeting_action_create(request, pk: int):
    """An action item agreed in a meeting: of the meeting's network."""
    scope = request.scope
    meeting = selectors.meeting_get(scope=scope, pk=pk)
    back = _next_url(request, f"{meeting.get_absolute_url()}#action-items")
    form = ActionItemForm(request.POST or None, scope=scope, network=meeting.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_create(
                scope=scope, network=meeting.network, meeting=meeting, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The action item has been created."))
            return redirect(back)
    return _form_page(request, form, meeting=meeting, network=meeting.network, back=back)


@scoped_view(permission="change_steering")
def action_update(request, pk: int):
    scope = request.scope
    item = selectors.action_item_get(scope=scope, pk=pk)
    default = (
        f"{item.meeting.get_absolute_url()}#action-items"
        if item.meeting
        else reverse("steering:action_list")
    )
    back = _next_url(request, default)
    form = ActionItemForm(request.POST or None, instance=item, scope=scope, network=item.network)
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_update(
                scope=scope,
                action_item=selectors.action_item_get(scope=scope, pk=pk),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(back)
    return _form_page(
        request, form, item=item, meeting=item.meeting, network=item.network, back=back
    )


@scoped_view(permission="change_steering")
def action_delete(request, pk: int):
    scope = request.scope
    item = selectors.action_item_get(scope=scope, pk=pk)
    default = (
        f"{item.meeting.get_absolute_url()}#action-items"
        if item.meeting
        else reverse("steering:action_list")
    )
    back = _next_url(request, default)
    if request.method == "POST":
        services.action_item_delete(scope=scope, action_item=item)
        messages.success(request, _("The action item has been deleted."))
        return redirect(back)
    return render(
        request,
        "steering/action_confirm_delete.html",
        {"item": item, "cancel_url": back, "next": back},
    )


@require_POST
@scoped_view(permission="change_steering")
def action_status(request, pk: int):
    """Change an item's status; htmx gets its row back (?row=today: the "Heute" row)."""
    scope = request.scope
    item = selectors.action_item_get(scope=scope, pk=pk)
    form = ActionStatusForm(request.POST)
    error = None
    if form.is_valid():
        try:
            item = services.action_item_set_status(
                scope=scope, action_item=item, status=form.cleaned_data["status"]
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
    else:
        error = _("Choose one of the statuses offered.")
    if request.htmx:
        if error:
            return HttpResponse(error, status=400)
        template = (
            "steering/_action_today_row.html"
            if request.POST.get("row") == "today"
            else "steering/_action_row.html"
        )
        return render(
            request,
            template,
            {
                "item": item,
                "today": timezone.localdate(),
                "statuses": ActionStatus.choices,
                "can_change": True,
                "show_network": request.POST.get("row") != "meeting",
                "row": request.POST.get("row", ""),
            },
        )
    if error:
        messages.error(request, error)
    else:
        messages.success(
            request,
            _("“%(title)s” is now: %(status)s.")
            % {"title": item.title, "status": item.get_status_display()},
        )
    return redirect(_next_url(request, reverse("steering:action_list")))
