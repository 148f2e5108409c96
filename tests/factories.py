"""factory_boy factories for the domain models; tests build their data with these."""

import datetime
import hashlib
import secrets
from zoneinfo import ZoneInfo

import factory
from factory.django import DjangoModelFactory

from netzwerkstatt.acquisition.models import Measure, Need
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.contacts.models import (
    EmailAddress,
    Function,
    Note,
    Organisation,
    Person,
    PhoneNumber,
    Tag,
)
from netzwerkstatt.contacts.normalise import fold, name_key
from netzwerkstatt.contacts.services import organisation_keys, person_keys
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership, Project, User, Workspace
from netzwerkstatt.events.enums import EventKind
from netzwerkstatt.events.models import Event, Invitation, ProgrammeItem
from netzwerkstatt.network.enums import RecommendationOutcome, TieKind
from netzwerkstatt.network.models import Recommendation, TeamMember, Tie

PASSWORD = "geheim-und-lang-genug"
BERLIN = ZoneInfo("Europe/Berlin")


class WorkspaceFactory(DjangoModelFactory):
    class Meta:
        model = Workspace
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"arbeitsbereich-{n}")
    name = factory.Sequence(lambda n: f"Bildungsträger {n}")


class UserFactory(DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"nutzer{n}@example.org")
    first_name = factory.Faker("first_name", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(self, create, extracted, **kwargs):
        if create:
            self.save()


class MembershipFactory(DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    workspace = factory.SubFactory(WorkspaceFactory)
    role = Role.STAFF


class ProjectFactory(DjangoModelFactory):
    class Meta:
        model = Project

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Projekt {n}")


class TagFactory(DjangoModelFactory):
    class Meta:
        model = Tag

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Schlagwort {n}")


class OrganisationFactory(DjangoModelFactory):
    class Meta:
        model = Organisation

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Faker("company", locale="de_DE")
    kind = OrganisationKind.COMPANY
    sector = "28"
    employee_count = 42
    street = factory.Faker("street_address", locale="de_DE")
    postal_code = "38518"
    city = "Gifhorn"
    district = "Landkreis Gifhorn"
    state = "NI"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        organisation = model_class(*args, **kwargs)
        organisation_keys(organisation)
        organisation.save()
        return organisation


class PersonFactory(DjangoModelFactory):
    class Meta:
        model = Person

    workspace = factory.SubFactory(WorkspaceFactory)
    salutation = "ms"
    first_name = factory.Faker("first_name_female", locale="de_DE")
    last_name = factory.Faker("last_name", locale="de_DE")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        person = model_class(*args, **kwargs)
        person_keys(person, [])
        person.save()
        return person


class EmailAddressFactory(DjangoModelFactory):
    class Meta:
        model = EmailAddress

    person = factory.SubFactory(PersonFactory)
    workspace = factory.SelfAttribute("person.workspace")
    address = factory.Sequence(lambda n: f"kontakt{n}@betrieb.example")

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        email = super()._create(model_class, *args, **kwargs)
        person = email.person
        person_keys(person, person.emails.values_list("address", flat=True))
        person.save(update_fields=["search_key", "name_key"])
        return email


class PhoneNumberFactory(DjangoModelFactory):
    class Meta:
        model = PhoneNumber

    person = factory.SubFactory(PersonFactory)
    workspace = factory.SelfAttribute("person.workspace")
    number = "05371 123456"


class FunctionFactory(DjangoModelFactory):
    class Meta:
        model = Function

    workspace = factory.SubFactory(WorkspaceFactory)
    person = factory.SubFactory(PersonFactory, workspace=factory.SelfAttribute("..workspace"))
    organisation = factory.SubFactory(
        OrganisationFactory, workspace=factory.SelfAttribute("..workspace")
    )
    role = "Geschäftsführung"


class NoteFactory(DjangoModelFactory):
    class Meta:
        model = Note

    workspace = factory.SubFactory(WorkspaceFactory)
    organisation = factory.SubFactory(
        OrganisationFactory, workspace=factory.SelfAttribute("..workspace")
    )
    text = "Gespräch auf der Messe, Interesse an Demografie-Check."


# The relationship network (netzwerkstatt.network): ties, recommendations, the team.


class TieFactory(DjangoModelFactory):
    """A KNOWS tie between two new persons; pass other ends with the matching kind."""

    class Meta:
        model = Tie

    workspace = factory.SubFactory(WorkspaceFactory)
    kind = TieKind.KNOWS
    source_person = factory.SubFactory(
        PersonFactory, workspace=factory.SelfAttribute("..workspace")
    )
    target_person = factory.SubFactory(
        PersonFactory, workspace=factory.SelfAttribute("..workspace")
    )
    strength = 3


class RecommendationFactory(DjangoModelFactory):
    """A recommendation of a new organisation to a new person, made by a new person."""

    class Meta:
        model = Recommendation

    workspace = factory.SubFactory(WorkspaceFactory)
    recommender = factory.SubFactory(PersonFactory, workspace=factory.SelfAttribute("..workspace"))
    subject_organisation = factory.SubFactory(
        OrganisationFactory, workspace=factory.SelfAttribute("..workspace")
    )
    recipient_person = factory.SubFactory(
        PersonFactory, workspace=factory.SelfAttribute("..workspace")
    )
    date = datetime.date(2026, 3, 2)
    outcome = RecommendationOutcome.OPEN


class TeamMemberFactory(DjangoModelFactory):
    class Meta:
        model = TeamMember

    workspace = factory.SubFactory(WorkspaceFactory)
    person = factory.SubFactory(PersonFactory, workspace=factory.SelfAttribute("..workspace"))


# Acquisition (netzwerkstatt.acquisition): the needs vocabulary and the measures catalogue.


class NeedFactory(DjangoModelFactory):
    class Meta:
        model = Need

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Bedarf {n}")
    name_key = factory.LazyAttribute(lambda need: name_key(need.name))


class MeasureFactory(DjangoModelFactory):
    """A funded measure of a new project; pass `needs=[…]` to link needs."""

    class Meta:
        model = Measure
        skip_postgeneration_save = True

    workspace = factory.SubFactory(WorkspaceFactory)
    project = factory.SubFactory(ProjectFactory, workspace=factory.SelfAttribute("..workspace"))
    name = factory.Sequence(lambda n: f"Demografie-Check {n}")
    target_group = "Geschäftsführung und Personalverantwortliche"
    description = ""
    duration = "drei Monate"
    name_key = factory.LazyAttribute(lambda measure: name_key(measure.name))
    search_key = factory.LazyAttribute(
        lambda measure: fold(f"{measure.name} {measure.target_group} {measure.description}")
    )

    @factory.post_generation
    def needs(self, create, extracted, **kwargs):
        if create and extracted:
            self.needs.set(extracted)


# Events (netzwerkstatt.events): events, programme items, invitations.


class EventFactory(DjangoModelFactory):
    """A workshop in four weeks, 9:00–16:00 Berlin time, for 30 people, registration open."""

    class Meta:
        model = Event

    workspace = factory.SubFactory(WorkspaceFactory)
    title = factory.Sequence(lambda n: f"Reflexionsworkshop {n}")
    kind = EventKind.WORKSHOP
    starts_at = factory.LazyFunction(
        lambda: datetime.datetime.combine(
            datetime.datetime.now(BERLIN).date() + datetime.timedelta(weeks=4),
            datetime.time(9, 0),
            tzinfo=BERLIN,
        )
    )
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=7))
    place = "Kreisvolkshochschule Gifhorn, Hauptstraße 12, 38518 Gifhorn"
    capacity = 30
    report_token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))


