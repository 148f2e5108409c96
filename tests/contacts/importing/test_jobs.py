from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from netzwerkstatt.contacts.importing.enums import ImportStatus
from netzwerkstatt.contacts.importing.jobs import import_job_create
from netzwerkstatt.contacts.importing.reading import read_source
from netzwerkstatt.contacts.models import ImportJob

CSV = "Vorname;Nachname\r\nAnke;Kröger\r\n".encode("cp1252")


def _upload(scope, *, age: timedelta, status=ImportStatus.UPLOADED) -> ImportJob:
    job = import_job_create(
        scope=scope, upload=SimpleUploadedFile("kontakte.csv", CSV), source=read_source(CSV)
    )
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - age, status=status)
    return job


def test_new_upload_removes_abandoned_uploads_with_their_files(
    scope, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        abandoned = _upload(scope, age=timedelta(days=2))
        recent = _upload(scope, age=timedelta(hours=2))
        finished = _upload(scope, age=timedelta(days=2), status=ImportStatus.COMPLETED)
    stored = abandoned.file.storage

    with django_capture_on_commit_callbacks(execute=True):
        _upload(scope, age=timedelta(0))

    remaining = set(ImportJob.objects.values_list("pk", flat=True))
    assert abandoned.pk not in remaining
    assert {recent.pk, finished.pk} <= remaining
    assert not stored.exists(abandoned.file.name)
    assert stored.exists(recent.file.name)


def test_new_upload_removes_old_results(scope, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        old = _upload(scope, age=timedelta(days=31), status=ImportStatus.COMPLETED)
        _upload(scope, age=timedelta(0))

    assert not ImportJob.objects.filter(pk=old.pk).exists()


def test_expiry_leaves_other_workspaces_alone(
    scope, other_workspace, django_capture_on_commit_callbacks
):
    foreign = ImportJob.objects.create(
        workspace=other_workspace, original_name="x.csv", format="csv"
    )
    ImportJob.objects.filter(pk=foreign.pk).update(created_at=timezone.now() - timedelta(days=40))

    with django_capture_on_commit_callbacks(execute=True):
        _upload(scope, age=timedelta(0))

    assert ImportJob.objects.filter(pk=foreign.pk).exists()
