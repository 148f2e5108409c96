"""Retention: each rule keeps what is just inside its period and deletes what is just
outside; dry runs delete nothing; every run is recorded; one workspace's rule never
touches another workspace; the command and the lead's page."""

import datetime
import io
import secrets

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.contacts.models import ImportJob, Note, Person
from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record
from netzwerkstatt.events.documentation.photos import photos_upload
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import AnonymousParticipation, Invitation, Photo
from netzwerkstatt.network.models import Survey, SurveyAnswer
from netzwerkstatt.privacy import retention
from netzwerkstatt.privacy.enums import RetentionRule
from netzwerkstatt.privacy.models import Consent, RetentionPolicy, RetentionRun
from netzwerkstatt.steering.models import Meeting
from tests.events.documentation.conftest import jpeg_bytes
from tests.factories import (
    ActivityFactory,
    EventFactory,
    InvitationFactory,
    NetworkFactory,
    PersonFactory,
    ProjectFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
    WorkspaceFactory,
)

NOW = datetime.datetime(2026, 6, 15, 10, 0, tzinfo=datetime.UTC)
MONTHS = 12
CUTOFF = retention.retention_cutoff(now=NOW, months=MONTHS)
OUTSIDE = CUTOFF - datetime.timedelta(hours=1)  # just older than the period: goes
OUTSIDE_DAY = CUTOFF.date() - datetime.timedelta(days=1)  # dates count from the cut-off's day
INSIDE = CUTOFF + datetime.timedelta(hours=1)  # just within the period: stays


def _policy(workspace, rule: RetentionRule, months: int | None = MONTHS) -> None:
    RetentionPolicy.objects.update_or_create(
        workspace=workspace, rule=rule, defaults={"months": months}
    )


def _set(instance, **values) -> None:
    """Write values (also auto_now ones, also on audit entries) without save()."""
    models.QuerySet.update(type(instance)._base_manager.filter(pk=instance.pk), **values)


def _run(workspace, *, dry_run=False, now=NOW):
    return retention.retention_run(scope=Scope.system(workspace), dry_run=dry_run, now=now)


def _ended_event(workspace, ends_at):
    return EventFactory(
        workspace=workspace, starts_at=ends_at - datetime.timedelta(hours=3), ends_at=ends_at
    )


def _old_person(workspace, at=OUTSIDE, **fields):
    person = PersonFactory(workspace=workspace, **fields)
    _set(person, created_at=at, updated_at=at)
    return person


# ----------------------------------------------------------------------- the periods


def test_cutoff_is_calendar_months_back():
    now = datetime.datetime(2026, 3, 31, 12, 0, tzinfo=datetime.UTC)

    cutoff = retention.retention_cutoff(now=now, months=1)

    assert timezone.localtime(cutoff).date() == datetime.date(2026, 2, 28)
    assert timezone.localtime(cutoff).time() == timezone.localtime(now).time()


def test_no_policy_means_every_rule_is_off(workspace):
    periods = retention.retention_periods(scope=Scope.system(workspace))

    assert periods == dict.fromkeys(RetentionRule.values)


def test_periods_are_set_and_audited(workspace, lead):
    scope = Scope(workspace=workspace, role=Role.LEAD, user=lead)

    changed = retention.retention_periods_set(
        scope=scope, periods={RetentionRule.AUDIT_ENTRIES: 24, RetentionRule.EVENT_PHOTOS: None}
    )

    assert changed == [RetentionRule.AUDIT_ENTRIES.value]
    assert retention.retention_periods(scope=scope)[RetentionRule.AUDIT_ENTRIES] == 24
    entry = AuditEntry.objects.get(action=AuditAction.SETTINGS_CHANGED)
    assert entry.details == {"retention": {"audit_entries": 24}}
    assert entry.actor == lead


@pytest.mark.parametrize("months", [0, 121, -1])
def test_service_refuses_periods_out_of_range(workspace, months):
    with pytest.raises(ValidationError):
        retention.retention_periods_set(
            scope=Scope.system(workspace), periods={RetentionRule.AUDIT_ENTRIES: months}
        )
    assert not RetentionPolicy.objects.exists()


