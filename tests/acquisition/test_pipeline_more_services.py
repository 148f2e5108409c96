"""The pipeline beyond its core: the approach plan, agreed measures and the stage editor."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.enums import StageKind
from netzwerkstatt.acquisition.models import Approach, ApproachMeasure, Stage, StageChange
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.models import ActivityEntry, DataVersion
from netzwerkstatt.core.scoping import Scope
from tests.factories import (
    FunctionFactory,
    MeasureFactory,
    MembershipFactory,
    OrganisationFactory,
    PersonFactory,
    ProjectFactory,
    WorkspaceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace, name="TraM")


@pytest.fixture
def company(workspace):
    return OrganisationFactory(workspace=workspace, kind=OrganisationKind.COMPANY)


@pytest.fixture
def approach(scope, project, company):
    return services.approach_create(scope=scope, project=project, organisation=company)


def _stages(scope, project):
    return {stage.name: stage for stage in services.stages_ensure(scope=scope, project=project)}


def _version(workspace):
    row = DataVersion.objects.filter(workspace=workspace, topic="acquisition").first()
    return row.version if row else 0


# ------------------------------------------------------------------------------ moves


def test_a_move_records_the_stage_and_its_kind_at_that_time(scope, project, approach):
    stages = _stages(scope, project)

    services.approach_move(scope=scope, approach=approach, stage=stages["Gespräch"])
    services.stage_update(scope=scope, stage=stages["Gespräch"], kind=StageKind.OTHER)

    history = list(StageChange.objects.filter(approach=approach).order_by("changed_at", "id"))
    assert [(change.stage.name, change.kind) for change in history] == [
        ("identifiziert", StageKind.IDENTIFIED),
        ("Gespräch", StageKind.CONVERSATION),
    ]


def test_a_move_within_a_stage_reorders_without_history(scope, project, workspace):
    companies = [OrganisationFactory(workspace=workspace) for _ in range(3)]
    first, second, third = (
        services.approach_create(scope=scope, project=project, organisation=company)
        for company in companies
    )
    changes = StageChange.objects.count()

    services.approach_move(scope=scope, approach=third, stage=third.stage, position=0)

    order = list(Approach.objects.filter(stage=first.stage).order_by("position"))
    assert order == [third, first, second]
    assert [approach.position for approach in order] == [0, 1, 2]
    assert StageChange.objects.count() == changes


def test_a_move_to_another_stage_places_the_card_and_closes_no_gap_it_leaves(
    scope, project, workspace
):
    stages = _stages(scope, project)
    a, b = (
        services.approach_create(
            scope=scope, project=project, organisation=OrganisationFactory(workspace=workspace)
        )
        for _ in range(2)
    )
    c = services.approach_create(
        scope=scope,
        project=project,
        organisation=OrganisationFactory(workspace=workspace),
        stage=stages["Gespräch"],
    )

    services.approach_move(scope=scope, approach=a, stage=stages["Gespräch"], position=0)

    assert list(Approach.objects.filter(stage=stages["Gespräch"]).order_by("position")) == [a, c]
    a.refresh_from_db()
    assert a.stage_changed_at > c.stage_changed_at - dt.timedelta(seconds=1)
    assert list(Approach.objects.filter(stage=stages["identifiziert"])) == [b]


def test_a_move_to_another_project_s_stage_is_refused(scope, project, approach, workspace):
    other = services.stages_ensure(scope=scope, project=ProjectFactory(workspace=workspace))

    with pytest.raises(ValidationError, match="gehört zu einem anderen Projekt"):
        services.approach_move(scope=scope, approach=approach, stage=other[2])


def test_partners_cannot_move_cards(partner, workspace, scope, project, approach):
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.approach_move(scope=partner_scope, approach=approach, stage=approach.stage)


# ---------------------------------------------------------------------- approach plan


def test_the_plan_saves_its_fields_and_logs_only_their_names(
    scope, approach, company, workspace, staff
):
    contact = FunctionFactory(workspace=workspace, organisation=company).person
    introducer = PersonFactory(workspace=workspace)
    version = _version(workspace)

    changed = services.approach_update(
        scope=scope,
        approach=approach,
        channel="warm",
        contact_person=contact,
        introducer=introducer,
        next_step="  Anruf bei der Geschäftsführung ",
        next_step_on=dt.date(2030, 1, 15),
        benefit_statement="Ihr Betrieb gewinnt …",
    )

    approach.refresh_from_db()
    assert approach.next_step == "Anruf bei der Geschäftsführung"
    assert (approach.contact_person, approach.introducer) == (contact, introducer)
    assert sorted(changed) == sorted(
        ["channel", "contact_person", "introducer", "next_step", "next_step_on",
         "benefit_statement"]
    )  # fmt: skip
    entry = ActivityEntry.objects.filter(object_id=approach.pk).latest("id")
    assert entry.details == {"fields": changed}
    assert _version(workspace) == version + 1


def test_an_unchanged_plan_is_not_logged(scope, approach):
    entries = ActivityEntry.objects.count()

    assert services.approach_update(scope=scope, approach=approach, next_step="") == []
    assert ActivityEntry.objects.count() == entries


def test_the_contact_must_currently_work_at_the_company(scope, approach, company, workspace):
    elsewhere = FunctionFactory(workspace=workspace).person
    left = FunctionFactory(
        workspace=workspace, organisation=company, end_date=dt.date(2020, 1, 1)
    ).person

    for person in (elsewhere, left):
        with pytest.raises(ValidationError) as error:
            services.approach_update(scope=scope, approach=approach, contact_person=person)
        assert "contact_person" in error.value.message_dict


def test_the_owner_must_belong_to_the_team(scope, approach, workspace, partner):
    with pytest.raises(ValidationError) as error:
        services.approach_update(scope=scope, approach=approach, owner=partner)

    assert "owner" in error.value.message_dict


def test_the_plan_refuses_another_workspace_s_person(scope, approach):
    foreign = PersonFactory(workspace=WorkspaceFactory())

    with pytest.raises(ValidationError):
        services.approach_update(scope=scope, approach=approach, introducer=foreign)


def test_unknown_plan_fields_are_a_programming_error(scope, approach):
    with pytest.raises(TypeError):
        services.approach_update(scope=scope, approach=approach, stage=None)


def test_deleting_an_approach_takes_history_and_measures_and_closes_the_gap(
    scope, project, workspace
):
    first, second = (
        services.approach_create(
            scope=scope, project=project, organisation=OrganisationFactory(workspace=workspace)
        )
        for _ in range(2)
    )
    measure = MeasureFactory(workspace=workspace, project=project)
    services.approach_measure_agree(scope=scope, approach=first, measure=measure)

    services.approach_delete(scope=scope, approach=first)

    assert not StageChange.objects.filter(approach_id=first.pk).exists()
    assert not ApproachMeasure.objects.exists()
    second.refresh_from_db()
    assert second.position == 0
    entry = ActivityEntry.objects.latest("id")
    assert entry.details == {"measures": 1}


def test_partners_cannot_change_or_delete_a_plan(partner, workspace, approach):
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.approach_update(scope=partner_scope, approach=approach, next_step="x")
    with pytest.raises(PermissionDenied):
        services.approach_delete(scope=partner_scope, approach=approach)


# --------------------------------------------------------------------- agreed measures


def test_a_measure_is_agreed_once_and_delivered_after_it_was_agreed(
    scope, approach, project, workspace
):
    measure = MeasureFactory(workspace=workspace, project=project, name="Demografie-Check")
    today = timezone.localdate()

    agreement = services.approach_measure_agree(
        scope=scope, approach=approach, measure=measure, agreed_on=today - dt.timedelta(days=10)
    )
    with pytest.raises(ValidationError, match="schon vereinbart"):
        services.approach_measure_agree(scope=scope, approach=approach, measure=measure)
    with pytest.raises(ValidationError) as early:
        services.approach_measure_update(
            scope=scope, agreement=agreement, delivered_on=today - dt.timedelta(days=11)
        )
    assert "delivered_on" in early.value.message_dict
    agreement.refresh_from_db()
    services.approach_measure_delivered(scope=scope, agreement=agreement)

    agreement.refresh_from_db()
    assert agreement.delivered_on == today


def test_a_measure_cannot_be_delivered_or_agreed_in_the_future(scope, approach, project, workspace):
    measure = MeasureFactory(workspace=workspace, project=project)
    tomorrow = timezone.localdate() + dt.timedelta(days=1)

    with pytest.raises(ValidationError):
        services.approach_measure_agree(
            scope=scope, approach=approach, measure=measure, agreed_on=tomorrow
        )
    agreement = services.approach_measure_agree(scope=scope, approach=approach, measure=measure)
    with pytest.raises(ValidationError):
        services.approach_measure_delivered(scope=scope, agreement=agreement, delivered_on=tomorrow)


def test_only_the_project_s_own_measures_are_agreed(scope, approach, workspace):
    other_project_measure = MeasureFactory(workspace=workspace)
    foreign = MeasureFactory(workspace=WorkspaceFactory())

    with pytest.raises(ValidationError, match="Maßnahmenkatalog dieses Projekts"):
        services.approach_measure_agree(
            scope=scope, approach=approach, measure=other_project_measure
        )
    with pytest.raises(ValidationError):
        services.approach_measure_agree(scope=scope, approach=approach, measure=foreign)


def test_an_agreement_is_removed(scope, approach, project, workspace):
    measure = MeasureFactory(workspace=workspace, project=project)
    agreement = services.approach_measure_agree(scope=scope, approach=approach, measure=measure)

    services.approach_measure_remove(scope=scope, agreement=agreement)

    assert not ApproachMeasure.objects.exists()


# ------------------------------------------------------------------------ stage editor


def test_a_new_stage_goes_last_and_names_are_unique_regardless_of_case(scope, project):
    _stages(scope, project)

    stage = services.stage_create(
        scope=scope, project=project, name=" Nachfassen ", kind=StageKind.OTHER
    )

    assert (stage.name, stage.position) == ("Nachfassen", 8)
    with pytest.raises(ValidationError) as error:
        services.stage_create(scope=scope, project=project, name="gespräch", kind="conversation")
    assert "Gespräch" in error.value.message_dict["name"][0]


def test_a_stage_needs_a_name_and_a_known_kind(scope, project):
    with pytest.raises(ValidationError) as error:
        services.stage_create(scope=scope, project=project, name=" ", kind="unknown")

    assert set(error.value.message_dict) == {"name", "kind"}


def test_a_stage_is_renamed_and_re_marked(scope, project):
    stage = _stages(scope, project)["Gespräch"]

    changed = services.stage_update(scope=scope, stage=stage, name="Erstgespräch", kind="other")

    stage.refresh_from_db()
    assert (stage.name, stage.kind, changed) == ("Erstgespräch", "other", ["name", "kind"])


def test_stages_are_reordered_and_shifted(scope, project):
    stages = list(_stages(scope, project).values())

    services.stage_reorder(scope=scope, project=project, stages=[*stages[1:], stages[0]])
    services.stage_shift(scope=scope, stage=stages[0], offset=-1)

    order = [stage.name for stage in Stage.objects.filter(project=project).order_by("position")]
    assert order[:2] == ["recherchiert", "angesprochen"]
    assert order[-2:] == ["identifiziert", "abgesagt"]
    assert sorted(Stage.objects.filter(project=project).values_list("position", flat=True)) == (
        list(range(8))
    )


def test_a_reorder_must_name_every_stage_once(scope, project, workspace):
    stages = list(_stages(scope, project).values())
    foreign = services.stages_ensure(scope=scope, project=ProjectFactory(workspace=workspace))

    for wrong in (stages[1:], [*stages, stages[0]], [*stages[1:], foreign[0]]):
        with pytest.raises(ValidationError):
            services.stage_reorder(scope=scope, project=project, stages=wrong)


def test_a_stage_with_companies_or_history_is_kept(scope, project, approach):
    stages = _stages(scope, project)

    with pytest.raises(ValidationError, match="Verschieben Sie ihn zuerst in eine andere Phase"):
        services.stage_delete(scope=scope, stage=stages["identifiziert"])
    services.approach_move(scope=scope, approach=approach, stage=stages["Gespräch"])
    with pytest.raises(ValidationError, match="diese Phase durchlaufen"):
        services.stage_delete(scope=scope, stage=stages["identifiziert"])


def test_an_unused_stage_is_deleted_and_the_rest_renumbered(scope, project):
    stages = _stages(scope, project)

    services.stage_delete(scope=scope, stage=stages["recherchiert"])

    remaining = list(Stage.objects.filter(project=project).order_by("position"))
    assert "recherchiert" not in [stage.name for stage in remaining]
    assert [stage.position for stage in remaining] == list(range(7))


def test_the_last_stage_is_kept(scope, project):
    stages = list(_stages(scope, project).values())
    for stage in stages[1:]:
        services.stage_delete(scope=scope, stage=stage)

    with pytest.raises(ValidationError, match="mindestens eine Phase"):
        services.stage_delete(scope=scope, stage=stages[0])


def test_partners_cannot_edit_stages(partner, workspace, scope, project):
    stage = _stages(scope, project)["Gespräch"]
    partner_scope = Scope(workspace=workspace, role=Role.PARTNER, user=partner)

    with pytest.raises(PermissionDenied):
        services.stage_create(scope=partner_scope, project=project, name="x", kind="other")
    with pytest.raises(PermissionDenied):
        services.stage_update(scope=partner_scope, stage=stage, name="x")
    with pytest.raises(PermissionDenied):
        services.stage_delete(scope=partner_scope, stage=stage)


def test_another_workspace_s_stages_are_refused(scope, project):
    other = WorkspaceFactory()
    other_scope = Scope(
        workspace=other,
        role=Role.LEAD,
        user=MembershipFactory(workspace=other, role=Role.LEAD).user,
    )
    foreign_project = ProjectFactory(workspace=other)
    foreign_stage = services.stages_ensure(scope=other_scope, project=foreign_project)[0]

    with pytest.raises(ValidationError):
        services.stage_update(scope=scope, stage=foreign_stage, name="übernommen")
    with pytest.raises(ValidationError):
        services.stage_delete(scope=scope, stage=foreign_stage)
    with pytest.raises(ValidationError):
        services.stage_create(scope=scope, project=foreign_project, name="x", kind="other")
