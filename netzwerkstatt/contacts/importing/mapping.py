"""Which column of a file feeds which contact field, guessed from the column headings.

The headings are those German and English Outlook, Thunderbird, Google Contacts
and typical German Excel lists use. Matching ignores case, spaces, punctuation
and umlaut spelling ("Straße geschäftlich" = "Strasse geschaeftlich").
"""

import enum
import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..normalise import fold


class Combine(enum.Enum):
    """What happens when several columns feed the same field."""

    SINGLE = "single"  # only one column may
    JOIN = "join"  # the values are joined into one text
    LIST = "list"  # each value is a separate item (e-mails, phones, tags)


@dataclass(frozen=True)
class TargetField:
    key: str
    label: Promise
    combine: Combine = Combine.SINGLE
    separator: str = ""


TARGET_FIELDS = (
    TargetField("salutation", gettext_lazy("Salutation")),
    TargetField("title", gettext_lazy("Academic title")),
    TargetField("first_name", gettext_lazy("First name"), Combine.JOIN, " "),
    TargetField("last_name", gettext_lazy("Last name")),
    TargetField("full_name", gettext_lazy("Full name (first and last name)")),
    TargetField("email", gettext_lazy("E-mail (work)"), Combine.LIST),
    TargetField("email_private", gettext_lazy("E-mail (private)"), Combine.LIST),
    TargetField("phone_work", gettext_lazy("Phone (work)"), Combine.LIST),
    TargetField("phone_mobile", gettext_lazy("Mobile phone"), Combine.LIST),
    TargetField("phone_private", gettext_lazy("Phone (private)"), Combine.LIST),
    TargetField("phone_fax", gettext_lazy("Fax"), Combine.LIST),
    TargetField("role", gettext_lazy("Function / position")),
    TargetField("department", gettext_lazy("Department")),
    TargetField("start_date", gettext_lazy("In this function since")),
    TargetField("organisation", gettext_lazy("Organisation (company name)")),
    TargetField("organisation_kind", gettext_lazy("Kind of organisation")),
    TargetField("street", gettext_lazy("Street and number"), Combine.JOIN, ", "),
    TargetField("postal_code", gettext_lazy("Postal code")),
    TargetField("city", gettext_lazy("Town")),
    TargetField("district", gettext_lazy("District (Landkreis)")),
    TargetField("state", gettext_lazy("Federal state")),
    TargetField("website", gettext_lazy("Website")),
    TargetField("sector", gettext_lazy("Sector (WZ 2008)")),
    TargetField("employee_count", gettext_lazy("Number of employees")),
    TargetField("notes", gettext_lazy("Notes"), Combine.JOIN, "\n"),
    TargetField("tags", gettext_lazy("Tags / categories"), Combine.LIST),
)
FIELDS = {field.key: field for field in TARGET_FIELDS}
# Any one of these makes a row a contact; a mapping needs a column for at least one.
IDENTIFYING_FIELDS = ("last_name", "first_name", "full_name", "email", "organisation")

