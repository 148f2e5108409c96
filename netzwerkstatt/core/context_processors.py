from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse

from .selectors import memberships_of


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str
    active: bool


def navigation(request) -> dict:
    """The main navigation, gathered from each app's `navigation` entries the user may see.

    An app adds pages by listing (url name, label, permission) on its AppConfig, so
    the navigation grows with the apps.
    """
    scope = getattr(request, "scope", None)
    if scope is None:
        return {
            "workspaces": memberships_of(user=request.user) if request.user.is_authenticated else []
        }
    current = request.resolver_match.view_name if request.resolver_match else ""
    items = []
    for config in apps.get_app_configs():
        for url_name, label, permission in getattr(config, "navigation", ()):
            if scope.can(permission):
                url = reverse(url_name)
                namespace_prefix = url_name.rsplit("_", 1)[0]
                items.append(
                    NavigationItem(url, label, active=current.startswith(namespace_prefix))
                )
    return {"navigation": items, "workspaces": memberships_of(user=request.user)}
