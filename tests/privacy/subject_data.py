"""A person planted everywhere, for the access export and erasure tests (issue proofs 6, 7).

`plant(workspace)` links one person into every model the registry names subjects for,
then fills, from the registry, every personal and free-text field of each record about
them with a unique marker (MARK…). Records that belong to others too (an approach, a
meeting, an activity) get texts that name the person instead (name variants, e-mail
address, phone number), because erasure keeps those records and scrubs the person out.
Every other free text of the workspace names the person as well (notes about other
persons and organisations, dossiers, minutes, ties between others, an import's result).

A second person, OTHER, unlinked to anyone, carries its own markers; a linked person
(SECOND, at the other end of ties, a co-attendee) has an e-mail address and phone number
that must not show in the person's export.
"""

import datetime
import io
import itertools
from dataclasses import dataclass, field

from django.core.files.base import ContentFile
from django.db import models
from PIL import Image

from netzwerkstatt.acquisition import services as acquisition_services
from netzwerkstatt.acquisition.models import Activity, Approach
from netzwerkstatt.contacts.models import EmailAddress, ImportJob, Note, Person, PhoneNumber
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.documentation.photos import photos_upload
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import (
    CafeTable,
    KeepApart,
    Presentation,
    ProgrammeItem,
    TableRound,
    Topic,
    WorldCafe,
)
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import MetricsSnapshot, SurveyAnswer
from netzwerkstatt.network.surveys import survey_create
from netzwerkstatt.privacy.models import Consent
from netzwerkstatt.privacy.registry import registry
from netzwerkstatt.steering.models import (
    ActionItem,
    Decision,
    Goal,
    Handover,
    Meeting,
    Network,
    NetworkMember,
    NetworkTopic,
    ProgressEntry,
    TopicInterest,
)
from tests.factories import (
    EmailAddressFactory,
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    MeasureFactory,
    MembershipFactory,
    NeedFactory,
    NoteFactory,
    OrganisationFactory,
    PersonFactory,
    PhoneNumberFactory,
    ProgrammeItemFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
)

MARK = "ERASEMARK"
OTHER_MARK = "OTHERMARK"
FIRST, LAST, TITLE = f"{MARK}Vorname", f"{MARK}Nachname", f"{MARK}Titel"
EMAIL = "erasemark.adresse@betrieb.example"
PHONE = "05371 987654"
SECOND_EMAIL = "zweite.person@betrieb.example"
SECOND_PHONE = "05371 111222"
# The name variants the erasure replaces, and texts that name the person in each way.
NAME_VARIANTS = (f"{TITLE} {FIRST} {LAST}", f"{FIRST} {LAST}", f"{LAST}, {FIRST}")
MENTIONS = (
    f"Gespräch mit {NAME_VARIANTS[0]} – bleibt stehen",
    f"Kontakt über {NAME_VARIANTS[1].upper()} ({EMAIL.upper()}) – bleibt stehen",
    f"Rückruf {NAME_VARIANTS[2]}, Tel. 05371/98 76 54 – bleibt stehen",
    f"Erreichbar unter +49 5371 987654 oder {EMAIL} – bleibt stehen",
)
KEPT_WORDS = "bleibt stehen"


def jpeg() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (24, 16), "blue").save(output, "JPEG")
    return output.getvalue()


def text_fields(model: type[models.Model], names) -> list[models.Field]:
    """The fields among `names` that hold words (char, text, e-mail), codes excluded."""
    fields = [model._meta.get_field(name) for name in names]
    return [
        f
        for f in fields
        if isinstance(f, models.CharField | models.TextField)
        and not f.choices
        and not isinstance(f, models.FileField)
    ]


@dataclass
class Planted:
    workspace: Workspace
    scope: Scope
    person: Person
    second: Person
    other: Person
    events: list = field(default_factory=list)
    # (model, pk) of records about the person that erasure keeps (without the person).
    shared: set = field(default_factory=set)
    erased_files: list = field(default_factory=list)  # files about the person
    kept_files: list = field(default_factory=list)  # files that must stay
    markers: dict = field(default_factory=dict)  # (model label, pk, field) → marker


