"""The contacts panel on the start page ("Übersicht")."""

from django.db.models import Count
from django.utils.translation import gettext as _

from netzwerkstatt.core.scoping import Scope

from .enums import OrganisationKind
from .models import Organisation, Person


def panel(*, scope: Scope) -> dict:
    organisations = scope.objects(Organisation)
    by_kind = dict(organisations.values_list("kind").annotate(count=Count("id")).order_by())
    kinds = [kind for kind in OrganisationKind if by_kind.get(kind.value)]
    chart = {
        "type": "bar",
        "data": {
            "labels": [str(kind.label) for kind in kinds],
            "datasets": [
                {
                    "label": _("Organisations"),
                    "data": [by_kind[kind.value] for kind in kinds],
                    "backgroundColor": "#0b6e69",
                }
            ],
        },
        "options": {
            "indexAxis": "y",
            "plugins": {"legend": {"display": False}},
            "scales": {"x": {"ticks": {"precision": 0}}},
        },
    }
    return {
        "template": "contacts/_overview_panel.html",
        "organisation_count": sum(by_kind.values()),
        "company_count": by_kind.get(OrganisationKind.COMPANY, 0),
        "partner_count": sum(
            count for kind, count in by_kind.items() if kind != OrganisationKind.COMPANY
        ),
        "person_count": scope.objects(Person).count(),
        "kinds": [(kind.label, by_kind[kind.value]) for kind in kinds],
        "chart": chart,
    }
