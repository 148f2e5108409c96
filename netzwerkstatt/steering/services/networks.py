"""Writes of networks, their members, topics and the members' interest in each topic.

Every service checks `change_steering` (the team's, see `core/rules.py`), refuses
objects of another workspace, validates with `full_clean` (the model's German
messages, including the unique and one-kind constraints of a member) and records the
action in the activity log with ids, counts and field names only.

A member is an organisation or a person, never both. Removing a member deletes its
interests; a member who left keeps its row with `left_on`, so the history stays.
An interest of level 0 ("none") is stored as no row: the matrix reads absence as 0.
"""

from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import check_workspace, require
from netzwerkstatt.core.models import Project
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..enums import Interest, MemberRole
from ..models import Network, NetworkMember, NetworkTopic, TopicInterest

NETWORK_FIELDS = ("name", "purpose", "region", "started_on")
MEMBER_FIELDS = ("role", "joined_on", "left_on")
TOPIC_FIELDS = ("name", "description")

# ---------------------------------------------------------------------------- networks


@transaction.atomic
def network_create(
    *, scope: Scope, name: str, projects: Iterable[Project] = (), **fields
) -> Network:
    require(scope, "change_steering")
    _check_fields(fields, NETWORK_FIELDS)
    network = Network(workspace=scope.workspace, name=name, created_by=scope.user, **fields)
    _network_clean(scope, network)
    network.save()
    network.projects.set(_projects_in_scope(scope, projects))
    activity_record(scope=scope, action=Action.CREATED, target=network)
    return network


@transaction.atomic
def network_update(
    *, scope: Scope, network: Network, projects: Iterable[Project] | None = None, **fields
) -> Network:
    require(scope, "change_steering")
    check_workspace(scope, network)
    changed = assign(network, fields, allowed=NETWORK_FIELDS, strip=True)
    _network_clean(scope, network)
    network.save()
    if projects is not None:
        wanted = _projects_in_scope(scope, projects)
        if {p.pk for p in wanted} != set(network.projects.values_list("pk", flat=True)):
            network.projects.set(wanted)
            changed.append("projects")
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=network, details={"fields": changed}
        )
    return network


@transaction.atomic
def network_delete(*, scope: Scope, network: Network) -> None:
    """Delete a network with its members, topics, goals, meetings and action items."""
    require(scope, "change_steering")
    check_workspace(scope, network)
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=network,
        details={
            "members": network.members.count(),
            "topics": network.topics.count(),
            "meetings": network.meetings.count(),
        },
    )
    network.delete()


def _network_clean(scope: Scope, network: Network) -> None:
    for field in ("name", "purpose", "region"):
        setattr(network, field, (getattr(network, field) or "").strip())
    network.full_clean(validate_constraints=False)
    taken = scope.objects(Network).filter(name__iexact=network.name).exclude(pk=network.pk)
    if taken.exists():
        raise ValidationError({"name": _("This workspace already has a network of this name.")})


def _projects_in_scope(scope: Scope, projects: Iterable[Project]) -> list[Project]:
    projects = list(projects)
    if any(project.workspace_id != scope.workspace.pk for project in projects):
        raise ValidationError({"projects": _("Choose projects of this workspace.")})
    return projects


# ----------------------------------------------------------------------------- members


@transaction.atomic
def member_add(
    *,
    scope: Scope,
    network: Network,
    organisation: Organisation | None = None,
    person: Person | None = None,
    role: str = MemberRole.MEMBER,
    **fields,
) -> NetworkMember:
    """Add an organisation or a person (exactly one) to the network."""
    require(scope, "change_steering")
    _check_fields(fields, MEMBER_FIELDS)
    check_workspace(scope, network, organisation, person)
    if (organisation is None) == (person is None):
        raise ValidationError(_("Choose an organisation or a person as the member."))
    member = NetworkMember(
        workspace=scope.workspace,
        network=network,
        organisation=organisation,
        person=person,
        role=role,
        **fields,
    )
    _member_clean(scope, member)
    member.save()
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=member,
        details={"network": network.pk},
    )
    return member


@transaction.atomic
def member_update(*, scope: Scope, member: NetworkMember, **fields) -> NetworkMember:
    """Change a member's role or its joined and left dates."""
    require(scope, "change_steering")
    check_workspace(scope, member)
    changed = assign(member, fields, allowed=MEMBER_FIELDS, strip=True)
    _member_clean(scope, member)
    member.save()
    if changed:
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=member,
            details={"network": member.network_id, "fields": changed},
        )
    return member


@transaction.atomic
def member_remove(*, scope: Scope, member: NetworkMember) -> None:
    """Remove a member from the network with its interests (record `left_on` to keep it)."""
    require(scope, "change_steering")
    check_workspace(scope, member)
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=member,
        details={"network": member.network_id, "interests": member.interests.count()},
    )
    member.delete()


