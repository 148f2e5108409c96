"""Benefit statements ("Nutzenargumentation"): a project's templates and the approach's block.

The approach page includes `acquisition/_approach_benefit.html` with the approach
only; the block then loads itself from `approach_benefit_block` (htmx). There the user
picks a template, "Generate text" fills the text area from the company's facts, the
user edits, "Save" stores the text with the approach (`approach_update`). Without
JavaScript the same form posts and the page comes back whole.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.models import Project
from netzwerkstatt.network.views import add_service_errors

from .. import benefit_text, selectors, services
from ..forms import BenefitStatementForm, BenefitTemplateForm

# ---------------------------------------------------------------------------- templates


@scoped_view(permission="view_acquisition")
def benefit_template_list(request):
    """The templates of one project (?project=, default the first); a project without any
    gets the default template here."""
    scope = request.scope
    projects = list(selectors.projects(scope=scope))
    wanted = request.GET.get("project", "")
    project = next((p for p in projects if str(p.pk) == wanted), projects[0] if projects else None)
    templates = services.benefit_templates_ensure(scope=scope, project=project) if project else []
    context = {
        "projects": projects,
        "project": project,
        "templates": templates,
        "placeholders": benefit_text.PLACEHOLDERS,
    }
    return render(request, "acquisition/benefit_template_list.html", context)


@scoped_view(permission="change_acquisition")
def benefit_template_create(request):
    scope = request.scope
    project = scope.get(Project, pk=request.GET.get("project", ""))
    form = BenefitTemplateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            template = services.benefit_template_create(
                scope=scope, project=project, **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been created.") % {"name": template})
            return redirect(_list_url(project.pk))
    context = {"form": form, "project": project, "placeholders": benefit_text.PLACEHOLDERS}
    return render(request, "acquisition/benefit_template_form.html", context)


@scoped_view(permission="change_acquisition")
def benefit_template_update(request, pk: int):
    scope = request.scope
    template = selectors.benefit_template_get(scope=scope, pk=pk)
    form = BenefitTemplateForm(request.POST or None, instance=template)
    if request.method == "POST" and form.is_valid():
        try:
            services.benefit_template_update(
                scope=scope,
                template=selectors.benefit_template_get(scope=scope, pk=pk),
                **form.cleaned_data,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(_list_url(template.project_id))
    context = {
        "form": form,
        "template": template,
        "project": template.project,
        "placeholders": benefit_text.PLACEHOLDERS,
    }
    return render(request, "acquisition/benefit_template_form.html", context)


@scoped_view(permission="change_acquisition")
def benefit_template_delete(request, pk: int):
    scope = request.scope
    template = selectors.benefit_template_get(scope=scope, pk=pk)
    if request.method == "POST":
        services.benefit_template_delete(scope=scope, template=template)
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": template})
        return redirect(_list_url(template.project_id))
    return render(
        request,
        "acquisition/benefit_template_confirm_delete.html",
        {"template": template, "cancel_url": _list_url(template.project_id)},
    )


def _list_url(project_id: int) -> str:
    return f"{reverse('acquisition:benefit_template_list')}?project={project_id}"


# -------------------------------------------------------------- the approach's block


@require_http_methods(["GET", "POST"])
@scoped_view(permission="view_acquisition")
def approach_benefit_block(request, pk: int):
    """The benefit block of an approach: GET shows it, POST generates (action=generate)
    or saves (action=save) the statement."""
    scope = request.scope
    approach = selectors.approach_get(scope=scope, pk=pk)
    can_change = scope.can("change_acquisition")
    if can_change:
        services.benefit_templates_ensure(scope=scope, project=approach.project)
    notice = ""
    missing: list[str] = []
    if request.method == "POST":
        if not can_change:
            raise PermissionDenied("change_acquisition")
        form = BenefitStatementForm(request.POST, prefix="benefit", scope=scope, approach=approach)
        if form.is_valid() and request.POST.get("action") == "generate":
            form, missing, notice = _generated(scope, approach, form)
        elif form.is_valid():
            try:
                changed = services.approach_update(
                    scope=scope,
                    approach=approach,
                    benefit_statement=form.cleaned_data["statement"],
                    benefit_template=form.cleaned_data["template"],
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                notice = (
                    _("The benefit statement has been saved.")
                    if changed
                    else _("Nothing has changed.")
                )
    else:
        form = BenefitStatementForm(
            prefix="benefit",
            scope=scope,
            approach=approach,
            initial={
                "template": approach.benefit_template
                or _first_template(scope=scope, approach=approach),
                "statement": approach.benefit_statement,
            },
        )
    dossier = selectors.dossier_find(
        scope=scope, project=approach.project, organisation=approach.organisation
    )
    context = {
        "approach": approach,
        "notice": notice,
        "benefit": {
            "form": form,
            "can_change": can_change,
            "url": reverse("acquisition:approach_benefit_block", args=[approach.pk]),
            "missing": missing,
            "dossier": dossier,
            "saved": approach.benefit_statement,
        },
    }
    template = (
        "acquisition/_approach_benefit.html" if request.htmx else "acquisition/benefit_form.html"
    )
    return render(request, template, context)


def _first_template(*, scope, approach):
    return selectors.benefit_template_list(scope=scope, project=approach.project).first()


def _generated(scope, approach, form):
    """The form again with the text area filled from the chosen template and the facts."""
    template = form.cleaned_data["template"]
    if template is None:
        form.add_error("template", _("Choose the template to generate the text from."))
        return form, [], ""
    facts = selectors.benefit_facts(scope=scope, approach=approach)
    text = benefit_text.render(template.text, facts)
    missing = [
        name
        for name in benefit_text.placeholders_used(template.text)
        if not benefit_text.value_text(facts.get(name))
    ]
    data = form.data.copy()
    data[form.add_prefix("statement")] = text
    form.data = data  # the text area shows the generated text; the form stays validated
    notice = _("The text has been generated from “%(name)s”. Edit it, then save it.") % {
        "name": template
    }
    return form, missing, notice
