import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import translation

from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.steering import selectors, services
from netzwerkstatt.steering.enums import Interest, MemberRole
from netzwerkstatt.steering.models import Network, NetworkMember, TopicInterest
from tests.factories import (
    NetworkFactory,
    NetworkMemberFactory,
    NetworkTopicFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
)

# ---------------------------------------------------------------------------- networks


def test_network_create_with_projects_and_log(scope, workspace):
    project = ProjectFactory(workspace=workspace)

    network = services.network_create(
        scope=scope,
        name="  Arbeitgeberkreis Gifhorn ",
        purpose="Fachkräfte halten",
        region="Landkreis Gifhorn",
        started_on=datetime.date(2026, 2, 1),
        projects=[project],
    )

    assert network.name == "Arbeitgeberkreis Gifhorn"
    assert list(network.projects.all()) == [project]
    assert network.created_by == scope.user
    entry = ActivityEntry.objects.get(object_id=network.pk, action="created")
    assert entry.details == {}


def test_network_create_refuses_duplicate_name(scope, network):
    with pytest.raises(ValidationError) as error:
        services.network_create(scope=scope, name=network.name)

    assert "name" in error.value.message_dict


def test_network_create_needs_a_name(scope):
    with pytest.raises(ValidationError) as error:
        services.network_create(scope=scope, name="  ")

    assert "name" in error.value.message_dict


def test_network_create_refuses_partner(partner_scope):
    with pytest.raises(PermissionDenied):
        services.network_create(scope=partner_scope, name="Netzwerk")

    assert not Network.objects.exists()


def test_network_create_refuses_foreign_project(scope, other_workspace):
    foreign = ProjectFactory(workspace=other_workspace)

    with pytest.raises(ValidationError) as error:
        services.network_create(scope=scope, name="Netzwerk", projects=[foreign])

    assert "projects" in error.value.message_dict
    assert not Network.objects.exists()


def test_network_update_logs_changed_field_names_only(scope, network, workspace):
    project = ProjectFactory(workspace=workspace)

    services.network_update(
        scope=scope, network=network, region="Region Hannover", purpose=network.purpose,
        projects=[project],
    )  # fmt: skip

    network.refresh_from_db()
    assert network.region == "Region Hannover"
    entry = ActivityEntry.objects.get(object_id=network.pk, action="updated")
    assert entry.details == {"fields": ["region", "projects"]}


