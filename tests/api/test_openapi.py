import re

import pytest

from tests.api.schema import schema_operations

OPERATIONS = {
    ("get", "organisations"), ("post", "organisations"), ("get", "organisations/{organisation_id}"),
    ("patch", "organisations/{organisation_id}"), ("delete", "organisations/{organisation_id}"),
    ("get", "persons"), ("post", "persons"), ("get", "persons/{person_id}"),
    ("patch", "persons/{person_id}"), ("delete", "persons/{person_id}"),
    ("get", "notes"), ("post", "notes"), ("get", "notes/{note_id}"),
    ("patch", "notes/{note_id}"), ("delete", "notes/{note_id}"),
    ("get", "ties"), ("post", "ties"), ("get", "ties/{tie_id}"),
    ("patch", "ties/{tie_id}"), ("delete", "ties/{tie_id}"),
    ("get", "recommendations"), ("post", "recommendations"),
    ("get", "recommendations/{recommendation_id}"),
    ("patch", "recommendations/{recommendation_id}"),
    ("delete", "recommendations/{recommendation_id}"),
    ("get", "organisations/{organisation_id}/warm-paths"),
    ("get", "persons/{person_id}/warm-paths"),
    ("get", "measures"), ("get", "measures/{measure_id}"),
    ("get", "needs"), ("get", "needs/{need_id}"),
}  # fmt: skip


def test_openapi_lists_every_operation_with_summary_tag_and_bearer_auth(client, db):
    response = client.get("/api/v1/openapi.json")

    schema = response.json()
    operations = {
        (method, path.removeprefix("/api/v1/")): operation
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    }
    assert response.status_code == 200
    assert schema["info"]["title"] == "Netzwerkstatt API"
    assert set(operations) == OPERATIONS
    assert all(op["summary"] and op["tags"] for op in operations.values())
    assert all(op["security"] == [{"ApiTokenAuth": []}] for op in operations.values())
    assert schema["components"]["securitySchemes"]["ApiTokenAuth"] == {
        "type": "http",
        "scheme": "bearer",
    }


def test_openapi_documents_paged_lists(client, db):
    schema = client.get("/api/v1/openapi.json").json()

    list_operation = schema["paths"]["/api/v1/persons"]["get"]
    parameters = {parameter["name"] for parameter in list_operation["parameters"]}
    assert {"search", "kind", "organisation", "tag", "limit", "offset"} <= parameters
    assert set(schema["components"]["schemas"]["PagedPersonOut"]["properties"]) == {
        "items",
        "count",
    }


@pytest.mark.parametrize(("method", "path"), sorted(OPERATIONS))
def test_every_operation_requires_a_token(anonymous_api, db, method, path):
    call = getattr(anonymous_api, method)
    response = call(
        path.format(
            organisation_id=1,
            person_id=1,
            note_id=1,
            tie_id=1,
            recommendation_id=1,
            measure_id=1,
            need_id=1,
        )
    )

    assert response.status_code == 401


def test_schema_walk_sees_every_operation(db):
    assert set(schema_operations()) == OPERATIONS


def test_docs_page_loads_only_local_assets(client, db):
    response = client.get("/api/v1/docs")
    bundle = client.get("/static/ninja/swagger-ui-bundle.js")
    bundle.close()

    html = response.content.decode()
    assets = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert response.status_code == 200
    assert "/static/ninja/swagger-ui-bundle.js" in assets
    assert all(asset.startswith("/static/") for asset in assets)
    assert "cdn" not in html.lower()
    assert '"validatorUrl": null' in html
    assert bundle.status_code == 200
