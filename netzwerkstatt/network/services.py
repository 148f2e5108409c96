"""Writes to the relationship network: ties, recommendations and the project team.

Every service checks the scope's permission, validates, records the action in the
activity log (IDs, kinds and field names only) and raises the workspace's
"network" data version, so the cached graph and metrics know they are stale.

Ties between the same two ends of the same kind are one tie: `tie_save` strengthens
an existing one instead of adding a second. Undirected kinds are stored with their
ends in a canonical order (person before organisation; of two persons or two
organisations, the lower id first), so A–B and B–A find the same row.
"""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.fields import assign
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import Membership, Project, User
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record, data_version_bump

from .enums import TIE_RULES, NodeType, Provenance, RecommendationOutcome, TieKind
from .models import Recommendation, TeamMember, Tie
from .selectors import team_person_ids

# Raised on every write that changes the graph (see core.models.DataVersion).
DATA_TOPIC = "network"
TIE_FIELDS = (
    "kind", "strength", "trust", "since", "last_contact", "provenance", "purpose", "project",
    "note",
)  # fmt: skip
# Strengths of the ties a recommendation implies (1 = barely know each other, 5 = very close).
RECOMMENDER_STRENGTH = 2
CONVERSATION_STRENGTH = 2
COOPERATION_STRENGTH = 4

Node = Person | Organisation


def network_changed(*, scope: Scope) -> None:
    """Tell caches derived from the network (graph, metrics, warm paths) that they are stale."""
    data_version_bump(workspace=scope.workspace, topic=DATA_TOPIC)


def node_type(node: Node) -> NodeType:
    if isinstance(node, Person):
        return NodeType.PERSON
    if isinstance(node, Organisation):
        return NodeType.ORGANISATION
    raise TypeError(f"A tie's end is a person or an organisation, not {type(node).__name__}")


# ---------------------------------------------------------------------------------- ties


@transaction.atomic
def tie_save(
    *,
    scope: Scope,
    kind: TieKind,
    source: Node,
    target: Node,
    strength: int,
    trust: int | None = None,
    since: dt.date | None = None,
    last_contact: dt.date | None = None,
    provenance: Provenance = Provenance.CONVERSATION,
    purpose: str = "",
    project: Project | None = None,
    note: str = "",
) -> tuple[Tie, bool]:
    """Record a tie, or strengthen the one of this kind between these ends; return (tie, created).

    The ends must fit the kind (TIE_RULES). For a kind between a person and an
    organisation the ends may come in either order (their types say which is which);
    for directed kinds between two persons or two organisations the order is the
    direction. Strengthening keeps the tie's provenance and takes the higher strength
    and trust, the earlier `since`, the later `last_contact`, fills an empty purpose
    and project and appends a new note.
    """
    require(scope, "change_network")
    kind = _tie_kind(kind)
    source, target = canonical_ends(kind=kind, source=source, target=target)
    _check_ends(scope, source, target)
    _check_project(scope, project)
    tie = (
        scope.objects(Tie)
        .select_for_update()
        .filter(kind=kind, **_end_lookup("source", source), **_end_lookup("target", target))
        .order_by("pk")
        .first()
    )
    if tie is None:
        tie = Tie(
            workspace=scope.workspace,
            kind=kind,
            recorded_by=scope.user,
            strength=strength,
            trust=trust,
            since=since,
            last_contact=last_contact,
            provenance=provenance,
            purpose=purpose.strip(),
            project=project,
            note=note.strip(),
            **_end_fields("source", source),
            **_end_fields("target", target),
        )
        _tie_clean(tie)
        tie.save()
        activity_record(scope=scope, action=Action.CREATED, target=tie)
        network_changed(scope=scope)
        return tie, True

    merged = {
        "strength": max(tie.strength, strength),
        "trust": _highest(tie.trust, trust),
        "since": _earliest(tie.since, since),
        "last_contact": _latest(tie.last_contact, last_contact),
        "purpose": tie.purpose or purpose.strip(),
        "project": tie.project or project,
        "note": _appended(tie.note, note),
    }
    # Validate the new values as given, so that e.g. strength 7 is refused, not hidden by max().
    Tie(
        workspace=scope.workspace, kind=kind, strength=strength, trust=trust, provenance=provenance
    ).clean_fields(exclude=_all_but("strength", "trust", "provenance"))
    changed = assign(tie, merged)
    if changed:
        _tie_clean(tie)
        tie.save()
        activity_record(scope=scope, action=Action.UPDATED, target=tie, details={"fields": changed})
        network_changed(scope=scope)
    return tie, False


