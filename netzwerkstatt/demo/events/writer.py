"""Writes the demo's past event through the events app's services, as the project lead
entered it: event and programme, invitations with answers and check-ins, the World Café
planned by the real planner with results at every table, photos, presentations and the
published report. Afterwards the rows get the dates of the demo's past, as the other
writers do with theirs.

Attendance is not turned into "met at an event" ties (`event_attendance_ties`): that
is the team's own step on the event page, left for the demo's visitors to take, so the
network and its health history stay as `network_step` wrote them.
"""

import itertools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.text import slugify

from netzwerkstatt.contacts.enums import OrganisationKind as Kind
from netzwerkstatt.contacts.models import Function, Organisation, Person
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.network.team import (
    COORDINATOR_KEY,
    FLUGS_KEY,
    HEAD_KEY,
    LEAD_KEY,
    OWN_ORGANISATION_KEY,
)
from netzwerkstatt.demo.timeline import PROJECTS
from netzwerkstatt.events import services
from netzwerkstatt.events.documentation.photos import photos_upload
from netzwerkstatt.events.documentation.presentations import presentation_create
from netzwerkstatt.events.documentation.report import report_settings_update
from netzwerkstatt.events.enums import EventKind
from netzwerkstatt.events.models import (
    Event,
    Invitation,
    Photo,
    Presentation,
    ProgrammeItem,
    TableRound,
    WorldCafe,
)
from netzwerkstatt.events.worldcafe import selectors as cafe_selectors
from netzwerkstatt.events.worldcafe import services as cafe

from . import content, pictures
from .content import Part

CONSULTANCY = "zeitgewinn Arbeitszeitberatung"  # a demo partner; FluGs works on working time
TEAM = {
    Part.HEAD: HEAD_KEY,
    Part.LEAD: LEAD_KEY,
    Part.COORDINATOR: COORDINATOR_KEY,
    Part.COLLEAGUE: FLUGS_KEY,
}
# The guests besides the team and the consultant: one person from each of these many
# organisations of each kind that work with the projects.
GUESTS = {
    Kind.CHAMBER: 2,
    Kind.UNION: 2,
    Kind.EMPLOYERS_ASSOCIATION: 1,
    Kind.EMPLOYMENT_AGENCY: 2,
    Kind.EDUCATION_PROVIDER: 1,
    Kind.MUNICIPALITY: 1,
    Kind.COMPANY: 12,
}
WITHOUT_PHOTO_CONSENT = 3  # guests who did not consent: they keep a photo from the report
DIETARY_NOTES = ("vegetarisch", "vegetarisch", "vegan", "ohne Schweinefleisch")
# Everyone cast comes but the managing director, who only welcomes the guests; the chamber's
# host is one of the guests.
ATTENDING = (Part.LEAD, Part.COORDINATOR, Part.COLLEAGUE, Part.CONSULTANT)
# The planner's time budget; 25 participants settle in a fraction of it.
PLAN_SECONDS = 1.5


@dataclass(frozen=True)
class WrittenEvent:
    event: Event
    participants: int
    photos: int
    presentations: int


@dataclass(frozen=True)
class Staff:
    """A person with the organisation they come from."""

    person: Person
    organisation: Organisation  # where they work: for the slides' byline


