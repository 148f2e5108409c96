"""The demo network as plain data, built before anything is written to the database.

Builders return these specs; `writer` turns them into rows. Specs refer to each
other by key, so that they can be compared between runs and reused by later
builders (ties, events, networks) without a database.
"""

from dataclasses import dataclass
from datetime import date, datetime

from netzwerkstatt.contacts.enums import OrganisationKind, Salutation
from netzwerkstatt.contacts.services import EmailData, PhoneData
from netzwerkstatt.core.enums import Role

from .geography import Place

# The demo's "today": every generated date lies before it, so the same seed gives
# the same data on every day the demo is loaded.
REFERENCE_DATE = date(2026, 11, 1)


@dataclass(frozen=True)
class OrganisationSpec:
    key: str
    name: str
    kind: OrganisationKind
    place: Place
    street: str
    domain: str  # the .example domain of its website and e-mail addresses
    switchboard: str  # phone number without extension
    legal_form: str = ""
    sector: str = ""
    employee_count: int | None = None
    website: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    is_shared: bool = False


@dataclass(frozen=True)
class FunctionSpec:
    organisation: str  # key of an OrganisationSpec
    role: str
    department: str = ""
    start_date: date | None = None
    end_date: date | None = None


@dataclass(frozen=True)
class PersonSpec:
    key: str
    salutation: Salutation
    first_name: str
    last_name: str
    functions: tuple[FunctionSpec, ...]
    emails: tuple[EmailData, ...]
    phones: tuple[PhoneData, ...]
    title: str = ""
    tags: tuple[str, ...] = ()
    notes: str = ""
    is_shared: bool = False


@dataclass(frozen=True)
class NoteSpec:
    """A timeline note on one organisation or one person, by the demo user with `author`'s role."""

    author: Role
    text: str
    written_at: datetime  # naive, in the demo's local time
    organisation: str = ""
    person: str = ""


@dataclass(frozen=True)
class ContactsPlan:
    organisations: tuple[OrganisationSpec, ...]
    persons: tuple[PersonSpec, ...]
    notes: tuple[NoteSpec, ...]
