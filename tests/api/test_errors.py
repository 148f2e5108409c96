import pytest

from netzwerkstatt.contacts.models import Organisation, Person


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"name": ["Dieses Feld ist erforderlich."]}),
        ({"name": 5}, {"name": ["Geben Sie einen Text ein."]}),
        (
            {"name": "A", "employee_count": "viele"},
            {"employee_count": ["Geben Sie eine ganze Zahl ein."]},
        ),
        (
            {"name": "A", "employee_count": -1},
            {"employee_count": ["Geben Sie einen Wert von mindestens 0 an."]},
        ),
        (
            {"name": "A", "is_shared": "vielleicht"},
            {"is_shared": ["Geben Sie true oder false an."]},
        ),
        ({"name": "A", "tags": "Metall"}, {"tags": ["Geben Sie eine Liste an."]}),
        ({"name": "A", "bogus": 1}, {"bogus": ["Dieses Feld ist unbekannt."]}),
    ],
)
def test_invalid_input_is_422_with_german_messages_per_field(staff_api, body, errors):
    response = staff_api.post("organisations", body)

    assert response.status_code == 422
    assert response.json() == {"detail": "Die Eingaben sind ungültig.", "errors": errors}
    assert not Organisation.objects.exists()


def test_invalid_choice_lists_the_allowed_values(staff_api):
    response = staff_api.post("organisations", {"name": "A", "kind": "bakery"})

    [message] = response.json()["errors"]["kind"]
    assert message.startswith("Wählen Sie einen dieser Werte: company, chamber, union, ")


def test_nested_errors_name_the_field_path(staff_api):
    response = staff_api.post(
        "persons",
        {"emails": [{"address": "a@example.org"}, {"kind": "work"}], "functions": [{}]},
    )

    assert response.json()["errors"] == {
        "last_name": ["Dieses Feld ist erforderlich."],
        "emails.1.address": ["Dieses Feld ist erforderlich."],
        "functions.0.organisation": ["Dieses Feld ist erforderlich."],
    }
    assert not Person.objects.exists()


def test_model_validation_errors_are_422_in_german(staff_api):
    response = staff_api.post("organisations", {"name": "", "website": "kein link"})

    assert response.status_code == 422
    body = response.json()
    assert body["detail"] == "Die Eingaben sind ungültig."
    assert set(body["errors"]) == {"name", "website"}
    assert body["errors"]["name"] == ["Dieses Feld darf nicht leer sein."]
    assert not Organisation.objects.exists()


def test_query_parameter_errors_name_the_parameter(staff_api):
    response = staff_api.get("organisations", {"limit": 0, "size_class": "riesig"})

    assert response.status_code == 422
    errors = response.json()["errors"]
    assert errors["limit"] == ["Geben Sie einen Wert von mindestens 1 an."]
    assert errors["size_class"][0].startswith("Wählen Sie einen dieser Werte: micro, small")


def test_unreadable_body_is_400_in_german(staff_api, workspace):
    response = staff_api.client.post(
        "/api/v1/organisations", "{kein json", content_type="application/json",
        headers=staff_api.headers,
    )  # fmt: skip

    assert response.status_code == 400
    assert response.json() == {
        "detail": "Der Inhalt der Anfrage konnte nicht gelesen werden; senden Sie JSON."
    }


@pytest.mark.parametrize("path", ["organisations/999999", "organisations/abc", "notes/999999"])
def test_unknown_object_is_404_in_german(staff_api, path):
    response = staff_api.get(path)

    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}


def test_errors_are_german_whatever_the_browser_asks(staff_api):
    response = staff_api.get("organisations/999999", headers={"Accept-Language": "en"})

    assert response.json() == {"detail": "Nicht gefunden."}
    assert response.headers["Content-Language"] == "de"
