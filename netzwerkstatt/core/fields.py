"""Setting a model instance's fields in an update service."""

from collections.abc import Iterable, Mapping


def assign(
    instance, fields: Mapping, *, allowed: Iterable[str] | None = None, strip: bool = False
) -> list[str]:
    """Set the given fields on the instance; return the names of those whose value changed.

    With `allowed`, any other field name is a programming error (TypeError), so a
    service never writes a field its callers should not reach. With `strip`, text
    values lose surrounding white space first.
    """
    if allowed is not None:
        unknown = set(fields) - set(allowed)
        if unknown:
            raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    changed = []
    for name, given in fields.items():
        value = given.strip() if strip and isinstance(given, str) else given
        if getattr(instance, name) != value:
            setattr(instance, name, value)
            changed.append(name)
    return changed
