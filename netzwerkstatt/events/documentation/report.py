"""The public event report: its switch and address, and what it shows.

The report is opt-in (`Event.report_published`) and lives at an address with the
event's `report_token` (43 random URL-safe characters); issuing a new token makes
the old address stop working. `report_content` collects only what is public:
the event's title, time, place and summary, the programme with speakers' names
and organisations, World-Café key points by topic, photos that pass the
publication rule and presentations marked public. It reads nothing else about
participants: no participant list, notes, consent records beyond the rule's
verdict, or contact data.
"""

import secrets
from collections import defaultdict
from dataclasses import dataclass, field

from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone

from netzwerkstatt.contacts.models import Function, Person
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.guards import require
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.services import activity_record

from ..models import Event, Photo, Presentation, ProgrammeItem, TableRound, Topic
from .photos import CHANGE, event_consents, photo_rows

TOKEN_BYTES = 32


@dataclass(frozen=True)
class Speaker:
    name: str
    organisations: tuple[str, ...]


@dataclass
class ProgrammeEntry:
    item: ProgrammeItem
    speakers: list[Speaker]
    presentations: list[Presentation] = field(default_factory=list)


@dataclass(frozen=True)
class KeyPoints:
    round: int
    table: int
    text: str


@dataclass
class TopicResult:
    title: str  # empty for table rounds without a topic
    description: str
    key_points: list[KeyPoints] = field(default_factory=list)
    photos: list[Photo] = field(default_factory=list)  # public flip chart photos


@dataclass
class ReportContent:
    event: Event
    programme: list[ProgrammeEntry]
    results: list[TopicResult]
    photos: list[Photo]  # public photos not tied to a table round (the gallery)
    # Public ones, each with `public_speaker` (a Speaker or None); also under their programme item.
    presentations: list[Presentation]

    @property
    def is_empty(self) -> bool:
        return not (
            self.event.report_summary
            or self.event.description
            or self.programme
            or self.results
            or self.photos
            or self.presentations
        )


# ------------------------------------------------------------------ the switch and address


def report_token_new() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


@transaction.atomic
def report_settings_update(*, scope: Scope, event: Event, published: bool, summary: str) -> Event:
    """Switch the public report on or off and set its summary (a token is made if missing)."""
    require(scope, CHANGE)
    changed = [
        name
        for name, value in (("report_published", published), ("report_summary", summary))
        if getattr(event, name) != value
    ]
    event.report_published = published
    event.report_summary = summary
    if not event.report_token:
        event.report_token = report_token_new()
        changed.append("report_token")
    event.full_clean()
    event.save(update_fields=["report_published", "report_summary", "report_token", "updated_at"])
    if changed:
        activity_record(
            scope=scope, action=Action.UPDATED, target=event, details={"fields": changed}
        )
    return event


@transaction.atomic
def report_token_renew(*, scope: Scope, event: Event) -> str:
    """A new address for the report; the old one leads nowhere from now on."""
    require(scope, CHANGE)
    event.report_token = report_token_new()
    event.full_clean()
    event.save(update_fields=["report_token", "updated_at"])
    activity_record(
        scope=scope, action=Action.UPDATED, target=event, details={"fields": ["report_token"]}
    )
    return event.report_token


# ---------------------------------------------------------------------- public reads


def report_event(*, token: str) -> Event | None:
    """The event whose report is published at this token, or None."""
    if not token or len(token) > Event._meta.get_field("report_token").max_length:
        return None
    return Event.objects.filter(report_published=True, report_token=token).first()


def public_photos(*, event: Event) -> list[Photo]:
    """The event's photos that pass the publication rule, in upload order."""
    photos = (
        Photo.objects.filter(workspace_id=event.workspace_id, event=event)
        .select_related("table_round__table", "table_round__topic")
        .prefetch_related(Prefetch("people", queryset=Person.objects.only("pk")))
    )
    rows = photo_rows(photos=photos, consents=event_consents(event=event))
    return [row.photo for row in rows if row.publication.public]


def public_photo(*, event: Event, pk) -> Photo | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    photo = (
        Photo.objects.filter(workspace_id=event.workspace_id, event=event, pk=pk)
        .prefetch_related(Prefetch("people", queryset=Person.objects.only("pk")))
        .first()
    )
    if photo is None:
        return None
    [row] = photo_rows(photos=[photo], consents=event_consents(event=event))
    return photo if row.publication.public else None


