"""Sessions end when the account is switched off, the membership ends, or time runs out."""

from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.accounts.sessions import SEEN_AT, SIGNED_IN_AT
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from tests.factories import MembershipFactory, OrganisationFactory, WorkspaceFactory

HOME = "/"
LOGIN = reverse("login")


def _shift(client, **seconds_back):
    """Move the session's stamps into the past, as if time had passed."""
    session = client.session
    for key, seconds in seconds_back.items():
        session[key] -= seconds
    session.save()


def _stamps(client):
    return {key: client.session[key] for key in (SIGNED_IN_AT, SEEN_AT)}


def test_deactivated_user_is_anonymous_on_the_next_request(staff_client, staff):
    assert staff_client.get(HOME).status_code == 200

    staff.is_active = False
    staff.save()
    response = staff_client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert not response.wsgi_request.user.is_authenticated
    assert "_auth_user_id" not in staff_client.session


def test_removed_member_is_sent_to_the_login_page(staff_client, staff, workspace):
    OrganisationFactory(workspace=workspace, name="Nur für Mitglieder GmbH")
    assert (
        "Nur für Mitglieder"
        in staff_client.get(reverse("contacts:organisation_list")).content.decode()
    )

    Membership.objects.filter(user=staff, workspace=workspace).delete()
    response = staff_client.get(reverse("contacts:organisation_list"))

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert response.wsgi_request.scope is None
    assert "_auth_user_id" not in staff_client.session


def test_removed_member_of_two_workspaces_does_not_act_in_the_old_one(client, staff, workspace):
    second = WorkspaceFactory(slug="zweiter", name="Zweiter Träger")
    MembershipFactory(user=staff, workspace=second, role=Role.STAFF)
    OrganisationFactory(workspace=workspace, name="Erster Träger Kunde")
    client.force_login(staff)
    assert client.get(HOME).wsgi_request.scope.workspace == workspace

    Membership.objects.filter(user=staff, workspace=workspace).delete()
    response = client.get(reverse("contacts:organisation_list"), follow=True)

    assert "Erster Träger Kunde" not in response.content.decode()
    assert response.redirect_chain[0][0].startswith(LOGIN)


def test_removed_member_posting_from_htmx_is_redirected_by_htmx(staff_client, staff, workspace):
    Membership.objects.filter(user=staff, workspace=workspace).delete()

    response = staff_client.get(reverse("contacts:organisation_list"), HTTP_HX_REQUEST="true")

    assert response["HX-Redirect"].startswith(LOGIN)


def test_session_ends_after_the_idle_time(staff_client):
    staff_client.get(HOME)
    idle = settings.NETZWERKSTATT_SESSION_IDLE_MINUTES * 60
    _shift(staff_client, **{SEEN_AT: idle + 1, SIGNED_IN_AT: idle + 1})

    response = staff_client.get(reverse("contacts:organisation_list"))

    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={reverse('contacts:organisation_list')}"
    assert "_auth_user_id" not in staff_client.session
    followed = staff_client.get(response.url)
    assert [message.level_tag for message in followed.context["messages"]] == ["warning"]


def test_session_lives_on_just_before_the_idle_time(staff_client):
    idle = settings.NETZWERKSTATT_SESSION_IDLE_MINUTES * 60
    _shift(staff_client, **{SEEN_AT: idle - 5, SIGNED_IN_AT: idle - 5})

    assert staff_client.get(HOME).status_code == 200


def test_session_ends_after_the_absolute_time_despite_activity(staff_client):
    maximum = settings.NETZWERKSTATT_SESSION_MAX_HOURS * 60 * 60
    _shift(staff_client, **{SIGNED_IN_AT: maximum + 1})

    response = staff_client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert "_auth_user_id" not in staff_client.session


def test_idle_stamp_is_written_at_most_once_a_minute(staff_client):
    staff_client.get(HOME)
    first = _stamps(staff_client)

    staff_client.get(HOME)
    assert _stamps(staff_client) == first

    _shift(staff_client, **{SEEN_AT: 61})
    shifted = _stamps(staff_client)
    staff_client.get(HOME)
    later = _stamps(staff_client)
    assert later[SEEN_AT] >= shifted[SEEN_AT] + 61
    assert later[SIGNED_IN_AT] == shifted[SIGNED_IN_AT]


def test_session_from_before_the_stamps_starts_its_clocks(staff_client):
    session = staff_client.session
    del session[SEEN_AT]
    del session[SIGNED_IN_AT]
    session.save()

    assert staff_client.get(HOME).status_code == 200
    assert SEEN_AT in staff_client.session


def test_session_cookie_does_not_outlive_the_absolute_time():
    assert settings.SESSION_COOKIE_AGE == settings.NETZWERKSTATT_SESSION_MAX_HOURS * 3600


def test_ordinary_request_does_not_write_the_session(staff_client):
    staff_client.get(HOME)

    with CaptureQueriesContext(connection) as queries:
        staff_client.get(reverse("accounts:account"))
    assert not [
        query for query in queries if "django_session" in query["sql"] and "UPDATE" in query["sql"]
    ]
