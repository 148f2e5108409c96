"""No page shows, changes or deletes another workspace's data.

The test enumerates every URL pattern, so a new page is covered the day it is
added: a pattern that takes an object id must have an entry in FOREIGN_OBJECT,
or the test fails and says which.
"""

import pytest

from netzwerkstatt.acquisition.models import (
    Activity,
    Approach,
    ApproachMeasure,
    BenefitTemplate,
    CalendarFeed,
    DecisionMaker,
    Dossier,
    IdentifiedNeed,
    Measure,
    Need,
    ResearchNote,
    Stage,
    StageChange,
)
from netzwerkstatt.contacts.models import Note, Organisation, Person
from netzwerkstatt.events.models import (
    CafeTable,
    Event,
    Invitation,
    Photo,
    Presentation,
    ProgrammeItem,
    TableRound,
    Topic,
    WorldCafe,
)
from netzwerkstatt.network.models import (
    Recommendation,
    Survey,
    SurveyAnswer,
    TeamMember,
    Tie,
)
from netzwerkstatt.privacy.models import Consent, RetentionPolicy, RetentionRun
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
from tests.planted import plant_everything
from tests.routes import fill_route, route_arguments, url_patterns

MARKER = "FREMDMARKER"

# Pages of one event: their id is the event's.
EVENT_ROUTES = (
    "events:event_detail", "events:event_update", "events:event_delete", "events:event_ics",
    "events:event_attendance_ties", "events:event_programme", "events:programme_item_create",
    "events:event_participants", "events:participants_export", "events:participants_pdf",
    "events:invitation_add", "events:invitation_links", "events:checkin",
    "events:event_documentation", "events:photo_upload", "events:presentation_upload",
    "events:report_settings", "events:report_token_renew", "events:report_preview",
    "events:report_preview_pdf", "events:world_cafe", "events:world_cafe_settings",
    "events:world_cafe_topic_create", "events:world_cafe_topics_deal",
    "events:world_cafe_topic_grid", "events:world_cafe_keep_apart", "events:world_cafe_wishes",
    "events:world_cafe_plan", "events:world_cafe_swap", "events:world_cafe_results",
    "events:world_cafe_table_plan_pdf", "events:world_cafe_schedule_cards_pdf",
    "events:world_cafe_badges_pdf", "events:world_cafe_topic_signs_pdf",
)  # fmt: skip
# Public pages that take a token instead of an id: an unknown token must reveal nothing.
TOKEN_ROUTES = (
    "network:survey_respond", "network:survey_suggestions", "events:registration",
    "events:registration_cancel", "events:registration_event_ics",
    "events:registration_personal_ics", "events:report", "events:report_pdf",
    "events:report_photo", "events:report_thumbnail", "events:report_presentation",
    "acquisition:calendar_feed_ics",
)  # fmt: skip

# Pages of one approach (a company in a project's pipeline): their id is the approach's.
APPROACH_ROUTES = (
    "acquisition:approach_detail", "acquisition:approach_update", "acquisition:approach_move",
    "acquisition:approach_delete", "acquisition:agreement_create",
)  # fmt: skip

# Pages and sections of one company dossier: their id is the dossier's.
DOSSIER_ROUTES = (
    "acquisition:dossier_detail", "acquisition:dossier_update",
    "acquisition:research_note_create", "acquisition:identified_need_create",
    "acquisition:decision_maker_create",
)  # fmt: skip

# Pages and sections of one network's sustainability and handover: their id is the network's.
HANDOVER_ROUTES = (
    "steering:network_handover", "steering:network_handover_plan", "steering:handover_save",
    "steering:introduction_create",
)  # fmt: skip

# A network's goals and its steering dashboard: their id is the network's.
NETWORK_GOAL_ROUTES = (
    "steering:goal_list", "steering:goal_create", "steering:goals_xlsx",
    "steering:network_dashboard",
)  # fmt: skip
# Pages of one goal: their id is the goal's.
GOAL_ROUTES = (
    "steering:goal_detail", "steering:goal_update", "steering:goal_delete",
    "steering:progress_entry_create",
)  # fmt: skip

# A network's own pages (members, topics, the matrix): their id is the network's.
NETWORK_ROUTES = (
    "steering:network_detail", "steering:network_update", "steering:network_delete",
    "steering:member_create", "steering:network_matrix", "steering:topic_create",
)  # fmt: skip

