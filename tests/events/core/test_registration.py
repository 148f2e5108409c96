"""The public registration page: no login, the token opens one invitation and nothing else."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.events import services
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Invitation
from netzwerkstatt.events.views.registration import UNKNOWN_TOKENS_ALLOWED
from tests.factories import EventFactory, PersonFactory, ProgrammeItemFactory

REGISTERED, WAITLISTED = InvitationStatus.REGISTERED, InvitationStatus.WAITLISTED


def _url(token: str, name: str = "events:registration") -> str:
    return reverse(name, args=[token])


def _answer(client, token: str, **data):
    values = {"answer": "attend", "dietary_notes": "", "accessibility_notes": ""} | data
    return client.post(_url(token), values)


def _status(invitation) -> str:
    invitation.refresh_from_db()
    return invitation.status


def test_registration_page_shows_event_and_programme_without_login(
    client, event, invite, workspace
):
    speaker = PersonFactory(workspace=workspace, first_name="André", last_name="Schülke")
    item = ProgrammeItemFactory(event=event, title="Erfahrungen aus FluGs", room="Saal 2")
    item.speakers.add(speaker)
    invitation = invite("offen")

    response = client.get(_url("offen"))

    text = response.content.decode()
    assert response.status_code == 200
    assert event.title in text
    assert invitation.person.full_name in text
    assert "Erfahrungen aus FluGs" in text
    assert "André Schülke" in text
    assert speaker.get_absolute_url() not in text  # names only, no links into the workspace
    assert response.context["mode"] == "answer"
    assert "noindex" in response.headers["X-Robots-Tag"]
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert "no-cache" in response.headers["Cache-Control"]


def test_register_with_notes_and_consent(client, invite):
    invitation = invite("offen")

    response = _answer(
        client,
        "offen",
        dietary_notes="vegetarisch",
        accessibility_notes="Rampe",
        photo_consent="on",
    )

    assert response.status_code == 302
    assert response.url == _url("offen")
    invitation.refresh_from_db()
    assert invitation.status == REGISTERED
    assert (invitation.dietary_notes, invitation.accessibility_notes) == ("vegetarisch", "Rampe")
    assert invitation.photo_consent is True
    assert invitation.photo_consent_at is not None
    page = client.get(_url("offen"))
    assert page.context["mode"] == "update"
    assert _url("offen", "events:registration_personal_ics") in page.content.decode()


def test_consent_needs_the_explicit_checkbox(client, invite):
    invitation = invite("offen")

    _answer(client, "offen")

    invitation.refresh_from_db()
    assert (invitation.photo_consent, invitation.photo_consent_at) == (False, None)


def test_consent_is_explained(client, invite):
    invite("offen")
    client.cookies["django_language"] = "en"

    text = client.get(_url("offen")).content.decode()

    assert "public report" in text
    assert "withdraw your consent at any time" in text


def test_decline(client, invite):
    invitation = invite("offen")

    _answer(client, "offen", answer="decline", dietary_notes="vegan")

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.dietary_notes == ""


def test_register_without_answer_shows_the_form_again(client, invite):
    invitation = invite("offen")

    response = client.post(_url("offen"), {"dietary_notes": "vegan"})

    assert response.status_code == 200
    assert "answer" in response.context["form"].errors
    assert _status(invitation) == InvitationStatus.INVITED


def test_full_event_puts_on_the_waiting_list_with_position(client, event, invite):
    for token in ("a", "b"):
        services.registration_submit(invitation=invite(token), attend=True)
    waiting = invite("c")

    _answer(client, "c")
    page = client.get(_url("c"))

    assert _status(waiting) == WAITLISTED
    assert page.context["position"] == 1
    assert page.context["invitation"].status == WAITLISTED


def test_waiting_list_page_says_the_organiser_will_tell(client, event, invite):
    for token in ("a", "b"):
        services.registration_submit(invitation=invite(token), attend=True)
    invite("c")
    _answer(client, "c")
    client.cookies["django_language"] = "en"

    text = client.get(_url("c")).content.decode()

    assert "waiting list, in position 1" in text
    assert "The organiser will then let you know" in text


def test_cancel_through_the_link_moves_the_waiting_list_up(client, event, invite):
    first, second, third = invite("a"), invite("b"), invite("c")
    for invitation in (first, second, third):
        services.registration_submit(invitation=invitation, attend=True)

    response = client.post(_url("a", "events:registration_cancel"))

    assert response.status_code == 302
    assert [_status(i) for i in (first, second, third)] == ["cancelled", REGISTERED, REGISTERED]


def test_cancel_needs_post(client, invite):
    invite("a", status=REGISTERED)

    assert client.get(_url("a", "events:registration_cancel")).status_code == 405


def test_registered_person_updates_notes_and_withdraws_consent(client, invite):
    invitation = invite("a")
    services.registration_submit(invitation=invitation, attend=True, photo_consent=True)

    client.post(_url("a"), {"dietary_notes": "glutenfrei", "accessibility_notes": ""})

    invitation.refresh_from_db()
    assert invitation.status == REGISTERED
    assert invitation.dietary_notes == "glutenfrei"
    assert (invitation.photo_consent, invitation.photo_consent_at) == (False, None)


def test_closed_registration_shows_no_form(client, workspace, invite):
    closed = EventFactory(workspace=workspace, registration_open=False)
    invitation = invite("a", event=closed)

    page = client.get(_url("a"))
    posted = _answer(client, "a")

    assert page.context["mode"] == "closed"
    assert page.context["form"] is None
    assert posted.status_code == 200
    assert _status(invitation) == InvitationStatus.INVITED


def test_deadline_passed_shows_no_form(client, workspace, invite):
    late = EventFactory(
        workspace=workspace, registration_deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    invite("a", event=late)

    assert client.get(_url("a")).context["mode"] == "closed"


def test_after_the_event_only_consent_can_change(client, past_event, invite):
    invitation = invite("a", event=past_event, status=REGISTERED, checked_in_at=timezone.now())

    page = client.get(_url("a"))
    client.post(_url("a"), {"photo_consent": "on", "answer": "decline"})

    assert page.context["mode"] == "consent"
    invitation.refresh_from_db()
    assert invitation.status == REGISTERED
    assert invitation.photo_consent is True


@pytest.mark.parametrize(
    "name",
    [
        "events:registration",
        "events:registration_cancel",
        "events:registration_event_ics",
        "events:registration_personal_ics",
    ],
)
def test_unknown_token_gets_a_neutral_404(client, invite, name):
    invite("bekannt")

    response = (
        client.post(_url("unbekannt", name))
        if "cancel" in name
        else client.get(_url("unbekannt", name))
    )

    assert response.status_code == 404
    assert "noindex" in response.headers["X-Robots-Tag"]


def test_unknown_tokens_are_throttled_per_address(client, invite):
    invite("bekannt")
    for number in range(UNKNOWN_TOKENS_ALLOWED):
        assert client.get(_url(f"falsch-{number}")).status_code == 404

    held_off = [client.get(_url(token)).status_code for token in ("falsch-x", "bekannt")]

    assert held_off == [429, 429]


def test_token_of_another_workspace_opens_only_its_own_invitation(
    client, invite, other_workspace, workspace
):
    EventFactory(workspace=workspace, title="Unsere Veranstaltung")
    own = invite("unser")
    foreign_event = EventFactory(workspace=other_workspace, title="Fremde Veranstaltung")
    foreign = Invitation.objects.get(pk=invite("fremd", event=foreign_event).pk)

    response = client.get(_url("fremd"))

    text = response.content.decode()
    assert response.context["invitation"] == foreign
    assert "Fremde Veranstaltung" in text
    assert "Unsere Veranstaltung" not in text
    assert own.person.full_name not in text


def test_the_page_names_no_other_participant(client, event, invite):
    # names of their own: a random surname could also be a word of the page ("Berg", "Wolf")
    others = [
        invite(token, person=PersonFactory(workspace=event.workspace, last_name=name))
        for token, name in (("b", "Zylinskaja"), ("c", "Quandtberger"))
    ]
    for invitation in others:
        services.registration_submit(
            invitation=invitation, attend=True, dietary_notes="Laktosefrei"
        )
    invite("a")

    text = client.get(_url("a")).content.decode()

    for invitation in others:
        assert invitation.person.last_name not in text
    assert "Laktosefrei" not in text


def test_online_link_only_for_registered(client, workspace, invite):
    online = EventFactory(workspace=workspace, online_link="https://meet.example/raum-42")
    invitation = invite("a", event=online)

    before = client.get(_url("a")).content.decode()
    services.registration_submit(invitation=invitation, attend=True)
    after = client.get(_url("a")).content.decode()

    assert "raum-42" not in before
    assert "raum-42" in after


def test_logged_in_team_member_sees_the_same_public_page(staff_client, invite):
    invite("a")

    response = staff_client.get(_url("a"))

    assert response.status_code == 200
    assert response.context["mode"] == "answer"
