import datetime

import pytest
from django.apps import apps
from django.urls import reverse

from netzwerkstatt.steering.enums import MemberRole
from netzwerkstatt.steering.models import Network, NetworkMember, NetworkTopic, TopicInterest
from tests.factories import (
    NetworkFactory,
    NetworkMemberFactory,
    NetworkTopicFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    TopicInterestFactory,
)

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def english(client):
    client.cookies["django_language"] = "en"
    return client


# ------------------------------------------------------------------------------ list


def test_network_list_empty_state(staff_client, english):
    response = staff_client.get(reverse("steering:network_list"))

    assert response.status_code == 200
    assert "No networks yet." in response.content.decode()


def test_network_list_bounded_queries_and_pagination(
    staff_client, workspace, django_assert_max_num_queries
):
    for number in range(30):
        network = NetworkFactory(workspace=workspace, name=f"Netzwerk {number:02}")
        NetworkMemberFactory(network=network)
        NetworkTopicFactory(network=network)

    with django_assert_max_num_queries(6):
        response = staff_client.get(reverse("steering:network_list"))

    page = response.context["page"]
    assert page.paginator.count == 30
    assert len(page.object_list) == 25
    assert page.object_list[0].member_count == 1


def test_network_list_search_htmx(staff_client, network, workspace):
    NetworkFactory(workspace=workspace, name="Sozialpartnerdialog", region="Wolfsburg")

    response = staff_client.get(reverse("steering:network_list"), {"search": "wolfsburg"}, **HTMX)

    assert [n.name for n in response.context["page"].object_list] == ["Sozialpartnerdialog"]
    assert response.templates[0].name == "steering/_network_results.html"


def test_network_list_refuses_partner(partner_client):
    assert partner_client.get(reverse("steering:network_list")).status_code == 403


# ------------------------------------------------------------------------------- hub


def test_network_detail_shows_members_by_role_and_tabs(
    staff_client, network, workspace, monkeypatch, django_assert_max_num_queries
):
    # The page's own queries: sections of the other parts count in their own tests.
    monkeypatch.setattr(apps.get_app_config("steering"), "network_sections", [])
    network.projects.add(ProjectFactory(workspace=workspace, name="TraM"))
    guest = NetworkMemberFactory(network=network, role=MemberRole.GUEST)
    coordinator = NetworkMemberFactory(network=network, role=MemberRole.COORDINATION)
    member = NetworkMemberFactory(network=network, as_person=True)
    former = NetworkMemberFactory(network=network, left_on=datetime.date(2020, 1, 1))
    for _ in range(5):
        NetworkMemberFactory(network=network)
    topic = NetworkTopicFactory(network=network, name="Ausbildung")
    TopicInterestFactory(topic=topic, member=member, level=2)

    with django_assert_max_num_queries(8):
        response = staff_client.get(network.get_absolute_url())

    assert response.status_code == 200
    current = response.context["current_members"]
    assert current[0] == coordinator
    assert current[-1] == guest
    assert response.context["former_members"] == [former]
    assert [t.member_count for t in response.context["topics"]] == [1]
    assert [tab["active"] for tab in response.context["tabs"]][:2] == [True, False]
    body = response.content.decode()
    assert "TraM" in body
    assert member.person.last_name in body


def test_network_detail_of_other_workspace_is_404(staff_client, other_workspace):
    foreign = NetworkFactory(workspace=other_workspace)

    assert staff_client.get(foreign.get_absolute_url()).status_code == 404


def test_network_create_update_delete(staff_client, workspace):
    project = ProjectFactory(workspace=workspace)

    response = staff_client.post(
        reverse("steering:network_create"),
        {"name": "Fachkräftenetz Südheide", "region": "Celle", "projects": [project.pk]},
    )
    network = Network.objects.get()
    assert response.url == network.get_absolute_url()
    assert list(network.projects.all()) == [project]

    staff_client.post(
        reverse("steering:network_update", args=[network.pk]),
        {"name": "Fachkräftenetz Südheide", "region": "Landkreis Celle", "purpose": "Halten"},
    )
    network.refresh_from_db()
    assert (network.region, network.projects.count()) == ("Landkreis Celle", 0)

    response = staff_client.post(reverse("steering:network_delete", args=[network.pk]))
    assert response.url == reverse("steering:network_list")
    assert not Network.objects.exists()


def test_network_create_duplicate_name_shows_error(staff_client, network):
    response = staff_client.post(reverse("steering:network_create"), {"name": network.name})

    assert response.status_code == 200
    assert response.context["form"].errors["name"]
    assert Network.objects.count() == 1


# --------------------------------------------------------------------------- members


def test_member_create_organisation_then_duplicate(staff_client, network, workspace):
    organisation = OrganisationFactory(workspace=workspace)
    url = reverse("steering:member_create", args=[network.pk])
    data = {"node": f"organisation:{organisation.pk}", "role": "coordination"}

    response = staff_client.post(url, data)
    assert response.url == network.get_absolute_url()
    member = NetworkMember.objects.get()
    assert (member.organisation, member.role) == (organisation, "coordination")

    response = staff_client.post(url, data)
    assert response.status_code == 200
    assert response.context["form"].errors["node"]
    assert NetworkMember.objects.count() == 1


