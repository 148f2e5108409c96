"""No page shows, changes or deletes another workspace's data.

The test enumerates every URL pattern, so a new page is covered the day it is
added: a pattern that takes an object id must have an entry in FOREIGN_OBJECT,
or the test fails and says which.
"""

import re

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver

from netzwerkstatt.contacts.models import ImportJob, Note, Organisation, Person
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    NoteFactory,
    PhoneNumberFactory,
    TagFactory,
)

MARKER = "FREMDMARKER"

# URL name → which of the foreign workspace's objects its id refers to.
FOREIGN_OBJECT = {
    "contacts:organisation_detail": "organisation",
    "contacts:organisation_update": "organisation",
    "contacts:organisation_delete": "organisation",
    "contacts:organisation_note_create": "organisation",
    "contacts:person_detail": "person",
    "contacts:person_update": "person",
    "contacts:person_delete": "person",
    "contacts:person_note_create": "person",
    "contacts:note_delete": "note",
    "contacts:import_review": "import_job",
    "contacts:import_result": "import_job",
}
# Namespaces that are not tenant pages: Django's admin is for operators (staff users) only.
NOT_TENANT_PAGES = {"admin"}
# Views that take no object but a fixed argument.
FIXED_ARGUMENTS = {
    "contacts:organisation_export": {"file_format": "csv"},
    "contacts:person_export": {"file_format": "csv"},
}


def _walk(resolver, prefix="", namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
            yield from _walk(entry, prefix + str(entry.pattern), inner)
        elif isinstance(entry, URLPattern):
            yield (
                f"{namespace}{entry.name}" if entry.name else None,
                prefix + str(entry.pattern),
                entry,
            )


def tenant_routes():
    routes = []
    for name, route, pattern in _walk(get_resolver()):
        if name is None or name.split(":")[0] in NOT_TENANT_PAGES or route.startswith("api/"):
            continue
        routes.append(pytest.param(name, route, pattern, id=name))
    return routes


def _fill(route: str, values: dict) -> str:
    """The concrete path for a route pattern (path converters or regex groups)."""
    path = re.sub(r"<(?:\w+:)?(\w+)>", lambda match: str(values[match.group(1)]), route)
    path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda match: str(values[match.group(1)]), path)
    return "/" + path.lstrip("^").rstrip("$").replace("\\.", ".")


@pytest.fixture
def foreign(other_workspace):
    """One of everything in the other workspace, each carrying the marker in its text."""
    function = FunctionFactory(
        workspace=other_workspace,
        person__last_name=f"{MARKER}Person",
        organisation__name=f"{MARKER} GmbH",
        role=f"{MARKER}Rolle",
    )
    EmailAddressFactory(
        person=function.person, workspace=other_workspace, address="fremdmarker@fremd.example"
    )
    PhoneNumberFactory(person=function.person, workspace=other_workspace)
    tag = TagFactory(workspace=other_workspace, name=f"{MARKER}Tag")
    function.organisation.tags.add(tag)
    note = NoteFactory(
        workspace=other_workspace, organisation=function.organisation, text=f"{MARKER} Notiz"
    )
    import_job = ImportJob.objects.create(
        workspace=other_workspace,
        file=ContentFile(f"Vorname;Nachname\r\nAnke;{MARKER}\r\n".encode(), name="kontakte.csv"),
        original_name=f"{MARKER}.csv",
        format="csv",
    )
    return {
        "organisation": function.organisation,
        "person": function.person,
        "note": note,
        "import_job": import_job,
    }


@pytest.mark.parametrize(("name", "route", "pattern"), tenant_routes())
def test_route_never_reveals_or_changes_foreign_data(client, lead, foreign, name, route, pattern):
    client.force_login(lead)
    arguments = set(pattern.pattern.converters) | set(pattern.pattern.regex.groupindex)
    arguments -= set(FIXED_ARGUMENTS.get(name, {}))
    if arguments:
        assert name in FOREIGN_OBJECT, f"{name} takes {arguments}: add it to FOREIGN_OBJECT"
        values = dict.fromkeys(arguments, foreign[FOREIGN_OBJECT[name]].pk)
    else:
        values = {}
    path = _fill(route, values | FIXED_ARGUMENTS.get(name, {}))

    responses = [
        client.get(path, {"search": MARKER[:8].lower(), "q": MARKER[:8].lower()}),
        client.post(path, {"text": "übernommen", "name": "übernommen", "last_name": "x"}),
    ]

    for response in responses:
        if arguments:
            assert response.status_code in {404, 405}, f"{path}: {response.status_code}"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER.lower() not in body.decode("utf-8", "replace").lower(), path
    foreign_now = (
        Organisation.objects.filter(workspace=foreign["organisation"].workspace).count(),
        Person.objects.filter(workspace=foreign["person"].workspace).count(),
        Note.objects.filter(workspace=foreign["note"].workspace).count(),
    )
    assert foreign_now == (1, 1, 1)


def test_admin_is_closed_to_workspace_members(client, lead):
    client.force_login(lead)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response.url
