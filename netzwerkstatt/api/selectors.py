"""Reads the API needs beyond `contacts.selectors`; all through the scope."""

from django.db.models import Q, QuerySet, prefetch_related_objects

from netzwerkstatt.contacts.models import Note, Person
from netzwerkstatt.contacts.selectors import person_prefetches
from netzwerkstatt.core.scoping import Scope


def person_get(*, scope: Scope, pk: int) -> Person:
    person = scope.get(Person, pk=pk)
    prefetch_related_objects([person], *person_prefetches(scope=scope))
    return person


def note_list(
    *, scope: Scope, search: str = "", organisation: int | None = None, person: int | None = None
) -> QuerySet[Note]:
    """The scope's notes, newest first; partners get none (`scope.objects`)."""
    condition = Q()
    for word in search.split():
        condition &= Q(text__icontains=word)
    if organisation is not None:
        condition &= Q(organisation_id=organisation)
    if person is not None:
        condition &= Q(person_id=person)
    return (
        scope.objects(Note)
        .filter(condition)
        .select_related("author")
        .order_by("-created_at", "-id")
    )