def plant(workspace: Workspace) -> Planted:
    lead = MembershipFactory(workspace=workspace, role=Role.LEAD).user
    scope = Scope(workspace=workspace, role=Role.LEAD, user=lead)
    system = Scope.system(workspace)
    person = PersonFactory(workspace=workspace, first_name=FIRST, last_name=LAST, title=TITLE)
    second = PersonFactory(workspace=workspace, first_name="Zweite", last_name="Person")
    third = PersonFactory(workspace=workspace, first_name="Dritte", last_name="Person")
    EmailAddressFactory(workspace=workspace, person=person, address=EMAIL)
    PhoneNumberFactory(workspace=workspace, person=person, number=PHONE)
    EmailAddressFactory(workspace=workspace, person=second, address=SECOND_EMAIL)
    PhoneNumberFactory(workspace=workspace, person=second, number=SECOND_PHONE)
    planted = Planted(workspace, scope, person, second, other=None)
    shared = planted.shared

    # ---- contacts
    function = FunctionFactory(workspace=workspace, person=person)
    company = function.organisation
    FunctionFactory(workspace=workspace, person=second, organisation=company)
    NoteFactory(workspace=workspace, organisation=None, person=person, text="x")
    NoteFactory(workspace=workspace, organisation=company, text="x")  # names the person below
    NoteFactory(workspace=workspace, organisation=None, person=second, text="x")
    ImportJob.objects.create(
        workspace=workspace,
        original_name="kontakte.csv",
        format="csv",
        status="completed",
        result={
            "errors": [
                {"row": 3, "column": "E-Mail", "message": f"Doppelt: {EMAIL}"},
                {"row": 4, "column": "Name", "message": f"Schon vorhanden: {FIRST} {LAST}"},
            ]
        },
    )
    upload = ImportJob.objects.create(
        workspace=workspace,
        file=ContentFile(
            f"Vorname;Nachname;Telefon\r\n{FIRST};{LAST};{PHONE}\r\n".encode(), name="k.csv"
        ),
        original_name="neu.csv",
        format="csv",
    )
    planted.erased_files.append(upload.file.name)
    unrelated_upload = ImportJob.objects.create(
        workspace=workspace,
        file=ContentFile(b"Vorname;Nachname\r\nAnke;Unbeteiligt\r\n", name="k.csv"),
        original_name="andere.csv",
        format="csv",
    )
    planted.kept_files.append(unrelated_upload.file.name)

    # ---- network: ties in both directions, recommendations in all three roles, the team
    TieFactory(workspace=workspace, source_person=person, target_person=second)
    TieFactory(workspace=workspace, source_person=third, target_person=person)
    TieFactory(
        workspace=workspace,
        kind=TieKind.ADVISES,
        source_person=person,
        target_person=None,
        target_organisation=company,
    )
    TieFactory(workspace=workspace, source_person=second, target_person=third)  # names below
    RecommendationFactory(workspace=workspace, recommender=person, recipient_person=second)
    RecommendationFactory(
        workspace=workspace,
        recommender=second,
        subject_organisation=None,
        subject_person=person,
        recipient_person=third,
    )
    RecommendationFactory(workspace=workspace, recommender=second, recipient_person=person)
    TeamMemberFactory(workspace=workspace, person=person, user=lead)
    survey, _token = survey_create(scope=system, respondent=person)
    SurveyAnswer.objects.create(
        workspace=workspace, survey=survey, organisation=company, closeness=4
    )
    survey_create(scope=system, respondent=second)
    MetricsSnapshot.objects.create(
        workspace=workspace,
        computed_at=datetime.datetime(2026, 3, 1, tzinfo=datetime.UTC),
        graph_version="1",
        month=datetime.date(2026, 3, 1),
        metrics={"nodes": {"values": {f"person:{person.pk}": [1, 2, 0.5, 0.1, 0]}}},
        health={"next_steps": {"isolates": [f"person:{person.pk}"]}},
    )
    MetricsSnapshot.objects.create(
        workspace=workspace,
        computed_at=datetime.datetime(2026, 2, 1, tzinfo=datetime.UTC),
        graph_version="0",
        month=datetime.date(2026, 2, 1),
        metrics={"network": {"nodes": 12}},
        health={"figures": {"nodes": 12}},
    )

    # ---- events: invitations, World Café, photos, presentations, programme
    event = EventFactory(workspace=workspace)
    later = EventFactory(workspace=workspace, capacity=1)
    planted.events = [event, later]
    invitation = InvitationFactory(
        workspace=workspace,
        event=event,
        person=person,
        status=InvitationStatus.REGISTERED,
        checked_in_at=event.starts_at,
    )
    InvitationFactory(
        workspace=workspace, event=later, person=person, status=InvitationStatus.WAITLISTED
    )
    second_invitation = InvitationFactory(
        workspace=workspace, event=event, person=second, status=InvitationStatus.REGISTERED
    )
    InvitationFactory(workspace=workspace, event=later, person=third)
    world_cafe = WorldCafe.objects.create(workspace=workspace, event=event)
    table = CafeTable.objects.create(
        workspace=workspace, world_cafe=world_cafe, number=1, capacity=4, host=invitation
    )
    shared.add((CafeTable, table.pk))
    topic = Topic.objects.create(
        workspace=workspace, world_cafe=world_cafe, title="Fachkräfte", proposed_by=person
    )
    shared.add((Topic, topic.pk))
    invitation.topic_wishes.add(topic)
    pair = sorted([invitation, second_invitation], key=lambda i: i.pk)
    KeepApart.objects.create(
        workspace=workspace, world_cafe=world_cafe, first=pair[0], second=pair[1]
    )
    table_round = TableRound.objects.create(workspace=workspace, table=table, round=1, topic=topic)
    table_round.participants.set([invitation, second_invitation])
    shared.add((TableRound, table_round.pk))
    [photo] = photos_upload(
        scope=system, event=event, files=[ContentFile(jpeg(), name="p.jpg")], people=[person]
    )
    planted.erased_files += [photo.image.name, photo.thumbnail.name]
    [group_photo] = photos_upload(
        scope=system, event=event, files=[ContentFile(jpeg(), name="g.jpg")], people=[second]
    )
    planted.kept_files += [group_photo.image.name, group_photo.thumbnail.name]
    programme_item = ProgrammeItemFactory(workspace=workspace, event=event)
    programme_item.speakers.set([person, second])
    shared.add((ProgrammeItem, programme_item.pk))
    talk = Presentation.objects.create(
        workspace=workspace,
        event=event,
        programme_item=programme_item,
        title="Vortrag",
        speaker=person,
        file=ContentFile(f"%PDF-1.4 {MARK}Folien\n%%EOF\n".encode(), name="folien.pdf"),
    )
    planted.erased_files.append(talk.file.name)
    other_talk = Presentation.objects.create(
        workspace=workspace,
        event=event,
        title="Anderer Vortrag",
        speaker=second,
        file=ContentFile(b"%PDF-1.4 andere\n%%EOF\n", name="andere.pdf"),
    )
    planted.kept_files.append(other_talk.file.name)

    # ---- acquisition: approaches as contact and introducer, activities, dossiers
    need = NeedFactory(workspace=workspace)
    measure = MeasureFactory(workspace=workspace, needs=[need])
    project = measure.project
    approach = acquisition_services.approach_create(
        scope=system, project=project, organisation=company, contact_person=person
    )
    shared.add((Approach, approach.pk))
    other_company = OrganisationFactory(workspace=workspace)
    introduced = acquisition_services.approach_create(
        scope=system, project=project, organisation=other_company, introducer=person
    )
    shared.add((Approach, introduced.pk))
    activity = Activity.objects.create(
        workspace=workspace,
        project=project,
        organisation=company,
        kind="meeting",
        occurred_on=datetime.date(2026, 2, 10),
    )
    activity.participants.set([person, second])
    shared.add((Activity, activity.pk))
    dossier, _created = acquisition_services.dossier_open(
        scope=system, project=project, organisation=company
    )
    acquisition_services.decision_maker_add(
        scope=system, dossier=dossier, person=person, role="decider"
    )
    acquisition_services.decision_maker_add(
        scope=system, dossier=dossier, person=second, role="influencer"
    )
    acquisition_services.research_note_add(scope=system, dossier=dossier, text="x", source="x")
    acquisition_services.identified_need_add(scope=system, dossier=dossier, need=need)
    acquisition_services.benefit_template_create(
        scope=system, project=project, name="Vorlage", text="x {firma}"
    )

    # ---- steering: membership, handovers, meetings, action items, coordination
    network = Network.objects.create(
        workspace=workspace, name="Arbeitgeberkreis", successor_coordinator=person
    )
    shared.add((Network, network.pk))
    member = NetworkMember.objects.create(workspace=workspace, network=network, person=person)
    network_topic = NetworkTopic.objects.create(workspace=workspace, network=network, name="Thema")
    TopicInterest.objects.create(workspace=workspace, topic=network_topic, member=member, level=2)
    Handover.objects.create(workspace=workspace, network=network, staff=person, member=second)
    successor_handover = Handover.objects.create(
        workspace=workspace, network=network, staff=third, member=second, successor=person
    )
    shared.add((Handover, successor_handover.pk))
    meeting = Meeting.objects.create(
        workspace=workspace,
        network=network,
        event=event,
        title="Treffen",
        held_on=datetime.date(2026, 2, 3),
    )
    meeting.attendees.set([person, second])
    shared.add((Meeting, meeting.pk))
    Decision.objects.create(workspace=workspace, meeting=meeting, text="x")
    action_item = ActionItem.objects.create(
        workspace=workspace, network=network, meeting=meeting, title="Anrufen", owner=person
    )
    shared.add((ActionItem, action_item.pk))
    goal = Goal.objects.create(workspace=workspace, network=network, title="Ziel", target_value=5)
    ProgressEntry.objects.create(
        workspace=workspace, goal=goal, recorded_on=datetime.date(2026, 1, 5), value=1
    )

    # ---- data protection
    Consent.objects.create(
        workspace=workspace, person=person, purpose="x", given_on=datetime.date(2026, 1, 2)
    )
    Consent.objects.create(
        workspace=workspace, person=second, purpose="x", given_on=datetime.date(2026, 1, 2)
    )

    _fill_records_about(planted)
    _fill_other_texts(planted)
    planted.other = _plant_other(workspace)
    return planted


