"""Reads of company dossiers and of the facts a benefit statement is built from.

Everything goes through the scope; partners see nothing of it (no model here has a
`partner_visible`, and the pages require `view_acquisition`).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Function, Note, Organisation, Person
from netzwerkstatt.contacts.normalise import fold
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope

from .. import benefit_text
from ..models import (
    Activity,
    Approach,
    BenefitTemplate,
    DecisionMaker,
    Dossier,
    IdentifiedNeed,
    Measure,
    Need,
    ResearchNote,
    StageChange,
)

# The prior contacts a dossier page shows: the newest notes and activities.
PRIOR_CONTACTS_SHOWN = 20


@dataclass(frozen=True)
class DossierFilter:
    project: int | None = None
    search: str = ""

    @classmethod
    def from_query(cls, query) -> "DossierFilter":
        project = query.get("project", "").strip()
        return cls(
            project=int(project) if project.isdigit() else None,
            search=query.get("search", "").strip(),
        )


def dossier_list(*, scope: Scope, filters: DossierFilter) -> QuerySet[Dossier]:
    """The project's dossiers by company name, each with its number of research notes."""
    queryset = scope.objects(Dossier)
    if filters.project is not None:
        queryset = queryset.filter(project_id=filters.project)
    for word in fold(filters.search).split():
        queryset = queryset.filter(organisation__search_key__contains=word)
    return (
        queryset.select_related("organisation", "project")
        .annotate(note_count=Count("research_notes", distinct=True))
        .order_by("organisation__name", "id")
    )


# A page of dossiers' identified needs in one query.
DOSSIER_NEEDS_PREFETCH = Prefetch(
    "needs", queryset=IdentifiedNeed.objects.select_related("need").order_by("need__name", "id")
)


def dossier_get(*, scope: Scope, pk) -> Dossier:
    """The dossier with its project and company; Http404 for another workspace's."""
    try:
        return (
            scope.objects(Dossier)
            .select_related("project", "organisation", "updated_by")
            .get(pk=pk)
        )
    except (Dossier.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Dossier._meta.verbose_name) from error


def dossier_find(*, scope: Scope, project: Project, organisation: Organisation) -> Dossier | None:
    return scope.objects(Dossier).filter(project=project, organisation=organisation).first()


def research_notes(*, scope: Scope, dossier: Dossier) -> QuerySet[ResearchNote]:
    return (
        scope.objects(ResearchNote)
        .filter(dossier=dossier)
        .select_related("author")
        .order_by("-noted_on", "-id")
    )


def identified_needs(*, scope: Scope, dossier: Dossier) -> QuerySet[IdentifiedNeed]:
    return (
        scope.objects(IdentifiedNeed)
        .filter(dossier=dossier)
        .select_related("need")
        .order_by("need__name", "id")
    )


def decision_makers(*, scope: Scope, dossier: Dossier) -> QuerySet[DecisionMaker]:
    """The dossier's decision makers, each person with their functions at the company."""
    return (
        scope.objects(DecisionMaker)
        .filter(dossier=dossier)
        .select_related("person")
        .prefetch_related(
            Prefetch(
                "person__functions",
                queryset=scope.objects(Function).filter(organisation_id=dossier.organisation_id),
                to_attr="company_functions",
            )
        )
        .order_by("role", "person__last_name", "id")
    )


def decision_maker_choices(*, scope: Scope, dossier: Dossier) -> QuerySet[Person]:
    """Persons with a current function at the dossier's company, to name as decision makers."""
    today = timezone.localdate()
    current = Q(functions__end_date__isnull=True) | Q(functions__end_date__gte=today)
    return (
        scope.objects(Person)
        .filter(current, functions__organisation_id=dossier.organisation_id)
        .distinct()
        .order_by("last_name", "first_name", "id")
    )


def needs_available(*, scope: Scope, dossier: Dossier) -> QuerySet[Need]:
    """The vocabulary's needs the dossier does not name yet."""
    taken = scope.objects(IdentifiedNeed).filter(dossier=dossier).values("need_id")
    return scope.objects(Need).exclude(pk__in=taken).order_by("name", "id")


def prior_contacts(*, scope: Scope, organisation: Organisation, limit: int = PRIOR_CONTACTS_SHOWN):
    """Notes on the company and on its people, and acquisition activities with the company in
    any project, newest first (read-only on the dossier page)."""
    if not scope.can("view_notes"):
        return []
    people = scope.objects(Function).filter(organisation=organisation).values("person_id")
    notes = (
        scope.objects(Note)
        .filter(Q(organisation=organisation) | Q(person_id__in=people))
        .select_related("author", "person", "organisation")
        .order_by("-created_at", "-id")[:limit]
    )
    activities = (
        scope.objects(Activity)
        .filter(organisation=organisation)
        .select_related("project", "created_by")
        .order_by("-occurred_on", "-id")[:limit]
    )
    entries = [
        {"kind": "note", "date": note.created_at.date(), "at": note.created_at, "note": note}
        for note in notes
    ] + [
        {"kind": "activity", "date": activity.occurred_on, "at": None, "activity": activity}
        for activity in activities
    ]
    return sorted(entries, key=lambda entry: entry["date"], reverse=True)[:limit]


