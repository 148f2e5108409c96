"""Access (Art. 15 GDPR) and portability (Art. 20): everything the workspace holds about a person.

`access_report` collects, from the registry (`privacy.subjects`):

- every record about the person (each classified model's `subjects`): its personal and
  free-text fields, and its other fields as context (which event, which organisation);
  links are shown by name, never with another person's contact details, and lists of
  persons (a meeting's attendance, the people on a photo) as the person plus a count;
- the passages of texts elsewhere that name the person (notes about others, dossiers,
  minutes), not those texts whole;
- the audit and activity log entries about the person;
- the files about them (photos that show them, their presentations).

It is written as JSON (machine-readable), as a ZIP with the JSON and the files, or as a
readable PDF. Each export is recorded in the audit log (`AuditAction.ACCESS_EXPORTED`).
"""

import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import PurePosixPath

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.contacts.models import Organisation, Person
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.models import ActivityEntry, User
from netzwerkstatt.core.pdf import render_pdf
from netzwerkstatt.core.scoping import Scope

from .registry import model_fields
from .subjects import Identifiers, SubjectModel, json_strings, mentions, records_about

PERMISSION = "export_personal_data"
FORMAT_NAME = "netzwerkstatt-auskunft"
FORMAT_VERSION = 1
# Characters shown before and after a mention in another record's text.
PASSAGE_CONTEXT = 120
FILES_FOLDER = "dateien"


@dataclass(frozen=True)
class FieldValue:
    name: str
    label: str
    value: object  # JSON-ready: str, int, float, bool, None, list or dict
    personal: bool  # personal or free text (False: context such as the event)

    @property
    def display(self) -> str:
        return display(self.value)

    @property
    def filled(self) -> bool:
        return self.value not in (None, "", [], {})


@dataclass
class Record:
    pk: int
    title: str
    fields: list[FieldValue]


@dataclass
class Section:
    subject: SubjectModel
    records: list[Record]

    @property
    def label(self) -> str:
        return self.subject.label

    @property
    def title(self) -> str:
        return str(capfirst(self.subject.model._meta.verbose_name_plural))


@dataclass(frozen=True)
class Passage:
    model_label: str
    title: str  # the kind of record
    record: str  # which record (e.g. the organisation a note is about)
    pk: int
    field: str
    field_label: str
    excerpts: tuple[str, ...]


@dataclass(frozen=True)
class LogEntry:
    source: str  # "audit" or "activity"
    action: str
    at: dt.datetime


@dataclass(frozen=True)
class StoredFile:
    model_label: str
    pk: int
    field: str
    name: str  # in the storage
    archive_name: str  # in the ZIP

    @property
    def exists(self) -> bool:
        return default_storage.exists(self.name)


@dataclass
class AccessReport:
    person: Person
    workspace_name: str
    generated_at: dt.datetime
    sections: list[Section] = field(default_factory=list)
    passages: list[Passage] = field(default_factory=list)
    log: list[LogEntry] = field(default_factory=list)
    files: list[StoredFile] = field(default_factory=list)

    @property
    def record_count(self) -> int:
        return sum(len(section.records) for section in self.sections)

    def as_json(self) -> dict:
        return {
            "format": FORMAT_NAME,
            "version": FORMAT_VERSION,
            "generated_at": self.generated_at.isoformat(),
            "workspace": self.workspace_name,
            "person": {"id": self.person.pk, "name": self.person.full_name},
            "records": [
                {
                    "model": section.label,
                    "title": section.title,
                    "fields": {
                        value.name: value.label
                        for value in (section.records[0].fields if section.records else [])
                    },
                    "rows": [
                        {"id": record.pk, **{value.name: value.value for value in record.fields}}
                        for record in section.records
                    ],
                }
                for section in self.sections
            ],
            "mentions": [
                {
                    "model": passage.model_label,
                    "title": passage.title,
                    "record": passage.record,
                    "id": passage.pk,
                    "field": passage.field,
                    "field_title": passage.field_label,
                    "passages": list(passage.excerpts),
                }
                for passage in self.passages
            ],
            "log": [
                {"source": entry.source, "action": entry.action, "at": entry.at.isoformat()}
                for entry in self.log
            ],
            "files": [
                {
                    "model": stored.model_label,
                    "id": stored.pk,
                    "field": stored.field,
                    "file": stored.archive_name,
                }
                for stored in self.files
            ],
        }


# ----------------------------------------------------------------------- collecting


