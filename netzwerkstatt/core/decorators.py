from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import render


def scoped_view(*, permission: str):
    """Require a logged-in member of a workspace whose role grants `permission`.

    Anonymous users go to the login page; users without a workspace see an
    explanation; members lacking the permission get 403.
    """

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if request.scope is None:
                return render(request, "core/no_workspace.html", status=403)
            if not request.scope.can(permission):
                raise PermissionDenied(permission)
            return view(request, *args, **kwargs)

        wrapper.required_permission = permission
        return wrapper

    return decorator
