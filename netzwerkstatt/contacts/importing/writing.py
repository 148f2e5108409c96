"""Loading the workspace's duplicate keys, and writing an import plan in bulk.

`bulk_create` and `bulk_update` bypass `Model.save()`, so the derived keys the
contact services keep (search and name keys, the lower-cased e-mail key) and
`updated_at` are set here. Every row gets the workspace. The values were checked
when the records were built (`records`), so no `full_clean` runs per object.
"""

from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from itertools import islice

from django.db.models import Model, QuerySet
from django.utils import timezone

from netzwerkstatt.core.scoping import Scope

from ..models import EmailAddress, Function, Organisation, Person, PhoneNumber, Tag
from ..services import organisation_keys, person_keys
from .planning import (
    ORGANISATION_FILLABLE,
    PERSON_FILLABLE,
    ExistingContacts,
    ImportPlan,
    PlannedOrganisation,
    PlannedPerson,
    fill_empty,
)
from .values import phone_digits

BATCH_SIZE = 1000


def existing_contacts(*, scope: Scope) -> ExistingContacts:
    return ExistingContacts(
        organisations={
            (key, postal_code): pk
            for pk, key, postal_code in scope.objects(Organisation).values_list(
                "pk", "name_key", "postal_code"
            )
        },
        emails=dict(scope.objects(EmailAddress).values_list("address_key", "person_id")),
        names={
            (key, organisation): person
            for key, organisation, person in scope.objects(Function).values_list(
                "person__name_key", "organisation_id", "person_id"
            )
        },
    )


def plan_write(*, scope: Scope, plan: ImportPlan) -> None:
    """Create and merge what the plan holds; call inside a transaction."""
    now = timezone.now()
    _create_organisations(scope, plan.new_organisations)
    _create_persons(scope, plan.new_persons)
    if plan.merge:
        _merge_organisations(scope, plan.merged_organisations, now)
        _merge_persons(scope, plan.merged_persons, now)
    persons = [*plan.new_persons, *(plan.merged_persons if plan.merge else [])]
    _create_details(scope, persons)
    _attach_tags(
        scope, plan.new_organisations, persons, plan.merged_organisations if plan.merge else []
    )


def _create_organisations(scope: Scope, planned: Sequence[PlannedOrganisation]) -> None:
    def build(item: PlannedOrganisation) -> Organisation:
        record = item.record
        organisation = Organisation(
            workspace=scope.workspace,
            name=record.name,
            kind=record.kind,
            sector=record.sector,
            employee_count=record.employee_count,
            street=record.street,
            postal_code=record.postal_code,
            city=record.city,
            district=record.district,
            state=record.state,
            website=record.website,
            notes=item.notes,
        )
        organisation_keys(organisation)
        return organisation

    _create_planned(Organisation, planned, build)


def _create_persons(scope: Scope, planned: Sequence[PlannedPerson]) -> None:
    def build(item: PlannedPerson) -> Person:
        record = item.record
        person = Person(
            workspace=scope.workspace,
            salutation=record.salutation,
            title=record.title,
            first_name=record.first_name,
            last_name=record.last_name,
            notes=item.notes,
        )
        person_keys(person, (address for address, _kind in record.emails))
        return person

    _create_planned(Person, planned, build)


def _create_planned(model: type[Model], planned: Sequence, build: Callable) -> None:
    """Create an object for each planned item, a batch at a time, and give the item its key."""
    for start in range(0, len(planned), BATCH_SIZE):
        items = planned[start : start + BATCH_SIZE]
        instances = [build(item) for item in items]
        model.objects.bulk_create(instances)
        for item, instance in zip(items, instances, strict=True):
            item.pk = instance.pk


def _bulk_create(model: type[Model], instances: Iterable[Model], **options) -> None:
    """Create the objects a batch at a time, so that never all of them are in memory."""
    remaining = iter(instances)
    while batch := list(islice(remaining, BATCH_SIZE)):
        model.objects.bulk_create(batch, **options)


def _merge_organisations(
    scope: Scope, planned: Sequence[PlannedOrganisation], now: datetime
) -> None:
    by_pk = {item.pk: item for item in planned}
    changed = []
    for organisation in _in_batches(scope.objects(Organisation), by_pk):
        item = by_pk[organisation.pk]
        if _fill_with_notes(organisation, item.record, ORGANISATION_FILLABLE, notes=item.notes):
            organisation_keys(organisation)
            organisation.updated_at = now
            changed.append(organisation)
    Organisation.objects.bulk_update(
        changed,
        [*ORGANISATION_FILLABLE, "notes", "name_key", "search_key", "updated_at"],
        batch_size=BATCH_SIZE,
    )


