"""Pages of the measures catalogue and the needs vocabulary.

The needs page edits in place with htmx (add above the table, edit a row where it
stands); without JavaScript the same forms post and redirect.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.network.views import add_service_errors

from .. import selectors, services
from ..forms import MeasureFilterForm, MeasureForm, NeedForm

# ---------------------------------------------------------------------------- measures


@scoped_view(permission="view_measures")
def measure_list(request):
    scope = request.scope
    filters = selectors.MeasureFilter.from_query(request.GET)
    page = paginate(request, selectors.measure_list(scope=scope, filters=filters))
    page.object_list = page.object_list.prefetch_related(selectors.NEEDS_PREFETCH)
    projects = list(selectors.projects(scope=scope))
    context = {
        "page": page,
        "filters": filters,
        "filter_form": MeasureFilterForm(request.GET or None, scope=scope),
        "project": next((p for p in projects if p.pk == filters.project), None),
        "has_projects": bool(projects),
        "query": request.GET.urlencode(),
    }
    template = (
        "acquisition/_measure_results.html" if request.htmx else "acquisition/measure_list.html"
    )
    return render(request, template, context)


@scoped_view(permission="view_measures")
def measure_detail(request, pk: int):
    measure = selectors.measure_get(scope=request.scope, pk=pk)
    return render(request, "acquisition/measure_detail.html", {"measure": measure})


@scoped_view(permission="change_measures")
def measure_create(request):
    scope = request.scope
    initial = {}
    if request.GET.get("project", "").isdigit():
        initial["project"] = request.GET["project"]
    if request.GET.get("need", "").isdigit():
        initial["needs"] = [request.GET["need"]]
    form = MeasureForm(request.POST or None, scope=scope, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            measure = services.measure_create(scope=scope, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been created.") % {"name": measure})
            return redirect(measure)
    return render(
        request,
        "acquisition/measure_form.html",
        {"form": form, "has_projects": selectors.projects(scope=scope).exists()},
    )


@scoped_view(permission="change_measures")
def measure_update(request, pk: int):
    scope = request.scope
    measure = selectors.measure_get(scope=scope, pk=pk)
    form = MeasureForm(request.POST or None, instance=measure, scope=scope)
    if request.method == "POST" and form.is_valid():
        # The form has already copied its values onto its instance; the service
        # compares against the stored measure to log what changed.
        try:
            services.measure_update(
                scope=scope,
                measure=selectors.measure_get(scope=scope, pk=pk),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(measure)
    return render(
        request,
        "acquisition/measure_form.html",
        {"form": form, "measure": measure, "has_projects": True},
    )


@scoped_view(permission="change_measures")
def measure_delete(request, pk: int):
    scope = request.scope
    measure = selectors.measure_get(scope=scope, pk=pk)
    if request.method == "POST":
        try:
            services.measure_delete(scope=scope, measure=measure)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(measure)
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": measure})
        return redirect(f"{reverse('acquisition:measure_list')}?project={measure.project_id}")
    return render(
        request,
        "acquisition/measure_confirm_delete.html",
        {"measure": measure, "cancel_url": measure.get_absolute_url()},
    )


# ------------------------------------------------------------------------------- needs


def _needs_context(request, *, form=None, notice: str = "") -> dict:
    can_manage = request.scope.can("manage_needs")
    return {
        "needs": list(selectors.need_list(scope=request.scope)),
        "form": (form or NeedForm(prefix="new")) if can_manage else None,
        "notice": notice,
    }


@scoped_view(permission="view_measures")
def need_list(request):
    return render(request, "acquisition/need_list.html", _needs_context(request))


@require_POST
@scoped_view(permission="manage_needs")
def need_create(request):
    """Add a need; htmx gets the needs section back (with the errors, if any)."""
    scope = request.scope
    form = NeedForm(request.POST, prefix="new")
    notice = ""
    if form.is_valid():
        try:
            need = services.need_create(scope=scope, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            notice = _("“%(name)s” has been added.") % {"name": need}
            if not request.htmx:
                messages.success(request, notice)
                return redirect("acquisition:need_list")
            form = None
    template = "acquisition/_needs.html" if request.htmx else "acquisition/need_list.html"
    return render(request, template, _needs_context(request, form=form, notice=notice))


@require_POST
@scoped_view(permission="manage_needs")
def need_defaults(request):
    """Create the standard needs the vocabulary lacks (one click on an empty vocabulary)."""
    created = services.needs_create_defaults(scope=request.scope)
    if created:
        notice = ngettext(
            "%(count)d standard need has been added.",
            "%(count)d standard needs have been added.",
            len(created),
        ) % {"count": len(created)}
    else:
        notice = _("The vocabulary already has all standard needs.")
    if request.htmx:
        return render(request, "acquisition/_needs.html", _needs_context(request, notice=notice))
    messages.success(request, notice)
    return redirect("acquisition:need_list")


@require_GET
@scoped_view(permission="view_measures")
def need_row(request, pk: int):
    """One row of the needs table (htmx: cancelling an edit); otherwise the needs page."""
    need = selectors.need_get(scope=request.scope, pk=pk)
    if not request.htmx:
        return redirect(need)
    return render(request, "acquisition/_need_row.html", {"need": need})


@scoped_view(permission="manage_needs")
def need_update(request, pk: int):
    """Edit a need in its row (htmx) or on a page of its own."""
    scope = request.scope
    need = selectors.need_get(scope=scope, pk=pk)
    form = NeedForm(request.POST or None, instance=need, prefix=f"need-{need.pk}")
    if request.method == "POST" and form.is_valid():
        try:
            services.need_update(
                scope=scope, need=selectors.need_get(scope=scope, pk=pk), **form.cleaned_data
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Your changes have been saved."))
                return redirect(need)
            return render(
                request,
                "acquisition/_need_row.html",
                {
                    "need": selectors.need_get(scope=scope, pk=pk),
                    "notice": _("Your changes have been saved."),
                },
            )
    template = "acquisition/_need_edit_row.html" if request.htmx else "acquisition/need_form.html"
    return render(request, template, {"need": need, "form": form})


@scoped_view(permission="manage_needs")
def need_delete(request, pk: int):
    scope = request.scope
    need = selectors.need_get(scope=scope, pk=pk)
    if request.method == "POST":
        name = str(need)
        measures = services.need_delete(scope=scope, need=need)
        messages.success(
            request,
            ngettext(
                "“%(name)s” has been deleted; %(count)d measure no longer answers it.",
                "“%(name)s” has been deleted; %(count)d measures no longer answer it.",
                measures,
            )
            % {"name": name, "count": measures}
            if measures
            else _("“%(name)s” has been deleted.") % {"name": name},
        )
        return redirect("acquisition:need_list")
    return render(
        request,
        "acquisition/need_confirm_delete.html",
        {"need": need, "cancel_url": reverse("acquisition:need_list")},
    )
