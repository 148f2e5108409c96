"""The pipeline's core: default stages, companies entering it, moves and their history."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from netzwerkstatt.acquisition import services
from netzwerkstatt.acquisition.enums import StageKind
from netzwerkstatt.acquisition.models import Approach, StageChange
from netzwerkstatt.contacts.enums import OrganisationKind
from tests.factories import OrganisationFactory, ProjectFactory, WorkspaceFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def project(workspace):
    return ProjectFactory(workspace=workspace)


@pytest.fixture
def company(workspace):
    return OrganisationFactory(workspace=workspace, kind=OrganisationKind.COMPANY)


def test_a_project_gets_the_default_stages_once(scope, project):
    first = services.stages_ensure(scope=scope, project=project)
    again = services.stages_ensure(scope=scope, project=project)

    assert [stage.name for stage in first] == [
        "identifiziert", "recherchiert", "angesprochen", "Gespräch", "Vereinbarung",
        "aktiv in Maßnahme", "abgeschlossen/Alumni", "abgesagt",
    ]  # fmt: skip
    assert [stage.kind for stage in first][3:5] == [StageKind.CONVERSATION, StageKind.AGREEMENT]
    assert [stage.pk for stage in again] == [stage.pk for stage in first]


def test_a_company_enters_the_first_stage_and_its_entry_is_history(scope, project, company):
    approach = services.approach_create(
        scope=scope, project=project, organisation=company, channel="warm"
    )

    assert approach.stage.name == "identifiziert"
    assert approach.owner == scope.user
    change = StageChange.objects.get(approach=approach)
    assert (change.kind, change.changed_by) == (StageKind.IDENTIFIED, scope.user)


def test_a_company_enters_a_pipeline_once(scope, project, company):
    services.approach_create(scope=scope, project=project, organisation=company)

    with pytest.raises(ValidationError, match="schon in der Pipeline des Projekts"):
        services.approach_create(scope=scope, project=project, organisation=company)


def test_only_companies_enter_the_pipeline(scope, project, workspace):
    chamber = OrganisationFactory(workspace=workspace, kind=OrganisationKind.CHAMBER)

    with pytest.raises(ValidationError):
        services.approach_create(scope=scope, project=project, organisation=chamber)
    assert not Approach.objects.exists()


def test_another_workspace_s_company_is_refused(scope, project):
    foreign = OrganisationFactory(workspace=WorkspaceFactory())

    with pytest.raises(ValidationError):
        services.approach_create(scope=scope, project=project, organisation=foreign)
    assert not Approach.objects.exists()


def test_partners_cannot_touch_the_pipeline(partner_scope, workspace, company):
    project = ProjectFactory(workspace=workspace)

    with pytest.raises(PermissionDenied):
        services.approach_create(scope=partner_scope, project=project, organisation=company)


def test_bulk_add_leaves_companies_already_in_the_pipeline(scope, project, workspace, company):
    services.approach_create(scope=scope, project=project, organisation=company)
    others = OrganisationFactory.create_batch(3, workspace=workspace)

    created, present = services.approaches_create(
        scope=scope, project=project, organisations=[company, *others]
    )

    assert (len(created), present) == (3, 1)
    assert Approach.objects.filter(project=project).count() == 4


def test_moves_are_kept_with_the_kind_of_their_time(scope, project, company):
    stages = services.stages_ensure(scope=scope, project=project)
    start = timezone.now() - dt.timedelta(days=30)
    approach = services.approach_create(
        scope=scope, project=project, organisation=company, at=start
    )
    services.approach_move(scope=scope, approach=approach, stage=stages[3], at=start)
    services.approach_move(scope=scope, approach=approach, stage=stages[4])
    stages[4].kind = StageKind.OTHER  # re-marked later: history stays as it was
    stages[4].save()

    kinds = list(StageChange.objects.filter(approach=approach).values_list("kind", flat=True))
    assert kinds == [StageKind.IDENTIFIED, StageKind.CONVERSATION, StageKind.AGREEMENT]


def test_moving_within_a_stage_reorders_without_history(scope, project, workspace):
    companies = OrganisationFactory.create_batch(3, workspace=workspace)
    approaches = [
        services.approach_create(scope=scope, project=project, organisation=company)
        for company in companies
    ]

    services.approach_move(
        scope=scope, approach=approaches[2], stage=approaches[2].stage, position=0
    )

    order = list(
        Approach.objects.filter(project=project).order_by("position").values_list("pk", flat=True)
    )
    assert order == [approaches[2].pk, approaches[0].pk, approaches[1].pk]
    assert StageChange.objects.count() == 3


def test_a_stage_of_another_project_is_refused(scope, project, company, workspace):
    other = services.stages_ensure(scope=scope, project=ProjectFactory(workspace=workspace))
    approach = services.approach_create(scope=scope, project=project, organisation=company)

    with pytest.raises(ValidationError):
        services.approach_move(scope=scope, approach=approach, stage=other[1])
