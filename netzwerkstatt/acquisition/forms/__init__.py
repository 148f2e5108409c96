"""Forms of the acquisition app, one module per page family."""

from .catalogue import MeasureFilterForm, MeasureForm, NeedForm

__all__ = [
    "MeasureFilterForm",
    "MeasureForm",
    "NeedForm",
]
