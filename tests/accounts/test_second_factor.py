"""The optional second factor: setting it up, signing in with it, switching it off, and
the workspace rule that leads must use one."""

import re
import time

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.core.exceptions import ValidationError
from django.urls import reverse

from netzwerkstatt.accounts import services, totp
from netzwerkstatt.accounts.models import AccountPolicy, SecondFactor
from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import PASSWORD, MembershipFactory, WorkspaceFactory

from .conftest import current_code

ACCOUNT = reverse("accounts:account")
LOGIN = reverse("login")
CODE = reverse("login_code")


def _password_step(client, user, **data):
    return client.post(LOGIN, {"username": user.email, "password": PASSWORD, **data})


# Setting it up


def test_account_page_offers_the_setup(staff_client):
    response = staff_client.get(ACCOUNT)

    assert response.status_code == 200
    assert reverse("accounts:second_factor_setup") in response.content.decode()


def test_setup_shows_an_inline_svg_qr_code_and_the_secret_in_groups(staff_client, staff):
    staff_client.post(reverse("accounts:second_factor_setup"))
    response = staff_client.get(ACCOUNT)

    page = response.content.decode()
    factor = SecondFactor.objects.get(user=staff)
    assert factor.confirmed_at is None
    svg = re.search(r'<svg[^>]*id="second-factor-qr".*?</svg>', page, re.DOTALL).group(0)
    assert re.search(r'<path d="(M\d+ \d+h\d+v1h-\d+z)+"', svg)
    assert "data:" not in page
    assert " style=" not in svg
    shown = re.search(r'id="second-factor-secret">([^<]*)<', page).group(1)
    assert shown.split() == totp.secret_groups(factor.secret)


def test_qr_code_carries_the_provisioning_address(staff):
    from netzwerkstatt.accounts.qr import qr_svg

    small = qr_svg("otpauth://totp/a")
    large = qr_svg(totp.provisioning_uri(totp.secret_generate(), account=staff.email, issuer="N"))

    assert large.size > small.size >= 21 + 8


def test_confirming_with_a_current_code_switches_it_on_and_is_audited(
    staff_client, staff, workspace
):
    staff_client.post(reverse("accounts:second_factor_setup"))
    factor = SecondFactor.objects.get(user=staff)

    response = staff_client.post(
        reverse("accounts:second_factor_confirm"), {"code": current_code(factor)}
    )

    assert response.status_code == 302
    factor.refresh_from_db()
    assert factor.is_confirmed
    [entry] = AuditEntry.objects.filter(action=AuditAction.SECOND_FACTOR_ENABLED)
    assert (entry.actor_id, entry.target_id, entry.workspace_id) == (
        staff.pk,
        staff.pk,
        workspace.pk,
    )
    assert 'id="second-factor-on"' in staff_client.get(ACCOUNT).content.decode()


def test_confirming_with_a_wrong_code_changes_nothing(staff_client, staff):
    staff_client.post(reverse("accounts:second_factor_setup"))
    factor = SecondFactor.objects.get(user=staff)
    wrong = str((int(current_code(factor)) + 1) % 1_000_000).zfill(6)

    response = staff_client.post(reverse("accounts:second_factor_confirm"), {"code": wrong})

    assert response.status_code == 200
    assert response.context["code_form"].errors
    factor.refresh_from_db()
    assert not factor.is_confirmed
    assert not AuditEntry.objects.filter(action=AuditAction.SECOND_FACTOR_ENABLED).exists()


def test_a_confirmed_factor_cannot_be_replaced_without_switching_it_off(staff, factor):
    with pytest.raises(ValidationError):
        services.second_factor_begin(user=staff)

    assert SecondFactor.objects.get(user=staff).secret == factor.secret


def test_setup_pages_need_a_login(client, db):
    for name in ("account", "second_factor_setup", "second_factor_confirm"):
        response = client.post(reverse(f"accounts:{name}"))
        assert response.status_code in {302, 405}
    assert client.get(ACCOUNT).url.startswith(LOGIN)


