"""Pages of networks: the list, the network's page (the hub of its steering pages), its
members, topics and the member × topic matrix, and the memberships section of an
organisation's or person's page.

The hub and its tab bar are extended through `SteeringConfig` (see `apps.py`):
`network_tabs` lists `(url name, label, permission)` of pages that take the network's
id; `network_sections` lists dotted paths of functions `(*, scope, network)` that
return a dict with at least `template` (rendered on the network's page with `section`
in its context), or None. Pages of a network render the same tab bar with
`network_tabs(request, network, active=…)` and `{% include "steering/_network_tabs.html" %}`.
"""

from django.apps import apps
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.hooks import app_sections
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.views import add_service_errors

from .. import selectors, services
from ..enums import Interest
from ..forms import (
    InterestCellForm,
    InterestsForm,
    MemberForm,
    MemberUpdateForm,
    NetworkFilterForm,
    NetworkForm,
    TopicForm,
)
from ..models import Network

# ------------------------------------------------------------------------------- hub


def network_tabs(request, network: Network, *, active: str) -> list[dict]:
    """The tab bar of a network's pages (`SteeringConfig.network_tabs`) the scope may see."""
    config = apps.get_app_config("steering")
    return [
        {
            "url": reverse(url_name, args=[network.pk]),
            "label": label,
            "active": url_name == active,
        }
        for url_name, label, permission in config.network_tabs
        if request.scope.can(permission)
    ]


def network_sections(*, scope: Scope, network: Network) -> list[dict]:
    """Sections other parts add to the network's page (`network_sections`)."""
    return app_sections("network_sections", scope=scope, network=network)


# ------------------------------------------------------------------------------ list


@scoped_view(permission="view_steering")
def network_list(request):
    filters = selectors.NetworkFilter.from_query(request.GET)
    page = paginate(request, selectors.network_list(scope=request.scope, filters=filters))
    context = {
        "page": page,
        "filters": filters,
        "filter_form": NetworkFilterForm(request.GET or None),
        "query": request.GET.urlencode(),
    }
    template = "steering/_network_results.html" if request.htmx else "steering/network_list.html"
    return render(request, template, context)


@scoped_view(permission="view_steering")
def network_detail(request, pk: int):
    scope = request.scope
    network = selectors.network_get(scope=scope, pk=pk)
    members = list(selectors.network_members(scope=scope, network=network))
    current = [member for member in members if member.is_current]
    context = {
        "network": network,
        "tabs": network_tabs(request, network, active="steering:network_detail"),
        "current_members": current,
        "former_members": [member for member in members if not member.is_current],
        "topics": list(selectors.network_topics(scope=scope, network=network)),
        "sections": network_sections(scope=scope, network=network),
        "can_change": scope.can("change_steering"),
    }
    return render(request, "steering/network_detail.html", context)