def test_member_create_person_and_add_another(staff_client, network, workspace):
    person = PersonFactory(workspace=workspace)

    response = staff_client.post(
        reverse("steering:member_create", args=[network.pk]),
        {"node": f"person:{person.pk}", "role": "guest", "another": "1"},
    )

    assert response.url == reverse("steering:member_create", args=[network.pk])
    assert NetworkMember.objects.get().person == person


def test_member_create_refuses_foreign_organisation(staff_client, network, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)

    response = staff_client.post(
        reverse("steering:member_create", args=[network.pk]),
        {"node": f"organisation:{foreign.pk}", "role": "member"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors["node"]
    assert not NetworkMember.objects.exists()


def test_member_update_dates_and_remove(staff_client, network):
    member = NetworkMemberFactory(network=network)

    response = staff_client.post(
        reverse("steering:member_update", args=[member.pk]),
        {"role": "member", "joined_on": "2026-05-01", "left_on": "2026-04-01"},
    )
    assert response.context["form"].errors["left_on"]

    staff_client.post(
        reverse("steering:member_update", args=[member.pk]),
        {"role": "guest", "joined_on": "2026-01-01", "left_on": "2026-04-01"},
    )
    member.refresh_from_db()
    assert (member.role, member.left_on) == ("guest", datetime.date(2026, 4, 1))

    response = staff_client.post(reverse("steering:member_delete", args=[member.pk]))
    assert response.url == network.get_absolute_url()
    assert not NetworkMember.objects.exists()


def test_member_pages_refuse_partner(partner_client, network):
    member = NetworkMemberFactory(network=network)

    assert (
        partner_client.post(reverse("steering:member_delete", args=[member.pk])).status_code == 403
    )
    assert NetworkMember.objects.exists()


# ---------------------------------------------------------------------- topics/matrix


def test_topic_create_update_delete(staff_client, network):
    response = staff_client.post(
        reverse("steering:topic_create", args=[network.pk]), {"topic-name": "Ausbildung"}
    )
    assert response.url == reverse("steering:network_matrix", args=[network.pk])
    topic = NetworkTopic.objects.get()

    response = staff_client.post(
        reverse("steering:topic_create", args=[network.pk]), {"topic-name": "ausbildung"}
    )
    assert response.status_code == 200
    assert response.context["topic_form"].errors["name"]

    staff_client.post(
        reverse("steering:topic_update", args=[topic.pk]),
        {"name": "Ausbildung und Studium", "description": ""},
    )
    topic.refresh_from_db()
    assert topic.name == "Ausbildung und Studium"

    staff_client.post(reverse("steering:topic_delete", args=[topic.pk]))
    assert not NetworkTopic.objects.exists()


def test_matrix_page_highlights_and_bounded_queries(
    staff_client, network, english, django_assert_max_num_queries
):
    members = [NetworkMemberFactory(network=network) for _ in range(12)]
    loner = NetworkMemberFactory(network=network, as_person=True)
    topics = [NetworkTopicFactory(network=network, name=f"Thema {n}") for n in range(6)]
    for member in members:
        TopicInterestFactory(topic=topics[0], member=member, level=2)
    TopicInterestFactory(topic=topics[5], member=loner, level=3)

    with django_assert_max_num_queries(9):
        response = staff_client.get(reverse("steering:network_matrix", args=[network.pk]))

    matrix = response.context["matrix"]
    assert matrix.shared_topics == [topics[0]]
    assert matrix.isolated_members == [loner]
    body = response.content.decode()
    assert "shared by most" in body
    assert "no shared topic" in body


def test_matrix_cell_htmx_sets_level(staff_client, network):
    member = NetworkMemberFactory(network=network)
    topic = NetworkTopicFactory(network=network)

    response = staff_client.post(
        reverse("steering:member_interests", args=[member.pk]),
        {"topic": topic.pk, "level": 3},
        **HTMX,
    )

    assert response.status_code == 200
    assert response.templates[0].name == "steering/_matrix.html"
    assert TopicInterest.objects.get().level == 3


def test_matrix_cell_refuses_topic_of_another_network(staff_client, network, workspace):
    member = NetworkMemberFactory(network=network)
    elsewhere = NetworkTopicFactory(network=NetworkFactory(workspace=workspace))

    staff_client.post(
        reverse("steering:member_interests", args=[member.pk]),
        {"topic": elsewhere.pk, "level": 3},
        **HTMX,
    )

    assert not TopicInterest.objects.exists()


def test_member_interests_form(staff_client, network):
    member = NetworkMemberFactory(network=network)
    first, second = (NetworkTopicFactory(network=network) for _ in range(2))
    url = reverse("steering:member_interests", args=[member.pk])

    assert staff_client.get(url).status_code == 200
    response = staff_client.post(url, {f"topic-{first.pk}": "1", f"topic-{second.pk}": "0"})

    assert response.url == reverse("steering:network_matrix", args=[network.pk])
    assert dict(TopicInterest.objects.values_list("topic_id", "level")) == {first.pk: 1}


# --------------------------------------------------------------------- contact pages


def test_organisation_page_lists_memberships(staff_client, network):
    member = NetworkMemberFactory(network=network)

    response = staff_client.get(member.organisation.get_absolute_url())

    assert network.name in response.content.decode()


def test_person_page_memberships_hidden_from_partner(partner_client, network):
    member = NetworkMemberFactory(network=network, as_person=True)

    response = partner_client.get(member.person.get_absolute_url())

    assert response.status_code in {200, 404}
    assert network.name not in response.content.decode()
