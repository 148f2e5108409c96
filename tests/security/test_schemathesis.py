"""Every API operation against its OpenAPI schema, with schemathesis (proof 3 of issue 7).

Hypothesis generates valid and invalid input for each operation from the schema the
API serves (`/api/v1/openapi.json`); each request goes through Django's WSGI handler
in this process, so it sees the test's database, as a lead of a workspace with some
data. Every built-in check runs on every response: no server error, only documented
status codes and content types, bodies that match the declared schema, invalid input
rejected and valid input accepted. Generated ids are steered towards the rows that
exist, so the operations get past their 404s and reach the services.

Each example runs in a savepoint that is rolled back, so a delete in one example does
not take the data away from the next; the runs are derandomised, hence repeatable.
"""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections, transaction
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from schemathesis.openapi.checks import RejectedPositiveData

from netzwerkstatt.api.schemas.common import DB_INT_MAX
from netzwerkstatt.api.services import api_token_issue
from netzwerkstatt.core.enums import Role
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    MeasureFactory,
    MembershipFactory,
    NeedFactory,
    NoteFactory,
    OrganisationFactory,
    PersonFactory,
    PhoneNumberFactory,
    ProjectFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
    WorkspaceFactory,
)

EXAMPLES = 100

schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())

# The ids of the rows the fixture made, by the name of the parameter or body field that
# takes them, and the lead's token; the hooks below use them (the rows and the token
# exist only once the test runs).
KNOWN_IDS: dict[str, list[int]] = {}
TOKEN: dict[str, str] = {}
BODY_ID_FIELDS = {"organisation", "person", "recommender", "project"}


def _known(name: str, value):
    """The generated value, or one of the existing ids when `name` takes an id.

    Only a valid id is swapped: an out-of-range one is what a negative case tests, and
    swapping it for an existing id would turn the case into a valid request.
    """
    ids = KNOWN_IDS.get(name)
    if not ids or not isinstance(value, int) or isinstance(value, bool):
        return st.just(value)
    if not 1 <= value <= DB_INT_MAX:
        return st.just(value)
    return st.sampled_from([value, *ids])


def _steered(value, name: str = ""):
    if isinstance(value, dict):
        if name == "path":
            return st.fixed_dictionaries({key: _known(key, item) for key, item in value.items()})
        if value.get("type") in ("person", "organisation") and "id" in value:
            return st.fixed_dictionaries(
                {key: _known(value["type"], item) if key == "id" else st.just(item)
                 for key, item in value.items()}
            )  # fmt: skip
        return st.fixed_dictionaries({key: _steered(item, key) for key, item in value.items()})
    if isinstance(value, list):
        return st.tuples(*(_steered(item, name) for item in value)).map(list)
    return _known(name, value) if name in BODY_ID_FIELDS else st.just(value)


@schema.hook
def flatmap_path_parameters(context, path_parameters):
    return _steered(path_parameters, "path")


@schema.hook
def flatmap_query(context, query):
    return _steered(query)


@schema.hook
def flatmap_body(context, body):
    return _steered(body)


# Rules the schema cannot express, by operation: the fields whose 422 answers valid-looking
# input with a reason. Schemathesis's `positive_data_acceptance` check still fails for a
# 422 on any other field, or for any other status.
SEMANTIC_RULES = {
    # Exactly one of `organisation` and `person`.
    "POST /api/v1/notes": {"__all__"},
    # A tie's kind fixes which types its ends have (network.enums.TIE_RULES), and a
    # tie joins two different ends.
    "POST /api/v1/ties": {"kind", "__all__"},
    "PATCH /api/v1/ties/{tie_id}": {"kind", "__all__"},
    # A recommendation is of someone to someone else, and nobody recommends themselves.
    "POST /api/v1/recommendations": {"recipient", "subject", "__all__"},
    # A web address Django's URLValidator accepts (http or https, a real host name).
    "POST /api/v1/organisations": {"website"},
    "PATCH /api/v1/organisations/{organisation_id}": {"website"},
    # An e-mail address Django's EmailValidator accepts.
    "POST /api/v1/persons": {"emails.address"},
    "PATCH /api/v1/persons/{person_id}": {"emails.address"},
}


@schema.hook
def filter_failure(context, failure, case, response):
    """Keep every failure except a 422 for a rule of SEMANTIC_RULES."""
    allowed = SEMANTIC_RULES.get(case.operation.label)
    if not allowed or response.status_code != 422 or not isinstance(failure, RejectedPositiveData):
        return True
    fields = {re.sub(r"\.\d+(?=\.|$)", "", name) for name in response.json().get("errors", {})}
    return not fields <= allowed


@schema.auth(refresh_interval=None)
class LeadToken:
    """The lead's bearer token; schemathesis leaves it out where a case tests a missing one."""

    def get(self, case, context):
        # Schemathesis asks once at collection too, before any fixture made a token.
        return TOKEN.get("raw")

    def set(self, case, data, context):
        case.headers = {**(case.headers or {}), "Authorization": f"Bearer {data}"}


@pytest.fixture
def connection_kept():
    """Requests go through Django's WSGI handler, which closes the database connection when a
    request starts and ends; on PostgreSQL that would end the test's transaction. Django's
    test client keeps the connection the same way."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def lead_token(db, connection_kept):
    """A lead's token in a workspace with a bit of everything the API serves."""
    workspace = WorkspaceFactory()
    lead = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    project = ProjectFactory(workspace=workspace)
    organisations = OrganisationFactory.create_batch(2, workspace=workspace)
    persons = PersonFactory.create_batch(3, workspace=workspace)
    EmailAddressFactory(person=persons[0])
    PhoneNumberFactory(person=persons[0])
    FunctionFactory(workspace=workspace, person=persons[0], organisation=organisations[0])
    TeamMemberFactory(workspace=workspace, person=persons[1])
    notes = [
        NoteFactory(workspace=workspace, organisation=organisations[0]),
        NoteFactory(workspace=workspace, organisation=None, person=persons[0]),
    ]
    ties = [
        TieFactory(
            workspace=workspace,
            source_person=persons[1],
            target_person=persons[0],
            trust=4,
            project=project,
        ),
        TieFactory(workspace=workspace, source_person=persons[0], target_person=persons[2]),
    ]
    recommendations = [
        RecommendationFactory(
            workspace=workspace,
            recommender=persons[0],
            subject_organisation=organisations[1],
            recipient_person=persons[1],
        )
    ]
    needs = NeedFactory.create_batch(2, workspace=workspace)
    measures = [MeasureFactory(workspace=workspace, project=project, needs=needs)]
    pks = {
        "organisation": organisations,
        "person": persons,
        "project": [project],
        "recommender": persons,
        "note": notes,
        "tie": ties,
        "recommendation": recommendations,
        "measure": measures,
        "need": needs,
    }
    KNOWN_IDS.clear()
    for name, rows in pks.items():
        ids = [row.pk for row in rows]
        KNOWN_IDS[name] = KNOWN_IDS[f"{name}_id"] = ids
    _token, TOKEN["raw"] = api_token_issue(user=lead, workspace=workspace)
    yield
    KNOWN_IDS.clear()
    TOKEN.clear()


@schema.parametrize()
@settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[
        HealthCheck.function_scoped_fixture,
        HealthCheck.too_slow,
        HealthCheck.filter_too_much,
        HealthCheck.data_too_large,
    ],
)
def test_api_operation_conforms_to_its_schema(case, lead_token):
    with transaction.atomic():
        case.call_and_validate()
        transaction.set_rollback(True)
