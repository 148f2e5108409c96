"""The audit log page: the lead's only, their workspace's only, read-only."""

import datetime as dt
import io
import re

import openpyxl
import pytest
from django.contrib import admin
from django.db.models import QuerySet
from django.utils import timezone

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from tests.factories import MembershipFactory, PersonFactory, UserFactory

URL = "/protokoll/"
XLSX_URL = "/protokoll/export.xlsx"


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    AuditEntry.objects.all().prune()  # the sign-in above; tests plant their own entries
    return client


def _shown(response) -> set[int]:
    return {int(pk) for pk in re.findall(r'data-entry="(\d+)"', response.content.decode())}


def _record(workspace, actor, action=AuditAction.EXPORTED, **fields):
    return audit_record(action=action, workspace=workspace, actor=actor, **fields)


def _backdate(entry, when: dt.datetime) -> None:
    """Only the test goes around the append-only queryset, to plant an older entry."""
    QuerySet.update(AuditEntry.objects.filter(pk=entry.pk), created_at=when)


# ----------------------------------------------------------------------------- who may


def test_anonymous_users_go_to_the_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert "/anmelden/" in response.url


@pytest.mark.parametrize("role", [Role.STAFF, Role.PARTNER])
@pytest.mark.parametrize("path", [URL, XLSX_URL])
def test_staff_and_partners_may_not_read_the_log(client, workspace, lead, role, path):
    _record(workspace, lead)
    client.force_login(MembershipFactory(workspace=workspace, role=role).user)

    response = client.get(path)

    assert response.status_code in {403, 404}
    assert b'data-entry="' not in response.content


# -------------------------------------------------------------------------- what it shows


def test_lead_sees_their_workspace_s_entries_and_never_another_s(
    lead_client, workspace, other_workspace, lead, staff
):
    foreign_user = MembershipFactory(workspace=other_workspace, role=Role.LEAD).user
    foreign_person = PersonFactory(workspace=other_workspace, last_name="Fremdmarker")
    own = [
        _record(workspace, staff),
        _record(workspace, lead, AuditAction.VIEWED, target=PersonFactory(workspace=workspace)),
        _record(workspace, staff, AuditAction.LOGIN),
    ]
    foreign = [
        _record(other_workspace, foreign_user),
        _record(other_workspace, foreign_user, AuditAction.VIEWED, target=foreign_person),
        _record(other_workspace, foreign_user, AuditAction.LOGIN),
        _record(None, foreign_user, AuditAction.LOGIN_FAILED),
        _record(None, None, AuditAction.LOGIN_FAILED),
    ]

    response = lead_client.get(URL)

    assert response.status_code == 200
    assert _shown(response) == {entry.pk for entry in own}
    assert not _shown(response) & {entry.pk for entry in foreign}
    assert "Fremdmarker" not in response.content.decode()


def test_sign_ins_of_members_show_whichever_workspace_they_were_written_in(
    lead_client, workspace, other_workspace, staff
):
    MembershipFactory(user=staff, workspace=other_workspace)
    elsewhere = _record(other_workspace, staff, AuditAction.LOGIN)
    failed = _record(None, staff, AuditAction.LOGIN_FAILED)
    not_shown = _record(other_workspace, staff, AuditAction.EXPORTED)

    shown = _shown(lead_client.get(URL))

    assert {elsewhere.pk, failed.pk} <= shown
    assert not_shown.pk not in shown


def test_former_members_sign_ins_elsewhere_are_not_shown(
    lead_client, workspace, other_workspace, staff
):
    MembershipFactory(user=staff, workspace=other_workspace)
    Membership.objects.filter(user=staff, workspace=workspace).delete()
    elsewhere = _record(other_workspace, staff, AuditAction.LOGIN)

    assert elsewhere.pk not in _shown(lead_client.get(URL))


def test_actor_names_are_read_now_and_deleted_users_show_their_id(lead_client, workspace):
    user = MembershipFactory(
        workspace=workspace, user__first_name="Ulrike", user__last_name="Umbenannt"
    ).user
    _record(workspace, user)
    gone = UserFactory()
    gone_id = gone.pk
    _record(workspace, gone)
    Membership.objects.filter(user=gone).delete()
    gone.delete()

    content = lead_client.get(URL).content.decode()

    assert "Ulrike Umbenannt" in content
    assert f"#{gone_id}" in content


def test_targets_link_while_they_exist(lead_client, workspace, lead):
    person = PersonFactory(workspace=workspace, first_name="Paula", last_name="Zielperson")
    erased = PersonFactory(workspace=workspace, last_name="Geloeschtmarker")
    _record(workspace, lead, AuditAction.VIEWED, target=person)
    _record(workspace, lead, AuditAction.VIEWED, target=erased)
    erased_id = erased.pk
    erased.delete()

    content = lead_client.get(URL).content.decode()

    assert f'href="{person.get_absolute_url()}"' in content
    assert "Zielperson" in content
    assert f"#{erased_id}" in content
    assert "Geloeschtmarker" not in content


def test_empty_log_says_so(lead_client):
    response = lead_client.get(URL)

    assert response.status_code == 200
    assert 'class="empty"' in response.content.decode()
    assert not _shown(response)


