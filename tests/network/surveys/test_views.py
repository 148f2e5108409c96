import re
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone, translation

from netzwerkstatt.network.enums import AnswerStatus, TieKind
from netzwerkstatt.network.models import Survey, SurveyAnswer, Tie
from netzwerkstatt.network.surveys import AnswerData, survey_by_token, survey_create, survey_submit
from netzwerkstatt.network.views.surveys import UNKNOWN_TOKENS_ALLOWED
from tests.factories import OrganisationFactory, PersonFactory

TEAM_PAGES = [
    ("network:survey_list", "get", False),
    ("network:survey_create", "get", False),
    ("network:survey_review", "get", False),
    ("network:survey_person_options", "get", False),
    ("network:survey_detail", "get", True),
    ("network:survey_link_renew", "post", True),
    ("network:survey_accept_all", "post", True),
]


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


def _link_token(content: bytes) -> str:
    match = re.search(rb"/netzwerk/umfrage/([A-Za-z0-9_-]+)/", content)
    assert match, "no survey link on the page"
    return match.group(1).decode()


# --- the team's pages -------------------------------------------------------------------


@pytest.mark.parametrize(("name", "method", "takes_id"), TEAM_PAGES)
def test_survey_team_pages_are_closed_to_partners(partner_client, sent, name, method, takes_id):
    url = reverse(name, args=[sent[0].pk] if takes_id else [])

    response = getattr(partner_client, method)(url)

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method", "takes_id"), TEAM_PAGES)
def test_survey_team_pages_need_a_login(client, sent, name, method, takes_id):
    url = reverse(name, args=[sent[0].pk] if takes_id else [])

    response = getattr(client, method)(url)

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("network:survey_detail", "get"),
        ("network:survey_link_renew", "post"),
        ("network:survey_accept_all", "post"),
    ],
)
def test_survey_pages_answer_404_for_another_workspaces_survey(
    staff_client, other_workspace, name, method
):
    foreign, _token = survey_create(
        scope=_system(other_workspace), respondent=PersonFactory(workspace=other_workspace)
    )

    response = getattr(staff_client, method)(reverse(name, args=[foreign.pk]))

    assert response.status_code == 404


@pytest.mark.parametrize("name", ["network:survey_answer_accept", "network:survey_answer_reject"])
def test_survey_answer_actions_answer_404_for_another_workspaces_answer(
    staff_client, other_workspace, name
):
    foreign, _token = survey_create(
        scope=_system(other_workspace), respondent=PersonFactory(workspace=other_workspace)
    )
    (answer,) = survey_submit(
        survey=foreign, answers=[AnswerData(closeness=3, organisation_name="Fremd GmbH")]
    )

    response = staff_client.post(reverse(name, args=[answer.pk]), {"create": "on"})

    assert response.status_code == 404
    answer.refresh_from_db()
    assert answer.status == AnswerStatus.PENDING


def test_survey_list_empty_state(staff_client):
    response = staff_client.get(reverse("network:survey_list"))

    assert response.status_code == 200
    assert response.context["page"].paginator.count == 0
    assert reverse("network:survey_create").encode() in response.content


def test_survey_list_never_lists_another_workspaces_surveys(staff_client, sent, other_workspace):
    survey_create(
        scope=_system(other_workspace),
        respondent=PersonFactory(workspace=other_workspace, last_name="Fremdmarker"),
    )

    response = staff_client.get(reverse("network:survey_list"))

    assert list(response.context["page"].object_list) == [sent[0]]
    assert b"Fremdmarker" not in response.content


def test_survey_list_query_count_is_independent_of_rows(
    staff_client, scope, workspace, django_assert_max_num_queries
):
    for index in range(30):
        survey, _token = survey_create(
            scope=scope, respondent=PersonFactory(workspace=workspace, last_name=f"P{index}")
        )
        if index % 2:
            survey_submit(survey=survey, answers=[AnswerData(closeness=2, organisation_name="X")])

    with django_assert_max_num_queries(10):
        response = staff_client.get(reverse("network:survey_list"))

    assert len(response.context["page"].object_list) == 25
    assert response.context["pending_count"] == 15


