"""The team's event pages: list, forms, detail with the programme, participants, inviting."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.events import services
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Event, Invitation, ProgrammeItem
from netzwerkstatt.events.selectors import invitation_by_token
from netzwerkstatt.network.enums import TieKind
from tests.factories import (
    EmailAddressFactory,
    EventFactory,
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    ProgrammeItemFactory,
    ProjectFactory,
    TagFactory,
    TeamMemberFactory,
    TieFactory,
)


def _text(response) -> str:
    return response.content.decode()


# ----------------------------------------------------------------------------- list


def test_event_list_shows_upcoming_soonest_first(staff_client, workspace):
    later = EventFactory(workspace=workspace, title="Später")
    sooner = EventFactory(
        workspace=workspace, title="Früher", starts_at=later.starts_at - dt.timedelta(days=3)
    )

    response = staff_client.get(reverse("events:event_list"))

    assert [event.pk for event in response.context["page"].object_list] == [sooner.pk, later.pk]


def test_event_list_past_tab_shows_ended_events_latest_first(staff_client, workspace, past_event):
    older = EventFactory(
        workspace=workspace,
        starts_at=past_event.starts_at - dt.timedelta(days=30),
        ends_at=past_event.ends_at - dt.timedelta(days=30),
    )
    EventFactory(workspace=workspace)  # upcoming

    response = staff_client.get(reverse("events:event_list"), {"when": "past"})

    assert [event.pk for event in response.context["page"].object_list] == [past_event.pk, older.pk]


def test_event_list_filters_by_project_and_kind(staff_client, workspace):
    project = ProjectFactory(workspace=workspace, name="TraM")
    wanted = EventFactory(workspace=workspace, project=project, kind="network_meeting")
    EventFactory(workspace=workspace, project=project, kind="workshop")
    EventFactory(workspace=workspace, kind="network_meeting")

    response = staff_client.get(
        reverse("events:event_list"), {"project": project.pk, "kind": "network_meeting"}
    )

    assert list(response.context["page"].object_list) == [wanted]


def test_event_list_counts_registrations(staff_client, event, invite):
    for token in "abc":
        services.registration_submit(invitation=invite(token), attend=True)

    response = staff_client.get(reverse("events:event_list"))

    listed = response.context["page"].object_list[0]
    assert (listed.registered_count, listed.waitlisted_count) == (2, 1)


def test_event_list_empty_state(staff_client, workspace):
    response = staff_client.get(reverse("events:event_list"))

    assert response.status_code == 200
    assert 'class="empty"' in _text(response)
    assert reverse("events:event_create") in _text(response)


def test_event_list_paginates_with_fixed_queries(
    staff_client, workspace, django_assert_max_num_queries
):
    EventFactory.create_batch(30, workspace=workspace)
    staff_client.get(reverse("events:event_list"))  # warm up session and content types

    with django_assert_max_num_queries(9):
        response = staff_client.get(reverse("events:event_list"))

    assert len(response.context["page"].object_list) == 25
    assert response.context["page"].paginator.num_pages == 2


def test_event_list_htmx_gets_only_the_results(staff_client, event):
    response = staff_client.get(reverse("events:event_list"), headers={"HX-Request": "true"})

    assert "<html" not in _text(response)
    assert event.title in _text(response)


def test_event_list_never_lists_another_workspaces_events(staff_client, other_workspace):
    EventFactory(workspace=other_workspace, title="Fremde Veranstaltung")

    response = staff_client.get(reverse("events:event_list"))

    assert "Fremde Veranstaltung" not in _text(response)


# ----------------------------------------------------------------------------- forms


def _form_data(**changes) -> dict:
    start = timezone.localtime() + dt.timedelta(days=20)
    data = {
        "title": "Netzwerktreffen",
        "kind": "network_meeting",
        "project": "",
        "starts_at": start.strftime("%Y-%m-%dT09:00"),
        "ends_at": start.strftime("%Y-%m-%dT15:30"),
        "place": "IHK Braunschweig",
        "online_link": "",
        "capacity": "25",
        "description": "Austausch der Netzwerkpartner",
        "registration_open": "on",
        "registration_deadline": "",
    }
    return data | changes


def test_event_create_page_creates_and_redirects(staff_client, workspace):
    response = staff_client.post(reverse("events:event_create"), _form_data())

    event = Event.objects.get()
    assert response.status_code == 302
    assert response.url == event.get_absolute_url()
    assert timezone.localtime(event.starts_at).hour == 9
    assert (event.capacity, event.workspace) == (25, workspace)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"capacity": "0"}, "capacity"),
        ({"ends_at": "2020-01-01T08:00"}, "ends_at"),
        ({"title": ""}, "title"),
    ],
)
def test_event_create_page_shows_errors(staff_client, changes, field):
    response = staff_client.post(reverse("events:event_create"), _form_data(**changes))

    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert not Event.objects.exists()


def test_event_create_page_offers_only_own_projects(staff_client, workspace, other_workspace):
    ProjectFactory(workspace=workspace, name="FluGs")
    ProjectFactory(workspace=other_workspace, name="Fremdprojekt")

    response = staff_client.get(reverse("events:event_create"))

    assert "FluGs" in _text(response)
    assert "Fremdprojekt" not in _text(response)


def test_event_update_page_saves(staff_client, event):
    data = _form_data(title="Neuer Titel", capacity="")

    response = staff_client.post(reverse("events:event_update", args=[event.pk]), data)

    event.refresh_from_db()
    assert response.status_code == 302
    assert (event.title, event.capacity) == ("Neuer Titel", None)


def test_event_update_page_shows_current_times(staff_client, event):
    response = staff_client.get(reverse("events:event_update", args=[event.pk]))

    start = timezone.localtime(event.starts_at).strftime("%Y-%m-%dT%H:%M")
    assert f'value="{start}"' in _text(response)


def test_event_delete_page_asks_then_deletes(staff_client, event):
    url = reverse("events:event_delete", args=[event.pk])

    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url)

    assert response.url == reverse("events:event_list")
    assert not Event.objects.exists()


# ----------------------------------------------------------------------------- detail


def test_event_detail_shows_programme_figures_and_links(staff_client, event, invite, workspace):
    speaker = PersonFactory(workspace=workspace, first_name="Susanne", last_name="Kundolf")
    item = ProgrammeItemFactory(event=event, title="Akquise im Projekt TraM", room="Saal 1")
    item.speakers.add(speaker)
    services.registration_submit(invitation=invite("a"), attend=True)
    invite("b")

    response = staff_client.get(event.get_absolute_url())

    text = _text(response)
    assert "Akquise im Projekt TraM" in text
    assert speaker.get_absolute_url() in text
    assert "Saal 1" in text
    figures = response.context["figures"]
    assert (figures.invited, figures.registered, figures.unanswered) == (2, 1, 1)
    for name in (
        "event_participants",
        "invitation_add",
        "checkin",
        "participants_pdf",
        "event_ics",
    ):
        assert reverse(f"events:{name}", args=[event.pk]) in text


def test_event_detail_links_world_cafe_and_documentation_once_they_exist(staff_client, event):
    from django.urls import NoReverseMatch

    response = staff_client.get(event.get_absolute_url())

    assert response.status_code == 200
    for name in ("events:world_cafe", "events:event_documentation"):
        try:
            url = reverse(name, args=[event.pk])
        except NoReverseMatch:
            continue
        assert url in _text(response)


def test_event_detail_offers_taking_over_contacts_only_after_the_event(
    staff_client, event, past_event
):
    from netzwerkstatt.events.models import WorldCafe

    for each in (event, past_event):
        WorldCafe.objects.create(workspace=each.workspace, event=each)
    url = "events:event_attendance_ties"

    assert reverse(url, args=[event.pk]) not in _text(staff_client.get(event.get_absolute_url()))
    assert reverse(url, args=[past_event.pk]) in _text(
        staff_client.get(past_event.get_absolute_url())
    )


# -------------------------------------------------------------------------- programme


def _item_data(event, **changes) -> dict:
    day = timezone.localtime(event.starts_at).date().isoformat()
    return {"day": day, "starts": "10:00", "ends": "10:45", "title": "Impuls", "room": ""} | changes


def test_programme_item_added_inline_with_htmx(staff_client, event):
    response = staff_client.post(
        reverse("events:programme_item_create", args=[event.pk]),
        _item_data(event, title="Impuls: Netzwerke"),
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert "<html" not in _text(response)
    assert 'id="programme"' in _text(response)
    item = ProgrammeItem.objects.get()
    assert item.title == "Impuls: Netzwerke"
    assert timezone.localtime(item.starts_at).strftime("%H:%M") == "10:00"


def test_programme_item_added_without_javascript_redirects(staff_client, event):
    response = staff_client.post(
        reverse("events:programme_item_create", args=[event.pk]), _item_data(event)
    )

    assert response.status_code == 302
    assert response.url.endswith("#programme")


def test_programme_item_outside_the_event_shows_the_error_inline(staff_client, event):
    response = staff_client.post(
        reverse("events:programme_item_create", args=[event.pk]),
        _item_data(event, starts="06:00", ends=""),
        headers={"HX-Request": "true"},
    )

    assert response.status_code == 200
    assert response.context["add_form"].errors["starts"]
    assert not ProgrammeItem.objects.exists()


def test_programme_item_edit_form_inline_then_saved(staff_client, event):
    item = ProgrammeItemFactory(event=event, title="Alt")
    url = reverse("events:programme_item_update", args=[item.pk])

    form = staff_client.get(url, headers={"HX-Request": "true"})
    saved = staff_client.post(
        url, _item_data(event, title="Neu", room="Raum 3"), headers={"HX-Request": "true"}
    )

    assert form.context["editing"] == item.pk
    assert f'hx-post="{url}"' in _text(form)
    item.refresh_from_db()
    assert (item.title, item.room) == ("Neu", "Raum 3")
    assert "Raum 3" in _text(saved)


def test_programme_item_speakers_offered_from_invited_and_team(
    staff_client, event, invite, workspace
):
    invited = invite("a").person
    team = TeamMemberFactory(workspace=workspace).person
    outsider = PersonFactory(workspace=workspace)

    response = staff_client.get(event.get_absolute_url())

    choices = set(response.context["add_form"].fields["speakers"].queryset)
    assert choices == {invited, team}
    assert outsider not in choices


def test_programme_item_delete_inline(staff_client, event):
    item = ProgrammeItemFactory(event=event)

    response = staff_client.post(
        reverse("events:programme_item_delete", args=[item.pk]), headers={"HX-Request": "true"}
    )

    assert response.status_code == 200
    assert not ProgrammeItem.objects.exists()


# ------------------------------------------------------------------------ participants


def test_participants_page_shows_status_position_and_consent(
    staff_client, event, invite, workspace
):
    invitations = [invite(token) for token in "abc"]
    for invitation in invitations:
        services.registration_submit(invitation=invitation, attend=True, photo_consent=True)

    response = staff_client.get(reverse("events:event_participants", args=[event.pk]))

    rows = {invitation.pk: invitation for invitation in response.context["page"].object_list}
    assert rows[invitations[2].pk].position == 1
    assert rows[invitations[0].pk].position is None
    assert all(row.photo_consent for row in rows.values())


def test_participants_page_marks_who_moved_up(staff_client, event, invite):
    invitations = [invite(token) for token in "abc"]
    for invitation in invitations:
        services.registration_submit(invitation=invitation, attend=True)
    services.registration_cancel(invitation=invitations[0])

    response = staff_client.get(reverse("events:event_participants", args=[event.pk]))

    moved = [row.pk for row in response.context["page"].object_list if row.moved_up]
    assert moved == [invitations[2].pk]


def test_participants_page_filters(staff_client, event, invite, workspace):
    present = invite("a", status=InvitationStatus.REGISTERED, checked_in_at=timezone.now())
    invite("b", status=InvitationStatus.REGISTERED)
    invite("c", status=InvitationStatus.DECLINED)
    url = reverse("events:event_participants", args=[event.pk])

    def listed(**query):
        return {row.pk for row in staff_client.get(url, query).context["page"].object_list}

    assert len(listed(status="registered")) == 2
    assert listed(attended="yes") == {present.pk}
    assert len(listed(attended="no")) == 2
    assert listed(search=present.person.last_name) >= {present.pk}


def test_participants_page_queries_do_not_grow_with_rows(
    staff_client, event, invite, workspace, django_assert_max_num_queries
):
    for number in range(40):
        person = PersonFactory(workspace=workspace)
        FunctionFactory(workspace=workspace, person=person)
        EmailAddressFactory(workspace=workspace, person=person)
        invite(f"t{number}", person=person, status=InvitationStatus.REGISTERED)
    url = reverse("events:event_participants", args=[event.pk])
    staff_client.get(url)

    with django_assert_max_num_queries(12):
        response = staff_client.get(url)

    assert len(response.context["page"].object_list) == 40


def test_participants_page_empty_state(staff_client, event):
    response = staff_client.get(reverse("events:event_participants", args=[event.pk]))

    assert 'class="empty"' in _text(response)
    assert reverse("events:invitation_add", args=[event.pk]) in _text(response)


def test_participants_csv_export_lists_filtered_participants(
    staff_client, event, invite, workspace
):
    person = PersonFactory(workspace=workspace, first_name="Petra", last_name="Schulz")
    FunctionFactory(workspace=workspace, person=person, organisation__name="IHK Lüneburg")
    invite("a", person=person, status=InvitationStatus.REGISTERED, dietary_notes="vegan")
    invite("b", status=InvitationStatus.DECLINED)

    response = staff_client.get(
        reverse("events:participants_export", args=[event.pk]), {"status": "registered"}
    )

    body = b"".join(response.streaming_content).decode("utf-8-sig")
    lines = body.strip().split("\r\n")
    assert response["Content-Type"].startswith("text/csv")
    assert len(lines) == 2
    assert lines[1].split(";")[:3] == ["Schulz", "Petra", "IHK Lüneburg"]
    assert "vegan" in lines[1]
    entry = ActivityEntry.objects.get(action="exported")
    assert entry.details == {"model": "events.invitation", "format": "csv", "count": 1}


# --------------------------------------------------------------------------- inviting


def test_invite_page_filters_by_tag_and_organisation_kind(staff_client, event, workspace):
    tag = TagFactory(workspace=workspace, name="Netzwerk Nord")
    tagged = PersonFactory(workspace=workspace)
    tagged.tags.add(tag)
    union = FunctionFactory(workspace=workspace, organisation__kind="union").person
    PersonFactory(workspace=workspace)
    url = reverse("events:invitation_add", args=[event.pk])

    by_tag = staff_client.get(url, {"tag": "Netzwerk Nord"}).context["page"].object_list
    by_kind = staff_client.get(url, {"kind": "union"}).context["page"].object_list

    assert list(by_tag) == [tagged]
    assert list(by_kind) == [union]


def test_invite_page_filters_by_ties_to_the_team(staff_client, event, workspace):
    team = TeamMemberFactory(workspace=workspace).person
    known = TieFactory(workspace=workspace, source_person=team).target_person
    knows_team = TieFactory(workspace=workspace, target_person=team).source_person
    PersonFactory(workspace=workspace)

    response = staff_client.get(
        reverse("events:invitation_add", args=[event.pk]), {"network": "team"}
    )

    assert set(response.context["page"].object_list) == {known, knows_team}


def test_invite_page_filters_by_connection_to_an_organisation(staff_client, event, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind="chamber", name="IHK")
    adviser = FunctionFactory(workspace=workspace, organisation=chamber).person
    knows_adviser = TieFactory(workspace=workspace, source_person=adviser).target_person
    member = PersonFactory(workspace=workspace)
    TieFactory(
        workspace=workspace,
        kind=TieKind.MEMBER,
        source_person=member,
        target_person=None,
        target_organisation=chamber,
    )
    PersonFactory(workspace=workspace)

    response = staff_client.get(
        reverse("events:invitation_add", args=[event.pk]), {"connected_to": chamber.pk}
    )

    assert set(response.context["page"].object_list) == {knows_adviser, member}
    assert "IHK" in _text(response)


def test_invite_page_hides_persons_invited_already(staff_client, event, invite, workspace):
    invited = invite("a").person
    other = PersonFactory(workspace=workspace)

    response = staff_client.get(reverse("events:invitation_add", args=[event.pk]))

    assert list(response.context["page"].object_list) == [other]
    assert invited not in response.context["page"].object_list


def test_invite_selected_then_links_shown_once(staff_client, event, workspace):
    chosen = PersonFactory(workspace=workspace, first_name="Anke", last_name="Berg")
    EmailAddressFactory(workspace=workspace, person=chosen, address="berg@ihk.example")
    PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("events:invitation_add", args=[event.pk]), {"person": [chosen.pk]}
    )
    links = staff_client.get(response.url)
    again = staff_client.get(response.url)

    assert response.url == reverse("events:invitation_links", args=[event.pk])
    [entry] = links.context["links"]
    token = re.search(r"/anmeldung/([^/]+)/", entry["link"]).group(1)
    assert invitation_by_token(token=token).person == chosen
    assert entry["mailto"].startswith("mailto:berg%40ihk.example?subject=")
    assert again.context["links"] == []


def test_invite_all_found_invites_everyone_matching(staff_client, event, workspace):
    tag = TagFactory(workspace=workspace, name="Betriebe")
    tagged = PersonFactory.create_batch(3, workspace=workspace)
    for person in tagged:
        person.tags.add(tag)
    PersonFactory(workspace=workspace)

    staff_client.post(
        reverse("events:invitation_add", args=[event.pk]), {"all": "1", "tag": "Betriebe"}
    )

    assert set(Invitation.objects.values_list("person", flat=True)) == {p.pk for p in tagged}


def test_invite_ignores_another_workspaces_persons(staff_client, event, other_workspace):
    foreign = PersonFactory(workspace=other_workspace)

    staff_client.post(reverse("events:invitation_add", args=[event.pk]), {"person": [foreign.pk]})

    assert not Invitation.objects.exists()


def test_mailto_invitation_is_german_with_link_and_date(staff_client, event, workspace):
    person = PersonFactory(workspace=workspace)
    EmailAddressFactory(workspace=workspace, person=person)
    staff_client.cookies["django_language"] = "en"
    staff_client.post(reverse("events:invitation_add", args=[event.pk]), {"person": [person.pk]})

    [entry] = staff_client.get(reverse("events:invitation_links", args=[event.pk])).context["links"]

    from urllib.parse import unquote

    body = unquote(entry["mailto"])
    assert entry["link"] in body
    assert event.title in body
    assert str(timezone.localtime(event.starts_at).year) in body


def test_link_renew_shows_the_new_link(staff_client, invite):
    invitation = invite("alt")

    response = staff_client.post(reverse("events:invitation_link_renew", args=[invitation.pk]))
    links = staff_client.get(response.url).context["links"]

    assert invitation_by_token(token="alt") is None
    assert [entry["invitation"] for entry in links] == [invitation]


def test_invitation_update_page_records_an_answer(staff_client, invite):
    invitation = invite("a")

    response = staff_client.post(
        reverse("events:invitation_update", args=[invitation.pk]),
        {"answer": "attend", "dietary_notes": "vegetarisch", "photo_consent": "on"},
    )

    invitation.refresh_from_db()
    assert response.status_code == 302
    assert invitation.status == InvitationStatus.REGISTERED
    assert invitation.photo_consent_at is not None


def test_invitation_delete_page_reports_who_moved_up(staff_client, event, invite):
    invitations = [invite(token) for token in "abc"]
    for invitation in invitations:
        services.registration_submit(invitation=invitation, attend=True)

    response = staff_client.post(
        reverse("events:invitation_delete", args=[invitations[0].pk]), follow=True
    )

    assert str(invitations[2].person) in _text(response)
    invitations[2].refresh_from_db()
    assert invitations[2].status == InvitationStatus.REGISTERED
