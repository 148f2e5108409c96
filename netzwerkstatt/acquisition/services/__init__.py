"""Writes of the acquisition app, one module per concern; import them from here."""

from .catalogue import (
    measure_create,
    measure_delete,
    measure_update,
    need_create,
    need_delete,
    need_update,
    needs_create_defaults,
)
from .pipeline import (
    DATA_TOPIC,
    acquisition_changed,
    approach_create,
    approach_move,
    approaches_create,
    stages_ensure,
)

__all__ = [
    "DATA_TOPIC",
    "acquisition_changed",
    "approach_create",
    "approach_move",
    "approaches_create",
    "measure_create",
    "measure_delete",
    "measure_update",
    "need_create",
    "need_delete",
    "need_update",
    "needs_create_defaults",
    "stages_ensure",
]
