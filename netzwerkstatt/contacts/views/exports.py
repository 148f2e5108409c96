from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.core.spreadsheet import csv_stream

from .. import exporters, selectors


@dataclass(frozen=True)
class ExportKind:
    title: str
    filters: type
    select: object
    table: object
    vcards: object
    prefetch: object = None


KINDS = {
    "organisations": ExportKind(
        title=_("Organisations"),
        filters=selectors.OrganisationFilter,
        select=selectors.organisation_list,
        table=exporters.organisation_table,
        vcards=exporters.organisation_vcards,
    ),
    "persons": ExportKind(
        title=_("Persons"),
        filters=selectors.PersonFilter,
        select=selectors.person_list,
        table=exporters.person_table,
        vcards=exporters.person_vcards,
        prefetch=selectors.person_prefetches,
    ),
}
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@scoped_view(permission="export_contacts")
def contact_export(request, kind: str, file_format: str):
    """The list as the user filtered it, as CSV (German Excel), XLSX or vCard 3.0."""
    export = KINDS[kind]
    queryset = export.select(scope=request.scope, filters=export.filters.from_query(request.GET))
    if export.prefetch:
        queryset = queryset.prefetch_related(*export.prefetch(scope=request.scope))
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        details={
            "model": queryset.model._meta.label_lower,
            "format": file_format,
            "count": queryset.count(),
        },
    )
    filename = f"{export.title}-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "xlsx":
        headers, rows = export.table(queryset)
        return FileResponse(
            exporters.xlsx_file(headers, rows, title=str(export.title)),
            as_attachment=True,
            filename=filename,
            content_type=XLSX_TYPE,
        )
    if file_format == "csv":
        content, content_type = csv_stream(*export.table(queryset)), "text/csv"
    else:
        content, content_type = export.vcards(queryset), "text/vcard"
    response = StreamingHttpResponse(content, content_type=f"{content_type}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
