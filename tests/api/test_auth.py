import hashlib
from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from netzwerkstatt.api.models import ApiToken
from netzwerkstatt.api.services import api_token_issue
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from netzwerkstatt.core.services import membership_set
from tests.api.conftest import ApiClient
from tests.factories import MembershipFactory, OrganisationFactory

UNAUTHORISED = (
    "Anmeldung erforderlich: Senden Sie einen gültigen API-Token als "
    "„Authorization: Bearer <Token>“."
)


def test_request_without_token_is_401_in_german(anonymous_api, db):
    response = anonymous_api.get("organisations")

    assert response.status_code == 401
    assert response.json() == {"detail": UNAUTHORISED}
    assert response.headers["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize("header", ["Bearer falsch", "Token abc", "Bearer "])
def test_request_with_wrong_token_is_401(client, staff_api, header):
    response = client.get("/api/v1/organisations", headers={"Authorization": header})

    assert response.status_code == 401
    assert response.json() == {"detail": UNAUTHORISED}


def test_session_login_does_not_authenticate_api_requests(client, staff):
    client.force_login(staff)

    assert client.get("/api/v1/organisations").status_code == 401


def test_token_of_deactivated_user_is_401(staff_api, staff):
    staff.is_active = False
    staff.save()

    assert staff_api.get("organisations").status_code == 401


def test_token_of_user_removed_from_workspace_is_401(staff_api, staff, workspace):
    Membership.objects.filter(user=staff, workspace=workspace).delete()

    assert staff_api.get("organisations").status_code == 401


def test_token_acts_with_the_users_current_role(staff_api, staff, workspace):
    membership_set(user=staff, workspace=workspace, role=Role.PARTNER)

    response = staff_api.post("organisations", {"name": "Metallbau Müller"})

    assert response.status_code == 403
    assert response.json() == {"detail": "Dazu haben Sie keine Berechtigung."}


def test_token_acts_only_in_its_own_workspace(api_as, staff, workspace, other_workspace):
    MembershipFactory(user=staff, workspace=other_workspace)
    organisation = OrganisationFactory(workspace=workspace)
    api = api_as(staff, other_workspace)

    assert api.get(f"organisations/{organisation.pk}").status_code == 404
    assert api.get("organisations").json() == {"items": [], "count": 0}


def test_token_use_is_noted_at_most_once_a_minute(staff_api, staff):
    token = ApiToken.objects.get(user=staff)

    staff_api.get("organisations")
    token.refresh_from_db()
    first_use = token.last_used_at
    staff_api.get("organisations")
    token.refresh_from_db()
    second_use = token.last_used_at
    two_minutes_ago = timezone.now() - timedelta(minutes=2)
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=two_minutes_ago)
    staff_api.get("organisations")
    token.refresh_from_db()

    assert first_use is not None
    assert second_use == first_use
    assert token.last_used_at > two_minutes_ago + timedelta(minutes=1)


def test_token_is_stored_only_as_its_hash(staff, workspace):
    token, raw = api_token_issue(user=staff, workspace=workspace)

    token.refresh_from_db()
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert raw not in {token.key_hash, token.prefix}
    assert len(raw) >= 40


def test_token_issue_for_non_member_is_refused(staff, other_workspace):
    with pytest.raises(ValidationError, match="nicht Mitglied"):
        api_token_issue(user=staff, workspace=other_workspace)

    assert not ApiToken.objects.exists()


def test_token_issue_for_deactivated_user_is_refused(staff, workspace):
    staff.is_active = False
    staff.save()

    with pytest.raises(ValidationError, match="deaktiviert"):
        api_token_issue(user=staff, workspace=workspace)


def test_two_tokens_of_one_user_work_independently(client, staff, workspace):
    _first, first_raw = api_token_issue(user=staff, workspace=workspace)
    second, second_raw = api_token_issue(user=staff, workspace=workspace)
    second.delete()

    assert ApiClient(client, first_raw).get("organisations").status_code == 200
    assert ApiClient(client, second_raw).get("organisations").status_code == 401