def access_report(*, scope: Scope, person: Person) -> AccessReport:
    """Everything the workspace holds about the person (see the module's docstring)."""
    require(scope, PERMISSION)
    report = AccessReport(
        person=person, workspace_name=scope.workspace.name, generated_at=timezone.now()
    )
    records = records_about(scope=scope, person_pk=person.pk)
    covered: dict[type[models.Model], set[int]] = {}
    for subject, queryset in records.items():
        rows = list(queryset.select_related(*_foreign_keys(subject)))
        if not rows:
            continue
        covered[subject.model] = {row.pk for row in rows}
        report.sections.append(
            Section(subject, [_record(subject, row, person=person) for row in rows])
        )
        report.files += _files(subject, rows)
    report.passages = _passages(scope=scope, person=person, exclude=covered)
    report.log = _log(scope=scope, person=person)
    return report


def _included(subject: SubjectModel) -> list[tuple[models.Field, bool]]:
    """The fields exported, in the model's order: personal and free text, then context
    (other fields except the workspace, the ID and internal, derived values)."""
    found = subject.classification
    personal = {*found.personal, *found.free_text}
    included = []
    for model_field in model_fields(subject.model):
        if model_field.name in personal:
            included.append((model_field, True))
        elif model_field.name not in ("id", "workspace") and model_field.editable:
            included.append((model_field, False))
    return included


def _foreign_keys(subject: SubjectModel) -> list[str]:
    return [
        model_field.name
        for model_field, _personal in _included(subject)
        if model_field.many_to_one or model_field.one_to_one
    ]


def _record(subject: SubjectModel, row: models.Model, *, person: Person) -> Record:
    return Record(
        pk=row.pk,
        title=_title(row),
        fields=[
            FieldValue(
                name=model_field.name,
                label=str(capfirst(model_field.verbose_name)),
                value=field_value(row, model_field, person=person),
                personal=personal,
            )
            for model_field, personal in _included(subject)
        ],
    )


def _title(row: models.Model) -> str:
    if isinstance(row, Person):
        return row.full_name
    return str(row)[:200]


def field_value(row: models.Model, model_field: models.Field, *, person: Person):
    """A field's value as JSON data that a person can read: names for links, labels for
    codes, ISO dates."""
    if model_field.many_to_many:
        return _many(list(getattr(row, model_field.name).all()), person=person)
    if model_field.many_to_one or model_field.one_to_one:
        return readable(getattr(row, model_field.name))
    value = getattr(row, model_field.attname)
    if isinstance(model_field, models.FileField):
        return value.name if value else None
    if model_field.choices and value not in (None, ""):
        return str(getattr(row, f"get_{model_field.name}_display")())
    return json_ready(value)


def json_ready(value):
    if isinstance(value, dt.datetime):
        return (timezone.localtime(value) if timezone.is_aware(value) else value).isoformat()
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return value


def readable(obj) -> str | None:
    """A linked record by name: a person by their name only, a user by their name."""
    if obj is None:
        return None
    if isinstance(obj, Person):
        return obj.full_name
    if isinstance(obj, Organisation):
        return obj.name
    if isinstance(obj, User):
        return obj.get_full_name() or _("User %(id)s") % {"id": obj.pk}
    return str(obj)


def _many(related: list[models.Model], *, person: Person) -> list[str]:
    """Linked records by name; persons other than the subject only as a count, because a
    meeting's attendance or the people on a photo are not the subject's data."""
    about_person = [obj for obj in related if isinstance(obj, Person) or hasattr(obj, "person_id")]
    if not about_person:
        return [readable(obj) for obj in related]
    own = [
        obj
        for obj in about_person
        if (obj.pk if isinstance(obj, Person) else obj.person_id) == person.pk
    ]
    values = [person.full_name for _obj in own]
    others = len(related) - len(own)
    if others:
        values.append(
            ngettext("%(count)d other person", "%(count)d other persons", others)
            % {"count": others}
        )
    return values


def _files(subject: SubjectModel, rows: list[models.Model]) -> list[StoredFile]:
    personal = {*subject.classification.personal}
    fields = [
        model_field
        for model_field in subject.model._meta.concrete_fields
        if isinstance(model_field, models.FileField)
        and model_field.name in personal
        and model_field.editable
    ]
    stored = []
    for row in rows:
        for model_field in fields:
            name = getattr(row, model_field.attname).name
            if not name:
                continue
            meta = subject.model._meta
            suffix = PurePosixPath(name).suffix.lower()[:10]
            stored.append(
                StoredFile(
                    model_label=subject.label,
                    pk=row.pk,
                    field=model_field.name,
                    name=name,
                    archive_name=(
                        f"{FILES_FOLDER}/{meta.app_label}-{meta.model_name}-{row.pk}-"
                        f"{model_field.name}{suffix}"
                    ),
                )
            )
    return stored


