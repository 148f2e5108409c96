"""A network's minutes and decisions as PDF, action items as XLSX.

Text cells of the XLSX are stored as text, never as formulas (`core.spreadsheet`): a
title such as "=HYPERLINK(…)" typed into the app stays the words it is.
"""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from netzwerkstatt.core.pdf import render_pdf
from netzwerkstatt.core.spreadsheet import xlsx_text
from netzwerkstatt.core.xlsx import BOLD, workbook_bytes

from .enums import OPEN_ACTION_STATUSES
from .models import ActionItem

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"


def minutes_pdf(context: dict) -> bytes:
    """The minutes PDF; `context` holds network, meetings, start, end, workspace, today."""
    return render_pdf("steering/minutes_pdf.html", context)


def _cell(sheet, row: int, column: int, value, *, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        xlsx_text(cell)
    elif isinstance(value, dt.datetime):
        cell.number_format = DATETIME_FORMAT
    elif isinstance(value, dt.date):
        cell.number_format = DATE_FORMAT
    if bold:
        cell.font = BOLD


def action_items_xlsx(items: list[ActionItem], *, today: dt.date) -> bytes:
    """One row per action item with network, meeting, owner, dates and status."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Action items")[:31]
    headers = [
        _("Network"), _("Task"), _("Description"), _("Owner"), _("Due on"), _("Status"),
        _("Overdue"), _("Done at"), _("Meeting"), _("Meeting date"),
    ]  # fmt: skip
    for column, header in enumerate(headers, start=1):
        _cell(sheet, 1, column, header, bold=True)
    for row, item in enumerate(items, start=2):
        overdue = item.status in OPEN_ACTION_STATUSES and item.due_on and item.due_on < today
        done_at = timezone.localtime(item.done_at).replace(tzinfo=None) if item.done_at else None
        values = [
            item.network.name,
            item.title,
            item.description,
            item.owner.full_name if item.owner else "",
            item.due_on,
            str(item.get_status_display()),
            _("yes") if overdue else "",
            done_at,
            item.meeting.title if item.meeting else "",
            item.meeting.held_on if item.meeting else None,
        ]
        for column, value in enumerate(values, start=1):
            _cell(sheet, row, column, value)
    sheet.freeze_panes = "A2"
    for letter, width in zip("ABCDEFGHIJ", (28, 40, 50, 26, 12, 14, 10, 17, 30, 14), strict=True):
        sheet.column_dimensions[letter].width = width
    return workbook_bytes(workbook)
