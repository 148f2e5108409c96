import pytest

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry
from tests.factories import OrganisationFactory, TagFactory


def _names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["name"] for item in response.json()["items"]]


def test_organisation_create_read_update_delete_round_trip(staff_api, workspace):
    created = staff_api.post(
        "organisations",
        {
            "name": "Metallbau Müller GmbH",
            "sector": "25",
            "employee_count": 12,
            "postal_code": "38518",
            "city": "Gifhorn",
            "state": "NI",
            "tags": ["Metall", "Demografie"],
            "notes": "Kennt die Kammer gut.",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    path = f"organisations/{body['id']}"

    read = staff_api.get(path)
    changed = staff_api.patch(path, {"city": "Wolfsburg", "tags": ["Metall"]})
    deleted = staff_api.delete(path)

    assert body["kind"] == "company"
    assert body["size_class"] == "small"
    assert body["tags"] == ["Demografie", "Metall"]
    assert body["notes"] == "Kennt die Kammer gut."
    assert read.json() == body
    assert changed.status_code == 200
    assert changed.json()["city"] == "Wolfsburg"
    assert changed.json()["name"] == "Metallbau Müller GmbH"
    assert changed.json()["tags"] == ["Metall"]
    assert deleted.status_code == 204
    assert deleted.content == b""
    assert not Organisation.objects.exists()
    assert staff_api.get(path).status_code == 404


def test_organisation_changes_are_logged_with_the_token_user(staff_api, staff, workspace):
    organisation_id = staff_api.post("organisations", {"name": "Bäckerei Klein"}).json()["id"]
    staff_api.patch(f"organisations/{organisation_id}", {"employee_count": 8})

    entries = ActivityEntry.objects.filter(workspace=workspace, object_id=organisation_id)
    assert {(entry.action, entry.actor) for entry in entries} == {
        (Action.CREATED, staff),
        (Action.UPDATED, staff),
    }


def test_organisation_list_search_folds_umlauts(staff_api, workspace):
    OrganisationFactory(workspace=workspace, name="Metallbau Müller")
    OrganisationFactory(workspace=workspace, name="Schmidt Logistik")

    assert _names(staff_api.get("organisations", {"search": "Mueller"})) == ["Metallbau Müller"]
    assert _names(staff_api.get("organisations", {"search": "MÜLLER metall"})) == [
        "Metallbau Müller"
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"kind": "chamber"}, ["IHK Lüneburg-Wolfsburg"]),
        ({"size_class": "micro"}, ["Friseur Sommer"]),
        ({"sector": "C"}, ["Metallbau Müller"]),  # a WZ section: its divisions
        ({"sector": "96"}, ["Friseur Sommer"]),
        ({"district": "Wolfsburg"}, ["IHK Lüneburg-Wolfsburg"]),
        ({"tag": "Netzwerk"}, ["IHK Lüneburg-Wolfsburg", "Metallbau Müller"]),
    ],
)
def test_organisation_list_filters(staff_api, workspace, params, expected):
    tag = TagFactory(workspace=workspace, name="Netzwerk")
    OrganisationFactory(
        workspace=workspace, name="Metallbau Müller", sector="25", employee_count=40
    ).tags.add(tag)
    OrganisationFactory(
        workspace=workspace,
        name="IHK Lüneburg-Wolfsburg",
        kind=OrganisationKind.CHAMBER,
        sector="94",
        employee_count=300,
        district="Wolfsburg",
    ).tags.add(tag)
    OrganisationFactory(workspace=workspace, name="Friseur Sommer", sector="96", employee_count=3)

    assert _names(staff_api.get("organisations", params)) == expected


