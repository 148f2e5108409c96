import pytest

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope


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
