from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.defaults import DEFAULT_NEEDS
from netzwerkstatt.acquisition.enums import Effort
from netzwerkstatt.acquisition.models import Measure, Need
from netzwerkstatt.core.enums import Action
from netzwerkstatt.core.models import ActivityEntry
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.core.templatetags.netzwerkstatt import activity_summary
from tests.factories import MeasureFactory, NeedFactory, OrganisationFactory, ProjectFactory

# ----------------------------------------------------------------------------- needs


def test_need_create_by_lead_records_activity(lead_scope):
    need = services.need_create(scope=lead_scope, name="  Nachfolge ", description="Offen.")

    assert need.name == "Nachfolge"
    assert need.workspace == lead_scope.workspace
    assert ActivityEntry.objects.get(action=Action.CREATED).target == need


@pytest.mark.parametrize("scope_fixture", ["scope", "partner_scope"])
def test_need_writes_refused_to_staff_and_partners(request, scope_fixture, workspace):
    scope = request.getfixturevalue(scope_fixture)
    need = NeedFactory(workspace=workspace)

    with pytest.raises(PermissionDenied):
        services.need_create(scope=scope, name="Nachfolge")
    with pytest.raises(PermissionDenied):
        services.need_update(scope=scope, need=need, name="Anders")
    with pytest.raises(PermissionDenied):
        services.need_delete(scope=scope, need=need)
    with pytest.raises(PermissionDenied):
        services.needs_create_defaults(scope=scope)
    assert Need.objects.get() == need


def test_need_create_refuses_a_name_that_differs_only_in_case_and_spaces(lead_scope):
    services.need_create(scope=lead_scope, name="Fachkräftemangel")

    with pytest.raises(ValidationError) as error:
        services.need_create(scope=lead_scope, name="  fachkräftemangel")

    assert error.value.message_dict["name"] == [
        "Den Bedarf „Fachkräftemangel“ gibt es im Vokabular schon."
    ]


def test_need_create_same_name_in_another_workspace_is_fine(lead_scope, other_workspace):
    NeedFactory(workspace=other_workspace, name="Nachfolge")

    assert services.need_create(scope=lead_scope, name="Nachfolge").pk


def test_need_create_without_name_says_so_in_german(lead_scope):
    with pytest.raises(ValidationError) as error:
        services.need_create(scope=lead_scope, name="   ")

    assert error.value.message_dict["name"] == ["Dieses Feld darf nicht leer sein."]


def test_need_update_renames_and_keeps_the_measures(lead_scope, workspace):
    need = NeedFactory(workspace=workspace, name="Vereinbarkeit")
    measure = MeasureFactory(workspace=workspace, needs=[need])

    services.need_update(scope=lead_scope, need=need, name="Vereinbarkeit von Familie und Beruf")

    assert list(measure.needs.values_list("name", flat=True)) == [
        "Vereinbarkeit von Familie und Beruf"
    ]
    entry = ActivityEntry.objects.get(action=Action.UPDATED)
    assert entry.details == {"fields": ["name"]}


def test_need_update_to_its_own_name_in_other_case_is_allowed(lead_scope, workspace):
    need = NeedFactory(workspace=workspace, name="digitalisierung")

    services.need_update(scope=lead_scope, need=need, name="Digitalisierung")

    need.refresh_from_db()
    assert need.name == "Digitalisierung"


def test_need_update_refuses_the_name_of_another_need(lead_scope, workspace):
    NeedFactory(workspace=workspace, name="Nachfolge")
    need = NeedFactory(workspace=workspace, name="Qualifizierung")

    with pytest.raises(ValidationError) as error:
        services.need_update(scope=lead_scope, need=need, name="Nachfolge")

    assert "name" in error.value.message_dict


