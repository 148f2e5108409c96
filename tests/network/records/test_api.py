import datetime

import pytest
from django.utils import timezone

from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.models import Recommendation, Tie
from tests.factories import (
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    RecommendationFactory,
    TieFactory,
)

D = datetime.date


def node(obj) -> dict:
    return {
        "type": "person" if obj.__class__.__name__ == "Person" else "organisation",
        "id": obj.pk,
    }


def test_tie_create_read_update_delete_round_trip(staff_api, staff, workspace):
    person = PersonFactory(workspace=workspace)
    organisation = OrganisationFactory(workspace=workspace)
    project = ProjectFactory(workspace=workspace)

    created = staff_api.post(
        "ties",
        {
            "kind": "advises",
            "source": node(organisation),
            "target": node(person),
            "strength": 4,
            "trust": 3,
            "since": "2019-05-01",
            "project": project.pk,
            "note": "Berät den Vorstand.",
        },
    )
    assert created.status_code == 201, created.content
    body = created.json()
    path = f"ties/{body['id']}"
    read = staff_api.get(path)
    changed = staff_api.patch(path, {"strength": 5, "trust": None})
    deleted = staff_api.delete(path)

    assert body["source"] == {"type": "person", "id": person.pk, "label": str(person)}
    assert body["target"] == {
        "type": "organisation",
        "id": organisation.pk,
        "label": organisation.name,
    }
    assert body["directed"] is True
    assert (body["strength"], body["trust"], body["since"]) == (4, 3, "2019-05-01")
    assert (body["project"], body["note"], body["recorded_by"]) == (
        project.pk,
        "Berät den Vorstand.",
        str(staff),
    )
    assert read.json() == body
    assert (changed.json()["strength"], changed.json()["trust"]) == (5, None)
    assert deleted.status_code == 204
    assert not Tie.objects.exists()


def test_tie_create_existing_strengthens_with_200(staff_api, workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)
    tie = TieFactory(workspace=workspace, source_person=first, target_person=second, strength=2)

    response = staff_api.post(
        "ties",
        {"kind": "knows", "source": node(second), "target": node(first), "strength": 4},
    )

    assert response.status_code == 200
    assert response.json()["id"] == tie.pk
    assert response.json()["strength"] == 4
    assert Tie.objects.count() == 1


def test_tie_create_wrong_ends_is_422(staff_api, workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)

    response = staff_api.post(
        "ties",
        {"kind": "cooperation", "source": node(first), "target": node(second), "strength": 3},
    )

    assert response.status_code == 422
    assert "kind" in response.json()["errors"]
    assert not Tie.objects.exists()


@pytest.mark.parametrize("field", ["strength", "trust"])
def test_tie_create_value_out_of_range_is_422(staff_api, workspace, field):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)
    body = {"kind": "knows", "source": node(first), "target": node(second), "strength": 3}

    response = staff_api.post("ties", {**body, field: 6})

    assert response.status_code == 422
    assert field in response.json()["errors"]


@pytest.mark.parametrize("end", ["source", "target"])
def test_tie_create_with_foreign_end_is_404_and_creates_nothing(
    staff_api, workspace, other_workspace, end
):
    mine, foreign = PersonFactory(workspace=workspace), PersonFactory(workspace=other_workspace)
    ends = {"source": node(mine), "target": node(mine)}
    ends[end] = node(foreign)

    response = staff_api.post("ties", {"kind": "knows", "strength": 3, **ends})

    assert response.status_code == 404
    assert not Tie.objects.exists()


def test_tie_create_with_foreign_project_is_404(staff_api, workspace, other_workspace):
    first, second = PersonFactory(workspace=workspace), PersonFactory(workspace=workspace)

    response = staff_api.post(
        "ties",
        {
            "kind": "knows",
            "source": node(first),
            "target": node(second),
            "strength": 3,
            "project": ProjectFactory(workspace=other_workspace).pk,
        },
    )

    assert response.status_code == 404
    assert not Tie.objects.exists()


def test_tie_list_filters_and_never_foreign(staff_api, workspace, other_workspace):
    person = PersonFactory(workspace=workspace)
    strong = TieFactory(workspace=workspace, source_person=person, strength=5)
    TieFactory(workspace=workspace, source_person=person, strength=1)
    TieFactory(workspace=workspace, kind=TieKind.WORKS_WITH, strength=5)
    TieFactory(workspace=other_workspace, strength=5)

    everything = staff_api.get("ties")
    filtered = staff_api.get("ties", {"person": person.pk, "min_strength": 4, "kind": "knows"})

    assert everything.json()["count"] == 3
    assert [item["id"] for item in filtered.json()["items"]] == [strong.pk]


