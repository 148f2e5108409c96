"""One row of a file, mapped to contact fields, checked and turned into a plain record.

Every value is checked the way the models would check it (`values`), so that
the import can write in bulk without surprises; each problem becomes a German
message naming the row and the column. Nothing here touches the database.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import NamedTuple

from django.utils.translation import gettext as _

from ..enums import EmailKind, OrganisationKind, PhoneKind
from .errors import RowError
from .mapping import FIELDS, Combine
from .values import (
    MAX_LENGTHS,
    InvalidValueError,
    parse_date,
    parse_email,
    parse_employee_count,
    parse_kind,
    parse_phone,
    parse_postal_code,
    parse_sector,
    parse_state,
    parse_tags,
    parse_website,
    phone_digits,
    salutation_and_title,
    split_full_name,
)


class FieldValue(NamedTuple):
    field: str
    column: str
    value: str


@dataclass(slots=True)
class PersonRecord:
    salutation: str
    title: str
    first_name: str
    last_name: str
    emails: list[tuple[str, str]]  # (address, EmailKind)
    phones: list[tuple[str, str]]  # (number, PhoneKind)


@dataclass(slots=True)
class OrganisationRecord:
    name: str
    kind: str = OrganisationKind.COMPANY
    sector: str = ""
    employee_count: int | None = None
    street: str = ""
    postal_code: str = ""
    city: str = ""
    district: str = ""
    state: str = ""
    website: str = ""


@dataclass(slots=True)
class ContactRecord:
    """What one row holds: a person, an organisation, or a person working at one."""

    row: int
    person: PersonRecord | None
    organisation: OrganisationRecord | None
    role: str = ""
    department: str = ""
    start_date: date | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)


class _Row:
    """The mapped values of one row, read field by field; problems are collected in `errors`."""

    def __init__(self, values: Iterable[FieldValue]):
        self.values: dict[str, list[tuple[str, str]]] = {}
        for item in values:
            text = item.value.replace("\r\n", "\n").replace("\r", "\n").strip()
            if text and item.field in FIELDS:
                self.values.setdefault(item.field, []).append((item.column, text))
        self.errors: list[tuple[str, str]] = []

    def text(self, key: str) -> str:
        items = self.values.get(key, [])
        if not items:
            return ""
        target = FIELDS[key]
        if target.combine is Combine.JOIN:
            return target.separator.join(text for _column, text in items)
        return items[0][1]

    def limited(self, value: str, *, limit: str, source: str) -> str:
        """The value, or "" and an error on the `source` field's column if it is too long."""
        if len(value) <= MAX_LENGTHS[limit]:
            return value
        column = self.values[source][0][0] if source in self.values else ""
        self.errors.append(
            (
                column,
                _("“%(value)s…” is too long (at most %(limit)s characters).")
                % {"value": value[:30], "limit": MAX_LENGTHS[limit]},
            )
        )
        return ""

    def limited_text(self, key: str) -> str:
        return self.limited(self.text(key), limit=key, source=key)

    def parsed(self, key: str, parse) -> list:
        """Each value of the field run through `parse`; failures are noted as errors."""
        results = []
        for column, text in self.values.get(key, []):
            try:
                results.append(parse(text))
            except InvalidValueError as error:
                self.errors.append((column, str(error)))
        return results

    def first_parsed(self, key: str, parse, default=None):
        return next(iter(self.parsed(key, parse)), default)


def build_record(row: int, values: Iterable[FieldValue]) -> ContactRecord | list[RowError]:
    """The row as a record, or every problem found in it."""
    data = _Row(values)
    emails = _unique(
        [(address, EmailKind.WORK) for address in data.parsed("email", parse_email)]
        + [(address, EmailKind.PRIVATE) for address in data.parsed("email_private", parse_email)],
        key=lambda email: email[0].lower(),
    )
    phones = _unique(
        [(number, kind) for key, kind in _PHONE_FIELDS for number in data.parsed(key, parse_phone)],
        key=lambda phone: phone_digits(phone[0]),
    )
    person = _person(data, emails, phones)
    organisation = _organisation(data) if data.text("organisation") else None
    notes = data.text("notes")
    if person is None and phones:  # an organisation has no phone field; keep them in its notes
        labels = {kind: FIELDS[key].label for key, kind in _PHONE_FIELDS}
        notes = "\n".join([notes, *(f"{labels[kind]}: {number}" for number, kind in phones)])
        notes = notes.strip()
    record = ContactRecord(
        row=row,
        person=person,
        organisation=organisation,
        role=data.limited_text("role"),
        department=data.limited_text("department"),
        start_date=data.first_parsed("start_date", parse_date),
        notes=notes,
        tags=list(dict.fromkeys(tag for tags in data.parsed("tags", parse_tags) for tag in tags)),
    )
    if data.errors:
        return [RowError(row, column, message) for column, message in data.errors]
    if person is None and organisation is None:
        return [RowError(row, "", _("The row has no name, no e-mail address and no organisation."))]
    return record


_PHONE_FIELDS = (
    ("phone_work", PhoneKind.WORK),
    ("phone_mobile", PhoneKind.MOBILE),
    ("phone_private", PhoneKind.PRIVATE),
    ("phone_fax", PhoneKind.FAX),
)


def _person(data: _Row, emails: list, phones: list) -> PersonRecord | None:
    salutation, title = salutation_and_title(f"{data.text('salutation')} {data.text('title')}")
    first_name, last_name = data.text("first_name"), data.text("last_name")
    first_source, last_source = "first_name", "last_name"
    if not (first_name or last_name) and data.text("full_name"):
        full_salutation, full_title, first_name, last_name = split_full_name(data.text("full_name"))
        salutation, title = salutation or full_salutation, title or full_title
        first_source = last_source = "full_name"
    if not (first_name or last_name or emails):
        return None
    # The last name is required: a single name is kept there, and a contact known only
    # by an e-mail address is named by it until someone enters the name.
    if not last_name:
        first_name, last_name = "", first_name or emails[0][0][: MAX_LENGTHS["last_name"]]
        last_source = first_source
    title_source = "title" if data.text("title") else "salutation"
    return PersonRecord(
        salutation=salutation,
        title=data.limited(title, limit="title", source=title_source),
        first_name=data.limited(first_name, limit="first_name", source=first_source),
        last_name=data.limited(last_name, limit="last_name", source=last_source),
        emails=emails,
        phones=phones,
    )


def _organisation(data: _Row) -> OrganisationRecord:
    return OrganisationRecord(
        name=data.limited_text("organisation"),
        kind=data.first_parsed("organisation_kind", parse_kind, OrganisationKind.COMPANY),
        sector=data.first_parsed("sector", parse_sector, ""),
        employee_count=data.first_parsed("employee_count", parse_employee_count),
        street=data.limited_text("street"),
        postal_code=data.first_parsed("postal_code", parse_postal_code, ""),
        city=data.limited_text("city"),
        district=data.limited_text("district"),
        state=data.first_parsed("state", parse_state, ""),
        website=data.first_parsed("website", parse_website, ""),
    )


def _unique(items: list, *, key) -> list:
    seen, unique = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            unique.append(item)
    return unique
