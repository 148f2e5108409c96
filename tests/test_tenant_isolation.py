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
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.models import (
    Recommendation,
    Survey,
    SurveyAnswer,
    TeamMember,
    Tie,
)
from netzwerkstatt.network.surveys import survey_create
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    NoteFactory,
    PhoneNumberFactory,
    RecommendationFactory,
    TagFactory,
    TeamMemberFactory,
    TieFactory,
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
    "network:tie_update": "tie",
    "network:tie_delete": "tie",
    "network:recommendation_outcome": "recommendation",
    "network:recommendation_delete": "recommendation",
    "network:team_member_update": "team_member",
    "network:team_member_remove": "team_member",
    "network:survey_detail": "survey",
    "network:survey_link_renew": "survey",
    "network:survey_accept_all": "survey",
    "network:survey_answer_accept": "survey_answer",
    "network:survey_answer_reject": "survey_answer",
    "network:warm_paths_person": "person",
    "network:warm_paths_organisation": "organisation",
}
# Namespaces that are not tenant pages: Django's admin is for operators (staff users) only.
NOT_TENANT_PAGES = {"admin"}
# Views that take no object but a fixed argument.
FIXED_ARGUMENTS = {
    "contacts:organisation_export": {"file_format": "csv"},
    "contacts:person_export": {"file_format": "csv"},
    "network:graph_export": {"file_format": "gexf"},
    # The public survey pages take a token, not an id: an unknown one must reveal nothing.
    "network:survey_respond": {"token": "unbekannt"},
    "network:survey_suggestions": {"token": "unbekannt"},
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
    tie = TieFactory(
        workspace=other_workspace, source_person=function.person, note=f"{MARKER} Beziehung"
    )
    recommendation = RecommendationFactory(
        workspace=other_workspace, recommender=function.person, purpose=f"{MARKER} Zweck"
    )
    team_member = TeamMemberFactory(workspace=other_workspace, person=tie.target_person)
    survey, _token = survey_create(scope=Scope.system(other_workspace), respondent=function.person)
    survey_answer = SurveyAnswer.objects.create(
        workspace=other_workspace, survey=survey, organisation_name=f"{MARKER} AG", closeness=3
    )
    return {
        "organisation": function.organisation,
        "person": function.person,
        "note": note,
        "import_job": import_job,
        "tie": tie,
        "recommendation": recommendation,
        "team_member": team_member,
        "survey": survey,
        "survey_answer": survey_answer,
    }


def _state(workspace) -> dict:
    """Every row of the workspace's data, to prove a request changed none of them."""
    return {
        model.__name__: sorted(map(repr, model.objects.filter(workspace=workspace).values()))
        for model in (
            Organisation,
            Person,
            Note,
            Tie,
            Recommendation,
            TeamMember,
            Survey,
            SurveyAnswer,
        )
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

    before = _state(foreign["person"].workspace)
    responses = [
        client.get(path, {"search": MARKER[:8].lower(), "q": MARKER[:8].lower()}),
        client.post(path, {"text": "übernommen", "name": "übernommen", "last_name": "x"}),
    ]

    for response in responses:
        if arguments:
            assert response.status_code in {404, 405}, f"{path}: {response.status_code}"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER.lower() not in body.decode("utf-8", "replace").lower(), path
    assert _state(foreign["person"].workspace) == before, path


def test_admin_is_closed_to_workspace_members(client, lead):
    client.force_login(lead)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response.url
