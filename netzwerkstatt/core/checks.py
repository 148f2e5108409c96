from django.apps import apps
from django.core import checks

from .models import Workspace, WorkspaceScopedModel


@checks.register()
def check_tenant_models_are_scoped(app_configs=None, **kwargs):
    """A model holding a workspace's rows must be read through the scope layer."""
    errors = []
    for model in apps.get_models():
        if not model.__module__.startswith("netzwerkstatt.") or getattr(
            model, "scope_exempt", False
        ):
            continue
        has_workspace_fk = any(
            getattr(field, "related_model", None) is Workspace and field.many_to_one
            for field in model._meta.get_fields()
        )
        if has_workspace_fk and not issubclass(model, WorkspaceScopedModel):
            errors.append(
                checks.Error(
                    f"{model.__name__} has a workspace but does not subclass WorkspaceScopedModel.",
                    obj=model,
                    id="netzwerkstatt.E001",
                )
            )
    return errors