_HEADINGS = {
    "salutation": ["Anrede", "Name Prefix", "Salutation"],
    "title": ["Titel", "Akademischer Titel", "Title"],
    "first_name": [
        "Vorname", "Weitere Vornamen", "Zweiter Vorname", "First Name", "Given Name",
        "Middle Name", "Additional Name",
    ],
    "last_name": ["Nachname", "Familienname", "Last Name", "Family Name", "Surname"],
    "full_name": [
        "Vollständiger Name", "Ansprechpartner", "Ansprechperson", "Kontaktperson",
        "Anzeigename", "Full Name", "Display Name", "Contact Name",
    ],
    "email": [
        "E-Mail-Adresse", "E-Mail 2-Adresse", "E-Mail 3-Adresse", "E-Mail 2: Adresse",
        "E-Mail 3: Adresse", "E-Mail", "E-Mail 2", "E-Mail 3", "Mail", "E-Mail geschäftlich",
        "Primäre E-Mail-Adresse", "Sekundäre E-Mail-Adresse", "E-mail Address",
        "E-mail 2 Address", "E-mail 3 Address", "Email", "Email Address",
        "E-mail 1 - Value", "E-mail 2 - Value", "E-mail 3 - Value", "Work Email",
    ],
    "email_private": ["E-Mail privat", "Private E-Mail", "Home Email"],
    "phone_work": [
        "Telefon geschäftlich", "Telefon geschäftlich 2", "Telefon Firma", "Haupttelefon",
        "Telefon", "Telefon 2", "Telefonnummer", "Tel.", "Tel. dienstlich", "Durchwahl",
        "Business Phone", "Business Phone 2", "Company Main Phone", "Primary Phone", "Phone",
        "Phone 1 - Value", "Phone 2 - Value", "Phone 3 - Value", "Work Phone",
    ],
    "phone_mobile": [
        "Mobiltelefon", "Mobiltelefon 2", "Mobil", "Mobilnummer", "Handy", "Mobil-Tel.-Nr.",
        "Mobile Phone", "Mobile", "Cell Phone",
    ],
    "phone_private": ["Telefon privat", "Telefon privat 2", "Tel. privat", "Home Phone", "Home Phone 2"],
    "phone_fax": ["Fax geschäftlich", "Fax", "Telefax", "Fax-Nummer", "Business Fax"],
    "role": [
        "Position", "Funktion", "Rolle", "Arbeitstitel", "Job Title", "Role",
        "Organization 1 - Title", "Organization Title",
    ],
    "department": ["Abteilung", "Bereich", "Department", "Organization 1 - Department", "Organization Department"],
    "start_date": ["Funktion seit", "Seit", "In Funktion seit", "Start Date"],
    "organisation": [
        "Firma", "Firmenname", "Unternehmen", "Betrieb", "Organisation", "Institution",
        "Einrichtung", "Company", "Organization", "Organisation Name", "Organization 1 - Name",
        "Organization Name",
    ],
    "organisation_kind": ["Art", "Organisationsart", "Art der Organisation", "Typ", "Organisation Type", "Kind"],
    "street": [
        "Straße geschäftlich", "Straße geschäftlich 2", "Straße geschäftlich 3", "Straße",
        "Straße und Hausnummer", "Anschrift", "Adresse", "Dienstlich: Adresse",
        "Dienstlich: Adresse 2", "Business Street", "Business Street 2", "Business Street 3",
        "Street", "Address", "Address 1 - Street",
    ],
    "postal_code": [
        "Postleitzahl geschäftlich", "Postleitzahl", "PLZ", "Dienstlich: PLZ",
        "Business Postal Code", "Postal Code", "Zip", "Zip Code", "Address 1 - Postal Code",
    ],
    "city": [
        "Ort geschäftlich", "Ort", "Stadt", "Dienstlich: Ort", "Business City", "City",
        "Town", "Address 1 - City",
    ],
    "district": ["Landkreis", "Kreis", "Landkreis/Kreisfreie Stadt", "District", "County"],
    "state": [
        "Region geschäftlich", "Bundesland/Kanton geschäftlich", "Bundesland",
        "Dienstlich: Bundesland", "Business State", "State", "Federal State", "Address 1 - Region",
    ],
    "website": [
        "Webseite", "Website", "Homepage", "Internet", "Internetseite", "Internetadresse",
        "Webseite 1", "Web Page", "Web Site", "Website 1 - Value", "URL",
    ],
    "sector": ["Branche", "WZ", "WZ 2008", "WZ-Code", "Wirtschaftszweig", "Sector", "Industry"],
    "employee_count": [
        "Mitarbeiter", "Mitarbeiterzahl", "Anzahl Mitarbeiter", "Mitarbeitende",
        "Beschäftigte", "Anzahl Beschäftigte", "Employees", "Number of Employees",
    ],
    "notes": ["Notizen", "Notiz", "Bemerkung", "Bemerkungen", "Kommentar", "Notes", "Comments"],
    "tags": [
        "Kategorien", "Kategorie", "Schlagworte", "Schlagwörter", "Stichwörter", "Tags",
        "Categories", "Labels", "Group Membership",
    ],
}  # fmt: skip
_NOT_ALPHANUMERIC = re.compile(r"[^a-z0-9]+")


def heading_key(heading: str) -> str:
    """The heading reduced to what matters for recognising it: "E-Mail 2: Adresse" → "email2adresse"."""
    return _NOT_ALPHANUMERIC.sub("", fold(heading))


HEADING_FIELDS = {
    heading_key(heading): key for key, headings in _HEADINGS.items() for heading in headings
}


def suggest_mapping(headers: Sequence[str]) -> list[str]:
    """For each column the field it most likely holds, or "" to leave it out.

    A field that takes one value goes to the first column that claims it. "Name"
    alone means the last name next to a first-name column, the full name next to a
    last-name or company column, and the company in a list of companies.
    """
    keys = [HEADING_FIELDS.get(heading_key(header), "") for header in headers]
    for index, header in enumerate(headers):
        if heading_key(header) == "name":
            if "last_name" in keys or ("first_name" not in keys and "organisation" in keys):
                keys[index] = "full_name"
            else:
                keys[index] = "last_name" if "first_name" in keys else "organisation"
    claimed: set[str] = set()
    for index, key in enumerate(keys):
        if key and FIELDS[key].combine is Combine.SINGLE:
            if key in claimed:
                keys[index] = ""
            claimed.add(key)
    return keys


def mapping_problems(mapping: Sequence[str]) -> list[str]:
    """What is wrong with a chosen mapping, as messages for the user (empty if it is usable)."""
    problems = []
    for key in dict.fromkeys(mapping):
        if key and key not in FIELDS:
            problems.append(_("“%(field)s” is not a contact field.") % {"field": key})
        elif key and FIELDS[key].combine is Combine.SINGLE and mapping.count(key) > 1:
            problems.append(
                _("“%(field)s” is chosen for more than one column.") % {"field": FIELDS[key].label}
            )
    if not any(key in IDENTIFYING_FIELDS for key in mapping):
        problems.append(
            _("Choose a column for at least one of: %(fields)s.")
            % {"fields": ", ".join(str(FIELDS[key].label) for key in IDENTIFYING_FIELDS)}
        )
    return problems
