"""The World-Café pages: planning, swaps, wishes, results, printouts; roles and other workspaces."""

import io
import shutil
import subprocess

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image

from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.events.documentation.photos import photos_upload
from netzwerkstatt.events.models import CafeTable, TableRound, Topic, WorldCafe
from netzwerkstatt.events.worldcafe import services
from tests.factories import EventFactory, InvitationFactory

from .conftest import register
from .test_plan import TOPICS, set_up, stored

EVENT_VIEWS = [
    ("world_cafe", "get"),
    ("world_cafe_settings", "post"),
    ("world_cafe_topic_create", "post"),
    ("world_cafe_topics_deal", "post"),
    ("world_cafe_topic_grid", "post"),
    ("world_cafe_keep_apart", "post"),
    ("world_cafe_wishes", "get"),
    ("world_cafe_wishes", "post"),
    ("world_cafe_plan", "post"),
    ("world_cafe_swap", "post"),
    ("world_cafe_results", "get"),
    ("world_cafe_table_plan_pdf", "get"),
    ("world_cafe_schedule_cards_pdf", "get"),
    ("world_cafe_badges_pdf", "get"),
    ("world_cafe_topic_signs_pdf", "get"),
]
TOPIC_VIEWS = [("world_cafe_topic_update", "get"), ("world_cafe_topic_delete", "post")]
TABLE_ROUND_VIEWS = [("world_cafe_result", "post")]


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    client.cookies["django_language"] = "en"
    return client


@pytest.fixture
def planned(lead_scope, event, participants):
    """Four tables of three for three rounds: nobody needs to meet twice, so planning is quick."""
    world_cafe = set_up(lead_scope, event, tables=4)
    services.world_cafe_plan(scope=lead_scope, world_cafe=world_cafe)
    world_cafe.refresh_from_db()
    return world_cafe


@pytest.fixture
def foreign(other_workspace):
    """A planned World Café of another workspace."""
    scope = Scope.system(other_workspace)
    event = EventFactory(workspace=other_workspace, title="FREMDMARKER Workshop")
    for _ in range(4):
        register(event, last_name="FREMDMARKER")
    world_cafe = set_up(scope, event, tables=2, rounds=1)
    services.world_cafe_plan(scope=scope, world_cafe=world_cafe)
    return {
        "event": event,
        "topic": Topic.objects.filter(world_cafe=world_cafe).first(),
        "table_round": TableRound.objects.filter(table__world_cafe=world_cafe).first(),
        "world_cafe": world_cafe,
    }


def url(name, pk):
    return reverse(f"events:{name}", args=[pk])


# ------------------------------------------------------------------------------ access


@pytest.mark.parametrize(("name", "method"), EVENT_VIEWS)
def test_foreign_event_is_not_found(lead_client, foreign, name, method):
    before = stored(foreign["world_cafe"])

    response = getattr(lead_client, method)(url(name, foreign["event"].pk), {"rounds": 1})

    assert response.status_code == 404
    assert b"FREMDMARKER" not in response.content
    assert stored(foreign["world_cafe"]) == before


@pytest.mark.parametrize(("name", "method"), TOPIC_VIEWS)
def test_foreign_topic_is_not_found(lead_client, foreign, name, method):
    response = getattr(lead_client, method)(url(name, foreign["topic"].pk), {"title": "x"})

    assert response.status_code == 404
    assert Topic.objects.filter(pk=foreign["topic"].pk).exists()


def test_foreign_table_round_is_not_found(lead_client, foreign):
    row = foreign["table_round"]

    response = lead_client.post(url("world_cafe_result", row.pk), {"key_points": "übernommen"})

    assert response.status_code == 404
    row.refresh_from_db()
    assert row.key_points == ""


@pytest.mark.parametrize(("name", "method"), EVENT_VIEWS)
def test_partner_is_refused(client, partner, event, name, method):
    client.force_login(partner)

    response = getattr(client, method)(url(name, event.pk))

    assert response.status_code == 403


@pytest.mark.parametrize(("name", "method"), TOPIC_VIEWS + TABLE_ROUND_VIEWS)
def test_partner_is_refused_for_topics_and_results(client, partner, planned, name, method):
    client.force_login(partner)
    pk = (
        Topic.objects.filter(world_cafe=planned).first().pk
        if "topic" in name
        else TableRound.objects.filter(table__world_cafe=planned).first().pk
    )

    response = getattr(client, method)(url(name, pk))

    assert response.status_code == 403


