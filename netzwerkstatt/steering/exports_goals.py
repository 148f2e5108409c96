"""A network's goals as XLSX: one sheet of goals with indicator, target and current
value, one of their progress entries. Text cells stay text, so a title starting
with "=" is never run as a formula."""

from django.utils.translation import gettext as _
from openpyxl import Workbook

from netzwerkstatt.core.xlsx import table_add, workbook_bytes

from .enums import IndicatorKind
from .models import Network
from .selectors.goals import GoalProgress


def _goal_headers() -> list[str]:
    return [
        _("Network"), _("Goal"), _("Description"), _("Measured by"), _("Parameters"),
        _("Target"), _("Unit"), _("Target date"), _("Current value"), _("Reached (%)"),
        _("Expected today"), _("Status"),
    ]  # fmt: skip


def goals_xlsx(*, network: Network, goals: list[GoalProgress]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    table_add(
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
    table_add(
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
    return workbook_bytes(workbook)
