import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netzwerkstatt.contacts.importing.enums import DuplicatePolicy
from netzwerkstatt.contacts.importing.errors import RowError, UnusableInputError
from netzwerkstatt.contacts.importing.reading import read_source
from netzwerkstatt.contacts.importing.service import contacts_import
from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)
from netzwerkstatt.contacts.normalise import fold, name_key
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    EmailAddressFactory,
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    PhoneNumberFactory,
)

from .conftest import database_state, file_bytes


def _person(workspace, last_name: str) -> Person:
    return Person.objects.get(workspace=workspace, last_name=last_name)


def test_import_outlook_csv_creates_persons_organisations_and_functions(run_import, workspace):
    result = run_import("outlook_de_windows1252.csv")

    assert result.as_dict() == {
        "organisations_created": 3,
        "persons_created": 3,
        "duplicates": 0,
        "rows_read": 4,
        "errors": [],
    }
    mueller = _person(workspace, "Müller")
    assert (mueller.salutation, mueller.first_name) == ("mr", "Jürgen")
    assert mueller.notes == (
        "Kennengelernt auf der Messe „Fachkräfte 2024“.\n"
        "Interesse an Teilzeitausbildung; Rückruf im März."
    )
    assert sorted(mueller.emails.values_list("address", "address_key", "kind")) == [
        ("info@giesserei-mueller.example", "info@giesserei-mueller.example", "work"),
        ("j.mueller@giesserei-mueller.example", "j.mueller@giesserei-mueller.example", "work"),
    ]
    assert sorted(mueller.phones.values_list("number", "kind")) == [
        ("+49 (5371) 12345", "work"),
        ("+49 (5371) 12346", "fax"),
        ("0171 1234567", "mobile"),
    ]
    function = mueller.functions.get()
    assert (function.role, function.department) == ("Geschäftsführer", "Geschäftsführung")
    giesserei = function.organisation
    assert (giesserei.street, giesserei.postal_code, giesserei.city, giesserei.state) == (
        "Hauptstraße 1",
        "38518",
        "Gifhorn",
        "NI",
    )
    assert giesserei.website == "https://www.giesserei-mueller.example"
    assert sorted(mueller.tags.values_list("name", flat=True)) == ["KMU", "Metall"]
    schaefer = _person(workspace, "Schäfer")
    assert schaefer.functions.get().organisation == giesserei
    assert schaefer.emails.get().address_key == "e.schaefer@giesserei-mueller.example"
    assert _person(workspace, "Öztürk").title == "Dr."
    tischlerei = Organisation.objects.get(name="Tischlerei Wöhler")
    assert tischlerei.notes == "Telefon (geschäftlich): 05831 2233"


def test_import_sets_derived_keys_and_workspace_on_every_row(run_import, workspace):
    run_import("outlook_de_windows1252.csv")

    for organisation in Organisation.objects.all():
        assert organisation.name_key == name_key(organisation.name)
        assert organisation.search_key == fold(
            f"{organisation.name} {organisation.city} {organisation.postal_code} {organisation.district}"
        )
    mueller = _person(workspace, "Müller")
    assert mueller.name_key == "jurgen muller"
    assert mueller.search_key == fold(
        "Jürgen Müller j.mueller@giesserei-mueller.example info@giesserei-mueller.example"
    )
    for model in (Organisation, Person, EmailAddress, PhoneNumber, Function, Tag):
        assert set(model.objects.values_list("workspace", flat=True)) == {workspace.pk}


def test_import_german_excel_csv_with_bom_and_semicolons(run_import, workspace):
    result = run_import("excel_de_utf8_bom.csv")

    assert (result.organisations_created, result.persons_created, result.errors) == (3, 2, [])
    elbtal = Organisation.objects.get(name="Elbtal Präzisionstechnik GmbH")
    assert (elbtal.postal_code, elbtal.employee_count, elbtal.sector, elbtal.state) == (
        "01067",
        1200,
        "28",
        "SN",
    )
    krueger = _person(workspace, "Krüger")
    assert (krueger.salutation, krueger.title) == ("ms", "Dr.")
    assert krueger.notes == 'Großes Interesse; "Demografie-Check" angefragt'
    assert sorted(krueger.tags.values_list("name", flat=True)) == ["KMU", "Maschinenbau"]
    assert Organisation.objects.get(name="Handwerkskammer Dresden").kind == "chamber"
    baeckerei = Organisation.objects.get(name="Bäckerei Sonnenschein")
    assert (baeckerei.sector, baeckerei.employee_count) == ("10", 14)
    assert baeckerei.notes == (
        "Inhaberin: Frau Sonnenschein\nRückruf erbeten\nTelefon (geschäftlich): 03504 1234"
    )


def test_import_windows1252_excel_csv(run_import, workspace):
    run_import("excel_de_windows1252.csv")

    weiss = _person(workspace, "Weiß")
    assert weiss.first_name == "Jörg"
    assert weiss.functions.get().organisation.name == "Müller & Söhne Straßenbau KG"


def test_import_google_contacts_csv(run_import, workspace):
    result = run_import("google_contacts.csv")

    assert (result.organisations_created, result.persons_created, result.errors) == (1, 2, [])
    hoffmann = _person(workspace, "Hoffmann")
    assert hoffmann.functions.get().organisation.name == "Hoffmann, Lange & Partner"
    assert list(hoffmann.tags.values_list("name", flat=True)) == ["Beratung"]
    assert hoffmann.functions.get().organisation.state == "BE"


def test_import_excel_unicode_text_utf16_tabs(run_import, workspace):
    result = run_import("excel_unicode_text.txt")

    assert (result.persons_created, result.errors) == (2, [])
    assert _person(workspace, "Nowak").notes == 'Erste Zeile\nZweite Zeile mit "Zitat"'
    assert _person(workspace, "Łukasiewicz").first_name == "Peter"


def test_import_xlsx_workbook(run_import, workspace):
    workbook = openpyxl.Workbook()
    workbook.active.append(["Firma", "Vorname", "Nachname", "E-Mail", "PLZ", "Mitarbeiter"])
    workbook.active.append(["Elbtal GmbH", "Sabine", "Krüger", "sk@elbtal.example", 1067, 42])
    data = io.BytesIO()
    workbook.save(data)

    result = run_import(data.getvalue())

    assert (result.organisations_created, result.persons_created, result.errors) == (1, 1, [])
    elbtal = Organisation.objects.get()
    assert (elbtal.postal_code, elbtal.employee_count) == ("01067", 42)


def test_import_outlook_vcard_21(run_import, workspace):
    result = run_import("outlook_21.vcf")

    assert (result.organisations_created, result.persons_created, result.errors) == (1, 2, [])
    mueller = _person(workspace, "Müller")
    assert mueller.notes.startswith("Kennengelernt auf der Messe in Hannover.\nInteresse an")
    organisation = mueller.functions.get().organisation
    assert (organisation.street, organisation.postal_code) == ("Hauptstraße 1", "38518")
    assert _person(workspace, "Schäfer").functions.get().organisation == organisation


def test_import_vcard_30_and_40(run_import, workspace):
    run_import("apple_30.vcf")
    run_import("rfc6350_40.vcf")

    schroeder = _person(workspace, "Schröder")
    assert (schroeder.title, schroeder.first_name) == ("Dr.", "Anna Maria")
    assert sorted(schroeder.emails.values_list("kind", flat=True)) == ["private", "work"]
    hwk = schroeder.functions.get().organisation
    assert (hwk.city, hwk.postal_code) == ("Braunschweig", "38100")  # the work address
    assert Organisation.objects.get(name="Metallbau Kröger GmbH & Co. KG").notes == (
        "Telefon (geschäftlich): 05361 4455"
    )
    assert _person(workspace, "Yılmaz").phones.get().number == "+49-5361-778899"
    agentur = Organisation.objects.get(name="Agentur für Arbeit Helmstedt")
    assert agentur.website == "https://www.arbeitsagentur.example/helmstedt"
    assert not agentur.functions.exists()


@pytest.mark.parametrize(
    ("name", "errors"),
    [
        (
            "invalid_email.csv",
            [
                RowError(3, "E-Mail-Adresse", "„max@“ ist keine gültige E-Mail-Adresse."),
                RowError(
                    4, "Postleitzahl", "„38S18“ ist keine deutsche Postleitzahl (fünf Ziffern)."
                ),
            ],
        ),
        (
            "wrong_column_count.csv",
            [RowError(3, "", "Die Zeile hat 5 Spalten, die Kopfzeile hat 4.")],
        ),
        (
            "broken_card.vcf",
            [
                RowError(
                    10,
                    "",
                    "Diese Zeile ist keine vCard-Eigenschaft: Ihr fehlt der Doppelpunkt („:“).",
                ),
                RowError(12, "", "Die vCard wird nicht mit END:VCARD abgeschlossen."),
            ],
        ),
    ],
)
def test_import_malformed_file_reports_errors_and_changes_nothing(
    run_import, workspace, name, errors
):
    FunctionFactory(workspace=workspace)
    before = database_state(workspace)

    result = run_import(name)

    assert result.errors == errors
    assert result.stopped
    assert (result.organisations_created, result.persons_created) == (0, 0)
    assert database_state(workspace) == before


def test_import_skip_invalid_imports_the_valid_rows(run_import, workspace):
    result = run_import("invalid_email.csv", skip_invalid=True)

    assert not result.stopped
    assert (result.persons_created, len(result.errors)) == (1, 2)
    assert list(Person.objects.values_list("last_name", flat=True)) == ["Berg"]


def test_import_file_in_unknown_encoding_is_unusable():
    with pytest.raises(UnusableInputError, match="Zeichenkodierung"):
        read_source(file_bytes("bad_encoding.csv"))


def test_import_dry_run_counts_but_writes_nothing(run_import, workspace):
    before = database_state(workspace)

    result = run_import("outlook_de_windows1252.csv", dry_run=True)

    assert (result.organisations_created, result.persons_created) == (3, 3)
    assert database_state(workspace) == before


def _csv(*rows: str) -> bytes:
    return (
        "Vorname;Nachname;E-Mail;Firma;PLZ;Telefon;Notizen;Kategorien\r\n"
        + "".join(f"{row}\r\n" for row in rows)
    ).encode("utf-8")


def test_import_duplicates_in_the_file_are_created_once(run_import, workspace):
    result = run_import(
        _csv(
            "Anna;Berg;anna@berg.example;Berg GmbH;38518;;;",
            "Anna;Berg;ANNA@berg.example;Berg GmbH;38518;;;",
            "Anna;Berg;;Berg GmbH;38518;;;",
            "Ben;Tal;;Berg GmbH;;;;",
        )
    )

    assert (result.persons_created, result.organisations_created, result.duplicates) == (2, 1, 2)
    assert EmailAddress.objects.count() == 1
    assert Function.objects.filter(organisation__name="Berg GmbH").count() == 2


def test_import_skip_leaves_existing_contacts_alone(run_import, workspace):
    existing = EmailAddressFactory(
        person__workspace=workspace, person__first_name="", address="Anna@Berg.example"
    ).person

    result = run_import(_csv("Anna;Berg;anna@berg.example;;;05371 1;Neu;KMU"))

    assert (result.persons_created, result.duplicates) == (0, 1)
    existing.refresh_from_db()
    assert (existing.first_name, existing.notes) == ("", "")
    assert not existing.phones.exists()
    assert not existing.tags.exists()


def test_import_merge_fills_empty_fields_and_adds_details(run_import, workspace):
    organisation = OrganisationFactory(
        workspace=workspace, name="Berg GmbH", postal_code="38518", city=""
    )
    person = PersonFactory(workspace=workspace, first_name="", last_name="Berg", notes="Alt")
    FunctionFactory(workspace=workspace, person=person, organisation=organisation)
    PhoneNumberFactory(person=person, number="05371 1")
    EmailAddressFactory(person=person, address="alt@berg.example")

    result = run_import(
        b"Vorname;Nachname;E-Mail;E-Mail 2;Firma;PLZ;Ort;Telefon;Notizen;Kategorien\r\n"
        b"Anna;Berg;ALT@berg.example;neu@berg.example;Berg GmbH;38518;Gifhorn;05371/1;Neu;KMU\r\n",
        duplicates=DuplicatePolicy.MERGE,
    )

    assert (result.persons_created, result.organisations_created, result.duplicates) == (0, 0, 1)
    person.refresh_from_db()
    assert person.first_name == "Anna"
    assert person.notes == "Alt"
    assert person.name_key == "anna berg"
    assert person.search_key == fold("Anna Berg alt@berg.example neu@berg.example")
    assert sorted(person.emails.values_list("address", flat=True)) == [
        "alt@berg.example",
        "neu@berg.example",
    ]
    assert person.phones.count() == 1
    assert list(person.tags.values_list("name", flat=True)) == ["KMU"]
    assert person.functions.count() == 1
    organisation.refresh_from_db()
    assert organisation.city == "Gifhorn"


def test_import_merge_adds_a_function_at_a_new_organisation(run_import, workspace):
    person = EmailAddressFactory(person__workspace=workspace, address="anna@berg.example").person

    run_import(_csv("Anna;Berg;anna@berg.example;Tal AG;;;;"), duplicates=DuplicatePolicy.MERGE)

    assert list(person.functions.values_list("organisation__name", flat=True)) == ["Tal AG"]


def test_import_same_name_at_same_organisation_is_a_duplicate(run_import, workspace):
    FunctionFactory(
        workspace=workspace,
        person__first_name="Anna",
        person__last_name="Berg",
        organisation__name="Berg G.m.b.H.",
        organisation__postal_code="38518",
    )

    result = run_import(_csv("Anna;Berg;;Berg GmbH;38518;;;", "Anna;Berg;;Tal AG;38518;;;"))

    assert (result.duplicates, result.persons_created, result.organisations_created) == (1, 1, 1)


def test_import_organisation_without_postal_code_matches_the_one_of_that_name(
    run_import, workspace
):
    OrganisationFactory(workspace=workspace, name="Berg GmbH", postal_code="38518")

    result = run_import(
        _csv("Anna;Berg;;Berg GmbH;;;;", "Ben;Tal;;Tal AG;;;;", "Cem;Ok;;Tal AG;29378;;;")
    )

    assert result.organisations_created == 1
    assert Organisation.objects.filter(name="Tal AG").get().postal_code == ""


def test_import_organisation_only_duplicate_is_counted(run_import, workspace):
    OrganisationFactory(workspace=workspace, name="Berg GmbH", postal_code="38518")

    result = run_import(_csv(";;;Berg GmbH;38518;;;"))

    assert (result.duplicates, result.organisations_created) == (1, 0)


def test_import_other_workspace_contacts_are_not_duplicates(run_import, workspace, other_workspace):
    EmailAddressFactory(person__workspace=other_workspace, address="anna@berg.example")

    result = run_import(_csv("Anna;Berg;anna@berg.example;;;;;"))

    assert (result.persons_created, result.duplicates) == (1, 0)


def test_import_logs_one_activity_with_counts_only(run_import, workspace, staff):
    run_import("outlook_de_windows1252.csv")

    entry = ActivityEntry.objects.get(workspace=workspace)
    assert (entry.action, entry.actor) == (Action.IMPORTED, staff)
    assert entry.details == {
        "format": "csv",
        "duplicate_policy": "skip",
        "rows_read": 4,
        "organisations_created": 3,
        "persons_created": 3,
        "duplicates": 0,
        "errors": 0,
    }


def test_import_requires_the_import_permission(workspace, partner):
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        contacts_import(scope=scope, source=read_source(_csv("Anna;Berg;;;;;;")))


def test_import_mapping_without_contact_column_is_unusable(run_import):
    with pytest.raises(UnusableInputError, match="Ordnen Sie mindestens"):
        run_import(_csv("Anna;Berg;;;;;;"), mapping=["", "", "", "", "city", "", "", ""])


def test_import_mapping_chosen_by_the_user_is_used(run_import, workspace):
    run_import(_csv("Anna;Berg;;;;;;"), mapping=["last_name", "first_name", "", "", "", "", "", ""])

    assert Person.objects.get().last_name == "Anna"


good_rows = st.lists(
    st.tuples(
        st.sampled_from(["Anna", "Ben", "Cem", "Dora", "Emil"]),
        st.sampled_from(["Berg", "Tal", "Öztürk", "Weiß"]),
        st.sampled_from(["", "Berg GmbH", "Tal AG"]),
    ).map(lambda row: f"{row[0]};{row[1]};;{row[2]};;;;"),
    min_size=1,
    max_size=15,
)
bad_rows = st.sampled_from(
    [
        ("Max;Muster;max@;;;;;", "E-Mail", "„max@“ ist keine gültige E-Mail-Adresse."),
        (
            "Max;Muster;;Muster AG;123;;;",
            "PLZ",
            "„123“ ist keine deutsche Postleitzahl (fünf Ziffern).",
        ),
        ("Max;Muster;;;;Zentrale;;", "Telefon", "„Zentrale“ ist keine gültige Telefonnummer."),
        ("Max;Muster;;;;;;;zu viel", "", "Die Zeile hat 9 Spalten, die Kopfzeile hat 8."),
    ]
)


@settings(
    suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None, max_examples=40
)
@given(rows=good_rows, bad=bad_rows, data=st.data())
def test_import_bad_row_anywhere_changes_nothing_and_is_named(
    run_import, workspace, rows, bad, data
):
    position = data.draw(st.integers(min_value=0, max_value=len(rows)))
    line, column, message = bad
    before = database_state(workspace)

    result = run_import(_csv(*rows[:position], line, *rows[position:]))

    assert result.errors == [RowError(position + 2, column, message)]
    assert database_state(workspace) == before


def test_import_merged_person_is_found_by_name_at_a_new_organisation_later(run_import, workspace):
    EmailAddressFactory(
        person__workspace=workspace,
        person__first_name="Anna",
        person__last_name="Berg",
        address="anna@berg.example",
    )

    result = run_import(
        _csv("Anna;Berg;anna@berg.example;Tal AG;;;;", "Anna;Berg;;Tal AG;;;;"),
        duplicates=DuplicatePolicy.MERGE,
    )

    assert (result.persons_created, result.duplicates) == (0, 2)
