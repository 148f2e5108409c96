"""The "Netzwerk-Gesundheit" page: health figures and their trend, what to do, the metrics.

The page never computes: it shows the newest snapshot and, when that is stale,
starts the computation in the background and polls its status line until a
new snapshot is there (see `network.metrics`).
"""

from dataclasses import dataclass

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext, ngettext_lazy
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.core.decorators import scoped_view

from ..health_forms import NetworkSettingsForm
from ..metrics import (
    TrendPoint,
    health_report,
    metrics_in_background,
    metrics_is_running,
    metrics_is_stale,
    metrics_refresh_in_background,
    metrics_summary,
    metrics_trend,
    network_settings,
    network_settings_update,
)

# Seconds between two looks at whether the computation has finished.
POLL_SECONDS = 3
CHART_COLOUR = "#0b6e69"


@dataclass(frozen=True)
class Figure:
    key: str
    label: str
    explanation: str
    value: str
    detail: str
    chart: dict
    trend: list  # the values per month of `months`, for the table


@scoped_view(permission="view_network_health")
def health(request):
    return _page(request)


@require_POST
@scoped_view(permission="manage_workspace")
def health_settings(request):
    form = NetworkSettingsForm(request.POST)
    if not form.is_valid():
        return _page(request, form=form, status=400)
    network_settings_update(
        scope=request.scope, stale_after_months=form.cleaned_data["stale_after_months"]
    )
    messages.success(
        request,
        _("Your changes have been saved. The figures are being recomputed.")
        if metrics_in_background()
        else _(
            "Your changes have been saved. The figures are recomputed at the next scheduled run."
        ),
    )
    return redirect("network:health")


@require_GET
@scoped_view(permission="view_network_health")
def health_status(request):
    """The status line, polled while a computation runs; reloads the page once it is done."""
    status = _status(request.scope, start=False)
    response = render(request, "network/_health_status.html", status)
    snapshot = status["snapshot"]
    shown = request.GET.get("shown", "")
    if not status["running"] and (str(snapshot.pk) if snapshot else "") != shown:
        response["HX-Refresh"] = "true"
    return response


def overview(*, scope) -> dict:
    """The start page's health panel: three figures of the newest snapshot (team only)."""
    if not scope.can("view_network_health"):
        return {"template": "network/_health_overview.html", "visible": False}
    snapshot = metrics_summary(scope=scope)
    figures = snapshot.health.get("figures", {}) if snapshot else {}
    return {
        "template": "network/_health_overview.html",
        "visible": True,
        "figures": figures if figures.get("nodes") else {},
        "team_dependency": _value("team_dependency", figures),
    }


def _page(request, *, form: NetworkSettingsForm | None = None, status: int = 200):
    scope = request.scope
    settings = network_settings(scope=scope)
    context = _status(scope, start=True, settings=settings)
    snapshot = context["snapshot"]
    if snapshot is not None:
        points = metrics_trend(scope=scope)
        context |= {
            "figures": _figures(snapshot, points),
            "months": [_month_label(point) for point in points],
            "report": health_report(scope=scope, snapshot=snapshot),
            "network": snapshot.network or {},
            "counts": snapshot.health.get("figures", {}),
        }
    context["form"] = None
    if scope.can("manage_workspace"):
        context["form"] = form or NetworkSettingsForm(
            initial={"stale_after_months": settings.stale_after_months}
        )
    return render(request, "network/health.html", context, status=status)


def _status(scope, *, start: bool, settings=None) -> dict:
    """The newest snapshot, whether it is stale and whether it is being recomputed.

    With `start`, a stale snapshot starts the computation in the background.
    """
    snapshot = metrics_summary(scope=scope)
    stale = metrics_is_stale(scope=scope, snapshot=snapshot, settings=settings)
    started = start and stale and metrics_refresh_in_background(workspace=scope.workspace)
    running = started or (stale and metrics_is_running(workspace=scope.workspace))
    return {
        "snapshot": snapshot,
        "stale": stale,
        "running": running,
        "in_background": metrics_in_background(),
        "poll_seconds": POLL_SECONDS,
    }


