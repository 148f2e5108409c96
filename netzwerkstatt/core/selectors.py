from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .enums import Role
from .models import ActivityEntry, DataVersion, Membership, User, Workspace
from .scoping import Scope


def memberships_of(*, user: User) -> QuerySet[Membership]:
    return (
        Membership.objects.filter(user=user).select_related("workspace").order_by("workspace__name")
    )


def scope_for_user(*, user: User, preferred_workspace_id: int | None = None) -> Scope | None:
    """The scope of the preferred workspace if the user belongs to it, else of their first."""
    if not user.is_active:
        return None
    memberships = memberships_of(user=user)
    membership = None
    if preferred_workspace_id is not None:
        membership = memberships.filter(workspace_id=preferred_workspace_id).first()
    membership = membership or memberships.first()
    if membership is None:
        return None
    return Scope(workspace=membership.workspace, role=Role(membership.role), user=user)


def activity_recent(*, scope: Scope, limit: int = 15) -> list[ActivityEntry]:
    return list(
        scope.objects(ActivityEntry)
        .select_related("actor", "content_type")
        .prefetch_related("target")[:limit]
    )


def activity_for(*, scope: Scope, target) -> QuerySet[ActivityEntry]:
    return (
        scope.objects(ActivityEntry)
        .filter(content_type=ContentType.objects.get_for_model(target), object_id=target.pk)
        .select_related("actor")
    )


def data_versions(*, workspace: Workspace, topics: tuple[str, ...]) -> tuple[int, ...]:
    """The current versions of these topics' data (0 where nothing was written yet)."""
    versions = dict(
        DataVersion.objects.filter(workspace=workspace, topic__in=topics).values_list(
            "topic", "version"
        )
    )
    return tuple(versions.get(topic, 0) for topic in topics)
