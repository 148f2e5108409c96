"""View code shared by the organisation and person pages."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.hooks import app_sections
from netzwerkstatt.core.pagination import paginate

from .. import selectors


def list_page(request, *, filter_form, queryset, template: str, partial: str, prefetch=()):
    """A filtered, paginated list; htmx requests from the filter bar get only the results."""
    page = paginate(request, queryset)
    page.object_list = page.object_list.prefetch_related(*prefetch)
    context = {"filter_form": filter_form, "page": page, "query": request.GET.urlencode()}
    return render(request, partial if request.htmx else template, context)


def delete_page(
    request, *, obj, delete, success_url: str, template: str = "contacts/confirm_delete.html"
):
    """GET asks for confirmation, POST deletes through the given service."""
    if request.method == "POST":
        name = str(obj)
        delete(scope=request.scope, **{obj._meta.model_name: obj})
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": name})
        return redirect(success_url)
    return render(request, template, {"object": obj, "cancel_url": obj.get_absolute_url()})


def contact_panels(*, scope, subject) -> list[dict]:
    """Sections other apps add to an organisation's or person's page (`contact_panels`)."""
    return app_sections("contact_panels", scope=scope, subject=subject)


def person_checkbox_options(request, *, name: str):
    """The htmx answer of a person search that adds checkboxes named `name`: the persons
    ticked among the previous results (`?<name>=`) stay ticked, then the matches of ?q=."""
    search = request.GET.get("q", "").strip()
    ticked = [int(value) for value in request.GET.getlist(name) if value.isdigit()]
    chosen, persons = selectors.person_checkbox_options(
        scope=request.scope, search=search, ticked=ticked
    )
    context = {"name": name, "chosen": chosen, "persons": persons, "searched": bool(search)}
    return render(request, "contacts/_person_checkbox_options.html", context)
