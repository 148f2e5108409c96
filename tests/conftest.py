import pytest

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import MembershipFactory, WorkspaceFactory


@pytest.fixture
def workspace(db):
    return WorkspaceFactory(slug="bv-nord", name="Bildungsverein Nord")


@pytest.fixture
def other_workspace(db):
    return WorkspaceFactory(slug="fremd", name="Fremder Träger")


def _member(workspace, role):
    return MembershipFactory(workspace=workspace, role=role).user


@pytest.fixture
def lead(workspace):
    return _member(workspace, Role.LEAD)


@pytest.fixture
def staff(workspace):
    return _member(workspace, Role.STAFF)


@pytest.fixture
def partner(workspace):
    return _member(workspace, Role.PARTNER)


@pytest.fixture
def scope(workspace, staff):
    return Scope(workspace=workspace, role=Role.STAFF, user=staff)


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client
