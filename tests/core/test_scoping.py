import pytest
from django.http import Http404

from netzwerkstatt.contacts.models import Organisation
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from tests.factories import OrganisationFactory


def test_scope_objects_contain_only_own_workspace(workspace, other_workspace):
    own = OrganisationFactory(workspace=workspace)
    OrganisationFactory(workspace=other_workspace)

    assert list(Scope.system(workspace).objects(Organisation)) == [own]


def test_scope_get_foreign_object_raises_404(workspace, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(Http404):
        Scope.system(workspace).get(Organisation, pk=foreign.pk)


def test_partner_scope_sees_only_shared_contacts(workspace, partner):
    shared = OrganisationFactory(workspace=workspace, is_shared=True)
    OrganisationFactory(workspace=workspace, is_shared=False)
    scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    assert list(scope.objects(Organisation)) == [shared]


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(Role.LEAD, True), (Role.STAFF, True), (Role.PARTNER, False)],
)
def test_change_contacts_permission_by_role(workspace, role, allowed):
    assert Scope(workspace=workspace, role=role).can("change_contacts") is allowed


def test_unknown_permission_is_an_error(workspace):
    with pytest.raises(ValueError, match="Unknown permission"):
        Scope.system(workspace).can("fly")