def test_survey_create_shows_the_link_once(staff_client, respondent):
    page = staff_client.get(reverse("network:survey_create"), {"person": respondent.pk})
    assert f'value="{respondent.pk}" selected'.encode() in page.content or (
        page.context["form"].initial["respondent"] == respondent.pk
    )

    response = staff_client.post(
        reverse("network:survey_create"),
        {"respondent": respondent.pk, "message": "Danke!", "valid_days": 14},
        follow=True,
    )

    survey = Survey.objects.get()
    assert response.redirect_chain[-1][0] == reverse("network:survey_detail", args=[survey.pk])
    token = _link_token(response.content)
    assert survey_by_token(token=token) == survey
    mailto = unquote(response.context["mailto"])
    assert mailto.startswith("mailto:schulz@ihk.example?subject=")
    assert token in mailto
    again = staff_client.get(reverse("network:survey_detail", args=[survey.pk]))
    assert token.encode() not in again.content
    assert "link" not in again.context


def test_survey_create_refuses_another_workspaces_person(staff_client, other_workspace):
    stranger = PersonFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("network:survey_create"), {"respondent": stranger.pk, "valid_days": 30}
    )

    assert response.status_code == 200
    assert response.context["form"].errors["respondent"]
    assert not Survey.objects.exists()


def test_survey_person_options_never_list_another_workspace(
    staff_client, respondent, other_workspace
):
    PersonFactory(workspace=other_workspace, last_name="Schulz")

    response = staff_client.get(reverse("network:survey_person_options"), {"q": "schulz"})

    assert [person.pk for person in response.context["persons"]] == [respondent.pk]


def test_survey_link_renew_shows_a_new_link_and_closes_the_old(staff_client, sent):
    survey, old = sent

    response = staff_client.post(
        reverse("network:survey_link_renew", args=[survey.pk]), {"valid_days": 10}, follow=True
    )

    new = _link_token(response.content)
    assert new != old
    assert staff_client.get(reverse("network:survey_respond", args=[old])).status_code == 404
    assert staff_client.get(reverse("network:survey_respond", args=[new])).status_code == 200


def test_survey_detail_lists_the_answers(staff_client, answered):
    survey, _known, _free = answered

    response = staff_client.get(reverse("network:survey_detail", args=[survey.pk]))

    assert b"Metallbau M\xc3\xbcller GmbH" in response.content
    assert b"Tischlerei Krause" in response.content


def test_survey_review_groups_pending_answers_with_candidates(staff_client, answered, workspace):
    survey, known, free = answered
    krause = OrganisationFactory(workspace=workspace, name="Tischlerei Krause")

    response = staff_client.get(reverse("network:survey_review"))

    (listed,) = response.context["page"].object_list
    assert listed == survey
    assert [answer.pk for answer in listed.pending_answers] == [known.pk, free.pk]
    assert listed.pending_answers[1].candidates == [krause]


def test_survey_review_query_count_is_independent_of_rows(
    staff_client, scope, workspace, django_assert_max_num_queries
):
    for index in range(12):
        survey, _token = survey_create(scope=scope, respondent=PersonFactory(workspace=workspace))
        survey_submit(
            survey=survey,
            answers=[
                AnswerData(
                    closeness=3, organisation_id=OrganisationFactory(workspace=workspace).pk
                ),
                AnswerData(closeness=2, organisation_name=f"Frei {index}", city="Celle"),
            ],
        )

    with django_assert_max_num_queries(12):
        response = staff_client.get(reverse("network:survey_review"))

    assert len(response.context["page"].object_list) == 10


def test_survey_review_empty_state(staff_client):
    response = staff_client.get(reverse("network:survey_review"))

    assert response.status_code == 200
    assert not response.context["page"].object_list