def test_anonymous_goes_to_login(client, event):
    response = client.get(url("world_cafe", event.pk))

    assert response.status_code == 302
    assert "/anmelden/" in response["Location"]


def test_staff_may_plan(client, staff, event, participants):
    client.force_login(staff)

    response = client.post(url("world_cafe_plan", event.pk))

    assert response.status_code == 302
    assert WorldCafe.objects.get(event=event).planned_at is not None


# ------------------------------------------------------------------------------ planning page


def test_page_before_anything_is_set_up(lead_client, event, participants):
    response = lead_client.get(url("world_cafe", event.pk))

    assert response.status_code == 200
    assert not WorldCafe.objects.filter(event=event).exists()
    assert response.context["default_tables"] == 2


def test_page_shows_the_plan_and_routes(lead_client, planned, participants):
    response = lead_client.get(url("world_cafe", planned.event_id))

    page = response.context["page"]
    assert page.planned
    assert len(page.rounds) == 3
    assert len(page.routes) == 12
    assert [len(route.stops) for route in page.routes] == [3] * 12
    text = response.content.decode()
    assert participants[0].person.last_name in text
    assert TOPICS[0] in text
    assert reverse("events:world_cafe_badges_pdf", args=[planned.event_id]) in text


@pytest.mark.parametrize("name", ["world_cafe", "world_cafe_results"])
def test_page_reads_a_fixed_number_of_queries(lead_client, lead_scope, planned, event, name):
    lead_client.get(url(name, event.pk))  # the session
    with CaptureQueriesContext(connection) as twelve:
        lead_client.get(url(name, event.pk))
    for _ in range(12):
        register(event)
    services.world_cafe_plan(scope=lead_scope, world_cafe=planned)

    with CaptureQueriesContext(connection) as twenty_four:
        lead_client.get(url(name, event.pk))

    assert len(twenty_four) == len(twelve) <= 16


def test_page_warns_when_participants_changed(lead_client, planned, event, organisations):
    register(event, organisation=organisations[0])

    response = lead_client.get(url("world_cafe", event.pk))

    assert len(response.context["page"].joined_since) == 1


def test_settings_form_sets_up_tables_and_hosts(lead_client, event, participants):
    response = lead_client.post(
        url("world_cafe_settings", event.pk),
        {"rounds": 2, "round_minutes": 25, "tables_by": "size", "table_size": 4},
    )

    assert response.status_code == 302
    world_cafe = WorldCafe.objects.get(event=event)
    assert (world_cafe.rounds, world_cafe.round_minutes) == (2, 25)
    assert CafeTable.objects.filter(world_cafe=world_cafe).count() == 3

    lead_client.post(
        url("world_cafe_settings", event.pk),
        {
            "rounds": 2,
            "round_minutes": 25,
            "tables_by": "count",
            "table_count": 3,
            "host_2": participants[3].pk,
        },
    )

    assert CafeTable.objects.get(world_cafe=world_cafe, number=2).host_id == participants[3].pk


def test_settings_form_refuses_a_host_from_elsewhere(lead_client, event, participants):
    lead_client.post(
        url("world_cafe_settings", event.pk),
        {"rounds": 2, "round_minutes": 25, "tables_by": "count", "table_count": 3},
    )
    stranger = InvitationFactory(workspace=event.workspace)

    response = lead_client.post(
        url("world_cafe_settings", event.pk),
        {
            "rounds": 2,
            "round_minutes": 25,
            "tables_by": "count",
            "table_count": 3,
            "host_1": stranger.pk,
        },
    )

    assert response.status_code == 400
    assert not CafeTable.objects.filter(host=stranger).exists()


def test_settings_form_needs_a_number(lead_client, event, participants):
    response = lead_client.post(
        url("world_cafe_settings", event.pk),
        {"rounds": 2, "round_minutes": 25, "tables_by": "count"},
    )

    assert response.status_code == 400
    assert "table_count" in response.context["settings_form"].errors


