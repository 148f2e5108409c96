"""Erasure (Art. 17 GDPR): a person removed from the workspace, everywhere, in one transaction.

What happens to the records about the person (`subjects.records_about`, from the registry):

- event invitations become anonymous counts (`events.AnonymousParticipation`) with the
  status they had and whether the person came, so the events' figures stay right;
- records that carry files about them (photos that show them, their presentations) are
  deleted, and their files leave the storage once the transaction has committed;
- the person row is deleted, and with it, by the foreign keys' rules, every record that
  is theirs alone (functions, e-mail addresses, notes, ties and recommendations in every
  role, consents, memberships, handovers, …); records that belong to others too keep
  their place without the person (an approach's contact, an action item's owner, a
  meeting's attendance, an activity's participants, a programme item's speakers);
- every text of the workspace that names them (notes about other persons and
  organisations, dossiers, minutes, ties' notes, import results, …) has the name, its
  variants, the e-mail addresses and phone numbers replaced by "[gelöscht]";
- network metrics snapshots that hold the person's node are deleted (they are computed
  again), unfinished import uploads that contain the person are deleted with their
  files, and the caches derived from contacts, the network and acquisition are told.

A check at the end fails (and so rolls everything back) if any classified record still
leads to the person. The audit entry keeps the person's former ID and counts, nothing else.
Erasing a person who no longer exists changes nothing and reports "already erased".
"""

import json
from collections import Counter
from dataclasses import dataclass, field

from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import default_storage
from django.db import models, transaction
from django.db.models import F, QuerySet
from django.utils.translation import gettext_lazy as _

from netzwerkstatt.acquisition.services.pipeline import DATA_TOPIC as ACQUISITION_TOPIC
from netzwerkstatt.audit.enums import AuditAction
from netzwerkstatt.audit.models import AuditEntry
from netzwerkstatt.audit.services import audit_record
from netzwerkstatt.contacts.importing.enums import ImportStatus
from netzwerkstatt.contacts.importing.reading import TabularSource, read_source
from netzwerkstatt.contacts.models import ImportJob, Person
from netzwerkstatt.contacts.services import DATA_TOPIC as CONTACTS_TOPIC
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import data_version_bump
from netzwerkstatt.events.models import AnonymousParticipation, Invitation
from netzwerkstatt.network.enums import NodeType
from netzwerkstatt.network.graph import node_key
from netzwerkstatt.network.models import MetricsSnapshot
from netzwerkstatt.network.services import DATA_TOPIC as NETWORK_TOPIC

from .subjects import (
    Identifiers,
    SubjectModel,
    mentions,
    records_about,
    subject_filter,
    subject_models,
)

PERMISSION = "erase_personal_data"
PERSON_LABEL = Person._meta.label
# The caches that may hold the person: the graph and metrics, warm paths, acquisition figures.
DATA_TOPICS = (CONTACTS_TOPIC, NETWORK_TOPIC, ACQUISITION_TOPIC)


class Effect(models.TextChoices):
    """What erasure does to a kind of record about the person (for the confirmation page)."""

    DELETED = "deleted", _("deleted")
    DELETED_WITH_FILES = "deleted_with_files", _("deleted with their files")
    ANONYMISED = "anonymised", _("kept as anonymous counts")
    UNLINKED = "unlinked", _("kept without the person")
    # Depends on the person's part in it (a handover's staff member or its successor).
    DELETED_OR_UNLINKED = (
        "deleted_or_unlinked",
        _("deleted, or kept without the person where it belongs to others too"),
    )


# Records turned into something without the person before the person goes.
ANONYMISED_MODELS = (Invitation,)


def file_fields(model: type[models.Model]) -> list[models.FileField]:
    return [f for f in model._meta.concrete_fields if isinstance(f, models.FileField)]


def _lookup_deletes(model: type[models.Model], lookup: str) -> bool:
    """Whether deleting the person deletes the row found by `lookup` (every link cascades)."""
    if lookup in ("id", "pk"):
        return True
    current = model
    for name in lookup.split("__"):
        link = current._meta.get_field(name)
        if link.many_to_many or link.remote_field.on_delete is not models.CASCADE:
            return False
        current = link.related_model
    return True


