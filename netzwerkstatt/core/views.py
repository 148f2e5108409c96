from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .decorators import scoped_view
from .middleware import SESSION_KEY
from .selectors import activity_recent, memberships_of


@scoped_view(permission="view_workspace")
def home(request):
    """The start page ("Übersicht"): each app contributes a panel of figures."""
    panels = [
        import_string(config.overview)(scope=request.scope)
        for config in apps.get_app_configs()
        if getattr(config, "overview", None)
    ]
    activities = activity_recent(scope=request.scope) if request.scope.can("view_notes") else []
    return render(request, "core/home.html", {"panels": panels, "activities": activities})


@require_POST
@login_required
def workspace_switch(request):
    membership = (
        memberships_of(user=request.user)
        .filter(workspace__slug=request.POST.get("workspace"))
        .first()
    )
    if membership is None:
        messages.error(request, _("You are not a member of that workspace."))
    else:
        request.session[SESSION_KEY] = membership.workspace_id
        messages.success(
            request, _("You are now working in “%(name)s”.") % {"name": membership.workspace.name}
        )
    return redirect("core:home")
