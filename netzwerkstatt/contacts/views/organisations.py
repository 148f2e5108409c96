from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.core.decorators import scoped_view

from .. import selectors, services
from ..forms import NoteForm, OrganisationFilterForm, OrganisationForm
from ..models import Organisation
from .common import contact_panels, delete_page, list_page


@scoped_view(permission="view_contacts")
def organisation_list(request):
    filters = selectors.OrganisationFilter.from_query(request.GET)
    return list_page(
        request,
        filter_form=OrganisationFilterForm(request.GET or None, scope=request.scope),
        queryset=selectors.organisation_list(scope=request.scope, filters=filters),
        template="contacts/organisation_list.html",
        partial="contacts/_organisation_results.html",
        prefetch=["tags"],
    )


@scoped_view(permission="view_contacts")
def organisation_detail(request, pk: int):
    organisation = request.scope.get(Organisation, pk=pk)
    context = {
        "organisation": organisation,
        "functions": selectors.organisation_people(scope=request.scope, organisation=organisation),
        "timeline": selectors.timeline(scope=request.scope, subject=organisation),
        "panels": contact_panels(scope=request.scope, subject=organisation),
        "note_form": NoteForm(),
    }
    return render(request, "contacts/organisation_detail.html", context)


@scoped_view(permission="change_contacts")
def organisation_create(request):
    form = OrganisationForm(request.POST or None, scope=request.scope)
    duplicates = []
    if request.method == "POST" and form.is_valid():
        duplicates = list(
            selectors.organisation_duplicates(
                scope=request.scope,
                name=form.cleaned_data["name"],
                postal_code=form.cleaned_data["postal_code"],
            )[:10]
        )
        if not duplicates or request.POST.get("confirm_duplicate"):
            organisation = services.organisation_create(
                scope=request.scope, tags=form.cleaned_data["tags"], **form.service_fields()
            )
            messages.success(request, _("“%(name)s” has been created.") % {"name": organisation})
            return redirect(organisation)
    return render(
        request, "contacts/organisation_form.html", {"form": form, "duplicates": duplicates}
    )


@scoped_view(permission="change_contacts")
def organisation_update(request, pk: int):
    organisation = request.scope.get(Organisation, pk=pk)
    form = OrganisationForm(request.POST or None, instance=organisation, scope=request.scope)
    if request.method == "POST" and form.is_valid():
        # The form has already copied its values onto its instance; the service
        # compares against the stored record to log what changed.
        services.organisation_update(
            scope=request.scope,
            organisation=request.scope.get(Organisation, pk=pk),
            tags=form.cleaned_data["tags"],
            **form.service_fields(),
        )
        messages.success(request, _("Your changes have been saved."))
        return redirect(organisation)
    return render(
        request, "contacts/organisation_form.html", {"form": form, "organisation": organisation}
    )


@scoped_view(permission="delete_contacts")
def organisation_delete(request, pk: int):
    return delete_page(
        request,
        obj=request.scope.get(Organisation, pk=pk),
        delete=services.organisation_delete,
        success_url=reverse("contacts:organisation_list"),
    )


@require_GET
@scoped_view(permission="view_contacts")
def organisation_options(request) -> HttpResponse:
    """<option>s of organisations matching ?q=, for picking one in a form (htmx)."""
    filters = selectors.OrganisationFilter(search=request.GET.get("q", ""))
    organisations = selectors.organisation_list(scope=request.scope, filters=filters)[:20]
    return render(request, "contacts/_organisation_options.html", {"organisations": organisations})
