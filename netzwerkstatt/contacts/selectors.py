"""Reads of contacts, always through the scope."""

from collections.abc import Iterable
from dataclasses import dataclass, fields
from itertools import chain

from django.db.models import Prefetch, Q, QuerySet, prefetch_related_objects

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.selectors import activity_for

from . import wz2008
from .enums import SizeClass
from .models import EmailAddress, Function, Note, Organisation, Person, Tag
from .normalise import fold, name_key

# Searches with at most this many matches pass their ids on instead of a subquery.
MATCHES_FETCHED = 2000
ORGANISATION_SORTS = {
    "name": ("name", "id"),
    "-name": ("-name", "-id"),
    "-updated": ("-updated_at", "-id"),
    "employees": ("employee_count", "name", "id"),
    "-employees": ("-employee_count", "name", "id"),
    "district": ("district", "name", "id"),
}
PERSON_SORTS = {
    "name": ("last_name", "first_name", "id"),
    "-name": ("-last_name", "-first_name", "-id"),
    "-updated": ("-updated_at", "-id"),
}


@dataclass(frozen=True)
class OrganisationFilter:
    search: str = ""
    kind: str = ""
    sector: str = ""  # a WZ section letter or a division code
    size_class: str = ""
    district: str = ""
    tag: str = ""
    sort: str = "name"

    @classmethod
    def from_query(cls, query) -> "OrganisationFilter":
        return cls(**{f.name: query.get(f.name, f.default).strip() for f in fields(cls)})


@dataclass(frozen=True)
class PersonFilter:
    search: str = ""
    kind: str = ""  # kind of an organisation the person works at
    organisation: str = ""  # id of an organisation the person works at
    tag: str = ""
    sort: str = "name"

    @classmethod
    def from_query(cls, query) -> "PersonFilter":
        return cls(**{f.name: query.get(f.name, f.default).strip() for f in fields(cls)})


def search(queryset: QuerySet, text: str) -> QuerySet:
    """Rows whose folded search key contains every word of the search text.

    The words are matched once, over the narrow (workspace, search_key) index; up
    to MATCHES_FETCHED matching ids are then handed to the list's count and page
    queries, so neither scans again. Broader searches stay a subquery.
    """
    words = fold(text).split()
    if not words:
        return queryset
    condition = Q()
    for word in words:
        condition &= Q(search_key__contains=word)
    matches = queryset.filter(condition).order_by().values_list("pk", flat=True)
    ids = list(matches[: MATCHES_FETCHED + 1])
    return queryset.filter(pk__in=ids if len(ids) <= MATCHES_FETCHED else matches)


def organisation_list(*, scope: Scope, filters: OrganisationFilter) -> QuerySet[Organisation]:
    queryset = search(scope.objects(Organisation), filters.search)
    if filters.kind:
        queryset = queryset.filter(kind=filters.kind)
    if filters.sector:
        entry = wz2008.get(filters.sector)
        if entry is not None and entry.is_section:
            queryset = queryset.filter(sector__in=wz2008.divisions_of(entry.code))
        else:
            queryset = queryset.filter(sector=filters.sector)
    if filters.size_class in SizeClass.values:
        low, high = SizeClass(filters.size_class).employee_range
        queryset = queryset.filter(employee_count__gte=low)
        if high is not None:
            queryset = queryset.filter(employee_count__lte=high)
    if filters.district:
        queryset = queryset.filter(district=filters.district)
    if filters.tag:
        queryset = queryset.filter(tags__name=filters.tag)
    return queryset.order_by(*ORGANISATION_SORTS.get(filters.sort, ORGANISATION_SORTS["name"]))


def person_list(*, scope: Scope, filters: PersonFilter) -> QuerySet[Person]:
    queryset = search(scope.objects(Person), filters.search)
    if filters.kind:
        queryset = queryset.filter(functions__organisation__kind=filters.kind).distinct()
    if filters.organisation.isdigit():
        queryset = queryset.filter(functions__organisation_id=int(filters.organisation)).distinct()
    if filters.tag:
        queryset = queryset.filter(tags__name=filters.tag)
    return queryset.order_by(*PERSON_SORTS.get(filters.sort, PERSON_SORTS["name"]))


