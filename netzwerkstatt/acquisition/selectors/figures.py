"""The few aggregate reads behind the acquisition figures and the funder report.

Each function is one or two value-list queries, whatever the amount of history;
`acquisition/figures.py` computes the figures from the rows.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.utils import timezone

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Function
from netzwerkstatt.core.models import Project, User
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import TeamMember

from ..figures import ApproachRow, ChangeRow, Delivery, PartnerLink, Period
from ..models import Activity, Approach, ApproachMeasure, Stage, StageChange


@dataclass(frozen=True)
class FigureFilter:
    start: dt.date
    end: dt.date
    project: int | None = None
    owner: int | None = None

    @property
    def period(self) -> Period:
        return Period(self.start, self.end)


def default_period(today: dt.date | None = None) -> Period:
    """The last twelve months: from the first day of the month eleven months ago to today."""
    today = today or timezone.localdate()
    month = today.month - 11
    year = today.year + (month - 1) // 12
    month = (month - 1) % 12 + 1
    return Period(dt.date(year, month, 1), today)


def _moments(period: Period) -> tuple[dt.datetime, dt.datetime]:
    """The period as local midnights [start, day after end)."""
    zone = timezone.get_current_timezone()
    start = dt.datetime.combine(period.start, dt.time(), tzinfo=zone)
    end = dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time(), tzinfo=zone)
    return start, end


def _approaches(scope: Scope, filters: FigureFilter) -> QuerySet[Approach]:
    """The approaches with a move in the period (every approach the figures can count)."""
    start, end = _moments(filters.period)
    moved = scope.objects(StageChange).filter(changed_at__gte=start, changed_at__lt=end)
    approaches = scope.objects(Approach).filter(pk__in=moved.values("approach_id"))
    if filters.project is not None:
        approaches = approaches.filter(project_id=filters.project)
    if filters.owner is not None:
        approaches = approaches.filter(owner_id=filters.owner)
    return approaches


def pipeline_history(
    *, scope: Scope, filters: FigureFilter
) -> tuple[list[ApproachRow], list[ChangeRow]]:
    """The approaches moved in the period and all their moves up to its end: two queries."""
    approaches = _approaches(scope, filters)
    _start, end = _moments(filters.period)
    zone = timezone.get_current_timezone()
    rows = [
        ApproachRow(pk, channel, owner_id, created_at.astimezone(zone), employees, sector)
        for pk, channel, owner_id, created_at, employees, sector in approaches.values_list(
            "id",
            "channel",
            "owner_id",
            "created_at",
            "organisation__employee_count",
            "organisation__sector",
        ).order_by()
    ]
    changes = [
        ChangeRow(approach_id, kind, changed_at.astimezone(zone))
        for approach_id, kind, changed_at in scope.objects(StageChange)
        .filter(approach__in=approaches.values("pk"), changed_at__lt=end)
        .values_list("approach_id", "kind", "changed_at")
        .order_by()
    ]
    return rows, changes


def owner_names(*, scope: Scope, ids) -> dict[int, str]:
    """Display names of the approaches' owners (users of this workspace's approaches)."""
    ids = [pk for pk in ids if pk is not None]
    if not ids:
        return {}
    users = User.objects.filter(pk__in=ids).only("first_name", "last_name", "email")
    return {user.pk: str(user) for user in users}


def deliveries(*, scope: Scope, project: Project, period: Period) -> list[Delivery]:
    """The project's agreed measures delivered in the period."""
    return [
        Delivery(*row)
        for row in scope.objects(ApproachMeasure)
        .filter(
            approach__project=project,
            delivered_on__gte=period.start,
            delivered_on__lte=period.end,
        )
        .values_list("measure_id", "measure__name", "participants")
        .order_by()
    ]


def partner_links(*, scope: Scope, project: Project, period: Period) -> list[PartnerLink]:
    """Partner organisations involved in the project's acquisition in the period.

    The rule: organisations that are not companies, where a person works (a function
    current at some time in the period) who either introduced a company the team moved
    in the pipeline in the period, or took part in one of the project's activities in
    the period. Persons of the project team are left out: their organisation is the
    project's own, not a partner.
    """
    approaches = _approaches(scope, FigureFilter(period.start, period.end, project=project.pk))
    introducers = approaches.filter(introducer__isnull=False).values("introducer_id")
    participants = (
        scope.objects(Activity)
        .filter(
            project=project,
            occurred_on__gte=period.start,
            occurred_on__lte=period.end,
            participants__isnull=False,
        )
        .values("participants")
    )
    functions = (
        scope.objects(Function)
        .exclude(organisation__kind=OrganisationKind.COMPANY)
        .exclude(person__in=scope.objects(TeamMember).values("person_id"))
        .filter(Q(start_date__isnull=True) | Q(start_date__lte=period.end))
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=period.start))
    )
    links = []
    for source, persons in (("introduction", introducers), ("activity", participants)):
        links += [
            PartnerLink(*row, source=source)
            for row in functions.filter(person__in=persons)
            .values_list("organisation_id", "organisation__name", "organisation__kind")
            .order_by()
            .distinct()
        ]
    return links


def stage_names(*, scope: Scope, project: int | None) -> dict[str, list[str]]:
    """The names a project gives the kinds of its stages, for the funnel's labels."""
    if project is None:
        return {}
    names: dict[str, list[str]] = {}
    stages = scope.objects(Stage).filter(project_id=project).order_by("position", "id")
    for kind, name in stages.values_list("kind", "name"):
        names.setdefault(kind, []).append(name)
    return names
