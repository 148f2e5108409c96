"""Activities with companies: logging, ties' last contact, approach links, and their pages."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.enums import ActivityKind, StageKind
from netzwerkstatt.acquisition.models import Activity
from netzwerkstatt.acquisition.views.activities import activities_panel
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry, DataVersion
from tests.factories import (
    ActivityFactory,
    FunctionFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TeamMemberFactory,
    TieFactory,
    WorkspaceFactory,
)

pytestmark = pytest.mark.django_db


def german(text: str) -> str:
    """The German UI text of an English source string (the catalogue is filled later)."""
    with translation.override("de"):
        return gettext(text)


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def company(workspace):
    return OrganisationFactory(workspace=workspace, name="Metallbau Kruse GmbH")


@pytest.fixture
def contact(workspace, company):
    return FunctionFactory(
        workspace=workspace, organisation=company, person__last_name="Kruse"
    ).person


@pytest.fixture
def colleague(workspace):
    """A team member's person record: ties between them and the company's people count."""
    return TeamMemberFactory(workspace=workspace, person__last_name="Team").person


def _log(scope, project, company, **fields):
    values = {"kind": ActivityKind.CALL, "occurred_on": timezone.localdate()} | fields
    return services.activity_create(scope=scope, project=project, organisation=company, **values)


# -------------------------------------------------------------------------- services


def test_logging_updates_the_last_contact_of_the_participants_ties(
    scope, project, company, contact, colleague, workspace
):
    tie = TieFactory(
        workspace=workspace,
        source_person=contact,
        target_person=colleague,
        last_contact=dt.date(2025, 1, 10),
    )
    stranger_tie = TieFactory(workspace=workspace, last_contact=dt.date(2025, 1, 10))
    on = timezone.localdate() - dt.timedelta(days=2)

    activity = _log(scope, project, company, occurred_on=on, participants=[contact])

    tie.refresh_from_db()
    stranger_tie.refresh_from_db()
    assert tie.last_contact == on  # a tie between a participant and the team
    assert stranger_tie.last_contact == dt.date(2025, 1, 10)
    assert list(activity.participants.all()) == [contact]


def test_logging_never_moves_the_last_contact_backwards(
    scope, project, company, contact, colleague, workspace
):
    later = timezone.localdate() - dt.timedelta(days=1)
    tie = TieFactory(
        workspace=workspace, source_person=contact, target_person=colleague, last_contact=later
    )

    _log(
        scope,
        project,
        company,
        occurred_on=later - dt.timedelta(days=30),
        participants=[contact, colleague],
    )

    tie.refresh_from_db()
    assert tie.last_contact == later


def test_the_logging_user_follows_up_unless_someone_else_is_named(scope, project, company, lead):
    mine = _log(scope, project, company, follow_up_on=timezone.localdate())
    theirs = _log(scope, project, company, follow_up_on=timezone.localdate(), follow_up_by=lead)
    without = _log(scope, project, company)

    assert mine.follow_up_by == scope.user
    assert mine.created_by == scope.user
    assert theirs.follow_up_by == lead
    assert without.follow_up_by is None


def test_logging_records_counts_only_and_raises_the_acquisition_version(
    scope, project, company, contact
):
    activity = _log(scope, project, company, participants=[contact], summary="Vertraulich")

    entry = ActivityEntry.objects.get(action=Action.CREATED, object_id=activity.pk)
    assert entry.details == {"participants": 1}
    assert DataVersion.objects.get(workspace=scope.workspace, topic="acquisition").version >= 1


def test_partners_cannot_log_activities(partner_scope, project, company):
    with pytest.raises(PermissionDenied):
        _log(partner_scope, project, company)
    assert not Activity.objects.exists()


def test_another_workspace_s_company_or_person_is_refused(scope, project, company):
    other = WorkspaceFactory()
    foreign_company = OrganisationFactory(workspace=other)
    foreign_person = PersonFactory(workspace=other)

    with pytest.raises(ValidationError):
        _log(scope, project, foreign_company)
    with pytest.raises(ValidationError):
        _log(scope, project, company, participants=[foreign_person])
    with pytest.raises(ValidationError):
        _log(scope, ProjectFactory(workspace=other), company)
    assert not Activity.objects.exists()


def test_a_follow_up_belongs_to_a_team_member_of_this_workspace(scope, project, company):
    foreign_user = MembershipFactory(workspace=WorkspaceFactory()).user

    with pytest.raises(ValidationError) as error:
        _log(scope, project, company, follow_up_on=timezone.localdate(), follow_up_by=foreign_user)
    assert "follow_up_by" in error.value.message_dict


def test_activities_are_logged_with_companies_only(scope, project, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    with pytest.raises(ValidationError) as error:
        _log(scope, project, chamber)
    assert "organisation" in error.value.message_dict


def test_dates_must_make_sense(scope, project, company):
    today = timezone.localdate()

    with pytest.raises(ValidationError) as future:
        _log(scope, project, company, occurred_on=today + dt.timedelta(days=1))
    with pytest.raises(ValidationError) as before:
        _log(scope, project, company, follow_up_on=today - dt.timedelta(days=1))
    assert "occurred_on" in future.value.message_dict
    assert "follow_up_on" in before.value.message_dict


def test_an_activity_links_to_the_company_s_approach_and_never_moves_it(scope, project, company):
    approach = services.approach_create(scope=scope, project=project, organisation=company)
    other_project = ProjectFactory(workspace=scope.workspace)

    call = _log(scope, project, company, kind=ActivityKind.CALL)
    elsewhere = _log(scope, other_project, company)

    approach.refresh_from_db()
    assert call.approach == approach
    assert elsewhere.approach is None
    assert approach.stage.kind == StageKind.IDENTIFIED
    assert selectors.activity_stage_hint(call) == approach.stage


def test_no_stage_hint_for_event_contacts_or_approached_companies(scope, project, company):
    approach = services.approach_create(scope=scope, project=project, organisation=company)
    event_contact = _log(scope, project, company, kind=ActivityKind.EVENT_CONTACT)
    stages = services.stages_ensure(scope=scope, project=project)
    services.approach_move(
        scope=scope,
        approach=approach,
        stage=next(s for s in stages if s.kind == StageKind.APPROACHED),
    )
    call = _log(scope, project, company, kind=ActivityKind.CALL)

    assert selectors.activity_stage_hint(event_contact) is None
    assert selectors.activity_stage_hint(call) is None


def test_activities_for_approach_include_those_logged_before_it(scope, project, company):
    earlier = _log(scope, project, company, occurred_on=timezone.localdate() - dt.timedelta(9))
    approach = services.approach_create(scope=scope, project=project, organisation=company)
    later = _log(scope, project, company)
    _log(scope, ProjectFactory(workspace=scope.workspace), company)

    activities = selectors.activities_for_approach(scope=scope, approach=approach)

    assert activities == [later, earlier]


def test_update_reopens_a_moved_follow_up_and_records_field_names(
    scope, project, company, contact, colleague, workspace
):
    today = timezone.localdate()
    activity = _log(scope, project, company, follow_up_on=today)
    services.activity_follow_up_done(scope=scope, activity=activity)
    tie = TieFactory(workspace=workspace, source_person=contact, target_person=colleague)

    services.activity_update(
        scope=scope,
        activity=activity,
        participants=[contact],
        follow_up_on=today + dt.timedelta(days=3),
        summary=" Rückruf vereinbart ",
    )

    activity.refresh_from_db()
    tie.refresh_from_db()
    assert activity.follow_up_done_at is None
    assert activity.summary == "Rückruf vereinbart"
    assert tie.last_contact == activity.occurred_on
    entry = ActivityEntry.objects.filter(action=Action.UPDATED, object_id=activity.pk).first()
    assert sorted(entry.details["fields"]) == ["follow_up_on", "participants", "summary"]


def test_delete_keeps_the_ties_last_contact(scope, project, company, contact, colleague):
    tie = TieFactory(workspace=scope.workspace, source_person=contact, target_person=colleague)
    activity = _log(scope, project, company, participants=[contact])

    services.activity_delete(scope=scope, activity=activity)

    tie.refresh_from_db()
    assert not Activity.objects.exists()
    assert tie.last_contact == timezone.localdate()


# ----------------------------------------------------------------------------- pages


def test_the_company_page_shows_the_activities_section_to_the_team(
    staff_client, scope, project, company, contact
):
    _log(scope, project, company, participants=[contact], outcome="Termin im Mai")

    content = staff_client.get(company.get_absolute_url()).content.decode()

    assert 'id="activities"' in content
    assert "Termin im Mai" in content
    assert reverse("acquisition:activity_create", args=[company.pk]) in content


def test_no_activities_section_for_partners_or_non_companies(
    partner_scope, scope, workspace, company
):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    assert activities_panel(scope=partner_scope, subject=company) is None
    assert activities_panel(scope=scope, subject=chamber) is None
    assert activities_panel(scope=scope, subject=company)["activities"] == []


@pytest.mark.parametrize("name", ["acquisition:activity_list", "acquisition:activity_create"])
def test_activity_pages_closed_to_partners(partner_client, company, name):
    assert partner_client.get(reverse(name, args=[company.pk])).status_code == 403


def test_activity_list_of_a_non_company_is_not_found(staff_client, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    response = staff_client.get(reverse("acquisition:activity_list", args=[chamber.pk]))

    assert response.status_code == 404


def test_activity_list_empty_state(staff_client, company):
    content = staff_client.get(
        reverse("acquisition:activity_list", args=[company.pk])
    ).content.decode()

    assert german("No activities yet.") in content


@pytest.mark.parametrize("count", [2, 25])
def test_activity_list_queries_do_not_grow_with_rows(
    staff_client, workspace, project, company, django_assert_max_num_queries, count
):
    people = [PersonFactory(workspace=workspace) for _ in range(3)]
    for activity in ActivityFactory.create_batch(
        count, workspace=workspace, project=project, organisation=company
    ):
        activity.participants.set(people)

    # session, user, membership, navigation memberships; company; count, rows, participants.
    with django_assert_max_num_queries(9):
        response = staff_client.get(reverse("acquisition:activity_list", args=[company.pk]))
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == count


def test_organisation_page_queries_stay_bounded_with_many_activities(
    staff_client, workspace, project, company, django_assert_max_num_queries
):
    def queries_for_page():
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        with CaptureQueriesContext(connection) as context:
            staff_client.get(company.get_absolute_url())
        return len(context)

    ActivityFactory(workspace=workspace, project=project, organisation=company)
    few = queries_for_page()
    for activity in ActivityFactory.create_batch(
        12, workspace=workspace, project=project, organisation=company
    ):
        activity.participants.set([PersonFactory(workspace=workspace)])

    assert queries_for_page() == few


def test_create_form_offers_the_company_s_people_and_the_team(
    staff_client, project, company, contact, colleague
):
    response = staff_client.get(reverse("acquisition:activity_create", args=[company.pk]))

    form = response.context["form"]
    groups = dict(form.participant_groups)
    assert [label for _pk, label in groups[german("People at the company")]] == [contact.full_name]
    assert [label for _pk, label in groups[german("Project team")]] == [colleague.full_name]
    assert form.initial["project"] == project.pk  # the workspace's only project
    assert form.initial["follow_up_by"] == response.wsgi_request.user


def test_create_shows_german_errors(staff_client, project, company):
    response = staff_client.post(
        reverse("acquisition:activity_create", args=[company.pk]),
        {"project": project.pk, "occurred_on": "2999-01-01", "kind": ""},
    )

    content = response.content.decode()
    assert response.status_code == 200
    assert "Dieses Feld ist" in content  # the kind: Django's German message
    assert german("This field is required.") in content
    assert not Activity.objects.exists()


def test_create_refuses_a_future_date_with_the_service_s_message(staff_client, project, company):
    response = staff_client.post(
        reverse("acquisition:activity_create", args=[company.pk]),
        {"project": project.pk, "occurred_on": "2999-01-01", "kind": "call"},
    )

    message = german(
        "Log an activity once it has taken place; plan a later contact as a follow-up."
    )
    assert message in response.content.decode()
    assert not Activity.objects.exists()


def test_create_logs_and_hints_at_moving_an_early_approach(
    staff_client, scope, project, company, contact, colleague
):
    services.approach_create(scope=scope, project=project, organisation=company)
    today = timezone.localdate()
    other = PersonFactory(workspace=scope.workspace, last_name="Gast")

    response = staff_client.post(
        reverse("acquisition:activity_create", args=[company.pk]),
        {
            "project": project.pk,
            "occurred_on": today.isoformat(),
            "kind": "meeting",
            "participants": [contact.pk, colleague.pk, other.pk],
            "summary": "Erstgespräch",
            "outcome": "Interesse am Demografie-Check",
            "follow_up_on": (today + dt.timedelta(days=7)).isoformat(),
            "follow_up_by": response_user_pk(staff_client),
        },
        follow=True,
    )

    activity = Activity.objects.get()
    assert activity.approach is not None
    assert {person.pk for person in activity.participants.all()} == {
        contact.pk,
        colleague.pk,
        other.pk,
    }
    assert activity.follow_up_by == scope.user
    assert response.redirect_chain[-1][0] == f"{company.get_absolute_url()}#activities"
    messages = [str(message) for message in response.context["messages"]]
    assert any("identifiziert" in message for message in messages)


def response_user_pk(client) -> int:
    return int(client.session["_auth_user_id"])


def test_create_goes_back_to_a_local_next_page_only(staff_client, project, company):
    data = {"project": project.pk, "occurred_on": timezone.localdate().isoformat(), "kind": "email"}
    url = reverse("acquisition:activity_create", args=[company.pk])

    local = staff_client.post(url, data | {"next": "/akquise/heute/"})
    foreign = staff_client.post(url, data | {"next": "https://example.com/"})

    assert local.url == "/akquise/heute/"
    assert foreign.url == f"{company.get_absolute_url()}#activities"


def test_update_saves_changes(staff_client, scope, project, company, contact):
    activity = _log(scope, project, company, outcome="offen")

    response = staff_client.post(
        reverse("acquisition:activity_update", args=[activity.pk]),
        {
            "project": project.pk,
            "occurred_on": activity.occurred_on.isoformat(),
            "kind": "email",
            "participants": [contact.pk],
            "outcome": "Unterlagen geschickt",
        },
    )

    activity.refresh_from_db()
    assert response.status_code == 302
    assert (activity.kind, activity.outcome) == ("email", "Unterlagen geschickt")
    assert list(activity.participants.all()) == [contact]


def test_delete_asks_first(staff_client, scope, project, company):
    activity = _log(scope, project, company)
    url = reverse("acquisition:activity_delete", args=[activity.pk])

    asked = staff_client.get(url)
    deleted = staff_client.post(url)

    assert asked.status_code == 200
    assert Activity.objects.filter(pk=activity.pk).exists() is False
    assert deleted.status_code == 302


def test_person_search_offers_persons_and_keeps_the_ticked(staff_client, workspace):
    ticked = PersonFactory(workspace=workspace, last_name="Angekreuzt")
    match = PersonFactory(workspace=workspace, last_name="Sommerfeld")
    PersonFactory(workspace=WorkspaceFactory(), last_name="Sommerfeldt")

    response = staff_client.get(
        reverse("acquisition:activity_person_options"),
        {"q": "sommerf", "participants": [ticked.pk]},
    )

    assert [p.pk for p in response.context["persons"]] == [match.pk]
    assert [p.pk for p in response.context["chosen"]] == [ticked.pk]
    assert f'value="{ticked.pk}" checked' in response.content.decode()


def test_approach_page_lists_its_activities_and_links_to_logging_one(
    staff_client, scope, project, company, contact
):
    approach = services.approach_create(scope=scope, project=project, organisation=company)
    _log(scope, project, company, participants=[contact], outcome="Zusage für Mai")

    response = staff_client.get(approach.get_absolute_url())

    html = response.content.decode()
    assert "Zusage für Mai" in html
    assert contact.full_name in html
    log_url = reverse("acquisition:activity_create", args=[company.pk])
    assert f"{log_url}?project={project.pk}&amp;next=" in html
