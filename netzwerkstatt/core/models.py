from django.conf import settings
from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.core.validators import RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .enums import Action, Role


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """A person who logs in; the e-mail address is the login name."""

    username = None
    email = models.EmailField(_("e-mail address"), unique=True)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = []

    objects = UserManager()

    def __str__(self):
        return self.get_full_name() or self.email


class Workspace(models.Model):
    """The tenant: an organisation running projects (e.g. an education provider)."""

    slug = models.SlugField(
        _("short name"),
        max_length=50,
        unique=True,
        validators=[
            RegexValidator(
                r"^[a-z0-9][a-z0-9-]*$", _("Use lower-case letters, digits and hyphens.")
            )
        ],
    )
    name = models.CharField(_("name"), max_length=200)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("workspace")
        verbose_name_plural = _("workspaces")
        ordering = ["name"]

    def __str__(self):
        return self.name


class WorkspaceQuerySet(models.QuerySet):
    def in_workspace(self, workspace):
        return self.filter(workspace=workspace)


class WorkspaceScopedModel(models.Model):
    """Base of every model that holds a workspace's data.

    Reads go through `Scope.objects(Model)` (see `core.scoping`), which is the one
    place where the workspace filter (and the partner's restricted view) is applied.
    """

    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, verbose_name=_("workspace"))

    objects = WorkspaceQuerySet.as_manager()

    class Meta:
        abstract = True


class Project(WorkspaceScopedModel):
    name = models.CharField(_("name"), max_length=200)
    title = models.CharField(_("full title"), max_length=500, blank=True)
    description = models.TextField(_("description"), blank=True)
    start_date = models.DateField(_("start"), null=True, blank=True)
    end_date = models.DateField(_("end"), null=True, blank=True)

    class Meta:
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["workspace", "name"], name="project_unique_name"),
        ]

    def __str__(self):
        return self.name


class Membership(models.Model):
    """A user's role in one workspace; a user may belong to several."""

    # Not tenant data read through a scope: memberships are what scopes are built from.
    scope_exempt = True

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    workspace = models.ForeignKey(Workspace, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.STAFF)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "workspace"], name="membership_unique_user_workspace"
            ),
        ]

    def __str__(self):
        return f"{self.user} @ {self.workspace} ({self.get_role_display()})"


class ActivityEntry(WorkspaceScopedModel):
    """Who did what to which object, and when.

    Holds IDs and field names, never personal values: the entry stays correct and
    harmless after the object it names has been changed or erased.
    """

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    content_type = models.ForeignKey(ContentType, null=True, blank=True, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("content_type", "object_id")
    details = models.JSONField(_("details"), default=dict, blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["workspace", "-created_at"]),
            models.Index(fields=["content_type", "object_id"]),
        ]

    def __str__(self):
        return f"{self.actor} {self.get_action_display()} {self.content_type} #{self.object_id}"

    def get_absolute_url(self):
        target = self.target
        return target.get_absolute_url() if target is not None else reverse("core:home")


class DataVersion(WorkspaceScopedModel):
    """A counter per workspace and topic that every write to that topic's data raises.

    Caches of derived data (the relationship graph, network metrics) compare it
    instead of scanning the tables for changes; it works across processes and
    servers because it lives in the database.
    """

    topic = models.CharField(max_length=50)
    version = models.PositiveBigIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["workspace", "topic"], name="dataversion_unique_topic"),
        ]

    def __str__(self):
        return f"{self.workspace} {self.topic} v{self.version}"
