from django.http import HttpRequest
from ninja import Query, Router
from ninja.responses import Status

from netzwerkstatt.api.auth import ApiTokenAuth
from netzwerkstatt.api.schemas.common import PatchDict
from netzwerkstatt.api.schemas.ties import NodeIn, TieIn, TieOut, TieQuery, TieUpdateIn
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.selectors import TieFilter, tie_get, tie_list
from netzwerkstatt.network.services import tie_delete, tie_save, tie_update

from .common import paginated, responses

router = Router(tags=["Ties"])
# Partners read the ties between contacts shared with them (without trust and notes).
CHANGE = ApiTokenAuth(permission="change_network")
NODE_MODELS = {"person": Person, "organisation": Organisation}


def node_get(*, scope: Scope, node: NodeIn) -> Person | Organisation:
    """The person or organisation named in a body; 404 when it is not in the scope."""
    return scope.get(NODE_MODELS[node.type], pk=node.id)


def project_get(*, scope: Scope, project: int | None) -> Project | None:
    return None if project is None else scope.get(Project, pk=project)


@router.get("", response=responses({200: list[TieOut]}), summary="List ties")
@paginated
def list_ties(request: HttpRequest, filters: Query[TieQuery]):
    return tie_list(scope=request.scope, filters=TieFilter(**filters.model_dump()))


@router.post(
    "",
    auth=CHANGE,
    response=responses({200: TieOut, 201: TieOut}, 403, 404),
    summary="Record a tie",
    description="Creates the tie (201), or strengthens the one of this kind between these ends "
    "(200): strength and trust become the higher, `since` the earlier, `last_contact` the later "
    "of old and new; a note is appended. Undirected kinds are one tie whichever end comes first.",
)
def create_tie(request: HttpRequest, payload: TieIn):
    scope = request.scope
    values = payload.model_dump(exclude={"source", "target", "project"})
    tie, created = tie_save(
        scope=scope,
        source=node_get(scope=scope, node=payload.source),
        target=node_get(scope=scope, node=payload.target),
        project=project_get(scope=scope, project=payload.project),
        **values,
    )
    return Status(201 if created else 200, tie_get(scope=scope, pk=tie.pk))


@router.get("/{tie_id}", response=responses({200: TieOut}, 404), summary="Get a tie")
def get_tie(request: HttpRequest, tie_id: int):
    return tie_get(scope=request.scope, pk=tie_id)


@router.patch(
    "/{tie_id}",
    auth=CHANGE,
    response=responses({200: TieOut}, 403, 404),
    summary="Change a tie",
    description="Changes the given fields only; the ends stay (delete and record anew).",
)
def update_tie(request: HttpRequest, tie_id: int, payload: PatchDict[TieUpdateIn]):
    scope = request.scope
    tie = tie_get(scope=scope, pk=tie_id)
    fields = dict(payload)
    if "project" in fields:
        fields["project"] = project_get(scope=scope, project=fields["project"])
    tie_update(scope=scope, tie=tie, **fields)
    return tie_get(scope=scope, pk=tie_id)


@router.delete(
    "/{tie_id}", auth=CHANGE, response=responses({204: None}, 403, 404), summary="Delete a tie"
)
def delete_tie(request: HttpRequest, tie_id: int):
    tie_delete(scope=request.scope, tie=tie_get(scope=request.scope, pk=tie_id))
    return Status(204, None)