def test_survey_answer_accept_by_htmx_returns_the_row(staff_client, answered):
    _survey, known, _free = answered

    response = staff_client.post(
        reverse("network:survey_answer_accept", args=[known.pk]), HTTP_HX_REQUEST="true"
    )

    assert response.status_code == 200
    assert f'id="answer-{known.pk}"'.encode() in response.content
    known.refresh_from_db()
    assert known.status == AnswerStatus.ACCEPTED
    assert Tie.objects.get().kind == TieKind.COLLABORATES


def test_survey_answer_accept_free_entry_with_a_chosen_organisation(
    staff_client, answered, workspace
):
    _survey, _known, free = answered
    krause = OrganisationFactory(workspace=workspace, name="Krause Holz")

    response = staff_client.post(
        reverse("network:survey_answer_accept", args=[free.pk]),
        {"organisation": krause.pk, "next": reverse("network:survey_review")},
    )

    assert response.status_code == 302
    assert Tie.objects.get().target == krause


def test_survey_answer_accept_free_entry_without_a_choice_explains(staff_client, answered):
    _survey, _known, free = answered

    with translation.override("en"):
        response = staff_client.post(
            reverse("network:survey_answer_accept", args=[free.pk]),
            HTTP_HX_REQUEST="true",
        )

    assert response.context["error"]
    assert 'role="alert"' in response.content.decode()
    free.refresh_from_db()
    assert free.status == AnswerStatus.PENDING


def test_survey_answer_accept_refuses_another_workspaces_organisation(
    staff_client, answered, other_workspace
):
    _survey, _known, free = answered
    foreign = OrganisationFactory(workspace=other_workspace)

    staff_client.post(
        reverse("network:survey_answer_accept", args=[free.pk]), {"organisation": foreign.pk}
    )

    assert not Tie.objects.exists()


def test_survey_answer_accept_create_makes_the_organisation(staff_client, answered):
    _survey, _known, free = answered

    staff_client.post(reverse("network:survey_answer_accept", args=[free.pk]), {"create": "on"})

    assert Tie.objects.get().target.name == "Tischlerei Krause"


def test_survey_answer_reject_by_form_goes_back(staff_client, answered):
    _survey, known, _free = answered

    response = staff_client.post(
        reverse("network:survey_answer_reject", args=[known.pk]),
        {"next": "https://elsewhere.example/"},
    )

    assert response.url == reverse("network:survey_review")
    known.refresh_from_db()
    assert known.status == AnswerStatus.REJECTED


def test_survey_accept_all_accepts_known_organisations(staff_client, answered):
    survey, _known, _free = answered

    staff_client.post(reverse("network:survey_accept_all", args=[survey.pk]))

    assert list(SurveyAnswer.objects.order_by("id").values_list("status", flat=True)) == [
        AnswerStatus.ACCEPTED,
        AnswerStatus.PENDING,
    ]


def test_survey_accept_all_says_what_was_accepted_and_what_is_left(staff_client, answered):
    survey, _known, _free = answered

    response = staff_client.post(
        reverse("network:survey_accept_all", args=[survey.pk]), follow=True
    )

    assert [(message.level_tag, str(message)) for message in response.context["messages"]] == [
        ("success", "1 Antwort übernommen."),
        (
            "warning",
            (
                "1 freie Angabe ist noch offen: Wählen Sie die gemeinte Organisation, "
                "oder legen Sie sie an."
            ),
        ),
    ]


# --- the public pages -------------------------------------------------------------------


def test_survey_respond_needs_no_login(client, sent):
    survey, token = sent

    response = client.get(reverse("network:survey_respond", args=[token]))

    assert response.status_code == 200
    assert response.context["survey"] == survey
    assert b"Petra Schulz" in response.content
    assert b"Bitte bis Freitag." in response.content
    assert response.headers["X-Robots-Tag"] == "noindex"
    assert "no-cache" in response.headers["Cache-Control"]


def test_survey_respond_asks_the_question(client, sent):
    response = client.get(reverse("network:survey_respond", args=[sent[1]]))

    assert (
        "Mit welchen Unternehmen und Organisationen arbeiten Sie zusammen, und wie eng?"
        in response.content.decode()
    )


