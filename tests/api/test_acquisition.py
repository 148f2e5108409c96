from decimal import Decimal

import pytest

from tests.factories import MeasureFactory, NeedFactory, ProjectFactory


@pytest.fixture
def catalogue(workspace):
    nachfolge = NeedFactory(workspace=workspace, name="Nachfolge", description="Offen")
    digital = NeedFactory(workspace=workspace, name="Digitalisierung")
    project = ProjectFactory(workspace=workspace, name="TraM")
    check = MeasureFactory(
        workspace=workspace,
        project=project,
        name="Nachfolgeberatung",
        effort="low",
        cost=Decimal("1200.50"),
        needs=[nachfolge, digital],
    )
    MeasureFactory(workspace=workspace, name="Führungskräfte-Workshop", needs=[digital])
    return {"nachfolge": nachfolge, "digital": digital, "project": project, "check": check}


def test_list_measures_with_needs_and_cost(staff_api, catalogue):
    response = staff_api.get("measures", {"project": catalogue["project"].pk})

    body = response.json()
    assert response.status_code == 200
    assert body["count"] == 1
    [measure] = body["items"]
    assert measure["name"] == "Nachfolgeberatung"
    assert measure["project"] == catalogue["project"].pk
    assert measure["effort"] == "low"
    assert Decimal(measure["cost"]) == Decimal("1200.50")
    assert measure["funded"] is True
    assert [need["name"] for need in measure["needs"]] == ["Digitalisierung", "Nachfolge"]


def test_list_measures_filters_by_need_and_folded_search(staff_api, catalogue):
    by_need = staff_api.get("measures", {"need": catalogue["nachfolge"].pk}).json()
    by_words = staff_api.get("measures", {"search": "FUEHRUNGSKRAEFTE"}).json()

    assert [item["name"] for item in by_need["items"]] == ["Nachfolgeberatung"]
    assert [item["name"] for item in by_words["items"]] == ["Führungskräfte-Workshop"]


def test_list_measures_queries_do_not_grow_with_rows(
    staff_api, workspace, django_assert_max_num_queries
):
    needs = NeedFactory.create_batch(3, workspace=workspace)
    MeasureFactory.create_batch(30, workspace=workspace, needs=needs)

    # token, membership, last-used update; count, rows, needs of the rows.
    with django_assert_max_num_queries(7):
        assert len(staff_api.get("measures", {"limit": 30}).json()["items"]) == 30


def test_get_measure_without_effort_is_null(staff_api, workspace):
    measure = MeasureFactory(workspace=workspace)

    body = staff_api.get(f"measures/{measure.pk}").json()

    assert body["effort"] is None
    assert body["cost"] is None
    assert body["needs"] == []


def test_list_and_get_needs_with_measure_counts(staff_api, catalogue):
    needs = staff_api.get("needs").json()
    nachfolge = staff_api.get(f"needs/{catalogue['nachfolge'].pk}").json()

    assert [(need["name"], need["measure_count"]) for need in needs["items"]] == [
        ("Digitalisierung", 2),
        ("Nachfolge", 1),
    ]
    assert nachfolge["description"] == "Offen"


@pytest.mark.parametrize("path", ["measures", "needs"])
def test_partners_get_403_in_german(partner_api, catalogue, path):
    response = partner_api.get(path)

    assert response.status_code == 403
    assert response.json() == {"detail": "Dazu haben Sie keine Berechtigung."}


def test_unknown_measure_is_404(staff_api, db):
    assert staff_api.get("measures/999999").status_code == 404