# A network's meetings and minutes PDF: their id is the network's.
NETWORK_MEETING_ROUTES = (
    "steering:meeting_list", "steering:meeting_create", "steering:minutes_pdf",
)  # fmt: skip
# Pages and sections of one meeting: their id is the meeting's.
MEETING_ROUTES = (
    "steering:meeting_detail", "steering:meeting_update", "steering:meeting_delete",
    "steering:meeting_attendance_from_event", "steering:decision_create",
    "steering:meeting_action_create",
)  # fmt: skip

# A person's data-protection pages (access export, erasure): their id is the person's.
SUBJECT_ROUTES = (
    "privacy:subject_overview", "privacy:subject_export_json", "privacy:subject_export_zip",
    "privacy:subject_export_pdf", "privacy:subject_erase",
)  # fmt: skip

# URL name → which of the foreign workspace's objects its id refers to.
FOREIGN_OBJECT = {
    "contacts:organisation_detail": "organisation",
    "contacts:organisation_update": "organisation",
    "contacts:organisation_delete": "organisation",
    "contacts:organisation_note_create": "organisation",
    "contacts:person_detail": "person",
    "contacts:person_update": "person",
    "contacts:person_delete": "person",
    "contacts:person_note_create": "person",
    "contacts:note_delete": "note",
    "contacts:import_review": "import_job",
    "contacts:import_result": "import_job",
    "network:tie_update": "tie",
    "network:tie_delete": "tie",
    "network:recommendation_outcome": "recommendation",
    "network:recommendation_delete": "recommendation",
    "network:team_member_update": "team_member",
    "network:team_member_remove": "team_member",
    "network:survey_detail": "survey",
    "network:survey_link_renew": "survey",
    "network:survey_accept_all": "survey",
    "network:survey_answer_accept": "survey_answer",
    "network:survey_answer_reject": "survey_answer",
    "network:warm_paths_person": "person",
    "network:warm_paths_organisation": "organisation",
    **dict.fromkeys(SUBJECT_ROUTES, "person"),
    **dict.fromkeys(EVENT_ROUTES, "event"),
    "events:programme_item_update": "programme_item",
    "events:programme_item_delete": "programme_item",
    "events:invitation_update": "invitation",
    "events:invitation_link_renew": "invitation",
    "events:invitation_delete": "invitation",
    "events:invitation_check_in": "invitation",
    "events:photo_update": "photo",
    "events:photo_delete": "photo",
    "events:photo_image": "photo",
    "events:photo_thumbnail": "photo",
    "events:report_photo": "photo",
    "events:report_thumbnail": "photo",
    "events:presentation_update": "presentation",
    "events:presentation_delete": "presentation",
    "events:presentation_file": "presentation",
    "events:report_presentation": "presentation",
    "events:world_cafe_topic_update": "topic",
    "events:world_cafe_topic_delete": "topic",
    "events:world_cafe_result": "table_round",
    "acquisition:measure_detail": "measure",
    "acquisition:measure_update": "measure",
    "acquisition:measure_delete": "measure",
    "acquisition:need_row": "need",
    "acquisition:need_update": "need",
    "acquisition:need_delete": "need",
    "acquisition:activity_list": "organisation",
    "acquisition:activity_create": "organisation",
    "acquisition:activity_update": "activity",
    "acquisition:activity_delete": "activity",
    "acquisition:follow_up_done": "activity",
    **dict.fromkeys(APPROACH_ROUTES, "approach"),
    "acquisition:agreement_update": "agreement",
    "acquisition:agreement_delivered": "agreement",
    "acquisition:agreement_delete": "agreement",
    "acquisition:stage_update": "stage",
    "acquisition:stage_shift": "stage",
    "acquisition:stage_delete": "stage",
    "acquisition:dossier_open": "organisation",
    **dict.fromkeys(DOSSIER_ROUTES, "dossier"),
    "acquisition:research_note_delete": "research_note",
    "acquisition:identified_need_delete": "identified_need",
    "acquisition:decision_maker_delete": "decision_maker",
    "acquisition:benefit_template_update": "benefit_template",
    "acquisition:benefit_template_delete": "benefit_template",
    "acquisition:approach_benefit_block": "approach",
    **dict.fromkeys(NETWORK_ROUTES, "network"),
    **dict.fromkeys(NETWORK_MEETING_ROUTES, "network"),
    **dict.fromkeys(MEETING_ROUTES, "meeting"),
    "steering:decision_delete": "decision",
    "steering:action_update": "action_item",
    "steering:action_delete": "action_item",
    "steering:action_status": "action_item",
    "steering:member_update": "network_member",
    "steering:member_delete": "network_member",
    "steering:member_interests": "network_member",
    "steering:topic_update": "network_topic",
    "steering:topic_delete": "network_topic",
    **dict.fromkeys(HANDOVER_ROUTES, "network"),
    "steering:handover_done": "handover",
    "steering:handover_delete": "handover",
    **dict.fromkeys(NETWORK_GOAL_ROUTES, "network"),
    **dict.fromkeys(GOAL_ROUTES, "goal"),
    "steering:progress_entry_delete": "progress_entry",
    "privacy:consent_create": "person",
    "privacy:consent_withdraw": "consent",
}
# Namespaces that are not tenant pages: Django's admin is for operators (staff users) only.
NOT_TENANT_PAGES = {"admin"}
# Views that take no object but a fixed argument.
FIXED_ARGUMENTS = {
    "contacts:organisation_export": {"file_format": "csv"},
    "contacts:person_export": {"file_format": "csv"},
    "network:graph_export": {"file_format": "gexf"},
    **{name: {"token": "unbekannt"} for name in TOKEN_ROUTES},
}


