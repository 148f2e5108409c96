"""Warm paths on organisation and person pages: a section loaded lazily with htmx."""

from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.scoping import Scope

from ..warm import DEFAULT_K, MAX_K, warm_paths_to

# Warm paths start at the team and name who knows whom: the team's view, like the team page.
PERMISSION = "view_team"
MODELS = {"person": Person, "organisation": Organisation}


def warm_paths_panel(*, scope: Scope, subject: Person | Organisation) -> dict | None:
    """The "Warm paths" section of a contact page (`NetworkConfig.contact_panels`).

    It costs the page no query: the section loads its content once the page is shown.
    """
    if not scope.can(PERMISSION):
        return None
    node_type = "person" if isinstance(subject, Person) else "organisation"
    return {
        "template": "network/_warm_paths_panel.html",
        "url": reverse(f"network:warm_paths_{node_type}", args=[subject.pk]),
    }


@require_GET
@scoped_view(permission=PERMISSION)
def warm_paths_page(request, pk: int, node_type: str) -> HttpResponse:
    """The k best warm paths to a person or organisation; the htmx fragment or a whole page."""
    subject = request.scope.get(MODELS[node_type], pk=pk)
    result = warm_paths_to(
        scope=request.scope, subject=subject, k=_k(request.GET.get("k")), user=request.user
    )
    context = {
        "subject": subject,
        "result": result,
        "can_change": request.scope.can("change_network"),
    }
    template = "network/_warm_paths.html" if request.htmx else "network/warm_paths.html"
    return render(request, template, context)


def _k(value: str | None) -> int:
    try:
        return max(1, min(MAX_K, int(value or DEFAULT_K)))
    except ValueError:
        return DEFAULT_K