def test_need_delete_leaves_the_measures_without_it(lead_scope, workspace):
    need = NeedFactory(workspace=workspace, name="Nachfolge")
    kept = NeedFactory(workspace=workspace, name="Qualifizierung")
    measures = [MeasureFactory(workspace=workspace, needs=[need, kept]) for _ in range(2)]

    assert services.need_delete(scope=lead_scope, need=need) == 2

    assert Measure.objects.count() == 2
    for measure in measures:
        assert list(measure.needs.all()) == [kept]
    entry = ActivityEntry.objects.get(action=Action.DELETED)
    assert entry.details == {"measures": 2}
    assert activity_summary(entry) == "betroffene Maßnahmen: 2"


def test_needs_create_defaults_fills_an_empty_vocabulary(lead_scope):
    created = services.needs_create_defaults(scope=lead_scope)

    names = {need.name for need in created}
    assert len(created) == len(DEFAULT_NEEDS) >= 8
    assert {"Fachkräftemangel", "Nachfolge", "Digitalisierung"} <= names
    assert all(need.description for need in created)
    entry = ActivityEntry.objects.get(action=Action.CREATED)
    assert activity_summary(entry) == f"{len(DEFAULT_NEEDS)} Bedarfe"


def test_needs_create_defaults_is_idempotent(lead_scope):
    services.needs_create_defaults(scope=lead_scope)

    assert services.needs_create_defaults(scope=lead_scope) == []
    assert Need.objects.count() == len(DEFAULT_NEEDS)
    assert ActivityEntry.objects.count() == 1


def test_needs_create_defaults_adds_only_what_is_missing(lead_scope, workspace):
    renamed = NeedFactory(workspace=workspace, name="NACHFOLGE")
    NeedFactory(workspace=workspace, name="Eigener Bedarf")

    created = services.needs_create_defaults(scope=lead_scope)

    assert len(created) == len(DEFAULT_NEEDS) - 1
    assert Need.objects.filter(name_key="nachfolge").get() == renamed


def test_needs_create_defaults_touches_no_other_workspace(lead_scope, other_workspace):
    services.needs_create_defaults(scope=Scope.system(other_workspace))

    assert len(services.needs_create_defaults(scope=lead_scope)) == len(DEFAULT_NEEDS)


# -------------------------------------------------------------------------- measures


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


def test_measure_create_by_staff_with_needs(scope, workspace, project):
    need = NeedFactory(workspace=workspace, name="Alternde Belegschaft")

    measure = services.measure_create(
        scope=scope,
        project=project,
        name="Altersstrukturanalyse",
        target_group="Geschäftsführung",
        effort=Effort.LOW,
        effort_note="ein Termin von drei Stunden",
        cost=Decimal("1200.00"),
        funded=True,
        duration="vier Wochen",
        needs=[need],
    )

    assert list(measure.needs.all()) == [need]
    assert measure.search_key == "altersstrukturanalyse geschaftsfuhrung"
    assert ActivityEntry.objects.get(action=Action.CREATED).target == measure


def test_measure_create_lead_may_too(lead_scope, project):
    assert services.measure_create(scope=lead_scope, project=project, name="Workshop").pk


def test_measure_writes_refused_to_partners(partner_scope, workspace, project):
    measure = MeasureFactory(workspace=workspace, project=project)

    with pytest.raises(PermissionDenied):
        services.measure_create(scope=partner_scope, project=project, name="Workshop")
    with pytest.raises(PermissionDenied):
        services.measure_update(scope=partner_scope, measure=measure, name="Anders")
    with pytest.raises(PermissionDenied):
        services.measure_delete(scope=partner_scope, measure=measure)


def test_measure_create_refuses_negative_cost(scope, project):
    with pytest.raises(ValidationError) as error:
        services.measure_create(scope=scope, project=project, name="Workshop", cost=-1)

    assert error.value.message_dict["cost"] == ["Die Kosten dürfen nicht negativ sein."]


def test_measure_create_unfunded_needs_a_cost(scope, project):
    with pytest.raises(ValidationError) as error:
        services.measure_create(scope=scope, project=project, name="Coaching", funded=False)

    assert error.value.message_dict["cost"] == [
        "Geben Sie an, was die Maßnahme den Betrieb kostet, oder kennzeichnen Sie sie als gefördert."
    ]


