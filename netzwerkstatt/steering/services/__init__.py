"""Writes of the steering app, one module per concern; import them from here."""

from .actions import (
    action_item_create,
    action_item_delete,
    action_item_set_status,
    action_item_update,
)
from .goals import (
    goal_create,
    goal_delete,
    goal_update,
    indicator_parameters_clean,
    progress_entry_add,
    progress_entry_delete,
    progress_snapshot_record,
)
from .handover import (
    handover_delete,
    handover_introduced,
    handover_save,
    introduction_record,
    network_handover_plan_update,
)
from .meetings import (
    decision_add,
    decision_delete,
    meeting_attendance_from_event,
    meeting_create,
    meeting_delete,
    meeting_update,
)
from .networks import (
    member_add,
    member_interests_set,
    member_remove,
    member_update,
    network_create,
    network_delete,
    network_update,
    topic_create,
    topic_delete,
    topic_update,
)

__all__ = [
    "action_item_create",
    "action_item_delete",
    "action_item_set_status",
    "action_item_update",
    "decision_add",
    "decision_delete",
    "goal_create",
    "goal_delete",
    "goal_update",
    "handover_delete",
    "handover_introduced",
    "handover_save",
    "indicator_parameters_clean",
    "introduction_record",
    "meeting_attendance_from_event",
    "meeting_create",
    "meeting_delete",
    "meeting_update",
    "member_add",
    "member_interests_set",
    "member_remove",
    "member_update",
    "network_create",
    "network_delete",
    "network_handover_plan_update",
    "network_update",
    "progress_entry_add",
    "progress_entry_delete",
    "progress_snapshot_record",
    "topic_create",
    "topic_delete",
    "topic_update",
]