def test_staff_may_not_set_periods_or_run(scope):
    with pytest.raises(PermissionDenied):
        retention.retention_periods_set(scope=scope, periods={RetentionRule.AUDIT_ENTRIES: 24})
    with pytest.raises(PermissionDenied):
        retention.retention_run(scope=scope, dry_run=True)
    assert not RetentionPolicy.objects.exists()
    assert not RetentionRun.objects.exists()


# ------------------------------------------------------------ persons without activity


def test_inactive_person_goes_and_recent_one_stays(workspace):
    ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    old = _old_person(workspace)
    recent = _old_person(workspace, at=INSIDE)

    found = retention.inactive_persons(scope=Scope.system(workspace), cutoff=CUTOFF)

    assert list(found) == [old]
    assert recent not in found


def test_a_running_project_keeps_everyone(workspace):
    ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    ProjectFactory(workspace=workspace, end_date=None)
    _old_person(workspace)

    assert not retention.inactive_persons(scope=Scope.system(workspace), cutoff=CUTOFF).exists()


def test_a_project_ended_within_the_period_keeps_everyone(workspace):
    ProjectFactory(workspace=workspace, end_date=INSIDE.date() + datetime.timedelta(days=1))
    _old_person(workspace)

    assert not retention.inactive_persons(scope=Scope.system(workspace), cutoff=CUTOFF).exists()


def test_team_members_are_never_inactive(workspace):
    person = _old_person(workspace)
    TeamMemberFactory(workspace=workspace, person=person)
    _set(person, updated_at=OUTSIDE)

    assert not retention.inactive_persons(scope=Scope.system(workspace), cutoff=CUTOFF).exists()


def _note(workspace, person, at):
    note = Note.objects.create(workspace=workspace, person=person, text="Telefonat")
    _set(note, created_at=at)


def _tie(workspace, person, at):
    tie = TieFactory(workspace=workspace, target_person=person)
    _set(tie, created_at=OUTSIDE, updated_at=at)


def _recommendation(workspace, person, at):
    recommendation = RecommendationFactory(
        workspace=workspace, recipient_person=person, date=OUTSIDE_DAY
    )
    _set(recommendation, created_at=OUTSIDE, updated_at=at)


def _invitation(workspace, person, at):
    event = _ended_event(workspace, OUTSIDE)
    invitation = InvitationFactory(workspace=workspace, event=event, person=person)
    _set(invitation, invited_at=OUTSIDE, registered_at=at)


def _event_ahead(workspace, person, at):
    InvitationFactory(workspace=workspace, event=_ended_event(workspace, at), person=person)
    Invitation.objects.filter(person=person).update(invited_at=OUTSIDE)


def _activity(workspace, person, at):
    project = ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    activity = ActivityFactory(workspace=workspace, project=project, occurred_on=at.date())
    activity.participants.set([person])
    _set(activity, updated_at=OUTSIDE)


def _meeting(workspace, person, at):
    meeting = Meeting.objects.create(
        workspace=workspace,
        network=NetworkFactory(workspace=workspace),
        title="Treffen",
        held_on=at.date(),
    )
    meeting.attendees.set([person])
    _set(meeting, updated_at=OUTSIDE)


def _consent(workspace, person, at):
    consent = Consent.objects.create(
        workspace=workspace, person=person, purpose="Fotos", given_on=OUTSIDE_DAY, source="x"
    )
    _set(consent, created_at=OUTSIDE, withdrawn_at=at)


ACTIVITIES = [
    _note,
    _tie,
    _recommendation,
    _invitation,
    _event_ahead,
    _activity,
    _meeting,
    _consent,
]


@pytest.mark.parametrize("activity", ACTIVITIES, ids=lambda build: build.__name__.strip("_"))
def test_activity_within_the_period_keeps_the_person(workspace, activity):
    ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    kept = _old_person(workspace)
    activity(workspace, kept, INSIDE + datetime.timedelta(days=1))
    gone = _old_person(workspace)
    activity(workspace, gone, OUTSIDE - datetime.timedelta(days=1))
    _set(kept, updated_at=OUTSIDE)
    _set(gone, updated_at=OUTSIDE)

    found = set(retention.inactive_persons(scope=Scope.system(workspace), cutoff=CUTOFF))

    assert kept not in found
    assert gone in found