def records_about(person_pk: int) -> dict[type[models.Model], list[int]]:
    """Per subject model (from the registry), the pks of the records about the person,
    by the subject lookups alone (independent of privacy.subjects)."""
    found = {}
    for model, classification in registry().items():
        if not classification.subjects:
            continue
        condition = models.Q()
        for lookup in classification.subjects:
            condition |= models.Q(**{lookup: person_pk})
        found[model] = sorted(set(model.objects.filter(condition).values_list("pk", flat=True)))
    return found


def _fill_records_about(planted: Planted) -> None:
    """Every personal and free-text field of every record about the person: a marker of
    its own, or (in records erasure keeps) a text that names the person."""
    counter = itertools.count(1)
    mentions = itertools.cycle(MENTIONS)
    for model, pks in records_about(planted.person.pk).items():
        classification = registry()[model]
        fields = text_fields(model, [*classification.personal, *classification.free_text])
        for pk in pks:
            values = {}
            for model_field in fields:
                if model is Person and model_field.name in ("first_name", "last_name", "title"):
                    continue  # the names are markers already
                if (model, pk) in planted.shared:
                    if model_field.max_length is None or model_field.max_length >= 120:
                        values[model_field.name] = next(mentions)
                    continue
                if model in (EmailAddress, PhoneNumber):
                    continue  # EMAIL and PHONE themselves (EMAIL holds the marker)
                marker = f"{MARK}{next(counter):03d}"
                values[model_field.name] = marker
                planted.markers[(model._meta.label, pk, model_field.name)] = marker
            model.objects.filter(pk=pk).update(**values)


