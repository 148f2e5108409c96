"""Backups: the database and the media folder in one .tar.gz file, and restoring them.

The archive holds `manifest.json` (first), the database dump (`database.sqlite3` or
`database.pgdump`) and the media folder under `media/`. The manifest records the format
version, the engine, when the backup was made, the applied Django migrations and the
row count of every table, as they were in the dump (not in the live database, which
went on changing), so a restore can prove it brought back exactly what was saved.

SQLite is copied through its online backup API in one step: a consistent snapshot,
while other processes go on writing (WAL lets them). PostgreSQL is dumped with
`pg_dump --format=custom` from a snapshot that the counting transaction exports, so
counts and dump see the same rows. The password goes to pg_dump and pg_restore in
PGPASSWORD, never on the command line.
"""

import io
import json
import os
import shutil
import sqlite3
import subprocess  # nosec B404 # runs pg_dump and pg_restore, absolute paths, no shell
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone
from django.utils.translation import gettext as _

FORMAT_VERSION = 1
MANIFEST_NAME = "manifest.json"
MEDIA_FOLDER = "media"
DUMP_NAMES = {"sqlite": "database.sqlite3", "postgresql": "database.pgdump"}
# Tables that `migrate` fills by itself: rows in any other table mean the database holds data.
SCAFFOLD_TABLES = frozenset({"django_migrations", "django_content_type", "auth_permission"})
# The archive holds personal data: only its owner may read it.
ARCHIVE_MODE = 0o600

Progress = Callable[[str], None]


