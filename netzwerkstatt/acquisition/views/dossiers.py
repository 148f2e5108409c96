"""Pages of the company dossier: the list per project, the dossier and its sections.

Each section of the dossier (situation and facts, needs, decision makers, research
notes) edits in place with htmx and answers with itself; without JavaScript the same
forms post and redirect to the dossier. Prior contacts, warm paths and the history of
approaches are read from the contacts, the network and the pipeline, never copied.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.views import add_service_errors
from netzwerkstatt.network.views.paths import warm_paths_panel

from .. import selectors, services
from ..forms import (
    DecisionMakerForm,
    DossierFilterForm,
    DossierForm,
    DossierOpenForm,
    IdentifiedNeedForm,
    ResearchNoteForm,
)
from ..models import DecisionMaker, IdentifiedNeed, ResearchNote

SECTIONS = {
    "facts": "acquisition/_dossier_facts.html",
    "needs": "acquisition/_dossier_needs.html",
    "decision_makers": "acquisition/_dossier_decision_makers.html",
    "notes": "acquisition/_dossier_notes.html",
}


# ------------------------------------------------------------------------------- list


@scoped_view(permission="view_acquisition")
def dossier_list(request):
    scope = request.scope
    filters = selectors.DossierFilter.from_query(request.GET)
    page = paginate(request, selectors.dossier_list(scope=scope, filters=filters))
    page.object_list = page.object_list.prefetch_related(selectors.DOSSIER_NEEDS_PREFETCH)
    projects = list(selectors.projects(scope=scope))
    context = {
        "page": page,
        "filters": filters,
        "filter_form": DossierFilterForm(request.GET or None, scope=scope),
        "project": next((p for p in projects if p.pk == filters.project), None),
        "has_projects": bool(projects),
        "query": request.GET.urlencode(),
    }
    template = (
        "acquisition/_dossier_results.html" if request.htmx else "acquisition/dossier_list.html"
    )
    return render(request, template, context)


# ---------------------------------------------------------- the company page's section


def dossier_panel(*, scope: Scope, subject) -> dict | None:
    """The "Dossiers" section of a company's page (`AcquisitionConfig.contact_panels`):
    the company's dossier in each project, or a button to start one. Team only."""
    if (
        not isinstance(subject, Organisation)
        or subject.kind != OrganisationKind.COMPANY
        or not scope.can("view_acquisition")
    ):
        return None
    rows = selectors.organisation_dossiers(scope=scope, organisation=subject)
    return {
        "template": "acquisition/_dossier_panel.html",
        "organisation": subject,
        "rows": rows,
        "can_change": scope.can("change_acquisition"),
    }


