"""The audit log page for the lead: read-only, filtered, paged, exportable as XLSX."""

from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate

from . import exports, selectors
from .enums import AuditAction
from .forms import AuditFilterForm
from .services import audit_record

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Rows resolved at a time for the export (names and targets are looked up per batch).
EXPORT_BATCH = 1000


@require_GET
@scoped_view(permission="view_audit")
def audit_log(request):
    scope = request.scope
    form = AuditFilterForm(request.GET or None, scope=scope)
    valid = not form.is_bound or form.is_valid()
    entries = selectors.audit_entries(scope=scope, filters=form.filters())
    page = paginate(request, entries if valid else entries.none())
    context = {
        "form": form,
        "page": page,
        "rows": selectors.audit_rows(scope=scope, entries=page.object_list),
        "query": _filter_query(request),
    }
    template = "audit/_log_results.html" if request.htmx else "audit/log.html"
    return render(request, template, context, status=200 if valid else 400)


@require_GET
@scoped_view(permission="view_audit")
def audit_log_xlsx(request):
    """The whole filtered log (not only one page); the export itself is logged too."""
    scope = request.scope
    form = AuditFilterForm(request.GET or None, scope=scope)
    if form.is_bound and not form.is_valid():
        return audit_log(request)
    entries = selectors.audit_entries(scope=scope, filters=form.filters())
    rows = []
    batch = []
    for entry in entries.iterator(chunk_size=EXPORT_BATCH):
        batch.append(entry)
        if len(batch) == EXPORT_BATCH:
            rows += selectors.audit_rows(scope=scope, entries=batch)
            batch = []
    rows += selectors.audit_rows(scope=scope, entries=batch)
    content = exports.audit_xlsx(rows)
    audit_record(
        action=AuditAction.EXPORTED,
        workspace=scope.workspace,
        actor=scope.user,
        details={"model": "audit.auditentry", "format": "xlsx", "count": len(rows)},
    )
    filename = f"{_('Audit log')} {timezone.localdate():%Y-%m-%d}.xlsx"
    response = HttpResponse(content, content_type=XLSX_TYPE)
    response["Content-Disposition"] = content_disposition_header(
        as_attachment=True, filename=filename
    )
    return response


def _filter_query(request) -> str:
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()
