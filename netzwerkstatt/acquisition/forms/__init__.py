"""Forms of the acquisition app, one module per page family."""

from .activities import ActivityForm
from .catalogue import MeasureFilterForm, MeasureForm, NeedForm
from .pipeline import (
    AgreementForm,
    AgreementUpdateForm,
    ApproachFilterForm,
    ApproachForm,
    MoveForm,
    PipelineAddForm,
    StageForm,
)

__all__ = [
    "ActivityForm",
    "AgreementForm",
    "AgreementUpdateForm",
    "ApproachFilterForm",
    "ApproachForm",
    "MeasureFilterForm",
    "MeasureForm",
    "MoveForm",
    "NeedForm",
    "PipelineAddForm",
    "StageForm",
]
