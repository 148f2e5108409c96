import pytest

from netzwerkstatt.contacts.importing.mapping import (
    heading_key,
    mapping_problems,
    suggest_mapping,
)
from netzwerkstatt.contacts.importing.reading import read_source

from .conftest import file_bytes


def test_suggest_mapping_for_german_outlook_export():
    headers = read_source(file_bytes("outlook_de_windows1252.csv")).table.headers

    mapped = {
        header: key for header, key in zip(headers, suggest_mapping(headers), strict=True) if key
    }

    assert mapped == {
        "Anrede": "salutation",
        "Vorname": "first_name",
        "Weitere Vornamen": "first_name",
        "Nachname": "last_name",
        "Firma": "organisation",
        "Abteilung": "department",
        "Position": "role",
        "Straße geschäftlich": "street",
        "Straße geschäftlich 2": "street",
        "Straße geschäftlich 3": "street",
        "Ort geschäftlich": "city",
        "Region geschäftlich": "state",
        "Postleitzahl geschäftlich": "postal_code",
        "Fax geschäftlich": "phone_fax",
        "Telefon geschäftlich": "phone_work",
        "Telefon geschäftlich 2": "phone_work",
        "Telefon Firma": "phone_work",
        "Telefon privat": "phone_private",
        "Telefon privat 2": "phone_private",
        "Mobiltelefon": "phone_mobile",
        "Haupttelefon": "phone_work",
        "Mobiltelefon 2": "phone_mobile",
        "E-Mail-Adresse": "email",
        "E-Mail 2: Adresse": "email",
        "E-Mail 3: Adresse": "email",
        "Kategorien": "tags",
        "Notizen": "notes",
        "Stichwörter": "tags",
        "Webseite": "website",
    }


def test_suggest_mapping_for_english_outlook_headings():
    headers = ["Title", "First Name", "Last Name", "Company", "Job Title", "Business Street",
               "Business City", "Business Postal Code", "Business Phone", "Mobile Phone",
               "E-mail Address", "E-mail 2 Address", "Categories", "Notes"]  # fmt: skip

    assert suggest_mapping(headers) == [
        "title", "first_name", "last_name", "organisation", "role", "street", "city",
        "postal_code", "phone_work", "phone_mobile", "email", "email", "tags", "notes",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("headers", "meaning"),
    [
        (["Vorname", "Name", "E-Mail"], "last_name"),
        (["Name", "Given Name", "Family Name"], "full_name"),
        (["Firma", "Name", "Telefon"], "full_name"),
        (["Name", "PLZ", "Ort", "Branche"], "organisation"),
    ],
)
def test_suggest_mapping_name_column_depends_on_its_neighbours(headers, meaning):
    assert suggest_mapping(headers)[headers.index("Name")] == meaning


def test_suggest_mapping_single_field_goes_to_the_first_column():
    assert suggest_mapping(["Ort geschäftlich", "Ort"]) == ["city", ""]


def test_heading_key_ignores_case_punctuation_and_umlaut_spelling():
    assert heading_key("Straße geschäftlich") == heading_key("STRASSE GESCHAEFTLICH")
    assert heading_key("E-Mail 2: Adresse") == heading_key("E-Mail 2-Adresse") == "email2adresse"


def test_mapping_problems_single_field_twice_and_no_contact_column():
    assert mapping_problems(["last_name", "last_name", "city"]) == [
        "„Nachname“ ist mehreren Spalten zugeordnet."
    ]
    assert mapping_problems(["city", ""]) == [
        (
            "Ordnen Sie mindestens einem dieser Felder eine Spalte zu: Nachname, Vorname, "
            "Vollständiger Name (Vor- und Nachname), E-Mail (geschäftlich), "
            "Organisation (Firmenname)."
        )
    ]
    assert mapping_problems(["email", "email", "tags", "tags"]) == []