def effect(subject: SubjectModel) -> Effect:
    if subject.model in ANONYMISED_MODELS:
        return Effect.ANONYMISED
    if file_fields(subject.model):
        return Effect.DELETED_WITH_FILES
    deletes = {_lookup_deletes(subject.model, lookup) for lookup in subject.classification.subjects}
    if deletes == {True}:
        return Effect.DELETED
    if deletes == {False}:
        return Effect.UNLINKED
    return Effect.DELETED_OR_UNLINKED


@dataclass
class ErasureResult:
    person_pk: int
    already_erased: bool = False
    # Records about the person per model label (deleted, unlinked or anonymised).
    records: dict[str, int] = field(default_factory=dict)
    mentions: int = 0  # mentions replaced in texts
    files: int = 0  # files deleted after the commit
    anonymous_participations: int = 0  # invitations turned into counts
    snapshots: int = 0  # metrics snapshots deleted
    import_uploads: int = 0  # unfinished import uploads deleted

    def details(self) -> dict:
        """For the audit entry: IDs and counts only."""
        return {
            "records": self.records,
            "mentions": self.mentions,
            "files": self.files,
            "anonymous_participations": self.anonymous_participations,
            "metrics_snapshots": self.snapshots,
            "import_uploads": self.import_uploads,
        }


def person_was_erased(*, scope: Scope, person_pk: int) -> bool:
    """Whether the audit log says the person was erased in this workspace."""
    return AuditEntry.objects.filter(
        workspace=scope.workspace,
        action=AuditAction.ERASED,
        target_type=PERSON_LABEL,
        target_id=person_pk,
    ).exists()


@transaction.atomic
def person_erase(*, scope: Scope, person: Person | int) -> ErasureResult:
    """Erase the person everywhere in the scope's workspace (see the module's docstring).

    Takes the person or its ID; an ID that no longer exists (erased before, or never in
    this workspace) changes nothing and returns a result with `already_erased`. No audit
    entry is written for such a repeat: nothing happened.
    """
    require(scope, PERMISSION)
    person_pk = person.pk if isinstance(person, Person) else int(person)
    person = scope.objects(Person).select_for_update().filter(pk=person_pk).first()
    if person is None:
        return ErasureResult(person_pk=person_pk, already_erased=True)

    result = ErasureResult(person_pk=person_pk)
    identifiers = Identifiers.of(person)
    records = records_about(scope=scope, person_pk=person_pk)
    result.records = {
        subject.label: count for subject, rows in records.items() if (count := rows.count())
    }
    files: list[str] = []

    result.anonymous_participations = invitations_anonymise(
        scope=scope, invitations=scope.objects(Invitation).filter(person=person)
    )
    files += records_with_files_delete(records=records)
    result.snapshots = metrics_snapshots_delete(scope=scope, person_pk=person_pk)
    uploads, upload_files = import_uploads_delete(
        scope=scope, person=person, identifiers=identifiers
    )
    result.import_uploads, files = uploads, files + upload_files
    result.mentions = mentions_scrub(scope=scope, identifiers=identifiers)
    person.delete()  # the foreign keys' rules: cascade, set null, many-to-many links
    nothing_left(scope=scope, person_pk=person_pk)

    for topic in DATA_TOPICS:
        data_version_bump(workspace=scope.workspace, topic=topic)
    result.files = len(files)
    audit_record(
        action=AuditAction.ERASED,
        workspace=scope.workspace,
        actor=scope.user,
        target_type=PERSON_LABEL,
        target_id=person_pk,
        details=result.details(),
    )
    # Files cannot be rolled back: they go only once the rows are gone for good.
    transaction.on_commit(lambda: files_delete(files))
    return result


# ----------------------------------------------------------------------------- steps


def invitations_anonymise(*, scope: Scope, invitations: QuerySet[Invitation]) -> int:
    """Turn invitations into anonymous counts per event, status and attendance, and delete
    them (their World-Café seats and pairs go with them). Returns how many there were.

    Also used by the retention rule for event participations.
    """
    invitations = scope.objects(Invitation).filter(pk__in=invitations.values("pk"))
    counts = Counter(
        (event_id, status, checked_in_at is not None)
        for event_id, status, checked_in_at in invitations.values_list(
            "event_id", "status", "checked_in_at"
        )
    )
    for (event_id, status, checked_in), count in sorted(counts.items()):
        participation, _created = AnonymousParticipation.objects.get_or_create(
            workspace=scope.workspace,
            event_id=event_id,
            status=status,
            checked_in=checked_in,
            defaults={"count": 0},
        )
        AnonymousParticipation.objects.filter(pk=participation.pk).update(count=F("count") + count)
    invitations.delete()
    return sum(counts.values())