@scoped_view(permission="change_steering")
def network_create(request):
    scope = request.scope
    form = NetworkForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_create(scope=scope, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been created.") % {"name": network})
            return redirect(network)
    return render(request, "steering/network_form.html", {"form": form})


@scoped_view(permission="change_steering")
def network_update(request, pk: int):
    scope = request.scope
    network = selectors.network_get(scope=scope, pk=pk)
    form = NetworkForm(request.POST or None, instance=network, scope=scope)
    if request.method == "POST" and form.is_valid():
        # The form has copied its values onto its instance; the service compares
        # against the stored network to log what changed.
        try:
            services.network_update(
                scope=scope,
                network=selectors.network_get(scope=scope, pk=pk),
                **form.service_fields(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(network)
    return render(request, "steering/network_form.html", {"form": form, "network": network})


@scoped_view(permission="change_steering")
def network_delete(request, pk: int):
    scope = request.scope
    network = selectors.network_get(scope=scope, pk=pk)
    if request.method == "POST":
        services.network_delete(scope=scope, network=network)
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": network})
        return redirect("steering:network_list")
    return render(
        request,
        "steering/network_confirm_delete.html",
        {"network": network, "cancel_url": network.get_absolute_url()},
    )


# --------------------------------------------------------------------------- members


@scoped_view(permission="change_steering")
def member_create(request, pk: int):
    """Add an organisation or a person, picked by search, to the network."""
    scope = request.scope
    network = selectors.network_get(scope=scope, pk=pk)
    form = MemberForm(request.POST or None, scope=scope)
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_add(scope=scope, network=network, **form.service_fields())
        except ValidationError as error:
            add_service_errors(form, _node_errors(error))
        else:
            messages.success(request, _("“%(name)s” has been added.") % {"name": member})
            if "another" in request.POST:
                return redirect("steering:member_create", network.pk)
            return redirect(network)
    return render(request, "steering/member_form.html", {"form": form, "network": network})


def _node_errors(error: ValidationError) -> ValidationError:
    """The service names the organisation or person field; the form has one picker."""
    if not hasattr(error, "error_dict"):
        return error
    errors = {}
    for field, messages_ in error.message_dict.items():
        errors.setdefault("node" if field in {"organisation", "person"} else field, []).extend(
            messages_
        )
    return ValidationError(errors)


@scoped_view(permission="change_steering")
def member_update(request, pk: int):
    scope = request.scope
    member = selectors.member_get(scope=scope, pk=pk)
    initial = {"role": member.role, "joined_on": member.joined_on, "left_on": member.left_on}
    form = MemberUpdateForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.member_update(scope=scope, member=member, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(member.network)
    return render(request, "steering/member_form.html", {"form": form, "member": member})


@scoped_view(permission="change_steering")
def member_delete(request, pk: int):
    scope = request.scope
    member = selectors.member_get(scope=scope, pk=pk)
    if request.method == "POST":
        services.member_remove(scope=scope, member=member)
        messages.success(
            request,
            _("“%(name)s” has been removed from the network.") % {"name": member},
        )
        return redirect(member.network)
    return render(
        request,
        "steering/member_confirm_delete.html",
        {"member": member, "cancel_url": member.network.get_absolute_url()},
    )


@scoped_view(permission="change_steering")
def member_interests(request, pk: int):
    """A member's interest in each topic: a form of its own, or one cell of the
    matrix posted by htmx (`topic` and `level`), answered with the matrix."""
    scope = request.scope
    member = selectors.member_get(scope=scope, pk=pk)
    network = member.network
    if request.method == "POST" and "topic" in request.POST:
        cell = InterestCellForm(request.POST, scope=scope, network=network)
        if cell.is_valid():
            services.member_interests_set(
                scope=scope,
                member=member,
                levels={cell.cleaned_data["topic"]: cell.cleaned_data["level"]},
            )
            notice = _("Saved.")
        else:
            notice = _("Choose a topic of this network and an interest level from the list.")
        if request.htmx:
            return render(
                request, "steering/_matrix.html", _matrix_context(request, network, notice)
            )
        messages.info(request, notice)
        return redirect("steering:network_matrix", network.pk)
    form = InterestsForm(
        request.POST or None, topics=selectors.member_interests(scope=scope, member=member)
    )
    if request.method == "POST" and form.is_valid():
        services.member_interests_set(scope=scope, member=member, levels=form.levels())
        messages.success(request, _("Your changes have been saved."))
        return redirect("steering:network_matrix", network.pk)
    return render(request, "steering/member_interests.html", {"form": form, "member": member})


# ---------------------------------------------------------------------------- topics


def _matrix_context(request, network: Network, notice: str = "") -> dict:
    return {
        "network": network,
        "matrix": selectors.network_matrix(scope=request.scope, network=network),
        "levels": Interest.choices,
        "can_change": request.scope.can("change_steering"),
        "notice": notice,
    }


@scoped_view(permission="view_steering")
def network_matrix(request, pk: int):
    """The topics and the member × topic matrix of a network."""
    network = selectors.network_get(scope=request.scope, pk=pk)
    context = _matrix_context(request, network) | {
        "tabs": network_tabs(request, network, active="steering:network_matrix"),
        "topic_form": TopicForm(prefix="topic"),
    }
    return render(request, "steering/topic_list.html", context)


@require_POST
@scoped_view(permission="change_steering")
def topic_create(request, pk: int):
    scope = request.scope
    network = selectors.network_get(scope=scope, pk=pk)
    form = TopicForm(request.POST, prefix="topic")
    if form.is_valid():
        try:
            topic = services.topic_create(scope=scope, network=network, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("“%(name)s” has been added.") % {"name": topic})
            return redirect("steering:network_matrix", network.pk)
    context = _matrix_context(request, network) | {
        "tabs": network_tabs(request, network, active="steering:network_matrix"),
        "topic_form": form,
    }
    return render(request, "steering/topic_list.html", context)


@scoped_view(permission="change_steering")
def topic_update(request, pk: int):
    scope = request.scope
    topic = selectors.topic_get(scope=scope, pk=pk)
    form = TopicForm(
        request.POST or None, initial={"name": topic.name, "description": topic.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.topic_update(scope=scope, topic=topic, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect("steering:network_matrix", topic.network_id)
    return render(request, "steering/topic_form.html", {"form": form, "topic": topic})


@scoped_view(permission="change_steering")
def topic_delete(request, pk: int):
    scope = request.scope
    topic = selectors.topic_get(scope=scope, pk=pk)
    cancel_url = reverse("steering:network_matrix", args=[topic.network_id])
    if request.method == "POST":
        services.topic_delete(scope=scope, topic=topic)
        messages.success(request, _("“%(name)s” has been deleted.") % {"name": topic})
        return redirect(cancel_url)
    return render(
        request, "steering/topic_confirm_delete.html", {"topic": topic, "cancel_url": cancel_url}
    )


# ------------------------------------------------------------------ contact pages


def memberships_panel(*, scope: Scope, subject) -> dict | None:
    """The "Networks" section of an organisation's or person's page
    (`SteeringConfig.contact_panels`): the networks it is or was a member of. Team only."""
    if not isinstance(subject, Organisation | Person) or not scope.can("view_steering"):
        return None
    return {
        "template": "steering/_member_panel.html",
        "subject": subject,
        "memberships": list(selectors.subject_memberships(scope=scope, subject=subject)),
    }
