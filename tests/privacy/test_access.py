"""Access export (Art. 15/20 GDPR), issue proof 7: the export holds every value the registry
classifies as personal for the person, and nothing of other people; the pages and their
permissions; the erasure page."""

import io
import json
import shutil
import subprocess
import zipfile

import pytest
from django.core.files.storage import default_storage
from django.db import models
from django.urls import reverse

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.contacts.models import Person
from netzwerkstatt.privacy import access
from netzwerkstatt.privacy.registry import registry
from tests.factories import PersonFactory
from tests.privacy.subject_data import (
    EMAIL,
    FIRST,
    LAST,
    OTHER_MARK,
    PHONE,
    SECOND_EMAIL,
    SECOND_PHONE,
    plant,
    records_about,
)

EXPORT_ROUTES = (
    "privacy:subject_overview",
    "privacy:subject_export_json",
    "privacy:subject_export_zip",
    "privacy:subject_export_pdf",
    "privacy:subject_erase",
)


@pytest.fixture
def planted(workspace, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return plant(workspace)


@pytest.fixture
def lead_client(client, planted):
    client.force_login(planted.scope.user)
    return client


def _export(planted) -> dict:
    return json.loads(access.access_export_json(scope=planted.scope, person=planted.person))


def test_export_holds_every_personal_value_of_every_record_about_the_person(planted):
    exported = _export(planted)
    by_model = {section["model"]: section for section in exported["records"]}

    checked = 0
    for model, pks in records_about(planted.person.pk).items():
        classification = registry()[model]
        section = by_model[model._meta.label]
        rows = {row["id"]: row for row in section["rows"]}
        assert set(rows) == set(pks), model._meta.label
        for instance in model.objects.filter(pk__in=pks):
            row = rows[instance.pk]
            for name in (*classification.personal, *classification.free_text):
                model_field = model._meta.get_field(name)
                assert name in row, f"{model._meta.label}.{name}"
                value = getattr(instance, model_field.attname, None)
                if (
                    isinstance(model_field, models.CharField | models.TextField)
                    and not model_field.choices
                    and value
                ):
                    assert row[name] == value, f"{model._meta.label}.{name}"
                    checked += 1
    assert checked >= len(planted.markers)
    assert exported["person"] == {"id": planted.person.pk, "name": planted.person.full_name}


def test_export_names_linked_persons_by_name_only_and_holds_nothing_of_others(planted):
    text = access.access_export_json(scope=planted.scope, person=planted.person).decode()

    assert OTHER_MARK.lower() not in text.lower()  # the unlinked person
    assert SECOND_EMAIL not in text
    assert SECOND_PHONE not in text
    assert "Zweite Person" in text  # the other end of a tie, by name
    assert EMAIL in text
    assert PHONE in text


def test_export_lists_passages_that_name_the_person_elsewhere(planted):
    exported = _export(planted)

    sources = {(mention["model"], mention["field"]) for mention in exported["mentions"]}
    assert ("contacts.Note", "text") in sources  # a note about an organisation
    assert ("contacts.Person", "notes") in sources  # another person's notes
    assert ("acquisition.Dossier", "situation") in sources
    assert ("contacts.ImportJob", "result") in sources
    assert all(mention["passages"] for mention in exported["mentions"])


def test_export_lists_log_entries_and_files(planted):
    AuditEntry.objects.create(
        workspace=planted.workspace,
        actor=planted.scope.user,
        action=AuditAction.VIEWED,
        target_type="contacts.Person",
        target_id=planted.person.pk,
    )

    exported = _export(planted)

    assert [entry["source"] for entry in exported["log"]].count("audit") == 1
    files = {(stored["model"], stored["field"]) for stored in exported["files"]}
    assert files == {("events.Photo", "image"), ("events.Presentation", "file")}


def test_zip_holds_the_json_and_the_files(planted):
    content = access.access_export_zip(scope=planted.scope, person=planted.person)

    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        names = set(archive.namelist())
        exported = json.loads(archive.read("auskunft.json"))
        for stored in exported["files"]:
            assert stored["file"] in names
        photo = next(s for s in exported["files"] if s["model"] == "events.Photo")
        [row] = next(r for r in exported["records"] if r["model"] == "events.Photo")["rows"]
        with default_storage.open(row["image"], "rb") as image:
            assert archive.read(photo["file"]) == image.read()


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils")
def test_pdf_renders_the_person_readably(planted):
    pdf = access.access_export_pdf(scope=planted.scope, person=planted.person)

    text = subprocess.run(
        [shutil.which("pdftotext"), "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    assert pdf.startswith(b"%PDF")
    assert FIRST in text
    assert LAST in text
    assert EMAIL in text
    assert OTHER_MARK not in text


@pytest.mark.parametrize(
    ("route", "file_format", "content_type"),
    [
        ("privacy:subject_export_json", "json", "application/json"),
        ("privacy:subject_export_zip", "zip", "application/zip"),
        ("privacy:subject_export_pdf", "pdf", "application/pdf"),
    ],
)
def test_export_download_is_audited(lead_client, planted, route, file_format, content_type):
    response = lead_client.get(reverse(route, args=[planted.person.pk]))

    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment;")
    assert FIRST not in response["Content-Disposition"]
    [entry] = AuditEntry.objects.filter(action=AuditAction.ACCESS_EXPORTED)
    assert (entry.target_type, entry.target_id) == ("contacts.Person", planted.person.pk)
    assert entry.actor == planted.scope.user
    assert entry.details["format"] == file_format
    assert OTHER_MARK not in json.dumps(entry.details)
    assert FIRST not in json.dumps(entry.details)


def test_overview_shows_counts_and_the_panel_links_to_it(lead_client, planted):
    response = lead_client.get(reverse("privacy:subject_overview", args=[planted.person.pk]))
    person_page = lead_client.get(planted.person.get_absolute_url())

    assert response.status_code == 200
    assert response.context["report"].record_count == sum(
        len(pks) for pks in records_about(planted.person.pk).values()
    )
    overview_url = reverse("privacy:subject_overview", args=[planted.person.pk])
    assert overview_url in person_page.content.decode()
    assert (
        reverse("privacy:subject_erase", args=[planted.person.pk]) in person_page.content.decode()
    )


@pytest.mark.parametrize("role", ["staff", "partner"])
@pytest.mark.parametrize("route", EXPORT_ROUTES)
def test_team_and_partners_may_neither_export_nor_erase(client, planted, request, role, route):
    client.force_login(request.getfixturevalue(role))
    url = reverse(route, args=[planted.person.pk])

    responses = [client.get(url), client.post(url, {"confirm": "yes"})]

    assert {response.status_code for response in responses} <= {403, 404, 405}
    assert Person.objects.filter(pk=planted.person.pk).exists()
    assert not AuditEntry.objects.filter(action=AuditAction.ACCESS_EXPORTED).exists()


def test_staff_page_has_no_data_protection_panel(client, staff, planted):
    client.force_login(staff)

    page = client.get(planted.person.get_absolute_url()).content.decode()

    assert reverse("privacy:subject_overview", args=[planted.person.pk]) not in page


@pytest.mark.parametrize("route", EXPORT_ROUTES)
def test_another_workspaces_person_is_not_found(lead_client, planted, other_workspace, route):
    foreign = PersonFactory(workspace=other_workspace, last_name=OTHER_MARK)
    url = reverse(route, args=[foreign.pk])

    responses = [lead_client.get(url), lead_client.post(url, {"confirm": "yes"})]

    assert {response.status_code for response in responses} <= {404, 405}
    assert Person.objects.filter(pk=foreign.pk).exists()


# ---------------------------------------------------------------------------- erasure page


def test_erase_page_asks_for_confirmation(lead_client, planted):
    url = reverse("privacy:subject_erase", args=[planted.person.pk])

    page = lead_client.get(url)
    unconfirmed = lead_client.post(url, {})

    assert page.status_code == 200
    assert 'name="confirm"' in page.content.decode()
    assert unconfirmed.status_code == 400
    assert Person.objects.filter(pk=planted.person.pk).exists()


def test_erase_page_erases_once_and_then_says_already_erased(lead_client, planted):
    url = reverse("privacy:subject_erase", args=[planted.person.pk])

    erased = lead_client.post(url, {"confirm": "yes"})
    again = lead_client.post(url, {"confirm": "yes"}, follow=True)
    overview = lead_client.get(reverse("privacy:subject_overview", args=[planted.person.pk]))

    assert erased.status_code == 302
    assert erased["Location"] == reverse("contacts:person_list")
    assert not Person.objects.filter(pk=planted.person.pk).exists()
    assert again.status_code == 200
    assert [m.level_tag for m in again.context["messages"]] == ["success", "info"]
    assert overview.status_code == 302
    assert AuditEntry.objects.filter(action=AuditAction.ERASED).count() == 1
