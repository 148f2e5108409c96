"""The demo's past event as `load-demo` writes it, loaded once for this module."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry, User, Workspace
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.demo.events import content
from netzwerkstatt.demo.loader import DEMO_WORKSPACE_SLUG
from netzwerkstatt.demo.specs import REFERENCE_DATE
from netzwerkstatt.demo.users import DEMO_USERS
from netzwerkstatt.events.documentation.presentations import is_pdf
from netzwerkstatt.events.documentation.report import public_photos
from netzwerkstatt.events.enums import EventKind, InvitationStatus
from netzwerkstatt.events.models import Event, Invitation, Photo, Presentation, TableRound
from netzwerkstatt.events.tableplanner import violations
from netzwerkstatt.events.worldcafe import selectors as cafe_selectors
from netzwerkstatt.events.worldcafe.services import stored_seating
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import Tie

pytestmark = pytest.mark.django_db
PARTICIPANTS = 25


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load-demo", stdout=StringIO())
        workspace = Workspace.objects.get(slug=DEMO_WORKSPACE_SLUG)
    yield Scope.system(workspace)
    with django_db_blocker.unblock():
        workspace.delete()
        User.objects.filter(email__in=[user.email for user in DEMO_USERS]).delete()


@pytest.fixture
def event(demo) -> Event:
    return demo.objects(Event).get(kind=EventKind.REFLECTION_WORKSHOP)


@pytest.fixture
def world_cafe(demo, event):
    return cafe_selectors.world_cafe_of(scope=demo, event=event)


def test_demo_event_is_a_past_reflection_workshop_with_a_programme(event):
    items = list(event.programme.prefetch_related("speakers"))

    assert event.title == content.TITLE
    assert timezone.localdate(event.ends_at) < REFERENCE_DATE
    assert len(items) >= 4
    for item in items:
        assert event.starts_at <= item.starts_at < item.ends_at <= event.ends_at
        assert item.room
        assert item.speakers.all()


def test_demo_event_has_25_checked_in_participants_of_mixed_kinds(demo, event):
    invitations = demo.objects(Invitation).filter(event=event)
    participants = cafe_selectors.world_cafe_participants(scope=demo, event=event)

    assert invitations.count() == PARTICIPANTS
    assert set(invitations.values_list("status", flat=True)) == {InvitationStatus.REGISTERED}
    assert all(invitation.attended for invitation in invitations)
    assert len({participant.organisation_kind for participant in participants}) >= 5
    assert 20 <= invitations.filter(photo_consent=True).count() < PARTICIPANTS


def test_demo_world_cafe_plan_keeps_colleagues_apart(demo, world_cafe):
    tables = cafe_selectors.cafe_tables(scope=demo, world_cafe=world_cafe)
    rounds = list(cafe_selectors.table_rounds(scope=demo, world_cafe=world_cafe))
    seating = stored_seating(scope=demo, world_cafe=world_cafe, tables=tables, rounds=rounds)
    participants = cafe_selectors.world_cafe_participants(scope=demo, event=world_cafe.event)
    problem = cafe_selectors.world_cafe_problem(
        scope=demo,
        world_cafe=world_cafe,
        participants=participants,
        rebalance=False,
        tables=tables,
        rounds=rounds,
    )

    assert world_cafe.planned_at is not None
    assert cafe_selectors.topics_of(scope=demo, world_cafe=world_cafe).count() == 3
    assert all(table.host_id for table in tables)
    for tables_of_round in seating:
        assert sorted(p for table in tables_of_round for p in table) == sorted(
            p.invitation_id for p in participants
        )
    assert violations(problem, seating) == ()
    assert world_cafe.report["quality"]["violations"] == []


def test_demo_world_cafe_has_results_at_every_table_in_every_round(demo, world_cafe):
    rounds = demo.objects(TableRound).filter(table__world_cafe=world_cafe)

    assert rounds.count() == content.ROUNDS * len(content.HOSTS)
    assert not rounds.filter(key_points="").exists()
    assert not rounds.filter(topic=None).exists()


def test_demo_event_has_public_photos_a_flip_chart_and_a_withheld_one(demo, event):
    public = public_photos(event=event)

    assert any(photo.table_round_id is None for photo in public)
    assert any(photo.table_round_id is not None for photo in public)
    assert demo.objects(Photo).filter(event=event).count() == len(public) + 1


def test_demo_event_has_a_presentation_by_its_speaker(demo, event):
    presentation = demo.objects(Presentation).filter(event=event).first()

    assert presentation.public
    assert presentation.speaker in presentation.programme_item.speakers.all()
    with presentation.file.open("rb") as pdf:
        assert is_pdf(pdf.read())


def test_demo_event_adds_no_ties_to_the_network_the_health_history_was_computed_from(demo, event):
    counts = demo.objects(ActivityEntry).get(action=Action.IMPORTED).details["counts"]

    assert not demo.objects(Tie).filter(kind=TieKind.MET_AT_EVENT, purpose=event.title).exists()
    assert demo.objects(Tie).count() == counts["ties"]
    assert counts["event_participants"] == PARTICIPANTS


def test_demo_report_is_published_and_complete_without_login(client, demo, event):
    token = event.report_token
    photo = next(photo for photo in public_photos(event=event) if photo.table_round_id)
    presentation = demo.objects(Presentation).filter(event=event).first()

    response = client.get(reverse("events:report", args=[token]))

    assert response.status_code == 200
    page = response.content.decode()
    assert event.title in page
    for item in event.programme.all():
        assert item.title in page
    for topic in content.TOPICS:
        assert topic.title in page
        assert topic.key_points[0][0] in page
    assert reverse("events:report_thumbnail", args=[token, photo.pk]) in page
    assert reverse("events:report_presentation", args=[token, presentation.pk]) in page
