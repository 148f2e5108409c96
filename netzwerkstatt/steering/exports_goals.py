"""A network's goals as XLSX: one sheet of goals with indicator, target and current
value, one of their progress entries. Text cells stay text, so a title starting
with "=" is never run as a formula."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from .enums import IndicatorKind
from .models import Network
from .selectors.goals import GoalProgress

BOLD = Font(bold=True)


def _goal_headers() -> list[str]:
    return [
        _("Network"), _("Goal"), _("Description"), _("Measured by"), _("Parameters"),
        _("Target"), _("Unit"), _("Target date"), _("Current value"), _("Reached (%)"),
        _("Expected today"), _("Status"),
    ]  # fmt: skip


def _append(sheet, row: list, *, bold: bool = False) -> None:
    """A row whose text stays text (openpyxl would store "=…" as a formula)."""
    sheet.append(row)
    for cell, value in zip(sheet[sheet.max_row], row, strict=False):
        if isinstance(value, str):
            cell.value = value
            cell.data_type = "s"
        if bold:
            cell.font = BOLD


def _sheet(workbook: Workbook, title: str, headers: list[str], rows: list[list]) -> None:
    sheet = workbook.create_sheet(title=title[:31])
    _append(sheet, headers, bold=True)
    for row in rows:
        _append(sheet, row)
    sheet.freeze_panes = "A2"
    for column in sheet.columns:
        width = max(len(str(cell.value or "")) for cell in column)
        sheet.column_dimensions[column[0].column_letter].width = min(max(width + 2, 10), 60)


def goals_xlsx(*, network: Network, goals: list[GoalProgress]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    _sheet(
        workbook,
        _("Goals"),
        _goal_headers(),
        [
            [
                network.name,
                item.goal.title,
                item.goal.description,
                str(IndicatorKind(item.goal.indicator).label),
                item.parameters_text,
                item.progress.target,
                item.goal.unit,
                item.goal.target_date,
                item.progress.current,
                item.progress.percent,
                item.progress.expected,
                item.status_label,
            ]
            for item in goals
        ],
    )
    _sheet(
        workbook,
        _("Progress entries"),
        [_("Goal"), _("Date"), _("Value"), _("Note"), _("Recorded by")],
        [
            [
                item.goal.title,
                entry.recorded_on,
                entry.value,
                entry.note,
                entry.recorded_by.get_full_name() if entry.recorded_by else "",
            ]
            for item in goals
            for entry in item.entries
        ],
    )
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()
