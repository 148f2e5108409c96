from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from netzwerkstatt.api.schemas.common import PatchDict
from netzwerkstatt.api.schemas.persons import PersonIn, PersonOut, PersonQuery
from netzwerkstatt.api.selectors import person_get
from netzwerkstatt.audit.services import audit_viewed
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.contacts.selectors import person_list, person_prefetches
from netzwerkstatt.contacts.services import (
    EmailData,
    FunctionData,
    PhoneData,
    person_create,
    person_delete,
    person_update,
)
from netzwerkstatt.core.scoping import Scope

from .common import paginated, responses

router = Router(tags=["Persons"])


def person_fields(*, scope: Scope, payload: dict) -> dict:
    """The payload as the person services take it; functions' organisations looked up in scope."""
    fields = dict(payload)
    if fields.get("emails") is not None:
        fields["emails"] = [EmailData(**email) for email in fields["emails"]]
    if fields.get("phones") is not None:
        fields["phones"] = [PhoneData(**phone) for phone in fields["phones"]]
    if fields.get("functions") is not None:
        fields["functions"] = [
            FunctionData(
                **{**function, "organisation": scope.get(Organisation, pk=function["organisation"])}
            )
            for function in fields["functions"]
        ]
    return fields


@router.get("", response=responses({200: list[PersonOut]}), summary="List persons")
@paginated
def list_persons(request: HttpRequest, filters: Query[PersonQuery]):
    scope = request.scope
    return person_list(scope=scope, filters=filters.to_filter()).prefetch_related(
        *person_prefetches(scope=scope)
    )


@router.post(
    "",
    response=responses({201: PersonOut}, 403, 404),
    summary="Create a person",
    description="With e-mail addresses, phone numbers and functions at organisations.",
)
def create_person(request: HttpRequest, payload: PersonIn):
    scope = request.scope
    person = person_create(scope=scope, **person_fields(scope=scope, payload=payload.model_dump()))
    return Status(201, person_get(scope=scope, pk=person.pk))


@router.get("/{person_id}", response=responses({200: PersonOut}, 404), summary="Get a person")
def get_person(request: HttpRequest, person_id: int):
    person = person_get(scope=request.scope, pk=person_id)
    audit_viewed(scope=request.scope, target=person)
    return person


@router.patch(
    "/{person_id}",
    response=responses({200: PersonOut}, 403, 404),
    summary="Change a person",
    description="Changes the given fields only; `emails`, `phones`, `functions` and `tags`, "
    "if given, replace the old ones.",
)
def update_person(request: HttpRequest, person_id: int, payload: PatchDict[PersonIn]):
    scope = request.scope
    person = scope.get(Person, pk=person_id)
    person_update(scope=scope, person=person, **person_fields(scope=scope, payload=payload))
    return person_get(scope=scope, pk=person.pk)


@router.delete("/{person_id}", response=responses({204: None}, 403, 404), summary="Delete a person")
def delete_person(request: HttpRequest, person_id: int):
    person_delete(scope=request.scope, person=request.scope.get(Person, pk=person_id))
    return Status(204, None)
