"""Reads of a project's pipeline: the board, the table, one approach and its history.

Every read goes through the scope; partners see none of it (`view_acquisition`).
The board reads the stages and at most CARDS_PER_COLUMN cards per stage in two
queries whatever the pipeline's size; the table reads one page.
"""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.warm import warm_paths_to

from ..enums import Channel
from ..models import Approach, ApproachMeasure, Measure, Stage, StageChange

# A board column shows this many cards; the table view lists the rest.
CARDS_PER_COLUMN = 50

# The table's sort keys (?sort=, a leading "-" sorts descending) and their columns.
SORTS = {
    "company": ("organisation__name", "id"),
    "stage": ("stage__position", "position", "id"),
    "channel": ("channel", "organisation__name", "id"),
    "owner": ("owner__last_name", "owner__first_name", "owner__email", "id"),
    "next_step": ("next_step_on", "organisation__name", "id"),
    "since": ("stage_changed_at", "id"),
}
DEFAULT_SORT = "stage"


def project_choose(*, scope: Scope, value) -> tuple[Project | None, list[Project]]:
    """The project named by `value` (a ?project= id), else the first by name; and all projects."""
    projects = list(scope.objects(Project).order_by("name", "id"))
    chosen = next((p for p in projects if str(p.pk) == str(value)), None)
    return chosen or (projects[0] if projects else None), projects


@dataclass
class Column:
    stage: Stage
    count: int
    cards: list[Approach] = field(default_factory=list)

    @property
    def hidden(self) -> int:
        return self.count - len(self.cards)


def board_columns(
    *,
    scope: Scope,
    project: Project,
    stages: list[Stage],
    only: set[int] | None = None,
    limit: int = CARDS_PER_COLUMN,
) -> list[Column]:
    """The board's columns in stage order with their first cards; `only` limits to some stages.

    Two queries: the cards (numbered per stage by a window function, so each column reads
    at most `limit`) and the count per stage.
    """
    wanted = [stage for stage in stages if only is None or stage.pk in only]
    ids = [stage.pk for stage in wanted]
    cards = (
        _approaches(scope)
        .filter(project=project, stage_id__in=ids)
        .annotate(
            place=Window(
                RowNumber(), partition_by=[F("stage_id")], order_by=[F("position"), F("id")]
            )
        )
        .filter(place__lte=limit)
        .order_by("stage_id", "position", "id")
    )
    counts = dict(
        scope.objects(Approach)
        .filter(project=project, stage_id__in=ids)
        .order_by()
        .values("stage_id")
        .annotate(count=Count("id"))
        .values_list("stage_id", "count")
    )
    columns = {stage.pk: Column(stage=stage, count=counts.get(stage.pk, 0)) for stage in wanted}
    now, today = timezone.now(), timezone.localdate()
    for card in cards:
        card.days_in_stage = max(0, (now - card.stage_changed_at).days)
        card.overdue = card.next_step_on is not None and card.next_step_on < today
        columns[card.stage_id].cards.append(card)
    return list(columns.values())


def _approaches(scope: Scope) -> QuerySet[Approach]:
    return scope.objects(Approach).select_related("organisation", "owner", "stage")


@dataclass(frozen=True)
class ApproachFilter:
    stage: int | None = None
    owner: int | None = None
    channel: str = ""
    sort: str = DEFAULT_SORT

    @classmethod
    def from_query(cls, query) -> "ApproachFilter":
        stage, owner = (query.get(name, "").strip() for name in ("stage", "owner"))
        channel = query.get("channel", "").strip()
        sort = query.get("sort", "").strip()
        return cls(
            stage=int(stage) if stage.isdigit() else None,
            owner=int(owner) if owner.isdigit() else None,
            channel=channel if channel in Channel.values else "",
            sort=sort if sort.lstrip("-") in SORTS else DEFAULT_SORT,
        )

    @property
    def active(self) -> bool:
        return bool(self.stage or self.owner or self.channel)


