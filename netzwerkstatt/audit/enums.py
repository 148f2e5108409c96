from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    LOGIN = "login", _("signed in")
    LOGIN_FAILED = "login_failed", _("sign-in failed")
    LOGOUT = "logout", _("signed out")
    LOCKED_OUT = "locked_out", _("locked out after failed sign-ins")
    SECOND_FACTOR_ENABLED = "totp_enabled", _("switched on the second factor")
    SECOND_FACTOR_DISABLED = "totp_disabled", _("switched off the second factor")
    VIEWED = "viewed", _("viewed")
    EXPORTED = "exported", _("exported")
    IMPORTED = "imported", _("imported")
    ACCESS_EXPORTED = "access_exported", _("exported all data about (Art. 15)")
    ERASED = "erased", _("erased (Art. 17)")
    ROLE_CHANGED = "role_changed", _("changed the role of")
    MEMBER_ADDED = "member_added", _("added to the workspace")
    MEMBER_REMOVED = "member_removed", _("removed from the workspace")
    USER_DEACTIVATED = "user_deactivated", _("deactivated")
    RETENTION_RUN = "retention_run", _("ran the retention rules")
    SETTINGS_CHANGED = "settings_changed", _("changed data-protection settings")
    BACKUP = "backup", _("made a backup")
    RESTORE = "restore", _("restored a backup")


# What a user does with their account rather than in a workspace: a lead sees these for
# every member of the workspace, whichever workspace the entry was written in.
ACCOUNT_ACTIONS = (
    AuditAction.LOGIN,
    AuditAction.LOGIN_FAILED,
    AuditAction.LOGOUT,
    AuditAction.LOCKED_OUT,
    AuditAction.SECOND_FACTOR_ENABLED,
    AuditAction.SECOND_FACTOR_DISABLED,
)
