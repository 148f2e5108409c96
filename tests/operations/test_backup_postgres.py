"""`netzwerkstatt backup` (pg_dump) and `restore` (pg_restore) on PostgreSQL: a backup of
the test database taken while another process writes, restored into a second database."""

import json
import tarfile
import time
from urllib.parse import quote

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.contacts.models import Person
from tests.factories import PersonFactory, WorkspaceFactory

from .conftest import (
    WORKSPACE,
    environment,
    netzwerkstatt,
    on_postgres,
    writer,
    writer_result,
    writer_wait_ready,
)

pytestmark = [
    pytest.mark.skipif(not on_postgres, reason="runs when DATABASE_URL names PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]

AUDIT_TABLE = "audit_auditentry"
PERSON_TABLE = "contacts_person"
ROWS_BEFORE_BACKUP = 30
WAIT_SECONDS = 120


def database_url(name: str) -> str:
    config = connection.settings_dict
    credentials = quote(config["USER"] or "", safe="")
    if config["PASSWORD"]:
        credentials += ":" + quote(config["PASSWORD"], safe="")
    return (
        f"postgres://{credentials}@{config['HOST'] or 'localhost'}:{config['PORT'] or 5432}/{name}"
    )


def server_connect(name: str) -> psycopg.Connection:
    config = connection.settings_dict
    return psycopg.connect(
        dbname=name,
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )


@pytest.fixture
def second_database():
    """An empty database next to the test database, dropped afterwards."""
    name = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield name
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def table_counts(name: str) -> dict[str, int]:
    with server_connect(name) as database:
        tables = [
            table
            for (table,) in database.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
            ).fetchall()
        ]
        return {
            table: database.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608
            for table in tables
        }


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}")
        time.sleep(0.05)


def test_round_trip_into_a_second_database_while_another_process_writes(
    second_database, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path / "media"
    planted = {"events/photos/foto.jpg": bytes(range(256)) * 400, "imports/a b.csv": b"x;y\n"}
    for name, data in planted.items():
        (settings.MEDIA_ROOT / name).parent.mkdir(parents=True, exist_ok=True)
        (settings.MEDIA_ROOT / name).write_bytes(data)
    workspace = WorkspaceFactory(slug=WORKSPACE)
    PersonFactory.create_batch(5, workspace=workspace)

    archive = tmp_path / "sicherung.tar.gz"
    stop = tmp_path / "stop"
    source_env = environment(
        database_url=database_url(connection.settings_dict["NAME"]),
        media_root=settings.MEDIA_ROOT,
    )
    process = writer(source_env, "--label", "Laufend", "--until", str(stop))
    try:
        writer_wait_ready(process)
        wait_for(lambda: Person.objects.count() >= ROWS_BEFORE_BACKUP, "the writer's rows")
        before = Person.objects.count()
        call_command("backup", output=str(archive))
        after = Person.objects.count()
        wait_for(lambda: Person.objects.count() > after, "writes after the backup")
    finally:
        stop.touch()
    result = writer_result(process)
    assert result["errors"] == 0, result["messages"]

    with tarfile.open(archive) as tar:
        manifest = json.loads(tar.extractfile("manifest.json").read())
        assert "database.pgdump" in tar.getnames()
    assert manifest["engine"] == "postgresql"
    assert before <= manifest["counts"][PERSON_TABLE] <= after
    assert before < after, "no rows were written while the backup ran"
    assert AuditEntry.objects.filter(action=AuditAction.BACKUP).count() == 1

    target_env = environment(
        database_url=database_url(second_database), media_root=tmp_path / "wiederhergestellt"
    )
    netzwerkstatt(target_env, "restore", str(archive))

    counts = table_counts(second_database)
    # pg_dump saw the rows the manifest counted: the same exported snapshot.
    assert counts == {**manifest["counts"], AUDIT_TABLE: manifest["counts"][AUDIT_TABLE] + 1}
    restored_media = tmp_path / "wiederhergestellt"
    assert {
        path.relative_to(restored_media).as_posix(): path.read_bytes()
        for path in restored_media.rglob("*")
        if path.is_file()
    } == planted

    # A second restore into the now filled database needs --yes, and then succeeds.
    refused = netzwerkstatt(target_env, "restore", str(archive), check=False)
    assert refused.returncode == 1
    assert "--yes" in refused.stderr
    netzwerkstatt(target_env, "restore", str(archive), "--yes")
    assert table_counts(second_database)[PERSON_TABLE] == manifest["counts"][PERSON_TABLE]
