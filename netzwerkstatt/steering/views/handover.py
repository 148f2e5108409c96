"""The "Nachhaltigkeit & Übergabe" page of a network and its sections.

Three sections edit in place with htmx and answer with themselves: the coordination
plan, the handovers of key relationships, and the ranked introductions. Without
JavaScript the same forms post and redirect to the page (or show it with the errors).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.network.views import add_service_errors

from .. import selectors, services
from ..forms import CoordinationPlanForm, HandoverDoneForm, HandoverForm, IntroductionForm
from ..models import Handover
from .networks import network_tabs

SECTIONS = {
    "plan": "steering/_handover_plan.html",
    "handovers": "steering/_handover_list.html",
    "proposals": "steering/_handover_proposals.html",
}


def _page_url(network) -> str:
    return reverse("steering:network_handover", args=[network.pk])


def _context(request, network, *, plan_form=None, failed=None, introduction=None) -> dict:
    """What the page and its sections show; forms with errors replace the empty ones
    (`failed`: (key, form) of one handover row, `introduction`: of one proposal; the key
    is the pair of person ids as posted)."""
    scope = request.scope
    overview = selectors.handover_overview(scope=scope, network=network)
    can_change = scope.can("change_steering")
    context = {
        "network": network,
        "overview": overview,
        "can_change": can_change,
        "tabs": network_tabs(request, network, active="steering:network_handover"),
    }
    if not can_change:
        return context
    successors = overview.successor_choices
    failed_key, failed_form = failed or (None, None)
    rows = []
    for row in overview.rows:
        if failed_key == (str(row.staff.pk), str(row.member.pk)):
            form = failed_form
        else:
            handover = row.handover
            form = HandoverForm(
                prefix=f"h{row.staff.pk}-{row.member.pk}",
                successors=successors,
                initial={
                    "staff": row.staff.pk,
                    "member": row.member.pk,
                    "successor": handover.successor_id if handover else None,
                    "introduce_on": handover.introduce_on if handover else None,
                    "note": handover.note if handover else "",
                },
            )
        rows.append({"row": row, "form": form})
    today = timezone.localdate()
    introducer = overview.person_of_user(request.user.pk)
    introduction_key, introduction_form = introduction or (None, None)
    proposals = []
    for proposal in overview.proposals:
        if introduction_key == (str(proposal.first.pk), str(proposal.second.pk)):
            form = introduction_form
        else:
            form = IntroductionForm(
                prefix=f"i{proposal.first.pk}-{proposal.second.pk}",
                introducers=overview.introducers,
                initial={
                    "first": proposal.first.pk,
                    "second": proposal.second.pk,
                    "introducer": introducer,
                    "on": today,
                },
            )
        proposals.append({"proposal": proposal, "form": form})
    return context | {
        "plan_form": plan_form
        or CoordinationPlanForm(prefix="plan", network=network, successors=successors),
        "handover_rows": rows,
        "proposal_rows": proposals,
        "done_form": HandoverDoneForm(prefix="done", initial={"introduced_on": today}),
    }


def _answer(request, network, section: str, *, notice: str = "", error: str = "", **forms):
    """The section (htmx) or, without JavaScript, the page (or back to it)."""
    if not request.htmx:
        if notice or error:
            if error:
                messages.error(request, error)
            else:
                messages.success(request, notice)
            return redirect(_page_url(network))
        return render(request, "steering/handover.html", _context(request, network, **forms))
    context = _context(request, network, **forms) | {"notice": notice, "error": error}
    return render(request, SECTIONS[section], context)


@scoped_view(permission="view_steering")
def network_handover(request, pk: int):
    network = selectors.handover_network_get(scope=request.scope, pk=pk)
    return render(request, "steering/handover.html", _context(request, network))


@require_POST
@scoped_view(permission="change_steering")
def network_handover_plan(request, pk: int):
    scope = request.scope
    network = selectors.handover_network_get(scope=scope, pk=pk)
    overview = selectors.handover_overview(scope=scope, network=network)
    form = CoordinationPlanForm(
        request.POST, prefix="plan", network=network, successors=overview.successor_choices
    )
    if form.is_valid():
        data = form.cleaned_data
        successor = data["successor_coordinator"]
        try:
            services.network_handover_plan_update(
                scope=scope,
                network=network,
                successor_coordinator=scope.get(Person, pk=successor) if successor else None,
                handover_on=data["handover_on"],
                handover_plan=data["handover_plan"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _answer(
                request,
                selectors.handover_network_get(scope=scope, pk=pk),
                "plan",
                notice=_("The coordination plan has been saved."),
            )
    network = selectors.handover_network_get(scope=scope, pk=pk)
    return _answer(request, network, "plan", plan_form=form)


@require_POST
@scoped_view(permission="change_steering")
def handover_save(request, pk: int):
    """Plan (or change) the handover of one key relationship; the row's form carries
    the staff member and the member as hidden fields, with a per-row prefix."""
    scope = request.scope
    network = selectors.handover_network_get(scope=scope, pk=pk)
    prefix = request.POST.get("prefix", "")
    overview = selectors.handover_overview(scope=scope, network=network)
    form = HandoverForm(request.POST, prefix=prefix, successors=overview.successor_choices)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.handover_save(
                scope=scope,
                network=network,
                staff=scope.get(Person, pk=data["staff"]),
                member=scope.get(Person, pk=data["member"]),
                successor=scope.get(Person, pk=data["successor"]) if data["successor"] else None,
                introduce_on=data["introduce_on"],
                note=data["note"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _answer(request, network, "handovers", notice=_("The handover has been saved."))
    key = (request.POST.get(f"{prefix}-staff"), request.POST.get(f"{prefix}-member"))
    return _answer(request, network, "handovers", failed=(key, form))


@require_POST
@scoped_view(permission="change_steering")
def handover_done(request, pk: int):
    scope = request.scope
    handover = scope.get(Handover, pk=pk)
    network = selectors.handover_network_get(scope=scope, pk=handover.network_id)
    form = HandoverDoneForm(request.POST, prefix="done")
    if not form.is_valid():
        return _answer(
            request, network, "handovers", error=_("Enter the date of the introduction.")
        )
    try:
        services.handover_introduced(
            scope=scope, handover=handover, introduced_on=form.cleaned_data["introduced_on"]
        )
    except ValidationError as error:
        return _answer(request, network, "handovers", error=" ".join(error.messages))
    return _answer(
        request, network, "handovers", notice=_("The introduction has been recorded as made.")
    )


@require_POST
@scoped_view(permission="change_steering")
def handover_delete(request, pk: int):
    scope = request.scope
    handover = scope.get(Handover, pk=pk)
    network = selectors.handover_network_get(scope=scope, pk=handover.network_id)
    services.handover_delete(scope=scope, handover=handover)
    return _answer(request, network, "handovers", notice=_("The handover has been removed."))


@require_POST
@scoped_view(permission="change_steering")
def introduction_create(request, pk: int):
    """Record a proposed introduction as planned: a recommendation with outcome open."""
    scope = request.scope
    network = selectors.handover_network_get(scope=scope, pk=pk)
    prefix = request.POST.get("prefix", "")
    overview = selectors.handover_overview(scope=scope, network=network)
    form = IntroductionForm(request.POST, prefix=prefix, introducers=overview.introducers)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.introduction_record(
                scope=scope,
                network=network,
                first=scope.get(Person, pk=data["first"]),
                second=scope.get(Person, pk=data["second"]),
                introducer=scope.get(Person, pk=data["introducer"]),
                on=data["on"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return _answer(
                request,
                network,
                "proposals",
                notice=_("The introduction has been recorded as a recommendation."),
            )
    key = (request.POST.get(f"{prefix}-first"), request.POST.get(f"{prefix}-second"))
    return _answer(request, network, "proposals", introduction=(key, form))