def test_htmx_gets_the_results_only(lead_client, workspace, lead):
    entry = _record(workspace, lead)

    response = lead_client.get(URL, headers={"HX-Request": "true"})

    assert _shown(response) == {entry.pk}
    assert b"<html" not in response.content


# --------------------------------------------------------------------------------- filters


def test_filters_by_action_user_object_and_dates(lead_client, workspace, lead, staff):
    person = PersonFactory(workspace=workspace)
    viewed = _record(workspace, staff, AuditAction.VIEWED, target=person)
    other_view = _record(
        workspace, lead, AuditAction.VIEWED, target=PersonFactory(workspace=workspace)
    )
    exported = _record(workspace, staff, AuditAction.EXPORTED)
    old = _record(workspace, staff, AuditAction.EXPORTED)
    _backdate(old, timezone.now() - dt.timedelta(days=40))
    today = timezone.localdate()

    def shown(**query):
        response = lead_client.get(URL, query)
        assert response.status_code == 200, response.content
        return _shown(response)

    assert shown(action="viewed") == {viewed.pk, other_view.pk}
    assert shown(actor=staff.pk) == {viewed.pk, exported.pk, old.pk}
    assert shown(target_type="contacts.Person", target_id=person.pk) == {viewed.pk}
    assert shown(since=today - dt.timedelta(days=1)) == {viewed.pk, other_view.pk, exported.pk}
    assert shown(until=today - dt.timedelta(days=30)) == {old.pk}
    assert shown(action="viewed", actor=lead.pk) == {other_view.pk}


def test_a_reversed_date_range_is_refused(lead_client, workspace, lead):
    _record(workspace, lead)

    response = lead_client.get(URL, {"since": "2026-02-01", "until": "2026-01-01"})

    assert response.status_code == 400
    assert not _shown(response)


def test_another_workspace_s_users_are_no_filter_choice(
    lead_client, workspace, other_workspace, lead
):
    foreign_user = MembershipFactory(
        workspace=other_workspace, user__first_name="Fremd", user__last_name="Auswahlmarker"
    ).user
    _record(other_workspace, foreign_user)
    _record(workspace, lead)

    content = lead_client.get(URL).content.decode()

    assert "Auswahlmarker" not in content
    assert lead_client.get(URL, {"actor": foreign_user.pk}).status_code == 400


def test_pages_of_twenty_five(lead_client, workspace, lead):
    entries = [_record(workspace, lead) for _ in range(30)]

    first = _shown(lead_client.get(URL))
    second = _shown(lead_client.get(URL, {"page": 2}))

    assert len(first) == 25
    assert first | second == {entry.pk for entry in entries}


def test_the_page_reads_a_fixed_number_of_queries(
    lead_client, workspace, lead, django_assert_max_num_queries
):
    def plant(count):
        for _ in range(count):
            _record(workspace, MembershipFactory(workspace=workspace).user, AuditAction.VIEWED,
                    target=PersonFactory(workspace=workspace))  # fmt: skip

    plant(2)
    with django_assert_max_num_queries(30) as few:
        lead_client.get(URL)
    plant(20)
    with django_assert_max_num_queries(len(few.captured_queries)):
        lead_client.get(URL)


# ---------------------------------------------------------------------------------- export


def test_xlsx_export_holds_the_filtered_log_and_is_logged(lead_client, workspace, lead, staff):
    person = PersonFactory(workspace=workspace, last_name="=HYPERLINK(1)")
    _record(workspace, staff, AuditAction.VIEWED, target=person)
    _record(
        workspace, staff, AuditAction.EXPORTED, details={"model": "contacts.person", "count": 3}
    )

    response = lead_client.get(XLSX_URL, {"action": "viewed"})

    assert response.status_code == 200
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == 1
    assert rows[0][2] == staff.pk
    assert rows[0][5] == person.pk
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    [export] = AuditEntry.objects.filter(action=AuditAction.EXPORTED, actor=lead)
    assert export.details == {"model": "audit.auditentry", "format": "xlsx", "count": 1}


# ----------------------------------------------------------------------------- read-only


def test_the_page_offers_no_way_to_change_entries(lead_client, workspace, lead):
    entry = _record(workspace, lead)

    response = lead_client.post(URL, {"action": "viewed"})

    assert response.status_code == 405
    assert AuditEntry.objects.get(pk=entry.pk).action == AuditAction.EXPORTED
    main = lead_client.get(URL).content.decode().split("<main")[1].split("</main>")[0]
    assert 'method="post"' not in main


def test_admin_shows_entries_read_only(client, workspace, lead):
    entry = _record(workspace, lead)
    model_admin = admin.site._registry[AuditEntry]
    operator = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(operator)

    assert client.get("/admin/audit/auditentry/").status_code == 200
    assert client.get(f"/admin/audit/auditentry/{entry.pk}/change/").status_code == 200
    assert client.get("/admin/audit/auditentry/add/").status_code == 403
    assert (
        client.post(f"/admin/audit/auditentry/{entry.pk}/delete/", {"post": "yes"}).status_code
        == 403
    )
    request = type("Request", (), {"user": operator})()
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request, entry)
    assert not model_admin.has_delete_permission(request, entry)
    assert AuditEntry.objects.filter(pk=entry.pk).exists()
