import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.selectors import data_versions
from netzwerkstatt.network.enums import AnswerStatus, Provenance, TieKind
from netzwerkstatt.network.models import Survey, SurveyAnswer, Tie
from netzwerkstatt.network.surveys import (
    SURVEY_PURPOSE,
    AnswerData,
    SurveyClosedError,
    SurveyState,
    survey_accept_all,
    survey_answer_accept,
    survey_answer_reject,
    survey_by_token,
    survey_create,
    survey_link_renew,
    survey_organisation_suggestions,
    survey_state,
    survey_submit,
)
from tests.factories import OrganisationFactory, PersonFactory, TieFactory


def test_survey_create_stores_only_the_token_hash(scope, sent):
    survey, token = sent

    stored = Survey.objects.get(pk=survey.pk)
    assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in str(Survey.objects.filter(pk=survey.pk).values().get())
    assert len(token) >= 40
    assert stored.created_by == scope.user
    assert timedelta(days=29) < stored.expires_at - timezone.now() <= timedelta(days=30)


def test_survey_create_tokens_differ(scope, respondent):
    tokens = {survey_create(scope=scope, respondent=respondent)[1] for _ in range(5)}

    assert len(tokens) == 5


def test_survey_create_partner_role_is_denied(partner_scope, respondent):
    with pytest.raises(PermissionDenied):
        survey_create(scope=partner_scope, respondent=respondent)


def test_survey_create_respondent_of_another_workspace_is_refused(scope, other_workspace):
    stranger = PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        survey_create(scope=scope, respondent=stranger)

    assert not Survey.objects.exists()


@pytest.mark.parametrize("days", [0, 366])
def test_survey_create_validity_out_of_range_is_refused(scope, respondent, days):
    with pytest.raises(ValidationError):
        survey_create(scope=scope, respondent=respondent, valid_days=days)


def test_survey_create_activity_holds_ids_only(sent, respondent):
    entry = ActivityEntry.objects.get(object_id=sent[0].pk)

    assert entry.details == {"respondent": respondent.pk}


def test_survey_by_token_finds_the_survey(sent):
    survey, token = sent

    assert survey_by_token(token=token) == survey


@pytest.mark.parametrize("token", ["", "falsch", "x" * 500])
def test_survey_by_token_unknown_token_finds_nothing(sent, token):
    assert survey_by_token(token=token) is None


def test_survey_by_token_hash_itself_opens_nothing(sent):
    survey, _token = sent

    assert survey_by_token(token=survey.token_hash) is None


def test_survey_state_follows_expiry_and_answer(sent):
    survey, _token = sent
    assert survey_state(survey) is SurveyState.OPEN

    assert survey_state(survey, now=survey.expires_at) is SurveyState.EXPIRED
    survey.submitted_at = timezone.now()
    assert survey_state(survey) is SurveyState.ANSWERED


def test_survey_link_renew_invalidates_the_old_link(scope, sent):
    survey, old = sent

    new = survey_link_renew(scope=scope, survey=survey, valid_days=7)

    assert new != old
    assert survey_by_token(token=old) is None
    assert survey_by_token(token=new) == survey
    survey.refresh_from_db()
    assert timedelta(days=6) < survey.expires_at - timezone.now() <= timedelta(days=7)


def test_survey_link_renew_reopens_an_expired_survey(scope, sent):
    survey, _token = sent
    Survey.objects.filter(pk=survey.pk).update(expires_at=timezone.now() - timedelta(days=1))

    token = survey_link_renew(scope=scope, survey=survey)

    assert survey_state(survey_by_token(token=token)) is SurveyState.OPEN


def test_survey_link_renew_after_the_answer_is_refused(scope, answered):
    survey, _known, _free = answered

    with pytest.raises(ValidationError):
        survey_link_renew(scope=scope, survey=survey)


def test_survey_submit_stores_pending_answers_and_closes_the_survey(answered, organisation):
    survey, _known, _free = answered

    survey.refresh_from_db()
    assert survey.submitted_at is not None
    assert survey_state(survey) is SurveyState.ANSWERED
    assert [
        (a.organisation_id, a.organisation_name, a.city, a.closeness, a.status)
        for a in SurveyAnswer.objects.filter(survey=survey)
    ] == [
        (organisation.pk, "", "", 4, AnswerStatus.PENDING),
        (None, "Tischlerei Krause", "Wolfsburg", 2, AnswerStatus.PENDING),
    ]
    assert not Tie.objects.exists()