def tenant_routes():
    routes = []
    for name, route, pattern in url_patterns():
        if name is None or name.split(":")[0] in NOT_TENANT_PAGES or route.startswith("api/"):
            continue
        routes.append(pytest.param(name, route, pattern, id=name))
    return routes


@pytest.fixture
def foreign(other_workspace):
    """One of everything in the other workspace, each carrying the marker in its text."""
    return plant_everything(other_workspace, MARKER)


TENANT_MODELS = (
    Organisation,
    Person,
    Note,
    Tie,
    Recommendation,
    TeamMember,
    Survey,
    SurveyAnswer,
    Event,
    ProgrammeItem,
    Invitation,
    WorldCafe,
    CafeTable,
    Topic,
    TableRound,
    Photo,
    Presentation,
    Need,
    Measure,
    Activity,
    CalendarFeed,
    Stage,
    Approach,
    StageChange,
    ApproachMeasure,
    Dossier,
    ResearchNote,
    IdentifiedNeed,
    DecisionMaker,
    BenefitTemplate,
    Network,
    NetworkMember,
    NetworkTopic,
    TopicInterest,
    Handover,
    Goal,
    ProgressEntry,
    Meeting,
    Decision,
    ActionItem,
    Consent,
    RetentionPolicy,
    RetentionRun,
)


def _state(workspace) -> dict:
    """Every row of the workspace's data, to prove a request changed none of them."""
    return {
        model.__name__: sorted(map(repr, model.objects.filter(workspace=workspace).values()))
        for model in TENANT_MODELS
    }


@pytest.mark.parametrize(("name", "route", "pattern"), tenant_routes())
def test_route_never_reveals_or_changes_foreign_data(client, lead, foreign, name, route, pattern):
    client.force_login(lead)
    arguments = route_arguments(pattern)
    arguments -= set(FIXED_ARGUMENTS.get(name, {}))
    if arguments:
        assert name in FOREIGN_OBJECT, f"{name} takes {arguments}: add it to FOREIGN_OBJECT"
        values = dict.fromkeys(arguments, foreign[FOREIGN_OBJECT[name]].pk)
    else:
        values = {}
    path = fill_route(route, values | FIXED_ARGUMENTS.get(name, {}))

    before = _state(foreign["person"].workspace)
    responses = [
        client.get(path, {"search": MARKER[:8].lower(), "q": MARKER[:8].lower()}),
        client.post(path, {"text": "übernommen", "name": "übernommen", "last_name": "x"}),
    ]

    for response in responses:
        if arguments:
            assert response.status_code in {404, 405}, f"{path}: {response.status_code}"
        body = b"".join(response.streaming_content) if response.streaming else response.content
        assert MARKER.lower() not in body.decode("utf-8", "replace").lower(), path
    assert _state(foreign["person"].workspace) == before, path


def test_admin_is_closed_to_workspace_members(client, lead):
    client.force_login(lead)

    response = client.get("/admin/")

    assert response.status_code == 302
    assert "/admin/login/" in response.url
