"""What goes into the audit log: once per event, IDs only, never a personal value."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.api.services import api_token_issue
from netzwerkstatt.audit import services as audit_services
from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.contacts.importing.reading import read_source
from netzwerkstatt.contacts.importing.service import contacts_import
from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership, User
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import membership_set
from tests.factories import (
    PASSWORD,
    EventFactory,
    MembershipFactory,
    PersonFactory,
    UserFactory,
)

MARKER = "Audmarkerperson"
UNKNOWN_EMAIL = "audmarker-niemand@example.org"
PERSON_LABEL = Person._meta.label


def _entries(action: AuditAction):
    return list(AuditEntry.objects.filter(action=action))


def _all_values() -> str:
    """Every column of every audit entry as text, to look for personal values in."""
    return " ".join(
        repr(row)
        for row in AuditEntry.objects.values_list(
            "workspace_id", "actor_id", "action", "target_type", "target_id", "details"
        )
    ).lower()


@pytest.fixture
def marked_person(workspace):
    return PersonFactory(workspace=workspace, first_name=MARKER, last_name=f"{MARKER}Nachname")


# ------------------------------------------------------------------------------ sign-ins


def test_login_records_one_entry_in_the_users_workspace(client, staff, workspace):
    response = client.post("/anmelden/", {"username": staff.email, "password": PASSWORD})

    assert response.status_code == 302
    [entry] = _entries(AuditAction.LOGIN)
    assert (entry.actor_id, entry.workspace_id) == (staff.pk, workspace.pk)
    assert entry.details == {}


def test_failed_login_for_an_unknown_address_stores_nothing_of_it(client, workspace):
    client.post("/anmelden/", {"username": UNKNOWN_EMAIL, "password": "falsch-falsch"})

    [entry] = _entries(AuditAction.LOGIN_FAILED)
    assert (entry.actor_id, entry.workspace_id, entry.target_id) == (None, None, None)
    assert "audmarker" not in _all_values()
    assert "example.org" not in _all_values()


def test_failed_login_for_an_account_keeps_only_its_id(client, staff, workspace):
    client.post("/anmelden/", {"username": staff.email.upper(), "password": "falsch-falsch"})

    [entry] = _entries(AuditAction.LOGIN_FAILED)
    assert (entry.actor_id, entry.workspace_id) == (staff.pk, workspace.pk)
    assert staff.email.split("@")[0] not in _all_values()
    assert not _entries(AuditAction.LOGIN)


def test_logout_records_one_entry(client, staff, workspace):
    client.force_login(staff)

    client.post("/abmelden/")

    [entry] = _entries(AuditAction.LOGOUT)
    assert (entry.actor_id, entry.workspace_id) == (staff.pk, workspace.pk)


def test_login_without_a_workspace_records_no_workspace(client, db):
    user = UserFactory()

    client.post("/anmelden/", {"username": user.email, "password": PASSWORD})

    [entry] = _entries(AuditAction.LOGIN)
    assert (entry.actor_id, entry.workspace_id) == (user.pk, None)


# ------------------------------------------------------------------------ reads of persons


def test_person_page_read_records_exactly_one_viewed_entry(
    staff_client, staff, workspace, marked_person
):
    response = staff_client.get(f"/kontakte/personen/{marked_person.pk}/")

    assert response.status_code == 200
    [entry] = _entries(AuditAction.VIEWED)
    assert (entry.target_type, entry.target_id) == (PERSON_LABEL, marked_person.pk)
    assert (entry.actor_id, entry.workspace_id) == (staff.pk, workspace.pk)
    assert MARKER.lower() not in _all_values()


def test_foreign_person_page_records_nothing(staff_client, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    assert staff_client.get(f"/kontakte/personen/{foreign.pk}/").status_code == 404
    assert not _entries(AuditAction.VIEWED)


def test_api_person_read_records_exactly_one_viewed_entry(client, staff, workspace, marked_person):
    _token, raw = api_token_issue(user=staff, workspace=workspace)
    headers = {"Authorization": f"Bearer {raw}"}

    response = client.get(f"/api/v1/persons/{marked_person.pk}", headers=headers)
    client.get("/api/v1/persons", headers=headers)  # lists are not reads of one person

    assert response.status_code == 200
    [entry] = _entries(AuditAction.VIEWED)
    assert (entry.target_type, entry.target_id, entry.actor_id) == (
        PERSON_LABEL,
        marked_person.pk,
        staff.pk,
    )


# ---------------------------------------------------------------------------- files out, in


def test_csv_export_records_exactly_one_exported_entry(staff_client, staff, marked_person):
    response = staff_client.get("/kontakte/personen/export.csv")
    b"".join(response.streaming_content)

    [entry] = _entries(AuditAction.EXPORTED)
    assert entry.actor_id == staff.pk
    assert entry.details == {"model": "contacts.person", "format": "csv", "count": 1}
    assert MARKER.lower() not in _all_values()


@pytest.mark.parametrize(
    "path",
    [
        "/netzwerke/aufgaben/export.xlsx",
        "/akquise/kennzahlen/export.xlsx",
        "event_ics",
        "participants_pdf",
        "report_preview_pdf",
    ],
)
def test_exports_that_did_not_log_now_record_one_entry(staff_client, workspace, path):
    event = EventFactory(workspace=workspace)
    if not path.startswith("/"):
        path = reverse(f"events:{path}", args=[event.pk])

    response = staff_client.get(path)

    assert response.status_code == 200, path
    assert len(_entries(AuditAction.EXPORTED)) == 1


def test_import_records_exactly_one_imported_entry(scope, workspace):
    content = f"Vorname;Nachname\r\nAnke;{MARKER}\r\n".encode()

    contacts_import(scope=scope, source=read_source(content))

    [entry] = _entries(AuditAction.IMPORTED)
    assert (entry.actor_id, entry.workspace_id) == (scope.user.pk, workspace.pk)
    assert entry.details["persons_created"] == 1
    assert MARKER.lower() not in _all_values()


# -------------------------------------------------------------------- memberships, roles


def test_membership_set_records_additions_and_role_changes_once(workspace, lead):
    user = UserFactory()

    membership_set(user=user, workspace=workspace, role=Role.STAFF, actor=lead)
    membership_set(user=user, workspace=workspace, role=Role.STAFF, actor=lead)
    membership_set(user=user, workspace=workspace, role=Role.LEAD, actor=lead)

    [added] = _entries(AuditAction.MEMBER_ADDED)
    [changed] = _entries(AuditAction.ROLE_CHANGED)
    assert (added.actor_id, added.target_id, added.details) == (lead.pk, user.pk, {"role": "staff"})
    assert changed.details == {"role": "lead", "previous_role": "staff"}
    assert changed.target_type == User._meta.label


def test_create_user_command_records_the_membership(workspace, monkeypatch):
    monkeypatch.setenv("NETZWERKSTATT_PASSWORD", "ein-langes-passwort-2026")

    call_command("create-user", "neu@example.org", workspace=workspace.slug, role="partner")
    call_command("create-user", "neu@example.org", workspace=workspace.slug, role="staff")

    user = User.objects.get(email="neu@example.org")
    assert [(e.action, e.target_id, e.actor_id) for e in AuditEntry.objects.order_by("id")] == [
        (AuditAction.MEMBER_ADDED, user.pk, None),
        (AuditAction.ROLE_CHANGED, user.pk, None),
    ]
    assert "neu@" not in _all_values()


def test_removing_a_member_records_one_entry(workspace, staff):
    Membership.objects.get(user=staff, workspace=workspace).delete()

    [entry] = _entries(AuditAction.MEMBER_REMOVED)
    assert (entry.workspace_id, entry.target_id, entry.details) == (
        workspace.pk,
        staff.pk,
        {"role": "staff"},
    )


def test_deleting_a_workspace_takes_its_log_along(workspace, staff):
    audit_record(action=AuditAction.EXPORTED, workspace=workspace, actor=staff)

    workspace.delete()

    assert not AuditEntry.objects.exists()


def test_deactivating_a_user_records_one_entry_per_workspace(workspace, other_workspace, staff):
    MembershipFactory(user=staff, workspace=other_workspace)

    staff.is_active = False
    staff.save()
    staff.save()  # saving an inactive account again is no new deactivation
    staff.last_login = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    staff.save(update_fields=["last_login"])

    entries = _entries(AuditAction.USER_DEACTIVATED)
    assert sorted(e.workspace_id for e in entries) == sorted([workspace.pk, other_workspace.pk])
    assert {e.target_id for e in entries} == {staff.pk}


def test_saving_an_active_user_records_nothing(staff):
    staff.first_name = "Neu"
    staff.save()

    assert not AuditEntry.objects.exists()


# ---------------------------------------------------------------------------- append-only


def test_entries_cannot_be_changed_or_deleted(workspace, staff):
    entry = audit_record(action=AuditAction.EXPORTED, workspace=workspace, actor=staff)

    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).update(action=AuditAction.VIEWED)
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.filter(pk=entry.pk).delete()
    with pytest.raises(PermissionDenied):
        AuditEntry.objects.all().delete()
    entry.action = AuditAction.VIEWED
    with pytest.raises(PermissionDenied):
        entry.save()
    with pytest.raises(PermissionDenied):
        entry.delete()
    assert AuditEntry.objects.get(pk=entry.pk).action == AuditAction.EXPORTED


def test_every_so_many_entries_refresh_the_planner_statistics(
    workspace, staff, monkeypatch, django_capture_on_commit_callbacks
):
    monkeypatch.setattr(audit_services, "STATISTICS_EVERY", 1)

    with (
        CaptureQueriesContext(connection) as queries,
        django_capture_on_commit_callbacks(execute=True),
    ):
        audit_record(action=AuditAction.EXPORTED, workspace=workspace, actor=staff)

    table = AuditEntry._meta.db_table
    assert any(
        "ANALYZE" in query["sql"] and table in query["sql"] for query in queries.captured_queries
    )


def test_entries_go_only_through_the_retention_prune(workspace, staff):
    audit_record(action=AuditAction.EXPORTED, workspace=workspace, actor=staff)

    assert AuditEntry.objects.all().prune() == 1


# --------------------------------------------------------------------- no personal values


def test_no_entry_holds_a_personal_value(client, workspace, staff, marked_person):
    """A person planted with marker values, read, exported and imported through every
    recorded path: the log names them by id only."""
    staff.first_name, staff.last_name = f"{MARKER}Vor", f"{MARKER}Nach"
    staff.save()
    client.post("/anmelden/", {"username": UNKNOWN_EMAIL, "password": "falsch"})
    client.post("/anmelden/", {"username": staff.email, "password": "falsch"})
    client.post("/anmelden/", {"username": staff.email, "password": PASSWORD})
    client.get(f"/kontakte/personen/{marked_person.pk}/")
    for file_format in ("csv", "xlsx", "vcf"):
        response = client.get(f"/kontakte/personen/export.{file_format}")
        b"".join(response.streaming_content)
    contacts_import(
        scope=Scope(workspace=workspace, role=Role.STAFF, user=staff),
        source=read_source(f"Vorname;Nachname\r\n{MARKER};{MARKER}\r\n".encode()),
    )
    membership_set(
        user=UserFactory(email="audmarker-neu@example.org"), workspace=workspace, role=Role.STAFF
    )
    client.post("/abmelden/")

    values = _all_values()
    assert AuditEntry.objects.count() >= 9
    assert MARKER.lower() not in values
    assert "audmarker" not in values
    assert "@" not in values
