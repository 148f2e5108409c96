import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from netzwerkstatt.core.enums import Role
from netzwerkstatt.core.scoping import Scope
from netzwerkstatt.network.enums import TieKind
from netzwerkstatt.network.metrics import (
    metrics_compute,
    metrics_is_running,
    metrics_lock_acquire,
    network_settings,
    network_settings_update,
)
from netzwerkstatt.network.models import MetricsSnapshot
from netzwerkstatt.network.services import team_member_set, tie_save
from tests.factories import OrganisationFactory, PersonFactory

from .conftest import key, knows

URL = reverse("network:health")
STATUS_URL = reverse("network:health_status")
SETTINGS_URL = reverse("network:health_settings")


def test_health_page_shows_figures_and_what_to_do(team_client, lead_scope, star):
    metrics_compute(scope=lead_scope)

    response = team_client.get(URL)

    content = response.content.decode()
    assert response.status_code == 200
    figures = {figure.key: figure.value for figure in response.context["figures"]}
    assert figures == {
        "team_dependency": "33.3 %",
        "ties_only_via_team": "1",
        "brokers": "1",
        "stale_ties": "1",
        "isolates": "1",
    }
    assert "Share of the network that would fall apart without the project team" in content
    report = response.context["report"]
    introduction = report.introductions[0]
    assert (introduction["node"].label, introduction["to"].label, introduction["via"].label) == (
        "Dora Dietz",
        "Bea Berger",
        "Anna Teamer",
    )
    assert [(a.label, b.label) for a, b in report.brokers[0]["pairs"]] == [
        ("Bea Berger", "Dora Dietz")
    ]
    assert report.stale_ties == [star.stale_tie]
    assert [node.label for node in report.isolates] == ["Nord GmbH"]
    assert f'href="{star.dietz.get_absolute_url()}"' in content
    assert f'href="{star.isolate.get_absolute_url()}"' in content
    assert reverse("network:tie_update", args=[star.stale_tie.pk]) in content
    assert 'id="todo-introductions"' in content
    assert "hx-trigger" not in content  # current: nothing to poll for
    assert response.context["form"] is None  # settings are the lead's


def test_health_page_in_german_puts_names_into_sentences_without_stray_spaces(
    client, staff, lead_scope, star
):
    metrics_compute(scope=lead_scope)
    client.force_login(staff)

    content = client.get(URL).content.decode()

    team = f'<a href="{star.team.get_absolute_url()}">Anna Teamer</a>'
    assert f"(beide kennen {team})" in content
    assert "</a> ," not in content
    assert "</a>, <a" in content  # the members of a community


def test_health_page_in_german_when_nobody_stays_to_introduce_to(
    client, staff, workspace, lead_scope
):
    # Without the team Dietz and the firm Dietz works with are cut off; of the team
    # member's contacts only an organisation stays connected, and persons are
    # introduced to persons. The firm knows no team member itself.
    team = PersonFactory(workspace=workspace, first_name="Anna", last_name="Teamer")
    team_member_set(scope=lead_scope, person=team)
    dietz = PersonFactory(workspace=workspace, last_name="Dietz")
    knows(lead_scope, team, dietz)
    chamber, union, firm = OrganisationFactory.create_batch(3, workspace=workspace)
    for kind, source, target in (
        (TieKind.COLLABORATES, team, chamber),
        (TieKind.COOPERATION, chamber, union),
        (TieKind.COLLABORATES, dietz, firm),
    ):
        tie_save(scope=lead_scope, kind=kind, source=source, target=target, strength=3)
    metrics_compute(scope=lead_scope)
    client.force_login(staff)

    content = client.get(URL).content.decode()

    assert (
        f'noch kein Partner gefunden – fragen Sie <a href="{team.get_absolute_url()}">'
        "Anna Teamer</a> nach weiteren Kontakten"
    ) in content
    assert "noch kein Partner gefunden – fragen Sie im Projektteam nach weiteren Kontakten" in (
        content
    )
    assert "beide kennen" not in content


def test_health_page_in_german_counts_one_month_in_the_singular(client, staff, lead_scope, star):
    network_settings_update(scope=lead_scope, stale_after_months=1)
    metrics_compute(scope=lead_scope)
    client.force_login(staff)

    response = client.get(URL)

    stale = next(figure for figure in response.context["figures"] if figure.key == "stale_ties")
    assert "mehr als 1 Monat zurückliegt" in stale.explanation
    assert "seit 1 Monat oder länger ohne Kontakt" in stale.detail


