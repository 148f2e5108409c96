import pytest
from django.urls import reverse

from netzwerkstatt.core.enums import Role
from tests.factories import (
    PASSWORD,
    MembershipFactory,
    OrganisationFactory,
    UserFactory,
    WorkspaceFactory,
)


def test_login_page_is_german(client):
    response = client.get(reverse("login"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")

    assert response["Content-Language"] == "de"
    assert "Anmelden" in response.content.decode()


def test_language_cookie_switches_to_english(client):
    client.cookies["django_language"] = "en"

    assert "Log in" in client.get(reverse("login")).content.decode()


def test_login_with_email_and_password(client, staff):
    response = client.post(reverse("login"), {"username": staff.email, "password": PASSWORD})

    assert response.status_code == 302
    assert client.get(reverse("core:home")).status_code == 200


def test_login_with_wrong_password_says_so_in_german(client, staff):
    response = client.post(reverse("login"), {"username": staff.email, "password": "falsch"})

    assert response.status_code == 200
    assert "Bitte E-Mail-Adresse und Passwort eingeben" in response.content.decode()


def test_user_without_workspace_sees_explanation(client, db):
    client.force_login(UserFactory())

    response = client.get(reverse("core:home"))

    assert response.status_code == 403
    assert "noch keinem Arbeitsbereich" in response.content.decode()


def test_workspace_switch_changes_scope(client, staff, workspace):
    second = WorkspaceFactory(slug="zweiter", name="Zweiter Träger")
    MembershipFactory(user=staff, workspace=second, role=Role.LEAD)
    OrganisationFactory(workspace=second, name="Nur im zweiten")
    client.force_login(staff)

    before = client.get(reverse("contacts:organisation_list")).content.decode()
    client.post(reverse("core:workspace_switch"), {"workspace": "zweiter"})
    after = client.get(reverse("contacts:organisation_list"))

    assert "Nur im zweiten" not in before
    assert "Nur im zweiten" in after.content.decode()
    assert after.wsgi_request.scope.role == Role.LEAD


def test_workspace_switch_to_foreign_workspace_is_refused(
    client, staff, workspace, other_workspace
):
    client.force_login(staff)

    client.post(reverse("core:workspace_switch"), {"workspace": other_workspace.slug})
    response = client.get(reverse("core:home"))

    assert response.wsgi_request.scope.workspace == workspace


def test_workspace_switch_requires_post(client, staff):
    client.force_login(staff)

    assert client.get(reverse("core:workspace_switch")).status_code == 405


def test_navigation_hides_what_the_role_may_not_do(client, partner):
    client.force_login(partner)

    labels = [item.label for item in client.get(reverse("core:home")).context["navigation"]]

    assert "Organisationen" in labels
    assert "Importieren" not in labels


@pytest.mark.parametrize("role", [Role.LEAD, Role.STAFF])
def test_navigation_offers_import_to_the_team(client, workspace, role):
    client.force_login(MembershipFactory(workspace=workspace, role=role).user)

    labels = [str(item.label) for item in client.get(reverse("core:home")).context["navigation"]]

    assert "Importieren" in labels


def test_inactive_user_has_no_scope(client, staff):
    staff.is_active = False
    staff.save()
    client.force_login(staff)

    assert client.get(reverse("core:home")).status_code == 302


def test_password_change_page_is_ours_and_german(client, staff):
    client.force_login(staff)

    response = client.get(reverse("password_change"))

    assert "core/templates/registration" in response.templates[0].origin.name
    assert "Passwort ändern" in response.content.decode()


def test_project_buttons_use_the_products_words(client, staff):
    client.force_login(staff)

    assert "Speichern" in client.get(reverse("contacts:organisation_create")).content.decode()


def test_navigation_groups_an_apps_pages_under_its_menu(client, staff):
    client.force_login(staff)

    navigation = client.get(reverse("core:home")).context["navigation"]

    groups = {str(entry.label): entry for entry in navigation if hasattr(entry, "items")}
    network_pages = [str(item.label) for item in groups["Netzwerk"].items]
    assert "Netzwerkkarte" in network_pages
    assert "Netzwerkkarte" not in [str(entry.label) for entry in navigation]
