import pytest

from netzwerkstatt.api.services import api_token_issue
from tests.api.conftest import ApiClient
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api_as(client):
    def make(user, workspace) -> ApiClient:
        _token, raw = api_token_issue(user=user, workspace=workspace)
        return ApiClient(client, raw)

    return make


def test_api_warm_paths_to_an_organisation(api_as, staff, workspace, introduction):
    api = api_as(staff, workspace)

    response = api.get(
        f"organisations/{introduction.company.pk}/warm-paths", headers={"Accept-Language": "en"}
    )

    assert response.status_code == 200
    paths = response.json()["paths"]
    assert len(paths) == 2
    first = paths[0]
    assert set(first) == {"score", "nodes", "explanation", "unasked"}
    assert first["score"] > paths[1]["score"]
    assert [node["id"] for node in first["nodes"]] == [
        introduction.you.person_id,
        introduction.meyer.pk,
        introduction.schulz.pk,
        introduction.company.pk,
    ]
    assert first["nodes"][-1] == {
        "type": "organisation",
        "id": introduction.company.pk,
        "label": "Metallbau Müller GmbH",
    }
    # The token's user is linked to the first person: "Sie" (the API answers in German).
    assert first["explanation"].startswith("Sie → ")
    assert first["unasked"] == [
        {"type": "person", "id": introduction.meyer.pk, "label": "Jan Meyer"}
    ]


def test_api_warm_paths_to_a_person_with_k(api_as, staff, workspace, introduction):
    api = api_as(staff, workspace)

    response = api.get(f"persons/{introduction.schulz.pk}/warm-paths", {"k": 1})

    assert response.status_code == 200
    assert len(response.json()["paths"]) == 1


def test_api_warm_paths_k_out_of_range(api_as, staff, workspace, introduction):
    api = api_as(staff, workspace)

    response = api.get(f"persons/{introduction.schulz.pk}/warm-paths", {"k": 0})

    assert response.status_code == 422
    assert "k" in response.json()["errors"]


def test_api_warm_paths_foreign_ids_not_found(api_as, other_workspace, introduction):
    foreigner = MembershipFactory(workspace=other_workspace).user
    api = api_as(foreigner, other_workspace)
    OrganisationFactory(workspace=other_workspace)
    PersonFactory(workspace=other_workspace)

    assert api.get(f"organisations/{introduction.company.pk}/warm-paths").status_code == 404
    assert api.get(f"persons/{introduction.schulz.pk}/warm-paths").status_code == 404
    # Also with invalid input: a foreign id answers alike to every request.
    assert api.get(f"persons/{introduction.schulz.pk}/warm-paths", {"k": 0}).status_code == 404


def test_api_warm_paths_not_for_partners(api_as, partner, workspace, introduction):
    api = api_as(partner, workspace)

    assert api.get(f"persons/{introduction.meyer.pk}/warm-paths").status_code == 403


def test_api_warm_paths_needs_a_token(client, introduction):
    response = ApiClient(client).get(f"organisations/{introduction.company.pk}/warm-paths")

    assert response.status_code == 401


def test_api_warm_paths_documented(client):
    schema = client.get("/api/v1/openapi.json").json()

    assert "/api/v1/organisations/{organisation_id}/warm-paths" in schema["paths"]
    assert "/api/v1/persons/{person_id}/warm-paths" in schema["paths"]
