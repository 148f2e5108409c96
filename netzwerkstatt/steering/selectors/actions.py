"""Reads of action items: the filtered overview with open and overdue counts per network
and per person, one item, the owners a form offers, and a user's reminders on "Heute"."""

import datetime as dt
from dataclasses import dataclass, field, fields

from django.db.models import Count, F, Q, QuerySet
from django.http import Http404

from netzwerkstatt.contacts.models import Function, Person
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.selectors import team_person_ids

from ..enums import OPEN_ACTION_STATUSES, ActionStatus
from ..models import ActionItem, Network, NetworkMember

# The "Heute" page looks this many days ahead.
REMINDER_DAYS = 7
# The XLSX export carries this many items at most.
EXPORT_LIMIT = 10_000
# Filter value for "open or in progress", the overview's default.
STATUS_OPEN = "open_all"


@dataclass(frozen=True)
class ActionFilter:
    network: str = ""
    owner: str = ""
    status: str = STATUS_OPEN
    overdue: str = ""

    @classmethod
    def from_query(cls, query) -> "ActionFilter":
        return cls(**{f.name: query.get(f.name, f.default).strip() for f in fields(cls)})


def action_item_list(
    *, scope: Scope, filters: ActionFilter = ActionFilter(), today: dt.date
) -> QuerySet[ActionItem]:
    """Action items by due date (undated last), with network, meeting and owner."""
    queryset = scope.objects(ActionItem)
    if filters.network.isdigit():
        queryset = queryset.filter(network_id=int(filters.network))
    if filters.owner.isdigit():
        queryset = queryset.filter(owner_id=int(filters.owner))
    if filters.status == STATUS_OPEN:
        queryset = queryset.filter(status__in=OPEN_ACTION_STATUSES)
    elif filters.status in ActionStatus.values:
        queryset = queryset.filter(status=filters.status)
    if filters.overdue:
        queryset = queryset.filter(status__in=OPEN_ACTION_STATUSES, due_on__lt=today)
    return queryset.select_related("network", "meeting", "owner").order_by(
        F("due_on").asc(nulls_last=True), "network__name", "id"
    )


def action_item_get(*, scope: Scope, pk) -> ActionItem:
    """The item with its network, meeting and owner; Http404 for another workspace's."""
    try:
        return scope.objects(ActionItem).select_related("network", "meeting", "owner").get(pk=pk)
    except (ActionItem.DoesNotExist, ValueError, TypeError) as error:
        raise Http404(ActionItem._meta.verbose_name) from error


@dataclass
class OpenCount:
    """Open and overdue action items of one network or one person."""

    pk: int | None
    name: str
    open: int
    overdue: int


def action_summary(*, scope: Scope, today: dt.date) -> dict[str, list[OpenCount]]:
    """Open and overdue items per network and per owner, most overdue first (two queries)."""
    open_items = scope.objects(ActionItem).filter(status__in=OPEN_ACTION_STATUSES)
    counts = {
        "open": Count("id"),
        "overdue": Count("id", filter=Q(due_on__lt=today)),
    }
    networks = [
        OpenCount(row["network_id"], row["network__name"], row["open"], row["overdue"])
        for row in open_items.values("network_id", "network__name").annotate(**counts)
    ]
    owners = [
        OpenCount(
            row["owner_id"],
            " ".join(filter(None, (row["owner__first_name"], row["owner__last_name"]))),
            row["open"],
            row["overdue"],
        )
        for row in open_items.values("owner_id", "owner__first_name", "owner__last_name").annotate(
            **counts
        )
    ]
    order = lambda entry: (-entry.overdue, -entry.open, entry.name.casefold())  # noqa: E731
    return {"networks": sorted(networks, key=order), "owners": sorted(owners, key=order)}


def owner_groups(
    *, scope: Scope, network: Network | None = None, current: Person | None = None
) -> list[tuple[str, list[Person]]]:
    """Whom an item is usually given to, as (group key, persons): the project team, the
    network's members who are persons and the people of its member organisations (of all
    networks when none is given), and the current owner. Each person appears once."""
    members = scope.objects(NetworkMember).filter(left_on__isnull=True)
    if network is not None:
        members = members.filter(network=network)
    member_person_ids = members.filter(person__isnull=False).values("person_id")
    organisation_ids = members.filter(organisation__isnull=False).values("organisation_id")
    people_ids = scope.objects(Function).filter(
        organisation_id__in=organisation_ids, end_date__isnull=True
    )
    team_ids = team_person_ids(scope=scope)
    persons = scope.objects(Person).order_by("last_name", "first_name", "id")
    team = list(persons.filter(pk__in=team_ids))
    network_people = list(
        persons.filter(
            Q(pk__in=member_person_ids) | Q(pk__in=people_ids.values("person_id"))
        ).exclude(pk__in=team_ids)
    )
    seen = {person.pk for person in team} | {person.pk for person in network_people}
    others = [current] if current is not None and current.pk not in seen else []
    return [("team", team), ("network", network_people), ("others", others)]


def action_owners(*, scope: Scope) -> QuerySet[Person]:
    """The persons who own action items, for the overview's filter."""
    owners = scope.objects(ActionItem).filter(owner__isnull=False).values("owner_id")
    return scope.objects(Person).filter(pk__in=owners).order_by("last_name", "first_name", "id")


def owner_person(*, scope: Scope) -> Person | None:
    """The person of the team the scope's user logs in as, if any."""
    if scope.user is None:
        return None
    return scope.objects(Person).filter(team_member__user=scope.user).first()


@dataclass
class Reminders:
    """A user's open action items due up to a week ahead, for the "Heute" page."""

    today: dt.date
    overdue: list[ActionItem] = field(default_factory=list)
    upcoming: list[ActionItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.overdue or self.upcoming)


def action_reminders(*, scope: Scope, today: dt.date) -> Reminders:
    """The open action items owned by the scope user's team person, overdue or due within
    the next seven days, in one query; nothing for a user who is no team member."""
    reminders = Reminders(today=today)
    if scope.user is None:
        return reminders
    items = (
        scope.objects(ActionItem)
        .filter(
            owner__team_member__user=scope.user,
            owner__team_member__workspace=scope.workspace,
            status__in=OPEN_ACTION_STATUSES,
            due_on__lte=today + dt.timedelta(days=REMINDER_DAYS),
        )
        .select_related("network", "meeting", "owner")
        .order_by("due_on", "id")
    )
    for item in items:
        (reminders.overdue if item.due_on < today else reminders.upcoming).append(item)
    return reminders


def action_items_export(*, scope: Scope, filters: ActionFilter, today: dt.date) -> list:
    return list(action_item_list(scope=scope, filters=filters, today=today)[:EXPORT_LIMIT])
