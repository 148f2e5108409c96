"""Writes to contacts: every create, change and delete goes through here.

Each service checks the scope's permission, validates with `full_clean`, keeps the
derived search and duplicate keys current and records the action in the activity log.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record, data_version_bump

from .enums import EmailKind, PhoneKind
from .models import EmailAddress, Function, Note, Organisation, Person, PhoneNumber, Tag
from .normalise import fold, name_key

ORGANISATION_FIELDS = (
    "name", "kind", "sector", "employee_count", "street", "postal_code", "city",
    "district", "state", "website", "notes", "is_shared",
)  # fmt: skip
# Raised on every write to organisations, persons and their functions (see DataVersion).
DATA_TOPIC = "contacts"
PERSON_FIELDS = (
    "salutation", "title", "first_name", "last_name", "door_opener", "notes", "is_shared",
)  # fmt: skip


@dataclass(frozen=True)
class EmailData:
    address: str
    kind: str = EmailKind.WORK


@dataclass(frozen=True)
class PhoneData:
    number: str
    kind: str = PhoneKind.WORK


@dataclass(frozen=True)
class FunctionData:
    organisation: Organisation
    role: str = ""
    department: str = ""
    start_date: date | None = None
    end_date: date | None = None


def organisation_keys(organisation: Organisation) -> None:
    """Set the derived search and duplicate keys from the organisation's fields."""
    organisation.name_key = name_key(organisation.name)[:300]  # "ß" folds to two letters
    organisation.search_key = fold(
        " ".join(
            (organisation.name, organisation.city, organisation.postal_code, organisation.district)
        )
    )[:600]


def person_keys(person: Person, emails: Iterable[str]) -> None:
    """Set the derived search and duplicate keys from the person's names and e-mails."""
    person.name_key = name_key(person.first_name, person.last_name)[:300]
    person.search_key = fold(" ".join((person.first_name, person.last_name, *emails)))[:600]


def contacts_changed(*, scope: Scope) -> None:
    """Tell caches derived from contacts (e.g. the relationship graph) that they are stale."""
    data_version_bump(workspace=scope.workspace, topic=DATA_TOPIC)


def tags_resolve(*, scope: Scope, names: Iterable[str]) -> list[Tag]:
    """The workspace's tags with these names, created where missing."""
    wanted = {name.strip()[:100] for name in names if name and name.strip()}
    existing = {tag.name: tag for tag in scope.objects(Tag).filter(name__in=wanted)}
    for name in wanted - existing.keys():
        existing[name] = Tag.objects.create(workspace=scope.workspace, name=name)
    return sorted(existing.values(), key=lambda tag: tag.name)


@transaction.atomic
def organisation_create(*, scope: Scope, tags: Sequence[str] = (), **fields) -> Organisation:
    require(scope, "change_contacts")
    organisation = Organisation(workspace=scope.workspace, **fields)
    organisation_keys(organisation)
    organisation.full_clean()
    organisation.save()
    organisation.tags.set(tags_resolve(scope=scope, names=tags))
    activity_record(scope=scope, action=Action.CREATED, target=organisation)
    contacts_changed(scope=scope)
    return organisation


@transaction.atomic
def organisation_update(
    *, scope: Scope, organisation: Organisation, tags: Sequence[str] | None = None, **fields
) -> Organisation:
    require(scope, "change_contacts")
    changed = assign(organisation, fields, allowed=ORGANISATION_FIELDS)
    organisation_keys(organisation)
    organisation.full_clean()
    organisation.save()
    if tags is not None and _set_tags(scope, organisation, tags):
        changed.append("tags")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=organisation, details={"fields": changed}
        )
        contacts_changed(scope=scope)
    return organisation


@transaction.atomic
def organisation_delete(*, scope: Scope, organisation: Organisation) -> None:
    require(scope, "delete_contacts")
    activity_record(scope=scope, action=Action.DELETED, target=organisation)
    organisation.delete()
    contacts_changed(scope=scope)


@transaction.atomic
def person_create(
    *,
    scope: Scope,
    emails: Sequence[EmailData] = (),
    phones: Sequence[PhoneData] = (),
    functions: Sequence[FunctionData] = (),
    tags: Sequence[str] = (),
    **fields,
) -> Person:
    require(scope, "change_contacts")
    person = Person(workspace=scope.workspace, **fields)
    person_keys(person, (email.address for email in emails))
    person.full_clean()
    person.save()
    _replace_details(scope, person, emails=emails, phones=phones, functions=functions)
    person.tags.set(tags_resolve(scope=scope, names=tags))
    activity_record(scope=scope, action=Action.CREATED, target=person)
    contacts_changed(scope=scope)
    return person


