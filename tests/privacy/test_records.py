"""The records of processing: generated from the registry, with the workspace's periods,
for the lead only, as a page and as a PDF."""

import shutil
import subprocess

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.contacts.privacy import CONTACT_PURPOSE
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.privacy import records
from netzwerkstatt.privacy.enums import RetentionRule
from netzwerkstatt.privacy.models import RetentionPolicy
from netzwerkstatt.privacy.registry import registry


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


def _records(workspace):
    with translation.override(settings.LANGUAGE_CODE):
        return records.processing_records(scope=Scope.system(workspace))


def _activity(found, purpose):
    with translation.override(settings.LANGUAGE_CODE):
        purpose = str(purpose)
    return next(activity for activity in found.activities if activity.purpose == purpose)


def test_every_model_with_personal_data_is_in_one_activity(workspace):
    found = _records(workspace)

    purposes = [activity.purpose for activity in found.activities]
    assert len(purposes) == len(set(purposes))
    with translation.override(settings.LANGUAGE_CODE):
        expected = {
            str(classification.purpose)
            for classification in registry().values()
            if classification.holds_personal_data
        }
        person_name = str(Person._meta.verbose_name).capitalize()
    assert set(purposes) == expected
    contacts = _activity(found, CONTACT_PURPOSE)
    person = next(c for c in contacts.categories if c.model == person_name)
    with translation.override(settings.LANGUAGE_CODE):
        last_name = str(Person._meta.get_field("last_name").verbose_name).capitalize()
    assert last_name in person.fields


def test_contacts_activity_names_partners_and_the_inactivity_rule(workspace):
    RetentionPolicy.objects.create(
        workspace=workspace, rule=RetentionRule.INACTIVE_CONTACTS, months=36
    )

    contacts = _activity(_records(workspace), CONTACT_PURPOSE)

    assert len(contacts.recipients) >= 2
    assert any("artner" in recipient for recipient in contacts.recipients)
    periods = {period.rule: period.months for period in contacts.periods}
    assert periods == {RetentionRule.INACTIVE_CONTACTS: 36}
    assert contacts.legal_bases
    assert contacts.data_subjects


def test_records_are_the_leads(client, staff, partner):
    for user in (staff, partner):
        client.force_login(user)
        assert client.get(reverse("privacy:records")).status_code == 403
        assert client.get(reverse("privacy:records_pdf")).status_code == 403


def test_records_page_shows_purposes_periods_and_measures(lead_client, workspace):
    RetentionPolicy.objects.create(workspace=workspace, rule=RetentionRule.EVENT_PHOTOS, months=18)

    response = lead_client.get(reverse("privacy:records"))

    assert response.status_code == 200
    html = response.content.decode()
    found = response.context["records"]
    for activity in found.activities:
        assert escape(activity.purpose) in html
    assert 'data-rule="event_photos">' in html
    assert "18" in html
    assert len(found.measures) >= 8
    assert reverse("privacy:records_pdf") in html
    assert reverse("privacy:retention") in html


def test_another_workspaces_periods_are_not_shown(lead_client, workspace, other_workspace):
    RetentionPolicy.objects.create(
        workspace=other_workspace, rule=RetentionRule.EVENT_PHOTOS, months=77
    )

    response = lead_client.get(reverse("privacy:records"))

    photos = [
        period
        for activity in response.context["records"].activities
        for period in activity.periods
        if period.rule == RetentionRule.EVENT_PHOTOS
    ]
    assert photos
    assert all(period.months is None for period in photos)


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_records_pdf(lead_client, workspace):
    response = lead_client.get(reverse("privacy:records_pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    text = subprocess.run(
        [shutil.which("pdftotext"), "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert "Bildungsverein Nord" in text
    # Art. 30 in the intro, and one heading per purpose
    assert "30" in text
    activities = _records(workspace).activities
    assert f"{len(activities)}. " in text
    flat = " ".join(text.split())
    assert " ".join(activities[0].purpose.split()) in flat
