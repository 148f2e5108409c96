"""From an uploaded file's bytes to rows of contact fields, whatever the file's format.

The format is recognised from the content, not the file name: a ZIP holding an
Excel workbook, text that begins with BEGIN:VCARD, else CSV. Tables are mapped
column by column (`mapping`); vCards bring their own meaning.
"""

import io
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import islice

from django.utils.translation import gettext as _

from .decoding import decode
from .enums import ImportFormat
from .errors import RowError, UnusableInputError
from .mapping import HEADING_FIELDS, TARGET_FIELDS, heading_key, suggest_mapping
from .records import FieldValue
from .tabular import CsvTable, Table, XlsxTable
from .vcard import Address, Card, parse_vcards

MappedRow = tuple[int, list[FieldValue]]


@dataclass(frozen=True)
class Preview:
    columns: list[str]
    rows: list[list[str]]


class TabularSource:
    """A CSV file or Excel workbook: its columns are mapped to contact fields."""

    is_mappable = True

    def __init__(self, table: Table, *, file_format: ImportFormat, encoding: str = ""):
        self.table = table
        self.format = file_format
        self.encoding = encoding

    @property
    def columns(self) -> list[str]:
        return [
            header or _("Column %(number)s") % {"number": index}
            for index, header in enumerate(self.table.headers, start=1)
        ]

    def suggested_mapping(self) -> list[str]:
        return suggest_mapping(self.table.headers)

    def preview(self, *, limit: int) -> Preview:
        return Preview(self.columns, self.table.preview(limit=limit))

    def mapped_rows(self, mapping: Sequence[str]) -> Iterator[MappedRow | RowError]:
        chosen = [
            (index, key, column)
            for index, (key, column) in enumerate(zip(mapping, self.columns, strict=False))
            if key
        ]
        for row in self.table.rows():
            if isinstance(row, RowError):
                yield row
            else:
                number, cells = row
                yield (
                    number,
                    [FieldValue(key, column, cells[index]) for index, key, column in chosen],
                )


class VCardSource:
    """A file of vCards: each card's properties say which field they are."""

    is_mappable = False
    format = ImportFormat.VCARD

    def __init__(self, text: str, *, encoding: str):
        self.text = text
        self.encoding = encoding

    def suggested_mapping(self) -> list[str]:
        return []

    def preview(self, *, limit: int) -> Preview:
        rows = [values for _number, values in islice(self._valid_rows(), limit)]
        present = {value.field for values in rows for value in values if value.value}
        fields = [field for field in TARGET_FIELDS if field.key in present]
        return Preview(
            [str(field.label) for field in fields],
            [
                [
                    ", ".join(v.value for v in values if v.field == field.key and v.value)
                    for field in fields
                ]
                for values in rows
            ],
        )

    def mapped_rows(self, mapping: Sequence[str] = ()) -> Iterator[MappedRow | RowError]:
        for item in parse_vcards(self.text):
            yield item if isinstance(item, RowError) else (item[0], card_values(item[1]))

    def _valid_rows(self) -> Iterator[MappedRow]:
        return (row for row in self.mapped_rows() if not isinstance(row, RowError))


Source = TabularSource | VCardSource


def read_source(data: bytes) -> Source:
    """The file as a source of contact rows; UnusableInputError if it is none."""
    if not data.strip():
        raise UnusableInputError(_("The file is empty."))
    if data.startswith(b"PK\x03\x04"):
        return TabularSource(XlsxTable(_workbook_data(data)), file_format=ImportFormat.XLSX)
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        raise UnusableInputError(
            _("Old Excel files (.xls) cannot be read. Save the file as .xlsx or as CSV.")
        )
    text, encoding = decode(data)
    first_line = text.lstrip().partition("\n")[0].strip().upper()
    if first_line == "BEGIN:VCARD":
        return VCardSource(text, encoding=encoding)
    table = CsvTable(text)
    if len(table.headers) < 2 and heading_key(table.headers[0]) not in HEADING_FIELDS:
        raise UnusableInputError(
            _(
                "The file's format is not recognised. Netzwerkstatt reads CSV files with a "
                "header row, Excel workbooks (.xlsx) and vCards (.vcf)."
            )
        )
    return TabularSource(table, file_format=ImportFormat.CSV, encoding=encoding)


def _workbook_data(data: bytes) -> bytes:
    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except zipfile.BadZipFile:
        raise UnusableInputError(_("The file is a damaged ZIP archive.")) from None
    if "xl/workbook.xml" not in names:
        raise UnusableInputError(
            _(
                "The file is a ZIP archive but not an Excel workbook. Save spreadsheets from "
                "other programs (for example LibreOffice) as .xlsx or as CSV."
            )
        )
    return data


def card_values(card: Card) -> list[FieldValue]:
    """A vCard's properties as contact fields, named by the property they came from."""
    values = []

    def add(field: str, column: str, value: str) -> None:
        if value:
            values.append(FieldValue(field, column, value))

    if not card.is_organisation:
        add("salutation", "N", card.prefix)
        add("first_name", "N", card.first_name)
        add("first_name", "N", card.additional_names)
        add("last_name", "N", card.last_name)
        add("full_name", "FN", card.formatted_name)
        add("role", "TITLE", card.title)
        add("role", "ROLE", card.role)
    for email in card.emails:
        add("email_private" if "home" in email.types else "email", "EMAIL", email.value)
    for phone in card.phones:
        add(_phone_field(phone.types), "TEL", phone.value)
    add(
        "organisation",
        "ORG",
        card.organisation or (card.formatted_name if card.is_organisation else ""),
    )
    add("department", "ORG", card.department)
    address = _work_address(card)
    if address is not None:
        for field, value in (
            ("street", address.street),
            ("postal_code", address.postal_code),
            ("city", address.city),
            ("state", address.region),
        ):
            add(field, "ADR", value)
    urls = sorted(card.urls, key=lambda url: "work" not in url.types)
    if urls:
        add("website", "URL", urls[0].value)
    add("notes", "NOTE", card.notes)
    for category in card.categories:
        add("tags", "CATEGORIES", category)
    return values


def _phone_field(types: frozenset[str]) -> str:
    if "cell" in types:
        return "phone_mobile"
    if "fax" in types:
        return "phone_fax"
    return "phone_private" if "home" in types else "phone_work"


def _work_address(card: Card) -> Address | None:
    """The work address, else one not marked private: a home address is not the company's."""
    work = [address for address in card.addresses if "work" in address.types]
    other = [address for address in card.addresses if "home" not in address.types]
    return next(iter(work or other), None)