class ProgrammeItemFactory(DjangoModelFactory):
    class Meta:
        model = ProgrammeItem

    event = factory.SubFactory(EventFactory)
    workspace = factory.SelfAttribute("event.workspace")
    starts_at = factory.SelfAttribute("event.starts_at")
    title = factory.Sequence(lambda n: f"Impulsvortrag {n}")


class InvitationFactory(DjangoModelFactory):
    """An invitation of a new person; pass `token="…"` to know the link's raw token."""

    class Meta:
        model = Invitation

    class Params:
        token = factory.LazyFunction(lambda: secrets.token_urlsafe(32))

    event = factory.SubFactory(EventFactory)
    workspace = factory.SelfAttribute("event.workspace")
    person = factory.SubFactory(PersonFactory, workspace=factory.SelfAttribute("..workspace"))
    token_hash = factory.LazyAttribute(
        lambda invitation: hashlib.sha256(invitation.token.encode()).hexdigest()
    )


# Acquisition activities: logged contacts with companies and their follow-ups.


class ActivityFactory(DjangoModelFactory):
    """A call with a new company in a new project, yesterday, without follow-up."""

    class Meta:
        model = "acquisition.Activity"

    workspace = factory.SubFactory(WorkspaceFactory)
    project = factory.SubFactory(ProjectFactory, workspace=factory.SelfAttribute("..workspace"))
    organisation = factory.SubFactory(
        OrganisationFactory, workspace=factory.SelfAttribute("..workspace")
    )
    kind = "call"
    occurred_on = factory.LazyFunction(
        lambda: datetime.datetime.now(BERLIN).date() - datetime.timedelta(days=1)
    )
    summary = "Telefonat mit der Geschäftsführung"


# Steering (netzwerkstatt.steering): networks, their members, topics and interests.


class NetworkFactory(DjangoModelFactory):
    class Meta:
        model = "steering.Network"

    workspace = factory.SubFactory(WorkspaceFactory)
    name = factory.Sequence(lambda n: f"Arbeitgeberkreis Gifhorn {n}")
    purpose = "Fachkräfte in der Region halten"
    region = "Landkreis Gifhorn"
    started_on = datetime.date(2026, 1, 15)


class NetworkMemberFactory(DjangoModelFactory):
    """A new organisation as a member; `as_person=True` for a new person instead."""

    class Meta:
        model = "steering.NetworkMember"

    class Params:
        as_person = factory.Trait(
            organisation=None,
            person=factory.SubFactory(
                PersonFactory, workspace=factory.SelfAttribute("..workspace")
            ),
        )

    network = factory.SubFactory(NetworkFactory)
    workspace = factory.SelfAttribute("network.workspace")
    organisation = factory.SubFactory(
        OrganisationFactory, workspace=factory.SelfAttribute("..workspace")
    )
    person = None
    role = "member"


class NetworkTopicFactory(DjangoModelFactory):
    class Meta:
        model = "steering.NetworkTopic"

    network = factory.SubFactory(NetworkFactory)
    workspace = factory.SelfAttribute("network.workspace")
    name = factory.Sequence(lambda n: f"Fachkräftesicherung {n}")


class TopicInterestFactory(DjangoModelFactory):
    class Meta:
        model = "steering.TopicInterest"

    topic = factory.SubFactory(NetworkTopicFactory)
    workspace = factory.SelfAttribute("topic.workspace")
    member = factory.SubFactory(
        NetworkMemberFactory,
        network=factory.SelfAttribute("..topic.network"),
    )
    level = 1
