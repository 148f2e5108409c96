import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from netzwerkstatt.contacts.importing.vcard.reader import parse_vcards
from netzwerkstatt.contacts.models import Note, Organisation, Person
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    NoteFactory,
    OrganisationFactory,
    PersonFactory,
)


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def test_organisation_list_query_count_is_independent_of_rows(
    staff_client, workspace, django_assert_max_num_queries
):
    for index in range(30):
        organisation = OrganisationFactory(workspace=workspace, name=f"Betrieb {index:02}")
        organisation.tags.create(workspace=workspace, name=f"Tag {index}")

    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("contacts:organisation_list"))

    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_person_list_query_count_is_independent_of_rows(
    staff_client, workspace, django_assert_max_num_queries
):
    for _ in range(30):
        function = FunctionFactory(workspace=workspace)
        EmailAddressFactory(person=function.person, workspace=workspace)

    with django_assert_max_num_queries(14):
        response = staff_client.get(reverse("contacts:person_list"))

    assert response.status_code == 200
    assert b"mailto:" in response.content


def test_organisation_list_htmx_request_gets_only_results(staff_client, workspace):
    OrganisationFactory(workspace=workspace, name="Metallbau Müller")

    response = staff_client.get(
        reverse("contacts:organisation_list"), {"search": "mueller"}, HTTP_HX_REQUEST="true"
    )

    assert b"Metallbau M\xc3\xbcller" in response.content
    assert b"<html" not in response.content


def test_organisation_list_paginates(staff_client, workspace):
    for index in range(30):
        OrganisationFactory(workspace=workspace, name=f"Betrieb {index:02}")

    response = staff_client.get(reverse("contacts:organisation_list"), {"page": 2})

    assert [o.name for o in response.context["page"].object_list] == [
        f"Betrieb {i}" for i in range(25, 30)
    ]


def test_organisation_create_then_duplicate_warning_then_confirm(staff_client, workspace):
    data = {
        "name": "Metallbau Müller GmbH",
        "kind": "company",
        "postal_code": "38518",
        "tags": "TraM, Metall",
    }

    first = staff_client.post(reverse("contacts:organisation_create"), data)
    warned = staff_client.post(
        reverse("contacts:organisation_create"),
        {**data, "name": "Mueller Metallbau"} | {"name": "Metallbau Mueller GmbH"},
    )
    confirmed = staff_client.post(
        reverse("contacts:organisation_create"),
        {**data, "name": "Metallbau Mueller GmbH", "confirm_duplicate": "1"},
    )

    organisation = Organisation.objects.order_by("id").first()
    assert first.status_code == 302
    assert first.url == organisation.get_absolute_url()
    assert warned.status_code == 200
    assert warned.context["duplicates"] == [organisation]
    assert confirmed.status_code == 302
    assert Organisation.objects.count() == 2
    assert sorted(organisation.tags.values_list("name", flat=True)) == ["Metall", "TraM"]


def test_organisation_create_invalid_input_shows_errors_and_saves_nothing(staff_client):
    response = staff_client.post(
        reverse("contacts:organisation_create"),
        {"name": "", "kind": "company", "postal_code": "123"},
    )

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"name", "postal_code"}
    assert not Organisation.objects.exists()


def _person_post(**overrides):
    data = {
        "salutation": "ms",
        "first_name": "Anke",
        "last_name": "Kröger",
        "door_opener": "not_asked",
        "tags": "",
        "emails-TOTAL_FORMS": "1",
        "emails-INITIAL_FORMS": "0",
        "emails-0-address": "anke@betrieb.example",
        "emails-0-kind": "work",
        "phones-TOTAL_FORMS": "1",
        "phones-INITIAL_FORMS": "0",
        "phones-0-number": "05371 4711",
        "phones-0-kind": "work",
        "functions-TOTAL_FORMS": "1",
        "functions-INITIAL_FORMS": "0",
        "functions-0-organisation": "",
        "functions-0-role": "",
    }
    return data | overrides


def test_person_create_with_email_phone_and_function(staff_client, workspace):
    organisation = OrganisationFactory(workspace=workspace)

    response = staff_client.post(
        reverse("contacts:person_create"),
        _person_post(
            **{"functions-0-organisation": organisation.pk, "functions-0-role": "Personalleitung"}
        ),
    )

    person = Person.objects.get()
    assert response.status_code == 302
    assert person.emails.get().address == "anke@betrieb.example"
    assert person.functions.get().role == "Personalleitung"


def test_person_create_function_at_foreign_organisation_is_invalid(staff_client, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("contacts:person_create"), _person_post(**{"functions-0-organisation": foreign.pk})
    )

    assert response.status_code == 200
    assert not Person.objects.exists()


def test_person_create_same_email_warns(staff_client, workspace):
    EmailAddressFactory(
        person__workspace=workspace, workspace=workspace, address="ANKE@betrieb.example"
    )

    response = staff_client.post(reverse("contacts:person_create"), _person_post())

    assert response.status_code == 200
    assert len(response.context["duplicates"]) == 1
    assert Person.objects.count() == 1


def test_person_update_removes_deleted_email(staff_client, workspace):
    email = EmailAddressFactory(person__workspace=workspace, workspace=workspace)
    person = email.person
    data = _person_post(
        first_name=person.first_name,
        last_name=person.last_name,
        **{
            "emails-TOTAL_FORMS": "1",
            "emails-INITIAL_FORMS": "1",
            "emails-0-address": email.address,
            "emails-0-DELETE": "on",
            "phones-0-number": "",
        },
    )

    response = staff_client.post(reverse("contacts:person_update", args=[person.pk]), data)

    assert response.status_code == 302
    assert not person.emails.exists()


