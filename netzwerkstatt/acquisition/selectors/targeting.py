"""Reads of the target list: every company of the workspace scored for one project.

The list scores the whole workspace on every request, so it reads the facts in a
fixed number of aggregate queries (`values_list`, grouped in the database), scores
them with numpy (`acquisition.scoring`), sorts and filters the arrays, and loads
model instances only for the page's rows. The warm paths are not searched here:
`WarmPathScore` holds them, refreshed in a batch (`services.warm_path_scores_refresh`);
`warm_paths_stale` tells the page when the network changed since.
"""

import datetime as dt
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

import numpy as np
from django.core.paginator import Page, Paginator
from django.db.models import Count, Max, Q
from django.http import Http404
from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.contacts.models import Function, Note, Organisation
from netzwerkstatt.contacts.normalise import fold
from netzwerkstatt.contacts.services import DATA_TOPIC as CONTACTS_TOPIC
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.pagination import PER_PAGE
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.selectors import data_versions
from netzwerkstatt.network.enums import RecommendationOutcome
from netzwerkstatt.network.models import Recommendation, Tie
from netzwerkstatt.network.selectors import team_person_ids
from netzwerkstatt.network.services import DATA_TOPIC as NETWORK_TOPIC

from .. import scoring
from ..models import Activity, Approach, IdentifiedNeed, Measure, TargetProfile, WarmPathScore

SORTS = ("score", "name", *scoring.PARTS)
WEIGHT_FIELDS = {
    "sector": "sector_weight",
    "size": "size_weight",
    "region": "region_weight",
    "needs": "needs_weight",
    "warm_path": "warm_path_weight",
    "recommendation": "recommendation_weight",
    "contact": "contact_weight",
}
# Persons per query when their current functions are looked up.
CHUNK = 5_000


@dataclass(frozen=True)
class TargetFilter:
    project: int | None = None
    sector: str = ""
    size_class: str = ""
    district: str = ""
    min_score: int | None = None
    new_only: bool = False
    sort: str = "score"

    @classmethod
    def from_query(cls, query) -> "TargetFilter":
        project = query.get("project", "").strip()
        min_score = query.get("min_score", "").strip()
        sort = query.get("sort", "").strip()
        size_class = query.get("size_class", "").strip()
        return cls(
            project=int(project) if project.isdigit() else None,
            sector=query.get("sector", "").strip().upper()[:2],
            size_class=size_class if size_class in SizeClass.values else "",
            district=query.get("district", "").strip()[:100],
            min_score=min(int(min_score), 100) if min_score.isdigit() else None,
            new_only=query.get("new_only", "") in {"1", "on", "true"},
            sort=sort if sort in SORTS else "score",
        )

    @property
    def active(self) -> bool:
        return bool(
            self.sector or self.size_class or self.district or self.min_score or self.new_only
        )

    def query(self, **changes) -> str:
        """The query string of these filters with some changed (for sort links)."""
        values = replace(self, **changes)
        pairs = {
            "project": values.project or "",
            "sector": values.sector,
            "size_class": values.size_class,
            "district": values.district,
            "min_score": "" if values.min_score is None else values.min_score,
            "new_only": "1" if values.new_only else "",
            "sort": "" if values.sort == "score" else values.sort,
        }
        return urlencode({key: value for key, value in pairs.items() if value != ""})


@dataclass(frozen=True)
class CompanyFacts:
    """What the score is computed from, for every company of the workspace, by name."""

    ids: np.ndarray
    district_names: list[str]
    companies: scoring.Companies
    warm_hops: np.ndarray
    last_contact: list[dt.date | None]
    warm_stale: bool  # scores missing or computed before the last change of the network

    def __len__(self) -> int:
        return len(self.ids)


@dataclass
class TargetRow:
    organisation: Organisation
    total: float
    parts: list[scoring.Part]
    needs: int
    recommendations: int
    last_contact: dt.date | None
    warm_hops: int
    approach: Approach | None
    # (label, part) of the parts that count, set by the view for the template
    display: list = field(default_factory=list)

    def part(self, name: str) -> scoring.Part:
        return next(part for part in self.parts if part.name == name)


