"""One of every tenant object in a workspace, for the tests that walk every page and operation.

The tenant isolation tests plant it in another workspace (nothing of it may show), the role
matrix and the partner field tests plant it in the own workspace as well.
"""

import datetime
import hashlib
import io

from django.core.files.base import ContentFile
from PIL import Image

from netzwerkstatt.acquisition import services as acquisition_services
from netzwerkstatt.acquisition.models import (
    CalendarFeed,
)
from netzwerkstatt.contacts.models import ImportJob
from netzwerkstatt.core.models import Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.documentation.photos import photos_upload
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import (
    CafeTable,
    Presentation,
    TableRound,
    Topic,
    WorldCafe,
)
from netzwerkstatt.network.models import (
    SurveyAnswer,
)
from netzwerkstatt.network.surveys import survey_create
from netzwerkstatt.privacy.models import Consent
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
    ActivityFactory,
    EmailAddressFactory,
    EventFactory,
    FunctionFactory,
    InvitationFactory,
    MeasureFactory,
    MembershipFactory,
    NeedFactory,
    NoteFactory,
    PhoneNumberFactory,
    ProgrammeItemFactory,
    RecommendationFactory,
    TagFactory,
    TeamMemberFactory,
    TieFactory,
)


def plant_everything(workspace: Workspace, marker: str) -> dict:
    """One of every tenant object in the workspace, each carrying the marker in its text.

    Returns the objects by kind (the keys route tables refer to) and, under "tokens", the
    raw tokens of the public pages (survey, registration, report, calendar feed).
    """
    tokens = {}
    function = FunctionFactory(
        workspace=workspace,
        person__last_name=f"{marker}Person",
        organisation__name=f"{marker} GmbH",
        role=f"{marker}Rolle",
    )
    EmailAddressFactory(
        person=function.person,
        workspace=workspace,
        address=f"{marker.lower()}@{workspace.slug}.example",
    )
    PhoneNumberFactory(person=function.person, workspace=workspace)
    tag = TagFactory(workspace=workspace, name=f"{marker}Tag")
    function.organisation.tags.add(tag)
    note = NoteFactory(
        workspace=workspace, organisation=function.organisation, text=f"{marker} Notiz"
    )
    import_job = ImportJob.objects.create(
        workspace=workspace,
        file=ContentFile(f"Vorname;Nachname\r\nAnke;{marker}\r\n".encode(), name="kontakte.csv"),
        original_name=f"{marker}.csv",
        format="csv",
    )
    tie = TieFactory(workspace=workspace, source_person=function.person, note=f"{marker} Beziehung")
    recommendation = RecommendationFactory(
        workspace=workspace, recommender=function.person, purpose=f"{marker} Zweck"
    )
    team_member = TeamMemberFactory(workspace=workspace, person=tie.target_person)
    survey, tokens["survey"] = survey_create(
        scope=Scope.system(workspace), respondent=function.person
    )
    survey_answer = SurveyAnswer.objects.create(
        workspace=workspace, survey=survey, organisation_name=f"{marker} AG", closeness=3
    )
    tokens["report"] = f"{workspace.slug}-bericht-token"
    event = EventFactory(
        workspace=workspace,
        title=f"{marker} Workshop",
        report_published=True,
        report_token=tokens["report"],
    )
    tokens["registration"] = f"{workspace.slug}-anmeldung-token"
    invitation = InvitationFactory(
        workspace=workspace,
        event=event,
        person=function.person,
        dietary_notes=marker,
        token=tokens["registration"],
        status=InvitationStatus.REGISTERED,
        photo_consent=True,
    )
    world_cafe = WorldCafe.objects.create(workspace=workspace, event=event)
    table = CafeTable.objects.create(
        workspace=workspace, world_cafe=world_cafe, number=1, capacity=4
    )
    topic = Topic.objects.create(workspace=workspace, world_cafe=world_cafe, title=marker)
    table_round = TableRound.objects.create(
        workspace=workspace, table=table, round=1, topic=topic, key_points=marker
    )
    [photo] = photos_upload(
        scope=Scope.system(workspace),
        event=event,
        files=[ContentFile(_jpeg(), name="foto.jpg")],
        caption=marker,
        people=[function.person],
    )
    presentation = Presentation.objects.create(
        workspace=workspace,
        event=event,
        title=marker,
        file=ContentFile(b"%PDF-1.4\n%%EOF\n", name="folien.pdf"),
    )
    need = NeedFactory(workspace=workspace, name=f"{marker}Bedarf", description=marker)
    measure = MeasureFactory(
        workspace=workspace,
        project__name=f"{marker}Projekt",
        name=f"{marker} Demografie-Check",
        target_group=marker,
        needs=[need],
    )
    system = Scope.system(workspace)
    approach = acquisition_services.approach_create(
        scope=system,
        project=measure.project,
        organisation=function.organisation,
        next_step=marker,
        benefit_statement=marker,
    )
    agreement = acquisition_services.approach_measure_agree(
        scope=system, approach=approach, measure=measure
    )
    dossier, _created = acquisition_services.dossier_open(
        scope=system, project=measure.project, organisation=function.organisation
    )
    acquisition_services.dossier_update(
        scope=system, dossier=dossier, situation=marker, recent_events=marker
    )
    research_note = acquisition_services.research_note_add(
        scope=system, dossier=dossier, text=marker, source=marker
    )
    identified_need = acquisition_services.identified_need_add(
        scope=system, dossier=dossier, need=need, evidence=marker
    )
    decision_maker = acquisition_services.decision_maker_add(
        scope=system, dossier=dossier, person=function.person, role="decider", note=marker
    )
    benefit_template = acquisition_services.benefit_template_create(
        scope=system, project=measure.project, name=marker, text=f"{marker} {{firma}}"
    )
    # A follow-up in a user's calendar feed: no token but its own opens it.
    tokens["calendar_feed"] = f"{workspace.slug}-geheimer-token"
    feed_user = MembershipFactory(workspace=workspace).user
    activity = ActivityFactory(
        workspace=workspace,
        project=measure.project,
        organisation=function.organisation,
        summary=marker,
        outcome=marker,
        follow_up_on=datetime.date.today(),
        follow_up_by=feed_user,
    )
    activity.participants.set([function.person])
    CalendarFeed.objects.create(
        workspace=workspace,
        user=feed_user,
        token_hash=hashlib.sha256(tokens["calendar_feed"].encode()).hexdigest(),
    )
    network = Network.objects.create(
        workspace=workspace,
        name=f"{marker} Netzwerk",
        successor_coordinator=function.person,
        handover_plan=marker,
    )
    handover = Handover.objects.create(
        workspace=workspace,
        network=network,
        staff=team_member.person,
        member=function.person,
        note=marker,
    )
    goal = Goal.objects.create(
        workspace=workspace,
        network=network,
        title=f"{marker} Ziel",
        description=marker,
        target_value=10,
    )
    progress_entry = ProgressEntry.objects.create(
        workspace=workspace,
        goal=goal,
        recorded_on=datetime.date(2026, 1, 5),
        value=3,
        note=marker,
    )
    network_member = NetworkMember.objects.create(
        workspace=workspace, network=network, organisation=function.organisation
    )
    network_topic = NetworkTopic.objects.create(
        workspace=workspace, network=network, name=f"{marker} Thema", description=marker
    )
    TopicInterest.objects.create(
        workspace=workspace, topic=network_topic, member=network_member, level=2
    )
    meeting = Meeting.objects.create(
        workspace=workspace,
        network=network,
        event=event,
        title=f"{marker} Treffen",
        held_on=datetime.date(2026, 2, 3),
        agenda=marker,
        minutes=marker,
    )
    meeting.attendees.set([function.person])
    decision = Decision.objects.create(workspace=workspace, meeting=meeting, text=marker)
    # Due today and owned by a team person with a login: on that user's "Heute" page only.
    team_member.user = feed_user
    team_member.save()
    action_item = ActionItem.objects.create(
        workspace=workspace,
        network=network,
        meeting=meeting,
        title=f"{marker} Aufgabe",
        description=marker,
        owner=team_member.person,
        due_on=datetime.date.today(),
    )
    consent = Consent.objects.create(
        workspace=workspace,
        person=function.person,
        purpose=f"{marker} Zweck",
        given_on=datetime.date(2026, 1, 5),
        source=marker,
    )
    return {
        "tokens": tokens,
        "consent": consent,
        "meeting": meeting,
        "decision": decision,
        "action_item": action_item,
        "network": network,
        "network_member": network_member,
        "network_topic": network_topic,
        "goal": goal,
        "progress_entry": progress_entry,
        "handover": handover,
        "activity": activity,
        "approach": approach,
        "agreement": agreement,
        "dossier": dossier,
        "research_note": research_note,
        "identified_need": identified_need,
        "decision_maker": decision_maker,
        "benefit_template": benefit_template,
        "stage": approach.stage,
        "organisation": function.organisation,
        "person": function.person,
        "note": note,
        "import_job": import_job,
        "event": event,
        "programme_item": ProgrammeItemFactory(workspace=workspace, event=event, title=marker),
        "invitation": invitation,
        "photo": photo,
        "presentation": presentation,
        "topic": topic,
        "table_round": table_round,
        "tie": tie,
        "recommendation": recommendation,
        "team_member": team_member,
        "survey": survey,
        "survey_answer": survey_answer,
        "need": need,
        "measure": measure,
        "project": measure.project,
    }


def _jpeg() -> bytes:
    output = io.BytesIO()
    Image.new("RGB", (20, 10), "red").save(output, "JPEG")
    return output.getvalue()
