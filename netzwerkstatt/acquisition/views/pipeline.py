"""Pages of a project's pipeline: the board, the table, the approach plan, the stage editor.

The board moves cards with htmx (drag and drop in `pipeline.js`, or the "move to"
select each card has, which also works without JavaScript); the server answers an
htmx move with the two affected columns, swapped out of band.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.views import add_service_errors

from .. import selectors, services
from ..forms import (
    AgreementForm,
    AgreementUpdateForm,
    ApproachFilterForm,
    ApproachForm,
    MoveForm,
    PipelineAddForm,
    StageForm,
)
from ..models import Stage

# The table's columns: sort key (see selectors.pipeline.SORTS) and heading.
TABLE_COLUMNS = (
    ("company", gettext_lazy("Company")),
    ("stage", gettext_lazy("Stage")),
    ("channel", gettext_lazy("Channel")),
    ("owner", gettext_lazy("Responsible")),
    ("next_step", gettext_lazy("Next step")),
    ("since", gettext_lazy("In this stage since")),
)


def _url(name: str, *args, query: str = "") -> str:
    return f"{reverse(name, args=args)}{'?' + query if query else ''}"


def _project_context(request) -> dict:
    project, projects = selectors.project_choose(
        scope=request.scope, value=request.GET.get("project")
    )
    return {"project": project, "projects": projects}


# ------------------------------------------------------------------------------- board


@scoped_view(permission="view_acquisition")
def pipeline_board(request):
    scope = request.scope
    context = _project_context(request)
    project = context["project"]
    if project is not None:
        stages = services.stages_ensure(scope=scope, project=project)
        columns = selectors.board_columns(scope=scope, project=project, stages=stages)
        context |= {
            "stages": stages,
            "columns": columns,
            "total": sum(column.count for column in columns),
        }
    context |= {
        "can_change": scope.can("change_acquisition"),
        "companies_url": reverse("acquisition:target_list"),
        "cards_per_column": selectors.CARDS_PER_COLUMN,
    }
    return render(request, "acquisition/pipeline_board.html", context)


@require_POST
@scoped_view(permission="change_acquisition")
def approach_move(request, pk: int):
    """Move a card to a stage and place; htmx gets the affected columns back out of band."""
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    stages = list(scope.objects(Stage).filter(project_id=approach.project_id).order_by("position"))
    form = MoveForm(
        request.POST, stages=scope.objects(Stage).filter(project_id=approach.project_id)
    )
    before = approach.stage_id
    notice, error = "", ""
    if form.is_valid():
        stage = form.cleaned_data["stage"]
        try:
            services.approach_move(
                scope=scope,
                approach=approach,
                stage=stage,
                position=form.cleaned_data["position"],
            )
        except ValidationError as problem:
            error = " ".join(problem.messages)
        else:
            notice = _("“%(company)s” is now in “%(stage)s”.") % {
                "company": approach.organisation,
                "stage": stage,
            }
    else:
        error = " ".join(message for errors in form.errors.values() for message in errors)
    if not request.htmx:
        if error:
            messages.error(request, error)
        else:
            messages.success(request, notice)
        if request.POST.get("next") == "detail":
            return redirect(approach)
        return redirect(_url("acquisition:pipeline_board", query=f"project={approach.project_id}"))
    affected = {before, approach.stage_id}
    columns = selectors.board_columns(
        scope=scope, project=approach.project, stages=stages, only=affected
    )
    context = {
        "columns": columns,
        "stages": stages,
        "notice": notice,
        "error": error,
        "moved": approach.pk,
        "can_change": True,
    }
    return render(request, "acquisition/_pipeline_moved.html", context)


# ------------------------------------------------------------------------------- table


@scoped_view(permission="view_acquisition")
def pipeline_table(request):
    scope = request.scope
    context = _project_context(request)
    project = context["project"]
    if project is not None:
        stages = services.stages_ensure(scope=scope, project=project)
        filters = selectors.ApproachFilter.from_query(request.GET)
        page = paginate(
            request, selectors.approach_list(scope=scope, project=project, filters=filters)
        )
        context |= {
            "stages": stages,
            "filters": filters,
            "filter_form": ApproachFilterForm(request.GET or None, scope=scope, stages=stages),
            "page": page,
            "headings": _sort_headings(filters.sort),
        }
    context["companies_url"] = reverse("acquisition:target_list")
    template = (
        "acquisition/_pipeline_table_results.html"
        if request.htmx and project is not None
        else "acquisition/pipeline_table.html"
    )
    return render(request, template, context)


def _sort_headings(current: str) -> list[dict]:
    """Each column's heading with the sort it links to and its aria-sort state."""
    headings = []
    for key, label in TABLE_COLUMNS:
        ascending = current == key
        descending = current == f"-{key}"
        headings.append(
            {
                "label": label,
                "sort": f"-{key}" if ascending else key,
                "aria": "ascending" if ascending else "descending" if descending else "",
            }
        )
    return headings


