from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.services import activity_record

from .. import exporters, selectors

TABLES = {
    "organisations": (
        selectors.OrganisationFilter,
        selectors.organisation_list,
        exporters.organisation_table,
    ),
    "persons": (selectors.PersonFilter, selectors.person_list, exporters.person_table),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@scoped_view(permission="export_contacts")
def contact_export(request, kind: str, file_format: str):
    """The list as the user filtered it, as CSV (German Excel) or XLSX."""
    filter_class, select, table = TABLES[kind]
    queryset = select(scope=request.scope, filters=filter_class.from_query(request.GET))
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        details={
            "model": queryset.model._meta.label_lower,
            "format": file_format,
            "count": queryset.count(),
        },
    )
    headers, rows = table(queryset)
    title = _("Organisations") if kind == "organisations" else _("Persons")
    filename = f"{title}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "csv":
        response = StreamingHttpResponse(
            exporters.csv_stream(headers, rows), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
    return FileResponse(
        exporters.xlsx_file(headers, rows, title=title),
        as_attachment=True,
        filename=filename,
        content_type=XLSX_TYPE,
    )
