"""The target list of a project ("Zielliste"), its target profile and the warm-path refresh.

The list scores every company of the workspace on each request (a fixed number of
aggregate queries, see `selectors.targeting`); filters and sort links swap the
results with htmx, and without JavaScript the same form reloads the page.
"""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.network.views import add_service_errors

from .. import scoring, selectors, services
from ..forms import TargetFilterForm, TargetProfileForm
from ..selectors.targeting import WEIGHT_FIELDS

# Up to this many companies a stale warm-path score is recomputed within the request
# (well under a second); above it in a background thread while the page shows the old ones.
INLINE_REFRESH_COMPANIES = 2_000
# At most this many companies are added to the pipeline in one go.
BULK_LIMIT = 200


def _inline_limit() -> int:
    return getattr(settings, "NETZWERKSTATT_WARM_PATH_INLINE_COMPANIES", INLINE_REFRESH_COMPANIES)


def _list_url(query: str) -> str:
    url = reverse("acquisition:target_list")
    return f"{url}?{query}" if query else url


@scoped_view(permission="view_acquisition")
def target_list(request):
    scope = request.scope
    filters = selectors.TargetFilter.from_query(request.GET)
    project = selectors.target_project(scope=scope, pk=filters.project)
    context = {"filters": filters, "project": project, "refreshing": False}
    if project is None:
        return render(request, "acquisition/target_list.html", context)

    def load():
        return selectors.target_list(
            scope=scope, project=project, filters=filters, page_number=request.GET.get("page")
        )

    result = load()
    if result.warm_stale and scope.can("change_acquisition"):
        if result.companies <= _inline_limit():
            services.warm_path_scores_refresh(scope=scope)
            result = load()
        else:
            started = services.warm_path_scores_refresh_in_background(workspace=scope.workspace)
            context["refreshing"] = started or services.warm_path_refresh_running(
                workspace=scope.workspace
            )
    labels = _part_labels()
    for row in result.page.object_list:
        row.display = [(labels[part.name], part) for part in row.parts if part.counts]
    context |= {
        "result": result,
        "page": result.page,
        "sort_parts": [
            (name, label, filters.query(sort=name))
            for name, label in labels.items()
            if result.weights.get(name)
        ],
        "filter_form": TargetFilterForm(request.GET or None, scope=scope, project=project),
        "query": filters.query(),
        "sort_links": {sort: filters.query(sort=sort) for sort in selectors.targeting.SORTS},
        "can_change": scope.can("change_acquisition"),
    }
    template = (
        "acquisition/_target_results.html" if request.htmx else "acquisition/target_list.html"
    )
    return render(request, template, context)


def _part_labels() -> dict[str, str]:
    return {
        "sector": _("Sector"),
        "size": _("Size"),
        "region": _("Region"),
        "needs": _("Needs"),
        "warm_path": _("Warm path"),
        "recommendation": _("Recommendations"),
        "contact": _("Earlier contact"),
    }


@require_POST
@scoped_view(permission="change_acquisition")
def target_add(request):
    """Put the ticked companies into the project's pipeline (first stage)."""
    scope = request.scope
    project = _posted_project(request)
    ids = [value for value in request.POST.getlist("organisation") if value.isdigit()][:BULK_LIMIT]
    back = _list_url(request.POST.get("query", ""))
    organisations = list(
        scope.objects(Organisation).filter(pk__in=ids, kind=OrganisationKind.COMPANY)
    )
    if not organisations:
        messages.warning(request, _("Please tick the companies to add to the pipeline."))
        return redirect(back)
    try:
        created, present = services.approaches_create(
            scope=scope, project=project, organisations=organisations
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(back)
    messages.success(request, added_message(len(created), present))
    return redirect(back)


def added_message(created: int, present: int) -> str:
    """E.g. "3 companies added to the pipeline, 1 was already there"."""
    text = ngettext(
        "%(count)d company added to the pipeline",
        "%(count)d companies added to the pipeline",
        created,
    ) % {"count": created}
    if present:
        text += ", " + ngettext(
            "%(count)d was already there", "%(count)d were already there", present
        ) % {"count": present}
    return f"{text}."


@require_POST
@scoped_view(permission="change_acquisition")
def target_warm_paths_refresh(request):
    """Recompute the warm-path scores now (the list's button when they are stale)."""
    refresh = services.warm_path_scores_refresh(scope=request.scope)
    messages.success(
        request,
        ngettext(
            "Warm paths recomputed for %(count)d company; %(reachable)d can be reached warmly.",
            "Warm paths recomputed for %(count)d companies; %(reachable)d can be reached warmly.",
            refresh.companies,
        )
        % {"count": refresh.companies, "reachable": refresh.reachable},
    )
    return redirect(_list_url(request.POST.get("query", "")))


@scoped_view(permission="view_acquisition")
def target_profile(request):
    """What the project looks for and how much each part weighs; the team edits it."""
    scope = request.scope
    project = selectors.target_project(scope=scope, pk=_project_pk(request))
    if project is None:
        raise Http404(_("No project"))
    profile = selectors.target_profile_get(scope=scope, project=project)
    can_change = scope.can("change_acquisition")
    form = TargetProfileForm(
        request.POST if request.method == "POST" and can_change else None,
        instance=profile,
        scope=scope,
    )
    if request.method == "POST" and can_change and form.is_valid():
        try:
            services.target_profile_save(scope=scope, project=project, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The target profile has been saved."))
            return redirect(_list_url(f"project={project.pk}"))
    return render(
        request,
        "acquisition/target_profile.html",
        {
            "form": form,
            "project": project,
            "can_change": can_change,
            "projects": selectors.projects(scope=scope),
            "weight_fields": [form[name] for name in WEIGHT_FIELDS.values()],
            "fit_parts": scoring.FIT_PARTS,
        },
    )


def _project_pk(request) -> int | None:
    value = (request.POST.get("project") or request.GET.get("project") or "").strip()
    return int(value) if value.isdigit() else None


def _posted_project(request):
    project = selectors.target_project(scope=request.scope, pk=_project_pk(request))
    if project is None:
        raise Http404(_("No project"))
    return project