def test_survey_submit_twice_is_refused(answered):
    survey, _known, _free = answered

    with pytest.raises(SurveyClosedError) as closed:
        survey_submit(survey=survey, answers=[AnswerData(closeness=1, organisation_name="X")])

    assert closed.value.state is SurveyState.ANSWERED
    assert SurveyAnswer.objects.count() == 2


def test_survey_submit_after_expiry_is_refused(sent):
    survey, _token = sent
    Survey.objects.filter(pk=survey.pk).update(expires_at=timezone.now() - timedelta(seconds=1))

    with pytest.raises(SurveyClosedError) as closed:
        survey_submit(survey=survey, answers=[AnswerData(closeness=1, organisation_name="X")])

    assert closed.value.state is SurveyState.EXPIRED
    assert not SurveyAnswer.objects.exists()


def test_survey_submit_organisation_of_another_workspace_is_refused(sent, other_workspace):
    survey, _token = sent
    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        survey_submit(survey=survey, answers=[AnswerData(closeness=3, organisation_id=foreign.pk)])

    survey.refresh_from_db()
    assert survey.submitted_at is None
    assert not SurveyAnswer.objects.exists()


@pytest.mark.parametrize(
    "answers",
    [
        [],
        [AnswerData(closeness=6, organisation_name="Zu eng GmbH")],
        [AnswerData(closeness=3, organisation_name="")],
        [AnswerData(closeness=3, organisation_name="x" * 301)],
    ],
)
def test_survey_submit_invalid_answers_store_nothing(sent, answers):
    survey, _token = sent

    with pytest.raises(ValidationError):
        survey_submit(survey=survey, answers=answers)

    survey.refresh_from_db()
    assert survey.submitted_at is None
    assert not SurveyAnswer.objects.exists()


def test_survey_answer_accept_records_a_tie_from_respondent_to_organisation(
    scope, answered, respondent, organisation
):
    _survey, known, _free = answered
    before = data_versions(workspace=scope.workspace, topics=("network",))

    tie = survey_answer_accept(scope=scope, answer=known)

    assert (tie.kind, tie.source, tie.target, tie.strength) == (
        TieKind.COLLABORATES,
        respondent,
        organisation,
        4,
    )
    assert (tie.provenance, tie.purpose, tie.recorded_by, tie.note) == (
        Provenance.SURVEY,
        SURVEY_PURPOSE,
        scope.user,
        "Ausbildungsverbund",
    )
    known.refresh_from_db()
    assert (known.status, known.tie, known.reviewed_by) == (
        AnswerStatus.ACCEPTED,
        tie,
        scope.user,
    )
    assert known.reviewed_at is not None
    assert data_versions(workspace=scope.workspace, topics=("network",))[0] > before[0]


def test_survey_answer_accept_strengthens_an_existing_tie(
    scope, answered, respondent, organisation
):
    _survey, known, _free = answered
    existing = TieFactory(
        workspace=scope.workspace,
        kind=TieKind.COLLABORATES,
        source_person=respondent,
        target_person=None,
        target_organisation=organisation,
        strength=2,
    )

    tie = survey_answer_accept(scope=scope, answer=known)

    assert tie.pk == existing.pk
    assert Tie.objects.get().strength == 4


def test_survey_answer_accept_free_entry_needs_an_organisation(scope, answered):
    _survey, _known, free = answered

    with pytest.raises(ValidationError):
        survey_answer_accept(scope=scope, answer=free)

    free.refresh_from_db()
    assert free.status == AnswerStatus.PENDING
    assert not Tie.objects.exists()


def test_survey_answer_accept_free_entry_with_a_chosen_organisation(scope, answered, workspace):
    _survey, _known, free = answered
    krause = OrganisationFactory(workspace=workspace, name="Tischlerei Krause e.K.")

    tie = survey_answer_accept(scope=scope, answer=free, organisation=krause)

    assert (tie.target, tie.strength) == (krause, 2)
    free.refresh_from_db()
    assert free.organisation == krause


def test_survey_answer_accept_free_entry_creates_the_organisation(scope, answered, workspace):
    _survey, _known, free = answered

    tie = survey_answer_accept(scope=scope, answer=free, create_organisation=True)

    created = Organisation.objects.get(workspace=workspace, name="Tischlerei Krause")
    assert (created.city, tie.target) == ("Wolfsburg", created)


