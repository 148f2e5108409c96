from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import F

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.services import audit_record

from .enums import Action, Role
from .models import ActivityEntry, DataVersion, Membership, Project, User, Workspace
from .scoping import Scope

# Activities that also go to the audit log: every export and import passes through here.
AUDITED_ACTIONS = {Action.EXPORTED: AuditAction.EXPORTED, Action.IMPORTED: AuditAction.IMPORTED}


def activity_record(
    *, scope: Scope, action: Action, target: models.Model | None = None, details: dict | None = None
) -> ActivityEntry:
    """Log an action; `details` must hold IDs, counts and field names only, no personal values.

    Exports and imports are written to the audit log as well, with the same details.
    """
    entry = ActivityEntry.objects.create(
        workspace=scope.workspace,
        actor=scope.user,
        action=action,
        content_type=ContentType.objects.get_for_model(target) if target is not None else None,
        object_id=target.pk if target is not None else None,
        details=details or {},
    )
    if action in AUDITED_ACTIONS:
        audit_record(
            action=AUDITED_ACTIONS[action],
            workspace=scope.workspace,
            actor=scope.user,
            target=target,
            details=details,
        )
    return entry


@transaction.atomic
def workspace_create(*, slug: str, name: str) -> Workspace:
    workspace = Workspace(slug=slug, name=name)
    workspace.full_clean()
    workspace.save()
    return workspace


@transaction.atomic
def project_create(*, scope: Scope, name: str, **fields) -> Project:
    project = Project(workspace=scope.workspace, name=name, **fields)
    project.full_clean()
    project.save()
    activity_record(scope=scope, action=Action.CREATED, target=project)
    return project


@transaction.atomic
def user_create(*, email: str, password: str, first_name: str = "", last_name: str = "") -> User:
    user = User(
        email=User.objects.normalize_email(email).lower(),
        first_name=first_name,
        last_name=last_name,
    )
    user.set_password(password)
    user.full_clean()
    user.save()
    return user


@transaction.atomic
def membership_set(
    *, user: User, workspace: Workspace, role: Role, actor: User | None = None
) -> Membership:
    """Give the user `role` in the workspace, adding them to it if needed.

    An addition or a change of role goes to the audit log, done by `actor` (None: an
    operator's command). Removals are logged by `audit.signals`, whatever deletes them.
    """
    previous = (
        Membership.objects.filter(user=user, workspace=workspace)
        .values_list("role", flat=True)
        .first()
    )
    membership, created = Membership.objects.update_or_create(
        user=user, workspace=workspace, defaults={"role": role}
    )
    if created or previous != role:
        audit_record(
            action=AuditAction.MEMBER_ADDED if created else AuditAction.ROLE_CHANGED,
            workspace=workspace,
            actor=actor,
            target=user,
            details={"role": Role(role).value} | ({} if created else {"previous_role": previous}),
        )
    return membership


def data_version_bump(*, workspace: Workspace, topic: str) -> None:
    """Mark the workspace's `topic` data as changed, for caches derived from it."""
    updated = DataVersion.objects.filter(workspace=workspace, topic=topic).update(
        version=F("version") + 1
    )
    if not updated:
        DataVersion.objects.get_or_create(workspace=workspace, topic=topic, defaults={"version": 1})