@dataclass
class TargetList:
    project: Project
    profile: TargetProfile
    page: Page
    companies: int  # all companies of the workspace
    in_pipeline: int
    warm_stale: bool
    weights: dict[str, int] = field(default_factory=dict)  # as they count


# --------------------------------------------------------------------------- profile


def target_profile_get(*, scope: Scope, project: Project) -> TargetProfile:
    """The project's target profile, or an unsaved one with the defaults (any company,
    every part weighing 1)."""
    profile = scope.objects(TargetProfile).filter(project=project).first()
    return profile or TargetProfile(workspace=scope.workspace, project=project)


def profile_weights(profile: TargetProfile) -> dict[str, int]:
    return {part: getattr(profile, name) for part, name in WEIGHT_FIELDS.items()}


def profile_criteria(profile: TargetProfile) -> scoring.Criteria:
    return scoring.Criteria(
        sectors=frozenset(str(code).upper() for code in profile.sectors or ()),
        size_classes=frozenset(profile.size_classes or ()),
        districts=frozenset(fold(district) for district in profile.districts or ()),
    )


def target_project(*, scope: Scope, pk: int | None) -> Project | None:
    """The project asked for (Http404 for another workspace's), else the first by name."""
    projects = scope.objects(Project).order_by("name", "id")
    if pk is None:
        return projects.first()
    try:
        return projects.get(pk=pk)
    except Project.DoesNotExist as error:
        raise Http404(Project._meta.verbose_name) from error


def company_districts(*, scope: Scope) -> list[str]:
    """The districts of the workspace's companies, for filters and the profile."""
    return list(
        _companies(scope)
        .exclude(district="")
        .order_by("district")
        .values_list("district", flat=True)
        .distinct()
    )


# ------------------------------------------------------------------------ warm paths


def warm_path_version(*, scope: Scope) -> int:
    """A number that grows whenever the graph behind the warm paths may have changed:
    the sum of the contacts' and the network's data versions (functions, door openers
    and ties change the paths; both counters only grow, so their sum changes with each)."""
    return sum(data_versions(workspace=scope.workspace, topics=(CONTACTS_TOPIC, NETWORK_TOPIC)))


def warm_paths_stale(*, scope: Scope) -> bool:
    """Whether some company has no warm-path score or one computed before the last change."""
    current = warm_path_version(scope=scope)
    stale = scope.objects(WarmPathScore).exclude(network_version=current).exists()
    return (
        stale
        or _companies(scope)
        .exclude(pk__in=scope.objects(WarmPathScore).values("organisation_id"))
        .exists()
    )


# ----------------------------------------------------------------------- the facts


def target_facts(*, scope: Scope, project: Project, today: dt.date | None = None) -> CompanyFacts:
    """The facts of every company in the workspace, ordered by name: a fixed number of
    queries, whatever the number of companies."""
    today = today or timezone.localdate()
    rows = list(
        _companies(scope)
        .order_by("name", "pk")
        .values_list("pk", "sector", "employee_count", "district")
    )
    n = len(rows)
    ids = np.fromiter((row[0] for row in rows), np.int64, n)
    position = {pk: i for i, pk in enumerate(ids.tolist())}
    folded = {name: fold(name) for name in {row[3] for row in rows}}
    sizes = {count: _size_class(count) for count in {row[2] for row in rows}}

    needs = np.zeros(n)
    for organisation_id, count in _answered_needs(scope, project):
        if organisation_id in position:
            needs[position[organisation_id]] = count

    warm, hops = np.zeros(n), np.zeros(n, np.int64)
    current = warm_path_version(scope=scope)
    stored = 0
    stale = False
    for organisation_id, value, hop_count, version in scope.objects(WarmPathScore).values_list(
        "organisation_id", "score", "hops", "network_version"
    ):
        i = position.get(organisation_id)
        if i is None:
            continue
        stored += 1
        stale |= version != current
        warm[i], hops[i] = value, hop_count or 0

    recommendations = np.zeros(n)
    for organisation_id, count in _recommendation_counts(scope, today).items():
        if organisation_id in position:
            recommendations[position[organisation_id]] = count

    latest = _latest_contacts(scope, today)
    last_contact = [latest.get(pk) for pk in ids.tolist()]
    contact_days = np.fromiter((scoring.days_between(day, today) for day in last_contact), float, n)
    return CompanyFacts(
        ids=ids,
        district_names=[row[3] for row in rows],
        companies=scoring.Companies(
            sector=[row[1] for row in rows],
            size_class=[sizes[row[2]] for row in rows],
            district=[folded[row[3]] for row in rows],
            needs=needs,
            warm_path=warm,
            recommendations=recommendations,
            contact_days=contact_days,
        ),
        warm_hops=hops,
        last_contact=last_contact,
        warm_stale=stale or stored < n,
    )