# ---------------------------------------------------------------------- approach plan


@scoped_view(permission="view_acquisition")
def approach_detail(request, pk: int):
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    can_change = scope.can("change_acquisition")
    context = {
        "approach": approach,
        "history": selectors.approach_history(scope=scope, approach=approach),
        "agreements": selectors.approach_agreements(scope=scope, approach=approach),
        "activities": selectors.activities_for_approach(scope=scope, approach=approach),
        "can_change": can_change,
        "dossier": selectors.dossier_find(
            scope=scope, project=approach.project, organisation=approach.organisation
        ),
    }
    if can_change:
        context |= {
            "stages": list(
                scope.objects(Stage).filter(project_id=approach.project_id).order_by("position")
            ),
            "agreement_form": AgreementForm(
                scope=scope, approach=approach, initial={"agreed_on": timezone.localdate()}
            ),
        }
    return render(request, "acquisition/approach_detail.html", context)


@scoped_view(permission="change_acquisition")
def approach_update(request, pk: int):
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    suggestions = selectors.introducer_suggestions(
        scope=scope, approach=approach, user=request.user
    )
    form = ApproachForm(
        request.POST or None,
        scope=scope,
        approach=approach,
        suggestions=[suggestion["person"] for suggestion in suggestions],
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.approach_update(
                scope=scope,
                approach=selectors.approach_get(scope=scope, pk=pk),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(approach)
    context = {"approach": approach, "form": form, "suggestions": suggestions}
    return render(request, "acquisition/approach_form.html", context)


@scoped_view(permission="change_acquisition")
def approach_delete(request, pk: int):
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    if request.method == "POST":
        name = str(approach)
        project_id = approach.project_id
        services.approach_delete(scope=scope, approach=approach)
        messages.success(
            request, _("“%(name)s” has been taken out of the pipeline.") % {"name": name}
        )
        return redirect(_url("acquisition:pipeline_board", query=f"project={project_id}"))
    return render(
        request,
        "acquisition/approach_confirm_delete.html",
        {"approach": approach, "cancel_url": approach.get_absolute_url()},
    )


@require_POST
@scoped_view(permission="change_acquisition")
def approach_create(request):
    """Put a company into a project's pipeline (the form on the organisation page)."""
    scope = request.scope
    form = PipelineAddForm(request.POST, scope=scope)
    if form.is_valid():
        organisation = form.cleaned_data["organisation"]
        try:
            approach = services.approach_create(
                scope=scope,
                project=form.cleaned_data["project"],
                organisation=organisation,
                channel=form.cleaned_data["channel"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(organisation)
        messages.success(
            request,
            _("“%(company)s” is now in the pipeline of %(project)s.")
            % {"company": organisation, "project": approach.project},
        )
        return redirect(approach)
    messages.error(
        request, " ".join(message for errors in form.errors.values() for message in errors)
    )
    organisation = form.cleaned_data.get("organisation")
    return redirect(organisation or "acquisition:pipeline_board")


def approaches_panel(*, scope: Scope, subject) -> dict | None:
    """The "Acquisition" section of a company's page (`AcquisitionConfig.contact_panels`):
    its approaches in the workspace's projects and a form to add it to a pipeline."""
    if (
        not isinstance(subject, Organisation)
        or subject.kind != OrganisationKind.COMPANY
        or not scope.can("view_acquisition")
    ):
        return None
    approaches = selectors.organisation_approaches(scope=scope, organisation=subject)
    form = None
    if scope.can("change_acquisition"):
        open_projects = scope.objects(Project).exclude(
            pk__in=[approach.project_id for approach in approaches]
        )
        open_projects = open_projects.order_by("name", "id")
        if open_projects.exists():
            form = PipelineAddForm(
                scope=scope,
                projects=open_projects,
                initial={"organisation": subject.pk},
                prefix=None,
            )
    return {"template": "acquisition/_approach_panel.html", "approaches": approaches, "form": form}


# --------------------------------------------------------------------- agreed measures


@require_POST
@scoped_view(permission="change_acquisition")
def agreement_create(request, pk: int):
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    form = AgreementForm(request.POST, scope=scope, approach=approach)
    if form.is_valid():
        try:
            agreement = services.approach_measure_agree(
                scope=scope, approach=approach, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("“%(measure)s” has been agreed with the company.")
                % {"measure": agreement.measure},
            )
            return redirect(f"{approach.get_absolute_url()}#measures")
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    return redirect(f"{approach.get_absolute_url()}#measures")


@scoped_view(permission="change_acquisition")
def agreement_update(request, pk: int):
    scope = request.scope
    agreement = selectors.agreement_get(scope=scope, pk=pk)
    form = AgreementUpdateForm(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        try:
            services.approach_measure_update(
                scope=scope,
                agreement=selectors.agreement_get(scope=scope, pk=pk),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(f"{agreement.approach.get_absolute_url()}#measures")
    return render(
        request, "acquisition/approach_agreement_form.html", {"agreement": agreement, "form": form}
    )


@require_POST
@scoped_view(permission="change_acquisition")
def agreement_delivered(request, pk: int):
    scope = request.scope
    agreement = selectors.agreement_get(scope=scope, pk=pk)
    try:
        services.approach_measure_delivered(scope=scope, agreement=agreement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("“%(measure)s” has been marked as delivered.") % {"measure": agreement.measure},
        )
    return redirect(f"{agreement.approach.get_absolute_url()}#measures")


@require_POST
@scoped_view(permission="change_acquisition")
def agreement_delete(request, pk: int):
    scope = request.scope
    agreement = selectors.agreement_get(scope=scope, pk=pk)
    services.approach_measure_remove(scope=scope, agreement=agreement)
    messages.success(
        request,
        _("“%(measure)s” is no longer agreed with the company.") % {"measure": agreement.measure},
    )
    return redirect(f"{agreement.approach.get_absolute_url()}#measures")


# ------------------------------------------------------------------------ stage editor


def _stages_context(request, project, *, new_form=None) -> dict:
    scope = request.scope
    services.stages_ensure(scope=scope, project=project)
    stages = selectors.stage_list(scope=scope, project=project)
    return {
        "stages": stages,
        "rows": [
            {"stage": stage, "form": StageForm(instance=stage, prefix=f"stage-{stage.pk}")}
            for stage in stages
        ],
        "new_form": new_form or StageForm(prefix="new"),
    }


@scoped_view(permission="view_acquisition")
def stage_list(request):
    context = _project_context(request)
    if context["project"] is not None:
        context |= _stages_context(request, context["project"])
    context["can_change"] = request.scope.can("change_acquisition")
    return render(request, "acquisition/stage_list.html", context)


@require_POST
@scoped_view(permission="change_acquisition")
def stage_create(request):
    scope = request.scope
    project = scope.get(Project, pk=request.POST.get("project"))
    form = StageForm(request.POST, prefix="new")
    if form.is_valid():
        try:
            stage = services.stage_create(scope=scope, project=project, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The stage “%(name)s” has been added.") % {"name": stage})
            return redirect(_url("acquisition:stage_list", query=f"project={project.pk}"))
    context = {"project": project, "projects": [], "can_change": True}
    context |= _stages_context(request, project, new_form=form)
    return render(request, "acquisition/stage_list.html", context)


@scoped_view(permission="change_acquisition")
def stage_update(request, pk: int):
    scope = request.scope
    stage = selectors.stage_get(scope=scope, pk=pk)
    form = StageForm(request.POST or None, instance=stage, prefix=f"stage-{stage.pk}")
    list_url = _url("acquisition:stage_list", query=f"project={stage.project_id}")
    if request.method == "POST" and form.is_valid():
        try:
            services.stage_update(
                scope=scope, stage=selectors.stage_get(scope=scope, pk=pk), **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(list_url)
    return render(
        request,
        "acquisition/stage_form.html",
        {"stage": stage, "form": form, "cancel_url": list_url},
    )


@require_POST
@scoped_view(permission="change_acquisition")
def stage_shift(request, pk: int):
    """Move a stage one place left ("offset=-1") or right ("offset=1")."""
    scope = request.scope
    stage = selectors.stage_get(scope=scope, pk=pk)
    offset = -1 if request.POST.get("offset") == "-1" else 1
    services.stage_shift(scope=scope, stage=stage, offset=offset)
    return redirect(_url("acquisition:stage_list", query=f"project={stage.project_id}"))


@scoped_view(permission="change_acquisition")
def stage_delete(request, pk: int):
    scope = request.scope
    stage = selectors.stage_get(scope=scope, pk=pk)
    list_url = _url("acquisition:stage_list", query=f"project={stage.project_id}")
    problems = services.stage_delete_problems(scope=scope, stage=stage)
    if request.method == "POST" and not problems:
        name = str(stage)
        try:
            services.stage_delete(scope=scope, stage=stage)
        except ValidationError as error:
            problems = error.messages
        else:
            messages.success(request, _("The stage “%(name)s” has been deleted.") % {"name": name})
            return redirect(list_url)
    return render(
        request,
        "acquisition/stage_confirm_delete.html",
        {"stage": stage, "problems": problems, "cancel_url": list_url},
        status=409 if request.method == "POST" and problems else 200,
    )
