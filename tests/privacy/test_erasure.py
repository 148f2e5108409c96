"""Erasure (Art. 17 GDPR), issue proof 6: a person planted with markers everywhere and
linked into every model is gone afterwards from every column of every table and from the
media folder; a failure halfway changes nothing; a second run changes nothing."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import CommandError, call_command
from django.db import connection

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events import selectors as event_selectors
from netzwerkstatt.events.models import AnonymousParticipation
from netzwerkstatt.network.models import MetricsSnapshot
from netzwerkstatt.privacy import erasure
from netzwerkstatt.privacy.registry import registry
from netzwerkstatt.privacy.subjects import Identifiers
from tests.factories import PersonFactory
from tests.privacy.subject_data import (
    EMAIL,
    KEPT_WORDS,
    MARK,
    NAME_VARIANTS,
    plant,
    records_about,
)

# The person's phone number as digits with any separators, national or international.
PHONE_PATTERN = re.compile(r"(?:0|\+\s*49|0049)[\s/().-]*" + r"[\s/().-]*".join("5371987654"))
NEEDLES = [MARK.lower(), EMAIL.lower(), *(variant.lower() for variant in NAME_VARIANTS)]


@pytest.fixture
def planted(workspace, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return plant(workspace)


def _text(value) -> str | None:
    if isinstance(value, memoryview):
        value = value.tobytes()
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False)
    return value if isinstance(value, str) else None


def _dump() -> dict[str, list]:
    """Every row of every table in the database, as sorted reprs."""
    dump = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names(cursor)):
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608  (table names from the introspection)
            dump[table] = sorted(repr(tuple(_text(v) or v for v in row)) for row in cursor)
    return dump


def _findings(dump: dict[str, list]) -> list[str]:
    """Where any marker, the person's name variants, e-mail or phone number occurs."""
    found = []
    for table, rows in dump.items():
        for row in rows:
            lowered = row.lower()
            hits = [needle for needle in NEEDLES if needle in lowered]
            if PHONE_PATTERN.search(row):
                hits.append("phone")
            if hits:
                found.append(f"{table}: {hits} in {row[:300]}")
    return found


