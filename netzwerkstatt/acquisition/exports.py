"""The acquisition figures as XLSX, the funder report as XLSX and PDF.

Each takes the context the page renders (see `views/figures.py`), so a file shows
the same numbers as the page it was downloaded from. Rates are written as whole
percentages next to their counts, with a column that marks few cases.
"""

from django.utils import formats
from django.utils.translation import gettext as _
from openpyxl import Workbook

from netzwerkstatt.contacts import wz2008
from netzwerkstatt.contacts.enums import OrganisationKind, SizeClass
from netzwerkstatt.core.pdf import render_pdf
from netzwerkstatt.core.xlsx import row_append, table_add, workbook_bytes

from .figures import Conversion, Duration, FunderFigures, Rate


def _few(rate: Rate | Duration) -> str:
    return _("few cases") if rate.few else ""


def _rate(rate: Rate) -> list:
    return [rate.count, rate.percent]


def _conversion_headers(first: str) -> list[str]:
    return [
        first, _("Approached"), _("Conversations"), _("Conversations (%)"), _("Agreements"),
        _("Agreements (%)"), _("Declined"), _("Declined (%)"), _("Note"),
        _("Days to agreement (median)"), _("shortest"), _("longest"), _("Agreements timed"),
    ]  # fmt: skip


def _conversion_row(label: str, row: Conversion) -> list:
    duration = row.time_to_agreement
    return [
        str(label),
        row.approached,
        *_rate(row.conversations),
        *_rate(row.agreements),
        *_rate(row.declined),
        _few(row.conversations),
        duration.median,
        duration.shortest,
        duration.longest,
        duration.n,
    ]


def _period(period) -> str:
    return "{} – {}".format(
        *(formats.date_format(day, "SHORT_DATE_FORMAT") for day in (period.start, period.end))
    )


def figures_xlsx(context: dict) -> bytes:
    """Overview, conversion per channel, funnel, per staff member and per month."""
    figures = context["figures"]
    workbook = Workbook()
    overview = workbook.active
    overview.title = _("Overview")[:31]
    for label, value in (
        (_("Acquisition figures"), ""),
        (_("Project"), context.get("project_name") or _("all projects")),
        (_("Period"), _period(figures.period)),
        (
            _("Rule"),
            _(
                "Counted are the companies first approached in the period, with their history "
                "up to its end. A company that skipped a stage counts as having reached it. "
                "Fewer than five cases are marked as few cases."
            ),
        ),
    ):
        row_append(overview, [label, value], bold=not value)
    overview.column_dimensions["A"].width = 20
    overview.column_dimensions["B"].width = 80

    rows = [_conversion_row(label, row) for label, row in context["channels"]]
    rows.append(_conversion_row(_("Total"), figures.total))
    table_add(workbook, _("Channels"), _conversion_headers(_("Channel")), rows)
    table_add(
        workbook,
        _("Funnel"),
        [
            _("Stage"),
            _("Stages of the project"),
            _("Companies"),
            _("of the previous step (%)"),
            _("of those approached (%)"),
            _("Note"),
        ],
        [
            [
                str(label),
                names,
                step.reached,
                step.of_previous.percent,
                step.of_approached.percent,
                _few(step.of_previous),
            ]
            for label, names, step in context["funnel"]
        ],
    )
    table_add(
        workbook,
        _("Staff"),
        _conversion_headers(_("Responsible")),
        [_conversion_row(name, row) for name, row in context["owners"]],
    )
    table_add(
        workbook,
        _("Months"),
        [
            _("Month"),
            _("Added to the pipeline"),
            _("First approached"),
            _("First conversation"),
            _("Agreement"),
        ],
        [
            [
                formats.date_format(month.month, "M Y"),
                month.added,
                month.approached,
                month.conversations,
                month.agreements,
            ]
            for month in figures.months
        ],
    )
    return workbook_bytes(workbook)


# ------------------------------------------------------------------------- funder report


def size_label(key: str) -> str:
    return str(SizeClass(key).label) if key else _("not recorded")


def section_label(key: str) -> str:
    entry = wz2008.get(key) if key else None
    return f"{entry.code} {entry.title}" if entry else _("not recorded")


def kind_label(key: str) -> str:
    return str(OrganisationKind(key).label) if key in OrganisationKind.values else key


def funder_tables(report: FunderFigures) -> dict:
    """The report's tables with their labels, shared by the page, the XLSX and the PDF."""
    return {
        "sizes": [(size_label(key), count) for key, count in report.by_size],
        "sections": [(section_label(key), count) for key, count in report.by_section],
        "partners": [(partner, kind_label(partner.kind)) for partner in report.partners],
    }


def funder_report_xlsx(context: dict) -> bytes:
    report: FunderFigures = context["report"]
    tables = funder_tables(report)
    workbook = Workbook()
    overview = workbook.active
    overview.title = _("Overview")[:31]
    for label, value in (
        (_("Project"), context["project"].name),
        (_("Period"), _period(report.period)),
        (_("Workspace"), context["workspace"].name),
        (_("As of"), formats.date_format(context["today"], "SHORT_DATE_FORMAT")),
        (_("Companies approached"), report.approached),
        (_("Companies in conversation"), report.conversations),
        (_("New agreements"), report.agreements),
        (_("Companies participating"), report.participating),
        (_("Measures delivered"), report.deliveries),
        (_("Participants in measures delivered"), report.participants),
        (_("Partner organisations involved"), len(report.partners)),
    ):
        row_append(overview, [label, value])
    overview.column_dimensions["A"].width = 40
    overview.column_dimensions["B"].width = 40
    table_add(
        workbook,
        _("Size classes"),
        [_("Size class"), _("Companies")],
        [list(r) for r in tables["sizes"]],
    )
    table_add(
        workbook,
        _("Sectors"),
        [_("Sector (WZ 2008)"), _("Companies")],
        [list(r) for r in tables["sections"]],
    )
    table_add(
        workbook,
        _("Measures"),
        [_("Measure"), _("Delivered"), _("Participants"), _("Without number of participants")],
        [[m.name, m.deliveries, m.participants, m.without_participants] for m in report.measures],
    )
    table_add(
        workbook,
        _("Partners"),
        [_("Organisation"), _("Kind"), _("Introduced companies"), _("Took part in activities")],
        [
            [
                partner.name,
                kind,
                _("yes") if partner.introduced else _("no"),
                _("yes") if partner.in_activities else _("no"),
            ]
            for partner, kind in tables["partners"]
        ],
    )
    return workbook_bytes(workbook)


def funder_report_pdf(context: dict) -> bytes:
    return render_pdf(
        "acquisition/funder_report_pdf.html",
        {**context, **funder_tables(context["report"])},
    )
