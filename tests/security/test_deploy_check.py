"""Django's deployment checklist passes with the production settings, warnings included."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[2]
# Set by the browser tests' conftest for Playwright; no deployment has it.
TEST_ONLY = {"DJANGO_ALLOW_ASYNC_UNSAFE", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DEBUG"}


def _environment(**values: str) -> dict[str, str]:
    return {key: value for key, value in os.environ.items() if key not in TEST_ONLY} | values


def test_check_deploy_passes_with_production_settings(tmp_path):
    environment = _environment(
        DJANGO_SETTINGS_MODULE="netzwerkstatt.settings.production",
        SECRET_KEY=secrets.token_urlsafe(64),
        ALLOWED_HOSTS="netzwerkstatt.example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    result = subprocess.run(
        [sys.executable, "-m", "netzwerkstatt", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key():
    environment = _environment(DJANGO_SETTINGS_MODULE="netzwerkstatt.settings.production")
    result = subprocess.run(
        [sys.executable, "-m", "netzwerkstatt", "check"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr
