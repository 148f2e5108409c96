from datetime import date

import pytest

from netzwerkstatt.contacts.importing.errors import RowError
from netzwerkstatt.contacts.importing.records import (
    FieldValue,
    OrganisationRecord,
    PersonRecord,
    build_record,
)
from netzwerkstatt.contacts.importing.values import MAX_LENGTHS
from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)


def _record(**fields):
    return build_record(
        7, [FieldValue(key, f"Spalte {key}", value) for key, value in fields.items()]
    )


def test_build_record_person_at_organisation():
    record = _record(
        salutation="Herr Dr.",
        first_name="Jürgen",
        last_name="Müller",
        email="J.Mueller@Giesserei.example",
        phone_work="+49 (5371) 12345",
        phone_mobile="0171 1234567",
        organisation="Gießerei Müller GmbH",
        organisation_kind="Unternehmen",
        postal_code="38518",
        state="NI",
        employee_count="1.200",
        sector="C 24.5",
        website="www.giesserei.example",
        role="Geschäftsführer",
        start_date="01.03.2021",
        tags="KMU; Metall;KMU",
        notes="Erste Zeile\r\nZweite Zeile",
    )

    assert record.person == PersonRecord(
        salutation="mr",
        title="Dr.",
        first_name="Jürgen",
        last_name="Müller",
        emails=[("J.Mueller@Giesserei.example", "work")],
        phones=[("+49 (5371) 12345", "work"), ("0171 1234567", "mobile")],
    )
    assert record.organisation == OrganisationRecord(
        name="Gießerei Müller GmbH",
        kind="company",
        sector="24",
        employee_count=1200,
        postal_code="38518",
        state="NI",
        website="https://www.giesserei.example",
    )
    assert (record.role, record.start_date) == ("Geschäftsführer", date(2021, 3, 1))
    assert record.tags == ["KMU", "Metall"]
    assert record.notes == "Erste Zeile\nZweite Zeile"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("email", "max@", "„max@“ ist keine gültige E-Mail-Adresse."),
        ("phone_work", "Zentrale", "„Zentrale“ ist keine gültige Telefonnummer."),
        ("postal_code", "3851x", "„3851x“ ist keine deutsche Postleitzahl (fünf Ziffern)."),
        ("state", "Bavaria", "„Bavaria“ ist kein deutsches Bundesland."),
        ("employee_count", "ca. 50", "„ca. 50“ ist keine Zahl von Beschäftigten."),
        (
            "sector",
            "Metall",
            "„Metall“ ist keine WZ-2008-Abteilung (eine zweistellige Nummer wie 28).",
        ),
        ("website", "http://", "„http://“ ist keine Webadresse."),
        ("start_date", "31.02.2024", "„31.02.2024“ ist kein Datum (TT.MM.JJJJ)."),
    ],
)
def test_build_record_invalid_value_names_row_column_and_reason(field, value, message):
    errors = _record(last_name="Berg", organisation="Berg GmbH", **{field: value})

    assert errors == [RowError(7, f"Spalte {field}", message)]
    assert str(errors[0]) == f"Zeile 7, Spalte ‚Spalte {field}‘: {message}"


def test_build_record_unknown_kind_lists_the_kinds():
    (error,) = _record(organisation="Berg GmbH", organisation_kind="Verein")

    assert error.message.startswith(
        "„Verein“ ist keine bekannte Art von Organisation. Möglich sind: "
    )


@pytest.mark.parametrize(
    ("value", "kind"),
    [("Kammer", "chamber"), ("IHK", "chamber"), ("Jobcenter", "employment_agency"),
     ("chamber", "chamber"), ("Trade union", "union"), ("Sonstige", "other")],
)  # fmt: skip
def test_build_record_kind_by_value_label_or_synonym(value, kind):
    assert _record(organisation="X", organisation_kind=value).organisation.kind == kind


