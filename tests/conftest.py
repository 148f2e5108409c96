import pytest

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.loading import graph_cache_clear
from tests.factories import MembershipFactory, WorkspaceFactory


@pytest.fixture(autouse=True)
def _fresh_graph_cache():
    """Each test starts without cached graphs. The cache is per process and keyed by
    workspace id and data version, and both repeat when each test's database is rolled
    back, so a graph of an earlier test would otherwise answer for this one."""
    graph_cache_clear()
    yield
    graph_cache_clear()


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
