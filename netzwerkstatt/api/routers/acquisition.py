"""The measures catalogue and the needs vocabulary, read-only (the team edits them on the pages)."""

from django.http import HttpRequest
from ninja import Query, Router

from netzwerkstatt.acquisition.selectors import (
    NEEDS_PREFETCH,
    MeasureFilter,
    measure_get,
    measure_list,
    need_get,
    need_list,
)
from netzwerkstatt.api.auth import ApiTokenAuth
from netzwerkstatt.api.schemas.acquisition import MeasureOut, MeasureQuery, NeedOut

from .common import paginated, responses

# Partners see no projects, hence no measures and no needs: every operation answers them 403.
router = Router(tags=["Acquisition"], auth=ApiTokenAuth(permission="view_measures"))


@router.get("/measures", response=responses({200: list[MeasureOut]}, 403), summary="List measures")
@paginated
def list_measures(request: HttpRequest, filters: Query[MeasureQuery]):
    return measure_list(
        scope=request.scope, filters=MeasureFilter(**filters.model_dump())
    ).prefetch_related(NEEDS_PREFETCH)


@router.get(
    "/measures/{measure_id}",
    response=responses({200: MeasureOut}, 403, 404),
    summary="Get a measure",
)
def get_measure(request: HttpRequest, measure_id: int):
    return measure_get(scope=request.scope, pk=measure_id)


@router.get(
    "/needs",
    response=responses({200: list[NeedOut]}, 403),
    summary="List needs",
    description="The workspace's vocabulary of needs, by name.",
)
@paginated
def list_needs(request: HttpRequest):
    return need_list(scope=request.scope)


@router.get("/needs/{need_id}", response=responses({200: NeedOut}, 403, 404), summary="Get a need")
def get_need(request: HttpRequest, need_id: int):
    return need_get(scope=request.scope, pk=need_id)
