"""Warm paths to an organisation or a person, as the pages and the command show them."""

from django.http import HttpRequest
from ninja import Field, Query, Router, Schema

from netzwerkstatt.api.auth import ApiTokenAuth
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.network.paths import MAX_HOPS
from netzwerkstatt.network.warm import DEFAULT_K, MAX_K, paths_json, warm_paths_to

from .common import responses

router = Router(tags=["Warm paths"])
# Warm paths start at the team and show who knows whom: the team's view, not the partners'.
VIEW = ApiTokenAuth(permission="view_team")
DESCRIPTION = f"""\
The `k` best paths from the project team to the target, best first. A path runs from
a team member over persons who could introduce them (at most {MAX_HOPS} ties, never
over someone who declined to open doors); `unasked` lists the persons on it not yet
asked whether they would. `score` is the estimated chance that the introduction
works: the product of each tie's chance from its strength, trust and last contact.
`explanation` says the path in words, in the request's language.
"""


class WarmPathNodeOut(Schema):
    type: str = Field(description="`person` or `organisation`")
    id: int
    label: str


class WarmPathOut(Schema):
    score: float = Field(description="Chance of a successful introduction, 0 … 1.")
    nodes: list[WarmPathNodeOut] = Field(description="From a team member to the target.")
    explanation: str
    unasked: list[WarmPathNodeOut]


class WarmPathsOut(Schema):
    paths: list[WarmPathOut]


class WarmPathQuery(Schema):
    k: int = Field(DEFAULT_K, ge=1, le=MAX_K, description="How many paths.")


@router.get(
    "/organisations/{organisation_id}/warm-paths",
    auth=VIEW,
    response=responses({200: WarmPathsOut}, 403, 404),
    summary="Warm paths to an organisation",
    description=DESCRIPTION,
)
def organisation_warm_paths(
    request: HttpRequest, organisation_id: int, query: Query[WarmPathQuery]
):
    organisation = request.scope.get(Organisation, pk=organisation_id)
    return _paths(request, organisation, k=query.k)


@router.get(
    "/persons/{person_id}/warm-paths",
    auth=VIEW,
    response=responses({200: WarmPathsOut}, 403, 404),
    summary="Warm paths to a person",
    description=DESCRIPTION,
)
def person_warm_paths(request: HttpRequest, person_id: int, query: Query[WarmPathQuery]):
    person = request.scope.get(Person, pk=person_id)
    return _paths(request, person, k=query.k)


def _paths(request: HttpRequest, subject: Person | Organisation, *, k: int) -> dict:
    scope = request.scope
    result = warm_paths_to(scope=scope, subject=subject, k=k, user=scope.user)
    return paths_json(result, explanations=True)
