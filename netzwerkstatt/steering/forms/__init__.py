"""Forms of the steering app, one module per page family."""

from .goals import GoalForm, ProgressEntryForm, SnapshotForm
from .handover import CoordinationPlanForm, HandoverDoneForm, HandoverForm, IntroductionForm
from .meetings import (
    ActionFilterForm,
    ActionItemForm,
    ActionStatusForm,
    DecisionForm,
    MeetingForm,
    MinutesPeriodForm,
)
from .networks import (
    InterestCellForm,
    InterestsForm,
    MemberForm,
    MemberUpdateForm,
    NetworkFilterForm,
    NetworkForm,
    TopicForm,
)

__all__ = [
    "ActionFilterForm",
    "ActionItemForm",
    "ActionStatusForm",
    "CoordinationPlanForm",
    "DecisionForm",
    "GoalForm",
    "HandoverDoneForm",
    "HandoverForm",
    "InterestCellForm",
    "InterestsForm",
    "IntroductionForm",
    "MeetingForm",
    "MemberForm",
    "MemberUpdateForm",
    "MinutesPeriodForm",
    "NetworkFilterForm",
    "NetworkForm",
    "ProgressEntryForm",
    "SnapshotForm",
    "TopicForm",
]