def test_inactive_persons_are_erased_by_a_run(workspace):
    ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    _policy(workspace, RetentionRule.INACTIVE_CONTACTS)
    gone = _old_person(workspace, last_name="Vergessen")
    _note(workspace, gone, OUTSIDE)
    kept = _old_person(workspace, at=INSIDE)

    report = _run(workspace)

    assert not Person.objects.filter(pk=gone.pk).exists()
    assert Person.objects.filter(pk=kept.pk).exists()
    assert report.run.deleted["inactive_contacts"]["contacts.Person"] == 1
    assert report.run.deleted["inactive_contacts"]["contacts.Note"] == 1
    assert AuditEntry.objects.filter(
        action=AuditAction.ERASED, target_type="contacts.Person", target_id=gone.pk
    ).exists()


# ---------------------------------------------------------------------- event rules


def test_participations_of_ended_events_become_counts(workspace):
    _policy(workspace, RetentionRule.EVENT_PARTICIPATIONS)
    old_event = _ended_event(workspace, OUTSIDE)
    recent_event = _ended_event(workspace, INSIDE)
    InvitationFactory(workspace=workspace, event=old_event, status=InvitationStatus.REGISTERED)
    came = InvitationFactory(
        workspace=workspace, event=old_event, status=InvitationStatus.REGISTERED
    )
    _set(came, checked_in_at=OUTSIDE)
    kept = InvitationFactory(workspace=workspace, event=recent_event)

    report = _run(workspace)

    assert list(Invitation.objects.all()) == [kept]
    counts = {
        (row.status, row.checked_in): row.count
        for row in AnonymousParticipation.objects.filter(event=old_event)
    }
    assert counts == {
        (InvitationStatus.REGISTERED, False): 1,
        (InvitationStatus.REGISTERED, True): 1,
    }
    assert report.run.deleted == {"event_participations": {"events.Invitation": 2}}
    # the persons themselves stay: only their participation is anonymised
    assert Person.objects.filter(workspace=workspace).count() == 3


def test_photos_of_ended_events_go_with_their_files(workspace, django_capture_on_commit_callbacks):
    _policy(workspace, RetentionRule.EVENT_PHOTOS)
    system = Scope.system(workspace)
    [old] = photos_upload(
        scope=system,
        event=_ended_event(workspace, OUTSIDE),
        files=[ContentFile(jpeg_bytes(), name="alt.jpg")],
    )
    [recent] = photos_upload(
        scope=system,
        event=_ended_event(workspace, INSIDE),
        files=[ContentFile(jpeg_bytes(), name="neu.jpg")],
    )
    old_files = [old.image.name, old.thumbnail.name]

    with django_capture_on_commit_callbacks(execute=True):
        report = _run(workspace)

    assert list(Photo.objects.all()) == [recent]
    assert not any(default_storage.exists(name) for name in old_files)
    assert default_storage.exists(recent.image.name)
    assert report.run.deleted == {"event_photos": {"events.Photo": 1}}


def _survey(workspace, **times):
    survey = Survey.objects.create(
        workspace=workspace,
        respondent=PersonFactory(workspace=workspace),
        token_hash=secrets.token_hex(32),
        expires_at=NOW + datetime.timedelta(days=30),
    )
    SurveyAnswer.objects.create(
        workspace=workspace, survey=survey, organisation_name="Muster AG", closeness=3
    )
    _set(survey, **times)
    return survey


def test_surveys_answered_or_expired_before_the_period_go(workspace):
    _policy(workspace, RetentionRule.SURVEY_ANSWERS)
    _survey(workspace, submitted_at=OUTSIDE)
    _survey(workspace, expires_at=OUTSIDE)
    answered = _survey(workspace, submitted_at=INSIDE)
    expired = _survey(workspace, expires_at=INSIDE)
    # answered within the period, although its link expired long ago: stays
    late = _survey(workspace, expires_at=OUTSIDE - datetime.timedelta(days=9), submitted_at=INSIDE)
    still_open = _survey(workspace)

    report = _run(workspace)

    assert set(Survey.objects.all()) == {answered, expired, late, still_open}
    assert SurveyAnswer.objects.count() == 4
    assert report.run.deleted == {
        "survey_answers": {"network.Survey": 2, "network.SurveyAnswer": 2}
    }


