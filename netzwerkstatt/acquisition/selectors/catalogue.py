"""Reads of the measures catalogue and the needs vocabulary, always through the scope.

Partners see neither: they see no projects (core.Project has no `partner_visible`),
so no project's catalogue either (see `core/rules.py`).
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from netzwerkstatt.contacts.normalise import fold
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope

from ..models import Measure, Need


@dataclass(frozen=True)
class MeasureFilter:
    project: int | None = None
    need: int | None = None
    search: str = ""

    @classmethod
    def from_query(cls, query) -> "MeasureFilter":
        project, need = (query.get(name, "").strip() for name in ("project", "need"))
        return cls(
            project=int(project) if project.isdigit() else None,
            need=int(need) if need.isdigit() else None,
            search=query.get("search", "").strip(),
        )

    @property
    def active(self) -> bool:
        return bool(self.project or self.need or self.search)


def measure_list(*, scope: Scope, filters: MeasureFilter = MeasureFilter()) -> QuerySet[Measure]:
    """The scope's measures by project and name, filtered by project, need and search words."""
    queryset = scope.objects(Measure)
    if filters.project is not None:
        queryset = queryset.filter(project_id=filters.project)
    if filters.need is not None:
        queryset = queryset.filter(needs__id=filters.need)
    for word in fold(filters.search).split():
        queryset = queryset.filter(search_key__contains=word)
    return queryset.select_related("project").order_by("project__name", "name", "id")


# A measure's needs, in one query for a whole page of measures.
NEEDS_PREFETCH = Prefetch("needs", queryset=Need.objects.order_by("name", "id"))


def measure_get(*, scope: Scope, pk) -> Measure:
    """The measure with its project and needs; Http404 for another workspace's."""
    try:
        return measure_list(scope=scope).prefetch_related(NEEDS_PREFETCH).get(pk=pk)
    except (Measure.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Measure._meta.verbose_name) from error


def need_list(*, scope: Scope) -> QuerySet[Need]:
    """The vocabulary by name, each with the number of measures that answer it."""
    return scope.objects(Need).annotate(measure_count=Count("measures")).order_by("name", "id")


def need_get(*, scope: Scope, pk) -> Need:
    """The need with its `measure_count`; Http404 for another workspace's."""
    try:
        return need_list(scope=scope).get(pk=pk)
    except (Need.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Need._meta.verbose_name) from error


def need_choices(*, scope: Scope) -> QuerySet[Need]:
    return scope.objects(Need).order_by("name", "id")


def projects(*, scope: Scope) -> QuerySet[Project]:
    return scope.objects(Project).order_by("name", "id")
