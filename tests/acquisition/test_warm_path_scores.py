"""Stored warm-path scores: the batch refresh, staleness, the background lock and the command."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from netzwerkstatt.acquisition import selectors, services
from netzwerkstatt.acquisition.models import WarmPathScore
from netzwerkstatt.acquisition.services.targeting import (
    warm_path_lock_acquire,
    warm_path_lock_release,
)
from netzwerkstatt.contacts.enums import OrganisationKind
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network import services as network_services
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.loading import cached_path_graph
from netzwerkstatt.network.paths import warm_paths
from tests.factories import (
    FunctionFactory,
    OrganisationFactory,
    PersonFactory,
    TeamMemberFactory,
    TieFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def network(workspace):
    """A team member who knows the managing director of one company; another company apart."""
    colleague = TeamMemberFactory(workspace=workspace, since=dt.date(2024, 1, 1)).person
    warm = FunctionFactory(workspace=workspace, organisation__name="Warm GmbH")
    cold = OrganisationFactory(workspace=workspace, name="Kalt AG")
    TieFactory(workspace=workspace, source_person=colleague, target_person=warm.person, strength=5)
    OrganisationFactory(workspace=workspace, name="IHK", kind=OrganisationKind.CHAMBER)
    return {"colleague": colleague, "warm": warm.organisation, "cold": cold}


def test_refresh_stores_the_best_warm_path_of_every_company(scope, network):
    refresh = services.warm_path_scores_refresh(scope=scope)

    stored = {row.organisation_id: row for row in WarmPathScore.objects.all()}
    assert set(stored) == {network["warm"].pk, network["cold"].pk}  # companies only
    assert (refresh.companies, refresh.reachable) == (2, 1)
    [best] = warm_paths(
        cached_path_graph(scope=scope),
        sources=[f"person:{network['colleague'].pk}"],
        target=f"organisation:{network['warm'].pk}",
        k=1,
    )
    assert stored[network["warm"].pk].score == pytest.approx(best.score)
    assert stored[network["warm"].pk].hops == 2
    assert (stored[network["cold"].pk].score, stored[network["cold"].pk].hops) == (0, None)
    assert {row.network_version for row in stored.values()} == {
        selectors.targeting.warm_path_version(scope=scope)
    }
    assert not selectors.warm_paths_stale(scope=scope)


def test_scores_are_stale_after_the_network_changes_and_fresh_after_a_refresh(
    scope, workspace, network
):
    services.warm_path_scores_refresh(scope=scope)
    stranger = PersonFactory(workspace=workspace)

    network_services.tie_save(
        scope=scope,
        kind=TieKind.KNOWS,
        source=network["colleague"],
        target=stranger,
        strength=3,
    )

    assert selectors.warm_paths_stale(scope=scope)
    services.warm_path_scores_refresh(scope=scope)
    assert not selectors.warm_paths_stale(scope=scope)


def test_a_new_company_without_a_score_makes_the_scores_stale(scope, workspace, network):
    services.warm_path_scores_refresh(scope=scope)

    OrganisationFactory(workspace=workspace)

    assert selectors.warm_paths_stale(scope=scope)


def test_refresh_keeps_to_its_workspace(scope, network, other_workspace):
    foreign = OrganisationFactory(workspace=other_workspace)
    services.warm_path_scores_refresh(scope=Scope.system(other_workspace))

    services.warm_path_scores_refresh(scope=scope)

    assert WarmPathScore.objects.filter(workspace=other_workspace).get().organisation == foreign
    assert WarmPathScore.objects.filter(workspace=scope.workspace).count() == 2


def test_one_refresh_at_a_time_holds_the_lock(workspace):
    token = warm_path_lock_acquire(workspace=workspace)

    assert token is not None
    assert warm_path_lock_acquire(workspace=workspace) is None
    assert services.warm_path_refresh_running(workspace=workspace)
    warm_path_lock_release(workspace_id=workspace.pk, token=token)
    assert not services.warm_path_refresh_running(workspace=workspace)


def test_the_background_refresh_starts_only_when_stale(workspace, network, settings):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = True
    scope = Scope.system(workspace)

    assert services.warm_path_scores_refresh_in_background(workspace=workspace)
    # the lock is taken until the thread (started after the commit) releases it
    assert not services.warm_path_scores_refresh_in_background(workspace=workspace)
    services.warm_path_scores_refresh(scope=scope)
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    assert not services.warm_path_scores_refresh_in_background(workspace=workspace)


def test_command_refreshes_and_reports_progress(workspace, network):
    out, err = StringIO(), StringIO()

    call_command("warm-path-scores", "--workspace", workspace.slug, stdout=out, stderr=err)

    assert WarmPathScore.objects.filter(workspace=workspace).count() == 2
    output = out.getvalue()
    assert "2" in output.splitlines()[0]
    assert "1" in output.splitlines()[1]
    assert err.getvalue().count("\n") >= 3  # loading, computing, storing
    assert not services.warm_path_refresh_running(workspace=workspace)


def test_command_refuses_an_unknown_workspace(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("warm-path-scores", "--workspace", "gibt-es-nicht", stdout=StringIO())
