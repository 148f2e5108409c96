"""What Netzwerkstatt exports, it imports again without adjusting the column mapping."""

from netzwerkstatt.contacts.exporters import organisation_table, person_table
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.spreadsheet import csv_stream
from tests.factories import EmailAddressFactory, FunctionFactory, PhoneNumberFactory, TagFactory


def _contacts(workspace) -> Person:
    function = FunctionFactory(
        workspace=workspace,
        person__salutation="ms",
        person__title="Dr.",
        person__first_name="Anna",
        person__last_name="Schröder",
        person__notes="Erste Zeile\nzweite; mit Semikolon",
        organisation__name="Handwerkskammer Braunschweig-Lüneburg-Stade",
        organisation__kind="chamber",
        organisation__postal_code="38100",
        organisation__city="Braunschweig",
        role="Referentin",
        department="Berufsbildung",
    )
    person = function.person
    EmailAddressFactory(person=person, address="a.schroeder@hwk.example")
    PhoneNumberFactory(person=person, number="+49 531 1201-0")
    PhoneNumberFactory(person=person, number="0171 9876543", kind="mobile")
    person.tags.add(TagFactory(workspace=workspace, name="Netzwerkpartner"))
    return person


def _people(workspace) -> list[tuple]:
    return [
        (
            person.salutation,
            person.title,
            person.first_name,
            person.last_name,
            person.notes,
            sorted(person.emails.values_list("address", flat=True)),
            sorted(person.phones.values_list("number", "kind")),
            list(person.functions.values_list("organisation__name", "role", "department")),
            sorted(person.tags.values_list("name", flat=True)),
        )
        for person in Person.objects.filter(workspace=workspace)
    ]


def test_person_csv_export_imports_again(run_import, workspace, other_workspace):
    _contacts(other_workspace)
    headers, rows = person_table(Person.objects.filter(workspace=other_workspace))
    exported = "".join(csv_stream(headers, rows)).encode("utf-8")

    result = run_import(exported)

    assert result.errors == []
    assert _people(workspace) == _people(other_workspace)


def test_organisation_csv_export_imports_again(run_import, workspace, other_workspace):
    _contacts(other_workspace)
    headers, rows = organisation_table(Organisation.objects.filter(workspace=other_workspace))
    exported = "".join(csv_stream(headers, rows)).encode("utf-8")

    result = run_import(exported)

    assert result.errors == []
    fields = ("name", "kind", "sector", "employee_count", "street", "postal_code", "city", "state")
    assert list(Organisation.objects.filter(workspace=workspace).values_list(*fields)) == list(
        Organisation.objects.filter(workspace=other_workspace).values_list(*fields)
    )
