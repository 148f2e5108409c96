"""Consents per person: the panel on the person page, recording, withdrawing, who may."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.enums import Action, Role
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.privacy import consents
from netzwerkstatt.privacy.enums import LegalBasis
from netzwerkstatt.privacy.models import Consent
from tests.factories import PersonFactory

HTMX = {"HX-Request": "true"}


@pytest.fixture
def person(workspace):
    return PersonFactory(workspace=workspace, is_shared=True)


@pytest.fixture
def consent(workspace, person):
    return Consent.objects.create(
        workspace=workspace,
        person=person,
        purpose="Fotos bei Veranstaltungen",
        given_on=datetime.date(2026, 1, 10),
        source="Anmeldeformular",
    )


def _data(**values):
    return {
        "consent-purpose": "Newsletter",
        "consent-legal_basis": LegalBasis.CONSENT,
        "consent-given_on": "2026-01-15",
        "consent-source": "E-Mail vom 15.01.",
        **values,
    }


def test_person_page_shows_consents_to_the_team(staff_client, person, consent):
    response = staff_client.get(person.get_absolute_url())

    html = response.content.decode()
    assert 'id="consents"' in html
    assert "Fotos bei Veranstaltungen" in html
    assert reverse("privacy:consent_withdraw", args=[consent.pk]) in html
    assert reverse("privacy:consent_create", args=[person.pk]) in html


def test_person_page_shows_partners_no_consents(client, partner, person, consent):
    client.force_login(partner)

    response = client.get(person.get_absolute_url())

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="consents"' not in html
    assert "Fotos bei Veranstaltungen" not in html


def test_consent_recorded_with_htmx_answers_with_the_panel(staff_client, staff, person):
    response = staff_client.post(
        reverse("privacy:consent_create", args=[person.pk]), _data(), headers=HTMX
    )

    assert response.status_code == 200
    assert 'id="consents"' in response.content.decode()
    consent = Consent.objects.get(person=person)
    assert consent.purpose == "Newsletter"
    assert consent.given_on == datetime.date(2026, 1, 15)
    assert consent.source == "E-Mail vom 15.01."
    assert consent.recorded_by == staff
    assert consent.withdrawn_at is None
    entry = ActivityEntry.objects.get(action=Action.CREATED, object_id=person.pk)
    assert entry.details == {"model": "privacy.Consent", "count": 1, "consent": consent.pk}


def test_consent_recorded_without_javascript_goes_back_to_the_person(staff_client, person):
    response = staff_client.post(reverse("privacy:consent_create", args=[person.pk]), _data())

    assert response.status_code == 302
    assert response.url == person.get_absolute_url()
    assert Consent.objects.filter(person=person).count() == 1


def test_consent_form_page_without_javascript(staff_client, person):
    response = staff_client.get(reverse("privacy:consent_create", args=[person.pk]))

    assert response.status_code == 200
    assert 'name="consent-purpose"' in response.content.decode()


@pytest.mark.parametrize(
    ("values", "field"),
    [
        ({"consent-purpose": ""}, "purpose"),
        ({"consent-purpose": "   "}, "purpose"),
        ({"consent-source": ""}, "source"),
        ({"consent-given_on": ""}, "given_on"),
        ({"consent-given_on": "kein Datum"}, "given_on"),
        ({"consent-legal_basis": "bauchgefuehl"}, "legal_basis"),
    ],
)
def test_invalid_consent_is_not_recorded(staff_client, person, values, field):
    response = staff_client.post(
        reverse("privacy:consent_create", args=[person.pk]), _data(**values), headers=HTMX
    )

    assert response.status_code == 200
    assert response.context["panel"]["form"].errors[field]
    assert response.context["panel"]["open_form"]
    assert not Consent.objects.exists()


def test_consent_given_in_the_future_is_refused(staff_client, person):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)

    response = staff_client.post(
        reverse("privacy:consent_create", args=[person.pk]),
        _data(**{"consent-given_on": tomorrow.isoformat()}),
    )

    assert response.status_code == 400
    assert response.context["form"].errors["given_on"]
    assert not Consent.objects.exists()


def test_consent_given_today_is_fine(scope, person):
    consent = consents.consent_add(
        scope=scope,
        person=person,
        purpose="Newsletter",
        given_on=timezone.localdate(),
        source="Tel.",
    )

    assert consent.given_on == timezone.localdate()


def test_service_refuses_a_future_date_and_an_empty_purpose(scope, person):
    with pytest.raises(ValidationError) as error:
        consents.consent_add(
            scope=scope,
            person=person,
            purpose=" ",
            given_on=timezone.localdate() + datetime.timedelta(days=3),
            source="Tel.",
        )

    assert set(error.value.message_dict) == {"purpose", "given_on"}
    assert not Consent.objects.exists()


def test_withdrawal_keeps_the_row_and_sets_the_time(staff_client, consent):
    response = staff_client.post(
        reverse("privacy:consent_withdraw", args=[consent.pk]), headers=HTMX
    )

    assert response.status_code == 200
    consent.refresh_from_db()
    assert consent.withdrawn_at is not None
    assert not consent.is_active
    assert consent.purpose == "Fotos bei Veranstaltungen"
    entry = ActivityEntry.objects.get(action=Action.UPDATED, object_id=consent.person_id)
    assert entry.details["consents_withdrawn"] == 1
    html = response.content.decode()
    assert "Fotos bei Veranstaltungen" in html
    assert reverse("privacy:consent_withdraw", args=[consent.pk]) not in html


def test_second_withdrawal_changes_nothing(staff_client, consent):
    url = reverse("privacy:consent_withdraw", args=[consent.pk])
    staff_client.post(url, headers=HTMX)
    consent.refresh_from_db()
    first = consent.withdrawn_at

    response = staff_client.post(url, headers=HTMX)

    assert response.status_code == 200
    consent.refresh_from_db()
    assert consent.withdrawn_at == first
    assert ActivityEntry.objects.filter(action=Action.UPDATED).count() == 1


def test_withdrawal_only_by_post(staff_client, consent):
    response = staff_client.get(reverse("privacy:consent_withdraw", args=[consent.pk]))

    assert response.status_code == 405


def test_partner_may_neither_record_nor_withdraw(client, partner, person, consent):
    client.force_login(partner)

    created = client.post(reverse("privacy:consent_create", args=[person.pk]), _data())
    withdrawn = client.post(reverse("privacy:consent_withdraw", args=[consent.pk]))

    assert created.status_code == 403
    assert withdrawn.status_code == 403
    assert Consent.objects.count() == 1
    consent.refresh_from_db()
    assert consent.withdrawn_at is None


def test_partner_scope_reads_no_consents(workspace, partner, person, consent):
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        consents.consent_list(scope=scope, person=person)
    assert not scope.objects(Consent).exists()
    with pytest.raises(PermissionDenied):
        consents.consent_add(
            scope=scope, person=person, purpose="x", given_on=datetime.date(2026, 1, 1), source="y"
        )


def test_another_workspaces_person_and_consent_are_not_found(staff_client, other_workspace, person):
    foreign_person = PersonFactory(workspace=other_workspace)
    foreign = Consent.objects.create(
        workspace=other_workspace,
        person=foreign_person,
        purpose="Fremd",
        given_on=datetime.date(2026, 1, 10),
        source="Fremd",
    )

    created = staff_client.post(
        reverse("privacy:consent_create", args=[foreign_person.pk]), _data(), headers=HTMX
    )
    withdrawn = staff_client.post(
        reverse("privacy:consent_withdraw", args=[foreign.pk]), headers=HTMX
    )

    assert created.status_code == 404
    assert withdrawn.status_code == 404
    assert Consent.objects.count() == 1
    foreign.refresh_from_db()
    assert foreign.withdrawn_at is None


def test_service_refuses_a_person_of_another_workspace(scope, other_workspace):
    foreign_person = PersonFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        consents.consent_add(
            scope=scope,
            person=foreign_person,
            purpose="Newsletter",
            given_on=datetime.date(2026, 1, 1),
            source="Tel.",
        )
    assert not Consent.objects.exists()