def records_with_files_delete(*, records: dict[SubjectModel, QuerySet]) -> list[str]:
    """Delete the records about the person that carry files (photos that show them, their
    presentations): a file cannot be scrubbed. Returns the stored names of their files."""
    names = []
    for subject, rows in records.items():
        fields = file_fields(subject.model)
        if not fields:
            continue
        for values in rows.values_list(*(f.name for f in fields)):
            names += [name for name in values if name]
        rows.delete()
    return names


def metrics_snapshots_delete(*, scope: Scope, person_pk: int) -> int:
    """Delete the metrics snapshots that hold the person's node; they are computed again."""
    key = f'"{node_key(NodeType.PERSON, person_pk)}"'
    holding = [
        pk
        for pk, metrics, health in scope.objects(MetricsSnapshot)
        .values_list("pk", "metrics", "health")
        .iterator(chunk_size=10)
        if key in _json_text(metrics) or key in _json_text(health)
    ]
    if holding:
        scope.objects(MetricsSnapshot).filter(pk__in=holding).delete()
    return len(holding)


def _json_text(value) -> str:
    return json.dumps(value, ensure_ascii=False)


def import_uploads_delete(
    *, scope: Scope, person: Person, identifiers: Identifiers
) -> tuple[int, list[str]]:
    """Delete unfinished import uploads whose file contains the person; returns how many and
    their stored file names. (Completed imports keep no file; their results are texts.)"""
    names, doomed = [], []
    pending = scope.objects(ImportJob).exclude(status=ImportStatus.COMPLETED).exclude(file="")
    for job in pending:
        if _upload_names(job, person=person, identifiers=identifiers):
            doomed.append(job.pk)
            names.append(job.file.name)
    if doomed:
        scope.objects(ImportJob).filter(pk__in=doomed).delete()
    return len(doomed), names


def _upload_names(job: ImportJob, *, person: Person, identifiers: Identifiers) -> bool:
    """Whether an upload names the person: a row with their first and last name in two
    cells, or their name, e-mail address or phone number anywhere in the file."""
    try:
        with job.file.open("rb") as upload:
            content = upload.read()
    except OSError:
        return False
    texts = [content.decode(encoding, "replace") for encoding in ("utf-8", "cp1252")]
    try:
        source = read_source(content)
    except Exception:  # unreadable for the import: its bytes are looked at alone
        source = None
    if isinstance(source, TabularSource):
        first, last = person.first_name.strip().lower(), person.last_name.strip().lower()
        for row in source.table.rows():
            if not isinstance(row, tuple):
                continue
            cells = [str(cell).strip() for cell in row[1]]
            lowered = {cell.lower() for cell in cells}
            if first and last and first in lowered and last in lowered:
                return True
            texts.append(" ".join(cells))
    elif source is not None:
        texts.append(source.text)
    return any(identifiers.found_in(text) for text in texts)


def mentions_scrub(*, scope: Scope, identifiers: Identifiers) -> int:
    """Replace the person's name, e-mail addresses and phone numbers in every text of the
    workspace (see `subjects.text_columns`) by "[gelöscht]". Returns how many were replaced.

    Writes with `update()`: a scrubbed text is not an edit, so "updated at" stays.
    """
    replaced = 0
    for mention in list(mentions(scope=scope, identifiers=identifiers)):
        rows = mention.model.objects.filter(pk=mention.pk)
        value = rows.values_list(mention.field, flat=True).first()
        if isinstance(value, str):
            scrubbed, count = identifiers.scrub(value)
        else:
            scrubbed, count = identifiers.scrub_json(value)
        if count:
            rows.update(**{mention.field: scrubbed})
            replaced += count
    return replaced


def nothing_left(*, scope: Scope, person_pk: int) -> None:
    """Fail (and so roll the erasure back) if a classified record still leads to the person:
    a subject link without a foreign key, or one whose rule keeps the row."""
    for subject in subject_models():
        if scope.objects(subject.model).filter(subject_filter(subject, person_pk)).exists():
            raise ImproperlyConfigured(
                f"{subject.label} still leads to the erased person; "
                "its subject link must cascade, set null or be a many-to-many link."
            )


def files_delete(names: list[str]) -> None:
    for name in names:
        default_storage.delete(name)