def test_survey_answer_accept_organisation_of_another_workspace_is_refused(
    scope, answered, other_workspace
):
    _survey, _known, free = answered
    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        survey_answer_accept(scope=scope, answer=free, organisation=foreign)

    assert not Tie.objects.exists()


def test_survey_answer_accept_twice_is_refused(scope, answered):
    _survey, known, _free = answered
    survey_answer_accept(scope=scope, answer=known)

    with pytest.raises(ValidationError):
        survey_answer_accept(scope=scope, answer=known)

    assert Tie.objects.count() == 1


def test_survey_answer_reject_records_no_tie(scope, answered):
    _survey, known, _free = answered

    survey_answer_reject(scope=scope, answer=known)

    known.refresh_from_db()
    assert (known.status, known.reviewed_by, known.tie) == (
        AnswerStatus.REJECTED,
        scope.user,
        None,
    )
    assert not Tie.objects.exists()
    with pytest.raises(ValidationError):
        survey_answer_accept(scope=scope, answer=known)


def test_survey_accept_all_leaves_free_entries_pending(scope, answered):
    survey, known, free = answered

    assert survey_accept_all(scope=scope, survey=survey) == (1, 1)

    known.refresh_from_db()
    free.refresh_from_db()
    assert (known.status, free.status) == (AnswerStatus.ACCEPTED, AnswerStatus.PENDING)


def test_survey_review_by_partner_is_denied(partner_scope, answered):
    survey, known, _free = answered

    for review in (
        lambda: survey_answer_accept(scope=partner_scope, answer=known),
        lambda: survey_answer_reject(scope=partner_scope, answer=known),
        lambda: survey_accept_all(scope=partner_scope, survey=survey),
        lambda: survey_link_renew(scope=partner_scope, survey=survey),
    ):
        with pytest.raises(PermissionDenied):
            review()

    known.refresh_from_db()
    assert known.status == AnswerStatus.PENDING


def test_survey_review_of_another_workspace_is_not_found(answered, other_workspace):
    from netzwerkstatt.core.enums import Role
    from netzwerkstatt.core.scoping import Scope

    _survey, known, _free = answered
    stranger = Scope(workspace=other_workspace, role=Role.LEAD)

    with pytest.raises(SurveyAnswer.DoesNotExist):
        survey_answer_accept(scope=stranger, answer=known)


def test_survey_review_activity_holds_ids_and_status_only(scope, answered):
    survey, known, free = answered

    tie = survey_answer_accept(scope=scope, answer=known)
    survey_answer_reject(scope=scope, answer=free)

    details = [
        entry.details
        for entry in ActivityEntry.objects.filter(object_id=survey.pk, actor=scope.user)
    ]
    assert {"answer": known.pk, "status": "accepted", "tie": tie.pk} in details
    assert {"answer": free.pk, "status": "rejected"} in details


def test_survey_organisation_suggestions_need_three_characters(sent, organisation):
    survey, _token = sent

    assert survey_organisation_suggestions(survey=survey, query="me") == []
    assert [s.name for s in survey_organisation_suggestions(survey=survey, query="met")] == [
        "Metallbau Müller GmbH"
    ]


def test_survey_organisation_suggestions_fold_umlauts_and_match_every_word(sent, organisation):
    survey, _token = sent

    (suggestion,) = survey_organisation_suggestions(survey=survey, query="mueller metall")

    assert (suggestion.pk, suggestion.name, suggestion.city) == (
        organisation.pk,
        "Metallbau Müller GmbH",
        "Gifhorn",
    )


def test_survey_organisation_suggestions_are_at_most_ten(sent, workspace):
    survey, _token = sent
    for index in range(15):
        OrganisationFactory(workspace=workspace, name=f"Bäckerei {index:02}")

    suggestions = survey_organisation_suggestions(survey=survey, query="Bäckerei", limit=50)

    assert len(suggestions) == 10


def test_survey_organisation_suggestions_never_show_another_workspace_or_persons(
    sent, other_workspace, workspace
):
    survey, _token = sent
    OrganisationFactory(workspace=other_workspace, name="Fremdbetrieb Nord")
    PersonFactory(workspace=workspace, last_name="Fremdbetrieb")

    assert survey_organisation_suggestions(survey=survey, query="Fremdbetrieb") == []


def test_survey_organisation_suggestions_do_not_match_postal_codes_or_districts(sent, organisation):
    survey, _token = sent

    assert survey_organisation_suggestions(survey=survey, query="38518") == []
    assert survey_organisation_suggestions(survey=survey, query="Landkreis") == []
