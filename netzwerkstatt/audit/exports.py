"""The filtered audit log as an XLSX table for the data-protection officer."""

import json

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from netzwerkstatt.core.xlsx import table_add, workbook_bytes

from .selectors import AuditRow


def audit_xlsx(rows: list[AuditRow]) -> bytes:
    """One row per entry; names are today's, read from the IDs the entries hold."""
    workbook = Workbook()
    workbook.remove(workbook.active)
    table_add(
        workbook,
        _("Audit log"),
        [
            _("Time"),
            _("User"),
            _("User ID"),
            _("Action"),
            _("Object type"),
            _("Object ID"),
            _("Object"),
            _("Details"),
            _("Details (raw)"),
        ],
        [
            [
                timezone.localtime(row.entry.created_at).replace(tzinfo=None),
                row.actor,
                row.entry.actor_id,
                str(row.entry.get_action_display()),
                row.target_kind,
                row.entry.target_id,
                row.target_name,
                row.summary,
                json.dumps(row.entry.details, sort_keys=True) if row.entry.details else "",
            ]
            for row in rows
        ],
    )
    return workbook_bytes(workbook)