def persons_by_name(*, scope: Scope) -> QuerySet[Person]:
    """Every person of the workspace, by name: the choices of forms that take anyone."""
    return scope.objects(Person).order_by("last_name", "first_name", "id")


def person_checkbox_options(
    *, scope: Scope, search: str, ticked: Iterable[int], limit: int = 20
) -> tuple[list[Person], list[Person]]:
    """For a search that adds persons as checkboxes (participants, attendees): the persons
    ticked among earlier results, which stay, and up to `limit` others matching `search`
    with their functions, so the list can name their organisation."""
    chosen = list(persons_by_name(scope=scope).filter(pk__in=list(ticked)[:limit]))
    if not search:
        return chosen, []
    chosen_ids = {person.pk for person in chosen}
    found = person_list(scope=scope, filters=PersonFilter(search=search)).prefetch_related(
        Prefetch(
            "functions",
            queryset=scope.objects(Function)
            .select_related("organisation")
            .order_by("end_date", "id"),
        )
    )[:limit]
    return chosen, [person for person in found if person.pk not in chosen_ids]


def person_prefetches(*, scope: Scope) -> list:
    """Prefetches for showing persons with functions (and organisations), e-mails and phones."""
    return [
        Prefetch("functions", queryset=scope.objects(Function).select_related("organisation")),
        Prefetch("emails", queryset=scope.objects(EmailAddress)),
        "phones",
        "tags",
    ]


def organisation_people(*, scope: Scope, organisation: Organisation) -> QuerySet[Function]:
    return (
        scope.objects(Function)
        .filter(organisation=organisation)
        .select_related("person")
        .prefetch_related("person__emails", "person__phones")
        .order_by("end_date", "person__last_name", "person__first_name")
    )


def person_detail(*, scope: Scope, pk) -> Person:
    person = scope.get(Person, pk=pk)
    prefetch_related_objects([person], *person_prefetches(scope=scope))
    return person


def organisation_duplicates(
    *, scope: Scope, name: str, postal_code: str = "", exclude_pk: int | None = None
) -> QuerySet[Organisation]:
    """Organisations with the same normalised name at the same postal code."""
    queryset = scope.objects(Organisation).filter(name_key=name_key(name), postal_code=postal_code)
    return queryset.exclude(pk=exclude_pk) if exclude_pk else queryset


def person_duplicates(
    *,
    scope: Scope,
    first_name: str,
    last_name: str,
    emails: Iterable[str] = (),
    organisation_ids: Iterable[int] = (),
    exclude_pk: int | None = None,
) -> QuerySet[Person]:
    """Persons with one of these e-mails, or the same folded name at one of these organisations."""
    addresses = {email.strip().lower() for email in emails if email.strip()}
    condition = Q(
        pk__in=scope.objects(EmailAddress).filter(address_key__in=addresses).values("person")
    )
    organisation_ids = list(organisation_ids)
    if organisation_ids:
        condition |= Q(
            name_key=name_key(first_name, last_name),
            functions__organisation_id__in=organisation_ids,
        )
    queryset = scope.objects(Person).filter(condition).distinct()
    return queryset.exclude(pk=exclude_pk) if exclude_pk else queryset


def timeline(*, scope: Scope, subject: Organisation | Person, limit: int = 50) -> list:
    """Notes and logged actions on the subject, newest first; partners see neither."""
    if not scope.can("view_notes"):
        return []
    subject_field = "organisation" if isinstance(subject, Organisation) else "person"
    notes = scope.objects(Note).filter(**{subject_field: subject}).select_related("author")[:limit]
    activities = activity_for(scope=scope, target=subject)[:limit]
    return sorted(chain(notes, activities), key=lambda entry: entry.created_at, reverse=True)[
        :limit
    ]


def districts(*, scope: Scope) -> list[str]:
    return list(
        scope.objects(Organisation)
        .exclude(district="")
        .order_by("district")
        .values_list("district", flat=True)
        .distinct()
    )


def tags(*, scope: Scope) -> QuerySet[Tag]:
    return scope.objects(Tag).order_by("name")
