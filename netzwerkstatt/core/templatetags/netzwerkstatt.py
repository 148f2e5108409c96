from functools import cache

from django import template
from django.apps import apps
from django.core.exceptions import FieldDoesNotExist

register = template.Library()


@register.simple_tag(takes_context=True)
def query_with(context, **changes) -> str:
    """The current query string with some parameters replaced (None removes one)."""
    query = context["request"].GET.copy()
    for key, value in changes.items():
        query.pop(key, None)
        if value is not None:
            query[key] = value
    encoded = query.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def activity_summary(entry) -> str:
    """A short readable summary of an activity entry's details (which hold no personal values).

    Understands `model` with `count` ("3 Personen"), `format` ("CSV"), `fields` (the
    changed fields' labels) and counts named in an app's `activity_labels`, also
    inside a nested `counts` mapping.
    """
    details = entry.details or {}
    parts = []
    if "model" in details and "count" in details:
        options = apps.get_model(details["model"])._meta
        name = options.verbose_name if details["count"] == 1 else options.verbose_name_plural
        parts.append(f"{details['count']} {name}")
    if "format" in details:
        parts.append(str(details["format"]).upper())
    model = entry.content_type.model_class() if entry.content_type else None
    if details.get("fields") and model is not None:
        parts.append(", ".join(str(_field_label(model, name)) for name in details["fields"]))
    labels = _activity_labels()
    counts = {**details, **details.get("counts", {})}
    # in the order the apps list their labels: PostgreSQL's jsonb keeps no key order
    parts.extend(
        f"{label}: {counts[key]}"
        for key, label in labels.items()
        if isinstance(counts.get(key), int)
    )
    return " · ".join(parts)


@cache
def _activity_labels() -> dict:
    """Labels of the counts apps log, from their AppConfig's `activity_labels`."""
    labels = {}
    for config in apps.get_app_configs():
        labels.update(getattr(config, "activity_labels", {}))
    return labels


def _field_label(model, name: str):
    try:
        return model._meta.get_field(name).verbose_name
    except FieldDoesNotExist:
        return name
