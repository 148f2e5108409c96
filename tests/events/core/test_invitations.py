"""Invitations: links, answers, places and the waiting list, consent, check-in."""

import datetime as dt
import hashlib

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.events import services
from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Invitation
from netzwerkstatt.events.selectors import (
    invitation_by_token,
    registration_is_open,
    waiting_positions,
)
from tests.factories import EventFactory, PersonFactory

REGISTERED, WAITLISTED = InvitationStatus.REGISTERED, InvitationStatus.WAITLISTED


def _status(invitation) -> str:
    invitation.refresh_from_db()
    return invitation.status


# ----------------------------------------------------------------------------- links


def test_invitations_create_stores_only_the_tokens_hash(scope, event, workspace):
    persons = PersonFactory.create_batch(3, workspace=workspace)

    created = services.invitations_create(scope=scope, event=event, persons=persons)

    assert len(created) == 3
    for invitation, token in created:
        stored = Invitation.objects.get(pk=invitation.pk)
        assert stored.token_hash == hashlib.sha256(token.encode()).hexdigest()
        assert token not in stored.token_hash
        assert invitation_by_token(token=token) == stored
    assert len({token for _invitation, token in created}) == 3


def test_invitations_create_skips_persons_invited_already(scope, event, workspace):
    person = PersonFactory(workspace=workspace)
    services.invitations_create(scope=scope, event=event, persons=[person])

    created = services.invitations_create(scope=scope, event=event, persons=[person, person])

    assert created == []
    assert event.invitations.count() == 1


def test_invitations_create_logs_the_count(scope, event, workspace):
    services.invitations_create(
        scope=scope, event=event, persons=PersonFactory.create_batch(2, workspace=workspace)
    )

    entry = ActivityEntry.objects.get(object_id=event.pk, action="created")
    assert entry.details == {"model": "events.invitation", "count": 2}


def test_invitations_create_refuses_another_workspaces_person(scope, event, other_workspace):
    with pytest.raises(ValidationError):
        services.invitations_create(
            scope=scope, event=event, persons=[PersonFactory(workspace=other_workspace)]
        )


def test_invitations_create_is_closed_to_partners(partner_scope, event, workspace):
    with pytest.raises(PermissionDenied):
        services.invitations_create(
            scope=partner_scope, event=event, persons=[PersonFactory(workspace=workspace)]
        )


def test_invitation_link_renew_replaces_the_old_link(scope, invite):
    invitation = invite("alt")

    token = services.invitation_link_renew(scope=scope, invitation=invitation)

    assert invitation_by_token(token="alt") is None
    assert invitation_by_token(token=token) == invitation


@pytest.mark.parametrize("token", ["", "x" * 101, "unbekannt"])
def test_invitation_by_token_unknown_is_none(invite, token):
    invite("bekannt")

    assert invitation_by_token(token=token) is None


# ------------------------------------------------------------------ answers and places


def test_registration_takes_a_place_while_free_then_waits(invite):
    first, second, third = invite("a"), invite("b"), invite("c")

    for invitation in (first, second, third):
        services.registration_submit(invitation=invitation, attend=True)

    assert [_status(i) for i in (first, second, third)] == [REGISTERED, REGISTERED, WAITLISTED]
    assert first.registered_at is not None


def test_waiting_positions_follow_registration_order(event, invite):
    invitations = [invite(token) for token in "abcde"]
    for invitation in invitations:
        services.registration_submit(invitation=invitation, attend=True)

    positions = waiting_positions(event=event)

    assert positions == {invitations[2].pk: 1, invitations[3].pk: 2, invitations[4].pk: 3}


def test_cancel_moves_the_first_on_the_waiting_list_up(event, invite):
    first, second, third, fourth = (invite(token) for token in "abcd")
    for invitation in (first, second, third, fourth):
        services.registration_submit(invitation=invitation, attend=True)

    services.registration_cancel(invitation=first)

    assert [_status(i) for i in (first, second, third, fourth)] == [
        InvitationStatus.CANCELLED, REGISTERED, REGISTERED, WAITLISTED,
    ]  # fmt: skip
    moved = ActivityEntry.objects.get(object_id=third.pk, details__moved_up=1)
    assert moved.actor is None
    assert waiting_positions(event=event) == {fourth.pk: 1}


def test_cancel_from_the_waiting_list_moves_nobody_up(invite):
    first, second, third, fourth = (invite(token) for token in "abcd")
    for invitation in (first, second, third, fourth):
        services.registration_submit(invitation=invitation, attend=True)

    services.registration_cancel(invitation=third)

    assert [_status(i) for i in (first, second, third, fourth)] == [
        REGISTERED, REGISTERED, InvitationStatus.CANCELLED, WAITLISTED,
    ]  # fmt: skip


def test_decline_records_no_notes(invite):
    invitation = invite("a")

    services.registration_submit(
        invitation=invitation, attend=False, dietary_notes="vegan", accessibility_notes="Rampe"
    )

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.dietary_notes == invitation.accessibility_notes == ""


