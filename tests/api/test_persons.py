import pytest

from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import EmailAddress, Function, Person, PhoneNumber
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    PhoneNumberFactory,
)


def _last_names(response) -> list[str]:
    assert response.status_code == 200, response.content
    return [item["last_name"] for item in response.json()["items"]]


def test_person_create_with_emails_phones_and_functions(staff_api, workspace):
    organisation = OrganisationFactory(workspace=workspace, name="Metallbau Müller")

    response = staff_api.post(
        "persons",
        {
            "salutation": "ms",
            "title": "Dr.",
            "first_name": "Jana",
            "last_name": "Schäfer",
            "emails": [{"address": "j.schaefer@metallbau.example"}],
            "phones": [{"number": "05371 12345", "kind": "mobile"}],
            "functions": [
                {
                    "organisation": organisation.pk,
                    "role": "Personalleitung",
                    "start_date": "2024-02-01",
                }
            ],
            "tags": ["Ausbildung"],
        },
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["full_name"] == "Dr. Jana Schäfer"
    assert body["emails"] == [{"address": "j.schaefer@metallbau.example", "kind": "work"}]
    assert body["phones"] == [{"number": "05371 12345", "kind": "mobile"}]
    assert body["functions"] == [
        {
            "organisation": {"id": organisation.pk, "name": "Metallbau Müller"},
            "role": "Personalleitung",
            "department": "",
            "start_date": "2024-02-01",
            "end_date": None,
            "is_current": True,
        }
    ]
    assert body["tags"] == ["Ausbildung"]
    assert Function.objects.get().person_id == body["id"]


def test_person_patch_replaces_only_the_given_details(staff_api, workspace):
    person = PersonFactory(workspace=workspace, first_name="Jana", last_name="Schäfer")
    EmailAddressFactory(person=person, workspace=workspace, address="alt@example.org")
    PhoneNumberFactory(person=person, workspace=workspace, number="05371 1")

    response = staff_api.patch(
        f"persons/{person.pk}",
        {"first_name": "Johanna", "emails": [{"address": "neu@example.org"}]},
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["first_name"], body["last_name"]) == ("Johanna", "Schäfer")
    assert [email["address"] for email in body["emails"]] == ["neu@example.org"]
    assert [phone["number"] for phone in body["phones"]] == ["05371 1"]
    assert list(EmailAddress.objects.values_list("address", flat=True)) == ["neu@example.org"]


def test_person_delete_removes_the_person_and_details(staff_api, workspace):
    function = FunctionFactory(workspace=workspace)
    EmailAddressFactory(person=function.person, workspace=workspace)

    response = staff_api.delete(f"persons/{function.person.pk}")

    assert response.status_code == 204
    assert not Person.objects.exists()
    assert not EmailAddress.objects.exists()
    assert not Function.objects.exists()


def test_person_list_search_finds_folded_names_and_emails(staff_api, workspace):
    PersonFactory(workspace=workspace, first_name="Jürgen", last_name="Müller")
    other = PersonFactory(workspace=workspace, first_name="Anna", last_name="Schmidt")
    EmailAddressFactory(person=other, workspace=workspace, address="anna@kammer.example")

    assert _last_names(staff_api.get("persons", {"search": "juergen mueller"})) == ["Müller"]
    assert _last_names(staff_api.get("persons", {"search": "kammer"})) == ["Schmidt"]


def test_person_list_filters_by_organisation_kind_and_tag(staff_api, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)
    at_chamber = FunctionFactory(
        workspace=workspace, organisation=chamber, person__last_name="Kammer"
    )
    FunctionFactory(workspace=workspace, person__last_name="Betrieb")
    at_chamber.person.tags.create(workspace=workspace, name="Netzwerk")

    assert _last_names(staff_api.get("persons", {"organisation": chamber.pk})) == ["Kammer"]
    assert _last_names(staff_api.get("persons", {"kind": "chamber"})) == ["Kammer"]
    assert _last_names(staff_api.get("persons", {"tag": "Netzwerk"})) == ["Kammer"]
    assert _last_names(staff_api.get("persons")) == ["Betrieb", "Kammer"]


def test_person_list_query_count_is_independent_of_rows(
    staff_api, workspace, django_assert_max_num_queries
):
    staff_api.get("persons")  # notes the token's use, a write of its own
    for _ in range(30):
        function = FunctionFactory(workspace=workspace)
        EmailAddressFactory(person=function.person, workspace=workspace)
        PhoneNumberFactory(person=function.person, workspace=workspace)
        function.person.tags.create(workspace=workspace, name=f"Tag {function.pk}")

    # token and role, count, page, functions with organisations, e-mails, phones, tags
    with django_assert_max_num_queries(7):
        response = staff_api.get("persons")

    items = response.json()["items"]
    assert len(items) == 30
    assert all(item["emails"] and item["phones"] and item["functions"] for item in items)


def test_person_create_with_function_at_foreign_organisation_is_404_and_saves_nothing(
    staff_api, other_workspace
):
    foreign = OrganisationFactory(workspace=other_workspace)

    response = staff_api.post(
        "persons", {"last_name": "Kuckuck", "functions": [{"organisation": foreign.pk}]}
    )

    assert response.status_code == 404
    assert not Person.objects.exists()
    assert not Function.objects.exists()


def test_person_patch_with_function_at_foreign_organisation_changes_nothing(
    staff_api, workspace, other_workspace
):
    function = FunctionFactory(workspace=workspace, person__last_name="Schäfer")
    foreign = OrganisationFactory(workspace=other_workspace)

    response = staff_api.patch(
        f"persons/{function.person.pk}",
        {"last_name": "Kuckuck", "functions": [{"organisation": foreign.pk}]},
    )

    assert response.status_code == 404
    assert Person.objects.get().last_name == "Schäfer"
    assert list(Function.objects.all()) == [function]


def test_partner_sees_shared_persons_without_notes(partner_api, workspace):
    PersonFactory(workspace=workspace, last_name="Geteilt", is_shared=True, notes="Intern")
    hidden = PersonFactory(workspace=workspace, last_name="Verborgen")

    listing = partner_api.get("persons")

    assert _last_names(listing) == ["Geteilt"]
    assert listing.json()["items"][0]["notes"] is None
    assert partner_api.get(f"persons/{hidden.pk}").status_code == 404


def test_partner_sees_functions_only_at_shared_organisations(partner_api, workspace):
    person = PersonFactory(workspace=workspace, is_shared=True)
    FunctionFactory(
        workspace=workspace,
        person=person,
        organisation__name="Kammer",
        organisation__is_shared=True,
    )
    FunctionFactory(workspace=workspace, person=person, organisation__name="Geheimer Betrieb")

    body = partner_api.get(f"persons/{person.pk}").json()

    assert [function["organisation"]["name"] for function in body["functions"]] == ["Kammer"]
    assert "Geheimer Betrieb" not in partner_api.get("persons").content.decode()


def test_partner_cannot_create_change_or_delete_persons(partner_api, workspace):
    shared = PersonFactory(workspace=workspace, last_name="Geteilt", is_shared=True)

    responses = [
        partner_api.post("persons", {"last_name": "Neu"}),
        partner_api.patch(f"persons/{shared.pk}", {"last_name": "Geändert"}),
        partner_api.delete(f"persons/{shared.pk}"),
    ]

    assert [response.status_code for response in responses] == [403, 403, 403]
    assert list(Person.objects.values_list("last_name", flat=True)) == ["Geteilt"]


@pytest.mark.parametrize("method", ["get", "patch", "delete"])
def test_foreign_person_is_404_and_stays_unchanged(foreign_api, workspace, method):
    person = PersonFactory(workspace=workspace, last_name="Schäfer")
    PhoneNumberFactory(person=person, workspace=workspace)
    path = f"persons/{person.pk}"

    response = (
        foreign_api.patch(path, {"last_name": "übernommen", "phones": []})
        if method == "patch"
        else getattr(foreign_api, method)(path)
    )

    assert response.status_code == 404
    assert Person.objects.get().last_name == "Schäfer"
    assert PhoneNumber.objects.count() == 1
