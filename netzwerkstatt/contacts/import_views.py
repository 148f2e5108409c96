from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.security import upload_limit

from .import_forms import ImportOptionsForm, ImportUploadForm
from .importing.enums import DuplicatePolicy, ImportStatus
from .importing.errors import UnusableInputError
from .importing.jobs import (
    import_job_create,
    import_job_run,
    import_job_source,
    import_jobs_recent,
    import_result_summary,
)
from .models import ImportJob

PREVIEW_ROWS = 10
# What the upload form sends besides the file: the multipart framing and the CSRF token.
FORM_OVERHEAD_BYTES = 1024 * 1024


@upload_limit(lambda: settings.NETZWERKSTATT_IMPORT_MAX_BYTES + FORM_OVERHEAD_BYTES)
@scoped_view(permission="import_contacts")
def import_start(request):
    form = ImportUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        job = import_job_create(
            scope=request.scope, upload=form.cleaned_data["file"], source=form.source
        )
        return redirect("contacts:import_review", pk=job.pk)
    context = {"form": form, "jobs": import_jobs_recent(scope=request.scope)}
    return render(request, "contacts/import_start.html", context)


@scoped_view(permission="import_contacts")
def import_review(request, pk: int):
    """Step 2: adjust the mapping and options, check (a dry run), then import."""
    job = request.scope.get(ImportJob, pk=pk)
    if job.status == ImportStatus.COMPLETED:
        return redirect("contacts:import_result", pk=job.pk)
    source = import_job_source(job=job)
    form = ImportOptionsForm(
        request.POST or None,
        columns=source.columns if source.is_mappable else [],
        initial=ImportOptionsForm.initial_for(job),
    )
    outcome = None
    if request.method == "POST" and form.is_valid():
        try:
            result = import_job_run(
                scope=request.scope,
                job=job,
                mapping=form.mapping,
                duplicates=DuplicatePolicy(form.cleaned_data["duplicates"]),
                skip_invalid=form.cleaned_data["skip_invalid"],
                dry_run=request.POST.get("action") != "import",
            )
        except UnusableInputError as error:
            form.add_error(None, error.message)
        else:
            if job.status == ImportStatus.COMPLETED:
                messages.success(request, _("The contacts have been imported."))
                return redirect("contacts:import_result", pk=job.pk)
            outcome = import_result_summary(result)
    context = {
        "job": job,
        "form": form,
        "preview": source.preview(limit=PREVIEW_ROWS),
        "outcome": outcome,
    }
    return render(request, "contacts/import_review.html", context)


@scoped_view(permission="import_contacts")
def import_result(request, pk: int):
    job = request.scope.get(ImportJob, pk=pk)
    if job.status != ImportStatus.COMPLETED:
        return redirect("contacts:import_review", pk=job.pk)
    return render(request, "contacts/import_result.html", {"job": job, "outcome": job.result})