def _fill_other_texts(planted: Planted) -> None:
    """Every free text of every other record in the workspace names the person, and so do
    personal texts about others (another person's notes, a consent's source)."""
    about = {(model, pk) for model, pks in records_about(planted.person.pk).items() for pk in pks}
    mentions = itertools.cycle(MENTIONS)
    for model, classification in registry().items():
        if not classification.free_text or not _tenant(model):
            continue
        fields = [
            f
            for f in text_fields(model, classification.free_text)
            if f.max_length is None or f.max_length >= 120
        ]
        for pk in model.objects.filter(workspace=planted.workspace).values_list("pk", flat=True):
            if (model, pk) in about or not fields:
                continue
            model.objects.filter(pk=pk).update(**{f.name: next(mentions) for f in fields})
    Person.objects.filter(pk=planted.second.pk).update(notes=MENTIONS[0])
    Consent.objects.filter(person=planted.second).update(source=MENTIONS[1])
    Note.objects.filter(person=planted.second).update(text=MENTIONS[2])


def _tenant(model) -> bool:
    return any(f.name == "workspace" for f in model._meta.concrete_fields)


def _plant_other(workspace: Workspace) -> Person:
    """A person linked to nobody, with markers of their own."""
    other = PersonFactory(
        workspace=workspace,
        first_name=f"{OTHER_MARK}Vorname",
        last_name=f"{OTHER_MARK}Nachname",
        notes=f"{OTHER_MARK} Notiz",
    )
    EmailAddressFactory(workspace=workspace, person=other, address="othermark@example.org")
    PhoneNumberFactory(workspace=workspace, person=other, number="05371 555666")
    FunctionFactory(workspace=workspace, person=other, role=f"{OTHER_MARK}Rolle")
    NoteFactory(workspace=workspace, organisation=None, person=other, text=f"{OTHER_MARK} Text")
    Consent.objects.create(
        workspace=workspace,
        person=other,
        purpose=f"{OTHER_MARK} Zweck",
        source=f"{OTHER_MARK} Quelle",
        given_on=datetime.date(2026, 1, 2),
    )
    return other