def test_cancel_deletes_notes(invite):
    invitation = invite("a")
    services.registration_submit(invitation=invitation, attend=True, dietary_notes="vegan")

    services.registration_cancel(invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.dietary_notes == ""


def test_registered_person_changes_notes_and_keeps_place(invite):
    invitation = invite("a")
    services.registration_submit(invitation=invitation, attend=True)
    registered_at = Invitation.objects.get(pk=invitation.pk).registered_at

    services.registration_submit(
        invitation=invitation,
        attend=True,
        dietary_notes=" vegetarisch ",
        accessibility_notes="Rollstuhl",
    )

    invitation.refresh_from_db()
    assert (invitation.status, invitation.registered_at) == (REGISTERED, registered_at)
    assert (invitation.dietary_notes, invitation.accessibility_notes) == (
        "vegetarisch",
        "Rollstuhl",
    )


def test_register_again_after_cancelling_queues_anew(invite):
    first, second, third = invite("a"), invite("b"), invite("c")
    for invitation in (first, second, third):
        services.registration_submit(invitation=invitation, attend=True)
    services.registration_cancel(invitation=first)  # third moves up

    services.registration_submit(invitation=first, attend=True)

    assert [_status(i) for i in (first, second, third)] == [WAITLISTED, REGISTERED, REGISTERED]


def test_photo_consent_is_recorded_with_its_time(invite):
    invitation = invite("a")
    before = timezone.now()

    services.registration_submit(invitation=invitation, attend=True, photo_consent=True)

    invitation.refresh_from_db()
    assert invitation.photo_consent is True
    assert before <= invitation.photo_consent_at <= timezone.now()
    entry = ActivityEntry.objects.get(object_id=invitation.pk)
    assert set(entry.details["fields"]) >= {"status", "photo_consent", "photo_consent_at"}


def test_photo_consent_withdrawn_after_the_event(past_event, invite):
    invitation = invite("a", event=past_event, status=REGISTERED, photo_consent=True)

    services.registration_consent_set(invitation=invitation, photo_consent=False)

    invitation.refresh_from_db()
    assert (invitation.photo_consent, invitation.photo_consent_at) == (False, None)


def test_answers_after_the_start_are_refused(past_event, invite):
    invitation = invite("a", event=past_event)

    with pytest.raises(ValidationError):
        services.registration_submit(invitation=invitation, attend=True)
    assert _status(invitation) == InvitationStatus.INVITED


def test_registration_closed_refuses_new_registrations(workspace, invite):
    closed = EventFactory(workspace=workspace, registration_open=False)
    invitation = invite("a", event=closed)

    with pytest.raises(ValidationError):
        services.registration_submit(invitation=invitation, attend=True)
    assert _status(invitation) == InvitationStatus.INVITED


def test_registration_after_the_deadline_is_refused(workspace, invite):
    late = EventFactory(
        workspace=workspace, registration_deadline=timezone.now() - dt.timedelta(hours=1)
    )
    invitation = invite("a", event=late)

    with pytest.raises(ValidationError):
        services.registration_submit(invitation=invitation, attend=True)


def test_registration_after_the_deadline_may_still_decline_and_cancel(workspace, invite):
    late = EventFactory(
        workspace=workspace, registration_deadline=timezone.now() + dt.timedelta(hours=1)
    )
    registered = invite("a", event=late)
    services.registration_submit(invitation=registered, attend=True)
    undecided = invite("b", event=late)
    after_deadline = timezone.now() + dt.timedelta(hours=2)

    services.registration_submit(invitation=undecided, attend=False, now=after_deadline)
    services.registration_cancel(invitation=registered, now=after_deadline)

    assert [_status(i) for i in (registered, undecided)] == ["cancelled", "declined"]


def test_registration_is_open_respects_switch_deadline_and_start(event):
    now = timezone.now()
    assert registration_is_open(event, now=now)
    assert not registration_is_open(event, now=event.starts_at)
    event.registration_deadline = now + dt.timedelta(days=1)
    assert not registration_is_open(event, now=now + dt.timedelta(days=2))
    event.registration_open = False
    assert not registration_is_open(event, now=now)


# -------------------------------------------------------------------------- organiser


def test_organiser_registers_after_closing_but_respects_places(scope, workspace, invite):
    closed = EventFactory(workspace=workspace, registration_open=False, capacity=1)
    first, second = invite("a", event=closed), invite("b", event=closed)

    services.invitation_update(scope=scope, invitation=first, attend=True)
    services.invitation_update(scope=scope, invitation=second, attend=True, photo_consent=True)

    assert [_status(i) for i in (first, second)] == [REGISTERED, WAITLISTED]
    assert second.photo_consent_at is not None
    assert ActivityEntry.objects.filter(object_id=first.pk, actor=scope.user).exists()


def test_organiser_removing_a_registered_invitation_moves_up(scope, invite):
    first, second, third = invite("a"), invite("b"), invite("c")
    for invitation in (first, second, third):
        services.registration_submit(invitation=invitation, attend=True)

    moved = services.invitation_delete(scope=scope, invitation=first)

    assert moved == [third]
    assert _status(third) == REGISTERED


# ---------------------------------------------------------------------------- check-in


def test_check_in_and_undo(scope, invite):
    invitation = invite("a", status=REGISTERED)

    services.invitation_check_in(scope=scope, invitation=invitation)
    checked_in_at = Invitation.objects.get(pk=invitation.pk).checked_in_at
    services.invitation_check_in(scope=scope, invitation=invitation)  # a second tap changes nothing

    assert Invitation.objects.get(pk=invitation.pk).checked_in_at == checked_in_at
    services.invitation_check_in_undo(scope=scope, invitation=invitation)
    assert Invitation.objects.get(pk=invitation.pk).checked_in_at is None


def test_check_in_of_someone_waiting_gives_them_a_place(scope, invite):
    invitation = invite("a")

    services.invitation_check_in(scope=scope, invitation=invitation)

    invitation.refresh_from_db()
    assert invitation.status == REGISTERED
    assert invitation.registered_at == invitation.checked_in_at


def test_check_in_is_closed_to_partners(partner_scope, invite):
    with pytest.raises(PermissionDenied):
        services.invitation_check_in(scope=partner_scope, invitation=invite("a"))
