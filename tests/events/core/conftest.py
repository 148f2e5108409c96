import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone, translation

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import EventFactory, InvitationFactory


@pytest.fixture(autouse=True)
def _fresh_throttle():
    """The throttle of unknown tokens counts in the cache; each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language_afterwards():
    """The LanguageMiddleware leaves a request's language active in the thread; a test that
    asks for English must not leave it to the tests after it."""
    yield
    translation.deactivate()


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


@pytest.fixture
def partner_scope(workspace, partner):
    return Scope(workspace=workspace, role=Role.PARTNER, user=partner)


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


@pytest.fixture
def event(workspace):
    """A workshop in four weeks with two places."""
    return EventFactory(workspace=workspace, title="Netzwerke aufbauen", capacity=2)


@pytest.fixture
def past_event(workspace):
    """A workshop that took place last week."""
    start = timezone.now() - dt.timedelta(days=7)
    return EventFactory(
        workspace=workspace,
        title="Reflexionsworkshop",
        starts_at=start,
        ends_at=start + dt.timedelta(hours=7),
    )


@pytest.fixture
def invite(event):
    """Make an invitation to the event with a known token: invite("token-a", person=…)."""

    def make(token: str, **fields):
        return InvitationFactory(event=fields.pop("event", event), token=token, **fields)

    return make