def approach_list(
    *, scope: Scope, project: Project, filters: ApproachFilter = ApproachFilter()
) -> QuerySet[Approach]:
    """The project's approaches for the table, filtered and sorted (see SORTS)."""
    queryset = _approaches(scope).filter(project=project)
    if filters.stage is not None:
        queryset = queryset.filter(stage_id=filters.stage)
    if filters.owner is not None:
        queryset = queryset.filter(owner_id=filters.owner)
    if filters.channel:
        queryset = queryset.filter(channel=filters.channel)
    key = filters.sort.lstrip("-")
    columns = SORTS[key]
    if filters.sort.startswith("-"):
        order = [F(columns[0]).desc(nulls_last=True), *(f"-{c}" for c in columns[1:])]
    else:
        order = [F(columns[0]).asc(nulls_last=True), *columns[1:]]
    return queryset.order_by(*order)


def approach_get(*, scope: Scope, pk) -> Approach:
    """The approach with its project, company, stage and persons; Http404 for another workspace's."""
    try:
        return (
            _approaches(scope)
            .select_related("project", "contact_person", "introducer", "benefit_template")
            .get(pk=pk)
        )
    except (Approach.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Approach._meta.verbose_name) from error


def approach_history(*, scope: Scope, approach: Approach) -> list[StageChange]:
    """The approach's moves, newest first."""
    return list(
        scope.objects(StageChange)
        .filter(approach=approach)
        .select_related("stage", "changed_by")
        .order_by("-changed_at", "-id")
    )


def approach_agreements(*, scope: Scope, approach: Approach) -> list[ApproachMeasure]:
    return list(
        scope.objects(ApproachMeasure)
        .filter(approach=approach)
        .select_related("measure")
        .order_by("agreed_on", "id")
    )


def agreement_get(*, scope: Scope, pk) -> ApproachMeasure:
    try:
        return (
            scope.objects(ApproachMeasure)
            .select_related("approach", "measure", "approach__organisation")
            .get(pk=pk)
        )
    except (ApproachMeasure.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(ApproachMeasure._meta.verbose_name) from error


def introducer_suggestions(*, scope: Scope, approach: Approach, user=None) -> list[dict]:
    """The people who could introduce the team on the best warm paths to the company.

    They are the persons in the middle of a path (not the team member it starts at,
    not the company's own people), best path first, each with the path's chance.
    Warm paths are the team's view (`view_team`); without it there are no suggestions.
    """
    if not scope.can("view_team"):
        return []
    result = warm_paths_to(scope=scope, subject=approach.organisation, k=3, user=user)
    staff = set(
        company_people(scope=scope, organisation=approach.organisation).values_list("pk", flat=True)
    )
    chances: dict[int, int] = {}
    for path in result.paths:
        for key in path.path.nodes[1:-1]:
            node_type, _sep, node_id = key.partition(":")
            if node_type == "person" and int(node_id) not in staff:
                chances.setdefault(int(node_id), path.percent)
    persons = scope.objects(Person).in_bulk(list(chances))
    return [
        {"person": persons[pk], "percent": percent}
        for pk, percent in chances.items()
        if pk in persons
    ]


def project_measures(*, scope: Scope, project_id: int) -> QuerySet[Measure]:
    return scope.objects(Measure).filter(project_id=project_id).order_by("name", "id")


def company_people(*, scope: Scope, organisation: Organisation) -> QuerySet[Person]:
    """The persons with a current function at the company: whom the team can contact."""
    today = timezone.localdate()
    current = Q(functions__end_date__isnull=True) | Q(functions__end_date__gte=today)
    return (
        scope.objects(Person)
        .filter(current, functions__organisation=organisation)
        .distinct()
        .order_by("last_name", "first_name", "id")
    )


def stage_list(*, scope: Scope, project: Project) -> list[Stage]:
    """The project's stages in order, each with `approach_count` (the editor shows them)."""
    return list(
        scope.objects(Stage)
        .filter(project=project)
        .annotate(approach_count=Count("approaches"))
        .order_by("position", "id")
    )


def stage_get(*, scope: Scope, pk) -> Stage:
    try:
        return scope.objects(Stage).select_related("project").get(pk=pk)
    except (Stage.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Stage._meta.verbose_name) from error


def organisation_approaches(*, scope: Scope, organisation: Organisation) -> list[Approach]:
    """The company's approaches in all of the workspace's projects (the organisation page)."""
    return list(
        scope.objects(Approach)
        .filter(organisation=organisation)
        .select_related("project", "stage", "owner")
        .order_by("project__name", "id")
    )
