"""The import wizard's uploads (`ImportJob`): keep the file between steps, run, clean up."""

from collections.abc import Sequence
from datetime import timedelta

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope

from ..models import ImportJob
from .enums import DuplicatePolicy, ImportStatus
from .reading import Source, read_source
from .service import ImportResult, contacts_import

# A result page lists this many problems; the count says how many there are in all.
STORED_ERRORS = 500
# Uploads nobody imported, and results (whose error messages quote cell values), are
# personal data without a purpose after this long.
UNFINISHED_KEPT = timedelta(days=1)
RESULTS_KEPT = timedelta(days=30)


@transaction.atomic
def import_job_create(*, scope: Scope, upload: UploadedFile, source: Source) -> ImportJob:
    require(scope, "import_contacts")
    import_jobs_expire(scope=scope)
    job = ImportJob(
        workspace=scope.workspace,
        created_by=scope.user,
        original_name=upload.name[:255],
        format=source.format,
        mapping=source.suggested_mapping(),
    )
    job.file.save(upload.name, upload, save=False)
    job.save()
    return job


def import_job_source(*, job: ImportJob) -> Source:
    with job.file.open("rb") as upload:
        return read_source(upload.read())


@transaction.atomic
def import_job_run(
    *,
    scope: Scope,
    job: ImportJob,
    mapping: Sequence[str],
    duplicates: DuplicatePolicy,
    skip_invalid: bool,
    dry_run: bool,
) -> ImportResult:
    """Check or run the import with these settings and remember them on the job.

    A completed import stores its result and deletes the uploaded file once the
    transaction has committed: the contacts are in the database now, and personal
    data should not linger in the file store.
    """
    job.mapping = list(mapping)
    job.duplicates = duplicates
    job.skip_invalid = skip_invalid
    result = contacts_import(
        scope=scope,
        source=import_job_source(job=job),
        mapping=job.mapping,
        duplicates=duplicates,
        skip_invalid=skip_invalid,
        dry_run=dry_run,
    )
    if not (dry_run or result.stopped):
        job.status = ImportStatus.COMPLETED
        job.result = import_result_summary(result)
        stored_name, storage = job.file.name, job.file.storage
        job.file = ""
        transaction.on_commit(lambda: storage.delete(stored_name))
    job.save()
    return result


def import_result_summary(result: ImportResult) -> dict:
    """The result as the pages show it, with at most STORED_ERRORS problems listed."""
    return {
        **result.as_dict(),
        "errors": [error.as_dict() for error in result.errors[:STORED_ERRORS]],
        "error_count": len(result.errors),
        "stopped": result.stopped,
        "dry_run": result.dry_run,
    }


def import_jobs_recent(*, scope: Scope, limit: int = 10) -> QuerySet[ImportJob]:
    return scope.objects(ImportJob).select_related("created_by")[:limit]


def import_jobs_expire(*, scope: Scope) -> int:
    """Delete the workspace's abandoned uploads and old results, files included."""
    now = timezone.now()
    expired = scope.objects(ImportJob).filter(
        Q(created_at__lt=now - RESULTS_KEPT)
        | (Q(created_at__lt=now - UNFINISHED_KEPT) & ~Q(status=ImportStatus.COMPLETED))
    )
    return import_jobs_delete(expired)


def import_jobs_delete(jobs: QuerySet[ImportJob]) -> int:
    """Delete these import jobs; their uploaded files leave the storage after the commit."""
    files = [(job.file.storage, job.file.name) for job in jobs if job.file]
    count, _ = jobs.delete()

    def delete_files() -> None:
        for storage, name in files:
            storage.delete(name)

    transaction.on_commit(delete_files)
    return count