class BackupError(Exception):
    """A backup or restore that cannot go on; the message is for the operator."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class DatabaseState:
    counts: dict[str, int]
    migrations: dict[str, list[str]]

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


@dataclass
class RestoreResult:
    manifest: dict
    state: DatabaseState
    media_files: int
    notes: list[str] = field(default_factory=list)


def _silent(_message: str) -> None:
    return None


# ---------------------------------------------------------------------------------------
# Backup


def backup_default_name() -> str:
    return f"netzwerkstatt-backup-{timezone.localtime():%Y%m%d-%H%M%S}.tar.gz"


def backup_create(*, output: Path, progress: Progress = _silent) -> dict:
    """Write the archive to `output` (which must not exist) and return its manifest."""
    from netzwerkstatt.audit.enums import AuditAction
    from netzwerkstatt.audit.services import audit_record

    engine = _engine()
    output = output.resolve()
    if output.exists():
        raise BackupError(
            _("%(path)s exists already; choose another file with --output.") % {"path": output}
        )
    if not output.parent.is_dir():
        raise BackupError(_("The folder %(path)s does not exist.") % {"path": output.parent})
    if output.is_relative_to(Path(settings.MEDIA_ROOT).resolve()):
        raise BackupError(_("The backup cannot be written into the media folder it saves."))
    partial = output.with_name(f".{output.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix=".netzwerkstatt-backup-", dir=output.parent) as tmp:
            manifest = _archive_write(Path(tmp) / DUMP_NAMES[engine], partial, progress)
        partial.replace(output)
    except (OSError, sqlite3.Error) as error:
        partial.unlink(missing_ok=True)
        raise BackupError(
            _("The backup cannot be written to %(path)s: %(reason)s")
            % {"path": output, "reason": getattr(error, "strerror", None) or error}
        ) from error
    rows = sum(manifest["counts"].values())
    audit_record(
        action=AuditAction.BACKUP,
        workspace=None,
        actor=None,
        details={
            "engine": engine,
            "tables": len(manifest["counts"]),
            "rows": rows,
            "media_files": manifest["media"]["files"],
        },
    )
    return manifest


def _archive_write(dump: Path, archive: Path, progress: Progress) -> dict:
    """Dump the database, then write the manifest, the dump and the media files."""
    engine = connection.vendor
    progress(_("Backing up the database (%(engine)s) …") % {"engine": engine})
    state = _sqlite_dump(dump) if engine == "sqlite" else _postgres_dump(dump)
    progress(
        _("Database: %(tables)s tables, %(rows)s rows.")
        % {"tables": len(state.counts), "rows": state.rows}
    )
    media = _media_files()
    manifest = {
        "format": FORMAT_VERSION,
        "engine": engine,
        "created_at": timezone.now().isoformat(),
        "database": dump.name,
        "migrations": state.migrations,
        "counts": state.counts,
        "media": {"files": len(media), "bytes": sum(size for _path, size in media)},
    }
    progress(
        _("Media folder: %(files)s files, %(bytes)s bytes …")
        % {"files": len(media), "bytes": manifest["media"]["bytes"]}
    )
    descriptor = os.open(archive, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, ARCHIVE_MODE)
    with os.fdopen(descriptor, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
        _add_bytes(tar, MANIFEST_NAME, json.dumps(manifest, indent=2).encode())
        tar.add(dump, arcname=dump.name)
        root = Path(settings.MEDIA_ROOT)
        for path, _size in media:
            # A file deleted since the listing is simply not in the backup.
            try:
                tar.add(path, arcname=f"{MEDIA_FOLDER}/{path.relative_to(root).as_posix()}")
            except FileNotFoundError:
                continue
    return manifest


def _engine() -> str:
    if connection.vendor not in DUMP_NAMES:
        raise BackupError(
            _("Backups support SQLite and PostgreSQL, not %(engine)s.")
            % {"engine": connection.vendor}
        )
    return connection.vendor


def _sqlite_dump(target: Path) -> DatabaseState:
    """Copy the live database through SQLite's online backup API, all pages in one step:
    a consistent snapshot, during which other processes keep writing (WAL)."""
    connection.ensure_connection()
    destination = sqlite3.connect(target)
    try:
        connection.connection.backup(destination)
        # A self-contained file without a -wal companion.
        destination.execute("PRAGMA journal_mode=DELETE")
        return _state(destination.cursor(), _sqlite_tables(destination.cursor()))
    finally:
        destination.close()


def _postgres_dump(target: Path) -> DatabaseState:
    """pg_dump from the snapshot of the transaction that counts the rows."""
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        state = _state(cursor, connection.introspection.table_names(cursor))
        # The snapshot lives as long as this transaction: pg_dump must run inside it.
        _postgres_run("pg_dump", ["--format=custom", f"--snapshot={snapshot}", f"--file={target}"])
    return state


def _media_files() -> list[tuple[Path, int]]:
    root = Path(settings.MEDIA_ROOT)
    if not root.is_dir():
        return []
    files = []
    for path in sorted(root.rglob("*")):
        try:
            if path.is_file() and not path.is_symlink():
                files.append((path, path.stat().st_size))
        except FileNotFoundError:
            continue
    return files


def _add_bytes(tar: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    info.mode = 0o600
    tar.addfile(info, io.BytesIO(data))


# ---------------------------------------------------------------------------------------
# Restore


def backup_restore(
    *, archive: Path, confirmed: bool, progress: Progress = _silent
) -> RestoreResult:
    """Bring back the database and the media files from `archive`.

    Refuses when the database holds data unless `confirmed`. On SQLite the archive's
    database is checked (integrity_check) before it replaces the live one and again
    after. Afterwards every table's row count must equal the manifest's.
    """
    from netzwerkstatt.audit.enums import AuditAction
    from netzwerkstatt.audit.services import audit_record

    engine = _engine()
    if not archive.is_file():
        raise BackupError(_("The backup %(path)s does not exist.") % {"path": archive})
    with tempfile.TemporaryDirectory(prefix="netzwerkstatt-restore-") as tmp:
        staging = Path(tmp)
        progress(_("Reading %(path)s …") % {"path": archive})
        manifest = _archive_unpack(archive, staging)
        if manifest.get("engine") != engine:
            raise BackupError(
                _(
                    "The backup was made from a %(backup)s database, but this installation "
                    "uses %(engine)s. Restore it into a %(backup)s database."
                )
                % {"backup": manifest.get("engine"), "engine": engine}
            )
        dump = staging / DUMP_NAMES[engine]
        if not dump.is_file():
            raise BackupError(_("The backup holds no database dump."))
        if not confirmed and not database_is_empty():
            raise BackupError(
                _(
                    "The database is not empty. Restoring replaces all its data with the "
                    "backup's; confirm with --yes."
                )
            )
        progress(_("Restoring the database (%(engine)s) …") % {"engine": engine})
        try:
            if engine == "sqlite":
                _sqlite_restore(dump)
            else:
                _postgres_restore(dump)
        except sqlite3.Error as error:
            raise BackupError(
                _("The database cannot be restored: %(reason)s") % {"reason": error}
            ) from error
        state = database_state()
        _counts_compare(manifest.get("counts", {}), state.counts)
        progress(
            _("Database restored and checked: %(tables)s tables, %(rows)s rows as in the backup.")
            % {"tables": len(state.counts), "rows": state.rows}
        )
        media_files = _media_restore(staging / MEDIA_FOLDER)
        progress(_("Media files restored: %(files)s.") % {"files": media_files})
    result = RestoreResult(
        manifest=manifest, state=state, media_files=media_files, notes=_migration_notes()
    )
    audit_record(
        action=AuditAction.RESTORE,
        workspace=None,
        actor=None,
        details={
            "engine": engine,
            "backup_created_at": manifest.get("created_at"),
            "tables": len(state.counts),
            "rows": state.rows,
            "media_files": media_files,
        },
    )
    return result


def _archive_unpack(archive: Path, staging: Path) -> dict:
    try:
        with tarfile.open(archive, mode="r:*") as tar:
            try:
                manifest = json.loads(tar.extractfile(MANIFEST_NAME).read())
            except (KeyError, AttributeError, ValueError):
                raise BackupError(
                    _("%(path)s is not a Netzwerkstatt backup (no readable manifest).")
                    % {"path": archive}
                ) from None
            if manifest.get("format") != FORMAT_VERSION:
                raise BackupError(
                    _("The backup has format %(found)s; this version reads format %(expected)s.")
                    % {"found": manifest.get("format"), "expected": FORMAT_VERSION}
                )
            # "data" refuses absolute paths, paths leaving the folder, links and devices.
            tar.extractall(staging, filter="data")
    except (tarfile.TarError, EOFError, OSError) as error:
        raise BackupError(
            _("The backup %(path)s cannot be read: %(reason)s") % {"path": archive, "reason": error}
        ) from error
    return manifest


def _sqlite_restore(dump: Path) -> None:
    source = sqlite3.connect(dump)
    try:
        result = _integrity(source.cursor())
        if result != "ok":
            raise BackupError(
                _("The backup's database is damaged (integrity check: %(result)s).")
                % {"result": result}
            )
        connection.close()
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()
    with connection.cursor() as cursor:
        result = _integrity(cursor)
    if result != "ok":
        raise BackupError(
            _("The restored database fails the integrity check: %(result)s") % {"result": result}
        )


def _postgres_restore(dump: Path) -> None:
    # pg_restore needs the tables free: this process's own connection goes first.
    connection.close()
    _postgres_run(
        "pg_restore",
        [
            "--clean",
            "--if-exists",
            "--single-transaction",
            "--no-owner",
            "--no-privileges",
        ],
        positional=[str(dump)],
    )


def _media_restore(source: Path) -> int:
    root = Path(settings.MEDIA_ROOT)
    root.mkdir(parents=True, exist_ok=True)
    if not source.is_dir():
        return 0
    count = 0
    for path in sorted(source.rglob("*")):
        if path.is_file():
            target = root / path.relative_to(source)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            count += 1
    return count


def _counts_compare(expected: dict[str, int], found: dict[str, int]) -> None:
    differences = [
        f"{table}: {expected.get(table, '–')} → {found.get(table, '–')}"
        for table in sorted(set(expected) | set(found))
        if expected.get(table) != found.get(table)
    ]
    if differences:
        raise BackupError(
            _(
                "The restored database differs from the backup's manifest in %(count)s tables: %(tables)s"
            )
            % {"count": len(differences), "tables": "; ".join(differences)}
        )


def _migration_notes() -> list[str]:
    """What the operator must do when the backup's code version differs from this one."""
    executor = MigrationExecutor(connection)
    loader = executor.loader
    unknown = sorted(
        f"{app}.{name}"
        for app, name in loader.applied_migrations
        if (app, name) not in loader.disk_migrations
    )
    notes = []
    if unknown:
        notes.append(
            _(
                "The backup comes from a newer version of Netzwerkstatt (unknown migrations: "
                "%(names)s). Install that version before using the data."
            )
            % {"names": ", ".join(unknown)}
        )
    if executor.migration_plan(loader.graph.leaf_nodes()):
        notes.append(_("The backup comes from an older version: run “netzwerkstatt migrate” now."))
    return notes


