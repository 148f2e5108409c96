"""Sections that apps add to another app's page through their AppConfig.

An app lists dotted paths under a hook's name (`contact_panels`, `today_sections`,
`network_sections`); each names a function taking the page's keyword arguments
(always `scope`) and returning a dict with at least `template`, or None when it
has nothing to show.
"""

from django.apps import apps
from django.utils.module_loading import import_string


def app_sections(hook: str, **arguments) -> list[dict]:
    """The sections every app contributes to `hook`, in the order of INSTALLED_APPS."""
    sections = []
    for config in apps.get_app_configs():
        for dotted_path in getattr(config, hook, ()):
            section = import_string(dotted_path)(**arguments)
            if section is not None:
                sections.append(section)
    return sections
