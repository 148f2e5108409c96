"""Writes of the handover plan: who takes over coordination, who takes over each key
relationship held by project staff, and the introductions that make the network
independent of the staff.

Every write is the team's (`change_steering`), checks that the objects it is handed
belong to the scope's workspace, validates with clear messages and is logged with ids
and field names only. Who counts as a network person and as staff is defined in
`steering/introductions.py`. A successor is never the staff member who holds the
relationship: it is a network person outside the staff, or a colleague who stays in
the team beyond the handover (a team member without an end date, or one ending later).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.network.enums import Provenance, RecommendationOutcome, TieKind
from netzwerkstatt.network.models import Recommendation, Tie
from netzwerkstatt.network.services import recommendation_create, tie_save

from ..models import Handover, Network
from ..selectors.handover import NetworkPeople, network_people

# An introduction made starts a loose tie ("locker"): the successor has met the member,
# not yet earned their trust. It grows as they work together.
INTRODUCED_STRENGTH = 2


def _successor_error(
    people: NetworkPeople, person: Person, *, on: dt.date | None, holder: Person | None = None
) -> str | None:
    """Why `person` cannot take over (on `on`), or None when they can."""
    if holder is not None and person.pk == holder.pk:
        return _("The successor must be someone other than the staff member who holds it now.")
    if person.pk in people.team:
        if people.stays(person.pk, on):
            return None
        return _(
            "%(name)s leaves the project team by then; choose someone who stays after "
            "the project, e.g. a member of the network."
        ) % {"name": person.full_name}
    if person.pk not in people.persons:
        return _("Choose a person of the network or a colleague who stays in the team.")
    return None


def _not_before_start(network: Network, day: dt.date | None, field: str, errors: dict) -> None:
    if day is not None and network.started_on is not None and day < network.started_on:
        errors.setdefault(field, []).append(
            _("The date lies before the network started (%(date)s).")
            % {"date": network.started_on.strftime("%d.%m.%Y")}
        )


@transaction.atomic
def network_handover_plan_update(
    *,
    scope: Scope,
    network: Network,
    successor_coordinator: Person | None,
    handover_on: dt.date | None,
    handover_plan: str = "",
) -> Network:
    """Set who takes over coordination of the network, from when, and the plan in words."""
    require(scope, "change_steering")
    check_workspace(scope, network, successor_coordinator)
    errors: dict[str, list[str]] = {}
    if successor_coordinator is not None:
        people = network_people(scope=scope, network=network)
        problem = _successor_error(people, successor_coordinator, on=handover_on)
        if problem:
            errors["successor_coordinator"] = [problem]
    elif handover_on is not None:
        errors["successor_coordinator"] = [
            _("Name who takes over the coordination before you set the date.")
        ]
    _not_before_start(network, handover_on, "handover_on", errors)
    if errors:
        raise ValidationError(errors)
    values = {
        "successor_coordinator": successor_coordinator,
        "handover_on": handover_on,
        "handover_plan": (handover_plan or "").strip(),
    }
    changed = [name for name, value in values.items() if getattr(network, name) != value]
    if not changed:
        return network
    for name in changed:
        setattr(network, name, values[name])
    network.full_clean()
    network.save()
    activity_record(scope=scope, action=Action.UPDATED, target=network, details={"fields": changed})
    return network


@transaction.atomic
def handover_save(
    *,
    scope: Scope,
    network: Network,
    staff: Person,
    member: Person,
    successor: Person | None = None,
    introduce_on: dt.date | None = None,
    note: str = "",
) -> tuple[Handover, bool]:
    """Plan the handover of the relationship `staff` – `member`: create its row or change
    the successor, date and note of the existing one. Returns (handover, created)."""
    require(scope, "change_steering")
    check_workspace(scope, network, staff, member, successor)
    people = network_people(scope=scope, network=network)
    errors: dict[str, list[str]] = {}
    if staff.pk not in people.team:
        errors["staff"] = [_("The relationship must be held by a person of the project team.")]
    if member.pk not in people.persons or member.pk in people.staff:
        errors["member"] = [_("Choose a person of the network outside the project staff.")]
    if successor is not None:
        if successor.pk == member.pk:
            errors["successor"] = [_("The successor cannot be the member themselves.")]
        else:
            problem = _successor_error(people, successor, on=introduce_on, holder=staff)
            if problem:
                errors["successor"] = [problem]
    elif introduce_on is not None:
        errors["successor"] = [_("Name the successor before you plan the introduction.")]
    _not_before_start(network, introduce_on, "introduce_on", errors)
    if errors:
        raise ValidationError(errors)

    handover = (
        scope.objects(Handover)
        .select_for_update()
        .filter(network=network, staff=staff, member=member)
        .first()
    )
    created = handover is None
    if created:
        handover = Handover(workspace=scope.workspace, network=network, staff=staff, member=member)
    values = {"successor": successor, "introduce_on": introduce_on, "note": (note or "").strip()}
    changed = [name for name, value in values.items() if getattr(handover, name) != value]
    if not created and not changed:
        return handover, False
    for name in changed:
        setattr(handover, name, values[name])
    handover.full_clean()
    handover.save()
    activity_record(
        scope=scope,
        action=Action.CREATED if created else Action.UPDATED,
        target=handover,
        details={"fields": changed},
    )
    return handover, created


@transaction.atomic
def handover_introduced(*, scope: Scope, handover: Handover, introduced_on: dt.date) -> Handover:
    """Mark the handover introduction as made on `introduced_on`, and record that the
    successor now knows the member (a loose KNOWS tie through the network app, which
    strengthens an existing one instead of duplicating it)."""
    require(scope, "change_steering")
    check_workspace(scope, handover)
    errors: dict[str, list[str]] = {}
    if handover.successor_id is None:
        errors["successor"] = [_("Name the successor before you mark the introduction as made.")]
    if introduced_on > timezone.localdate():
        errors["introduced_on"] = [_("The date lies in the future; enter when it took place.")]
    _not_before_start(handover.network, introduced_on, "introduced_on", errors)
    if errors:
        raise ValidationError(errors)
    handover.introduced_on = introduced_on
    handover.full_clean()
    handover.save()
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=handover,
        details={"fields": ["introduced_on"]},
    )
    tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=handover.successor,
        target=handover.member,
        strength=INTRODUCED_STRENGTH,
        since=introduced_on,
        last_contact=introduced_on,
        provenance=Provenance.CONVERSATION,
        purpose=f"Übergabe im Netzwerk „{handover.network.name}“"[:300],
    )
    return handover


@transaction.atomic
def handover_delete(*, scope: Scope, handover: Handover) -> None:
    require(scope, "change_steering")
    check_workspace(scope, handover)
    activity_record(scope=scope, action=Action.DELETED, target=handover)
    handover.delete()


@transaction.atomic
def introduction_record(
    *,
    scope: Scope,
    network: Network,
    first: Person,
    second: Person,
    introducer: Person,
    on: dt.date,
) -> Recommendation:
    """Plan the introduction of two network persons by a team member: a recommendation
    (`introducer` recommends `first` to `second`) with outcome open, through the network
    app's service, which also records that the introducer knows both."""
    require(scope, "change_steering")
    check_workspace(scope, network, first, second, introducer)
    people = network_people(scope=scope, network=network)
    errors: dict[str, list[str]] = {}
    for field, person in (("first", first), ("second", second)):
        if person.pk not in people.persons or person.pk in people.staff:
            errors[field] = [_("Choose a person of the network outside the project staff.")]
    if first.pk == second.pk:
        errors["second"] = [_("Choose two different persons.")]
    if introducer.pk not in people.staff:
        errors["introducer"] = [_("The introduction is made by a member of the project team.")]
    if errors:
        raise ValidationError(errors)
    pair = Q(subject_person=first, recipient_person=second) | Q(
        subject_person=second, recipient_person=first
    )
    if scope.objects(Recommendation).filter(pair).exists():
        raise ValidationError(_("An introduction of these two is already recorded."))
    tied = Q(source_person=first, target_person=second) | Q(
        source_person=second, target_person=first
    )
    if scope.objects(Tie).filter(tied).exists():
        raise ValidationError(_("These two already know each other."))
    return recommendation_create(
        scope=scope,
        recommender=introducer,
        subject=first,
        recipient=second,
        date=on,
        purpose=f"Vorstellung im Netzwerk „{network.name}“"[:300],
        outcome=RecommendationOutcome.OPEN,
        provenance=Provenance.CONVERSATION,
    )