def _passages(
    *, scope: Scope, person: Person, exclude: dict[type[models.Model], set[int]]
) -> list[Passage]:
    identifiers = Identifiers.of(person)
    passages = []
    for mention in mentions(scope=scope, identifiers=identifiers, exclude=exclude):
        meta = mention.model._meta
        row = mention.model.objects.filter(pk=mention.pk).first()
        passages.append(
            Passage(
                model_label=meta.label,
                title=str(capfirst(meta.verbose_name)),
                record=_context(row),
                pk=mention.pk,
                field=mention.field,
                field_label=str(capfirst(meta.get_field(mention.field).verbose_name)),
                excerpts=tuple(excerpts(mention.text, identifiers)),
            )
        )
    return passages


def _context(row: models.Model | None) -> str:
    """Which record a text belongs to, by what it is about (not its text)."""
    if row is None:
        return ""
    for name in ("organisation", "person", "event", "network", "meeting", "dossier", "goal"):
        linked = getattr(row, name, None)
        if isinstance(linked, models.Model):
            return readable(linked)
    return _title(row) if not hasattr(row, "text") else ""


def excerpts(text: str, identifiers: Identifiers) -> list[str]:
    """The passages around each mention, joined where they overlap."""
    spans = []
    for match in identifiers.pattern.finditer(text):
        start = max(match.start() - PASSAGE_CONTEXT, 0)
        end = min(match.end() + PASSAGE_CONTEXT, len(text))
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return [
        ("…" if start else "") + text[start:end].strip() + ("…" if end < len(text) else "")
        for start, end in spans
    ]


def _log(*, scope: Scope, person: Person) -> list[LogEntry]:
    """The audit entries and activity log entries about the person (who acted is left out:
    those are the team's data)."""
    entries = [
        LogEntry("audit", entry.get_action_display(), entry.created_at)
        for entry in AuditEntry.objects.filter(
            workspace=scope.workspace, target_type=Person._meta.label, target_id=person.pk
        )
    ]
    entries += [
        LogEntry("activity", entry.get_action_display(), entry.created_at)
        for entry in ActivityEntry.objects.filter(
            workspace=scope.workspace,
            content_type=ContentType.objects.get_for_model(Person),
            object_id=person.pk,
        )
    ]
    return sorted(entries, key=lambda entry: entry.at)


# ------------------------------------------------------------------------- writing


def access_export_json(*, scope: Scope, person: Person) -> bytes:
    report = access_report(scope=scope, person=person)
    _exported(scope, report, "json")
    return report_json(report)


def access_export_zip(*, scope: Scope, person: Person) -> bytes:
    """The JSON and the files about the person (photos, presentations) in one ZIP."""
    report = access_report(scope=scope, person=person)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("auskunft.json", report_json(report))
        for stored in report.files:
            if stored.exists:
                with default_storage.open(stored.name, "rb") as content:
                    archive.writestr(stored.archive_name, content.read())
    _exported(scope, report, "zip")
    return buffer.getvalue()


def access_export_pdf(*, scope: Scope, person: Person) -> bytes:
    report = access_report(scope=scope, person=person)
    pdf = render_pdf("privacy/subject_export_pdf.html", {"report": report})
    _exported(scope, report, "pdf")
    return pdf


def report_json(report: AccessReport) -> bytes:
    return json.dumps(report.as_json(), ensure_ascii=False, indent=2).encode()


def _exported(scope: Scope, report: AccessReport, file_format: str) -> None:
    audit_record(
        action=AuditAction.ACCESS_EXPORTED,
        workspace=scope.workspace,
        actor=scope.user,
        target=report.person,
        details={
            "format": file_format,
            "records": report.record_count,
            "mentions": len(report.passages),
            "files": len(report.files),
        },
    )


def display(value) -> str:
    """A JSON value as text for the PDF and the pages."""
    if value is None or value in ("", []):
        return "–"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, list):
        return ", ".join(display(item) for item in value)
    if isinstance(value, dict):
        return "; ".join(json_strings(value))
    return str(value)
