"""No API operation shows, changes or deletes another workspace's data.

Walks every operation the OpenAPI schema lists, so an operation is covered the
day it is added: its path parameters are filled with the other workspace's ids
and its bodies point at the other workspace's rows.
"""

import pytest

from netzwerkstatt.acquisition.models import Measure, Need
from netzwerkstatt.contacts.models import Function, Note, Organisation, Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import Recommendation, Tie
from tests.api.schema import schema_operations
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    MeasureFactory,
    MembershipFactory,
    NeedFactory,
    NoteFactory,
    ProjectFactory,
    RecommendationFactory,
    TagFactory,
    TieFactory,
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
    tie = TieFactory(
        workspace=other_workspace,
        kind=TieKind.ADVISES,
        source_person=function.person,
        target_person=None,
        target_organisation=function.organisation,
        note=f"{MARKER} Beziehung",
        purpose=f"{MARKER}Zweck",
    )
    recommendation = RecommendationFactory(
        workspace=other_workspace,
        recommender=function.person,
        subject_organisation=function.organisation,
        recipient_person__last_name=f"{MARKER}Empfänger",
        recipient_person__is_shared=True,
        purpose=f"{MARKER}Zweck",
    )
    need = NeedFactory(workspace=other_workspace, name=f"{MARKER}Bedarf", description=MARKER)
    measure = MeasureFactory(
        workspace=other_workspace,
        name=f"{MARKER} Demografie-Check",
        target_group=MARKER,
        needs=[need],
    )
    return {
        "organisation_id": function.organisation.pk,
        "person_id": function.person.pk,
        "note_id": note.pk,
        "tie_id": tie.pk,
        "recommendation_id": recommendation.pk,
        "project_id": ProjectFactory(workspace=other_workspace, name=f"{MARKER}Projekt").pk,
        "need_id": need.pk,
        "measure_id": measure.pk,
    }


def _bodies(foreign: dict) -> list[dict]:
    """A body fitting no schema in particular, and bodies pointing at foreign rows."""
    return [
        {"text": "übernommen", "name": "übernommen", "last_name": "übernommen"},
        {"text": "übernommen", "organisation": foreign["organisation_id"]},
        {"text": "übernommen", "person": foreign["person_id"]},
        {"last_name": "übernommen", "functions": [{"organisation": foreign["organisation_id"]}]},
        {
            "kind": "knows",
            "source": {"type": "person", "id": foreign["person_id"]},
            "target": {"type": "person", "id": foreign["person_id"]},
            "strength": 5,
        },
        {
            "kind": "advises",
            "source": {"type": "person", "id": foreign["person_id"]},
            "target": {"type": "organisation", "id": foreign["organisation_id"]},
            "strength": 5,
            "project": foreign["project_id"],
        },
        {"strength": 1, "note": "übernommen", "project": foreign["project_id"]},
        {
            "recommender": foreign["person_id"],
            "subject": {"type": "organisation", "id": foreign["organisation_id"]},
            "recipient": {"type": "person", "id": foreign["person_id"]},
            "date": "2026-03-02",
            "outcome": "cooperation",
        },
        {"outcome": "cooperation", "on": "2026-03-02"},
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
        sorted(
            Tie.objects.filter(workspace=other_workspace).values_list(
                "kind", "strength", "trust", "note", "last_contact"
            )
        ),
        sorted(
            Recommendation.objects.filter(workspace=other_workspace).values_list(
                "outcome", "outcome_date", "purpose"
            )
        ),
        sorted(Need.objects.filter(workspace=other_workspace).values_list("name", "description")),
        sorted(
            Measure.objects.filter(workspace=other_workspace).values_list("name", "needs__name")
        ),
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