@pytest.mark.parametrize("token", ["falsch", "a" * 43, "x" * 300])
def test_survey_respond_shows_nothing_for_a_wrong_token(client, sent, workspace, token):
    response = client.get(reverse("network:survey_respond", args=[token]))

    assert response.status_code == 404
    body = response.content.decode()
    assert workspace.name not in body
    assert "Schulz" not in body
    assert "survey" not in response.context or response.context.get("survey") is None


def test_survey_respond_expired_link_is_gone(client, sent, workspace):
    survey, token = sent
    Survey.objects.filter(pk=survey.pk).update(expires_at=timezone.now() - timedelta(minutes=1))

    response = client.get(reverse("network:survey_respond", args=[token]))

    assert response.status_code == 410
    assert response.context["reason"] == "expired"
    assert workspace.name not in response.content.decode()


def test_survey_respond_answers_once(client, sent, organisation):
    _survey, token = sent
    url = reverse("network:survey_respond", args=[token])
    data = _answers(
        {"organisation": organisation.pk, "organisation_name": "Metallbau", "closeness": 4},
        {"organisation_name": "Tischlerei Krause", "city": "Wolfsburg", "closeness": 2},
        {},
    )

    response = client.post(url, data)

    assert response.status_code == 302
    assert response.url == reverse("network:survey_thanks")
    assert list(
        SurveyAnswer.objects.order_by("id").values_list(
            "organisation_id", "organisation_name", "city", "closeness"
        )
    ) == [(organisation.pk, "", "", 4), (None, "Tischlerei Krause", "Wolfsburg", 2)]
    again = client.post(url, data)
    assert again.status_code == 410
    assert again.context["reason"] == "answered"
    assert SurveyAnswer.objects.count() == 2
    assert client.get(reverse("network:survey_thanks")).status_code == 200


def test_survey_respond_needs_at_least_one_organisation(client, sent):
    response = client.post(reverse("network:survey_respond", args=[sent[1]]), _answers({}, {}))

    assert response.status_code == 200
    assert response.context["formset"].non_form_errors()
    assert not SurveyAnswer.objects.exists()


def test_survey_respond_row_needs_a_closeness(client, sent):
    response = client.post(
        reverse("network:survey_respond", args=[sent[1]]),
        _answers({"organisation_name": "Tischlerei Krause"}),
    )

    assert response.context["formset"].forms[0].errors["closeness"]
    assert not SurveyAnswer.objects.exists()


def test_survey_respond_refuses_another_workspaces_organisation(client, sent, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace, name="Fremd AG")

    response = client.post(
        reverse("network:survey_respond", args=[sent[1]]),
        _answers({"organisation": foreign.pk, "organisation_name": "Fremd AG", "closeness": 3}),
    )

    assert response.status_code == 200
    assert response.context["formset"].forms[0].errors["organisation_name"]
    assert not SurveyAnswer.objects.exists()


def test_survey_respond_removed_rows_are_not_stored(client, sent):
    client.post(
        reverse("network:survey_respond", args=[sent[1]]),
        _answers(
            {"organisation_name": "Bleibt GmbH", "closeness": 3},
            {"organisation_name": "Entfernt GmbH", "closeness": 3, "DELETE": "on"},
        ),
    )

    assert list(SurveyAnswer.objects.values_list("organisation_name", flat=True)) == ["Bleibt GmbH"]


def test_survey_respond_add_row_without_javascript_keeps_what_was_typed(client, sent):
    data = _answers({"organisation_name": "Tischlerei Krause", "city": "Celle", "closeness": 2})
    data["add_row"] = "1"

    response = client.post(reverse("network:survey_respond", args=[sent[1]]), data)

    formset = response.context["formset"]
    assert formset.total_form_count() == 2
    assert formset.forms[0].initial["organisation_name"] == "Tischlerei Krause"
    assert not SurveyAnswer.objects.exists()


