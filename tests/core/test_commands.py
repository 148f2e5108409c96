import pytest
from django.core.management import (
    CommandError,
    ManagementUtility,
    call_command,
    get_commands,
    load_command_class,
)
from django.utils import translation

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


# The events app's command is translated with the events app.
COMMANDS = sorted(
    (app, name)
    for name, app in get_commands().items()
    if app.startswith("netzwerkstatt.") and app != "netzwerkstatt.events"
)


def test_create_workspace_help_speaks_german(capsys):
    with pytest.raises(SystemExit):
        ManagementUtility(["netzwerkstatt", "create-workspace", "--help"]).execute()

    text = " ".join(capsys.readouterr().out.split())
    assert "Legt einen Arbeitsbereich an (für eine Organisation, die Projekte durchführt)." in text
    assert "slug Kurzname für Adressen und Befehle, etwa bv-nord" in text
    assert "--name NAME angezeigter Name" in text


# Django's and argparse's own options, which Django leaves in English.
BASE_OPTIONS = {
    "help", "version", "verbosity", "settings", "pythonpath", "traceback", "no_color",
    "force_color", "skip_checks",
}  # fmt: skip


def _help_texts(app: str, name: str) -> tuple[str, dict[str, str]]:
    """The description and each own argument's help, as --help prints them."""
    parser = load_command_class(app, name).create_parser("netzwerkstatt", name)
    parser.format_help()
    own = {action.dest: action.help for action in parser._actions}
    return parser.description, {
        dest: text for dest, text in own.items() if dest not in BASE_OPTIONS
    }


@pytest.mark.parametrize(("app", "name"), COMMANDS)
def test_command_help_speaks_the_products_language_whatever_is_active(app, name, settings):
    with translation.override("en"):
        description, arguments = _help_texts(app, name)
    settings.LANGUAGE_CODE = "en"
    english_description, english_arguments = _help_texts(app, name)

    assert description != english_description
    assert arguments.keys() == english_arguments.keys()
    assert all(arguments[dest] != text for dest, text in english_arguments.items())
