"""The World-Café pages of an event: planning, the plan and its printouts, results per table round.

Planning runs on the request (see `worldcafe.services.PLAN_SECONDS`): realistic
events are planned in well under a second, and the search stops early once it
cannot improve; no background job is needed. The page shows "wird berechnet …"
while the request runs (worldcafe.js).
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.pdf import render_pdf
from netzwerkstatt.core.services import activity_record

from ..models import Event, Invitation, TableRound, Topic
from ..worldcafe import services
from ..worldcafe.pages import WorldCafePage, world_cafe_page
from ..worldcafe.printouts import PRINTOUTS, printout_context, printout_filename
from ..worldcafe.selectors import default_table_count
from ..worldcafe_forms import (
    PairForm,
    ResultForm,
    SwapForm,
    TopicDealForm,
    TopicForm,
    TopicGridForm,
    WishesForm,
    WorldCafeSettingsForm,
)

VIEW = "view_events"
CHANGE = "change_events"


def _event(request, pk: int) -> Event:
    return request.scope.get(Event, pk=pk)


def _page_url(event: Event, anchor: str = "") -> str:
    url = reverse("events:world_cafe", args=[event.pk])
    return f"{url}#{anchor}" if anchor else url


def _error_messages(request, error: ValidationError) -> None:
    for message in error.messages:
        messages.error(request, message)


def _forms(page: WorldCafePage, data=None, **bound) -> dict:
    """Every form of the planning page; `bound` replaces one with the submitted, invalid form."""
    rounds = page.world_cafe.rounds if page.world_cafe else 3
    table_rounds = [table.table_round for round_view in page.rounds for table in round_view.tables]
    forms = {
        "settings_form": WorldCafeSettingsForm.for_world_cafe(
            None,
            world_cafe=page.world_cafe,
            tables=page.tables,
            participants=page.participants,
            rounds=rounds,
            default_tables=default_table_count(len(page.participants)),
        ),
        "topic_form": TopicForm(participants=page.participants, prefix="topic"),
        "deal_form": TopicDealForm(
            initial={"count": min(len(page.topics), len(page.tables)) or 1}, prefix="deal"
        ),
        "grid_form": TopicGridForm(table_rounds=table_rounds, topics=page.topics),
        "pair_form": PairForm(participants=page.participants, prefix="apart"),
        "swap_form": SwapForm(
            participants=[route.participant for route in page.routes],
            rounds=rounds,
            prefix="swap",
        ),
    }
    forms.update(bound)
    return forms


def _render(request, page: WorldCafePage, *, status: int = 200, **bound):
    context = {
        "page": page,
        "event": page.event,
        "default_tables": default_table_count(len(page.participants)),
        **_forms(page, **bound),
    }
    return render(request, "events/world_cafe.html", context, status=status)


@require_GET
@scoped_view(permission=VIEW)
def world_cafe(request, pk: int):
    """The planning page: settings, topics, wishes, the plan and its quality report."""
    event = _event(request, pk)
    return _render(request, world_cafe_page(scope=request.scope, event=event))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_settings(request, pk: int):
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    form = WorldCafeSettingsForm(
        request.POST, participants=page.participants, tables=max(len(page.tables), 1)
    )
    if not form.is_valid():
        return _render(request, page, status=400, settings_form=form)
    invitations = {p.pk: p for p in request.scope.objects(Invitation).filter(event=event)}
    try:
        services.world_cafe_settings_save(
            scope=request.scope, event=event, **form.service_fields(invitations)
        )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The settings have been saved."))
    return redirect(_page_url(event, "settings"))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_topic_create(request, pk: int):
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    form = TopicForm(request.POST, participants=page.participants, prefix="topic")
    if not form.is_valid():
        return _render(request, page, status=400, topic_form=form)
    persons = _persons(request, {p.person_id: p for p in page.participants})
    try:
        services.topic_create(scope=request.scope, event=event, **form.service_fields(persons))
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The topic has been added."))
    return redirect(_page_url(event, "topics"))


def _persons(request, participants: dict) -> dict:
    return {p.pk: p for p in request.scope.objects(Person).filter(pk__in=list(participants))}


@scoped_view(permission=CHANGE)
def world_cafe_topic_update(request, pk: int):
    topic = request.scope.get(Topic, pk=pk)
    event = topic.world_cafe.event
    page = world_cafe_page(scope=request.scope, event=event)
    form = TopicForm(request.POST or None, instance=topic, participants=page.participants)
    if request.method == "POST" and form.is_valid():
        persons = _persons(request, {p.person_id: p for p in page.participants})
        try:
            services.topic_update(scope=request.scope, topic=topic, **form.service_fields(persons))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your changes have been saved."))
            return redirect(_page_url(event, "topics"))
    return render(
        request, "events/world_cafe_topic_form.html", {"form": form, "topic": topic, "event": event}
    )


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_topic_delete(request, pk: int):
    topic = request.scope.get(Topic, pk=pk)
    event = topic.world_cafe.event
    services.topic_delete(scope=request.scope, topic=topic)
    messages.success(request, _("The topic has been removed."))
    return redirect(_page_url(event, "topics"))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_topics_deal(request, pk: int):
    event = _event(request, pk)
    form = TopicDealForm(request.POST, prefix="deal")
    world_cafe = services.world_cafe_ensure(scope=request.scope, event=event)
    if not form.is_valid():
        page = world_cafe_page(scope=request.scope, event=event)
        return _render(request, page, status=400, deal_form=form)
    dealt = services.topics_deal(
        scope=request.scope, world_cafe=world_cafe, count=form.cleaned_data["count"]
    )
    if dealt:
        messages.success(request, _("The topics have been dealt to the tables."))
    else:
        messages.warning(request, _("Add topics first."))
    return redirect(_page_url(event, "topics"))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_topic_grid(request, pk: int):
    """Save the topic of every table round at once."""
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    table_rounds = [table.table_round for round_view in page.rounds for table in round_view.tables]
    form = TopicGridForm(request.POST, table_rounds=table_rounds, topics=page.topics)
    if not form.is_valid():
        return _render(request, page, status=400, grid_form=form)
    try:
        for table_round, topic in form.changes():
            services.table_round_topic_set(
                scope=request.scope, table_round=table_round, topic=topic
            )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The topics of the tables have been saved."))
    return redirect(_page_url(event, "topics"))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_keep_apart(request, pk: int):
    """Add a pair to keep apart, or remove one (`remove` in the form)."""
    event = _event(request, pk)
    world_cafe = services.world_cafe_ensure(scope=request.scope, event=event)
    if "remove" in request.POST:
        try:
            pair = tuple(int(value) for value in request.POST.getlist("pair"))
        except ValueError:
            pair = ()
        if len(pair) == 2:
            services.keep_apart_remove(scope=request.scope, world_cafe=world_cafe, pair=pair)
            messages.success(request, _("The two may sit together again."))
        return redirect(_page_url(event, "constraints"))
    page = world_cafe_page(scope=request.scope, event=event)
    form = PairForm(request.POST, participants=page.participants, prefix="apart")
    if not form.is_valid():
        return _render(request, page, status=400, pair_form=form)
    invitations = request.scope.objects(Invitation).filter(event=event)
    try:
        services.keep_apart_add(
            scope=request.scope,
            world_cafe=world_cafe,
            first=invitations.get(pk=form.cleaned_data["first"]),
            second=invitations.get(pk=form.cleaned_data["second"]),
        )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The two will not sit at one table."))
    return redirect(_page_url(event, "constraints"))


@scoped_view(permission=CHANGE)
def world_cafe_wishes(request, pk: int):
    """Topic wishes per participant, as checkboxes."""
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    form = WishesForm(
        request.POST or None, participants=page.participants, topics=page.topics, wishes=page.wishes
    )
    if request.method == "POST" and form.is_valid() and page.world_cafe is not None:
        try:
            services.topic_wishes_save(
                scope=request.scope, world_cafe=page.world_cafe, wishes=form.wishes()
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The topic wishes have been saved."))
            return redirect(_page_url(event, "constraints"))
    return render(
        request, "events/world_cafe_wishes.html", {"form": form, "page": page, "event": event}
    )


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_plan(request, pk: int):
    """Plan the tables; "again" plans with the next seed, for another plan of the same quality."""
    event = _event(request, pk)
    world_cafe = services.world_cafe_ensure(scope=request.scope, event=event)
    try:
        services.world_cafe_plan(
            scope=request.scope,
            world_cafe=world_cafe,
            seed=None if "again" in request.POST else world_cafe.seed,
        )
    except ValidationError as error:
        _error_messages(request, error)
        return redirect(_page_url(event, "plan"))
    messages.success(request, _("The tables have been planned."))
    return redirect(_page_url(event, "plan"))


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_swap(request, pk: int):
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    if page.world_cafe is None:
        messages.error(request, _("Plan the tables first."))
        return redirect(_page_url(event, "plan"))
    form = SwapForm(
        request.POST,
        participants=[route.participant for route in page.routes],
        rounds=page.world_cafe.rounds,
        prefix="swap",
    )
    if not form.is_valid():
        return _render(request, page, status=400, swap_form=form)
    try:
        services.world_cafe_swap(
            scope=request.scope,
            world_cafe=page.world_cafe,
            round_number=form.cleaned_data["round_number"],
            first=form.cleaned_data["first"],
            second=form.cleaned_data["second"],
        )
    except ValidationError as error:
        _error_messages(request, error)
    else:
        messages.success(request, _("The two have swapped tables."))
    return redirect(_page_url(event, "plan"))


# ------------------------------------------------------------------------------ results


@require_GET
@scoped_view(permission=VIEW)
def world_cafe_results(request, pk: int):
    """Key points and flip-chart photos per table and round, for a tablet during or after the event."""
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event, with_photos=True)
    return render(request, "events/world_cafe_results.html", {"page": page, "event": event})


@require_POST
@scoped_view(permission=CHANGE)
def world_cafe_result(request, pk: int):
    """Save one table round's key points; htmx gets the card back, others the results page."""
    table_round = request.scope.get(TableRound, pk=pk)
    form = ResultForm(request.POST)
    saved = False
    if form.is_valid():
        services.table_round_results_save(
            scope=request.scope, table_round=table_round, key_points=form.cleaned_data["key_points"]
        )
        saved = True
    event = table_round.table.world_cafe.event
    if request.htmx:
        page = world_cafe_page(scope=request.scope, event=event, with_photos=True)
        table = next(t for r in page.rounds for t in r.tables if t.table_round.pk == table_round.pk)
        return render(
            request,
            "events/_world_cafe_result.html",
            {"table": table, "event": event, "form": form, "saved": saved},
            status=200 if saved else 400,
        )
    if saved:
        messages.success(request, _("The key points have been saved."))
    else:
        _error_messages(request, ValidationError(list(form.errors.get("key_points", []))))
    url = reverse("events:world_cafe_results", args=[event.pk])
    return redirect(f"{url}#round-{table_round.round}-table-{table_round.table.number}")