def test_survey_suggestions_show_names_and_towns(client, sent, organisation):
    response = client.get(
        reverse("network:survey_suggestions", args=[sent[1]]),
        {"form-0-organisation_name": "metall"},
    )

    assert response.status_code == 200
    assert [(s.name, s.city) for s in response.context["suggestions"]] == [
        ("Metallbau Müller GmbH", "Gifhorn")
    ]
    body = response.content.decode()
    assert organisation.postal_code not in body
    assert organisation.street not in body


def test_survey_suggestions_need_three_characters(client, sent, organisation):
    response = client.get(reverse("network:survey_suggestions", args=[sent[1]]), {"q": "me"})

    assert response.context["suggestions"] == []
    assert b"Metallbau" not in response.content


def test_survey_suggestions_never_leak_persons_or_another_workspace(
    client, sent, workspace, other_workspace
):
    PersonFactory(workspace=workspace, last_name="Geheimperson")
    OrganisationFactory(workspace=other_workspace, name="Geheimbetrieb")

    response = client.get(reverse("network:survey_suggestions", args=[sent[1]]), {"q": "geheim"})

    assert response.context["suggestions"] == []
    assert b"Geheim" not in response.content


@pytest.mark.parametrize("state", ["wrong", "answered", "expired"])
def test_survey_suggestions_need_an_open_survey(client, sent, organisation, state):
    survey, token = sent
    if state == "wrong":
        token = "falsch"
    elif state == "answered":
        survey_submit(survey=survey, answers=[AnswerData(closeness=1, organisation_name="X")])
    else:
        Survey.objects.filter(pk=survey.pk).update(expires_at=timezone.now())

    response = client.get(reverse("network:survey_suggestions", args=[token]), {"q": "metall"})

    assert response.status_code == 404
    assert b"Metallbau" not in response.content


def test_survey_unknown_tokens_are_held_off(client, sent):
    for attempt in range(UNKNOWN_TOKENS_ALLOWED):
        response = client.get(reverse("network:survey_respond", args=[f"geraten{attempt}"]))
        assert response.status_code == 404

    held_off = [
        client.get(reverse("network:survey_respond", args=["geraten"])),
        client.get(reverse("network:survey_respond", args=[sent[1]])),
        client.get(reverse("network:survey_suggestions", args=[sent[1]]), {"q": "metall"}),
    ]

    assert [response.status_code for response in held_off] == [429, 429, 429]


def _answers(*rows: dict) -> dict:
    data = {
        "form-TOTAL_FORMS": str(len(rows)),
        "form-INITIAL_FORMS": "0",
        "form-MIN_NUM_FORMS": "0",
        "form-MAX_NUM_FORMS": "50",
    }
    for index, row in enumerate(rows):
        for name, value in row.items():
            data[f"form-{index}-{name}"] = str(value)
    return data


def _system(workspace):
    from netzwerkstatt.core.scoping import Scope

    return Scope.system(workspace)


def test_survey_panel_lists_the_persons_surveys_for_the_team(scope, sent, respondent):
    from netzwerkstatt.network.views.surveys import survey_panel

    panel = survey_panel(scope=scope, subject=respondent)

    assert panel["template"] == "network/_survey_panel.html"
    assert panel["surveys"] == [sent[0]]


def test_survey_panel_is_not_for_partners_or_organisations(partner_scope, scope, organisation):
    from netzwerkstatt.network.views.surveys import survey_panel

    assert survey_panel(scope=partner_scope, subject=PersonFactory()) is None
    assert survey_panel(scope=scope, subject=organisation) is None


def test_survey_panel_renders_on_the_person_page_template(staff_client, scope, sent, respondent):
    from django.template.loader import render_to_string

    from netzwerkstatt.network.views.surveys import survey_panel

    html = render_to_string(
        "network/_survey_panel.html", {"panel": survey_panel(scope=scope, subject=respondent)}
    )

    assert reverse("network:survey_detail", args=[sent[0].pk]) in html
    assert f"?person={respondent.pk}" in html
