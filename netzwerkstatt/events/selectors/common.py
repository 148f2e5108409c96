"""Small helpers of the selectors: query values and one row or 404."""

from collections.abc import Iterable

from django.db.models import QuerySet
from django.http import Http404


def choice(query, name: str, allowed: Iterable[str]) -> str:
    value = query.get(name, "").strip()
    return value if value in allowed else ""


def number(query, name: str) -> int | None:
    value = query.get(name, "").strip()
    return int(value) if value.isdigit() else None


def one(queryset: QuerySet, pk):
    """The row with this pk, or Http404 (also for garbage ids): foreign rows do not exist here."""
    try:
        return queryset.get(pk=pk)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(queryset.model._meta.verbose_name) from error