@transaction.atomic
def person_update(
    *,
    scope: Scope,
    person: Person,
    emails: Sequence[EmailData] | None = None,
    phones: Sequence[PhoneData] | None = None,
    functions: Sequence[FunctionData] | None = None,
    tags: Sequence[str] | None = None,
    **fields,
) -> Person:
    """Change a person; given `emails`, `phones`, `functions` or `tags` replace the old ones."""
    require(scope, "change_contacts")
    changed = assign(person, fields, allowed=PERSON_FIELDS)
    if emails is not None and sorted(e.address.lower() for e in emails) != sorted(
        person.emails.values_list("address_key", flat=True)
    ):
        changed.append("emails")
    addresses = (
        [email.address for email in emails]
        if emails is not None
        else list(person.emails.values_list("address", flat=True))
    )
    person_keys(person, addresses)
    person.full_clean()
    person.save()
    _replace_details(scope, person, emails=emails, phones=phones, functions=functions)
    changed += [
        name for name, value in (("phones", phones), ("functions", functions)) if value is not None
    ]
    if tags is not None and _set_tags(scope, person, tags):
        changed.append("tags")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=person, details={"fields": changed}
        )
        contacts_changed(scope=scope)
    return person


@transaction.atomic
def person_delete(*, scope: Scope, person: Person) -> None:
    require(scope, "delete_contacts")
    activity_record(scope=scope, action=Action.DELETED, target=person)
    person.delete()
    contacts_changed(scope=scope)


@transaction.atomic
def note_create(*, scope: Scope, subject: Organisation | Person, text: str) -> Note:
    require(scope, "change_contacts")
    if subject.workspace_id != scope.workspace.pk:
        raise ValidationError(_("The note's subject belongs to another workspace."))
    note = Note(workspace=scope.workspace, author=scope.user, text=text.strip())
    if isinstance(subject, Organisation):
        note.organisation = subject
    else:
        note.person = subject
    note.full_clean()
    note.save()
    activity_record(scope=scope, action=Action.NOTED, target=subject, details={"note": note.pk})
    return note


@transaction.atomic
def note_update(*, scope: Scope, note: Note, text: str) -> Note:
    require(scope, "change_contacts")
    note.text = text.strip()
    # The author is None once their account is deleted (SET_NULL); the note stays editable.
    note.full_clean(exclude=["author"])
    note.save()
    activity_record(scope=scope, action=Action.UPDATED, target=note)
    return note


@transaction.atomic
def note_delete(*, scope: Scope, note: Note) -> None:
    require(scope, "change_contacts")
    activity_record(scope=scope, action=Action.DELETED, target=note)
    note.delete()


def _set_tags(scope: Scope, contact, names: Sequence[str]) -> bool:
    tags = tags_resolve(scope=scope, names=names)
    if {tag.pk for tag in tags} == set(contact.tags.values_list("pk", flat=True)):
        return False
    contact.tags.set(tags)
    return True


def _replace_details(
    scope: Scope,
    person: Person,
    *,
    emails: Sequence[EmailData] | None,
    phones: Sequence[PhoneData] | None,
    functions: Sequence[FunctionData] | None,
) -> None:
    """Replace the person's e-mails, phones and functions with the given ones (None: keep)."""
    workspace = scope.workspace
    if emails is not None:
        person.emails.all().delete()
        for email in emails:
            _validated_save(
                EmailAddress(
                    workspace=workspace,
                    person=person,
                    address=email.address.strip(),
                    kind=email.kind,
                )
            )
    if phones is not None:
        person.phones.all().delete()
        for phone in phones:
            _validated_save(
                PhoneNumber(
                    workspace=workspace, person=person, number=phone.number.strip(), kind=phone.kind
                )
            )
    if functions is not None:
        person.functions.all().delete()
        for function in functions:
            if function.organisation.workspace_id != workspace.pk:
                raise ValidationError(_("The organisation belongs to another workspace."))
            _validated_save(
                Function(
                    workspace=workspace,
                    person=person,
                    organisation=function.organisation,
                    role=function.role,
                    department=function.department,
                    start_date=function.start_date,
                    end_date=function.end_date,
                )
            )


def _validated_save(instance) -> None:
    instance.full_clean()
    instance.save()
