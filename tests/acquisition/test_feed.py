"""The personal calendar feed: its secret address, its entries, and who it reveals nothing to."""

import datetime as dt
import re

import icalendar
import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.models import CalendarFeed
from netzwerkstatt.acquisition.services.feeds import feed_token_hash
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import Membership
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    ActivityFactory,
    MembershipFactory,
    OrganisationFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def today():
    return timezone.localdate()


def _feed_url(token: str) -> str:
    return reverse("acquisition:calendar_feed_ics", args=[token])


def _events(response) -> list:
    calendar = icalendar.Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def _follow_up(workspace, project, user, on, name="Metallbau Kruse GmbH", **fields):
    return ActivityFactory(
        workspace=workspace,
        project=project,
        organisation=OrganisationFactory(workspace=workspace, name=name),
        occurred_on=on - dt.timedelta(days=7),
        follow_up_on=on,
        follow_up_by=user,
        **fields,
    )


def test_feed_lists_the_user_s_open_follow_ups_and_next_steps(
    client, scope, workspace, project, lead, today
):
    mine = _follow_up(workspace, project, scope.user, today + dt.timedelta(days=30))
    _follow_up(workspace, project, lead, today, name="Fremde Nachfass GmbH")
    _follow_up(
        workspace, project, scope.user, today, name="Erledigt AG", follow_up_done_at=timezone.now()
    )
    approach = services.approach_create(
        scope=scope,
        project=project,
        organisation=OrganisationFactory(workspace=workspace, name="Tischlerei Brandt"),
        next_step="Angebot schicken",
        next_step_on=today,
    )
    token = services.calendar_feed_renew(scope=scope)

    response = client.get(_feed_url(token))

    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    events = {str(event["UID"]): event for event in _events(response)}
    assert set(events) == {
        f"follow-up-{workspace.pk}-{mine.pk}@netzwerkstatt",
        f"next-step-{workspace.pk}-{approach.pk}@netzwerkstatt",
    }
    follow_up = events[f"follow-up-{workspace.pk}-{mine.pk}@netzwerkstatt"]
    with translation.override("de"):
        expected = gettext("Follow up: %(company)s") % {"company": "Metallbau Kruse GmbH"}
    assert str(follow_up["SUMMARY"]) == expected
    assert follow_up.decoded("DTSTART") == mine.follow_up_on  # an all-day entry
    assert follow_up.decoded("DTEND") == mine.follow_up_on + dt.timedelta(days=1)
    step = events[f"next-step-{workspace.pk}-{approach.pk}@netzwerkstatt"]
    assert "Angebot schicken" in str(step["DESCRIPTION"])
    assert "Fremde" not in response.content.decode()


def test_feed_uids_stay_when_the_date_moves(client, scope, workspace, project, today):
    activity = _follow_up(workspace, project, scope.user, today)
    token = services.calendar_feed_renew(scope=scope)
    before = [str(event["UID"]) for event in _events(client.get(_feed_url(token)))]

    services.activity_update(
        scope=scope, activity=activity, follow_up_on=today + dt.timedelta(days=3)
    )
    after = _events(client.get(_feed_url(token)))

    assert [str(event["UID"]) for event in after] == before
    assert after[0].decoded("DTSTART") == today + dt.timedelta(days=3)


def test_only_the_hash_is_stored_and_renewing_invalidates_the_old_address(client, scope):
    old = services.calendar_feed_renew(scope=scope)
    new = services.calendar_feed_renew(scope=scope)

    feed = CalendarFeed.objects.get()
    assert feed.token_hash == feed_token_hash(new)
    assert old not in feed.token_hash
    assert client.get(_feed_url(old)).status_code == 404
    assert client.get(_feed_url(new)).status_code == 200


def test_switching_off_closes_the_feed(client, scope):
    token = services.calendar_feed_renew(scope=scope)

    assert services.calendar_feed_delete(scope=scope) is True
    assert client.get(_feed_url(token)).status_code == 404


def test_unknown_tokens_get_404_then_429(client):
    statuses = [client.get(_feed_url(f"unbekannt{n}")).status_code for n in range(21)]

    assert set(statuses[:20]) == {404}
    assert statuses[20] == 429


def test_feed_of_another_workspace_reveals_only_its_own_user_s_items(
    client, scope, workspace, other_workspace, project, today
):
    other_user = MembershipFactory(workspace=other_workspace, role=Role.STAFF).user
    other_scope = Scope(workspace=other_workspace, role=Role.STAFF, user=other_user)
    other_project = ProjectFactory(workspace=other_workspace)
    _follow_up(other_workspace, other_project, other_user, today, name="FREMDMARKER GmbH")
    _follow_up(workspace, project, scope.user, today, name="Eigene GmbH")
    # The same user in both workspaces: each feed shows its own workspace only.
    MembershipFactory(workspace=other_workspace, user=scope.user, role=Role.STAFF)
    own_token = services.calendar_feed_renew(scope=scope)
    services.calendar_feed_renew(scope=other_scope)

    content = client.get(_feed_url(own_token)).content.decode()

    assert "Eigene GmbH" in content
    assert "FREMDMARKER" not in content


def test_feed_closes_when_the_user_leaves_the_team(client, scope, workspace, project, today):
    _follow_up(workspace, project, scope.user, today)
    token = services.calendar_feed_renew(scope=scope)

    Membership.objects.filter(user=scope.user, workspace=workspace).update(role=Role.PARTNER)

    assert client.get(_feed_url(token)).status_code == 404


def test_feed_page_shows_the_address_once(staff_client, workspace):
    page = reverse("acquisition:calendar_feed")

    created = staff_client.post(reverse("acquisition:calendar_feed_renew"), follow=True)
    again = staff_client.get(page)

    content = created.content.decode()
    [address] = re.findall(r'value="(http://testserver/akquise/kalender/[^"]+\.ics)"', content)
    token = address.rsplit("/", 1)[1].removesuffix(".ics")
    assert CalendarFeed.objects.get(workspace=workspace).token_hash == feed_token_hash(token)
    assert token not in again.content.decode()
    assert again.context["feed"] is not None


def test_feed_page_closed_to_partners(partner_client):
    assert partner_client.get(reverse("acquisition:calendar_feed")).status_code == 403
    assert partner_client.post(reverse("acquisition:calendar_feed_renew")).status_code == 403
    assert not CalendarFeed.objects.exists()
