from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from netzwerkstatt.api.schemas.common import PatchDict
from netzwerkstatt.api.schemas.organisations import (
    OrganisationIn,
    OrganisationOut,
    OrganisationQuery,
)
from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.contacts.selectors import organisation_list
from netzwerkstatt.contacts.services import (
    organisation_create,
    organisation_delete,
    organisation_update,
)

from .common import paginated, responses

router = Router(tags=["Organisations"])


@router.get("", response=responses({200: list[OrganisationOut]}), summary="List organisations")
@paginated
def list_organisations(request: HttpRequest, filters: Query[OrganisationQuery]):
    return organisation_list(scope=request.scope, filters=filters.to_filter()).prefetch_related(
        "tags"
    )


@router.post("", response=responses({201: OrganisationOut}, 403), summary="Create an organisation")
def create_organisation(request: HttpRequest, payload: OrganisationIn):
    return Status(201, organisation_create(scope=request.scope, **payload.model_dump()))


@router.get(
    "/{organisation_id}",
    response=responses({200: OrganisationOut}, 404),
    summary="Get an organisation",
)
def get_organisation(request: HttpRequest, organisation_id: int):
    return request.scope.get(Organisation, pk=organisation_id)


@router.patch(
    "/{organisation_id}",
    response=responses({200: OrganisationOut}, 403, 404),
    summary="Change an organisation",
    description="Changes the given fields only; `tags`, if given, replace the old ones.",
)
def update_organisation(
    request: HttpRequest, organisation_id: int, payload: PatchDict[OrganisationIn]
):
    organisation = request.scope.get(Organisation, pk=organisation_id)
    return organisation_update(scope=request.scope, organisation=organisation, **payload)


@router.delete(
    "/{organisation_id}",
    response=responses({204: None}, 403, 404),
    summary="Delete an organisation",
)
def delete_organisation(request: HttpRequest, organisation_id: int):
    organisation = request.scope.get(Organisation, pk=organisation_id)
    organisation_delete(scope=request.scope, organisation=organisation)
    return Status(204, None)