class DemoEventWriter:
    def __init__(
        self,
        *,
        scope: Scope,
        rng: random.Random,
        organisations: Mapping[str, Organisation],
        persons: Mapping[str, Person],
    ):
        self.scope = scope
        self.rng = rng
        self.own = organisations[OWN_ORGANISATION_KEY]
        self.cast = {part: Staff(persons[key], self.own) for part, key in TEAM.items()}
        consultancy = next(o for o in organisations.values() if o.name == CONSULTANCY)
        self.cast[Part.CONSULTANT] = self._first_staff(consultancy)

    def write(self) -> WrittenEvent:
        guests = self._guests(exclude={self.own.pk, self.cast[Part.CONSULTANT].organisation.pk})
        self.cast[Part.CHAMBER] = next(g for g in guests if g.organisation.kind == Kind.CHAMBER)
        hosts = {self.cast[part].person for part in content.HOSTS.values()}
        without_consent = self.rng.sample(
            [guest.person for guest in guests if guest.person not in hosts], WITHOUT_PHOTO_CONSENT
        )
        event = self._event()
        items = [self._programme_item(event, item) for item in content.PROGRAMME]
        participants = [self.cast[part].person for part in ATTENDING]
        participants += [guest.person for guest in guests]
        invitations = self._attendance(event, participants, without_consent=without_consent)
        world_cafe, table_rounds = self._world_cafe(event, invitations)
        photos = self._photos(event, table_rounds, invitations, crowd=guests)
        presentations = [
            self._presentation(event, item, text)
            for item, text in zip(items, content.PROGRAMME, strict=True)
            if text.talk is not None
        ]
        report_settings_update(
            scope=self.scope, event=event, published=True, summary=content.SUMMARY
        )
        _dates_of_the_past(event, world_cafe)
        return WrittenEvent(
            event=event,
            participants=len(invitations),
            photos=len(photos),
            presentations=len(presentations),
        )

    # --- who comes ---------------------------------------------------------------------------

    def _first_staff(self, organisation: Organisation) -> Staff:
        function = (
            self.scope.objects(Function)
            .filter(organisation=organisation, end_date__isnull=True)
            .select_related("person")
            .order_by("pk")
            .first()
        )
        return Staff(function.person, organisation)

    def _guests(self, *, exclude: set[int]) -> list[Staff]:
        """One person with a current function from each of a few organisations per kind
        (`GUESTS`) among those tagged with a project; never one person twice."""
        first_staff: dict[int, Staff] = {}
        for function in (
            self.scope.objects(Function)
            .filter(end_date__isnull=True, organisation__tags__name__in=PROJECTS)
            .exclude(organisation__in=exclude)
            .select_related("person", "organisation")
            .order_by("organisation__name", "pk")
        ):
            first_staff.setdefault(
                function.organisation_id, Staff(function.person, function.organisation)
            )
        guests, seen = [], set()
        for kind, count in GUESTS.items():
            of_kind = [g for g in first_staff.values() if g.organisation.kind == kind]
            chosen = [g for g in self.rng.sample(of_kind, len(of_kind)) if g.person.pk not in seen]
            guests += chosen[:count]
            seen.update(guest.person.pk for guest in chosen[:count])
        return guests

    # --- the event and its programme ---------------------------------------------------------

    def _event(self) -> Event:
        return services.event_create(
            scope=self.scope,
            title=content.TITLE,
            starts_at=_at(content.EVENT_DAY, content.STARTS),
            ends_at=_at(content.EVENT_DAY, content.ENDS),
            kind=EventKind.REFLECTION_WORKSHOP,
            place=f"{content.VENUE}, {self.own.street}, {self.own.postal_code} {self.own.city}",
            capacity=content.CAPACITY,
            description=content.DESCRIPTION,
            registration_open=False,
            registration_deadline=_at(_before(content.REGISTRATION_CLOSES_DAYS_BEFORE), time(18)),
        )

    def _programme_item(self, event: Event, item: content.Item) -> ProgrammeItem:
        return services.programme_item_create(
            scope=self.scope,
            event=event,
            starts_at=_at(content.EVENT_DAY, item.starts),
            ends_at=_at(content.EVENT_DAY, item.ends),
            title=item.title,
            description=item.description,
            room=item.room,
            speakers=[self.cast[part].person for part in item.speakers],
        )

    def _attendance(
        self, event: Event, persons: Sequence[Person], *, without_consent: Sequence[Person]
    ) -> dict[int, Invitation]:
        """Invite the persons; each registered in the weeks before and checked in on the day.
        By person id."""
        invited = _before(content.INVITED_DAYS_BEFORE)
        last = content.INVITED_DAYS_BEFORE - content.REGISTRATION_CLOSES_DAYS_BEFORE
        invitations = {}
        for invitation, _token in services.invitations_create(
            scope=self.scope, event=event, persons=persons
        ):
            registered = invited + timedelta(days=self.rng.randint(1, last))
            services.invitation_update(
                scope=self.scope,
                invitation=invitation,
                attend=True,
                photo_consent=invitation.person not in without_consent,
                dietary_notes=self.rng.choice(DIETARY_NOTES) if self.rng.random() < 0.2 else "",
                now=_at(registered, time(self.rng.randint(8, 17), self.rng.randrange(0, 60, 5))),
            )
            services.invitation_check_in(
                scope=self.scope,
                invitation=invitation,
                now=_at(content.EVENT_DAY, time(9, self.rng.randint(0, 29))),
            )
            invitations[invitation.person_id] = invitation
        return invitations

    # --- the World Café ----------------------------------------------------------------------

    def _world_cafe(
        self, event: Event, invitations: Mapping[int, Invitation]
    ) -> tuple[WorldCafe, list[TableRound]]:
        """Tables with their hosts, the topics dealt out, the plan, and each table's results."""
        world_cafe = cafe.world_cafe_settings_save(
            scope=self.scope,
            event=event,
            rounds=content.ROUNDS,
            round_minutes=content.ROUND_MINUTES,
            table_count=len(content.HOSTS),
            hosts={
                number: invitations[self.cast[part].person.pk]
                for number, part in content.HOSTS.items()
            },
        )
        key_points = {
            cafe.topic_create(
                scope=self.scope,
                event=event,
                title=topic.title,
                description=topic.description,
                proposed_by=self.cast[topic.proposed_by].person,
                votes=topic.votes,
            ).pk: itertools.cycle("\n".join(lines) for lines in topic.key_points)
            for topic in content.TOPICS
        }
        cafe.topics_deal(scope=self.scope, world_cafe=world_cafe)
        cafe.world_cafe_plan(scope=self.scope, world_cafe=world_cafe, seconds=PLAN_SECONDS)
        table_rounds = list(cafe_selectors.table_rounds(scope=self.scope, world_cafe=world_cafe))
        for table_round in table_rounds:
            cafe.table_round_results_save(
                scope=self.scope,
                table_round=table_round,
                key_points=next(key_points[table_round.topic_id]),
            )
        return world_cafe, table_rounds

    # --- photos and presentations ------------------------------------------------------------

    def _photos(
        self,
        event: Event,
        table_rounds: Sequence[TableRound],
        invitations: Mapping[int, Invitation],
        *,
        crowd: Sequence[Staff],
    ) -> list[Photo]:
        """The plenary, a flip chart of each topic's last round, and one table in the second
        round with a guest who did not consent (so the team sees why it stays private)."""
        consenting = [g.person for g in crowd if invitations[g.person.pk].photo_consent]
        photos = []
        for number, scene in enumerate(content.SCENES, start=1):
            if scene.speakers_of is None:
                people = self.rng.sample(consenting, content.CROWD_SHOWN)
            else:
                speakers = content.PROGRAMME[scene.speakers_of].speakers
                people = [self.cast[part].person for part in speakers]
            photos += self._upload(
                event,
                pictures.plenary(self.rng, slide=scene.slide),
                name=f"plenum-{number}.jpg",
                caption=scene.caption,
                people=people,
            )
        for topic_id in dict.fromkeys(table_round.topic_id for table_round in table_rounds):
            last = [r for r in table_rounds if r.topic_id == topic_id and r.round == content.ROUNDS]
            flip_chart = last[0]
            photos += self._upload(
                event,
                pictures.flip_chart(
                    self.rng, title=flip_chart.topic.title, text=flip_chart.key_points
                ),
                name=f"flipchart-{flip_chart.table.number}.jpg",
                caption=content.FLIP_CHART_CAPTION.format(
                    table=flip_chart.table.number,
                    round=flip_chart.round,
                    topic=flip_chart.topic.title,
                ),
                table_round=flip_chart,
            )
        person_of = {invitation.pk: person for person, invitation in invitations.items()}
        table = next(
            r
            for r in table_rounds
            if r.round == 2 and not all(i.photo_consent for i in r.participants.all())
        )
        photos += self._upload(
            event,
            pictures.table_talk(self.rng, people=len(table.participants.all())),
            name="tisch.jpg",
            caption=content.TABLE_PHOTO_CAPTION.format(table=table.table.number, round=2),
            people=self.scope.objects(Person).filter(
                pk__in=[person_of[i.pk] for i in table.participants.all()]
            ),
        )
        return photos

    def _upload(self, event: Event, jpeg: bytes, *, name: str, **fields) -> list[Photo]:
        return photos_upload(
            scope=self.scope, event=event, files=[ContentFile(jpeg, name=name)], **fields
        )

    def _presentation(self, event: Event, item: ProgrammeItem, text: content.Item) -> Presentation:
        speaker = self.cast[text.speakers[0]]
        pdf = pictures.slides_pdf(
            text.talk,
            byline=f"{speaker.person.full_name}, {speaker.organisation.name}",
            occasion=f"{content.TITLE}, {content.EVENT_DAY:%d.%m.%Y}",
        )
        return presentation_create(
            scope=self.scope,
            event=event,
            file=ContentFile(pdf, name=f"{slugify(text.talk.title)}.pdf"),
            title=text.talk.title,
            programme_item=item,
            speaker=speaker.person,
        )


def _dates_of_the_past(event: Event, world_cafe: WorldCafe) -> None:
    """Date what the services stamped with now: invited six weeks before, planned the day
    before, photos and presentations uploaded the day after."""
    invited = _at(_before(content.INVITED_DAYS_BEFORE), time(10))
    day_after = content.EVENT_DAY + timedelta(days=1)
    Event.objects.filter(pk=event.pk).update(
        created_at=invited - timedelta(days=7), updated_at=_at(day_after, time(11))
    )
    Invitation.objects.filter(event=event).update(invited_at=invited)
    WorldCafe.objects.filter(pk=world_cafe.pk).update(planned_at=_at(_before(1), time(16)))
    Photo.objects.filter(event=event).update(uploaded_at=_at(day_after, time(10)))
    Presentation.objects.filter(event=event).update(uploaded_at=_at(day_after, time(10, 30)))


def _before(days: int) -> date:
    return content.EVENT_DAY - timedelta(days=days)


def _at(day: date, moment: time) -> datetime:
    return timezone.make_aware(datetime.combine(day, moment))
