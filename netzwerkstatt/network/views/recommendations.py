"""Recommendation pages: the list with outcome changes, recording one, deleting one."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate

from .. import selectors, services
from ..forms import OutcomeForm, RecommendationFilterForm, RecommendationForm
from ..models import Recommendation
from . import add_service_errors, next_url
from .ties import panel_response


@scoped_view(permission="view_recommendations")
def recommendation_list(request):
    scope = request.scope
    filters = selectors.RecommendationFilter.from_query(request.GET)
    page = paginate(request, selectors.recommendation_list(scope=scope, filters=filters))
    context = {
        "page": page,
        "filter_form": RecommendationFilterForm(request.GET or None, scope=scope),
        "outcome_form": OutcomeForm(),
        "query": request.GET.urlencode(),
    }
    template = (
        "network/_recommendation_results.html"
        if request.htmx
        else "network/recommendation_list.html"
    )
    return render(request, template, context)


@scoped_view(permission="change_network")
def recommendation_create(request):
    """Record a recommendation. From the contact-page panel (htmx) the answer is the panel."""
    scope = request.scope
    panel_key = request.POST.get("panel", "") if request.htmx else ""
    if request.method == "POST":
        form = RecommendationForm(request.POST, scope=scope, prefix="recommendation")
        if form.is_valid():
            try:
                services.recommendation_create(scope=scope, **form.values())
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                notice = _("The recommendation has been recorded.")
                if panel_key:
                    return panel_response(request, panel_key, notice=notice)
                messages.success(request, notice)
                return redirect(next_url(request, reverse("network:recommendation_list")))
        if panel_key:
            return panel_response(
                request, panel_key, recommendation_form=form, open_form="recommendation"
            )
    else:
        initial = {}
        for name in ("recommender", "subject", "recipient"):
            key = request.GET.get(name, "")
            if key:
                try:
                    initial[name] = selectors.node_from_key(scope=scope, key=key)
                except Http404:
                    continue
        form = RecommendationForm(scope=scope, prefix="recommendation", initial=initial)
    return render(
        request, "network/recommendation_form.html", {"form": form, "next": next_url(request, "")}
    )


@require_POST
@scoped_view(permission="change_network")
def recommendation_outcome(request, pk: int):
    """Set a recommendation's outcome; htmx gets the list row back."""
    scope = request.scope
    recommendation = selectors.recommendation_get(scope=scope, pk=pk)
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.recommendation_set_outcome(
            scope=scope,
            recommendation=recommendation,
            outcome=form.cleaned_data["outcome"],
            on=form.cleaned_data["on"],
        )
        notice = _("The outcome has been saved.")
    else:
        notice = _("The outcome was not saved: choose an outcome and a date.")
    if request.htmx:
        row = selectors.recommendation_list(scope=scope).get(pk=pk)
        return render(
            request,
            "network/_recommendation_row.html",
            {"recommendation": row, "outcome_form": OutcomeForm(), "notice": notice},
        )
    (messages.success if form.is_valid() else messages.error)(request, notice)
    return redirect(next_url(request, reverse("network:recommendation_list")))


@scoped_view(permission="change_network")
def recommendation_delete(request, pk: int):
    scope = request.scope
    recommendation: Recommendation = selectors.recommendation_get(scope=scope, pk=pk)
    back = next_url(request, reverse("network:recommendation_list"))
    if request.method == "POST":
        services.recommendation_delete(scope=scope, recommendation=recommendation)
        messages.success(request, _("The recommendation has been deleted."))
        return redirect(back)
    return render(
        request,
        "network/recommendation_confirm_delete.html",
        {"recommendation": recommendation, "cancel_url": back},
    )
