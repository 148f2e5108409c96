from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from netzwerkstatt.contacts.importing.enums import ImportStatus
from netzwerkstatt.contacts.models import ImportJob, Person
from tests.factories import MembershipFactory

from .conftest import database_state, file_bytes

START = reverse("contacts:import_start")


def _upload(client, name: str, data: bytes | None = None):
    content = file_bytes(name) if data is None else data
    return client.post(START, {"file": SimpleUploadedFile(name, content)})


def _review(job: ImportJob) -> str:
    return reverse("contacts:import_review", args=[job.pk])


def _options(job: ImportJob, action: str, **overrides) -> dict:
    fields = {f"column_{index}": key for index, key in enumerate(job.mapping)}
    return {**fields, "duplicates": "skip", "action": action, **overrides}


def test_import_start_page_for_staff(staff_client):
    response = staff_client.get(START)

    assert response.status_code == 200
    assert "Kontakte importieren" in response.text
    assert 'href="/kontakte/import/"' in response.text  # in the main navigation


def test_import_pages_are_forbidden_for_partners(client, partner, workspace, staff):
    job = ImportJob.objects.create(workspace=workspace, original_name="x.csv", format="csv")
    client.force_login(partner)

    for url in (START, _review(job), reverse("contacts:import_result", args=[job.pk])):
        assert client.get(url).status_code == 403


def test_import_upload_creates_a_job_with_the_detected_mapping(staff_client, staff):
    response = _upload(staff_client, "outlook_de_windows1252.csv")

    job = ImportJob.objects.get()
    assert response.url == _review(job)
    assert (job.original_name, job.format, job.created_by) == (
        "outlook_de_windows1252.csv",
        "csv",
        staff,
    )
    assert job.file.name.startswith("imports/")
    assert job.file.name.endswith(".csv")
    assert "outlook" not in job.file.name
    assert job.mapping[:4] == ["salutation", "first_name", "first_name", "last_name"]


def test_import_upload_unusable_file_is_explained(staff_client):
    response = _upload(staff_client, "bad_encoding.csv")

    assert response.status_code == 200
    assert "keine Textdatei in einer bekannten Zeichenkodierung" in response.text
    assert not ImportJob.objects.exists()


def test_import_upload_too_big_is_refused(staff_client, settings):
    settings.NETZWERKSTATT_IMPORT_MAX_BYTES = 100

    response = _upload(staff_client, "outlook_de_windows1252.csv")

    assert "Die Datei ist größer als 100" in response.text
    assert not ImportJob.objects.exists()


def test_import_review_shows_preview_and_mapping(staff_client):
    _upload(staff_client, "excel_de_utf8_bom.csv")
    job = ImportJob.objects.get()

    response = staff_client.get(_review(job))

    assert response.status_code == 200
    assert "Elbtal Präzisionstechnik GmbH" in response.text
    assert (
        '<option value="organisation" selected>Organisation (Firmenname)</option>' in response.text
    )
    assert "Feld für Spalte „Vorname“" in response.text


def test_import_review_vcard_has_no_column_choice(staff_client):
    _upload(staff_client, "outlook_21.vcf")
    job = ImportJob.objects.get()

    response = staff_client.get(_review(job))

    assert "Jürgen" in response.text
    assert "column_0" not in response.text


def test_import_review_check_is_a_dry_run(staff_client, workspace):
    _upload(staff_client, "invalid_email.csv")
    job = ImportJob.objects.get()
    before = database_state(workspace)

    response = staff_client.post(_review(job), _options(job, "check"))

    assert response.status_code == 200
    assert "Ergebnis der Prüfung" in response.text
    assert "„max@“ ist keine gültige E-Mail-Adresse." in response.text
    assert "So würde der Import nichts speichern" in response.text
    assert database_state(workspace) == before


def test_import_review_import_with_errors_writes_nothing(staff_client, workspace):
    _upload(staff_client, "invalid_email.csv")
    job = ImportJob.objects.get()
    before = database_state(workspace)

    response = staff_client.post(_review(job), _options(job, "import"))

    assert response.status_code == 200
    assert "Es wurde nichts importiert" in response.text
    assert database_state(workspace) == before
    job.refresh_from_db()
    assert job.status == ImportStatus.UPLOADED
    assert default_storage.exists(job.file.name)


def test_import_review_imports_valid_rows_and_deletes_the_file(
    staff_client, workspace, django_capture_on_commit_callbacks
):
    _upload(staff_client, "invalid_email.csv")
    job = ImportJob.objects.get()
    stored = job.file.name

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(_review(job), _options(job, "import", skip_invalid="on"))

    job.refresh_from_db()
    assert response.url == reverse("contacts:import_result", args=[job.pk])
    assert job.status == ImportStatus.COMPLETED
    assert (job.file.name, job.skip_invalid) == ("", True)
    assert not default_storage.exists(stored)
    assert job.result["persons_created"] == 1
    assert job.result["error_count"] == 2
    assert list(Person.objects.values_list("last_name", flat=True)) == ["Berg"]


def test_import_review_uses_the_adjusted_mapping(staff_client, workspace):
    _upload(staff_client, "excel_de_windows1252.csv")
    job = ImportJob.objects.get()
    mapping = dict(_options(job, "import"), column_1="last_name", column_2="first_name")

    staff_client.post(_review(job), mapping)

    assert Person.objects.get().last_name == "Jörg"
    job.refresh_from_db()
    assert job.mapping[1:3] == ["last_name", "first_name"]


def test_import_review_mapping_without_contact_field_is_refused(staff_client):
    _upload(staff_client, "excel_de_windows1252.csv")
    job = ImportJob.objects.get()
    nothing = {f"column_{index}": "" for index in range(len(job.mapping))}

    response = staff_client.post(_review(job), {**nothing, "duplicates": "skip", "action": "check"})

    assert "Ordnen Sie mindestens einem dieser Felder eine Spalte zu" in response.text


def test_import_result_page_shows_counts_and_errors(staff_client):
    _upload(staff_client, "invalid_email.csv")
    job = ImportJob.objects.get()
    staff_client.post(_review(job), _options(job, "import", skip_invalid="on"))

    response = staff_client.get(reverse("contacts:import_result", args=[job.pk]))

    assert "Import abgeschlossen" in response.text
    assert "„38S18“ ist keine deutsche Postleitzahl (fünf Ziffern)." in response.text
    assert staff_client.get(_review(job)).url == reverse("contacts:import_result", args=[job.pk])


def test_import_job_of_another_workspace_is_404(staff_client, other_workspace):
    foreign = ImportJob.objects.create(
        workspace=other_workspace, original_name="x.csv", format="csv"
    )

    for url in (_review(foreign), reverse("contacts:import_result", args=[foreign.pk])):
        assert staff_client.get(url).status_code == 404
        assert staff_client.post(url, {"action": "import"}).status_code == 404


def test_import_start_queries_do_not_grow_with_recent_jobs(staff_client, workspace):
    def add_jobs(count: int) -> None:
        for _ in range(count):
            user = MembershipFactory(workspace=workspace).user
            ImportJob.objects.create(
                workspace=workspace, original_name="x.csv", format="csv", created_by=user
            )

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(START).status_code == 200
        return len(captured)

    add_jobs(1)
    with_one = queries()
    add_jobs(5)

    assert queries() == with_one