def test_tie_list_query_count_is_fixed(staff_api, workspace, django_assert_max_num_queries):
    for _ in range(20):
        TieFactory(workspace=workspace, recorded_by=None)

    with django_assert_max_num_queries(4):
        response = staff_api.get("ties", {"limit": 100})

    assert response.json()["count"] == 20


def test_tie_partner_reads_shared_without_trust_and_notes_and_writes_nothing(
    partner_api, workspace
):
    tie = TieFactory(
        workspace=workspace,
        source_person__is_shared=True,
        target_person__is_shared=True,
        trust=5,
        note="Vertraulich",
        purpose="Geheim",
    )
    TieFactory(workspace=workspace, source_person__is_shared=True)

    listed = partner_api.get("ties")
    read = partner_api.get(f"ties/{tie.pk}")
    created = partner_api.post(
        "ties",
        {
            "kind": "knows",
            "source": node(tie.source),
            "target": node(tie.target),
            "strength": 5,
        },
    )
    changed = partner_api.patch(f"ties/{tie.pk}", {"strength": 1})
    deleted = partner_api.delete(f"ties/{tie.pk}")

    assert listed.json()["count"] == 1
    body = read.json()
    assert (body["trust"], body["note"], body["purpose"], body["recorded_by"]) == (
        None,
        None,
        None,
        None,
    )
    assert (created.status_code, changed.status_code, deleted.status_code) == (403, 403, 403)
    tie.refresh_from_db()
    assert tie.strength == 3


def test_tie_unshared_is_404_for_partner(partner_api, workspace):
    tie = TieFactory(workspace=workspace, source_person__is_shared=True)

    assert partner_api.get(f"ties/{tie.pk}").status_code == 404


def test_recommendation_round_trip_with_outcome(staff_api, workspace):
    recommender = PersonFactory(workspace=workspace)
    company = OrganisationFactory(workspace=workspace)
    recipient = PersonFactory(workspace=workspace)

    created = staff_api.post(
        "recommendations",
        {
            "recommender": recommender.pk,
            "subject": node(company),
            "recipient": node(recipient),
            "date": "2026-03-02",
            "purpose": "Fachkräftesicherung",
        },
    )
    assert created.status_code == 201, created.content
    path = f"recommendations/{created.json()['id']}"
    changed = staff_api.patch(path, {"outcome": "cooperation", "on": "2026-04-01"})
    read = staff_api.get(path)
    deleted = staff_api.delete(path)

    assert created.json()["outcome"] == "open"
    assert created.json()["subject"]["label"] == company.name
    assert (changed.json()["outcome"], changed.json()["outcome_date"]) == (
        "cooperation",
        "2026-04-01",
    )
    assert read.json() == changed.json()
    assert deleted.status_code == 204
    assert not Recommendation.objects.exists()
    assert set(Tie.objects.values_list("kind", "strength")) == {
        (TieKind.KNOWS, 2),
        (TieKind.COLLABORATES, 4),
    }


def test_recommendation_outcome_without_date_is_today(staff_api, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    response = staff_api.patch(f"recommendations/{recommendation.pk}", {"outcome": "declined"})

    assert response.json()["outcome_date"] == timezone.localdate().isoformat()


def test_recommendation_with_foreign_person_is_404(staff_api, workspace, other_workspace):
    response = staff_api.post(
        "recommendations",
        {
            "recommender": PersonFactory(workspace=other_workspace).pk,
            "subject": node(OrganisationFactory(workspace=workspace)),
            "recipient": node(PersonFactory(workspace=workspace)),
            "date": "2026-03-02",
        },
    )

    assert response.status_code == 404
    assert not Recommendation.objects.exists()
    assert not Tie.objects.exists()


def test_recommendation_list_filters(staff_api, workspace, other_workspace):
    RecommendationFactory(workspace=workspace, outcome="cooperation")
    RecommendationFactory(workspace=workspace)
    RecommendationFactory(workspace=other_workspace, outcome="cooperation")

    response = staff_api.get("recommendations", {"outcome": "cooperation"})

    assert response.json()["count"] == 1


def test_recommendation_list_query_count_is_fixed(
    staff_api, workspace, django_assert_max_num_queries
):
    for _ in range(20):
        RecommendationFactory(workspace=workspace)

    with django_assert_max_num_queries(4):
        response = staff_api.get("recommendations", {"limit": 100})

    assert response.json()["count"] == 20


def test_recommendations_forbidden_for_partner(partner_api, workspace):
    recommendation = RecommendationFactory(workspace=workspace)

    assert partner_api.get("recommendations").status_code == 403
    assert partner_api.get(f"recommendations/{recommendation.pk}").status_code == 403
    assert (
        partner_api.patch(
            f"recommendations/{recommendation.pk}", {"outcome": "declined"}
        ).status_code
        == 403
    )
