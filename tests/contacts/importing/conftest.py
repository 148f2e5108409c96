from pathlib import Path

import pytest

from netzwerkstatt.contacts.importing.reading import read_source
from netzwerkstatt.contacts.importing.service import ImportResult, contacts_import
from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)
from netzwerkstatt.core.models import ActivityEntry

FILES = Path(__file__).parent / "files"


def file_bytes(name: str) -> bytes:
    return (FILES / name).read_bytes()


def database_state(workspace) -> dict:
    """Everything an import could change in the workspace, for "nothing changed" checks."""
    return {
        model.__name__: sorted(
            tuple(sorted(row.items())) for row in model.objects.filter(workspace=workspace).values()
        )
        for model in (Organisation, Person, EmailAddress, PhoneNumber, Function, Tag, ActivityEntry)
    }


@pytest.fixture
def run_import(scope):
    def run(data: bytes | str, **options) -> ImportResult:
        content = file_bytes(data) if isinstance(data, str) else data
        return contacts_import(scope=scope, source=read_source(content), **options)

    return run
