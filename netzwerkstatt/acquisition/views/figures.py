"""The acquisition figures ("Kennzahlen") and the funder report, with their exports.

Both pages read a handful of value lists (`selectors/figures.py`) and compute the
figures in Python (`acquisition/figures.py`); the filters re-render the results
with htmx. The funder report's files are German whatever the interface language:
they go to a German funder.
"""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import formats, timezone, translation
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.services import activity_record

from .. import exports
from ..enums import Channel, StageKind
from ..figures import AcquisitionFigures, acquisition_figures, funder_figures
from ..forms.figures import FiguresFilterForm, FunderReportForm
from ..selectors import figures as selectors

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
COLOURS = {
    "added": "#9aa5b1",
    "approached": "#5b6675",
    "conversations": "#e0a526",
    "agreements": "#0b6e69",
}


def _bound(request, form_class):
    """The filter form, bound only when the request carries one of its fields."""
    data = request.GET if any(name in request.GET for name in form_class.base_fields) else None
    return form_class(data, scope=request.scope)


# ------------------------------------------------------------------------------- figures


def _figures(request):
    """The filter form and, when it is valid, the figures with their labels."""
    scope = request.scope
    form = _bound(request, FiguresFilterForm)
    context = {"form": form, "has_projects": bool(form.projects), "query": ""}
    if form.is_bound and not form.is_valid():
        return context
    filters = form.filters()
    approaches, changes = selectors.pipeline_history(scope=scope, filters=filters)
    figures = acquisition_figures(approaches=approaches, changes=changes, period=filters.period)
    names = selectors.owner_names(scope=scope, ids=[row.key for row in figures.owners])
    owners = sorted(
        ((names.get(row.key, _("nobody responsible")), row) for row in figures.owners),
        key=lambda item: (item[1].key is None, item[0].casefold()),
    )
    context.update(
        filters=filters,
        figures=figures,
        channels=[(Channel(row.key).label, row) for row in figures.channels],
        owners=owners,
        funnel=_funnel(figures, selectors.stage_names(scope=scope, project=filters.project)),
        charts=_charts(figures),
        project_name=dict(form.projects).get(filters.project),
        query=request.GET.urlencode(),
    )
    return context


def _funnel(figures: AcquisitionFigures, names: dict[str, list[str]]) -> list[tuple]:
    return [
        (StageKind(step.kind).label, ", ".join(names.get(step.kind, [])), step)
        for step in figures.funnel
    ]


def _count_of(rate) -> str:
    return _("%(count)s of %(total)s") % {"count": rate.count, "total": rate.of}


def _charts(figures: AcquisitionFigures) -> dict:
    """Chart.js configurations (drawn by core/netzwerkstatt.js; figures.js adds the
    "3 of 5" counts to the tooltips from each dataset's `counts`)."""
    channel_labels = [str(Channel(row.key).label) for row in figures.channels]
    month_labels = [formats.date_format(month.month, "M Y") for month in figures.months]
    series = (
        ("approached", _("approached"), None),
        ("conversations", _("conversation"), "conversations"),
        ("agreements", _("agreement"), "agreements"),
    )
    bar_options = {
        "plugins": {"legend": {"position": "bottom"}},
        "scales": {"y": {"beginAtZero": True, "ticks": {"precision": 0}}},
    }
    channels = {
        "type": "bar",
        "data": {
            "labels": channel_labels,
            "datasets": [
                {
                    "label": str(label),
                    "data": [
                        getattr(row, rate).count if rate else row.approached
                        for row in figures.channels
                    ],
                    "counts": [
                        _count_of(getattr(row, rate)) if rate else "" for row in figures.channels
                    ],
                    "backgroundColor": COLOURS[key],
                }
                for key, label, rate in series
            ],
        },
        "options": bar_options,
    }
    months = {
        "type": "bar",
        "data": {
            "labels": month_labels,
            "datasets": [
                {
                    "label": str(label),
                    "data": [getattr(month, key) for month in figures.months],
                    "backgroundColor": COLOURS[key],
                }
                for key, label in (
                    ("added", _("added to the pipeline")),
                    ("approached", _("first approached")),
                    ("conversations", _("first conversation")),
                    ("agreements", _("agreement")),
                )
            ],
        },
        "options": bar_options,
    }
    funnel = {
        "type": "bar",
        "data": {
            "labels": [str(StageKind(step.kind).label) for step in figures.funnel],
            "datasets": [
                {
                    "label": _("companies"),
                    "data": [step.reached for step in figures.funnel],
                    "counts": [_count_of(step.of_approached) for step in figures.funnel],
                    "backgroundColor": COLOURS["agreements"],
                }
            ],
        },
        "options": {
            "indexAxis": "y",
            "plugins": {"legend": {"display": False}},
            "scales": {"x": {"beginAtZero": True, "ticks": {"precision": 0}}},
        },
    }
    return {"channels": channels, "months": months, "funnel": funnel}