@transaction.atomic
def tie_update(*, scope: Scope, tie: Tie, **fields) -> Tie:
    """Change a tie's kind, strength, trust, dates, provenance, purpose, project or note.

    A new kind must fit the ends (which may swap into the new kind's canonical
    order) and must not duplicate another tie between them.
    """
    require(scope, "change_network")
    unknown = set(fields) - set(TIE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown fields: {', '.join(sorted(unknown))}")
    if "project" in fields:
        _check_project(scope, fields["project"])
    for name in ("purpose", "note"):
        if name in fields:
            fields[name] = (fields[name] or "").strip()
    if "kind" in fields:
        fields["kind"] = _tie_kind(fields["kind"])
    changed = assign(tie, fields)
    if "kind" in changed:
        source, target = canonical_ends(kind=tie.kind, source=tie.source, target=tie.target)
        for end, node in (("source", source), ("target", target)):
            for name, value in _end_fields(end, node).items():
                setattr(tie, name, value)
        duplicate = (
            scope.objects(Tie)
            .filter(kind=tie.kind, **_end_lookup("source", source), **_end_lookup("target", target))
            .exclude(pk=tie.pk)
            .exists()
        )
        if duplicate:
            raise ValidationError(
                {"kind": _("A tie of this kind between these two already exists.")}
            )
    if changed:
        _tie_clean(tie)
        tie.save()
        activity_record(scope=scope, action=Action.UPDATED, target=tie, details={"fields": changed})
        network_changed(scope=scope)
    return tie


@transaction.atomic
def tie_delete(*, scope: Scope, tie: Tie) -> None:
    require(scope, "change_network")
    activity_record(scope=scope, action=Action.DELETED, target=tie)
    tie.delete()
    network_changed(scope=scope)


@transaction.atomic
def ties_contacted(*, scope: Scope, persons: Sequence[Person], on: dt.date) -> int:
    """Set `last_contact` to `on` (never backwards) on the ties among these persons
    and between them and the current team; return how many ties changed.

    For logged activities and events: whoever met there were in contact that day.
    Ties to organisations are left alone (a contact is between people).
    """
    require(scope, "change_network")
    ids = set()
    for person in persons:
        _check_workspace(scope, person, "persons")
        ids.add(person.pk)
    if not ids:
        return 0
    team = team_person_ids(scope=scope, on=on)
    reachable = ids | team
    among = Q(source_person_id__in=ids, target_person_id__in=reachable) | Q(
        target_person_id__in=ids, source_person_id__in=reachable
    )
    count = (
        scope.objects(Tie)
        .filter(among)
        .filter(Q(last_contact__isnull=True) | Q(last_contact__lt=on))
        .update(last_contact=on, updated_at=timezone.now())
    )
    if count:
        activity_record(
            scope=scope, action=Action.UPDATED, details={"model": "network.tie", "count": count}
        )
        network_changed(scope=scope)
    return count


def canonical_ends(*, kind: TieKind, source: Node, target: Node) -> tuple[Node, Node]:
    """The ends as stored: checked against the kind's rule, undirected ones in canonical order."""
    rule = TIE_RULES[TieKind(kind)]
    types = (node_type(source), node_type(target))
    if types != (rule.source, rule.target):
        if rule.source != rule.target and types == (rule.target, rule.source):
            source, target = target, source
        else:
            raise ValidationError({"kind": _wrong_ends_message(kind)})
    if not rule.directed and rule.source == rule.target and (source.pk or 0) > (target.pk or 0):
        source, target = target, source
    return source, target


def _wrong_ends_message(kind: TieKind) -> str:
    rule = TIE_RULES[kind]
    label = TieKind(kind).label
    if rule.source == rule.target == NodeType.PERSON:
        return _("“%(kind)s” is a tie between two persons.") % {"kind": label}
    if rule.source == rule.target == NodeType.ORGANISATION:
        return _("“%(kind)s” is a tie between two organisations.") % {"kind": label}
    return _("“%(kind)s” is a tie between a person and an organisation.") % {"kind": label}


def _tie_kind(kind) -> TieKind:
    try:
        return TieKind(kind)
    except ValueError as error:
        raise ValidationError({"kind": _("Choose a kind of tie from the list.")}) from error


def _check_ends(scope: Scope, source: Node, target: Node) -> None:
    _check_workspace(scope, source, "source")
    _check_workspace(scope, target, "target")
    if type(source) is type(target) and source.pk == target.pk:
        raise ValidationError({"target": _("A tie needs two different ends.")})


def _check_workspace(scope: Scope, node: Node, field: str) -> None:
    if node.pk is None or node.workspace_id != scope.workspace.pk:
        raise ValidationError(
            {field: _("This person or organisation belongs to another workspace.")}
        )


def _check_project(scope: Scope, project: Project | None) -> None:
    if project is not None and project.workspace_id != scope.workspace.pk:
        raise ValidationError({"project": _("The project belongs to another workspace.")})


def _end_fields(end: str, node: Node) -> dict:
    person = node if isinstance(node, Person) else None
    organisation = node if isinstance(node, Organisation) else None
    return {f"{end}_person": person, f"{end}_organisation": organisation}


def _end_lookup(end: str, node: Node) -> dict:
    field = "person" if isinstance(node, Person) else "organisation"
    return {f"{end}_{field}": node}


# Checked by the services themselves before saving (scope, canonical_ends, _check_ends,
# _check_project); the database enforces the check constraints again.
TIE_CHECKED_FIELDS = (
    "workspace", "recorded_by", "project", "source_person", "source_organisation",
    "target_person", "target_organisation",
)  # fmt: skip


def _tie_clean(tie: Tie) -> None:
    """full_clean without the per-row queries of foreign-key lookups and check constraints.

    Those cost a dozen queries per tie (13 ms on SQLite), which an import of
    thousands of ties through tie_save cannot afford, and the services have
    checked them already.
    """
    tie.full_clean(exclude=TIE_CHECKED_FIELDS, validate_constraints=False)


def _all_but(*names: str) -> list[str]:
    return [field.name for field in Tie._meta.fields if field.name not in names]


def _highest(old: int | None, new: int | None) -> int | None:
    return max((value for value in (old, new) if value is not None), default=None)


def _earliest(old: dt.date | None, new: dt.date | None) -> dt.date | None:
    return min((value for value in (old, new) if value is not None), default=None)


def _latest(old: dt.date | None, new: dt.date | None) -> dt.date | None:
    return max((value for value in (old, new) if value is not None), default=None)


def _appended(old: str, new: str) -> str:
    new = new.strip()
    if not new or new in old:
        return old
    return f"{old.rstrip()}\n\n{new}" if old.strip() else new


# ------------------------------------------------------------------------ recommendations


@transaction.atomic
def recommendation_create(
    *,
    scope: Scope,
    recommender: Person,
    subject: Node,
    recipient: Node,
    date: dt.date,
    purpose: str = "",
    outcome: RecommendationOutcome = RecommendationOutcome.OPEN,
    provenance: Provenance = Provenance.CONVERSATION,
    project: Project | None = None,
    note: str = "",
) -> Recommendation:
    """Record that `recommender` recommended `subject` to `recipient`, and the ties it implies.

    Ties (all through `tie_save` with provenance "recommendation", so existing ties
    are strengthened, never duplicated or weakened):

    - The recommender knows each end that is a person: KNOWS, strength 2, since the
      date; to the recipient also last contact on the date (they spoke then). An end
      that is an organisation implies no tie of the recommender: knowing an
      organisation runs through its people (their functions), and "advises" or
      "member of" would claim more than a recommendation says.
    - The outcome ties subject and recipient, see `recommendation_set_outcome`.
    """
    require(scope, "change_network")
    _check_workspace(scope, recommender, "recommender")
    _check_workspace(scope, subject, "subject")
    _check_workspace(scope, recipient, "recipient")
    _check_project(scope, project)
    if recommender == subject:
        raise ValidationError({"subject": _("Someone cannot recommend themselves.")})
    if recommender == recipient:
        raise ValidationError({"recipient": _("The recipient must not be the recommender.")})
    if subject == recipient:
        raise ValidationError({"recipient": _("The recipient must not be the subject.")})
    outcome = RecommendationOutcome(outcome)
    recommendation = Recommendation(
        workspace=scope.workspace,
        recorded_by=scope.user,
        recommender=recommender,
        date=date,
        outcome=outcome,
        outcome_date=None if outcome == RecommendationOutcome.OPEN else date,
        provenance=provenance,
        purpose=purpose.strip(),
        project=project,
        note=note.strip(),
        **_end_fields("subject", subject),
        **_end_fields("recipient", recipient),
    )
    recommendation.full_clean()
    recommendation.save()
    activity_record(scope=scope, action=Action.CREATED, target=recommendation)
    for end in (subject, recipient):
        if isinstance(end, Person):
            _recommendation_tie(
                scope,
                recommendation,
                kind=TieKind.KNOWS,
                source=recommender,
                target=end,
                strength=RECOMMENDER_STRENGTH,
                since=date,
                last_contact=date if end == recipient else None,
            )
    _outcome_ties(scope, recommendation)
    network_changed(scope=scope)
    return recommendation


@transaction.atomic
def recommendation_set_outcome(
    *,
    scope: Scope,
    recommendation: Recommendation,
    outcome: RecommendationOutcome,
    on: dt.date,
) -> Recommendation:
    """Set what came of the recommendation (on date `on`) and tie subject and recipient.

    - "conversation held" ties them weakly (strength 2): two persons KNOWS, a
      person and an organisation COLLABORATES, two organisations COOPERATION.
    - "cooperation" ties them strongly (strength 4): two persons WORKS_WITH, a
      person and an organisation COLLABORATES, two organisations COOPERATION.
    - "open" and "declined" add no tie. Ties recorded earlier stay: they describe
      what happened, and a later "declined" does not undo a conversation.

    The ties start (`since`) and were last in contact on `on`.
    """
    require(scope, "change_network")
    outcome = RecommendationOutcome(outcome)
    changed = assign(
        recommendation,
        {
            "outcome": outcome,
            "outcome_date": None if outcome == RecommendationOutcome.OPEN else on,
        },
    )
    if changed:
        recommendation.full_clean()
        recommendation.save()
        activity_record(
            scope=scope,
            action=Action.UPDATED,
            target=recommendation,
            details={"fields": changed},
        )
        network_changed(scope=scope)
    _outcome_ties(scope, recommendation)
    return recommendation


@transaction.atomic
def recommendation_delete(*, scope: Scope, recommendation: Recommendation) -> None:
    """Delete the record of a recommendation; the ties it created stay (they are relationships)."""
    require(scope, "change_network")
    activity_record(scope=scope, action=Action.DELETED, target=recommendation)
    recommendation.delete()
    network_changed(scope=scope)


# Outcome → the kind of tie between subject and recipient by their types, and its strength.
OUTCOME_TIES = {
    RecommendationOutcome.CONVERSATION: (
        {
            (NodeType.PERSON, NodeType.PERSON): TieKind.KNOWS,
            (NodeType.PERSON, NodeType.ORGANISATION): TieKind.COLLABORATES,
            (NodeType.ORGANISATION, NodeType.ORGANISATION): TieKind.COOPERATION,
        },
        CONVERSATION_STRENGTH,
    ),
    RecommendationOutcome.COOPERATION: (
        {
            (NodeType.PERSON, NodeType.PERSON): TieKind.WORKS_WITH,
            (NodeType.PERSON, NodeType.ORGANISATION): TieKind.COLLABORATES,
            (NodeType.ORGANISATION, NodeType.ORGANISATION): TieKind.COOPERATION,
        },
        COOPERATION_STRENGTH,
    ),
}


def _outcome_ties(scope: Scope, recommendation: Recommendation) -> None:
    if recommendation.outcome not in OUTCOME_TIES:
        return
    kinds, strength = OUTCOME_TIES[recommendation.outcome]
    subject, recipient = recommendation.subject, recommendation.recipient
    types = tuple(sorted((node_type(subject), node_type(recipient)), key=_person_first))
    on = recommendation.outcome_date or recommendation.date
    _recommendation_tie(
        scope,
        recommendation,
        kind=kinds[types],
        source=subject,
        target=recipient,
        strength=strength,
        since=on,
        last_contact=on,
    )


def _person_first(node_type_: NodeType) -> int:
    return 0 if node_type_ == NodeType.PERSON else 1


def _recommendation_tie(scope: Scope, recommendation: Recommendation, **fields) -> Tie:
    tie, _created = tie_save(
        scope=scope,
        provenance=Provenance.RECOMMENDATION,
        purpose=recommendation.purpose,
        project=recommendation.project,
        **fields,
    )
    return tie


# ---------------------------------------------------------------------------------- team


@transaction.atomic
def team_member_set(
    *,
    scope: Scope,
    person: Person,
    user: User | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
) -> TeamMember:
    """Make the person a member of the project team, with these values (None clears one).

    `user` links the workspace member who logs in as this person; a user is linked
    to one person per workspace, so a link elsewhere moves here.
    """
    require(scope, "manage_team")
    _check_workspace(scope, person, "person")
    if since and until and until < since:
        raise ValidationError({"until": _("The end date must not be before the start date.")})
    if (
        user is not None
        and not Membership.objects.filter(user=user, workspace=scope.workspace).exists()
    ):
        raise ValidationError({"user": _("This user is not a member of the workspace.")})
    member = scope.objects(TeamMember).filter(person=person).first()
    created = member is None
    if created:
        member = TeamMember(workspace=scope.workspace, person=person)
    if user is not None:
        for other in scope.objects(TeamMember).filter(user=user).exclude(pk=member.pk):
            other.user = None
            other.save(update_fields=["user"])
            activity_record(
                scope=scope, action=Action.UPDATED, target=other, details={"fields": ["user"]}
            )
    changed = assign(member, {"user": user, "since": since, "until": until})
    if created or changed:
        member.full_clean()
        member.save()
        activity_record(
            scope=scope,
            action=Action.CREATED if created else Action.UPDATED,
            target=member,
            details={} if created else {"fields": changed},
        )
        network_changed(scope=scope)
    return member


@transaction.atomic
def team_member_remove(*, scope: Scope, team_member: TeamMember) -> None:
    """Take the person off the team; the person and their ties stay."""
    require(scope, "manage_team")
    activity_record(scope=scope, action=Action.DELETED, target=team_member)
    team_member.delete()
    network_changed(scope=scope)