def dossier_approach(*, scope: Scope, dossier: Dossier) -> Approach | None:
    """The project's approach to the company with its stage history and activities."""
    return (
        scope.objects(Approach)
        .filter(project_id=dossier.project_id, organisation_id=dossier.organisation_id)
        .select_related("stage", "owner", "contact_person", "introducer", "benefit_template")
        .prefetch_related(
            Prefetch(
                "stage_changes",
                queryset=scope.objects(StageChange)
                .select_related("stage", "changed_by")
                .order_by("changed_at", "id"),
            ),
            Prefetch(
                "activities",
                queryset=scope.objects(Activity).order_by("-occurred_on", "-id"),
            ),
        )
        .first()
    )


def organisation_dossiers(*, scope: Scope, organisation: Organisation) -> list[dict]:
    """Each project of the workspace with the company's dossier there (or None), for the
    section on the company's page."""
    dossiers = {
        dossier.project_id: dossier
        for dossier in scope.objects(Dossier).filter(organisation=organisation)
    }
    return [
        {"project": project, "dossier": dossiers.get(project.pk)}
        for project in scope.objects(Project).order_by("name", "id")
    ]


# ------------------------------------------------------------------ benefit statements


def benefit_template_list(*, scope: Scope, project: Project) -> QuerySet[BenefitTemplate]:
    return scope.objects(BenefitTemplate).filter(project=project).order_by("name", "id")


def benefit_template_get(*, scope: Scope, pk) -> BenefitTemplate:
    try:
        return scope.objects(BenefitTemplate).select_related("project").get(pk=pk)
    except (BenefitTemplate.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(BenefitTemplate._meta.verbose_name) from error


def benefit_facts(*, scope: Scope, approach: Approach) -> dict:
    """The facts a benefit template is filled with, for the approach's company in its project.

    From the company record, the project's dossier on it (situation, structured facts,
    identified needs), the project's measures that answer those needs, and the approach
    plan (person to contact, introducer). Values are German text or lists of it; a fact
    the team has not recorded is absent, so its sentence is left out.
    """
    organisation = approach.organisation
    facts: dict = {
        "firma": organisation.name,
        "projekt": approach.project.name,
        "ort": organisation.city,
        "beschaeftigte": organisation.employee_count,
        "branche": organisation.sector_entry.title if organisation.sector_entry else "",
    }
    person = approach.contact_person
    if person is not None:
        facts["ansprechperson"] = person.full_name
        facts["anrede"] = benefit_text.salutation_phrase(
            salutation=person.salutation,
            title=person.title,
            first_name=person.first_name,
            last_name=person.last_name,
        )
    if approach.introducer_id:
        facts["einfuehrung"] = _introducer(scope, approach.introducer)
    dossier = dossier_find(scope=scope, project=approach.project, organisation=organisation)
    if dossier is None:
        return facts
    facts |= {
        "lage": benefit_text.as_sentence(dossier.situation),
        "aktuelles": benefit_text.as_sentence(dossier.recent_events),
        "anteil_50plus": benefit_text.share_phrase(dossier.share_50_plus),
        "offene_stellen": benefit_text.positions_phrase(dossier.open_positions),
    }
    needs = [identified.need for identified in identified_needs(scope=scope, dossier=dossier)]
    facts["bedarfe"] = [need.name for need in needs]
    if needs:
        need_ids = {need.pk for need in needs}
        measures = (
            scope.objects(Measure)
            .filter(project_id=approach.project_id, needs__in=need_ids)
            .distinct()
            .prefetch_related(Prefetch("needs", queryset=Need.objects.order_by("name", "id")))
            .order_by("name", "id")
        )
        facts["massnahmen"] = [measure.name for measure in measures]
        facts["nutzen"] = [
            benefit_text.benefit_item(
                measure.name, [need.name for need in measure.needs.all() if need.pk in need_ids]
            )
            for measure in measures
        ]
    return facts


def _introducer(scope: Scope, person: Person) -> str:
    """ "Jens Voss (Handwerkskammer Nord)": the name with the current organisation, if any."""
    function = next(
        (
            function
            for function in scope.objects(Function)
            .filter(person=person)
            .select_related("organisation")
            .order_by("end_date", "-start_date", "id")
            if function.is_current
        ),
        None,
    )
    if function is None:
        return person.full_name
    return f"{person.full_name} ({function.organisation.name})"