def _companies(scope: Scope):
    return scope.objects(Organisation).filter(kind=OrganisationKind.COMPANY)


def _size_class(employees: int | None) -> str:
    size = SizeClass.for_employees(employees)
    return size.value if size else ""


def _answered_needs(scope: Scope, project: Project):
    """(company, number of needs in its dossier for the project that a measure answers)."""
    answered = Measure.needs.through.objects.filter(
        measure__project=project, measure__workspace=scope.workspace
    ).values("need_id")
    return (
        scope.objects(IdentifiedNeed)
        .filter(dossier__project=project, need_id__in=answered)
        .values_list("dossier__organisation_id")
        .annotate(count=Count("need_id", distinct=True))
        .order_by()
    )


def _current(prefix: str, today: dt.date) -> Q:
    return Q(**{f"{prefix}end_date__isnull": True}) | Q(**{f"{prefix}end_date__gte": today})


def _employers(scope: Scope, person_ids: set[int], today: dt.date) -> dict[int, set[int]]:
    """person → the organisations where they hold a current function."""
    employers: dict[int, set[int]] = {}
    persons = sorted(person_ids)
    for start in range(0, len(persons), CHUNK):
        for person_id, organisation_id in (
            scope.objects(Function)
            .filter(_current("", today), person_id__in=persons[start : start + CHUNK])
            .values_list("person_id", "organisation_id")
        ):
            employers.setdefault(person_id, set()).add(organisation_id)
    return employers


def _recommendation_counts(scope: Scope, today: dt.date) -> dict[int, int]:
    """organisation → recommendations (not declined) naming it or one of its people, as
    recommended or as recipient."""
    rows = list(
        scope.objects(Recommendation)
        .exclude(outcome=RecommendationOutcome.DECLINED)
        .values_list(
            "pk",
            "subject_organisation_id",
            "recipient_organisation_id",
            "subject_person_id",
            "recipient_person_id",
        )
    )
    persons = {person for row in rows for person in row[3:] if person is not None}
    employers = _employers(scope, persons, today) if persons else {}
    named: dict[int, set[int]] = {}
    for pk, subject_org, recipient_org, subject_person, recipient_person in rows:
        organisations = {subject_org, recipient_org}
        organisations |= employers.get(subject_person, set()) | employers.get(
            recipient_person, set()
        )
        for organisation_id in organisations - {None}:
            named.setdefault(organisation_id, set()).add(pk)
    return {organisation_id: len(pks) for organisation_id, pks in named.items()}


