"""Photos of an event: upload (re-encoded without metadata), people shown, captions, deletion.

Every upload goes through `events.images.image_process`; what is stored is the
clean copy under a random name in the default storage, never the uploaded file
and never a name taken from the upload. Files are removed from the storage once
the deletion of their row has been committed.
"""

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import Q, QuerySet
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from netzwerkstatt.contacts.models import Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from .. import images
from ..models import Event, Invitation, Photo, ProgrammeItem, TableRound
from .publication import Consents, Publication, photo_publication

CHANGE = "change_events"
# At most this many photos in one upload (the browser sends them in one request).
UPLOAD_MAX_FILES = 30


@dataclass(frozen=True)
class PhotoRow:
    photo: Photo
    publication: Publication


# --------------------------------------------------------------------------------- reads


def event_consents(*, event: Event) -> Consents:
    """The persons invited to the event and those of them who consented to photos."""
    rows = (
        Invitation.objects.filter(workspace_id=event.workspace_id, event=event)
        .order_by()
        .values_list("person_id", "photo_consent")
    )
    invited, consenting = set(), set()
    for person_id, consent in rows:
        invited.add(person_id)
        if consent:
            consenting.add(person_id)
    return Consents(invited=frozenset(invited), consenting=frozenset(consenting))


def photo_rows(*, photos: Iterable[Photo], consents: Consents) -> list[PhotoRow]:
    """Photos (with `people` prefetched) each with whether and why it is (not) public."""
    return [
        PhotoRow(
            photo=photo,
            publication=photo_publication(
                people=[person.pk for person in photo.people.all()],
                consents=consents,
                withheld=photo.withheld,
            ),
        )
        for photo in photos
    ]


def photo_list(*, scope: Scope, event: Event) -> QuerySet[Photo]:
    return (
        scope.objects(Photo)
        .filter(event=event)
        .select_related("table_round__table", "table_round__topic")
        .prefetch_related("people")
    )


def photo_detail(*, scope: Scope, pk) -> Photo:
    return scope.get(Photo, pk=pk)


def event_people(*, scope: Scope, event: Event) -> QuerySet[Person]:
    """Persons who may be linked to the event's photos: the invited and the speakers."""
    invited = scope.objects(Invitation).filter(event=event).values("person_id")
    speaking = scope.objects(ProgrammeItem).filter(event=event).values("speakers")
    return (
        scope.objects(Person)
        .filter(Q(pk__in=invited) | Q(pk__in=speaking))
        .order_by("last_name", "first_name", "id")
    )


def event_table_rounds(*, scope: Scope, event: Event) -> QuerySet[TableRound]:
    return (
        scope.objects(TableRound)
        .filter(table__world_cafe__event=event)
        .select_related("table", "topic")
        .order_by("round", "table__number")
    )


def publication_people(*, rows: Sequence[PhotoRow]) -> dict[int, Person]:
    """The persons named in the rows' reasons, for saying who keeps a photo from the public."""
    ids = {
        pk for row in rows for pk in row.publication.not_invited + row.publication.without_consent
    }
    people = {}
    for row in rows:
        for person in row.photo.people.all():
            if person.pk in ids:
                people[person.pk] = person
    return people


# -------------------------------------------------------------------------------- writes


