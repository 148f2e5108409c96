"""Reads of the acquisition app, one module per concern; import them from here."""

from .catalogue import (
    NEEDS_PREFETCH,
    MeasureFilter,
    measure_get,
    measure_list,
    need_choices,
    need_get,
    need_list,
    projects,
)

__all__ = [
    "NEEDS_PREFETCH",
    "MeasureFilter",
    "measure_get",
    "measure_list",
    "need_choices",
    "need_get",
    "need_list",
    "projects",
]
