"""The acquisition app's models, one module per concern."""

from .activities import Activity
from .catalogue import Measure, Need
from .dossiers import DecisionMaker, Dossier, IdentifiedNeed, ResearchNote
from .feeds import CalendarFeed
from .pipeline import Approach, ApproachMeasure, BenefitTemplate, Stage, StageChange
from .targeting import TargetProfile, WarmPathScore

__all__ = [
    "Activity",
    "Approach",
    "ApproachMeasure",
    "BenefitTemplate",
    "CalendarFeed",
    "DecisionMaker",
    "Dossier",
    "IdentifiedNeed",
    "Measure",
    "Need",
    "ResearchNote",
    "Stage",
    "StageChange",
    "TargetProfile",
    "WarmPathScore",
]
