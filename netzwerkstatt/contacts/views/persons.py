from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerkstatt.audit.services import audit_viewed
from netzwerkstatt.core.decorators import scoped_view

from .. import selectors, services
from ..forms import (
    EmailFormSet,
    FunctionFormSet,
    NoteForm,
    PersonFilterForm,
    PersonForm,
    PhoneFormSet,
    formset_data,
)
from ..models import Organisation, Person
from .common import contact_panels, delete_page, list_page


@scoped_view(permission="view_contacts")
def person_list(request):
    filters = selectors.PersonFilter.from_query(request.GET)
    return list_page(
        request,
        filter_form=PersonFilterForm(request.GET or None, scope=request.scope),
        queryset=selectors.person_list(scope=request.scope, filters=filters),
        template="contacts/person_list.html",
        partial="contacts/_person_results.html",
        prefetch=selectors.person_prefetches(scope=request.scope),
    )


@scoped_view(permission="view_contacts")
def person_detail(request, pk: int):
    person = selectors.person_detail(scope=request.scope, pk=pk)
    audit_viewed(scope=request.scope, target=person)
    context = {
        "person": person,
        "timeline": selectors.timeline(scope=request.scope, subject=person),
        "panels": contact_panels(scope=request.scope, subject=person),
        "note_form": NoteForm(),
    }
    return render(request, "contacts/person_detail.html", context)


def _formsets(
    request, *, scope, person: Person | None = None, organisation: Organisation | None = None
):
    data = request.POST or None
    if person is not None:
        initial_emails = [{"address": e.address, "kind": e.kind} for e in person.emails.all()]
        initial_phones = [{"number": p.number, "kind": p.kind} for p in person.phones.all()]
        initial_functions = [
            {
                "organisation": f.organisation,
                "role": f.role,
                "department": f.department,
                "start_date": f.start_date,
                "end_date": f.end_date,
            }
            for f in person.functions.all()
        ]
    else:
        initial_emails = initial_phones = []
        initial_functions = [{"organisation": organisation}] if organisation else []
    return {
        "emails": EmailFormSet(data, initial=initial_emails, prefix="emails"),
        "phones": PhoneFormSet(data, initial=initial_phones, prefix="phones"),
        "functions": FunctionFormSet(
            data, initial=initial_functions, prefix="functions", form_kwargs={"scope": scope}
        ),
    }


@scoped_view(permission="change_contacts")
def person_create(request):
    organisation_id = request.GET.get("organisation", "")
    organisation = (
        request.scope.objects(Organisation).filter(pk=organisation_id).first()
        if organisation_id.isdigit()
        else None
    )
    form = PersonForm(request.POST or None)
    formsets = _formsets(request, scope=request.scope, organisation=organisation)
    duplicates = []
    if (
        request.method == "POST"
        and form.is_valid()
        and all(f.is_valid() for f in formsets.values())
    ):
        details = {name: formset_data(formset) for name, formset in formsets.items()}
        duplicates = list(
            selectors.person_duplicates(
                scope=request.scope,
                first_name=form.cleaned_data["first_name"],
                last_name=form.cleaned_data["last_name"],
                emails=[email.address for email in details["emails"]],
                organisation_ids=[function.organisation.pk for function in details["functions"]],
            )[:10]
        )
        if not duplicates or request.POST.get("confirm_duplicate"):
            person = services.person_create(
                scope=request.scope,
                tags=form.cleaned_data["tags"],
                **form.service_fields(),
                **details,
            )
            messages.success(request, _("“%(name)s” has been created.") % {"name": person})
            return redirect(person)
    return render(
        request,
        "contacts/person_form.html",
        {"form": form, "formsets": formsets, "duplicates": duplicates},
    )


@scoped_view(permission="change_contacts")
def person_update(request, pk: int):
    person = selectors.person_detail(scope=request.scope, pk=pk)
    form = PersonForm(request.POST or None, instance=person)
    formsets = _formsets(request, scope=request.scope, person=person)
    if (
        request.method == "POST"
        and form.is_valid()
        and all(f.is_valid() for f in formsets.values())
    ):
        # The form has already copied its values onto its instance; the service
        # compares against the stored record to log what changed.
        services.person_update(
            scope=request.scope,
            person=request.scope.get(Person, pk=pk),
            tags=form.cleaned_data["tags"],
            **form.service_fields(),
            **{name: formset_data(formset) for name, formset in formsets.items()},
        )
        messages.success(request, _("Your changes have been saved."))
        return redirect(person)
    return render(
        request, "contacts/person_form.html", {"form": form, "formsets": formsets, "person": person}
    )


@scoped_view(permission="delete_contacts")
def person_delete(request, pk: int):
    return delete_page(
        request,
        obj=request.scope.get(Person, pk=pk),
        delete=services.person_delete,
        success_url=reverse("contacts:person_list"),
    )
