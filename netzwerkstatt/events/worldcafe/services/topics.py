"""Topics (problem statements) of a World Café and which table discusses which in each round."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import Event, TableRound, Topic, WorldCafe
from .common import check_workspace, require
from .tables import topics_deal_in_rotation, world_cafe_ensure


@transaction.atomic
def topic_create(
    *,
    scope: Scope,
    event: Event,
    title: str,
    description: str = "",
    proposed_by: Person | None = None,
    votes: int = 0,
) -> Topic:
    world_cafe = world_cafe_ensure(scope=scope, event=event)
    check_workspace(scope, proposed_by)
    topic = Topic(
        workspace=scope.workspace,
        world_cafe=world_cafe,
        title=title,
        description=description,
        proposed_by=proposed_by,
        votes=votes,
    )
    topic.full_clean()
    topic.save()
    activity_record(scope=scope, action=Action.CREATED, target=topic)
    return topic


@transaction.atomic
def topic_update(*, scope: Scope, topic: Topic, **fields) -> Topic:
    require(scope)
    check_workspace(scope, topic, fields.get("proposed_by"))
    changed = assign(topic, fields, allowed=("title", "description", "proposed_by", "votes"))
    topic.full_clean()
    topic.save()
    activity_record(scope=scope, action=Action.UPDATED, target=topic, details={"fields": changed})
    return topic


@transaction.atomic
def topic_delete(*, scope: Scope, topic: Topic) -> None:
    """Remove a topic; its table rounds keep their people and results, without a topic."""
    require(scope)
    check_workspace(scope, topic)
    activity_record(scope=scope, action=Action.DELETED, target=topic)
    topic.delete()


@transaction.atomic
def topics_deal(*, scope: Scope, world_cafe: WorldCafe, count: int | None = None) -> int:
    """Deal the `count` most voted topics (default: as many as there are tables) to
    the tables in rotation; return how many topics were dealt."""
    require(scope)
    check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    dealt = topics_deal_in_rotation(scope, world_cafe, count)
    activity_record(
        scope=scope, action=Action.UPDATED, target=world_cafe, details={"topics": dealt}
    )
    return dealt


@transaction.atomic
def table_round_topic_set(*, scope: Scope, table_round: TableRound, topic: Topic | None) -> None:
    require(scope)
    check_workspace(scope, table_round, topic)
    if topic is not None and topic.world_cafe_id != table_round.table.world_cafe_id:
        raise ValidationError(_("Choose a topic of this World Café."))
    table_round.topic = topic
    table_round.save(update_fields=["topic"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=table_round, details={"fields": ["topic"]}
    )
