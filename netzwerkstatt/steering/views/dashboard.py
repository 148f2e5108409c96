"""The steering dashboard of one network ("Steuerung"): goal progress, the attendance
trend per meeting, meetings and closed action items per month, and the network
health figures for just this network's members (see `selectors/dashboard.py`).
Charts are Chart.js configurations drawn by core/netzwerkstatt.js."""

from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.network.enums import NodeType

from ..selectors import dashboard as selectors
from ..selectors.goals import goals_network_get

LINE = "#0b6e69"
BARS = {"meetings": "#5b6675", "closed": "#e0a526"}


def _attendance_chart(attendance: list[selectors.MeetingAttendance]) -> dict:
    return {
        "type": "line",
        "data": {
            "labels": [formats.date_format(row.held_on, "SHORT_DATE_FORMAT") for row in attendance],
            "datasets": [
                {
                    "label": _("attendees"),
                    "data": [row.attendees for row in attendance],
                    "borderColor": LINE,
                    "backgroundColor": LINE,
                    "tension": 0.2,
                }
            ],
        },
        "options": {
            "plugins": {"legend": {"display": False}},
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
        },
    }


def _activity_chart(activity: list[selectors.MonthActivity]) -> dict:
    return {
        "type": "bar",
        "data": {
            "labels": [formats.date_format(row.month, "M Y") for row in activity],
            "datasets": [
                {
                    "label": _("meetings held"),
                    "data": [row.meetings for row in activity],
                    "backgroundColor": BARS["meetings"],
                },
                {
                    "label": _("action items closed"),
                    "data": [row.closed for row in activity],
                    "backgroundColor": BARS["closed"],
                },
            ],
        },
        "options": {
            "plugins": {"legend": {"position": "bottom"}},
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
        },
    }


def _node_url(key: str) -> str:
    kind, _sep, pk = key.partition(":")
    name = (
        "contacts:person_detail"
        if kind == NodeType.PERSON.value
        else "contacts:organisation_detail"
    )
    return reverse(name, args=[int(pk)])


def _health_lists(health: selectors.NetworkHealth) -> dict:
    figures = health.figures
    return {
        name: [(label, _node_url(key)) for key, label in health.names(keys)]
        for name, keys in (
            ("cut_off", figures["team_dependency"]["cut_off"]),
            ("only_via_team", figures["ties_only_via_team"]["nodes"]),
            ("isolates", figures["isolates"]["nodes"]),
        )
    }


@require_GET
@scoped_view(permission="view_steering")
def network_dashboard(request, pk: int):
    scope = request.scope
    network = goals_network_get(scope=scope, pk=pk)
    dashboard = selectors.network_dashboard(scope=scope, network=network)
    context = {
        "network": network,
        "dashboard": dashboard,
        "health": dashboard.health,
        "health_lists": _health_lists(dashboard.health),
        "charts": {
            "attendance": _attendance_chart(dashboard.attendance),
            "activity": _activity_chart(dashboard.activity),
        },
        "activity_total": {
            "meetings": sum(row.meetings for row in dashboard.activity),
            "closed": sum(row.closed for row in dashboard.activity),
        },
    }
    return render(request, "steering/dashboard.html", context)