def _media(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def _media_findings(root: Path) -> list[str]:
    found = []
    for name, content in _media(root).items():
        text = (name + "\n" + content.decode("utf-8", "replace")).lower()
        hits = [needle for needle in NEEDLES if needle in text]
        if PHONE_PATTERN.search(text):
            hits.append("phone")
        if hits:
            found.append(f"{name}: {hits}")
    return found


def _figures(planted):
    scope = planted.scope
    listed = {
        event.pk: (event.registered_count, event.waitlisted_count)
        for event in event_selectors.event_list(scope=scope, filters=event_selectors.EventFilter())
    }
    return [
        (event_selectors.event_figures(scope=scope, event=event), listed[event.pk])
        for event in planted.events
    ]


def test_planting_reaches_every_model_with_subjects(planted):
    """The proof below covers every model the registry links to persons."""
    about = records_about(planted.person.pk)

    missing = [model._meta.label for model, pks in about.items() if not pks]

    assert about
    assert not missing
    assert planted.markers
    assert _findings(_dump())  # the scan sees the planted values


def test_erasure_leaves_no_trace_in_any_table_or_file(
    planted, settings, django_capture_on_commit_callbacks
):
    media = Path(settings.MEDIA_ROOT)
    assert all((media / name).exists() for name in planted.erased_files)
    kept_before = {model: pks for model, pks in records_about(planted.person.pk).items() if pks}

    with django_capture_on_commit_callbacks(execute=True):
        result = erasure.person_erase(scope=planted.scope, person=planted.person)

    dump = _dump()
    assert _findings(dump) == []
    assert _media_findings(media) == []
    assert not any((media / name).exists() for name in planted.erased_files)
    assert all((media / name).exists() for name in planted.kept_files)
    assert not Person.objects.filter(pk=planted.person.pk).exists()
    # Records that belong to others too stay, scrubbed; every other record is gone.
    for model, pks in kept_before.items():
        remaining = set(model.objects.filter(pk__in=pks).values_list("pk", flat=True))
        shared = {pk for shared_model, pk in planted.shared if shared_model is model}
        assert remaining == shared & set(pks), model._meta.label
    assert KEPT_WORDS in json.dumps(dump, ensure_ascii=False)
    assert result.mentions > 0
    assert result.files == len(planted.erased_files)
    assert planted.second.pk in Person.objects.values_list("pk", flat=True)


def test_erasure_keeps_event_figures(planted):
    before = _figures(planted)

    erasure.person_erase(scope=planted.scope, person=planted.person)

    assert _figures(planted) == before
    assert set(
        AnonymousParticipation.objects.values_list("event_id", "status", "checked_in", "count")
    ) == {
        (planted.events[0].pk, "registered", True, 1),
        (planted.events[1].pk, "waitlisted", False, 1),
    }


def test_erasure_deletes_snapshots_holding_the_person_and_is_audited_with_counts(planted):
    erasure.person_erase(scope=planted.scope, person=planted.person)

    assert list(MetricsSnapshot.objects.values_list("graph_version", flat=True)) == ["0"]
    [entry] = AuditEntry.objects.filter(action=AuditAction.ERASED)
    assert (entry.target_type, entry.target_id) == ("contacts.Person", planted.person.pk)
    assert entry.actor == planted.scope.user
    assert entry.details["records"]["contacts.Person"] == 1
    assert all(isinstance(count, int) for count in entry.details["records"].values())


@pytest.mark.parametrize(
    "step",
    [
        "invitations_anonymise",
        "records_with_files_delete",
        "metrics_snapshots_delete",
        "import_uploads_delete",
        "mentions_scrub",
        "nothing_left",
        "data_version_bump",
        "audit_record",
    ],
)
def test_failure_halfway_changes_nothing(
    planted, settings, monkeypatch, django_capture_on_commit_callbacks, step
):
    """The step runs, then fails: everything before it and in it is rolled back."""
    media = Path(settings.MEDIA_ROOT)
    before, files_before = _dump(), _media(media)
    original = getattr(erasure, step)

    def failing(*args, **kwargs):
        original(*args, **kwargs)
        raise RuntimeError(f"injected failure in {step}")

    monkeypatch.setattr(erasure, step, failing)

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        erasure.person_erase(scope=planted.scope, person=planted.person)

    assert _dump() == before
    assert _media(media) == files_before


def test_second_run_changes_nothing(planted, settings, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        erasure.person_erase(scope=planted.scope, person=planted.person)
    before, files_before = _dump(), _media(Path(settings.MEDIA_ROOT))

    with django_capture_on_commit_callbacks(execute=True):
        again = erasure.person_erase(scope=planted.scope, person=planted.person.pk)

    assert again.already_erased
    assert _dump() == before
    assert _media(Path(settings.MEDIA_ROOT)) == files_before


def test_erasure_needs_its_permission(planted, staff):
    scope = Scope(workspace=planted.workspace, role=Role.STAFF, user=staff)

    with pytest.raises(PermissionDenied):
        erasure.person_erase(scope=scope, person=planted.person)

    assert Person.objects.filter(pk=planted.person.pk).exists()


def test_every_subject_link_is_erased_by_the_model_rules():
    """Each subject lookup cascades, sets null or is a many-to-many link, so the person's
    deletion reaches every record about them (a plain ID column would be missed)."""
    for model, classification in registry().items():
        for lookup in classification.subjects:
            if lookup in ("id", "pk"):
                continue
            link = model._meta.get_field(lookup.split("__")[0])
            assert link.is_relation, f"{model._meta.label}.{lookup}"


# --------------------------------------------------------------------- name matching


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Termin mit Dr. Anna Schmidt-Lüders am Montag", "Termin mit [gelöscht] am Montag"),
        ("ANNA SCHMIDT-LÜDERS sagte zu", "[gelöscht] sagte zu"),
        ("Schmidt-Lüders,  Anna (Leitung)", "[gelöscht] (Leitung)"),
        ("Mail an Anna.S@Firma.example.", "Mail an [gelöscht]."),
        ("Tel. +49 (5371) 98-76-54 oder 0049 5371 987654", "Tel. [gelöscht] oder [gelöscht]"),
        ("05371/987654", "[gelöscht]"),
        ("Johanna Schmidt-Lüdersen bleibt", "Johanna Schmidt-Lüdersen bleibt"),
        ("Telefon 105371987654 bleibt", "Telefon 105371987654 bleibt"),
    ],
)
def test_identifiers_scrub_name_variants_email_and_phone(text, expected):
    identifiers = Identifiers(
        names=("Dr. Anna Schmidt-Lüders", "Anna Schmidt-Lüders", "Schmidt-Lüders, Anna"),
        emails=("anna.s@firma.example",),
        phones=("05371 987654",),
    )

    scrubbed, _count = identifiers.scrub(text)

    assert scrubbed == expected
    if expected != text:
        assert re.search(identifiers.database_pattern, text)


# ---------------------------------------------------------------------------- the command


def test_command_lists_then_erases_then_says_already_erased(planted):
    arguments = ["--workspace", planted.workspace.slug, "--person", str(planted.person.pk)]
    listed, erased, again = io.StringIO(), io.StringIO(), io.StringIO()

    call_command("erase-person", *arguments, stdout=listed)
    assert Person.objects.filter(pk=planted.person.pk).exists()
    call_command("erase-person", *arguments, "--yes", stdout=erased)
    call_command("erase-person", *arguments, "--yes", stdout=again)

    assert "contacts.Person: " in listed.getvalue()
    assert not Person.objects.filter(pk=planted.person.pk).exists()
    assert str(planted.person.pk) in again.getvalue()
    assert AuditEntry.objects.filter(action=AuditAction.ERASED).count() == 1


def test_command_refuses_a_foreign_person(planted, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    with pytest.raises(CommandError):
        call_command(
            "erase-person", "--workspace", planted.workspace.slug, "--person", str(foreign.pk)
        )
