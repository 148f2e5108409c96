"""Writes a contacts plan into a workspace with a few bulk inserts per table.

`bulk_create` skips `save()` and the services, so this sets what they would: the
search and duplicate keys and the lower-cased e-mail keys. It also dates the
timeline notes, which `auto_now_add` would otherwise all date to now.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from django.utils import timezone

from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Note,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)
from netzwerkstatt.contacts.services import organisation_keys, person_keys
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Project, User, Workspace
from netzwerkstatt.core.scoping import Scope

from .geography import STATE
from .specs import ContactsPlan, NoteSpec, OrganisationSpec, PersonSpec

BATCH_SIZE = 500


@dataclass(frozen=True)
class WrittenContacts:
    organisations: dict[str, Organisation]  # by spec key
    persons: dict[str, Person]
    notes: list[Note]


def contacts_write(
    *, workspace: Workspace, plan: ContactsPlan, authors: Mapping[Role, User]
) -> WrittenContacts:
    tags = _tags_write(workspace, plan)
    organisations = {spec.key: _organisation(workspace, spec) for spec in plan.organisations}
    Organisation.objects.bulk_create(organisations.values(), batch_size=BATCH_SIZE)
    persons = {spec.key: _person(workspace, spec) for spec in plan.persons}
    Person.objects.bulk_create(persons.values(), batch_size=BATCH_SIZE)
    _tagging_write(Organisation, organisations, plan.organisations, tags)
    _tagging_write(Person, persons, plan.persons, tags)
    _details_write(workspace, plan.persons, persons, organisations)
    notes = [_note(workspace, spec, organisations, persons, authors) for spec in plan.notes]
    Note.objects.bulk_create(notes, batch_size=BATCH_SIZE)
    for note, spec in zip(notes, plan.notes, strict=True):
        note.created_at = timezone.make_aware(spec.written_at)
    Note.objects.bulk_update(notes, ["created_at"], batch_size=BATCH_SIZE)
    return WrittenContacts(organisations=organisations, persons=persons, notes=notes)


def _tags_write(workspace: Workspace, plan: ContactsPlan) -> dict[str, Tag]:
    names = sorted({name for spec in (*plan.organisations, *plan.persons) for name in spec.tags})
    tags = [Tag(workspace=workspace, name=name) for name in names]
    Tag.objects.bulk_create(tags)
    return {tag.name: tag for tag in tags}


def _tagging_write(
    model: type[Organisation | Person],
    objects: Mapping[str, Organisation | Person],
    specs: Iterable[OrganisationSpec | PersonSpec],
    tags: Mapping[str, Tag],
) -> None:
    through = model.tags.through
    contact_field = f"{model._meta.model_name}_id"
    through.objects.bulk_create(
        [
            through(**{contact_field: objects[spec.key].pk, "tag_id": tags[name].pk})
            for spec in specs
            for name in spec.tags
        ],
        batch_size=BATCH_SIZE,
    )


def _organisation(workspace: Workspace, spec: OrganisationSpec) -> Organisation:
    organisation = Organisation(
        workspace=workspace,
        name=spec.name,
        kind=spec.kind,
        sector=spec.sector,
        employee_count=spec.employee_count,
        street=spec.street,
        postal_code=spec.place.town.postal_code,
        city=spec.place.town.name,
        district=spec.place.district.name,
        state=STATE,
        website=spec.website,
        notes=spec.notes,
        is_shared=spec.is_shared,
    )
    organisation_keys(organisation)
    return organisation


def _person(workspace: Workspace, spec: PersonSpec) -> Person:
    person = Person(
        workspace=workspace,
        salutation=spec.salutation,
        title=spec.title,
        first_name=spec.first_name,
        last_name=spec.last_name,
        notes=spec.notes,
        is_shared=spec.is_shared,
    )
    person_keys(person, [email.address for email in spec.emails])
    return person


def _details_write(
    workspace: Workspace,
    specs: Iterable[PersonSpec],
    persons: Mapping[str, Person],
    organisations: Mapping[str, Organisation],
) -> None:
    functions, emails, phones = [], [], []
    for spec in specs:
        person = persons[spec.key]
        functions += [
            Function(
                workspace=workspace,
                person=person,
                organisation=organisations[function.organisation],
                role=function.role,
                department=function.department,
                start_date=function.start_date,
                end_date=function.end_date,
            )
            for function in spec.functions
        ]
        emails += [
            EmailAddress(
                workspace=workspace,
                person=person,
                address=email.address,
                address_key=email.address.lower(),
                kind=email.kind,
            )
            for email in spec.emails
        ]
        phones += [
            PhoneNumber(workspace=workspace, person=person, number=phone.number, kind=phone.kind)
            for phone in spec.phones
        ]
    Function.objects.bulk_create(functions, batch_size=BATCH_SIZE)
    EmailAddress.objects.bulk_create(emails, batch_size=BATCH_SIZE)
    PhoneNumber.objects.bulk_create(phones, batch_size=BATCH_SIZE)


def _note(
    workspace: Workspace,
    spec: NoteSpec,
    organisations: Mapping[str, Organisation],
    persons: Mapping[str, Person],
    authors: Mapping[Role, User],
) -> Note:
    return Note(
        workspace=workspace,
        author=authors[spec.author],
        organisation=organisations[spec.organisation] if spec.organisation else None,
        person=persons[spec.person] if spec.person else None,
        text=spec.text,
    )


class StepWriter:
    """What the steps after the contacts write with: the workspace, its logins by role,
    the projects by name and the contacts by their plan keys."""

    def __init__(
        self,
        *,
        workspace: Workspace,
        users: Mapping[Role, User],
        projects: Mapping[str, Project],
        organisations: Mapping[str, Organisation],
        persons: Mapping[str, Person],
    ):
        self.workspace = workspace
        self.users = users
        self.projects = projects
        self.organisations = organisations
        self.persons = persons

    def scope(self, role: Role) -> Scope:
        """The demo user of that role, acting in the demo workspace."""
        return Scope(workspace=self.workspace, role=role, user=self.users[role])