def _merge_persons(scope: Scope, planned: Sequence[PlannedPerson], now: datetime) -> None:
    """Fill the existing persons' empty fields; drop phone numbers they already have."""
    by_pk = {item.pk: item for item in planned}
    addresses: dict[int, list[str]] = {}
    emails = scope.objects(EmailAddress).values_list("person_id", "address")
    for person_id, address in _in_batches(emails, by_pk, field="person_id"):
        addresses.setdefault(person_id, []).append(address)
    phones = scope.objects(PhoneNumber).values_list("person_id", "number")
    known_phones = {
        (person_id, phone_digits(number))
        for person_id, number in _in_batches(phones, by_pk, field="person_id")
    }
    changed = []
    for person in _in_batches(scope.objects(Person), by_pk):
        item = by_pk[person.pk]
        item.record.phones = [
            phone
            for phone in item.record.phones
            if (person.pk, phone_digits(phone[0])) not in known_phones
        ]
        filled = _fill_with_notes(person, item.record, PERSON_FILLABLE, notes=item.notes)
        if filled or item.record.emails:
            emails = [*addresses.get(person.pk, []), *(a for a, _kind in item.record.emails)]
            person_keys(person, emails)
            person.updated_at = now
            changed.append(person)
    Person.objects.bulk_update(
        changed,
        [*PERSON_FILLABLE, "notes", "name_key", "search_key", "updated_at"],
        batch_size=BATCH_SIZE,
    )


def _create_details(scope: Scope, persons: Sequence[PlannedPerson]) -> None:
    workspace = scope.workspace
    _bulk_create(
        EmailAddress,
        (
            EmailAddress(
                workspace=workspace,
                person_id=person.pk,
                address=address,
                address_key=address.lower(),
                kind=kind,
            )
            for person in persons
            for address, kind in person.record.emails
        ),
    )
    _bulk_create(
        PhoneNumber,
        (
            PhoneNumber(workspace=workspace, person_id=person.pk, number=number, kind=kind)
            for person in persons
            for number, kind in person.record.phones
        ),
    )
    _bulk_create(
        Function,
        (
            Function(
                workspace=workspace,
                person_id=person.pk,
                organisation_id=function.organisation.pk,
                role=function.role,
                department=function.department,
                start_date=function.start_date,
            )
            for person in persons
            for function in person.functions
        ),
    )


def _attach_tags(
    scope: Scope,
    new_organisations: Sequence[PlannedOrganisation],
    persons: Sequence[PlannedPerson],
    merged_organisations: Sequence[PlannedOrganisation],
) -> None:
    organisations = [*new_organisations, *merged_organisations]
    names = {name for item in [*organisations, *persons] for name in item.tags}
    if not names:
        return
    tags = dict(scope.objects(Tag).values_list("name", "pk"))
    missing = [Tag(workspace=scope.workspace, name=name) for name in names - tags.keys()]
    _bulk_create(Tag, missing)
    tags.update((tag.name, tag.pk) for tag in missing)
    for model, items, owner in (
        (Organisation, organisations, "organisation_id"),
        (Person, persons, "person_id"),
    ):
        through = model.tags.through
        _bulk_create(
            through,
            (
                through(**{owner: item.pk, "tag_id": tags[name]})
                for item in items
                for name in item.tags
            ),
            ignore_conflicts=True,  # a merged contact may have the tag already
        )


def _in_batches(queryset: QuerySet, by_pk: dict, *, field: str = "pk") -> Iterator:
    """The queryset's rows whose `field` is one of the keys of `by_pk`, a batch at a time."""
    pks = list(by_pk)
    for start in range(0, len(pks), BATCH_SIZE):
        yield from queryset.filter(**{f"{field}__in": pks[start : start + BATCH_SIZE]})


def _fill_with_notes(instance: Model, record, names: Sequence[str], *, notes: str) -> bool:
    filled = fill_empty(instance, record, names)
    if notes and not instance.notes:
        instance.notes = notes
        filled = True
    return filled