def test_import_jobs_go_with_their_files(workspace, django_capture_on_commit_callbacks):
    _policy(workspace, RetentionRule.IMPORT_JOBS)

    def job(at):
        created = ImportJob.objects.create(
            workspace=workspace,
            file=ContentFile(b"Vorname;Nachname\r\nAnke;Meyer\r\n", name="k.csv"),
            original_name="kontakte.csv",
            format="csv",
        )
        _set(created, created_at=at)
        return created

    old, recent = job(OUTSIDE), job(INSIDE)

    with django_capture_on_commit_callbacks(execute=True):
        report = _run(workspace)

    assert list(ImportJob.objects.all()) == [recent]
    assert not default_storage.exists(old.file.name)
    assert default_storage.exists(recent.file.name)
    assert report.run.deleted == {"import_jobs": {"contacts.ImportJob": 1}}


def test_audit_and_activity_entries_older_than_the_period_go(workspace):
    _policy(workspace, RetentionRule.AUDIT_ENTRIES)
    system = Scope.system(workspace)

    def entries(at):
        audit = audit_record(action=AuditAction.VIEWED, workspace=workspace, actor=None)
        activity = activity_record(scope=system, action=Action.CREATED)
        _set(audit, created_at=at)
        _set(activity, created_at=at)
        return audit, activity

    entries(OUTSIDE)
    kept_audit, kept_activity = entries(INSIDE)
    # sign-ins belong to no workspace: no workspace's rule removes them
    sign_in = audit_record(action=AuditAction.LOGIN, workspace=None, actor=None)
    _set(sign_in, created_at=OUTSIDE)

    report = _run(workspace)

    assert report.run.deleted == {"audit_entries": {"audit.AuditEntry": 1, "core.ActivityEntry": 1}}
    assert set(AuditEntry.objects.filter(action__in=["viewed", "login"])) == {
        kept_audit,
        sign_in,
    }
    assert list(ActivityEntry.objects.all()) == [kept_activity]


# ------------------------------------------------------------ dry runs and records


@pytest.fixture
def due(workspace):
    """Something due under three rules, and the rules switched on."""
    for rule in (
        RetentionRule.EVENT_PARTICIPATIONS,
        RetentionRule.SURVEY_ANSWERS,
        RetentionRule.AUDIT_ENTRIES,
    ):
        _policy(workspace, rule)
    invitation = InvitationFactory(workspace=workspace, event=_ended_event(workspace, OUTSIDE))
    survey = _survey(workspace, submitted_at=OUTSIDE)
    entry = audit_record(action=AuditAction.VIEWED, workspace=workspace, actor=None)
    _set(entry, created_at=OUTSIDE)
    return {"invitation": invitation, "survey": survey, "entry": entry}


def test_dry_run_deletes_nothing_and_lists_ids(workspace, due):
    audit_before = AuditEntry.objects.count()

    report = _run(workspace, dry_run=True)

    assert Invitation.objects.filter(pk=due["invitation"].pk).exists()
    assert Survey.objects.filter(pk=due["survey"].pk).exists()
    assert AuditEntry.objects.count() == audit_before
    ids = {outcome.rule: outcome.ids for outcome in report.outcomes}
    assert ids[RetentionRule.EVENT_PARTICIPATIONS] == {"events.Invitation": [due["invitation"].pk]}
    assert ids[RetentionRule.SURVEY_ANSWERS]["network.Survey"] == [due["survey"].pk]
    assert ids[RetentionRule.AUDIT_ENTRIES]["audit.AuditEntry"] == [due["entry"].pk]
    run = RetentionRun.objects.get()
    assert run.dry_run
    assert run.finished_at is not None
    assert run.deleted["event_participations"] == {"events.Invitation": 1}


