"""Deciding, row by row, what an import creates, reuses and merges, before anything is written.

Duplicates are found with the rules of the product: the same e-mail address
(case-insensitively), the same normalised person name at the same organisation,
the same normalised organisation name at the same postal code. Rows are
compared with the workspace's contacts and with the file's earlier rows, so a
contact that appears twice in the file is created once. Plain data in and out:
what exists is handed in as `ExistingContacts`.
"""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..normalise import name_key
from .enums import DuplicatePolicy
from .records import ContactRecord, OrganisationRecord, PersonRecord
from .values import phone_digits

# Fields a merge may fill; names are what a duplicate is recognised by, the kind has a default.
PERSON_FILLABLE = ("salutation", "title", "first_name")
ORGANISATION_FILLABLE = (
    "sector", "employee_count", "street", "postal_code", "city", "district", "state", "website",
)  # fmt: skip

# An organisation's name repeats on the row of each of its people; fold it once.
_organisation_key = lru_cache(maxsize=65_536)(name_key)


@dataclass(frozen=True)
class ExistingContacts:
    """The workspace's duplicate keys, loaded once before planning."""

    organisations: dict[tuple[str, str], int]  # (name key, postal code) → organisation pk
    emails: dict[str, int]  # lower-cased address → person pk
    names: dict[tuple[str, int], int]  # (person name key, organisation pk) → person pk

    @property
    def links(self) -> set[tuple[int, int]]:
        return {(person, organisation) for (_name, organisation), person in self.names.items()}


@dataclass(eq=False)
class PlannedOrganisation:
    """A new organisation, or an existing one (`pk`) and what a merge fills in."""

    record: OrganisationRecord
    pk: int | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)


@dataclass(eq=False)
class PlannedFunction:
    organisation: PlannedOrganisation
    role: str
    department: str
    start_date: date | None


@dataclass(eq=False)
class PlannedPerson:
    """A new person, or an existing one (`pk`) and what a merge adds to them."""

    record: PersonRecord
    pk: int | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    functions: list[PlannedFunction] = field(default_factory=list)


class _OrganisationIndex:
    """Organisations by name key and postal code, where a missing postal code means unknown.

    A row without a postal code matches the one organisation of that name; a row
    with one also matches that name known without a postal code. Existing
    organisations are held by primary key, new ones as planned objects.
    """

    def __init__(self, existing: dict[tuple[str, str], int]):
        self.by_key: dict[tuple[str, str], int | PlannedOrganisation] = dict(existing)
        self.by_name: dict[str, set[int | PlannedOrganisation]] = {}
        for (name, _postal_code), pk in existing.items():
            self.by_name.setdefault(name, set()).add(pk)

    def find(self, name: str, postal_code: str) -> int | PlannedOrganisation | None:
        found = self.by_key.get((name, postal_code))
        if found is None and postal_code:
            found = self.by_key.get((name, ""))
        if found is None and not postal_code and len(self.by_name.get(name, ())) == 1:
            (found,) = self.by_name[name]
        return found

    def add(self, name: str, postal_code: str, organisation: int | PlannedOrganisation) -> None:
        self.by_key.setdefault((name, postal_code), organisation)
        self.by_name.setdefault(name, set()).add(organisation)


