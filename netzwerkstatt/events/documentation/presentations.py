"""Presentations of an event: PDFs per programme item with their speaker.

A file counts as a PDF by its content (the "%PDF-" header at the very start and an
end-of-file marker near the end), not by its name or the browser's claim. Readers
would accept the header anywhere in the first kilobyte, but then an HTML or SVG file
with "%PDF-" in a comment would pass too; every PDF writer puts it first. It is
stored under a random name; the download is named after the title.
"""

import uuid
from typing import BinaryIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.text import slugify
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..models import Event, Presentation, ProgrammeItem
from .photos import CHANGE

MAX_BYTES = 50 * 1024 * 1024
# Readers accept the end marker anywhere near the end (followed by padding or a newline).
TRAILER_WINDOW = 2048
FIELDS = ("title", "programme_item", "speaker", "public")


def is_pdf(data: bytes) -> bool:
    return data.startswith(b"%PDF-") and b"%%EOF" in data[-TRAILER_WINDOW:]


def presentation_list(*, scope: Scope, event: Event) -> QuerySet[Presentation]:
    return (
        scope.objects(Presentation)
        .filter(event=event)
        .select_related("programme_item", "speaker")
        .order_by("programme_item__starts_at", "id")
    )


def presentation_filename(presentation: Presentation) -> str:
    return f"{slugify(presentation.title) or 'praesentation'}.pdf"


@transaction.atomic
def presentation_create(
    *,
    scope: Scope,
    event: Event,
    file: BinaryIO,
    title: str,
    programme_item: ProgrammeItem | None = None,
    speaker: Person | None = None,
    public: bool = True,
) -> Presentation:
    require(scope, CHANGE)
    _check(scope, event, programme_item, speaker)
    too_large = (getattr(file, "size", None) or 0) > MAX_BYTES
    data = b"" if too_large else file.read(MAX_BYTES + 1)
    if too_large or len(data) > MAX_BYTES:
        limit = filesizeformat(MAX_BYTES)
        raise ValidationError({"file": _("The file is larger than %(limit)s.") % {"limit": limit}})
    if not data:
        raise ValidationError({"file": _("The file is empty.")})
    if not is_pdf(data):
        raise ValidationError({"file": _("The file is not a PDF document.")})
    presentation = Presentation(
        workspace=scope.workspace,
        event=event,
        programme_item=programme_item,
        speaker=speaker,
        title=title,
        public=public,
    )
    presentation.file.save(f"{uuid.uuid4().hex}.pdf", ContentFile(data), save=False)
    try:
        presentation.full_clean()
        presentation.save()
    except BaseException:
        default_storage.delete(presentation.file.name)
        raise
    activity_record(scope=scope, action=Action.CREATED, target=presentation)
    return presentation


@transaction.atomic
def presentation_update(
    *,
    scope: Scope,
    presentation: Presentation,
    title: str,
    programme_item: ProgrammeItem | None,
    speaker: Person | None,
    public: bool,
) -> Presentation:
    require(scope, CHANGE)
    _check(scope, presentation.event, programme_item, speaker)
    values = {
        "title": title,
        "programme_item": programme_item,
        "speaker": speaker,
        "public": public,
    }
    changed = [name for name, value in values.items() if getattr(presentation, name) != value]
    for name, value in values.items():
        setattr(presentation, name, value)
    presentation.full_clean()
    presentation.save()
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=presentation, details={"fields": changed}
        )
    return presentation


@transaction.atomic
def presentation_delete(*, scope: Scope, presentation: Presentation) -> None:
    """Delete the presentation; its file leaves the storage after the commit."""
    require(scope, CHANGE)
    _check(scope, presentation.event, None, None)
    name = presentation.file.name
    event = presentation.event
    presentation_id = presentation.pk
    presentation.delete()
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=event,
        details={"model": "events.Presentation", "count": 1, "presentation": presentation_id},
    )
    if name:
        transaction.on_commit(lambda: default_storage.delete(name))


def _check(
    scope: Scope, event: Event, programme_item: ProgrammeItem | None, speaker: Person | None
) -> None:
    if event.workspace_id != scope.workspace.pk:
        raise PermissionDenied("event")
    if programme_item is not None and programme_item.event_id != event.pk:
        raise ValidationError({"programme_item": _("Choose a programme item of this event.")})
    if speaker is not None and not scope.objects(Person).filter(pk=speaker.pk).exists():
        raise ValidationError({"speaker": _("Choose a person from the contacts.")})