# Signing in with it


def test_password_alone_does_not_sign_in_an_account_with_a_factor(client, staff, factor):
    response = _password_step(client, staff)

    assert response.status_code == 302
    assert response.url == CODE
    assert "_auth_user_id" not in client.session
    assert client.get("/").status_code == 302  # still anonymous


def test_code_step_signs_in_with_a_new_session_key(client, staff, factor):
    _password_step(client, staff, next="/kontakte/")
    before = client.session.session_key

    response = client.post(CODE, {"code": current_code(factor, offset=30)})

    assert response.status_code == 302
    assert response.url == "/kontakte/"
    assert client.session["_auth_user_id"] == str(staff.pk)
    assert client.session.session_key != before
    assert AuditEntry.objects.filter(action=AuditAction.LOGIN, actor_id=staff.pk).exists()


def test_a_used_code_cannot_sign_in_again(client, staff, factor):
    code = current_code(factor, offset=30)
    _password_step(client, staff)
    assert client.post(CODE, {"code": code}).status_code == 302
    client.post(reverse("logout"))

    _password_step(client, staff)
    response = client.post(CODE, {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_code_of_the_confirmation_cannot_sign_in(client, staff):
    pending = services.second_factor_begin(user=staff)
    code = current_code(pending)
    assert services.second_factor_confirm(user=staff, code=code)

    _password_step(client, staff)
    response = client.post(CODE, {"code": code})

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_towards_the_lockout(client, staff, factor):
    _password_step(client, staff)
    wrong = str((int(current_code(factor)) + 500_000) % 1_000_000).zfill(6)
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        assert client.post(CODE, {"code": wrong}).status_code == 200

    locked = client.post(CODE, {"code": wrong})

    assert locked.status_code == 429
    assert 'id="login-locked-out"' in locked.content.decode()
    assert AccessAttempt.objects.get().username == staff.email
    assert wrong not in AccessAttempt.objects.get().post_data
    # Neither the code step nor the password step lets the account in now.
    assert client.get(CODE).status_code == 302
    assert _password_step(client, staff).status_code == 429


def test_code_step_without_the_password_step_goes_back_to_the_login(client, staff, factor):
    response = client.post(CODE, {"code": current_code(factor)})

    assert response.status_code == 302
    assert response.url == LOGIN


def test_code_step_expires(client, staff, factor):
    _password_step(client, staff)
    session = client.session
    session["accounts_pending"]["at"] -= 10 * 60
    session.save()

    response = client.post(CODE, {"code": current_code(factor, offset=30)})

    assert response.url == LOGIN
    assert "_auth_user_id" not in client.session


def test_check_refuses_a_racing_second_use_of_one_step(staff, factor):
    now = time.time() + 30
    code = totp.totp(totp.secret_bytes(factor.secret), now)

    assert services.second_factor_check(user=staff, code=code, timestamp=now)
    assert not services.second_factor_check(user=staff, code=code, timestamp=now)


# Switching it off


def test_switching_off_needs_the_password(staff_client, staff, factor):
    wrong = staff_client.post(reverse("accounts:second_factor_disable"), {"password": "falsch"})

    assert wrong.status_code == 200
    assert wrong.context["password_form"].errors
    assert SecondFactor.objects.filter(user=staff).exists()

    right = staff_client.post(reverse("accounts:second_factor_disable"), {"password": PASSWORD})

    assert right.status_code == 302
    assert not SecondFactor.objects.filter(user=staff).exists()
    [entry] = AuditEntry.objects.filter(action=AuditAction.SECOND_FACTOR_DISABLED)
    assert entry.actor_id == staff.pk
    assert _password_step(staff_client, staff).status_code == 302


# The workspace rule for leads


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def _require(workspace):
    AccountPolicy.objects.create(workspace=workspace, require_second_factor_for_lead=True)


def test_policy_page_is_the_leads(client, workspace, staff, lead):
    client.force_login(staff)
    assert client.get(reverse("accounts:policy")).status_code == 403

    client.force_login(lead)
    assert client.get(reverse("accounts:policy")).status_code == 200


def test_lead_cannot_require_a_factor_without_using_one(lead_client, workspace):
    response = lead_client.post(
        reverse("accounts:policy"), {"require_second_factor_for_lead": "on"}
    )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not AccountPolicy.objects.filter(require_second_factor_for_lead=True).exists()


def test_lead_with_a_factor_sets_the_rule_and_it_is_audited(lead_client, lead, workspace):
    pending = services.second_factor_begin(user=lead)
    services.second_factor_confirm(user=lead, code=current_code(pending))

    response = lead_client.post(
        reverse("accounts:policy"), {"require_second_factor_for_lead": "on"}
    )

    assert response.status_code == 302
    assert AccountPolicy.objects.get(workspace=workspace).require_second_factor_for_lead
    [entry] = AuditEntry.objects.filter(action=AuditAction.SETTINGS_CHANGED)
    assert entry.details == {"require_second_factor_for_lead": True}


def test_policy_service_checks_the_permission(workspace, staff):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.account_policy_set(
            scope=Scope(workspace=workspace, role=Role.STAFF, user=staff),
            require_second_factor_for_lead=False,
        )


def test_lead_without_a_factor_is_held_on_the_setup_page(client, lead, workspace):
    _require(workspace)

    response = _password_step(client, lead)
    assert response.status_code == 302
    home = client.get(response.url)
    assert home.status_code == 302
    assert home.url == ACCOUNT
    assert client.get(reverse("contacts:organisation_list")).url == ACCOUNT
    assert client.post(reverse("contacts:organisation_create"), {"name": "X"}).url == ACCOUNT
    assert (
        client.get(reverse("contacts:organisation_list"), HTTP_HX_REQUEST="true")["HX-Redirect"]
        == ACCOUNT
    )
    page = client.get(ACCOUNT)
    assert page.status_code == 200
    assert 'id="second-factor-required"' in page.content.decode()

    client.post(reverse("accounts:second_factor_setup"))
    factor = SecondFactor.objects.get(user=lead)
    client.post(reverse("accounts:second_factor_confirm"), {"code": current_code(factor)})

    assert client.get(reverse("contacts:organisation_list")).status_code == 200


def test_rule_leaves_staff_alone(client, staff, workspace):
    _require(workspace)

    _password_step(client, staff)

    assert client.get(reverse("contacts:organisation_list")).status_code == 200


def test_rule_holds_a_lead_only_in_the_workspace_that_sets_it(client, lead, workspace):
    _require(workspace)
    second = WorkspaceFactory(slug="zweiter", name="Zweiter Träger")
    MembershipFactory(user=lead, workspace=second, role=Role.LEAD)
    client.force_login(lead)
    assert client.get(reverse("contacts:organisation_list")).url == ACCOUNT

    client.post(reverse("core:workspace_switch"), {"workspace": "zweiter"})

    assert client.get(reverse("contacts:organisation_list")).status_code == 200


def test_lead_who_switches_the_factor_off_is_held_again(lead_client, lead, workspace):
    pending = services.second_factor_begin(user=lead)
    services.second_factor_confirm(user=lead, code=current_code(pending))
    _require(workspace)
    lead_client.force_login(lead)
    assert lead_client.get(reverse("contacts:organisation_list")).status_code == 200

    lead_client.post(reverse("accounts:second_factor_disable"), {"password": PASSWORD})

    assert lead_client.get(reverse("contacts:organisation_list")).url == ACCOUNT


def test_user_menu_links_to_the_account_page(staff_client):
    assert f'href="{ACCOUNT}"' in staff_client.get("/").content.decode()
