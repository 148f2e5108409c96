"""What each table worked out in a round."""

from django.db import transaction

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ...models import TableRound
from .common import check_workspace, require


@transaction.atomic
def table_round_results_save(
    *, scope: Scope, table_round: TableRound, key_points: str
) -> TableRound:
    """The key points a table worked out in a round (during or after the event)."""
    require(scope)
    check_workspace(scope, table_round)
    table_round.key_points = key_points.strip()
    table_round.full_clean()
    table_round.save(update_fields=["key_points"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=table_round, details={"fields": ["key_points"]}
    )
    return table_round