def test_real_run_is_recorded_with_periods_counts_and_an_audit_entry(workspace, lead, due):
    scope = Scope(workspace=workspace, role=Role.LEAD, user=lead)

    report = retention.retention_run(scope=scope, dry_run=False, now=NOW)

    run = RetentionRun.objects.get()
    assert run == report.run
    assert not run.dry_run
    assert run.started_at == NOW
    assert run.finished_at is not None
    assert run.triggered_by == lead
    assert run.periods == {
        "event_participations": MONTHS,
        "survey_answers": MONTHS,
        "audit_entries": MONTHS,
    }
    assert run.deleted == {
        "event_participations": {"events.Invitation": 1},
        "survey_answers": {"network.Survey": 1, "network.SurveyAnswer": 1},
        "audit_entries": {"audit.AuditEntry": 1, "core.ActivityEntry": 0},
    }
    entry = AuditEntry.objects.get(action=AuditAction.RETENTION_RUN)
    assert (entry.target_type, entry.target_id, entry.actor) == (
        "privacy.RetentionRun",
        run.pk,
        lead,
    )
    assert entry.details == {
        "deleted": {"event_participations": 1, "survey_answers": 2, "audit_entries": 1}
    }


def test_a_failing_rule_keeps_what_it_would_delete_and_leaves_the_run_unfinished(
    workspace, due, monkeypatch
):
    def fail(**kwargs):
        raise RuntimeError("injected")

    spec = retention.RULES[RetentionRule.SURVEY_ANSWERS]
    monkeypatch.setitem(
        retention.RULES, RetentionRule.SURVEY_ANSWERS, retention.Rule(spec.select, fail)
    )

    with pytest.raises(RuntimeError):
        _run(workspace)

    run = RetentionRun.objects.get()
    assert run.finished_at is None
    # the rule before it committed and is recorded; the failing one changed nothing
    assert run.deleted == {"event_participations": {"events.Invitation": 1}}
    assert not Invitation.objects.exists()
    assert Survey.objects.filter(pk=due["survey"].pk).exists()


# --------------------------------------------------------------- workspace isolation


def test_one_workspaces_rules_never_touch_another_workspace(workspace, other_workspace, due):
    foreign_invitation = InvitationFactory(
        workspace=other_workspace, event=_ended_event(other_workspace, OUTSIDE)
    )
    foreign_survey = _survey(other_workspace, submitted_at=OUTSIDE)
    foreign_entry = audit_record(action=AuditAction.VIEWED, workspace=other_workspace, actor=None)
    _set(foreign_entry, created_at=OUTSIDE)
    ProjectFactory(workspace=other_workspace, end_date=datetime.date(2024, 1, 31))
    foreign_person = _old_person(other_workspace)
    ProjectFactory(workspace=workspace, end_date=datetime.date(2024, 1, 31))
    _policy(workspace, RetentionRule.INACTIVE_CONTACTS)

    _run(workspace)

    assert Invitation.objects.filter(pk=foreign_invitation.pk).exists()
    assert Survey.objects.filter(pk=foreign_survey.pk).exists()
    assert AuditEntry.objects.filter(pk=foreign_entry.pk).exists()
    assert Person.objects.filter(pk=foreign_person.pk).exists()
    assert not Invitation.objects.filter(pk=due["invitation"].pk).exists()
    assert not RetentionRun.objects.filter(workspace=other_workspace).exists()


def test_each_workspace_applies_its_own_periods(workspace, other_workspace):
    _policy(workspace, RetentionRule.EVENT_PARTICIPATIONS, months=12)
    _policy(other_workspace, RetentionRule.EVENT_PARTICIPATIONS, months=24)
    ended = NOW - datetime.timedelta(days=500)  # 16 months ago
    mine = InvitationFactory(workspace=workspace, event=_ended_event(workspace, ended))
    theirs = InvitationFactory(
        workspace=other_workspace, event=_ended_event(other_workspace, ended)
    )

    _run(workspace)
    _run(other_workspace)

    assert not Invitation.objects.filter(pk=mine.pk).exists()
    assert Invitation.objects.filter(pk=theirs.pk).exists()


# -------------------------------------------------------------------------- command


def test_command_dry_run_lists_ids_per_workspace(workspace, other_workspace, due):
    out, err = io.StringIO(), io.StringIO()

    call_command("retention", "--dry-run", stdout=out, stderr=err)

    text = out.getvalue()
    assert "bv-nord" in text
    assert "fremd" in text
    assert str(due["invitation"].pk) in text
    assert str(due["survey"].pk) in text
    assert Invitation.objects.filter(pk=due["invitation"].pk).exists()
    assert RetentionRun.objects.filter(workspace=workspace, dry_run=True).count() == 1
    assert RetentionRun.objects.filter(workspace=other_workspace, dry_run=True).count() == 1
    assert err.getvalue()  # progress per rule