# ------------------------------------------------------------------------------ printouts


def _printout(request, pk: int, document: str):
    event = _event(request, pk)
    page = world_cafe_page(scope=request.scope, event=event)
    pdf = render_pdf(
        PRINTOUTS[document].template, printout_context(page, document), request=request
    )
    activity_record(
        scope=request.scope,
        action=Action.EXPORTED,
        target=event,
        details={"export": f"world_cafe_{document}", "format": "pdf"},
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{printout_filename(page, document)}"'
    return response


@require_GET
@scoped_view(permission=VIEW)
def world_cafe_table_plan_pdf(request, pk: int):
    """The table plan: one page per round, readable on a wall."""
    return _printout(request, pk, "table_plan")


@require_GET
@scoped_view(permission=VIEW)
def world_cafe_schedule_cards_pdf(request, pk: int):
    """A card per participant with their table and topic in every round, to cut out."""
    return _printout(request, pk, "schedule_cards")


@require_GET
@scoped_view(permission=VIEW)
def world_cafe_badges_pdf(request, pk: int):
    """Name badges, eight per A4 page: name and organisation."""
    return _printout(request, pk, "badges")


@require_GET
@scoped_view(permission=VIEW)
def world_cafe_topic_signs_pdf(request, pk: int):
    """A folded tent card per table and round with the table number and the topic."""
    return _printout(request, pk, "topic_signs")