def test_topics_are_added_edited_dealt_and_removed(lead_client, event, participants):
    lead_client.post(
        url("world_cafe_topic_create", event.pk),
        {
            "topic-title": "Erfolgsfaktoren der Akquise",
            "topic-votes": 9,
            "topic-proposed_by": participants[2].person_id,
        },
    )
    topic = Topic.objects.get(title="Erfolgsfaktoren der Akquise")
    assert topic.proposed_by == participants[2].person
    assert topic.votes == 9

    lead_client.post(url("world_cafe_topic_update", topic.pk), {"title": "Akquise", "votes": 10})
    topic.refresh_from_db()
    assert (topic.title, topic.votes, topic.proposed_by) == ("Akquise", 10, None)

    lead_client.post(url("world_cafe_topics_deal", event.pk), {"deal-count": 1})
    assert set(TableRound.objects.values_list("topic", flat=True)) == {topic.pk}

    lead_client.post(url("world_cafe_topic_delete", topic.pk))
    assert not Topic.objects.filter(pk=topic.pk).exists()
    assert set(TableRound.objects.values_list("topic", flat=True)) == {None}


def test_topic_proposer_must_be_a_participant(lead_client, event, participants):
    stranger = InvitationFactory(workspace=event.workspace)

    response = lead_client.post(
        url("world_cafe_topic_create", event.pk),
        {"topic-title": "X", "topic-votes": 0, "topic-proposed_by": stranger.person_id},
    )

    assert response.status_code == 400
    assert not Topic.objects.exists()


def test_topic_grid_sets_a_topic_per_table_round(lead_client, lead_scope, event, participants):
    world_cafe = set_up(lead_scope, event)
    topic = Topic.objects.get(title=TOPICS[0])
    rows = list(TableRound.objects.filter(table__world_cafe=world_cafe))
    data = {f"topic_{row.pk}": topic.pk for row in rows}
    data[f"topic_{rows[0].pk}"] = ""

    lead_client.post(url("world_cafe_topic_grid", event.pk), data)

    topics = dict(TableRound.objects.values_list("pk", "topic"))
    assert topics[rows[0].pk] is None
    assert {topics[row.pk] for row in rows[1:]} == {topic.pk}


def test_keep_apart_pairs_are_added_and_removed(lead_client, event, participants):
    first, second = participants[0].pk, participants[5].pk

    lead_client.post(
        url("world_cafe_keep_apart", event.pk), {"apart-first": first, "apart-second": second}
    )

    world_cafe = WorldCafe.objects.get(event=event)
    assert list(world_cafe.keep_apart.values_list("first", "second")) == [(first, second)]
    page = lead_client.get(url("world_cafe", event.pk)).context["page"]
    assert [(p.first.invitation_id, p.second.invitation_id) for p in page.keep_apart] == [
        (first, second)
    ]

    lead_client.post(
        url("world_cafe_keep_apart", event.pk), {"remove": "1", "pair": [second, first]}
    )

    assert not world_cafe.keep_apart.exists()


def test_keep_apart_needs_two_different_people(lead_client, event, participants):
    response = lead_client.post(
        url("world_cafe_keep_apart", event.pk),
        {"apart-first": participants[0].pk, "apart-second": participants[0].pk},
    )

    assert response.status_code == 400


def test_wishes_are_recorded_per_participant(lead_client, lead_scope, event, participants):
    set_up(lead_scope, event)
    topic = Topic.objects.get(title=TOPICS[1])

    response = lead_client.get(url("world_cafe_wishes", event.pk))
    assert response.status_code == 200
    lead_client.post(
        url("world_cafe_wishes", event.pk), {f"wishes_{participants[4].pk}": [topic.pk]}
    )

    assert list(participants[4].topic_wishes.all()) == [topic]
    assert not participants[3].topic_wishes.exists()


def test_plan_again_gives_another_seed(lead_client, planned, event):
    response = lead_client.post(url("world_cafe_plan", event.pk), {"again": "1"})

    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.seed == 1


def test_plan_that_is_impossible_says_why(lead_client, lead_scope, event, organisations):
    for _ in range(3):
        register(event, organisation=organisations[0])
    register(event, organisation=organisations[1])
    set_up(lead_scope, event, tables=2)

    response = lead_client.post(url("world_cafe_plan", event.pk), follow=True)

    messages = [str(m) for m in response.context["messages"]]
    assert any("Organisation 1" in m for m in messages)


def test_swap_refused_shows_the_reason(lead_client, planned, participants):
    seats = {pid: table for table, people in stored(planned)[1].items() for pid in people}
    colleague = participants[6].pk
    other = next(
        pid for pid, table in seats.items() if table == seats[colleague] and pid != colleague
    )

    response = lead_client.post(
        url("world_cafe_swap", planned.event_id),
        {"swap-round_number": 1, "swap-first": participants[0].pk, "swap-second": other},
        follow=True,
    )

    messages = [str(m) for m in response.context["messages"]]
    assert any(participants[0].person.last_name in m for m in messages)