def test_health_page_in_german_heads_the_brokers_table_briefly(client, staff, lead_scope, star):
    metrics_compute(scope=lead_scope)
    client.force_login(staff)

    content = client.get(URL).content.decode()

    assert '<th scope="col" class="number">Vermittlung</th>' in content
    assert "Vermittlungsrolle (Betweenness): der Anteil" in content


def test_health_page_draws_the_trend_with_a_table(team_client, workspace, lead_scope, star):
    last_month = (timezone.localdate().replace(day=1) - datetime.timedelta(days=1)).replace(day=1)
    MetricsSnapshot.objects.create(
        workspace=workspace,
        computed_at=timezone.now() - datetime.timedelta(days=40),
        graph_version="old",
        month=last_month,
        health={"stale_after_months": 12, "figures": {"team_dependency": 0.5, "isolates": 7}},
        metrics={"network": {"nodes": 9}},
    )
    metrics_compute(scope=lead_scope)

    response = team_client.get(URL)

    content = response.content.decode()
    figures = {figure.key: figure for figure in response.context["figures"]}
    assert len(response.context["months"]) == 2
    assert figures["team_dependency"].trend == ["50.0 %", "33.3 %"]
    assert figures["isolates"].trend == ["7", "1"]
    assert figures["brokers"].trend == ["–", "1"]
    assert figures["isolates"].chart["data"]["datasets"][0]["data"] == [7, 1]
    assert 'data-chart="health-trend-isolates"' in content
    assert 'id="health-trend-isolates" type="application/json"' in content


def test_health_page_query_count_is_fixed(
    team_client, workspace, lead_scope, star, django_assert_num_queries
):
    metrics_compute(scope=lead_scope)
    for number in range(5):
        knows(
            lead_scope,
            star.team,
            PersonFactory(workspace=workspace, last_name=f"Neu{number}"),
            last_contact=datetime.date(2000, 1, 1),
        )
    metrics_compute(scope=lead_scope)

    # session, user, membership, navigation memberships; snapshot, data versions,
    # settings, trend, persons, organisations, stale ties
    with django_assert_num_queries(11):
        response = team_client.get(URL)

    assert len(response.context["report"].stale_ties) == 6


def test_health_page_without_ties_says_what_to_record(team_client, workspace, lead_scope):
    PersonFactory(workspace=workspace)
    metrics_compute(scope=lead_scope)

    response = team_client.get(URL)

    content = response.content.decode()
    assert response.context["network"]["edges"] == 0
    assert "No ties have been recorded yet." in content
    assert reverse("network:tie_create") in content
    assert 'id="todo-introductions"' not in content


