"""The organiser's wishes: pairs to keep apart and topic wishes per participant.

They live in `WorldCafe.report["constraints"]` until the models have fields
for them; `selectors.constraints_of` reads them, `constraints_store` writes them.
"""

from collections.abc import Mapping, Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import Invitation, WorldCafe
from .. import selectors
from .common import check_workspace, require


def constraints_store(world_cafe: WorldCafe, constraints: selectors.Constraints) -> None:
    world_cafe.report = {
        **(world_cafe.report or {}),
        "constraints": {
            "keep_apart": [list(pair) for pair in constraints.keep_apart],
            "preferences": {
                str(invitation): list(topics)
                for invitation, topics in sorted(constraints.preferences.items())
                if topics
            },
        },
    }
    world_cafe.save(update_fields=["report"])


def wishes_prune(scope, world_cafe) -> None:
    """Drop wishes for topics that no longer exist."""
    topics = set(
        selectors.topics_of(scope=scope, world_cafe=world_cafe).values_list("pk", flat=True)
    )
    current = selectors.constraints_of(world_cafe)
    constraints_store(
        world_cafe,
        selectors.Constraints(
            keep_apart=current.keep_apart,
            preferences={
                invitation: tuple(t for t in wanted if t in topics)
                for invitation, wanted in current.preferences.items()
            },
        ),
    )


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
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    current = selectors.constraints_of(world_cafe)
    pair = (min(first.pk, second.pk), max(first.pk, second.pk))
    if pair not in current.keep_apart:
        constraints_store(
            world_cafe,
            selectors.Constraints(
                keep_apart=(*current.keep_apart, pair), preferences=current.preferences
            ),
        )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": len(current.keep_apart) + 1},
    )


@transaction.atomic
def keep_apart_remove(*, scope: Scope, world_cafe: WorldCafe, pair: tuple[int, int]) -> None:
    require(scope)
    check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    current = selectors.constraints_of(world_cafe)
    pair = (min(pair), max(pair))
    remaining = tuple(p for p in current.keep_apart if p != pair)
    constraints_store(
        world_cafe, selectors.Constraints(keep_apart=remaining, preferences=current.preferences)
    )
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=world_cafe,
        details={"keep_apart": len(remaining)},
    )


@transaction.atomic
def topic_wishes_save(
    *, scope: Scope, world_cafe: WorldCafe, wishes: Mapping[int, Sequence[int]]
) -> None:
    """Topic wishes per participant: invitation id → topic ids (empty: no wishes)."""
    require(scope)
    check_workspace(scope, world_cafe)
    world_cafe = WorldCafe.objects.select_for_update().get(pk=world_cafe.pk)
    invitations = set(
        scope.objects(Invitation).filter(event_id=world_cafe.event_id).values_list("pk", flat=True)
    )
    topics = set(
        selectors.topics_of(scope=scope, world_cafe=world_cafe).values_list("pk", flat=True)
    )
    if set(wishes) - invitations or {t for wanted in wishes.values() for t in wanted} - topics:
        raise ValidationError(_("Choose participants and topics of this World Café."))
    current = selectors.constraints_of(world_cafe)
    preferences = {
        invitation: tuple(sorted(set(wanted))) for invitation, wanted in wishes.items() if wanted
    }
    constraints_store(
        world_cafe, selectors.Constraints(keep_apart=current.keep_apart, preferences=preferences)
    )
    activity_record(
        scope=scope, action=Action.UPDATED, target=world_cafe, details={"wishes": len(preferences)}
    )
