"""Pages of the partner network survey: the team's (send, list, review) and the public answer form.

The public pages take the link's token instead of a login. For any token that
opens no survey they answer the same 404 page and say nothing about why; each
client address may try only a few unknown tokens before it is held off (429).
"""

from urllib.parse import quote

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.contacts.selectors import PersonFilter, person_list
from netzwerkstatt.core.decorators import scoped_view
from netzwerkstatt.core.pagination import paginate
from netzwerkstatt.core.throttle import Throttle, client_address

from .. import surveys
from ..models import Survey, SurveyAnswer
from ..survey_forms import (
    CLOSENESS_LABELS,
    AnswerFormSet,
    AnswerReviewForm,
    LinkRenewForm,
    SurveyCreateForm,
)
from ..surveys import SURVEY_PERMISSION, SurveyClosedError, SurveyState

# Unknown tokens one client address may present within ten minutes before it waits.
UNKNOWN_TOKENS_ALLOWED = 20
UNKNOWN_TOKENS = Throttle("survey-unknown-tokens", allowed=UNKNOWN_TOKENS_ALLOWED)
# Autocomplete requests one survey link may make within ten minutes.
SUGGESTIONS_ALLOWED = 300
SUGGESTIONS = Throttle("survey-suggestions", allowed=SUGGESTIONS_ALLOWED)
REVIEW_SURVEYS_PER_PAGE = 10
_LINK_SESSION_KEY = "survey_link_{pk}"


# --- the team's pages -------------------------------------------------------------------


@scoped_view(permission=SURVEY_PERMISSION)
def survey_list(request):
    page = paginate(request, surveys.survey_list(scope=request.scope))
    context = {
        "page": page,
        "pending_count": surveys.survey_pending_count(scope=request.scope),
        "now": timezone.now(),
    }
    return render(request, "network/survey_list.html", context)


@scoped_view(permission=SURVEY_PERMISSION)
def survey_create(request):
    person_id = request.GET.get("person", "")
    initial = {"respondent": int(person_id)} if person_id.isdigit() else {}
    form = SurveyCreateForm(request.POST or None, initial=initial, scope=request.scope)
    if request.method == "POST" and form.is_valid():
        survey, token = surveys.survey_create(
            scope=request.scope,
            respondent=form.cleaned_data["respondent"],
            message=form.cleaned_data["message"],
            valid_days=form.cleaned_data["valid_days"],
        )
        _remember_link(request, survey, token)
        messages.success(request, _("The survey has been created. Send the link to the partner."))
        return redirect("network:survey_detail", pk=survey.pk)
    return render(request, "network/survey_form.html", {"form": form})


@scoped_view(permission=SURVEY_PERMISSION)
def survey_detail(request, pk: int):
    survey = surveys.survey_detail(scope=request.scope, pk=pk)
    # The link exists only in the session of whoever created it, and is shown once.
    token = request.session.pop(_LINK_SESSION_KEY.format(pk=survey.pk), None)
    context = {
        "survey": survey,
        "state": surveys.survey_state(survey).value,
        "answers": _labelled(survey.answers.all()),
        "renew_form": LinkRenewForm(),
    }
    if token:
        link = request.build_absolute_uri(reverse("network:survey_respond", args=[token]))
        context |= {"link": link, "mailto": _mailto(survey, link, sender=request.user)}
    return render(request, "network/survey_detail.html", context)


