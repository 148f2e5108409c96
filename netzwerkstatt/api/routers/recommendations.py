from django.http import HttpRequest
from django.utils import timezone
from ninja import Query, Router
from ninja.responses import Status

from netzwerkstatt.api.auth import ApiTokenAuth
from netzwerkstatt.api.schemas.recommendations import (
    OutcomeIn,
    RecommendationIn,
    RecommendationOut,
    RecommendationQuery,
)
from netzwerkstatt.contacts.models import Person
from netzwerkstatt.network.selectors import (
    RecommendationFilter,
    recommendation_get,
    recommendation_list,
)
from netzwerkstatt.network.services import (
    recommendation_create,
    recommendation_delete,
    recommendation_set_outcome,
)

from .common import paginated, responses
from .ties import node_get, project_get

# Recommendations are not shared with partners: every operation answers them 403.
router = Router(tags=["Recommendations"], auth=ApiTokenAuth(permission="view_recommendations"))
CHANGE = ApiTokenAuth(permission="change_network")


@router.get(
    "", response=responses({200: list[RecommendationOut]}, 403), summary="List recommendations"
)
@paginated
def list_recommendations(request: HttpRequest, filters: Query[RecommendationQuery]):
    return recommendation_list(
        scope=request.scope, filters=RecommendationFilter(**filters.model_dump())
    )


@router.post(
    "",
    auth=CHANGE,
    response=responses({201: RecommendationOut}, 403, 404),
    summary="Record a recommendation",
    description="Also records the ties it implies: the recommender knows the persons among "
    "subject and recipient; an outcome `conversation` or `cooperation` ties subject and recipient.",
)
def create_recommendation(request: HttpRequest, payload: RecommendationIn):
    scope = request.scope
    values = payload.model_dump(exclude={"recommender", "subject", "recipient", "project"})
    recommendation = recommendation_create(
        scope=scope,
        recommender=scope.get(Person, pk=payload.recommender),
        subject=node_get(scope=scope, node=payload.subject),
        recipient=node_get(scope=scope, node=payload.recipient),
        project=project_get(scope=scope, project=payload.project),
        **values,
    )
    return Status(201, recommendation_list(scope=scope).get(pk=recommendation.pk))


@router.get(
    "/{recommendation_id}",
    response=responses({200: RecommendationOut}, 403, 404),
    summary="Get a recommendation",
)
def get_recommendation(request: HttpRequest, recommendation_id: int):
    return recommendation_get(scope=request.scope, pk=recommendation_id)


@router.patch(
    "/{recommendation_id}",
    auth=CHANGE,
    response=responses({200: RecommendationOut}, 403, 404),
    summary="Set a recommendation's outcome",
    description="Records the ties the outcome implies; ties recorded earlier stay.",
)
def set_recommendation_outcome(request: HttpRequest, recommendation_id: int, payload: OutcomeIn):
    scope = request.scope
    recommendation = recommendation_get(scope=scope, pk=recommendation_id)
    recommendation_set_outcome(
        scope=scope,
        recommendation=recommendation,
        outcome=payload.outcome,
        on=payload.on or timezone.localdate(),
    )
    return recommendation_get(scope=scope, pk=recommendation_id)


@router.delete(
    "/{recommendation_id}",
    auth=CHANGE,
    response=responses({204: None}, 403, 404),
    summary="Delete a recommendation",
    description="The ties recorded with it stay.",
)
def delete_recommendation(request: HttpRequest, recommendation_id: int):
    scope = request.scope
    recommendation_delete(
        scope=scope, recommendation=recommendation_get(scope=scope, pk=recommendation_id)
    )
    return Status(204, None)
