"""The one place where tenant data is scoped to a workspace and a role.

A `Scope` is what a request, an API call or a management command acts in: one
workspace, one user and that user's role there. Selectors and services take a
scope and read through `scope.objects(Model)`, which filters by workspace and,
for partners, to what is shared with them.
"""

from dataclasses import dataclass

from django.db import models
from django.http import Http404

from .enums import Role
from .models import User, Workspace
from .rules import scope_has_permission


@dataclass(frozen=True)
class Scope:
    workspace: Workspace
    role: Role
    user: User | None = None

    @classmethod
    def system(cls, workspace: Workspace) -> "Scope":
        """Full access for operators' commands (imports, demo data) without a user."""
        return cls(workspace=workspace, role=Role.LEAD, user=None)

    @property
    def is_partner(self) -> bool:
        return self.role == Role.PARTNER

    def can(self, permission: str) -> bool:
        return scope_has_permission(self, permission)

    @property
    def perms(self) -> "ScopePermissions":
        """For templates: `{% if request.scope.perms.change_contacts %}`."""
        return ScopePermissions(self)

    def objects(self, model: type[models.Model]) -> models.QuerySet:
        queryset = model.objects.filter(workspace=self.workspace)
        if self.is_partner:
            partner_filter = getattr(model, "partner_visible", None)
            queryset = partner_filter(queryset) if partner_filter else queryset.none()
        return queryset

    def get(self, model: type[models.Model], **lookup) -> models.Model:
        """The object in this scope, or Http404: a foreign object does not exist here."""
        try:
            return self.objects(model).get(**lookup)
        except (model.DoesNotExist, ValueError, TypeError) as error:
            raise Http404(model._meta.verbose_name) from error


class ScopePermissions:
    def __init__(self, scope: Scope):
        self._scope = scope

    def __getitem__(self, permission: str) -> bool:
        return self._scope.can(permission)