@require_GET
@scoped_view(permission="view_acquisition")
def figures(request):
    context = _figures(request)
    template = "acquisition/_figures.html" if request.htmx else "acquisition/figures.html"
    return render(request, template, context)


@require_GET
@scoped_view(permission="view_acquisition")
def figures_xlsx(request):
    context = _figures(request)
    if "figures" not in context:
        return render(request, "acquisition/figures.html", context, status=400)
    content = exports.figures_xlsx(context)
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        details={"export": "acquisition_figures", "format": "xlsx"},
    )
    return _download(content, XLSX_TYPE, f"{_('Acquisition figures')}.xlsx", context)


def _download(content: bytes, content_type: str, name: str, context: dict, *, inline=False):
    period = context["filters"].period
    stem, suffix = name.rsplit(".", 1)
    filename = f"{stem}-{period.start:%Y-%m-%d}-{period.end:%Y-%m-%d}.{suffix}"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response


# ------------------------------------------------------------------------- funder report


def _funder_report(request):
    scope = request.scope
    form = _bound(request, FunderReportForm)
    context = {"form": form, "has_projects": bool(form.projects), "query": ""}
    if not form.projects or (form.is_bound and not form.is_valid()):
        return context
    filters = form.filters()
    project = scope.get(Project, pk=filters.project)
    approaches, changes = selectors.pipeline_history(scope=scope, filters=filters)
    report = funder_figures(
        approaches=approaches,
        changes=changes,
        period=filters.period,
        deliveries=selectors.deliveries(scope=scope, project=project, period=filters.period),
        partner_links=selectors.partner_links(scope=scope, project=project, period=filters.period),
    )
    context.update(
        filters=filters,
        project=project,
        report=report,
        **exports.funder_tables(report),
        workspace=scope.workspace,
        today=timezone.localdate(),
        query=request.GET.urlencode(),
    )
    return context


@require_GET
@scoped_view(permission="view_acquisition")
def funder_report(request):
    context = _funder_report(request)
    template = (
        "acquisition/_funder_report.html" if request.htmx else "acquisition/funder_report.html"
    )
    return render(request, template, context)


def _funder_file(request, make, content_type: str, name: str, *, inline=False):
    context = _funder_report(request)
    if "report" not in context:
        return render(request, "acquisition/funder_report.html", context, status=400)
    with translation.override("de"):
        content = make(context)
        name = f"{_('Funder report')} {context['project'].name}.{name}"
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        target=context["project"],
        details={"export": "funder_report", "format": name.rsplit(".", 1)[-1]},
    )
    return _download(content, content_type, name, context, inline=inline)


@require_GET
@scoped_view(permission="view_acquisition")
def funder_report_xlsx(request):
    return _funder_file(request, exports.funder_report_xlsx, XLSX_TYPE, "xlsx")


@require_GET
@scoped_view(permission="view_acquisition")
def funder_report_pdf(request):
    return _funder_file(request, exports.funder_report_pdf, "application/pdf", "pdf", inline=True)
