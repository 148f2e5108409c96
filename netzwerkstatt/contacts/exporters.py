"""Organisations and persons as files: CSV for German Excel, XLSX and vCard 3.0.

Table headers follow German Outlook's names where one exists, so an exported
file imports again without adjusting the column mapping. Cells go through
`core.spreadsheet`, which keeps formulas typed into the app from running. Querysets of persons
come with `selectors.person_prefetches` applied.
"""

import tempfile
from collections.abc import Iterable, Iterator

from django.db.models import QuerySet
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from netzwerkstatt.core.spreadsheet import xlsx_text

from .importing.vcard.writer import serialise_organisation, serialise_person
from .models import Organisation, Person

CHUNK_SIZE = 2000


def organisation_table(organisations: QuerySet[Organisation]) -> tuple[list[str], Iterator[list]]:
    headers = [
        "Firma", "Art", "WZ 2008", "Branche", "Beschäftigte", "Größenklasse",
        "Straße geschäftlich", "Postleitzahl geschäftlich", "Ort geschäftlich", "Landkreis",
        "Bundesland", "Webseite", "Kategorien", "Notizen",
    ]  # fmt: skip

    def rows():
        for organisation in organisations.prefetch_related("tags").iterator(chunk_size=CHUNK_SIZE):
            entry = organisation.sector_entry
            size_class = organisation.size_class
            yield [
                organisation.name,
                organisation.get_kind_display(),
                organisation.sector,
                entry.title if entry else "",
                organisation.employee_count,
                str(size_class.label) if size_class else "",
                organisation.street,
                organisation.postal_code,
                organisation.city,
                organisation.district,
                organisation.get_state_display(),
                organisation.website,
                "; ".join(tag.name for tag in organisation.tags.all()),
                organisation.notes,
            ]

    return headers, rows()


def person_table(persons: QuerySet[Person]) -> tuple[list[str], Iterator[list]]:
    """One row per person; the first current function gives Firma, Position and address."""
    headers = [
        "Anrede", "Titel", "Vorname", "Nachname", "Firma", "Position", "Abteilung",
        "E-Mail-Adresse", "E-Mail 2-Adresse", "E-Mail 3-Adresse", "Telefon geschäftlich",
        "Mobiltelefon", "Telefon privat", "Fax geschäftlich", "Straße geschäftlich",
        "Postleitzahl geschäftlich", "Ort geschäftlich", "Kategorien", "Notizen",
    ]  # fmt: skip

    def rows():
        for person in persons.iterator(chunk_size=CHUNK_SIZE):
            current = [f for f in person.functions.all() if f.is_current]
            function = current[0] if current else None
            organisation = function.organisation if function else None
            emails = [email.address for email in person.emails.all()]
            emails = [*emails[:3], *[""] * (3 - len(emails[:3]))]
            phones = {}
            for phone in person.phones.all():
                phones.setdefault(phone.kind, phone.number)
            yield [
                person.get_salutation_display() if person.salutation else "",
                person.title,
                person.first_name,
                person.last_name,
                organisation.name if organisation else "",
                function.role if function else "",
                function.department if function else "",
                *emails,
                phones.get("work", ""),
                phones.get("mobile", ""),
                phones.get("private", ""),
                phones.get("fax", ""),
                organisation.street if organisation else "",
                organisation.postal_code if organisation else "",
                organisation.city if organisation else "",
                "; ".join(tag.name for tag in person.tags.all()),
                person.notes,
            ]

    return headers, rows()


def organisation_vcards(organisations: QuerySet[Organisation]) -> Iterator[str]:
    for organisation in organisations.prefetch_related("tags").iterator(chunk_size=CHUNK_SIZE):
        yield serialise_organisation(organisation, include_notes=True)


def person_vcards(persons: QuerySet[Person]) -> Iterator[str]:
    for person in persons.iterator(chunk_size=CHUNK_SIZE):
        yield serialise_person(person, include_notes=True)


def xlsx_file(
    headers: list[str], rows: Iterable[list], *, title: str
) -> tempfile.SpooledTemporaryFile:
    """An XLSX workbook with one sheet, written row by row; returned rewound."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    bold = Font(bold=True)
    sheet.append([_text_cell(sheet, header, font=bold) for header in headers])
    for row in rows:
        sheet.append(
            [_text_cell(sheet, value) if isinstance(value, str) else value for value in row]
        )
    # Handed to the response, which closes it after sending.
    output = tempfile.SpooledTemporaryFile(max_size=10 * 1024 * 1024)  # noqa: SIM115
    workbook.save(output)
    output.seek(0)
    return output


def _text_cell(sheet, value: str, *, font: Font | None = None) -> WriteOnlyCell:
    cell = xlsx_text(WriteOnlyCell(sheet, value=value))
    if font is not None:
        cell.font = font
    return cell