def test_measure_create_refuses_the_same_name_twice_in_a_project(scope, workspace, project):
    MeasureFactory(workspace=workspace, project=project, name="Demografie-Check")

    with pytest.raises(ValidationError) as error:
        services.measure_create(scope=scope, project=project, name="demografie-check ")

    assert error.value.message_dict["name"] == [
        "Das Projekt „TraM“ bietet die Maßnahme „Demografie-Check“ schon an."
    ]
    other = ProjectFactory(workspace=workspace, name="FluGs")
    assert services.measure_create(scope=scope, project=other, name="Demografie-Check").pk


def test_measure_create_refuses_another_workspaces_project_and_needs(
    scope, other_workspace, project
):
    foreign_project = ProjectFactory(workspace=other_workspace)
    foreign_need = NeedFactory(workspace=other_workspace)

    with pytest.raises(ValidationError) as error:
        services.measure_create(scope=scope, project=foreign_project, name="Workshop")
    assert "project" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        services.measure_create(scope=scope, project=project, name="Workshop", needs=[foreign_need])
    assert "needs" in error.value.message_dict
    assert not Measure.objects.exists()


def test_measure_update_logs_changed_fields_and_needs(scope, workspace, project):
    need = NeedFactory(workspace=workspace)
    measure = MeasureFactory(workspace=workspace, project=project, duration="drei Monate")

    services.measure_update(
        scope=scope, measure=measure, duration="drei Monate ", target_group="KMU", needs=[need]
    )

    entry = ActivityEntry.objects.get(action=Action.UPDATED)
    assert entry.details == {"fields": ["target_group", "needs"]}
    assert activity_summary(entry) == "Zielgruppe, abgedeckte Bedarfe"


def test_measure_update_without_changes_logs_nothing(scope, workspace, project):
    measure = MeasureFactory(workspace=workspace, project=project)

    services.measure_update(scope=scope, measure=measure, name=measure.name, needs=[])

    assert not ActivityEntry.objects.exists()


def test_measure_delete_keeps_the_needs(scope, workspace, project):
    need = NeedFactory(workspace=workspace)
    measure = MeasureFactory(workspace=workspace, project=project, needs=[need])

    services.measure_delete(scope=scope, measure=measure)

    assert not Measure.objects.exists()
    assert Need.objects.get() == need


def test_an_agreed_measure_stays_but_its_project_can_go(scope, workspace, project):
    measure = MeasureFactory(workspace=workspace, project=project)
    company = OrganisationFactory(workspace=workspace)
    approach = services.approach_create(scope=scope, project=project, organisation=company)
    services.approach_measure_agree(scope=scope, approach=approach, measure=measure)

    with pytest.raises(ValidationError, match="1 Betrieb hat diese Maßnahme vereinbart"):
        services.measure_delete(scope=scope, measure=measure)

    project.delete()  # the history goes with its project (and its workspace)
    assert not Measure.objects.exists()


# ------------------------------------------------------------------------- selectors


def test_measure_list_filters_by_project_need_and_folded_search(scope, workspace, project):
    need = NeedFactory(workspace=workspace)
    other_project = ProjectFactory(workspace=workspace)
    check = MeasureFactory(
        workspace=workspace, project=project, name="Führungskräfte-Workshop", needs=[need]
    )
    MeasureFactory(workspace=workspace, project=other_project, name="Arbeitszeitmodelle")

    def names(**query):
        filters = selectors.MeasureFilter.from_query(query)
        return [measure.name for measure in selectors.measure_list(scope=scope, filters=filters)]

    assert names(project=str(project.pk)) == [check.name]
    assert names(need=str(need.pk)) == [check.name]
    assert names(search="FUEHRUNGSKRAEFTE work") == [check.name]
    assert names(project="x", need="") == sorted([check.name, "Arbeitszeitmodelle"])


def test_measure_and_need_reads_are_empty_for_partners(partner_scope, workspace):
    MeasureFactory(workspace=workspace, needs=[NeedFactory(workspace=workspace)])

    assert not selectors.measure_list(scope=partner_scope).exists()
    assert not selectors.need_list(scope=partner_scope).exists()
