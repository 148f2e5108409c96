"""The project's URL patterns as data, for the tests that walk every page.

`url_patterns()` walks the URLconf; `fill_route()` turns a pattern into a path;
`route_arguments()` names the arguments a pattern takes.
"""

import re
from collections.abc import Iterator

from django.urls import URLPattern, URLResolver, get_resolver


def _walk(resolver, prefix: str = "", namespace: str = "") -> Iterator[tuple]:
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (
                f"{namespace}{entry.name}" if entry.name else None,
                prefix + str(entry.pattern),
                entry,
            )


def url_patterns() -> list[tuple[str | None, str, URLPattern]]:
    """(namespaced name, route, pattern) of every URL pattern, API and admin included."""
    return list(_walk(get_resolver()))


def route_arguments(pattern: URLPattern) -> set[str]:
    """The names of the arguments a pattern captures (path converters or regex groups)."""
    return set(pattern.pattern.converters) | set(pattern.pattern.regex.groupindex)


def fill_route(route: str, values: dict) -> str:
    """The concrete path for a route pattern (path converters or regex groups)."""
    # Regex groups first: their `(?P<name>…)` holds what looks like a path converter.
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: str(values[match.group(1)]), route)
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), path)
    # Regex patterns (re_path) anchor each piece with ^ and $, also where they follow a prefix.
    return "/" + path.replace("^", "").replace("$", "").replace("\\.", ".")