class ImportPlan:
    def __init__(self, *, existing: ExistingContacts, duplicates: DuplicatePolicy):
        self.merge = duplicates == DuplicatePolicy.MERGE
        self.existing = existing
        self.organisation_index = _OrganisationIndex(existing.organisations)
        self.organisations_by_pk: dict[int, PlannedOrganisation] = {}
        self.persons_by_pk: dict[int, PlannedPerson] = {}
        self.emails: dict[str, PlannedPerson] = {}
        self.names: dict[tuple[str, int], PlannedPerson] = {}
        self.links: set[tuple[int, int]] = existing.links
        self.new_organisations: list[PlannedOrganisation] = []
        self.new_persons: list[PlannedPerson] = []
        self.duplicates = 0

    @property
    def merged_organisations(self) -> list[PlannedOrganisation]:
        return list(self.organisations_by_pk.values())

    @property
    def merged_persons(self) -> list[PlannedPerson]:
        return list(self.persons_by_pk.values())

    def add(self, record: ContactRecord) -> None:
        organisation, found = self._organisation(record.organisation)
        if record.person is None:
            self.duplicates += int(found)
            if organisation is not None and (self.merge or not found):
                _add_notes_and_tags(organisation, record)
            return
        person = self._find_person(record.person, organisation)
        if person is None:
            person = PlannedPerson(record=record.person)
            self.new_persons.append(person)
            self._take(person, record, organisation)
        else:
            self.duplicates += 1
            if self.merge:
                fill_empty(person.record, record.person, PERSON_FILLABLE)
                self._take(person, record, organisation)

    def _organisation(
        self, record: OrganisationRecord | None
    ) -> tuple[PlannedOrganisation | None, bool]:
        """The planned organisation for the row and whether it existed before the row."""
        if record is None:
            return None, False
        key = _organisation_key(record.name)
        found = self.organisation_index.find(key, record.postal_code)
        if found is None:
            organisation = PlannedOrganisation(record=record)
            self.new_organisations.append(organisation)
            self.organisation_index.add(key, record.postal_code, organisation)
            return organisation, False
        if isinstance(found, int):
            organisation = self.organisations_by_pk.setdefault(
                found, PlannedOrganisation(record=OrganisationRecord(name=record.name), pk=found)
            )
        else:
            organisation = found
        if self.merge and fill_empty(organisation.record, record, ORGANISATION_FILLABLE):
            self.organisation_index.add(key, organisation.record.postal_code, found)
        return organisation, True

    def _find_person(
        self, record: PersonRecord, organisation: PlannedOrganisation | None
    ) -> PlannedPerson | None:
        for address, _kind in record.emails:
            person = self.emails.get(address.lower()) or self._existing_person(
                self.existing.emails.get(address.lower())
            )
            if person is not None:
                return person
        if organisation is None:
            return None
        key = (name_key(record.first_name, record.last_name), _identity(organisation))
        return self.names.get(key) or self._existing_person(
            self.existing.names.get(key) if organisation.pk else None
        )

    def _existing_person(self, pk: int | None) -> PlannedPerson | None:
        if pk is None:
            return None
        if pk not in self.persons_by_pk:
            blank = PersonRecord(
                salutation="", title="", first_name="", last_name="", emails=[], phones=[]
            )
            self.persons_by_pk[pk] = PlannedPerson(record=blank, pk=pk)
        return self.persons_by_pk[pk]

    def _take(
        self, person: PlannedPerson, record: ContactRecord, organisation: PlannedOrganisation | None
    ) -> None:
        """Add the row's e-mails, phones, function, notes and tags to the person and the indexes."""
        known_phones = {phone_digits(number) for number, _kind in person.record.phones}
        if person.record is not record.person:
            person.record.emails.extend(
                email
                for email in record.person.emails
                if email[0].lower() not in self.emails
                and email[0].lower() not in self.existing.emails
            )
            person.record.phones.extend(
                phone
                for phone in record.person.phones
                if phone_digits(phone[0]) not in known_phones
            )
        for address, _kind in person.record.emails:
            self.emails.setdefault(address.lower(), person)
        _add_notes_and_tags(person, record)
        if organisation is None:
            return
        # Under the row's spelling of the name: an existing person's record holds only the merge.
        row_name = name_key(record.person.first_name, record.person.last_name)
        self.names.setdefault((row_name, _identity(organisation)), person)
        link = (_identity(person), _identity(organisation))
        if link not in self.links:
            self.links.add(link)
            person.functions.append(
                PlannedFunction(organisation, record.role, record.department, record.start_date)
            )


def _identity(planned: PlannedOrganisation | PlannedPerson) -> int:
    """Existing contacts by primary key, new ones by a negative number unique while planning."""
    return planned.pk if planned.pk is not None else -id(planned)


def fill_empty(target, source, names: tuple[str, ...]) -> bool:
    """Copy the source's values into the target's empty fields; never overwrite a value."""
    filled = False
    for name in names:
        value = getattr(source, name)
        if getattr(target, name) in ("", None) and value not in ("", None):
            setattr(target, name, value)
            filled = True
    return filled


def _add_notes_and_tags(target: PlannedPerson | PlannedOrganisation, record: ContactRecord) -> None:
    if record.notes and not target.notes:
        target.notes = record.notes
    target.tags.extend(tag for tag in record.tags if tag not in target.tags)
