"""One row of a file, mapped to contact fields, checked and turned into a plain record.

Every value is checked the way the models would check it, so that the import
can write in bulk without surprises; each problem becomes a German message naming
the column. Nothing here touches the database.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cache, lru_cache
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import translation
from django.utils.translation import gettext as _

from .. import wz2008
from ..enums import EmailKind, OrganisationKind, PhoneKind, Salutation, State
from ..normalise import name_key
from .errors import RowError
from .mapping import FIELDS, Combine

# The models' max_length values (tests check that they agree).
MAX_LENGTHS = {
    "title": 50,
    "first_name": 100,
    "last_name": 100,
    "organisation": 300,
    "role": 200,
    "department": 200,
    "street": 200,
    "city": 100,
    "district": 100,
    "website": 200,
    "email": 254,
    "phone": 50,
    "tag": 100,
}
MAX_EMPLOYEES = 2_147_483_647
_PHONE = re.compile(r"^\+?[\d\s()/.-]{3,}$")
_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_WHOLE_NUMBER = re.compile(r"^(\d+)([.,]0+)?$")
_TAG_SEPARATORS = re.compile(r"[;,]|:::")
_SALUTATIONS = {
    "herr": Salutation.MR, "hr": Salutation.MR, "mr": Salutation.MR,
    "frau": Salutation.MS, "fr": Salutation.MS, "ms": Salutation.MS, "mrs": Salutation.MS,
    "miss": Salutation.MS,
}  # fmt: skip
# Words in a salutation column that are neither a salutation nor an academic title.
_NOT_A_TITLE = {"firma", "familie", "divers", "an", "die", "den", "der"}
_KIND_WORDS = {
    OrganisationKind.COMPANY: ["Unternehmen", "Betrieb", "Firma", "KMU", "Company"],
    OrganisationKind.CHAMBER: [
        "Kammer", "IHK", "HWK", "Handwerkskammer", "Industrie- und Handelskammer",
        "Landwirtschaftskammer", "Chamber",
    ],
    OrganisationKind.UNION: ["Gewerkschaft", "Trade union", "Union"],
    OrganisationKind.EMPLOYERS_ASSOCIATION: [
        "Arbeitgeberverband", "Verband", "Wirtschaftsverband", "Innung",
        "Kreishandwerkerschaft", "Employers' association",
    ],
    OrganisationKind.EMPLOYMENT_AGENCY: [
        "Agentur für Arbeit", "Arbeitsagentur", "Jobcenter", "Agentur für Arbeit / Jobcenter",
        "Employment agency / job centre", "Employment agency", "Job centre",
    ],
    OrganisationKind.EDUCATION_PROVIDER: [
        "Bildungsträger", "Bildungsanbieter", "Bildungseinrichtung", "Schule", "Hochschule",
        "Education provider",
    ],
    OrganisationKind.CONSULTANCY: ["Beratung", "Beratungsunternehmen", "Unternehmensberatung", "Consultancy"],
    OrganisationKind.MUNICIPALITY: [
        "Kommune", "Gemeinde", "Stadt", "Landkreis", "Stadtverwaltung", "Kreisverwaltung",
        "Wirtschaftsförderung", "Municipality",
    ],
    OrganisationKind.OTHER: ["Sonstige", "Sonstiges", "Andere", "Other"],
}  # fmt: skip
_STATE_WORDS = {State.NW: ["NRW"], State.BW: ["BaWü"], State.MV: ["Meck-Pomm"]}
_EMPTY_DATES = {"0.0.00", "00.00.0000"}  # what Outlook writes for "no date"


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


class InvalidValueError(ValueError):
    pass


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
        [(address, EmailKind.WORK) for address in data.parsed("email", _email)]
        + [(address, EmailKind.PRIVATE) for address in data.parsed("email_private", _email)],
        key=lambda email: email[0].lower(),
    )
    phones = _unique(
        [(number, kind) for key, kind in _PHONE_FIELDS for number in data.parsed(key, _phone)],
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
        start_date=data.first_parsed("start_date", _date),
        notes=notes,
        tags=list(dict.fromkeys(tag for tags in data.parsed("tags", _tags) for tag in tags)),
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
    salutation, title = _salutation_and_title(f"{data.text('salutation')} {data.text('title')}")
    first_name, last_name = data.text("first_name"), data.text("last_name")
    first_source, last_source = "first_name", "last_name"
    if not (first_name or last_name) and data.text("full_name"):
        full_salutation, full_title, first_name, last_name = _split_full_name(
            data.text("full_name")
        )
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
        kind=data.first_parsed("organisation_kind", _kind, OrganisationKind.COMPANY),
        sector=data.first_parsed("sector", _sector, ""),
        employee_count=data.first_parsed("employee_count", _employee_count),
        street=data.limited_text("street"),
        postal_code=data.first_parsed("postal_code", _postal_code, ""),
        city=data.limited_text("city"),
        district=data.limited_text("district"),
        state=data.first_parsed("state", _state, ""),
        website=data.first_parsed("website", _website, ""),
    )


def phone_digits(number: str) -> str:
    """The digits of a phone number, by which two spellings of one number are the same."""
    return "".join(char for char in number if char.isdigit())


def _unique(items: list, *, key) -> list:
    seen, unique = set(), []
    for item in items:
        if key(item) not in seen:
            seen.add(key(item))
            unique.append(item)
    return unique


def _salutation_and_title(text: str) -> tuple[str, str]:
    """ "Herr Dr." → (mr, "Dr."); "Prof. Dr." → ("", "Prof. Dr."); "Firma" → ("", "")."""
    salutation, title_words = "", []
    for word in text.split():
        key = name_key(word)
        if key in _SALUTATIONS and not salutation:
            salutation = _SALUTATIONS[key]
        elif key and key not in _NOT_A_TITLE:
            title_words.append(word)
    return salutation, " ".join(title_words)


def _split_full_name(text: str) -> tuple[str, str, str, str]:
    """Salutation, title, first and last name of "Herr Dr. Max Mustermann" or "Mustermann, Max"."""
    if "," in text:
        last, _comma, first = text.partition(",")
        words = first.split()
    else:
        words = text.split()
        last = words.pop() if words else ""
    leading = []
    while words and (name_key(words[0]) in _SALUTATIONS or words[0].endswith(".")):
        leading.append(words.pop(0))
    salutation, title = _salutation_and_title(" ".join(leading))
    return salutation, title, " ".join(words), last.strip()


def _email(value: str) -> str:
    address = value.removeprefix("mailto:").strip()
    try:
        validate_email(address)
    except ValidationError:
        raise InvalidValueError(
            _("“%(value)s” is not a valid e-mail address.") % {"value": value}
        ) from None
    return address


def _phone(value: str) -> str:
    number = value.removeprefix("tel:").strip()
    if not _PHONE.match(number) or len(number) > MAX_LENGTHS["phone"]:
        raise InvalidValueError(_("“%(value)s” is not a valid phone number.") % {"value": value})
    return number


def _postal_code(value: str) -> str:
    code = re.sub(r"^D[-\s]?", "", value.strip(), flags=re.IGNORECASE)
    if re.fullmatch(r"\d{4}", code):
        code = "0" + code  # spreadsheet programs drop the leading zero (Dresden: 01067)
    if not re.fullmatch(r"\d{5}", code):
        raise InvalidValueError(
            _("“%(value)s” is not a German postal code (five digits).") % {"value": value}
        )
    return code


def _kind(value: str) -> str:
    kind = _kind_lookup(translation.get_language() or "").get(name_key(value))
    if kind is None:
        raise InvalidValueError(
            _("“%(value)s” is not a known kind of organisation. Possible values: %(kinds)s.")
            % {"value": value, "kinds": ", ".join(str(label) for label in OrganisationKind.labels)}
        )
    return kind


@cache
def _kind_lookup(language: str) -> dict[str, str]:
    """Kinds by their value, synonyms and label in the active `language` (the cache key)."""
    lookup = {}
    for kind in OrganisationKind:
        for word in [kind.value, str(kind.label), *_KIND_WORDS[kind]]:
            lookup[name_key(word)] = kind.value
    return lookup


def _state(value: str) -> str:
    state = _STATE_LOOKUP.get(name_key(value))
    if state is None:
        raise InvalidValueError(_("“%(value)s” is not a German federal state.") % {"value": value})
    return state


_STATE_LOOKUP = {
    name_key(word): state.value
    for state in State
    for word in [state.value, state.label, *_STATE_WORDS.get(state, [])]
}


def _sector(value: str) -> str:
    code = wz2008.parse(value) or _SECTOR_TITLES.get(name_key(value))
    if code is None:
        raise InvalidValueError(
            _("“%(value)s” is not a WZ 2008 division (a two-digit number such as 28).")
            % {"value": value}
        )
    return code


_SECTOR_TITLES = {name_key(entry.title): entry.code for entry in wz2008.divisions()}


def _employee_count(value: str) -> int:
    text = re.sub(r"\s", "", value)
    if _THOUSANDS.match(text):
        text = text.replace(".", "")
    match = _WHOLE_NUMBER.match(text)
    if match is None or int(match.group(1)) > MAX_EMPLOYEES:
        raise InvalidValueError(_("“%(value)s” is not a number of employees.") % {"value": value})
    return int(match.group(1))


@lru_cache(maxsize=65_536)  # a company's web address repeats on each of its rows
def _website(value: str) -> str:
    url = value if "://" in value else f"https://{value}"
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        url = ""
    if not url or len(url) > MAX_LENGTHS["website"]:
        raise InvalidValueError(_("“%(value)s” is not a web address.") % {"value": value})
    return url


def _date(value: str) -> date | None:
    if value in _EMPTY_DATES:
        return None
    for pattern in ("%d.%m.%Y", "%d.%m.%y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value.partition("T")[0], pattern).date()
        except ValueError:
            continue
    raise InvalidValueError(_("“%(value)s” is not a date (DD.MM.YYYY).") % {"value": value})


def _tags(value: str) -> list[str]:
    """Outlook separates categories with ";", others with ","; Google's "* myContacts" are system groups."""
    return [
        tag.strip()[: MAX_LENGTHS["tag"]]
        for tag in _TAG_SEPARATORS.split(value)
        if tag.strip() and not tag.strip().startswith("* ")
    ]
