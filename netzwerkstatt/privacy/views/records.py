"""The lead's data-protection records: the retention periods with their runs, and the
records of processing (page and PDF)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.pdf import render_pdf

from .. import records, retention
from ..forms import RetentionForm

PERMISSION = retention.PERMISSION
RUNS_PER_PAGE = 10


@scoped_view(permission=PERMISSION)
def retention_settings(request):
    """Set the months per rule, preview what a run would delete, and see the last runs."""
    scope = request.scope
    periods = retention.retention_periods(scope=scope)
    form = RetentionForm(request.POST or None, periods=periods)
    if request.method == "POST":
        if form.is_valid():
            changed = retention.retention_periods_set(scope=scope, periods=form.periods())
            messages.success(
                request,
                _("The retention periods have been saved.")
                if changed
                else _("Nothing has changed."),
            )
            return redirect("privacy:retention")
        return _retention_page(request, form, status=400)
    return _retention_page(request, form)


@require_POST
@scoped_view(permission=PERMISSION)
def retention_preview(request):
    """A dry run now: what the rules would delete (counts only), recorded as a dry run."""
    scope = request.scope
    report = retention.retention_run(scope=scope, dry_run=True)
    form = RetentionForm(periods=retention.retention_periods(scope=scope))
    return _retention_page(request, form, preview=report)


def _retention_page(request, form, *, preview=None, status=200):
    scope = request.scope
    page = paginate(request, retention.retention_runs(scope=scope), per_page=RUNS_PER_PAGE)
    context = {
        "form": form,
        "page": page,
        "runs": [(run, retention.run_rows(run)) for run in page.object_list],
        "preview": preview,
        "preview_rows": retention.run_rows(preview.run) if preview else [],
        "any_rule_on": any(retention.retention_periods(scope=scope).values()),
    }
    return render(request, "privacy/retention.html", context, status=status)


@scoped_view(permission=PERMISSION)
def records_page(request):
    context = {"records": records.processing_records(scope=request.scope)}
    return render(request, "privacy/records.html", context)


@scoped_view(permission=PERMISSION)
def records_pdf(request):
    context = {"records": records.processing_records(scope=request.scope)}
    content = render_pdf("privacy/records_pdf.html", context, request=request)
    name = f"{_('Records of processing')} {timezone.localdate():%Y-%m-%d}.pdf"
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=name)
    return response
