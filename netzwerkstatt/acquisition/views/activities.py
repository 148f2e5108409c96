"""Activities with a company: the section on its page, its list, logging and editing.

Logging an activity never moves the company in the pipeline; where a move looks due
(a call, e-mail or meeting while the company is only identified or researched) the
page says so, and the user moves it on the board.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.contacts.views.common import person_checkbox_options
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.views import add_service_errors

from .. import selectors, services
from ..forms import ActivityForm

# The organisation page shows the latest few; the list has them all.
PANEL_SHOWN = 5


def activities_panel(*, scope: Scope, subject) -> dict | None:
    """The "Activities" section of a company's page (`AcquisitionConfig.contact_panels`);
    the team's only, like everything about acquisition."""
    if (
        not isinstance(subject, Organisation)
        or subject.kind != OrganisationKind.COMPANY
        or not scope.can("view_acquisition")
    ):
        return None
    activities = selectors.activity_list(scope=scope, organisation=subject)
    return {
        "template": "acquisition/_activity_panel.html",
        "organisation": subject,
        "activities": list(
            activities.prefetch_related(selectors.PARTICIPANTS_PREFETCH)[:PANEL_SHOWN]
        ),
        "count": activities.count(),
        "can_change": scope.can("change_acquisition"),
    }


def _company(request, pk) -> Organisation:
    return request.scope.get(Organisation, pk=pk, kind=OrganisationKind.COMPANY)


@scoped_view(permission="view_acquisition")
def activity_list(request, pk: int):
    organisation = _company(request, pk)
    page = paginate(
        request, selectors.activity_list(scope=request.scope, organisation=organisation)
    )
    page.object_list = page.object_list.prefetch_related(selectors.PARTICIPANTS_PREFETCH)
    return render(
        request,
        "acquisition/activity_list.html",
        {"organisation": organisation, "page": page, "query": request.GET.urlencode()},
    )


def _next_url(request, organisation: Organisation) -> str:
    """Where to go after saving: a page of this site the form came from, else the company's."""
    wanted = request.POST.get("next") or request.GET.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return f"{organisation.get_absolute_url()}#activities"


def _stage_hint(request, activity) -> None:
    stage = selectors.activity_stage_hint(activity)
    if stage is not None:
        messages.info(
            request,
            _(
                "%(company)s is still in the stage “%(stage)s” of the pipeline. If the company "
                "has now been approached, move it on the board; activities never move it."
            )
            % {"company": activity.organisation, "stage": stage.name},
        )


@scoped_view(permission="change_acquisition")
def activity_create(request, pk: int):
    scope = request.scope
    organisation = _company(request, pk)
    initial = {}
    if request.GET.get("project", "").isdigit():
        initial["project"] = int(request.GET["project"])
    form = ActivityForm(
        request.POST or None, scope=scope, organisation=organisation, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_create(
                scope=scope, organisation=organisation, **form.service_fields()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The activity has been logged."))
            _stage_hint(request, activity)
            return redirect(_next_url(request, organisation))
    return _form_page(request, form, organisation=organisation)


@scoped_view(permission="change_acquisition")
def activity_update(request, pk: int):
    scope = request.scope
    activity = selectors.activity_get(scope=scope, pk=pk)
    organisation = activity.organisation
    form = ActivityForm(
        request.POST or None, instance=activity, scope=scope, organisation=organisation
    )
    if request.method == "POST" and form.is_valid():
        # The form has already copied its values onto its instance; the service
        # compares against the stored activity to log what changed.
        fields = form.service_fields()
        participants = fields.pop("participants")
        try:
            services.activity_update(
                scope=scope,
                activity=selectors.activity_get(scope=scope, pk=pk),
                participants=participants,
                **fields,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(_next_url(request, organisation))
    return _form_page(request, form, organisation=organisation, activity=activity)


def _form_page(request, form, *, organisation, activity=None):
    context = {
        "form": form,
        "organisation": organisation,
        "activity": activity,
        "next": _next_url(request, organisation),
        "has_projects": bool(form.fields["project"].queryset),
    }
    return render(request, "acquisition/activity_form.html", context)


@scoped_view(permission="change_acquisition")
def activity_delete(request, pk: int):
    scope = request.scope
    activity = selectors.activity_get(scope=scope, pk=pk)
    back = _next_url(request, activity.organisation)
    if request.method == "POST":
        services.activity_delete(scope=scope, activity=activity)
        messages.success(request, _("The activity has been deleted."))
        return redirect(back)
    return render(
        request,
        "acquisition/activity_confirm_delete.html",
        {"activity": activity, "cancel_url": back, "next": back},
    )


@require_GET
@scoped_view(permission="change_acquisition")
def activity_person_options(request):
    """Checkboxes of persons matching ?q=, to add participants beyond those offered (htmx)."""
    return person_checkbox_options(request, name="participants")
