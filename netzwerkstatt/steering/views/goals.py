"""A network's goals: the list with live progress, a goal's page with its history, the
goal form whose indicator parameters follow the chosen kind, and the XLSX export.

The goal form swaps its parameter fields with htmx when the indicator changes (a
POST with `refresh`, which re-renders the form without saving); without JavaScript
the "Show the fields for this indicator" button does the same. Progress entries are
added on the goal's page; htmx gets the progress section back.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.views import add_service_errors

from .. import exports_goals
from ..enums import IndicatorKind
from ..forms.goals import GoalForm, ProgressEntryForm, SnapshotForm
from ..selectors import goals as selectors
from ..services import goals as services

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _goal_url(goal) -> str:
    return reverse("steering:goal_detail", args=[goal.pk])


def _list_url(network) -> str:
    return reverse("steering:goal_list", args=[network.pk])


@require_GET
@scoped_view(permission="view_steering")
def goal_list(request, pk: int):
    scope = request.scope
    network = selectors.goals_network_get(scope=scope, pk=pk)
    goals = selectors.goal_progress_list(scope=scope, network=network)
    return render(request, "steering/goal_list.html", {"network": network, "goals": goals})


def _form_page(request, *, network, goal=None):
    """The goal form: save on POST, or re-render for another indicator (`refresh`)."""
    scope = request.scope
    refresh = request.method == "POST" and "refresh" in request.POST
    if refresh:
        data = {name: value for name, value in request.POST.items() if name != "refresh"}
        form = GoalForm(initial=data, instance=goal)
    else:
        form = GoalForm(request.POST or None, instance=goal)
    form.fields["indicator"].widget.attrs.update(
        {
            "hx-post": request.path,
            "hx-trigger": "change",
            "hx-target": "#goal-parameters",
            "hx-select": "#goal-parameters",
            "hx-swap": "outerHTML",
            "hx-vals": '{"refresh": "1"}',
        }
    )
    if request.method == "POST" and not refresh and form.is_valid():
        try:
            if goal is None:
                goal = services.goal_create(scope=scope, network=network, **form.service_fields())
                notice = _("“%(title)s” has been created.") % {"title": goal.title}
            else:
                goal = services.goal_update(
                    scope=scope,
                    goal=selectors.goal_get(scope=scope, pk=goal.pk),
                    **form.service_fields(),
                )
                notice = _("Your changes have been saved.")
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, notice)
            return redirect(_goal_url(goal))
    return render(
        request,
        "steering/goal_form.html",
        {
            "network": network,
            "goal": goal,
            "form": form,
            "districts": selectors.member_districts(scope=scope, network=network),
        },
    )


@scoped_view(permission="change_steering")
def goal_create(request, pk: int):
    network = selectors.goals_network_get(scope=request.scope, pk=pk)
    return _form_page(request, network=network)


@scoped_view(permission="change_steering")
def goal_update(request, pk: int):
    goal = selectors.goal_get(scope=request.scope, pk=pk)
    return _form_page(request, network=goal.network, goal=goal)


def _progress_context(request, item, *, form=None, notice: str = "") -> dict:
    live = item.goal.indicator != IndicatorKind.MANUAL
    if form is None and request.scope.can("change_steering"):
        form = (
            SnapshotForm(prefix="entry")
            if live
            else ProgressEntryForm(prefix="entry", initial={"recorded_on": timezone.localdate()})
        )
    return {"item": item, "goal": item.goal, "form": form, "notice": notice, "live": live}


@require_GET
@scoped_view(permission="view_steering")
def goal_detail(request, pk: int):
    item = selectors.goal_progress(scope=request.scope, pk=pk)
    context = _progress_context(request, item) | {"network": item.goal.network}
    return render(request, "steering/goal_detail.html", context)


@require_POST
@scoped_view(permission="change_steering")
def progress_entry_create(request, pk: int):
    """Record a value (manual goals) or a snapshot of the live value; htmx gets the section."""
    scope = request.scope
    goal = selectors.goal_get(scope=scope, pk=pk)
    live = goal.indicator != IndicatorKind.MANUAL
    form = (SnapshotForm if live else ProgressEntryForm)(request.POST, prefix="entry")
    notice = ""
    if form.is_valid():
        try:
            if live:
                services.progress_snapshot_record(scope=scope, goal=goal, **form.cleaned_data)
            else:
                services.progress_entry_add(scope=scope, goal=goal, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            notice = _("The progress has been recorded.")
            if not request.htmx:
                messages.success(request, notice)
                return redirect(_goal_url(goal))
            form = None
    item = selectors.goal_progress(scope=scope, pk=pk)
    context = _progress_context(request, item, form=form, notice=notice)
    if request.htmx:
        return render(request, "steering/_goal_progress.html", context)
    context["network"] = goal.network
    return render(request, "steering/goal_detail.html", context, status=400)


@scoped_view(permission="change_steering")
def progress_entry_delete(request, pk: int):
    scope = request.scope
    entry = selectors.progress_entry_get(scope=scope, pk=pk)
    goal = selectors.goal_get(scope=scope, pk=entry.goal_id)
    if request.method == "POST":
        services.progress_entry_delete(scope=scope, entry=entry)
        messages.success(request, _("The progress entry has been deleted."))
        return redirect(_goal_url(goal))
    return render(
        request,
        "steering/goal_entry_confirm_delete.html",
        {"entry": entry, "goal": goal, "network": goal.network, "cancel_url": _goal_url(goal)},
    )


@scoped_view(permission="change_steering")
def goal_delete(request, pk: int):
    scope = request.scope
    goal = selectors.goal_get(scope=scope, pk=pk)
    if request.method == "POST":
        services.goal_delete(scope=scope, goal=goal)
        messages.success(request, _("“%(title)s” has been deleted.") % {"title": goal.title})
        return redirect(_list_url(goal.network))
    return render(
        request,
        "steering/goal_confirm_delete.html",
        {
            "goal": goal,
            "network": goal.network,
            "entries": len(goal.progress.all()),
            "cancel_url": _goal_url(goal),
        },
    )


@require_GET
@scoped_view(permission="view_steering")
def goals_xlsx(request, pk: int):
    scope = request.scope
    network = selectors.goals_network_get(scope=scope, pk=pk)
    goals = selectors.goal_progress_list(scope=scope, network=network)
    content = exports_goals.goals_xlsx(network=network, goals=goals)
    activity_record(
        scope=scope,
        action=Action.EXPORTED,
        target=network,
        details={"model": "steering.goal", "format": "xlsx", "count": len(goals)},
    )
    filename = f"{_('Goals')} {network.name} {timezone.localdate():%Y-%m-%d}.xlsx"
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response
