"""Check-in on the day: the tablet page and one tap per person."""

from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.events.enums import InvitationStatus
from netzwerkstatt.events.models import Invitation
from tests.factories import FunctionFactory, PersonFactory

REGISTERED = InvitationStatus.REGISTERED


def test_checkin_page_lists_who_is_expected_with_search_keys(
    staff_client, event, invite, workspace
):
    person = PersonFactory(workspace=workspace, first_name="Jörg", last_name="Müller")
    FunctionFactory(workspace=workspace, person=person, organisation__name="Handwerkskammer")
    expected = invite("a", person=person, status=REGISTERED)
    waiting = invite("b", status=InvitationStatus.WAITLISTED)
    invite("c", status=InvitationStatus.DECLINED)
    invite("d")

    response = staff_client.get(reverse("events:checkin", args=[event.pk]))

    rows = response.context["rows"]
    assert {row["invitation"].pk for row in rows} == {expected.pk, waiting.pk}
    row = next(row for row in rows if row["invitation"] == expected)
    assert row["search"] == "jorg muller handwerkskammer"
    assert (response.context["checked_in_count"], response.context["expected_count"]) == (0, 2)
    assert 'data-search="jorg muller handwerkskammer"' in response.content.decode()


def test_checkin_page_queries_do_not_grow_with_rows(
    staff_client, event, invite, workspace, django_assert_max_num_queries
):
    for number in range(30):
        invite(f"t{number}", person=FunctionFactory(workspace=workspace).person, status=REGISTERED)
    url = reverse("events:checkin", args=[event.pk])
    staff_client.get(url)

    with django_assert_max_num_queries(9):
        response = staff_client.get(url)

    assert len(response.context["rows"]) == 30


def test_check_in_with_htmx_returns_the_row_and_counts(staff_client, invite):
    invitation = invite("a", status=REGISTERED)
    invite("b", status=REGISTERED)

    response = staff_client.post(
        reverse("events:invitation_check_in", args=[invitation.pk]),
        {"action": "in"},
        headers={"HX-Request": "true"},
    )

    text = response.content.decode()
    assert response.status_code == 200
    assert f'id="p{invitation.pk}"' in text
    assert "is-present" in text
    assert 'hx-swap-oob="true"' in text
    assert (response.context["checked_in_count"], response.context["expected_count"]) == (1, 2)
    assert Invitation.objects.get(pk=invitation.pk).checked_in_at is not None


def test_check_in_undo(staff_client, invite):
    invitation = invite("a", status=REGISTERED, checked_in_at=timezone.now())

    staff_client.post(
        reverse("events:invitation_check_in", args=[invitation.pk]),
        {"action": "undo"},
        headers={"HX-Request": "true"},
    )

    assert Invitation.objects.get(pk=invitation.pk).checked_in_at is None


def test_check_in_without_javascript_returns_to_the_page(staff_client, invite, event):
    invitation = invite("a", status=REGISTERED)

    response = staff_client.post(
        reverse("events:invitation_check_in", args=[invitation.pk]), {"action": "in"}
    )

    assert response.status_code == 302
    assert response.url == reverse("events:checkin", args=[event.pk]) + f"#p{invitation.pk}"


def test_check_in_needs_post(staff_client, invite):
    invitation = invite("a", status=REGISTERED)

    response = staff_client.get(reverse("events:invitation_check_in", args=[invitation.pk]))

    assert response.status_code == 405


def test_checkin_page_empty_state(staff_client, event):
    response = staff_client.get(reverse("events:checkin", args=[event.pk]))

    assert 'class="empty"' in response.content.decode()
