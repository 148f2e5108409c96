"""No tie, recommendation or team page shows, changes or deletes another workspace's data.

Walks every URL of `network.urls_records`, so a page added there is covered (or
this test says which foreign object its id needs).
"""

import pytest
from django.urls import URLPattern, reverse

from netzwerkstatt.network import urls_records
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import Recommendation, TeamMember, Tie
from tests.factories import (
    FunctionFactory,
    MembershipFactory,
    PersonFactory,
    ProjectFactory,
    RecommendationFactory,
    TeamMemberFactory,
    TieFactory,
)

MARKER = "FREMDMARKER"
# URL name → the foreign object its id names.
FOREIGN_OBJECT = {
    "tie_update": "tie",
    "tie_delete": "tie",
    "recommendation_outcome": "recommendation",
    "recommendation_delete": "recommendation",
    "team_member_update": "team_member",
    "team_member_remove": "team_member",
}


@pytest.fixture
def foreign(other_workspace):
    function = FunctionFactory(
        workspace=other_workspace,
        person__last_name=f"{MARKER}Person",
        organisation__name=f"{MARKER} GmbH",
    )
    person, organisation = function.person, function.organisation
    tie = TieFactory(
        workspace=other_workspace,
        kind=TieKind.ADVISES,
        source_person=person,
        target_person=None,
        target_organisation=organisation,
        note=f"{MARKER} Notiz",
    )
    recommendation = RecommendationFactory(
        workspace=other_workspace,
        recommender=person,
        subject_organisation=organisation,
        purpose=f"{MARKER}Zweck",
    )
    team_member = TeamMemberFactory(
        workspace=other_workspace,
        person=PersonFactory(workspace=other_workspace, last_name=f"{MARKER}Team"),
        user=MembershipFactory(workspace=other_workspace).user,
    )
    return {
        "person": person,
        "organisation": organisation,
        "tie": tie,
        "recommendation": recommendation,
        "team_member": team_member,
        "project": ProjectFactory(workspace=other_workspace, name=f"{MARKER}Projekt"),
    }


def foreign_state(other_workspace) -> list:
    return [
        sorted(
            Tie.objects.filter(workspace=other_workspace).values_list("kind", "strength", "note")
        ),
        sorted(
            Recommendation.objects.filter(workspace=other_workspace).values_list(
                "outcome", "purpose"
            )
        ),
        sorted(
            TeamMember.objects.filter(workspace=other_workspace).values_list(
                "person_id", "user_id", "until"
            )
        ),
    ]


def routes():
    return [
        pytest.param(pattern, id=pattern.name)
        for pattern in urls_records.urlpatterns
        if isinstance(pattern, URLPattern)
    ]


def foreign_query(foreign) -> dict:
    """Filters and picks that name the other workspace's rows."""
    person, organisation = foreign["person"], foreign["organisation"]
    return {
        "q": MARKER[:8].lower(),
        "person": person.pk,
        "organisation": organisation.pk,
        "project": foreign["project"].pk,
        "node": f"person:{person.pk}",
        "recommender": f"person:{person.pk}",
    }


def foreign_body(foreign) -> dict:
    person, organisation = foreign["person"], foreign["organisation"]
    return {
        "panel": f"person:{person.pk}",
        "tie-node": f"person:{person.pk}",
        "tie-other": f"organisation:{organisation.pk}",
        "tie-kind": "advises",
        "tie-strength": "5",
        "tie-provenance": "conversation",
        "recommendation-recommender": f"person:{person.pk}",
        "recommendation-subject": f"organisation:{organisation.pk}",
        "recommendation-recipient": f"person:{person.pk}",
        "recommendation-date": "2026-03-02",
        "recommendation-outcome": "cooperation",
        "recommendation-provenance": "conversation",
        "member-person": f"person:{person.pk}",
        "member-user": foreign["team_member"].user_id,
        "user": foreign["team_member"].user_id,
        "kind": "knows",
        "strength": "1",
        "provenance": "conversation",
        "outcome": "declined",
        "on": "2026-03-02",
        "until": "2026-01-01",
    }


@pytest.mark.parametrize("pattern", routes())
@pytest.mark.parametrize("htmx", [False, True])
def test_record_page_never_reveals_or_changes_foreign_data(
    client, lead, workspace, other_workspace, foreign, pattern, htmx
):
    client.force_login(lead)
    arguments = set(pattern.pattern.converters)
    if arguments:
        assert pattern.name in FOREIGN_OBJECT, f"{pattern.name}: add it to FOREIGN_OBJECT"
        url = reverse(f"network:{pattern.name}", args=[foreign[FOREIGN_OBJECT[pattern.name]].pk])
    else:
        url = reverse(f"network:{pattern.name}", kwargs=pattern.default_args)
    before = foreign_state(other_workspace)
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}

    responses = [
        client.get(url, foreign_query(foreign), **headers),
        client.post(url, foreign_body(foreign), **headers),
        client.post(url, {**foreign_body(foreign), "action": "from_user"}, **headers),
    ]

    for response in responses:
        body = response.content.decode()
        assert MARKER.lower() not in body.lower(), f"{url}: {body[:500]}"
        if arguments:
            assert response.status_code in {404, 405}, url
    assert foreign_state(other_workspace) == before
    assert not Tie.objects.filter(workspace=workspace).exists()
    assert not Recommendation.objects.filter(workspace=workspace).exists()
    assert not TeamMember.objects.filter(workspace=workspace).exists()


def test_panel_post_for_foreign_node_is_404(client, lead, foreign):
    client.force_login(lead)
    mine = PersonFactory(workspace=lead.memberships.get().workspace)

    response = client.post(
        reverse("network:tie_create"),
        {**foreign_body(foreign), "tie-node": f"person:{mine.pk}"},
        HTTP_HX_REQUEST="true",
    )

    assert response.status_code == 404
    assert not Tie.objects.filter(source_person=mine).exists()