def public_presentations(*, event: Event) -> list[Presentation]:
    return list(
        Presentation.objects.filter(workspace_id=event.workspace_id, event=event, public=True)
        .select_related("programme_item")
        .order_by("programme_item__starts_at", "id")
    )


def public_presentation(*, event: Event, pk) -> Presentation | None:
    try:
        pk = int(pk)
    except (TypeError, ValueError):
        return None
    return Presentation.objects.filter(
        workspace_id=event.workspace_id, event=event, public=True, pk=pk
    ).first()


def report_content(*, event: Event) -> ReportContent:
    """Everything the public report shows, and nothing else."""
    presentations = public_presentations(event=event)
    items = list(
        ProgrammeItem.objects.filter(workspace_id=event.workspace_id, event=event).order_by(
            "starts_at", "id"
        )
    )
    speaker_ids = set(
        ProgrammeItem.speakers.through.objects.filter(programmeitem__in=items).values_list(
            "programmeitem_id", "person_id"
        )
    )
    person_ids = {person_id for _item, person_id in speaker_ids} | {
        presentation.speaker_id for presentation in presentations if presentation.speaker_id
    }
    speakers = _speakers(event, person_ids)
    for presentation in presentations:
        presentation.public_speaker = speakers.get(presentation.speaker_id)
    by_item = defaultdict(list)
    for item_id, person_id in sorted(speaker_ids):
        by_item[item_id].append(speakers[person_id])
    programme = []
    for item in items:
        entry = ProgrammeEntry(
            item=item, speakers=sorted(by_item[item.pk], key=lambda speaker: speaker.name)
        )
        entry.presentations = [p for p in presentations if p.programme_item_id == item.pk]
        programme.append(entry)
    photos = public_photos(event=event)
    return ReportContent(
        event=event,
        programme=programme,
        results=_results(event, [photo for photo in photos if photo.table_round_id]),
        photos=[photo for photo in photos if not photo.table_round_id],
        presentations=presentations,
    )


def _speakers(event: Event, person_ids: set[int]) -> dict[int, Speaker]:
    """Names and current organisations of the persons: nothing more of them goes public."""
    today = timezone.localdate()
    persons = Person.objects.filter(workspace_id=event.workspace_id, pk__in=person_ids).only(
        "title", "first_name", "last_name"
    )
    organisations = defaultdict(list)
    functions = (
        Function.objects.filter(workspace_id=event.workspace_id, person_id__in=person_ids)
        .filter(Q(end_date__isnull=True) | Q(end_date__gte=today))
        .select_related("organisation")
        .only("person_id", "organisation__name")
        .order_by("id")
    )
    for function in functions:
        names = organisations[function.person_id]
        if function.organisation.name not in names:
            names.append(function.organisation.name)
    return {
        person.pk: Speaker(name=person.full_name, organisations=tuple(organisations[person.pk]))
        for person in persons
    }


def _results(event: Event, flip_charts: list[Photo]) -> list[TopicResult]:
    """Key points of the table rounds grouped by topic (topics in the World Café's order)."""
    rounds = (
        TableRound.objects.filter(workspace_id=event.workspace_id, table__world_cafe__event=event)
        .exclude(key_points="")
        .select_related("table")
        .order_by("round", "table__number")
    )
    topics = {
        topic.pk: TopicResult(title=topic.title, description=topic.description)
        for topic in Topic.objects.filter(
            workspace_id=event.workspace_id, world_cafe__event=event
        ).only("title", "description")
    }
    untitled = TopicResult(title="", description="")
    topic_of_round = {}
    for table_round in rounds:
        result = topics.get(table_round.topic_id, untitled)
        result.key_points.append(
            KeyPoints(
                round=table_round.round,
                table=table_round.table.number,
                text=table_round.key_points.strip(),
            )
        )
        topic_of_round[table_round.pk] = result
    for photo in flip_charts:
        result = topic_of_round.get(photo.table_round_id) or topics.get(
            photo.table_round.topic_id, untitled
        )
        result.photos.append(photo)
    results = [result for result in topics.values() if result.key_points or result.photos]
    if untitled.key_points or untitled.photos:
        results.append(untitled)
    return results
