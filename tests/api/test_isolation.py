"""No API operation shows, changes or deletes another workspace's data.

Walks every operation the OpenAPI schema lists, so an operation is covered the
day it is added: its path parameters are filled with the other workspace's ids
and its bodies point at the other workspace's rows.
"""

import pytest

from netzwerkstatt.contacts.models import Function, Note, Organisation, Person
from netzwerkstatt.core.enums import Role
from tests.api.schema import schema_operations
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    MembershipFactory,
    NoteFactory,
    TagFactory,
)

MARKER = "FREMDMARKER"


@pytest.fixture
def foreign(other_workspace):
    """One of everything in the other workspace, shared with partners, each carrying the marker."""
    function = FunctionFactory(
        workspace=other_workspace,
        person__last_name=f"{MARKER}Person",
        person__is_shared=True,
        organisation__name=f"{MARKER} GmbH",
        organisation__is_shared=True,
        role=f"{MARKER}Rolle",
    )
    EmailAddressFactory(
        person=function.person, workspace=other_workspace, address="fremdmarker@fremd.example"
    )
    function.organisation.tags.add(TagFactory(workspace=other_workspace, name=f"{MARKER}Tag"))
    note = NoteFactory(
        workspace=other_workspace, organisation=function.organisation, text=f"{MARKER} Notiz"
    )
    return {
        "organisation_id": function.organisation.pk,
        "person_id": function.person.pk,
        "note_id": note.pk,
    }


def _bodies(foreign: dict) -> list[dict]:
    """A body fitting no schema in particular, and bodies pointing at foreign rows."""
    return [
        {"text": "übernommen", "name": "übernommen", "last_name": "übernommen"},
        {"text": "übernommen", "organisation": foreign["organisation_id"]},
        {"text": "übernommen", "person": foreign["person_id"]},
        {"last_name": "übernommen", "functions": [{"organisation": foreign["organisation_id"]}]},
    ]


def _foreign_state(other_workspace) -> list:
    return [
        sorted(
            Organisation.objects.filter(workspace=other_workspace).values_list("name", flat=True)
        ),
        sorted(
            Person.objects.filter(workspace=other_workspace).values_list("last_name", flat=True)
        ),
        sorted(Note.objects.filter(workspace=other_workspace).values_list("text", flat=True)),
        Function.objects.filter(workspace=other_workspace).count(),
    ]


@pytest.mark.parametrize("role", [Role.LEAD, Role.PARTNER])
@pytest.mark.parametrize(("method", "path"), schema_operations())
def test_operation_never_reveals_or_changes_foreign_data(
    api_as, workspace, other_workspace, foreign, role, method, path
):
    api = api_as(MembershipFactory(workspace=workspace, role=role).user, workspace)
    concrete = path.format(**foreign)
    before = _foreign_state(other_workspace)

    if method == "get":
        responses = [
            api.get(concrete, {"search": MARKER.lower()}),
            api.get(concrete, {"organisation": foreign["organisation_id"]}),
            api.get(concrete, {"person": foreign["person_id"]}),
        ]
    elif method == "delete":
        responses = [api.delete(concrete)]
    else:
        responses = [getattr(api, method)(concrete, body) for body in _bodies(foreign)]

    for response in responses:
        body = response.content.decode()
        assert MARKER.lower() not in body.lower(), f"{method} {concrete}: {body}"
        if "{" in path:
            assert response.status_code in {403, 404}, f"{method} {concrete}: {body}"
        elif method == "get" and response.status_code == 200:
            assert response.json() == {"items": [], "count": 0}
    assert _foreign_state(other_workspace) == before
