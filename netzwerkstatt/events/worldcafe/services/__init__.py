"""Writing a World Café: settings and tables, topics, the organiser's wishes, the plan, swaps, results.

Every function takes the scope, checks "change_events", validates and records
the action in the activity log with ids and counts only.
"""

from .common import PERMISSION
from .planning import (
    PLAN_SECONDS,
    PlanResult,
    planning_error_message,
    stored_seating,
    violation_message,
    world_cafe_plan,
    world_cafe_plan_compute,
    world_cafe_swap,
)
from .results import table_round_results_save
from .tables import MAX_ROUNDS, world_cafe_ensure, world_cafe_settings_save
from .topics import table_round_topic_set, topic_create, topic_delete, topic_update, topics_deal
from .wishes import keep_apart_add, keep_apart_remove, topic_wishes_save

__all__ = [
    "MAX_ROUNDS",
    "PERMISSION",
    "PLAN_SECONDS",
    "PlanResult",
    "keep_apart_add",
    "keep_apart_remove",
    "planning_error_message",
    "stored_seating",
    "table_round_results_save",
    "table_round_topic_set",
    "topic_create",
    "topic_delete",
    "topic_update",
    "topic_wishes_save",
    "topics_deal",
    "violation_message",
    "world_cafe_ensure",
    "world_cafe_plan",
    "world_cafe_plan_compute",
    "world_cafe_settings_save",
    "world_cafe_swap",
]