# The figures in the order the page shows them: key, heading, explanation (one sentence).
FIGURES = [
    (
        "team_dependency",
        gettext_lazy("Dependence on the project team"),
        gettext_lazy(
            "Share of the network that would fall apart without the project team: members "
            "who would lose every connection to the rest if the team left."
        ),
    ),
    (
        "ties_only_via_team",
        gettext_lazy("Ties to the team only"),
        gettext_lazy(
            "Members whose ties all lead to the project team: without it they would know "
            "nobody in the network."
        ),
    ),
    (
        "brokers",
        gettext_lazy("Brokers"),
        gettext_lazy(
            "Persons and organisations that alone connect parts of the network: if one of "
            "them dropped out, the network would split."
        ),
    ),
    (
        "stale_ties",
        gettext_lazy("Stale ties"),
        ngettext_lazy(
            "Ties without a recorded contact for longer than %(months)s month, or without "
            "any contact date.",
            "Ties without a recorded contact for longer than %(months)s months, or without "
            "any contact date.",
            "months",
        ),
    ),
    (
        "isolates",
        gettext_lazy("Isolated members"),
        gettext_lazy("Persons and organisations in the contacts without any tie yet."),
    ),
]


def _figures(snapshot, points: list[TrendPoint]) -> list[Figure]:
    figures = snapshot.health.get("figures", {})
    if not figures:
        return []
    months = [_month_label(point) for point in points]
    months_stale = snapshot.health["stale_after_months"]
    result = []
    for key, label, explanation in FIGURES:
        trend = [_trend_value(key, point.figures) for point in points]
        result.append(
            Figure(
                key=key,
                label=str(label),
                explanation=explanation % {"months": months_stale}
                if key == "stale_ties"
                else str(explanation),
                value=_value(key, figures),
                detail=_detail(key, figures, months_stale),
                chart=_chart(label=str(label), months=months, values=trend, share=_is_share(key)),
                trend=[_format(value, share=_is_share(key)) for value in trend],
            )
        )
    return result


def _is_share(key: str) -> bool:
    return key == "team_dependency"


def _trend_value(key: str, figures: dict) -> float | int | None:
    value = figures.get(key)
    if value is None:
        return None
    return round(value * 100, 1) if _is_share(key) else value


def _format(value, *, share: bool) -> str:
    if value is None:
        return "–"
    if share:
        return f"{formats.number_format(value, decimal_pos=1)} %"
    return formats.number_format(value, force_grouping=True)


def _value(key: str, figures: dict) -> str:
    return _format(_trend_value(key, figures), share=_is_share(key))


def _detail(key: str, figures: dict, months: int) -> str:
    """A second line under a figure: what it is a share of, or how it splits."""
    if key == "team_dependency":
        return _("%(count)s of %(members)s members") % {
            "count": _format(figures.get("cut_off", 0), share=False),
            "members": _format(figures.get("team_dependency_members", 0), share=False),
        }
    if key == "ties_only_via_team":
        return _("%(share)s of the members with ties") % {
            "share": _format(round(figures.get("ties_only_via_team_share", 0) * 100, 1), share=True)
        }
    if key == "brokers":
        return _("%(count)s of them in the team") % {
            "count": _format(figures.get("team_brokers", 0), share=False)
        }
    if key == "stale_ties":
        return ngettext(
            "%(share)s of all ties; no contact for %(months)s month or more, %(unknown)s without "
            "any contact date",
            "%(share)s of all ties; no contact for %(months)s months or more, %(unknown)s without "
            "any contact date",
            months,
        ) % {
            "share": _format(round(figures.get("stale_ties_share", 0) * 100, 1), share=True),
            "months": months,
            "unknown": _format(figures.get("stale_ties_unknown", 0), share=False),
        }
    return _("%(share)s of all persons and organisations") % {
        "share": _format(round(figures.get("isolates_share", 0) * 100, 1), share=True)
    }


def _month_label(point: TrendPoint) -> str:
    return formats.date_format(point.month, "M Y")


def _chart(*, label: str, months: list[str], values: list, share: bool) -> dict:
    """A Chart.js line chart of one figure over the months (drawn by core/netzwerkstatt.js)."""
    return {
        "type": "line",
        "data": {
            "labels": months,
            "datasets": [
                {
                    "label": f"{label} (%)" if share else label,
                    "data": values,
                    "borderColor": CHART_COLOUR,
                    "backgroundColor": CHART_COLOUR,
                    "spanGaps": True,
                    "tension": 0.2,
                }
            ],
        },
        "options": {
            "plugins": {"legend": {"display": False}},
            "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
        },
    }