@require_POST
@scoped_view(permission=SURVEY_PERMISSION)
def survey_link_renew(request, pk: int):
    survey = request.scope.get(Survey, pk=pk)
    form = LinkRenewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Enter for how many days the link is valid (1 to 365)."))
        return redirect("network:survey_detail", pk=survey.pk)
    try:
        token = surveys.survey_link_renew(
            scope=request.scope, survey=survey, valid_days=form.cleaned_data["valid_days"]
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        _remember_link(request, survey, token)
        messages.success(request, _("A new link has been created; the old one no longer works."))
    return redirect("network:survey_detail", pk=survey.pk)


@scoped_view(permission=SURVEY_PERMISSION)
def survey_review(request):
    page = paginate(
        request, surveys.survey_review_queue(scope=request.scope), per_page=REVIEW_SURVEYS_PER_PAGE
    )
    _prepared(
        request.scope, [answer for survey in page.object_list for answer in survey.pending_answers]
    )
    context = {"page": page, "next_url": request.get_full_path()}
    return render(request, "network/survey_review.html", context)


@require_POST
@scoped_view(permission=SURVEY_PERMISSION)
def survey_answer_accept(request, pk: int):
    answer = request.scope.get(SurveyAnswer, pk=pk)
    form = AnswerReviewForm(request.POST, scope=request.scope)
    error = None
    if form.is_valid():
        try:
            surveys.survey_answer_accept(
                scope=request.scope,
                answer=answer,
                organisation=None
                if form.cleaned_data["create"]
                else form.cleaned_data["organisation"],
                create_organisation=form.cleaned_data["create"],
            )
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
    else:
        error = _("Choose an organisation from the list.")
    return _reviewed(request, answer, error=error, done=_("The answer has become a tie."))


@require_POST
@scoped_view(permission=SURVEY_PERMISSION)
def survey_answer_reject(request, pk: int):
    answer = request.scope.get(SurveyAnswer, pk=pk)
    error = None
    try:
        surveys.survey_answer_reject(scope=request.scope, answer=answer)
    except ValidationError as invalid:
        error = " ".join(invalid.messages)
    return _reviewed(request, answer, error=error, done=_("The answer has been rejected."))


@require_POST
@scoped_view(permission=SURVEY_PERMISSION)
def survey_accept_all(request, pk: int):
    survey = request.scope.get(Survey, pk=pk)
    accepted, left = surveys.survey_accept_all(scope=request.scope, survey=survey)
    messages.success(
        request,
        ngettext("%(count)s answer accepted.", "%(count)s answers accepted.", accepted)
        % {"count": formats.number_format(accepted, force_grouping=True)},
    )
    if left:
        messages.warning(
            request,
            ngettext(
                "%(count)s free entry is left: choose or create the organisation it means.",
                "%(count)s free entries are left: choose or create the organisation each one "
                "means.",
                left,
            )
            % {"count": formats.number_format(left, force_grouping=True)},
        )
    return redirect(_next_url(request, default=reverse("network:survey_review")))


@require_GET
@scoped_view(permission=SURVEY_PERMISSION)
def survey_person_options(request):
    """<option>s of persons matching ?q=, for choosing a respondent (htmx)."""
    filters = PersonFilter(search=request.GET.get("q", ""))
    persons = person_list(scope=request.scope, filters=filters)[:20]
    return render(request, "network/_survey_person_options.html", {"persons": persons})


def _labelled(answers) -> list[SurveyAnswer]:
    """The answers, each with `closeness_label` for showing its closeness in words."""
    answers = list(answers)
    for answer in answers:
        answer.closeness_label = CLOSENESS_LABELS.get(answer.closeness, answer.closeness)
    return answers


def _prepared(scope, answers) -> list[SurveyAnswer]:
    """Answers for review: labelled, free entries with `candidates` (organisations of that name)."""
    answers = _labelled(answers)
    candidates = surveys.survey_answer_candidates(scope=scope, answers=answers)
    for answer in answers:
        answer.candidates = candidates.get(answer.pk, [])
    return answers


def _remember_link(request, survey: Survey, token: str) -> None:
    request.session[_LINK_SESSION_KEY.format(pk=survey.pk)] = token


def _reviewed(request, answer: SurveyAnswer, *, error: str | None, done: str) -> HttpResponse:
    """htmx gets the answer's row again; a plain form post goes back to the page it came from."""
    if request.htmx:
        answer = (
            SurveyAnswer.objects.select_related("organisation", "survey__respondent")
            .filter(pk=answer.pk)
            .get()
        )
        context = {
            "answer": _prepared(request.scope, [answer])[0],
            "error": error,
            "next_url": reverse("network:survey_review"),
        }
        return render(request, "network/_survey_answer.html", context)
    if error:
        messages.error(request, error)
    else:
        messages.success(request, done)
    return redirect(_next_url(request, default=reverse("network:survey_review")))


def _next_url(request, *, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _mailto(survey: Survey, link: str, *, sender) -> str:
    """A mailto: link with the invitation written out in German (the partner's language)."""
    recipient = next(iter(survey.respondent.emails.all()), None)
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("Network survey: with whom do you work?")
        parts = [
            _("Hello %(name)s,") % {"name": survey.respondent.full_name},
            survey.message,
            _(
                "please tell us, in a few minutes and without registering, with which companies "
                "and organisations you work and how closely:"
            ),
            link,
            _("The link is valid until %(date)s.")
            % {
                "date": formats.date_format(
                    timezone.localtime(survey.expires_at), "SHORT_DATE_FORMAT"
                )
            },
            _("Kind regards") + "\n" + (sender.get_full_name() or sender.email),
        ]
    body = "\n\n".join(part for part in parts if part)
    address = recipient.address if recipient else ""
    return f"mailto:{quote(address)}?subject={quote(subject)}&body={quote(body)}"


def survey_panel(*, scope, subject) -> dict | None:
    """The "Partner survey" section of a person's page (for `NetworkConfig.contact_panels`).

    Lists the surveys sent to the person and links to sending a new one; shown
    to the team only, and not on organisations' pages.
    """
    if not isinstance(subject, Person) or not scope.can(SURVEY_PERMISSION):
        return None
    return {
        "template": "network/_survey_panel.html",
        "person": subject,
        "surveys": list(surveys.survey_list(scope=scope).filter(respondent=subject)[:5]),
        "now": timezone.now(),
    }


# --- the public pages (no login; the token opens one survey) ----------------------------


def _open_survey(request, token: str) -> Survey | HttpResponse:
    """The open survey the token names, or the page that explains why there is none."""
    if UNKNOWN_TOKENS.held_off(client_address(request)):
        return _closed_page(request, "throttled", status=429)
    survey = surveys.survey_by_token(token=token)
    if survey is None:
        UNKNOWN_TOKENS.hit(client_address(request))
        return _closed_page(request, "unknown", status=404)
    state = surveys.survey_state(survey)
    if state is not SurveyState.OPEN:
        return _closed_page(request, state.value, status=410)
    return survey


def _closed_page(request, reason: str, *, status: int) -> HttpResponse:
    response = render(request, "network/survey_closed.html", {"reason": reason}, status=status)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@never_cache
def survey_respond(request, token: str):
    survey = _open_survey(request, token)
    if isinstance(survey, HttpResponse):
        return survey
    data = request.POST if request.method == "POST" else None
    options = {
        "survey": survey,
        "suggestions_url": reverse("network:survey_suggestions", args=[token]),
    }
    if data is not None and "add_row" in data:
        # Without JavaScript, "add another" shows the form again with the rows typed so far.
        typed = AnswerFormSet(data, **options)
        typed.is_valid()
        formset = AnswerFormSet(initial=_rows(typed), **options)
        formset.extra = 1
    else:
        formset = AnswerFormSet(data, **options)
    error = None
    if data is not None and "add_row" not in data and formset.is_valid():
        try:
            surveys.survey_submit(survey=survey, answers=formset.answers())
        except SurveyClosedError as closed:
            return _closed_page(request, closed.state.value, status=410)
        except ValidationError as invalid:
            error = " ".join(invalid.messages)
        else:
            return redirect("network:survey_thanks")
    context = {"survey": survey, "formset": formset, "token": token, "error": error}
    response = render(request, "network/survey_respond.html", context)
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def _rows(formset) -> list[dict]:
    """The rows typed so far, as initial data for the form shown again."""
    rows = []
    for form in formset.forms:
        values = getattr(form, "cleaned_data", {}) or {}
        if values.get("DELETE"):
            continue
        if any(values.get(name) for name in ("organisation", "organisation_name", "note")):
            rows.append(
                {
                    name: values.get(name)
                    for name in ("organisation", "organisation_name", "city", "closeness", "note")
                }
            )
    return rows


@never_cache
@require_GET
def survey_suggestions(request, token: str):
    """Names and towns of the workspace's organisations matching ?q= (htmx, at most 10).

    Answers only for an open survey; for any other token an empty 404.
    """
    if UNKNOWN_TOKENS.held_off(client_address(request)):
        return HttpResponse(status=429)
    survey = surveys.survey_by_token(token=token)
    if survey is None:
        UNKNOWN_TOKENS.hit(client_address(request))
        raise Http404
    if surveys.survey_state(survey) is not SurveyState.OPEN:
        raise Http404
    if SUGGESTIONS.hit(str(survey.pk)) > SUGGESTIONS.allowed:
        return HttpResponse(status=429)
    query = request.GET.get("q") or next(
        (value for name, value in request.GET.items() if name.endswith("organisation_name")), ""
    )
    suggestions = surveys.survey_organisation_suggestions(survey=survey, query=query[:100])
    response = render(
        request,
        "network/_survey_suggestions.html",
        {"suggestions": suggestions, "query": query},
    )
    response.headers["X-Robots-Tag"] = "noindex"
    return response


def survey_thanks(request):
    return render(request, "network/survey_thanks.html")
