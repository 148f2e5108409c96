from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class MemberRole(models.TextChoices):
    COORDINATION = "coordination", _("coordination")
    MEMBER = "member", _("member")
    GUEST = "guest", _("guest")


class Interest(models.IntegerChoices):
    """How much a member cares about a topic; the matrix highlights shared ones."""

    NONE = 0, pgettext_lazy("interest in a topic", "none")
    INTERESTED = 1, _("interested")
    ENGAGED = 2, _("engaged")
    LEADING = 3, _("leading")


class IndicatorKind(models.TextChoices):
    """How a goal is measured: by hand (progress entries), or live on the network itself."""

    MANUAL = "manual", _("recorded by hand")
    MEMBER_ORGANISATIONS = "member_organisations", _("member organisations matching a filter")
    TOPIC_COVERAGE = "topic_coverage", _("topics with enough members outside the project staff")
    MEETING_ATTENDANCE = "meeting_attendance", _("average attendance of meetings")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in progress")
    DONE = "done", _("done")
    DROPPED = "dropped", _("dropped")


OPEN_ACTION_STATUSES = (ActionStatus.OPEN, ActionStatus.IN_PROGRESS)
