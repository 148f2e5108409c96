"""The "Projektteam" page: who is on the team, and which login belongs to which person."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.services import EmailData, person_create
from netzwerkstatt.core.decorators import scoped_view

from .. import selectors, services
from ..forms import TeamMemberForm, TeamMemberUpdateForm
from ..models import TeamMember
from . import add_service_errors


@scoped_view(permission="view_team")
def team(request):
    """The team; the lead adds members (existing persons, new ones, users without a person)."""
    scope = request.scope
    form = None
    if scope.can("manage_team"):
        if request.method == "POST" and request.POST.get("action") == "from_user":
            return _member_from_user(request)
        form = TeamMemberForm(request.POST or None, scope=scope, prefix="member")
        if request.method == "POST" and form.is_valid():
            try:
                member = _add_member(scope, form.cleaned_data)
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(
                    request, _("%(name)s is now on the team.") % {"name": member.person}
                )
                return redirect("network:team")
    members = list(selectors.team_members(scope=scope))
    linked = {member.user_id for member in members if member.user_id}
    context = {
        "members": members,
        "form": form,
        "unlinked_users": [
            user for user in selectors.workspace_users(scope=scope) if user.pk not in linked
        ]
        if scope.can("manage_team")
        else [],
        "current": selectors.team_person_ids(scope=scope),
    }
    return render(request, "network/team_list.html", context)


@transaction.atomic
def _add_member(scope, data: dict) -> TeamMember:
    person = data["person"] or person_create(
        scope=scope, first_name=data["first_name"], last_name=data["last_name"]
    )
    return services.team_member_set(
        scope=scope, person=person, user=data["user"], since=data["since"], until=data["until"]
    )


def _member_from_user(request):
    """Create a person record for a user of the workspace and put it on the team, linked."""
    scope = request.scope
    user_id = request.POST.get("user", "")
    user = (
        selectors.workspace_users(scope=scope).filter(pk=user_id).first()
        if user_id.isdigit()
        else None
    )
    if user is None:
        raise Http404("user")
    with transaction.atomic():
        person = person_create(
            scope=scope,
            first_name=user.first_name,
            last_name=user.last_name or user.email.split("@")[0],
            emails=[EmailData(address=user.email)],
        )
        services.team_member_set(scope=scope, person=person, user=user)
    messages.success(request, _("%(name)s is now on the team.") % {"name": person})
    return redirect("network:team")


@scoped_view(permission="manage_team")
def team_member_update(request, pk: int):
    scope = request.scope
    member = scope.get(TeamMember, pk=pk)
    form = TeamMemberUpdateForm(
        request.POST or None,
        scope=scope,
        initial={"user": member.user_id, "since": member.since, "until": member.until},
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.team_member_set(scope=scope, person=member.person, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("network:team")
    return render(request, "network/team_member_form.html", {"form": form, "member": member})


@scoped_view(permission="manage_team")
def team_member_remove(request, pk: int):
    scope = request.scope
    member = scope.get(TeamMember, pk=pk)
    if request.method == "POST":
        services.team_member_remove(scope=scope, team_member=member)
        messages.success(request, _("%(name)s is no longer on the team.") % {"name": member.person})
        return redirect("network:team")
    return render(
        request,
        "network/team_confirm_remove.html",
        {"member": member, "cancel_url": reverse("network:team")},
    )