# ---------------------------------------------------------------------------------------
# The database's state: tables, row counts, applied migrations


def database_state() -> DatabaseState:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            tables = _sqlite_tables(cursor)
        else:
            tables = connection.introspection.table_names(cursor)
        return _state(cursor, tables)


def database_is_empty() -> bool:
    """No rows outside the tables that migrating fills by itself and the database cache's
    (or no tables at all)."""
    ignored = SCAFFOLD_TABLES | {
        cache["LOCATION"]
        for cache in settings.CACHES.values()
        if cache["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    }
    state = database_state()
    return not any(count for table, count in state.counts.items() if table not in ignored)


def _sqlite_tables(cursor) -> list[str]:
    cursor.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name"
    )
    return [name for (name,) in cursor.fetchall()]


def _quote(name: str) -> str:
    return '"{}"'.format(name.replace('"', '""'))


def _state(cursor, tables: list[str]) -> DatabaseState:
    counts = {}
    for table in sorted(tables):
        # Not an injection: the table names come from the database's own catalogue, quoted.
        cursor.execute(f"SELECT COUNT(*) FROM {_quote(table)}")  # noqa: S608 # nosec B608
        counts[table] = cursor.fetchone()[0]
    migrations: dict[str, list[str]] = {}
    if "django_migrations" in counts:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        for app, name in cursor.fetchall():
            migrations.setdefault(app, []).append(name)
    return DatabaseState(counts=counts, migrations=migrations)


def _integrity(cursor) -> str:
    cursor.execute("PRAGMA integrity_check")
    return "; ".join(str(row[0]) for row in cursor.fetchall())


# ---------------------------------------------------------------------------------------
# PostgreSQL's client programs


def _postgres_run(program: str, options: list[str], *, positional: list[str] = ()) -> None:
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(
            _("%(program)s is not installed (Debian package postgresql-client).")
            % {"program": program}
        )
    settings_dict = connection.settings_dict
    # Django's psql client knows which settings become which PG* variables (password,
    # service, SSL files); the password thus never appears in the process list.
    _args, extra_env = connection.client.settings_to_cmd_args_env(settings_dict, [])
    command = [executable, "--no-password", *options]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if settings_dict.get(key):
            command.append(f"{option}={settings_dict[key]}")
    if settings_dict.get("NAME"):
        command.append(f"--dbname={settings_dict['NAME']}")
    command.extend(positional)
    # A program found on PATH by its fixed name, arguments from the settings, no shell.
    completed = subprocess.run(  # noqa: S603 # nosec B603
        command,
        env={**os.environ, **(extra_env or {})},
        capture_output=True,
        text=True,
        check=False,
    )
    if completed.returncode != 0:
        raise BackupError(
            _("%(program)s failed (exit code %(code)s): %(reason)s")
            % {
                "program": program,
                "code": completed.returncode,
                "reason": completed.stderr.strip() or completed.stdout.strip(),
            }
        )
