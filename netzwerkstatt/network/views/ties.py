"""Tie pages: list, record, edit, delete; the person/organisation picker; the contact-page panel."""

from contextlib import suppress

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.contacts import selectors as contact_selectors
from netzwerkstatt.contacts.models import Function, Organisation, Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate

from .. import selectors, services
from ..forms import TieFilterForm, TieForm, TieUpdateForm
from ..panels import TEMPLATE as PANEL_TEMPLATE
from ..panels import panel_for_key
from . import add_service_errors, next_url

OPTIONS_SHOWN = 10


@scoped_view(permission="view_contacts")
def tie_list(request):
    """All ties, or one node's (?person= / ?organisation=), filtered by kind and strength."""
    scope = request.scope
    filters = selectors.TieFilter.from_query(request.GET)
    node = None
    if filters.person is not None:
        node = scope.objects(Person).filter(pk=filters.person).first()
    elif filters.organisation is not None:
        node = scope.objects(Organisation).filter(pk=filters.organisation).first()
    page = paginate(request, selectors.tie_list(scope=scope, filters=filters))
    context = {
        "page": page,
        "node": node,
        "items": [
            (tie, selectors.node_tie(tie, node) if node else None) for tie in page.object_list
        ],
        "filter_form": TieFilterForm(request.GET or None),
        "show_trust": scope.can("view_trust"),
    }
    template = "network/_tie_results.html" if request.htmx else "network/tie_list.html"
    return render(request, template, context)


@scoped_view(permission="change_network")
def tie_create(request):
    """Record a tie. From the contact-page panel (htmx) the answer is the refreshed panel."""
    scope = request.scope
    panel_key = request.POST.get("panel", "") if request.htmx else ""
    if request.method == "POST":
        form = TieForm(request.POST, scope=scope, prefix="tie", fixed_node=bool(panel_key))
        if form.is_valid():
            try:
                _tie, created = services.tie_save(scope=scope, **form.values())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                notice = (
                    _("The tie has been recorded.")
                    if created
                    else _("This tie already existed; it has been updated.")
                )
                if panel_key:
                    return panel_response(request, panel_key, notice=notice)
                messages.success(request, notice)
                node = form.cleaned_data["node"]
                return redirect(next_url(request, node.get_absolute_url()))
        if panel_key:
            return panel_response(request, panel_key, tie_form=form, open_form="tie")
    else:
        initial = {}
        node_key = request.GET.get("node", "")
        if node_key:
            with suppress(Http404):
                initial["node"] = selectors.node_from_key(scope=scope, key=node_key)
        form = TieForm(scope=scope, prefix="tie", initial=initial)
    return render(request, "network/tie_form.html", {"form": form, "next": next_url(request, "")})


def panel_response(request, key: str, *, notice: str = "", **forms) -> HttpResponse:
    """The contact-page panel of the node `key` names (404 if not in scope), for htmx."""
    panel = panel_for_key(scope=request.scope, key=key, **forms)
    return render(request, PANEL_TEMPLATE, {"panel": {**panel, "notice": notice}})


@scoped_view(permission="change_network")
def tie_update(request, pk: int):
    scope = request.scope
    tie = selectors.tie_get(scope=scope, pk=pk)
    form = TieUpdateForm(request.POST or None, scope=scope, tie=tie)
    if request.method == "POST" and form.is_valid():
        try:
            services.tie_update(
                scope=scope, tie=selectors.tie_get(scope=scope, pk=pk), **form.values()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(next_url(request, tie.source.get_absolute_url()))
    return render(
        request,
        "network/tie_form.html",
        {"form": form, "tie": tie, "next": next_url(request, "")},
    )


@scoped_view(permission="change_network")
def tie_delete(request, pk: int):
    scope = request.scope
    tie = selectors.tie_get(scope=scope, pk=pk)
    back = next_url(request, tie.source.get_absolute_url())
    if request.method == "POST":
        services.tie_delete(scope=scope, tie=tie)
        messages.success(request, _("The tie has been deleted."))
        return redirect(back)
    return render(request, "network/tie_confirm_delete.html", {"tie": tie, "cancel_url": back})


@require_GET
@scoped_view(permission="view_contacts")
def node_options(request, types: str = "person,organisation") -> HttpResponse:
    """<option>s of persons and organisations matching ?q=, for picking a tie's end (htmx)."""
    scope = request.scope
    text = request.GET.get("q", "").strip()
    wanted = set(types.split(","))
    persons, organisations = [], []
    if text and "person" in wanted:
        persons = list(
            contact_selectors.person_list(
                scope=scope, filters=contact_selectors.PersonFilter(search=text)
            ).prefetch_related(
                Prefetch(
                    "functions",
                    queryset=scope.objects(Function).select_related("organisation"),
                )
            )[:OPTIONS_SHOWN]
        )
    if text and "organisation" in wanted:
        organisations = list(
            contact_selectors.organisation_list(
                scope=scope, filters=contact_selectors.OrganisationFilter(search=text)
            )[:OPTIONS_SHOWN]
        )
    context = {
        "searched": bool(text),
        "persons": persons,
        "organisations": organisations,
        "count": len(persons) + len(organisations),
    }
    return render(request, "network/_node_options.html", context)
