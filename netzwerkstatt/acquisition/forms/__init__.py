"""Forms of the acquisition app, one module per page family."""

from .activities import ActivityForm
from .benefits import BenefitStatementForm, BenefitTemplateForm
from .catalogue import MeasureFilterForm, MeasureForm, NeedForm
from .dossiers import (
    DecisionMakerForm,
    DossierFilterForm,
    DossierForm,
    DossierOpenForm,
    IdentifiedNeedForm,
    ResearchNoteForm,
)
from .figures import FiguresFilterForm, FunderReportForm
from .pipeline import (
    AgreementForm,
    AgreementUpdateForm,
    ApproachFilterForm,
    ApproachForm,
    MoveForm,
    PipelineAddForm,
    StageForm,
)
from .targeting import TargetFilterForm, TargetProfileForm

__all__ = [
    "ActivityForm",
    "AgreementForm",
    "AgreementUpdateForm",
    "ApproachFilterForm",
    "ApproachForm",
    "BenefitStatementForm",
    "BenefitTemplateForm",
    "DecisionMakerForm",
    "DossierFilterForm",
    "DossierForm",
    "DossierOpenForm",
    "FiguresFilterForm",
    "FunderReportForm",
    "IdentifiedNeedForm",
    "MeasureFilterForm",
    "MeasureForm",
    "MoveForm",
    "NeedForm",
    "PipelineAddForm",
    "ResearchNoteForm",
    "StageForm",
    "TargetFilterForm",
    "TargetProfileForm",
]