def test_health_page_without_snapshot_starts_the_computation(
    team_client, workspace, star, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = team_client.get(URL)

    content = response.content.decode()
    assert response.context["snapshot"] is None
    assert response.context["running"]
    assert len(callbacks) == 1  # the thread starts once the lock is committed
    assert metrics_is_running(workspace=workspace)
    assert f'hx-get="{STATUS_URL}?shown="' in content
    assert 'hx-trigger="every 3s"' in content


def test_health_page_with_stale_snapshot_shows_it_while_recomputing(
    team_client, workspace, lead_scope, star, django_capture_on_commit_callbacks
):
    snapshot = metrics_compute(scope=lead_scope)
    knows(lead_scope, star.dietz, star.engel)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = team_client.get(URL)

    assert response.context["snapshot"].pk == snapshot.pk
    assert response.context["stale"]
    assert response.context["running"]
    assert len(callbacks) == 1
    assert f"?shown={snapshot.pk}" in response.content.decode()


def test_health_status_polls_while_running(team_client, workspace, lead_scope, star):
    snapshot = metrics_compute(scope=lead_scope)
    knows(lead_scope, star.dietz, star.engel)
    metrics_lock_acquire(workspace=workspace)

    response = team_client.get(STATUS_URL, {"shown": snapshot.pk})

    assert response.status_code == 200
    assert "hx-trigger" in response.content.decode()
    assert "HX-Refresh" not in response


def test_health_status_reloads_the_page_when_a_new_snapshot_is_there(team_client, lead_scope, star):
    old = metrics_compute(scope=lead_scope)
    metrics_compute(scope=lead_scope)

    response = team_client.get(STATUS_URL, {"shown": old.pk})

    assert response["HX-Refresh"] == "true"
    assert "hx-trigger" not in response.content.decode()


def test_health_status_stops_polling_when_nothing_changed(team_client, lead_scope, star):
    snapshot = metrics_compute(scope=lead_scope)

    response = team_client.get(STATUS_URL, {"shown": snapshot.pk})

    assert "HX-Refresh" not in response
    assert "hx-trigger" not in response.content.decode()


def test_health_status_never_starts_a_computation(team_client, workspace, star):
    response = team_client.get(STATUS_URL, {"shown": ""})

    assert not response.context["running"]
    assert not metrics_is_running(workspace=workspace)


def test_health_settings_saved_by_the_lead(lead_client, lead_scope, star):
    metrics_compute(scope=lead_scope)

    form_page = lead_client.get(URL)
    response = lead_client.post(SETTINGS_URL, {"stale_after_months": "6"})

    assert form_page.context["form"]["stale_after_months"].value() == 12
    assert response.status_code == 302
    assert response.url == URL
    assert network_settings(scope=lead_scope).stale_after_months == 6


def test_health_settings_reject_invalid_months(lead_client, lead_scope, star):
    metrics_compute(scope=lead_scope)

    response = lead_client.post(SETTINGS_URL, {"stale_after_months": "0"})

    assert response.status_code == 400
    assert response.context["form"].errors["stale_after_months"]
    assert network_settings(scope=lead_scope).pk is None


def test_health_settings_are_not_for_staff(team_client, lead_scope):
    response = team_client.post(SETTINGS_URL, {"stale_after_months": "6"})

    assert response.status_code == 403
    assert network_settings(scope=lead_scope).pk is None


@pytest.mark.parametrize("url", [URL, STATUS_URL])
def test_health_pages_are_closed_to_partners(partner_client, url):
    assert partner_client.get(url).status_code == 403


def test_health_page_needs_a_login(client):
    response = client.get(URL)

    assert response.status_code == 302
    assert reverse("login") in response.url


def test_health_page_never_shows_another_workspaces_snapshot(
    client, other_lead, workspace, lead_scope, star, django_capture_on_commit_callbacks
):
    metrics_compute(scope=lead_scope)
    client.force_login(other_lead)

    with django_capture_on_commit_callbacks(execute=False):
        response = client.get(URL)

    content = response.content.decode()
    assert response.context["snapshot"] is None
    for name in ("Teamer", "Dietz", "Berger", "Nord GmbH"):
        assert name not in content


def test_health_page_leaves_out_names_from_another_workspace(
    team_client, other_workspace, lead_scope, star
):
    foreign = PersonFactory(workspace=other_workspace, last_name="Fremdling")
    snapshot = metrics_compute(scope=lead_scope)
    snapshot.health["next_steps"]["isolates"].append(key(foreign))
    snapshot.save()

    response = team_client.get(URL)

    assert [node.label for node in response.context["report"].isolates] == ["Nord GmbH"]
    assert "Fremdling" not in response.content.decode()


def test_health_navigation_entry_for_the_team_only(team_client, partner, client):
    team_page = team_client.get(reverse("core:home"))
    client.force_login(partner)
    partner_page = client.get(reverse("core:home"))

    assert f'href="{URL}"' in team_page.content.decode()
    assert f'href="{URL}"' not in partner_page.content.decode()


def test_overview_panel_shows_the_newest_figures(team_client, lead_scope, star):
    metrics_compute(scope=lead_scope)

    response = team_client.get(reverse("core:home"))

    content = response.content.decode()
    assert 'id="health-overview-heading"' in content
    assert "33.3 %" in content


def test_overview_panel_hidden_from_partners(workspace, partner):
    from netzwerkstatt.network.views.health import overview

    panel = overview(scope=Scope(workspace=workspace, role=Role.PARTNER, user=partner))

    assert panel["visible"] is False


def test_health_page_starts_nothing_when_computing_is_left_to_cron(
    team_client, workspace, lead_scope, star, settings, django_capture_on_commit_callbacks
):
    settings.NETZWERKSTATT_METRICS_IN_BACKGROUND = False
    metrics_compute(scope=lead_scope)
    knows(lead_scope, star.dietz, star.engel)

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = team_client.get(URL)

    assert response.context["stale"]
    assert not response.context["running"]
    assert callbacks == []
    assert not metrics_is_running(workspace=workspace)
    assert "next scheduled run" in response.content.decode()
