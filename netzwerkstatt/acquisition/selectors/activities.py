"""Reads of activities, the personal follow-ups ("Heute") and the calendar feed.

Follow-ups and next steps are personal: a user sees the follow-ups they are to do
and the next steps of the approaches they are responsible for.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from netzwerkstatt.contacts.models import Function, Organisation, Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.selectors import team_person_ids

from ..enums import ActivityKind, StageKind
from ..models import Activity, Approach, CalendarFeed

# The days after today the "Heute" page looks ahead.
WEEK_AHEAD = 7
# Kinds of stages where a next step no longer calls anyone to act.
CLOSED_KINDS = (StageKind.DECLINED, StageKind.COMPLETED)
# A call, an e-mail or a meeting usually means the company has been approached.
APPROACHING_KINDS = (ActivityKind.CALL, ActivityKind.EMAIL, ActivityKind.MEETING)
EARLY_KINDS = (StageKind.IDENTIFIED, StageKind.RESEARCHED)
# The feed carries this many follow-ups and next steps at most (the earliest first).
FEED_LIMIT = 500

PARTICIPANTS_PREFETCH = Prefetch(
    "participants", queryset=Person.objects.order_by("last_name", "first_name", "id")
)


def activity_list(
    *, scope: Scope, organisation: Organisation | None = None, project=None
) -> QuerySet[Activity]:
    """Activities newest first, with what a list row shows (participants: prefetch)."""
    queryset = scope.objects(Activity)
    if organisation is not None:
        queryset = queryset.filter(organisation=organisation)
    if project is not None:
        queryset = queryset.filter(project=project)
    return queryset.select_related(
        "project", "organisation", "follow_up_by", "created_by"
    ).order_by("-occurred_on", "-id")


def activity_get(*, scope: Scope, pk) -> Activity:
    """The activity with its participants and approach stage; Http404 for another workspace's."""
    try:
        return (
            activity_list(scope=scope)
            .select_related("approach__stage")
            .prefetch_related(PARTICIPANTS_PREFETCH)
            .get(pk=pk)
        )
    except (Activity.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(Activity._meta.verbose_name) from error


def activities_for_approach(*, scope: Scope, approach: Approach) -> list[Activity]:
    """The activities with the approach's company in its project, also those logged before
    the company entered the pipeline."""
    return list(
        activity_list(
            scope=scope, organisation=approach.organisation, project=approach.project
        ).prefetch_related(PARTICIPANTS_PREFETCH)
    )


def activity_stage_hint(activity: Activity):
    """The approach's stage when the activity suggests moving it on (a call, e-mail or
    meeting while the company is still only identified or researched), else None."""
    approach = activity.approach
    if approach is None or activity.kind not in APPROACHING_KINDS:
        return None
    stage = approach.stage
    return stage if stage.kind in EARLY_KINDS else None


def participant_groups(
    *, scope: Scope, organisation: Organisation, chosen: list[Person] = ()
) -> list[tuple[str, list[Person]]]:
    """Whom an activity with the company usually involves, as (group key, persons):
    the company's people (current functions first), the team, and others chosen."""
    company = []
    seen = set()
    functions = (
        scope.objects(Function)
        .filter(organisation=organisation)
        .select_related("person")
        .order_by("end_date", "person__last_name", "person__first_name", "person_id")
    )
    for function in functions:
        if function.person_id not in seen:
            seen.add(function.person_id)
            company.append(function.person)
    team = [
        person
        for person in scope.objects(Person)
        .filter(pk__in=team_person_ids(scope=scope))
        .order_by("last_name", "first_name", "id")
        if person.pk not in seen
    ]
    seen |= {person.pk for person in team}
    others = [person for person in chosen if person.pk not in seen]
    return [("company", company), ("team", team), ("others", others)]


# ---------------------------------------------------------------------- "Heute"


@dataclass
class Agenda:
    """A user's follow-ups and next steps, by when they are due."""

    today: dt.date
    overdue: list[Activity] = field(default_factory=list)
    due_today: list[Activity] = field(default_factory=list)
    upcoming: list[Activity] = field(default_factory=list)
    steps_due: list[Approach] = field(default_factory=list)
    steps_upcoming: list[Approach] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (
            self.overdue or self.due_today or self.upcoming or self.steps_due or self.steps_upcoming
        )


def open_follow_ups(*, scope: Scope) -> QuerySet[Activity]:
    """The scope user's follow-ups not done yet, earliest first."""
    return (
        scope.objects(Activity)
        .filter(follow_up_by=scope.user, follow_up_on__isnull=False, follow_up_done_at__isnull=True)
        .select_related("organisation", "project")
        .order_by("follow_up_on", "id")
    )


def open_next_steps(*, scope: Scope) -> QuerySet[Approach]:
    """Next steps of the approaches the scope user is responsible for, earliest first;
    approaches that ended (declined, completed) call for none."""
    return (
        scope.objects(Approach)
        .filter(owner=scope.user, next_step_on__isnull=False)
        .exclude(stage__kind__in=CLOSED_KINDS)
        .select_related("organisation", "project", "stage")
        .order_by("next_step_on", "id")
    )


def agenda(*, scope: Scope, today: dt.date) -> Agenda:
    """What is due for the scope user up to a week ahead, in two queries."""
    horizon = today + dt.timedelta(days=WEEK_AHEAD)
    result = Agenda(today=today)
    for activity in open_follow_ups(scope=scope).filter(follow_up_on__lte=horizon):
        if activity.follow_up_on < today:
            result.overdue.append(activity)
        elif activity.follow_up_on == today:
            result.due_today.append(activity)
        else:
            result.upcoming.append(activity)
    for approach in open_next_steps(scope=scope).filter(next_step_on__lte=horizon):
        (result.steps_due if approach.next_step_on <= today else result.steps_upcoming).append(
            approach
        )
    return result


def due_counts(*, scope: Scope, today: dt.date) -> dict[str, int]:
    """How many follow-ups are overdue and due today, and next steps due, for the start page."""
    counts = open_follow_ups(scope=scope).aggregate(
        overdue=Count("id", filter=Q(follow_up_on__lt=today)),
        due_today=Count("id", filter=Q(follow_up_on=today)),
    )
    counts["steps_due"] = open_next_steps(scope=scope).filter(next_step_on__lte=today).count()
    return counts


# ------------------------------------------------------------------------ the feed


def feed_of_user(*, scope: Scope) -> CalendarFeed | None:
    return scope.objects(CalendarFeed).filter(user=scope.user).first()


def feed_scope(*, token_hash: str) -> Scope | None:
    """The scope a feed's token acts in: its user's, while they are in the team; else None."""
    feed = CalendarFeed.objects.filter(token_hash=token_hash).select_related("workspace").first()
    if feed is None:
        return None
    membership = (
        Membership.objects.filter(
            workspace=feed.workspace_id, user=feed.user_id, role__in=(Role.LEAD, Role.STAFF)
        )
        .select_related("user")
        .first()
    )
    if membership is None or not membership.user.is_active:
        return None
    scope = Scope(workspace=feed.workspace, role=Role(membership.role), user=membership.user)
    return scope if scope.can("view_acquisition") else None


def feed_items(*, scope: Scope) -> tuple[list[Activity], list[Approach]]:
    """The scope user's open follow-ups and next steps for the calendar feed."""
    return (
        list(open_follow_ups(scope=scope)[:FEED_LIMIT]),
        list(open_next_steps(scope=scope)[:FEED_LIMIT]),
    )
