import pytest
from django.core.management import CommandError, call_command

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership, User, Workspace


def test_create_workspace(db, capsys):
    call_command("create-workspace", "bv-nord", name="Bildungsverein Nord")

    assert Workspace.objects.get(slug="bv-nord").name == "Bildungsverein Nord"
    assert "angelegt" in capsys.readouterr().out


def test_create_workspace_bad_slug_is_a_german_error(db):
    with pytest.raises(CommandError, match="Kleinbuchstaben"):
        call_command("create-workspace", "BV Nord", name="Bildungsverein Nord")


def test_create_user_takes_password_from_environment(workspace, monkeypatch):
    monkeypatch.setenv("NETZWERKSTATT_PASSWORD", "ein-sehr-langes-passwort")

    call_command("create-user", "Anna@Example.org", workspace=workspace.slug, role="lead")

    user = User.objects.get(email="anna@example.org")
    assert user.check_password("ein-sehr-langes-passwort")
    assert Membership.objects.get(user=user).role == Role.LEAD


def test_create_user_rejects_weak_password(workspace, monkeypatch):
    monkeypatch.setenv("NETZWERKSTATT_PASSWORD", "kurz")

    with pytest.raises(CommandError, match="zu kurz"):
        call_command("create-user", "anna@example.org", workspace=workspace.slug, role="staff")

    assert not User.objects.exists()


def test_create_user_existing_user_joins_second_workspace(workspace, other_workspace, staff):
    call_command("create-user", staff.email.upper(), workspace=other_workspace.slug, role="partner")

    assert set(staff.memberships.values_list("workspace__slug", "role")) == {
        (workspace.slug, Role.STAFF),
        (other_workspace.slug, Role.PARTNER),
    }


def test_create_user_unknown_workspace(db, monkeypatch):
    monkeypatch.setenv("NETZWERKSTATT_PASSWORD", "ein-sehr-langes-passwort")

    with pytest.raises(CommandError, match="gibt es nicht"):
        call_command("create-user", "anna@example.org", workspace="nirgends", role="staff")