# ------------------------------------------------------------------------------ results


def test_results_page_lists_every_table_round(lead_client, planned):
    response = lead_client.get(url("world_cafe_results", planned.event_id))

    assert response.status_code == 200
    page = response.context["page"]
    assert sum(len(r.tables) for r in page.rounds) == 12
    assert (
        reverse("events:event_documentation", args=[planned.event_id]) + "?table_round="
        in response.content.decode()
    )


def test_result_saved_by_htmx_returns_the_card(lead_client, planned):
    row = TableRound.objects.filter(table__world_cafe=planned).first()

    response = lead_client.post(
        url("world_cafe_result", row.pk),
        {"key_points": "Gemeinsame Ziele festhalten"},
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "Gemeinsame Ziele festhalten" in response.content.decode()
    assert b"<html" not in response.content
    row.refresh_from_db()
    assert row.key_points == "Gemeinsame Ziele festhalten"


def test_result_saved_without_javascript_goes_back_to_the_table(lead_client, planned):
    row = TableRound.objects.filter(table__world_cafe=planned).first()

    response = lead_client.post(url("world_cafe_result", row.pk), {"key_points": "Punkt"})

    assert response.status_code == 302
    assert response["Location"].endswith(f"#round-{row.round}-table-{row.table.number}")


# ------------------------------------------------------------------------------ printouts


needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="needs poppler-utils"
)


def pdf_text(response) -> str:
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return subprocess.run(
        [shutil.which("pdftotext"), "-layout", "-", "-"],
        input=response.content,
        capture_output=True,
        check=True,
    ).stdout.decode()


@needs_pdftotext
def test_table_plan_has_a_page_per_round(lead_client, planned, participants):
    text = pdf_text(lead_client.get(url("world_cafe_table_plan_pdf", planned.event_id)))

    assert text.count("\f") >= 3
    assert "Round 1" in text
    assert "Round 3" in text
    assert participants[0].person.last_name in text
    assert TOPICS[2] in text


@needs_pdftotext
def test_schedule_cards_give_everyone_their_route(lead_client, planned, participants):
    text = pdf_text(lead_client.get(url("world_cafe_schedule_cards_pdf", planned.event_id)))

    assert "Round 1: Table" in text
    assert all(i.person.last_name in text for i in participants)
    assert text.count("Round 2: Table") == 12
    assert "\f" in text.rstrip("\f")  # 12 cards: two sheets of eight


@needs_pdftotext
def test_badges_show_name_and_organisation(lead_client, planned, participants):
    text = pdf_text(lead_client.get(url("world_cafe_badges_pdf", planned.event_id)))

    assert all(i.person.last_name in text for i in participants)
    assert "Organisation 1" in text


@needs_pdftotext
def test_topic_signs_name_table_round_and_topic(lead_client, planned):
    text = pdf_text(lead_client.get(url("world_cafe_topic_signs_pdf", planned.event_id)))

    assert "Table 1 · Round 1" in text
    assert all(title in text for title in TOPICS)
    assert text.count("\f") >= 12


@needs_pdftotext
def test_printouts_before_planning_render(lead_client, event, participants):
    for name in (
        "world_cafe_table_plan_pdf",
        "world_cafe_schedule_cards_pdf",
        "world_cafe_topic_signs_pdf",
    ):
        assert pdf_text(lead_client.get(url(name, event.pk)))
    assert participants[0].person.last_name in pdf_text(
        lead_client.get(url("world_cafe_badges_pdf", event.pk))
    )


def test_results_page_shows_the_flip_chart_photos(lead_client, lead_scope, planned):
    row = TableRound.objects.filter(table__world_cafe=planned, round=2).first()
    picture = io.BytesIO()
    Image.new("RGB", (40, 30), (250, 250, 240)).save(picture, "JPEG")
    picture.seek(0)
    picture.name = "flipchart.jpg"
    (photo,) = photos_upload(
        scope=lead_scope, event=planned.event, files=[picture], table_round=row
    )

    response = lead_client.get(url("world_cafe_results", planned.event_id))

    tables = [t for r in response.context["page"].rounds for t in r.tables]
    assert [t.photos for t in tables if t.table_round.pk == row.pk] == [[photo]]
    assert reverse("events:photo_thumbnail", args=[photo.pk]) in response.content.decode()