@pytest.mark.parametrize(
    ("value", "code"),
    [("Sachsen", "SN"), ("nordrhein-westfalen", "NW"), ("NRW", "NW"), ("by", "BY")],
)
def test_build_record_state_by_name_or_code(value, code):
    assert _record(organisation="X", state=value).organisation.state == code


def test_build_record_postal_code_lost_leading_zero_and_old_prefix():
    assert _record(organisation="X", postal_code="1067").organisation.postal_code == "01067"
    assert _record(organisation="X", postal_code="D-38518").organisation.postal_code == "38518"


def test_build_record_sector_by_division_title():
    record = _record(organisation="X", sector="Maschinenbau")

    assert record.organisation.sector == "28"


def test_build_record_salutation_in_address_form():
    person = _record(salutation="Herrn Prof. Dr.", last_name="Berg").person

    assert (person.salutation, person.title) == ("mr", "Prof. Dr.")


def test_build_record_full_name_is_split():
    person = _record(full_name="Frau Prof. Dr. Anna Maria Schröder").person

    assert (person.salutation, person.title, person.first_name, person.last_name) == (
        "ms",
        "Prof. Dr.",
        "Anna Maria",
        "Schröder",
    )
    assert _record(full_name="Schröder, Anna").person.first_name == "Anna"


def test_build_record_email_only_person_is_named_by_the_address():
    person = _record(email="info@berg.example").person

    assert (person.first_name, person.last_name) == ("", "info@berg.example")


def test_build_record_single_name_is_the_last_name():
    person = _record(first_name="Mehmet").person

    assert (person.first_name, person.last_name) == ("", "Mehmet")


def test_build_record_organisation_only_keeps_phones_in_notes():
    record = _record(organisation="Tischlerei Wöhler", phone_work="05831 2233", notes="Termin")

    assert record.person is None
    assert record.notes == "Termin\nTelefon (geschäftlich): 05831 2233"


def test_build_record_duplicate_emails_and_phones_in_a_row_are_dropped():
    person = build_record(
        2,
        [
            FieldValue("last_name", "Nachname", "Berg"),
            FieldValue("email", "E-Mail", "anna@berg.example"),
            FieldValue("email", "E-Mail 2", "ANNA@berg.example"),
            FieldValue("phone_work", "Telefon", "05371 123"),
            FieldValue("phone_work", "Telefon 2", "05371/123"),
        ],
    ).person

    assert person.emails == [("anna@berg.example", "work")]
    assert person.phones == [("05371 123", "work")]


def test_build_record_outlook_empty_date_is_no_date():
    assert _record(last_name="Berg", organisation="X", start_date="0.0.00").start_date is None


def test_build_record_too_long_value_is_an_error():
    (error,) = _record(last_name="B" * 101)

    assert error.message == "„BBBBBBBBBBBBBBBBBBBBBBBBBBBBBB…“ ist zu lang (höchstens 100 Zeichen)."


def test_build_record_empty_row_is_an_error():
    assert _record(city="Gifhorn") == [
        RowError(
            7,
            "",
            "Die Zeile enthält weder einen Namen noch eine E-Mail-Adresse noch eine Organisation.",
        )
    ]


@pytest.mark.parametrize(
    ("key", "model", "field"),
    [
        ("title", Person, "title"),
        ("first_name", Person, "first_name"),
        ("last_name", Person, "last_name"),
        ("organisation", Organisation, "name"),
        ("role", Function, "role"),
        ("department", Function, "department"),
        ("street", Organisation, "street"),
        ("city", Organisation, "city"),
        ("district", Organisation, "district"),
        ("website", Organisation, "website"),
        ("email", EmailAddress, "address"),
        ("phone", PhoneNumber, "number"),
        ("tag", Tag, "name"),
    ],
)
def test_max_lengths_agree_with_the_models(key, model, field):
    assert MAX_LENGTHS[key] == model._meta.get_field(field).max_length
