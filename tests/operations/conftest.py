"""Operations tests run the real `netzwerkstatt` command in subprocesses, each with its own
DATABASE_URL and MEDIA_ROOT, as an operator would: file-based SQLite databases in WAL mode
(pytest-django's own SQLite database lives in memory) or separate PostgreSQL databases."""

import json
import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.conf import settings

REPO = Path(__file__).resolve().parents[2]
NETZWERKSTATT = Path(sys.executable).parent / "netzwerkstatt"
WORKSPACE = "betrieb"
COMMAND_TIMEOUT = 300

on_sqlite = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3"
on_postgres = settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def environment(*, database_url: str, media_root: Path) -> dict[str, str]:
    """The operator's environment: the laptop settings (which, unlike the test settings,
    take MEDIA_ROOT from the environment), this database and this media folder."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "netzwerkstatt.settings.local",
        "DEBUG": "false",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
    }


def netzwerkstatt(env: dict[str, str], *arguments: str, check: bool = True):
    completed = subprocess.run(
        [str(NETZWERKSTATT), *arguments],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=COMMAND_TIMEOUT,
        check=False,
    )
    if check and completed.returncode != 0:
        pytest.fail(
            f"netzwerkstatt {' '.join(arguments)} exited with {completed.returncode}:\n"
            f"{completed.stdout}\n{completed.stderr}"
        )
    return completed


def writer(env: dict[str, str], *arguments: str) -> subprocess.Popen:
    """A process that writes persons through the contacts service (tests/operations/writer.py)."""
    return subprocess.Popen(
        [sys.executable, "-m", "tests.operations.writer", "--workspace", WORKSPACE, *arguments],
        env=env,
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def writer_wait_ready(process: subprocess.Popen) -> None:
    line = process.stdout.readline().strip()
    if line != "ready":
        process.kill()
        pytest.fail(f"the writer did not start: {line}\n{process.stderr.read()}")


def writer_result(process: subprocess.Popen) -> dict:
    stdout, stderr = process.communicate(timeout=COMMAND_TIMEOUT)
    if process.returncode != 0:
        pytest.fail(f"the writer failed ({process.returncode}):\n{stdout}\n{stderr}")
    return json.loads(stdout.strip().splitlines()[-1])


@dataclass(frozen=True)
class SqliteSite:
    """One installation on a SQLite file: its database, media folder and environment."""

    database: Path
    media: Path

    @property
    def env(self) -> dict[str, str]:
        return environment(database_url=f"sqlite:///{self.database}", media_root=self.media)

    def query(self, sql: str, *parameters):
        with sqlite3.connect(self.database, timeout=20) as database:
            return database.execute(sql, parameters).fetchall()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory) -> Path:
    """A migrated SQLite database with one workspace, made once per session (migrating
    takes several seconds)."""
    folder = tmp_path_factory.mktemp("sqlite-template")
    site = SqliteSite(database=folder / "db.sqlite3", media=folder / "media")
    netzwerkstatt(site.env, "migrate", "--noinput", "--skip-checks")
    netzwerkstatt(site.env, "create-workspace", WORKSPACE, "--name", "Betrieb", "--skip-checks")
    return site.database


def sqlite_copy(source: Path, target: Path) -> None:
    with sqlite3.connect(source) as original, sqlite3.connect(target) as copy:
        original.backup(copy)
    original.close()
    copy.close()


@pytest.fixture
def sqlite_site(sqlite_template, tmp_path) -> SqliteSite:
    """A fresh installation: a copy of the migrated template and an empty media folder."""
    site = SqliteSite(database=tmp_path / "site" / "db.sqlite3", media=tmp_path / "site" / "media")
    site.media.mkdir(parents=True)
    sqlite_copy(sqlite_template, site.database)
    return site