def _latest_contacts(scope: Scope, today: dt.date) -> dict[int, dt.date]:
    """organisation → the day of the latest earlier contact: an activity with it, a note
    on it or on one of its people, a tie between the team and it or its people."""
    latest: dict[int, dt.date] = {}

    def offer(organisation_id, day):
        if organisation_id is None or day is None:
            return
        day = timezone.localdate(day) if isinstance(day, dt.datetime) else day
        if organisation_id not in latest or day > latest[organisation_id]:
            latest[organisation_id] = day

    for organisation_id, day in (
        scope.objects(Activity).values_list("organisation_id").annotate(day=Max("occurred_on"))
    ).order_by():
        offer(organisation_id, day)
    for organisation_id, moment in (
        scope.objects(Note)
        .filter(organisation__isnull=False)
        .values_list("organisation_id")
        .annotate(moment=Max("created_at"))
        .order_by()
    ):
        offer(organisation_id, moment)
    for organisation_id, moment in (
        scope.objects(Note)
        .filter(_current("person__functions__", today), person__isnull=False)
        .values_list("person__functions__organisation_id")
        .annotate(moment=Max("created_at"))
        .order_by()
    ):
        offer(organisation_id, moment)

    team = team_person_ids(scope=scope, on=today)
    if team:
        ties = list(
            scope.objects(Tie)
            .filter(
                Q(source_person__in=team) | Q(target_person__in=team), last_contact__isnull=False
            )
            .values_list(
                "source_person_id",
                "source_organisation_id",
                "target_person_id",
                "target_organisation_id",
                "last_contact",
            )
        )
        persons = {row[i] for row in ties for i in (0, 2) if row[i] is not None} - team
        employers = _employers(scope, persons, today) if persons else {}
        for source_person, source_org, target_person, target_org, day in ties:
            for person, organisation_id in (
                (source_person, source_org),
                (target_person, target_org),
            ):
                offer(organisation_id, day)
                if person is not None and person not in team:
                    for employer in employers.get(person, ()):
                        offer(employer, day)
    return latest


# ------------------------------------------------------------------------- the list


def target_scores(
    *, scope: Scope, project: Project, profile: TargetProfile, today: dt.date | None = None
) -> tuple[CompanyFacts, scoring.Scores]:
    facts = target_facts(scope=scope, project=project, today=today)
    scores = scoring.score(facts.companies, profile_criteria(profile), profile_weights(profile))
    return facts, scores


def target_list(
    *,
    scope: Scope,
    project: Project,
    filters: TargetFilter = TargetFilter(),
    page_number=None,
    per_page: int = PER_PAGE,
    today: dt.date | None = None,
) -> TargetList:
    """One page of the project's target list, filtered and sorted (see the module docstring)."""
    profile = target_profile_get(scope=scope, project=project)
    facts, scores = target_scores(scope=scope, project=project, profile=profile, today=today)
    pipeline = dict(
        scope.objects(Approach).filter(project=project).values_list("organisation_id", "pk")
    )
    order = scoring.ranking(scores, by=filters.sort)
    keep = _filter_mask(filters, facts, scores, pipeline)
    order = order[keep[order]]
    page = Paginator(order.tolist(), per_page).get_page(page_number)
    indexes = list(page.object_list)
    page_ids = [int(facts.ids[i]) for i in indexes]
    organisations = scope.objects(Organisation).in_bulk(page_ids)
    approaches = {
        approach.organisation_id: approach
        for approach in scope.objects(Approach)
        .filter(project=project, organisation_id__in=page_ids)
        .select_related("stage")
    }
    companies = facts.companies
    page.object_list = [
        TargetRow(
            organisation=organisations[int(facts.ids[i])],
            total=float(scores.total[i]),
            parts=scores.explain(i),
            needs=int(companies.needs[i]),
            recommendations=int(companies.recommendations[i]),
            last_contact=facts.last_contact[i],
            warm_hops=int(facts.warm_hops[i]),
            approach=approaches.get(int(facts.ids[i])),
        )
        for i in indexes
        if int(facts.ids[i]) in organisations
    ]
    return TargetList(
        project=project,
        profile=profile,
        page=page,
        companies=len(facts),
        in_pipeline=len(pipeline),
        warm_stale=facts.warm_stale,
        weights=scores.weights,
    )


def _filter_mask(filters: TargetFilter, facts: CompanyFacts, scores, pipeline) -> np.ndarray:
    companies = facts.companies
    keep = np.ones(len(facts), bool)
    if filters.sector:
        divisions = scoring.matching_divisions(frozenset({filters.sector}))
        keep &= np.fromiter((code in divisions for code in companies.sector), bool, len(facts))
    if filters.size_class:
        keep &= np.array(companies.size_class, dtype=object) == filters.size_class
    if filters.district:
        keep &= np.array(companies.district, dtype=object) == fold(filters.district)
    if filters.min_score:
        # the rounded total, as the row shows it
        keep &= np.round(scores.total) >= filters.min_score
    if filters.new_only and pipeline:
        keep &= ~np.isin(facts.ids, np.fromiter(pipeline, np.int64, len(pipeline)))
    return keep
