"""What `backup` and `restore` refuse, in-process and on either engine: each refusal comes
before anything is written."""

import io
import json
import tarfile

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.core.backup import DUMP_NAMES, FORMAT_VERSION, BackupError, _counts_compare
from netzwerkstatt.core.models import Workspace


def archive_make(path, *, manifest: dict | None = None, members: dict[str, bytes] | None = None):
    with tarfile.open(path, "w:gz") as tar:
        entries = dict(members or {})
        if manifest is not None:
            entries = {"manifest.json": json.dumps(manifest).encode(), **entries}
        for name, data in entries.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return path


def manifest_for(engine: str, **changes) -> dict:
    return {
        "format": FORMAT_VERSION,
        "engine": engine,
        "created_at": "2026-01-01T00:00:00+00:00",
        "database": DUMP_NAMES[engine],
        "migrations": {},
        "counts": {},
        "media": {"files": 0, "bytes": 0},
        **changes,
    }


def restore(path, *arguments):
    call_command("restore", str(path), *arguments, stdout=io.StringIO())


def test_backup_does_not_overwrite_a_file(tmp_path):
    existing = tmp_path / "sicherung.tar.gz"
    existing.write_bytes(b"alt")
    with pytest.raises(CommandError, match="--output"):
        call_command("backup", output=str(existing), stdout=io.StringIO())
    assert existing.read_bytes() == b"alt"


def test_backup_needs_an_existing_folder(tmp_path):
    with pytest.raises(CommandError):
        call_command("backup", output=str(tmp_path / "fehlt" / "b.tar.gz"), stdout=io.StringIO())


def test_backup_is_not_written_into_the_media_folder(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    (tmp_path / "media").mkdir()
    with pytest.raises(CommandError):
        call_command("backup", output=str(tmp_path / "media" / "b.tar.gz"), stdout=io.StringIO())
    assert list((tmp_path / "media").iterdir()) == []


def test_restore_needs_a_backup_file(tmp_path):
    with pytest.raises(CommandError):
        restore(tmp_path / "fehlt.tar.gz")
    not_an_archive = tmp_path / "kontakte.csv"
    not_an_archive.write_text("Name;E-Mail\n")
    with pytest.raises(CommandError):
        restore(not_an_archive)
    without_manifest = archive_make(tmp_path / "k.tar.gz", members={"kontakte.csv": b"x"})
    with pytest.raises(CommandError, match=r"(?i)manifest"):
        restore(without_manifest)


def test_restore_rejects_another_format(tmp_path):
    archive = archive_make(
        tmp_path / "b.tar.gz", manifest=manifest_for(connection.vendor, format=FORMAT_VERSION + 1)
    )
    with pytest.raises(CommandError, match=str(FORMAT_VERSION + 1)):
        restore(archive, "--yes")


def test_restore_rejects_a_backup_of_the_other_engine(tmp_path):
    other = "postgresql" if connection.vendor == "sqlite" else "sqlite"
    archive = archive_make(
        tmp_path / "b.tar.gz",
        manifest=manifest_for(other),
        members={DUMP_NAMES[other]: b"dump"},
    )
    with pytest.raises(CommandError, match=other):
        restore(archive, "--yes")


def test_restore_rejects_paths_outside_its_folder(tmp_path):
    archive = archive_make(
        tmp_path / "b.tar.gz",
        manifest=manifest_for(connection.vendor),
        members={"../../ausserhalb.txt": b"x"},
    )
    with pytest.raises(CommandError):
        restore(archive, "--yes")


@pytest.mark.django_db
def test_restore_refuses_a_database_with_data_without_yes(workspace, tmp_path):
    archive = archive_make(
        tmp_path / "b.tar.gz",
        manifest=manifest_for(connection.vendor),
        members={DUMP_NAMES[connection.vendor]: b"not reached"},
    )
    with pytest.raises(CommandError, match="--yes"):
        restore(archive)
    assert Workspace.objects.get() == workspace
    assert not AuditEntry.objects.exists()


def test_counts_that_differ_from_the_manifest_are_named():
    _counts_compare({"a": 1, "b": 2}, {"a": 1, "b": 2})
    with pytest.raises(BackupError, match=r"b: 2 → 3; c: – → 1"):
        _counts_compare({"a": 1, "b": 2}, {"a": 1, "b": 3, "c": 1})
