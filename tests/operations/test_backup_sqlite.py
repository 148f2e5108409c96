"""`netzwerkstatt backup` and `restore` on SQLite files, in subprocesses, while another
process keeps writing (issue 7, proof 9)."""

import json
import os
import tarfile
import time

import pytest

from netzwerkstatt.audit.enums import AuditAction

from .conftest import SqliteSite, netzwerkstatt, on_sqlite, writer, writer_result, writer_wait_ready

pytestmark = pytest.mark.skipif(not on_sqlite, reason="the suite runs on PostgreSQL")

AUDIT_TABLE = "audit_auditentry"
PERSON_TABLE = "contacts_person"
# Rows the writer must have committed before the backup starts, and after it ended.
ROWS_BEFORE_BACKUP = 50
WAIT_SECONDS = 120


def media_plant(root) -> dict[str, bytes]:
    """Files as the application leaves them (photos, presentations, imports in progress)."""
    files = {
        "events/photos/2026/foto-1.jpg": os.urandom(200_000),
        "events/photos/2026/foto-2.webp": os.urandom(3_000),
        "events/praesentationen/Übersicht März.pdf": os.urandom(50_000),
        "imports/leer.csv": b"",
    }
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return files


def persons(site: SqliteSite) -> int:
    return site.query(f"SELECT COUNT(*) FROM {PERSON_TABLE}")[0][0]  # noqa: S608


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def manifest_of(archive) -> dict:
    with tarfile.open(archive) as tar:
        return json.loads(tar.extractfile("manifest.json").read())


def table_counts(site: SqliteSite) -> dict[str, int]:
    tables = [
        name
        for (name,) in site.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
        )
    ]
    return {table: site.query(f'SELECT COUNT(*) FROM "{table}"')[0][0] for table in tables}  # noqa: S608


def test_round_trip_while_another_process_writes(sqlite_site, tmp_path):
    source = sqlite_site
    planted = media_plant(source.media)
    archive = tmp_path / "sicherung.tar.gz"
    stop = tmp_path / "stop"
    process = writer(source.env, "--label", "Laufend", "--until", str(stop))
    try:
        writer_wait_ready(process)
        wait_for(lambda: persons(source) >= ROWS_BEFORE_BACKUP, "the writer's first rows")
        before = persons(source)
        netzwerkstatt(source.env, "backup", "--output", str(archive))
        after = persons(source)
        # The writer goes on after the backup: it was running during all of it.
        wait_for(lambda: persons(source) > after, "writes after the backup")
    finally:
        stop.touch()
    result = writer_result(process)
    assert result["errors"] == 0, result["messages"]

    manifest = manifest_of(archive)
    assert manifest["format"] == 1
    assert manifest["engine"] == "sqlite"
    assert manifest["migrations"]["contacts"][0] == "0001_initial"
    assert manifest["media"]["files"] == len(planted)
    # A snapshot from the middle of the writes: neither the rows before nor all after.
    assert before <= manifest["counts"][PERSON_TABLE] <= after
    assert before < after, "no rows were written while the backup ran"
    assert manifest["counts"][PERSON_TABLE] < persons(source)
    # The backup is in the source's audit log; the archive holds the data before it.
    backups = source.query(
        f"SELECT details FROM {AUDIT_TABLE} WHERE action = ?",  # noqa: S608
        AuditAction.BACKUP.value,
    )
    assert len(backups) == 1
    assert json.loads(backups[0][0])["rows"] == sum(manifest["counts"].values())
    assert oct(archive.stat().st_mode & 0o777) == oct(0o600)

    # Restore into a new installation: an empty database file and an empty media folder.
    target = SqliteSite(database=tmp_path / "neu" / "db.sqlite3", media=tmp_path / "neu" / "media")
    target.database.parent.mkdir()
    restore = netzwerkstatt(target.env, "restore", str(archive))
    assert restore.returncode == 0

    assert target.query("PRAGMA integrity_check") == [("ok",)]
    counts = table_counts(target)
    restores = target.query(
        f"SELECT details FROM {AUDIT_TABLE} WHERE action = ?",  # noqa: S608
        AuditAction.RESTORE.value,
    )
    assert len(restores) == 1
    # The restore's own audit entry is the only row more than the backup had.
    assert counts == {
        **manifest["counts"],
        AUDIT_TABLE: manifest["counts"][AUDIT_TABLE] + 1,
    }
    restored = {
        path.relative_to(target.media).as_posix(): path.read_bytes()
        for path in target.media.rglob("*")
        if path.is_file()
    }
    assert restored == planted

    # Back to the snapshot in the first installation, which holds data: only with --yes.
    (source.media / "neu.txt").write_text("nach der Sicherung")
    netzwerkstatt(source.env, "restore", str(archive), "--yes")
    assert source.query("PRAGMA integrity_check") == [("ok",)]
    assert table_counts(source)[PERSON_TABLE] == manifest["counts"][PERSON_TABLE]
    # Files the backup does not know stay where they are.
    assert (source.media / "neu.txt").exists()
