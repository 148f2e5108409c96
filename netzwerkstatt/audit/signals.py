"""Audit entries for what happens outside the services: sign-ins and sign-outs (Django's
auth signals), memberships that end and accounts that are switched off, whatever path
deletes or saves them (a command, the admin, a cascade).

Like every audit entry these hold IDs only: a failed sign-in keeps the account's id
when the typed address belongs to one, and nothing of what was typed otherwise.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db import models
from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from netzwerkstatt.core.middleware import SESSION_KEY
from netzwerkstatt.core.models import Membership, User, Workspace

from .enums import AuditAction
from .services import audit_record


def _home_workspace(user: User, request=None) -> Workspace | None:
    """The workspace the user works in: the request's, the session's choice, else their first."""
    scope = getattr(request, "scope", None)
    if scope is not None and scope.user is not None and scope.user.pk == user.pk:
        return scope.workspace
    session = getattr(request, "session", None)
    preferred = session.get(SESSION_KEY) if session is not None else None
    memberships = Membership.objects.filter(user=user).select_related("workspace")
    membership = None
    if preferred is not None:
        membership = memberships.filter(workspace_id=preferred).first()
    membership = membership or memberships.order_by("workspace__name").first()
    return membership.workspace if membership is not None else None


@receiver(user_logged_in, dispatch_uid="audit_login")
def login_record(sender, request, user, **kwargs):
    audit_record(
        action=AuditAction.LOGIN,
        workspace=_home_workspace(user, request),
        actor=user,
    )


@receiver(user_logged_out, dispatch_uid="audit_logout")
def logout_record(sender, request, user, **kwargs):
    if user is None or not user.pk:  # logging out without being logged in
        return
    audit_record(
        action=AuditAction.LOGOUT,
        workspace=_home_workspace(user, request),
        actor=user,
    )


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def login_failed_record(sender, credentials, request=None, **kwargs):
    """The account the attempt named, if there is one; never the typed address itself."""
    model = get_user_model()
    typed = credentials.get("username") or credentials.get(model.USERNAME_FIELD)
    user = (
        model.objects.filter(**{f"{model.USERNAME_FIELD}__iexact": typed}).first()
        if isinstance(typed, str) and typed
        else None
    )
    if user is None:
        audit_record(
            action=AuditAction.LOGIN_FAILED,
            workspace=None,
            actor=None,
            details={"known_account": False},
        )
        return
    audit_record(
        action=AuditAction.LOGIN_FAILED,
        workspace=_home_workspace(user, request),
        actor=user,
    )


@receiver(post_delete, sender=Membership, dispatch_uid="audit_member_removed")
def membership_removed_record(sender, instance, origin=None, **kwargs):
    # A workspace being deleted takes its memberships and its audit log with it.
    if isinstance(origin, Workspace) or (
        isinstance(origin, models.QuerySet) and origin.model is Workspace
    ):
        return
    audit_record(
        action=AuditAction.MEMBER_REMOVED,
        workspace=Workspace(pk=instance.workspace_id),
        actor=None,
        target_type=User._meta.label,
        target_id=instance.user_id,
        details={"role": instance.role},
    )


@receiver(pre_save, sender=User, dispatch_uid="audit_user_deactivating")
def user_deactivation_note(sender, instance, update_fields=None, **kwargs):
    """Notes on the instance whether this save switches the account off (one query, and only
    when an inactive account is saved with its `is_active` field)."""
    instance._audit_deactivated = False
    if instance.is_active or instance.pk is None:
        return
    if update_fields is not None and "is_active" not in update_fields:
        return
    instance._audit_deactivated = User.objects.filter(pk=instance.pk, is_active=True).exists()


@receiver(post_save, sender=User, dispatch_uid="audit_user_deactivated")
def user_deactivated_record(sender, instance, created, **kwargs):
    if created or not getattr(instance, "_audit_deactivated", False):
        return
    instance._audit_deactivated = False
    workspace_ids = list(
        Membership.objects.filter(user=instance).values_list("workspace_id", flat=True)
    )
    for workspace_id in workspace_ids or [None]:
        audit_record(
            action=AuditAction.USER_DEACTIVATED,
            workspace=Workspace(pk=workspace_id) if workspace_id else None,
            actor=None,
            target=instance,
        )
