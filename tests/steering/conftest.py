"""Shared fixtures of the steering tests; each part appends the fixtures it shares."""

import pytest

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import NetworkFactory


@pytest.fixture
def lead_scope(workspace, lead):
    return Scope(workspace=workspace, role=Role.LEAD, user=lead)


@pytest.fixture
def staff_scope(workspace, staff):
    return Scope(workspace=workspace, role=Role.STAFF, user=staff)


@pytest.fixture
def partner_scope(workspace, partner):
    return Scope(workspace=workspace, role=Role.PARTNER, user=partner)


@pytest.fixture
def other_scope(other_workspace):
    """The system scope of another workspace, to build foreign data with services."""
    return Scope.system(other_workspace)


@pytest.fixture
def lead_client(client, lead):
    client.force_login(lead)
    return client


@pytest.fixture
def partner_client(client, partner):
    client.force_login(partner)
    return client


@pytest.fixture
def network(workspace):
    """A network of the workspace without members or topics."""
    return NetworkFactory(
        workspace=workspace,
        name="Arbeitgeberkreis Gifhorn",
        purpose="Fachkräfte in der Region halten",
        region="Landkreis Gifhorn",
    )
