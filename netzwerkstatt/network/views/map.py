"""The network map: a page with filters and a Cytoscape.js canvas fed by a JSON endpoint."""

from django import forms
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Tag
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.models import Project

from ..enums import TieKind
from ..graph import EMPLOYMENT
from ..graphview import (
    MAX_DEPTH,
    MAX_MAP_NODES,
    GraphFilter,
    graph_filtered,
    legend,
    map_elements,
)
from ..selectors import node_from_key

# Partners see the map of what is shared with them (no team, no broker sizes).
PERMISSION = "view_contacts"
NODE_KEY = r"^(person|organisation):\d+$"
ALL = ("", _("all"))


class MapFilterForm(forms.Form):
    organisation_kind = forms.ChoiceField(
        label=_("Kind of organisation"),
        required=False,
        choices=[ALL, *OrganisationKind.choices],
    )
    tie_kind = forms.ChoiceField(
        label=_("Kind of tie"),
        required=False,
        choices=[ALL, (EMPLOYMENT, _("works at (function)")), *TieKind.choices],
    )
    min_strength = forms.TypedChoiceField(
        label=_("Minimum strength"),
        required=False,
        coerce=int,
        empty_value=1,
        choices=[(value, str(value)) for value in range(1, 6)],
    )
    tag = forms.ModelChoiceField(
        label=_("Tag"), required=False, queryset=Tag.objects.none(), empty_label=_("all")
    )
    project = forms.ModelChoiceField(
        label=_("Project"),
        required=False,
        queryset=Project.objects.none(),
        empty_label=_("all"),
        help_text=_("Ties recorded for this project."),
    )
    centre = forms.RegexField(
        label=_("Network around"),
        required=False,
        regex=NODE_KEY,
        widget=forms.Select,
    )
    depth = forms.TypedChoiceField(
        label=_("Steps from there"),
        required=False,
        coerce=int,
        empty_value=1,
        choices=[(value, str(value)) for value in range(1, MAX_DEPTH + 1)],
    )
    isolates = forms.BooleanField(label=_("Show contacts without ties"), required=False)

    def __init__(self, *args, scope, **kwargs):
        super().__init__(*args, **kwargs)
        self.scope = scope
        self.fields["tag"].queryset = scope.objects(Tag).order_by("name")
        self.fields["project"].queryset = scope.objects(Project).order_by("name")
        self.fields["centre"].widget.choices = [("", _("the whole network"))]
        self.centre_node = None

    def clean_centre(self):
        key = self.cleaned_data["centre"]
        if key:
            # Another workspace's (or an unknown) node: Http404, as for any foreign id.
            self.centre_node = node_from_key(scope=self.scope, key=key)
            self.fields["centre"].widget.choices.append((key, str(self.centre_node)))
        return key

    def graph_filter(self) -> GraphFilter:
        data = self.cleaned_data
        return GraphFilter(
            organisation_kind=data.get("organisation_kind") or "",
            tie_kind=data.get("tie_kind") or "",
            min_strength=data.get("min_strength") or 1,
            tag=data["tag"].pk if data.get("tag") else None,
            project=data["project"].pk if data.get("project") else None,
            centre=data.get("centre") or "",
            depth=data.get("depth") or 1,
            isolates=bool(data.get("isolates")),
        )


@require_GET
@scoped_view(permission=PERMISSION)
def network_map(request) -> HttpResponse:
    form = MapFilterForm(request.GET, scope=request.scope)
    form.is_valid()  # shows the errors and the chosen centre; the data comes from map_data
    config = {
        "dataUrl": reverse("network:map_data"),
        "legend": legend(),
        "maxNodes": MAX_MAP_NODES,
        # Texts the script shows; {placeholders} are filled in there. Counted texts come
        # in the forms the script picks from by Intl.PluralRules (see _plural_forms).
        "labels": {
            "loading": gettext("Loading the map …"),
            "error": gettext("The map could not be loaded. Check the filters and try again."),
            # Translators: {contacts} and {ties} are the counts below ("3 contacts").
            "status": gettext("{contacts} and {ties} shown."),
            "contacts": _plural_forms(
                lambda count: ngettext("{count} contact", "{count} contacts", count)
            ),
            "ties": _plural_forms(lambda count: ngettext("{count} tie", "{count} ties", count)),
            "team": gettext("team"),
            "file": gettext("network-map"),
        },
    }
    context = {
        "form": form,
        "config": config,
        "legend": config["legend"],
        "query": request.GET.urlencode(),
        "can_export": request.scope.can("export_contacts"),
    }
    return render(request, "network/map.html", context)


def _plural_forms(text) -> dict[str, str]:
    """A counted text for the script: its singular ("one") and plural ("other") form.

    `text` gives the translation for a count; the script chooses by the page
    language's plural category, which for German and English is "one" for 1.
    """
    return {"one": text(1), "other": text(2)}


@require_GET
@scoped_view(permission=PERMISSION)
def map_data(request) -> JsonResponse:
    """The map's elements for the filters in the query string (see graphview)."""
    form = MapFilterForm(request.GET, scope=request.scope)
    if not form.is_valid():
        return JsonResponse({"errors": form.errors}, status=400)
    filtered = graph_filtered(scope=request.scope, filters=form.graph_filter())
    return JsonResponse(map_elements(scope=request.scope, filtered=filtered))