def test_organisation_list_paginates_in_stable_order(staff_api, workspace):
    for name in ["Delta", "Alpha", "Echo", "Charlie", "Bravo"]:
        OrganisationFactory(workspace=workspace, name=name)
    OrganisationFactory(workspace=workspace, name="Alpha")

    first = staff_api.get("organisations", {"limit": 3}).json()
    second = staff_api.get("organisations", {"limit": 3, "offset": 3}).json()

    assert first["count"] == second["count"] == 6
    assert [item["name"] for item in first["items"] + second["items"]] == [
        "Alpha", "Alpha", "Bravo", "Charlie", "Delta", "Echo",
    ]  # fmt: skip
    assert first["items"][0]["id"] < first["items"][1]["id"]


def test_organisation_list_page_size_is_capped_at_100(staff_api, workspace):
    OrganisationFactory.create_batch(101, workspace=workspace)

    body = staff_api.get("organisations", {"limit": 500}).json()

    assert body["count"] == 101
    assert len(body["items"]) == 100


def test_organisation_list_query_count_is_independent_of_rows(
    staff_api, workspace, django_assert_max_num_queries
):
    staff_api.get("organisations")  # notes the token's use, a write of its own
    for index in range(30):
        organisation = OrganisationFactory(workspace=workspace, name=f"Betrieb {index:02}")
        organisation.tags.create(workspace=workspace, name=f"Tag {index}")

    # token and role, count, page, tags
    with django_assert_max_num_queries(4):
        response = staff_api.get("organisations")

    assert len(response.json()["items"]) == 30


def test_partner_sees_only_shared_organisations_and_never_notes(partner_api, workspace):
    shared = OrganisationFactory(
        workspace=workspace, name="Geteilt", is_shared=True, notes="Interne Notiz"
    )
    hidden = OrganisationFactory(workspace=workspace, name="Intern")

    listing = partner_api.get("organisations")
    detail = partner_api.get(f"organisations/{shared.pk}")

    assert _names(listing) == ["Geteilt"]
    assert listing.json()["items"][0]["notes"] is None
    assert detail.json()["notes"] is None
    assert partner_api.get(f"organisations/{hidden.pk}").status_code == 404
    assert _names(partner_api.get("organisations", {"search": "intern"})) == []


def test_partner_cannot_create_change_or_delete_organisations(partner_api, workspace):
    shared = OrganisationFactory(workspace=workspace, name="Geteilt", is_shared=True)
    hidden = OrganisationFactory(workspace=workspace, name="Intern")

    responses = [
        partner_api.post("organisations", {"name": "Neu"}),
        partner_api.patch(f"organisations/{shared.pk}", {"name": "Geändert"}),
        partner_api.delete(f"organisations/{shared.pk}"),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert partner_api.delete(f"organisations/{hidden.pk}").status_code == 404
    assert sorted(Organisation.objects.values_list("name", flat=True)) == ["Geteilt", "Intern"]


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_foreign_organisation_is_404_and_stays_unchanged(foreign_api, workspace, method):
    organisation = OrganisationFactory(workspace=workspace, name="Eigener Betrieb")
    path = f"organisations/{organisation.pk}"

    response = (
        foreign_api.patch(path, {"name": "übernommen"})
        if method == "patch"
        else getattr(foreign_api, method)(path)
    )

    assert response.status_code == 404
    assert response.json() == {"detail": "Nicht gefunden."}
    assert Organisation.objects.get().name == "Eigener Betrieb"


def test_foreign_organisation_is_404_whatever_the_input(foreign_api, workspace):
    organisation = OrganisationFactory(workspace=workspace)

    response = foreign_api.patch(
        f"organisations/{organisation.pk}", {"text": 1, "employee_count": "viele"}
    )

    assert response.status_code == 404


def test_organisation_create_refuses_a_workspace_in_the_body(staff_api, other_workspace):
    response = staff_api.post("organisations", {"name": "Kuckuck", "workspace": other_workspace.pk})

    assert response.status_code == 422
    assert response.json()["errors"] == {"workspace": ["Dieses Feld ist unbekannt."]}
    assert not Organisation.objects.exists()
