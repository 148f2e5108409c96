"""Reading the audit log: only the lead (`view_audit`), only their workspace's entries and
the sign-ins of its members. Names are looked up when the log is shown, never stored."""

import datetime as dt
from dataclasses import dataclass
from types import SimpleNamespace

from django.apps import apps
from django.db import models
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import Membership, User, WorkspaceScopedModel
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.templatetags.netzwerkstatt import activity_summary

from .enums import ACCOUNT_ACTIONS, AuditAction
from .models import AuditEntry


@dataclass(frozen=True)
class AuditFilter:
    action: str = ""
    actor: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None
    target_type: str = ""
    target_id: int | None = None


@dataclass(frozen=True)
class AuditRow:
    """One entry as the log page shows it: names resolved now, from the IDs it holds."""

    entry: AuditEntry
    actor: str
    target_kind: str
    target_name: str  # the target's name, or "#id" when it is gone or not the reader's to see
    target_url: str
    summary: str


def audit_entries(*, scope: Scope, filters: AuditFilter | None = None) -> QuerySet[AuditEntry]:
    """The workspace's entries and its members' sign-ins, newest first."""
    require(scope, "view_audit")
    filters = filters or AuditFilter()
    members = Membership.objects.filter(workspace=scope.workspace).values("user_id")
    queryset = AuditEntry.objects.filter(
        Q(workspace=scope.workspace) | Q(action__in=ACCOUNT_ACTIONS, actor_id__in=members)
    )
    if filters.action:
        queryset = queryset.filter(action=filters.action)
    if filters.actor is not None:
        queryset = queryset.filter(actor_id=filters.actor)
    if filters.since is not None:
        queryset = queryset.filter(created_at__gte=_day_start(filters.since))
    if filters.until is not None:
        queryset = queryset.filter(created_at__lt=_day_start(filters.until + dt.timedelta(days=1)))
    if filters.target_type:
        queryset = queryset.filter(target_type=filters.target_type)
    if filters.target_id is not None:
        queryset = queryset.filter(target_id=filters.target_id)
    return queryset.order_by("-created_at", "-id")


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def audit_actor_choices(*, scope: Scope) -> list[tuple[int, str]]:
    """The workspace's members and those removed from it (who may have acted in it), by
    name: who can appear as the acting user in the log the scope may read."""
    require(scope, "view_audit")
    members = set(
        Membership.objects.filter(workspace=scope.workspace).values_list("user_id", flat=True)
    )
    removed = set(
        AuditEntry.objects.filter(workspace=scope.workspace, action=AuditAction.MEMBER_REMOVED)
        .exclude(target_id=None)
        .values_list("target_id", flat=True)
    )
    names = _user_names(members | removed)
    return sorted(names.items(), key=lambda item: item[1].casefold())


def audit_target_type_choices(*, scope: Scope) -> list[tuple[str, str]]:
    """The kinds of object the workspace's entries name, by their readable name."""
    require(scope, "view_audit")
    labels = set(
        AuditEntry.objects.filter(workspace=scope.workspace)
        .exclude(target_type="")
        .order_by()
        .values_list("target_type", flat=True)
        .distinct()
    )
    choices = [(label, str(_model_name(label))) for label in labels]
    return sorted(choices, key=lambda item: item[1].casefold())


def audit_rows(*, scope: Scope, entries) -> list[AuditRow]:
    """The entries with their actors' names and links to their targets where these still
    exist and the scope may see them: one query for the users and one per kind of target."""
    require(scope, "view_audit")
    entries = list(entries)
    user_ids = {entry.actor_id for entry in entries if entry.actor_id}
    by_type: dict[str, set[int]] = {}
    for entry in entries:
        if entry.target_type and entry.target_id is not None:
            by_type.setdefault(entry.target_type, set()).add(entry.target_id)
    user_label = User._meta.label
    names = _user_names(user_ids | by_type.pop(user_label, set()))
    targets = {label: _targets(scope, label, ids) for label, ids in by_type.items()}
    rows = []
    for entry in entries:
        kind, name, url = _target_display(entry, names=names, targets=targets)
        rows.append(
            AuditRow(
                entry=entry,
                actor=_actor_name(entry, names),
                target_kind=kind,
                target_name=name,
                target_url=url,
                summary=audit_summary(entry),
            )
        )
    return rows


def _user_names(ids: set[int]) -> dict[int, str]:
    users = User.objects.filter(pk__in=ids).only("first_name", "last_name", "email")
    return {user.pk: user.get_full_name() or user.email for user in users}


def _actor_name(entry: AuditEntry, names: dict[int, str]) -> str:
    if entry.actor_id is None:
        if entry.action == AuditAction.LOGIN_FAILED:
            return _("unknown account")
        return _("System")
    return names.get(entry.actor_id) or _("deleted user #%(id)s") % {"id": entry.actor_id}


def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _model_name(label: str) -> str:
    model = _model(label)
    return model._meta.verbose_name if model is not None else label


def _targets(scope: Scope, label: str, ids: set[int]) -> dict[int, models.Model]:
    """The targets of one kind that still exist and that the scope may see."""
    model = _model(label)
    if model is None or not issubclass(model, WorkspaceScopedModel):
        return {}
    return scope.objects(model).in_bulk(ids)


def _target_display(entry: AuditEntry, *, names, targets) -> tuple[str, str, str]:
    """The target's kind, its name (or "#id") and its page's address where the reader has one."""
    if not entry.target_type:
        return "", "", ""
    kind = str(_model_name(entry.target_type))
    kind = kind[:1].upper() + kind[1:]
    if entry.target_id is None:
        return kind, "", ""
    unnamed = f"#{entry.target_id}"
    if entry.target_type == User._meta.label:
        return kind, names.get(entry.target_id) or unnamed, ""
    target = targets.get(entry.target_type, {}).get(entry.target_id)
    if target is None:
        return kind, unnamed, ""
    url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
    return kind, str(target), url


def audit_summary(entry: AuditEntry) -> str:
    """The details in words: "12 Personen · CSV", "Rolle: Projektleitung (vorher: …)"."""
    details = entry.details or {}
    parts = []
    try:
        summary = activity_summary(SimpleNamespace(details=details, content_type=None))
    except LookupError:  # a model that no longer exists
        summary = ""
    if summary:
        parts.append(summary)
    if details.get("role"):
        role = _role_label(details["role"])
        if details.get("previous_role"):
            parts.append(
                _("role: %(role)s (before: %(previous)s)")
                % {"role": role, "previous": _role_label(details["previous_role"])}
            )
        else:
            parts.append(_("role: %(role)s") % {"role": role})
    return " · ".join(parts)


def _role_label(value: str) -> str:
    try:
        return str(Role(value).label)
    except ValueError:
        return value