def test_network_update_refuses_other_workspace(scope, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.network_update(scope=scope, network=foreign, name="übernommen")

    foreign.refresh_from_db()
    assert foreign.name != "übernommen"


def test_network_delete_removes_members_and_topics(scope, network):
    NetworkMemberFactory(network=network)
    NetworkTopicFactory(network=network)

    services.network_delete(scope=scope, network=network)

    assert not Network.objects.exists()
    assert not NetworkMember.objects.exists()
    entry = ActivityEntry.objects.get(action="deleted")
    assert entry.details == {"members": 1, "topics": 1, "meetings": 0}


# ----------------------------------------------------------------------------- members


def test_member_add_organisation_and_person(scope, network, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    person = PersonFactory(workspace=workspace)

    first = services.member_add(
        scope=scope, network=network, organisation=organisation, role=MemberRole.COORDINATION
    )
    second = services.member_add(
        scope=scope, network=network, person=person, joined_on=datetime.date(2026, 3, 1)
    )

    assert (first.organisation, first.person, first.role) == (organisation, None, "coordination")
    assert (second.organisation, second.person, second.role) == (None, person, "member")
    assert ActivityEntry.objects.filter(action="created", object_id=second.pk).get().details == {
        "network": network.pk
    }


@pytest.mark.parametrize("both", [True, False])
def test_member_add_needs_exactly_one_of_organisation_or_person(scope, network, workspace, both):
    kwargs = (
        {
            "organisation": OrganisationFactory(workspace=workspace),
            "person": PersonFactory(workspace=workspace),
        }
        if both
        else {}
    )

    with translation.override("en"), pytest.raises(ValidationError) as error:
        services.member_add(scope=scope, network=network, **kwargs)

    assert error.value.messages == ["Choose an organisation or a person as the member."]
    assert not NetworkMember.objects.exists()


def test_member_add_refuses_duplicate(scope, network, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    services.member_add(scope=scope, network=network, organisation=organisation)

    with pytest.raises(ValidationError) as error:
        services.member_add(scope=scope, network=network, organisation=organisation)

    assert "organisation" in error.value.message_dict
    assert NetworkMember.objects.count() == 1


def test_member_add_same_organisation_in_two_networks(scope, network, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    other = NetworkFactory(workspace=workspace)

    services.member_add(scope=scope, network=network, organisation=organisation)
    services.member_add(scope=scope, network=other, organisation=organisation)

    assert NetworkMember.objects.count() == 2


def test_member_add_refuses_foreign_organisation(scope, network, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.member_add(scope=scope, network=network, organisation=foreign)

    assert not NetworkMember.objects.exists()


def test_member_add_refuses_foreign_network(scope, workspace, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    with pytest.raises(ValidationError):
        services.member_add(
            scope=scope, network=foreign, organisation=OrganisationFactory(workspace=workspace)
        )


def test_member_add_refuses_partner(partner_scope, network, workspace):
    with pytest.raises(PermissionDenied):
        services.member_add(
            scope=partner_scope, network=network, person=PersonFactory(workspace=workspace)
        )


def test_member_add_refuses_unknown_role_and_left_before_joined(scope, network, workspace):
    with pytest.raises(ValidationError) as error:
        services.member_add(
            scope=scope,
            network=network,
            person=PersonFactory(workspace=workspace),
            role="boss",
            joined_on=datetime.date(2026, 5, 1),
            left_on=datetime.date(2026, 4, 1),
        )

    assert set(error.value.message_dict) == {"role", "left_on"}


def test_member_update_and_remove(scope, network):
    member = NetworkMemberFactory(network=network)
    topic = NetworkTopicFactory(network=network)
    services.member_interests_set(scope=scope, member=member, levels={topic: Interest.LEADING})

    services.member_update(scope=scope, member=member, role=MemberRole.GUEST)
    member.refresh_from_db()
    assert member.role == MemberRole.GUEST

    services.member_remove(scope=scope, member=member)
    assert not NetworkMember.objects.exists()
    assert not TopicInterest.objects.exists()
    assert ActivityEntry.objects.get(action="deleted").details == {
        "network": network.pk,
        "interests": 1,
    }


# ------------------------------------------------------------------------------ topics


def test_topic_crud(scope, network):
    topic = services.topic_create(scope=scope, network=network, name=" Fachkräftesicherung ")
    assert topic.name == "Fachkräftesicherung"

    with pytest.raises(ValidationError) as error:
        services.topic_create(scope=scope, network=network, name="fachkräftesicherung")
    assert "name" in error.value.message_dict

    services.topic_update(scope=scope, topic=topic, description="Wie halten wir Fachkräfte?")
    topic.refresh_from_db()
    assert topic.description == "Wie halten wir Fachkräfte?"

    services.topic_delete(scope=scope, topic=topic)
    assert not network.topics.exists()


def test_topic_create_refuses_partner_and_foreign_network(partner_scope, scope, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    with pytest.raises(PermissionDenied):
        services.topic_create(scope=partner_scope, network=foreign, name="Thema")
    with pytest.raises(ValidationError):
        services.topic_create(scope=scope, network=foreign, name="Thema")

    assert not foreign.topics.exists()


# --------------------------------------------------------------------------- interests


def test_member_interests_set_creates_updates_and_deletes(scope, network):
    member = NetworkMemberFactory(network=network)
    first, second, third = (NetworkTopicFactory(network=network) for _ in range(3))

    changed = services.member_interests_set(
        scope=scope, member=member, levels={first: 1, second: 3, third: 0}
    )
    assert changed == [first.pk, second.pk]

    changed = services.member_interests_set(
        scope=scope, member=member, levels={first: 0, second: 2, third: 0}
    )
    assert changed == [first.pk, second.pk]
    assert dict(TopicInterest.objects.values_list("topic_id", "level")) == {second.pk: 2}


def test_member_interests_set_refuses_topic_of_another_network(scope, network, workspace):
    member = NetworkMemberFactory(network=network)
    elsewhere = NetworkTopicFactory(network=NetworkFactory(workspace=workspace))

    with pytest.raises(ValidationError):
        services.member_interests_set(scope=scope, member=member, levels={elsewhere: 1})


def test_member_interests_set_refuses_invalid_level(scope, network):
    member = NetworkMemberFactory(network=network)
    topic = NetworkTopicFactory(network=network)

    with pytest.raises(ValidationError):
        services.member_interests_set(scope=scope, member=member, levels={topic: 7})

    assert not TopicInterest.objects.exists()


def test_member_interests_set_refuses_foreign_member(scope, other_workspace):
    member = NetworkMemberFactory(network=NetworkFactory(workspace=other_workspace))
    topic = NetworkTopicFactory(network=member.network)

    with pytest.raises(ValidationError):
        services.member_interests_set(scope=scope, member=member, levels={topic: 2})


# --------------------------------------------------------------------------- selectors


def test_network_matrix_marks_shared_topics_and_isolated_current_members(scope, network):
    a, b, c = (
        NetworkMemberFactory(network=network, organisation__name=name)
        for name in ("A-Werk", "B-Werk", "C-Werk")
    )
    gone = NetworkMemberFactory(network=network, left_on=datetime.date(2020, 1, 1))
    shared = NetworkTopicFactory(network=network, name="Ausbildung")
    lonely = NetworkTopicFactory(network=network, name="Tourismus")
    services.member_interests_set(scope=scope, member=a, levels={shared: 2})
    services.member_interests_set(scope=scope, member=b, levels={shared: 1})
    services.member_interests_set(scope=scope, member=c, levels={lonely: 3})
    services.member_interests_set(scope=scope, member=gone, levels={lonely: 3})

    matrix = selectors.network_matrix(scope=scope, network=network)

    assert [row.member for row in matrix.rows] == [a, b, c]
    assert matrix.shared_topics == [shared]
    assert matrix.isolated_members == [c]
    assert [level for _topic, level in matrix.rows[0].cells] == [2, 0]


def test_network_list_counts_and_search(scope, network, workspace):
    NetworkMemberFactory(network=network)
    NetworkMemberFactory(network=network, left_on=datetime.date(2020, 1, 1))
    NetworkTopicFactory(network=network)
    NetworkFactory(workspace=workspace, name="Sozialpartnerdialog", region="Wolfsburg")

    [found] = selectors.network_list(scope=scope, filters=selectors.NetworkFilter(search="gifhorn"))

    assert found == network
    assert (found.member_count, found.topic_count) == (1, 1)


def test_network_get_refuses_other_workspace(scope, other_workspace):
    with pytest.raises(Http404):
        selectors.network_get(scope=scope, pk=NetworkFactory(workspace=other_workspace).pk)