def test_note_create_htmx_returns_timeline(staff_client, workspace):
    person = PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("contacts:person_note_create", args=[person.pk]),
        {"text": "Rückruf am Montag"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 200
    assert "Rückruf am Montag" in response.content.decode()
    assert Note.objects.get().author == response.wsgi_request.user


def test_note_delete_requires_post(staff_client, workspace):
    note = NoteFactory(workspace=workspace)

    assert staff_client.get(reverse("contacts:note_delete", args=[note.pk])).status_code == 405
    assert staff_client.post(reverse("contacts:note_delete", args=[note.pk])).status_code == 302
    assert not Note.objects.exists()


def test_organisation_delete_asks_then_deletes(staff_client, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    url = reverse("contacts:organisation_delete", args=[organisation.pk])

    assert staff_client.get(url).status_code == 200
    assert Organisation.objects.exists()
    assert staff_client.post(url).status_code == 302
    assert not Organisation.objects.exists()


def test_partner_sees_shared_contacts_without_notes(partner_client, workspace):
    shared = OrganisationFactory(
        workspace=workspace, name="Geteilt", is_shared=True, notes="Interne Notiz"
    )
    NoteFactory(workspace=workspace, organisation=shared, text="Vertrauliche Gesprächsnotiz")
    hidden = OrganisationFactory(workspace=workspace, name="Intern")

    listing = partner_client.get(reverse("contacts:organisation_list")).content.decode()
    detail = partner_client.get(shared.get_absolute_url()).content.decode()

    assert "Geteilt" in listing
    assert "Intern<" not in listing
    assert "Interne Notiz" not in detail
    assert "Vertrauliche" not in detail
    assert partner_client.get(hidden.get_absolute_url()).status_code == 404


@pytest.mark.parametrize(
    "url_name",
    ["contacts:organisation_create", "contacts:person_create", "contacts:organisation_export"],
)
def test_partner_cannot_write_or_export(partner_client, url_name):
    args = ["csv"] if url_name.endswith("export") else []

    assert partner_client.get(reverse(url_name, args=args)).status_code == 403


def test_anonymous_user_is_sent_to_login(client):
    response = client.get(reverse("contacts:organisation_list"))

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_organisation_export_csv_is_excel_friendly_and_filtered(staff_client, workspace):
    OrganisationFactory(
        workspace=workspace, name="Müller GmbH", postal_code="01067", notes='=HYPERLINK("x")'
    )
    OrganisationFactory(workspace=workspace, name="Andere AG")

    response = staff_client.get(
        reverse("contacts:organisation_export", args=["csv"]), {"search": "mueller"}
    )
    raw = b"".join(response.streaming_content)

    assert raw.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in raw
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "Firma"
    assert [row[0] for row in rows[1:]] == ["Müller GmbH"]
    assert rows[1][7] == "01067"
    assert rows[1][-1] == '\'=HYPERLINK("x")'


def test_person_export_xlsx_has_header_and_rows(staff_client, workspace):
    function = FunctionFactory(workspace=workspace, role="Betriebsrat", person__last_name="Kröger")
    EmailAddressFactory(person=function.person, workspace=workspace, address="=cmd@betrieb.example")

    response = staff_client.get(reverse("contacts:person_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = list(sheet.values)

    assert rows[0][:4] == ("Anrede", "Titel", "Vorname", "Nachname")
    assert rows[1][3] == "Kröger"
    assert rows[1][5] == "Betriebsrat"
    assert sheet.cell(row=2, column=8).data_type == "s"


def test_home_shows_counts_and_recent_activity(staff_client, workspace):
    OrganisationFactory(workspace=workspace, kind="company")
    OrganisationFactory(workspace=workspace, kind="chamber")

    response = staff_client.get(reverse("core:home"))

    panel = response.context["panels"][0]
    assert (panel["company_count"], panel["partner_count"], panel["person_count"]) == (1, 1, 0)


def test_organisation_export_xlsx_has_size_class(staff_client, workspace):
    OrganisationFactory(workspace=workspace, name="Kröger KG", employee_count=12)

    response = staff_client.get(reverse("contacts:organisation_export", args=["xlsx"]))
    rows = list(load_workbook(io.BytesIO(b"".join(response.streaming_content))).active.values)

    assert rows[0][0] == "Firma"
    assert rows[1][0] == "Kröger KG"
    assert rows[1][5].startswith("Klein")


@pytest.mark.parametrize("kind", ["organisation", "person"])
def test_vcard_export_reads_back(staff_client, workspace, kind):
    function = FunctionFactory(
        workspace=workspace,
        organisation__name="Kröger KG",
        person__last_name="Müller",
        role="Betriebsrat",
    )
    EmailAddressFactory(
        person=function.person, workspace=workspace, address="mueller@kroeger.example"
    )

    response = staff_client.get(reverse(f"contacts:{kind}_export", args=["vcf"]))
    text = b"".join(response.streaming_content).decode("utf-8")
    cards = [card for _, card in parse_vcards(text)]

    assert response["Content-Type"] == "text/vcard; charset=utf-8"
    assert len(cards) == 1
    assert cards[0].organisation == "Kröger KG"
    if kind == "person":
        assert (cards[0].last_name, cards[0].title) == ("Müller", "Betriebsrat")
        assert [email.value for email in cards[0].emails] == ["mueller@kroeger.example"]