@require_POST
@scoped_view(permission="change_acquisition")
def dossier_open(request, organisation: int):
    """Open the company's dossier in the chosen project, creating it on first use."""
    scope = request.scope
    company = scope.get(Organisation, pk=organisation)
    form = DossierOpenForm(request.POST, scope=scope)
    if not form.is_valid():
        messages.error(request, _("Choose a project for the dossier."))
        return redirect(company)
    try:
        dossier, created = services.dossier_open(
            scope=scope, project=form.cleaned_data["project"], organisation=company
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(company)
    if created:
        messages.success(request, _("The dossier has been created."))
    return redirect(dossier)


# ----------------------------------------------------------------------------- dossier


@scoped_view(permission="view_acquisition")
def dossier_detail(request, pk: int):
    return _detail_page(request, selectors.dossier_get(scope=request.scope, pk=pk))


def _detail_page(request, dossier, **forms):
    scope = request.scope
    context = _sections(scope, dossier, **forms) | {
        "approach": selectors.dossier_approach(scope=scope, dossier=dossier),
        "prior_contacts": selectors.prior_contacts(scope=scope, organisation=dossier.organisation),
        "warm_paths": warm_paths_panel(scope=scope, subject=dossier.organisation),
    }
    return render(request, "acquisition/dossier_detail.html", context)


def _sections(scope: Scope, dossier, **forms) -> dict:
    """What the editable sections show, with empty forms unless given ones with errors."""
    can_change = scope.can("change_acquisition")
    context = {
        "dossier": dossier,
        "can_change": can_change,
        "notes": list(selectors.research_notes(scope=scope, dossier=dossier)),
        "needs": list(selectors.identified_needs(scope=scope, dossier=dossier)),
        "decision_makers": list(selectors.decision_makers(scope=scope, dossier=dossier)),
    }
    if can_change:
        context |= {
            "facts_form": forms.get("facts_form"),
            "note_form": forms.get("note_form")
            or ResearchNoteForm(prefix="note", initial={"noted_on": timezone.localdate()}),
            "need_form": forms.get("need_form")
            or IdentifiedNeedForm(prefix="need", scope=scope, dossier=dossier),
            "maker_form": forms.get("maker_form")
            or DecisionMakerForm(prefix="maker", scope=scope, dossier=dossier),
        }
    return context


def _section(request, dossier, section: str, *, notice: str = "", **forms):
    """The section (htmx) or, without JavaScript, the dossier page (or back to it)."""
    if not request.htmx:
        if notice:
            messages.success(request, notice)
            return redirect(dossier)
        return _detail_page(request, dossier, **forms)
    context = _sections(request.scope, dossier, **forms) | {"notice": notice}
    return render(request, SECTIONS[section], context)


@scoped_view(permission="change_acquisition")
def dossier_update(request, pk: int):
    """The situation and facts: GET the form in place (htmx), POST saves them."""
    scope = request.scope
    dossier = selectors.dossier_get(scope=scope, pk=pk)
    form = DossierForm(request.POST or None, instance=dossier, prefix="facts")
    if request.method == "POST" and form.is_valid():
        try:
            services.dossier_update(
                scope=scope,
                dossier=selectors.dossier_get(scope=scope, pk=pk),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _section(
                request,
                selectors.dossier_get(scope=scope, pk=pk),
                "facts",
                notice=_("Your changes have been saved."),
            )
    if not request.htmx:
        return render(request, "acquisition/dossier_form.html", {"dossier": dossier, "form": form})
    if request.method == "POST":
        # The form copied its (invalid) values onto the instance: show the stored facts.
        dossier = selectors.dossier_get(scope=scope, pk=pk)
    return _section(request, dossier, "facts", facts_form=form)


def _add(request, dossier, form, *, add, section: str, form_key: str, notice: str):
    """Add a row to a section of the dossier through the service `add`; the section
    comes back with a notice, or with the form and its errors."""
    if form.is_valid():
        try:
            add(scope=request.scope, dossier=dossier, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _section(request, dossier, section, notice=notice)
    return _section(request, dossier, section, **{form_key: form})


@require_POST
@scoped_view(permission="change_acquisition")
def research_note_create(request, pk: int):
    scope = request.scope
    dossier = selectors.dossier_get(scope=scope, pk=pk)
    form = ResearchNoteForm(request.POST, prefix="note")
    return _add(
        request, dossier, form, add=services.research_note_add, section="notes",
        form_key="note_form", notice=_("The finding has been added."),
    )  # fmt: skip


@require_POST
@scoped_view(permission="change_acquisition")
def research_note_delete(request, pk: int):
    scope = request.scope
    note = scope.get(ResearchNote, pk=pk)
    dossier = selectors.dossier_get(scope=scope, pk=note.dossier_id)
    services.research_note_delete(scope=scope, note=note)
    return _section(request, dossier, "notes", notice=_("The finding has been deleted."))


@require_POST
@scoped_view(permission="change_acquisition")
def identified_need_create(request, pk: int):
    scope = request.scope
    dossier = selectors.dossier_get(scope=scope, pk=pk)
    form = IdentifiedNeedForm(request.POST, prefix="need", scope=scope, dossier=dossier)
    return _add(
        request, dossier, form, add=services.identified_need_add, section="needs",
        form_key="need_form", notice=_("The need has been added."),
    )  # fmt: skip


@require_POST
@scoped_view(permission="change_acquisition")
def identified_need_delete(request, pk: int):
    scope = request.scope
    identified = scope.get(IdentifiedNeed, pk=pk)
    dossier = selectors.dossier_get(scope=scope, pk=identified.dossier_id)
    services.identified_need_delete(scope=scope, identified=identified)
    return _section(request, dossier, "needs", notice=_("The need has been removed."))


@require_POST
@scoped_view(permission="change_acquisition")
def decision_maker_create(request, pk: int):
    scope = request.scope
    dossier = selectors.dossier_get(scope=scope, pk=pk)
    form = DecisionMakerForm(request.POST, prefix="maker", scope=scope, dossier=dossier)
    return _add(
        request, dossier, form, add=services.decision_maker_add, section="decision_makers",
        form_key="maker_form", notice=_("The person has been added."),
    )  # fmt: skip


@require_POST
@scoped_view(permission="change_acquisition")
def decision_maker_delete(request, pk: int):
    scope = request.scope
    maker = scope.get(DecisionMaker, pk=pk)
    dossier = selectors.dossier_get(scope=scope, pk=maker.dossier_id)
    services.decision_maker_delete(scope=scope, maker=maker)
    return _section(request, dossier, "decision_makers", notice=_("The person has been removed."))
