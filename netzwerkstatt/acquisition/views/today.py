"""The personal "Heute" page: the user's follow-ups and next steps, and its start-page panel."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.hooks import app_sections
from netzwerkstatt.core.scoping import Scope

from .. import selectors, services


@scoped_view(permission="view_acquisition")
def today(request):
    agenda = selectors.agenda(scope=request.scope, today=timezone.localdate())
    return render(
        request,
        "acquisition/today.html",
        {
            "agenda": agenda,
            "can_change": request.scope.can("change_acquisition"),
            "sections": today_sections(scope=request.scope),
        },
    )


def today_sections(*, scope: Scope) -> list[dict]:
    """Sections other apps add to the "Heute" page, after its own (`today_sections`)."""
    return app_sections("today_sections", scope=scope)


@require_POST
@scoped_view(permission="change_acquisition")
def follow_up_done(request, pk: int):
    """Mark a follow-up done (or open again with done=0); htmx gets its row back."""
    scope = request.scope
    activity = selectors.activity_get(scope=scope, pk=pk)
    done = request.POST.get("done", "1") != "0"
    try:
        activity = services.activity_follow_up_done(scope=scope, activity=activity, done=done)
    except ValidationError as error:
        if request.htmx:
            return HttpResponse(" ".join(error.messages), status=400)
        messages.error(request, " ".join(error.messages))
        return redirect("acquisition:today")
    if request.htmx:
        return render(
            request,
            "acquisition/_activity_follow_up.html",
            {"activity": activity, "today": timezone.localdate(), "can_change": True},
        )
    messages.success(
        request,
        _("The follow-up has been marked as done.") if done else _("The follow-up is open again."),
    )
    return redirect("acquisition:today")


def overview(*, scope: Scope) -> dict:
    """The start page's panel: what is due for the user today (team only)."""
    template = "acquisition/_activity_overview.html"
    if not scope.can("view_acquisition") or scope.user is None:
        return {"template": template, "visible": False}
    counts = selectors.due_counts(scope=scope, today=timezone.localdate())
    return {"template": template, "visible": True, **counts}
