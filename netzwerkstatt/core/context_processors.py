from dataclasses import dataclass

from django.apps import apps
from django.urls import reverse

from .selectors import memberships_of


@dataclass(frozen=True)
class NavigationItem:
    url: str
    label: str
    active: bool


@dataclass(frozen=True)
class NavigationGroup:
    """An app's pages under one menu, for apps that set `navigation_group`."""

    label: str
    items: list[NavigationItem]

    @property
    def active(self) -> bool:
        return any(item.active for item in self.items)


def navigation(request) -> dict:
    """The main navigation, gathered from each app's `navigation` entries the user may see.

    An app adds pages by listing (url name, label, permission) on its AppConfig, so
    the navigation grows with the apps; an app with a `navigation_group` label shows
    its pages in a menu of that name.
    """
    scope = getattr(request, "scope", None)
    if scope is None:
        return {
            "workspaces": memberships_of(user=request.user) if request.user.is_authenticated else []
        }
    current = request.resolver_match.view_name if request.resolver_match else ""
    entries = []
    for config in apps.get_app_configs():
        items = [
            NavigationItem(
                reverse(url_name), label, active=current.startswith(url_name.rsplit("_", 1)[0])
            )
            for url_name, label, permission in getattr(config, "navigation", ())
            if scope.can(permission)
        ]
        group = getattr(config, "navigation_group", None)
        if group and items:
            entries.append(NavigationGroup(group, items))
        else:
            entries.extend(items)
    return {"navigation": entries, "workspaces": memberships_of(user=request.user)}
