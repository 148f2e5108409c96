import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from netzwerkstatt.api.models import ApiToken
from tests.api.conftest import ApiClient
from tests.factories import MembershipFactory, UserFactory


def _issue(*args: str) -> list[str]:
    out = io.StringIO()
    call_command("api-token", *args, stdout=out)
    return out.getvalue().splitlines()


def test_api_token_prints_a_working_token_on_its_last_line(client, staff, workspace):
    lines = _issue(staff.email.upper())

    assert "„Bildungsverein Nord“" in lines[0]
    assert "nur jetzt angezeigt" in lines[0]
    assert ApiClient(client, lines[-1]).get("organisations").status_code == 200
    assert ApiToken.objects.get().workspace == workspace


def test_api_token_for_user_in_several_workspaces_needs_workspace(staff, other_workspace):
    MembershipFactory(user=staff, workspace=other_workspace)

    with pytest.raises(CommandError, match="mehreren Arbeitsbereichen") as error:
        _issue(staff.email)

    assert "bv-nord, fremd" in str(error.value)
    assert not ApiToken.objects.exists()


def test_api_token_with_workspace_option_acts_there(client, staff, other_workspace):
    MembershipFactory(user=staff, workspace=other_workspace)

    lines = _issue(staff.email, "--workspace", "fremd")

    assert ApiToken.objects.get().workspace == other_workspace
    assert ApiClient(client, lines[-1]).get("organisations").status_code == 200


def test_api_token_for_workspace_the_user_is_not_in_fails(staff, other_workspace):
    with pytest.raises(CommandError, match="nicht Mitglied von „Fremder Träger“"):
        _issue(staff.email, "--workspace", "fremd")


def test_api_token_for_unknown_workspace_fails(staff):
    with pytest.raises(CommandError, match="nirgends"):
        _issue(staff.email, "--workspace", "nirgends")


def test_api_token_for_unknown_user_fails(db):
    with pytest.raises(CommandError, match="kein Benutzerkonto"):
        _issue("niemand@example.org")


def test_api_token_for_user_without_workspace_fails(db):
    user = UserFactory()

    with pytest.raises(CommandError, match="in keinem Arbeitsbereich"):
        _issue(user.email)