@transaction.atomic
def photos_upload(
    *,
    scope: Scope,
    event: Event,
    files: Sequence[BinaryIO],
    caption: str = "",
    people: Iterable[Person] = (),
    table_round: TableRound | None = None,
) -> list[Photo]:
    """Store each file as a photo of the event with the same caption, people and table round.

    All or nothing: if any file is not an acceptable image, nothing is stored and the
    ValidationError names each refused file.
    """
    require(scope, CHANGE)
    _check_event(scope, event)
    if not files:
        raise ValidationError(_("Choose at least one photo."))
    if len(files) > UPLOAD_MAX_FILES:
        raise ValidationError(
            _("Upload at most %(count)s photos at once.") % {"count": UPLOAD_MAX_FILES}
        )
    people = _checked_people(scope, people)
    _check_table_round(scope, event, table_round)
    processed, refused = [], []
    for upload in files:
        size = getattr(upload, "size", None)
        if size is not None and size > images.MAX_BYTES:
            refused.append(_refusal(upload, images.Rejection.TOO_MANY_BYTES))
            continue
        try:
            processed.append(images.image_process(upload))
        except images.UnacceptableImageError as rejected:
            refused.append(_refusal(upload, rejected.reason))
    if refused:
        raise ValidationError(refused)
    photos, stored = [], []
    try:
        for image in processed:
            photo = Photo(
                workspace=scope.workspace,
                event=event,
                table_round=table_round,
                caption=caption,
                width=image.width,
                height=image.height,
                uploaded_by=scope.user,
            )
            name = uuid.uuid4().hex
            photo.image.save(f"{name}.{image.extension}", ContentFile(image.content), save=False)
            stored.append(photo.image.name)
            photo.thumbnail.save(f"{name}.jpg", ContentFile(image.thumbnail), save=False)
            stored.append(photo.thumbnail.name)
            photo.full_clean()
            photo.save()
            photo.people.set(people)
            photos.append(photo)
    except BaseException:
        for name in stored:  # the rows roll back; their files must not stay behind
            default_storage.delete(name)
        raise
    activity_record(
        scope=scope,
        action=Action.CREATED,
        target=event,
        details={"model": "events.Photo", "count": len(photos), "people": len(people)},
    )
    return photos


@transaction.atomic
def photo_update(
    *,
    scope: Scope,
    photo: Photo,
    caption: str,
    people: Iterable[Person],
    table_round: TableRound | None,
) -> Photo:
    require(scope, CHANGE)
    _check_event(scope, photo.event)
    people = _checked_people(scope, people)
    _check_table_round(scope, photo.event, table_round)
    photo.caption = caption
    photo.table_round = table_round
    photo.full_clean()
    photo.save()
    photo.people.set(people)
    activity_record(
        scope=scope,
        action=Action.UPDATED,
        target=photo,
        details={"fields": ["caption", "people", "table_round"], "people": len(people)},
    )
    return photo


@transaction.atomic
def photo_delete(*, scope: Scope, photo: Photo) -> None:
    """Delete the photo; its image and thumbnail leave the storage after the commit."""
    require(scope, CHANGE)
    _check_event(scope, photo.event)
    names = [name for name in (photo.image.name, photo.thumbnail.name) if name]
    event = photo.event
    photo_id = photo.pk
    photo.delete()
    activity_record(
        scope=scope,
        action=Action.DELETED,
        target=event,
        details={"model": "events.Photo", "count": 1, "photo": photo_id},
    )
    transaction.on_commit(lambda: _files_delete(names))


def _files_delete(names: Iterable[str]) -> None:
    for name in names:
        default_storage.delete(name)


def _refusal(upload, reason: images.Rejection) -> str:
    name = _upload_name(upload)
    if reason is images.Rejection.TOO_MANY_BYTES:
        return _("“%(name)s” is larger than %(limit)s.") % {
            "name": name,
            "limit": filesizeformat(images.MAX_BYTES),
        }
    if reason is images.Rejection.TOO_MANY_PIXELS:
        return _("“%(name)s” has more than %(megapixels)s megapixels; please make it smaller.") % {
            "name": name,
            "megapixels": images.MAX_PIXELS // 1_000_000,
        }
    if "HEIF" in images.ACCEPTED_FORMATS:
        return _("“%(name)s” is not a JPEG, PNG or HEIC photo.") % {"name": name}
    return _("“%(name)s” is not a JPEG or PNG photo.") % {"name": name}


def _upload_name(upload) -> str:
    name = str(getattr(upload, "name", "") or _("the file"))
    return name.rsplit("/", 1)[-1][:80]


def _check_event(scope: Scope, event: Event) -> None:
    if event.workspace_id != scope.workspace.pk:
        raise PermissionDenied("event")


def _checked_people(scope: Scope, people: Iterable[Person]) -> list[Person]:
    people = list(people)
    ids = {person.pk for person in people}
    if scope.objects(Person).filter(pk__in=ids).count() != len(ids):
        raise ValidationError(_("Choose people from the contacts."))
    return people


def _check_table_round(scope: Scope, event: Event, table_round: TableRound | None) -> None:
    if table_round is None:
        return
    if not event_table_rounds(scope=scope, event=event).filter(pk=table_round.pk).exists():
        raise ValidationError(_("Choose a table round of this event's World Café."))