def test_command_deletes_in_the_named_workspace_only(workspace, other_workspace, due):
    foreign = InvitationFactory(
        workspace=other_workspace, event=_ended_event(other_workspace, OUTSIDE)
    )
    _policy(other_workspace, RetentionRule.EVENT_PARTICIPATIONS)
    out = io.StringIO()

    call_command("retention", "--workspace", "bv-nord", stdout=out, stderr=io.StringIO())

    assert not Invitation.objects.filter(pk=due["invitation"].pk).exists()
    assert Invitation.objects.filter(pk=foreign.pk).exists()
    run = RetentionRun.objects.get()
    assert run.workspace == workspace
    assert not run.dry_run
    assert f"{run.pk}" in out.getvalue()
    assert AuditEntry.objects.filter(action=AuditAction.RETENTION_RUN).count() == 1


def test_command_refuses_an_unknown_workspace(db):
    with pytest.raises(CommandError):
        call_command("retention", "--workspace", "gibt-es-nicht", stdout=io.StringIO())


def test_command_says_when_no_rule_is_on(workspace):
    out = io.StringIO()

    call_command("retention", stdout=out, stderr=io.StringIO())

    assert RetentionRun.objects.get().deleted == {}
    assert "bv-nord" in out.getvalue()


# ---------------------------------------------------------------------- the lead's page


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def test_retention_page_is_the_leads(client, staff, partner, lead):
    url = reverse("privacy:retention")
    for user, status in ((staff, 403), (partner, 403), (lead, 200)):
        client.force_login(user)
        assert client.get(url).status_code == status, user
        assert client.post(reverse("privacy:retention_preview")).status_code == status, user
    assert RetentionRun.objects.get().triggered_by == lead


def test_retention_page_saves_periods(lead_client, workspace):
    response = lead_client.post(
        reverse("privacy:retention"), {"inactive_contacts": "24", "audit_entries": "120"}
    )

    assert response.status_code == 302
    periods = retention.retention_periods(scope=Scope.system(workspace))
    assert periods["inactive_contacts"] == 24
    assert periods["audit_entries"] == 120
    assert periods["event_photos"] is None


def test_retention_page_switches_a_rule_off(lead_client, workspace):
    _policy(workspace, RetentionRule.EVENT_PHOTOS, months=6)

    lead_client.post(reverse("privacy:retention"), {"event_photos": ""})

    assert retention.retention_periods(scope=Scope.system(workspace))["event_photos"] is None


@pytest.mark.parametrize("value", ["0", "121", "-3", "zwölf", "1.5"])
def test_retention_page_refuses_invalid_months(lead_client, workspace, value):
    response = lead_client.post(reverse("privacy:retention"), {"audit_entries": value})

    assert response.status_code == 400
    assert response.context["form"].errors["audit_entries"]
    assert not RetentionPolicy.objects.exists()


def test_preview_counts_and_deletes_nothing(lead_client, workspace, due):
    response = lead_client.post(reverse("privacy:retention_preview"))

    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-rule="event_participations" data-total="1"' in html
    assert 'data-rule="survey_answers" data-total="2"' in html
    assert Invitation.objects.filter(pk=due["invitation"].pk).exists()
    assert RetentionRun.objects.get().dry_run


def test_runs_are_listed_page_by_page(lead_client, workspace):
    for day in range(12):
        RetentionRun.objects.create(
            workspace=workspace,
            started_at=NOW - datetime.timedelta(days=day),
            finished_at=NOW,
            periods={"audit_entries": 12},
            deleted={"audit_entries": {"audit.AuditEntry": day}},
        )
    RetentionRun.objects.create(workspace=WorkspaceFactory(slug="dritter"), started_at=NOW)

    first = lead_client.get(reverse("privacy:retention"))
    second = lead_client.get(reverse("privacy:retention"), {"page": 2})

    assert len(first.context["runs"]) == 10
    assert len(second.context["runs"]) == 2
    assert 'data-rule="audit_entries" data-total="11"' in second.content.decode()


def test_retention_page_links_to_the_records(lead_client):
    response = lead_client.get(reverse("privacy:retention"))

    assert reverse("privacy:records") in response.content.decode()
