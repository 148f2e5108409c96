"""The organiser's wishes: pairs to keep apart and topic wishes per participant."""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import Invitation, KeepApart, WorldCafe
from .. import selectors
from .common import check_workspace, require


@transaction.atomic
def keep_apart_add(
    *, scope: Scope, world_cafe: WorldCafe, first: Invitation, second: Invitation
) -> None:
    """Never seat these two participants at one table."""
    require(scope)
    check_workspace(scope, world_cafe, first, second)
    if first.pk == second.pk:
        raise ValidationError(_("Choose two different participants."))
    if first.event_id != world_cafe.event_id or second.event_id != world_cafe.event_id:
        raise ValidationError(_("Both must be invited to this event."))
    low, high = sorted((first, second), key=lambda invitation: invitation.pk)
    KeepApart.objects.get_or_create(
        workspace=scope.workspace, world_cafe=world_cafe, first=low, second=high
    )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": world_cafe.keep_apart.count()},
    )


@transaction.atomic
def keep_apart_remove(*, scope: Scope, world_cafe: WorldCafe, pair: tuple[int, int]) -> None:
    require(scope)
    check_workspace(scope, world_cafe)
    world_cafe.keep_apart.filter(first_id=min(pair), second_id=max(pair)).delete()
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": world_cafe.keep_apart.count()},
    )


@transaction.atomic
def topic_wishes_save(
    *, scope: Scope, world_cafe: WorldCafe, wishes: Mapping[int, Sequence[int]]
) -> None:
    """Topic wishes per participant: invitation id → topic ids (empty: no wishes)."""
    require(scope)
    check_workspace(scope, world_cafe)
    invitations = set(
        scope.objects(Invitation).filter(event_id=world_cafe.event_id).values_list("pk", flat=True)
    )
    topics = set(
        selectors.topics_of(scope=scope, world_cafe=world_cafe).values_list("pk", flat=True)
    )
    if set(wishes) - invitations or {t for wanted in wishes.values() for t in wanted} - topics:
        raise ValidationError(_("Choose participants and topics of this World Café."))
    through = Invitation.topic_wishes.through
    through.objects.filter(invitation_id__in=wishes, topic_id__in=topics).delete()
    through.objects.bulk_create(
        through(invitation_id=invitation, topic_id=topic)
        for invitation, wanted in wishes.items()
        for topic in set(wanted)
    )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"wishes": sum(1 for wanted in wishes.values() if wanted)},
    )