def _member_clean(scope: Scope, member: NetworkMember) -> None:
    errors = {}
    try:
        member.full_clean(validate_constraints=False)
    except ValidationError as error:
        errors = error.update_error_dict(errors)
    same = scope.objects(NetworkMember).filter(network_id=member.network_id).exclude(pk=member.pk)
    if member.organisation_id and same.filter(organisation_id=member.organisation_id).exists():
        errors.setdefault("organisation", []).append(_("This organisation is already a member."))
    if member.person_id and same.filter(person_id=member.person_id).exists():
        errors.setdefault("person", []).append(_("This person is already a member."))
    if member.joined_on and member.left_on and member.left_on < member.joined_on:
        errors.setdefault("left_on", []).append(
            _("The date of leaving must not be before the date of joining.")
        )
    if errors:
        raise ValidationError(errors)


# ------------------------------------------------------------------------------ topics


@transaction.atomic
def topic_create(
    *, scope: Scope, network: Network, name: str, description: str = ""
) -> NetworkTopic:
    require(scope, "change_steering")
    check_workspace(scope, network)
    topic = NetworkTopic(
        workspace=scope.workspace, network=network, name=name, description=description
    )
    _topic_clean(scope, topic)
    topic.save()
    activity_record(
        scope=scope, action=Action.CREATED, target=topic, details={"network": network.pk}
    )
    return topic


@transaction.atomic
def topic_update(*, scope: Scope, topic: NetworkTopic, **fields) -> NetworkTopic:
    require(scope, "change_steering")
    check_workspace(scope, topic)
    changed = assign(topic, fields, allowed=TOPIC_FIELDS, strip=True)
    _topic_clean(scope, topic)
    topic.save()
    if changed:
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=topic,
            details={"network": topic.network_id, "fields": changed},
        )
    return topic


@transaction.atomic
def topic_delete(*, scope: Scope, topic: NetworkTopic) -> None:
    """Delete a topic with the members' interests in it."""
    require(scope, "change_steering")
    check_workspace(scope, topic)
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=topic,
        details={"network": topic.network_id, "interests": topic.interests.count()},
    )
    topic.delete()


def _topic_clean(scope: Scope, topic: NetworkTopic) -> None:
    topic.name = (topic.name or "").strip()
    topic.description = (topic.description or "").strip()
    topic.full_clean(validate_constraints=False)
    taken = (
        scope.objects(NetworkTopic)
        .filter(network_id=topic.network_id, name__iexact=topic.name)
        .exclude(pk=topic.pk)
    )
    if taken.exists():
        raise ValidationError({"name": _("The network already has this topic.")})


# --------------------------------------------------------------------------- interests


@transaction.atomic
def member_interests_set(
    *, scope: Scope, member: NetworkMember, levels: Mapping[NetworkTopic, int]
) -> list[int]:
    """Set the member's interest in the given topics (others stay as they are).

    Returns the ids of the topics whose level changed.
    """
    require(scope, "change_steering")
    check_workspace(scope, member, *levels)
    valid = set(Interest.values)
    for topic, level in levels.items():
        if topic.network_id != member.network_id:
            raise ValidationError(_("Choose topics of the member's network."))
        if level not in valid:
            raise ValidationError(_("Choose an interest level from the list."))
    current = {
        interest.topic_id: interest
        for interest in TopicInterest.objects.filter(
            member=member, topic__in=[topic.pk for topic in levels]
        )
    }
    changed, to_create, to_update, to_delete = [], [], [], []
    for topic, level in levels.items():
        interest = current.get(topic.pk)
        old = interest.level if interest else Interest.NONE
        if old == level:
            continue
        changed.append(topic.pk)
        if level == Interest.NONE:
            to_delete.append(interest.pk)
        elif interest is None:
            to_create.append(
                TopicInterest(workspace=scope.workspace, member=member, topic=topic, level=level)
            )
        else:
            interest.level = level
            to_update.append(interest)
    if to_delete:
        TopicInterest.objects.filter(pk__in=to_delete).delete()
    if to_create:
        TopicInterest.objects.bulk_create(to_create)
    if to_update:
        TopicInterest.objects.bulk_update(to_update, ["level"])
    if changed:
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=member,
            details={"network": member.network_id, "fields": ["interests"], "topics": changed},
        )
    return changed


# ----------------------------------------------------------------------------- helpers


def _check_fields(fields: dict, allowed: tuple[str, ...]) -> None:
    unknown = set(fields) - set(allowed)
    if unknown:
        raise TypeError(f"Unknown fields: {sorted(unknown)}")
