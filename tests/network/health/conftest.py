"""A small network with known health figures, built through the network services."""

import datetime
from types import SimpleNamespace

import pytest
from django.conf import settings
from django.utils import timezone

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.services import team_member_set, tie_save
from tests.browser.conftest import browser_type_launch_args, log_in  # noqa: F401 (fixtures)
from tests.factories import MembershipFactory, OrganisationFactory, PersonFactory


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


def _client(client, user):
    client.force_login(user)
    # Pages speak English under test, whatever the German catalogue says.
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def lead_client(client, lead):
    return _client(client, lead)


@pytest.fixture
def team_client(client, staff):
    return _client(client, staff)


@pytest.fixture
def partner_client(client, partner):
    return _client(client, partner)


@pytest.fixture
def other_lead(other_workspace):
    return MembershipFactory(workspace=other_workspace, role=Role.LEAD).user


def knows(scope, source, target, *, strength=3, last_contact=None, since=None):
    tie, _created = tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=source,
        target=target,
        strength=strength,
        last_contact=last_contact,
        since=since,
    )
    return tie


@pytest.fixture
def star(workspace, lead_scope):
    """A team member who knows three partners, two of whom know each other, and an isolate.

        Berger ─ Engel
           \\     /
          Team (Anna Teamer)
             |
           Dietz            Nord GmbH (no tie)

    Without the team, Dietz is cut off (team dependency 1/3) and has ties to the
    team only; the team member is the one broker; the tie Team–Dietz is stale.
    """
    today = timezone.localdate()
    team = PersonFactory(workspace=workspace, first_name="Anna", last_name="Teamer")
    team_member_set(scope=lead_scope, person=team)
    berger = PersonFactory(workspace=workspace, first_name="Bea", last_name="Berger")
    engel = PersonFactory(workspace=workspace, first_name="Eva", last_name="Engel")
    dietz = PersonFactory(workspace=workspace, first_name="Dora", last_name="Dietz")
    isolate = OrganisationFactory(workspace=workspace, name="Nord GmbH")
    knows(lead_scope, team, berger, strength=4, last_contact=today)
    knows(lead_scope, team, engel, last_contact=today)
    knows(lead_scope, berger, engel, last_contact=today)
    stale = knows(
        lead_scope, team, dietz, strength=2, last_contact=today - datetime.timedelta(days=800)
    )
    return SimpleNamespace(
        team=team, berger=berger, engel=engel, dietz=dietz, isolate=isolate, stale_tie=stale
    )


def key(obj) -> str:
    return f"{obj._meta.model_name}:{obj.pk}"
